// The whole sign-in against a real, standards-compliant OpenID provider (oidc-provider, started
// from tests/sso/start-provider.sh): discovery, the authorization request with PKCE, the
// provider's own sign-in page, the code exchange, the ID token checked against its JWKS — and the
// provider restarted with a new signing key. Runs when TOTEUMA_SSO_PROVIDER_TESTS is set (ctest
// sso_provider; needs node and npm).
#include <curl/curl.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "fake_provider.h"
#include "sso/http_client.h"
#include "sso/oidc_client.h"
#include "web_client.h"

extern char** environ;

namespace toteuma {
namespace {

using testing::Client;
using testing::query_value;

// The provider as a child process; stopped (its process group) when this goes.
class Provider {
 public:
  Provider(const std::vector<std::string>& args) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&at, 0);
    std::vector<std::string> all{"bash", std::string(TOTEUMA_SOURCE_DIR) + "/tests/sso/start-provider.sh"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawnp(&pid_, "bash", &fa, &at, argv.data(), environ) != 0) throw std::runtime_error("spawn");
    close(fds[1]);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    out_ = fds[0];
    // "ready http://127.0.0.1:PORT" within two minutes (the first run installs node_modules)
    std::string line;
    pollfd p{out_, POLLIN, 0};
    while (line.find('\n') == std::string::npos && poll(&p, 1, 120000) > 0) {
      char buf[256];
      ssize_t n = read(out_, buf, sizeof buf);
      if (n <= 0) break;
      line.append(buf, static_cast<std::size_t>(n));
    }
    auto at_ready = line.find("ready ");
    if (at_ready == std::string::npos) throw std::runtime_error("the provider did not start: " + line);
    url = line.substr(at_ready + 6, line.find('\n', at_ready) - at_ready - 6);
  }
  ~Provider() {
    kill(-pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    close(out_);
  }
  std::string url;  // the issuer
  std::string port() const { return url.substr(url.rfind(':') + 1); }

 private:
  pid_t pid_ = 0;
  int out_ = -1;
};

// A browser at the provider: keeps its cookies, follows redirects by hand until the one back to us,
// and signs in on the provider's page as `account`.
std::string sign_in_at_provider(const std::string& authorize_url, const std::string& account, const std::string& redirect_prefix,
                                const std::string& base) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_COOKIEFILE, "");
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 20L);
  std::string body;
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, +[](char* d, size_t s, size_t n, void* u) {
    static_cast<std::string*>(u)->append(d, s * n);
    return s * n;
  });
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  std::string url = authorize_url, form;
  for (int step = 0; step < 12; ++step) {
    if (url.rfind(redirect_prefix, 0) == 0) break;
    body.clear();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    if (!form.empty()) curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, form.c_str());
    else curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    form.clear();
    if (curl_easy_perform(h) != CURLE_OK) break;
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    char* location = nullptr;
    curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &location);
    if (status >= 300 && status < 400 && location) {
      url = location;
    } else if (status == 200 && body.find("name=\"login\"") != std::string::npos) {
      auto a = body.find("action=\"") + 8;
      std::string action = body.substr(a, body.find('"', a) - a);
      url = action.rfind("http", 0) == 0 ? action : base + action;
      form = "login=" + sso::form_encode(account);
    } else {
      ADD_FAILURE() << "the provider answered " << status << ": " << body.substr(0, 500);
      break;
    }
  }
  curl_easy_cleanup(h);
  return url;
}

