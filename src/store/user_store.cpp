// Users, grants and sessions in the SQLite database of the dataset (migration 7).
#include <algorithm>

#include "store/audit_rows.h"
#include "store/sql_db.h"
#include "store/user_store.h"

namespace toteuma {

namespace {

// Opening the dataset store first applies the migrations (and sets WAL, which the file keeps).
const std::string& migrated(const std::string& path) {
  open_store(path);
  return path;
}

// Canonical order: role as listed in the enum, then unit, then language.
bool grant_before(const Grant& a, const Grant& b) {
  auto lang = [](const Grant& g) { return g.lang ? static_cast<int>(*g.lang) : -1; };
  if (a.role != b.role) return a.role < b.role;
  if (a.unit != b.unit) return a.unit < b.unit;
  return lang(a) < lang(b);
}

std::string lang_text(const Grant& g) { return g.lang ? std::string(lang_code(*g.lang)) : std::string(); }

class SqlUserStore final : public UserStore {
 public:
  explicit SqlUserStore(const std::string& path) : db_(migrated(path)) {
    db_.pragma("foreign_keys=ON");
    db_.pragma("synchronous=NORMAL");
  }

  void add_user(const User& u) override {
    if (!valid_user_id(u.id)) throw StoreError("invalid user id: " + u.id);
    for (const Grant& g : u.grants) check(g);
    sql::Transaction tx(db_);
    if (exists(u.id)) throw StoreError("user exists: " + u.id);
    db_.prepare("INSERT INTO app_user (id, display_name, password_hash, disabled) VALUES (?, ?, ?, ?)")
        .bind(1, u.id)
        .bind(2, u.display_name)
        .bind(3, u.password_hash)
        .bind(4, std::int64_t{u.disabled ? 1 : 0})
        .run();
    for (const Grant& g : u.grants) insert_grant(u.id, g);
    audit("user", u.id, std::nullopt, u.display_name);
    if (!u.grants.empty()) audit("grant", u.id, std::nullopt, roles_of(u.id));
    if (u.disabled) audit("user_state", u.id, std::nullopt, "disabled");
    tx.commit();
  }

  std::optional<User> user(const std::string& id) override {
    sql::ReadTransaction tx(db_);
    auto all = read_users(&id);
    if (all.empty()) return std::nullopt;
    return std::move(all.front());
  }

  std::vector<User> users() override {
    sql::ReadTransaction tx(db_);
    return read_users(nullptr);
  }

  // A new password logs the user out everywhere: whoever knew the old one loses the session too.
  void set_password(const std::string& id, const std::string& hash) override {
    sql::Transaction tx(db_);
    db_.prepare("UPDATE app_user SET password_hash = ? WHERE id = ?").bind(1, hash).bind(2, id).run();
    if (db_.changes() == 0) throw StoreError("unknown user: " + id);
    db_.prepare("DELETE FROM user_session WHERE user_id = ?").bind(1, id).run();
    audit("password", id, std::nullopt, "changed");
    tx.commit();
  }

  // Disabling also ends the user's sessions, so it takes effect at once.
  void set_disabled(const std::string& id, bool disabled) override {
    sql::Transaction tx(db_);
    auto was = db_.prepare("SELECT disabled FROM app_user WHERE id = ?");
    if (!was.bind(1, id).step()) throw StoreError("unknown user: " + id);
    bool before = was.int64(0) != 0;
    db_.prepare("UPDATE app_user SET disabled = ? WHERE id = ?").bind(1, std::int64_t{disabled ? 1 : 0}).bind(2, id).run();
    if (disabled) db_.prepare("DELETE FROM user_session WHERE user_id = ?").bind(1, id).run();
    if (before != disabled) audit("user_state", id, state_text(before), state_text(disabled));
    tx.commit();
  }

  void grant(const std::string& id, const Grant& g) override {
    check(g);
    sql::Transaction tx(db_);
    if (!exists(id)) throw StoreError("unknown user: " + id);
    std::string before = roles_of(id);
    insert_grant(id, g);
    if (std::string after = roles_of(id); after != before) audit("grant", id, before, after);
    tx.commit();
  }

