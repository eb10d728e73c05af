// Person-years by HTV2 (DESIGN.md §6). Every expected value is worked out by hand in the comment
// next to it: htv (thousandths) = Σ days · percent_hundredths / (days_in_year · 10), rounded half
// away from zero, per (unit, year).
#include <gtest/gtest.h>

#include "core/personnel/htv.h"
#include "ingest/employment_records.h"
#include "test_util.h"

namespace toteuma {
namespace {

using Key = std::pair<std::string, int>;

Employment emp(std::string person, std::string unit, Date start, std::optional<Date> end, int pct,
               std::vector<Leave> unpaid = {}) {
  return Employment{std::move(person), std::move(unit), start, end, pct, std::move(unpaid), 0};
}

TEST(Htv, FormatsWithDecimalCommaAndNbspThousands) {
  EXPECT_EQ(format_htv(659700), "659,7");
  EXPECT_EQ(format_htv(1000), "1,0");
  EXPECT_EQ(format_htv(403), "0,4");
  EXPECT_EQ(format_htv(403, 3), "0,403");
  EXPECT_EQ(format_htv(921, 2), "0,92");
  EXPECT_EQ(format_htv(1234500), "1\u00a0234,5");
  EXPECT_EQ(format_htv(999949), "999,9");
  EXPECT_EQ(format_htv(999950), "1\u00a0000,0");  // rounds up across the thousands boundary
  EXPECT_EQ(format_htv(1234567890, 0), "1\u00a0234\u00a0568");
  // Half away from zero, both signs.
  EXPECT_EQ(format_htv(50), "0,1");
  EXPECT_EQ(format_htv(49), "0,0");
  EXPECT_EQ(format_htv(-1550), "-1,6");
  EXPECT_EQ(format_htv(-40), "0,0");  // no "-0,0"
  EXPECT_EQ(format_htv(500, 0), "1");
  EXPECT_EQ(format_htv(0, 0), "0");
  EXPECT_THROW(format_htv(1, 4), std::invalid_argument);
  EXPECT_THROW(format_htv(1, -1), std::invalid_argument);
}

TEST(Htv, DayArithmetic) {
  EXPECT_EQ(days_in_year(2023), 365);
  EXPECT_EQ(days_in_year(2024), 366);
  EXPECT_EQ(days_in_year(1900), 365);
  EXPECT_EQ(days_in_year(2000), 366);
  EXPECT_EQ(day_number({1970, 1, 1}), 0);
  EXPECT_EQ(day_number({2024, 3, 1}) - day_number({2024, 2, 28}), 2);  // 29.2. between
  EXPECT_EQ(day_number({2024, 1, 1}) - day_number({2023, 1, 1}), 365);
}

// (a) Full time all of 2023 in A: 365 · 10000 / (365 · 10) = 1000 -> 1,000.
TEST(Htv, FullTimeWholeYearIsOne) {
  auto r = compute_htv({emp("p1", "A", {2023, 1, 1}, Date{2023, 12, 31}, 10000)}, 2023, 2023);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.at(Key{"A", 2023}), 1000);
  EXPECT_EQ(format_htv(r.at(Key{"A", 2023}), 3), "1,000");
}

// (b) 80 % from 1.7.2023 to 31.12.2023: July 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31
// = 184 days. 184 · 0,8 / 365 = 147,2 / 365 = 0,40329 -> 0,403.
// In integers: 184 · 8000 = 1 472 000; / 3650 = 403,29 -> 403.
TEST(Htv, PartTimePartYear) {
  auto r = compute_htv({emp("p1", "A", {2023, 7, 1}, Date{2023, 12, 31}, 8000)}, 2023, 2023);
  EXPECT_EQ(r.at(Key{"A", 2023}), 403);
}

// (c) 100 % all of 2024 (leap year), unpaid leave 1.2.–29.2.2024 = 29 days:
// (366 − 29) / 366 = 337 / 366 = 0,92077 -> 0,921. Integers: 3 370 000 / 3660 = 920,77 -> 921.
TEST(Htv, UnpaidLeaveIsDeductedInLeapYear) {
  auto r = compute_htv({emp("p1", "A", {2024, 1, 1}, Date{2024, 12, 31}, 10000, {{{2024, 2, 1}, {2024, 2, 29}}})},
                       2024, 2024);
  EXPECT_EQ(r.at(Key{"A", 2024}), 921);
  // Overlapping leave ranges are deducted once: 1.2.–15.2. and 10.2.–29.2. are still 29 days.
  auto r2 = compute_htv({emp("p1", "A", {2024, 1, 1}, std::nullopt, 10000,
                             {{{2024, 2, 10}, {2024, 2, 29}}, {{2024, 2, 1}, {2024, 2, 15}}})},
                        2024, 2024);
  EXPECT_EQ(r2.at(Key{"A", 2024}), 921);
}

// (d) Moves from A to B on 1.4.2023, full time.
// A: 1.1.–31.3. = 31 + 28 + 31 = 90 days: 900 000 / 3650 = 246,58 -> 247 (0,247).
// B: 1.4.–31.12. = 365 − 90 = 275 days: 2 750 000 / 3650 = 753,42 -> 753 (0,753).
// Total 247 + 753 = 1000 (1,000).
TEST(Htv, MoveBetweenUnitsMidYear) {
  auto r = compute_htv({emp("p1", "A", {2023, 1, 1}, Date{2023, 3, 31}, 10000),
                        emp("p1", "B", {2023, 4, 1}, std::nullopt, 10000)},
                       2023, 2023);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r.at(Key{"A", 2023}), 247);
  EXPECT_EQ(r.at(Key{"B", 2023}), 753);
  EXPECT_EQ(r.at(Key{"A", 2023}) + r.at(Key{"B", 2023}), 1000);
}

