#include "sso/http_client.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <cctype>
#include <mutex>

#include "sso/sso_error.h"

namespace toteuma::sso {

namespace {

constexpr std::size_t kMaxBody = 1 << 20;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t collect(char* data, std::size_t size, std::size_t n, void* user) {
  auto* body = static_cast<std::string*>(user);
  if (body->size() + size * n > kMaxBody) return 0;  // curl stops with a write error
  body->append(data, size * n);
  return size * n;
}

struct Easy {
  CURL* h = curl_easy_init();
  curl_slist* headers = nullptr;
  ~Easy() {
    curl_slist_free_all(headers);
    curl_easy_cleanup(h);
  }
};

class CurlClient : public HttpClient {
 public:
  HttpReply get(const std::string& url) override {
    Easy e;
    return perform(e, url);
  }
  HttpReply post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>& fields,
                      const std::string& basic_user, const std::string& basic_password) override {
    Easy e;
    std::string body;
    for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + form_encode(k) + "=" + form_encode(v);
    curl_easy_setopt(e.h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(e.h, CURLOPT_COPYPOSTFIELDS, body.c_str());
    if (!basic_user.empty()) {
      std::string user = form_encode(basic_user), pass = form_encode(basic_password);
      curl_easy_setopt(e.h, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
      curl_easy_setopt(e.h, CURLOPT_USERNAME, user.c_str());
      curl_easy_setopt(e.h, CURLOPT_PASSWORD, pass.c_str());
    }
    return perform(e, url);
  }

 private:
  HttpReply perform(Easy& e, const std::string& url) {
    if (!e.h) throw SsoError("provider", "curl_easy_init failed");
    HttpReply r;
    e.headers = curl_slist_append(e.headers, "Accept: application/json");
    curl_easy_setopt(e.h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(e.h, CURLOPT_HTTPHEADER, e.headers);
    curl_easy_setopt(e.h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e.h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e.h, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(e.h, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(e.h, CURLOPT_NOSIGNAL, 1L);  // request threads: no SIGALRM for timeouts
    curl_easy_setopt(e.h, CURLOPT_USERAGENT, "Toteuma");
    curl_easy_setopt(e.h, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(e.h, CURLOPT_WRITEDATA, &r.body);
    CURLcode rc = curl_easy_perform(e.h);
    if (rc != CURLE_OK) throw SsoError("provider", fmt::format("{}: {}", url, curl_easy_strerror(rc)));
    curl_easy_getinfo(e.h, CURLINFO_RESPONSE_CODE, &r.status);
    return r;
  }
};

}  // namespace

std::unique_ptr<HttpClient> curl_http_client() {
  global_init();
  return std::make_unique<CurlClient>();
}

std::string form_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') out += static_cast<char>(ch);
    else if (ch == ' ') out += '+';
    else out += {'%', hex[ch >> 4], hex[ch & 15]};
  }
  return out;
}

}  // namespace toteuma::sso
