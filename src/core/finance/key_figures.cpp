#include "core/finance/key_figures.h"

#include <fmt/format.h>

#include "core/format.h"
#include "core/i18n.h"

namespace toteuma {

namespace {

__extension__ typedef __int128 Int128;

// An exact rational number num/den (den > 0). Every step is checked: a result beyond 128 bits
// throws MoneyOverflow rather than wrap (far beyond any municipality's figures).
struct Q {
  Int128 num = 0, den = 1;
};

Int128 mul(Int128 a, Int128 b) {
  Int128 r;
  if (__builtin_mul_overflow(a, b, &r)) throw MoneyOverflow();
  return r;
}
Int128 plus(Int128 a, Int128 b) {
  Int128 r;
  if (__builtin_add_overflow(a, b, &r)) throw MoneyOverflow();
  return r;
}
Int128 gcd(Int128 a, Int128 b) {
  if (a < 0) a = -a;
  while (b != 0) {
    Int128 t = a % b;
    a = b;
    b = t < 0 ? -t : t;
  }
  return a == 0 ? 1 : a;
}
Q reduce(Int128 num, Int128 den) {
  if (den < 0) num = -num, den = -den;
  Int128 g = gcd(num, den);
  return {num / g, den / g};
}
Q add(const Q& a, const Q& b, int sign) {
  return reduce(plus(mul(a.num, b.den), mul(sign * b.num, a.den)), mul(a.den, b.den));
}

// num/den rounded half away from zero to an integer.
std::int64_t round_half_away(const Q& q) {
  Int128 mag = q.num < 0 ? -q.num : q.num;
  Int128 r = plus(mul(mag, 2), q.den) / mul(q.den, 2);
  if (r > INT64_MAX) throw MoneyOverflow();
  return static_cast<std::int64_t>(q.num < 0 ? -r : r);
}

std::int64_t unit_scale(KeyUnit u) {
  switch (u) {
    case KeyUnit::percent: return 1000;     // a ratio in tenths of a percent
    case KeyUnit::percent_2: return 10000;  // a ratio in hundredths of a percent
    default: return 1;
  }
}

const MunicipalityYear* municipality_year(const Dataset& d, const std::string& unit, int year) {
  const std::string& m = d.municipality_of(unit).id;
  for (const auto& y : d.municipality_years)
    if (y.municipality == m && y.year == year) return &y;
  return nullptr;
}

class Evaluator {
 public:
  Evaluator(const Ledger& l, const OrgView& org, const std::string& unit, const KeyFigure& k, const ColumnSpec& col)
      : l_(l), org_(org), unit_(unit), k_(k), col_(col) {}

  KeyFigureResult run() {
    KeyFigureResult r;
    auto q = eval(k_.formula.root);
    if (q) r.value = round_half_away({mul(q->num, unit_scale(k_.unit)), q->den});
    r.terms = std::move(terms_);
    return r;
  }

 private:
  std::optional<Q> line(const std::string& id, const ColumnSpec& c) {
    auto v = l_.measure(org_, unit_, id, c);
    terms_.push_back({KeyOp::line, id, c, v});
    if (!v) return std::nullopt;
    return reduce(*v, 100);
  }

  // Every operand is evaluated (so the explanation lists every value), then combined.
  std::optional<Q> eval(int i) {
    if (i < 0 || i >= static_cast<int>(k_.formula.nodes.size())) return std::nullopt;
    const KeyNode& n = k_.formula.nodes[static_cast<std::size_t>(i)];
    switch (n.op) {
      case KeyOp::number: return Q{n.number, 1};
      case KeyOp::line: return line(n.line, col_);
      case KeyOp::population:
      case KeyOp::income_tax_rate: {
        const MunicipalityYear* y = municipality_year(l_.dataset(), unit_, col_.year);
        std::optional<std::int64_t> v;
        if (y) v = n.op == KeyOp::population ? y->population : y->income_tax_rate;
        terms_.push_back({n.op, "", col_, v});
        if (!v) return std::nullopt;
        return n.op == KeyOp::population ? Q{*v, 1} : reduce(*v, 10000);
      }
      case KeyOp::sum: {
        std::optional<Q> sum = Q{};
        for (int y = col_.year - static_cast<int>(n.number) + 1; y <= col_.year; ++y) {
          auto v = line(n.line, accumulation_column(l_, org_, unit_, col_, y));
          sum = sum && v ? std::optional<Q>(add(*sum, *v, 1)) : std::nullopt;
        }
        return sum;
      }
      case KeyOp::neg: {
        auto a = eval(n.a);
        if (!a) return std::nullopt;
        return Q{-a->num, a->den};
      }
      default: break;
    }
    auto a = eval(n.a);
    auto b = eval(n.b);
    if (!a || !b) return std::nullopt;
    switch (n.op) {
      case KeyOp::add: return add(*a, *b, 1);
      case KeyOp::sub: return add(*a, *b, -1);
      case KeyOp::mul: return reduce(mul(a->num, b->num), mul(a->den, b->den));
      case KeyOp::div:
        if (b->num == 0) return std::nullopt;  // no ratio of a zero base
        return reduce(mul(a->num, b->den), mul(a->den, b->num));
      default: return std::nullopt;
    }
  }

