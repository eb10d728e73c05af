#include "core/finance/scenario.h"

namespace toteuma {

std::optional<ScenarioKind> parse_scenario_kind(const std::string& s) {
  if (s == "budget") return ScenarioKind::budget;
  if (s == "amendment") return ScenarioKind::amendment;
  if (s == "actual") return ScenarioKind::actual;
  if (s == "forecast") return ScenarioKind::forecast;
  if (s == "plan") return ScenarioKind::plan;
  return std::nullopt;
}

std::string to_string(ScenarioKind k) {
  switch (k) {
    case ScenarioKind::budget: return "budget";
    case ScenarioKind::amendment: return "amendment";
    case ScenarioKind::actual: return "actual";
    case ScenarioKind::forecast: return "forecast";
    case ScenarioKind::plan: return "plan";
  }
  return "budget";
}

}  // namespace toteuma
