// Checks on the stored dataset: sub-units against their parent, binding-level overruns,
// amendments without a council decision, missing translations.
#pragma once
#include <vector>

#include "check/finding.h"
#include "core/dataset.h"

namespace toteuma {

std::vector<Finding> check_dataset(const Dataset& d);

}  // namespace toteuma
