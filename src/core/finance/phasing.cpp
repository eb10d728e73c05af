#include "core/finance/phasing.h"

namespace toteuma {

const Phasing* find_phasing(const std::vector<Phasing>& all, const OrgView& org, const Chart& chart,
                            const std::string& unit, const std::string& line, int year) {
  if (all.empty()) return nullptr;
  auto own = [&](const std::string& u, const std::string& l) -> const Phasing* {
    for (const auto& p : all)
      if (p.year == year && p.unit == u && p.line == l) return &p;
    return nullptr;
  };
  std::string u = unit;
  for (int depth = 0; depth < 64 && !u.empty(); ++depth) {
    for (const Line* l = chart.find(line); l; l = chart.parent_total(l->id))
      if (const Phasing* p = own(u, l->id)) return p;
    if (const Phasing* p = own(u, "")) return p;
    const UnitVersion* v = org.find(u);
    u = v ? v->parent : "";
  }
  return nullptr;
}

namespace {
__extension__ typedef __int128 Int128;  // an amount × W may not fit 64 bits

// v / d rounded half away from zero (d > 0); MoneyOverflow beyond the range of money.
Cents divide_rounded(Int128 v, Int128 d) {
  Int128 q = v / d, r = v % d;
  if (2 * (r < 0 ? -r : r) >= d) q += v < 0 ? -1 : 1;
  if (q > INT64_MAX || q < INT64_MIN) throw MoneyOverflow();
  return static_cast<Cents>(q);
}
}  // namespace

Cents phased_share(Cents amount, int month, const Phasing* p) {
  Int128 whole = 12, upto = month < 0 ? 0 : month > 12 ? 12 : month;
  if (p) {
    whole = 0, upto = 0;
    for (int m = 0; m < 12; ++m) {
      whole += p->weights[static_cast<std::size_t>(m)];
      if (m < month) upto += p->weights[static_cast<std::size_t>(m)];
    }
    if (whole == 0) return 0;
  }
  return divide_rounded(static_cast<Int128>(amount) * upto, whole);
}

Cents project_year(Cents to_date, int closed, const Phasing* p) {
  Int128 whole = 12, upto = closed;
  if (p) {
    Int128 w = 0, c = 0;
    for (int m = 0; m < 12; ++m) {
      w += p->weights[static_cast<std::size_t>(m)];
      if (m < closed) c += p->weights[static_cast<std::size_t>(m)];
    }
    if (c > 0) whole = w, upto = c;  // nothing expected by then: even
  }
  return divide_rounded(static_cast<Int128>(to_date) * whole, upto);
}

}  // namespace toteuma
