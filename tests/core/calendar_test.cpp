#include <gtest/gtest.h>

#include <filesystem>

#include "core/workplace/calendar.h"
#include "ingest/csv.h"
#include "ingest/dataset_files.h"
#include "store/store.h"
#include "test_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

namespace fs = std::filesystem;

CalendarItem item(std::string id, int year, Date start, Date deadline, std::string sections,
                  std::string municipality = "loviisa") {
  CalendarItem c;
  c.id = std::move(id);
  c.municipality = std::move(municipality);
  c.year = year;
  c.phase = "reporting";
  c.phase_name = {"Raportointi", "Rapportering"};
  c.title = {c.id, c.id};
  c.responsible = {"talousjohtaja", "ekonomidirektören"};
  c.start = start;
  c.deadline = deadline;
  c.sections = std::move(sections);
  return c;
}

// Clock 2025: the annual report 2024 (units by 14.2., a later revision by 3.3.) and the budget
// book 2026; clock 2024 holds the annual report 2023; Heinola has its own clock 2025.
std::vector<CalendarItem> fixture() {
  return {
      item("ar-units", 2025, {2025, 1, 7}, {2025, 2, 14}, "annual-report/events annual-report/risks"),
      item("ar-revision", 2025, {2025, 2, 17}, {2025, 3, 3}, "annual-report/events"),
      item("bb-units", 2025, {2025, 4, 1}, {2025, 6, 13}, "budget-book/tasks"),
      item("ar-2023", 2024, {2024, 1, 8}, {2024, 2, 16}, "annual-report/events"),
      item("heinola-ar", 2025, {2025, 1, 2}, {2025, 4, 30}, "annual-report/events", "heinola"),
  };
}

TEST(Calendar, AnnualReportOfAYearIsPreparedInTheNextYearsClock) {
  auto all = fixture();
  const CalendarItem* risks = deadline_for(all, "loviisa", "annual-report", "risks", 2024);
  ASSERT_NE(risks, nullptr);
  EXPECT_EQ(risks->id, "ar-units");
  EXPECT_EQ(risks->deadline, (Date{2025, 2, 14}));
  // Two items name "events": the later deadline (3.3.) is the final one.
  const CalendarItem* events = deadline_for(all, "loviisa", "annual-report", "events", 2024);
  ASSERT_NE(events, nullptr);
  EXPECT_EQ(events->id, "ar-revision");
  // The annual report 2023 is in the clock of 2024; Heinola's item is Heinola's alone.
  EXPECT_EQ(deadline_for(all, "loviisa", "annual-report", "events", 2023)->id, "ar-2023");
  EXPECT_EQ(deadline_for(all, "heinola", "annual-report", "events", 2024)->id, "heinola-ar");
  EXPECT_EQ(deadline_for(all, "loviisa", "annual-report", "events", 2025), nullptr);
  EXPECT_EQ(deadline_for(all, "loviisa", "annual-report", "tasks", 2024), nullptr);
}

TEST(Calendar, PlansOfAYearArePreparedInThePreviousYearsClock) {
  auto all = fixture();
  const CalendarItem* tasks = deadline_for(all, "loviisa", "budget-book", "tasks", 2026);
  ASSERT_NE(tasks, nullptr);
  EXPECT_EQ(tasks->deadline, (Date{2025, 6, 13}));
  EXPECT_EQ(deadline_for(all, "loviisa", "budget-book", "tasks", 2025), nullptr);
  // "budget-book/tasks" is not "service-plan/tasks".
  EXPECT_EQ(deadline_for(all, "loviisa", "service-plan", "tasks", 2026), nullptr);
}

TEST(Calendar, ItemsOfAClockAreByDeadlineThenId) {
  auto all = fixture();
  all.push_back(item("aa-same-day", 2025, {2025, 1, 1}, {2025, 3, 3}, ""));
  auto clock = calendar_of(all, "loviisa", 2025);
  std::vector<std::string> ids;
  for (const auto* c : clock) ids.push_back(c->id);
  EXPECT_EQ(ids, (std::vector<std::string>{"ar-units", "aa-same-day", "ar-revision", "bb-units"}));
  canonicalize(all);
  ids.clear();
  for (const auto& c : all) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"heinola-ar", "ar-2023", "ar-units", "aa-same-day", "ar-revision", "bb-units"}));
}

