// Single sign-on's pages (docs/SSO.md): GET /{lang}/sso starts a sign-in at the OpenID provider,
// GET /sso/callback finishes it (the provider's answer is the proof of who signs in: a public
// route), and sign-out offers the provider's own sign-out. The checks are sso/'s; here the state
// is bound to the browser that started it, used once, and the user's grants follow the token.
#pragma once
#include <optional>
#include <string>

#include "web/context.h"

namespace toteuma::web {

std::string sso_name(const AppState& state);  // the provider's name on the button
// Password login turned off (but for the break-glass accounts)?
bool sso_password_off(const AppState& state);
bool sso_password_allowed(const AppState& state, const std::string& user);

http::Response sso_start(const Ctx& c);     // GET /{lang}/sso?next=
http::Response sso_callback(const Ctx& c);  // GET /sso/callback?code=&state= (or error=)
// After our session has ended: for a user who signs in through the provider, a page offering its
// end-session endpoint; nullopt for a local user or a provider without one.
std::optional<http::Response> sso_signed_out_page(const Ctx& c, const std::string& user);

}  // namespace toteuma::web
