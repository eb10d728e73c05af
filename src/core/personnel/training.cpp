#include "core/personnel/training.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <tuple>

namespace toteuma {

namespace {

// GCC's 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// a / b rounded half away from zero; b > 0.
Int128 div_round(Int128 a, Int128 b) {
  Int128 q = a / b, r = a % b;
  if (2 * (r < 0 ? -r : r) >= b) q += a < 0 ? -1 : 1;
  return q;
}

bool valid_on(const CompensationRule& r, const Date& d) {
  return r.valid_from <= d && (!r.valid_to || d <= *r.valid_to);
}

}  // namespace

std::optional<CompensationRule> rule_for(const std::vector<CompensationRule>& rules, const Date& date) {
  for (const CompensationRule& r : rules)
    if (valid_on(r, date)) return r;
  return std::nullopt;
}

std::map<std::pair<std::string, int>, TrainingDays> compute_training_days(const std::vector<TrainingRecord>& records,
                                                                          const std::vector<CompensationRule>& rules,
                                                                          int hours_per_day_tenths_without_rule) {
  if (hours_per_day_tenths_without_rule <= 0)
    throw std::invalid_argument("compute_training_days: hours per day must be positive");
  for (const CompensationRule& r : rules)
    if (r.hours_per_day_tenths <= 0 || r.max_days_per_employee < 0)
      throw std::invalid_argument("compute_training_days: invalid compensation rule");

  // Records in the order the training happened, so the cap is used up chronologically.
  std::vector<std::size_t> order(records.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(records[a].date, records[a].line) < std::tie(records[b].date, records[b].line);
  });

  using UnitKey = std::tuple<std::string, int, int>;         // unit, year, hours per day
  using CapKey = std::tuple<std::string, int, std::size_t>;  // person, year, rule index
  std::map<UnitKey, std::int64_t> hours, eligible_hours;     // tenths of an hour
  std::map<CapKey, std::int64_t> used;                       // eligible tenths used per person

  for (std::size_t i : order) {
    const TrainingRecord& t = records[i];
    std::optional<std::size_t> rule;
    for (std::size_t k = 0; k < rules.size() && !rule; ++k)
      if (valid_on(rules[k], t.date)) rule = k;
    const int per_day = rule ? rules[*rule].hours_per_day_tenths : hours_per_day_tenths_without_rule;
    const UnitKey key{t.unit, t.date.year, per_day};
    hours[key] += t.hours_tenths;
    eligible_hours[key] += 0;  // the (unit, year) appears even without eligible training
    const bool eligible = rule && t.in_plan && t.employer_arranged && t.paid && !t.wage_subsidy && t.hours_tenths >= 10;
    if (!eligible) continue;
    const std::int64_t cap = std::int64_t{rules[*rule].max_days_per_employee} * per_day;
    std::int64_t& u = used[{t.person, t.date.year, *rule}];
    const std::int64_t take = std::max<std::int64_t>(0, std::min<std::int64_t>(t.hours_tenths, cap - u));
    u += take;
    eligible_hours[key] += take;
  }

  std::map<std::pair<std::string, int>, TrainingDays> out;
  for (const auto& [key, h] : hours) {
    const auto& [unit, year, per_day] = key;
    TrainingDays& d = out[{unit, year}];
    d.days_hundredths += static_cast<std::int64_t>(div_round(Int128{h} * 100, per_day));
    d.eligible_days_hundredths += static_cast<std::int64_t>(div_round(Int128{eligible_hours[key]} * 100, per_day));
  }
  return out;
}

Cents compensation(std::int64_t eligible_days_hundredths, Cents wage_sum_of_year, PersonYears average_htv,
                   const CompensationRule& rule) {
  if (average_htv <= 0) throw std::invalid_argument("compensation: average person-years must be positive");
  if (rule.wage_divisor <= 0) throw std::invalid_argument("compensation: wage divisor must be positive");
  // percent/10000 × (wage / (htv/1000) / divisor) × days/100
  //   = percent × wage × 1000 × days / (10000 × htv × divisor × 100)
  // |percent × wage × 1000| < 2^31 · 2^63 · 2^10 = 2^104 always fits; the multiplication by the
  // days is checked.
  if (eligible_days_hundredths < 0) throw std::invalid_argument("compensation: negative eligible days");
  const Int128 a = Int128{rule.percent_of_daily_wage_hundredths} * wage_sum_of_year * 1000;
  const Int128 max128 = static_cast<Int128>(~static_cast<UInt128>(0) >> 1);
  if (eligible_days_hundredths != 0 && (a < 0 ? -a : a) > max128 / eligible_days_hundredths)
    throw std::overflow_error("compensation: intermediate does not fit in 128 bits");
  const Int128 num = a * eligible_days_hundredths;
  const Int128 den = Int128{average_htv} * rule.wage_divisor * 1000000;
  const Int128 c = div_round(num, den);
  if (c > std::numeric_limits<Cents>::max() || c < std::numeric_limits<Cents>::min())
    throw std::overflow_error("compensation: result does not fit in 64 bits");
  return static_cast<Cents>(c);
}

}  // namespace toteuma
