// The spending plans' table (migration 21) over an open connection, inside the caller's
// transaction: part of reading and replacing the dataset.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/finance/spending_plan.h"
#include "store/sql_db.h"

namespace toteuma {

void read_spending_plan(sql::Db& db, std::vector<SpendingPlanRow>& out);
// Deletes what is stored and writes `rows` (the units and lines they name written already).
void replace_spending_plan(sql::Db& db, const std::vector<SpendingPlanRow>& rows);

// The workplace's entity of one plan row (web writes, core/workplace/workflow.h), inside the write's
// transaction: "spending_plan" year/unit/line, value encode_plan_value (cents). The row's rules
// (a binding unit above it, a budget of the year, months adding up) are the loader's, applied to
// what the write leaves (web check_as_loaded), as for every entity.
// Checks the key (a year, a known unit and line) and returns the unit its audit row belongs to. Throws StoreError.
std::string check_spending_key(sql::Db& db, const std::vector<std::string>& key);
void check_spending_value(const std::string& value);
std::optional<std::string> read_spending_row(sql::Db& db, const std::vector<std::string>& key);
void write_spending_row(sql::Db& db, const std::vector<std::string>& key, const std::optional<std::string>& after);

}  // namespace toteuma
