// The rounding model. A printed figure is rounded to its table's scale (1 €, 1 000 €, ...),
// each printed term independently. If a total T is printed beside its n printed terms, the
// exact values satisfy T* = Σ t*, and each printed value is within scale/2 of its exact value,
// so |T − Σ t| ≤ (n + 1) · scale / 2 can be explained by rounding alone; more cannot.
#pragma once
#include <cstdint>

#include "core/money.h"

namespace toteuma {

enum class Discrepancy { none, rounding, error };

// `diff` and `scale` in cents; `terms` = the number of printed terms on the other side.
Discrepancy classify_difference(Cents diff, int terms, Cents scale);

// A printed realisation % (hundredths of a percent, `decimals` printed) against actual ÷ budget
// (budget ≠ 0): within half a unit of the printed precision it agrees; within that plus what
// rounding of the printed euros (to `scale` cents) can move the ratio it is rounding.
struct RatioCheck {
  Discrepancy d = Discrepancy::none;
  std::int64_t expected = 0;  // the ratio from the printed figures, hundredths of a percent
};
RatioCheck classify_realisation(Cents actual, Cents budget, std::int64_t printed, int decimals, Cents scale);

}  // namespace toteuma
