// The administration of users in the web (issue 17 item 5): /{lang}/admin/users (the list and
// adding a user) and /{lang}/admin/users/{id} (roles, state, a new password). Admin only (403 for
// everyone else, on the server). Every write is the command line's (store/user_admin.h): the same
// checks, audit rows and effects, plus the web's own rules: the form's view of the user must still
// hold (409), and the last enabled admin cannot be disabled or lose the role (409).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "web/context.h"

namespace toteuma::web {

std::optional<http::Response> route_admin_pages(const Ctx& c, const std::vector<std::string>& parts);

}  // namespace toteuma::web
