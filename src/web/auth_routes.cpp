#include "web/web_templates.h"
#include "web/auth_routes.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "auth/password.h"
#include "core/i18n.h"
#include "core/text.h"
#include "web/sso_routes.h"

namespace toteuma::web {

std::int64_t LoginLimiter::locked_for(UserStore& users, const std::string& account, const std::string& address,
                                      std::int64_t now) const {
  LoginFailures f = users.login_failures(account, address, now, window_);
  return f.count >= max_ ? std::max<std::int64_t>(1, f.first_at + window_ - now) : 0;
}

void LoginLimiter::failed(UserStore& users, const std::string& account, const std::string& address, std::int64_t now) const {
  users.record_login_failure(account, address, now, window_);
}

void LoginLimiter::succeeded(UserStore& users, const std::string& account, const std::string& address) const {
  users.clear_login_failures(account, address);
}

std::string client_address(const http::Request& req, const std::vector<std::string>& trusted_proxies) {
  if (std::find(trusted_proxies.begin(), trusted_proxies.end(), req.remote) == trusted_proxies.end()) return req.remote;
  // Anything before the proxy's own entry was written by the client and proves nothing.
  auto hops = split_nonempty(req.header("x-forwarded-for"), ',');
  if (hops.empty()) return req.remote;
  std::string last = hops.back();
  last.erase(0, last.find_first_not_of(' '));
  last.erase(last.find_last_not_of(' ') + 1);
  return last.empty() ? req.remote : last;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string cookie_value(const http::Request& req, const std::string& name) {
  // Read in place: every request looks up its session cookie.
  auto it = req.headers.find("cookie");
  if (it == req.headers.end()) return "";
  std::string_view rest = it->second;
  while (!rest.empty()) {
    std::size_t end = rest.find(';');
    std::string_view p = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    while (!p.empty() && p.front() == ' ') p.remove_prefix(1);
    if (p.size() > name.size() && p.substr(0, name.size()) == name && p[name.size()] == '=')
      return std::string(p.substr(name.size() + 1));
  }
  return "";
}

Viewer resolve_viewer(AppState& state, const http::Request& req, std::optional<std::int64_t>* data_audit_id) {
  Viewer v;
  std::string token = cookie_value(req, session_cookie_name);
  if (token.empty() || token.size() > 128) return v;
  std::string digest = auth::token_digest(token);
  auto s = state.with_users([&](UserStore& u) { return u.session_view(digest); });
  if (!s) return v;
  if (data_audit_id) *data_audit_id = s->data_audit_id;
  if (s->session.expires <= unix_now() || s->user.disabled) return v;
  v.user = std::move(s->user);
  v.csrf = std::move(s->session.csrf);
  v.digest = std::move(digest);
  return v;
}

bool csrf_ok(const Viewer& v, const http::Request& req, const std::map<std::string, std::string>& form) {
  if (v.csrf.empty()) return false;
  auto it = form.find("csrf");
  std::string sent = it != form.end() ? it->second : req.header("x-csrf-token");
  return auth::equal_secret(sent, v.csrf);
}

LoginResult log_in(AppState& state, const LoginLimiter& limiter, const http::Request& req, const std::string& id,
                   const std::string& password, std::string& token_out, std::string& csrf_out, std::int64_t& retry_after_out) {
  if (state.options().sso && !sso_password_allowed(state, id)) return LoginResult::password_off;
  std::int64_t now = unix_now();
  std::string address = client_address(req, state.options().trusted_proxies);
  retry_after_out = state.with_users([&](UserStore& u) { return limiter.locked_for(u, id, address, now); });
  if (retry_after_out > 0) return LoginResult::locked;
  auto user = state.with_users([&](UserStore& u) { return u.user(id); });
  // An unknown name costs a hash too, so timing does not tell which names exist.
  static const std::string dummy = auth::hash_password("not a password of anyone");
  bool ok = auth::verify_password(user ? user->password_hash : dummy, password) && user && !user->disabled;
  if (!ok) {
    state.with_users([&](UserStore& u) { limiter.failed(u, id, address, now); });
    return LoginResult::wrong;
  }
  state.with_users([&](UserStore& u) { limiter.succeeded(u, id, address); });
  start_session(state, id, token_out, csrf_out);
  return LoginResult::ok;
}

void start_session(AppState& state, const std::string& user, std::string& token_out, std::string& csrf_out) {
  std::int64_t now = unix_now();
  token_out = auth::random_token();
  csrf_out = auth::random_token();
  Session s{auth::token_digest(token_out), user, csrf_out, now, now + state.options().session_seconds};
  state.with_users([&](UserStore& u) {
    u.delete_expired_sessions(now);
    u.create_session(s);
  });
}

std::string session_cookie(const AppState& state, const std::string& token) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict{}", session_cookie_name, token,
                     state.options().secure_cookies ? "; Secure" : "");
}

