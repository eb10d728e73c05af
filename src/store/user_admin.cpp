#include "store/user_admin.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/budgeting/alternative.h"

namespace toteuma {

namespace {

struct RefusalText {
  UserRefusal why;
  const char* name;
  const char* english;
};
constexpr std::array<RefusalText, 10> kRefusals{{
    {UserRefusal::invalid_id, "invalid_id", "invalid user id (a-z 0-9 . _ -, 2–64 characters)"},
    {UserRefusal::no_name, "no_name", "a display name is needed"},
    {UserRefusal::exists, "exists", "user exists"},
    {UserRefusal::unknown_user, "unknown_user", "unknown user"},
    {UserRefusal::invalid_role,
     "invalid_role", "invalid role (admin, finance, editor:UNIT, translator:fi|sv, approver, viewer, council-group:GROUP)"},
    {UserRefusal::unknown_unit, "unknown_unit", "unknown unit"},
    {UserRefusal::unknown_group, "unknown_group", "unknown council group"},
    {UserRefusal::short_password, "short_password", "password too short: at least 10 characters"},
    {UserRefusal::last_admin, "last_admin", "the last administrator cannot be disabled or lose the admin role"},
    {UserRefusal::stale, "stale", "the user was changed meanwhile"},
}};

const RefusalText& text_of(UserRefusal why) {
  return *std::find_if(kRefusals.begin(), kRefusals.end(), [&](const RefusalText& t) { return t.why == why; });
}

User existing(UserStore& s, const std::string& id) {
  auto u = s.user(id);
  if (!u) throw UserRefused(UserRefusal::unknown_user, id);
  return *u;
}

bool has_enabled_admin(UserStore& s) {
  auto all = s.users();
  return std::any_of(all.begin(), all.end(), [](const User& u) { return is_admin(u); });
}

// One write in one transaction: the user exists and is as the form showed it, the write, and
// then (the web) an enabled admin is left — else everything rolls back.
void guarded(UserStore& s, const std::string& id, const UserWrite& w, const std::function<void()>& write) {
  s.in_transaction([&] {
    User now = existing(s, id);
    if (w.seen && *w.seen != user_fingerprint(now)) throw UserRefused(UserRefusal::stale, id);
    write();
    if (w.keep_an_admin && !has_enabled_admin(s)) throw UserRefused(UserRefusal::last_admin, id);
  });
}

}  // namespace

std::string to_string(UserRefusal why) { return text_of(why).name; }

UserRefused::UserRefused(UserRefusal w, std::string d)
    : MsgError(msg("user_admin." + to_string(w))), why(w), detail(std::move(d)) {}

std::string three_languages(const UserRefused& e) {
  return fmt::format("{} / {} / {}: {}", text_of(e.why).english, e.message.in(Lang::fi), e.message.in(Lang::sv), e.detail);
}

std::string user_fingerprint(const User& u) {
  std::string roles;
  for (const Grant& g : u.grants) roles += (roles.empty() ? "" : ", ") + to_string(g);
  return roles + (u.disabled ? ";disabled" : ";enabled");
}

void check_grant(const Grant& g, const DatasetSource& d) {
  if (!valid_grant(g)) throw UserRefused(UserRefusal::invalid_role, to_string(g));
  if (g.role == Role::editor && !d().has_unit(g.unit)) throw UserRefused(UserRefusal::unknown_unit, g.unit);
  if (g.role == Role::council_group && !find_council_group(d(), g.unit)) throw UserRefused(UserRefusal::unknown_group, g.unit);
}

Grant checked_grant(const std::string& compact, const DatasetSource& d, bool check_targets) {
  auto g = parse_grant(compact);
  if (!g) throw UserRefused(UserRefusal::invalid_role, compact);
  if (check_targets) check_grant(*g, d);
  return *g;
}

void check_new_user(UserStore& s, const User& u, const DatasetSource& d) {
  if (!valid_user_id(u.id)) throw UserRefused(UserRefusal::invalid_id, u.id);
  if (u.display_name.find_first_not_of(" \t\r\n") == std::string::npos) throw UserRefused(UserRefusal::no_name, u.id);
  for (const Grant& g : u.grants) check_grant(g, d);
  if (s.user(u.id)) throw UserRefused(UserRefusal::exists, u.id);
}

void add_user(UserStore& s, const User& u, const DatasetSource& d) {
  s.in_transaction([&] {
    check_new_user(s, u, d);
    s.add_user(u);
  });
}

void grant_roles(UserStore& s, const std::string& id, const std::vector<Grant>& grants, const DatasetSource& d, const UserWrite& w) {
  for (const Grant& g : grants) check_grant(g, d);
  guarded(s, id, w, [&] {
    for (const Grant& g : grants) s.grant(id, g);
  });
}

void revoke_roles(UserStore& s, const std::string& id, const std::vector<Grant>& grants, const UserWrite& w) {
  guarded(s, id, w, [&] {
    for (const Grant& g : grants) s.revoke(id, g);
  });
}

void set_user_password(UserStore& s, const std::string& id, const std::string& hash, const UserWrite& w) {
  guarded(s, id, w, [&] { s.set_password(id, hash); });
}

void set_user_disabled(UserStore& s, const std::string& id, bool disabled, const UserWrite& w) {
  guarded(s, id, w, [&] { s.set_disabled(id, disabled); });
}

}  // namespace toteuma
