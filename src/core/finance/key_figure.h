// Key figures (tunnusluvut / nyckeltal) as data: a name, a unit and a formula over the chart's
// lines and the municipality-year data (population, income tax rate). The formula is parsed
// once, when the definitions are read; evaluation is in core/finance/key_figures.h.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/lang.h"

namespace toteuma {

// A municipality's data of one year that is not money: the population on 31.12. and the income
// tax rate in hundredths of a percent (8,60 % = 860). Either may be absent (not yet known).
struct MunicipalityYear {
  std::string municipality;
  int year = 0;
  std::optional<std::int64_t> population;
  std::optional<std::int64_t> income_tax_rate;  // hundredths of a percent
  bool operator==(const MunicipalityYear&) const = default;
};

// How a key figure's value is shown: the formula's value times the unit's scale, rounded once
// (half away from zero) to the unit's decimals.
//  percent    a ratio shown as a percent with one decimal (0,6974 -> 69,7 %)
//  percent_2  a ratio shown as a percent with two decimals (the tax rate 0,086 -> 8,60 %)
//  eur        euros, whole
//  eur_per_resident  euros per resident, whole
//  count      a whole number (residents)
enum class KeyUnit { percent, percent_2, eur, eur_per_resident, count };
std::optional<KeyUnit> parse_key_unit(const std::string& s);
std::string to_string(KeyUnit u);
int key_unit_decimals(KeyUnit u);  // decimals of the shown value: 1, 2, 0, 0, 0

// The formula as a flat tree (nodes refer to each other by index, so it compares and copies
// as a value). Names are chart line ids or the variables `population` and `income_tax_rate`
// (a ratio: 8,60 % is 0,086); `sum(line, n)` is the line over the last n years.
enum class KeyOp { number, line, population, income_tax_rate, sum, neg, add, sub, mul, div };

struct KeyNode {
  KeyOp op = KeyOp::number;
  std::int64_t number = 0;  // number: the literal; sum: the years
  std::string line;         // line, sum: the chart line id
  int a = -1, b = -1;       // operands (neg: a only)
  int at = 0;               // 1-based character of the formula where the node starts (errors)
  bool operator==(const KeyNode&) const = default;
};

struct KeyFormula {
  std::vector<KeyNode> nodes;
  int root = -1;
  bool operator==(const KeyFormula&) const = default;
};

// A formula that does not parse: where (1-based character) and what was expected.
struct KeyFormulaError {
  int at = 0;
  std::string en, fi, sv;
};

// Parses "annual_margin / -depreciation", "loan_stock / population",
// "sum(operating_investing_cash_flow, 5)"; the operators + - * / (and − × ÷), parentheses,
// integer literals. Returns the formula or the first error.
struct KeyFormulaParse {
  std::optional<KeyFormula> formula;
  KeyFormulaError error;
};
KeyFormulaParse parse_key_formula(const std::string& text);

// The chart line ids a formula refers to, each once, in order of appearance.
std::vector<std::string> formula_lines(const KeyFormula& f);

struct KeyFigure {
  std::string id;
  Text name;
  KeyUnit unit = KeyUnit::percent;
  std::string formula_text;  // as written (dumped as is)
  KeyFormula formula;
  bool operator==(const KeyFigure&) const = default;
};

}  // namespace toteuma
