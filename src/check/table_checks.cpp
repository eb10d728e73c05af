#include "check/table_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "check/check_totals.h"
#include "check/misprint.h"
#include "check/quantity_structure.h"
#include "check/rounding.h"
#include "check/sign_convention.h"
#include "check/table_vocabulary.h"
#include "check/total_block.h"
#include "core/fixed.h"
#include "core/format.h"
#include "core/i18n.h"

namespace toteuma {

namespace {

struct Row {
  const PrintedRow* src = nullptr;
  const Line* line = nullptr;
  std::vector<std::optional<Cents>> v;             // normalised: costs negative
  std::vector<std::optional<std::int64_t>> pct;    // realisation columns, hundredths of %
  std::vector<int> pct_decimals;
  std::vector<bool> filled;  // a blank total computed from its printed parts (reported once)
  bool flipped = false;      // printed positive as a cost row: every figure read with the other sign
  bool has_value() const {
    return std::any_of(v.begin(), v.end(), [](const auto& x) { return x.has_value(); });
  }
};

// A row of a table of quantities (person-years, persons, days): free labels, no chart.
struct QRow {
  const PrintedRow* src = nullptr;
  std::vector<std::optional<std::int64_t>> v;  // hundredths
  std::vector<int> decimals;
};

struct Table {
  const PrintedTable* src = nullptr;
  bool quantities = false;  // # measure: htv | persons | days | years
  std::vector<QRow> qrows;
  std::string unit, parent, document, language;
  // Which unit the table is of, for matching tables with each other and with the dataset: `# unit-id:`,
  // else the unit whose id or name (fi or sv) `# unit:` prints (with a dataset), else the printed name
  // normalised. So a Finnish and a Swedish table of one unit meet under different printed names.
  std::string unit_key, parent_key;
  int year = 0;
  std::int64_t scale = 1;
  std::vector<ColumnMeaning> cols;
  std::vector<Row> rows;
  std::vector<Row> unknown_rows;  // rows with figures whose label the chart does not know (line = nullptr)
  std::vector<const PrintedRow*> transparent_rows;  // "of which" rows: in no sum
  TableConvention conv;
  std::vector<int> col_decimals;  // most decimals printed in each column (4,2 M€ → 1)
  bool dot_thousands = false;     // a cell prints "3.088.310": every "29.165" of the table is 29 165
  Cents scale_cents() const { return scale * 100; }
  // The rounding unit of a column: the scale divided by its printed decimals (0,1 M€ = 100 000 €).
  Cents rounding_unit(std::size_t c) const {
    Cents u = scale_cents();
    for (int k = 0; c < col_decimals.size() && k < col_decimals[c] && u >= 10; ++k) u /= 10;
    return u;
  }
};

std::string eur(Cents c) { return format_euros(c, " "); }

// "3.088.310", "1.234,50": a point that can only separate thousands.
bool dot_grouped(const std::string& cell) {
  std::string s;
  for (char ch : cell)
    if (ch != ' ') s += ch;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.erase(0, 1);
  std::size_t dots = std::count(s.begin(), s.end(), '.'), comma = s.find(',');
  if (dots == 0 || (dots == 1 && comma == std::string::npos)) return false;
  std::string whole = s.substr(0, comma);
  if (whole.find('.') > 3 || whole.find('.') == 0) return false;
  for (std::size_t i = whole.find('.'); i != std::string::npos; i = whole.find('.', i + 1))
    if (i + 4 > whole.size() || whole.find_first_not_of("0123456789", i + 1) < i + 4 ||
        (i + 4 < whole.size() && whole[i + 4] != '.'))
      return false;
  return comma == std::string::npos || comma > whole.find('.');
}

// The cell without its thousands points.
std::string without_dots(std::string cell) {
  cell.erase(std::remove(cell.begin(), cell.end(), '.'), cell.end());
  return cell;
}

int decimals_of(const std::string& text) {
  auto comma = text.find_first_of(",.");
  if (comma == std::string::npos) return 0;
  int d = 0;
  for (std::size_t i = comma + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++d;
  return d;
}

class Checker {
 public:
  Checker(const Chart& chart, const TableVocabulary& vocab, const Ledger* ledger, const std::set<std::string>& check_only)
      : chart_(chart), vocab_(vocab), ledger_(ledger), check_only_(check_only) {}

  TableCheckReport run(const std::vector<PrintedTable>& printed) {
    for (const auto& p : printed) tables_.push_back(interpret(p));
    for (auto& t : tables_) {
      if (t.quantities) {
        check_parts(t);
        continue;
      }
      detect_convention(t);
      fill_blank_totals(t);
      check_rows(t);
      check_item_rows(t);
      report_.conventions.push_back(t.conv);
    }
    check_hierarchy();
    check_cross_document();
    if (ledger_)
      for (const auto& t : tables_) check_against_dataset(t);
    auto located = locate_misprints(report_.findings, relations_);
    report_sign_outliers(report_.findings, relations_, sign_outliers_, located);
    sort_findings(report_.findings);
    return report_;
  }

 private:
  Finding& add(const std::string& rule, Severity sev, const Table& t, int line, const std::string& row,
               const std::string& column, std::optional<int> year) {
    Finding f;
    f.rule = rule;
    f.severity = sev;
    f.where = {t.src->file, line, t.document, t.unit, row, column, year};
    report_.findings.push_back(std::move(f));
    return report_.findings.back();
  }

  // A label that may mean two lines ("Yli/alijäämä": Tilikauden tulos or Tilikauden yli/alijäämä)
  // means the first that no other row of the table prints under a label of its own (Simo prints
  // "Yli/alijäämä" above "Tilikauden yli/alijäämä": there it is the result).
  void resolve_ambiguous_labels(Table& t) const {
    std::set<const Line*> named;
    for (const auto& r : t.rows)
      if (vocab_.lines_of(r.src->label).size() == 1) named.insert(r.line);
    for (auto& r : t.rows) {
      auto lines = vocab_.lines_of(r.src->label);
      if (lines.size() < 2) continue;
      auto free = std::find_if(lines.begin(), lines.end(), [&](const Line* l) { return !named.count(l); });
      if (free != lines.end()) r.line = *free;
    }
  }

  // The key of a unit's group (konserni): the unit's key, from `# unit-id:` or from the printed name
  // without the group word, marked as the group's.
  std::string group_key(const std::string& id, const std::string& printed) const {
    return unit_key(id, TableVocabulary::without_group_word(printed)) + "/konserni";
  }

  // See Table::unit_key.
  std::string unit_key(const std::string& id, const std::string& printed) const {
    if (!id.empty()) return id;
    if (printed.empty()) return "";
    if (ledger_) {
      std::string n = normalize_label(printed);
      for (const auto& u : ledger_->dataset().units)
        if (u.id == printed || normalize_label(u.name.fi) == n || normalize_label(u.name.sv) == n) return u.id;
    }
    return "#" + normalize_label(printed);  // '#': never a unit id
  }

  Table interpret(const PrintedTable& p) {
    Table t;
    t.src = &p;
    for (const auto& r : p.rows)
      for (const auto& cell : r.cells) t.dot_thousands = t.dot_thousands || dot_grouped(cell);
    t.unit = p.meta_value("unit");
    t.parent = p.meta_value("parent");
    t.unit_key = unit_key(p.meta_value("unit-id"), t.unit);
    // A group's table ("Helsinki-konserni", "Koncernen"): figures of the group, not of the unit.
    if (TableVocabulary::names_group(t.unit)) t.unit_key = group_key(p.meta_value("unit-id"), t.unit);
    t.parent_key = unit_key(p.meta_value("parent-id"), t.parent);
    t.document = p.meta_value("document");
    t.language = p.meta_value("language");
    t.conv.file = p.file;
    if (auto y = find_year(p.meta_value("year"))) t.year = *y;
    std::string measure = p.meta_value("measure");
    if (!measure.empty() && measure != "euro") return interpret_quantities(std::move(t), p);
    // A table declared in euros whose rows are none of the chart's lines (e.g. a training
    // compensation row by year) is checked as plain quantities.
    if (measure == "euro") {
      bool any = false;
      for (const auto& r : p.rows) any = any || vocab_.line_of(r.label) != nullptr;
      if (!any) return interpret_quantities(std::move(t), p);
    }
    std::string scale = p.meta_value("scale");
    if (!scale.empty()) {
      auto s = parse_printed_amount(scale, 1);
      if (!s || *s <= 0 || *s % 100 != 0) {
        auto& f = add("table.bad_metadata", Severity::error, t, p.meta.at("scale").second, "", "scale", std::nullopt);
        f.found_text = scale;
        f.fi = "Mittakaavan (scale) pitää olla 1, 1000 tai 1000000";
        f.sv = "Skalan (scale) ska vara 1, 1000 eller 1000000";
        f.en = "scale must be 1, 1000 or 1000000";
      } else {
        t.scale = *s / 100;
      }
    } else if (auto s = scale_of_caption(p.corner)) {
      t.scale = s;  // no `# scale:` line: the label column's heading says it ("1 000 €", "Milj. euroa")
    }
    if (t.year == 0)
      for (const auto& h : p.headings)
        if (auto y = find_year(normalize_label(h)); y && (t.year == 0 || *y > t.year)) t.year = *y;
    for (std::size_t c = 0; c < p.headings.size(); ++c) {
      ColumnMeaning m = vocab_.heading(p.headings[c], t.year);
      // A blank heading beside a heading is the second column the heading spans (a statutory
      // statement's sub-items and lines): it means the same.
      if (blank_cell(p.headings[c]) && c > 0) m = t.cols[c - 1];
      if (m.kind == Col::unknown) {
        // Reported once; its cells are not read, the rest of the table is checked.
        auto& f = add("table.unknown_heading", Severity::warning, t, p.header_line, "", p.headings[c], std::nullopt);
        f.found_text = p.headings[c];
        f.fi = fmt::format(fmt::runtime(tr("check.unknown_heading", Lang::fi)), p.headings[c]);
        f.sv = fmt::format(fmt::runtime(tr("check.unknown_heading", Lang::sv)), p.headings[c]);
        f.en = fmt::format("Column heading \"{}\" not recognised: the column is not checked (the others are; add your "
                           "own heading with a --synonyms file)", p.headings[c]);
      }
      t.cols.push_back(m);
    }
    std::set<std::string> unknown_reported;
    const Line* list_of = nullptr;  // the line an open "Siitä:" list details
    for (const auto& r : p.rows) {
      if (repeats_headings(p, r)) continue;  // a heading row printed again above a block
      if (r.width != p.headings.size()) {
        report_ragged(t, r);
        continue;
      }
      if (TableVocabulary::of_which(r.label)) {
        // "Siitä: Myyntituotot" opens a list: the rows after it that are parts of the row above it
        // (Maksutuotot under Toimintatuotot) are "of which" rows too.
        list_of = TableVocabulary::of_which_list(r.label) && !t.rows.empty() ? t.rows.back().line : nullptr;
        t.transparent_rows.push_back(&r);
        continue;
      }
      if (const Line* l = list_of ? vocab_.line_of(r.label) : nullptr; l && part_sign(chart_, list_of->id, l->id)) {
        t.transparent_rows.push_back(&r);
        continue;
      }
      list_of = nullptr;
      Row row = read_row(t, r);
      row.line = vocab_.line_of(r.label);
      if (!row.line) {
        // Not understood: said once per label (as information), kept for the sums of its block.
        if (!row.has_value()) continue;
        // An unlabelled row is a block's total by its place; a label is said once.
        // "Yhteensä" / "Totalt" is understood by its place (a total), not by the chart.
        if (!blank_cell(r.label) && !is_total_label(r.label) && unknown_reported.insert(normalize_label(r.label)).second) {
          auto& f = add("table.unknown_label", Severity::info, t, r.line, r.label, "", std::nullopt);
          f.found_text = r.label;
          f.fi = fmt::format(fmt::runtime(tr("check.unknown_label", Lang::fi)), r.label);
          f.sv = fmt::format(fmt::runtime(tr("check.unknown_label", Lang::sv)), r.label);
          f.en = fmt::format("Row label \"{}\" matches no line or synonym of the chart: the row is not checked on its "
                             "own, only as part of its block's sum", r.label);
        }
        t.unknown_rows.push_back(std::move(row));
        continue;
      }
      t.rows.push_back(std::move(row));
    }
    resolve_ambiguous_labels(t);
    t.conv.rows_total = static_cast<int>(p.rows.size());
    t.conv.rows_matched = static_cast<int>(t.rows.size());
    return t;
  }

  // A row's cells as numbers: blank, "-", "..", "–" are no value; footnote marks are dropped.
  Row read_row(Table& t, const PrintedRow& r) {
    const PrintedTable& p = *t.src;
    Row row;
    row.src = &r;
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      std::optional<Cents> v;
      std::optional<std::int64_t> pct;
      const std::string cell = t.dot_thousands ? without_dots(without_footnote(r.cells[c])) : without_footnote(r.cells[c]);
      Col kind = t.cols[c].kind;
      // A per cent in a column of amounts is a ratio row's (a key figure below the statement): no amount.
      bool ratio = kind != Col::realisation && cell.ends_with('%') && parse_printed_percent(cell);
      if (!no_value_cell(cell) && !ratio && kind != Col::unknown && kind != Col::other) {
        bool ok = true;
        if (kind == Col::realisation) {
          pct = parse_printed_percent(cell);
          ok = pct.has_value();
        } else {
          v = parse_printed_amount(cell, t.scale);
          ok = v.has_value();
        }
        if (!ok) {
          auto& f = add("table.bad_number", Severity::error, t, r.line, r.label, p.headings[c], t.cols[c].year);
          f.found_text = cell;
          f.fi = fmt::format("\"{}\" ei ole luku (odotettiin esim. -1 935 039 tai 93,8 %)", cell);
          f.sv = fmt::format("\"{}\" är inget tal (t.ex. -1 935 039 eller 93,8 % förväntades)", cell);
          f.en = fmt::format("\"{}\" is not a number (expected e.g. -1 935 039 or 93,8 %)", cell);
        }
      }
      row.v.push_back(v);
      row.pct.push_back(pct);
      row.pct_decimals.push_back(decimals_of(cell));
      if (t.col_decimals.size() <= c) t.col_decimals.resize(c + 1, 0);
      if (v) t.col_decimals[c] = std::max(t.col_decimals[c], decimals_of(cell));
      row.filled.push_back(false);
    }
    return row;
  }

  // A row whose cells repeat the heading row: blocks printed one under another.
  static bool repeats_headings(const PrintedTable& p, const PrintedRow& r) {
    bool any = false;
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      if (blank_cell(r.cells[c])) continue;
      if (c >= p.headings.size() || normalize_label(r.cells[c]) != normalize_label(p.headings[c])) return false;
      any = true;
    }
    return any;
  }

