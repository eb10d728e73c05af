#include "web/web_templates.h"
#include "web/auth_routes.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "auth/password.h"
#include "core/i18n.h"
#include "core/text.h"

namespace toteuma::web {

bool LoginLimiter::locked(const std::string& id, std::int64_t now) {
  std::lock_guard lock(mu_);
  auto it = failures_.find(id);
  if (it == failures_.end()) return false;
  while (!it->second.empty() && it->second.front() <= now - window_) it->second.pop_front();
  return static_cast<int>(it->second.size()) >= max_;
}

void LoginLimiter::failed(const std::string& id, std::int64_t now) {
  std::lock_guard lock(mu_);
  if (failures_.size() > 100000) failures_.clear();  // bounded memory under a flood of made-up names
  failures_[id].push_back(now);
}

void LoginLimiter::succeeded(const std::string& id) {
  std::lock_guard lock(mu_);
  failures_.erase(id);
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string cookie_value(const http::Request& req, const std::string& name) {
  for (const auto& part : split_nonempty(req.header("cookie"), ';')) {
    std::string_view p = part;
    while (!p.empty() && p.front() == ' ') p.remove_prefix(1);
    if (p.size() > name.size() && p.substr(0, name.size()) == name && p[name.size()] == '=')
      return std::string(p.substr(name.size() + 1));
  }
  return "";
}

Viewer resolve_viewer(AppState& state, const http::Request& req) {
  Viewer v;
  std::string token = cookie_value(req, session_cookie_name);
  if (token.empty() || token.size() > 128) return v;
  std::string digest = auth::token_digest(token);
  auto s = state.with_users([&](UserStore& u) { return u.session(digest); });
  if (!s || s->expires <= unix_now()) return v;
  auto user = state.with_users([&](UserStore& u) { return u.user(s->user); });
  if (!user || user->disabled) return v;
  v.user = std::move(user);
  v.csrf = s->csrf;
  v.digest = digest;
  return v;
}

bool csrf_ok(const Viewer& v, const http::Request& req, const std::map<std::string, std::string>& form) {
  if (v.csrf.empty()) return false;
  auto it = form.find("csrf");
  std::string sent = it != form.end() ? it->second : req.header("x-csrf-token");
  return auth::equal_secret(sent, v.csrf);
}

LoginResult log_in(AppState& state, LoginLimiter& limiter, const std::string& id, const std::string& password,
                   std::string& token_out, std::string& csrf_out) {
  std::int64_t now = unix_now();
  if (limiter.locked(id, now)) return LoginResult::locked;
  auto user = state.with_users([&](UserStore& u) { return u.user(id); });
  // An unknown name costs a hash too, so timing does not tell which names exist.
  static const std::string dummy = auth::hash_password("not a password of anyone");
  bool ok = auth::verify_password(user ? user->password_hash : dummy, password) && user && !user->disabled;
  if (!ok) {
    limiter.failed(id, now);
    return LoginResult::wrong;
  }
  limiter.succeeded(id);
  token_out = auth::random_token();
  csrf_out = auth::random_token();
  Session s{auth::token_digest(token_out), id, csrf_out, now, now + state.options().session_seconds};
  state.with_users([&](UserStore& u) {
    u.delete_expired_sessions(now);
    u.create_session(s);
  });
  return LoginResult::ok;
}

std::string session_cookie(const AppState& state, const std::string& token) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict{}", session_cookie_name, token,
                     state.options().secure_cookies ? "; Secure" : "");
}

std::string expired_session_cookie(const AppState& state) {
  return fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}", session_cookie_name,
                     state.options().secure_cookies ? "; Secure" : "");
}

namespace {

// Only a path of this site: "/fi/unit/x?year=2024", never "//evil" or "https://…".
std::string safe_next(const std::string& next, Lang lang) {
  // Browsers drop tabs and line breaks inside URLs ("/\t/evil" becomes "//evil"): no control characters.
  bool plain = std::none_of(next.begin(), next.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; });
  if (plain && next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\') return next;
  return fmt::format("/{}/", lang_code(lang));
}

constexpr const char* login_cookie = "toteuma_login";

}  // namespace

http::Response login_page(const Ctx& c, LoginLimiter& limiter) {
  Lang lang = c.lang;
  std::string next = c.q("next"), user, error;
  int status = 200;
  // Login CSRF: a random value in a cookie must come back in the form (double submit), so another
  // site cannot log a visitor into an account of its choosing.
  std::string login_csrf = cookie_value(c.req, login_cookie);
  if (c.req.method == "POST") {
    auto form = form_fields(c.req);
    user = form["user"];
    next = form["next"];
    if (login_csrf.empty() || !auth::equal_secret(form["login_csrf"], login_csrf)) {
      error = tr("web.login_expired", lang);
      status = 403;
    } else {
      std::string token, csrf;
      switch (log_in(c.state, limiter, user, form["password"], token, csrf)) {
        case LoginResult::ok: {
          auto r = redirect(safe_next(next, lang));
          r.headers.emplace_back("Set-Cookie", session_cookie(c.state, token));
          return r;
        }
        case LoginResult::wrong:
          error = tr("web.login_wrong", lang);
          status = 401;
          break;
        case LoginResult::locked:
          error = tr("web.login_locked", lang);
          status = 429;
          break;
      }
    }
  }
  if (login_csrf.empty()) login_csrf = auth::random_token();
  mstch::map ctx{{"lang", std::string(lang_code(lang))}, {"heading", tr("web.login", lang)},
                 {"error", error}, {"login_csrf", login_csrf}, {"next", next}, {"user", user},
                 {"user_label", tr("web.user", lang)}, {"password_label", tr("web.password", lang)},
                 {"submit", tr("web.login", lang)}, {"public_label", tr("web.public", lang)}};
  auto r = page(c, tr("web.login", lang), render(embedded::login_mustache, ctx),
                fmt::format("/{}/login", lang_code(c.other())), status);
  r.headers.emplace_back("Set-Cookie", fmt::format("{}={}; Path=/{}/login; HttpOnly; SameSite=Strict{}", login_cookie,
                                                   login_csrf, lang_code(lang), c.state.options().secure_cookies ? "; Secure" : ""));
  if (status == 429) r.headers.emplace_back("Retry-After", std::to_string(c.state.options().login_window_seconds));
  return r;
}

http::Response logout(const Ctx& c) {
  if (!c.viewer.digest.empty()) c.state.with_users([&](UserStore& u) { u.delete_session(c.viewer.digest); });
  auto r = redirect(fmt::format("/{}/login", lang_code(c.lang)));
  r.headers.emplace_back("Set-Cookie", expired_session_cookie(c.state));
  return r;
}

}  // namespace toteuma::web
