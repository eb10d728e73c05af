// A unit's goal work of a year (issue 17 item 1): /{lang}/unit/{unit}/goals/edit?year=Y creates,
// edits, orders and retires goals, their actions and metrics, records metric values, sets a
// status by hand with a reason, takes dated status reviews and (admin) keeps the themes, showing
// the municipality's goal-writing rules as the checks evaluate them (check/goal_rules.h).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/workplace/workflow.h"
#include "web/context.h"

namespace toteuma::web {

http::Response goals_edit_page(const Ctx& c, const std::string& unit);

// The rules of the unit's municipality as notes for the writer, in `lang`: per theme of the unit's
// sector and year "3–5 tavoitetta strategista päämäärää kohden (X): teillä on 6", and the goals
// lacking a required metric. `any_outside` (if given) is set when a rule is not met.
std::vector<std::string> goal_rule_notes(const Dataset& d, const std::string& unit, int year, Lang lang, bool* any_outside = nullptr);

// A dated status review `id` of the unit's goals of the year: the review and one item per goal not
// retired, with its status now (goal_status) and the comment given for it (none: empty).
std::vector<Change> review_snapshot(const Dataset& d, const std::string& unit, int year, const std::string& id, Date date,
                                    const Text& title, const std::map<std::string, Text>& comments);

}  // namespace toteuma::web
