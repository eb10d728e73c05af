// What a printed total adds up, read from the table's layout: the block of rows printed above it
// down to the previous row that is none of its parts. Parts may be any of the total's lines in the
// chart, at any depth (a subtotal the table does not print is not required); a printed subtotal
// stands for the rows above it that are its parts; a row the chart does not know is a term of the
// block as printed, or — when its figure is the sum of the rows just above it — a subtotal of them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/finance/chart.h"
#include "core/money.h"

namespace toteuma {

// One printed row in one column, in printed order.
struct BlockRow {
  const Line* line = nullptr;  // nullptr: a row the chart does not know
  std::optional<Cents> value;
  bool transparent = false;    // an "of which" or memo row: never a part, never ends a block
  int source_line = 0;         // the row's line in its file
};

struct BlockSum {
  enum class Kind {
    none,          // no part of the total is printed above it
    parts,         // the sum of its printed parts (chart lines only)
    all_rows,      // the sum of all printed rows of its block, some of them unknown to the chart
  } kind = Kind::none;
  Cents sum = 0;
  int terms = 0;
  std::vector<int> unknown;  // source lines of the unknown rows taken as terms
  // Every line of the total is printed in the block, itself or inside a printed line. When not (a
  // summary printing Toimintatuotot, Toimintakulut and Toimintakate without Valmistus omaan käyttöön),
  // the unprinted lines are read as zero — which the table's other columns must confirm.
  bool complete = true;
  struct Term {
    int sign = 1;          // how the row's printed figure enters the total
    int source_line = 0;   // the row's line in its file
    bool unknown = false;  // a row the chart does not know (or a subtotal of the rows above it)
  };
  std::vector<Term> term_rows;  // the terms of `sum`, in printed order (for locating a misprint)
};

// The block of rows[total] (a row of a total line). `unit`: the column's rounding unit, within
// which an unknown row is recognised as the subtotal of the rows just above it.
BlockSum block_sum(const Chart& chart, const std::vector<BlockRow>& rows, std::size_t total, Cents unit);

// Whether `part` is one of `total`'s lines at any depth of the chart's formulas; its sign there.
std::optional<int> part_sign(const Chart& chart, const std::string& total, const std::string& part);

}  // namespace toteuma
