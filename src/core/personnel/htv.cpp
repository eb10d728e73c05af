#include "core/personnel/htv.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "core/format.h"

namespace toteuma {

namespace {

// a / b rounded half away from zero; b > 0.
std::int64_t div_round(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b, r = a % b;
  if (2 * (r < 0 ? -r : r) >= b) q += a < 0 ? -1 : 1;
  return q;
}

struct Range {
  std::int64_t from, to;  // day numbers, inclusive
};

// Leaves as sorted, merged day-number ranges, so overlapping leaves are not deducted twice.
std::vector<Range> merged_leaves(const std::vector<Leave>& leaves) {
  std::vector<Range> r;
  for (const Leave& l : leaves) r.push_back({day_number(l.from), day_number(l.to)});
  std::sort(r.begin(), r.end(), [](const Range& a, const Range& b) { return a.from < b.from; });
  std::vector<Range> out;
  for (const Range& x : r) {
    if (x.to < x.from) continue;
    if (!out.empty() && x.from <= out.back().to + 1)
      out.back().to = std::max(out.back().to, x.to);
    else
      out.push_back(x);
  }
  return out;
}

}  // namespace

std::string format_htv(PersonYears v, int decimals) {
  if (decimals < 0 || decimals > 3) throw std::invalid_argument("format_htv: decimals must be 0..3");
  std::int64_t scale = 1;
  for (int i = decimals; i < 3; ++i) scale *= 10;
  std::int64_t r = div_round(v, scale);  // in units of 10^-decimals
  bool neg = r < 0;
  // Magnitude as unsigned so the most negative value cannot overflow.
  std::uint64_t m = neg ? 0 - static_cast<std::uint64_t>(r) : static_cast<std::uint64_t>(r);
  std::uint64_t unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  std::string whole = std::to_string(m / unit);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += kNbsp;
    grouped += whole[i];
  }
  std::string out = (neg ? "-" : "") + grouped;
  if (decimals > 0) {
    std::string frac = std::to_string(m % unit);
    out += "," + std::string(static_cast<std::size_t>(decimals) - frac.size(), '0') + frac;
  }
  return out;
}

int days_in_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 366 : 365; }

std::int64_t day_number(const Date& d) {
  // Howard Hinnant's days_from_civil.
  std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = (d.month + 9) % 12;
  std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::map<std::pair<std::string, int>, PersonYears> compute_htv(const std::vector<Employment>& employments,
                                                               int year_from, int year_to) {
  // Σ days · percent_hundredths per (unit, year).
  std::map<std::pair<std::string, int>, std::int64_t> sums;
  for (const Employment& e : employments) {
    const std::int64_t start = day_number(e.start);
    const std::int64_t end = e.end ? day_number(*e.end) : std::numeric_limits<std::int64_t>::max();
    const std::vector<Range> leaves = merged_leaves(e.unpaid);
    const int first = std::max(year_from, e.start.year);
    const int last = e.end ? std::min(year_to, e.end->year) : year_to;
    for (int y = first; y <= last; ++y) {
      const std::int64_t a = std::max(start, day_number(Date::first_of_year(y)));
      const std::int64_t b = std::min(end, day_number(Date::last_of_year(y)));
      if (a > b) continue;
      std::int64_t days = b - a + 1;
      for (const Range& l : leaves) {
        const std::int64_t la = std::max(l.from, a), lb = std::min(l.to, b);
        if (la <= lb) days -= lb - la + 1;
      }
      sums[{e.unit, y}] += days * e.percent_hundredths;
    }
  }
  // htv in thousandths = Σ / (days_in_year · 10000) · 1000 = Σ / (days_in_year · 10).
  std::map<std::pair<std::string, int>, PersonYears> out;
  for (const auto& [key, sum] : sums) out[key] = div_round(sum, std::int64_t{days_in_year(key.second)} * 10);
  return out;
}

}  // namespace toteuma
