// The narratives/ and documents/ folders of a dataset (docs/DATASET.md):
//   narratives/<unit>/<year>/<section>.<fi|sv>.md        a person's text
//   narratives/<unit>/<year>/<section>.<fi|sv>.draft.md  drafted commentary, replaced by the next draft
//   documents/<kind>.toml                                a municipality's own document template
#pragma once
#include <filesystem>

#include "core/dataset.h"

namespace toteuma {

// Reads what exists (units already read: a narrative of an unknown unit is an error).
void load_narratives(const std::filesystem::path& dir, Dataset& d);
void dump_narratives(const Dataset& d, const std::filesystem::path& dir);

}  // namespace toteuma
