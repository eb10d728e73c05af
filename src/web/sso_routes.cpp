#include "web/sso_routes.h"

#include <fmt/format.h>

#include <iostream>

#include "auth/password.h"
#include "core/i18n.h"
#include "core/text.h"
#include "sso/grant_map.h"
#include "sso/oidc_client.h"
#include "sso/sso_error.h"
#include "web/auth_routes.h"

namespace toteuma::web {

namespace {

constexpr const char* kBrowserCookie = "toteuma_sso";
constexpr std::int64_t kPendingSeconds = 600;  // the time a person has at the provider's sign-in page

// The cookie that ties a sign-in to the browser that started it. SameSite=Lax: it must come back
// on the provider's redirect, a top-level navigation from another site.
std::string browser_cookie(const AppState& s, const std::string& value, bool expire) {
  return fmt::format("{}={}; Path=/sso; HttpOnly; SameSite=Lax; Max-Age={}{}", kBrowserCookie, value, expire ? 0 : kPendingSeconds,
                     s.options().secure_cookies ? "; Secure" : "");
}

// The refusal page: the catalogue's text for the failed check, the code for the help desk.
http::Response refused(const Ctx& c, Lang lang, const std::string& code, int status) {
  std::string key = "web.sso_failed." + code;
  if (!tr_complete(key)) key = "web.sso_failed.other";
  std::string body = fmt::format(
      "<h1>{}</h1><p class=\"error\" role=\"alert\">{}</p><p>{}</p><p><a href=\"/{}/login\">{}</a></p>", html_escape(tr("web.sso_failed", lang)),
      html_escape(trf(key, lang, sso_name(c.state))), html_escape(trf("web.sso_failed_code", lang, code)), lang_code(lang),
      html_escape(tr("web.login", lang)));
  Ctx in_lang{c.state, c.snap, c.req, lang, {}};
  auto r = page(in_lang, tr("web.sso_failed", lang), body, fmt::format("/{}/login", lang_code(in_lang.other())), status);
  r.headers.emplace_back("Set-Cookie", browser_cookie(c.state, "", true));
  return r;
}

void audit_failure(AppState& s, const std::string& who, const std::string& code) {
  s.with_users([&](UserStore& u) { u.audit_event(Actor{who, "web"}, "sign_in_failed", who, code); });
}

}  // namespace

std::string sso_name(const AppState& state) { return state.options().sso ? state.options().sso->config().name : ""; }

bool sso_password_off(const AppState& state) { return state.options().sso && !state.options().sso->config().local_login; }

bool sso_password_allowed(const AppState& state, const std::string& user) {
  return !state.options().sso || state.options().sso->config().password_allowed(user);
}

http::Response sso_start(const Ctx& c) {
  auto client = c.state.options().sso;
  if (!client) return not_found(c);
  std::string state = auth::random_token(), browser = auth::random_token();
  PendingSignIn p{auth::token_digest(state), auth::token_digest(browser), auth::random_token(), auth::random_token(),
                  safe_next(c.q("next"), c.lang), std::string(lang_code(c.lang)), unix_now()};
  std::string url;
  try {
    url = client->authorization_url(state, p.nonce, p.verifier, p.lang);
  } catch (const sso::SsoError& e) {
    std::cerr << "toteuma sso: " << e.what() << "\n";
    return refused(c, c.lang, e.code, 502);
  }
  c.state.with_users([&](UserStore& u) { u.add_pending_sign_in(p, kPendingSeconds); });
  auto r = redirect(url, 302);
  r.headers.emplace_back("Set-Cookie", browser_cookie(c.state, browser, false));
  return r;
}

http::Response sso_callback(const Ctx& c) {
  auto client = c.state.options().sso;
  if (!client) return not_found(c);
  std::int64_t now = unix_now();
  std::string state = c.q("state"), browser = cookie_value(c.req, kBrowserCookie);
  auto pending = state.empty() || state.size() > 128 || browser.empty() || browser.size() > 128
                     ? std::nullopt
                     : c.state.with_users([&](UserStore& u) {
                         return u.take_pending_sign_in(auth::token_digest(state), auth::token_digest(browser));
                       });
  // Unknown, used, expired or another browser's state: start again. Not audited (anyone can
  // send it); the log tells.
  if (!pending || now - pending->created > kPendingSeconds) {
    std::cerr << "toteuma sso: callback with an unknown, used, expired or foreign state\n";
    return refused(c, pending ? parse_lang(pending->lang).value_or(c.lang) : c.lang, "state", 400);
  }
  Lang lang = parse_lang(pending->lang).value_or(c.lang);
  if (!c.q("error").empty()) {  // the provider said no (the person cancelled, or is not assigned)
    std::cerr << "toteuma sso: the provider answered " << c.q("error").substr(0, 64) << "\n";
    return refused(c, lang, "provider_refused", 403);
  }
  sso::IdToken token;
  const auto& cfg = client->config();
  // RFC 9207: a provider that names itself in the answer must be ours (a mix-up of providers).
  if (!c.q("iss").empty() && c.q("iss") != cfg.issuer) {
    audit_failure(c.state, "-", "issuer");
    return refused(c, lang, "issuer", 403);
  }
  try {
    token = client->redeem(c.q("code"), pending->verifier, pending->nonce, now);
  } catch (const sso::SsoError& e) {
    std::cerr << "toteuma sso: " << e.code << ": " << e.what() << "\n";
    audit_failure(c.state, "-", e.code);
    return refused(c, lang, e.code, e.code == "provider" ? 502 : 403);
  }
  ExternalSignIn in{cfg.issuer, token.subject, sso::user_id_for(token), sso::display_name_for(token), sso::email_for(token),
                    sso::grants_from_claims(token, cfg)};
  auto result = c.state.with_users([&](UserStore& u) { return u.sign_in_external(in); });
  if (result.outcome != ExternalSignInResult::signed_in) {
    std::string code = result.outcome == ExternalSignInResult::disabled ? "disabled" : "no_grant";
    audit_failure(c.state, result.user.empty() ? in.proposed_id : result.user, code);
    return refused(c, lang, code, 403);
  }
  std::string session, csrf;
  start_session(c.state, result.user, session, csrf);
  c.state.with_users([&](UserStore& u) { u.audit_event(Actor{result.user, "web"}, "sign_in", result.user, cfg.issuer); });
  // A page of this site moves on, not a redirect: the session cookie is SameSite=Strict, and a
  // browser does not send it on a redirect chain that another site (the provider) started.
  std::string next = html_escape(pending->next);
  std::string body = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{0}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url={1}\">"
      "<title>{2}</title></head><body><p><a href=\"{1}\">{3}</a></p></body></html>\n",
      lang_code(lang), next, html_escape(tr("web.sso_signed_in", lang)), html_escape(tr("web.sso_continue", lang)));
  http::Response r{200, "text/html; charset=utf-8", body, {}};
  r.headers.emplace_back("Set-Cookie", session_cookie(c.state, session));
  r.headers.emplace_back("Set-Cookie", browser_cookie(c.state, "", true));
  return r;
}

std::optional<http::Response> sso_signed_out_page(const Ctx& c, const std::string& user) {
  auto client = c.state.options().sso;
  if (!client) return std::nullopt;
  auto issuer = c.state.with_users([&](UserStore& u) { return u.identity_issuer(user); });
  if (!issuer || *issuer != client->config().issuer) return std::nullopt;
  std::string url = client->end_session_url("");
  if (url.empty()) return std::nullopt;
  std::string body = fmt::format("<h1>{}</h1><p>{}</p><p><a class=\"button\" id=\"sso-sign-out\" href=\"{}\">{}</a></p><p><a href=\"/{}/login\">{}</a></p>",
                                 html_escape(tr("web.sso_signed_out", c.lang)), html_escape(trf("web.sso_signed_out_text", c.lang, sso_name(c.state))),
                                 html_escape(url), html_escape(trf("web.sso_sign_out_provider", c.lang, sso_name(c.state))), lang_code(c.lang),
                                 html_escape(tr("web.login", c.lang)));
  Ctx anonymous{c.state, c.snap, c.req, c.lang, {}};
  return page(anonymous, tr("web.sso_signed_out", c.lang), body, fmt::format("/{}/login", lang_code(c.other())));
}

}  // namespace toteuma::web
