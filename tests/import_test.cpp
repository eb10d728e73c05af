// toteuma import employments / trainings end to end: aggregates stored, persons never, and a
// bad file changes nothing.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/commands.h"
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
  Dataset d = open_sqlite_store(db)->read();
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
  Dataset before = open_sqlite_store(db)->read();
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
  EXPECT_EQ(open_sqlite_store(db)->read(), before);
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
  Dataset d = open_sqlite_store(db)->read();
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

TEST(ImportTrainings, CompensationFromTheMunicipalitysWagesAndHtv) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  // Heinola 2023: wages 27 087 000 € (table 3), 659,7 htv (table 1). Three eligible days of
  // 6 h in Lupa- ja valvonta: 10 % × 27 087 000 / 659,7 / 200 × 3 = 61,5893… → 61,59 €.
  testing::spit(tmp.path() / "tr.csv",
                "person;unit;date;hours;in_plan;employer_arranged;paid;wage_subsidy\n"
                "h-1;hei-lupa;2023-05-02;6;1;1;1;0\nh-1;hei-lupa;2023-05-03;6;1;1;1;0\nh-2;hei-lupa;2023-09-12;6;kyllä;kyllä;kyllä;ei\n");
  CommandOptions o;
  o.db = db;
  o.dir = (tmp.path() / "tr.csv").string();
  std::ostringstream out;
  ASSERT_EQ(cmd_import_trainings(o, out), 0);
  Dataset d = open_sqlite_store(db)->read();
  for (const auto& t : d.personnel.training)
    if (t.unit == "hei-lupa" && t.year == 2023) {
      EXPECT_EQ(t.eligible_hundredths, 300);
      EXPECT_EQ(t.compensation, 6159);
      return;
    }
  FAIL() << "no training figure for hei-lupa 2023";
}

}  // namespace
}  // namespace toteuma
