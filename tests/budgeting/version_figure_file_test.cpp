// Finance's file of many units' figures of one version (issue 16 item 5): CSV and XLSX, all or
// nothing, errors located by file line and column or by sheet and cell. Figures by hand from
// data/demo/budgeting/figures.csv (ehdotus-2026).
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <sstream>

#include "cli/budget_sheet_commands.h"
#include "demo_db.h"
#include "ingest/csv.h"
#include "store/store.h"
#include "test_util.h"

namespace toteuma {
namespace {

struct FigureImport {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  std::ostringstream out;
  int import(const std::string& file) {
    BudgetOptions o;
    o.db = db, o.version = "ehdotus-2026", o.file = file;
    return cmd_budget_import_figures(o, out);
  }
  std::string csv(const std::string& content) {
    std::string f = (tmp.path() / "figures.csv").string();
    testing::spit(f, content);
    return f;
  }
  // A sheet "Luvut" with the rows given (the first the headings); a field starting with '#' is a number.
  std::string xlsx(const std::vector<std::vector<std::string>>& rows) {
    std::string f = (tmp.path() / "figures.xlsx").string();
    lxw_workbook* wb = workbook_new(f.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Luvut");
    for (std::size_t r = 0; r < rows.size(); ++r)
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        const std::string& v = rows[r][c];
        auto row = static_cast<lxw_row_t>(r);
        auto col = static_cast<lxw_col_t>(c);
        if (v.starts_with('#')) worksheet_write_number(ws, row, col, std::stod(v.substr(1)), nullptr);
        else worksheet_write_string(ws, row, col, v.c_str(), nullptr);
      }
    EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
    return f;
  }
  Dataset read() const { return open_store(db)->read(); }
  std::optional<Cents> figure(const std::string& unit, const std::string& line, int year) const {
    for (const auto& f : read().budgeting.figures)
      if (f.version == "ehdotus-2026" && f.unit == unit && f.line == line && f.year == year) return f.amount;
    return std::nullopt;
  }
};

TEST(VersionFigureFile, ACsvFileEntersManyUnitsFigures) {
  FigureImport t;
  ASSERT_EQ(t.import(t.csv("unit;line;year;amount\nkanslia;services;2026;-2040000\ndemokratia;materials;2027;-1 234,56\n"
                           "kanslia;sales;2028;500\n")),
            0);
  EXPECT_EQ(t.figure("kanslia", "services", 2026), -204000000);
  EXPECT_EQ(t.figure("demokratia", "materials", 2027), -123456);
  EXPECT_EQ(t.figure("kanslia", "services", 2027), -205040000);  // untouched
  // sales 2028 was 500 already: two changes, not three.
  EXPECT_NE(t.out.str().find("ehdotus-2026: 2 figures changed"), std::string::npos) << t.out.str();
}

TEST(VersionFigureFile, AnXlsxFileTakesNumbersAndText) {
  FigureImport t;
  ASSERT_EQ(t.import(t.xlsx({{"unit", "line", "year", "amount"}, {"kanslia", "services", "#2026", "#-2040000.5"},
                             {"kanslia", "materials", "2027", "-71 500"}})),
            0);
  EXPECT_EQ(t.figure("kanslia", "services", 2026), -204000050);
  EXPECT_EQ(t.figure("kanslia", "materials", 2027), -7150000);
}

struct Bad {
  std::string row;     // a data row: unit;line;year;amount
  std::string column;  // CSV column named in the error
  std::string cell;    // the same cell in the XLSX file, on sheet Luvut
  std::string expected;
};

TEST(VersionFigureFile, ABadFieldIsLocatedAndNothingChanges) {
  const std::vector<Bad> cases = {
      {"kanslia;services;2026;noin", "amount", "D3", "expected euros"},
      {"kanslia;services;2029;-1", "year", "C3", "expected a year 2026–2028"},
      {"kanslia;palvelut;2026;-1", "line", "B3", "expected the id of a line"},
      {"kanslix;services;2026;-1", "unit", "A3", "expected the id of a unit"},
      {"kanslia;materials;2026;-1", "unit", "A3", "twice"},
  };
  for (const Bad& c : cases) {
    for (bool as_xlsx : {false, true}) {
      FigureImport t;
      Dataset before = t.read();
      std::vector<std::vector<std::string>> rows = {{"unit", "line", "year", "amount"}, {"kanslia", "materials", "2026", "-1"}};
      std::vector<std::string> f;
      std::stringstream ss(c.row);
      for (std::string x; std::getline(ss, x, ';');) f.push_back(x);
      rows.push_back(f);
      std::string file = as_xlsx ? t.xlsx(rows) : t.csv("unit;line;year;amount\nkanslia;materials;2026;-1\n" + c.row + "\n");
      try {
        t.import(file);
        ADD_FAILURE() << c.row << ": accepted";
      } catch (const InputError& e) {
        EXPECT_EQ(e.line, 3) << e.what();
        EXPECT_EQ(e.column, as_xlsx ? "Luvut!" + c.cell : c.column) << e.what();
        EXPECT_NE(e.message.find(c.expected), std::string::npos) << e.what();
      }
      EXPECT_EQ(t.read().budgeting, before.budgeting) << c.row;
    }
  }
}

}  // namespace
}  // namespace toteuma
