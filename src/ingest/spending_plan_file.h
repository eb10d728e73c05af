// The spending plan's file (docs/DATASET.md, budgeting/spending_plan.csv; also what
// `budget spending-plan import` reads and `show` prints): year;unit;line;amount;m01;…;m12.
// Every row is checked against the dataset; the first error refuses the whole file, naming its
// line and column in English, Finnish and Swedish.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace toteuma {

std::vector<SpendingPlanRow> parse_spending_plan(const std::string& text, const std::string& file, const Dataset& d);
// One row given field by field (the command line's `set`, the web's spending plan page): read by
// the file's reader, so it is checked exactly as an imported one; errors name `where`. `months`
// is empty or twelve amounts (blank: none).
SpendingPlanRow parse_spending_plan_row(int year, const std::string& unit, const std::string& line, const std::string& amount,
                                        const std::vector<std::string>& months, const std::string& where, const Dataset& d);
// The file's text of `rows` (header included), as `parse_spending_plan` reads it back.
std::string spending_plan_csv(const std::vector<SpendingPlanRow>& rows);

// budgeting/spending_plan.csv of a dataset folder, when it exists (units, chart and scenarios read).
void load_spending_plan(const std::filesystem::path& dir, Dataset& d);
void dump_spending_plan(const Dataset& d, const std::filesystem::path& dir);

}  // namespace toteuma
