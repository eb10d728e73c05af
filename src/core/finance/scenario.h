// Scenarios are the columns a figure can belong to: the original budget, each amendment
// (with its council decision), actuals, forecasts and economic-plan years.
#pragma once
#include <optional>
#include <string>

#include "core/date.h"
#include "core/lang.h"

namespace toteuma {

enum class ScenarioKind { budget, amendment, actual, forecast, plan };
std::optional<ScenarioKind> parse_scenario_kind(const std::string& s);
std::string to_string(ScenarioKind k);

struct Scenario {
  std::string id;
  ScenarioKind kind = ScenarioKind::budget;
  int year = 0;
  std::optional<int> base_year;  // plan only: the budget year whose economic plan this is
  Text name;
  std::string decision_ref;      // council decision (required for amendments)
  std::optional<Date> decision_date;
  // The municipality whose column this is (a council decides its own amendments); "" for a column
  // common to all the dataset's municipalities (the demo's budgets and actuals). nullopt only
  // until infer_scenario_municipalities (core/dataset.h) fills data recorded without the field.
  std::optional<std::string> municipality = std::nullopt;
  bool operator==(const Scenario&) const = default;
};

}  // namespace toteuma
