// Logging in and out: sessions in HttpOnly SameSite=Strict cookies (only the token's digest is
// stored), CSRF tokens, and a login limit per account against password guessing.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "web/context.h"

namespace toteuma::web {

inline constexpr const char* session_cookie_name = "toteuma_session";

// Failed logins of one account from one client address within a window lock that account's
// login from that address (even with the right password) until the window has passed; other
// addresses are not affected, so nobody can lock an administrator out from everywhere. The counts
// live in the database (UserStore::login_failures): they survive a restart and are shared by every
// server process on the file. A success from an address clears that address's count.
class LoginLimiter {
 public:
  LoginLimiter(int failures, std::int64_t window) : max_(failures), window_(window) {}
  // Seconds until (account, address) may try again; 0 when it may now.
  std::int64_t locked_for(UserStore& users, const std::string& account, const std::string& address, std::int64_t now) const;
  void failed(UserStore& users, const std::string& account, const std::string& address, std::int64_t now) const;
  void succeeded(UserStore& users, const std::string& account, const std::string& address) const;

 private:
  int max_;
  std::int64_t window_;
};

// The client's address for the login limit: the connection's peer, or, when that peer is one of
// `trusted_proxies`, the last address of its X-Forwarded-For (the one the proxy itself appended).
std::string client_address(const http::Request& req, const std::vector<std::string>& trusted_proxies);

std::int64_t unix_now();
std::string cookie_value(const http::Request& req, const std::string& name);
// The session of the request's cookie, if valid, unexpired and its user enabled: read from the
// database on every call, so a logout, a disabled user or a revoked grant acts on the very next
// request. When a session row was read, `data_audit_id` gets the newest data audit id read with
// it (UserStore::session_view), for AppState::reload_if_changed.
Viewer resolve_viewer(AppState& state, const http::Request& req, std::optional<std::int64_t>* data_audit_id = nullptr);
// The session's CSRF token in the form field "csrf" or the header X-CSRF-Token.
bool csrf_ok(const Viewer& v, const http::Request& req, const std::map<std::string, std::string>& form);

// Outcome of a password check, for the page and the API alike.
// `password_off`: single sign-on has turned password login off for this account (docs/SSO.md).
enum class LoginResult { ok, wrong, locked, password_off };
// Checks the password (rate-limited per account and client address); on success creates the
// session and returns its cookie value. `retry_after_out`: seconds to wait when locked.
LoginResult log_in(AppState& state, const LoginLimiter& limiter, const http::Request& req, const std::string& user,
                   const std::string& password, std::string& token_out, std::string& csrf_out, std::int64_t& retry_after_out);
// A new session of `user` (a password or the provider checked who it is): its cookie's token and
// CSRF token; expired sessions are forgotten on the way.
void start_session(AppState& state, const std::string& user, std::string& token_out, std::string& csrf_out);
std::string session_cookie(const AppState& state, const std::string& token);  // Set-Cookie value
std::string expired_session_cookie(const AppState& state);

http::Response login_page(const Ctx& c, const LoginLimiter& limiter);   // GET and POST /{lang}/login
http::Response logout(const Ctx& c);                             // POST /{lang}/logout
// Only a path of this site ("/fi/unit/x?year=2024"), else the language's home page: never an
// open redirect to "//evil" or "https://…".
std::string safe_next(const std::string& next, Lang lang);

}  // namespace toteuma::web
