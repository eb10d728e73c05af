// Rules over the budget rounds (issue 16, docs/CHECKS.md): a version whose own figures at a unit
// differ from its sub-units' (budget.version_parts, the dataset's hierarchy rule applied to each
// version), a version over its round's frame on a line the frame sets (budget.over_frame), a spending
// plan not adding up to the budget (budget.spending_plan_sum), the units' proposals' justifications
// and deadlines (budget.missing_justification, budget.proposal_overdue).
#pragma once
#include <vector>

#include "check/finding.h"
#include "core/dataset.h"

namespace toteuma {

void check_budgeting(const Dataset& d, std::vector<Finding>& out);
// The units' proposals on `today` (check_budgeting: the current date): a submitted one without the
// justifications its stage's rule asks for (budget.missing_justification, per line) and one not
// submitted by its deadline from the annual clock (budget.proposal_overdue), both warnings.
void check_budget_proposals(const Dataset& d, const Date& today, std::vector<Finding>& out);

}  // namespace toteuma
