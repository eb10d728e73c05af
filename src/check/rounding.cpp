#include "check/rounding.h"

namespace toteuma {

Discrepancy classify_difference(Cents diff, int terms, Cents scale) {
  if (diff == 0) return Discrepancy::none;
  Cents mag = diff < 0 ? -diff : diff;
  // 2·|diff| ≤ (n + 1)·scale, in integers.
  if (2 * mag <= static_cast<Cents>(terms + 1) * scale) return Discrepancy::rounding;
  return Discrepancy::error;
}

}  // namespace toteuma
