// Training days and training compensation (koulutuskorvaus, law 1140/2013), DESIGN.md §6.
// The compensation rule is dated data, not code: it was proposed to end for training from 2026.
// Exact integer arithmetic only (docs/PERSONNEL_COMPUTATION.md).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/personnel/htv.h"
#include "core/money.h"

namespace toteuma {

struct CompensationRule {
  Date valid_from;
  std::optional<Date> valid_to;          // inclusive; nullopt = open
  int percent_of_daily_wage_hundredths;  // 10 % = 1000
  int max_days_per_employee;             // per employee per calendar year (3)
  int hours_per_day_tenths;              // hours counted as one training day (Heinola: 6 h = 60)
  int wage_divisor;                      // average daily wage = wage sum / average htv / divisor (200)
  bool operator==(const CompensationRule&) const = default;
};

// One continuous training occasion of one person on one date.
struct TrainingRecord {
  std::string person;  // pseudonymous id
  std::string unit;
  Date date;
  int hours_tenths = 0;            // 7,5 h = 75
  bool in_plan = false;            // in the training plan made in advance
  bool employer_arranged = false;  // arranged by the employer
  bool paid = false;               // wage paid for the training time
  bool wage_subsidy = false;       // the employee is on wage subsidy (palkkatuki)
  int line = 0;
  bool operator==(const TrainingRecord&) const = default;
};

// The rule valid on `date` (valid_from <= date <= valid_to); the first one when several are.
std::optional<CompensationRule> rule_for(const std::vector<CompensationRule>& rules, const Date& date);

struct TrainingDays {
  std::int64_t days_hundredths = 0;           // all training, hours / hours per day
  std::int64_t eligible_days_hundredths = 0;  // eligible for compensation, after the per-employee cap
  bool operator==(const TrainingDays&) const = default;
};

// Training days per (unit, year) of the record dates, in hundredths of a day.
// - A record's hours per day come from the rule valid on its date, or
//   `hours_per_day_tenths_without_rule` when no rule is.
// - A record is eligible when in_plan && employer_arranged && paid && !wage_subsidy, it lasts at
//   least 1 h and a rule is valid on its date.
// - Per person and year (and rule), eligible hours are capped at max_days_per_employee × hours
//   per day, allotted to the person's records in date order (then line order), so a person who
//   trained in two units uses up the cap in the order the training happened.
// - Hours are summed per (unit, year, hours per day) and divided once, rounded half away from zero.
std::map<std::pair<std::string, int>, TrainingDays> compute_training_days(const std::vector<TrainingRecord>& records,
                                                                          const std::vector<CompensationRule>& rules,
                                                                          int hours_per_day_tenths_without_rule = 60);

// rule.percent × (wage_sum_of_year / average_htv / rule.wage_divisor) × eligible days, computed
// with a 128-bit intermediate and rounded once, half away from zero, to cents. `wage_sum_of_year`
// is the unemployment-insurance wage sum of the year; `average_htv` the employer's average
// person-years. Throws std::invalid_argument when average_htv <= 0 or the divisor <= 0, and
// std::overflow_error when the result does not fit in Cents.
Cents compensation(std::int64_t eligible_days_hundredths, Cents wage_sum_of_year, PersonYears average_htv,
                   const CompensationRule& rule);

}  // namespace toteuma
