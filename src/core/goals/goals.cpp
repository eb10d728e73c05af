#include "core/goals/goals.h"

#include <algorithm>
#include <tuple>

namespace toteuma {

std::optional<GoalStatus> parse_goal_status(const std::string& s) {
  if (s == "met") return GoalStatus::met;
  if (s == "partly") return GoalStatus::partly;
  if (s == "not_met") return GoalStatus::not_met;
  if (s == "no_data") return GoalStatus::no_data;
  return std::nullopt;
}

std::string to_string(GoalStatus s) {
  switch (s) {
    case GoalStatus::met: return "met";
    case GoalStatus::partly: return "partly";
    case GoalStatus::not_met: return "not_met";
    case GoalStatus::no_data: return "no_data";
  }
  return "no_data";
}

void canonicalize(Goals& g) {
  auto by = [](auto& v, auto key) {
    std::stable_sort(v.begin(), v.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  };
  by(g.themes, [](const Theme& x) { return x.id; });
  by(g.theme_numbers, [](const ThemeNumber& x) { return std::tie(x.theme, x.year); });
  by(g.goals, [](const Goal& x) { return std::tie(x.year, x.unit, x.position, x.id); });
  by(g.actions, [](const GoalAction& x) { return std::tie(x.goal, x.position); });
  by(g.metrics, [](const Metric& x) { return std::tie(x.goal, x.id); });
  by(g.values, [](const MetricValue& x) { return std::tie(x.metric, x.date); });
  by(g.realisations, [](const Realisation& x) { return std::tie(x.goal, x.year); });
  by(g.reviews, [](const Review& x) { return std::tie(x.unit, x.date, x.id); });
  by(g.review_items, [](const ReviewItem& x) { return std::tie(x.review, x.goal); });
  by(g.rules, [](const GoalRule& x) { return std::tie(x.municipality, x.rule); });
}

GoalStatus metric_status(const Metric& m, const std::vector<MetricValue>& values, int year) {
  const MetricValue* latest = nullptr;
  for (const auto& v : values)
    if (v.metric == m.id && v.date.year == year && (!latest || v.date > latest->date)) latest = &v;
  if (!latest || !m.target_tenths) return GoalStatus::no_data;
  bool up = m.direction != "down";
  auto reaches = [&](std::int64_t limit) { return up ? latest->value_tenths >= limit : latest->value_tenths <= limit; };
  if (reaches(*m.target_tenths)) return GoalStatus::met;
  if (m.partly_tenths && reaches(*m.partly_tenths)) return GoalStatus::partly;
  return GoalStatus::not_met;
}

GoalStatus goal_status(const Goals& g, const Goal& goal, bool* derived) {
  int n = 0, met = 0, at_least_partly = 0, data = 0;
  for (const auto& m : g.metrics) {
    if (m.goal != goal.id) continue;
    ++n;
    GoalStatus s = metric_status(m, g.values, goal.year);
    if (s != GoalStatus::no_data) ++data;
    if (s == GoalStatus::met) ++met;
    if (s == GoalStatus::met || s == GoalStatus::partly) ++at_least_partly;
  }
  if (n > 0) {
    if (derived) *derived = true;
    if (data == 0) return GoalStatus::no_data;
    if (met == n) return GoalStatus::met;
    if (at_least_partly == 0) return GoalStatus::not_met;
    return GoalStatus::partly;
  }
  if (derived) *derived = false;
  for (const auto& r : g.realisations)
    if (r.goal == goal.id && r.year == goal.year && r.status) return *r.status;
  return GoalStatus::no_data;
}

}  // namespace toteuma