  void report_ragged(const Table& t, const PrintedRow& r) {
    const PrintedTable& p = *t.src;
    auto& f = add("table.ragged_row", Severity::error, t, r.line, r.label, "", std::nullopt);
    f.expected_text = std::to_string(p.headings.size());
    f.found_text = std::to_string(r.width);
    f.fi = fmt::format("Rivillä on {} arvosaraketta, otsikkorivillä {}", r.width, p.headings.size());
    f.sv = fmt::format("Raden har {} värdekolumner, rubrikraden {}", r.width, p.headings.size());
    f.en = fmt::format("Row has {} value columns, the heading row {}", r.width, p.headings.size());
  }

  Table interpret_quantities(Table t, const PrintedTable& p) {
    t.quantities = true;
    for (const auto& r : p.rows) {
      if (repeats_headings(p, r)) continue;
      if (r.width != p.headings.size()) {
        report_ragged(t, r);
        continue;
      }
      if (is_percent_row(r.cells)) continue;  // shares printed under the counts: not summed
      QRow q;
      q.src = &r;
      for (std::size_t c = 0; c < r.cells.size(); ++c) {
        std::optional<std::int64_t> v;
        const std::string cell =
            t.dot_thousands ? without_dots(without_footnote(r.cells[c])) : without_footnote(r.cells[c]);
        // A share printed as a per cent ("12,2 %") is not a quantity: kept out of the sums.
        bool share = cell.ends_with('%') && parse_printed_percent(cell);
        if (!no_value_cell(cell) && !share) {
          v = parse_printed_amount(cell, 1);
          if (!v) {
            auto& f = add("table.bad_number", Severity::error, t, r.line, r.label, p.headings[c], std::nullopt);
            f.found_text = r.cells[c];
            f.fi = fmt::format("\"{}\" ei ole luku", r.cells[c]);
            f.sv = fmt::format("\"{}\" är inget tal", r.cells[c]);
            f.en = fmt::format("\"{}\" is not a number", r.cells[c]);
          }
        }
        q.v.push_back(v);
        q.decimals.push_back(decimals_of(r.cells[c]));
      }
      t.qrows.push_back(std::move(q));
    }
    return t;
  }

