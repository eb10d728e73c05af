// Person-years (henkilötyövuodet, htv) computed from employment records by the HTV2 definition
// (Heinola's personnel plan, DESIGN.md §6): one person working full time all year is 1,0; part-time
// and part-year work count in proportion; unpaid leave is deducted; paid absences and annual leave
// are not. Exact integer arithmetic only (docs/PERSONNEL_COMPUTATION.md).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"

namespace toteuma {

using PersonYears = std::int64_t;  // thousandths of a person-year (659,7 htv = 659700)

// "659,7": decimal comma, rounded half away from zero to `decimals` (0..3), a non-breaking space
// (U+00A0) between thousands above 999 ("1 234,5"). Throws std::invalid_argument for other
// `decimals`.
std::string format_htv(PersonYears v, int decimals = 1);

// Unpaid leave (palkaton virka-/työvapaa), both dates inclusive.
struct Leave {
  Date from, to;
  bool operator==(const Leave&) const = default;
};

// One employment (palvelussuhde) of one person in one unit. A person moving to another unit is
// two employments. `person` is a pseudonymous id.
struct Employment {
  std::string person;
  std::string unit;
  Date start;
  std::optional<Date> end;     // inclusive; nullopt = continues
  int percent_hundredths = 0;  // working time in hundredths of a percent: 100 % = 10000
  std::vector<Leave> unpaid;
  int line = 0;  // where it came from in an input file (0 = not from a file)
  bool operator==(const Employment&) const = default;
};

// 365 or 366.
int days_in_year(int year);
// Days since 1970-01-01 (proleptic Gregorian); consecutive dates give consecutive numbers.
std::int64_t day_number(const Date& d);

// HTV2 per (unit, year) for year_from..year_to: for each day of the year on which the employment
// is valid and the person is not on unpaid leave, working-time % / days in the year. Day·percent
// sums are accumulated as integers per (unit, year) and divided once, rounded half away from
// zero to thousandths. A (unit, year) appears when at least one employment of the unit is valid on
// some day of that year (its value may be 0, e.g. everyone on unpaid leave). Overlapping leaves of
// one employment count once. The inputs are expected to be valid (see read_employment_records).
std::map<std::pair<std::string, int>, PersonYears> compute_htv(const std::vector<Employment>& employments,
                                                               int year_from, int year_to);

}  // namespace toteuma
