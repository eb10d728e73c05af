// The parts every editing form shares: the CSRF field, the hidden `before` fields of the stale
// check, the page answering a refused or stale write, amounts as typed in a form.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "core/money.h"
#include "web/actions.h"
#include "web/context.h"

namespace toteuma::web {

// The hidden fields that carry the value a form started from, for the stale check.
std::string before_fields(const std::string& name, const std::optional<std::string>& before);
std::optional<std::string> before_from(std::map<std::string, std::string>& form, const std::string& name);
std::string csrf_field(const Ctx& c);
// The answer to a write that was not done: 403, 409 (showing the stored value and the user's) or 400.
http::Response outcome_page(const Ctx& c, const ActionResult& r, const std::string& back);
// The request's query without a notice, "?a=b&…" ("" when none).
std::string query_string(const http::Request& req);
std::string with_notice(const std::string& href, const std::string& notice);
// Tenths as a Finnish/Swedish decimal: "3,2", "59".
std::string decimal_text(std::int64_t tenths);
// Cents as a form shows them for editing: "-1935039", "25050,40".
std::string plain_euros(Cents v);

}  // namespace toteuma::web
