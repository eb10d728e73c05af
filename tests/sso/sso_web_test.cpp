// Single sign-on through the web (issue 19): the flow from the login page's button to the
// callback, against the in-process provider of fake_provider.h; every refusal the person can meet.
#include <gtest/gtest.h>

#include "fake_provider.h"
#include "sso/oidc_client.h"
#include "store/audit_rows.h"
#include "store/workplace_store.h"
#include "web/auth_routes.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;
using testing::ForgeKey;
using testing::query_value;

const std::string kPassword = "salasana-1234";

struct SsoWeb : ::testing::Test {
  static inline ForgeKey key = ForgeKey::rsa("key-a");
  testing::DemoWorkplace w;
  std::shared_ptr<testing::FakeProvider> fake = std::make_shared<testing::FakeProvider>();
  sso::SsoConfig config = testing::fake_config(fake->issuer);

  void SetUp() override {
    fake->published = {key};
    testing::add_user(w.db, "paakayttaja", "admin", kPassword);
    testing::add_user(w.db, "talous", "finance", kPassword);
    web::AppOptions o;
    o.sso = std::make_shared<sso::OidcClient>(config, fake);
    w.app = make_app(w.db, o);
  }
  // Starts a sign-in in `c` (the login page's button) and comes back to the callback with a token of
  // `claims`, its nonce the one the provider was asked to put there unless `keep_nonce`.
  http::Response sign_in(Client& c, nlohmann::json claims, const std::string& next = "/fi/unit/kanslia", bool keep_nonce = false,
                         const std::string& iss = "") {
    auto start = c.get("/fi/sso", {{"next", next}});
    EXPECT_EQ(start.status, 302);
    std::string location = Client::header(start, "Location");
    last_state = query_value(location, "state");
    if (!keep_nonce) claims["nonce"] = query_value(location, "nonce");
    fake->next_id_token = testing::sign_token(key, "RS256", claims, "key-a");
    std::map<std::string, std::string> q{{"code", "code-1"}, {"state", last_state}};
    if (!iss.empty()) q["iss"] = iss;
    return c.get("/sso/callback", q);
  }
  nlohmann::json claims(std::int64_t offset = 0) const { return testing::good_claims(config, web::unix_now() + offset, ""); }
  std::optional<User> user(const std::string& id) { return open_user_store(w.db)->user(id); }
  std::vector<AuditEntry> audit() { return open_workplace_store(w.db)->audit("", 1000); }
  std::string last_state;
};

std::string grants_of(const std::optional<User>& u) {
  std::string out;
  if (u)
    for (const auto& g : u->grants) out += (out.empty() ? "" : ",") + to_string(g);
  return out;
}

TEST_F(SsoWeb, TheLoginPageOffersTheProviderAndSaysPasswordsAreForBreakGlassOnly) {
  Client c(w.app);
  auto page = c.get("/fi/login", {{"next", "/fi/unit/kanslia"}});
  EXPECT_NE(page.body.find("href=\"&#x2F;fi&#x2F;sso?next=%2Ffi%2Funit%2Fkanslia\""), std::string::npos) << page.body;  // "/" escaped
  EXPECT_NE(page.body.find("Kirjaudu organisaation tunnuksella (Testi-Entra)"), std::string::npos);
  EXPECT_NE(page.body.find("vain varatunnukset"), std::string::npos);
  EXPECT_NE(c.get("/sv/login").body.find("Logga in med organisationens konto (Testi-Entra)"), std::string::npos);
}

