#include "ingest/proposal_sheet.h"

#include <fmt/format.h>

#include <set>

#include "core/format.h"
#include "ingest/fields.h"
#include "ingest/ledger_fields.h"
#include "ingest/xlsx_input.h"

namespace toteuma {

namespace {

using fields::m3;
constexpr std::size_t kMaxJustification = 4000;  // characters: a paragraph or two

// The cells of the sheet by row and column, and the errors located at them.
class SheetCells {
 public:
  SheetCells(const std::string& path, xlsx::Sheet s) : path_(path), sheet_(std::move(s)) {
    for (const auto& r : sheet_.rows) rows_[r.row] = &r;
  }
  const std::string& text(int row, int col) const {
    static const std::string none;
    auto it = rows_.find(row);
    if (it == rows_.end()) return none;
    for (const auto& c : it->second->cells)
      if (c.column == col) return c.text;
    return none;
  }
  std::string ref(int row, int col) const { return sheet_.name + "!" + xlsx::column_letters(col) + std::to_string(row); }
  template <class Error = InputError>
  [[noreturn]] void fail(int row, int col, const std::string& message) const {
    throw Error(path_, row, ref(row, col), message);
  }
  const std::vector<xlsx::SheetRow>& rows() const { return sheet_.rows; }

 private:
  std::string path_;
  xlsx::Sheet sheet_;
  std::map<int, const xlsx::SheetRow*> rows_;
};

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

ProposalSheetUpload import_proposal_sheet(Dataset& d, const std::string& path, bool force) {
  using namespace psheet;
  SheetCells cells(path, read_input_sheet(path));
  ProposalSheetUpload up;

  up.version = trimmed(cells.text(kVersionRow, kValueCol));
  const BudgetVersion* v = find_version(d, up.version);
  if (!v)
    cells.fail(kVersionRow, kValueCol,
               m3("expected the id of a budget version (the sheet's header: download the sheet again)",
                  "odotettiin talousarvion version tunnusta (lataa lomake uudelleen)",
                  "id för en budgetversion förväntades (ladda ner blanketten på nytt)"));
  if (!v->adopted.empty())
    cells.fail(kVersionRow, kValueCol,
               m3("the version is adopted as " + v->adopted + " and no longer changes", "hyväksyttyä versiota ei voi muuttaa",
                  "en antagen version kan inte ändras"));
  up.unit = trimmed(cells.text(kUnitRow, kValueCol));
  if (!d.has_unit(up.unit))
    cells.fail(kUnitRow, kValueCol, m3("expected the id of a unit", "odotettiin yksikön tunnusta", "id för en enhet förväntades"));
  if (trimmed(cells.text(kYearRow, kValueCol)) != std::to_string(v->year))
    cells.fail(kYearRow, kValueCol,
               m3(fmt::format("expected the version's year {}", v->year), fmt::format("odotettiin version vuotta {}", v->year),
                  fmt::format("versionens år {} förväntades", v->year)));
  up.base = trimmed(cells.text(kBaseRow, kValueCol));
  if (up.base.empty())
    cells.fail(kBaseRow, kValueCol, m3("expected the sheet's base stamp", "odotettiin lomakkeen pohjan tunnistetta", "blankettens basstämpel förväntades"));

  std::vector<FigureEdit> edits;
  std::set<std::string> seen;
  for (const auto& row : cells.rows()) {
    if (row.row < kFirstRow) continue;
    int r = row.row;
    std::string line = trimmed(cells.text(r, kLineIdCol));
    const Line* l = line.empty() ? nullptr : d.chart.find(line);
    if (!l || !l->in(Part::operating))
      cells.fail(r, kLineIdCol,
                 m3("expected the id of a line of the operating part (column A, as downloaded)",
                    "odotettiin käyttötalousosan rivin tunnusta (sarake A ladatun mukaisena)",
                    "id för en rad i driftsekonomidelen förväntades (kolumn A som nedladdad)"));
    if (!seen.insert(line).second)
      cells.fail(r, kLineIdCol, m3("the line " + line + " twice", "rivi kahdesti", "raden två gånger"));
    for (int y = 0; y < 3; ++y) {
      int c = kFirstYearCol + y;
      std::string text = trimmed(cells.text(r, c));
      std::optional<Cents> amount;
      if (!text.empty()) {
        amount = ledger::parse_amount(text);
        if (!amount)
          cells.fail(r, c,
                     m3("expected euros such as -1 234,56 (at most two decimals) or a blank cell, not \"" + text + "\"",
                        "odotettiin euromäärää, esim. -1 234,56 (enintään kaksi desimaalia), tai tyhjää",
                        "ett eurobelopp, t.ex. -1 234,56 (högst två decimaler), eller en tom cell förväntades"));
      }
      edits.push_back({up.unit, line, v->year + y, amount});
    }
    std::string why = trimmed(cells.text(r, kJustificationCol));
    if (display_width(why) > kMaxJustification)
      cells.fail(r, kJustificationCol,
                 m3(fmt::format("expected at most {} characters", kMaxJustification),
                    fmt::format("odotettiin enintään {} merkkiä", kMaxJustification),
                    fmt::format("högst {} tecken förväntades", kMaxJustification)));
    if (!why.empty()) up.justifications[line] = why;
  }
  if (seen.empty())
    cells.fail(kFirstRow, kLineIdCol, m3("expected the lines of the sheet", "odotettiin lomakkeen rivejä", "blankettens rader förväntades"));

  up.now = figures_stamp(d, v->id, up.unit);
  if (up.now != up.base && !force)
    cells.fail<StaleSheetError>(
        kBaseRow, kValueCol,
        m3("the figures have changed since this sheet was made: download a new sheet (or force the upload)",
           "lukuja on muutettu lomakkeen tekemisen jälkeen: lataa uusi lomake (tai pakota lähetys)",
           "beloppen har ändrats sedan blanketten gjordes: ladda ner en ny blankett (eller tvinga uppladdningen)"));
  up.changes = apply_figure_edits(d, v->id, edits);
  return up;
}

std::string describe_upload(const ProposalSheetUpload& u) {
  std::string out = describe_changes(u.changes);
  for (const auto& [line, text] : u.justifications) out += fmt::format("justification/{}: {}\n", line, text);
  return out;
}

}  // namespace toteuma
