// The dataset folder format (docs/DATASET.md): reading and writing a whole dataset.
#pragma once
#include <filesystem>

#include "core/dataset.h"
#include "ingest/csv.h"

namespace toteuma {

// Reads and validates a dataset folder. Throws InputError naming the file, line and column
// of the first problem; nothing is returned (so nothing can be stored) unless all is valid.
Dataset load_dataset_dir(const std::filesystem::path& dir);

// Writes every file of the format (the chart included) in canonical order.
void dump_dataset_dir(const Dataset& d, const std::filesystem::path& dir);

// The standard municipal chart and account ranges built into the binary.
Chart default_chart();
std::vector<AccountRange> default_accounts();


}  // namespace toteuma
