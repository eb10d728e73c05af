// The investments/ folder of a dataset (docs/DATASET.md): groups.csv, projects.csv,
// figures.csv and carry_overs.csv, all optional (a dataset without an investment part).
#pragma once
#include <filesystem>

#include "core/dataset.h"

namespace toteuma {

// Reads what exists; units and scenarios already read (references to them are checked).
void load_investments(const std::filesystem::path& dir, Dataset& d);
void dump_investments(const Dataset& d, const std::filesystem::path& dir);

}  // namespace toteuma