  void revoke(const std::string& id, const Grant& g) override {
    sql::Transaction tx(db_);
    if (!exists(id)) throw StoreError("unknown user: " + id);
    std::string before = roles_of(id);
    grant_statement("DELETE FROM user_grant WHERE user_id = ? AND role = ? AND unit_id = ? AND lang = ?", id, g).run();
    if (std::string after = roles_of(id); after != before) audit("grant", id, before, after);
    tx.commit();
  }

  void audit_as(const Actor& by) override { by_ = by; }

  void in_transaction(const std::function<void()>& f) override {
    sql::Transaction tx(db_);
    f();
    tx.commit();
  }

  void create_session(const Session& s) override {
    sql::Transaction tx(db_);
    if (!exists(s.user)) throw StoreError("unknown user: " + s.user);
    db_.prepare("INSERT INTO user_session (digest, user_id, csrf, created, expires) VALUES (?, ?, ?, ?, ?)")
        .bind(1, s.digest)
        .bind(2, s.user)
        .bind(3, s.csrf)
        .bind(4, s.created)
        .bind(5, s.expires)
        .run();
    tx.commit();
  }

  // As stored: the caller compares `expires` with the clock.
  std::optional<Session> session(const std::string& digest) override {
    sql::CachedStmt st(db_, "SELECT digest, user_id, csrf, created, expires FROM user_session WHERE digest = ?");
    if (!st->bind(1, digest).step()) return std::nullopt;
    return Session{st->text(0), st->text(1), st->text(2), st->int64(3), st->int64(4)};
  }

  std::optional<SessionView> session_view(const std::string& digest) override {
    // One row per grant (one without grants: the grant's columns NULL); the audit id is a
    // subquery run once per statement.
    static const std::string query = std::string(
                                       "SELECT s.user_id, s.csrf, s.created, s.expires, u.display_name, u.password_hash, u.disabled, "
                                       "g.role, g.unit_id, g.lang, COALESCE((") +
                                   last_data_audit_id_sql +
                                   "), 0) FROM user_session s JOIN app_user u ON u.id = s.user_id "
                                   "LEFT JOIN user_grant g ON g.user_id = s.user_id WHERE s.digest = ?";
    sql::CachedStmt st(db_, query);
    st->bind(1, digest);
    std::optional<SessionView> v;
    while (st->step()) {
      if (!v) {
        v.emplace();
        v->session = Session{digest, st->text(0), st->text(1), st->int64(2), st->int64(3)};
        v->user = User{st->text(0), st->text(4), st->text(5), st->int64(6) != 0, {}};
        v->data_audit_id = st->int64(10);
      }
      auto role_text = st->opt_text(7);
      if (!role_text) continue;
      auto role = parse_role(*role_text);
      if (!role) throw StoreError("corrupt role in database: " + *role_text);
      v->user.grants.push_back(Grant{*role, st->text(8), parse_lang(st->text(9))});
    }
    if (v) std::sort(v->user.grants.begin(), v->user.grants.end(), grant_before);
    return v;
  }

  void delete_session(const std::string& digest) override {
    sql::Transaction tx(db_);
    db_.prepare("DELETE FROM user_session WHERE digest = ?").bind(1, digest).run();
    tx.commit();
  }

  void delete_expired_sessions(std::int64_t now) override {
    sql::Transaction tx(db_);
    db_.prepare("DELETE FROM user_session WHERE expires <= ?").bind(1, now).run();
    tx.commit();
  }

  LoginFailures login_failures(const std::string& account, const std::string& address, std::int64_t now,
                               std::int64_t window) override {
    auto st = db_.prepare("SELECT failures, first_at FROM login_failure WHERE account = ? AND address = ? AND first_at > ?");
    if (!st.bind(1, account_key(account)).bind(2, address).bind(3, now - window).step()) return {};
    return {static_cast<int>(st.int64(0)), st.int64(1)};
  }

  void record_login_failure(const std::string& account, const std::string& address, std::int64_t now,
                            std::int64_t window) override {
    sql::Transaction tx(db_);
    db_.prepare("DELETE FROM login_failure WHERE first_at <= ?").bind(1, now - window).run();
    db_.prepare("INSERT INTO login_failure (account, address, failures, first_at) VALUES (?, ?, 1, ?) "
                "ON CONFLICT (account, address) DO UPDATE SET failures = login_failure.failures + 1")
        .bind(1, account_key(account))
        .bind(2, address)
        .bind(3, now)
        .run();
    tx.commit();
  }