// (e) Full time 1.7.2023–30.6.2024, split by year:
// 2023: 1.7.–31.12. = 184 days: 1 840 000 / 3650 = 504,11 -> 504.
// 2024: 1.1.–30.6. = 31 + 29 + 31 + 30 + 31 + 30 = 182 days: 1 820 000 / 3660 = 497,27 -> 497.
// Years outside the requested range are not reported.
TEST(Htv, EmploymentAcrossYearBoundarySplits) {
  std::vector<Employment> e{emp("p1", "A", {2023, 7, 1}, Date{2024, 6, 30}, 10000)};
  auto r = compute_htv(e, 2022, 2025);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r.at(Key{"A", 2023}), 504);
  EXPECT_EQ(r.at(Key{"A", 2024}), 497);
  auto only2024 = compute_htv(e, 2024, 2024);
  ASSERT_EQ(only2024.size(), 1u);
  EXPECT_EQ(only2024.at(Key{"A", 2024}), 497);
}

// An open-ended employment counts to the end of year_to; one that starts later is absent.
// Everyone on unpaid leave all year still gives the (unit, year) with 0.
TEST(Htv, OpenEndsZeroPercentAndFullLeave) {
  auto r = compute_htv({emp("p1", "A", {2020, 3, 1}, std::nullopt, 5000),
                        emp("p2", "B", {2023, 1, 1}, std::nullopt, 10000, {{{2023, 1, 1}, {2023, 12, 31}}}),
                        emp("p3", "C", {2030, 1, 1}, std::nullopt, 10000)},
                       2023, 2024);
  // A 2023: 365 · 5000 / 3650 = 500; 2024: 366 · 5000 / 3660 = 500.
  EXPECT_EQ(r.at(Key{"A", 2023}), 500);
  EXPECT_EQ(r.at(Key{"A", 2024}), 500);
  EXPECT_EQ(r.at(Key{"B", 2023}), 0);
  EXPECT_EQ(r.at(Key{"B", 2024}), 1000);
  EXPECT_FALSE(r.count(Key{"C", 2024}));
}