TEST(Calendar, DemoLoadsDumpsByteForByteAndSurvivesTheStore) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  EXPECT_EQ(calendar_of(d.calendar, "loviisa", 2024).size(), 15u);
  EXPECT_EQ(calendar_of(d.calendar, "loviisa", 2025).size(), 15u);
  // The demo's unit proposals of spring 2025 set the deadline of the budget book 2026's texts.
  const CalendarItem* tasks = deadline_for(d.calendar, "loviisa", "budget-book", "tasks", 2026);
  ASSERT_NE(tasks, nullptr);
  EXPECT_EQ(tasks->id, "lov-2025-unit-proposals");
  EXPECT_EQ(tasks->deadline, (Date{2025, 6, 13}));
  EXPECT_EQ(deadline_for(d.calendar, "loviisa", "annual-report", "events", 2024)->deadline, (Date{2025, 2, 14}));

  testing::TempDir tmp;
  dump_dataset_dir(d, tmp.path() / "out");
  EXPECT_EQ(testing::slurp(tmp.path() / "out" / "calendar.csv"), testing::slurp(testing::demo_dir() / "calendar.csv"));
  auto store = open_store(test_db(tmp, "t"));
  store->replace(d);
  Dataset back = store->read();
  EXPECT_EQ(back.calendar, d.calendar);
  EXPECT_EQ(back, d);
}

TEST(Calendar, BadRowsAreLocated) {
  const std::string head =
      "id;municipality;year;phase;phase_fi;phase_sv;title_fi;title_sv;participation_fi;participation_sv;start;deadline;"
      "responsible_fi;responsible_sv;sections\n";
  const std::string good = "x1;loviisa;2025;budget;Vaihe;Fas;Otsikko;Rubrik;;;2025-04-01;2025-06-13;päällikkö;chef;budget-book/tasks\n";
  struct Case {
    std::string row, column;
  };
  for (const Case& c : std::vector<Case>{
           {"x2;loviisa;2025;budget;Vaihe;Fas;Otsikko;Rubrik;;;2025-06-14;2025-06-13;päällikkö;chef;\n", "deadline"},
           {"x2;lovisa;2025;budget;Vaihe;Fas;Otsikko;Rubrik;;;2025-04-01;2025-06-13;päällikkö;chef;\n", "municipality"},
           {"x2;loviisa;2025;budget;Vaihe;Fas;Otsikko;;;;2025-04-01;2025-06-13;päällikkö;chef;\n", "title_sv"},
           {"x2;loviisa;2025;budget;Vaihe;Fas;Otsikko;Rubrik;;;2025-04-01;2025-06-13;päällikkö;chef;budget/tasks\n", "sections"},
           {"x2;loviisa;2025;budget;Vaihe;Fas;Otsikko;Rubrik;;;2025-04-01;2025-06-13;päällikkö;chef;tasks\n", "sections"},
           {"x2;loviisa;2025;budget;Vaihe;Fas;Otsikko;Rubrik;;;2025-04-01;2026-01-13;päällikkö;chef;\n", "deadline"},
           {"x1;loviisa;2025;budget;Vaihe;Fas;Otsikko;Rubrik;;;2025-04-01;2025-06-13;päällikkö;chef;\n", "id"},
           {"x2;loviisa;2025;budget;Vaihe;Fas;Otsikko;Rubrik;;;2025-04-31;2025-06-13;päällikkö;chef;\n", "start"},
       }) {
    testing::TempDir tmp;
    fs::copy(testing::demo_dir(), tmp.path() / "ds", fs::copy_options::recursive);
    testing::spit(tmp.path() / "ds" / "calendar.csv", head + good + c.row);
    try {
      load_dataset_dir(tmp.path() / "ds");
      ADD_FAILURE() << "accepted: " << c.row;
    } catch (const InputError& e) {
      EXPECT_EQ(fs::path(e.file).filename(), "calendar.csv") << e.what();
      EXPECT_EQ(e.line, 3) << e.what();
      EXPECT_EQ(e.column, c.column) << e.what();
    }
  }
}

}  // namespace
}  // namespace toteuma
