// The personnel/ files and restructurings.csv of a dataset folder (docs/DATASET.md).
#pragma once
#include <filesystem>

#include "core/dataset.h"

namespace toteuma {

// Reads what exists of personnel/*.csv and restructurings.csv into `d` (whose units are
// already read). Throws InputError with file, line and column.
void load_personnel(const std::filesystem::path& dir, Dataset& d);
// Writes them; files without rows are not written, so a dataset without personnel stays small.
void dump_personnel(const Dataset& d, const std::filesystem::path& dir);

}  // namespace toteuma
