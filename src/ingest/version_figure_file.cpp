#include "ingest/version_figure_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <set>
#include <tuple>

#include "ingest/csv.h"
#include "ingest/fields.h"
#include "ingest/ledger_fields.h"
#include "ingest/xlsx_input.h"

namespace toteuma {

namespace {

using fields::m3;
const std::array<std::string, 4> kColumns = {"unit", "line", "year", "amount"};

// One row of the file: its fields in kColumns order and where each is (the error's column).
struct FigureRecord {
  int line = 0;
  std::array<std::string, 4> fields, at;
};

std::vector<FigureRecord> csv_records(const std::string& path) {
  CsvTable t(read_file(path), path, {kColumns.begin(), kColumns.end()});
  std::vector<FigureRecord> out;
  for (const auto& r : t.rows()) {
    FigureRecord f{r.line, {}, kColumns};
    for (std::size_t k = 0; k < kColumns.size(); ++k) f.fields[k] = t.get(r, kColumns[k]);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<FigureRecord> xlsx_records(const std::string& path) {
  xlsx::Sheet s = read_input_sheet(path);
  auto ref = [&](int col, int row) { return s.name + "!" + xlsx::column_letters(col) + std::to_string(row); };
  if (s.rows.empty())
    throw InputError(path, 1, ref(1, 1), m3("expected a heading row: unit;line;year;amount", "odotettiin otsikkoriviä", "rubrikrad förväntades"));
  const auto& head = s.rows.front();
  std::array<int, 4> col{};
  for (const auto& c : head.cells) {
    auto it = std::find(kColumns.begin(), kColumns.end(), c.text);
    if (it == kColumns.end())
      throw InputError(path, head.row, ref(c.column, head.row),
                       m3("unknown column; expected unit, line, year and amount", "tuntematon sarake", "okänd kolumn"));
    col[static_cast<std::size_t>(it - kColumns.begin())] = c.column;
  }
  for (std::size_t k = 0; k < kColumns.size(); ++k)
    if (!col[k]) throw InputError(path, head.row, ref(1, head.row), m3("missing column " + kColumns[k], "sarake puuttuu", "kolumn saknas"));
  std::vector<FigureRecord> out;
  for (std::size_t i = 1; i < s.rows.size(); ++i) {
    const auto& r = s.rows[i];
    FigureRecord f{r.row, {}, {}};
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      f.at[k] = ref(col[k], r.row);
      for (const auto& c : r.cells)
        if (c.column == col[k]) f.fields[k] = c.text;
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

std::vector<FigureEdit> read_version_figure_file(const Dataset& d, const BudgetVersion& v, const std::string& path) {
  std::vector<FigureRecord> recs = path.ends_with(".xlsx") ? xlsx_records(path) : csv_records(path);
  std::vector<FigureEdit> out;
  std::set<std::tuple<std::string, std::string, int>> seen;
  for (const FigureRecord& r : recs) {
    auto fail = [&](std::size_t k, const std::string& message) { throw InputError(path, r.line, r.at[k], message); };
    const auto& [unit, line, year_text, amount_text] = r.fields;
    if (!d.has_unit(unit)) fail(0, m3("expected the id of a unit", "odotettiin yksikön tunnusta", "id för en enhet förväntades"));
    if (!d.chart.find(line)) fail(1, m3("expected the id of a line of the chart", "odotettiin tilikartan rivin tunnusta", "id för en rad i kontoplanen förväntades"));
    int year = 0;
    auto [end, ec] = std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
    if (ec != std::errc() || end != year_text.data() + year_text.size() || year < v.year || year > v.year + 2)
      fail(2, m3(fmt::format("expected a year {}–{}", v.year, v.year + 2), fmt::format("odotettiin vuotta {}–{}", v.year, v.year + 2),
                 fmt::format("ett år {}–{} förväntades", v.year, v.year + 2)));
    auto amount = ledger::parse_amount(amount_text);
    if (!amount)
      fail(3, m3("expected euros such as -1 234,56 (at most two decimals)", "odotettiin euromäärää, esim. -1 234,56",
                 "ett eurobelopp, t.ex. -1 234,56, förväntades"));
    if (!seen.emplace(unit, line, year).second)
      fail(0, m3("the same unit, line and year twice", "sama yksikkö, rivi ja vuosi kahdesti", "samma enhet, rad och år två gånger"));
    out.push_back({unit, line, year, amount});
  }
  return out;
}

}  // namespace toteuma
