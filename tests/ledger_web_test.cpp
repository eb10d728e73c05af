// The web app's follow-up view over the demo with the demo ledger (as `toteuma serve` hands
// it over): the follow-up tables by month, and every other page exactly as without the ledger.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/ledger_commands.h"
#include "core/follow_up.h"
#include "store/store.h"
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
    for (const auto& path : {db, plain_db}) testing::add_user(path, "lukija", "viewer", "lukijan-salasana");
    with = testing::Client(make_app(db));
    without = testing::Client(make_app(plain_db));
    EXPECT_EQ(with.login("lukija", "lukijan-salasana").status, 303);
    EXPECT_EQ(without.login("lukija", "lukijan-salasana").status, 303);
  }
  static http::Response get(testing::Client& c, const std::string& path, std::map<std::string, std::string> query = {}) {
    return c.get(path, std::move(query));
  }
};

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
  // nine months, 186 000 projected; no budget, so the deviation is the forecast itself.
  EXPECT_NE(r.body.find("\nSisäiset erät;;-15500;-139500;-186000;-186000\n"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\nToimintakate ulkoinen;-4165639;"), std::string::npos) << r.body;  // TA 2025 of the dataset
  EXPECT_EQ(Served::get(s.with, "/fi/unit/kanslia", {{"kind", "follow-up"}, {"month", "10"}}).status, 400);
  EXPECT_EQ(Served::get(s.with, "/fi/unit/kanslia", {{"kind", "follow-up"}, {"month", "x"}}).status, 400);
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
    EXPECT_EQ(a.body, b.body) << path;
  }
}

}  // namespace
}  // namespace toteuma
