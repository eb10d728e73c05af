// The goals/ files of a dataset folder (docs/DATASET.md, "goals/").
#pragma once
#include <filesystem>

#include "core/dataset.h"

namespace toteuma {

// Reads what exists of goals/*.csv into `d` (units and municipalities already read).
void load_goals(const std::filesystem::path& dir, Dataset& d);
void dump_goals(const Dataset& d, const std::filesystem::path& dir);

}  // namespace toteuma
