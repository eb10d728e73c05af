#include "web/admin_pages.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "auth/password.h"
#include "core/budgeting/alternative.h"
#include "core/date.h"
#include "core/i18n.h"
#include "store/user_admin.h"
#include "web/form_parts.h"
#include "web/page_text.h"

namespace toteuma::web {

namespace {

using namespace page_text;

std::string base(Lang lang) { return "/" + lc(lang) + "/admin/users"; }
std::string user_href(Lang lang, const std::string& id) { return "/" + lc(lang) + "/admin/users/" + http::url_encode(id); }

std::string state_text(const User& u, Lang lang) { return tr(u.disabled ? "admin.disabled" : "admin.enabled", lang); }

// A grant in words: "yksikön muokkaaja: Kanslia", "kääntäjä: ruotsi".
std::string grant_text(const Dataset& d, const Grant& g, Lang lang) {
  std::string t = tr("role." + to_string(g.role), lang);
  if (g.role == Role::editor) {
    const UnitVersion* u = latest_version(d, g.unit);
    t += ": " + (u ? u->name.shown(lang) : g.unit);
  } else if (g.role == Role::council_group) {
    const CouncilGroup* cg = find_council_group(d, g.unit);
    t += ": " + (cg ? cg->name.shown(lang) : g.unit);
  } else if (g.lang) {
    t += ": " + tr(std::string("admin.lang.") + std::string(lang_code(*g.lang)), lang);
  }
  return t;
}

std::string roles_words(const Dataset& d, const User& u, Lang lang) {
  std::string out;
  for (const Grant& g : u.grants) out += (out.empty() ? "" : ", ") + grant_text(d, g, lang);
  return out.empty() ? tr("admin.no_roles", lang) : out;
}

// The refusal page: 409 for a stale form or the last admin, 400 for anything the admin can correct.
http::Response refused(const Ctx& c, const UserRefused& r, const std::string& back) {
  bool conflict = r.why == UserRefusal::stale || r.why == UserRefusal::last_admin;
  std::string said = r.message.in(c.lang) + (r.why == UserRefusal::last_admin || r.detail.empty() ? "" : ": " + r.detail);
  std::string body = fmt::format("<h1>{}</h1>\n<p class=\"error\" role=\"alert\">{}</p>\n<p><a href=\"{}\">{}</a></p>\n",
                                 e(tr(conflict ? "web.stale_heading" : "admin.refused", c.lang)), e(said), e(back),
                                 e(tr("web.return", c.lang)));
  return page(c, tr("admin.refused", c.lang), body, base(c.other()), conflict ? 409 : 400);
}

// ---- the role fields (add and grant) -------------------------------------------------------------

std::string option(const std::string& value, const std::string& text, bool selected = false) {
  return fmt::format("<option value=\"{}\"{}>{}</option>", e(value), selected ? " selected" : "", e(text));
}

// Non-breaking spaces before a unit's name by its depth in the organisation (a list shows the tree).
std::string indent(int depth) {
  std::string out;
  for (int i = 0; i < std::min(depth, 4); ++i) out += "\u00a0\u00a0";
  return out;
}

// Role, and the unit (editor), language (translator) or council group it is granted for.
std::string role_fields(const Ctx& c, const std::string& prefix, bool optional_role) {
  const Dataset& d = c.app().d;
  std::string roles = optional_role ? option("", tr("admin.role_none", c.lang)) : "";
  for (Role r : {Role::viewer, Role::editor, Role::translator, Role::approver, Role::finance, Role::council_group, Role::admin})
    roles += option(to_string(r), tr("role." + to_string(r), c.lang));
  std::string units;
  for (const auto& [u, depth] : d.org_on(today()).tree())
    units += option(u->id, indent(depth) + u->name.shown(c.lang) + " (" + u->id + ")");
  std::string langs = option("fi", tr("admin.lang.fi", c.lang)) + option("sv", tr("admin.lang.sv", c.lang));
  std::string groups = option("", "–");
  for (const auto& g : d.budgeting.groups) groups += option(g.id, g.name.shown(c.lang));
  auto field = [&](const char* name, const char* label, const std::string& options) {
    return fmt::format("<p><label for=\"{0}{1}\">{2}</label><br><select id=\"{0}{1}\" name=\"{1}\">{3}</select></p>", prefix, name,
                       e(tr(label, c.lang)), options);
  };
  return field("role", optional_role ? "admin.first_role" : "admin.role", roles) + field("unit", "admin.unit", units) +
         field("lang", "admin.lang", langs) + field("group", "admin.group", groups) +
         "<p class=\"hint\">" + e(tr("admin.role_hint", c.lang)) + "</p>";
}

// The grant the role fields give; nullopt for "no role". Refused as invalid_role for an unknown role.
std::optional<Grant> grant_from(std::map<std::string, std::string>& form) {
  if (form["role"].empty()) return std::nullopt;
  auto role = parse_role(form["role"]);
  if (!role) throw UserRefused(UserRefusal::invalid_role, form["role"]);
  Grant g{*role, "", std::nullopt};
  if (*role == Role::editor) g.unit = form["unit"];
  if (*role == Role::council_group) g.unit = form["group"];
  if (*role == Role::translator) {
    g.lang = parse_lang(form["lang"]);
    if (!g.lang) throw UserRefused(UserRefusal::invalid_role, "translator:" + form["lang"]);
  }
  return g;
}

// Typed twice, or one made here and shown once: the password fields of adding a user and of a new password.
std::string password_fields(const Ctx& c, const std::string& prefix) {
  return fmt::format(
      "<fieldset><legend>{0}</legend>"
      "<p><input type=\"radio\" id=\"{1}way-typed\" name=\"way\" value=\"typed\" checked> <label for=\"{1}way-typed\">{2}</label></p>"
      "<p><label for=\"{1}password\">{3}</label><br><input type=\"password\" id=\"{1}password\" name=\"password\" autocomplete=\"new-password\"></p>"
      "<p><label for=\"{1}password2\">{4}</label><br><input type=\"password\" id=\"{1}password2\" name=\"password2\" autocomplete=\"new-password\"></p>"
      "<p><input type=\"radio\" id=\"{1}way-generated\" name=\"way\" value=\"generated\"> <label for=\"{1}way-generated\">{5}</label></p>"
      "</fieldset>",
      e(tr("admin.password_way", c.lang)), prefix, e(tr("admin.password_typed", c.lang)), e(tr("admin.password", c.lang)),
      e(tr("admin.password_again", c.lang)), e(tr("admin.password_generated", c.lang)));
}

// The password the form gives: typed twice (refused unless the same and acceptable), or a random
// one (`shown` receives it, to be shown once).
std::optional<std::string> password_from(std::map<std::string, std::string>& form, const std::string& id, std::string& shown,
                                         bool& mismatch) {
  if (form["way"] == "generated") {
    shown = auth::random_password();
    return shown;
  }
  if (form["password"] != form["password2"]) {
    mismatch = true;
    return std::nullopt;
  }
  if (!auth::acceptable_password(form["password"])) throw UserRefused(UserRefusal::short_password, id);
  return form["password"];
}

http::Response mismatch_page(const Ctx& c, const std::string& back) {
  std::string body = fmt::format("<h1>{}</h1>\n<p class=\"error\" role=\"alert\">{}</p>\n<p><a href=\"{}\">{}</a></p>\n",
                                 e(tr("admin.refused", c.lang)), e(tr("admin.password_mismatch", c.lang)), e(back), e(tr("web.return", c.lang)));
  return page(c, tr("admin.refused", c.lang), body, base(c.other()), 400);
}

// The one-time password, on the answer to the POST only (never in a URL or a log).
http::Response one_time_page(const Ctx& c, const std::string& id, const std::string& password) {
  std::string body = fmt::format(
      "<h1>{}</h1>\n<p role=\"status\">{}</p>\n<p class=\"one-time\"><code id=\"one-time-password\">{}</code></p>\n<p><a href=\"{}\">{}</a></p>\n",
      e(tr("admin.one_time_title", c.lang)), e(tf("admin.one_time", c.lang, id)), e(password), e(user_href(c.lang, id)),
      e(tf("admin.user_title", c.lang, id)));
  return page(c, tr("admin.one_time_title", c.lang), body, user_href(c.other(), id));
}

// The store of the web with this admin as the author of the audit rows.
template <class F>
void as_admin(const Ctx& c, F&& f) {
  c.state.with_users([&](UserStore& s) {
    s.audit_as(Actor{c.viewer.user->id, "web"});
    f(s);
  });
}

DatasetSource snapshot_of(const Ctx& c) {
  auto snap = c.snap;
  return [snap]() -> const Dataset& { return snap->d; };
}

// ---- /{lang}/admin/users --------------------------------------------------------------------------

http::Response users_page(const Ctx& c) {
  const Dataset& d = c.app().d;
  if (c.req.method == "POST") {
    auto form = form_fields(c.req);
    const std::string id = form["id"];
    std::string shown;
    bool mismatch = false;
    try {
      User u{id, form["name"], "", false, {}};
      if (auto g = grant_from(form)) u.grants.push_back(*g);
      c.state.with_users([&](UserStore& s) { check_new_user(s, u, snapshot_of(c)); });  // before a password is made
      auto password = password_from(form, id, shown, mismatch);
      if (!password) return mismatch_page(c, base(c.lang));
      u.password_hash = auth::hash_password(*password);
      as_admin(c, [&](UserStore& s) { add_user(s, u, snapshot_of(c)); });
    } catch (const UserRefused& r) {
      return refused(c, r, base(c.lang));
    }
    if (!shown.empty()) return one_time_page(c, id, shown);
    return redirect(with_notice(user_href(c.lang, id), "user_added"));
  }
  auto users = c.state.with_users([](UserStore& s) { return s.users(); });
  std::string rows;
  for (const User& u : users)
    rows += fmt::format("<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td>{}</td><td>{}</td><td{}>{}</td></tr>\n", e(user_href(c.lang, u.id)),
                        e(u.id), e(u.display_name), e(roles_words(d, u, c.lang)), u.disabled ? " class=\"off\"" : "",
                        e(state_text(u, c.lang)));
  std::string body = "<h1>" + e(tr("admin.users_title", c.lang)) + "</h1>\n";
  body += fmt::format(
      "<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"{0}\"><table class=\"users\"><caption>{0}</caption><thead><tr>"
      "<th scope=\"col\">{1}</th><th scope=\"col\">{2}</th><th scope=\"col\">{3}</th><th scope=\"col\">{4}</th></tr></thead><tbody>\n{5}"
      "</tbody></table></div>\n",
      e(tr("admin.users_title", c.lang)), e(tr("admin.col.id", c.lang)), e(tr("admin.col.name", c.lang)), e(tr("admin.col.roles", c.lang)),
      e(tr("admin.col.state", c.lang)), rows);
  body += fmt::format(
      "<h2 id=\"add\">{0}</h2>\n<form class=\"edit admin-add\" method=\"post\" action=\"{1}\">{2}"
      "<p><label for=\"new-id\">{3}</label><br><input id=\"new-id\" name=\"id\" required pattern=\"[a-z0-9._\\-]{{2,64}}\" "
      "aria-describedby=\"new-id-hint\" autocomplete=\"off\"> <span class=\"hint\" id=\"new-id-hint\">{4}</span></p>"
      "<p><label for=\"new-name\">{5}</label><br><input id=\"new-name\" name=\"name\" required size=\"40\" autocomplete=\"off\"></p>"
      "{6}{7}<p><button type=\"submit\">{8}</button></p></form>\n",
      e(tr("admin.add_title", c.lang)), e(base(c.lang)), csrf_field(c), e(tr("admin.col.id", c.lang)), e(tr("admin.id_hint", c.lang)),
      e(tr("admin.col.name", c.lang)), role_fields(c, "new-", true), password_fields(c, "new-"), e(tr("admin.add_button", c.lang)));
  return page(c, tr("admin.users_title", c.lang), body, base(c.other()));
}

// ---- /{lang}/admin/users/{id} ---------------------------------------------------------------------

// Whether `u` is the only enabled admin: then the page says why the admin role and disabling are refused.
bool last_admin(const std::vector<User>& all, const User& u) {
  return is_admin(u) && std::count_if(all.begin(), all.end(), [](const User& x) { return is_admin(x); }) == 1;
}

http::Response user_page(const Ctx& c, const std::string& id) {
  const Dataset& d = c.app().d;
  auto all = c.state.with_users([](UserStore& s) { return s.users(); });
  auto it = std::find_if(all.begin(), all.end(), [&](const User& u) { return u.id == id; });
  if (it == all.end()) return not_found(c);
  const User u = *it;
  const std::string self = user_href(c.lang, id);
  if (c.req.method == "POST") {
    auto form = form_fields(c.req);
    const std::string action = form["do"];
    // The user as the form showed it: a form opened before another change is stale (409).
    UserWrite w{form.count("seen") ? std::optional(form["seen"]) : std::nullopt, true};
    std::string shown, notice = "saved";
    bool mismatch = false;
    try {
      if (action == "grant") {
        auto g = grant_from(form);
        if (!g) throw UserRefused(UserRefusal::invalid_role, "");
        as_admin(c, [&](UserStore& s) { grant_roles(s, id, {*g}, snapshot_of(c), w); });
      } else if (action == "revoke") {
        auto g = parse_grant(form["role"]);
        if (!g) throw UserRefused(UserRefusal::invalid_role, form["role"]);
        as_admin(c, [&](UserStore& s) { revoke_roles(s, id, {*g}, w); });
      } else if (action == "disable" || action == "enable") {
        as_admin(c, [&](UserStore& s) { set_user_disabled(s, id, action == "disable", w); });
      } else if (action == "password") {
        auto password = password_from(form, id, shown, mismatch);
        if (!password) return mismatch_page(c, self);
        std::string hash = auth::hash_password(*password);
        as_admin(c, [&](UserStore& s) { set_user_password(s, id, hash, w); });
        notice = "password_changed";
      } else {
        return bad_request(c.lang);
      }
    } catch (const UserRefused& r) {
      return refused(c, r, self);
    }
    if (!shown.empty()) return one_time_page(c, id, shown);
    // The admin's own password or state: their session has ended; the next page asks to log in.
    return redirect(with_notice(self, notice));
  }

  const std::string seen = "<input type=\"hidden\" name=\"seen\" value=\"" + e(user_fingerprint(u)) + "\">";
  const bool only_admin = last_admin(all, u);
  std::string body = fmt::format("<h1>{}</h1>\n<p><a href=\"{}\">{}</a></p>\n", e(tf("admin.user_title", c.lang, u.display_name + " (" + u.id + ")")),
                                 e(base(c.lang)), e(tr("admin.back", c.lang)));
  if (only_admin) body += "<p class=\"notice-box\" role=\"note\">" + e(tr("admin.last_admin_note", c.lang)) + "</p>\n";
  // Signs in through the provider: what is changed here lasts only until the next sign-in.
  if (auto issuer = c.state.with_users([&](UserStore& s) { return s.identity_issuer(u.id); }))
    body += "<p class=\"notice-box\" role=\"note\" id=\"sso-user\">" + e(tf("admin.sso_user_note", c.lang, *issuer)) + "</p>\n";
  // State.
  body += fmt::format("<h2>{}</h2>\n<form class=\"edit admin-state\" method=\"post\" action=\"{}\">{}{}<p>{} "
                      "<input type=\"hidden\" name=\"do\" value=\"{}\"><button type=\"submit\">{}</button></p></form>\n",
                      e(tr("admin.state_title", c.lang)), e(self), csrf_field(c), seen, e(tf("admin.state_now", c.lang, state_text(u, c.lang))),
                      u.disabled ? "enable" : "disable", e(tr(u.disabled ? "admin.enable" : "admin.disable", c.lang)));
  // Roles, each with its own revoke form.
  std::string roles;
  for (const Grant& g : u.grants)
    roles += fmt::format("<li><form class=\"inline\" method=\"post\" action=\"{}\">{}{}<input type=\"hidden\" name=\"do\" value=\"revoke\">"
                         "<input type=\"hidden\" name=\"role\" value=\"{}\">{} <button type=\"submit\" aria-label=\"{}\">{}</button></form></li>",
                         e(self), csrf_field(c), seen, e(to_string(g)), e(grant_text(d, g, c.lang)),
                         e(tf("admin.revoke_label", c.lang, grant_text(d, g, c.lang))), e(tr("admin.revoke", c.lang)));
  body += "<h2>" + e(tr("admin.roles_title", c.lang)) + "</h2>\n";
  body += roles.empty() ? "<p>" + e(tr("admin.no_roles", c.lang)) + "</p>\n" : "<ul class=\"roles\">" + roles + "</ul>\n";
  body += fmt::format("<h2>{}</h2>\n<form class=\"edit admin-grant\" method=\"post\" action=\"{}\">{}{}<input type=\"hidden\" name=\"do\" value=\"grant\">"
                      "{}<p><button type=\"submit\">{}</button></p></form>\n",
                      e(tr("admin.grant_title", c.lang)), e(self), csrf_field(c), seen, role_fields(c, "grant-", false),
                      e(tr("admin.grant_button", c.lang)));
  // A new password.
  body += fmt::format("<h2>{}</h2>\n<form class=\"edit admin-password\" method=\"post\" action=\"{}\">{}{}<input type=\"hidden\" name=\"do\" value=\"password\">"
                      "<p>{}</p>{}<p><button type=\"submit\">{}</button></p></form>\n",
                      e(tr("admin.password_title", c.lang)), e(self), csrf_field(c), seen, e(tr("admin.password_note", c.lang)),
                      password_fields(c, "pw-"), e(tr("admin.password_button", c.lang)));
  return page(c, tf("admin.user_title", c.lang, u.id), body, user_href(c.other(), id));
}

}  // namespace

std::optional<http::Response> route_admin_pages(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() < 3 || parts[1] != "admin" || parts[2] != "users") return std::nullopt;
  if (!may_manage_users(*c.viewer.user)) return forbidden(c);
  if (parts.size() == 3) return users_page(c);
  if (parts.size() == 4) return user_page(c, parts[3]);
  return std::nullopt;
}

}  // namespace toteuma::web
