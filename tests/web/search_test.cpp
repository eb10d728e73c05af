// Search over units, goals, metrics and texts (issue 17 item 6), on the demo dataset. The
// expected hits are read off data/demo (units.csv, goals/goals.csv, goals/metrics.csv).
#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/dataset_files.h"
#include "store/search_index.h"
#include "test_util.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

struct Case {
  const char* query;
  Lang reader;
  const char* kind;  // the hit expected among the results ("" = no hit at all)
  const char* ref;
  Lang shown;        // the language the hit is shown in
  const char* title_part;
};

const Case kCases[] = {
    // A whole word, and its beginning (Finnish inflects: "asukk" finds "Asukkaita").
    {"Asukkaita", Lang::fi, "goal", "lov-2023-c-asukkaat", Lang::fi, "yli 15 000"},
    {"asukk", Lang::fi, "goal", "lov-2023-c-asukkaat", Lang::fi, "Asukkaita"},
    // Only the Swedish text has the word: the Finnish reader sees the Swedish hit.
    {"invånare", Lang::fi, "goal", "lov-2023-c-asukkaat", Lang::sv, "invånare"},
    // Both texts have a match: each reader sees their own language.
    {"15 000 2024", Lang::sv, "goal", "lov-2023-c-asukkaat", Lang::sv, "Staden har"},
    {"arbetsgivare", Lang::sv, "goal", "lov-2023-a-tunnettuus", Lang::sv, "arbetsgivare"},
    // Units by name in either language, and by id.
    {"kaupunginkanslia", Lang::fi, "unit", "kanslia", Lang::fi, "Kaupunginkansliakeskus"},
    {"stadskansli", Lang::sv, "unit", "kanslia", Lang::sv, "Stadskanslicentralen"},
    // Diacritics folded: "tyotehtaviin" finds "työtehtäviin" (a metric).
    {"tyotehtaviin", Lang::fi, "metric", "lov-2023-m-aika", Lang::fi, "työtehtäviin"},
    // A text by its words (data/demo/narratives/kanslia/2025/principles.fi.md), not by its
    // section id, which is no word of any text.
    {"ennustettava", Lang::fi, "text", "principles", Lang::fi, "ennustettava"},
    {"principles", Lang::fi, "", "", Lang::fi, ""},
    // Every word must match; no word, or only syntax, finds nothing and fails nothing.
    {"asukkaita zyxwv", Lang::fi, "", "", Lang::fi, ""},
    {"\" * ( NEAR", Lang::fi, "", "", Lang::fi, ""},
    {"", Lang::fi, "", "", Lang::fi, ""},
};

TEST(Search, FindsUnitsGoalsMetricsAndTextsInBothLanguages) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  SearchIndex index(d);
  for (const Case& c : kCases) {
    auto hits = index.find(c.query, c.reader);
    if (std::string(c.kind).empty()) {
      EXPECT_TRUE(hits.empty()) << c.query;
      continue;
    }
    auto it = std::find_if(hits.begin(), hits.end(), [&](const SearchHit& h) { return h.kind == c.kind && h.ref == c.ref; });
    ASSERT_NE(it, hits.end()) << c.query;
    EXPECT_EQ(it->lang, c.shown) << c.query;
    EXPECT_NE((it->title + " " + it->excerpt).find(c.title_part), std::string::npos) << c.query << ": " << it->title;
    // One hit per item, whatever matched in both languages.
    EXPECT_EQ(std::count_if(hits.begin(), hits.end(), [&](const SearchHit& h) { return h.kind == c.kind && h.ref == c.ref; }), 1)
        << c.query;
  }
}

TEST(Search, FtsQueryQuotesEveryWordAsAPrefix) {
  EXPECT_EQ(fts_query("talous arvio"), "\"talous\"* \"arvio\"*");
  EXPECT_EQ(fts_query("a\" OR \"b"), "\"a\"* \"OR\"* \"b\"*");  // syntax is words, not operators
  EXPECT_EQ(fts_query("*()\"-"), "");
  EXPECT_EQ(fts_query("päätös"), "\"päätös\"*");
}

TEST(WebSearch, TheSearchPageListsHitsWithLinksForEveryReaderOnly) {
  testing::UsersWorkplace w({{"lukija", "viewer"}}, "oikea-salasana-42");
  Client c = w.as("lukija");
  auto fi = c.get("/fi/search", {{"q", "asukk"}});
  ASSERT_EQ(fi.status, 200);
  EXPECT_NE(fi.body.find("href=\"/fi/unit/loviisa/goals?year=2023\""), std::string::npos);
  EXPECT_NE(fi.body.find("<mark>Asukkaita</mark>"), std::string::npos);
  EXPECT_NE(fi.body.find("Tavoite"), std::string::npos);
  auto sv = c.get("/sv/search", {{"q", "invånare"}});
  ASSERT_EQ(sv.status, 200);
  EXPECT_NE(sv.body.find("<mark>invånare</mark>"), std::string::npos);
  EXPECT_NE(sv.body.find("Mål"), std::string::npos);
  // The query is shown back escaped.
  auto xss = c.get("/fi/search", {{"q", "<script>alert(1)</script>"}});
  ASSERT_EQ(xss.status, 200);
  EXPECT_EQ(xss.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(xss.body.find("Osumia: 0"), std::string::npos);
  // Behind the login.
  Client anonymous(w.app);
  EXPECT_EQ(anonymous.get("/fi/search", {{"q", "asukk"}}).status, 303);
}

TEST(WebSearch, TheApiAnswersTheSameHits) {
  testing::UsersWorkplace w({{"lukija", "viewer"}}, "oikea-salasana-42");
  Client c = w.as("lukija");
  auto r = c.get("/api/v1/search", {{"q", "stadskansli"}});
  ASSERT_EQ(r.status, 200);
  // The unit kanslia, found by its Swedish name: a Finnish reader (the API's default) gets the Swedish hit.
  EXPECT_NE(r.body.find("\"kind\":\"unit\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"ref\":\"kanslia\""), std::string::npos);
  EXPECT_NE(r.body.find("\"lang\":\"sv\""), std::string::npos);
  EXPECT_NE(r.body.find("Stadskanslicentralen"), std::string::npos);
  EXPECT_EQ(c.get("/api/v1/search", {{"q", ""}}).body, "[]\n");
}

}  // namespace
}  // namespace toteuma
