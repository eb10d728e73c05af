// The administration of users, one function per write for both doors: `toteuma user …`
// (cli/user_commands.cpp) and the admin pages (web/admin_pages.cpp). Same checks, same writes,
// same audit rows (the store's: "user", "grant", "password", "user_state"; docs/USERS.md). The
// password itself (typed or generated, auth/password.h) is the caller's: this takes its hash.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "store/user_store.h"

namespace toteuma {

// Why a write was refused. The catalogue has each as "user_admin.<name>" (fi, sv); the command
// line also says it in English (three_languages).
enum class UserRefusal {
  invalid_id, no_name, exists, unknown_user, invalid_role, unknown_unit, unknown_group, short_password,
  last_admin,  // the write would leave no enabled admin (the web's rule: keep_an_admin)
  stale,       // the user changed after the form was opened (UserWrite::seen)
};
std::string to_string(UserRefusal why);  // "invalid_id", ...

struct UserRefused : MsgError {
  UserRefused(UserRefusal why, std::string detail);
  UserRefusal why;
  std::string detail;  // the id, role, unit or group refused
};
// "unknown unit / tuntematon yksikkö / okänd enhet: nowhere": the command line's form.
std::string three_languages(const UserRefused& e);

// The dataset an editor's unit or a council group is looked up in, read only when a grant names one.
using DatasetSource = std::function<const Dataset&()>;

// The conditions of a web write, checked in the write's own transaction.
struct UserWrite {
  // The user as the form showed it (user_fingerprint); a different user now refuses it as stale.
  std::optional<std::string> seen = std::nullopt;
  // Refuse a write that leaves no enabled admin (the web: an admin cannot lock the web out; the
  // command line, which whoever holds the database file runs, can always add one back).
  bool keep_an_admin = false;
};
// The user's roles and state as one text ("admin, viewer;enabled"): what `seen` compares.
std::string user_fingerprint(const User& u);

// A role in the compact form ("editor:kanslia"), checked: a known role of the right shape, an
// editor's unit in the dataset, a council group of the dataset (when `check_targets`: a revoke
// may name a unit that has since gone).
Grant checked_grant(const std::string& compact, const DatasetSource& d, bool check_targets = true);
// A grant made from the web's fields, checked the same way.
void check_grant(const Grant& g, const DatasetSource& d);

// A new user's id, display name and roles, and that the id is free: add_user's checks, for a
// caller to make before it makes (and shows) a password.
void check_new_user(UserStore& s, const User& u, const DatasetSource& d);
// `u.password_hash` set by the caller; checked as check_new_user, in the write's transaction.
void add_user(UserStore& s, const User& u, const DatasetSource& d);
void grant_roles(UserStore& s, const std::string& id, const std::vector<Grant>& grants, const DatasetSource& d,
                 const UserWrite& w = {});
void revoke_roles(UserStore& s, const std::string& id, const std::vector<Grant>& grants, const UserWrite& w = {});
// Ends every session of the user.
void set_user_password(UserStore& s, const std::string& id, const std::string& hash, const UserWrite& w = {});
// Disabling ends every session of the user.
void set_user_disabled(UserStore& s, const std::string& id, bool disabled, const UserWrite& w = {});

}  // namespace toteuma