  const Ledger& l_;
  const OrgView& org_;
  const std::string& unit_;
  const KeyFigure& k_;
  const ColumnSpec& col_;
  std::vector<KeyTerm> terms_;
};

}  // namespace

ColumnSpec accumulation_column(const Ledger& l, const OrgView& org, const std::string& unit, const ColumnSpec& col,
                               int year) {
  if (year == col.year) return col;
  if (col.measure == Measure::plan && year > col.base_year) return {Measure::plan, year, col.base_year};
  if (l.holds_any(org, unit, ScenarioKind::actual, year)) return {Measure::actual, year, 0};
  return {Measure::budget_after, year, 0};
}

KeyFigureResult evaluate_key_figure(const Ledger& ledger, const OrgView& org, const std::string& unit, const KeyFigure& k,
                                    const ColumnSpec& col) {
  return Evaluator(ledger, org, unit, k, col).run();
}

std::string format_key_value(std::int64_t v, KeyUnit unit) {
  int dec = key_unit_decimals(unit);
  std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  std::uint64_t div = dec == 2 ? 100 : dec == 1 ? 10 : 1;
  std::string out = (v < 0 ? "-" : "") + group_digits(mag / div);
  if (dec > 0) out += fmt::format(",{:0{}}", mag % div, dec);
  if (unit == KeyUnit::percent || unit == KeyUnit::percent_2) out += std::string(kNbsp) + "%";
  return out;
}

const KeyFigure* find_key_figure(const Dataset& d, const std::string& id) {
  for (const auto& k : d.key_figures)
    if (k.id == id) return &k;
  return nullptr;
}

SimpleTable key_figure_table(const Ledger& ledger, const std::string& unit, int year, TableKind kind, Lang lang) {
  const Dataset& d = ledger.dataset();
  OrgView org(d.units, table_date(year, kind));
  const UnitVersion& u = table_unit(d, org, unit, lang);
  if (!u.parent.empty()) throw TableError(msg("err.key_figures_root", unit, d.municipality_of(unit).id), lang);
  std::vector<ColumnSpec> cols;
  if (kind == TableKind::annual_report)
    cols = {{Measure::budget_after, year, 0}, {Measure::actual, year, 0}};
  else
    cols = table_columns(ledger, org, unit, year, kind);
  SimpleTable t;
  t.title = u.name.shown(lang) + ": " + fmt::format(fmt::runtime(tr("table.key_figures", lang)), year);
  t.label_heading = tr("col.key_figure", lang);
  t.decimals = 2;  // the most any unit shows (percent_2); each row shows its own
  for (const auto& c : cols) t.headings.push_back(column_heading(c, lang));
  for (const auto& k : d.key_figures) {
    SimpleRow r;
    r.label = k.name.in(lang);
    r.shown_decimals = key_unit_decimals(k.unit);
    if (k.unit == KeyUnit::percent || k.unit == KeyUnit::percent_2) r.suffix = "%";
    std::int64_t up = r.shown_decimals == 2 ? 1 : r.shown_decimals == 1 ? 10 : 100;
    for (const auto& c : cols) {
      auto v = evaluate_key_figure(ledger, org, unit, k, c).value;
      r.cells.push_back(v ? std::optional<std::int64_t>(*v * up) : std::nullopt);
    }
    t.rows.push_back(std::move(r));
  }
  return t;
}

KeyFigureExplanation explain_key_figure(const Ledger& ledger, const OrgView& org, const std::string& unit,
                                        const KeyFigure& k, const ColumnSpec& col, Lang lang) {
  const Dataset& d = ledger.dataset();
  const UnitVersion* u = org.find(unit);
  KeyFigureExplanation e;
  e.what = fmt::format("{}, {}, {}", k.name.in(lang), u ? u->name.shown(lang) : unit, column_heading(col, lang));
  e.formula = k.formula_text;
  e.unit = k.unit;
  KeyFigureResult r = evaluate_key_figure(ledger, org, unit, k, col);
  e.value = r.value;
  bool in_sum = false;
  for (const auto& n : k.formula.nodes) in_sum = in_sum || n.op == KeyOp::sum;
  for (const auto& t : r.terms) {
    KeyFigureExplanation::Term term;
    if (t.op == KeyOp::line) {
      term.name = in_sum ? fmt::format("{} {}", t.line, t.col.year) : t.line;
      term.line = explain_measure(ledger, org, unit, t.line, t.col, lang);
    } else {
      bool pop = t.op == KeyOp::population;
      term.name = pop ? "population" : "income_tax_rate";
      term.what = fmt::format(fmt::runtime(tr(pop ? "key.population" : "key.income_tax_rate", lang)),
                              d.municipality_of(unit).name.in(lang), t.col.year);
      term.value = t.value;
    }
    e.terms.push_back(std::move(term));
  }
  return e;
}

}  // namespace toteuma
