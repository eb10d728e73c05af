// Every refusal of an ID token (issue 19 item 4) and key rotation, on tokens forged with cjose.
#include "sso/id_token.h"

#include <gtest/gtest.h>

#include "fake_provider.h"
#include "sso/oidc_client.h"
#include "sso/sso_error.h"

namespace toteuma {
namespace {

using testing::ForgeKey;

constexpr std::int64_t kNow = 1'780'000'000;

struct IdTokenTest : ::testing::Test {
  static inline ForgeKey key_a = ForgeKey::rsa("key-a");
  sso::SsoConfig config = testing::fake_config("https://login.example.test/tenant-laitila/v2.0");
  sso::KeySet keys = sso::KeySet::parse(testing::jwks_of({key_a}));
  nlohmann::json claims = testing::good_claims(config, kNow, "nonce-1");

  sso::TokenExpectations expect() const {
    return {config.issuer, config.client_id, "nonce-1", config.tenant, config.algorithms, kNow};
  }
  // The code of the refusal, or "accepted".
  std::string verdict(const std::string& token) const {
    try {
      sso::verify_id_token(token, keys, expect());
      return "accepted";
    } catch (const sso::SsoError& e) {
      return e.code;
    }
  }
  std::string signed_with(const nlohmann::json& c) const { return testing::sign_token(key_a, "RS256", c, "key-a"); }
};

TEST_F(IdTokenTest, AGoodTokenIsAcceptedWithItsClaims) {
  auto t = sso::verify_id_token(signed_with(claims), keys, expect());
  EXPECT_EQ(t.subject, "sub-eeva");
  EXPECT_EQ(t.text("name"), "Eeva Editori");
  EXPECT_EQ(t.list("roles"), std::vector<std::string>{"Toteuma.Editor.kanslia"});
}

TEST_F(IdTokenTest, AlgNoneIsRefused) {
  EXPECT_NE(verdict(testing::unsigned_token({{"alg", "none"}, {"kid", "key-a"}}, claims)), "accepted");
  EXPECT_NE(verdict(testing::unsigned_token({{"alg", "none"}}, claims)), "accepted");
  // and a real signature under a header that says none is refused before any key is used
  auto parts = signed_with(claims);
  std::string none_header = testing::b64url(R"({"alg":"none","kid":"key-a"})");
  EXPECT_NE(verdict(none_header + parts.substr(parts.find('.'))), "accepted");
}

TEST_F(IdTokenTest, AMacKeyedWithThePublicKeyIsRefused) {
  // The classic confusion: HS256 with the provider's public key as the secret.
  auto mac = ForgeKey::oct(key_a.public_json()["n"].get<std::string>(), "key-a");
  EXPECT_EQ(verdict(testing::sign_token(mac, "HS256", claims, "key-a")), "algorithm");
}

TEST_F(IdTokenTest, AnAlgorithmNotConfiguredOrNotTheKeysIsRefused) {
  EXPECT_EQ(verdict(testing::sign_token(key_a, "RS384", claims, "key-a")), "algorithm");
  config.algorithms = {"RS256", "ES256"};
  // an ES256 header naming the RSA key: the key's type does not sign with that algorithm
  auto ec = ForgeKey::ec("key-a");
  EXPECT_EQ(verdict(testing::sign_token(ec, "ES256", claims, "key-a")), "algorithm");
}

TEST_F(IdTokenTest, ASignatureOfAnotherKeyIsRefused) {
  auto impostor = ForgeKey::rsa("key-a");
  EXPECT_EQ(verdict(testing::sign_token(impostor, "RS256", claims, "key-a")), "signature");
  auto token = signed_with(claims);
  // a bit flipped in the middle of the signature (the last character's low bits are padding)
  std::size_t mid = token.rfind('.') + 100;
  token[mid] = token[mid] == 'A' ? 'B' : 'A';
  EXPECT_EQ(verdict(token), "signature");
}

TEST_F(IdTokenTest, AnUnknownKeyIsRefused) {
  EXPECT_EQ(verdict(testing::sign_token(ForgeKey::rsa("key-z"), "RS256", claims, "key-z")), "unknown_key");
}

TEST_F(IdTokenTest, WrongIssuerAudienceExpiryNonceOrTenantIsRefused) {
  auto with = [&](const char* name, nlohmann::json value) {
    auto c = claims;
    if (value.is_null()) c.erase(name);
    else c[name] = value;
    return verdict(signed_with(c));
  };
  EXPECT_EQ(with("iss", "https://login.example.test/other/v2.0"), "issuer");
  EXPECT_EQ(with("iss", nullptr), "issuer");
  EXPECT_EQ(with("aud", "another-client"), "audience");
  EXPECT_EQ(with("aud", nlohmann::json::array({"another-client", "third"})), "audience");
  EXPECT_EQ(with("aud", nlohmann::json::array({"toteuma-client", "third"})), "audience");  // no azp
  {
    auto c = claims;
    c["aud"] = {"toteuma-client", "third"};
    c["azp"] = "toteuma-client";
    EXPECT_EQ(verdict(signed_with(c)), "accepted");
  }
  EXPECT_EQ(with("exp", kNow - 121), "expired");
  EXPECT_EQ(with("exp", kNow - 100), "accepted");  // within the tolerated clock difference
  EXPECT_EQ(with("exp", nullptr), "malformed");
  EXPECT_EQ(with("iat", kNow + 600), "not_yet_valid");
  EXPECT_EQ(with("nbf", kNow + 600), "not_yet_valid");
  EXPECT_EQ(with("nonce", "nonce-2"), "nonce");
  EXPECT_EQ(with("nonce", nullptr), "nonce");
  EXPECT_EQ(with("tid", "tenant-muu"), "tenant");
  EXPECT_EQ(with("sub", ""), "malformed");
}

TEST_F(IdTokenTest, NonsenseIsRefusedNotCrashedOn) {
  for (const std::string& t : std::vector<std::string>{"", ".", "..", "a.b.c", "eyJhbGciOiJSUzI1NiJ9..", std::string(5000, 'x')}) EXPECT_NE(verdict(t), "accepted") << t;
}

// Key rotation: the client fetches the JWKS once, again for a token naming a key it does not
// have, and not again for another unknown key within the refetch limit.
TEST(OidcClientKeys, AnUnknownKidRefetchesTheKeysOnceThenRefuses) {
  auto fake = std::make_shared<testing::FakeProvider>();
  auto a = ForgeKey::rsa("key-a"), b = ForgeKey::rsa("key-b");
  fake->published = {a};
  auto config = testing::fake_config(fake->issuer);
  sso::OidcClient client(config, fake, 60);
  auto claims = testing::good_claims(config, kNow, "n1");
  EXPECT_EQ(client.verify(testing::sign_token(a, "RS256", claims, "key-a"), "n1", kNow).subject, "sub-eeva");
  EXPECT_EQ(fake->jwks_gets(), 1);
  EXPECT_EQ(client.verify(testing::sign_token(a, "RS256", claims, "key-a"), "n1", kNow).subject, "sub-eeva");
  EXPECT_EQ(fake->jwks_gets(), 1);  // kept

  fake->published = {b};  // the provider rotates
  EXPECT_EQ(client.verify(testing::sign_token(b, "RS256", claims, "key-b"), "n1", kNow + 120).subject, "sub-eeva");
  EXPECT_EQ(fake->jwks_gets(), 2);

  auto z = ForgeKey::rsa("key-z");  // never published: refused, and the limit holds
  try {
    client.verify(testing::sign_token(z, "RS256", claims, "key-z"), "n1", kNow + 130);
    ADD_FAILURE() << "accepted a token of an unknown key";
  } catch (const sso::SsoError& e) {
    EXPECT_EQ(e.code, "unknown_key");
  }
  EXPECT_EQ(fake->jwks_gets(), 2);
}

TEST(OidcClientKeys, ADiscoveryDocumentOfAnotherIssuerIsRefused) {
  auto fake = std::make_shared<testing::FakeProvider>();
  auto config = testing::fake_config(fake->issuer + "/");  // one slash more is another issuer
  sso::OidcClient client(config, fake);
  try {
    client.metadata();
    ADD_FAILURE() << "accepted";
  } catch (const sso::SsoError& e) {
    EXPECT_EQ(e.code, "provider");
  }
}

TEST(OidcClientKeys, TheAuthorizationRequestHasPkceStateNonceAndTheCodeExchangeTheVerifier) {
  auto fake = std::make_shared<testing::FakeProvider>();
  auto a = ForgeKey::rsa("key-a");
  fake->published = {a};
  auto config = testing::fake_config(fake->issuer);
  sso::OidcClient client(config, fake);
  std::string url = client.authorization_url("st", "no", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "sv");
  EXPECT_EQ(url.rfind(fake->issuer + "/authorize?response_type=code&client_id=toteuma-client&", 0), 0u) << url;
  // RFC 7636 appendix B: this verifier's S256 challenge
  EXPECT_NE(url.find("code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"), std::string::npos) << url;
  EXPECT_NE(url.find("&state=st&nonce=no&"), std::string::npos);
  EXPECT_NE(url.find("scope=openid+profile+email"), std::string::npos);
  EXPECT_NE(url.find("ui_locales=sv"), std::string::npos);

  fake->next_id_token = testing::sign_token(a, "RS256", testing::good_claims(config, kNow, "no"), "key-a");
  EXPECT_EQ(client.redeem("the-code", "the-verifier", "no", kNow).subject, "sub-eeva");
  EXPECT_EQ(fake->last_basic_user, "toteuma-client");
  EXPECT_EQ(fake->last_basic_password, "s3cret:with&odd=chars");
  auto form = fake->last_token_form;
  EXPECT_NE(std::find(form.begin(), form.end(), std::pair<std::string, std::string>{"code_verifier", "the-verifier"}), form.end());
  EXPECT_NE(std::find(form.begin(), form.end(), std::pair<std::string, std::string>{"redirect_uri", config.redirect_url}), form.end());
  fake->token_status = 400;
  try {
    client.redeem("used-code", "v", "no", kNow);
    ADD_FAILURE() << "accepted";
  } catch (const sso::SsoError& e) {
    EXPECT_EQ(e.code, "token_exchange");
  }
}

}  // namespace
}  // namespace toteuma
