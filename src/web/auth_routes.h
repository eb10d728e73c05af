// Logging in and out: sessions in HttpOnly SameSite=Strict cookies (only the token's digest is
// stored), CSRF tokens, and a login limit per account against password guessing.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "web/context.h"

namespace toteuma::web {

inline constexpr const char* session_cookie_name = "toteuma_session";

// Failed logins of an account within a window lock its login (even with the right password)
// until the window has passed; a success clears the count.
class LoginLimiter {
 public:
  LoginLimiter(int failures, std::int64_t window) : max_(failures), window_(window) {}
  bool locked(const std::string& id, std::int64_t now);
  void failed(const std::string& id, std::int64_t now);
  void succeeded(const std::string& id);

 private:
  std::mutex mu_;
  int max_;
  std::int64_t window_;
  std::map<std::string, std::deque<std::int64_t>> failures_;
};

std::int64_t unix_now();
std::string cookie_value(const http::Request& req, const std::string& name);
// The session of the request's cookie, if valid, unexpired and its user enabled.
Viewer resolve_viewer(AppState& state, const http::Request& req);
// The session's CSRF token in the form field "csrf" or the header X-CSRF-Token.
bool csrf_ok(const Viewer& v, const http::Request& req, const std::map<std::string, std::string>& form);

// Outcome of a password check, for the page and the API alike.
enum class LoginResult { ok, wrong, locked };
// Checks the password (rate-limited); on success creates the session and returns its cookie value.
LoginResult log_in(AppState& state, LoginLimiter& limiter, const std::string& user, const std::string& password,
                   std::string& token_out, std::string& csrf_out);
std::string session_cookie(const AppState& state, const std::string& token);  // Set-Cookie value
std::string expired_session_cookie(const AppState& state);

http::Response login_page(const Ctx& c, LoginLimiter& limiter);   // GET and POST /{lang}/login
http::Response logout(const Ctx& c);                             // POST /{lang}/logout

}  // namespace toteuma::web
