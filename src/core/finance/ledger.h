// Computation over a dataset: line values with rollups over the organisation, the derived
// measures (budget after amendments, deviation, realisation %) and the binding-level overrun.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

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
// construction). It memoises `value` for views of its dataset's own units (keyed by the view's
// date), so a rollup at the root computes each (unit, line, scenario) once rather than once per
// cell above it. The memo is guarded by mutexes: one Ledger serves many web request threads.
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

  // Units, lines and scenarios are interned as small numbers so that a figure or a memo entry
  // is keyed by one integer instead of three strings.
  using Key = std::uint64_t;
  static constexpr std::uint32_t unknown = ~0u;
  std::uint32_t unit_no(const std::string& s) const { return lookup(units_, s); }
  std::uint32_t line_no(const std::string& s) const { return lookup(lines_, s); }
  std::uint32_t scenario_no(const std::string& s) const { return lookup(scenarios_, s); }
  static std::uint32_t lookup(const std::unordered_map<std::string, std::uint32_t>& m, const std::string& s);
  static std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& m, const std::string& s);
  // unknown when a part is not interned (then nothing is entered for it).
  std::optional<Key> key(const std::string& unit, const std::string& line, const std::string& sc) const;
  void add_figure(const std::string& unit, const std::string& line, const std::string& sc, Cents amount);

  std::optional<Cents> compute_value(const OrgView& org, const std::string& unit, const std::string& line,
                                     const std::string& sc) const;

  static Key pack(std::uint32_t unit, std::uint32_t line, std::uint32_t sc);
  struct KeyHash {  // the packed fields sit in distinct bits: mix them before taking a bucket
    std::size_t operator()(Key k) const {
      k ^= k >> 33;
      k *= 0xff51afd7ed558ccdull;
      k ^= k >> 33;
      return static_cast<std::size_t>(k);
    }
  };

  const Dataset& d_;
  std::unordered_map<std::string, std::uint32_t> units_, lines_, scenarios_;
  std::unordered_map<Key, Cents, KeyHash> figures_;
  // has_own, computed at construction: each figure marks its line and every total above it.
  std::unordered_set<Key, KeyHash> own_;
  std::set<std::pair<std::string, std::string>> holders_;  // (unit, scenario) with a figure

  struct Memo;  // ledger_memo.h
  std::unique_ptr<Memo> memo_;
};

// a + b where absent counts as zero unless both are absent.
std::optional<Cents> add_opt(std::optional<Cents> a, std::optional<Cents> b);

}  // namespace toteuma
