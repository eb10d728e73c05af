// Signs per row. Tables print costs negative or positive, and a deviation as actual − budget,
// budget − actual, or "favourable positive" (income actual − budget, costs budget − actual);
// some print most costs negative and a few rows (financial costs) positive. The checker reads
// each row the way it is printed, decided from the table's own figures, and diagnoses a figure
// printed with the other sign than the rest of its row as a sign error.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "check/finding.h"
#include "check/misprint.h"
#include "core/finance/chart.h"

namespace toteuma {

// Lines that are costs by nature, negative in the standard layout: operating costs and their
// parts, financial costs, depreciation, investment expenditure.
bool is_cost_nature(const Chart& chart, const std::string& line_id);

// Which way a row's level figures (budget, actual, plan; not deviations or amendments) are
// printed: +1 positive, −1 negative, 0 when the row alone cannot tell (fewer than two nonzero
// figures, or as many of each).
int printed_orientation(const std::vector<Cents>& level_figures);

// Whether `v`, printed against the sign of its row, is of the row's size (within ten times its
// other figures): a missing minus keeps the size, a small reversal (an impairment written back
// against a hundred times larger ones) is meant.
bool of_the_rows_size(Cents v, const std::vector<Cents>& level_figures);

// Votes for how a group of rows (income, costs) prints its deviation: `forward` rows where it
// is actual − budget, `reversed` where budget − actual (in the checks' signs, costs negative).
struct DeviationVotes {
  int forward = 0, reversed = 0;
};
// The group's convention: its own majority, else the other group's, else actual − budget.
bool deviation_reversed(const DeviationVotes& own, const DeviationVotes& other);

// A figure printed against its row's sign (`cell.value` as the checks read it, i.e. > 0 in a
// cost row) is a sign error — unless a located misprint already covers it, or every relation it
// is part of agrees as printed (the arithmetic says the sign is meant).
void report_sign_outliers(std::vector<Finding>& findings, const std::vector<Relation>& relations,
                          const std::vector<RelCell>& outliers, const std::vector<CellRef>& located);

}  // namespace toteuma
