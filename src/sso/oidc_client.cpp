#include "sso/oidc_client.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "auth/password.h"
#include "sso/sso_error.h"

namespace toteuma::sso {

namespace {

nlohmann::json json_of(const HttpReply& r, const std::string& what) {
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (r.status != 200 || j.is_discarded() || !j.is_object())
    throw SsoError("provider", fmt::format("{}: HTTP {} without a JSON object", what, r.status));
  return j;
}

std::string with_query(const std::string& url, const std::vector<std::pair<std::string, std::string>>& q) {
  std::string out = url;
  char sep = url.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [k, v] : q) {
    out += sep + form_encode(k) + "=" + form_encode(v);
    sep = '&';
  }
  return out;
}

}  // namespace

OidcClient::OidcClient(SsoConfig config, std::shared_ptr<HttpClient> http, std::int64_t min_refetch)
    : config_(std::move(config)), http_(std::move(http)), min_refetch_(min_refetch) {}

ProviderMetadata OidcClient::metadata() {
  std::lock_guard lock(mu_);
  if (meta_) return *meta_;
  std::string base = config_.issuer;
  while (!base.empty() && base.back() == '/') base.pop_back();
  std::string url = base + "/.well-known/openid-configuration";
  auto j = json_of(http_->get(url), url);
  ProviderMetadata m;
  auto field = [&](const char* name, bool required) {
    std::string v = j.contains(name) && j[name].is_string() ? j[name].get<std::string>() : "";
    if (required && v.empty()) throw SsoError("provider", fmt::format("{}: no {}", url, name));
    return v;
  };
  m.issuer = field("issuer", true);
  if (m.issuer != config_.issuer)
    throw SsoError("provider", fmt::format("the discovery document's issuer \"{}\" is not the configured \"{}\"", m.issuer, config_.issuer));
  m.authorization_endpoint = field("authorization_endpoint", true);
  m.token_endpoint = field("token_endpoint", true);
  m.jwks_uri = field("jwks_uri", true);
  m.end_session_endpoint = field("end_session_endpoint", false);
  meta_ = m;
  return m;
}

std::string OidcClient::authorization_url(const std::string& state, const std::string& nonce, const std::string& code_verifier,
                                          const std::string& ui_locale) {
  std::string scopes;
  for (const auto& s : config_.scopes) scopes += (scopes.empty() ? "" : " ") + s;
  return with_query(metadata().authorization_endpoint, {{"response_type", "code"},
                                                        {"client_id", config_.client_id},
                                                        {"redirect_uri", config_.redirect_url},
                                                        {"scope", scopes},
                                                        {"state", state},
                                                        {"nonce", nonce},
                                                        {"code_challenge", auth::pkce_challenge(code_verifier)},
                                                        {"code_challenge_method", "S256"},
                                                        {"ui_locales", ui_locale}});
}

KeySet OidcClient::keys(bool refetch, std::int64_t now) {
  std::string uri = metadata().jwks_uri;
  std::lock_guard lock(mu_);
  // The first fetch does not count against the limit: a rotation right after it must still work.
  if (keys_ && !(refetch && (!refetched_at_ || now - *refetched_at_ >= min_refetch_))) return *keys_;
  auto r = http_->get(uri);
  if (r.status != 200) throw SsoError("provider", fmt::format("{}: HTTP {}", uri, r.status));
  keys_ = KeySet::parse(r.body);
  if (refetch) refetched_at_ = now;
  ++fetches_;
  return *keys_;
}

IdToken OidcClient::verify(const std::string& id_token, const std::string& nonce, std::int64_t now) {
  TokenExpectations e{config_.issuer, config_.client_id, nonce, config_.tenant, config_.algorithms, now};
  try {
    return verify_id_token(id_token, keys(false, now), e);
  } catch (const SsoError& err) {
    if (err.code != "unknown_key") throw;
  }
  return verify_id_token(id_token, keys(true, now), e);  // the provider may have rotated its keys
}

IdToken OidcClient::redeem(const std::string& code, const std::string& code_verifier, const std::string& nonce, std::int64_t now,
                           std::string* raw_id_token) {
  std::vector<std::pair<std::string, std::string>> form{{"grant_type", "authorization_code"},
                                                        {"code", code},
                                                        {"redirect_uri", config_.redirect_url},
                                                        {"code_verifier", code_verifier}};
  // A confidential client authenticates with HTTP Basic; a public one (no secret) names itself.
  if (config_.client_secret.empty()) form.emplace_back("client_id", config_.client_id);
  auto r = http_->post_form(metadata().token_endpoint, form, config_.client_secret.empty() ? "" : config_.client_id,
                            config_.client_secret);
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (r.status != 200 || j.is_discarded() || !j.is_object() || !j.contains("id_token") || !j["id_token"].is_string()) {
    std::string why = !j.is_discarded() && j.is_object() && j.contains("error") && j["error"].is_string() ? j["error"].get<std::string>() : "";
    throw SsoError("token_exchange", fmt::format("the token endpoint answered HTTP {} {}", r.status, why));
  }
  std::string token = j["id_token"].get<std::string>();
  IdToken t = verify(token, nonce, now);
  if (raw_id_token) *raw_id_token = token;
  return t;
}

std::string OidcClient::end_session_url(const std::string& id_token_hint) {
  std::string endpoint;
  try {
    endpoint = metadata().end_session_endpoint;
  } catch (const SsoError&) {
    return "";  // the provider is away: our own session has ended anyway
  }
  if (endpoint.empty()) return "";
  std::vector<std::pair<std::string, std::string>> q{{"client_id", config_.client_id}};
  if (!id_token_hint.empty()) q.emplace_back("id_token_hint", id_token_hint);
  if (!config_.post_logout_url.empty()) q.emplace_back("post_logout_redirect_uri", config_.post_logout_url);
  return with_query(endpoint, q);
}

int OidcClient::jwks_fetches() const {
  std::lock_guard lock(mu_);
  return fetches_;
}

}  // namespace toteuma::sso