  // Sums in a table of quantities: each "# parts: Total = A + B" line, a column headed
  // "yhteensä"/"totalt" (the sum of the row's other columns), and — when no parts are declared —
  // a last row headed like a total (the sum of the rows above it).
  void check_parts(const Table& t) {
    const PrintedTable& p = *t.src;
    auto row_of = [&](const std::string& label) -> const QRow* {
      for (const auto& q : t.qrows)
        if (normalize_label(q.src->label) == normalize_label(label)) return &q;
      return nullptr;
    };
    // The printed precision of a column: the most decimals printed anywhere in it (57,7 makes
    // the whole column one-decimal, so 418 there is 418,0, not 418 ± 0,5).
    std::vector<int> column_decimals(p.headings.size(), 0);
    for (const auto& q : t.qrows)
      for (std::size_t c = 0; c < q.decimals.size() && c < column_decimals.size(); ++c)
        column_decimals[c] = std::max(column_decimals[c], q.decimals[c]);
    // A term of a sum: a row and a column (a row total's terms are the row's other columns).
    using QCell = std::pair<const QRow*, std::size_t>;
    auto compare_sum = [&](const QRow& total, std::size_t c, const std::vector<QCell>& cells) {
      if (!total.v[c]) return;
      std::int64_t sum = 0;
      int n = 0, dec = std::max(total.decimals[c], column_decimals[c]);
      for (const auto& [q, k] : cells)
        if (q->v[k]) sum = checked_add(sum, *q->v[k]), ++n, dec = std::max(dec, q->decimals[k]);
      if (n == 0) return;
      // The printed precision: 1 for whole numbers, 0,1 for one decimal (in hundredths). Counts
      // of persons are exact: nothing was rounded, so any difference is an error.
      std::int64_t precision = dec >= 2 ? 1 : dec == 1 ? 10 : 100;
      // …but shares of them (a column headed "Kunnat (%)") are rounded.
      const bool exact = p.meta_value("measure") == "persons" && p.headings[c].find('%') == std::string::npos;
      Discrepancy d = exact ? (*total.v[c] == sum ? Discrepancy::none : Discrepancy::error)
                            : classify_difference(checked_sub(*total.v[c], sum), n, precision);
      // Logged for the misprint locator in hundredths; exact counts have no rounding (unit 0).
      auto qcell = [&](const QRow& q, std::size_t k) {
        return RelCell{{&q, k}, q.v[k].value_or(0), 1, precision, q.v[k].has_value(),
                       {p.file, q.src->line, t.document, t.unit, q.src->label, p.headings[k],
                        t.year ? std::optional<int>(t.year) : std::nullopt}, true};
      };
      Relation rel{Relation::Kind::sum, qcell(total, c), {}, 0, n, exact ? 0 : precision, 0, {}};
      for (const auto& [q, k] : cells)
        if (q->v[k]) rel.terms.push_back({1, qcell(*q, k)});
      if (d == Discrepancy::none) return log_relation(std::move(rel), false);
      // A cell can be a declared total and a row total at once: report it once.
      for (const auto& x : report_.findings)
        if (x.rule == "arith.parts" && x.where.file == p.file && x.where.line == total.src->line &&
            x.where.column == p.headings[c])
          return log_relation(std::move(rel), false);
      auto& f = add("arith.parts", d == Discrepancy::rounding ? Severity::rounding : Severity::error, t,
                    total.src->line, total.src->label, p.headings[c], t.year ? std::optional<int>(t.year) : std::nullopt);
      f.expected_text = fixed_to_plain(sum, 2);
      f.found_text = fixed_to_plain(*total.v[c], 2);
      f.fi = fmt::format("{}: painettu {}, osien summa {}", total.src->label, r_fmt(*total.v[c]), r_fmt(sum));
      f.sv = fmt::format("{}: tryckt {}, summan av delarna {}", total.src->label, r_fmt(*total.v[c]), r_fmt(sum));
      f.en = fmt::format("{}: printed {}, sum of parts {}", total.src->label, r_fmt(*total.v[c]), r_fmt(sum));
      log_relation(std::move(rel), true);
    };
    bool declared = false;
    for (const auto& m : p.meta_lines) {
      if (m.key != "parts") continue;
      declared = true;
      auto eq = m.value.find('=');
      std::vector<std::string> names;
      if (eq != std::string::npos) {
        std::string rest = m.value.substr(eq + 1);
        std::size_t start = 0;
        for (std::size_t i = 0; i <= rest.size(); ++i)
          if (i == rest.size() || (rest[i] == '+' && (i == 0 || rest[i - 1] == ' '))) {
            std::string name = rest.substr(start, i - start);
            while (!name.empty() && name.front() == ' ') name.erase(0, 1);
            while (!name.empty() && name.back() == ' ') name.pop_back();
            if (!name.empty()) names.push_back(name);
            start = i + 1;
          }
      }
      const QRow* total = eq == std::string::npos ? nullptr : row_of(m.value.substr(0, eq));
      std::vector<const QRow*> parts;
      for (const auto& n : names) parts.push_back(row_of(n));
      bool ok = total && !names.empty() && std::all_of(parts.begin(), parts.end(), [](auto* q) { return q; });
      if (!ok) {
        auto& f = add("table.bad_metadata", Severity::error, t, m.line, "", "parts", std::nullopt);
        f.found_text = m.value;
        f.fi = "parts-rivi ei vastaa taulukon rivejä (odotettiin: Summa = Rivi + Rivi)";
        f.sv = "parts-raden motsvarar inte tabellens rader (Summa = Rad + Rad förväntades)";
        f.en = "parts line does not name the table's rows (expected: Total = Row + Row)";
        continue;
      }
      for (std::size_t c = 0; c < p.headings.size(); ++c) {
        std::vector<QCell> cells;
        for (auto* q : parts) cells.push_back({q, c});
        compare_sum(*total, c, cells);
      }
    }
    // Without declared parts, the sums the layout implies (quantity_structure.h).
    if (!declared) {
      std::vector<QuantityRowInfo> info;
      for (const auto& q : t.qrows) info.push_back({q.src->label, q.v});
      std::vector<std::int64_t> precision;
      for (int d : column_decimals) precision.push_back(d >= 2 ? 1 : d == 1 ? 10 : 100);
      for (const auto& sum : implied_sums(info, precision))
        for (std::size_t c = 0; c < p.headings.size(); ++c) {
          std::vector<QCell> cells;
          for (std::size_t k : sum.parts) cells.push_back({&t.qrows[k], c});
          compare_sum(t.qrows[sum.total], c, cells);
        }
    }
    for (std::size_t c = 0; c < p.headings.size(); ++c) {
      std::string h = normalize_label(p.headings[c]);
      if (h != "yhteensä" && h != "totalt" && h != "yht") continue;
      for (const auto& q : t.qrows) {
        std::vector<QCell> cells;
        for (std::size_t k = 0; k < p.headings.size(); ++k)
          if (k != c && !is_of_which_label(p.headings[k])) cells.push_back({&q, k});
        compare_sum(q, c, cells);
      }
    }
  }

