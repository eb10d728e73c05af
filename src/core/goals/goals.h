// Strategy goals, metrics and status reviews (DESIGN §5): themes with a stable identity, goals
// of a year at city, center, area or unit level, actions, metrics with targets and measured
// values, realisations with a status, dated status reviews, and the municipality's rules.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/lang.h"

namespace toteuma {

enum class GoalStatus { met, partly, not_met, no_data };
std::optional<GoalStatus> parse_goal_status(const std::string& s);
std::string to_string(GoalStatus s);

struct Theme {
  std::string id;
  Date valid_from;
  std::optional<Date> valid_to;
  Text name;
  bool operator==(const Theme&) const = default;
};

struct ThemeNumber {
  std::string theme;
  int year = 0;
  int number = 0;
  bool operator==(const ThemeNumber&) const = default;
};

struct Goal {
  std::string id;
  int year = 0;
  std::string unit;
  std::string level;  // city | center | area | unit
  std::string theme, parent;
  int position = 0;
  Text text, responsible;
  // Retired on this date (issue 17): kept with its history, no longer printed nor counted by the rules.
  std::optional<Date> retired = {};
  bool operator==(const Goal&) const = default;
};

struct GoalAction {
  std::string goal;
  int position = 0;
  Text text, responsible;
  bool operator==(const GoalAction&) const = default;
};

struct Metric {
  std::string id, goal;
  Text name;
  std::string unit;       // % | count | eur | scale
  std::string direction;  // up | down
  std::optional<std::int64_t> target_tenths, partly_tenths;
  std::string owner, frequency;  // year | half-year | quarter | month
  bool operator==(const Metric&) const = default;
};

struct MetricValue {
  std::string metric;
  Date date;
  std::int64_t value_tenths = 0;
  std::string source;
  bool operator==(const MetricValue&) const = default;
};

struct Realisation {
  std::string goal;
  int year = 0;
  std::optional<GoalStatus> status;  // set by hand; empty = derived from metrics
  Text reason, text;
  bool operator==(const Realisation&) const = default;
};

struct Review {
  std::string id, unit;
  Date date;
  Text title;
  bool operator==(const Review&) const = default;
};

struct ReviewItem {
  std::string review, goal;
  GoalStatus status = GoalStatus::no_data;
  Text text;
  bool operator==(const ReviewItem&) const = default;
};

struct GoalRule {
  std::string rule, municipality;
  std::int64_t value = 0;
  bool operator==(const GoalRule&) const = default;
};

struct Goals {
  std::vector<Theme> themes;
  std::vector<ThemeNumber> theme_numbers;
  std::vector<Goal> goals;
  std::vector<GoalAction> actions;
  std::vector<Metric> metrics;
  std::vector<MetricValue> values;
  std::vector<Realisation> realisations;
  std::vector<Review> reviews;
  std::vector<ReviewItem> review_items;
  std::vector<GoalRule> rules;
  bool operator==(const Goals&) const = default;
};

void canonicalize(Goals& g);

// The metric's status in a year: its latest value dated in that year against the target.
GoalStatus metric_status(const Metric& m, const std::vector<MetricValue>& values, int year);
// A goal's status in its year: from its metrics when it has any, else the status set by hand
// (no_data when none). `derived` tells which.
GoalStatus goal_status(const Goals& g, const Goal& goal, bool* derived = nullptr);

}  // namespace toteuma
