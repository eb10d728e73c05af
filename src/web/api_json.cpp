#include "web/api_json.h"

#include <algorithm>

namespace toteuma::web::api_json {

http::Response reply(int status, const json& j) {
  // Stored texts are UTF-8; should one not be, it is replaced rather than failing the response.
  return {status, "application/json; charset=utf-8", j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n", {}};
}

http::Response error(Lang lang, int status, const std::string& code, const Msg& message, json extra) {
  extra["error"] = code;
  extra["message"] = message.in(lang);
  return reply(status, extra);
}

std::optional<json> body_object(const http::Request& req, Lang lang, http::Response& bad) {
  std::string type = req.header("content-type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (type != "application/json") {
    bad = error(lang, 415, "unsupported_media_type", msg("api.json_type"));
    return std::nullopt;
  }
  json j = json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    bad = error(lang, 400, "invalid", msg("api.not_object"));
    return std::nullopt;
  }
  return j;
}

std::optional<std::string> str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? std::optional<std::string>(it->get<std::string>()) : std::nullopt;
}

http::Response outcome_reply(Lang lang, const ActionResult& r, const json& ok) {
  switch (r.outcome) {
    case Outcome::ok: return reply(200, ok);
    case Outcome::forbidden:
      return error(lang, 403, "forbidden", msg("api.forbidden_change"), {{"entity", r.refused.entity}, {"key", r.refused.key}});
    case Outcome::stale:
      return error(lang, 409, "stale", msg("api.stale"), {{"entity", r.refused.entity}, {"key", r.refused.key}, {"current", opt(r.current)}});
    case Outcome::invalid:
    case Outcome::not_approved:
    case Outcome::drafts:
    case Outcome::reason_required: break;
  }
  return error(lang, 400, "invalid", r.message);
}

json opt(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json non_empty(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json text(const Text& t) { return {{"fi", t.fi}, {"sv", t.sv}}; }

}  // namespace toteuma::web::api_json
