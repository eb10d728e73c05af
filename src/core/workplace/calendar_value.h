// The annual clock's items as the workplace's entity "calendar_item" (core/workplace/workflow.h):
// the key is the item's id, the value its other fields in calendar.csv's column order, separated
// by ';', with a backslash, ';' and a line break escaped by a backslash (\\ \; \n); dates ISO.
#pragma once
#include <optional>
#include <string>

#include "core/workplace/calendar.h"

namespace toteuma {

std::string encode_calendar_item(const CalendarItem& c);
// nullopt for a malformed value (field count, year, dates); the item's rules are the reader's.
std::optional<CalendarItem> decode_calendar_item(const std::string& id, const std::string& value);

}  // namespace toteuma
