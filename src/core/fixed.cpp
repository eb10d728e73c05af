#include "core/fixed.h"

#include <limits>

namespace toteuma {

std::optional<std::int64_t> parse_fixed(std::string_view t, int decimals) {
  bool neg = false;
  if (!t.empty() && t.front() == '-') {
    neg = true;
    t.remove_prefix(1);
  }
  std::int64_t v = 0;
  std::size_t i = 0;
  constexpr std::int64_t kLimit = std::numeric_limits<std::int64_t>::max() / 10 - 10;
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) {
    if (v > kLimit) return std::nullopt;
    v = v * 10 + (t[i] - '0');
  }
  if (i == 0) return std::nullopt;
  int frac = 0;
  if (i < t.size()) {
    if (t[i] != '.' && t[i] != ',') return std::nullopt;
    for (++i; i < t.size(); ++i, ++frac) {
      if (t[i] < '0' || t[i] > '9' || frac >= decimals || v > kLimit) return std::nullopt;
      v = v * 10 + (t[i] - '0');
    }
    if (frac == 0) return std::nullopt;
  }
  for (; frac < decimals; ++frac) {
    if (v > kLimit) return std::nullopt;
    v *= 10;
  }
  return neg ? -v : v;
}

std::string fixed_to_plain(std::int64_t value, int decimals) {
  bool neg = value < 0;
  std::uint64_t u = neg ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  std::uint64_t scale = 1;
  for (int k = 0; k < decimals; ++k) scale *= 10;
  std::string s = std::to_string(u / scale);
  // With no decimals there is no fraction (to_string(u % 1) would be "0", one digit too many).
  std::string frac = decimals > 0 ? std::to_string(u % scale) : std::string();
  frac = std::string(static_cast<std::size_t>(decimals) - frac.size(), '0') + frac;
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (!frac.empty()) s += "." + frac;
  return (neg && u != 0 ? "-" : "") + s;
}

}  // namespace toteuma
