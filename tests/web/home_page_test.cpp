// The start page of one's own work (issue 17 item 4) on the demo dataset with its ledger.
// Expected figures are read off data/demo by hand:
// - calendar.csv: lov-2025-unit-proposals (deadline 13.6.2025) sets budget-book/principles,
//   priorities, risks, tasks and budget-round/proposal; lov-2025-tp-units (14.2.2025) the annual
//   report 2024's events, risks, commentary; lov-2024-service-plans (27.9.2024) the service plan 2025.
// - narratives/kanslia: no budget-book 2026 text, so its 4 are missing; goals.csv: kanslia has goals of 2025.
// - figures.csv, ta2025 (no amendment or forecast of 2025), Toimintakate = the operating lines:
//   kanslia 500 + 150 000 − 2 094 694 − 2 010 045 − 69 150 − 35 000 − 107 250 = −4 165 639;
//   demokratia 60 000 + 15 000 − 542 000 − 400 000 − 26 000 − 125 000 = −1 018 000;
//   sivistys 4 314 500 − 36 648 861 = −32 334 361; elinkeino 7 860 000 − 12 542 000 = −4 682 000.
// - ledger/ledger-2025-01-09.csv: accounts 3000–4995 of the units' cost centres (mapping.toml),
//   January–September: kanslia (1110, 1111, 1120, 1130, 1131) −3 167 666,50; demokratia (1010)
//   −781 499,92; sivistys (3100, 3200) −23 553 967,17; elinkeino (4100, 4200) −3 321 375,05.
//   Realisation 1–9: 76,0 %, 76,8 %, 72,8 %, 70,9 %; 9/12 of the year is 75,0 %, so kanslia and
//   demokratia are overruns by their realisation.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/workplace_store.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

constexpr const char* kPassword = "oikea-salasana-42";

// The demo with its ledger and a user per role; `app_on(date)` serves it with that date as today.
struct Home {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  Home() {
    EXPECT_EQ(testing::import_demo_ledger(db), 0);
    for (auto [id, role] : {std::pair{"kanslia", "editor:kanslia"}, std::pair{"hyvaksyja", "approver"}, std::pair{"talous", "finance"},
                            std::pair{"lukija", "viewer"}, std::pair{"kaantaja", "translator:sv"}})
      testing::add_user(db, id, role, kPassword);
  }
  Client as(const std::string& id, const std::string& today) {
    web::AppOptions o;
    o.today = parse_iso_date(today);
    Client c(make_app(db, o));
    EXPECT_EQ(c.login(id, kPassword).status, 303) << id;
    return c;
  }
};

// The table row (<tr …>…</tr>) holding `needle`, "" when none.
std::string row_with(const std::string& body, const std::string& needle) {
  auto at = body.find(needle);
  if (at == std::string::npos) return "";
  auto start = body.rfind("<tr", at);
  auto end = body.find("</tr>", at);
  return body.substr(start, end - start);
}

const std::string kBudgetBookTexts = "Tekstit: Talousarviokirja 2026<span class=\"visually-hidden\"> – Kaupunginkansliakeskus</span>";
const std::string kProposal = "Talousarvioehdotus: Yksiköiden ehdotukset 2026<span class=\"visually-hidden\"> – Kaupunginkansliakeskus</span>";

