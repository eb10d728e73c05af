// toteuma import ledger end to end on the demo dataset with a hand-made ledger
// (tests/ledger/hand.csv): monthly totals per unit and line worked out by hand, the same
// bookings in other encodings and layouts, every kind of bad row located and changing
// nothing, re-imports that replace instead of doubling, drill-down to exactly the rows of a
// figure, and the suspense line.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "cli/ledger_commands.h"
#include "core/finance/follow_up.h"
#include "ingest/csv.h"
#include "ingest/ledger_reader.h"
#include "store/store.h"
#include "demo_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

namespace fs = std::filesystem;

fs::path fixture(const char* name) { return testing::source_dir() / "tests" / "ledger" / name; }

// (unit, line, month) → cents of the ledger's monthly actuals in the database.
using Actuals = std::map<std::tuple<std::string, std::string, std::string>, Cents>;
Actuals actuals(const std::string& db) {
  Actuals out;
  for (const auto& a : open_ledger_store(db)->actuals()) out[{a.unit, a.line, a.month}] = a.amount;
  return out;
}

// By hand from tests/ledger/hand.csv (mapping: 1110 kansliapalvelut, 1120 ict, 1130 talous;
// 9800–9899 internal; 1000–2999 skipped):
//  2025-01  kansliapalvelut wages     -10 000,00                    (1001)
//           kansliapalvelut side_costs -1 700,50                    (1002, 4110)
//           ict services               -2 500,25 − 499,75 = -3 000,00 (1003, 1004)
//           kansliapalvelut sales         120,00                    (1005)
//           talous internal_net          -800,00                    (1006, 9810)
//           (1007 on 2710 is a balance-sheet row: skipped, 5 000,00)
//  2025-02  kansliapalvelut wages     -10 000,00                    (1008)
//           talous wages               -8 250,10                    (1009)
//           talous grants               1 234,56                    (1010, quoted)
//           ict materials                 -45,90                    (1011, U+2212 minus)
//           ict services                  -99,50                    (1012, trailing minus)
//  2025-03  kansliapalvelut wages     -10 000,00                    (1013)
//           talous services              -300,00 − 1 000 000,00 = -1 000 300,00 (1014 two lines, 1015 NBSP)
const Actuals& hand_actuals() {
  static const Actuals a = {
      {{"kansliapalvelut", "wages", "2025-01"}, -1000000},  {{"kansliapalvelut", "side_costs", "2025-01"}, -170050},
      {{"ict", "services", "2025-01"}, -300000},             {{"kansliapalvelut", "sales", "2025-01"}, 12000},
      {{"talous", "internal_net", "2025-01"}, -80000},       {{"kansliapalvelut", "wages", "2025-02"}, -1000000},
      {{"talous", "wages", "2025-02"}, -825010},             {{"talous", "grants", "2025-02"}, 123456},
      {{"ict", "materials", "2025-02"}, -4590},              {{"ict", "services", "2025-02"}, -9950},
      {{"kansliapalvelut", "wages", "2025-03"}, -1000000},  {{"talous", "services", "2025-03"}, -100030000},
  };
  return a;
}

