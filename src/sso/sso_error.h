// Why a sign-in through the provider failed. The code goes into the audit row and the server log;
// the person sees the catalogue's text for it (web.sso_failed.<code>) in Finnish or Swedish.
#pragma once
#include <stdexcept>
#include <string>

namespace toteuma::sso {

struct SsoError : std::runtime_error {
  // `code`: provider (unreachable or answered nonsense), token_exchange, signature, algorithm,
  // unknown_key, issuer, audience, expired, not_yet_valid, nonce, tenant, malformed, state,
  // no_grant, disabled. `detail` is for the log only (never a secret).
  SsoError(std::string code, const std::string& detail) : std::runtime_error(detail), code(std::move(code)) {}
  std::string code;
};

}  // namespace toteuma::sso
