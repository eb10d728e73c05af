// Computation over a dataset: line values with rollups over the organisation, the derived
// measures (budget after amendments, deviation, realisation %) and the binding-level overrun.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/dataset.h"

namespace toteuma {

// What a column of a report shows.
enum class Measure { budget, amendments, budget_after, actual, deviation, forecast, plan };

struct ColumnSpec {
  Measure measure = Measure::budget;
  int year = 0;
  int base_year = 0;  // plan only
};

// A Ledger reads a dataset that does not change while the Ledger lives (it copies the figures at
// construction, grouped by unit and scenario). It memoises `value` for views of its dataset's own
// units in a flat table per (view date, scenario), so a rollup at the root computes each
// (unit, line, scenario) once rather than once per cell above it. One Ledger serves many web
// request threads: the tables' cells are atomics, their index is guarded by a mutex.
class Ledger {
 public:
  explicit Ledger(const Dataset& d);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

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

  // Units, lines and scenarios are interned as small numbers, so that the rollup works on
  // arrays indexed by them instead of hashing strings at every step.
  static constexpr std::uint32_t unknown = ~0u;
  std::uint32_t unit_no(const std::string& s) const { return lookup(units_, s); }
  std::uint32_t line_no(const std::string& s) const { return lookup(lines_, s); }
  std::uint32_t scenario_no(const std::string& s) const { return lookup(scenarios_, s); }
  static std::uint32_t lookup(const std::unordered_map<std::string, std::uint32_t>& m, const std::string& s);
  static std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& m, const std::string& s);

  // The figures of one (unit, scenario), its "holder": -1 when it has none.
  std::int32_t holder(std::uint32_t unit, std::uint32_t sc) const;
  bool own(std::uint32_t unit, std::uint32_t line, std::uint32_t sc) const;
  std::optional<Cents> entered(std::uint32_t unit, std::uint32_t line, std::uint32_t sc) const;

  // The rollup of a view of this dataset's own units: value by numbers, memoised per view date
  // and scenario in a flat table (ledger.cpp).
  struct Table;
  struct Tree;
  struct Rollup {
    const Tree& tree;
    Table& table;
    std::uint32_t sc;
  };
  std::optional<Cents> value(const Rollup& r, std::uint32_t unit, std::uint32_t line) const;
  std::optional<Cents> compute(const Rollup& r, std::uint32_t unit, std::uint32_t line) const;
  // Views of other unit lists (another version's organisation) are computed by ids as strings,
  // without the memo, as the tree is not this dataset's.
  std::optional<Cents> compute_value(const OrgView& org, const std::string& unit, const std::string& line,
                                     const std::string& sc) const;

  const Dataset& d_;
  std::unordered_map<std::string, std::uint32_t> units_, lines_, scenarios_;
  std::uint32_t lines_n_ = 0, scenarios_n_ = 0, words_ = 0;  // words_: 64-bit words per line set
  std::vector<std::int32_t> holder_;       // unit * scenarios_n_ + scenario -> holder, or -1
  std::vector<std::uint32_t> fig_begin_;   // holder -> its first figure (sorted by line); +1 entry
  std::vector<std::uint32_t> fig_line_;
  std::vector<Cents> fig_amount_;
  // Per holder, the lines with own figures: entered, or a total with an entered part at any depth.
  std::vector<std::uint64_t> own_bits_;
  std::vector<std::vector<std::pair<int, std::uint32_t>>> formula_;  // line -> (sign, part)
  std::vector<std::uint32_t> version_unit_;  // d_.units[i] -> its unit number

  struct Memo;  // ledger.cpp
  std::unique_ptr<Memo> memo_;
};

// a + b where absent counts as zero unless both are absent.
std::optional<Cents> add_opt(std::optional<Cents> a, std::optional<Cents> b);

}  // namespace toteuma
