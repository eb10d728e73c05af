#include "cli/user_commands.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <stdexcept>

#include "auth/password.h"
#include "cli/commands.h"
#include "core/workplace/access.h"
#include "store/user_admin.h"
#include "store/user_store.h"

namespace toteuma {

namespace {

// The user store of `db`, every write audited as the command line's.
std::unique_ptr<UserStore> user_store(const std::string& db) {
  auto store = open_user_store(db);
  store->audit_as(cli_actor());
  return store;
}

// The stored dataset, read once and only when a role names a unit or a council group.
DatasetSource dataset_of(const std::string& db) {
  auto d = std::make_shared<std::optional<Dataset>>();
  return [d, db]() -> const Dataset& {
    if (!*d) *d = read_db(db);
    return **d;
  };
}

std::vector<Grant> grants_of(const UserOptions& o, const DatasetSource& d, bool check_targets) {
  std::vector<Grant> out;
  for (const auto& r : o.roles) out.push_back(checked_grant(r, d, check_targets));
  return out;
}

std::string roles_text(const User& u) {
  std::string s;
  for (const Grant& g : u.grants) s += (s.empty() ? "" : ", ") + to_string(g);
  return s;
}
std::string roles_text(UserStore& store, const std::string& id) { return roles_text(store.user(id).value_or(User{})); }

// The new password's hash: one line of `in`, or a random one printed once.
std::string new_password_hash(const UserOptions& o, std::istream& in, std::ostream& out) {
  std::string password;
  if (o.password_stdin) {
    if (!std::getline(in, password)) password.clear();
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (!auth::acceptable_password(password)) throw UserRefused(UserRefusal::short_password, o.id);
    return auth::hash_password(password);
  }
  password = auth::random_password();
  out << "password: " << password << "\n";
  return auth::hash_password(password);
}

// Refusals of the shared rules (store/user_admin.h) in the command line's three languages.
template <class F>
int refusing(F&& f) {
  try {
    return f();
  } catch (const UserRefused& e) {
    throw std::invalid_argument(three_languages(e));
  }
}

}  // namespace

int cmd_user_add(const UserOptions& o, std::istream& in, std::ostream& out) {
  return refusing([&] {
    auto store = user_store(o.db);
    auto d = dataset_of(o.db);
    User u{o.id, o.name, "", false, grants_of(o, d, true)};
    check_new_user(*store, u, d);  // before a password is printed
    u.password_hash = new_password_hash(o, in, out);
    add_user(*store, u, d);
    out << fmt::format("{}: {} ({})\n", u.id, u.display_name, roles_text(*store, u.id));
    return 0;
  });
}

int cmd_user_grant(const UserOptions& o, std::ostream& out) {
  return refusing([&] {
    auto store = user_store(o.db);
    if (!store->user(o.id)) throw UserRefused(UserRefusal::unknown_user, o.id);
    auto d = dataset_of(o.db);
    grant_roles(*store, o.id, grants_of(o, d, true), d);
    out << fmt::format("{}: {}\n", o.id, roles_text(*store, o.id));
    return 0;
  });
}

int cmd_user_revoke(const UserOptions& o, std::ostream& out) {
  return refusing([&] {
    auto store = user_store(o.db);
    revoke_roles(*store, o.id, grants_of(o, dataset_of(o.db), false));
    out << fmt::format("{}: {}\n", o.id, roles_text(*store, o.id));
    return 0;
  });
}

int cmd_user_passwd(const UserOptions& o, std::istream& in, std::ostream& out) {
  return refusing([&] {
    auto store = user_store(o.db);
    if (!store->user(o.id)) throw UserRefused(UserRefusal::unknown_user, o.id);
    set_user_password(*store, o.id, new_password_hash(o, in, out));
    out << fmt::format("{}: password changed, sessions ended / salasana vaihdettu / lösenordet bytt\n", o.id);
    return 0;
  });
}

int cmd_user_disable(const UserOptions& o, std::ostream& out) {
  return refusing([&] {
    set_user_disabled(*user_store(o.db), o.id, true);
    out << fmt::format("{}: disabled / poistettu käytöstä / inaktiverad\n", o.id);
    return 0;
  });
}

int cmd_user_enable(const UserOptions& o, std::ostream& out) {
  return refusing([&] {
    set_user_disabled(*user_store(o.db), o.id, false);
    out << fmt::format("{}: enabled / otettu käyttöön / aktiverad\n", o.id);
    return 0;
  });
}

int cmd_user_list(const UserOptions& o, std::ostream& out) {
  auto store = user_store(o.db);
  for (const User& u : store->users())
    out << fmt::format("{:<20} {:<30} {}{}\n", u.id, u.display_name, roles_text(u),
                       u.disabled ? "  [disabled / ei käytössä / inaktiverad]" : "");
  return 0;
}

UserCommand::UserCommand(CLI::App& app) {
  user_ = app.add_subcommand("user", "Users of the web workplace / Käyttäjät / Användare (docs/USERS.md)");
  user_->require_subcommand(1);
  auto sub = [&](const char* name, const char* help, bool with_id = true) {
    auto* c = user_->add_subcommand(name, help);
    c->add_option("--db", o_.db, kDbOption)->envname("TOTEUMA_DB")->required();
    if (with_id) c->add_option("id", o_.id, "user id [a-z0-9._-]{2,64}")->required();
    return c;
  };
  const char* role_help = "role[:unit-or-language]: admin, finance, editor:UNIT, translator:fi|sv, approver, viewer, council-group:GROUP";
  add_ = sub("add", "add a user / lisää käyttäjä / lägg till användare");
  add_->add_option("--name", o_.name, "display name / nimi / namn")->required();
  add_->add_option("--role", o_.roles, role_help);
  add_->add_flag("--password-stdin", o_.password_stdin, "read the password (one line) from standard input");
  grant_ = sub("grant", "grant roles / anna rooli / ge roll");
  grant_->add_option("--role", o_.roles, role_help)->required();
  revoke_ = sub("revoke", "revoke roles / poista rooli / ta bort roll");
  revoke_->add_option("--role", o_.roles, role_help)->required();
  passwd_ = sub("passwd", "set a new password; ends the user's sessions / vaihda salasana / byt lösenord");
  passwd_->add_flag("--password-stdin", o_.password_stdin, "read the password (one line) from standard input");
  disable_ = sub("disable", "prevent logging in; ends sessions / estä kirjautuminen / förhindra inloggning");
  enable_ = sub("enable", "allow logging in again / salli kirjautuminen / tillåt inloggning");
  list_ = sub("list", "list users and roles / luettele käyttäjät / lista användare", false);
}

bool UserCommand::parsed() const { return user_->parsed(); }

int UserCommand::run(std::istream& in, std::ostream& out) const {
  if (add_->parsed()) return cmd_user_add(o_, in, out);
  if (grant_->parsed()) return cmd_user_grant(o_, out);
  if (revoke_->parsed()) return cmd_user_revoke(o_, out);
  if (passwd_->parsed()) return cmd_user_passwd(o_, in, out);
  if (disable_->parsed()) return cmd_user_disable(o_, out);
  if (enable_->parsed()) return cmd_user_enable(o_, out);
  if (list_->parsed()) return cmd_user_list(o_, out);
  return 1;
}

}  // namespace toteuma
