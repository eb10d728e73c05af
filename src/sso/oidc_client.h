// One OpenID provider as a relying party sees it: its discovery document, the authorization
// request (code flow with PKCE S256, state, nonce), the code exchange and the ID token's check
// against its JWKS — fetched once and again when a token names a key not in it (key rotation),
// such refetches at most once per `min_refetch` seconds so unknown kids cannot make us hammer the
// provider.
// Thread-safe: request threads share one client.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "sso/http_client.h"
#include "sso/id_token.h"
#include "sso/key_set.h"
#include "sso/sso_config.h"

namespace toteuma::sso {

struct ProviderMetadata {
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
  std::string end_session_endpoint;  // "" when the provider has none
};

class OidcClient {
 public:
  OidcClient(SsoConfig config, std::shared_ptr<HttpClient> http, std::int64_t min_refetch = 60);
  const SsoConfig& config() const { return config_; }

  // The discovery document (issuer + "/.well-known/openid-configuration"), fetched on first use and
  // kept; its issuer must be the configured one exactly. Throws SsoError("provider").
  ProviderMetadata metadata();
  // Where to send the browser: the authorization endpoint with response_type=code, the client,
  // the redirect URL, the scopes, state, nonce, the S256 challenge of `code_verifier` and the
  // page's language as ui_locales.
  std::string authorization_url(const std::string& state, const std::string& nonce, const std::string& code_verifier,
                                const std::string& ui_locale);
  // Exchanges the code (with the verifier, authenticated by the client secret when there is one)
  // and checks the ID token it returns. `raw_id_token` receives the token (for the end-session
  // hint). Throws SsoError.
  IdToken redeem(const std::string& code, const std::string& code_verifier, const std::string& nonce, std::int64_t now,
                 std::string* raw_id_token = nullptr);
  // Checks an ID token against the provider's keys, refetching them once on an unknown kid.
  IdToken verify(const std::string& id_token, const std::string& nonce, std::int64_t now);
  // The provider's end-session URL with the hint and the return address; "" when it has none.
  std::string end_session_url(const std::string& id_token_hint);
  // How many times the JWKS was fetched (tests of rotation and of the refetch limit).
  int jwks_fetches() const;

 private:
  KeySet keys(bool refetch, std::int64_t now);

  SsoConfig config_;
  std::shared_ptr<HttpClient> http_;
  std::int64_t min_refetch_;
  mutable std::mutex mu_;
  std::optional<ProviderMetadata> meta_;
  std::optional<KeySet> keys_;
  std::optional<std::int64_t> refetched_at_;  // the last fetch for an unknown kid
  int fetches_ = 0;
};

}  // namespace toteuma::sso
