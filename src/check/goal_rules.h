// The municipality's goal-writing rules (goals/rules.csv, DESIGN §5) evaluated once, for the
// checks (goals.per_theme, goals.metric_required in check/dataset_checks.cpp) and for the goals
// page, which shows them while a unit head writes (web/goal_pages.cpp).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace toteuma {

// The value of rule `name` of a municipality (nullopt when it has none).
std::optional<std::int64_t> goal_rule(const Goals& g, const std::string& municipality, const std::string& name);

// The sector (toimiala) a unit's goals count for: the nearest sector above it (or itself), else the unit.
std::string goal_sector_of(const Dataset& d, const std::string& unit);

// Goals per theme per sector and year (Laitila: "toimialakohtaisesti 3–5 tavoitetta"): the unit- and
// center-level goals of every unit under the sector, retired goals not counted, with the
// municipality's range. `within` when the count is in the range (or there is none).
struct ThemeGoalCount {
  std::string sector, theme;
  int year = 0;
  int count = 0;
  std::optional<std::int64_t> min, max;
  bool within() const { return !(min && count < *min) && !(max && count > *max); }
  std::string range() const;  // "3–5", "3–", "0–5"
};
std::vector<ThemeGoalCount> goals_per_theme(const Dataset& d);

// Whether the goal lacks the metric its municipality's metric_required asks for (retired goals never).
bool goal_lacks_metric(const Dataset& d, const Goal& goal);
// The same when the goal's municipality and whether it has a metric are known (a loop over all goals).
bool goal_lacks_metric(const Dataset& d, const Goal& goal, const Municipality& of_goal, bool has_metric);

}  // namespace toteuma