  // A quantity as printed in Finnish and Swedish: "443 800", "-12,5", "99,9".
  static std::string r_fmt(std::int64_t hundredths) {
    std::string s = fixed_to_plain(hundredths, 2);
    std::string sign = s.starts_with('-') ? "-" : "";
    if (!sign.empty()) s.erase(0, 1);
    auto point = s.find('.');
    std::string whole = s.substr(0, point), frac = point == std::string::npos ? "" : "," + s.substr(point + 1);
    return sign + group_digits(std::stoull(whole), " ") + frac;
  }

  std::optional<std::size_t> col_of(const Table& t, Col kind, int year) const {
    for (std::size_t c = 0; c < t.cols.size(); ++c)
      if (t.cols[c].kind == kind && t.cols[c].year == year) return c;
    return std::nullopt;
  }

  // Signs per row (sign_convention.h). Costs printed positive are turned negative: the table's
  // majority decides, a cost row with figures enough of its own decides for itself (financial
  // costs printed positive among operating costs printed negative). A figure against its row's
  // sign is kept as printed and diagnosed. The deviation's direction is decided for cost rows and
  // the other rows apart ("favourable positive": income actual − budget, costs budget − actual).
  void detect_convention(Table& t) {
    auto level = [&](std::size_t c) {
      Col k = t.cols[c].kind;
      // A figure column (a bare year, "Konserni 2019") prints levels too.
      return k == Col::budget || k == Col::budget_after || k == Col::actual || k == Col::forecast || k == Col::plan ||
             k == Col::figure;
    };
    auto level_figures = [&](const Row& r) {
      std::vector<Cents> out;
      for (std::size_t c = 0; c < r.v.size(); ++c)
        if (r.v[c] && level(c)) out.push_back(*r.v[c]);
      return out;
    };
    std::vector<Cents> all_costs;
    for (const auto& r : t.rows)
      if (is_cost_nature(chart_, r.line->id))
        for (Cents v : level_figures(r)) all_costs.push_back(v);
    t.conv.costs_positive = printed_orientation(all_costs) > 0;
    for (auto& r : t.rows) {
      if (!is_cost_nature(chart_, r.line->id)) continue;
      int own = printed_orientation(level_figures(r));
      r.flipped = own == 0 ? t.conv.costs_positive : own > 0;
      if (r.flipped != t.conv.costs_positive) t.conv.rows_other_sign.push_back(r.src->label);
      if (r.flipped)
        for (auto& v : r.v)
          if (v) v = -*v;
      // Only a row whose own figures decide its sign says which of them is against it.
      const auto figures = level_figures(r);
      for (std::size_t c = 0; own != 0 && c < r.v.size(); ++c)
        if (r.v[c] && *r.v[c] > 0 && level(c) && of_the_rows_size(*r.v[c], figures)) sign_outliers_.push_back(cell(t, r, c));
    }
    DeviationVotes costs, others;
    for (std::size_t c = 0; c < t.cols.size(); ++c) {
      if (t.cols[c].kind != Col::deviation) continue;
      auto act = col_of(t, Col::actual, t.cols[c].year);
      auto bud = col_of(t, Col::budget_after, t.cols[c].year);
      if (!bud) bud = col_of(t, Col::budget, t.cols[c].year);
      if (!act || !bud) continue;
      for (const auto& r : t.rows) {
        if (!r.v[c] || !r.v[*act] || !r.v[*bud] || *r.v[c] == 0) continue;
        DeviationVotes& votes = is_cost_nature(chart_, r.line->id) ? costs : others;
        Cents d = checked_sub(*r.v[*act], *r.v[*bud]);
        if (classify_difference(checked_sub(*r.v[c], d), 2, t.scale_cents()) != Discrepancy::error) ++votes.forward;
        else if (classify_difference(checked_add(*r.v[c], d), 2, t.scale_cents()) != Discrepancy::error) ++votes.reversed;
      }
    }
    t.conv.deviation_reversed = deviation_reversed(others, costs);
    t.conv.cost_deviation_reversed = deviation_reversed(costs, others);
  }

  // A total printed blank beside printed parts (seed 001: an ICT operating margin) is
  // reported as missing once, then its computed value stands in, so the deviation and the
  // parent's sum are checked against what the table implies instead of failing twice.
  void fill_blank_totals(Table& t) {
    for (const Line& l : chart_.lines()) {
      // A total only some tables print (Käyttökate) is not missing when left blank.
      if (l.kind != LineKind::total || check_only_.count(l.id)) continue;
      for (auto& r : t.rows) {
        if (r.line != &l) continue;
        for (std::size_t c = 0; c < t.cols.size(); ++c) {
          if (r.v[c] || !sums_down(t.cols[c].kind)) continue;
          // A heading spanning two columns (sub-items, lines): the total printed in the other one is not missing.
          bool beside = false;
          for (std::size_t k = 0; k < t.cols.size(); ++k) beside = beside || (k != c && t.cols[k] == t.cols[c] && r.v[k]);
          if (beside) continue;
          // Only from parts the chart knows: a block with unknown rows implies no value.
          BlockSum b = block_of(t, r, c);
          if (b.kind == BlockSum::Kind::parts) r.v[c] = b.sum, r.filled[c] = true;
        }
      }
    }
  }

