// The municipality's unit page offers its income statement and financing parts (issue 14 item 5);
// a sector's page does not, and an unknown view is refused.
#include <gtest/gtest.h>

#include "test_util.h"
#include "web_client.h"

namespace toteuma {
namespace {

struct Viewer : testing::DemoWorkplace {
  testing::Client c{nullptr};
  Viewer() {
    testing::add_user(db, "lukija", "viewer", "osat-salasana-14");
    app = make_app(db);
    c = testing::Client(app);
    EXPECT_EQ(c.login("lukija", "osat-salasana-14").status, 303);
  }
};

TEST(StatutoryPartsWeb, TheMunicipalityPageShowsItsParts) {
  Viewer v;
  auto r = v.c.get("/fi/unit/loviisa", {{"year", "2025"}, {"kind", "income-statement:budget"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Tuloslaskelma: talousarvio 2025 ja taloussuunnitelma 2026–2027"), std::string::npos);
  EXPECT_NE(r.body.find(">Vuosikate<"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"cash-flow:annual-report\""), std::string::npos);
  // its sub-units' links show their operating part
  EXPECT_NE(r.body.find("kanslia?year=2025&amp;kind=budget\""), std::string::npos);
  r = v.c.get("/sv/unit/loviisa", {{"year", "2024"}, {"kind", "cash-flow:annual-report"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Finansieringsanalys: budgetens utfall 2024"), std::string::npos);
  EXPECT_NE(r.body.find("Förändring av likvida medel"), std::string::npos);
  r = v.c.get("/fi/unit/loviisa/table.csv", {{"year", "2025"}, {"kind", "income-statement:budget"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Vuosikate;"), std::string::npos);

  // each figure explains itself, also in a statutory part's view
  r = v.c.get("/fi/unit/loviisa/explain",
              {{"year", "2025"}, {"kind", "income-statement:budget"}, {"line", "annual_margin"}, {"col", "2"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Vuosikate"), std::string::npos);

  r = v.c.get("/fi/unit/kanslia", {{"year", "2025"}, {"kind", "budget"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("income-statement:"), std::string::npos) << "a sector has no income statement part";
  EXPECT_EQ(r.body.find(">Vuosikate<"), std::string::npos);

  for (const char* bad : {"income-statement", "income-statement:x", "operating:budget", ":budget"})
    EXPECT_EQ(v.c.get("/fi/unit/loviisa", {{"year", "2025"}, {"kind", bad}}).status, 400) << bad;
}

}  // namespace
}  // namespace toteuma
