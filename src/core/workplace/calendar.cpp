#include "core/workplace/calendar.h"

#include <algorithm>
#include <tuple>

#include "core/text.h"

namespace toteuma {

std::vector<const CalendarItem*> calendar_of(const std::vector<CalendarItem>& all, const std::string& municipality,
                                             int year) {
  std::vector<const CalendarItem*> out;
  for (const auto& c : all)
    if (c.municipality == municipality && c.year == year) out.push_back(&c);
  std::sort(out.begin(), out.end(), [](const CalendarItem* a, const CalendarItem* b) {
    return std::tie(a->deadline, a->id) < std::tie(b->deadline, b->id);
  });
  return out;
}

const CalendarItem* deadline_for(const std::vector<CalendarItem>& all, const std::string& municipality,
                                 const std::string& doc, const std::string& section, int doc_year) {
  // The annual report looks back (written after its year); the plans look ahead.
  const int clock_year = doc == "annual-report" ? doc_year + 1 : doc_year - 1;
  const std::string key = doc + "/" + section;
  const CalendarItem* best = nullptr;
  for (const auto& c : all) {
    if (c.municipality != municipality || c.year != clock_year) continue;
    auto parts = split_nonempty(c.sections, ' ');
    if (std::find(parts.begin(), parts.end(), key) == parts.end()) continue;
    // Latest deadline wins; on a tie the larger id, so the answer does not depend on list order.
    if (!best || std::tie(c.deadline, c.id) > std::tie(best->deadline, best->id)) best = &c;
  }
  return best;
}

void canonicalize(std::vector<CalendarItem>& all) {
  std::sort(all.begin(), all.end(), [](const CalendarItem& a, const CalendarItem& b) {
    return std::tie(a.municipality, a.year, a.deadline, a.id) < std::tie(b.municipality, b.year, b.deadline, b.id);
  });
}

}  // namespace toteuma
