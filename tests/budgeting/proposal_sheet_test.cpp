// The Excel round trip of a unit's proposal (issue 16 item 5): the demo's proposal ehdotus-2026 of
// the chancellery centre (kanslia) downloaded as a sheet, cells edited as a person would (numbers,
// text like "-71 500,50", blanks), uploaded back and the stored figures compared with the ones
// worked out by hand from data/demo/budgeting/figures.csv; a bad cell is refused with its sheet
// and cell and nothing changes; a stale sheet is refused unless forced. XlsxOffice* tests let
// LibreOffice save the edited sheet first (ctest label "office").
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "budgeting/xlsx_cell_edit.h"
#include "cli/budget_commands.h"
#include "cli/budget_sheet_commands.h"
#include "demo_db.h"
#include "ingest/proposal_sheet.h"
#include "ingest/xlsx/xlsx_reader.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "test_util.h"

namespace toteuma {
namespace {

using testing::blank;
using testing::number;
using testing::text;

struct SheetRound {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  std::string file = (tmp.path() / "kanslia.xlsx").string();
  std::ostringstream out;

  BudgetOptions opts() const {
    BudgetOptions o;
    o.db = db;
    return o;
  }
  void download(const std::string& lang = "fi", const std::string& version = "ehdotus-2026") {
    BudgetOptions o = opts();
    o.version = version, o.unit = "kanslia", o.lang = lang, o.output = file;
    ASSERT_EQ(cmd_budget_sheet(o, out), 0);
  }
  int upload(bool force = false) {
    BudgetOptions o = opts();
    o.file = file, o.force = force;
    return cmd_budget_import_sheet(o, out);
  }
  // Someone enters a figure of the version after the sheet was made.
  void set(const std::string& unit, const std::string& line, const std::string& euros) {
    BudgetOptions o = opts();
    o.version = "ehdotus-2026", o.unit = unit, o.line = line, o.amount = euros;
    ASSERT_EQ(cmd_budget_set(o, out), 0);
  }
  xlsx::Sheet sheet() const { return xlsx::read_first_sheet(file); }
  // The row of a line in the downloaded sheet (its id in column A).
  int row_of(const std::string& line) const {
    for (const auto& r : sheet().rows)
      if (!r.cells.empty() && r.cells.front().column == 1 && r.cells.front().text == line) return r.row;
    ADD_FAILURE() << "no row for " << line;
    return 0;
  }
  std::string cell(int row, int col) const {
    for (const auto& r : sheet().rows)
      if (r.row == row)
        for (const auto& c : r.cells)
          if (c.column == col) return c.text;
    return "";
  }
  std::string ref(const std::string& col, const std::string& line) const { return col + std::to_string(row_of(line)); }
  Dataset read() const { return open_store(db)->read(); }
  std::optional<Cents> figure(const std::string& line, int year) const {
    for (const auto& f : read().budgeting.figures)
      if (f.version == "ehdotus-2026" && f.unit == "kanslia" && f.line == line && f.year == year) return f.amount;
    return std::nullopt;
  }
  std::int64_t last_audit() const { return open_store(db)->last_audit_id(); }
};

TEST(ProposalSheet, TheDownloadHoldsTheHeaderReferencesAndTheVersionsFigures) {
  SheetRound r;
  r.download();
  xlsx::Sheet s = r.sheet();
  EXPECT_EQ(s.name, "Ehdotus");
  EXPECT_EQ(r.cell(2, 3), "ehdotus-2026");
  EXPECT_EQ(r.cell(3, 3), "kanslia");
  EXPECT_EQ(r.cell(4, 3), "2026");
  EXPECT_EQ(r.cell(5, 3).size(), 16u);  // the base stamp
  EXPECT_EQ(r.cell(8, 6), "TA 2026");
  EXPECT_EQ(r.cell(8, 8), "TS 2028");
  int services = r.row_of("services");
  EXPECT_EQ(r.cell(services, 2), "Palvelujen ostot");
  EXPECT_EQ(r.cell(services, 3), "-1904647");  // TP 2024 (data/demo/figures.csv)
  EXPECT_EQ(r.cell(services, 4), "-2010045");  // TA 2025, no amendments
  EXPECT_EQ(r.cell(services, 6), "-2030100");  // the proposal's 2026, 2027, 2028
  EXPECT_EQ(r.cell(services, 7), "-2050400");
  EXPECT_EQ(r.cell(services, 8), "-2050400");
  EXPECT_EQ(r.cell(r.row_of("operating_margin"), 5), "-4300000");  // the frame raami-2026
  EXPECT_EQ(r.cell(r.row_of("personnel_costs"), 6), "-2183250");   // −2 130 000 × 1,025
}

TEST(ProposalSheet, TheSheetIsProtectedWithTheInputsUnlocked) {
  SheetRound r;
  r.download();
  // The sheet part says it is protected; the input style is the one unlocked style.
  std::string cmd = "cd '" + r.tmp.path().string() + "' && unzip -p kanslia.xlsx xl/worksheets/sheet1.xml > sheet.xml && " +
                    "unzip -p kanslia.xlsx xl/styles.xml > styles.xml";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string sheet = testing::slurp(r.tmp.path() / "sheet.xml"), styles = testing::slurp(r.tmp.path() / "styles.xml");
  EXPECT_NE(sheet.find("<sheetProtection"), std::string::npos);
  EXPECT_NE(sheet.find("hidden=\"1\""), std::string::npos);  // column A, the line ids
  EXPECT_NE(styles.find("locked=\"0\""), std::string::npos);
  EXPECT_NE(styles.find("FFFFF2CC"), std::string::npos);  // the input fill
}

TEST(ProposalSheet, AnEditedSheetChangesExactlyTheEditedFigures) {
  SheetRound r;
  r.download();
  std::int64_t before = r.last_audit();
  testing::edit_xlsx_cells(r.file, {{r.ref("F", "services"), number("-2050000")},
                                    {r.ref("G", "materials"), text("-71 500,50")},
                                    {r.ref("H", "subsidies"), blank()},
                                    {r.ref("F", "fees"), text("1 200")},
                                    {r.ref("I", "services"), text("Uusi tietojärjestelmä")}});
  ASSERT_EQ(r.upload(), 0) << r.out.str();
  EXPECT_EQ(r.figure("services", 2026), -205000000);
  EXPECT_EQ(r.figure("materials", 2027), -7150050);
  EXPECT_EQ(r.figure("subsidies", 2028), std::nullopt);
  EXPECT_EQ(r.figure("fees", 2026), 120000);
  // Untouched cells keep their figures.
  EXPECT_EQ(r.figure("services", 2027), -205040000);
  EXPECT_EQ(r.figure("materials", 2026), -7050000);
  EXPECT_EQ(r.figure("subsidies", 2027), -3500000);
  EXPECT_NE(r.out.str().find("4 figures changed"), std::string::npos) << r.out.str();
  EXPECT_NE(r.out.str().find("kanslia/services/2026: -2030100 → -2050000"), std::string::npos) << r.out.str();
  // One audit row for the upload, of the unit, with the changes and the justification.
  EXPECT_EQ(r.last_audit(), before + 1);
  auto trail = open_workplace_store(r.db)->audit("kanslia", 1);
  ASSERT_EQ(trail.size(), 1u);
  EXPECT_EQ(trail[0].key, "sheet/ehdotus-2026/kanslia");
  ASSERT_TRUE(trail[0].after.has_value());
  EXPECT_NE(trail[0].after->find("kanslia/materials/2027: -71200 → -71500.50"), std::string::npos) << *trail[0].after;
  EXPECT_NE(trail[0].after->find("justification/services: Uusi tietojärjestelmä"), std::string::npos) << *trail[0].after;
  // The justification is the proposal's own, in the sheet's language (the web's proposal page shows it).
  bool noted = false;
  for (const auto& n : open_store(r.db)->read().budgeting.notes)
    noted = noted || (n.version == "ehdotus-2026" && n.unit == "kanslia" && n.line == "services" && n.lang == "fi" &&
                      n.text == "Uusi tietojärjestelmä");
  EXPECT_TRUE(noted);
  // Uploading the same sheet again: its base is stale now.
  EXPECT_THROW(r.upload(), StaleSheetError);
}

struct BadCell {
  std::string column, line;  // the cell: column letter and the line's row ("" = a header cell)
  int header_row;
  testing::CellValue value;
  std::string expected;  // in the English part of the message
};

TEST(ProposalSheet, ABadCellIsLocatedAndNothingChanges) {
  const std::vector<BadCell> cases = {
      {"F", "services", 0, text("noin 2 miljoonaa"), "expected euros"},
      {"G", "materials", 0, text("-1 234,567"), "at most two decimals"},
      {"H", "fees", 0, text("1.234"), "expected euros"},  // ambiguous: a thousand or one euro?
      {"A", "services", 0, text("palvelut"), "expected the id of a line"},
      {"A", "materials", 0, text("services"), "twice"},
      {"C", "", 3, text("sivistys-x"), "expected the id of a unit"},
      {"C", "", 2, text("ehdotus-2027"), "expected the id of a budget version"},
      {"C", "", 4, number("2025"), "expected the version's year 2026"},
      {"I", "services", 0, text(std::string(4001, 'x')), "at most 4000 characters"},
  };
  for (const BadCell& c : cases) {
    SheetRound r;
    r.download();
    std::string ref = c.line.empty() ? c.column + std::to_string(c.header_row) : r.ref(c.column, c.line);
    // A good edit beside the bad one: it must not be written either.
    testing::edit_xlsx_cells(r.file, {{ref, c.value}, {r.ref("F", "other_costs"), number("-1")}});
    Dataset before = r.read();
    std::int64_t audit = r.last_audit();
    try {
      r.upload();
      ADD_FAILURE() << ref << ": accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.column, "Ehdotus!" + ref) << e.what();
      EXPECT_NE(e.message.find(c.expected), std::string::npos) << e.what();
      EXPECT_NE(e.message.find(" / "), std::string::npos) << "in en / fi / sv: " << e.what();
    }
    EXPECT_EQ(r.read().budgeting, before.budgeting) << ref;
    EXPECT_EQ(r.last_audit(), audit) << ref;
  }
}

TEST(ProposalSheet, AStaleSheetIsRefusedUnlessForced) {
  SheetRound r;
  r.download();
  r.set("kanslia", "sales", "900");
  testing::edit_xlsx_cells(r.file, {{r.ref("F", "services"), number("-2040000")}});
  try {
    r.upload();
    ADD_FAILURE() << "a stale sheet accepted";
  } catch (const StaleSheetError& e) {
    EXPECT_EQ(e.column, "Ehdotus!C5");
    EXPECT_NE(e.message.find("changed since this sheet was made"), std::string::npos) << e.what();
  }
  EXPECT_EQ(r.figure("services", 2026), -203010000);
  // Forced, the sheet's figures win: the sales figure entered meanwhile goes back to the sheet's.
  ASSERT_EQ(r.upload(true), 0);
  EXPECT_EQ(r.figure("services", 2026), -204000000);
  EXPECT_EQ(r.figure("sales", 2026), 50000);
}

TEST(ProposalSheet, AFigureOfAnotherUnitDoesNotMakeTheSheetStale) {
  SheetRound r;
  r.download();
  r.set("demokratia", "materials", "-26000");
  testing::edit_xlsx_cells(r.file, {{r.ref("F", "services"), number("-2040000")}});
  ASSERT_EQ(r.upload(), 0);
  EXPECT_EQ(r.figure("services", 2026), -204000000);
}

TEST(ProposalSheet, TheSwedishSheetIsReadBackAndLocatedInSwedish) {
  SheetRound r;
  r.download("sv");
  EXPECT_EQ(r.sheet().name, "Förslag");
  EXPECT_EQ(r.cell(r.row_of("services"), 2), "Köp av tjänster");
  EXPECT_EQ(r.cell(8, 6), "Budget 2026");
  testing::edit_xlsx_cells(r.file, {{r.ref("G", "services"), text("ungefär")}});
  try {
    r.upload();
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.column, "Förslag!" + r.ref("G", "services"));
    EXPECT_NE(e.message.find("ett eurobelopp"), std::string::npos) << e.what();
  }
}

TEST(ProposalSheet, AnAdoptedVersionIsRefused) {
  SheetRound r;
  BudgetOptions o = r.opts();
  o.id = "paatos-2026", o.year = 2026, o.stage = "council", o.from = "version:ehdotus-2026", o.date = "2025-12-15";
  ASSERT_EQ(cmd_budget_start(o, r.out), 0);
  r.download("fi", "paatos-2026");
  o = r.opts();
  o.version = "paatos-2026";
  ASSERT_EQ(cmd_budget_adopt(o, r.out), 0);
  try {
    r.upload();
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.column, "Ehdotus!C2");
    EXPECT_NE(e.message.find("adopted as ta2026"), std::string::npos) << e.what();
  }
}

