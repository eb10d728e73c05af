// Issue 13 items 16 and 17 through the web handler: pages, refusals and API messages in Finnish
// and Swedish with no English; Helsinki times; spreadsheet CSV; scenarios of the unit's
// municipality only; a Swedish document of a Finnish-only municipality says so at the top.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "cli/document_commands.h"
#include "core/i18n.h"
#include "core/text.h"
#include "english_words.h"
#include "render/local_time.h"
#include "render/simple_table_render.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "test_util.h"
#include "web_client.h"

namespace toteuma {
namespace {

using nlohmann::json;
using testing::Client;

constexpr const char* kPassword = "kieli-salasana-13";

struct Workplace : testing::DemoWorkplace {
  Workplace() {
    testing::add_user(db, "talous", "finance", kPassword);
    app = make_app(db);
  }
  Client finance() {
    Client c(app);
    EXPECT_EQ(c.login("talous", kPassword).status, 303);
    return c;
  }
};

// The text a reader sees: without styles and scripts, tags skipped by english_words.
std::string visible(std::string html) {
  html = std::regex_replace(html, std::regex("<(style|script)[^>]*>[\\s\\S]*?</\\1>"), "");
  return std::regex_replace(html, std::regex("&quot;"), "\"");
}

const char* kLangs[] = {"fi", "sv"};

TEST(NoEnglish, PagesInFinnishAndSwedish) {
  Workplace w;
  Client c = w.finance();
  for (const char* l : kLangs) {
    const std::string p = std::string("/") + l;
    for (const std::string& path : {p + "/", p + "/unit/kanslia", p + "/unit/heinola", p + "/checks", p + "/calendar", p + "/scenarios",
                                    p + "/unit/kanslia/figures", p + "/public", p + "/nosuchpage"}) {
      auto r = c.get(path, path.find("figures") != std::string::npos ? std::map<std::string, std::string>{{"scenario", "ta2024"}}
                                                                        : std::map<std::string, std::string>{});
      EXPECT_TRUE(r.status == 200 || r.status == 404) << path << " " << r.status;
      EXPECT_EQ(testing::english_words(visible(r.body)), "") << path;
    }
  }
}

// Refusals a person can cause on the pages, in the page's language. The amendment without a
// decision was "an amendment needs a decision reference" on both the Finnish and Swedish page.
TEST(NoEnglish, RefusalsOnThePages) {
  Workplace w;
  Client c = w.finance();
  for (const char* l : kLangs) {
    Lang lang = *parse_lang(l);
    auto r = c.post(std::string("/") + l + "/scenarios",
                    {{"kind", "amendment"}, {"id", "mta-x"}, {"year", "2024"}, {"name_fi", "M"}, {"name_sv", "Ä"}, {"municipality", "loviisa"}});
    EXPECT_NE(r.body.find(html_escape(tr("err.store.amendment_decision", lang))), std::string::npos) << r.body;
    EXPECT_EQ(testing::english_words(visible(r.body)), "") << l;
    r = c.post(std::string("/") + l + "/unit/kanslia/figures", {{"l_sales", "abc"}}, {{"scenario", "ta2024"}});
    EXPECT_NE(r.body.find(html_escape(msg("web.bad_amount_in", "x", "abc").in(lang).substr(3))), std::string::npos) << r.body;
    EXPECT_EQ(testing::english_words(visible(r.body)), "") << l;
  }
}

// The API's messages follow ?lang=, then Accept-Language, then the primary language.
TEST(NoEnglish, ApiMessagesInTheAskedLanguage) {
  Workplace w;
  Client anonymous(w.app);
  auto r = anonymous.get("/api/v1/units");
  ASSERT_EQ(r.status, 401);
  EXPECT_EQ(json::parse(r.body)["message"], tr("api.login_first", Lang::fi));  // Loviisa's primary language
  http::Request req;
  req.method = "GET";
  req.path = "/api/v1/units";
  req.headers["accept-language"] = "sv-FI,sv;q=0.9";
  EXPECT_EQ(json::parse(w.app(req).body)["message"], tr("api.login_first", Lang::sv));

  Client c(w.app);
  auto login = c.json("POST", "/api/v1/login", json{{"user", "talous"}, {"password", kPassword}}.dump());
  ASSERT_EQ(login.status, 200);
  c.csrf = json::parse(login.body)["csrf"];
  for (const char* l : kLangs) {
    Lang lang = *parse_lang(l);
    struct Case {
      http::Response r;
      int status;
      Msg expected;
    };
    std::vector<Case> cases;
    cases.push_back({c.get("/api/v1/units", {{"year", "20x4"}, {"lang", l}}), 400, msg("api.bad_year", 2024)});
    cases.push_back({c.get("/api/v1/nosuch", {{"lang", l}}), 404, msg("api.no_route")});
    cases.push_back({c.get("/api/v1/units/nosuch/table", {{"year", "2024"}, {"lang", l}}), 404, msg("err.unknown_unit", "nosuch")});
    cases.push_back({c.json("POST", "/api/v1/changes",
                            json{{"changes", json::array({{{"entity", "figure"}, {"key", "kanslia/sales/nosuch"}, {"before", nullptr}, {"after", "1"}}})}}.dump(),
                            {{"lang", l}}),
                     400, msg("err.store.unknown_scenario", "nosuch")});
    cases.push_back({c.json("POST", "/api/v1/changes",
                            json{{"changes", json::array({{{"entity", "scenario"}, {"key", "mta-y"}, {"before", nullptr}, {"after", "amendment;2024;;;M;Ä"}}})}}.dump(),
                            {{"lang", l}}),
                     400, msg("err.store.amendment_decision")});
    cases.push_back({c.json("POST", "/api/v1/changes", "[]", {{"lang", l}}), 400, msg("api.not_object")});
    for (const auto& k : cases) {
      EXPECT_EQ(k.r.status, k.status) << k.expected.key << " " << k.r.body;
      std::string m = json::parse(k.r.body).value("message", "");
      EXPECT_EQ(m, k.expected.in(lang)) << k.expected.key;
      EXPECT_EQ(testing::english_words(m), "") << m;
    }
  }
}

// ---- times ---------------------------------------------------------------------------------------

TEST(HelsinkiTime, TheAuditAndVersionsShowLocalTime) {
  Workplace w;
  Client c = w.finance();
  auto form = c.get("/fi/unit/kanslia/figures", {{"scenario", "ta2024"}});
  ASSERT_EQ(c.post("/fi/unit/kanslia/figures", {{"l_sales", "20600"}, {"h_sales", "1"}, {"b_sales", Client::field(form.body, "b_sales")}},
                   {{"scenario", "ta2024"}}).status, 303);
  auto entries = open_workplace_store(w.db)->audit("", 10);
  ASSERT_FALSE(entries.empty());
  auto stamp = parse_utc_stamp(entries.front().at);
  ASSERT_TRUE(stamp);
  // Independent of display_time: Helsinki is UTC+2 in winter and UTC+3 in summer.
  EXPECT_TRUE(helsinki_offset_seconds(*stamp) == 7200 || helsinki_offset_seconds(*stamp) == 10800);
  for (const char* l : kLangs) {
    auto page = c.get(std::string("/") + l + "/audit");
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.body.find("UTC"), std::string::npos) << l;
    EXPECT_NE(page.body.find(display_time(entries.front().at)), std::string::npos) << l;
  }
}

// ---- CSV for spreadsheets -------------------------------------------------------------------------

TEST(SpreadsheetCsv, TheTableDownloadOpensInFinnishExcel) {
  Workplace w;
  Client c = w.finance();
  auto r = c.get("/fi/unit/kanslia/table.csv", {{"year", "2024"}});
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.body.rfind(kUtf8Bom, 0), 0u) << "no byte order mark";
  // tests/tables/kanslia-annual-report-2024-fi.csv: Toimintatuotot 300 500 | – | 300 500 | 281 829 | -18 671.
  EXPECT_NE(r.body.find("\nToimintatuotot;300500;;300500;281829;-18671\n"), std::string::npos) << r.body;
}

