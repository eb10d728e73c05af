#include "core/money.h"

#include <limits>

namespace toteuma {

// GCC's 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef __int128 Int128;

std::optional<Cents> parse_euros(std::string_view t) {
  bool neg = false;
  if (!t.empty() && t.front() == '-') {
    neg = true;
    t.remove_prefix(1);
  }
  if (t.empty()) return std::nullopt;
  constexpr Cents kMax = std::numeric_limits<Cents>::max() / 100 - 1;
  Cents whole = 0;
  std::size_t i = 0;
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) {
    if (whole > (kMax - (t[i] - '0')) / 10) return std::nullopt;
    whole = whole * 10 + (t[i] - '0');
  }
  if (i == 0) return std::nullopt;
  Cents frac = 0;
  if (i < t.size()) {
    if (t[i] != '.' && t[i] != ',') return std::nullopt;
    std::string_view f = t.substr(i + 1);
    if (f.empty() || f.size() > 2) return std::nullopt;
    for (char ch : f)
      if (ch < '0' || ch > '9') return std::nullopt;
    frac = (f[0] - '0') * 10 + (f.size() == 2 ? f[1] - '0' : 0);
  }
  Cents v = whole * 100 + frac;
  if (!within_entry_limit(v)) return std::nullopt;
  return neg ? -v : v;
}

MoneyOverflow::MoneyOverflow()
    : std::overflow_error(
          "a sum of amounts is beyond the range of money (±92 233 720 368 547 758,07 €) / "
          "summa ylittää rahamäärien alueen / summan överskrider beloppens område") {}

Cents checked_add(Cents a, Cents b) {
  Cents out = 0;
  if (__builtin_add_overflow(a, b, &out)) throw MoneyOverflow();
  return out;
}

Cents checked_sub(Cents a, Cents b) {
  Cents out = 0;
  if (__builtin_sub_overflow(a, b, &out)) throw MoneyOverflow();
  return out;
}

std::int64_t round_to_euros(Cents c) {
  // Half away from zero: 0,50 -> 1 and -0,50 -> -1.
  return c >= 0 ? (c + 50) / 100 : -((-c + 50) / 100);
}

std::string cents_to_plain(Cents c) {
  bool neg = c < 0;
  // Work in unsigned to survive INT64_MIN.
  std::uint64_t u = neg ? 0 - static_cast<std::uint64_t>(c) : static_cast<std::uint64_t>(c);
  std::string s = (neg ? "-" : "") + std::to_string(u / 100);
  if (u % 100 != 0) {
    unsigned f = static_cast<unsigned>(u % 100);
    s += '.';
    s += static_cast<char>('0' + f / 10);
    s += static_cast<char>('0' + f % 10);
  }
  return s;
}

std::optional<std::int64_t> ratio_permille(Cents a, Cents b) {
  if (b == 0) return std::nullopt;
  // 128-bit intermediate: a*1000 can overflow 64 bits for large cent amounts.
  Int128 num = static_cast<Int128>(a) * 1000;
  Int128 den = b;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  Int128 q = num >= 0 ? (num * 2 + den) / (den * 2) : -((-num * 2 + den) / (den * 2));
  return static_cast<std::int64_t>(q);
}

}  // namespace toteuma
