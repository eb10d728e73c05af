// The shared workplace end to end through the handler: login, CSRF, rate limit, authorisation,
// stale edits, verbatim storage with escaped output. Review, freezing and publishing: review_test.cpp.
#include <gtest/gtest.h>

#include "demo_db.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "test_util.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

constexpr const char* kPassword = "oikea-salasana-42";
// Markup and SQL metacharacters that must come back byte for byte and never act as either.
const std::string kNasty = "<script>alert(\"x\")</script> & 'quoted' \"; DROP TABLE figure; -- ä";

struct Workplace : testing::DemoWorkplace {
  Workplace() {
    testing::add_user(db, "kanslia", "editor:kanslia", kPassword);
    testing::add_user(db, "hyvaksyja", "approver", kPassword);
    testing::add_user(db, "talous", "finance", kPassword);
    testing::add_user(db, "kaantaja", "translator:sv", kPassword);
    app = make_app(db);
  }
  Client client() { return Client(app); }
  Client logged_in(const std::string& user) {
    Client c(app);
    EXPECT_EQ(c.login(user, kPassword).status, 303) << user;
    EXPECT_FALSE(c.csrf.empty());
    return c;
  }
};

const std::string kEvents = "/fi/unit/kanslia/narrative";
std::map<std::string, std::string> events_query(const std::string& text = "fi") {
  return {{"doc", "annual-report"}, {"year", "2024"}, {"section", "events"}, {"text", text}};
}

// Saves the events text the way the form does: the value it was opened with, then the new text.
http::Response save_events(Client& c, const std::string& before, const std::string& text, const std::string& lang = "fi") {
  return c.post(kEvents, {{"before", before}, {"had_before", "1"}, {"markdown", text}, {"action", "save"}}, events_query(lang));
}

