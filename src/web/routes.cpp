#include "web/routes.h"

#include "core/lang.h"
#include "core/text.h"

namespace toteuma::web {

const std::vector<RouteSpec>& page_routes() {
  static const std::vector<RouteSpec> r{
      // public
      {"/", "GET"},
      {"/healthz", "GET"},
      {"/static/style.css", "GET"},
      {"/{lang}/login", "GET, POST"},
      // single sign-on (web/sso_routes.cpp): 404 unless `serve --sso-config` is given
      {"/{lang}/sso", "GET"},
      {"/sso/callback", "GET"},
      {"/{lang}/public", "GET"},
      {"/{lang}/accessibility", "GET"},
      {"/{lang}/public/{id}", "GET"},
      // behind the login
      {"/{lang}/logout", "POST"},
      {"/{lang}", "GET"},
      {"/{lang}/checks", "GET"},
      {"/{lang}/calendar", "GET"},
      {"/{lang}/search", "GET"},
      {"/{lang}/audit", "GET"},
      {"/{lang}/scenarios", "GET, POST"},
      {"/{lang}/ledger/close", "POST"},
      {"/{lang}/versions/{id}", "GET"},
      {"/{lang}/unit/{unit}", "GET"},
      {"/{lang}/unit/{unit}/explain", "GET"},
      {"/{lang}/unit/{unit}/goals", "GET"},
      {"/{lang}/unit/{unit}/personnel", "GET"},
      {"/{lang}/unit/{unit}/document", "GET"},
      {"/{lang}/unit/{unit}/table.csv", "GET"},
      {"/{lang}/unit/{unit}/texts", "GET"},
      {"/{lang}/unit/{unit}/narrative", "GET, POST"},
      {"/{lang}/unit/{unit}/figures", "GET, POST"},
      {"/{lang}/unit/{unit}/goals/edit", "GET, POST"},
      {"/{lang}/unit/{unit}/review", "GET, POST"},
      {"/{lang}/unit/{unit}/proposal", "GET, POST"},
      // councillors' alternative budgets (web/alternative_pages.cpp)
      {"/{lang}/budget/{version}/alternatives", "GET, POST"},
      {"/{lang}/budget/{version}/alternatives/document", "GET"},
      {"/{lang}/alternative/{id}", "GET, POST"},
      // finance's budget round (web/round_page*.cpp)
      {"/{lang}/budget/{year}", "GET, POST"},
      {"/{lang}/budget/{year}/versions", "GET"},
      // the spending plan of a year (web/spending_page.cpp)
      {"/{lang}/budget/{year}/spending-plan", "GET, POST"},
      // comments: a table row's thread, the unit's threads, every thread's forms (web/comment_pages.cpp)
      {"/{lang}/unit/{unit}/comments", "GET, POST"},
      // admin: users and roles (web/admin_pages.cpp), the annual clock's editing (web/calendar_edit.cpp)
      {"/{lang}/admin/users", "GET, POST"},
      {"/{lang}/admin/users/{id}", "GET, POST"},
      {"/{lang}/calendar/edit", "GET, POST"},
      {"/{lang}/calendar/edit/{item}", "GET, POST"},
      // imports by upload and the ledger rows behind a figure (web/import_pages.cpp, web/ledger_rows_page.cpp)
      {"/static/import.js", "GET"},
      {"/{lang}/import", "GET, POST"},
      {"/{lang}/unit/{unit}/ledger", "GET"},
      // the translator's queue (web/translation_pages.cpp)
      {"/{lang}/translations", "GET"},
  };
  return r;
}

bool matches(const RouteSpec& r, const std::vector<std::string>& parts) {
  // The pattern's segments read in place: this runs for every route on every request.
  std::string_view rest = r.pattern;
  std::size_t i = 0;
  while (!rest.empty()) {
    if (rest.front() == '/') {
      rest.remove_prefix(1);
      continue;
    }
    std::string_view w = rest.substr(0, rest.find('/'));
    rest.remove_prefix(w.size());
    if (i == parts.size()) return false;
    if (w == "{lang}") {
      if (!parse_lang(parts[i])) return false;
    } else if (!(w.front() == '{' && w.back() == '}') && w != parts[i]) {
      return false;
    }
    ++i;
  }
  return i == parts.size();
}

const RouteSpec* find_route(const std::vector<RouteSpec>& routes, const std::vector<std::string>& parts) {
  for (const RouteSpec& r : routes)
    if (matches(r, parts)) return &r;
  return nullptr;
}

bool allows(const RouteSpec& r, std::string_view method) {
  for (const auto& m : split_nonempty(r.methods, ','))
    if ((m.front() == ' ' ? m.substr(1) : m) == method) return true;
  return false;
}

}  // namespace toteuma::web
