// One misprint, one error. A wrong printed figure disturbs every relation it is part of (the
// total of its column, its row's budget after amendments and deviation, realisation %, the
// parent's sum, the same figure elsewhere). The table checks log each relation they evaluate
// here; locate_misprints then looks, for each group of failed relations that share cells, for
// the one printed cell whose corrected value makes all of them agree without breaking any that
// held, and reports one error at that cell with the failed checks attached as related.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "check/finding.h"
#include "check/rounding.h"
#include "core/money.h"

namespace toteuma {

// A printed figure: its row (any stable address the checker owns) and column.
struct CellRef {
  const void* row = nullptr;
  std::size_t col = 0;
  bool operator==(const CellRef&) const = default;
  bool operator<(const CellRef& o) const { return std::tie(row, col) < std::tie(o.row, o.col); }
};

struct RelCell {
  CellRef ref;
  Cents value = 0;        // as the checks read it (costs turned negative)
  int shown_sign = 1;     // as printed = shown_sign · value
  Cents unit = 100;       // the rounding unit of its column
  bool candidate = true;  // a printed amount; not a blank total's computed value, not a %
  Location where;
  bool quantity = false;  // hundredths of a quantity (htv, persons, days), not cents
};

// sum:   target = constant + Σ sign · term, classified by classify_difference(·, n, unit).
// ratio: target = the printed realisation % (hundredths), terms = {actual, budget},
//        classified by classify_realisation(·, decimals, unit = the table's scale).
struct Relation {
  enum class Kind { sum, ratio };
  Kind kind = Kind::sum;
  RelCell target;
  std::vector<std::pair<int, RelCell>> terms;
  Cents constant = 0;
  int n = 1;
  Cents unit = 100;
  int decimals = 0;
  std::optional<std::size_t> finding;  // index of the finding the check reported, if any
};

// Rewrites `findings` (indices as logged in `relations`, before sorting): each group of errors
// that one printed cell explains becomes one error — arith.sign when the cell's sign is wrong,
// the group's own finding at that cell when it is a failed total or derived figure, else
// arith.misprint — stating the value that makes them agree, the others attached as related.
// Groups no single cell explains stay as they were. Returns the cells located.
std::vector<CellRef> locate_misprints(std::vector<Finding>& findings, const std::vector<Relation>& relations);

// The relation as printed: none, rounding or error.
Discrepancy evaluate_relation(const Relation& r);

// How much a corrected value looks like a slip of the pen on the printed one, in the column's
// printed digits: 3 the sign alone, 2 one digit changed or two adjacent digits swapped,
// 1 one digit dropped or added, 0 otherwise.
int misprint_likeness(Cents printed, Cents corrected, Cents unit);

}  // namespace toteuma