  // Columns whose totals are sums of the rows above (not deviations, ratios, overrun rights).
  static bool sums_down(Col k) {
    return k != Col::deviation && k != Col::realisation && k != Col::overrun && k != Col::other && k != Col::unknown;
  }

  // What the total row r adds up in column c, read from the printed block above it.
  BlockSum block_of(const Table& t, const Row& r, std::size_t c) const {
    std::vector<std::pair<int, BlockRow>> rows;
    for (const auto* set : {&t.rows, &t.unknown_rows})
      for (const auto& x : *set)
        rows.push_back({x.src->line, {x.line, x.v[c], x.line && x.line->kind == LineKind::memo, x.src->line}});
    for (const auto* x : t.transparent_rows) rows.push_back({x->line, {nullptr, std::nullopt, true, x->line}});
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<BlockRow> ordered;
    std::size_t at = 0;
    for (const auto& [line, br] : rows) {
      if (line == r.src->line) at = ordered.size();
      ordered.push_back(br);
    }
    return block_sum(chart_, ordered, at, t.rounding_unit(c));
  }

  // A table in euros whose rows are none of the chart's lines (binding units, projects) and whose last
  // row is its only total (Yhteensä, Totalt): that total, and group rows over their sub-rows, are sums
  // of the rows above, read as in tables of quantities (quantity_structure.h). Checked only where the
  // columns confirm the structure — at least two agree and fewer disagree: one column against the
  // others is a misprint; every column against it, a structure not understood (Tulot, Menot, Netto).
  void check_item_rows(const Table& t) {
    const auto& rows = t.unknown_rows;  // in printed order; rows without figures left out
    if (!t.rows.empty() || rows.size() < 3 || !is_total_label(rows.back().src->label)) return;
    for (std::size_t i = 0; i + 1 < rows.size(); ++i)
      if (is_total_label(rows[i].src->label)) return;
    std::vector<QuantityRowInfo> info;
    std::vector<std::int64_t> precision;
    for (std::size_t c = 0; c < t.cols.size(); ++c) precision.push_back(t.rounding_unit(c));
    for (const auto& r : rows) {
      QuantityRowInfo q{r.src->label, {}};
      for (std::size_t c = 0; c < t.cols.size(); ++c) q.v.push_back(sums_down(t.cols[c].kind) ? r.v[c] : std::nullopt);
      info.push_back(std::move(q));
    }
    for (const auto& sum : implied_sums(info, precision)) {
      const Row& total = rows[sum.total];
      int agree = 0, disagree = 0;
      for (std::size_t c = 0; c < t.cols.size(); ++c) {
        if (!info[sum.total].v[c]) continue;
        Cents s = 0;
        int n = 0;
        for (std::size_t p : sum.parts)
          if (info[p].v[c]) s = checked_add(s, *info[p].v[c]), ++n;
        if (n == 0) continue;
        (classify_difference(checked_sub(*total.v[c], s), n, precision[c]) == Discrepancy::error ? disagree : agree)++;
      }
      if (agree < 2 || disagree >= agree) continue;
      for (std::size_t c = 0; c < t.cols.size(); ++c) {
        if (!info[sum.total].v[c]) continue;
        std::vector<std::pair<int, RelCell>> terms;
        for (std::size_t p : sum.parts)
          if (info[p].v[c]) terms.push_back({1, cell(t, rows[p], c)});
        if (!terms.empty())
          compare("arith.total", t, total, c, terms, "osien summa", "summan av delarna", "the sum of its parts");
      }
    }
  }

  // The printed figure at (r, c) against the signed sum of `terms`; the relation is logged.
  void compare(const std::string& rule, const Table& t, const Row& r, std::size_t c,
               const std::vector<std::pair<int, RelCell>>& terms, const std::string& what_fi,
               const std::string& what_sv, const std::string& what_en) {
    Cents expected = 0, found = *r.v[c];
    for (const auto& [sign, term] : terms) expected = signed_add(expected, sign, term.value);
    Relation rel{Relation::Kind::sum, cell(t, r, c), terms, 0, static_cast<int>(terms.size()), t.rounding_unit(c), 0, {}};
    Discrepancy d = classify_difference(checked_sub(found, expected), rel.n, t.rounding_unit(c));
    if (d == Discrepancy::none) return log_relation(std::move(rel), false);
    auto& f = add(rule, d == Discrepancy::rounding ? Severity::rounding : Severity::error, t, r.src->line,
                  r.src->label, t.src->headings[c], t.cols[c].year);
    // Stated as printed: a cost row printed positive shows its figures positive.
    const Cents shown = r.flipped ? -1 : 1;
    expected *= shown, found *= shown;
    f.expected = expected;
    f.found = found;
    std::string diff = eur(checked_sub(found, expected));
    f.fi = fmt::format("{}: painettu {}, laskettu {} {} (ero {})", r.src->label, eur(found), what_fi, eur(expected), diff);
    f.sv = fmt::format("{}: tryckt {}, beräknat {} {} (skillnad {})", r.src->label, eur(found), what_sv, eur(expected), diff);
    f.en = fmt::format("{}: printed {}, computed {} {} (difference {})", r.src->label, eur(found), what_en, eur(expected), diff);
    log_relation(std::move(rel), true);
  }

  void completeness(const std::string& rule, const Table& t, const Row& r, std::size_t c, const std::string& fi,
                    const std::string& sv, const std::string& en) {
    auto& f = add(rule, rule == "complete.base_missing" ? Severity::error : Severity::warning, t, r.src->line,
                  r.src->label, t.src->headings[c], t.cols[c].year);
    f.fi = r.src->label + ": " + fi;
    f.sv = r.src->label + ": " + sv;
    f.en = r.src->label + ": " + en;
  }

  void check_rows(const Table& t) {
    for (const auto& r : t.rows) {
      for (std::size_t c = 0; c < t.cols.size(); ++c) {
        const ColumnMeaning& m = t.cols[c];
        if (m.kind == Col::budget_after) check_budget_after(t, r, c);
        if (m.kind == Col::deviation) check_deviation(t, r, c);
        if (m.kind == Col::realisation) check_realisation(t, r, c);
        // Deviations of totals follow from the other columns; checking them as sums too would
        // report one misprint twice.
        if (r.line->kind == LineKind::total && sums_down(m.kind)) check_total(t, r, c);
      }
    }
  }

  void check_budget_after(const Table& t, const Row& r, std::size_t c) {
    auto b = col_of(t, Col::budget, t.cols[c].year);
    // One or several amendment columns (TA-muutos 1/2024, TA-muutos 2/2024): all of the year's.
    std::vector<std::pair<int, std::optional<std::size_t>>> bases{{1, b}};
    for (std::size_t k = 0; k < t.cols.size(); ++k)
      if (t.cols[k].kind == Col::amendments && t.cols[k].year == t.cols[c].year) bases.push_back({1, k});
    if (bases.size() == 1 && !b) return;  // the column is all there is (a budget book's "inkl. ändringar")
    const auto terms = base_terms(t, r, bases);
    if (r.v[c]) {
      if (terms.empty())
        completeness("complete.base_missing", t, r, c, "talousarvio muutosten jälkeen annettu ilman talousarviota",
                     "budget inkl. ändringar angiven utan budget", "budget after amendments given without a budget");
      else
        compare("arith.budget_after", t, r, c, terms,
                "talousarvio + muutokset =", "budget + ändringar =", "budget + amendments =");
    } else if (!terms.empty()) {
      completeness("complete.derived_missing", t, r, c, "talousarvio muutosten jälkeen puuttuu",
                   "budget inkl. ändringar saknas", "budget after amendments missing");
    }
  }

