// The versions compared (/{lang}/budget/{year}/versions, issue 16 item 4) with many versions: by
// default the table has a column for the two newest only (the step just taken), so the newest is
// in view at 1280 px; the reader ticks any others. The demo's round 2026 holds raami-2026 and
// ehdotus-2026; finance starts kj-2026 and kh-2026, so the newest two are kj-2026 and kh-2026.
#include <gtest/gtest.h>

#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

// The frame's column heading in the table.
const std::string kFrameColumn = "<th scope=\"col\" class=\"num\">Talousarvioraami 2026 (KH 10.3.2025)</th>";

TEST(WebVersionsPick, TheTwoNewestByDefaultAndThePickedOnesOtherwise) {
  testing::UsersWorkplace w({{"talous", "finance"}}, "oikea-salasana-42");
  Client fin = w.as("talous");
  for (auto [id, stage, from] : {std::tuple{"kj-2026", "manager", "version:ehdotus-2026"}, std::tuple{"kh-2026", "board", "version:kj-2026"}})
    ASSERT_EQ(fin.post("/fi/budget/2026", {{"do", "start"}, {"id", id}, {"stage", stage}, {"from", from}, {"name_fi", ""}, {"name_sv", ""}}).status,
              303) << id;
  auto page = fin.get("/fi/budget/2026/versions", {{"unit", "kanslia"}});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("name=\"v_kh-2026\" value=\"1\" checked>"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"v_kj-2026\" value=\"1\" checked>"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"v_raami-2026\" value=\"1\">"), std::string::npos) << "not ticked";
  EXPECT_EQ(page.body.find(kFrameColumn), std::string::npos) << "the frame is a choice, not a column";
  EXPECT_NE(page.body.find("Ero raamiin"), std::string::npos) << "the distance from the frame stays";
  // The reader picks the frame and the proposals only.
  page = fin.get("/fi/budget/2026/versions", {{"unit", "kanslia"}, {"pick", "1"}, {"v_raami-2026", "1"}, {"v_ehdotus-2026", "1"}});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(kFrameColumn), std::string::npos) << "picked: a column";
  EXPECT_NE(page.body.find("name=\"v_kh-2026\" value=\"1\">"), std::string::npos);
  EXPECT_EQ(page.body.find("<th scope=\"col\" class=\"num\">Kunnanhallituksen"), std::string::npos);
}

}  // namespace
}  // namespace toteuma
