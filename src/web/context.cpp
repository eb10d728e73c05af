#include "web/web_templates.h"
#include "web/context.h"
#include "web/unit_nav.h"

#include <fmt/format.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "web/translation_pages.h"

namespace toteuma::web {

std::string Ctx::q(const char* key, const std::string& fallback) const {
  auto it = req.query.find(key);
  return it == req.query.end() ? fallback : it->second;
}

std::string render(std::string_view tpl, const mstch::map& ctx) { return mstch::render(std::string(tpl), ctx); }

std::string role_names(const User& u, Lang lang) {
  std::string out;
  for (const Grant& g : u.grants) {
    if (!out.empty()) out += ", ";
    out += tr("role." + to_string(g.role), lang);
    if (!g.unit.empty()) out += " " + g.unit;
    if (g.lang) out += " " + std::string(lang_code(*g.lang));
  }
  return out;
}

http::Response page(const Ctx& c, const std::string& title, const std::string& body, const std::string& other_href,
                    int status, const std::string& unit) {
  const Dataset& d = c.app().d;
  Lang lang = c.lang;
  bool in = c.viewer.logged_in();
  mstch::map ctx{{"lang", std::string(lang_code(lang))},
                 {"page_title", title},
                 {"site_title", tr("web.title", lang)},
                 {"municipality", (unit.empty() ? d.primary() : d.municipality_of(unit)).name.in(lang)},
                 {"skip", tr("web.skip", lang)},
                 {"nav_label", tr("web.nav", lang)},
                 {"other_href", other_href},
                 {"other_lang", std::string(lang_code(c.other()))},
                 {"other_label", tr("web.other_language", lang)},
                 {"units_label", tr("web.units", lang)},
                 {"calendar_label", tr("web.calendar", lang)},
                 {"checks_label", tr("web.checks", lang)},
                 {"search_label", tr("search.title", lang)},
                 {"translations", in && sees_translation_queue(*c.viewer.user)},  // the translations part
                 {"translations_label", tr("translations.title", lang)},
                 {"accessibility_label", tr("a11y.title", lang)},
                 {"audit_label", tr("web.audit", lang)},
                 {"admin_label", tr("admin.menu", lang)},
                 {"may_admin", in && may_manage_users(*c.viewer.user)},
                 {"import_label", tr("import.title", lang)},
                 {"may_import", in && may_edit_figures(*c.viewer.user)},  // web/import_pages.cpp: finance, admin
                 {"public_label", tr("web.public", lang)},
                 {"login_label", tr("web.login", lang)},
                 {"logout_label", tr("web.logout", lang)},
                 {"logged_in", in},
                 {"csrf", c.viewer.csrf},
                 {"user_name", in ? c.viewer.user->display_name : std::string()},
                 {"user_roles", in ? role_names(*c.viewer.user, lang) : std::string()},
                 {"notice", c.q("notice").empty() ? std::string() : tr("web.notice." + c.q("notice"), lang)},
                 {"unit_nav", unit.empty() ? std::string() : unit_nav_html(c, unit)},
                 {"body", body}};
  if (!c.q("notice").empty() && tr("web.notice." + c.q("notice"), lang) == "[missing text]") ctx["notice"] = std::string();
  http::Response r;
  r.status = status;
  r.body = render(embedded::layout_mustache, ctx);
  return r;
}

http::Response not_found(const Ctx& c) {
  std::string body = "<h1>" + html_escape(tr("web.not_found", c.lang)) + "</h1>";
  return page(c, tr("web.not_found", c.lang), body, fmt::format("/{}/", lang_code(c.other())), 404);
}

http::Response forbidden(const Ctx& c) {
  std::string body = "<h1>" + html_escape(tr("web.forbidden", c.lang)) + "</h1>\n<p>" +
                     html_escape(tr("web.forbidden_text", c.lang)) + "</p>";
  return page(c, tr("web.forbidden", c.lang), body, fmt::format("/{}/", lang_code(c.other())), 403);
}

http::Response bad_request(Lang lang) { return {400, "text/plain; charset=utf-8", tr("web.bad_request", lang) + "\n", {}}; }

http::Response redirect(const std::string& location, int status) { return {status, "", "", {{"Location", location}}}; }

std::map<std::string, std::string> form_fields(const http::Request& req) {
  auto form = req.form();
  for (auto& [k, v] : form) {
    std::string out;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
      if (!(v[i] == '\r' && i + 1 < v.size() && v[i + 1] == '\n')) out += v[i];
    v = std::move(out);
  }
  return form;
}

std::optional<int> parse_year(const std::string& s) {
  if (s.size() != 4) return std::nullopt;
  for (char ch : s)
    if (ch < '0' || ch > '9') return std::nullopt;
  int y = std::stoi(s);
  return y >= 1900 && y <= 2200 ? std::optional<int>(y) : std::nullopt;
}

std::optional<int> year_param(const http::Request& req, int fallback) {
  auto it = req.query.find("year");
  return it == req.query.end() ? std::optional<int>(fallback) : parse_year(it->second);
}

const UnitVersion* latest_version(const Dataset& d, const std::string& unit) {
  const UnitVersion* latest = nullptr;
  for (const auto& v : d.units)
    if (v.id == unit && (!latest || v.valid_from > latest->valid_from)) latest = &v;
  return latest;
}

}  // namespace toteuma::web
