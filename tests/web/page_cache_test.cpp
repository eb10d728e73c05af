// The read pages kept per snapshot (web/page_cache.h) and their entity tags: a matching
// If-None-Match gets a 304, an edit (here or by another instance on the same database) shows at
// once with a new tag, and no viewer, role or language is ever served another's page.
#include <gtest/gtest.h>

#include "auth/password.h"
#include "store/user_store.h"
#include "web/context.h"
#include "web/page_cache.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

constexpr const char* kPassword = "valimuisti-salasana-7";
const std::string kUnit = "/fi/unit/kanslia";
const std::map<std::string, std::string> kYear{{"year", "2024"}};
// The unit page's link to the comment thread of its "services" row (comment_pages.cpp).
const std::string kServicesThread = "/fi/unit/kanslia/comments?year=2024&amp;line=services";

struct CacheWorkplace : testing::UsersWorkplace {
  CacheWorkplace()
      : UsersWorkplace({{"kanslia", "editor:kanslia"}, {"lukija", "viewer"}, {"talous", "finance"}}, kPassword) {}
  http::Response get(Client& c, const std::string& path, const std::map<std::string, std::string>& query,
                     const std::string& if_none_match) {
    http::Request r;
    r.method = "GET";
    r.path = path;
    r.query = query;
    r.headers["if-none-match"] = if_none_match;
    return c.send(r);
  }
  // A comment on kanslia's 2024 "services" row, through the form.
  static http::Response comment(Client& c, const std::string& text) {
    return c.post("/fi/unit/kanslia/comments", {{"what", "add"}, {"on", "row"}, {"key", "kanslia/2024/services"}, {"text", text},
                                                {"back", "/fi/unit/kanslia?year=2024"}});
  }
};

bool has(const std::string& body, const std::string& part) { return body.find(part) != std::string::npos; }

TEST(PageCache, MatchingIfNoneMatchGetsA304WithoutBody) {
  CacheWorkplace w;
  Client c = w.as("lukija");
  auto first = c.get(kUnit, kYear);
  ASSERT_EQ(first.status, 200);
  std::string etag = Client::header(first, "ETag");
  // A quoted tag of 32 hex digits (the first half of the body's SHA-256).
  ASSERT_EQ(etag.size(), 34u);
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag, web::page_etag(first.body));
  auto again = c.get(kUnit, kYear);  // served from the cache: the same bytes, the same tag
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(Client::header(again, "ETag"), etag);

  auto not_modified = w.get(c, kUnit, kYear, etag);
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_EQ(Client::header(not_modified, "ETag"), etag);
  EXPECT_EQ(w.get(c, kUnit, kYear, "\"other\", W/" + etag).status, 304);  // one of a list, weakly
  EXPECT_EQ(w.get(c, kUnit, kYear, "*").status, 304);
  auto other = w.get(c, kUnit, kYear, "\"0123456789abcdef0123456789abcdef\"");
  EXPECT_EQ(other.status, 200);
  EXPECT_EQ(other.body, first.body);
}

TEST(PageCache, EtagMatchingFollowsTheHeaderList) {
  EXPECT_TRUE(web::etag_matches("\"a\"", "\"a\""));
  EXPECT_TRUE(web::etag_matches(" \"b\" , \"a\"", "\"a\""));
  EXPECT_TRUE(web::etag_matches("W/\"a\"", "\"a\""));
  EXPECT_TRUE(web::etag_matches("*", "\"a\""));
  EXPECT_FALSE(web::etag_matches("", "\"a\""));
  EXPECT_FALSE(web::etag_matches("\"ab\"", "\"a\""));
  EXPECT_FALSE(web::etag_matches("a", "\"a\""));  // unquoted: not that tag
}

TEST(PageCache, AnEditShowsAtOnceWithANewTag) {
  CacheWorkplace w;
  Client editor = w.as("kanslia"), viewer = w.as("lukija");
  auto before = viewer.get(kUnit, kYear);
  ASSERT_EQ(before.status, 200);
  EXPECT_FALSE(has(before.body, kServicesThread));  // the demo has no comment on that row
  std::string old_tag = Client::header(before, "ETag");
  ASSERT_EQ(w.get(viewer, kUnit, kYear, old_tag).status, 304);

  ASSERT_EQ(CacheWorkplace::comment(editor, "Vuokrat nousevat.").status, 303);
  auto after = w.get(viewer, kUnit, kYear, old_tag);
  ASSERT_EQ(after.status, 200);  // not the stale page's 304
  EXPECT_TRUE(has(after.body, kServicesThread));
  EXPECT_NE(Client::header(after, "ETag"), old_tag);
  EXPECT_EQ(Client::header(after, "ETag"), web::page_etag(after.body));
}

