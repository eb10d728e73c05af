#include "sso/id_token.h"

#include <cjose/cjose.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "auth/password.h"
#include "sso/sso_error.h"

namespace toteuma::sso {

namespace {

// The key type an algorithm needs: RS*/PS* an RSA key, ES* an EC key.
std::string key_type_of(const std::string& alg) { return alg.rfind("ES", 0) == 0 ? "EC" : "RSA"; }

bool is_int(const nlohmann::json& j, const char* name) { return j.contains(name) && j[name].is_number_integer(); }

}  // namespace

std::string IdToken::text(const std::string& name) const {
  auto it = claims.find(name);
  return it != claims.end() && it->is_string() ? it->get<std::string>() : "";
}

std::vector<std::string> IdToken::list(const std::string& name) const {
  std::vector<std::string> out;
  auto it = claims.find(name);
  if (it == claims.end()) return out;
  if (it->is_string()) return {it->get<std::string>()};
  if (it->is_array())
    for (const auto& v : *it)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

IdToken verify_id_token(const std::string& token, const KeySet& keys, const TokenExpectations& e) {
  cjose_err err{};
  std::unique_ptr<cjose_jws_t, void (*)(cjose_jws_t*)> jws(cjose_jws_import(token.c_str(), token.size(), &err), cjose_jws_release);
  if (!jws) throw SsoError("malformed", fmt::format("the ID token is not a JWS: {}", err.message ? err.message : "?"));
  cjose_header_t* header = cjose_jws_get_protected(jws.get());
  const char* alg_c = header ? cjose_header_get(header, CJOSE_HDR_ALG, &err) : nullptr;
  std::string alg = alg_c ? alg_c : "";
  if (std::find(e.algorithms.begin(), e.algorithms.end(), alg) == e.algorithms.end())
    throw SsoError("algorithm", fmt::format("the ID token's algorithm \"{}\" is not accepted", alg));
  const char* kid_c = cjose_header_get(header, CJOSE_HDR_KID, &err);
  std::string kid = kid_c ? kid_c : "";
  const Jwk* key = keys.find(kid);
  if (!key) throw SsoError("unknown_key", fmt::format("no key \"{}\" in the provider's JWKS", kid));
  if (key->kty != key_type_of(alg) || (!key->alg.empty() && key->alg != alg))
    throw SsoError("algorithm", fmt::format("key \"{}\" ({} {}) does not sign with {}", kid, key->kty, key->alg, alg));
  if (!cjose_jws_verify(jws.get(), key->key.get(), &err))
    throw SsoError("signature", fmt::format("the ID token's signature does not verify with key \"{}\"", kid));

  uint8_t* plain = nullptr;
  size_t plain_len = 0;
  if (!cjose_jws_get_plaintext(jws.get(), &plain, &plain_len, &err)) throw SsoError("malformed", "the ID token has no payload");
  IdToken t;
  t.claims = nlohmann::json::parse(reinterpret_cast<const char*>(plain), reinterpret_cast<const char*>(plain) + plain_len, nullptr, false);
  if (t.claims.is_discarded() || !t.claims.is_object()) throw SsoError("malformed", "the ID token's payload is not a JSON object");

  if (t.text("iss") != e.issuer) throw SsoError("issuer", fmt::format("issuer \"{}\", expected \"{}\"", t.text("iss"), e.issuer));
  auto aud = t.list("aud");
  if (std::find(aud.begin(), aud.end(), e.client_id) == aud.end())
    throw SsoError("audience", fmt::format("audience [{}] does not name this client", fmt::join(aud, ", ")));
  if (aud.size() > 1 && t.text("azp") != e.client_id) throw SsoError("audience", "several audiences and azp is not this client");
  if (!is_int(t.claims, "exp") || !is_int(t.claims, "iat")) throw SsoError("malformed", "exp or iat missing");
  if (t.claims["exp"].get<std::int64_t>() + e.skew <= e.now) throw SsoError("expired", "the ID token has expired");
  if (t.claims["iat"].get<std::int64_t>() - e.skew > e.now) throw SsoError("not_yet_valid", "the ID token is issued in the future");
  if (is_int(t.claims, "nbf") && t.claims["nbf"].get<std::int64_t>() - e.skew > e.now)
    throw SsoError("not_yet_valid", "the ID token is not valid yet (nbf)");
  if (e.nonce.empty() || !auth::equal_secret(t.text("nonce"), e.nonce)) throw SsoError("nonce", "the nonce is not this sign-in's");
  if (!e.tenant.empty() && t.text("tid") != e.tenant) throw SsoError("tenant", fmt::format("tenant \"{}\" is not the configured one", t.text("tid")));
  t.subject = t.text("sub");
  if (t.subject.empty()) throw SsoError("malformed", "sub missing");
  return t;
}

}  // namespace toteuma::sso