  void clear_login_failures(const std::string& account, const std::string& address) override {
    sql::Transaction tx(db_);
    db_.prepare("DELETE FROM login_failure WHERE account = ? AND address = ?").bind(1, account_key(account)).bind(2, address).run();
    tx.commit();
  }

  void add_pending_sign_in(const PendingSignIn& p, std::int64_t max_age) override {
    sql::Transaction tx(db_);
    db_.prepare("DELETE FROM sso_pending WHERE created < ?").bind(1, p.created - max_age).run();
    db_.prepare("INSERT INTO sso_pending (state_digest, browser_digest, nonce, verifier, next, lang, created) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, p.state_digest)
        .bind(2, p.browser_digest)
        .bind(3, p.nonce)
        .bind(4, p.verifier)
        .bind(5, p.next)
        .bind(6, p.lang)
        .bind(7, p.created)
        .run();
    tx.commit();
  }

  std::optional<PendingSignIn> take_pending_sign_in(const std::string& state_digest, const std::string& browser_digest) override {
    sql::Transaction tx(db_);
    std::optional<PendingSignIn> p;
    {
      auto st = db_.prepare("SELECT state_digest, browser_digest, nonce, verifier, next, lang, created FROM sso_pending "
                            "WHERE state_digest = ? AND browser_digest = ?");
      if (st.bind(1, state_digest).bind(2, browser_digest).step())
        p = PendingSignIn{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.int64(6)};
    }
    if (p) db_.prepare("DELETE FROM sso_pending WHERE state_digest = ?").bind(1, state_digest).run();
    tx.commit();
    return p;
  }

  ExternalSignInResult sign_in_external(const ExternalSignIn& s) override {
    for (const Grant& g : s.grants) check(g);
    // The rows are by the user itself; whoever the store audits as otherwise is back afterwards.
    struct Restore {
      std::optional<Actor>& by;
      std::optional<Actor> saved;
      ~Restore() { by = saved; }
    } restore{by_, by_};
    sql::Transaction tx(db_);
    ExternalSignInResult r;
    {
      auto st = db_.prepare("SELECT user_id FROM user_identity WHERE issuer = ? AND subject = ?");
      if (st.bind(1, s.issuer).bind(2, s.subject).step()) r.user = st.text(0);
    }
    if (r.user.empty()) {
      if (s.grants.empty()) {
        r.outcome = ExternalSignInResult::no_grant;
        return r;  // nothing written: someone the municipality gave no role stays unknown
      }
      r.user = free_id(s.proposed_id);
      if (!valid_user_id(r.user)) throw StoreError("invalid user id: " + r.user);
      by_ = Actor{r.user, "web"};
      db_.prepare("INSERT INTO app_user (id, display_name, password_hash, disabled) VALUES (?, ?, '', 0)")
          .bind(1, r.user)
          .bind(2, s.display_name)
          .run();
      db_.prepare("INSERT INTO user_identity (issuer, subject, user_id, email) VALUES (?, ?, ?, ?)")
          .bind(1, s.issuer)
          .bind(2, s.subject)
          .bind(3, r.user)
          .bind(4, s.email)
          .run();
      audit("user", r.user, std::nullopt, s.display_name);
      r.created = true;
    }
    by_ = Actor{r.user, "web"};
    auto users = read_users(&r.user);
    if (users.empty()) throw StoreError("identity without its user: " + r.user);
    if (users.front().disabled) {
      r.outcome = ExternalSignInResult::disabled;
      return r;  // the rollback keeps everything as it was
    }
    db_.prepare("UPDATE app_user SET display_name = ? WHERE id = ?").bind(1, s.display_name).bind(2, r.user).run();
    db_.prepare("UPDATE user_identity SET email = ? WHERE issuer = ? AND subject = ?").bind(1, s.email).bind(2, s.issuer).bind(3, s.subject).run();
    std::string before = roles_of(r.user);
    db_.prepare("DELETE FROM user_grant WHERE user_id = ?").bind(1, r.user).run();
    for (const Grant& g : s.grants) insert_grant(r.user, g);
    std::string after = roles_of(r.user);
    if (after != before) {
      audit("grant", r.user, r.created ? std::nullopt : std::optional(before), after);
      r.grants_changed = true;
    }
    if (s.grants.empty()) {
      db_.prepare("DELETE FROM user_session WHERE user_id = ?").bind(1, r.user).run();
      r.outcome = ExternalSignInResult::no_grant;
    }
    tx.commit();
    return r;
  }

  std::optional<std::string> identity_issuer(const std::string& user) override {
    auto st = db_.prepare("SELECT issuer FROM user_identity WHERE user_id = ? ORDER BY issuer");
    if (!st.bind(1, user).step()) return std::nullopt;
    return st.text(0);
  }

  void audit_event(const Actor& by, const std::string& entity, const std::string& id, const std::string& after) override {
    sql::Transaction tx(db_);
    insert_audit(db_, {0, "", by.user, entity, id, std::nullopt, after, "", by.via});
    tx.commit();
  }

 private:
  // `proposed`, or with "-2", "-3", … the first id no user has.
  std::string free_id(const std::string& proposed) {
    if (!exists(proposed)) return proposed;
    for (int n = 2;; ++n)
      if (std::string id = proposed + "-" + std::to_string(n); !exists(id)) return id;
  }

  // A typed name bounded in size (valid ids have at most 64 characters).
  static std::string account_key(const std::string& account) { return account.substr(0, 128); }

  static void check(const Grant& g) {
    if (!valid_grant(g)) throw StoreError("invalid grant: " + to_string(g));
  }

  static std::string state_text(bool disabled) { return disabled ? "disabled" : "enabled"; }

  // The user's roles in canonical order, "admin, editor:kanslia" ("" none): an audit row's value.
  std::string roles_of(const std::string& id) {
    std::string out;
    for (const User& u : read_users(&id))
      for (const Grant& g : u.grants) out += (out.empty() ? "" : ", ") + to_string(g);
    return out;
  }

  // A row of the audit trail when an actor is set (inside the caller's transaction).
  void audit(const char* entity, const std::string& id, const std::optional<std::string>& before,
             const std::optional<std::string>& after) {
    if (by_) insert_audit(db_, {0, "", by_->user, entity, id, before, after, "", by_->via});
  }

  bool exists(const std::string& id) { return db_.prepare("SELECT 1 FROM app_user WHERE id = ?").bind(1, id).step(); }

  // A statement whose four parameters are one grant's key: user, role, unit, language.
  sql::Stmt grant_statement(std::string_view sql, const std::string& id, const Grant& g) {
    sql::Stmt st = db_.prepare(sql);
    st.bind(1, id).bind(2, to_string(g.role)).bind(3, g.unit).bind(4, lang_text(g));
    return st;
  }

  void insert_grant(const std::string& id, const Grant& g) {
    grant_statement("INSERT INTO user_grant (user_id, role, unit_id, lang) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", id, g).run();
  }

  // One user (id given) or all, by id, with their grants.
  std::vector<User> read_users(const std::string* id) {
    std::vector<User> out;
    {  // kept prepared: every web request reads its user
      sql::CachedStmt st(db_, id ? "SELECT id, display_name, password_hash, disabled FROM app_user WHERE id = ?"
                                 : "SELECT id, display_name, password_hash, disabled FROM app_user ORDER BY id");
      if (id) st->bind(1, *id);
      while (st->step()) out.push_back(User{st->text(0), st->text(1), st->text(2), st->int64(3) != 0, {}});
    }
    sql::CachedStmt st(db_, "SELECT role, unit_id, lang FROM user_grant WHERE user_id = ?");
    for (User& u : out) {
      st->bind(1, u.id);
      while (st->step()) {
        auto role = parse_role(st->text(0));
        if (!role) throw StoreError("corrupt role in database: " + st->text(0));
        u.grants.push_back(Grant{*role, st->text(1), parse_lang(st->text(2))});
      }
      st->reset();
      std::sort(u.grants.begin(), u.grants.end(), grant_before);
    }
    return out;
  }

  sql::Db db_;
  std::optional<Actor> by_;
};

}  // namespace

std::unique_ptr<UserStore> open_user_store(const std::string& path) {
  return std::make_unique<SqlUserStore>(path);
}

}  // namespace toteuma