TEST(WebWorkplace, AnonymousIsSentToLoginAndCannotWrite) {
  Workplace w;
  Client anon = w.client();
  auto r = anon.get("/fi/unit/kanslia", {{"year", "2024"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(Client::header(r, "Location"), "/fi/login?next=%2Ffi%2Funit%2Fkanslia%3Fyear%3D2024");
  EXPECT_EQ(anon.post(kEvents, {{"markdown", "x"}, {"action", "save"}}, events_query()).status, 403);
  EXPECT_EQ(anon.get("/fi/audit").status, 303);
  // The published list is public.
  EXPECT_EQ(anon.get("/fi/public").status, 200);
}

TEST(WebWorkplace, SessionCookieIsHttpOnlySameSiteSecureAndPagesAreNotCached) {
  Workplace w;
  Client c = w.client();
  auto r = c.login("kanslia", kPassword);
  ASSERT_EQ(r.status, 303);
  std::string cookie = Client::header(r, "Set-Cookie");
  EXPECT_NE(cookie.find("toteuma_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Secure"), std::string::npos);
  auto page = c.get("/fi/unit/kanslia");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(Client::header(page, "Cache-Control"), "no-store");
  // Logging out ends the session on the server, not only in the browser.
  EXPECT_EQ(c.post("/fi/logout", {}).status, 303);
  EXPECT_EQ(c.get("/fi/unit/kanslia").status, 303);
}

TEST(WebWorkplace, ExpiredSessionNoLongerLogsIn) {
  Workplace w;
  web::AppOptions o;
  o.session_seconds = -1;  // every session is already past its expiry when it is used
  Client c(make_app(w.db, o));
  EXPECT_EQ(c.login("kanslia", kPassword).status, 303);
  EXPECT_EQ(c.get("/fi/unit/kanslia").status, 303);
}

TEST(WebWorkplace, WrongPasswordIsRefusedAndRateLimited) {
  Workplace w;
  Client c = w.client();
  EXPECT_EQ(c.login("kanslia", "väärä salasana").status, 401);
  EXPECT_EQ(c.login("nobody", kPassword).status, 401);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(c.login("kanslia", "väärä salasana").status, 401);
  // Five failures lock the account's login for the window, even with the right password.
  auto locked = c.login("kanslia", kPassword);
  EXPECT_EQ(locked.status, 429);
  EXPECT_NE(locked.body.find("Liian monta"), std::string::npos);
  EXPECT_EQ(c.get("/fi/unit/kanslia").status, 303);  // not logged in
  // Another account is not affected.
  EXPECT_EQ(c.login("hyvaksyja", kPassword).status, 303);
}

TEST(WebWorkplace, LoginGoesOnlyToPagesOfThisSite) {
  Workplace w;
  for (auto [next, expected] : {std::pair{"/fi/unit/kanslia?year=2024", "/fi/unit/kanslia?year=2024"}, std::pair{"//evil.example/x", "/fi/"},
                                std::pair{"https://evil.example/", "/fi/"}, std::pair{"/\t/evil.example", "/fi/"},
                                std::pair{"/\\evil.example", "/fi/"}}) {
    Client c = w.client();
    std::string token = Client::field(c.get("/fi/login").body, "login_csrf");
    auto r = c.post("/fi/login", {{"login_csrf", token}, {"user", "lukija-ei"}, {"password", "x"}}, {}, false);
    EXPECT_EQ(r.status, 401);
    r = c.post("/fi/login", {{"login_csrf", token}, {"user", "kanslia"}, {"password", kPassword}, {"next", next}}, {}, false);
    EXPECT_EQ(r.status, 303) << next;
    EXPECT_EQ(Client::header(r, "Location"), expected) << next;
  }
}

TEST(WebWorkplace, LoginWithoutItsFormTokenIsRefused) {
  Workplace w;
  Client c = w.client();
  auto r = c.post("/fi/login", {{"user", "kanslia"}, {"password", kPassword}}, {}, false);
  EXPECT_EQ(r.status, 403);
}

TEST(WebWorkplace, WriteWithoutCsrfTokenIsRefusedAndChangesNothing) {
  Workplace w;
  Client c = w.logged_in("kanslia");
  std::string before = w.narrative("kanslia", 2024, "events", Lang::fi);
  auto r = c.post(kEvents, {{"before", before}, {"had_before", "1"}, {"markdown", "muutettu"}, {"action", "save"}}, events_query(), false);
  EXPECT_EQ(r.status, 403);
  std::string real = c.csrf;
  c.csrf = "forged-token";
  EXPECT_EQ(save_events(c, before, "muutettu").status, 403);
  c.csrf = real;
  EXPECT_EQ(w.narrative("kanslia", 2024, "events", Lang::fi), before);
  EXPECT_EQ(save_events(c, before, "muutettu").status, 303);
  EXPECT_EQ(w.narrative("kanslia", 2024, "events", Lang::fi), "muutettu");
}

TEST(WebWorkplace, StaleEditIsRefusedAndNothingIsLost) {
  Workplace w;
  Client a = w.logged_in("kanslia");
  Client b = w.logged_in("kaantaja");  // translator sv
  std::string before = w.narrative("kanslia", 2024, "events", Lang::sv);
  // Both open the Swedish text; the editor saves first.
  ASSERT_EQ(a.get(kEvents, events_query("sv")).status, 200);
  ASSERT_EQ(save_events(a, before, "Redaktörens text.", "sv").status, 303);
  // The translator saves on the copy opened before: refused, the editor's text stays, and the
  // translator's own text comes back in the form beside the stored one.
  auto r = save_events(b, before, "Översättarens text.", "sv");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(w.narrative("kanslia", 2024, "events", Lang::sv), "Redaktörens text.");
  EXPECT_NE(r.body.find(">Översättarens text.</textarea>"), std::string::npos);
  EXPECT_NE(r.body.find("<pre class=\"current\">Redaktörens text.</pre>"), std::string::npos);
  // Saving again from that page replaces the stored text knowingly.
  EXPECT_EQ(save_events(b, Client::field(r.body, "before"), "Översättarens text.", "sv").status, 303);
  EXPECT_EQ(w.narrative("kanslia", 2024, "events", Lang::sv), "Översättarens text.");
}

TEST(WebWorkplace, BrowsersCrlfLineBreaksAreTheStoredText) {
  // A browser sends a textarea's and a hidden field's line breaks as CRLF; the stored text has LF.
  Workplace w;
  Client c = w.logged_in("kanslia");
  std::string before = w.narrative("kanslia", 2024, "events", Lang::fi);
  ASSERT_NE(before.find('\n'), std::string::npos);
  std::string crlf;
  for (char ch : before) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
  EXPECT_EQ(save_events(c, crlf, "Rivi 1\r\n\r\nRivi 2").status, 303);
  EXPECT_EQ(w.narrative("kanslia", 2024, "events", Lang::fi), "Rivi 1\n\nRivi 2");
}

TEST(WebWorkplace, EditorIsConfinedToGrantedUnitsAndTextsLanguageToTranslator) {
  Workplace w;
  Client ed = w.logged_in("kanslia");
  Client tr = w.logged_in("kaantaja");
  Client fin = w.logged_in("talous");
  // A sub-unit of kanslia: allowed. Another municipality's unit: refused on the server.
  auto sub = ed.post("/fi/unit/ict/narrative", {{"had_before", "0"}, {"markdown", "ICT:n teksti"}, {"action", "save"}},
                     {{"doc", "annual-report"}, {"year", "2024"}, {"section", "risks"}, {"text", "fi"}});
  EXPECT_EQ(sub.status, 303);
  auto other = ed.post("/fi/unit/lai-hallinto/narrative", {{"had_before", "0"}, {"markdown", "ei saa"}, {"action", "save"}},
                       {{"doc", "annual-report"}, {"year", "2024"}, {"section", "events"}, {"text", "fi"}});
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(w.narrative("lai-hallinto", 2024, "events", Lang::fi), "<none>");
  // The editor may not change figures; finance may.
  EXPECT_EQ(ed.post("/fi/unit/kanslia/figures", {{"l_operating_income", "1"}}, {{"scenario", "ta2025"}}).status, 403);
  // The translator writes Swedish only.
  EXPECT_EQ(tr.get(kEvents, events_query("fi")).status, 403);
  EXPECT_EQ(tr.get(kEvents, events_query("sv")).status, 200);
  // Finance writes no texts.
  EXPECT_EQ(fin.get(kEvents, events_query("fi")).status, 403);
}

TEST(WebWorkplace, TextsAreStoredVerbatimAndShownEscaped) {
  Workplace w;
  Client c = w.logged_in("kanslia");
  std::string before = w.narrative("kanslia", 2024, "events", Lang::fi);
  ASSERT_EQ(save_events(c, before, kNasty).status, 303);
  EXPECT_EQ(w.narrative("kanslia", 2024, "events", Lang::fi), kNasty);
  std::string escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;";
  auto form = c.get(kEvents, events_query());
  EXPECT_EQ(form.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(form.body.find(escaped), std::string::npos) << "the textarea holds the text escaped";
  auto doc = c.get("/fi/unit/kanslia/document", {{"doc", "annual-report"}, {"year", "2024"}, {"format", "html"}});
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(doc.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(doc.body.find("&lt;script&gt;"), std::string::npos);
  auto audit = c.get("/fi/audit");
  EXPECT_EQ(audit.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(audit.body.find("&lt;script&gt;"), std::string::npos);

  // Goal text, realisation text and a metric value's source, through the goals form.
  std::string goal = "lov-2024-k-aika";
  auto page = c.get("/fi/unit/kanslia/goals/edit", {{"year", "2024"}});
  ASSERT_EQ(page.status, 200);
  auto r = c.post("/fi/unit/kanslia/goals/edit", {{"what", "goal"}, {"id", goal}, {"goal_fi", kNasty}, {"h_goal_fi", "1"},
                                                   {"b_goal_fi", ""}}, {{"year", "2024"}});
  // The form carries the stored text as `before`; sent empty it is stale, and refused.
  EXPECT_EQ(r.status, 409);
  Dataset d = open_store(w.db)->read();
  std::string goal_fi;
  for (const auto& g : d.goals.goals)
    if (g.id == goal) goal_fi = g.text.fi;
  r = c.post("/fi/unit/kanslia/goals/edit", {{"what", "goal"}, {"id", goal}, {"goal_fi", kNasty}, {"h_goal_fi", "1"}, {"b_goal_fi", goal_fi}},
             {{"year", "2024"}});
  EXPECT_EQ(r.status, 303);
  r = c.post("/fi/unit/kanslia/goals/edit", {{"what", "metric_value"}, {"id", "lov-2024-m-aika"}, {"date", "2024-06-30"},
                                              {"value", "61,5"}, {"source", "<b>pulssi</b> ' --"}, {"h_value", "0"}},
             {{"year", "2024"}});
  EXPECT_EQ(r.status, 303);
  d = open_store(w.db)->read();
  for (const auto& g : d.goals.goals) {
    if (g.id == goal) {
      EXPECT_EQ(g.text.fi, kNasty);
    }
  }
  bool found = false;
  for (const auto& v : d.goals.values)
    if (v.metric == "lov-2024-m-aika" && v.date == Date{2024, 6, 30}) {
      found = true;
      EXPECT_EQ(v.value_tenths, 615);
      EXPECT_EQ(v.source, "<b>pulssi</b> ' --");
    }
  EXPECT_TRUE(found);
  page = c.get("/fi/unit/kanslia/goals/edit", {{"year", "2024"}});
  EXPECT_EQ(page.body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.body.find("<b>pulssi"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;b&gt;pulssi"), std::string::npos);
}

TEST(WebWorkplace, EveryChangeIsInTheAuditTrailWithOldAndNewValue) {
  Workplace w;
  Client c = w.logged_in("talous");
  // 2025 budget of the center's purchased services, as the finance controller changes it on the figures
  // form (ict holds its 2025 budget as a total, so a part typed there would be refused).
  auto form = c.get("/fi/unit/kanslia/figures", {{"scenario", "ta2025"}});
  ASSERT_EQ(form.status, 200);
  auto before = Client::field(form.body, "b_services");
  auto entries = open_workplace_store(w.db)->audit("", 100).size();
  auto r = c.post("/fi/unit/kanslia/figures", {{"l_services", "-123 456,50"}, {"b_services", before}, {"h_services", before.empty() ? "0" : "1"}},
                  {{"scenario", "ta2025"}});
  ASSERT_EQ(r.status, 303) << r.body;
  auto audit = open_workplace_store(w.db)->audit("kanslia", 10);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].user, "talous");
  EXPECT_EQ(audit[0].entity, "figure");
  EXPECT_EQ(audit[0].key, "kanslia/services/ta2025");
  EXPECT_EQ(audit[0].after, std::optional<std::string>("-12345650"));
  EXPECT_EQ(audit[0].before, before.empty() ? std::nullopt : std::optional<std::string>(before));
  EXPECT_GT(open_workplace_store(w.db)->audit("", 100).size(), entries);
  auto page = c.get("/fi/audit", {{"unit", "kanslia"}});
  // Names and euros, not the key and cents (issue 13).
  EXPECT_NE(page.body.find("<td>Luku: Kaupunginkansliakeskus · Palvelujen ostot · Talousarvio 2025</td>"), std::string::npos);
  EXPECT_NE(page.body.find("-123\u00a0456,50\u00a0€"), std::string::npos);
}

}  // namespace
}  // namespace toteuma
