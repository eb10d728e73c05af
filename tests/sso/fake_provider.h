// Test-only: an OpenID provider in the test process, as sso::HttpClient answers — discovery, a
// JWKS that a test can rotate, and a token endpoint returning the ID token a test forged. Counts
// what was asked, so a test can show the client refetched the keys (and only when it had to).
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sso/http_client.h"
#include "sso/sso_config.h"
#include "web/http/server.h"
#include "token_forge.h"

namespace toteuma::testing {

// The value of `name` in a URL's query (form-decoded): the state and nonce a sign-in sent.
inline std::string query_value(const std::string& url, const std::string& name) {
  auto at = url.find("?" + name + "=");
  if (at == std::string::npos) at = url.find("&" + name + "=");
  if (at == std::string::npos) return "";
  at += name.size() + 2;
  return http::url_decode(url.substr(at, url.find('&', at) - at), true);
}

struct FakeProvider : sso::HttpClient {
  std::string issuer = "https://login.example.test/tenant-laitila/v2.0";
  std::vector<ForgeKey> published;  // the JWKS
  std::string next_id_token;        // what the token endpoint answers with
  int token_status = 200;
  std::map<std::string, int> gets;  // URL → times fetched
  std::vector<std::pair<std::string, std::string>> last_token_form;
  std::string last_basic_user, last_basic_password;

  sso::HttpReply get(const std::string& url) override {
    ++gets[url];
    if (url == issuer + "/.well-known/openid-configuration")
      return {200, nlohmann::json{{"issuer", issuer},
                                  {"authorization_endpoint", issuer + "/authorize"},
                                  {"token_endpoint", issuer + "/token"},
                                  {"jwks_uri", issuer + "/keys"},
                                  {"end_session_endpoint", issuer + "/logout"}}
                       .dump()};
    if (url == issuer + "/keys") return {200, jwks_of(published)};
    return {404, ""};
  }
  sso::HttpReply post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>& fields,
                           const std::string& user, const std::string& password) override {
    last_token_form = fields;
    last_basic_user = user;
    last_basic_password = password;
    if (url != issuer + "/token") return {404, ""};
    if (token_status != 200) return {token_status, R"({"error":"invalid_grant"})"};
    return {200, nlohmann::json{{"access_token", "at"}, {"token_type", "Bearer"}, {"id_token", next_id_token}}.dump()};
  }
  int jwks_gets() { return gets[issuer + "/keys"]; }
};

// The configuration the tests sign in with: Entra-like roles, a group fallback, break-glass admin.
inline sso::SsoConfig fake_config(const std::string& issuer) {
  sso::SsoConfig c;
  c.name = "Testi-Entra";
  c.issuer = issuer;
  c.client_id = "toteuma-client";
  c.client_secret = "s3cret:with&odd=chars";
  c.redirect_url = "https://toteuma.example.test/sso/callback";
  c.tenant = "tenant-laitila";
  c.groups_claim = "groups";
  c.local_login = false;
  c.break_glass = {"paakayttaja"};
  c.roles = {{"Toteuma.Editor.kanslia", {*parse_grant("editor:kanslia")}},
             {"Toteuma.Finance", {*parse_grant("finance")}},
             {"Toteuma.Translator.sv", {*parse_grant("translator:sv")}}};
  c.groups = {{"group-talous", {*parse_grant("finance"), *parse_grant("viewer")}}};
  return c;
}

// Claims of a valid token for `c` at `now`.
inline nlohmann::json good_claims(const sso::SsoConfig& c, std::int64_t now, const std::string& nonce) {
  return {{"iss", c.issuer}, {"aud", c.client_id}, {"sub", "sub-eeva"}, {"iat", now - 5}, {"nbf", now - 5}, {"exp", now + 3600},
          {"nonce", nonce}, {"tid", "tenant-laitila"}, {"name", "Eeva Editori"}, {"email", "eeva.editori@laitila.example"},
          {"preferred_username", "Eeva.Editori@laitila.example"}, {"roles", {"Toteuma.Editor.kanslia"}}};
}

}  // namespace toteuma::testing
