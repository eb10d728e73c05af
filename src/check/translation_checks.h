// A translation whose source text changed after it was written (complete.translation_outdated,
// a warning; core/workplace/translation.h, docs/CHECKS.md).
#pragma once
#include <vector>

#include "check/finding.h"
#include "core/dataset.h"

namespace toteuma {

void check_outdated_translations(const Dataset& d, std::vector<Finding>& out);

}  // namespace toteuma
