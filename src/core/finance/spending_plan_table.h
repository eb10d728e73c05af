// `table --kind spending-plan --unit U --year Y`: a binding unit's spending plan (core/finance/
// spending_plan.h) as a table — each row of the plan at the unit and under it with its months,
// per line the plan's sum and the budget after amendments it must add up to.
#pragma once
#include <string>

#include "core/dataset.h"
#include "core/lang.h"
#include "core/simple_table.h"

namespace toteuma {

// Cents (decimals 2), shown as whole euros. Throws std::invalid_argument for an unknown unit.
SimpleTable spending_plan_table(const Dataset& d, const std::string& unit, int year, Lang lang);

}  // namespace toteuma
