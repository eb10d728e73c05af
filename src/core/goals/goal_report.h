// A unit's goals of a year in the seeds' layout: per theme (numbered as that year prints it),
// the city-level goal, the unit's key goals with the responsibility areas' goals, actions,
// responsible, realisation and status; a status summary; and each metric's target, value and
// status. Built here, rendered in render/goal_render.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace toteuma {

struct GoalLine {
  std::string key_goal, area_goal, actions, responsible, realisation;
  std::optional<GoalStatus> status;  // on the key goal's first line
  bool status_derived = false;
  std::string status_reason;
};

struct GoalGroup {
  std::string heading;                 // "1. Elinvoimainen kaupunki"
  std::vector<std::string> city_goals; // city-level goals of the theme
  std::vector<GoalLine> lines;
};

struct MetricLine {
  std::string goal, name, target, value, source;
  GoalStatus status = GoalStatus::no_data;
};

struct ReviewLine {
  std::string goal, text;
  GoalStatus status = GoalStatus::no_data;
};

struct ReviewBlock {  // a dated status review (tilannekatsaus) of the unit's goals
  std::string title;
  Date date;
  std::vector<ReviewLine> lines;
};

struct GoalReport {
  std::string title, unit_name;
  std::vector<std::string> headings;  // key goal | area goal | actions | responsible | realisation Y | status
  std::vector<GoalGroup> groups;
  std::map<GoalStatus, int> summary;
  std::vector<MetricLine> metrics;
  std::vector<ReviewBlock> reviews;
  Lang lang = Lang::fi;
};

// The status as printed: "toteutui osittain (syy)" (a manual status shows its reason).
std::string goal_status_text(const GoalLine& l, Lang lang);

GoalReport build_goal_report(const Dataset& d, const std::string& unit, int year, Lang lang);

}  // namespace toteuma
