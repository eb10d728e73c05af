// The budgeting/ folder of a dataset (docs/DATASET.md): stages.csv, versions.csv and figures.csv
// of the budget rounds, all optional (a dataset without a round in preparation).
#pragma once
#include <filesystem>

#include "core/dataset.h"

namespace toteuma {

// Reads what exists; municipalities, units, the chart and scenarios already read (references to
// them are checked).
void load_budgeting(const std::filesystem::path& dir, Dataset& d);
void dump_budgeting(const Dataset& d, const std::filesystem::path& dir);

}  // namespace toteuma
