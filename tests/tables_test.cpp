// Data-driven: each tests/tables/*.csv holds the arguments of `toteuma table` and the CSV it
// must print, transcribed by hand from the seeds (see the `# source:` line of each file).
#include <gtest/gtest.h>

#include <sstream>

#include "cli/commands.h"
#include "core/text.h"
#include "demo_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

using testing::TempDir;

struct Case {
  std::string name;
  std::filesystem::path file;
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.file.filename().string(); }

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& e : std::filesystem::directory_iterator(testing::source_dir() / "tests" / "tables"))
    if (e.path().extension() == ".csv") out.push_back({e.path().stem().string(), e.path()});
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return out;
}

// One demo database for all cases.
const std::string& demo_db() {
  static TempDir dir;
  static std::string db = testing::load_demo_db(dir);
  return db;
}

class TableFile : public ::testing::TestWithParam<Case> {};

TEST_P(TableFile, PrintsTheSeedFigures) {
  std::istringstream in(testing::slurp(GetParam().file));
  CommandOptions o;
  o.db = demo_db();
  o.format = "csv";
  std::string expected, line;
  while (std::getline(in, line)) {
    if (line.rfind("# args:", 0) == 0) {
      std::istringstream args(line.substr(7));
      std::string flag, value;
      while (args >> flag >> value) {
        if (flag == "--unit") o.unit = value;
        else if (flag == "--year") o.year = std::stoi(value);
        else if (flag == "--kind") o.kind = value;
        else if (flag == "--lang") o.lang = value;
        else FAIL() << "unknown flag " << flag;
      }
    } else if (line.rfind("#", 0) != 0) {
      expected += line + "\n";
    }
  }
  ASSERT_FALSE(o.unit.empty());
  std::ostringstream out;
  ASSERT_EQ(cmd_table(o, out), 0);
  EXPECT_EQ(out.str(), std::string(kUtf8Bom) + expected);  // the BOM: Excel reads the file as UTF-8
}

INSTANTIATE_TEST_SUITE_P(Seeds, TableFile, ::testing::ValuesIn(cases()),
                         [](const auto& info) {
                           std::string n = info.param.name;
                           for (char& c : n)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(TableText, FormatsNumbersAsPublished) {
  CommandOptions o;
  o.db = demo_db();
  o.unit = "kanslia";
  o.year = 2025;
  o.kind = "budget";
  o.lang = "sv";
  std::ostringstream out;
  cmd_table(o, out);
  const std::string nb = "\u00a0";
  // Issue #2: Swedish budget 2025, Verksamhetsbidrag −4 165 639, plan 2027 −4 286 000.
  EXPECT_NE(out.str().find("-4" + nb + "165" + nb + "639"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("-4" + nb + "286" + nb + "000"), std::string::npos);
  EXPECT_NE(out.str().find("Ekonomiplan 2027"), std::string::npos);
  EXPECT_NE(out.str().find("Ansvarsperson: stadsdirektören"), std::string::npos);
}

TEST(TableHtml, IsAnAccessibleTableInTheChosenLanguage) {
  CommandOptions o;
  o.db = demo_db();
  o.unit = "kanslia";
  o.year = 2024;
  o.format = "html";
  o.lang = "fi";
  std::ostringstream out;
  cmd_table(o, out);
  const std::string html = out.str();
  EXPECT_NE(html.find("<html lang=\"fi\">"), std::string::npos);
  EXPECT_NE(html.find("<caption>"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\">Toimintatuotot</th>"), std::string::npos);
  EXPECT_NE(html.find("300\u00a0500"), std::string::npos);
  EXPECT_NE(html.find("281\u00a0829"), std::string::npos);
}

TEST(TableErrors, UnknownUnitIsAnError) {
  CommandOptions o;
  o.db = demo_db();
  o.unit = "nope";
  o.year = 2024;
  std::ostringstream out;
  EXPECT_THROW(cmd_table(o, out), std::exception);
}

}  // namespace
}  // namespace toteuma

#include "core/finance/report_table.h"
#include "ingest/dataset_files.h"

namespace toteuma {

// Issue 13, item 2, as a property of every table of the demo: a deviation stands only where
// both its columns exist for the unit (Heinola's 2024 report printed +33 316 000 beside an empty
// TP; ict and kanslia 2025 did the same), and then it is TP − TA after amendments, a line left
// blank inside an existing column counting as zero (as the seeds print it). Every unit, year and
// language.
TEST(Tables, NoDeviationWithoutBothBases) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  Ledger ledger(d);
  int checked = 0, printed = 0;
  for (int year = 2023; year <= 2026; ++year)
    for (const auto& u : d.units)
      for (Lang lang : {Lang::fi, Lang::sv}) {
        FigureTable t;
        try {
          t = build_table(ledger, u.id, year, TableKind::annual_report, lang);
        } catch (const TableError&) {
          continue;  // not valid that year
        }
        bool any_actual = false, any_budget = false;
        for (const auto& r : t.rows) any_actual = any_actual || r.values[3], any_budget = any_budget || r.values[2];
        for (const auto& r : t.rows) {
          const auto& v = r.values;  // TA | TA-muutokset | TA muutosten jälkeen | TP | Poikkeama
          ASSERT_EQ(v.size(), 5u);
          if (!any_actual || !any_budget || (!v[2] && !v[3])) {
            EXPECT_FALSE(v[4].has_value()) << u.id << " " << year << " " << r.line;
          }
          if (v[4]) {
            EXPECT_EQ(*v[4], v[3].value_or(0) - v[2].value_or(0)) << u.id << " " << year << " " << r.line;
            ++printed;
          }
          ++checked;
        }
      }
  EXPECT_GT(checked, 500);
  EXPECT_GT(printed, 50);
  // The reproductions: Heinola 2024, kanslia and ict 2025 have budgets and no actual at all.
  for (const char* unit : {"heinola", "kanslia", "ict"}) {
    FigureTable h = build_table(ledger, unit, unit == std::string("heinola") ? 2024 : 2025, TableKind::annual_report, Lang::fi);
    for (const auto& r : h.rows) EXPECT_FALSE(r.values[4].has_value()) << unit << " " << r.line;
  }
}

}  // namespace toteuma
