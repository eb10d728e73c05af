// The annual clock's table (migration 9) over an open connection, inside the caller's
// transaction: part of reading and replacing the dataset, and the workplace's entity
// "calendar_item" (core/workplace/workflow.h; the web's clock editing, web/calendar_edit.cpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/workplace/calendar_value.h"
#include "store/sql_db.h"

namespace toteuma {

void read_calendar_items(sql::Db& db, std::vector<CalendarItem>& out);
void insert_calendar_item(sql::Db& db, const CalendarItem& c);

// The entity: the key is the item's id (a new one creates it), the value encode_calendar_item.
// The item's rules (a known municipality, texts in its languages, start <= deadline in the
// clock's year, known document kinds) are the loader's, applied to what the write leaves (web
// check_as_loaded), as for every entity. Throws StoreError.
void check_calendar_value(const std::string& id, const std::string& value);
std::optional<std::string> read_calendar_row(sql::Db& db, const std::string& id);
void write_calendar_row(sql::Db& db, const std::string& id, const std::optional<std::string>& after);

}  // namespace toteuma