// Run by the ctest test proposal_sheet_office (label "office"), which sets TOTEUMA_OFFICE_TESTS:
// the edited sheet saved again by LibreOffice (its own shared strings, styles and number
// writing), then uploaded.
TEST(XlsxOfficeProposalSheet, ASheetSavedByLibreOfficeIsReadBack) {
  if (!std::getenv("TOTEUMA_OFFICE_TESTS")) GTEST_SKIP() << "run by ctest -L office";
  if (std::system("command -v soffice > /dev/null 2>&1") != 0) GTEST_SKIP() << "soffice is not on PATH";
  SheetRound r;
  r.download();
  testing::edit_xlsx_cells(r.file, {{r.ref("F", "services"), number("-2050000")}, {r.ref("G", "materials"), text("-71 500,50")},
                                    {r.ref("H", "subsidies"), blank()}});
  std::string dir = r.tmp.path().string();
  std::filesystem::create_directories(r.tmp.path() / "saved");
  std::string cmd = "cd '" + dir + "' && timeout 240 soffice -env:UserInstallation=file://" + dir +
                    "/profile --headless --norestore --convert-to xlsx:'Calc MS Excel 2007 XML' --outdir saved kanslia.xlsx > soffice.log 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << testing::slurp(r.tmp.path() / "soffice.log");
  r.file = (r.tmp.path() / "saved" / "kanslia.xlsx").string();
  ASSERT_EQ(r.upload(), 0) << r.out.str();
  EXPECT_EQ(r.figure("services", 2026), -205000000);
  EXPECT_EQ(r.figure("materials", 2027), -7150050);
  EXPECT_EQ(r.figure("subsidies", 2028), std::nullopt);
  EXPECT_EQ(r.figure("services", 2027), -205040000);
}

}  // namespace
}  // namespace toteuma