TEST(PageCache, AnotherInstanceOnTheSameDatabaseSeesTheEditAtOnce) {
  CacheWorkplace w;
  http::Handler second = make_app(w.db);  // a second server process on the same database
  Client editor = w.as("kanslia");
  Client there(second);
  ASSERT_EQ(there.login("lukija", kPassword).status, 303);
  auto before = there.get(kUnit, kYear);
  ASSERT_EQ(before.status, 200);
  EXPECT_FALSE(has(before.body, kServicesThread));
  ASSERT_EQ(CacheWorkplace::comment(editor, "Toisen palvelimen kautta.").status, 303);
  EXPECT_TRUE(has(there.get(kUnit, kYear).body, kServicesThread));
}

TEST(PageCache, ViewersRolesAndLanguagesGetTheirOwnPages) {
  CacheWorkplace w;
  Client editor = w.as("kanslia"), viewer = w.as("lukija"), viewer2 = w.as("lukija");
  const std::string texts = "/fi/unit/kanslia/texts";
  for (int round = 0; round < 2; ++round) {  // the second round is served from the cache
    auto e = editor.get(texts, kYear), v = viewer.get(texts, kYear), v2 = viewer2.get(texts, kYear);
    ASSERT_EQ(e.status, 200);
    ASSERT_EQ(v.status, 200);
    // The header names the user; the edit links follow the grants.
    EXPECT_TRUE(has(e.body, "Test kanslia"));
    EXPECT_FALSE(has(e.body, "Test lukija"));
    EXPECT_TRUE(has(v.body, "Test lukija"));
    EXPECT_FALSE(has(v.body, "Test kanslia"));
    EXPECT_TRUE(has(e.body, "/fi/unit/kanslia/narrative?doc="));
    EXPECT_FALSE(has(v.body, "/fi/unit/kanslia/narrative?doc="));
    // Two sessions of one user: each page carries its own session's CSRF token.
    EXPECT_EQ(Client::field(v.body, "csrf"), viewer.csrf);
    EXPECT_EQ(Client::field(v2.body, "csrf"), viewer2.csrf);
    EXPECT_NE(viewer.csrf, viewer2.csrf);
  }
  for (int round = 0; round < 2; ++round) {
    auto fi = viewer.get(kUnit, kYear), sv = viewer.get("/sv/unit/kanslia", kYear);
    EXPECT_TRUE(has(fi.body, "<html lang=\"fi\""));
    EXPECT_TRUE(has(sv.body, "<html lang=\"sv\""));
    EXPECT_NE(Client::header(fi, "ETag"), Client::header(sv, "ETag"));
  }
}

TEST(PageCache, TheSessionAndTheGrantsAreReadOnEveryRequest) {
  CacheWorkplace w;
  Client viewer = w.as("lukija");
  const std::string texts = "/fi/unit/kanslia/texts";
  ASSERT_FALSE(has(viewer.get(texts, kYear).body, "/fi/unit/kanslia/narrative?doc="));
  // A grant given meanwhile (the command line's `user grant`) shows on the next request, although
  // user changes do not reload the dataset.
  open_user_store(w.db)->grant("lukija", *parse_grant("editor:kanslia"));
  EXPECT_TRUE(has(viewer.get(texts, kYear).body, "/fi/unit/kanslia/narrative?doc="));
  // Disabling the user ends its access at once, cached page or not.
  ASSERT_EQ(viewer.get(kUnit, kYear).status, 200);
  open_user_store(w.db)->set_disabled("lukija", true);
  EXPECT_EQ(viewer.get(kUnit, kYear).status, 303);
  EXPECT_EQ(w.get(viewer, kUnit, kYear, "*").status, 303);

  Client other = w.as("talous");
  ASSERT_EQ(other.get(kUnit, kYear).status, 200);
  ASSERT_EQ(other.post("/fi/logout", {}).status, 303);
  EXPECT_EQ(other.get(kUnit, kYear).status, 303);
}

// The session cookie's token in a client's Cookie header.
std::string session_token(const Client& c) {
  std::string cookie = c.cookie_header(), name = "toteuma_session=";
  auto at = cookie.find(name);
  if (at == std::string::npos) return "";
  at += name.size();
  return cookie.substr(at, cookie.find(';', at) - at);
}

