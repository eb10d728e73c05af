#include "cli/user_commands.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <stdexcept>

#include "auth/password.h"
#include "cli/commands.h"
#include "core/workplace/access.h"
#include "store/user_store.h"

namespace toteuma {

namespace {

[[noreturn]] void fail(const std::string& en, const std::string& fi, const std::string& sv, const std::string& what) {
  throw std::invalid_argument(fmt::format("{} / {} / {}: {}", en, fi, sv, what));
}

void require_valid_id(const std::string& id) {
  if (!valid_user_id(id))
    fail("invalid user id (a-z 0-9 . _ -, 2–64 characters)", "virheellinen käyttäjätunnus (a-z 0-9 . _ -, 2–64 merkkiä)",
         "ogiltigt användar-id (a-z 0-9 . _ -, 2–64 tecken)", id);
}

// The user store of `db`, every write audited as the command line's.
std::unique_ptr<UserStore> user_store(const std::string& db) {
  auto store = open_sqlite_user_store(db);
  store->audit_as(cli_actor());
  return store;
}

User existing(UserStore& store, const std::string& id) {
  auto u = store.user(id);
  if (!u) fail("unknown user", "tuntematon käyttäjä", "okänd användare", id);
  return *u;
}

// The --role values as grants; an editor's unit must exist in the stored dataset when
// `check_units` (revoking may name a unit that has since gone).
std::vector<Grant> grants_of(const UserOptions& o, bool check_units) {
  std::vector<Grant> out;
  std::optional<Dataset> d;
  for (const auto& r : o.roles) {
    auto g = parse_grant(r);
    if (!g)
      fail("invalid role (admin, finance, editor:UNIT, translator:fi|sv, approver, viewer, council-group:GROUP)",
           "virheellinen rooli", "ogiltig roll", r);
    if (check_units && g->role == Role::editor) {
      if (!d) d = read_db(o.db);
      if (!d->has_unit(g->unit)) fail("unknown unit", "tuntematon yksikkö", "okänd enhet", g->unit);
    }
    if (check_units && g->role == Role::council_group) {
      if (!d) d = read_db(o.db);
      if (!find_council_group(*d, g->unit)) fail("unknown council group", "tuntematon valtuustoryhmä", "okänd fullmäktigegrupp", g->unit);
    }
    out.push_back(*g);
  }
  return out;
}

std::string roles_text(const User& u) {
  std::string s;
  for (const Grant& g : u.grants) s += (s.empty() ? "" : ", ") + to_string(g);
  return s;
}

// The new password's hash: one line of `in`, or a random one printed once.
std::string new_password_hash(const UserOptions& o, std::istream& in, std::ostream& out) {
  std::string password;
  if (o.password_stdin) {
    if (!std::getline(in, password)) password.clear();
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (!auth::acceptable_password(password))
      fail("password too short: at least 10 characters", "salasana on liian lyhyt: vähintään 10 merkkiä",
           "lösenordet är för kort: minst 10 tecken", o.id);
    return auth::hash_password(password);
  }
  password = auth::random_token().substr(0, 16);  // 96 random bits
  out << "password: " << password << "\n";
  return auth::hash_password(password);
}

}  // namespace

int cmd_user_add(const UserOptions& o, std::istream& in, std::ostream& out) {
  require_valid_id(o.id);
  if (o.name.empty()) fail("give --name", "anna --name", "ange --name", o.id);
  auto store = user_store(o.db);
  if (store->user(o.id)) fail("user exists", "käyttäjä on jo olemassa", "användaren finns redan", o.id);
  User u{o.id, o.name, "", false, grants_of(o, true)};
  u.password_hash = new_password_hash(o, in, out);
  store->add_user(u);
  out << fmt::format("{}: {} ({})\n", u.id, u.display_name, roles_text(*store->user(u.id)));
  return 0;
}

int cmd_user_grant(const UserOptions& o, std::ostream& out) {
  auto store = user_store(o.db);
  existing(*store, o.id);
  for (const Grant& g : grants_of(o, true)) store->grant(o.id, g);
  out << fmt::format("{}: {}\n", o.id, roles_text(existing(*store, o.id)));
  return 0;
}

int cmd_user_revoke(const UserOptions& o, std::ostream& out) {
  auto store = user_store(o.db);
  existing(*store, o.id);
  for (const Grant& g : grants_of(o, false)) store->revoke(o.id, g);
  out << fmt::format("{}: {}\n", o.id, roles_text(existing(*store, o.id)));
  return 0;
}

int cmd_user_passwd(const UserOptions& o, std::istream& in, std::ostream& out) {
  auto store = user_store(o.db);
  existing(*store, o.id);
  store->set_password(o.id, new_password_hash(o, in, out));
  out << fmt::format("{}: password changed, sessions ended / salasana vaihdettu / lösenordet bytt\n", o.id);
  return 0;
}

int cmd_user_disable(const UserOptions& o, std::ostream& out) {
  auto store = user_store(o.db);
  existing(*store, o.id);
  store->set_disabled(o.id, true);
  out << fmt::format("{}: disabled / poistettu käytöstä / inaktiverad\n", o.id);
  return 0;
}

int cmd_user_enable(const UserOptions& o, std::ostream& out) {
  auto store = user_store(o.db);
  existing(*store, o.id);
  store->set_disabled(o.id, false);
  out << fmt::format("{}: enabled / otettu käyttöön / aktiverad\n", o.id);
  return 0;
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
    c->add_option("--db", o_.db, "SQLite database file / tietokantatiedosto / databasfil")->required();
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