TEST(SpreadsheetCsv, PersonnelCsvHasTheBomAndDecimalCommas) {
  // Heinola's htv 2025 is 659,7 (personnel_test); as a CSV cell "659,7", never "659.7".
  SimpleTable t{"Henkilötyövuodet (htv)", "Yksikkö", {"2025"}, 1, 1, {{"Heinola", 0, true, false, -1, {6597}}, {"x", 0, false, false, -1, {-5}}}};
  EXPECT_EQ(render_simple_csv(t), "# Henkilötyövuodet (htv)\nYksikkö;2025\nHeinola;659,7\nx;-0,5\n");
  // The command writes the byte order mark first.
  testing::TempDir tmp;
  CommandOptions o;
  o.db = testing::load_demo_db(tmp);
  o.unit = "kanslia";
  o.year = 2025;
  o.format = "csv";
  std::ostringstream out;
  ASSERT_EQ(cmd_personnel(o, out), 0);
  EXPECT_EQ(out.str().rfind(kUtf8Bom, 0), 0u);
  EXPECT_NE(out.str().find("\nHenkilöstökulut;-1887887;-1935039;-2094694\n"), std::string::npos) << out.str();
}

// ---- scenarios of the unit's municipality (item 17) ------------------------------------------------

TEST(ScenarioMunicipality, AnAmendmentIsOfferedOnlyToItsMunicipality) {
  Workplace w;
  Client c = w.finance();
  auto r = c.post("/fi/scenarios", {{"kind", "amendment"}, {"id", "lov-mta-2024-1"}, {"year", "2024"}, {"name_fi", "Loviisan muutos"},
                                    {"name_sv", "Lovisas ändring"}, {"decision_ref", "KV 12.6.2024 § 45"}, {"decision_date", "2024-06-12"},
                                    {"municipality", "loviisa"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_NE(c.get("/fi/unit/kanslia/figures").body.find("value=\"lov-mta-2024-1\""), std::string::npos);
  auto heinola = c.get("/fi/unit/heinola/figures");
  EXPECT_EQ(heinola.body.find("lov-mta-2024-1"), std::string::npos) << "Heinola's figure page offers Loviisa's amendment";
  EXPECT_NE(heinola.body.find("value=\"ta2024\""), std::string::npos);  // the common columns stay
  // Asked for by its id, the form is not there either, and the store refuses the figure.
  EXPECT_EQ(c.get("/fi/unit/heinola/figures", {{"scenario", "lov-mta-2024-1"}}).body.find("name=\"l_sales\""), std::string::npos);
  auto ws = open_workplace_store(w.db);
  try {
    ws->apply("talous", {{"figure", "heinola/sales/lov-mta-2024-1", std::nullopt, "100"}});
    ADD_FAILURE() << "a Loviisa amendment took a Heinola figure";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.message.key, "err.store.scenario_municipality");
  }
  ws->apply("talous", {{"figure", "kanslia/sales/lov-mta-2024-1", std::nullopt, "100"}});
  // The stored scenario carries its municipality; it reads back in the dataset.
  EXPECT_EQ(ws->current("scenario", "lov-mta-2024-1"), "amendment;2024;KV 12.6.2024 § 45;2024-06-12;Loviisan muutos;Lovisas ändring;loviisa");
  Dataset d = open_store(w.db)->read();
  EXPECT_EQ(d.scenario("lov-mta-2024-1")->municipality, "loviisa");
  // Moving it to Heinola while it holds Loviisa's figures is refused.
  EXPECT_THROW(ws->apply("talous", {{"scenario", "lov-mta-2024-1", ws->current("scenario", "lov-mta-2024-1"),
                                     "amendment;2024;KV 12.6.2024 § 45;2024-06-12;Loviisan muutos;Lovisas ändring;heinola"}}),
               StoreError);
}

// ---- a Swedish document of a Finnish-only municipality (item 17) -----------------------------------

TEST(DocumentLanguage, SwedishDocumentOfHeinolaSaysItsTextsAreFinnishOnly) {
  Workplace w;
  Client c = w.finance();
  const std::string notice = html_escape(msg("doc.only_other_language", "Heinola").in(Lang::sv));
  auto sv = c.get("/sv/unit/heinola/document", {{"doc", "annual-report"}, {"year", "2024"}});
  ASSERT_EQ(sv.status, 200);
  auto at = sv.body.find(notice);
  ASSERT_NE(at, std::string::npos) << "no notice";
  // At the top: before the first table of the document.
  EXPECT_LT(at, sv.body.find("<table"));
  // Not in Finnish (Heinola's language), nor in Loviisa's Swedish document (Loviisa is bilingual).
  EXPECT_EQ(c.get("/fi/unit/heinola/document", {{"doc", "annual-report"}, {"year", "2024"}}).body.find("ruotsiksi"), std::string::npos);
  EXPECT_EQ(c.get("/sv/unit/kanslia/document", {{"doc", "annual-report"}, {"year", "2024"}}).body.find("endast på finska"), std::string::npos);

  // The CLI's report says the same.
  DocumentOptions o;
  o.db = w.db;
  o.unit = "heinola";
  o.year = 2024;
  o.lang = "sv";
  o.date = "2026-12-06";
  std::ostringstream out;
  ASSERT_EQ(cmd_report(o, out), 0);
  EXPECT_NE(out.str().find(notice), std::string::npos);
  EXPECT_LT(out.str().find(notice), out.str().find("<table"));
}

}  // namespace
}  // namespace toteuma
