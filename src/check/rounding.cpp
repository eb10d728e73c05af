#include "check/rounding.h"

namespace toteuma {

Discrepancy classify_difference(Cents diff, int terms, Cents scale) {
  if (diff == 0) return Discrepancy::none;
  Cents mag = diff < 0 ? -diff : diff;
  // 2·|diff| ≤ (n + 1)·scale, in integers.
  if (2 * mag <= static_cast<Cents>(terms + 1) * scale) return Discrepancy::rounding;
  return Discrepancy::error;
}

RatioCheck classify_realisation(Cents actual, Cents budget, std::int64_t printed, int decimals, Cents scale) {
  __extension__ typedef __int128 I128;
  I128 a = actual, b = budget;
  I128 exact2 = a * 20000 / b;  // twice the ratio in hundredths of a percent, truncated
  RatioCheck r;
  r.expected = static_cast<std::int64_t>(exact2 >= 0 ? (exact2 + 1) / 2 : (exact2 - 1) / 2);
  // Half a unit of the printed precision, plus what rounding of the printed euros can move
  // the ratio: |ratio| · (s/2) · (1/|a| + 1/|b|).
  std::int64_t half_unit = decimals >= 2 ? 1 : decimals == 1 ? 5 : 50;
  I128 s = scale, aa = a < 0 ? -a : a, bb = b < 0 ? -b : b, ratio = r.expected < 0 ? -r.expected : r.expected;
  std::int64_t drift = aa == 0 ? 0 : static_cast<std::int64_t>((ratio * s * (aa + bb)) / (2 * aa * bb) + 1);
  std::int64_t diff = printed - r.expected, mag = diff < 0 ? -diff : diff;
  r.d = mag <= half_unit ? Discrepancy::none : mag <= half_unit + drift ? Discrepancy::rounding : Discrepancy::error;
  return r;
}

}  // namespace toteuma