TEST(HomePage, TheEditorSeesTheUnitsDeadlinesOverdueOnlyAfterTheDate) {
  Home h;
  // Before the deadline 13.6.2025: open, with a link to the unit's texts of 2025 (the budget book of 2026).
  auto before = h.as("kanslia", "2025-06-01").get("/fi");
  ASSERT_EQ(before.status, 200);
  std::string row = row_with(before.body, kBudgetBookTexts);
  ASSERT_FALSE(row.empty()) << before.body;
  EXPECT_NE(row.find("13.6.2025"), std::string::npos) << row;
  EXPECT_NE(row.find("href=\"/fi/unit/kanslia/texts?year=2025\""), std::string::npos) << row;
  EXPECT_NE(row.find("0 / 4 kirjoitettu (suomi)"), std::string::npos) << row;
  EXPECT_NE(row.find("avoinna"), std::string::npos) << row;
  EXPECT_EQ(row.find("myöhässä"), std::string::npos) << row;
  EXPECT_NE(row_with(before.body, kProposal).find("avoinna"), std::string::npos);
  EXPECT_NE(row_with(before.body, kProposal).find("href=\"/fi/unit/kanslia/proposal?version=ehdotus-2026\""), std::string::npos);

  // After it: overdue, said in words with an icon, and listed before every open task.
  auto after = h.as("kanslia", "2025-06-20").get("/fi");
  row = row_with(after.body, kBudgetBookTexts);
  EXPECT_NE(row.find("class=\"overdue\""), std::string::npos) << row;
  EXPECT_NE(row.find("myöhässä"), std::string::npos) << row;
  EXPECT_NE(row.find("<svg class=\"icon\" aria-hidden=\"true\""), std::string::npos) << row;
  EXPECT_NE(row_with(after.body, kProposal).find("myöhässä"), std::string::npos);
  auto last_overdue = after.body.rfind("<tr class=\"overdue\">"), first_open = after.body.find("<tr class=\"open\">");
  ASSERT_NE(first_open, std::string::npos);  // the personnel plan (29.8.2025) is still open
  EXPECT_LT(last_overdue, first_open);
  auto sv = h.as("kanslia", "2025-06-20").get("/sv");
  EXPECT_NE(row_with(sv.body, "Texter: Budgetbok 2026").find("försenad"), std::string::npos);

  // Done work is listed as done, never overdue: the goals of 2025 exist (clock 2024, service plans 27.9.2024).
  auto done = h.as("kanslia", "2024-10-01").get("/fi");
  row = row_with(done.body, "Tavoitteet 2025 (palvelusuunnitelma)<span class=\"visually-hidden\"> – Kaupunginkansliakeskus</span>");
  EXPECT_NE(row.find("class=\"done\""), std::string::npos) << row;
  EXPECT_NE(row.find("valmis"), std::string::npos) << row;
  EXPECT_NE(row.find("href=\"/fi/unit/kanslia/goals/edit?year=2025\""), std::string::npos) << row;
}

TEST(HomePage, TheApproverSeesSectionsReadyForApproval) {
  Home h;
  SectionStatus s;
  s.doc = "annual-report";
  s.unit = "kanslia";
  s.year = 2024;
  s.section = "unit-kanslia-risks";
  s.state = SectionState::ready;
  open_workplace_store(h.db)->set_section_state("kanslia", s);
  auto r = h.as("hyvaksyja", "2025-03-01").get("/fi");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<a href=\"/fi/unit/kanslia/review?doc=annual-report&amp;year=2024\">Toimintakertomus 2024, "
                        "Kaupunginkansliakeskus: 1 osiota valmiina hyväksyttäväksi</a>"),
            std::string::npos)
      << r.body;
  // The editor has nothing to approve, so no such list.
  EXPECT_EQ(h.as("kanslia", "2025-03-01").get("/fi").body.find("id=\"home-waiting\""), std::string::npos);
}

