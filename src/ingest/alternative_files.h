// budgeting/council_groups.csv, alternatives.csv and alternative_changes.csv of a dataset
// (docs/DATASET.md): councillors' alternative budgets (issue 16 item 7), all optional.
#pragma once
#include <filesystem>

#include "core/dataset.h"

namespace toteuma {

// Reads what exists; the municipalities, units, chart and the round's versions already read.
void load_alternatives(const std::filesystem::path& budgeting_dir, Dataset& d);
void dump_alternatives(const Dataset& d, const std::filesystem::path& budgeting_dir);

}  // namespace toteuma
