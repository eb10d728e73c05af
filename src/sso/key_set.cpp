#include "sso/key_set.h"

#include <cjose/cjose.h>

#include <nlohmann/json.hpp>

#include "sso/sso_error.h"

namespace toteuma::sso {

KeySet KeySet::parse(const std::string& json) {
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array())
    throw SsoError("provider", "the jwks_uri answer is not a JWKS document");
  KeySet set;
  for (const auto& k : doc["keys"]) {
    if (!k.is_object()) continue;
    std::string kty = k.value("kty", ""), use = k.value("use", "sig");
    if ((kty != "RSA" && kty != "EC") || use != "sig") continue;
    std::string text = k.dump();
    cjose_err err{};
    cjose_jwk_t* jwk = cjose_jwk_import(text.c_str(), text.size(), &err);
    if (!jwk) continue;  // a key this library cannot use cannot have signed a token we accept
    set.keys_.push_back({k.value("kid", ""), kty, k.value("alg", ""), std::shared_ptr<cjose_jwk_t>(jwk, [](cjose_jwk_t* p) {
                           cjose_jwk_release(p);
                         })});
  }
  return set;
}

const Jwk* KeySet::find(const std::string& kid) const {
  if (kid.empty()) return keys_.size() == 1 ? &keys_.front() : nullptr;
  for (const auto& k : keys_)
    if (k.kid == kid) return &k;
  return nullptr;
}

}  // namespace toteuma::sso
