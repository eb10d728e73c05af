// The investment part's tables (migration 16) over an open connection, inside the caller's
// transaction: part of reading and replacing the dataset.
#pragma once
#include "core/dataset.h"
#include "store/sql_db.h"

namespace toteuma {

void read_investments(sql::Db& db, Investments& inv);
// Deletes what is stored and writes `inv` (referenced scenarios must be written already).
void replace_investments(sql::Db& db, const Investments& inv);
// Deletes the stored investment part (before the scenarios it references are deleted).
void delete_investments(sql::Db& db);

}  // namespace toteuma