std::string expired_session_cookie(const AppState& state) {
  return fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}", session_cookie_name,
                     state.options().secure_cookies ? "; Secure" : "");
}

std::string safe_next(const std::string& next, Lang lang) {
  // Browsers drop tabs and line breaks inside URLs ("/\t/evil" becomes "//evil"): no control characters.
  bool plain = std::none_of(next.begin(), next.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; });
  if (plain && next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\') return next;
  return fmt::format("/{}/", lang_code(lang));
}

namespace {

constexpr const char* login_cookie = "toteuma_login";

}  // namespace

http::Response login_page(const Ctx& c, const LoginLimiter& limiter) {
  Lang lang = c.lang;
  std::string next = c.q("next"), user, error;
  int status = 200;
  std::int64_t retry_after = 0;
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
      switch (log_in(c.state, limiter, c.req, user, form["password"], token, csrf, retry_after)) {
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
        case LoginResult::password_off:
          error = trf("web.sso_password_off", lang, sso_name(c.state));
          status = 403;
          break;
      }
    }
  }
  if (login_csrf.empty()) login_csrf = auth::random_token();
  mstch::map ctx{{"lang", std::string(lang_code(lang))}, {"heading", tr("web.login", lang)},
                 {"error", error}, {"login_csrf", login_csrf}, {"next", next}, {"user", user},
                 {"user_label", tr("web.user", lang)}, {"password_label", tr("web.password", lang)},
                 {"submit", tr("web.login", lang)}, {"public_label", tr("web.public", lang)}};
  if (c.state.options().sso) {
    ctx.emplace("sso", mstch::map{{"href", fmt::format("/{}/sso?next={}", lang_code(lang), http::url_encode(safe_next(next, lang)))},
                                  {"label", trf("web.sso_sign_in", lang, sso_name(c.state))},
                                  {"or", tr("web.sso_or_password", lang)},
                                  {"password_off", sso_password_off(c.state) ? tr("web.sso_break_glass", lang) : std::string()}});
  }
  auto r = page(c, tr("web.login", lang), render(embedded::login_mustache, ctx),
                fmt::format("/{}/login", lang_code(c.other())), status);
  r.headers.emplace_back("Set-Cookie", fmt::format("{}={}; Path=/{}/login; HttpOnly; SameSite=Strict{}", login_cookie,
                                                   login_csrf, lang_code(lang), c.state.options().secure_cookies ? "; Secure" : ""));
  if (status == 429) r.headers.emplace_back("Retry-After", std::to_string(retry_after));
  return r;
}

http::Response logout(const Ctx& c) {
  if (!c.viewer.digest.empty()) c.state.with_users([&](UserStore& u) { u.delete_session(c.viewer.digest); });
  // Signed in through the provider: our session is over; offer ending the provider's too.
  auto r = c.viewer.user ? sso_signed_out_page(c, c.viewer.user->id) : std::nullopt;
  if (!r) r = redirect(fmt::format("/{}/login", lang_code(c.lang)));
  r->headers.emplace_back("Set-Cookie", expired_session_cookie(c.state));
  return *r;
}

}  // namespace toteuma::web
