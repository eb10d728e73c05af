// The single sign-on configuration (docs/SSO.md): one OpenID provider, how its claims become
// Toteuma's grants, and whether passwords still work. A TOML file (`serve --sso-config`,
// TOTEUMA_SSO_CONFIG); the provider's address, client and secret file can come from the
// environment instead (TOTEUMA_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET_FILE, _REDIRECT_URL).
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/workplace/access.h"

namespace toteuma::sso {

// A claim value (an app role, a group id) and the grants it gives.
using GrantMap = std::vector<std::pair<std::string, std::vector<Grant>>>;

struct SsoConfig {
  std::string name = "OpenID";  // the provider's name on the sign-in button
  std::string issuer;           // as the provider's discovery document and tokens say it
  std::string client_id;
  std::string client_secret;    // from client_secret_file; never logged, shown or stored
  std::string redirect_url;     // absolute; its path is the callback route
  std::vector<std::string> scopes{"openid", "profile", "email"};
  std::string tenant;           // "" any; else the token's `tid` must be this (Entra ID)
  std::vector<std::string> algorithms{"RS256"};  // signature algorithms accepted (asymmetric only)
  std::string roles_claim = "roles";
  std::string groups_claim;     // "" no fallback to groups
  std::string post_logout_url;  // where the provider returns after its own sign-out ("" none)
  bool local_login = true;      // false: passwords only for break_glass
  std::vector<std::string> break_glass;
  GrantMap roles;               // app role value → grants
  GrantMap groups;              // group id → grants (the fallback)

  // The path of redirect_url: "/sso/callback".
  std::string callback_path() const;
  // May `user` log in with a password?
  bool password_allowed(const std::string& user) const;
};

// Reads the file; `env` looks up environment variables (std::getenv in the program, a map in
// tests). Throws InputError naming the file, line and key and what was expected (en/fi/sv).
SsoConfig read_sso_config(const std::string& path, const std::function<const char*(const char*)>& env);

}  // namespace toteuma::sso
