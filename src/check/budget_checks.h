// Rules over the budget rounds (issue 16, docs/CHECKS.md): a version whose own figures at a unit
// differ from its sub-units' (budget.version_parts, the dataset's hierarchy rule applied to each
// version), and a version over its round's frame on a line the frame sets (budget.over_frame).
#pragma once
#include <vector>

#include "check/finding.h"
#include "core/dataset.h"

namespace toteuma {

void check_budgeting(const Dataset& d, std::vector<Finding>& out);

}  // namespace toteuma