TEST(HomePage, FinanceSeesEveryBindingUnitWithRealisationBarsOverrunsFirst) {
  Home h;
  auto r = h.as("talous", "2025-10-05").get("/fi");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Sitovien yksiköiden seuranta 1–9/2025"), std::string::npos);
  EXPECT_NE(r.body.find("Vuodesta on kulunut 75,0\u00a0%"), std::string::npos);
  struct Expect {
    const char* unit;
    const char* budget;
    const char* actual;
    const char* pct;
    bool overrun;
  };
  const Expect kRows[] = {
      {"kanslia", "-4\u00a0165\u00a0639", "-3\u00a0167\u00a0667", "76,0\u00a0%", true},
      {"demokratia", "-1\u00a0018\u00a0000", "-781\u00a0500", "76,8\u00a0%", true},
      {"sivistys", "-32\u00a0334\u00a0361", "-23\u00a0553\u00a0967", "72,8\u00a0%", false},
      {"elinkeino", "-4\u00a0682\u00a0000", "-3\u00a0321\u00a0375", "70,9\u00a0%", false},
  };
  for (const Expect& e : kRows) {
    std::string row = row_with(r.body, std::string("href=\"/fi/unit/") + e.unit + "?year=2025&amp;kind=follow-up&amp;month=9\"");
    ASSERT_FALSE(row.empty()) << e.unit;
    EXPECT_NE(row.find(e.budget), std::string::npos) << row;
    EXPECT_NE(row.find(e.actual), std::string::npos) << row;
    EXPECT_NE(row.find(std::string("<span class=\"num\">") + e.pct + "</span>"), std::string::npos) << row;
    EXPECT_NE(row.find(std::string("href=\"/fi/unit/") + e.unit + "/ledger?year=2025&amp;line=operating_margin&amp;month=9\""),
              std::string::npos)
        << row;
    // The bar: its width the realisation, the mark at the elapsed share.
    std::string width = std::string(e.pct).substr(0, 4);
    width[2] = '.';
    EXPECT_NE(row.find("style=\"width:" + width + "%\""), std::string::npos) << row;
    EXPECT_NE(row.find("style=\"left:75.0%\""), std::string::npos) << row;
    if (e.overrun) {
      EXPECT_NE(row.find("ylitys"), std::string::npos) << row;
    }
  }
  // Overruns first: no overrun row after a row within its budget.
  auto first_within = r.body.find("<span class=\"within\">");
  auto last_overrun = r.body.rfind("<tr class=\"overrun-row\">");
  ASSERT_NE(last_overrun, std::string::npos);
  if (first_within != std::string::npos) {
    EXPECT_LT(last_overrun, first_within);
  }
  EXPECT_LT(r.body.find("href=\"/fi/unit/kanslia?year=2025&amp;kind=follow-up"), r.body.find("href=\"/fi/unit/sivistys?year=2025&amp;kind=follow-up"));
  // Swedish: the same figures in Swedish words.
  auto sv = h.as("talous", "2025-10-05").get("/sv");
  EXPECT_NE(sv.body.find("Uppföljning av de bindande enheterna 1–9/2025"), std::string::npos);
  EXPECT_NE(row_with(sv.body, "href=\"/sv/unit/kanslia?year=2025").find("överskridning"), std::string::npos);
}

TEST(HomePage, TheUnitHeadSeesOnlyTheirUnitsTheViewerNoDashboard) {
  Home h;
  auto head = h.as("kanslia", "2025-10-05").get("/fi");
  EXPECT_NE(head.body.find("Yksiköidesi seuranta 1–9/2025"), std::string::npos);
  EXPECT_NE(head.body.find("href=\"/fi/unit/kanslia?year=2025&amp;kind=follow-up&amp;month=9\""), std::string::npos);
  EXPECT_EQ(head.body.find("href=\"/fi/unit/demokratia?year=2025&amp;kind=follow-up"), std::string::npos);
  auto viewer = h.as("lukija", "2025-10-05").get("/fi");
  ASSERT_EQ(viewer.status, 200);
  EXPECT_EQ(viewer.body.find("id=\"home-dashboard\""), std::string::npos);
  EXPECT_EQ(viewer.body.find("id=\"home-deadlines\""), std::string::npos);
  EXPECT_NE(viewer.body.find("href=\"/fi/unit/kanslia\""), std::string::npos);  // the organisation tree stays
}

TEST(HomePage, TheTranslatorCountsTheTextsOfTheQueueAndFindsIt) {
  Home h;
  // Loviisa is the only municipality writing Swedish; of its Finnish texts in data/demo/narratives one
  // has no Swedish beside it (kansliapalvelut/2024/events.fi.md) and none is outdated: 1 text to translate,
  // the one row of the queue.
  auto r = h.as("kaantaja", "2025-03-01").get("/sv");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Texter att översätta till svenska: 1 (saknas eller föråldrade)"), std::string::npos) << r.body;
  auto queue = h.as("kaantaja", "2025-03-01").get("/sv/translations");
  EXPECT_NE(queue.body.find("Texter att översätta (1)"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/sv/translations\""), std::string::npos);
}

}  // namespace
}  // namespace toteuma
