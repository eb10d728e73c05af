#include "core/documents/narratives.h"

#include <algorithm>
#include <tuple>

namespace toteuma {

const Narrative* find_narrative(const std::vector<Narrative>& all, const std::string& unit, int year,
                                const std::string& section, Lang lang) {
  for (const auto& n : all)
    if (n.unit == unit && n.year == year && n.section == section && n.lang == lang) return &n;
  return nullptr;
}

void canonicalize(std::vector<Narrative>& all) {
  std::sort(all.begin(), all.end(), [](const Narrative& a, const Narrative& b) {
    return std::tie(a.unit, a.year, a.section, a.lang) < std::tie(b.unit, b.year, b.section, b.lang);
  });
}

}  // namespace toteuma
