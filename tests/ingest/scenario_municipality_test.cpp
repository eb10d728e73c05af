// Issue 13 item 17: a scenario belongs to its municipality (scenarios.csv `municipality`; empty =
// common to all). Datasets and databases from before the field get it inferred from the figures.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "ingest/csv.h"
#include "ingest/dataset_files.h"
#include "store/sql_db.h"
#include "store/store.h"
#include "test_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// The demo folder without the municipality column, as datasets before issue 13 were written.
fs::path old_demo(const TempDir& tmp) {
  fs::path dir = tmp.path() / "old";
  fs::copy(testing::demo_dir(), dir, fs::copy_options::recursive);
  std::string text = testing::slurp(dir / "scenarios.csv");
  testing::spit(dir / "scenarios.csv", std::regex_replace(text, std::regex(";([^;\n]*)\n"), "\n"));
  EXPECT_EQ(testing::slurp(dir / "scenarios.csv").find("municipality"), std::string::npos);
  return dir;
}

TEST(ScenarioMunicipality, TheDemosColumnsAreCommon) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  // Budgets, actuals and plans are common; the amendment (of the investment part) is Loviisa's
  // council's own.
  for (const auto& s : d.scenarios)
    EXPECT_EQ(s.municipality, s.id == "tam2024-1" ? "loviisa" : "") << s.id;
  EXPECT_TRUE(scenario_serves(d, *d.scenario("ta2024"), "heinola"));
}

struct Inferred {
  const char* scenario;
  const char* municipality;
};

// data/demo/figures.csv: ta2023, tp2024, ts2026 and ts2027 hold Loviisa's units only; ta2024,
// ta2025 and tp2023 Loviisa's and Heinola's.
TEST(ScenarioMunicipality, AnOldDatasetGetsItInferredAndRoundTrips) {
  TempDir tmp;
  Dataset first = load_dataset_dir(old_demo(tmp));
  for (const Inferred& c : {Inferred{"ta2023", "loviisa"}, {"tp2024", "loviisa"}, {"ts2026", "loviisa"}, {"ta2024", ""},
                            {"ta2025", ""}, {"tp2023", ""}})
    EXPECT_EQ(first.scenario(c.scenario)->municipality, c.municipality) << c.scenario;
  EXPECT_FALSE(scenario_serves(first, *first.scenario("ta2023"), "heinola"));
  EXPECT_TRUE(scenario_serves(first, *first.scenario("ta2023"), "kanslia"));
  // load → dump → load identical, and the dump writes the column.
  dump_dataset_dir(first, tmp.path() / "dump");
  EXPECT_NE(testing::slurp(tmp.path() / "dump" / "scenarios.csv").find(";municipality\n"), std::string::npos);
  Dataset second = load_dataset_dir(tmp.path() / "dump");
  EXPECT_EQ(first, second);
  // A scenario without figures is the primary municipality's (Loviisa, listed first).
  fs::path dir = tmp.path() / "old";
  testing::spit(dir / "scenarios.csv", testing::slurp(dir / "scenarios.csv") + "mta-1;amendment;2024;;M;Ä;KV 1;2024-06-12\n");
  EXPECT_EQ(load_dataset_dir(dir).scenario("mta-1")->municipality, "loviisa");
}

TEST(ScenarioMunicipality, AFigureOfAnotherMunicipalityIsALocatedError) {
  TempDir tmp;
  fs::path dir = tmp.path() / "ds";
  fs::copy(testing::demo_dir(), dir, fs::copy_options::recursive);
  std::string text = testing::slurp(dir / "scenarios.csv");
  const std::string row = "ta2023;budget;2023;;Talousarvio 2023;Budget 2023;;;\n";
  ASSERT_NE(text.find(row), std::string::npos);
  text.replace(text.find(row), row.size(), "ta2023;budget;2023;;Talousarvio 2023;Budget 2023;;;heinola\n");
  testing::spit(dir / "scenarios.csv", text);
  try {
    load_dataset_dir(dir);
    FAIL() << "Heinola's scenario took Loviisa's figures";
  } catch (const InputError& e) {
    EXPECT_EQ(fs::path(e.file).filename(), "figures.csv");
    EXPECT_EQ(e.line, 2);  // kanslia;sales;ta2023;27400, the first ta2023 row
    EXPECT_EQ(e.column, "scenario");
  }
}

// One budget per year and municipality: two municipalities' own budgets of a year live side by side,
// a municipality's own beside a common one does not.
TEST(ScenarioMunicipality, OneBudgetAYearPerMunicipality) {
  struct Case {
    const char* rows;
    bool loads;
  };
  const Case cases[] = {
      {"lov2026;budget;2026;;TA;Budget;;;loviisa\nhei2026;budget;2026;;TA;Budget;;;heinola\n", true},
      {"lov2026;budget;2026;;TA;Budget;;;loviisa\nlov2026b;budget;2026;;TA;Budget;;;loviisa\n", false},
      {"hei2025;budget;2025;;TA;Budget;;;heinola\n", false},  // ta2025 is common
  };
  for (const auto& c : cases) {
    TempDir tmp;
    fs::path dir = tmp.path() / "ds";
    fs::copy(testing::demo_dir(), dir, fs::copy_options::recursive);
    testing::spit(dir / "scenarios.csv", testing::slurp(dir / "scenarios.csv") + c.rows);
    if (c.loads)
      EXPECT_NO_THROW(load_dataset_dir(dir)) << c.rows;
    else
      EXPECT_THROW(load_dataset_dir(dir), InputError) << c.rows;
  }
}

// A database from before migration 10 has no municipality on its scenarios: reading infers it.
TEST(ScenarioMunicipality, AnOldDatabaseGetsItInferredOnReading) {
  TempDir tmp;
  std::string path = test_db(tmp, "t");
  Dataset d = load_dataset_dir(testing::demo_dir());
  open_store(path)->replace(d);
  {
    sql::Db db(path);
    db.exec("UPDATE scenario SET municipality_id = NULL");
  }
  Dataset read = open_store(path)->read();
  EXPECT_EQ(read.scenario("ta2023")->municipality, "loviisa");
  EXPECT_EQ(read.scenario("ta2024")->municipality, "");
}

}  // namespace
}  // namespace toteuma
