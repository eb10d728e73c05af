// Editing the annual clock (issue 17 item 5): /{lang}/calendar/edit?year=Y (the year's phases,
// renamed here, its items and a new item) and /{lang}/calendar/edit/{item} (an item changed or
// deleted). Admin and finance (the right edit_calendar, docs/USERS.md). Every item is read by
// calendar.csv's reader (ingest/calendar_file.h) before it is saved, so a web item is checked as a
// loaded one and an error names the field; saves are `calendar_item` changes through
// apply_changes (authorised, one transaction, audited, 409 when the item changed meanwhile).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "web/context.h"

namespace toteuma::web {

std::optional<http::Response> route_calendar_edit(const Ctx& c, const std::vector<std::string>& parts);
// The link to the editing page for whoever may edit the clock ("" for others): for the calendar page.
std::string calendar_edit_link(const Ctx& c, int year, const std::string& municipality);

}  // namespace toteuma::web
