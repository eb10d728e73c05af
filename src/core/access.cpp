#include "core/access.h"

#include <array>

namespace toteuma {

namespace {

constexpr std::array<std::pair<Role, const char*>, 6> kRoles{{{Role::admin, "admin"},
                                                              {Role::finance, "finance"},
                                                              {Role::editor, "editor"},
                                                              {Role::translator, "translator"},
                                                              {Role::approver, "approver"},
                                                              {Role::viewer, "viewer"}}};

bool has_role(const User& u, Role r) {
  for (const Grant& g : u.grants)
    if (g.role == r) return true;
  return false;
}

// An editor's unit covers itself and everything under it in the organisation of the year's
// first or last day, so a unit moved during the year stays editable by both sides.
bool covers(const Dataset& d, const std::string& granted, const std::string& unit, int year) {
  if (granted.empty()) return false;
  if (unit == granted) return true;
  return d.org_on(Date::first_of_year(year)).within(unit, granted) ||
         d.org_on(Date::last_of_year(year)).within(unit, granted);
}

bool edits_unit(const User& u, const Dataset& d, const std::string& unit, int year) {
  for (const Grant& g : u.grants)
    if (g.role == Role::editor && covers(d, g.unit, unit, year)) return true;
  return false;
}

}  // namespace

std::optional<Role> parse_role(const std::string& s) {
  for (const auto& [r, name] : kRoles)
    if (s == name) return r;
  return std::nullopt;
}

std::string to_string(Role r) {
  for (const auto& [role, name] : kRoles)
    if (role == r) return name;
  return "viewer";
}

bool valid_user_id(const std::string& id) {
  if (id.size() < 2 || id.size() > 64) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

std::optional<Grant> parse_grant(const std::string& s) {
  auto colon = s.find(':');
  auto role = parse_role(s.substr(0, colon));
  if (!role) return std::nullopt;
  Grant g{*role, "", std::nullopt};
  if (colon != std::string::npos) {
    std::string arg = s.substr(colon + 1);
    if (*role == Role::translator) {
      g.lang = parse_lang(arg);
      if (!g.lang) return std::nullopt;
    } else {
      g.unit = arg;
    }
  }
  if (!valid_grant(g)) return std::nullopt;
  return g;
}

std::string to_string(const Grant& g) {
  std::string s = to_string(g.role);
  if (!g.unit.empty()) s += ":" + g.unit;
  if (g.lang) s += ":" + std::string(lang_code(*g.lang));
  return s;
}

bool valid_grant(const Grant& g) {
  switch (g.role) {
    case Role::editor: return !g.unit.empty() && !g.lang;
    case Role::translator: return g.unit.empty() && g.lang.has_value();
    default: return g.unit.empty() && !g.lang;
  }
}

// A disabled user keeps the grants (enabling restores them) but may do nothing meanwhile.
bool is_admin(const User& u) { return !u.disabled && has_role(u, Role::admin); }

bool may_edit_figures(const User& u) { return is_admin(u) || (!u.disabled && has_role(u, Role::finance)); }

bool may_edit_text(const User& u, const Dataset& d, const std::string& unit, int year, Lang lang) {
  if (u.disabled) return false;
  if (is_admin(u) || edits_unit(u, d, unit, year)) return true;
  for (const Grant& g : u.grants)
    if (g.role == Role::translator && g.lang == lang) return true;
  return false;
}

bool may_edit_goals(const User& u, const Dataset& d, const std::string& unit, int year) {
  if (u.disabled) return false;
  return is_admin(u) || edits_unit(u, d, unit, year);
}

bool may_approve(const User& u) { return is_admin(u) || (!u.disabled && has_role(u, Role::approver)); }

}  // namespace toteuma
