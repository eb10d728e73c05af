// Checks on the stored dataset: sub-units against their parent, binding-level overruns,
// amendments without a council decision, missing translations.
#pragma once
#include <vector>

#include "check/finding.h"
#include "core/dataset.h"
#include "core/finance/ledger.h"

namespace toteuma {

std::vector<Finding> check_dataset(const Dataset& d);
// The same with a Ledger already built on `d` (a document's or a snapshot's): no second map of
// every figure, and the rollups it has memoised are reused.
std::vector<Finding> check_dataset(const Dataset& d, const Ledger& ledger);

}  // namespace toteuma
