// Finance's round page on the web (issue 16): /fi/budget/2026 on the demo's round 2026 (frame
// raami-2026, proposal ehdotus-2026 of Loviisa). Figures hand-computed from data/demo:
// the plan made with the budget of 2025 (ts2026, ts2027) holds kanslia's personnel costs
// −2 130 000 (2026) and −2 172 600 (2027) and services −2 030 100 and −2 050 400;
// +2,5 % and −1 % make −2 183 250, −2 226 915 and −2 009 799, −2 029 896 (half away from zero to
// the cent), and 2028 repeats 2027 (the plan's last year). ehdotus-2026's kanslia operating margin
// is −4 275 650 (tests/web/proposal_test.cpp).
#include <gtest/gtest.h>

#include <map>

#include "core/budgeting/budget_round.h"
#include "core/date.h"
#include "core/finance/ledger.h"
#include "document/builder.h"
#include "document/template.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

constexpr const char* kPassword = "oikea-salasana-42";
const std::string kRound = "/fi/budget/2026";
const std::string kNbsp = "\u00a0";

struct RoundWeb : testing::UsersWorkplace {
  RoundWeb() : UsersWorkplace({{"talous", "finance"}, {"kanslia", "editor:kanslia"}, {"lukija", "viewer"}}, kPassword) {}
  Dataset stored() const { return read(); }
  std::optional<Cents> figure(const std::string& version, const std::string& unit, const std::string& line, int year) const {
    for (const VersionFigure& f : stored().budgeting.figures)
      if (f.version == version && f.unit == unit && f.line == line && f.year == year) return f.amount;
    return std::nullopt;
  }
};

http::Response start(Client& c, const std::string& id, const std::string& stage, const std::string& from, const std::string& adjust = "") {
  return c.post(kRound, {{"do", "start"}, {"id", id}, {"stage", stage}, {"from", from}, {"adjust", adjust}, {"name_fi", ""}, {"name_sv", ""}});
}

TEST(WebRound, FinanceStartsAVersionFromThePlanWithAdjustments) {
  RoundWeb w;
  Client fin = w.as("talous");
  auto page = fin.get(kRound);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Talousarvioraami 2026 (KH 10.3.2025)"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"do\" value=\"start\""), std::string::npos);

  ASSERT_EQ(start(fin, "kj-2026", "manager", "plan", "personnel_costs=2,5\r\nservices = -1 %").status, 303);
  const struct {
    const char* line;
    int year;
    Cents cents;
  } want[] = {
      {"personnel_costs", 2026, -218325000}, {"personnel_costs", 2027, -222691500}, {"personnel_costs", 2028, -222691500},
      {"services", 2026, -200979900},        {"services", 2027, -202989600},        {"grants", 2026, 15000000},
      {"materials", 2027, -7120000},
  };
  for (const auto& k : want) EXPECT_EQ(w.figure("kj-2026", "kanslia", k.line, k.year), k.cents) << k.line << " " << k.year;
  Dataset d = w.stored();
  const BudgetVersion* v = find_version(d, "kj-2026");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->stage, "manager");
  EXPECT_EQ(v->based_on, "plan");
  EXPECT_EQ(v->municipality, "loviisa");
  EXPECT_EQ(v->name.fi, "Kaupunginjohtajan ehdotus 2026");
  EXPECT_EQ(v->name.sv, "Stadsdirektörens förslag 2026");
  // One audit row, as the command line writes it, by the web user.
  auto audit = open_workplace_store(w.db)->audit("", 1);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].entity, "budget");
  EXPECT_EQ(audit[0].key, "version/kj-2026");
  EXPECT_EQ(audit[0].user, "talous");
  EXPECT_EQ(audit[0].via, "web");
  // The round page lists it, started from the plan.
  auto after = fin.get(kRound);
  EXPECT_NE(after.body.find("Kaupunginjohtajan ehdotus 2026"), std::string::npos);
  EXPECT_NE(after.body.find("taloussuunnitelma"), std::string::npos);

  // The same id again: someone made it meanwhile (409), nothing written.
  auto id_before = open_workplace_store(w.db)->audit("", 1)[0].id;
  EXPECT_EQ(start(fin, "kj-2026", "board", "").status, 409);
  EXPECT_EQ(open_workplace_store(w.db)->audit("", 1)[0].id, id_before);
}