struct SsoProvider : ::testing::Test {
  void SetUp() override {
    if (!std::getenv("TOTEUMA_SSO_PROVIDER_TESTS")) GTEST_SKIP() << "set TOTEUMA_SSO_PROVIDER_TESTS=1 (ctest sso_provider)";
    std::ofstream(w.tmp.path() / "secret") << secret << "\n";
  }
  std::vector<std::string> provider_args(const std::string& port, const std::string& keys) {
    return {"--port", port, "--client-id", "toteuma", "--client-secret-file", (w.tmp.path() / "secret").string(), "--redirect-uri", redirect,
            "--key-set", keys};
  }
  sso::SsoConfig config_for(const std::string& issuer) {
    std::string file = (w.tmp.path() / "sso.toml").string();
    std::ofstream(file) << "[oidc]\nname = \"Testi-IdP\"\nissuer = \"" << issuer << "\"\nclient_id = \"toteuma\"\nclient_secret_file = \""
                        << (w.tmp.path() / "secret").string() << "\"\nredirect_url = \"" << redirect
                        << "\"\ntenant = \"tenant-laitila\"\n[login]\nlocal = true\n[roles]\n\"Toteuma.Editor.kanslia\" = \"editor:kanslia\"\n"
                           "\"Toteuma.Finance\" = \"finance\"\n[groups]\n\"0f6c1c55-group-talous\" = [\"finance\", \"viewer\"]\n";
    return sso::read_sso_config(file, [](const char*) -> const char* { return nullptr; });
  }
  // Signs `account` in through the provider; the callback's answer.
  http::Response sign_in(Client& c, const Provider& p, const std::string& account) {
    auto start = c.get("/fi/sso", {{"next", "/fi/"}});
    EXPECT_EQ(start.status, 302) << start.body;
    std::string back = sign_in_at_provider(Client::header(start, "Location"), account, redirect, p.url);
    EXPECT_EQ(back.rfind(redirect + "?", 0), 0u) << back;
    return c.get("/sso/callback", {{"code", query_value(back, "code")}, {"state", query_value(back, "state")}});
  }
  testing::DemoWorkplace w;
  std::string secret = "a-client-secret-for-the-tests";
  std::string redirect = "http://127.0.0.1:9/sso/callback";  // never connected to: the test carries the answer
};

TEST_F(SsoProvider, TheWholeFlowMapsRolesRefusesTheUnmappedAndSurvivesKeyRotation) {
  std::string port;
  std::shared_ptr<sso::OidcClient> client;
  {
    Provider p(provider_args("0", "a"));
    port = p.port();
    client = std::make_shared<sso::OidcClient>(config_for(p.url), sso::curl_http_client(), 0);
    web::AppOptions o;
    o.sso = client;
    w.app = make_app(w.db, o);

    Client editor(w.app);
    auto r = sign_in(editor, p, "toimittaja");
    ASSERT_EQ(r.status, 200) << r.body;
    auto u = open_user_store(w.db)->user("eeva.editori");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->display_name, "Eeva Editori");
    ASSERT_EQ(u->grants.size(), 1u);
    EXPECT_EQ(to_string(u->grants[0]), "editor:kanslia");
    EXPECT_NE(editor.get("/fi/").body.find("Eeva Editori"), std::string::npos);

    Client group(w.app);  // roles empty, the group fallback
    ASSERT_EQ(sign_in(group, p, "ryhma").status, 200);
    auto g = open_user_store(w.db)->user("ritva");
    ASSERT_TRUE(g);
    EXPECT_EQ(g->grants.size(), 2u);

    Client nobody(w.app);
    auto refused = sign_in(nobody, p, "eiroolia");
    EXPECT_EQ(refused.status, 403);
    EXPECT_NE(refused.body.find("Sinulle ei ole annettu oikeuksia"), std::string::npos);
    Client guest(w.app);
    EXPECT_EQ(sign_in(guest, p, "vieras").status, 403);  // another tenant
    EXPECT_EQ(client->jwks_fetches(), 1);
  }
  // The provider comes back with another signing key: the next sign-in fetches the new JWKS.
  Provider rotated(provider_args(port, "b"));
  Client again(w.app);
  ASSERT_EQ(sign_in(again, rotated, "toimittaja").status, 200);
  EXPECT_EQ(client->jwks_fetches(), 2);
  EXPECT_FALSE(open_user_store(w.db)->user("eeva.editori-2"));
}

}  // namespace
}  // namespace toteuma
