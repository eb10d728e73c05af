// The JSON API through the handler: login and sessions, CSRF, authorisation as on the pages,
// stale changes, verbatim storage, the figure table, review to publication, and the OpenAPI
// document covering every route.
#include <gtest/gtest.h>

#include <chrono>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <set>

#include "cli/document_commands.h"
#include "demo_db.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "test_util.h"
#include "web_client.h"

namespace toteuma {
namespace {

using nlohmann::json;
using testing::Client;

constexpr const char* kPassword = "api-salasana-42";

struct Api : testing::DemoWorkplace {
  Api() {
    testing::add_user(db, "kanslia", "editor:kanslia", kPassword);
    testing::add_user(db, "hyvaksyja", "approver", kPassword);
    app = make_app(db);
  }
  // Logged in through the API; `csrf` taken from the login's answer.
  Client logged_in(const std::string& user) {
    Client c(app);
    auto r = c.api_login(user, kPassword);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_FALSE(c.csrf.empty());
    return c;
  }
};

json body(const http::Response& r) { return json::parse(r.body); }

json change(const std::string& entity, const std::string& key, json before, json after) {
  return {{"changes", json::array({{{"entity", entity}, {"key", key}, {"before", before}, {"after", after}}})}};
}

TEST(ApiSession, LoginSessionAndLogout) {
  Api a;
  Client c(a.app);
  auto r = c.json("POST", "/api/v1/login", R"({"user":"kanslia","password":"api-salasana-42"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  json j = body(r);
  EXPECT_EQ(j["user"], "kanslia");
  EXPECT_EQ(j["name"], "Test kanslia");
  EXPECT_EQ(j["roles"], json::array({"editor:kanslia"}));
  std::string cookie = Client::header(r, "Set-Cookie");
  EXPECT_NE(cookie.find("toteuma_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  c.csrf = j["csrf"];
  auto s = c.get("/api/v1/session");
  ASSERT_EQ(s.status, 200);
  EXPECT_EQ(body(s)["user"], "kanslia");
  EXPECT_EQ(body(s)["csrf"], c.csrf);
  EXPECT_EQ(Client::header(s, "Cache-Control"), "no-store");
  auto out = c.json("POST", "/api/v1/logout", "");
  EXPECT_EQ(out.status, 204);
  EXPECT_EQ(c.get("/api/v1/session").status, 401);
}

TEST(ApiSession, WrongPasswordIsRefusedThenLocked) {
  Api a;
  Client c(a.app);
  auto first_failure = std::chrono::steady_clock::now();
  auto wrong = c.json("POST", "/api/v1/login", R"({"user":"kanslia","password":"väärä"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(body(wrong)["error"], "login_failed");
  EXPECT_TRUE(Client::header(wrong, "Set-Cookie").empty());
  for (int i = 0; i < 4; ++i) EXPECT_EQ(c.json("POST", "/api/v1/login", R"({"user":"kanslia","password":"x"})").status, 401);
  // Five failures: the right password is refused too until the window has passed.
  auto locked = c.json("POST", "/api/v1/login", R"({"user":"kanslia","password":"api-salasana-42"})");
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(body(locked)["error"], "locked");
  // The rest of the window: 900 s from the first failure, less the seconds since (six password
  // hashes: more than two seconds on a loaded machine).
  auto since = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - first_failure).count();
  int retry = std::stoi(Client::header(locked, "Retry-After"));
  EXPECT_LE(retry, 900);
  EXPECT_GE(retry, 900 - since - 1);
  EXPECT_EQ(c.get("/api/v1/session").status, 401);
}

TEST(ApiSession, LoginNeedsAJsonBody) {
  Api a;
  Client c(a.app);
  // A form post (what another site could make a browser send) is not accepted.
  auto form = c.post("/api/v1/login", {{"user", "kanslia"}, {"password", kPassword}}, {}, false);
  EXPECT_EQ(form.status, 415);
  EXPECT_EQ(body(form)["error"], "unsupported_media_type");
  for (const char* bad : {"", "{", "[1,2]", "{\"user\":1,\"password\":\"x\"}", "\"text\"", "{\"user\":\"kanslia\"}"}) {
    auto r = c.json("POST", "/api/v1/login", bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(body(r)["error"], "invalid") << bad;
  }
}

TEST(ApiSession, WithoutLoginEveryPrivateRouteIs401Json) {
  Api a;
  Client c(a.app);
  for (const char* path : {"/api/v1/session", "/api/v1/units", "/api/v1/units/kanslia/table", "/api/v1/units/kanslia/narratives",
                           "/api/v1/units/kanslia/goals", "/api/v1/values", "/api/v1/audit", "/api/v1/calendar",
                           "/api/v1/units/kanslia/review"}) {
    auto r = c.get(path);
    EXPECT_EQ(r.status, 401) << path;
    EXPECT_EQ(body(r)["error"], "unauthorized") << path;
    EXPECT_TRUE(Client::header(r, "Location").empty()) << "never a redirect: " << path;
  }
  EXPECT_EQ(c.json("POST", "/api/v1/changes", change("narrative", "kanslia/2024/events/fi", nullptr, "x").dump()).status, 401);
  EXPECT_EQ(c.get("/api/v1/nothing").status, 404);
  auto wrong_method = c.get("/api/v1/changes");
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(Client::header(wrong_method, "Allow"), "POST");
}

TEST(ApiChanges, WithoutCsrfHeaderIsRefusedAndNothingChanges) {
  Api a;
  Client c = a.logged_in("kanslia");
  std::string before = a.narrative("kanslia", 2024, "events", Lang::fi);
  std::string token = c.csrf;
  c.csrf.clear();  // Client::json then sends no X-CSRF-Token
  auto r = c.json("POST", "/api/v1/changes", change("narrative", "kanslia/2024/events/fi", before, "muutettu").dump());
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(body(r)["error"], "csrf");
  c.csrf = "forged";
  EXPECT_EQ(c.json("POST", "/api/v1/changes", change("narrative", "kanslia/2024/events/fi", before, "muutettu").dump()).status, 403);
  EXPECT_EQ(a.narrative("kanslia", 2024, "events", Lang::fi), before);
  c.csrf = token;
  auto ok = c.json("POST", "/api/v1/changes", change("narrative", "kanslia/2024/events/fi", before, "muutettu").dump());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(body(ok)["applied"], 1);
  EXPECT_EQ(a.narrative("kanslia", 2024, "events", Lang::fi), "muutettu");
}

TEST(ApiChanges, EditorOfKansliaCannotWriteAnotherMunicipalitysUnit) {
  Api a;
  Client c = a.logged_in("kanslia");
  auto r = c.json("POST", "/api/v1/changes", change("narrative", "lai-hallinto/2024/events/fi", nullptr, "ei saa").dump());
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(body(r)["error"], "forbidden");
  EXPECT_EQ(body(r)["key"], "lai-hallinto/2024/events/fi");
  EXPECT_EQ(a.narrative("lai-hallinto", 2024, "events", Lang::fi), "<none>");
  // A batch with one forbidden change stores none of it.
  json batch = change("narrative", "ict/2024/risks/fi", nullptr, "sallittu");
  batch["changes"].push_back({{"entity", "narrative"}, {"key", "lai-hallinto/2024/events/fi"}, {"before", nullptr}, {"after", "ei saa"}});
  EXPECT_EQ(c.json("POST", "/api/v1/changes", batch.dump()).status, 403);
  EXPECT_EQ(a.narrative("ict", 2024, "risks", Lang::fi), "<none>");
  // Figures are finance's.
  EXPECT_EQ(c.json("POST", "/api/v1/changes", change("figure", "kanslia/sales/ta2025", nullptr, "100").dump()).status, 403);
}

TEST(ApiChanges, StaleBeforeIsRefusedWithTheCurrentValue) {
  Api a;
  Client c = a.logged_in("kanslia");
  auto v = c.get("/api/v1/values", {{"entity", "narrative"}, {"key", "kanslia/2024/events/fi"}});
  ASSERT_EQ(v.status, 200);
  std::string stored = a.narrative("kanslia", 2024, "events", Lang::fi);
  EXPECT_EQ(body(v)["value"], stored);
  ASSERT_EQ(c.json("POST", "/api/v1/changes", change("narrative", "kanslia/2024/events/fi", stored, "Ensimmäinen.").dump()).status, 200);
  // A second client still holding the old value is refused; the first one's text stays.
  auto r = c.json("POST", "/api/v1/changes", change("narrative", "kanslia/2024/events/fi", stored, "Toinen.").dump());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(body(r)["error"], "stale");
  EXPECT_EQ(body(r)["current"], "Ensimmäinen.");
  EXPECT_EQ(a.narrative("kanslia", 2024, "events", Lang::fi), "Ensimmäinen.");
  // A missing value reads as null.
  auto none = c.get("/api/v1/values", {{"entity", "narrative"}, {"key", "ict/2024/risks/sv"}});
  EXPECT_TRUE(body(none)["value"].is_null());
}

// Two servers on one database (issue 18 item 3; as pg:* two instances on PostgreSQL, else two
// SQLite connections as two processes would have): a write through one, and a command-line
// write, are in the other's pages at its next request — no restart, no stale snapshot.
TEST(ApiChanges, AWriteThroughOneServerIsInTheOthersPagesAtItsNextRequest) {
  Api a;
  http::Handler second = make_app(a.db);
  Client one = a.logged_in("kanslia");
  Client two(second);
  ASSERT_EQ(two.login("kanslia", kPassword).status, 303);  // the session row is shared too
  const std::string page = "/fi/unit/kanslia/document";
  const std::map<std::string, std::string> q = {{"doc", "annual-report"}, {"year", "2024"}, {"format", "html"}};
  ASSERT_EQ(two.get(page, q).status, 200);  // the second server's snapshot is read now
  std::string stored = a.narrative("kanslia", 2024, "events", Lang::fi);
  ASSERT_EQ(one.json("POST", "/api/v1/changes", change("narrative", "kanslia/2024/events/fi", stored, "Kirjoitettu ykköspalvelimella.").dump())
                .status,
            200);
  EXPECT_NE(two.get(page, q).body.find("Kirjoitettu ykköspalvelimella."), std::string::npos);

  std::filesystem::path f = a.tmp.path() / "events.md";
  std::ofstream(f) << "Kirjoitettu komentoriviltä.";
  DocumentOptions o;
  o.db = a.db;
  o.unit = "kanslia";
  o.year = 2024;
  o.section = "events";
  o.lang = "fi";
  o.file = f.string();
  std::ostringstream out;
  ASSERT_EQ(cmd_narrative_set(o, out), 0);
  EXPECT_NE(two.get(page, q).body.find("Kirjoitettu komentoriviltä."), std::string::npos);
  EXPECT_NE(one.get(page, q).body.find("Kirjoitettu komentoriviltä."), std::string::npos);
}

TEST(ApiChanges, MalformedBodiesAre400) {
  Api a;
  Client c = a.logged_in("kanslia");
  for (const char* bad : {"", "null", "{\"changes\":[]}", "{\"changes\":{}}", "{\"changes\":[1]}",
                          "{\"changes\":[{\"entity\":\"narrative\",\"key\":\"kanslia/2024/events/fi\",\"before\":1,\"after\":\"x\"}]}",
                          "{\"changes\":[{\"entity\":\"narrative\",\"key\":\"kanslia/2024/events/fi\",\"before\":null}]}"}) {
    auto r = c.json("POST", "/api/v1/changes", bad);
    EXPECT_EQ(r.status, 400) << bad << " " << r.body;
    EXPECT_EQ(body(r)["error"], "invalid") << bad;
  }
  // A value the store cannot take (no 45th of a month) is refused as invalid, not a crash.
  auto unknown = c.json("POST", "/api/v1/changes", change("metric_value", "lov-2024-m-aika/2024-12-45", nullptr, "615;x").dump());
  EXPECT_EQ(unknown.status, 400) << unknown.body;
}

TEST(ApiChanges, MarkupAndSqlAreStoredVerbatim) {
  Api a;
  Client c = a.logged_in("kanslia");
  const std::string nasty = "<script>'; DROP TABLE figure; --";
  std::string before = a.narrative("kanslia", 2024, "events", Lang::fi);
  auto r = c.json("POST", "/api/v1/changes", change("narrative", "kanslia/2024/events/fi", before, nasty).dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(a.narrative("kanslia", 2024, "events", Lang::fi), nasty);
  auto n = c.get("/api/v1/units/kanslia/narratives", {{"year", "2024"}});
  ASSERT_EQ(n.status, 200);
  bool found = false;
  for (const auto& x : body(n))
    if (x["section"] == "events" && x["lang"] == "fi") {
      found = true;
      EXPECT_EQ(x["markdown"], nasty);
      EXPECT_EQ(x["origin"], "person");
    }
  EXPECT_TRUE(found);
  // The figures are still there: the table was not dropped.
  EXPECT_EQ(c.get("/api/v1/units/kanslia/table", {{"year", "2024"}}).status, 200);
  auto audit = c.get("/api/v1/audit", {{"unit", "kanslia"}, {"limit", "5"}});
  ASSERT_EQ(audit.status, 200);
  ASSERT_FALSE(body(audit).empty());
  json first;
  for (const auto& e : body(audit))
    if (e["entity"] == "narrative") first = e;
  EXPECT_EQ(first["user"], "kanslia");
  EXPECT_EQ(first["key"], "kanslia/2024/events/fi");
  EXPECT_EQ(first["after"], nasty);
  EXPECT_EQ(first["via"], "web");
}

TEST(ApiRead, KansliaAnnualReportTable2024InCents) {
  Api a;
  Client c = a.logged_in("kanslia");
  auto r = c.get("/api/v1/units/kanslia/table", {{"year", "2024"}, {"kind", "annual-report"}});
  ASSERT_EQ(r.status, 200) << r.body;
  json t = body(r);
  EXPECT_EQ(t["unit_name"], "Kaupunginkansliakeskus");
  ASSERT_EQ(t["columns"].size(), 5u);
  EXPECT_EQ(t["columns"][0]["heading"], "TA 2024");
  EXPECT_EQ(t["columns"][0]["measure"], "budget");
  EXPECT_EQ(t["columns"][3]["measure"], "actual");
  // tests/tables/kanslia-annual-report-2024-fi.csv: Toimintatuotot 300 500 | – | 300 500 | 281 829 | -18 671 (euros):
  // sales 20 500 + grants 280 000 budgeted; sales 25 050 + grants 256 778 + other 1 actual (data/demo/figures.csv).
  json income;
  for (const auto& row : t["rows"])
    if (row["line"] == "operating_income") income = row;
  ASSERT_FALSE(income.is_null());
  EXPECT_EQ(income["label"], "Toimintatuotot");
  EXPECT_EQ(income["kind"], "total");
  EXPECT_EQ(income["values"], json::array({30050000, nullptr, 30050000, 28182900, -1867100}));
  auto sv = body(c.get("/api/v1/units/kanslia/table", {{"year", "2024"}, {"lang", "sv"}}));
  EXPECT_EQ(sv["columns"][0]["heading"], "Budget 2024");
  EXPECT_EQ(c.get("/api/v1/units/no-such-unit/table", {{"year", "2024"}}).status, 404);
  EXPECT_EQ(c.get("/api/v1/units/kanslia/table", {{"year", "20x4"}}).status, 400);
  EXPECT_EQ(c.get("/api/v1/units/kanslia/table", {{"kind", "poem"}}).status, 400);
}

TEST(ApiRead, UnitsGoalsAndCalendar) {
  Api a;
  Client c = a.logged_in("kanslia");
  json units = body(c.get("/api/v1/units", {{"year", "2024"}}));
  json kanslia, ict;
  for (const auto& u : units) {
    if (u["id"] == "kanslia") kanslia = u;
    if (u["id"] == "ict") ict = u;
  }
  EXPECT_EQ(kanslia["parent"], "loviisa");
  EXPECT_EQ(kanslia["kind"], "sector");
  EXPECT_EQ(kanslia["name"]["sv"], "Stadskanslicentralen");
  EXPECT_EQ(ict["parent"], "kanslia");
  // A goal of kanslia 2024 with its metric (demo goals: lov-2024-k-aika, metric lov-2024-m-aika).
  json goals = body(c.get("/api/v1/units/kanslia/goals", {{"year", "2024"}}));
  json goal;
  for (const auto& g : goals)
    if (g["id"] == "lov-2024-k-aika") goal = g;
  ASSERT_FALSE(goal.is_null()) << goals.dump();
  bool metric = false;
  for (const auto& m : goal["metrics"]) metric = metric || m["id"] == "lov-2024-m-aika";
  EXPECT_TRUE(metric);
  // A metric value saved through the API comes back in tenths.
  json mv = change("metric_value", "lov-2024-m-aika/2024-06-30", nullptr, "615;Kuntapulssi");
  ASSERT_EQ(c.json("POST", "/api/v1/changes", mv.dump()).status, 200);
  goals = body(c.get("/api/v1/units/kanslia/goals", {{"year", "2024"}}));
  bool value = false;
  for (const auto& g : goals)
    for (const auto& m : g["metrics"])
      for (const auto& v : m["values"])
        if (m["id"] == "lov-2024-m-aika" && v["date"] == "2024-06-30") {
          value = true;
          EXPECT_EQ(v["value"], 615);
          EXPECT_EQ(v["source"], "Kuntapulssi");
        }
  EXPECT_TRUE(value);
  auto cal = c.get("/api/v1/calendar", {{"year", "2025"}, {"municipality", "loviisa"}});
  ASSERT_EQ(cal.status, 200);
  EXPECT_TRUE(body(cal).is_array());
}

TEST(ApiReview, FreezePublishAndReadPubliclyWithoutLogin) {
  Api a;
  Client ed = a.logged_in("kanslia");
  Client ap = a.logged_in("hyvaksyja");
  const std::string review = "/api/v1/units/kanslia/review";
  std::map<std::string, std::string> q{{"doc", "annual-report"}, {"year", "2024"}};
  std::string before = a.narrative("kanslia", 2024, "events", Lang::fi);
  ASSERT_EQ(ed.json("POST", "/api/v1/changes", change("narrative", "kanslia/2024/events/fi", before, "API:n julkaisema teksti.").dump()).status, 200);
  auto r = ap.get(review, q);
  ASSERT_EQ(r.status, 200) << r.body;
  json sections = body(r)["sections"];
  ASSERT_GE(sections.size(), 2u);
  EXPECT_EQ(sections[0]["state"], "draft");
  // Not yet approved: freezing is refused.
  auto early = ap.json("POST", review, R"({"action":"freeze"})", q);
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(body(early)["error"], "not_approved");
  // The editor marks ready but cannot approve or freeze.
  auto ready = ed.json("POST", review, json{{"section", sections[0]["id"]}, {"state", "ready"}}.dump(), q);
  ASSERT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(body(ready)["sections"][0]["state"], "ready");
  EXPECT_EQ(body(ready)["sections"][0]["by"], "kanslia");
  EXPECT_EQ(ed.json("POST", review, json{{"section", sections[0]["id"]}, {"state", "approved"}}.dump(), q).status, 403);
  EXPECT_EQ(ed.json("POST", review, R"({"action":"freeze"})", q).status, 403);
  EXPECT_EQ(ap.json("POST", review, R"({"section":"no-such","state":"ready"})", q).status, 400);
  auto approve_all = [&] {
    json now = body(ap.get(review, q));
    for (const auto& s : now["sections"]) {
      if (s["state"] == "approved") continue;
      ASSERT_EQ(ap.json("POST", review, json{{"section", s["id"]}, {"state", "approved"}}.dump(), q).status, 200);
    }
  };
  approve_all();
  // Publishing means reviewed: the four drafted commentaries (kanslia and its three areas, fi and
  // sv) are named, and nothing is frozen.
  auto drafts = ap.json("POST", review, R"({"action":"freeze"})", q);
  ASSERT_EQ(drafts.status, 409) << drafts.body;
  EXPECT_EQ(body(drafts)["error"], "drafts") << drafts.body;
  json named = body(drafts)["drafts"];
  ASSERT_EQ(named.size(), 4u);
  std::set<std::string> units;
  for (const auto& d : named) {
    units.insert(d["unit"].get<std::string>());
    EXPECT_EQ(d["section"], "commentary");
    EXPECT_EQ(d["langs"], json::array({"fi", "sv"}));
  }
  EXPECT_EQ(units, (std::set<std::string>{"kanslia", "ict", "kansliapalvelut", "talous"}));
  EXPECT_NE(body(drafts)["message"].get<std::string>().find("Kaupunginkansliakeskus – Talousarvion toteutumisen arvio (fi, sv)"), std::string::npos);
  // The editor accepts each as is: the narratives list shows the computed draft, stored as a person's.
  for (const auto& unit : units) {
    json texts = body(ed.get("/api/v1/units/" + unit + "/narratives", {{"year", "2024"}}));
    for (const auto& n : texts) {
      if (n["section"] != "commentary") continue;
      EXPECT_EQ(n["origin"], "draft");
      EXPECT_EQ(n["stored"], false);
      std::string key = unit + "/2024/commentary/" + n["lang"].get<std::string>();
      ASSERT_EQ(ed.json("POST", "/api/v1/changes", change("narrative", key, nullptr, n["markdown"]).dump()).status, 200) << key;
    }
  }
  approve_all();
  // kanslia's depreciation tp2024 (-44 594) is not its areas' sum (-38 655): one check error,
  // so the approver's reason is required and kept with the version.
  auto no_reason = ap.json("POST", review, R"({"action":"freeze"})", q);
  ASSERT_EQ(no_reason.status, 400) << no_reason.body;
  EXPECT_EQ(body(no_reason)["error"], "reason_required");
  EXPECT_EQ(body(no_reason)["check_errors"], 1);
  auto frozen = ap.json("POST", review, R"({"action":"freeze","reason":"Poistojen ero selvitetty."})", q);
  ASSERT_EQ(frozen.status, 200) << frozen.body;
  json v = body(frozen)["frozen"];
  EXPECT_EQ(v["check_errors"], 1);
  EXPECT_EQ(v["check_reason"], "Poistojen ero selvitetty.");
  EXPECT_EQ(v["number"], 1);
  EXPECT_EQ(v["content_hash"].get<std::string>().size(), 64u);
  EXPECT_TRUE(v["published_at"].is_null());
  std::int64_t id = v["id"];
  Client anon(a.app);
  EXPECT_TRUE(body(anon.get("/api/v1/public")).empty());
  EXPECT_EQ(anon.get("/api/v1/public/" + std::to_string(id), {{"text", "fi"}, {"format", "html"}}).status, 404);
  EXPECT_EQ(ap.json("POST", review, json{{"action", "publish"}, {"version", 999999}}.dump(), q).status, 404);
  EXPECT_EQ(ap.json("POST", review, R"({"action":"publish","version":"x"})", q).status, 400);
  auto pub = ap.json("POST", review, json{{"action", "publish"}, {"version", id}}.dump(), q);
  ASSERT_EQ(pub.status, 200) << pub.body;
  EXPECT_EQ(body(pub)["versions"][0]["published_by"], "hyvaksyja");
  // Anyone, without logging in, finds it in the list and reads it.
  auto list = anon.get("/api/v1/public");
  ASSERT_EQ(list.status, 200);
  json pubs = body(list);
  ASSERT_EQ(pubs.size(), 1u);
  EXPECT_EQ(pubs[0]["id"], id);
  EXPECT_EQ(pubs[0]["unit"], "kanslia");
  EXPECT_EQ(pubs[0]["content_hash"], v["content_hash"]);
  std::string href = "/api/v1/public/" + std::to_string(id) + "?text=fi&format=html";
  bool linked = false;
  for (const auto& l : pubs[0]["links"]) linked = linked || l["href"] == href;
  EXPECT_TRUE(linked);
  auto file = anon.get("/api/v1/public/" + std::to_string(id), {{"text", "fi"}, {"format", "html"}});
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.content_type, "text/html; charset=utf-8");
  EXPECT_NE(file.body.find("API:n julkaisema teksti."), std::string::npos);
  EXPECT_EQ(file.body.find("Luonnos: Toteuman laatima vakioteksti"), std::string::npos);
  EXPECT_EQ(Client::header(file, "X-Content-Hash"), v["content_hash"]);
  auto docx = anon.get("/api/v1/public/" + std::to_string(id), {{"text", "sv"}, {"format", "docx"}});
  EXPECT_EQ(docx.status, 200);
  EXPECT_EQ(docx.body.substr(0, 2), "PK");
  EXPECT_EQ(anon.get("/api/v1/public/" + std::to_string(id), {{"text", "de"}}).status, 400);
}

TEST(ApiOpenApi, DescribesEveryRoute) {
  Api a;
  Client anon(a.app);
  auto r = anon.get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  json doc = json::parse(r.body, nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 4), "3.0.");
  const std::vector<std::pair<std::string, std::string>> routes{
      {"/api/v1/login", "post"},           {"/api/v1/logout", "post"},          {"/api/v1/session", "get"},
      {"/api/v1/units", "get"},            {"/api/v1/units/{id}/table", "get"}, {"/api/v1/units/{id}/narratives", "get"},
      {"/api/v1/units/{id}/goals", "get"}, {"/api/v1/values", "get"},           {"/api/v1/changes", "post"},
      {"/api/v1/audit", "get"},            {"/api/v1/units/{id}/review", "get"}, {"/api/v1/units/{id}/review", "post"},
      {"/api/v1/calendar", "get"},         {"/api/v1/public", "get"},           {"/api/v1/public/{id}", "get"},
      {"/api/v1/openapi.json", "get"},         {"/api/v1/search", "get"},
      // budget rounds (web/api_budget.cpp)
      {"/api/v1/budget/{year}", "get"}, {"/api/v1/budget/versions/{id}/figures", "get"}, {"/api/v1/budget/versions/{id}/alternatives", "get"},
      {"/api/v1/alternatives/{id}", "get"}, {"/api/v1/units/{id}/proposal", "get"}, {"/api/v1/units/{id}/proposal", "post"},
      {"/api/v1/units/{id}/spending-plan", "get"},
      // comments (web/api_comments.cpp)
      {"/api/v1/units/{id}/comments", "get"}, {"/api/v1/units/{id}/comments", "post"}};
  for (const auto& [path, method] : routes) {
    ASSERT_TRUE(doc["paths"].contains(path)) << path;
    EXPECT_TRUE(doc["paths"][path].contains(method)) << method << " " << path;
  }
  EXPECT_EQ(doc["paths"].size(), 23u) << "a path here that the test does not know";
  EXPECT_EQ(doc["components"]["securitySchemes"]["session"]["in"], "cookie");
  EXPECT_EQ(doc["components"]["securitySchemes"]["csrf"]["name"], "X-CSRF-Token");
  // Every $ref points at a schema or response that exists.
  std::function<void(const json&)> refs = [&](const json& j) {
    if (j.is_object()) {
      if (j.contains("$ref")) {
        std::string ref = j["$ref"];
        ASSERT_EQ(ref.rfind("#/components/", 0), 0u) << ref;
        auto slash = ref.find('/', 13);
        EXPECT_TRUE(doc["components"][ref.substr(13, slash - 13)].contains(ref.substr(slash + 1))) << ref;
      }
      for (const auto& [k, v] : j.items()) refs(v);
    } else if (j.is_array()) {
      for (const auto& v : j) refs(v);
    }
  };
  refs(doc);
}

}  // namespace
}  // namespace toteuma
