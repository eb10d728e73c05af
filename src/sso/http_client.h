// The provider's endpoints over HTTP(S) with libcurl: discovery, JWKS, the token exchange.
// An interface, so tests can count fetches or stand in for a provider that misbehaves.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace toteuma::sso {

struct HttpReply {
  long status = 0;
  std::string body;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Throws SsoError("provider") when the server cannot be reached or the answer is over 1 MiB.
  virtual HttpReply get(const std::string& url) = 0;
  // An application/x-www-form-urlencoded POST; `basic_user` non-empty: HTTP Basic authentication
  // (client_secret_basic), both parts form-encoded as RFC 6749 §2.3.1 asks.
  virtual HttpReply post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>& fields,
                              const std::string& basic_user, const std::string& basic_password) = 0;
};

// libcurl: no redirects followed, http and https only, certificates verified, 10 s per request.
std::unique_ptr<HttpClient> curl_http_client();

// application/x-www-form-urlencoded encoding of one value.
std::string form_encode(const std::string& s);

}  // namespace toteuma::sso
