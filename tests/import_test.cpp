// toteuma import employments / trainings end to end: aggregates stored, persons never, and a
// bad file changes nothing.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/commands.h"
#include "core/finance/ledger.h"
#include "core/personnel/personnel_tables.h"
#include "ingest/csv.h"
#include "store/store.h"
#include "demo_db.h"
#include "test_util.h"

namespace toteuma {
namespace {


PersonYears htv_of(const Dataset& d, const std::string& unit, int year) {
  for (const auto& h : d.personnel.htv)
    if (h.unit == unit && h.year == year && h.kind == "actual" && h.group.empty()) return h.htv;
  return -1;
}

TEST(ImportEmployments, StoresHtvPerUnitAndYearAndNoPersons) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  // By hand (HTV2: working-time share of each calendar day, unpaid leave deducted):
  //  p-1001: ict, 100 %, all of 2023                      → ict 2023: 365/365        = 1,000
  //  p-1002: ict, 80 %, 1.7.–31.12.2023 (184 days)         → ict 2023: 184·0,8/365    = 0,403
  //  p-1003: talous, 100 %, 2024 with unpaid 1.–29.2. (29) → talous 2024: 337/366     = 0,921
  //  p-1004: talous 1.1.–31.3.2023 (90 d), then ict 1.4.–31.12.2023 (275 d), 100 %
  //          → talous 2023: 90/365 = 0,247; ict 2023 adds 275/365 = 0,753
  // ict 2023 = (365 + 147,2 + 275)/365 = 787,2/365 = 2,157 (rounded from 2,15671…)
  testing::spit(tmp.path() / "emp.csv",
                "person;unit;start;end;percent;unpaid_leave\n"
                "p-1001;ict;2023-01-01;2023-12-31;100;\n"
                "p-1002;ict;1.7.2023;31.12.2023;80;\n"
                "p-1003;talous;2024-01-01;2024-12-31;100;2024-02-01..2024-02-29\n"
                "p-1004;talous;2023-01-01;2023-03-31;100;\n"
                "p-1004;ict;2023-04-01;2023-12-31;100;\n");
  CommandOptions o;
  o.db = db;
  o.dir = (tmp.path() / "emp.csv").string();
  std::ostringstream out;
  ASSERT_EQ(cmd_import_employments(o, out), 0);
  Dataset d = open_store(db)->read();
  EXPECT_EQ(htv_of(d, "ict", 2023), 2157);
  EXPECT_EQ(htv_of(d, "talous", 2023), 247);
  EXPECT_EQ(htv_of(d, "talous", 2024), 921);
  // Only aggregates are kept: no person id anywhere in the database file.
  std::string bytes = testing::slurp(db) + testing::slurp(db + "-wal");
  EXPECT_EQ(bytes.find("p-100"), std::string::npos);
}

TEST(ImportEmployments, BadFileChangesNothing) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  Dataset before = open_store(db)->read();
  testing::spit(tmp.path() / "emp.csv",
                "person;unit;start;end;percent;unpaid_leave\n"
                "p-1;ict;2023-01-01;2023-12-31;100;\n"
                "p-2;ict;2023-06-01;2023-05-01;100;\n");  // ends before it starts
  CommandOptions o;
  o.db = db;
  o.dir = (tmp.path() / "emp.csv").string();
  std::ostringstream out;
  try {
    cmd_import_employments(o, out);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line, 3);
    EXPECT_EQ(e.column, "end");
  }
  EXPECT_EQ(open_store(db)->read(), before);
}

