// The JSON layer every API module shares (api.cpp, api_budget.cpp): replies, errors in the
// reader's language with a stable code, request bodies, and the small value conversions.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/i18n.h"
#include "core/lang.h"
#include "web/actions.h"
#include "web/http/server.h"

namespace toteuma::web::api_json {

using nlohmann::json;

http::Response reply(int status, const json& j);
// `message` in the reader's language (reply_lang); `code` is the stable, language-neutral part.
http::Response error(Lang lang, int status, const std::string& code, const Msg& message, json extra = json::object());
// The JSON object of a request body; nullopt (and the reply in `bad`) when it is not one.
std::optional<json> body_object(const http::Request& req, Lang lang, http::Response& bad);
// A string member, nullopt when absent or not a string.
std::optional<std::string> str(const json& j, const char* key);

// A write's outcome as the API answers it: `ok` with 200, forbidden 403, stale 409 with the change
// and the value stored now (`current`), anything else 400 with the write's message.
http::Response outcome_reply(Lang lang, const ActionResult& r, const json& ok);

json opt(const std::optional<std::string>& s);
json non_empty(const std::string& s);
json text(const Text& t);

}  // namespace toteuma::web::api_json