// (f) A small export of six people in two units, read from a file and computed for 2022–2023.
//
// 2023 (365 days; divisor 365 · 10 = 3650):
//   A  p1  all year 100 %                       365 · 10000 = 3 650 000
//   A  p2  1.3.–31.8. 50 %: 31+30+31+30+31+31 = 184 · 5000 =   920 000
//   A  p5  1.1.–30.4. 100 %: 31+28+31+30     = 120 · 10000 = 1 200 000
//      Σ 5 770 000 / 3650 = 1580,82 -> 1581 (1,581 htv)
//   B  p3  all year 62,5 %                      365 · 6250 = 2 281 250
//   B  p4  all year 100 % minus unpaid leave 1.6.–31.8. (30+31+31 = 92 days):
//                                               273 · 10000 = 2 730 000
//   B  p5  from 1.5. 80 %: 365 − 120             = 245 · 8000 = 1 960 000
//   B  p6  from 15.10. 100 %: 17 + 30 + 31       =  78 · 10000 =   780 000
//      Σ 7 751 250 / 3650 = 2123,63 -> 2124 (2,124 htv)
// 2022: A p1 all year = 1000; B p4 from 1.6.2022: 30+31+31+30+31+30+31 = 214 days,
//   2 140 000 / 3650 = 586,30 -> 586. p2, p3, p5, p6 did not work in 2022.
TEST(Htv, SmallFileUnitTotals) {
  testing::TempDir tmp;
  auto path = tmp.path() / "employments.csv";
  testing::spit(path,
                "person;unit;start;end;percent;unpaid_leave\n"
                "p1;A;2020-01-01;;100;\n"
                "p2;A;1.3.2023;31.8.2023;50;\n"
                "p3;B;2023-01-01;2023-12-31;62,5;\n"
                "p4;B;2022-06-01;;100;2023-06-01..2023-08-31\n"
                "p5;A;2023-01-01;2023-04-30;100;\n"
                "p5;B;2023-05-01;;80;\n"
                "p6;B;15.10.2023;;100;\n");
  auto e = read_employment_records(path.string(), std::set<std::string>{"A", "B"});
  ASSERT_EQ(e.size(), 7u);
  auto r = compute_htv(e, 2022, 2023);
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r.at(Key{"A", 2023}), 1581);
  EXPECT_EQ(r.at(Key{"B", 2023}), 2124);
  EXPECT_EQ(r.at(Key{"A", 2022}), 1000);
  EXPECT_EQ(r.at(Key{"B", 2022}), 586);
  EXPECT_EQ(format_htv(r.at(Key{"A", 2023})), "1,6");
  EXPECT_EQ(format_htv(r.at(Key{"B", 2023})), "2,1");
}

// Exact integers: 1 day at 100 % in 2023 is 10000 / 3650 = 2,74 -> 3 thousandths; 365 such
// single-day employments of different people make 365 · 10000 / 3650 = 1000 exactly, because the
// unit's sum is divided once (rounding each day first would give 365 · 3 = 1095).
TEST(Htv, DividesOncePerUnitAndYear) {
  std::vector<Employment> e;
  Date d{2023, 1, 1};
  for (int i = 0; i < 365; ++i) {
    // The i-th day of 2023.
    int doy = i, m = 1;
    static constexpr int kLen[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    while (doy >= kLen[m - 1]) doy -= kLen[m++ - 1];
    d = {2023, m, doy + 1};
    e.push_back(emp("p" + std::to_string(i), "A", d, d, 10000));
  }
  EXPECT_EQ(d, (Date{2023, 12, 31}));
  EXPECT_EQ(compute_htv(e, 2023, 2023).at(Key{"A", 2023}), 1000);
  EXPECT_EQ(compute_htv({e.front()}, 2023, 2023).at(Key{"A", 2023}), 3);
}

}  // namespace
}  // namespace toteuma