TEST(ImportTrainings, DaysEligibleDaysAndTheCap) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  // 6 h = 1 day. t-1: 5 eligible days in ict 2023 → capped at 3. t-2: 2 days not in the plan
  // → training days but not eligible. ict 2023: days 7, eligible 3.
  std::string rows = "person;unit;date;hours;in_plan;employer_arranged;paid;wage_subsidy\n";
  for (int day = 1; day <= 5; ++day) rows += "t-1;ict;2023-03-0" + std::to_string(day) + ";6;1;1;1;0\n";
  rows += "t-2;ict;2023-04-03;6;0;1;1;0\nt-2;ict;2023-04-04;6;0;1;1;0\n";
  testing::spit(tmp.path() / "tr.csv", rows);
  CommandOptions o;
  o.db = db;
  o.dir = (tmp.path() / "tr.csv").string();
  std::ostringstream out;
  ASSERT_EQ(cmd_import_trainings(o, out), 0);
  Dataset d = open_store(db)->read();
  const TrainingFigure* f = nullptr;
  for (const auto& t : d.personnel.training)
    if (t.unit == "ict" && t.year == 2023) f = &t;
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->days_hundredths, 700);
  EXPECT_EQ(f->eligible_hundredths, 300);
  // Loviisa's dataset has no wage sum at city level: no compensation is invented.
  EXPECT_FALSE(f->compensation.has_value());
}

}  // namespace
}  // namespace toteuma

namespace toteuma {
namespace {

const TrainingFigure* training_of(const Dataset&&, const std::string&, int) = delete;  // would dangle
const TrainingFigure* training_of(const Dataset& d, const std::string& unit, int year) {
  for (const auto& t : d.personnel.training)
    if (t.unit == unit && t.year == year) return &t;
  return nullptr;
}

TEST(ImportTrainings, CompensationFromTheGivenWageSumAndTheEnteredHtv) {
  // Heinola 2023: 659,7 htv (table 1). With the published wages 27 087 000 € given as the wage
  // sum, three eligible days of 6 h in Lupa- ja valvonta: 10 % × 27 087 000 / 659,7 / 200 × 3
  // = 61,5893… → 61,59 €. Without a wage sum no compensation is computed (the ledger's wages are
  // not the unemployment-insurance wage sum, so they are not taken in its place).
  for (auto [given, expected] : {std::pair<std::vector<std::string>, std::optional<Cents>>{{"2023=27087000"}, 6159},
                                 {{"27087000"}, 6159},  // the file covers 2023 only
                                 {{}, std::nullopt}}) {
    testing::TempDir tmp;
    std::string db = testing::load_demo_db(tmp);
    testing::spit(tmp.path() / "tr.csv",
                  "person;unit;date;hours;in_plan;employer_arranged;paid;wage_subsidy\n"
                  "h-1;hei-lupa;2023-05-02;6;1;1;1;0\nh-1;hei-lupa;2023-05-03;6;1;1;1;0\nh-2;hei-lupa;2023-09-12;6;kyllä;kyllä;kyllä;ei\n");
    CommandOptions o;
    o.db = db;
    o.dir = (tmp.path() / "tr.csv").string();
    o.wage_sums = given;
    std::ostringstream out;
    ASSERT_EQ(cmd_import_trainings(o, out), 0);
    Dataset stored = open_store(db)->read();  // kept: t points into it
    const TrainingFigure* t = training_of(stored, "hei-lupa", 2023);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->eligible_hundredths, 300);
    EXPECT_EQ(t->compensation, expected) << (given.empty() ? "no wage sum" : given[0]);
  }
}

// Issue 13, item 4: four people imported. Their htv are the actual of the years they cover; the
// entered plan (2025: 618,2) and forecast (2024: 666,2) stay and are still shown.
TEST(ImportEmployments, FillsTheActualNeverThePlanOrForecast) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  Dataset before = open_store(db)->read();
  // By hand (HTV2):
  //  a-1: Yhteiset palvelut, 100 %, all of 2024                            → 366/366          = 1,000
  //  a-2: Hyvinvointi, 50 %, 1.7.–31.12.2024 (184 days)                    → 184·0,5/366      = 0,251 (0,25137)
  //  a-3: Hyvinvointipalvelut, 100 %, 2025, unpaid leave 1.–31.3. (31 d)   → 334/365          = 0,915 (0,91507)
  //  a-4: Kaupunkiympäristö, 80 %, from 1.1.2025 (open; the file ends 2025) → 365·0,8/365      = 0,800
  testing::spit(tmp.path() / "emp.csv",
                "person;unit;start;end;percent;unpaid_leave\n"
                "a-1;hei-yhteiset;2024-01-01;2024-12-31;100;\n"
                "a-2;hei-hyvinvointi;1.7.2024;31.12.2024;50;\n"
                "a-3;hei-hyvinvointipalvelut;2025-01-01;2025-12-31;100;2025-03-01..2025-03-31\n"
                "a-4;hei-kaupunkiymparisto;2025-01-01;;80;\n");
  CommandOptions o;
  o.db = db;
  o.dir = (tmp.path() / "emp.csv").string();
  std::ostringstream out;
  ASSERT_EQ(cmd_import_employments(o, out), 0);
  Dataset after = open_store(db)->read();
  EXPECT_EQ(htv_of(after, "hei-yhteiset", 2024), 1000);
  EXPECT_EQ(htv_of(after, "hei-hyvinvointi", 2024), 251);
  EXPECT_EQ(htv_of(after, "hei-hyvinvointipalvelut", 2025), 915);
  EXPECT_EQ(htv_of(after, "hei-kaupunkiymparisto", 2025), 800);
  // The entered figures are unchanged, one by one.
  auto entered = [](const Dataset& d) {
    std::vector<HtvFigure> v;
    for (const auto& h : d.personnel.htv)
      if (h.kind != "actual") v.push_back(h);
    return v;
  };
  EXPECT_EQ(entered(after), entered(before));
  // The plan viewed for 2025: each kind a column of its own, in the 2025 structure.
  Ledger ledger(after);
  auto tables = personnel_tables(ledger, "heinola", 2025, Lang::fi);
  ASSERT_FALSE(tables.empty());
  const SimpleTable& htv = tables[0];
  EXPECT_EQ(htv.headings, (std::vector<std::string>{"2023", "2024 (ennuste)", "2024", "2025 (suunnitelma)", "2025",
                                                    "2026 (suunnitelma)", "2027 (suunnitelma)"}));
  const SimpleRow* total = nullptr;
  for (const auto& r : htv.rows)
    if (r.total) total = &r;
  ASSERT_NE(total, nullptr);
  using C = std::vector<std::optional<std::int64_t>>;
  // 2024 actual: 1,000 + 0,251; 2025 actual: 0,915 + 0,800.
  EXPECT_EQ(total->cells, (C{659700, 666200, 1251, 618200, 1715, 616200, 614200}));
}

