// The request dispatcher: public routes first, then the session; everything after that needs a
// logged-in user, and every state change a valid CSRF token. Route modules decide the rest.
#include "web/app.h"

#include <fmt/format.h>

#include "core/i18n.h"
#include "core/text.h"
#include "render/templates.h"
#include "web/api.h"
#include "web/auth_routes.h"
#include "web/accessibility_page.h"
#include "web/admin_pages.h"
#include "web/calendar_edit.h"
#include "web/calendar_page.h"
#include "web/search_page.h"
#include "web/sso_routes.h"
#include "web/import_pages.h"
#include "web/ledger_rows_page.h"
#include "web/translation_pages.h"
#include "web/home_page.h"
#include "web/alternative_pages.h"
#include "web/budget_pages.h"
#include "web/round_page.h"
#include "web/edit_pages.h"
#include "web/read_pages.h"
#include "web/review_pages.h"
#include "web/comment_pages.h"
#include "web/page_cache.h"
#include "web/routes.h"

namespace toteuma {

using namespace web;

namespace {

struct Served {
  AppState state;
  LoginLimiter limiter;
  Served(const std::string& db, AppOptions o)
      : state(db, o), limiter(o.login_failures, o.login_window_seconds) {}
};

http::Response route_pages(Ctx& c, const std::vector<std::string>& parts);

http::Response handle(Served& s, const http::Request& req) {
  auto parts = split_nonempty(req.path, '/');
  if (!parts.empty() && parts[0] == "api") {
    s.state.reload_if_changed();
    return route_api(s.state, s.limiter, req, parts);
  }
  // The viewer first (read anew every request: a logout acts at once): the same read gives the
  // newest data audit id, so a current snapshot costs no query of its own.
  std::optional<std::int64_t> data_audit_id;
  Viewer viewer = resolve_viewer(s.state, req, &data_audit_id);
  if (data_audit_id) s.state.reload_if_changed(*data_audit_id);
  else s.state.reload_if_changed();
  auto snap = s.state.snapshot();
  Lang primary = snap->d.primary().primary;

  auto lang = parts.empty() ? std::nullopt : parse_lang(parts[0]);
  Ctx c{s.state, snap, req, lang.value_or(primary), {}};
  // Only the routes listed in routes.cpp are served.
  const RouteSpec* route = find_route(page_routes(), parts);
  if (!route) return not_found(c);
  if (!allows(*route, req.method)) return {405, "text/plain; charset=utf-8", "405\n", {{"Allow", std::string(route->methods)}}};
  if (parts.empty()) return redirect(fmt::format("/{}/", lang_code(primary)), 302);
  if (parts.size() == 1 && parts[0] == "healthz") return {200, "text/plain; charset=utf-8", "ok\n", {}};
  if (parts.size() == 2 && parts[0] == "static" && parts[1] == "style.css")
    return {200, "text/css; charset=utf-8", std::string(embedded::style_css), {{"Cache-Control", "max-age=3600"}}};
  if (parts.size() == 2 && parts[0] == "static" && parts[1] == "import.js") return import_script();
  if (parts.size() == 2 && parts[1] == "login") return login_page(c, s.limiter);
  if (parts.size() == 2 && parts[1] == "sso") return sso_start(c);
  if (parts.size() == 2 && parts[0] == "sso" && parts[1] == "callback") return sso_callback(c);
  if (parts.size() == 2 && parts[1] == "accessibility") {  // public: the law asks it of every service
    c.viewer = std::move(viewer);
    return accessibility_page(c);
  }
  if (parts.size() >= 2 && parts[1] == "public") {
    if (auto r = route_public(c, parts)) return *r;
    return not_found(c);
  }

  c.viewer = std::move(viewer);
  if (!c.viewer.logged_in()) {
    if (req.method != "GET") return forbidden(c);
    std::string target = req.path;
    if (!req.query.empty()) {
      target += '?';
      for (const auto& [k, v] : req.query) target += http::url_encode(k) + "=" + http::url_encode(v) + "&";
      target.pop_back();
    }
    return redirect(fmt::format("/{}/login?next={}", lang_code(c.lang), http::url_encode(target)));
  }
  // An upload's CSRF token is a field of its multipart body: the import page reads the body and
  // checks it before anything else (web/import_pages.cpp); no other route takes multipart.
  bool upload = req.method == "POST" && route->pattern == std::string_view("/{lang}/import");
  if (req.method == "POST" && !upload && !csrf_ok(c.viewer, req, req.form())) return forbidden(c);
  if (parts.size() == 2 && parts[1] == "logout") return logout(c);
  // A read page rendered from this snapshot for this very viewer and request is served again
  // (web/page_cache.h): the session was read above, and the key holds the user's grants, so the
  // route's own checks would decide the same. A 304 when the browser holds these bytes already.
  std::string key = page_cache_key(route->pattern, req, c.viewer, s.state.today());
  if (key.empty()) return route_pages(c, parts);
  auto kept = snap->pages.find(key);
  if (!kept) {
    http::Response r = route_pages(c, parts);
    if (r.status != 200 || r.later) return r;  // a later answer (a PDF) is made per request
    kept = snap->pages.store(key, std::move(r));
  }
  if (etag_matches(req.header("if-none-match"), kept->etag))
    return {304, "", "", {{"ETag", kept->etag}}};
  return kept->answer(req);
}

// The routes behind the login, after the session and CSRF checks.
http::Response route_pages(Ctx& c, const std::vector<std::string>& parts) {
  if (auto r = route_edit_pages(c, parts)) return *r;
  if (auto r = route_budget_pages(c, parts)) return *r;
  if (auto r = route_alternative_pages(c, parts)) return *r;
  if (auto r = route_round_pages(c, parts)) return *r;
  if (auto r = route_review_pages(c, parts)) return *r;
  if (auto r = route_comment_pages(c, parts)) return *r;
  if (auto r = route_admin_pages(c, parts)) return *r;
  if (auto r = route_calendar_edit(c, parts)) return *r;
  if (auto r = route_calendar(c, parts)) return *r;
  if (auto r = route_search(c, parts)) return *r;
  if (auto r = route_import_pages(c, parts)) return *r;
  if (parts.size() == 4 && parts[1] == "unit" && parts[3] == "ledger") return ledger_rows_page(c, parts[2]);
  if (auto r = route_translation_pages(c, parts)) return *r;
  if (auto r = route_home(c, parts)) return *r;
  if (auto r = route_read_pages(c, parts)) return *r;
  return not_found(c);
}

}  // namespace

http::Handler make_app(const std::string& db, AppOptions options) {
  auto served = std::make_shared<Served>(db, options);
  // Pages behind a login must not linger in shared or browser caches.
  auto no_store = [](http::Response& r) {
    bool cache_set = false;
    for (const auto& [k, v] : r.headers) cache_set = cache_set || k == "Cache-Control";
    if (!cache_set) r.headers.emplace_back("Cache-Control", "no-store");
  };
  return [served, no_store](const http::Request& req) -> http::Response {
    http::Response r = handle(*served, req);
    if (r.later)
      r.later = [later = std::move(r.later), no_store] {
        http::Response made = later();
        no_store(made);
        return made;
      };
    else
      no_store(r);
    return r;
  };
}

int serve_app(const std::string& db, const std::string& address, unsigned short port, unsigned threads,
              std::ostream& out, AppOptions options) {
  http::Server server(address, port, make_app(db, options), threads == 0 ? std::thread::hardware_concurrency() : threads);
  out << fmt::format("Toteuma: http://{}:{}/\n", address == "0.0.0.0" ? "localhost" : address, server.port()) << std::flush;
  http::run_until_signal(server);
  return 0;
}

}  // namespace toteuma
