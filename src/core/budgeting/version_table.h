// The budget round's comparison of versions (issue 16 item 4): for a unit and budget year Y, per
// line of the operating part, the last actual (TP Y−2), last year's budget after amendments
// (TA Y−1), each version of the round in stage order, the change from TA Y−1 to the latest version
// in euros and per cent, and the latest version's distance from the frame where the frame has the
// line. Rolled up over the organisation as every figure (core/finance/ledger.h).
#pragma once
#include <set>
#include <string>

#include "core/dataset.h"
#include "core/simple_table.h"

namespace toteuma {

// Cells are cents (decimals 2, shown 0); the % column holds hundredths of a per cent, shown with
// one decimal. Throws std::invalid_argument for a unit the dataset does not have.
SimpleTable budget_versions_table(const Dataset& d, const std::string& unit, int year, Lang lang);
// Only the versions in `shown` get a column (each with its alternatives beside it; nullptr: every
// version, as above). The change and frame columns compare the latest version whether shown or not.
SimpleTable budget_versions_table(const Dataset& d, const std::string& unit, int year, Lang lang, const std::set<std::string>* shown);

}  // namespace toteuma