// An employment in a unit that is not valid on its dates is refused where it stands, in three
// languages, and nothing is imported.
TEST(ImportEmployments, UnitNotValidOnItsDatesIsALocatedError) {
  struct Case {
    const char* rows;
    int line;
  };
  for (const Case& c : std::vector<Case>{
           {"e-1;hei-elinvoima;2025-01-01;2025-06-30;100;\n", 2},                    // ended 31.12.2024
           {"e-1;hei-yhteiset;2024-06-01;2025-05-31;100;\ne-2;hei-hyvinvointipalvelut;2024-12-01;2025-01-31;100;\n", 3},  // starts 1.1.2025
           {"e-1;ict;2024-01-01;2024-12-31;100;\ne-2;hei-elinvoima;2024-01-01;;100;\ne-3;ict;2025-01-01;;100;\n", 3},  // open end into 2025
           {"e-1;hei-sote;2022-01-01;2023-12-31;100;\n", 2},                          // ended 31.12.2022
       }) {
    testing::TempDir tmp;
    std::string db = testing::load_demo_db(tmp);
    Dataset before = open_store(db)->read();
    testing::spit(tmp.path() / "emp.csv", std::string("person;unit;start;end;percent;unpaid_leave\n") + c.rows);
    CommandOptions o;
    o.db = db;
    o.dir = (tmp.path() / "emp.csv").string();
    std::ostringstream out;
    try {
      cmd_import_employments(o, out);
      ADD_FAILURE() << c.rows << " was accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.file, o.dir);
      EXPECT_EQ(e.line, c.line) << c.rows;
      EXPECT_EQ(e.column, "unit") << c.rows;
      std::string m = e.what();
      for (const char* words : {"is not valid", "ei ole voimassa", "är inte i kraft"}) EXPECT_NE(m.find(words), std::string::npos) << m;
    }
    EXPECT_EQ(open_store(db)->read(), before);
  }
}