struct Fixture {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);

  LedgerOptions opts(std::vector<std::string> files, bool with_mapping = true) const {
    LedgerOptions o;
    o.db = db;
    o.files = std::move(files);
    if (with_mapping) o.mapping = fixture("mapping.toml").string();
    o.threads = 2;
    return o;
  }
  std::string import(std::vector<std::string> files, bool suspense = false) const {
    LedgerOptions o = opts(std::move(files));
    o.suspense = suspense;
    std::ostringstream out;
    EXPECT_EQ(cmd_import_ledger(o, out), 0);
    return out.str();
  }
  std::string rows(const std::string& unit, const std::string& line, const std::string& month, bool suspense = false) const {
    LedgerOptions o = opts({});
    o.unit = unit, o.line = line, o.month = month, o.suspense = suspense;
    std::ostringstream out;
    EXPECT_EQ(cmd_ledger_rows(o, out), 0);
    return out.str();
  }
  std::string path(const char* name) const { return (tmp.path() / name).string(); }
  // Imports hand.csv, then expects `o` (reading `file`) to be refused at `line` and `column`
  // with the database and the kept files as they were.
  void expect_refused(const LedgerOptions& o, const std::string& file, int line, const std::string& column) const {
    import({fixture("hand.csv").string()});  // something to keep
    Dataset before = open_store(db)->read();
    auto imports_before = open_ledger_store(db)->imports().size();
    auto kept_before = kept_files();
    Actuals actuals_before = actuals(db);
    std::ostringstream out;
    try {
      cmd_import_ledger(o, out);
      ADD_FAILURE() << "expected an error";
    } catch (const InputError& e) {
      EXPECT_EQ(e.file, file);
      EXPECT_EQ(e.line, line) << e.what();
      EXPECT_EQ(e.column, column) << e.what();
    }
    EXPECT_EQ(open_store(db)->read(), before);
    EXPECT_EQ(actuals(db), actuals_before);
    EXPECT_EQ(open_ledger_store(db)->imports().size(), imports_before);
    EXPECT_EQ(kept_files(), kept_before);  // no half-kept copy either
  }
  std::vector<std::string> kept_files() const {
    std::vector<std::string> out;
    if (testing::on_postgres()) {  // kept in the database (store/ledger_files.h)
      sql::Db pg(db);
      for (auto st = pg.prepare("SELECT DISTINCT sha256 FROM ledger_file ORDER BY sha256"); st.step();) out.push_back(st.text(0));
      return out;
    }
    if (fs::exists(db + ".ledger"))
      for (const auto& e : fs::directory_iterator(db + ".ledger")) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST(LedgerImport, HandMadeLedgerGivesTheMonthlyTotalsByHand) {
  Fixture f;
  Dataset loaded = open_store(f.db)->read();
  std::string out = f.import({fixture("hand.csv").string()});
  EXPECT_EQ(actuals(f.db), hand_actuals());
  // The months sit beside the dataset: its one actual per year stays the closed year's.
  EXPECT_EQ(open_store(f.db)->read(), loaded);
  // 15 rows (one of them skipped), the skipped balance-sheet row reported.
  EXPECT_NE(out.find("15 riviä"), std::string::npos) << out;
  EXPECT_NE(out.find("ohitettu (mapping [accounts] skip): 1 riviä, yhteensä 5 000"), std::string::npos) << out;
  // Each import is recorded: file, size, SHA-256, rows, totals; the file is kept by its hash.
  auto imports = open_ledger_store(f.db)->imports();
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_EQ(imports[0].rows, 15);
  EXPECT_EQ(imports[0].size, static_cast<std::int64_t>(fs::file_size(fixture("hand.csv"))));
  EXPECT_EQ(imports[0].sha256, ledger::sha256_file(fixture("hand.csv").string()));
  EXPECT_EQ(imports[0].months, "2025-01,2025-02,2025-03");
  EXPECT_EQ(imports[0].skipped_rows, 1);
  EXPECT_EQ(imports[0].skipped_total, 500000);
  // Total of every row, the skipped one included: by hand the months' -15 380,50 − 17 160,94
  // − 1 010 300,00 = -1 042 841,44, and the skipped 5 000,00.
  EXPECT_EQ(imports[0].total, -104284144 + 500000);
  EXPECT_FALSE(imports[0].imported_by.empty());
  EXPECT_EQ(f.kept_files(), std::vector<std::string>{imports[0].sha256});
  EXPECT_EQ(testing::slurp(open_ledger_store(f.db)->source_path(imports[0].sha256)), testing::slurp(fixture("hand.csv")));
}

TEST(LedgerImport, Windows1252TabsDebitCreditAndXlsxGiveTheSameTotals) {
  // The same bookings as a Windows-1252, tab-separated export with Debet/Kredit columns, ISO
  // dates and CRLF line ends; found without a mapping of columns (only cost centers mapped).
  Fixture f;
  f.import({fixture("hand-1252.csv").string()});
  EXPECT_EQ(actuals(f.db), hand_actuals());

  // And as a spreadsheet: dates as Excel serials, amounts as numbers.
  Fixture g;
  std::string xlsx = g.path("hand.xlsx");
  lxw_workbook* wb = workbook_new(xlsx.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  const char* head[] = {"Tositepvm", "Tili", "Kustannuspaikka", "Summa"};
  for (int c = 0; c < 4; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), head[c], nullptr);
  struct R { double serial; int account; const char* cc; double euros; };
  // 45659 = 2.1.2025, 45691 = 3.2.2025, 45719 = 3.3.2025.
  const R rows[] = {{45659, 4000, "1110", -10000}, {45659, 4110, "1110", -1700.5}, {45672, 4342, "1120", -2500.25},
                    {45677, 4342, "1120", -499.75}, {45688, 3005, "1110", 120},   {45688, 9810, "1130", -800},
                    {45688, 2710, "1130", 5000},     {45691, 4000, "1110", -10000}, {45691, 4000, "1130", -8250.1},
                    {45702, 3300, "1130", 1234.56},  {45716, 4500, "1120", -45.9},  {45716, 4342, "1120", -99.5},
                    {45719, 4000, "1110", -10000},   {45720, 4470, "1130", -300},   {45721, 4340, "1130", -1000000}};
  lxw_row_t r = 1;
  for (const auto& x : rows) {
    worksheet_write_number(ws, r, 0, x.serial, nullptr);
    worksheet_write_number(ws, r, 1, x.account, nullptr);
    worksheet_write_string(ws, r, 2, x.cc, nullptr);
    worksheet_write_number(ws, r++, 3, x.euros, nullptr);
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  g.import({xlsx});
  EXPECT_EQ(actuals(g.db), hand_actuals());
  // Drill-down works on the spreadsheet too (rows are sheet rows), dates shown as dates, not as
  // the serial day numbers the sheet stores (45720 is 4.3.2025).
  std::string rows_out = g.rows("talous", "services", "2025-03");
  EXPECT_NE(rows_out.find("hand.xlsx:15: 4.3.2025;4470;1130;-300"), std::string::npos) << rows_out;
  EXPECT_EQ(rows_out.find("45720"), std::string::npos) << rows_out;
  EXPECT_NE(rows_out.find("2 riviä, yhteensä -1 000 300"), std::string::npos) << rows_out;
}

struct BadRow {
  const char* name;
  std::string row;       // written as line 3, between two good rows
  std::string column;    // the column the error names ("" = the row)
  bool bom = false;      // UTF-8 declared by a BOM (so an invalid byte is an error, not Windows-1252)
  std::string encoding;  // --encoding
};
void PrintTo(const BadRow& b, std::ostream* os) { *os << b.name; }
BadRow bad(const char* name, std::string row, std::string column, bool bom = false, std::string encoding = "") {
  return {name, std::move(row), std::move(column), bom, std::move(encoding)};
}

class LedgerBadInput : public ::testing::TestWithParam<BadRow> {};

TEST_P(LedgerBadInput, IsLocatedAndChangesNothing) {
  const BadRow& b = GetParam();
  Fixture f;
  std::string file = f.path("bad.csv");
  testing::spit(file, std::string(b.bom ? "\xEF\xBB\xBF" : "") + "Tositepvm;Tosite;Tili;Kustannuspaikka;Summa;Selite\n" +
                          "2.4.2025;2001;4000;1110;-1,00;hyvä rivi\n" + b.row + "\n" + "3.4.2025;2003;4000;1120;-2,00;hyvä rivi\n");
  LedgerOptions o = f.opts({file});
  o.encoding = b.encoding;
  f.expect_refused(o, file, 3, b.column);
}

INSTANTIATE_TEST_SUITE_P(
    EveryKind, LedgerBadInput,
    ::testing::Values(bad("unknown_account", "2.4.2025;2002;4999;1110;-1,00;x", "Tili"),
                      bad("account_not_a_number", "2.4.2025;2002;43A0;1110;-1,00;x", "Tili"),
                      bad("unknown_cost_center", "2.4.2025;2002;4000;1199;-1,00;x", "Kustannuspaikka"),
                      bad("unit_not_valid_on_date", "2.4.2025;2002;4000;1190;-1,00;x", "Tositepvm"),
                      bad("bad_date", "31.4.2025;2002;4000;1110;-1,00;x", "Tositepvm"),
                      bad("malformed_amount", "2.4.2025;2002;4000;1110;-1,005;x", "Summa"),
                      bad("misgrouped_amount", "2.4.2025;2002;4000;1110;-12 34,00;x", "Summa"),
                      bad("empty_amount", "2.4.2025;2002;4000;1110;;x", "Summa"),
                      bad("too_few_fields", "2.4.2025;2002;4000;1110;-1,00", ""),
                      bad("too_many_fields", "2.4.2025;2002;4000;1110;-1,00;x;y", ""),
                      bad("invalid_utf8", "2.4.2025;2002;4000;1110;-1,00;p\xE4iv\xE4", "Selite", true),
                      bad("undefined_windows_1252", "2.4.2025;2002;4000;1110;-1,00;\x81", "Selite", false, "windows-1252"),
                      // The CSV rule (ingest/csv.h): an open quote would take line 4 into this row.
                      bad("unterminated_quote", "2.4.2025;2002;4000;1110;-1,00;\"x", "Selite"),
                      bad("text_after_closing_quote", "2.4.2025;2002;4000;1110;\"-1,00\"0;x", "Summa"),
                      bad("quote_inside_plain_field", "2.4.2025;2002;4000;1110;-1,00;12\" näyttö", "Selite"),
                      bad("lone_carriage_return", "2.4.2025;2002;4000;1110;-1,00;a\rb", "Selite")),
    [](const auto& info) { return std::string(info.param.name); });

// Whole files the import must refuse, at the line and column named, changing nothing.
struct BadFile {
  const char* name;
  std::string text;
  int line;
  std::string column;
  std::string mapping_columns;  // a [columns] table for the mapping ("" = tests/ledger/mapping.toml)
};
void PrintTo(const BadFile& b, std::ostream* os) { *os << b.name; }

class LedgerBadFile : public ::testing::TestWithParam<BadFile> {};

TEST_P(LedgerBadFile, IsLocatedAndChangesNothing) {
  const BadFile& b = GetParam();
  Fixture f;
  std::string file = f.path("bad.csv");
  testing::spit(file, b.text);
  LedgerOptions o = f.opts({file});
  if (!b.mapping_columns.empty()) {
    o.mapping = f.path("mapping.toml");
    testing::spit(o.mapping, testing::slurp(fixture("mapping.toml")) + "\n[columns]\n" + b.mapping_columns);
  }
  f.expect_refused(o, file, b.line, b.column);
}

INSTANTIATE_TEST_SUITE_P(
    EveryKind, LedgerBadFile,
    ::testing::Values(
        // Issue 13: four rows of -3 010 300,00 were imported as two of -10 300,00 (the open quote
        // on line 3 took lines 4 and 5 into its description), replacing April of every unit.
        BadFile{"unterminated_quote_swallowing_rows",
                "Tositepvm;Tili;Kustannuspaikka;Summa;Selite\n"
                "1.4.2025;4000;1110;-10 000,00;Palkat\n"
                "2.4.2025;4470;1130;-300,00;\"Konsultti, \"\"lasku\"\"\n"
                "3.4.2025;4340;1130;-1 000 000,00;Iso lasku\n"
                "4.4.2025;4340;1120;-2 000 000,00;Toinen\n",
                3, "Selite", ""},
        // Old Mac line ends: the header ran to the end of the file and its two rows were read as none.
        BadFile{"cr_only_line_ends",
                "Tositepvm;Tili;Kustannuspaikka;Summa;Selite\r1.4.2025;4000;1110;-1,00;x\r2.4.2025;4000;1120;-2,00;y\r", 1, "", ""},
        BadFile{"header_without_rows", "Tositepvm;Tili;Kustannuspaikka;Summa\n", 2, "", ""},
        BadFile{"only_blank_rows_after_the_header", "Tositepvm;Tili;Kustannuspaikka;Summa\n\n;;;\n  \n", 2, "", ""},
        BadFile{"a_field_twice_in_the_header", "Tositepvm;Tili;Kustannuspaikka;Summa;summa\n1.4.2025;4000;1110;-1,00;-2,00\n", 1,
                "Summa", ""},
        BadFile{"one_column_mapped_to_two_fields", "Pvm;Tili;Kp;Euro\n1.4.2025;4000;1110;-1,00\n", 1, "Euro",
                "date = \"Pvm\"\naccount = \"Tili\"\ncost_center = \"Kp\"\namount = \"Euro\"\ndebit = \"Euro\"\n"}),
    [](const auto& info) { return std::string(info.param.name); });

// A spreadsheet export is held to the same: a header alone is no import, and a stray cell far to
// the right (column XFD: one cell, not 16 384 of them) makes its row one of the wrong width.
TEST(LedgerImport, XlsxWithoutRowsOrWithAStrayCellIsRefused) {
  for (bool stray : {false, true}) {
    Fixture f;
    std::string xlsx = f.path(stray ? "stray.xlsx" : "header.xlsx");
    lxw_workbook* wb = workbook_new(xlsx.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    const char* head[] = {"Tositepvm", "Tili", "Kustannuspaikka", "Summa"};
    for (int c = 0; c < 4; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), head[c], nullptr);
    if (stray)
      for (lxw_row_t r = 1; r <= 3; ++r) {
        worksheet_write_number(ws, r, 0, 45748, nullptr);  // 1.4.2025
        worksheet_write_number(ws, r, 1, 4000, nullptr);
        worksheet_write_string(ws, r, 2, "1110", nullptr);
        worksheet_write_number(ws, r, 3, -1, nullptr);
        if (r == 3) worksheet_write_string(ws, r, 16383, "x", nullptr);
      }
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
    // Sheet row 4 holds the stray cell; without rows, the error is at the row after the header.
    f.expect_refused(f.opts({xlsx}), xlsx, stray ? 4 : 2, "");
  }
}

// A killed import leaves the copy it was making (".incoming-<pid>-<n>") and files moved into
// place by a transaction that never committed; the next import removes them, and only them.
TEST(LedgerImport, LeftoversOfAKilledImportAreRemovedByTheNext) {
  if (testing::on_postgres()) GTEST_SKIP() << "the folder beside a SQLite file; PostgreSQL keeps the files in one transaction";
  Fixture f;
  f.import({fixture("hand.csv").string()});
  std::string dir = f.db + ".ledger/";
  std::string dead = ".incoming-99999999-0";  // above any pid_max: no such process
  std::string live = fmt::format(".incoming-{}-7", ::getpid());  // an import still running
  std::string orphan(64, 'a');
  for (const auto& n : {dead, live, orphan}) testing::spit(dir + n, "x");
  std::string kept = open_ledger_store(f.db)->imports()[0].sha256;
  f.import({fixture("hand.csv").string()});
  std::vector<std::string> want = {live, kept};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(f.kept_files(), want);
}

TEST(LedgerImport, ReimportingAMonthReplacesItInsteadOfDoubling) {
  Fixture f;
  f.import({fixture("hand.csv").string()});
  f.import({fixture("hand.csv").string()});
  EXPECT_EQ(actuals(f.db), hand_actuals());
  EXPECT_EQ(open_ledger_store(f.db)->imports().size(), 2u);  // both recorded
  EXPECT_EQ(f.kept_files().size(), 1u);                              // one kept copy of the same content

  // A corrected March alone replaces March (every unit and line of it) and nothing else.
  std::string march = f.path("march.csv");
  testing::spit(march, "Tositepvm;Tili;Kustannuspaikka;Summa\n31.3.2025;4000;1110;-12 000,00\n");
  f.import({march});
  Actuals want = hand_actuals();
  want.erase({"talous", "services", "2025-03"});
  want[{"kansliapalvelut", "wages", "2025-03"}] = -1200000;
  EXPECT_EQ(actuals(f.db), want);
  EXPECT_EQ(f.kept_files().size(), 2u);  // January and February still come from hand.csv
  EXPECT_NE(f.rows("kansliapalvelut", "wages", "2025-03").find("march.csv:2: 31.3.2025;4000;1110;-12 000,00"), std::string::npos);
  EXPECT_NE(f.rows("kansliapalvelut", "wages", "2025-02").find("hand.csv:9: 3.2.2025;1008;4000;1110;-10 000,00"), std::string::npos);

  // Two files of the same month in one import add up; the same file twice is refused.
  std::string other = f.path("ict-march.csv");
  testing::spit(other, "Tositepvm;Tili;Kustannuspaikka;Summa\n15.3.2025;4000;1120;-500,00\n");
  f.import({march, other});
  EXPECT_EQ((actuals(f.db)[{"kansliapalvelut", "wages", "2025-03"}]), -1200000);
  EXPECT_EQ((actuals(f.db)[{"ict", "wages", "2025-03"}]), -50000);
  std::ostringstream sink;
  EXPECT_THROW(cmd_import_ledger(f.opts({march, march}), sink), std::runtime_error);
}

TEST(LedgerImport, DrillDownPrintsExactlyTheRowsOfAFigure) {
  Fixture f;
  std::string file = fixture("hand.csv").string();
  f.import({file});
  // kanslia's Toimintakulut of February: its areas' cost rows 1008, 1009, 1011, 1012 (lines 9,
  // 10, 12, 13), not the grant 1010 nor January's or March's rows; -18 395,50 by hand.
  std::string out = f.rows("kanslia", "operating_costs", "2025-02");
  std::string want = file + ":9: 3.2.2025;1008;4000;1110;-10 000,00;Palkat helmikuu\n" +
                     file + ":10: 3.2.2025;1009;4000;1130;-8 250,10;Palkat\n" +
                     file + ":12: 28.2.2025;1011;4500;1120;\xE2\x88\x92" "45,90;Tarvikkeet\n" +
                     file + ":13: 28.2.2025;1012;4342;1120;99,50-;Hyvityslaskun oikaisu\n" +
                     "4 riviä, yhteensä -18 396\n" + "luku kanslia / operating_costs / 2025-02: -18 396\n";
  EXPECT_EQ(out, want);
  // A row spanning two lines keeps its first line's number; the next row's number counts both.
  out = f.rows("talous", "Palvelujen ostot", "2025-03");
  EXPECT_NE(out.find(file + ":15: 4.3.2025;1014;4470;1130;-300,00;\"Muut palvelut; \"\"konsultti\"\"\nkaksirivinen selite\"\n"),
            std::string::npos) << out;
  EXPECT_NE(out.find(file + ":17: 5.3.2025;1015;4340;1130;-1\xC2\xA0" "000\xC2\xA0" "000,00;Iso lasku\n"), std::string::npos) << out;
  EXPECT_NE(out.find("2 riviä, yhteensä -1 000 300"), std::string::npos) << out;
  // The internal memo line has its own rows.
  out = f.rows("talous", "internal_net", "2025-01");
  EXPECT_NE(out.find(file + ":7: 31.1.2025;1006;9810;1130;-800,00;Sisäinen vuokra\n1 riviä"), std::string::npos) << out;
}

TEST(LedgerImport, SuspenseOptionReportsUnmappedRowsInsteadOfFailing) {
  Fixture f;
  std::string file = f.path("suspense.csv");
  testing::spit(file, "Tositepvm;Tili;Kustannuspaikka;Summa\n"
                      "2.4.2025;4000;1110;-100,00\n"
                      "3.4.2025;4999;1110;-20,00\n"     // no line for the account
                      "4.4.2025;4000;1199;-3,50\n"      // no unit for the cost center
                      "5.4.2025;4000;1199;-1,50\n");
  std::ostringstream sink;
  EXPECT_THROW(cmd_import_ledger(f.opts({file}), sink), InputError);  // not without the option
  std::string out = f.import({file}, true);
  EXPECT_NE(out.find("selvittelyrivi (kohdistamatta): 3 riviä, yhteensä -25"), std::string::npos) << out;
  EXPECT_NE(out.find("2025-04 kustannuspaikka \"1110\" tili \"4999\" (tuntematon tili): 1 riviä, -20"), std::string::npos) << out;
  EXPECT_NE(out.find("2025-04 kustannuspaikka \"1199\" tili \"4000\" (tuntematon kustannuspaikka): 2 riviä, -5"), std::string::npos)
      << out;
  Actuals want = {{{"kansliapalvelut", "wages", "2025-04"}, -10000}};
  EXPECT_EQ(actuals(f.db), want);
  auto rec = open_ledger_store(f.db)->imports().back();
  EXPECT_EQ(rec.suspense_rows, 3);
  EXPECT_EQ(rec.suspense_total, -2500);
  std::string rows = f.rows("", "", "2025-04", true);
  EXPECT_EQ(rows, file + ":3: 3.4.2025;4999;1110;-20,00\n" + file + ":4: 4.4.2025;4000;1199;-3,50\n" + file +
                      ":5: 5.4.2025;4000;1199;-1,50\n3 riviä, yhteensä -25\n");
}

TEST(LedgerImport, HelsinkiStyleAnnualFileBooksTheYearOnDecember) {
  // Helsinki publishes Pääluokka/Luku/Kohta/Tulosyksikkö/Pääkirjatili/Toteuma/Vuosi; unit ids as
  // cost centers need no mapping.
  Fixture f;
  std::string file = f.path("helsinki.csv");
  testing::spit(file, "Pääluokka;Luku;Kohta;Tulosyksikkö;Pääkirjatili;Toteuma;Vuosi\n"
                      "1;10;100;ict;4342;-1 000,00;2025\n"
                      "1;10;100;ict;4342;-250,00;2025\n");
  LedgerOptions o = f.opts({file}, false);
  std::ostringstream out;
  ASSERT_EQ(cmd_import_ledger(o, out), 0) << out.str();
  Actuals want = {{{"ict", "services", "2025-12"}, -125000}};
  EXPECT_EQ(actuals(f.db), want);
}

TEST(LedgerImport, FollowUpTableOfTheHandMadeLedger) {
  Fixture f;
  f.import({fixture("hand.csv").string()});
  LedgerOptions o = f.opts({});
  o.unit = "kanslia", o.year = 2025, o.month = "2", o.format = "csv";
  std::ostringstream open_months;
  ASSERT_EQ(cmd_table_follow_up(o, open_months), 0);
  // Nothing closed yet: no projection, so no forecast and no forecast deviation.
  EXPECT_NE(open_months.str().find("\nToimintakate ulkoinen;-4165639;-17161;-31741;;\n"), std::string::npos) << open_months.str();
  std::ostringstream closing;
  ASSERT_EQ(cmd_ledger_close(o, closing), 0);  // finance closes January–February
  EXPECT_EQ(closing.str(), "Suljetut kuukaudet: 1–2/2025\n");
  std::ostringstream out;
  ASSERT_EQ(cmd_table_follow_up(o, out), 0);
  // kanslia, February 2025, by hand: income 120,00 + 1 234,56; costs January -10 000,00 − 1 700,50
  // − 3 000,00 and February -10 000,00 − 8 250,10 − 45,90 − 99,50: to date 1 354,56 − 33 096,00 =
  // -31 741,44; February alone 1 234,56 − 18 395,50 = -17 160,94; projected × 12/2 = -190 448,64;
  // against TA 2025 -4 165 639 a deviation of 3 975 190,36; 31 741,44 / 4 165 639 = 0,76 %.
  EXPECT_NE(out.str().find("Rivi;TA 2025 muutosten jälkeen;Toteuma 2/2025;Toteuma 1–2/2025;Ennuste 2025 (laskettu);"
                           "Ennusteen poikkeama\n"),
            std::string::npos) << out.str();
  EXPECT_NE(out.str().find("\nToimintakate ulkoinen;-4165639;-17161;-31741;-190449;3975190\n"), std::string::npos) << out.str();
  // 190 448,64 / 4 165 639; then against the budget phased evenly to February (4 165 639 × 2/12 =
  // 694 273,17): 31 741,44 / 694 273,17 = 4,57 %.
  EXPECT_NE(out.str().find("\nToimintakate ulkoinen;0,8;4,6;4,6\n"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("\nToimintakate ulkoinen;-14581;-17161;-31741\n"), std::string::npos) << out.str();  // January 120,00 − 14 700,50
}

}  // namespace
}  // namespace toteuma
