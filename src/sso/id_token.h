// An ID token checked as OpenID Connect Core §3.1.3.7 asks: the JWS signature by cjose against
// the provider's key named in its header, an accepted asymmetric algorithm (never "none", never a
// MAC keyed with a public key), then issuer, audience (and azp), expiry, issue time, not-before,
// nonce and, for Entra ID, the tenant. No JWT is parsed by hand: cjose splits and verifies it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sso/key_set.h"

namespace toteuma::sso {

struct TokenExpectations {
  std::string issuer;
  std::string client_id;
  std::string nonce;
  std::string tenant;                   // "" any
  std::vector<std::string> algorithms;  // e.g. {"RS256"}
  std::int64_t now = 0;                 // unix seconds
  std::int64_t skew = 120;              // clock difference tolerated, seconds
};

struct IdToken {
  std::string subject;   // sub
  nlohmann::json claims; // the whole payload
  // A claim as text ("" when absent or not a text).
  std::string text(const std::string& name) const;
  // A claim as a list of texts (a single text is a list of one; absent: empty).
  std::vector<std::string> list(const std::string& name) const;
};

// Throws SsoError with the failed check's code (sso_error.h).
IdToken verify_id_token(const std::string& token, const KeySet& keys, const TokenExpectations& e);

}  // namespace toteuma::sso
