// The budget rounds' tables (migration 19) over an open connection, inside the caller's
// transaction: part of reading and replacing the dataset.
#pragma once
#include "core/dataset.h"
#include "store/sql_db.h"

namespace toteuma {

void read_budgeting(sql::Db& db, BudgetRounds& br);
// Deletes what is stored and writes `br` (the units, lines and scenarios it names written already).
void replace_budgeting(sql::Db& db, const BudgetRounds& br);

}  // namespace toteuma
