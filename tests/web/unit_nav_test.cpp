// The unit's navigation (issue 17 item 7): the breadcrumb of its place in the organisation and its
// pages as tabs, the page shown marked for assistive technology (aria-current).
#include <gtest/gtest.h>

#include "web_client.h"

namespace toteuma {
namespace {

bool has(const std::string& body, const std::string& part) { return body.find(part) != std::string::npos; }

TEST(WebUnitNav, TheBreadcrumbLeadsFromTheMunicipalityToTheUnitAndMarksThePageShown) {
  testing::UsersWorkplace w({{"lukija", "viewer"}}, "oikea-salasana-42");
  auto reader = w.as("lukija");
  // ict lies under kanslia, under the city (data/demo/units.csv); the year travels with the links.
  auto r = reader.get("/sv/unit/ict/goals", {{"year", "2024"}});
  ASSERT_EQ(r.status, 200);
  for (const char* part : {"<a href=\"/sv/unit/loviisa?year=2024\">Lovisa stad</a>",
                           "<a href=\"/sv/unit/kanslia?year=2024\">Stadskanslicentralen</a>",
                           "<a href=\"/sv/unit/ict?year=2024\" aria-current=\"location\">Informations- och kommunikationsteknologitjänster</a>",
                           "<a href=\"/sv/unit/ict/goals?year=2024\" aria-current=\"page\">Mål</a>",
                           "<a href=\"/sv/unit/ict/texts?year=2024\">Texter</a>",
                           "<a href=\"/sv/audit?unit=ict\">Ändringshistorik</a>"})
    EXPECT_TRUE(has(r.body, part)) << part;
  // Only one page is the current one; without ledger months there is no follow-up tab.
  EXPECT_EQ(r.body.find("aria-current=\"page\"", r.body.find("aria-current=\"page\"") + 1), std::string::npos);
  EXPECT_FALSE(has(r.body, "Uppföljning"));

  // A tab's other pages keep it marked: editing the goals is the goals tab.
  auto edit = reader.get("/fi/unit/kanslia/goals/edit", {{"year", "2025"}});
  EXPECT_TRUE(has(edit.body, "<a href=\"/fi/unit/kanslia/goals?year=2025\" aria-current=\"page\">Tavoitteet</a>"));

  auto figures = reader.get("/fi/unit/kanslia");
  ASSERT_EQ(figures.status, 200);
  EXPECT_TRUE(has(figures.body, "<a href=\"/fi/unit/kanslia\" aria-current=\"page\">Talous</a>"));
  EXPECT_TRUE(has(figures.body, "<a href=\"/fi/unit/loviisa\">Loviisan kaupunki</a>"));
}

TEST(WebUnitNav, PagesWithoutAUnitAndAnonymousReadersHaveNone) {
  testing::UsersWorkplace w({{"lukija", "viewer"}}, "oikea-salasana-42");
  EXPECT_FALSE(has(w.as("lukija").get("/fi/checks").body, "unit-nav"));
  EXPECT_FALSE(has(testing::Client(w.app).get("/fi/accessibility").body, "unit-nav"));
}

// The site menu offers the import page to whoever may import (finance, admin), nobody else.
TEST(WebMenu, TheImportPageIsInTheMenuOfFinanceOnly) {
  testing::UsersWorkplace w({{"lukija", "viewer"}, {"talous", "finance"}, {"kanslia", "editor:kanslia"}}, "oikea-salasana-42");
  EXPECT_TRUE(has(w.as("talous").get("/sv/checks").body, "<li><a href=\"/sv/import\">Importer</a></li>"));
  for (const char* user : {"lukija", "kanslia"}) EXPECT_FALSE(has(w.as(user).get("/fi/checks").body, "/fi/import\"")) << user;
}

}  // namespace
}  // namespace toteuma
