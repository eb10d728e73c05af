// Traces a computed figure back to the entered figures it comes from: the formula, the
// sub-units, the scenarios. Mirrors Ledger::value and Ledger::measure step by step.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/finance/ledger.h"

namespace toteuma {

enum class Step {
  entered,    // a figure of figures.csv
  formula,    // a total: its parts at the same unit
  children,   // the sum of the sub-units
  scenarios,  // the sum of scenarios (budget + amendments, ...)
  difference, // deviation = actual − budget after amendments
  projected,  // a follow-up projection from the ledger's closed months (core/finance/follow_up.h)
  absent      // nothing to show
};

struct Explanation {
  Step step = Step::absent;
  std::string unit, line, scenario;  // what this node is about ("" when not applicable)
  std::string what;                  // a short label in the requested language
  int sign = 1;                      // how the node enters its parent's sum
  std::optional<Cents> value;
  std::vector<Explanation> parts;
};

// One scenario's value traced through the rollup (Ledger::value) to its entered figures.
Explanation explain_value(const Ledger& ledger, const OrgView& org, const std::string& unit, const std::string& line,
                          const std::string& scenario, Lang lang);

Explanation explain_measure(const Ledger& ledger, const OrgView& org, const std::string& unit,
                            const std::string& line, const ColumnSpec& col, Lang lang);

}  // namespace toteuma
