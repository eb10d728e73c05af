#include "core/workplace/access.h"

#include <algorithm>
#include <array>

namespace toteuma {

namespace {

constexpr std::array<std::pair<Role, const char*>, 7> kRoles{{{Role::admin, "admin"},
                                                              {Role::finance, "finance"},
                                                              {Role::editor, "editor"},
                                                              {Role::translator, "translator"},
                                                              {Role::approver, "approver"},
                                                              {Role::viewer, "viewer"},
                                                              {Role::council_group, "council-group"}}};

// An editor's unit covers itself and everything under it in the organisation of the year's
// first or last day, so a unit moved during the year stays editable by both sides.
bool covers(const Dataset& d, const std::string& granted, const std::string& unit, int year) {
  if (granted.empty() || unit.empty()) return false;
  if (unit == granted) return true;
  return d.org_on(Date::first_of_year(year)).within(unit, granted) ||
         d.org_on(Date::last_of_year(year)).within(unit, granted);
}

// How far a role's right reaches: nowhere, every unit and language, the editor's unit (and its
// sub-units), the translator's language, or the council group's own.
enum class Reach { none, all, unit, lang, group };
constexpr std::size_t kRightCount = static_cast<std::size_t>(Right::edit_calendar) + 1;

struct RoleRights {
  Role role;
  std::array<Reach, kRightCount> reach;  // indexed by Right
};

// THE rights table (docs/USERS.md shows the same table; change both together).
constexpr Reach N = Reach::none, A = Reach::all, U = Reach::unit, L = Reach::lang, G = Reach::group;
constexpr std::array<RoleRights, 7> kRights{{
    //                   read figures text goals ready approve propose alternative comment users calendar
    {Role::admin,       {A,   A,      A,   A,    A,    A,      A,      N,          A,      A,    A}},
    {Role::finance,     {A,   A,      N,   N,    N,    N,      N,      N,          A,      N,    A}},
    {Role::editor,      {A,   N,      U,   U,    U,    N,      U,      N,          A,      N,    N}},
    {Role::translator,  {A,   N,      L,   N,    N,    N,      N,      N,          A,      N,    N}},
    {Role::approver,    {A,   N,      N,   N,    A,    A,      N,      N,          A,      N,    N}},
    {Role::viewer,      {A,   N,      N,   N,    N,    N,      N,      N,          N,      N,    N}},
    {Role::council_group, {A, N,      N,   N,    N,    N,      N,      G,          N,      N,    N}},
}};

bool reaches(const Grant& g, Reach reach, const AccessScope& s) {
  switch (reach) {
    case Reach::none: return false;
    case Reach::all: return true;
    case Reach::unit: return s.d && covers(*s.d, g.unit, s.unit, s.year);
    case Reach::lang: return g.lang && s.lang == g.lang;
    case Reach::group: return !g.unit.empty() && g.unit == s.group;
  }
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
    case Role::editor:
    case Role::council_group: return !g.unit.empty() && !g.lang;
    case Role::translator: return g.unit.empty() && g.lang.has_value();
    default: return g.unit.empty() && !g.lang;
  }
}

// A disabled user keeps the grants (enabling restores them) but may do nothing meanwhile.
bool may(const User& u, Right r, const AccessScope& scope) {
  if (u.disabled) return false;
  for (const Grant& g : u.grants)
    for (const RoleRights& rr : kRights)
      if (rr.role == g.role && reaches(g, rr.reach[static_cast<std::size_t>(r)], scope)) return true;
  return false;
}

bool is_admin(const User& u) {
  return !u.disabled && std::any_of(u.grants.begin(), u.grants.end(), [](const Grant& g) { return g.role == Role::admin; });
}

bool may_edit_figures(const User& u) { return may(u, Right::edit_figures); }

bool may_edit_text(const User& u, const Dataset& d, const std::string& unit, int year, Lang lang) {
  return may(u, Right::edit_text, {&d, unit, year, lang});
}

bool may_edit_goals(const User& u, const Dataset& d, const std::string& unit, int year) {
  return may(u, Right::edit_goals, {&d, unit, year, std::nullopt});
}

bool may_mark_ready(const User& u, const Dataset& d, const std::string& unit, int year) {
  return may(u, Right::mark_ready, {&d, unit, year, std::nullopt});
}

bool may_approve(const User& u) { return may(u, Right::approve); }
bool may_manage_users(const User& u) { return may(u, Right::manage_users); }
bool may_edit_calendar(const User& u) { return may(u, Right::edit_calendar); }

bool may_propose(const User& u, const Dataset& d, const std::string& unit, int year) {
  return may(u, Right::propose, {&d, unit, year, std::nullopt});
}

bool may_edit_alternative(const User& u, const std::string& group) {
  return may(u, Right::alternative, {nullptr, "", 0, std::nullopt, group});
}

bool may_read_alternative(const User& u, const std::string& group, bool published) {
  return published ? may(u, Right::read) : may_edit_alternative(u, group);
}

}  // namespace toteuma