TEST(WebRound, BadStartRequestsAreRefusedInTheReadersLanguage) {
  RoundWeb w;
  Client fin = w.as("talous");
  const struct {
    const char* id;
    const char* stage;
    const char* from;
    const char* adjust;
    const char* says;
  } cases[] = {
      {"Kj 2026", "manager", "plan", "", "Virheellinen tunnus"},
      {"kj-2026", "nosuch", "plan", "", "Tuntematon valmisteluvaihe: nosuch"},
      {"kj-2026", "manager", "budget", "", "Tuntematon pohja: budget"},
      {"kj-2026", "manager", "plan", "palkat=2,5", "Virheellinen prosenttimuutos ”palkat=2,5”"},
      {"kj-2026", "manager", "plan", "services=2,555", "Virheellinen prosenttimuutos"},
      {"kj-2026", "manager", "version:nosuch", "", "Versio nosuch ei kuulu vuoden 2026"},
  };
  for (const auto& k : cases) {
    auto r = start(fin, k.id, k.stage, k.from, k.adjust);
    EXPECT_EQ(r.status, 400) << k.says;
    EXPECT_NE(r.body.find(k.says), std::string::npos) << r.body.substr(0, 2000);
  }
  EXPECT_EQ(find_version(w.stored(), "kj-2026"), nullptr);
  // In Swedish too.
  auto sv = fin.post("/sv/budget/2026", {{"do", "start"}, {"id", "kj-2026"}, {"stage", "nosuch"}, {"from", ""}});
  EXPECT_EQ(sv.status, 400);
  EXPECT_NE(sv.body.find("Okänt beredningsskede: nosuch"), std::string::npos);
}

TEST(WebRound, AFrameSetOnTheWebIsTheDistanceOnTheProposalPage) {
  RoundWeb w;
  Client fin = w.as("talous");
  auto page = fin.get(kRound);
  EXPECT_EQ(Client::field(page.body, "b_kanslia_2026"), "-430000000");
  EXPECT_EQ(Client::field(page.body, "h_kanslia_2027"), "0");
  // kanslia's frame 2026 −4 300 000 → −4 290 000; 2027 set to −4 350 000.
  auto form = std::map<std::string, std::string>{{"do", "frames"},
                                                 {"frame", "raami-2026"},
                                                 {"f_kanslia_2026", "-4 290 000"},
                                                 {"b_kanslia_2026", Client::field(page.body, "b_kanslia_2026")},
                                                 {"h_kanslia_2026", Client::field(page.body, "h_kanslia_2026")},
                                                 {"f_kanslia_2027", "-4350000"},
                                                 {"b_kanslia_2027", ""},
                                                 {"h_kanslia_2027", "0"}};
  ASSERT_EQ(fin.post(kRound, form).status, 303);
  EXPECT_EQ(w.figure("raami-2026", "kanslia", "operating_margin", 2026), -429000000);
  EXPECT_EQ(w.figure("raami-2026", "kanslia", "operating_margin", 2027), -435000000);
  // The proposal page: −4 275 650 − (−4 290 000) = 14 350 within the frame.
  Client ed = w.as("kanslia");
  auto proposal = ed.get("/fi/unit/kanslia/proposal", {{"version", "ehdotus-2026"}});
  ASSERT_EQ(proposal.status, 200);
  EXPECT_NE(proposal.body.find("14" + kNbsp + "350"), std::string::npos);
  EXPECT_EQ(proposal.body.find("24" + kNbsp + "350"), std::string::npos);
  // The round page lists each proposal's distance: kanslia's now 14 350 within; demokratia's
  // 15 000 − 25 000 − 125 000 − 524 800 − 395 000 = −1 054 800 against −1 040 000: 14 800 over.
  auto round = fin.get(kRound);
  EXPECT_NE(round.body.find("14" + kNbsp + "350 (raamin sisällä)"), std::string::npos);
  EXPECT_NE(round.body.find("-14" + kNbsp + "800 (ylittää raamin)"), std::string::npos);
  // The same form again is stale (409): the stored frame is no longer what it was opened with.
  form["f_kanslia_2026"] = "-4280000";
  EXPECT_EQ(fin.post(kRound, form).status, 409);
  EXPECT_EQ(w.figure("raami-2026", "kanslia", "operating_margin", 2026), -429000000);
  // Audited per figure on the unit.
  int rows = 0;
  for (const AuditEntry& a : open_workplace_store(w.db)->audit("kanslia", 0)) rows += a.entity == "version_figure";
  EXPECT_EQ(rows, 2);
}