// The compensation from imported data only: the htv from `import employments`, the wage sum from
// --wage-sum, the rule (10 %, 3 days, 6 h, ÷ 200, ending 31.12.2025) from
// data/rules/training_compensation.csv.
TEST(ImportTrainings, CompensationComputedFromImportedData) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  // Heinola 2025 actual: two people full time, one half time in Yhteiset palvelut = 2,500 htv.
  testing::spit(tmp.path() / "emp.csv",
                "person;unit;start;end;percent;unpaid_leave\n"
                "k-1;hei-yhteiset;2025-01-01;2025-12-31;100;\n"
                "k-2;hei-yhteiset;2025-01-01;2025-12-31;100;\n"
                "k-3;hei-yhteiset;2025-01-01;2025-12-31;50;\n");
  // k-1: 4 days of 6 h in the plan → capped at 3 eligible days; k-2: 1 day on wage subsidy → not
  // eligible; k-3: 3 h → 0,5 eligible days; 2026: no rule → training days, none eligible.
  testing::spit(tmp.path() / "tr.csv",
                "person;unit;date;hours;in_plan;employer_arranged;paid;wage_subsidy\n"
                "k-1;hei-yhteiset;2025-03-03;6;1;1;1;0\nk-1;hei-yhteiset;2025-03-04;6;1;1;1;0\n"
                "k-1;hei-yhteiset;2025-03-05;6;1;1;1;0\nk-1;hei-yhteiset;2025-03-06;6;1;1;1;0\n"
                "k-2;hei-yhteiset;2025-04-01;6;1;1;1;1\nk-3;hei-yhteiset;2025-05-05;3;1;1;1;0\n"
                "k-1;hei-yhteiset;2026-02-02;6;1;1;1;0\n");
  CommandOptions o;
  o.db = db;
  o.dir = (tmp.path() / "emp.csv").string();
  std::ostringstream out;
  ASSERT_EQ(cmd_import_employments(o, out), 0);
  o.dir = (tmp.path() / "tr.csv").string();
  o.wage_sums = {"2025=100000", "2026=100000"};
  ASSERT_EQ(cmd_import_trainings(o, out), 0);
  Dataset d = open_store(db)->read();
  const TrainingFigure* t2025 = training_of(d, "hei-yhteiset", 2025);
  const TrainingFigure* t2026 = training_of(d, "hei-yhteiset", 2026);
  ASSERT_TRUE(t2025 && t2026);
  // Days: (24 + 6 + 3) h / 6 = 5,50; eligible (18 + 3) h / 6 = 3,50.
  EXPECT_EQ(t2025->days_hundredths, 550);
  EXPECT_EQ(t2025->eligible_hundredths, 350);
  // Average daily wage 100 000 € / 2,5 htv / 200 = 200,00 €; 10 % × 200,00 € × 3,5 = 70,00 €.
  EXPECT_EQ(t2025->compensation, 7000);
  EXPECT_EQ(t2026->days_hundredths, 100);
  EXPECT_EQ(t2026->eligible_hundredths, 0);
  EXPECT_FALSE(t2026->compensation.has_value());
}

TEST(ImportTrainings, BadWageSumChangesNothing) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  Dataset before = open_store(db)->read();
  testing::spit(tmp.path() / "tr.csv",
                "person;unit;date;hours;in_plan;employer_arranged;paid;wage_subsidy\n"
                "h-1;hei-lupa;2023-05-02;6;1;1;1;0\nh-1;hei-lupa;2024-05-03;6;1;1;1;0\n");
  for (const char* bad : {"2023=abc", "0", "2023=-5", "27087000" /* two years: which one? */}) {
    CommandOptions o;
    o.db = db;
    o.dir = (tmp.path() / "tr.csv").string();
    o.wage_sums = {bad};
    std::ostringstream out;
    EXPECT_THROW(cmd_import_trainings(o, out), std::invalid_argument) << bad;
  }
  EXPECT_EQ(open_store(db)->read(), before);
}

}  // namespace
}  // namespace toteuma
