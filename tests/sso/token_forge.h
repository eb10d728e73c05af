// Test-only: signing keys and ID tokens made with cjose, to show every refusal of sso/id_token
// (a real provider never signs a wrong token). Keys are RSA 2048 (or EC P-256) made per test run.
#pragma once
#include <cjose/cjose.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace toteuma::testing {

struct ForgeKey {
  std::shared_ptr<cjose_jwk_t> jwk;
  std::string kid;

  static ForgeKey rsa(const std::string& kid) {
    static const uint8_t e[] = {0x01, 0x00, 0x01};
    cjose_err err{};
    return make(cjose_jwk_create_RSA_random(2048, e, sizeof e, &err), kid);
  }
  static ForgeKey ec(const std::string& kid) {
    cjose_err err{};
    return make(cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_256, &err), kid);
  }
  static ForgeKey oct(const std::string& bytes, const std::string& kid) {
    cjose_err err{};
    return make(cjose_jwk_create_oct_spec(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &err), kid);
  }
  // The public half as a JWK object, "use": "sig".
  nlohmann::json public_json() const {
    cjose_err err{};
    char* text = cjose_jwk_to_json(jwk.get(), false, &err);
    auto j = nlohmann::json::parse(text);
    std::free(text);
    j["kid"] = kid;
    j["use"] = "sig";
    return j;
  }

 private:
  static ForgeKey make(cjose_jwk_t* k, const std::string& kid) {
    EXPECT_NE(k, nullptr);
    return {std::shared_ptr<cjose_jwk_t>(k, [](cjose_jwk_t* p) { cjose_jwk_release(p); }), kid};
  }
};

inline std::string jwks_of(const std::vector<ForgeKey>& keys) {
  nlohmann::json doc{{"keys", nlohmann::json::array()}};
  for (const auto& k : keys) doc["keys"].push_back(k.public_json());
  return doc.dump();
}

// A compact JWS of `claims` signed by `key` with `alg`; `kid` in the header unless empty.
inline std::string sign_token(const ForgeKey& key, const std::string& alg, const nlohmann::json& claims, const std::string& kid) {
  cjose_err err{};
  cjose_header_t* h = cjose_header_new(&err);
  cjose_header_set(h, CJOSE_HDR_ALG, alg.c_str(), &err);
  if (!kid.empty()) cjose_header_set(h, CJOSE_HDR_KID, kid.c_str(), &err);
  std::string payload = claims.dump();
  cjose_jws_t* jws = cjose_jws_sign(key.jwk.get(), h, reinterpret_cast<const uint8_t*>(payload.data()), payload.size(), &err);
  cjose_header_release(h);
  EXPECT_NE(jws, nullptr) << (err.message ? err.message : "");
  const char* out = nullptr;
  cjose_jws_export(jws, &out, &err);
  std::string token = out ? out : "";
  cjose_jws_release(jws);
  return token;
}

inline std::string b64url(const std::string& s) {
  cjose_err err{};
  char* out = nullptr;
  size_t len = 0;
  cjose_base64url_encode(reinterpret_cast<const uint8_t*>(s.data()), s.size(), &out, &len, &err);
  std::string r(out, len);
  cjose_get_dealloc()(out);
  return r;
}

// An unsigned token ("alg": "none"): header.payload. with an empty signature.
inline std::string unsigned_token(const nlohmann::json& header, const nlohmann::json& claims) {
  return b64url(header.dump()) + "." + b64url(claims.dump()) + ".";
}

}  // namespace toteuma::testing
