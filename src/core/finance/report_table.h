// The figure tables of the seeds' layouts, as data: headings and rows of optional cents.
// Rendering (text, CSV, HTML) is in render/.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/finance/ledger.h"

namespace toteuma {

enum class TableKind { annual_report, budget };
std::optional<TableKind> parse_table_kind(const std::string& s);

struct TableRow {
  std::string line;   // chart line id
  LineKind kind = LineKind::detail;
  std::string label;  // in the table's language
  std::vector<std::optional<Cents>> values;
};

struct FigureTable {
  TableKind kind = TableKind::annual_report;
  Part part = Part::operating;  // which statutory part's lines
  Lang lang = Lang::fi;
  int year = 0;
  std::string unit;
  std::string unit_name;
  std::string responsible;
  std::string title;
  std::string binding_line;       // label of the binding line, "" when indicative
  std::optional<bool> overrun;    // annual report at a binding unit
  std::vector<ColumnSpec> columns;
  std::vector<std::string> headings;
  std::vector<TableRow> rows;
};

// A table that cannot be built (unknown unit, ...): what() in the table's language, `msg` for a
// reader of another (the API's messages follow the request).
struct TableError : MsgError {
  TableError(Msg m, Lang lang) : MsgError(m, m.in(lang)) {}
};

// Annual report Y: TA Y | TA-muutokset | TA Y muutosten jälkeen | TP Y | Poikkeama.
// Budget Y: TP Y-2 | TA Y-1 muutosten jälkeen | TA Y | TS Y+1 | TS Y+2 (plan columns without
// any figure for the unit are left out). The organisation is taken as of 31.12.Y for the
// annual report and 1.1.Y for the budget, so earlier years show in that year's structure.
// `part` chooses the lines: the operating part (its note rows after Toimintakate printed as notes),
// the income statement part or the financing part (cash flow) — the latter two for the
// municipality, whose root unit holds taxes, financial items and financing, and whose operating
// lines roll up from its sectors (internal items are not lines of the income statement).
// The lines a table of `chart` prints, in chart order, with the kind each prints as: a line shows
// when the chart says always, when it has a figure in some column (`has_data`, every line of the
// chart), or when another detail part of the same total has one (so an empty Maksutuotot shows
// beside Myyntituotot, while Valmistevarastojen muutos does not show just because Toimintatuotot,
// a total, has figures); a total printed without any of its parts reads as an ordinary row.
struct ShownLine {
  const Line* line;
  LineKind kind;
};
std::vector<ShownLine> shown_lines(const Chart& chart, const std::map<std::string, bool>& has_data);
// The lines of `chart` that `keep` accepts, in order, as a chart of their own (a part's table).
Chart chart_subset(const Chart& chart, const std::function<bool(const Line&)>& keep);

FigureTable build_table(const Ledger& ledger, const std::string& unit, int year, TableKind kind,
                        Lang lang, Part part = Part::operating);
// "operating" (also ""), "income-statement", "cash-flow".
std::optional<Part> parse_table_part(const std::string& s);

// A table as the web names it: "annual-report" | "budget" (the operating part) or
// "<part>:<layout>", e.g. "income-statement:budget", "cash-flow:annual-report".
struct TableView {
  TableKind layout = TableKind::annual_report;
  Part part = Part::operating;
};
std::optional<TableView> parse_table_view(const std::string& s);

// The parts of build_table other tables of a unit share (the key figures): a column's heading
// ("TA 2025"), the columns of a kind (plan years only where the unit has figures), the date of
// the organisation the table uses, and the unit valid on it (TableError when there is none).
std::string column_heading(const ColumnSpec& c, Lang lang);
std::vector<ColumnSpec> table_columns(const Ledger& ledger, const OrgView& org, const std::string& unit, int year,
                                      TableKind kind);
Date table_date(int year, TableKind kind);
const UnitVersion& table_unit(const Dataset& d, const OrgView& org, const std::string& unit, Lang lang);

}  // namespace toteuma
