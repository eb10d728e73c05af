// Training days and training compensation (koulutuskorvaus, law 1140/2013; DESIGN.md §6).
// Expected values are worked out by hand in the comments. Days are in hundredths:
// days = Σ hours_tenths · 100 / hours_per_day_tenths per (unit, year), rounded half away from zero.
#include <gtest/gtest.h>

#include "core/personnel/training.h"

namespace toteuma {
namespace {

using Key = std::pair<std::string, int>;

// 10 % of the daily wage, at most 3 days per employee a year, 6 h = one day, divisor 200,
// for training up to 31.12.2025 (proposed to end for training from 2026).
const CompensationRule kRule{{2014, 1, 1}, Date{2025, 12, 31}, 1000, 3, 60, 200};
const std::vector<CompensationRule> kRules{kRule};

TrainingRecord eligible(std::string person, std::string unit, Date d, int hours_tenths, int line = 0) {
  return TrainingRecord{std::move(person), std::move(unit), d, hours_tenths, true, true, true, false, line};
}

TEST(Training, RuleLookupByDate) {
  EXPECT_EQ(rule_for(kRules, {2014, 1, 1}), kRule);
  EXPECT_EQ(rule_for(kRules, {2025, 12, 31}), kRule);
  EXPECT_FALSE(rule_for(kRules, {2026, 1, 1}).has_value());
  EXPECT_FALSE(rule_for(kRules, {2013, 12, 31}).has_value());
  EXPECT_FALSE(rule_for({}, {2023, 1, 1}).has_value());
  // A later rule with other figures is picked by date.
  CompensationRule later{{2030, 1, 1}, std::nullopt, 500, 2, 70, 250};
  EXPECT_EQ(rule_for({kRule, later}, {2031, 5, 5}), later);
  EXPECT_FALSE(rule_for({kRule, later}, {2027, 5, 5}).has_value());
}

// 6 h = 60 tenths -> 60 · 100 / 60 = 100 hundredths = 1 day.
TEST(Training, SixHoursIsOneDay) {
  auto r = compute_training_days({eligible("p1", "A", {2023, 3, 1}, 60)}, kRules);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.at(Key{"A", 2023}), (TrainingDays{100, 100}));
}

// 4 h: 40 · 100 / 60 = 66,67 -> 67. 1 h: 1000 / 60 = 16,67 -> 17.
// Both in one unit: (40 + 10) · 100 / 60 = 83,33 -> 83 (summed hours divided once, not 67 + 17).
TEST(Training, PartialDaysAreDividedOncePerUnit) {
  EXPECT_EQ(compute_training_days({eligible("p1", "A", {2023, 3, 1}, 40)}, kRules).at(Key{"A", 2023}),
            (TrainingDays{67, 67}));
  EXPECT_EQ(compute_training_days({eligible("p1", "A", {2023, 3, 1}, 10)}, kRules).at(Key{"A", 2023}),
            (TrainingDays{17, 17}));
  auto r = compute_training_days({eligible("p1", "A", {2023, 3, 1}, 40), eligible("p2", "A", {2023, 3, 2}, 10)},
                                 kRules);
  EXPECT_EQ(r.at(Key{"A", 2023}), (TrainingDays{83, 83}));
  // Half away from zero: with 8 h days (no rule in 2027), 0,2 h = 2 · 100 / 80 = 2,5 -> 3.
  EXPECT_EQ(compute_training_days({eligible("p1", "A", {2027, 1, 4}, 2)}, kRules, 80).at(Key{"A", 2027}),
            (TrainingDays{3, 0}));
}

// p1 has five eligible 6-h days: 5 days trained, 3 eligible (cap 3 · 6 h = 18 h).
// p2 has two: 2 and 2. Unit A: days 5 + 2 = 7 (700), eligible 3 + 2 = 5 (500).
TEST(Training, AtMostThreeEligibleDaysPerEmployeeAndYear) {
  std::vector<TrainingRecord> t;
  for (int d = 1; d <= 5; ++d) t.push_back(eligible("p1", "A", {2023, 3, d}, 60));
  t.push_back(eligible("p2", "A", {2023, 4, 1}, 60));
  t.push_back(eligible("p2", "A", {2023, 4, 2}, 60));
  auto r = compute_training_days(t, kRules);
  EXPECT_EQ(r.at(Key{"A", 2023}), (TrainingDays{700, 500}));
  // The cap is per year: p1's day in 2024 is eligible again.
  t.push_back(eligible("p1", "A", {2024, 1, 5}, 60));
  EXPECT_EQ(compute_training_days(t, kRules).at(Key{"A", 2024}), (TrainingDays{100, 100}));
}

// p1 trains 12 h (2 days) in A on 10.1. and 12 h in B on 1.3.; listed B first. The cap is used
// up in date order: A gets 12 h = 200, B the remaining 18 − 12 = 6 h = 100 of its 200.
TEST(Training, CapIsUsedInDateOrderAcrossUnits) {
  auto r = compute_training_days(
      {eligible("p1", "B", {2023, 3, 1}, 120, 2), eligible("p1", "A", {2023, 1, 10}, 120, 3)}, kRules);
  EXPECT_EQ(r.at(Key{"A", 2023}), (TrainingDays{200, 200}));
  EXPECT_EQ(r.at(Key{"B", 2023}), (TrainingDays{200, 100}));
}

// Unit A, 2023, one 6-h record of each kind:
//   eligible                               -> counts, eligible
//   wage subsidy / not in plan / not employer-arranged / not paid -> counts, not eligible
//   0,9 h (under one hour)                 -> counts, not eligible
// days = (6 · 5 + 0,9) h = 30,9 h = 309 · 100 / 60 = 515; eligible = 6 h = 100.
TEST(Training, ExclusionsCountAsTrainingButNotEligible) {
  std::vector<TrainingRecord> t{eligible("p1", "A", {2023, 5, 2}, 60)};
  TrainingRecord x = eligible("p2", "A", {2023, 5, 2}, 60);
  x.wage_subsidy = true;
  t.push_back(x);
  x = eligible("p3", "A", {2023, 5, 2}, 60);
  x.in_plan = false;
  t.push_back(x);
  x = eligible("p4", "A", {2023, 5, 2}, 60);
  x.employer_arranged = false;
  t.push_back(x);
  x = eligible("p5", "A", {2023, 5, 2}, 60);
  x.paid = false;
  t.push_back(x);
  t.push_back(eligible("p6", "A", {2023, 5, 2}, 9));
  EXPECT_EQ(compute_training_days(t, kRules).at(Key{"A", 2023}), (TrainingDays{515, 100}));
  // Exactly one hour is enough: + 1,0 h -> days 31,9 h = 531,67 -> 532; eligible 7 h = 116,67 -> 117.
  t.push_back(eligible("p7", "A", {2023, 5, 3}, 10));
  EXPECT_EQ(compute_training_days(t, kRules).at(Key{"A", 2023}), (TrainingDays{532, 117}));
}

// Excluded training does not use up the cap: 3 days not in plan, then 3 eligible days -> 300.
TEST(Training, ExcludedTrainingDoesNotUseTheCap) {
  std::vector<TrainingRecord> t;
  for (int d = 1; d <= 3; ++d) {
    auto x = eligible("p1", "A", {2023, 2, d}, 60);
    x.in_plan = false;
    t.push_back(x);
  }
  for (int d = 10; d <= 12; ++d) t.push_back(eligible("p1", "A", {2023, 2, d}, 60));
  EXPECT_EQ(compute_training_days(t, kRules).at(Key{"A", 2023}), (TrainingDays{600, 300}));
}

// The rule ends 31.12.2025: training in 2026 is counted (6 h days by default) but not eligible.
TEST(Training, NoCompensationWithoutAValidRule) {
  auto r = compute_training_days({eligible("p1", "A", {2025, 12, 31}, 60), eligible("p1", "A", {2026, 1, 2}, 60)},
                                 kRules);
  EXPECT_EQ(r.at(Key{"A", 2025}), (TrainingDays{100, 100}));
  EXPECT_EQ(r.at(Key{"A", 2026}), (TrainingDays{100, 0}));
  EXPECT_FALSE(rule_for(kRules, {2026, 1, 2}).has_value());
}

// Wage sum 1 000 000,00 €, average 20,0 htv, 10 eligible days:
// daily wage = 1 000 000 / 20 / 200 = 250,00 €; 10 % × 250 × 10 = 250,00 € = 25 000 cents.
// Integers: 1000 · 100 000 000 · 1000 · 1000 / (20 000 · 200 · 1 000 000) = 10^17 / (4 · 10^12) = 25 000.
TEST(Training, CompensationHandExample) {
  EXPECT_EQ(compensation(1000, 100'000'000, 20'000, kRule), 25'000);
  // 0,67 days: 25 € × 0,67 = 16,75 € = 1675 cents.
  EXPECT_EQ(compensation(67, 100'000'000, 20'000, kRule), 1675);
  EXPECT_EQ(compensation(0, 100'000'000, 20'000, kRule), 0);
}

// Wage sum 10,00 €, 1,000 htv, 1 day: 10 % × 10 / 1 / 200 × 1 = 0,005 € = 0,5 cents -> 1 cent;
// the same negative -> -1 cent (half away from zero, one rounding at the end).
TEST(Training, CompensationRoundsOnceHalfAwayFromZero) {
  EXPECT_EQ(compensation(100, 1000, 1000, kRule), 1);
  EXPECT_EQ(compensation(100, -1000, 1000, kRule), -1);
  // 0,4 cents -> 0.
  EXPECT_EQ(compensation(100, 800, 1000, kRule), 0);
}

TEST(Training, CompensationRejectsBadInputs) {
  EXPECT_THROW(compensation(100, 1000, 0, kRule), std::invalid_argument);
  EXPECT_THROW(compensation(-1, 1000, 1000, kRule), std::invalid_argument);
  CompensationRule bad = kRule;
  bad.wage_divisor = 0;
  EXPECT_THROW(compensation(100, 1000, 1000, bad), std::invalid_argument);
  // A huge wage sum with a tiny htv does not fit in cents; no silent wrap-around.
  EXPECT_THROW(compensation(1'000'000, INT64_MAX, 1, kRule), std::overflow_error);
  // Large but realistic figures stay exact: 10^9 € wage sum, 20 000 htv, 60 000 days ->
  // 10 % × 10^9 / 20 000 / 200 × 60 000 = 10 % × 250 × 60 000 = 1 500 000,00 €.
  EXPECT_EQ(compensation(6'000'000, 100'000'000'000, 20'000'000, kRule), 150'000'000);
}

// Heinola's personnel plan (seed 003) gives, for 2023, 550 eligible days and a compensation of
// 11 251,90 €, and 659,7 htv for the whole city, but not the unemployment-insurance wage sum the
// law uses. With "Palkat ja palkkiot" TP 2023 = 27 087 000 € as a stand-in:
//   27 087 000 / 659,7 = 41 059,57 €; / 200 = 205,30 €/day; × 550 × 10 % = 11 291,38 €
//   (exactly 2 482 975 000 / 2199 cents = 1 129 137,79 -> 1 129 138).
// That is 39,48 € more than reported: the figure cannot be reproduced from the seed (the published
// compensation implies a daily wage of 11 251,90 / 55 = 204,58 €).
TEST(Training, HeinolaSeed2023WithPublishedWagesAsStandIn) {
  EXPECT_EQ(compensation(55'000, 2'708'700'000, 659'700, kRule), 1'129'138);
  EXPECT_NE(compensation(55'000, 2'708'700'000, 659'700, kRule), 1'125'190);
}

}  // namespace
}  // namespace toteuma
