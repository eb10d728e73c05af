// The dataset as read over an open SQLite connection (inside its transaction, if one is open):
// how the workplace store checks what an edit leaves behind before it commits.
#pragma once
#include "core/dataset.h"
#include "store/sql_db.h"

namespace toteuma {

Dataset read_dataset(sql::Db& db);

}  // namespace toteuma