// The server takes a kept page as it is kept (http::Response::kept_body): the same bytes, not a
// copy, and exactly those a fresh render for that viewer makes.
TEST(PageCache, TheServerGetsTheKeptBytesOfAFreshRender) {
  CacheWorkplace w;
  Client c = w.as("lukija");
  http::Request first;
  first.method = "GET", first.path = kUnit, first.query = kYear;
  auto rendered = c.send(first);  // rendered and kept
  ASSERT_EQ(rendered.status, 200);
  EXPECT_TRUE(has(rendered.body, "300\u00a0500"));  // kanslia's 2024 income in data/demo
  EXPECT_EQ(rendered.kept_body, nullptr);          // a caller that is not the server gets a copy

  auto from_server = [&] {
    http::Request r;
    r.method = "GET", r.path = kUnit, r.query = kYear, r.takes_kept_body = true;
    return c.send(r);
  };
  auto kept1 = from_server(), kept2 = from_server();
  ASSERT_EQ(kept1.status, 200);
  ASSERT_NE(kept1.kept_body, nullptr);
  EXPECT_EQ(kept1.kept_body.get(), kept2.kept_body.get());  // one kept string, shared
  EXPECT_TRUE(kept1.body.empty());
  EXPECT_EQ(*kept1.kept_body, rendered.body);
  EXPECT_EQ(Client::header(kept1, "ETag"), web::page_etag(rendered.body));

  // A second server process on the same database renders the page afresh for the same session.
  http::Handler fresh = make_app(w.db);
  http::Request again;
  again.method = "GET", again.path = kUnit, again.query = kYear;
  again.headers["cookie"] = c.cookie_header();
  auto fresh_page = fresh(again);
  ASSERT_EQ(fresh_page.status, 200);
  EXPECT_EQ(fresh_page.body, *kept1.kept_body);
}

// The session, its user and the data's newest audit id are one read (UserStore::session_view):
// a session ended by another process (`toteuma user passwd`, another instance's logout) is
// refused on the very next request, kept page or not, and so is a session whose user is disabled.
TEST(PageCache, ASessionEndedElsewhereIsRefusedOnTheNextRequest) {
  CacheWorkplace w;
  Client c = w.as("lukija"), other = w.as("talous");
  for (int i = 0; i < 2; ++i) ASSERT_EQ(c.get(kUnit, kYear).status, 200);  // the second from the cache
  std::string token = session_token(c);
  ASSERT_FALSE(token.empty());
  open_user_store(w.db)->delete_session(auth::token_digest(token));
  EXPECT_EQ(c.get(kUnit, kYear).status, 303);
  EXPECT_EQ(w.get(c, kUnit, kYear, "*").status, 303);
  // The other viewer goes on, and sees a data change made meanwhile by another process.
  ASSERT_EQ(other.get(kUnit, kYear).status, 200);
  http::Handler second = make_app(w.db);
  Client there(second);
  ASSERT_EQ(there.login("kanslia", kPassword).status, 303);
  ASSERT_EQ(CacheWorkplace::comment(there, "Toisesta prosessista.").status, 303);
  EXPECT_TRUE(has(other.get(kUnit, kYear).body, kServicesThread));
}

TEST(PageCache, KeepsOnlyTheReadPagesOfALoggedInViewer) {
  http::Request r;
  r.method = "GET";
  r.path = "/fi/unit/kanslia";
  web::Viewer anonymous, someone;
  someone.user = User{"a", "A", "", false, {}};
  someone.csrf = "t";
  Date today{2025, 3, 1};
  EXPECT_EQ(web::page_cache_key("/{lang}/unit/{unit}", r, anonymous, today), "");
  EXPECT_NE(web::page_cache_key("/{lang}/unit/{unit}", r, someone, today), "");
  EXPECT_EQ(web::page_cache_key("/{lang}/unit/{unit}/narrative", r, someone, today), "");
  EXPECT_EQ(web::page_cache_key("/{lang}/audit", r, someone, today), "");
  r.method = "POST";
  EXPECT_EQ(web::page_cache_key("/{lang}/unit/{unit}", r, someone, today), "");
  // Query values cannot pass for other parameters: the fields are length-prefixed.
  r.method = "GET";
  http::Request a = r, b = r;
  a.query = {{"year", "2024&kind=budget"}};
  b.query = {{"year", "2024"}, {"kind", "budget"}};
  EXPECT_NE(web::page_cache_key("/{lang}/unit/{unit}", a, someone, today), web::page_cache_key("/{lang}/unit/{unit}", b, someone, today));
}

}  // namespace
}  // namespace toteuma
