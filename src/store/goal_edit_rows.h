// The goal records the web writes (issue 17 item 1) over an open connection, inside the write's
// transaction (store/workplace_store.cpp): entities goal_def, goal_action, metric, theme,
// goal_status, review and review_item, values as core/goals/goal_edit.h encodes them. The rules of
// a record (known units, themes, levels, parents) are the loader's, applied to what the write
// leaves (web check_as_loaded); here only the key, the value's shape and the references the
// database itself enforces.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/sql_db.h"

namespace toteuma {

// The number of key parts of a goal record entity; 0 when `entity` is none.
std::size_t goal_record_key_parts(const std::string& entity);
// Checks the key; returns the unit its audit row belongs to ("" for a theme, or a record not
// stored yet: goal_record_unit then tells it from the value). Throws StoreError.
std::string check_goal_record_key(sql::Db& db, const std::string& entity, const std::vector<std::string>& key);
std::string goal_record_unit(sql::Db& db, const std::string& entity, const std::string& value);
void check_goal_record_value(const std::string& entity, const std::vector<std::string>& key, const std::string& value);
std::optional<std::string> read_goal_record(sql::Db& db, const std::string& entity, const std::vector<std::string>& key);
void write_goal_record(sql::Db& db, const std::string& entity, const std::vector<std::string>& key,
                       const std::optional<std::string>& after);

}  // namespace toteuma