TEST(WebRound, TheCouncilsDecisionIsAdoptedAsTheBudget) {
  RoundWeb w;
  Client fin = w.as("talous");
  ASSERT_EQ(start(fin, "paatos-2026", "council", "version:ehdotus-2026").status, 303);
  auto page = fin.get(kRound);
  std::string stamp = Client::field(page.body, "stamp");
  ASSERT_FALSE(stamp.empty());
  // Not the council's: refused.
  EXPECT_EQ(fin.post(kRound, {{"do", "adopt"}, {"version", "ehdotus-2026"}, {"as", "ta2026"}, {"stamp", stamp}}).status, 400);
  // A stamp of other figures: stale.
  EXPECT_EQ(fin.post(kRound, {{"do", "adopt"}, {"version", "paatos-2026"}, {"as", "ta2026"}, {"stamp", "x"}}).status, 409);
  ASSERT_EQ(fin.post(kRound, {{"do", "adopt"}, {"version", "paatos-2026"}, {"as", "ta2026"}, {"stamp", stamp}}).status, 303);
  Dataset d = w.stored();
  EXPECT_EQ(find_version(d, "paatos-2026")->adopted, "ta2026");
  ASSERT_NE(d.scenario("ta2026"), nullptr);
  auto budget = [&](const std::string& scenario, const std::string& line) -> std::optional<Cents> {
    for (const Figure& f : d.figures)
      if (f.scenario == scenario && f.unit == "kanslia" && f.line == line) return f.amount;
    return std::nullopt;
  };
  EXPECT_EQ(budget("ta2026", "services"), -203010000);         // ehdotus-2026's, copied forward
  EXPECT_EQ(budget("ta2026", "personnel_costs"), -218325000);
  // Twice: adopted already (409).
  EXPECT_EQ(fin.post(kRound, {{"do", "adopt"}, {"version", "paatos-2026"}, {"as", "ta2026"}, {"stamp", stamp}}).status, 409);
  // The budget table of 2026 shows it: kanslia's operating margin −4 275 650.
  auto unit = fin.get("/fi/unit/kanslia", {{"year", "2026"}, {"kind", "budget"}});
  ASSERT_EQ(unit.status, 200);
  EXPECT_NE(unit.body.find("-4" + kNbsp + "275" + kNbsp + "650"), std::string::npos);
}

// Adopting replaces the budget of 2026 and its plan: the approved sections of kanslia's budget
// book 2026 that print those figures go back to draft; its annual report 2024 (actuals only) and
// the budget book's sections that print no 2026 figure stay approved.
TEST(WebRound, AdoptingReopensOnlyTheSectionsThatPrintTheAdoptedFigures) {
  RoundWeb w;
  auto wp = open_workplace_store(w.db);
  auto approve_all = [&](const std::string& kind, int year) {
    Dataset d = w.stored();
    Ledger l(d);
    std::vector<std::string> ids;
    for (const doc::ReviewPart& p : doc::review_parts(build_document(l, template_for(d, kind), {"kanslia", year, Lang::fi, today()}))) {
      wp->set_section_state("talous", SectionStatus{kind, "kanslia", year, p.id, SectionState::approved, "talous", ""});
      ids.push_back(p.id);
    }
    return ids;
  };
  auto report = approve_all("annual-report", 2024);
  auto book = approve_all("budget-book", 2026);
  ASSERT_FALSE(report.empty());
  ASSERT_FALSE(book.empty());
  Client fin = w.as("talous");
  ASSERT_EQ(start(fin, "paatos-2026", "council", "version:ehdotus-2026").status, 303);
  std::string stamp = Client::field(fin.get(kRound).body, "stamp");
  ASSERT_EQ(fin.post(kRound, {{"do", "adopt"}, {"version", "paatos-2026"}, {"as", "ta2026"}, {"stamp", stamp}}).status, 303);
  for (const SectionStatus& s : wp->section_statuses("annual-report", "kanslia", 2024))
    EXPECT_EQ(s.state, SectionState::approved) << s.section;
  std::map<std::string, SectionStatus> after;
  for (const SectionStatus& s : wp->section_statuses("budget-book", "kanslia", 2026)) after[s.section] = s;
  // The unit's budget table prints its budget of 2026 (−4 275 650 operating margin after adoption);
  // the unit's texts beside it print no figure of the version.
  const std::string unit_section = "unit-kanslia-table-budget";
  ASSERT_TRUE(after.count("unit-kanslia"));
  EXPECT_EQ(after["unit-kanslia"].state, SectionState::approved);
  ASSERT_TRUE(after.count(unit_section)) << "sections: " << ::testing::PrintToString(book);
  EXPECT_EQ(after[unit_section].state, SectionState::draft);
  EXPECT_EQ(after[unit_section].reopened_by, "budget adopt/paatos-2026");
  int kept = 0, reopened = 0;
  for (const auto& [id, s] : after) (s.state == SectionState::approved ? kept : reopened)++;
  EXPECT_GT(kept, 0);  // not every section: the general part and the checks print no 2026 figure of kanslia
  // Each reopened section has its audit row, via the web.
  int rows = 0;
  for (const AuditEntry& a : wp->audit("kanslia", 0)) rows += a.entity == "section" && a.after == std::optional<std::string>("draft");
  EXPECT_EQ(rows, reopened);
}

