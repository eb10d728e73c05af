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

// The loader's validation of a dataset that did not come from files (the state an edit in the
// web or API leaves): it is dumped to a temporary folder and loaded back. Throws InputError
// (file, line and column inside the dump) when the loader refuses it, or when what loads differs
// from it, so whatever is stored can always be dumped and loaded again.
void validate_as_loaded(const Dataset& d);

// The standard municipal chart and account ranges built into the binary.
Chart default_chart();
std::vector<AccountRange> default_accounts();


}  // namespace toteuma
