// The budget's monthly phasing (jaksotus / periodisering): how a unit's budget of a line is
// expected to accrue over the months of a year, as weights (e.g. a spending plan's monthly
// shares, June's holiday pay). The in-year follow-up projects the year by it; where none is
// given, the year accrues evenly (every month weight 1).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/finance/chart.h"
#include "core/money.h"
#include "core/finance/org.h"

namespace toteuma {

struct Phasing {
  std::string unit;
  std::string line;  // "" = every line of the unit
  int year = 0;
  std::array<std::int64_t, 12> weights{};  // non-negative, not all zero
  bool operator==(const Phasing&) const = default;
};

// The phasing that applies to (unit, line) in `year`: the unit's own for the line, else for the
// line's totals upwards, else for the whole unit; then the same at the parent unit, and so on.
// nullptr: even.
const Phasing* find_phasing(const std::vector<Phasing>& all, const OrgView& org, const Chart& chart,
                            const std::string& unit, const std::string& line, int year);

// The year projected from the actual of the closed months 1..closed: to_date × W / W(1..closed),
// W the year's weights (even when `p` is null or nothing is expected by then), rounded half away
// from zero. MoneyOverflow when the result is beyond the range of money.
Cents project_year(Cents to_date, int closed, const Phasing* p = nullptr);

// The part of a year's `amount` expected by the end of month `month` (0–12): amount × W(1..month) / W,
// even when `p` is null, rounded half away from zero (the budget to date of the follow-up).
Cents phased_share(Cents amount, int month, const Phasing* p = nullptr);

}  // namespace toteuma