TEST(WebRound, OnlyFinanceWritesEveryoneReads) {
  RoundWeb w;
  for (const char* user : {"kanslia", "lukija"}) {
    Client c = w.as(user);
    auto page = c.get(kRound);
    EXPECT_EQ(page.status, 200) << user;
    EXPECT_EQ(page.body.find("name=\"do\" value=\"start\""), std::string::npos) << user;  // no forms
    EXPECT_EQ(start(c, "kj-2026", "manager", "plan").status, 403) << user;
    EXPECT_EQ(c.post(kRound, {{"do", "frames"}, {"frame", "raami-2026"}, {"f_kanslia_2026", "1"}, {"h_kanslia_2026", "0"}}).status, 403);
  }
  EXPECT_EQ(find_version(w.stored(), "kj-2026"), nullptr);
  EXPECT_EQ(w.figure("raami-2026", "kanslia", "operating_margin", 2026), -430000000);
  Client fin = w.as("talous");
  EXPECT_EQ(fin.get("/fi/budget/20x6").status, 404);
  EXPECT_EQ(fin.get(kRound, {{"municipality", "nosuch"}}).status, 404);
}

TEST(WebRound, ComparePageShowsTheVersionsAndTheFrameChart) {
  RoundWeb w;
  Client fin = w.as("talous");
  ASSERT_EQ(start(fin, "kj-2026", "manager", "plan", "personnel_costs=2,5\nservices=-1").status, 303);
  Client reader = w.as("lukija");
  auto page = reader.get("/fi/budget/2026/versions", {{"unit", "kanslia"}});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Talousarvion 2026 valmistelun versiot"), std::string::npos);  // the versions table
  EXPECT_NE(page.body.find("<svg"), std::string::npos);
  EXPECT_NE(page.body.find("role=\"img\""), std::string::npos);
  // Distances at kanslia: ehdotus-2026 −4 275 650 + 4 300 000 = 24 350; kj-2026: 500 + 150 000
  // − 2 183 250 − 2 009 799 − 70 500 − 35 000 − 107 300 = −4 255 349, + 4 300 000 = 44 651.
  EXPECT_NE(page.body.find("24" + kNbsp + "350"), std::string::npos);
  EXPECT_NE(page.body.find("44" + kNbsp + "651"), std::string::npos);
  auto sv = reader.get("/sv/budget/2026/versions", {{"unit", "kanslia"}});
  ASSERT_EQ(sv.status, 200);
  EXPECT_NE(sv.body.find("De bindande enheternas skillnad mot ramen 2026"), std::string::npos);
  EXPECT_EQ(reader.get("/fi/budget/2026/versions", {{"unit", "nosuch"}}).status, 404);
  EXPECT_EQ(reader.get("/fi/budget/2026/versions", {{"unit", "lai-hallinto"}}).status, 404);  // Laitila's, not Loviisa's round
}

}  // namespace
}  // namespace toteuma
