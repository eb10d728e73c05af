// Key figures of a municipality computed from its ledger and its municipality-year data, and
// their table: exact rational arithmetic (128-bit), one rounding at the end, no floating
// point; a missing base gives an absent figure, never zero.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/finance/explain.h"
#include "core/finance/key_figure.h"
#include "core/finance/ledger.h"
#include "core/finance/report_table.h"
#include "core/simple_table.h"

namespace toteuma {

// One value substituted into a formula: a chart line in a column, or a municipality-year value.
struct KeyTerm {
  KeyOp op = KeyOp::line;  // line (also for each year of a sum), population or income_tax_rate
  std::string line;
  ColumnSpec col;  // line: the column the value is taken from; otherwise col.year is the year
  std::optional<std::int64_t> value;  // cents for a line, residents, hundredths of a percent
};

struct KeyFigureResult {
  // The shown value × 10^key_unit_decimals (69,7 % -> 697; 8,60 % -> 860; euros whole).
  std::optional<std::int64_t> value;
  std::vector<KeyTerm> terms;  // in the order the formula uses them
};

// The key figure at `unit` (a municipality's root) in column `col`. Lines are
// Ledger::measure at the unit; population and income_tax_rate are of the unit's municipality in
// the column's year. sum(line, n) adds the line over the n years ending with the column's year,
// each earlier year y taken from (accumulation_column): the column's plan of y when the column is a
// plan with base year before y, else the actual of y when the unit holds any, else the budget of y
// after amendments; absent unless all n years are present.
KeyFigureResult evaluate_key_figure(const Ledger& ledger, const OrgView& org, const std::string& unit,
                                    const KeyFigure& k, const ColumnSpec& col);
ColumnSpec accumulation_column(const Ledger& ledger, const OrgView& org, const std::string& unit,
                               const ColumnSpec& col, int year);

// The value shown as published: "69,7 %", "8,60 %", "-1 935", "14 719".
std::string format_key_value(std::int64_t value, KeyUnit unit);

// The key figures table of a municipality's root unit: the budget columns (TP Y−2, TA Y−1
// after amendments, TA Y, TS Y+1, TS Y+2 where the plan has figures) or the annual report's
// (TA Y after amendments, TP Y). Throws TableError for an unknown unit or one that is not a root.
SimpleTable key_figure_table(const Ledger& ledger, const std::string& unit, int year, TableKind kind, Lang lang);

// A key figure explained: its formula, each value substituted (a line traced by explain_measure
// to its scenarios) and the result.
struct KeyFigureExplanation {
  std::string what;     // "Vuosikate, €/asukas, Loviisan kaupunki, TA 2025"
  std::string formula;  // as written in key_figures.csv
  std::optional<std::int64_t> value;
  KeyUnit unit = KeyUnit::count;
  struct Term {
    std::string name;                      // the formula's name, with the year for a sum's years
    std::string what;                      // population and tax rate: label with the year
    std::optional<std::int64_t> value;     // population and tax rate (hundredths of a percent)
    std::optional<Explanation> line;       // a line: its trace
  };
  std::vector<Term> terms;
};
KeyFigureExplanation explain_key_figure(const Ledger& ledger, const OrgView& org, const std::string& unit,
                                        const KeyFigure& k, const ColumnSpec& col, Lang lang);

// The key figure with id `id` of the dataset, or nullptr.
const KeyFigure* find_key_figure(const Dataset& d, const std::string& id);

}  // namespace toteuma
