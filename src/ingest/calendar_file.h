// calendar.csv of a dataset (docs/DATASET.md): the annual clocks. Also one item given field by
// field (the web's clock editing, web/calendar_edit.cpp), read by the same reader so it is
// checked exactly as a loaded one; errors name file (or `where`), line and column in English,
// Finnish and Swedish (InputError).
#pragma once
#include <string>
#include <vector>

#include "core/dataset.h"

namespace toteuma {

// Needs the municipalities and the templates of `d`.
std::vector<CalendarItem> parse_calendar(const std::string& text, const std::string& file, const Dataset& d);
// One item given as its fields in the file's column order (calendar_fields), as the one row of a
// calendar.csv named `where`: the reader's checks (InputError) and canonical form.
CalendarItem parse_calendar_row(const std::vector<std::string>& fields, const std::string& where, const Dataset& d);
// An item's fields in the file's column order, as the file writes them.
std::vector<std::string> calendar_fields(const CalendarItem& c);
// calendar.csv: the header and a row per item, in the given order.
std::string calendar_csv(const std::vector<CalendarItem>& items);

}  // namespace toteuma
