// Users, their grants and login sessions, kept in the same database as the dataset (migration
// 7). `Store::replace` (toteuma load) never touches these tables.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/workplace/access.h"
#include "store/store.h"

namespace toteuma {

struct Session {
  std::string digest;          // token_digest of the cookie's token (the token itself is never stored)
  std::string user;
  std::string csrf;            // the session's CSRF token (random, sent back in every form/API write)
  std::int64_t created = 0;    // unix seconds
  std::int64_t expires = 0;    // unix seconds; absolute expiry
  bool operator==(const Session&) const = default;
};

// A session with its user (and grants) and the newest data audit id, read at one moment.
struct SessionView {
  Session session;
  User user;
  std::int64_t data_audit_id = 0;
  bool operator==(const SessionView&) const = default;
};

// Failed logins of one account name from one client address since `first_at` (unix seconds).
struct LoginFailures {
  int count = 0;
  std::int64_t first_at = 0;
  bool operator==(const LoginFailures&) const = default;
};

// A sign-in through the provider under way (migration 28): what the callback must find again.
struct PendingSignIn {
  std::string state_digest;    // token_digest of the `state` sent to the provider
  std::string browser_digest;  // token_digest of the cookie given to the browser that started it
  std::string nonce;
  std::string verifier;        // PKCE code verifier
  std::string next;            // the page to land on
  std::string lang;            // "fi" | "sv"
  std::int64_t created = 0;    // unix seconds
  bool operator==(const PendingSignIn&) const = default;
};

// A verified provider account signing in, with the grants its claims map to.
struct ExternalSignIn {
  std::string issuer, subject;
  std::string proposed_id;   // for a first sign-in (sso/grant_map.h user_id_for); "-2", … added when taken
  std::string display_name, email;
  std::vector<Grant> grants;
};

struct ExternalSignInResult {
  enum Outcome { signed_in, disabled, no_grant } outcome = signed_in;
  std::string user;          // "" when no user exists (a first sign-in without grants)
  bool created = false;
  bool grants_changed = false;
};

class UserStore {
 public:
  virtual ~UserStore() = default;
  // Throws StoreError when the id exists or is invalid (valid_user_id). Grants included.
  virtual void add_user(const User& u) = 0;
  virtual std::optional<User> user(const std::string& id) = 0;  // with grants
  virtual std::vector<User> users() = 0;                        // by id, with grants
  // Throws StoreError for an unknown user. Also ends every session of the user.
  virtual void set_password(const std::string& id, const std::string& hash) = 0;
  virtual void set_disabled(const std::string& id, bool disabled) = 0;
  // Adding an existing grant is a no-op; throws StoreError for an unknown user.
  virtual void grant(const std::string& id, const Grant& g) = 0;
  virtual void revoke(const std::string& id, const Grant& g) = 0;
  // From now on every write above leaves an audit row by `by` in its own transaction: "user"
  // (added; after = display name), "grant" (before/after = the roles), "password" (after =
  // "changed": never the password or its hash), "user_state" ("enabled"/"disabled").
  virtual void audit_as(const Actor& by) = 0;
  // Runs `f` in one transaction, the writes above nested in it: a check and the write it allows
  // see the same database even with another process writing (store/user_admin.h). A throw from
  // `f` rolls everything back and is rethrown.
  virtual void in_transaction(const std::function<void()>& f) = 0;

  virtual void create_session(const Session& s) = 0;
  virtual std::optional<Session> session(const std::string& digest) = 0;
  // What every web request reads, by one statement (one snapshot; on SQLite one lock instead of
  // one per read, on PostgreSQL one round trip): the session of `digest`, its user with grants, and
  // the newest data audit id (Store::last_data_audit_id). nullopt when no session has the digest.
  virtual std::optional<SessionView> session_view(const std::string& digest) = 0;
  virtual void delete_session(const std::string& digest) = 0;
  virtual void delete_expired_sessions(std::int64_t now) = 0;

  // Login failures of (account, address) in the window that began at most `window` seconds before
  // `now`; {0, 0} when there is none. Account names are kept as typed (at most 128 bytes).
  virtual LoginFailures login_failures(const std::string& account, const std::string& address, std::int64_t now,
                                       std::int64_t window) = 0;
  // Counts one failure of the pair (a new window when the old one has passed) in one transaction,
  // and forgets every pair whose window has passed.
  virtual void record_login_failure(const std::string& account, const std::string& address, std::int64_t now,
                                    std::int64_t window) = 0;
  virtual void clear_login_failures(const std::string& account, const std::string& address) = 0;

  // Single sign-on. Keeps `p`, forgetting every pending sign-in created before `p.created - max_age`.
  virtual void add_pending_sign_in(const PendingSignIn& p, std::int64_t max_age) = 0;
  // The pending sign-in of a state digest started in the browser of `browser_digest`, deleted as it
  // is read: a state is good once. Another browser's answer neither gets nor spends it (whoever
  // holds the callback's address cannot cancel its owner's sign-in).
  virtual std::optional<PendingSignIn> take_pending_sign_in(const std::string& state_digest, const std::string& browser_digest) = 0;
  // In one transaction: the user of (issuer, subject), created on a first sign-in that has grants
  // (no password: "" never verifies), its display name refreshed and its grants set to exactly
  // `s.grants` (roles follow the token). A disabled user changes nothing; a known user whose token
  // now maps to no grant loses every grant and is refused (no_grant). Audit rows by the user
  // itself via "sso": "user" when created, "grant" before → after when changed.
  virtual ExternalSignInResult sign_in_external(const ExternalSignIn& s) = 0;
  // The provider account's user (issuer, subject) a user signs in with; nullopt for a local user.
  virtual std::optional<std::string> identity_issuer(const std::string& user) = 0;
  // An audit row of its own (sign-ins and their failures): entity, id, after; by `by`.
  virtual void audit_event(const Actor& by, const std::string& entity, const std::string& id, const std::string& after) = 0;
};

std::unique_ptr<UserStore> open_user_store(const std::string& path);

}  // namespace toteuma
