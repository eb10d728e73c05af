// The annual clock (vuosikello / årsklocka, seeds 000/001/004): the planning and reporting year
// as dated phases and items, each with a responsible person and a deadline.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/lang.h"

namespace toteuma {

// A phase groups items (e.g. "budget preparation", "reporting"); the wheel draws phases as arcs.
// An item is one dated step: budget frame, unit proposals, board proposal, council decision,
// interim reviews, annual report, council items with their participation measures, ...
struct CalendarItem {
  std::string id;
  std::string municipality;      // municipality id
  int year = 0;                  // the calendar year the clock describes
  std::string phase;             // phase id, e.g. "budget" | "reporting" | "council"
  Text phase_name, title, participation;  // participation: how residents take part ("" none)
  Date start, deadline;          // start <= deadline
  Text responsible;              // a person or office
  // The document sections this item's deadline applies to: "doc/section" pairs separated by
  // spaces (e.g. "annual-report/review budget-book/goals"), shown on a unit's sections.
  std::string sections;
  bool operator==(const CalendarItem&) const = default;
};

// The items of a municipality and year, by deadline then id.
std::vector<const CalendarItem*> calendar_of(const std::vector<CalendarItem>& all, const std::string& municipality, int year);
// The item whose deadline applies to section `section` of document `doc` of `doc_year`, nullptr if
// none. A document is prepared in the clock of another year: an annual report of Y in the clock
// of Y+1, a budget book, service plan or personnel plan of Y in the clock of Y-1. With several
// items for the section, the latest deadline wins (the final one).
const CalendarItem* deadline_for(const std::vector<CalendarItem>& all, const std::string& municipality,
                                 const std::string& doc, const std::string& section, int doc_year);
void canonicalize(std::vector<CalendarItem>& all);

}  // namespace toteuma
