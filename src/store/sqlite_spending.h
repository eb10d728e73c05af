// The spending plans' table (migration 21) over an open connection, inside the caller's
// transaction: part of reading and replacing the dataset.
#pragma once
#include <vector>

#include "core/finance/spending_plan.h"
#include "store/sqlite_db.h"

namespace toteuma {

void read_spending_plan(sqlite::Db& db, std::vector<SpendingPlanRow>& out);
// Deletes what is stored and writes `rows` (the units and lines they name written already).
void replace_spending_plan(sqlite::Db& db, const std::vector<SpendingPlanRow>& rows);

}  // namespace toteuma
