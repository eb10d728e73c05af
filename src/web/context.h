// What every route handler gets: the state, the snapshot it reads, the request, the language and
// who is asking; and the helpers all pages share (layout, errors, parameters).
#pragma once
#include <map>
#include <memory>
#include <mstch/mstch.hpp>
#include <optional>
#include <string>

#include "core/workplace/access.h"
#include "core/lang.h"
#include "render/local_time.h"
#include "web/app_state.h"
#include "web/http/server.h"

namespace toteuma::web {

// The logged-in user of a request (none for anonymous visitors) and the session's CSRF token.
struct Viewer {
  std::optional<User> user;
  std::string csrf, digest;
  bool logged_in() const { return user.has_value(); }
};

struct Ctx {
  AppState& state;
  std::shared_ptr<const Snapshot> snap;
  const http::Request& req;
  Lang lang;
  Viewer viewer;
  const Snapshot& app() const { return *snap; }
  Lang other() const { return lang == Lang::fi ? Lang::sv : Lang::fi; }
  std::string q(const char* key, const std::string& fallback = "") const;  // a query parameter
};

// The site layout around `body` (already HTML). `other_href`: this page in the other language.
http::Response page(const Ctx& c, const std::string& title, const std::string& body, const std::string& other_href,
                    int status = 200, const std::string& unit = "");
http::Response not_found(const Ctx& c);
http::Response forbidden(const Ctx& c);
http::Response bad_request(Lang lang);
http::Response redirect(const std::string& location, int status = 303);
// Renders an embedded Mustache template ({{ }} escapes; only {{{body}}}-style slots take HTML).
std::string render(std::string_view tpl, const mstch::map& ctx);

// The request's form fields with line breaks as "\n": browsers send a textarea's (and a hidden
// field's) line breaks as CRLF, texts are stored with LF, and a `before` must compare equal.
std::map<std::string, std::string> form_fields(const http::Request& req);
// Time stamps are shown in Helsinki time by toteuma::display_time (render/local_time.h).
using toteuma::display_time;

std::optional<int> parse_year(const std::string& s);
// The ?year= of a request, `fallback` without one; nullopt for a malformed year.
std::optional<int> year_param(const http::Request& req, int fallback);
// The latest version of a unit (its current name), nullptr for an unknown id.
const UnitVersion* latest_version(const Dataset& d, const std::string& unit);

}  // namespace toteuma::web
