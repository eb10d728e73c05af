// The provider's signing keys (its JWKS document), each imported by cjose. Shared read-only
// between request threads once built.
#pragma once
#include <memory>
#include <string>
#include <vector>

typedef struct _cjose_jwk_int cjose_jwk_t;

namespace toteuma::sso {

struct Jwk {
  std::string kid;   // "" when the provider gave none
  std::string kty;   // "RSA", "EC"
  std::string alg;   // "" when not pinned by the provider
  std::shared_ptr<cjose_jwk_t> key;
};

class KeySet {
 public:
  KeySet() = default;
  // Parses a JWKS document ({"keys": [...]}); keys for encryption ("use": "enc") and symmetric
  // ("oct") keys are left out — an ID token is only ever checked against a provider's public key.
  // Throws SsoError("provider") when the document is not a JWKS.
  static KeySet parse(const std::string& json);
  // The key named `kid`; with an empty kid, the only key (nullptr when there are several).
  const Jwk* find(const std::string& kid) const;
  std::size_t size() const { return keys_.size(); }

 private:
  std::vector<Jwk> keys_;
};

}  // namespace toteuma::sso