  void check_deviation(const Table& t, const Row& r, std::size_t c) {
    auto act = col_of(t, Col::actual, t.cols[c].year);
    auto bud = col_of(t, Col::budget_after, t.cols[c].year);
    if (!bud) bud = col_of(t, Col::budget, t.cols[c].year);
    if (!act || !bud) return;
    // Plain values and flags: g++ 12 misreads optionals here as maybe-uninitialized.
    const bool has_a = r.v[*act].has_value(), has_b = r.v[*bud].has_value();
    int terms = (has_a ? 1 : 0) + (has_b ? 1 : 0);
    if (r.v[c]) {
      if (terms == 0) {
        completeness("complete.base_missing", t, r, c, "poikkeama annettu ilman toteumaa ja talousarviota",
                     "avvikelse angiven utan utfall och budget", "deviation given without actual and budget");
        return;
      }
      // A blank base in a row reads as zero, as reports print it; a base column blank in every
      // row is a missing base (a report printed before the year's actual exists).
      auto column_blank = [&](std::size_t col) {
        return std::none_of(t.rows.begin(), t.rows.end(), [&](const Row& x) { return x.v[col].has_value(); });
      };
      if (column_blank(*act) || column_blank(*bud)) {
        completeness("complete.base_missing", t, r, c, "poikkeama annettu, vaikka toteuma- tai talousarviosarake on tyhjä",
                     "avvikelse angiven fast kolumnen för utfall eller budget är tom",
                     "deviation given while the actual or budget column is empty");
        return;
      }
      if (reversed_deviation(t, r))
        compare("arith.deviation", t, r, c, base_terms(t, r, {{-1, act}, {1, bud}}), "talousarvio − toteuma =",
                "budget − utfall =", "budget − actual =");
      else
        compare("arith.deviation", t, r, c, base_terms(t, r, {{1, act}, {-1, bud}}), "toteuma − talousarvio =",
                "utfall − budget =", "actual − budget =");
    } else if (has_a && has_b) {
      completeness("complete.derived_missing", t, r, c, "poikkeama puuttuu", "avvikelse saknas", "deviation missing");
    }
  }

  void check_realisation(const Table& t, const Row& r, std::size_t c) {
    auto act = col_of(t, Col::actual, t.cols[c].year);
    auto bud = col_of(t, Col::budget_after, t.cols[c].year);
    if (!bud) bud = col_of(t, Col::budget, t.cols[c].year);
    if (!act || !bud || !r.pct[c] || !r.v[*act] || !r.v[*bud] || *r.v[*bud] == 0) return;
    std::int64_t printed = *r.pct[c];
    RatioCheck ratio = classify_realisation(*r.v[*act], *r.v[*bud], printed, r.pct_decimals[c], t.scale_cents());
    Relation rel{Relation::Kind::ratio, cell(t, r, c), {{1, cell(t, r, *act)}, {1, cell(t, r, *bud)}}, 0, 2,
                 t.scale_cents(), r.pct_decimals[c], {}};
    rel.target.value = printed, rel.target.candidate = false;
    if (ratio.d == Discrepancy::none) return log_relation(std::move(rel), false);
    std::int64_t expected = ratio.expected;
    auto& f = add("arith.realisation", ratio.d == Discrepancy::rounding ? Severity::rounding : Severity::error, t,
                  r.src->line, r.src->label, t.src->headings[c], t.cols[c].year);
    auto tenths = [](std::int64_t hundredths) { return (hundredths + (hundredths >= 0 ? 5 : -5)) / 10; };
    f.expected_text = format_permille(tenths(expected), " ");
    f.found_text = format_permille(tenths(printed), " ");
    f.fi = fmt::format("{}: painettu {}, toteuma / talousarvio = {}", r.src->label, r.src->cells[c], f.expected_text);
    f.sv = fmt::format("{}: tryckt {}, utfall / budget = {}", r.src->label, r.src->cells[c], f.expected_text);
    f.en = fmt::format("{}: printed {}, actual / budget = {}", r.src->label, r.src->cells[c], f.expected_text);
    log_relation(std::move(rel), true);
  }

  // The printed bases of a derived figure as signed terms (a blank base reads as zero: no term).
  std::vector<std::pair<int, RelCell>> base_terms(const Table& t, const Row& r,
                                                  const std::vector<std::pair<int, std::optional<std::size_t>>>& cols) const {
    std::vector<std::pair<int, RelCell>> out;
    for (const auto& [sign, c] : cols)
      if (c && r.v[*c]) out.push_back({sign, cell(t, r, *c)});
    return out;
  }

  bool reversed_deviation(const Table& t, const Row& r) const {
    return is_cost_nature(chart_, r.line->id) ? t.conv.cost_deviation_reversed : t.conv.deviation_reversed;
  }

  // A deviation printed beside this (blank) figure, of which it is a base.
  bool deviation_printed_on(const Table& t, const Row& r, std::size_t c) const {
    for (std::size_t d = 0; d < t.cols.size(); ++d) {
      if (t.cols[d].kind != Col::deviation || !r.v[d] || r.filled[d]) continue;
      auto act = col_of(t, Col::actual, t.cols[d].year);
      auto bud = col_of(t, Col::budget_after, t.cols[d].year);
      if (!bud) bud = col_of(t, Col::budget, t.cols[d].year);
      if ((act && *act == c) || (bud && *bud == c)) return true;
    }
    return false;
  }

  // A total left blank while its deviation is printed: the deviation rests on a figure the
  // reader cannot see, so it is an error, stating the value its parts imply.
  void blank_total_with_deviation(const Table& t, const Row& r, std::size_t c) {
    auto& f = add("complete.derived_missing", Severity::error, t, r.src->line, r.src->label, t.src->headings[c],
                  t.cols[c].year);
    Cents implied = (r.flipped ? -1 : 1) * *r.v[c];
    f.expected = implied;
    std::string v = eur(implied);
    f.fi = msg("check.total_blank_deviation", r.src->label, v).in(Lang::fi);
    f.sv = msg("check.total_blank_deviation", r.src->label, v).in(Lang::sv);
    f.en = fmt::format("{}: total missing although its deviation is printed; its parts imply {}", r.src->label, v);
  }

  // Whether the total row r disagrees with its printed parts in more of its columns (two or more) than
  // it agrees: what the table does not print is then not zero.
  bool unprinted_lines_not_zero(const Table& t, const Row& r) const {
    int agree = 0, disagree = 0;
    for (std::size_t k = 0; k < t.cols.size(); ++k) {
      if (!sums_down(t.cols[k].kind) || !r.v[k] || r.filled[k]) continue;
      BlockSum b = block_of(t, r, k);
      if (b.kind != BlockSum::Kind::parts) continue;
      (classify_difference(checked_sub(*r.v[k], b.sum), b.terms, t.rounding_unit(k)) == Discrepancy::error ? disagree
                                                                                                          : agree)++;
    }
    return agree + disagree >= 2 && disagree > agree;
  }

