// Computation over a dataset: line values with rollups over the organisation, the derived
// measures (budget after amendments, deviation, realisation %) and the binding-level overrun.
#pragma once
#include <map>
#include <set>
#include <optional>
#include <string>
#include <tuple>

#include "core/dataset.h"

namespace toteuma {

// What a column of a report shows.
enum class Measure { budget, amendments, budget_after, actual, deviation, forecast, plan };

struct ColumnSpec {
  Measure measure = Measure::budget;
  int year = 0;
  int base_year = 0;  // plan only
};

class Ledger {
 public:
  explicit Ledger(const Dataset& d);

  // Value of `line` at `unit` in one scenario, rolling up over `org`:
  //  - a unit that holds its own figures for the line (entered, or for a total, entered for
  //    any of its parts) is computed from those: a total by its formula, where a part without
  //    own figures falls back to the sub-units' sum;
  //  - otherwise the sum over its sub-units. nullopt when nothing exists (absent, not zero).
  std::optional<Cents> value(const OrgView& org, const std::string& unit, const std::string& line,
                             const std::string& scenario) const;

  std::optional<Cents> measure(const OrgView& org, const std::string& unit,
                               const std::string& line, const ColumnSpec& col) const;

  // actual / budget after amendments, in tenths of a percent.
  std::optional<std::int64_t> realisation_permille(const OrgView& org, const std::string& unit,
                                                   const std::string& line, int year) const;

  // At a unit with a binding line: true when the actual of `year` is worse (lower, since income
  // is positive and costs negative) than the budget after amendments. nullopt when the unit has
  // no binding line or either figure is missing.
  std::optional<bool> overrun(const OrgView& org, const std::string& unit, int year) const;

  // `value` (the actual of `year`) − the budget after amendments of the line, or
  // absent: when both are absent, when the value's column is empty for the unit
  // (`value_column` false), when the unit has no budget of the year, or when the line's budget
  // sits on a total above it. A line blank inside an existing column counts as zero.
  std::optional<Cents> difference_from_budget(const OrgView& org, const std::string& unit, const std::string& line, int year,
                                              std::optional<Cents> value, bool value_column) const;
  // True when the unit or a unit under it holds any figure of a scenario of kind `k` in `year`.
  bool holds_any(const OrgView& org, const std::string& unit, ScenarioKind k, int year, int depth = 0) const;

  // True when the unit (or its sub-units) has any figure in the column for any line.
  bool column_has_data(const OrgView& org, const std::string& unit, const ColumnSpec& col) const;

  // Scenario ids of a kind and year (and base year for plans).
  std::vector<std::string> scenarios_of(ScenarioKind k, int year, int base_year = 0) const;

  const Dataset& dataset() const { return d_; }

  // True when the unit holds figures of its own for the line: entered for it or, for a total,
  // for any of its parts. Such a unit's value is not the sum of its sub-units.
  bool has_own(const std::string& unit, const std::string& line, const std::string& sc) const;
  std::optional<Cents> entered(const std::string& unit, const std::string& line,
                               const std::string& sc) const;
  // Sum of the sub-units' values and how many sub-units have one.
  std::pair<std::optional<Cents>, int> children_sum(const OrgView& org, const std::string& unit,
                                                    const std::string& line, const std::string& sc) const;

 private:
  bool budget_sits_above(const OrgView& org, const std::string& unit, const std::string& line, int year) const;
  std::optional<Cents> sum_scenarios(const OrgView& org, const std::string& unit,
                                     const std::string& line, ScenarioKind k, int year,
                                     int base_year = 0) const;

  const Dataset& d_;
  std::map<std::tuple<std::string, std::string, std::string>, Cents> figures_;
  std::set<std::pair<std::string, std::string>> holders_;  // (unit, scenario) with a figure
};

// a + b where absent counts as zero unless both are absent.
std::optional<Cents> add_opt(std::optional<Cents> a, std::optional<Cents> b);

}  // namespace toteuma
