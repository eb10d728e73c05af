// The web app's follow-up view over the demo with the demo ledger (as `toteuma serve` hands
// it over): the follow-up tables by month, and every other page exactly as without the ledger.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/ledger_commands.h"
#include "core/finance/follow_up.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "web/app.h"
#include "demo_db.h"
#include "test_util.h"
#include "web_client.h"

namespace toteuma {
namespace {

// Two databases, the demo with and without the demo ledger, each served and logged in as a viewer.
struct Served {
  testing::TempDir tmp_with, tmp_without;
  std::string db = testing::load_demo_db(tmp_with), plain_db = testing::load_demo_db(tmp_without);
  testing::Client with{nullptr}, without{nullptr};

  Served() {
    LedgerOptions o;
    o.db = db;
    auto demo = testing::demo_dir() / "ledger";
    o.files = {(demo / "ledger-2025-01-09.csv").string()};
    o.mapping = (demo / "mapping.toml").string();
    std::ostringstream sink;
    cmd_import_ledger(o, sink);
    o.year = 2025, o.month = "9";  // finance has closed January–September (as scripts/demo.sh)
    cmd_ledger_close(o, sink);
    for (const auto& path : {db, plain_db}) testing::add_user(path, "lukija", "viewer", "lukijan-salasana");
    testing::add_user(db, "talous", "finance", "talouden-salasana");
    with = testing::Client(make_app(db));
    without = testing::Client(make_app(plain_db));
    EXPECT_EQ(with.login("lukija", "lukijan-salasana").status, 303);
    EXPECT_EQ(without.login("lukija", "lukijan-salasana").status, 303);
  }
  static http::Response get(testing::Client& c, const std::string& path, std::map<std::string, std::string> query = {}) {
    return c.get(path, std::move(query));
  }
};

// The investment part's follow-up from the ledger's project rows (issue 14): the demo's day-care
// centre has booked 107,5 % of its binding −2 000 000 by September (data/demo/ledger/generate.mjs).
TEST(LedgerWeb, InvestmentPartFollowUpFromTheLedger) {
  Served s;
  auto r = Served::get(s.with, "/fi/unit/loviisa", {{"year", "2025"}, {"kind", "investments:follow-up"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Investointiosan seuranta 1–9"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("Keskustan päiväkoti * !"), std::string::npos);
  EXPECT_NE(r.body.find("107,5"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"investments:follow-up\" selected"), std::string::npos);
  r = Served::get(s.with, "/sv/unit/loviisa/table.csv", {{"year", "2025"}, {"kind", "investments:follow-up"}, {"month", "3"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Uppföljning av investeringsdelen 1–3/2025"), std::string::npos);
  EXPECT_EQ(Served::get(s.with, "/fi/unit/loviisa", {{"year", "2025"}, {"kind", "investments:follow-up"}, {"month", "13"}}).status,
            400);
  // Without a ledger: not offered, and refused when asked for; the other investment views stay.
  r = Served::get(s.without, "/fi/unit/loviisa", {{"year", "2024"}, {"kind", "investments:annual-report"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Investointiosan toteutuminen 2024"), std::string::npos);
  EXPECT_EQ(r.body.find("investments:follow-up"), std::string::npos);
  EXPECT_EQ(Served::get(s.without, "/fi/unit/loviisa", {{"year", "2025"}, {"kind", "investments:follow-up"}}).status, 400);
  r = Served::get(s.without, "/fi/unit/loviisa", {{"year", "2025"}, {"kind", "key-figures:budget"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Vuosikate, €/asukas"), std::string::npos) << r.body;
  // A sector owns no project groups and has no key figures of its own.
  r = Served::get(s.without, "/fi/unit/kanslia", {{"year", "2025"}});
  EXPECT_EQ(r.body.find("investments:"), std::string::npos);
  EXPECT_EQ(r.body.find("key-figures:"), std::string::npos);
}

TEST(LedgerWeb, FollowUpViewByMonth) {
  Served s;
  auto r = Served::get(s.with, "/fi/unit/kanslia", {{"kind", "follow-up"}});
  ASSERT_EQ(r.status, 200);
  // The latest month by default, the binding line judged on the forecast, links to each month.
  EXPECT_NE(r.body.find("Talousarvion seuranta 1–9&#x2F;2025"), std::string::npos);
  EXPECT_NE(r.body.find("Toteutumisaste 1–9/2025 (tasainen kertymä 75,0"), std::string::npos);
  EXPECT_NE(r.body.find("ennusteen mukaan sitova määräraha ylittyy"), std::string::npos);
  EXPECT_NE(r.body.find("month=9\" aria-current=\"page\""), std::string::npos);
  r = Served::get(s.with, "/sv/unit/kanslia", {{"kind", "follow-up"}, {"year", "2025"}, {"month", "3"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Budgetuppföljning 1–3&#x2F;2025"), std::string::npos);
  r = Served::get(s.with, "/fi/unit/kanslia/table.csv", {{"kind", "follow-up"}, {"month", "9"}});
  ASSERT_EQ(r.status, 200);
  // The demo ledger's internal rents (data/demo/ledger/generate.mjs), even over the year:
  // 96 000 (cost centers 1110 and 1111), 36 000 and 54 000 a year → 15 500 a month, 139 500 in
  // nine months, 186 000 projected; no budget, so no forecast deviation.
  EXPECT_NE(r.body.find("\nSisäiset erät;;-15500;-139500;-186000;\n"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\nToimintakate ulkoinen;-4165639;"), std::string::npos) << r.body;  // TA 2025 of the dataset
  EXPECT_EQ(Served::get(s.with, "/fi/unit/kanslia", {{"kind", "follow-up"}, {"month", "10"}}).status, 400);
  EXPECT_EQ(Served::get(s.with, "/fi/unit/kanslia", {{"kind", "follow-up"}, {"month", "x"}}).status, 400);
}

// Finance closes months on the page; the projection follows the closed months only, and a
// viewer may not close.
TEST(LedgerWeb, FinanceClosesMonthsOnThePage) {
  Served s;
  auto before = Served::get(s.with, "/fi/unit/kansliapalvelut/table.csv", {{"kind", "follow-up"}, {"month", "9"}});
  // Wages of kansliapalvelut: 32 000 a month, 48 000 in June, 25 600 in July (generate.mjs):
  // 297 600 in Jan–Sep → × 12 / 9 = 396 800; closed only through June: 208 000 × 12 / 6 = 416 000.
  EXPECT_NE(before.body.find("\nPalkat ja palkkiot;;-32000;-297600;-396800;\n"), std::string::npos) << before.body;
  EXPECT_EQ(s.with.post("/fi/ledger/close", {{"year", "2025"}, {"month", "6"}, {"unit", "kansliapalvelut"}}).status, 403);
  testing::Client finance(make_app(s.db));
  ASSERT_EQ(finance.login("talous", "talouden-salasana").status, 303);
  auto page = finance.get("/fi/unit/kansliapalvelut", {{"kind", "follow-up"}});
  EXPECT_NE(page.body.find("Suljetut kuukaudet: 1–9/2025"), std::string::npos);
  EXPECT_NE(page.body.find("action=\"/fi/ledger/close\""), std::string::npos);
  auto r = finance.post("/fi/ledger/close", {{"year", "2025"}, {"month", "6"}, {"unit", "kansliapalvelut"}});
  ASSERT_EQ(r.status, 303) << r.body;
  auto after = finance.get("/fi/unit/kansliapalvelut/table.csv", {{"kind", "follow-up"}, {"month", "9"}});
  EXPECT_NE(after.body.find("\nPalkat ja palkkiot;;-32000;-297600;-416000;\n"), std::string::npos) << after.body;
  EXPECT_EQ(finance.post("/fi/ledger/close", {{"year", "2025"}, {"month", "13"}, {"unit", "kansliapalvelut"}}).status, 400);
  EXPECT_EQ(finance.post("/fi/ledger/close", {{"year", "2025"}, {"month", "6"}, {"unit", "kansliapalvelut"}}, {}, false).status, 403);
  // The closing is audited.
  auto audit = open_workplace_store(s.db)->audit("", 5);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].entity, "ledger_close");
  EXPECT_EQ(audit[0].user, "talous");
  EXPECT_EQ(audit[0].before, std::optional<std::string>("9"));
  EXPECT_EQ(audit[0].after, std::optional<std::string>("6"));
}

// A month closed (or a ledger imported) from the command line while the server runs shows on
// the next request, without a restart.
TEST(LedgerWeb, CommandLineWritesShowWithoutARestart) {
  Served s;
  auto csv = [&] { return Served::get(s.with, "/fi/unit/kansliapalvelut/table.csv", {{"kind", "follow-up"}, {"month", "9"}}).body; };
  EXPECT_NE(csv().find("\nPalkat ja palkkiot;;-32000;-297600;-396800;\n"), std::string::npos);
  LedgerOptions o;
  o.db = s.db, o.year = 2025, o.month = "6";
  std::ostringstream sink;
  ASSERT_EQ(cmd_ledger_close(o, sink), 0);
  EXPECT_NE(csv().find("\nPalkat ja palkkiot;;-32000;-297600;-416000;\n"), std::string::npos) << csv();
}

TEST(LedgerWeb, OtherPagesAreAsWithoutTheLedger) {
  Served s;
  for (const char* path : {"/fi/", "/fi/unit/kanslia", "/sv/unit/ict", "/fi/checks", "/fi/unit/heinola/personnel"}) {
    auto a = Served::get(s.with, path), b = Served::get(s.without, path);
    EXPECT_EQ(a.status, b.status) << path;
    // Each session has its own CSRF token in the page's logout form.
    for (auto* r : {&a, &b})
      if (auto at = r->body.find(testing::Client::field(r->body, "csrf")); at != std::string::npos)
        r->body.replace(at, testing::Client::field(r->body, "csrf").size(), "TOKEN");
    // Only the kind picker differs: it offers the follow-up when there is a ledger.
    std::string option = "<option value=\"follow-up\">Talousarvion seuranta (pääkirja)</option>";
    if (auto at = a.body.find(option); at != std::string::npos) a.body.erase(at, option.size());
    option = "<option value=\"follow-up\">Budgetuppföljning (huvudbok)</option>";
    if (auto at = a.body.find(option); at != std::string::npos) a.body.erase(at, option.size());
    // And the unit's tabs offer its follow-up (web/unit_nav.cpp).
    for (const char* tab : {"\">Seuranta</a></li>", "\">Uppföljning</a></li>"})
      if (auto at = a.body.find(tab); at != std::string::npos) {
        auto from = a.body.rfind("<li><a href=", at);
        a.body.erase(from, at + std::string(tab).size() - from);
      }
    EXPECT_EQ(a.body, b.body) << path;
  }
}

}  // namespace
}  // namespace toteuma
