// Finance's file of many units' figures of one budget version (issue 16 item 5,
// docs/BUDGETING.md): columns unit;line;year;amount, as CSV (semicolons, as the dataset files) or
// the first sheet of an .xlsx with that heading row. Every row is checked (a known unit, a line of
// the chart, a year of the version, an amount as a number or text like "-1 234,56", no row twice)
// and any error refuses the whole file with its place: file and line with the column for CSV,
// sheet and cell ("Luvut!D14") for XLSX, in English, Finnish and Swedish.
#pragma once
#include <string>
#include <vector>

#include "core/budgeting/proposal_sheet.h"
#include "core/dataset.h"

namespace toteuma {

// The figures to enter, in file order. Throws InputError.
std::vector<FigureEdit> read_version_figure_file(const Dataset& d, const BudgetVersion& v, const std::string& path);

}  // namespace toteuma
