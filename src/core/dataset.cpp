#include "core/dataset.h"

#include <algorithm>
#include <tuple>

namespace toteuma {

const Scenario* Dataset::scenario(const std::string& id) const {
  for (const auto& s : scenarios)
    if (s.id == id) return &s;
  return nullptr;
}

void canonicalize(Dataset& d) {
  std::sort(d.units.begin(), d.units.end(), [](const UnitVersion& a, const UnitVersion& b) {
    return std::tie(a.id, a.valid_from) < std::tie(b.id, b.valid_from);
  });
  std::sort(d.scenarios.begin(), d.scenarios.end(), [](const Scenario& a, const Scenario& b) {
    return std::tie(a.year, a.kind, a.id) < std::tie(b.year, b.kind, b.id);
  });
  std::sort(d.figures.begin(), d.figures.end(), [](const Figure& a, const Figure& b) {
    return std::tie(a.unit, a.scenario, a.line) < std::tie(b.unit, b.scenario, b.line);
  });
  std::sort(d.accounts.begin(), d.accounts.end(),
            [](const AccountRange& a, const AccountRange& b) { return a.from < b.from; });
}

}  // namespace toteuma