TEST_F(SsoWeb, AFirstSignInCreatesTheUserWithTheMappedGrantsAndLandsOnThePageAsked) {
  Client c(w.app);
  auto r = sign_in(c, claims());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("http-equiv=\"refresh\" content=\"0;url=/fi/unit/kanslia\""), std::string::npos) << r.body;
  auto u = user("eeva.editori");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->display_name, "Eeva Editori");
  EXPECT_EQ(grants_of(u), "editor:kanslia");
  EXPECT_EQ(u->password_hash, "");
  auto home = c.get("/fi/");
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("Eeva Editori"), std::string::npos);
  // the editor writes its own unit's text (a CSRF token came with the session)
  c.csrf = Client::field(home.body, "csrf");
  std::string before = w.narrative("kanslia", 2024, "risks", Lang::fi);
  auto saved = c.post("/fi/unit/kanslia/narrative", {{"before", before}, {"had_before", "1"}, {"markdown", "Kertakirjautuneen teksti."}, {"action", "save"}},
                      {{"doc", "annual-report"}, {"year", "2024"}, {"section", "risks"}, {"text", "fi"}});
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(w.narrative("kanslia", 2024, "risks", Lang::fi), "Kertakirjautuneen teksti.");
  // audited: the user by itself via sso, its grants, the sign-in
  std::vector<std::string> rows;
  for (const auto& a : audit())
    if (a.user == "eeva.editori") rows.push_back(a.entity + " " + a.key + " " + a.after.value_or("-") + " by " + a.user);
  std::vector<std::string> want{"narrative kanslia/2024/risks/fi Kertakirjautuneen teksti. by eeva.editori",
                                "sign_in eeva.editori " + fake->issuer + " by eeva.editori", "grant eeva.editori editor:kanslia by eeva.editori",
                                "user eeva.editori Eeva Editori by eeva.editori"};
  EXPECT_EQ(rows, want);
  // the admin sees that its roles come from the provider
  Client admin(w.app);
  ASSERT_EQ(admin.login("paakayttaja", kPassword).status, 303);
  EXPECT_NE(admin.get("/fi/admin/users/eeva.editori").body.find("kirjautuu kertakirjautumisella (" + fake->issuer + ")"), std::string::npos);
  EXPECT_EQ(admin.get("/fi/admin/users/talous").body.find("kertakirjautumisella"), std::string::npos);
  // the same person again is the same user
  Client again(w.app);
  ASSERT_EQ(sign_in(again, claims()).status, 200);
  EXPECT_FALSE(user("eeva.editori-2"));
}

TEST_F(SsoWeb, GrantsFollowTheTokenAtEachSignInAndTheChangeIsAudited) {
  Client c(w.app);
  ASSERT_EQ(sign_in(c, claims()).status, 200);
  auto j = claims();
  j["roles"] = {"Toteuma.Finance", "Toteuma.Translator.sv", "Not.Mapped"};
  Client c2(w.app);
  ASSERT_EQ(sign_in(c2, j).status, 200);
  EXPECT_EQ(grants_of(user("eeva.editori")), "finance,translator:sv");
  auto rows = audit();
  auto it = std::find_if(rows.begin(), rows.end(), [](const AuditEntry& a) { return a.entity == "grant" && a.before; });
  ASSERT_NE(it, rows.end());
  EXPECT_EQ(*it->before, "editor:kanslia");
  EXPECT_EQ(*it->after, "finance, translator:sv");
  // the groups claim is the configured fallback
  j["roles"] = nlohmann::json::array();
  j["groups"] = {"group-talous", "group-unknown"};
  Client c3(w.app);
  ASSERT_EQ(sign_in(c3, j).status, 200);
  EXPECT_EQ(grants_of(user("eeva.editori")), "finance,viewer");
}

TEST_F(SsoWeb, SomeoneWithoutAMappedRoleIsRefusedClearlyAndNotCreated) {
  auto j = claims();
  j["sub"] = "sub-niko";
  j["preferred_username"] = "niko@laitila.example";
  j["roles"] = {"Something.Else"};
  Client c(w.app);
  auto r = sign_in(c, j);
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("Sinulle ei ole annettu oikeuksia Toteumaan"), std::string::npos) << r.body;
  EXPECT_FALSE(user("niko"));
  EXPECT_EQ(c.get("/fi/").status, 303);  // not logged in
  auto rows = audit();
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.front().entity, "sign_in_failed");
  EXPECT_EQ(rows.front().after.value_or(""), "no_grant");
  // a known user whose roles were taken away loses its grants and is refused too
  Client e(w.app);
  ASSERT_EQ(sign_in(e, claims()).status, 200);
  auto none = claims();
  none["roles"] = nlohmann::json::array();
  Client e2(w.app);
  EXPECT_EQ(sign_in(e2, none).status, 403);
  EXPECT_EQ(grants_of(user("eeva.editori")), "");
  EXPECT_EQ(e.get("/fi/").status, 303) << "its earlier session ended";
}

