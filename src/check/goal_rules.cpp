#include "check/goal_rules.h"

#include <fmt/format.h>

#include <map>
#include <tuple>

namespace toteuma {

std::optional<std::int64_t> goal_rule(const Goals& g, const std::string& municipality, const std::string& name) {
  for (const auto& r : g.rules)
    if (r.municipality == municipality && r.rule == name) return r.value;
  return std::nullopt;
}

std::string goal_sector_of(const Dataset& d, const std::string& unit) {
  std::string id = unit;
  for (std::size_t guard = 0; guard <= d.units.size(); ++guard) {
    const UnitVersion* v = nullptr;
    for (const auto& u : d.units)
      if (u.id == id && (!v || u.valid_from > v->valid_from)) v = &u;
    if (!v || v->kind == UnitKind::sector || v->parent.empty()) return v && v->kind == UnitKind::sector ? id : unit;
    id = v->parent;
  }
  return unit;
}

std::string ThemeGoalCount::range() const {
  return fmt::format("{}–{}", min.value_or(0), max ? std::to_string(*max) : "");
}

std::vector<ThemeGoalCount> goals_per_theme(const Dataset& d) {
  std::map<std::tuple<std::string, int, std::string>, int> per_theme;
  for (const auto& x : d.goals.goals)
    if (!x.retired && !x.theme.empty() && (x.level == "unit" || x.level == "center"))
      ++per_theme[{goal_sector_of(d, x.unit), x.year, x.theme}];
  std::vector<ThemeGoalCount> out;
  for (const auto& [key, n] : per_theme) {
    const auto& [sector, year, theme] = key;
    const std::string& m = d.municipality_of(sector).id;
    out.push_back({sector, theme, year, n, goal_rule(d.goals, m, "goals_per_theme_min"), goal_rule(d.goals, m, "goals_per_theme_max")});
  }
  return out;
}

bool goal_lacks_metric(const Dataset& d, const Goal& goal) {
  bool has_metric = false;
  for (const auto& m : d.goals.metrics) has_metric = has_metric || m.goal == goal.id;
  return goal_lacks_metric(d, goal, d.municipality_of(goal.unit), has_metric);
}

bool goal_lacks_metric(const Dataset& d, const Goal& goal, const Municipality& of_goal, bool has_metric) {
  return !goal.retired && goal_rule(d.goals, of_goal.id, "metric_required").value_or(0) > 0 && !has_metric;
}

}  // namespace toteuma
