// The alternative budgets' tables (migration 22) over an open connection, inside the caller's
// transaction: part of reading and replacing the budget rounds (store/budgeting_rows.h).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "store/sql_db.h"

namespace toteuma {

void read_alternatives(sql::Db& db, BudgetRounds& br);
// Deletes what is stored (before the versions it references are deleted).
void delete_alternatives(sql::Db& db);
// Writes br's groups, alternatives and changes (its versions, municipalities and lines written already).
void write_alternatives(sql::Db& db, const BudgetRounds& br);

// The workplace's entities of an alternative (web writes, workflow.h), inside the write's transaction:
//   "alternative"        id                           encode_alternative (core/budgeting/alternative.h)
//   "alternative_change" alternative/unit/line/year   cents added to the version's figure
//   "alternative_note"   alternative/unit/line/year/lang  the change's justification (the change must exist)
bool is_alternative_entity(const std::string& entity);
std::size_t alternative_key_parts(const std::string& entity);
// Checks the key (known alternative, unit, line, a year of the round) and returns the unit its
// audit row belongs to ("" for the alternative itself). Throws StoreError.
std::string check_alternative_key(sql::Db& db, const std::string& entity, const std::vector<std::string>& key);
void check_alternative_value(const std::string& entity, const std::vector<std::string>& key, const std::string& value);
std::optional<std::string> read_alternative_part(sql::Db& db, const std::string& entity, const std::vector<std::string>& key);
void write_alternative_part(sql::Db& db, const std::string& entity, const std::vector<std::string>& key,
                            const std::optional<std::string>& after);

}  // namespace toteuma
