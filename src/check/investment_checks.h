// Rules over the stored investment part (docs/CHECKS.md): overruns of binding investment
// appropriations, amendments and carry-overs without a council decision. The group and part
// totals are computed (core/finance/investments.h), so their arithmetic holds by construction.
#pragma once
#include <vector>

#include "check/finding.h"
#include "core/dataset.h"

namespace toteuma {

void check_investments(const Dataset& d, std::vector<Finding>& out);

}  // namespace toteuma