  void check_total(const Table& t, const Row& r, std::size_t c) {
    BlockSum b = block_of(t, r, c);
    if (b.kind == BlockSum::Kind::none) return;  // the table does not print this total's parts
    if (r.filled[c]) {
      if (deviation_printed_on(t, r, c)) blank_total_with_deviation(t, r, c);
      else
        completeness("complete.derived_missing", t, r, c, "summa puuttuu, vaikka osat on annettu",
                     "summan saknas fast delarna är angivna", "total missing although its parts are given");
      return;
    }
    if (!r.v[c]) return;
    // With rows the chart does not know, the total is the sum of all rows of its block; when
    // that does not agree either, it cannot be checked (never against the known rows alone).
    if (b.kind == BlockSum::Kind::all_rows &&
        classify_difference(checked_sub(*r.v[c], b.sum), b.terms, t.rounding_unit(c)) == Discrepancy::error) {
      not_checkable(t, r, b);
      return;
    }
    // Lines of the total not printed are read as zero only where the other columns bear it out: when
    // most columns disagree, the table leaves out something real (Valmistus omaan käyttöön).
    if (!b.complete && unprinted_lines_not_zero(t, r)) {
      not_checkable(t, r, b);
      return;
    }
    // The block's terms as cells (sign and row), so the misprint locator can solve for any of them.
    std::vector<std::pair<int, RelCell>> cells;
    for (const auto& term : b.term_rows)
      for (const auto* set : {&t.rows, &t.unknown_rows})
        for (const auto& x : *set)
          if (x.src->line == term.source_line) cells.push_back({term.sign, cell(t, x, c)});
    compare("arith.total", t, r, c, cells, "osien summa", "summan av delarna", "sum of parts");
  }

  // Once per total row: information, not an error.
  void not_checkable(const Table& t, const Row& r, const BlockSum& b) {
    for (const auto& x : report_.findings)
      if (x.rule == "arith.not_checkable" && x.where.file == t.src->file && x.where.line == r.src->line) return;
    std::string names;
    for (const auto& u : t.unknown_rows)
      if (std::find(b.unknown.begin(), b.unknown.end(), u.src->line) != b.unknown.end())
        names += (names.empty() ? "" : ", ") + (u.src->label.empty() ? std::string("–") : u.src->label);
    auto& f = add("arith.not_checkable", Severity::info, t, r.src->line, r.src->label, "", std::nullopt);
    if (names.empty()) {  // no unknown row: lines of the statement are not printed (a key-figure table)
      f.fi = fmt::format(fmt::runtime(tr("check.not_checkable_partial", Lang::fi)), r.src->label);
      f.sv = fmt::format(fmt::runtime(tr("check.not_checkable_partial", Lang::sv)), r.src->label);
      f.en = fmt::format("{}: the total cannot be checked: the table does not print all its parts"
                         " and the printed rows do not add up to it", r.src->label);
      return;
    }
    f.fi = fmt::format(fmt::runtime(tr("check.not_checkable", Lang::fi)), r.src->label, names);
    f.sv = fmt::format(fmt::runtime(tr("check.not_checkable", Lang::sv)), r.src->label, names);
    f.en = fmt::format("{}: the total cannot be checked: its block has rows the chart does not know ({}) and the "
                       "block's rows do not add up to it", r.src->label, names);
  }

  // Sub-unit tables of the same document against their parent's table.
  void check_hierarchy() {
    for (const auto& p : tables_) {
      if (p.unit.empty() || p.quantities) continue;
      std::vector<const Table*> kids;
      for (const auto& k : tables_)
        if (&k != &p && !k.quantities && !k.parent_key.empty() && k.parent_key == p.unit_key && k.document == p.document)
          kids.push_back(&k);
      if (kids.empty()) continue;
      for (const auto& r : p.rows) {
        for (std::size_t c = 0; c < p.cols.size(); ++c) {
          Col k = p.cols[c].kind;
          if (!r.v[c] || k == Col::realisation || k == Col::unknown || k == Col::overrun || k == Col::other) continue;
          std::optional<Cents> sum;
          int n = 0;
          Relation rel{Relation::Kind::sum, cell(p, r, c), {}, 0, 0, p.rounding_unit(c), 0, {}};
          for (const Table* k : kids)
            for (const auto& kr : k->rows)
              if (kr.line == r.line)
                for (std::size_t kc = 0; kc < k->cols.size(); ++kc)
                  if (k->cols[kc] == p.cols[c] && kr.v[kc]) {
                    sum = checked_add(sum.value_or(0), *kr.v[kc]), ++n;
                    rel.terms.push_back({1, cell(*k, kr, kc)});
                  }
          if (!sum) continue;
          rel.n = n;
          Discrepancy d = classify_difference(checked_sub(*r.v[c], *sum), n, p.rounding_unit(c));
          log_relation(std::move(rel), false);
          if (d == Discrepancy::none) continue;
          relations_.back().finding = report_.findings.size();
          auto& f = add("hierarchy.children_sum", d == Discrepancy::rounding ? Severity::rounding : Severity::error, p,
                        r.src->line, r.src->label, p.src->headings[c], p.cols[c].year);
          f.expected = *sum;
          f.found = *r.v[c];
          std::string diff = eur(checked_sub(*r.v[c], *sum));
          f.fi = fmt::format("{}: painettu {}, {} alayksikön taulukoiden summa {} (ero {})", r.src->label,
                             eur(*r.v[c]), n, eur(*sum), diff);
          f.sv = fmt::format("{}: tryckt {}, summan av {} underenheters tabeller {} (skillnad {})", r.src->label,
                             eur(*r.v[c]), n, eur(*sum), diff);
          f.en = fmt::format("{}: printed {}, the sum of {} sub-unit tables is {} (difference {})", r.src->label,
                             eur(*r.v[c]), n, eur(*sum), diff);
        }
      }
    }
  }