TEST_F(SsoWeb, ADisabledUserCannotSignIn) {
  Client c(w.app);
  ASSERT_EQ(sign_in(c, claims()).status, 200);
  open_user_store(w.db)->set_disabled("eeva.editori", true);
  Client c2(w.app);
  auto r = sign_in(c2, claims());
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("poistettu käytöstä"), std::string::npos);
  EXPECT_EQ(c2.get("/fi/").status, 303);
}

TEST_F(SsoWeb, AStateIsGoodOnceAndOnlyInTheBrowserThatStartedIt) {
  Client c(w.app);
  ASSERT_EQ(sign_in(c, claims()).status, 200);
  // replayed: the same state again
  Client replay(w.app);
  auto r = replay.get("/sso/callback", {{"code", "code-1"}, {"state", last_state}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Aloita kirjautuminen alusta"), std::string::npos);
  // another browser's state: started in one, answered in another
  Client starter(w.app), other(w.app);
  auto start = starter.get("/fi/sso");
  std::string state = query_value(Client::header(start, "Location"), "state");
  auto j = claims();
  j["nonce"] = query_value(Client::header(start, "Location"), "nonce");
  fake->next_id_token = testing::sign_token(key, "RS256", j, "key-a");
  EXPECT_EQ(other.get("/sso/callback", {{"code", "c"}, {"state", state}}).status, 400);
  EXPECT_EQ(other.get("/fi/").status, 303);
  EXPECT_EQ(starter.get("/sso/callback", {{"code", "c"}, {"state", state}}).status, 200) << "the other browser's try did not spend it";
  EXPECT_EQ(other.get("/sso/callback", {{"code", "c"}, {"state", "made-up"}}).status, 400);
  EXPECT_EQ(other.get("/sso/callback").status, 400);
}

TEST_F(SsoWeb, AStateOlderThanTenMinutesIsRefused) {
  // a sign-in started 11 minutes ago in this browser (its cookie "browser-1"), answered only now
  auto users = open_user_store(w.db);
  std::int64_t now = web::unix_now();
  users->add_pending_sign_in({auth::token_digest("state-1"), auth::token_digest("browser-1"), "n", "v", "/fi/", "fi", now - 660}, 3600);
  users->add_pending_sign_in({auth::token_digest("state-2"), auth::token_digest("browser-1"), "n", "v", "/fi/", "fi", now - 60}, 3600);
  auto answer = [&](const std::string& state) {
    http::Request r;
    r.method = "GET";
    r.path = "/sso/callback";
    r.query = {{"code", "c"}, {"state", state}};
    r.headers["cookie"] = "toteuma_sso=browser-1";
    r.remote = "127.0.0.1";
    return w.app(r);
  };
  EXPECT_EQ(answer("state-1").status, 400);
  fake->next_id_token = testing::sign_token(key, "RS256", testing::good_claims(config, now, "n"), "key-a");
  EXPECT_EQ(answer("state-2").status, 200) << "a minute is fine";
  // starting a sign-in forgets those older than ten minutes
  users->add_pending_sign_in({auth::token_digest("state-3"), auth::token_digest("browser-1"), "n", "v", "/fi/", "fi", now - 660}, 3600);
  Client c(w.app);
  c.get("/fi/sso");
  EXPECT_FALSE(users->take_pending_sign_in(auth::token_digest("state-3"), auth::token_digest("browser-1")));
}

TEST_F(SsoWeb, TheCallbackNeverRedirectsOffTheSite) {
  for (std::string next : {"//evil.example/x", "https://evil.example/", "/\t/evil.example", "\\\\evil.example", "javascript:alert(1)"}) {
    Client c(w.app);
    auto r = sign_in(c, claims(), next);
    ASSERT_EQ(r.status, 200) << next;
    EXPECT_NE(r.body.find("content=\"0;url=/fi/\""), std::string::npos) << next << "\n" << r.body;
  }
}

TEST_F(SsoWeb, EveryTokenRefusalReachesThePersonAndTheAudit) {
  struct Case {
    const char* claim;
    nlohmann::json value;
    const char* code;
  };
  for (const auto& [claim, value, code] : std::vector<Case>{{"aud", "someone-else", "audience"},
                                                            {"iss", "https://evil.example/v2.0", "issuer"},
                                                            {"exp", web::unix_now() - 600, "expired"},
                                                            {"tid", "tenant-muu", "tenant"}}) {
    auto j = claims();
    j[claim] = value;
    Client c(w.app);
    auto r = sign_in(c, j);
    EXPECT_EQ(r.status, 403) << code;
    EXPECT_NE(r.body.find(std::string("Virhekoodi ylläpidolle: ") + code), std::string::npos) << r.body;
    EXPECT_EQ(audit().front().after.value_or(""), code);
    EXPECT_EQ(c.get("/fi/").status, 303);
  }
  // a token with the nonce of another sign-in
  auto j = claims();
  j["nonce"] = "not-this-sign-ins";
  Client c(w.app);
  EXPECT_EQ(sign_in(c, j, "/fi/", true).status, 403);
  EXPECT_EQ(audit().front().after.value_or(""), "nonce");
  // the answer names another provider (RFC 9207's iss): a mix-up, refused before the code is used
  Client m(w.app);
  EXPECT_EQ(sign_in(m, claims(), "/fi/", false, "https://evil.example/v2.0").status, 403);
  EXPECT_EQ(audit().front().after.value_or(""), "issuer");
  Client ok(w.app);
  EXPECT_EQ(sign_in(ok, claims(), "/fi/", false, fake->issuer).status, 200);
  // the provider refuses the code
  fake->token_status = 400;
  Client d(w.app);
  EXPECT_EQ(sign_in(d, claims()).status, 403);
  EXPECT_EQ(audit().front().after.value_or(""), "token_exchange");
}

TEST_F(SsoWeb, PasswordsOnlyForBreakGlassAccounts) {
  Client c(w.app);
  auto r = c.login("talous", kPassword);
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("Salasanalla kirjautuminen ei ole käytössä"), std::string::npos);
  EXPECT_EQ(Client(w.app).api_login("talous", kPassword).status, 403);
  EXPECT_EQ(Client(w.app).login("paakayttaja", kPassword).status, 303);
}

TEST_F(SsoWeb, SignOutEndsTheSessionAndOffersTheProviders) {
  Client c(w.app);
  ASSERT_EQ(sign_in(c, claims()).status, 200);
  c.csrf = Client::field(c.get("/fi/").body, "csrf");
  auto out = c.post("/fi/logout", {});
  EXPECT_EQ(out.status, 200);
  EXPECT_NE(out.body.find("href=\"" + fake->issuer + "/logout?client_id=toteuma-client\""), std::string::npos) << out.body;
  EXPECT_EQ(c.get("/fi/").status, 303);
  // a local account's sign-out is as before
  Client p(w.app);
  ASSERT_EQ(p.login("paakayttaja", kPassword).status, 303);
  EXPECT_EQ(p.post("/fi/logout", {}).status, 303);
}

TEST(SsoWebOff, WithoutAConfigurationTheRoutesAreNotThere) {
  testing::DemoWorkplace w;
  w.app = make_app(w.db);
  Client c(w.app);
  EXPECT_EQ(c.get("/fi/sso").status, 404);
  EXPECT_EQ(c.get("/sso/callback", {{"state", "x"}}).status, 404);
  EXPECT_EQ(c.get("/fi/login").body.find("/fi/sso"), std::string::npos);
}

}  // namespace
}  // namespace toteuma