  // The same unit, line, column meaning and year printed in two documents or languages.
  void check_cross_document() {
    struct Seen {
      const Table* t;
      const Row* r;
      std::size_t c;
    };
    std::map<std::tuple<std::string, std::string, ColumnMeaning>, std::vector<Seen>> seen;
    for (const auto& t : tables_) {
      if (t.unit_key.empty() || t.quantities) continue;
      bool group_table = t.unit_key.ends_with("/konserni");
      for (const auto& r : t.rows)
        for (std::size_t c = 0; c < t.cols.size(); ++c) {
          Col k = t.cols[c].kind;
          // A group's column in a unit's table ("Konserni 2018" in a note of the city's statements).
          bool group_column = !group_table && TableVocabulary::names_group(t.src->headings[c]);
          // A figure column (a bare year, a proposal) is not known well enough to be the same figure as
          // another document's — except a group's: a group only has statements, so its figures are actuals.
          if (!r.v[c] || k == Col::deviation || k == Col::realisation || k == Col::unknown || k == Col::overrun ||
              k == Col::other || (k == Col::figure && !group_table && !group_column))
            continue;
          ColumnMeaning key = t.cols[c];
          if (key.kind == Col::figure) key.kind = Col::actual;
          // A budget or plan printed in a later year's document may be amended or restated for comparability
          // (a reorganisation): compared only between documents of one year. Actuals are final.
          if (key.kind != Col::actual) key.base_year = t.year;
          seen[{group_column ? t.unit_key + "/konserni" : t.unit_key, r.line->id, key}].push_back({&t, &r, c});
        }
    }
    for (const auto& [key, list] : seen) {
      for (std::size_t i = 1; i < list.size(); ++i) {
        const Seen& a = list.front();
        const Seen& b = list[i];
        if (a.t == b.t) continue;  // two tables of one document that print the same figure are compared too
        Cents va = *a.r->v[a.c], vb = *b.r->v[b.c];
        Cents scale = std::max(a.t->rounding_unit(a.c), b.t->rounding_unit(b.c));
        Discrepancy d = classify_difference(checked_sub(vb, va), 1, scale);
        log_relation({Relation::Kind::sum, cell(*b.t, *b.r, b.c), {{1, cell(*a.t, *a.r, a.c)}}, 0, 1, scale, 0, {}}, false);
        if (d == Discrepancy::none) continue;
        relations_.back().finding = report_.findings.size();
        auto& f = add("cross.same_figure", d == Discrepancy::rounding ? Severity::rounding : Severity::error, *b.t,
                      b.r->src->line, b.r->src->label, b.t->src->headings[b.c], b.t->cols[b.c].year);
        f.expected = va;
        f.found = vb;
        std::string other = a.t->document.empty() ? a.t->src->file : a.t->document;
        f.fi = fmt::format("{} ({}): painettu {}, asiakirjassa {} sama luku on {}", b.r->src->label,
                           b.t->src->headings[b.c], eur(vb), other, eur(va));
        f.sv = fmt::format("{} ({}): tryckt {}, i dokumentet {} är samma siffra {}", b.r->src->label,
                           b.t->src->headings[b.c], eur(vb), other, eur(va));
        f.en = fmt::format("{} ({}): printed {}, the same figure in {} is {}", b.r->src->label,
                           b.t->src->headings[b.c], eur(vb), other, eur(va));
      }
    }
  }

  // Printed figures against the stored dataset: the reconciliation of a document made
  // elsewhere with the figures Toteuma holds.
  void check_against_dataset(const Table& t) {
    const Dataset& d = ledger_->dataset();
    bool known = false;
    for (const auto& u : d.units) known = known || u.id == t.unit_key;
    if (!known || t.year == 0) return;
    for (const auto& r : t.rows) {
      if (check_only_.count(r.line->id)) continue;
      for (std::size_t c = 0; c < t.cols.size(); ++c) {
        const ColumnMeaning& m = t.cols[c];
        if (!r.v[c] || r.filled[c]) continue;
        std::optional<Measure> measure;
        switch (m.kind) {
          case Col::budget: measure = Measure::budget; break;
          case Col::amendments: measure = Measure::amendments; break;
          case Col::budget_after: measure = Measure::budget_after; break;
          case Col::actual: measure = Measure::actual; break;
          case Col::deviation: measure = Measure::deviation; break;
          case Col::forecast: measure = Measure::forecast; break;
          case Col::plan: measure = Measure::plan; break;
          default: break;
        }
        if (!measure) continue;
        OrgView org(d.units, Date::last_of_year(m.year));
        if (!org.find(t.unit_key)) continue;
        auto stored = ledger_->measure(org, t.unit_key, r.line->id, {*measure, m.year, m.base_year});
        // A deviation the dataset does not derive because one base is absent: the printed one
        // rests on a blank base (complete.base_blank); the bases are reconciled in their columns.
        if (*measure == Measure::deviation && !stored &&
            (ledger_->measure(org, t.unit_key, r.line->id, {Measure::actual, m.year, 0}) ||
             ledger_->measure(org, t.unit_key, r.line->id, {Measure::budget_after, m.year, 0})))
          continue;
        Cents found = *r.v[c];
        Discrepancy disc = stored ? classify_difference(checked_sub(found, *stored), 1, t.rounding_unit(c)) : Discrepancy::error;
        if (stored) log_relation({Relation::Kind::sum, cell(t, r, c), {}, *stored, 1, t.rounding_unit(c), 0, {}}, false);
        if (disc == Discrepancy::none) continue;
        if (stored) relations_.back().finding = report_.findings.size();
        auto& f = add("cross.dataset", disc == Discrepancy::rounding ? Severity::rounding : Severity::error, t,
                      r.src->line, r.src->label, t.src->headings[c], m.year);
        f.expected = stored;
        f.found = found;
        std::string have = stored ? eur(*stored) : "–";
        f.fi = fmt::format("{}: painettu {}, aineistossa {}", r.src->label, eur(found), have);
        f.sv = fmt::format("{}: tryckt {}, i datamängden {}", r.src->label, eur(found), have);
        f.en = fmt::format("{}: printed {}, the dataset holds {}", r.src->label, eur(found), have);
      }
    }
  }

  // A printed figure as the misprint locator sees it.
  RelCell cell(const Table& t, const Row& r, std::size_t c) const {
    return {{&r, c}, r.v[c].value_or(0), r.flipped ? -1 : 1, t.rounding_unit(c), !r.filled[c] && r.v[c].has_value(),
            {t.src->file, r.src->line, t.document, t.unit, r.src->label, t.src->headings[c], t.cols[c].year}};
  }

  // Logs a relation the checks evaluated; `reported` when the last finding added is its own.
  void log_relation(Relation rel, bool reported) {
    if (reported) rel.finding = report_.findings.size() - 1;
    relations_.push_back(std::move(rel));
  }

  const Chart& chart_;
  const TableVocabulary& vocab_;
  const Ledger* ledger_;
  const std::set<std::string>& check_only_;  // lines no dataset stores (check_totals.h)
  std::vector<Table> tables_;
  TableCheckReport report_;
  std::vector<Relation> relations_;  // every relation checked, for locate_misprints
  std::vector<RelCell> sign_outliers_;
};

}  // namespace

std::string normalize_label(const std::string& s) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // Hyphens (incl. soft hyphen U+00AD and U+2010/2011) join a word broken over lines:
    // drop them and the spaces that follow.
    bool hyphen = c == '-' || (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xAD) ||
                  (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[i + 2]) == 0x90 || static_cast<unsigned char>(s[i + 2]) == 0x91));
    if (hyphen) {
      i += c == '-' ? 0 : c == 0xC2 ? 1 : 2;
      while (i + 1 < s.size() && (s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '\t')) ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // NBSP
      space = true;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '.' || c == '(' || c == ')' ||
        c == ':' || c == '*') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      out += static_cast<char>(c);
      out += static_cast<char>(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);  // À–Þ → à–þ
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

TableCheckReport check_tables(const std::vector<PrintedTable>& tables, const Chart& chart, const Ledger* ledger,
                              const std::vector<std::string>& synonym_files) {
  // Read against the chart with the totals only printed tables use (Käyttökate) grouped in.
  CheckChart check = with_check_totals(chart);
  TableVocabulary vocab(check.chart);
  for (const auto& f : synonym_files) vocab.add_file(f);  // InputError → exit 2
  return Checker(check.chart, vocab, ledger, check.check_only).run(tables);
}

}  // namespace toteuma
