// The proposal page's split to sub-units and its budget-book texts (issue 16 item 3,
// web/proposal_sections.cpp), on the demo round 2026's ehdotus-2026. Hand computations from
// data/demo/budgeting/figures.csv: kanslia's own figures give Toimintakate 150 000 + 500 − 70 500
// − 107 300 − 2 183 250 − 2 030 100 − 35 000 = −4 275 650 (frame −4 300 000: 24 350 within).
// kanslia has no figure of its own on Maksutuotot (fees), so its areas' fees roll up into it;
// it has one on Palvelujen ostot (services), −2 030 100, which replaces its areas' sum.
#include <gtest/gtest.h>

#include "core/budgeting/budget_round.h"
#include "core/finance/ledger.h"
#include "document/builder.h"
#include "document/template.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "web/proposal_page_fixture.h"

namespace toteuma {
namespace {

using testing::Client;
using namespace testing::proposal_page;

// The version's rolled-up figure of a unit and line in 2026, as the Ledger computes it.
std::optional<Cents> rolled(const Round& w, const std::string& unit, const std::string& line) {
  Dataset d = w.read();
  Dataset vd = version_dataset(d, *find_version(d, "ehdotus-2026"));
  return Ledger(vd).value(d.org_on(Date::first_of_year(2026)), unit, line, version_scenario(2026, 2026));
}
// The version's own figure of a unit and line in 2026.
std::optional<Cents> entered(const Round& w, const std::string& unit, const std::string& line) {
  for (const VersionFigure& f : w.read().budgeting.figures)
    if (f.version == "ehdotus-2026" && f.unit == unit && f.line == line && f.year == 2026) return f.amount;
  return std::nullopt;
}

// The state guard and a field's before values, as the page rendered them.
std::map<std::string, std::string> opened(const std::string& page, const std::string& act, const std::vector<std::string>& names) {
  auto form = state_fields(page);
  form["do"] = act;
  for (const auto& n : names) {
    form["b_" + n] = Client::field(page, "b_" + n);
    form["h_" + n] = Client::field(page, "h_" + n);
  }
  return form;
}

// Saves a sub-unit's figure of 2026 (euros) from the split table of the page as opened.
http::Response save_split(Client& c, const std::string& page, const std::string& sub, const std::string& line, const std::string& euros,
                          const std::string& path = kPage) {
  std::string name = "s." + sub + "." + line + ".2026";
  auto form = opened(page, "split", {name});
  form["year"] = "2026";
  form["f_" + name] = euros;
  return c.post(path, form, kQuery);
}

http::Response save_text(Client& c, const std::string& page, const std::string& section, const std::string& fi, const std::string& sv) {
  auto form = opened(page, "texts", {"t" + section + "_fi", "t" + section + "_sv"});
  form["t_" + section + "_fi"] = fi;
  form["t_" + section + "_sv"] = sv;
  return c.post(kPage, form, kQuery);
}

bool has(const std::string& body, const std::string& s) { return body.find(s) != std::string::npos; }

TEST(WebProposalSections, SubUnitFigureRollsUpIntoToimintakate) {
  Round w;
  Client ed = w.as("kanslia");
  auto page = ed.get(kPage, kQuery);
  ASSERT_EQ(page.status, 200);
  ASSERT_TRUE(has(page.body, "name=\"f_s.ict.fees.2026\"")) << "an input per area and line";
  EXPECT_TRUE(has(page.body, "name=\"f_s.talous.services.2026\""));
  ASSERT_EQ(rolled(w, "kanslia", "operating_margin"), -427565000);

  // ICT's fees 12 000 €: kanslia has none of its own, so Toimintakate −4 275 650 + 12 000 = −4 263 650.
  auto r = save_split(ed, page.body, "ict", "fees", "12 000");
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(Client::header(r, "Location"), "/fi/unit/kanslia/proposal?version=ehdotus-2026&year=2026&notice=split#split");
  EXPECT_EQ(entered(w, "ict", "fees"), 1200000);
  EXPECT_EQ(rolled(w, "kanslia", "operating_margin"), -426365000);
  auto after = ed.get(kPage, {{"version", "ehdotus-2026"}, {"notice", "split"}});
  EXPECT_TRUE(has(after.body, "Jako tallennettu."));
  EXPECT_TRUE(has(after.body, "-4" + kNbsp + "263" + kNbsp + "650")) << "the split's Toimintakate row";
  EXPECT_TRUE(has(after.body, "36" + kNbsp + "350")) << "the frame distance: −4 263 650 − (−4 300 000)";
  EXPECT_FALSE(has(after.body, "poikkeaa siitä")) << "fees roll up: no own figure differs";

  // Services are kanslia's own figure: ICT's −100 000 does not move Toimintakate; the table says
  // the own figure wins and by how much: −2 030 100 − (−100 000) = −1 930 100.
  ASSERT_EQ(save_split(ed, after.body, "ict", "services", "-100000").status, 303);
  EXPECT_EQ(entered(w, "ict", "services"), -10000000);
  EXPECT_EQ(rolled(w, "kanslia", "services"), -203010000);
  EXPECT_EQ(rolled(w, "kanslia", "operating_margin"), -426365000);
  auto own = ed.get(kPage, kQuery);
  EXPECT_TRUE(has(own.body, "-1" + kNbsp + "930" + kNbsp + "100"));
  EXPECT_TRUE(has(own.body, "(oma luku)"));
  EXPECT_TRUE(has(own.body, "poikkeaa siitä 1 rivillä"));

  // Clearing the area's figure removes it; each write left an audit row on the area.
  ASSERT_EQ(save_split(ed, own.body, "ict", "services", "").status, 303);
  EXPECT_EQ(entered(w, "ict", "services"), std::nullopt);
  int rows = 0;
  for (const AuditEntry& a : open_workplace_store(w.db)->audit("ict", 0))
    rows += a.entity == "version_figure" && a.key.rfind("ehdotus-2026/ict/", 0) == 0;
  EXPECT_EQ(rows, 3);
  // A malformed amount is refused naming the line and the area, nothing written.
  auto bad = save_split(ed, ed.get(kPage, kQuery).body, "talous", "fees", "12 euroa");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(has(bad.body, "Maksutuotot – Talous- ja henkilöstöpalvelut"));
  EXPECT_EQ(entered(w, "talous", "fees"), std::nullopt);
}

TEST(WebProposalSections, OthersAndClosedProposalsAreRefused) {
  Round w;
  Client ed = w.as("kanslia");
  const std::string page = ed.get(kPage, kQuery).body;
  // Who may not write an area's figure of kanslia's proposal.
  for (const char* user : {"ict", "sivistys", "talous", "lukija"}) {
    Client c = w.as(user);
    EXPECT_EQ(save_split(c, page, "ict", "fees", "5000").status, 403) << user;
  }
  EXPECT_EQ(entered(w, "ict", "fees"), std::nullopt);
  // A forged field of a unit outside kanslia is not read: sivistys keeps its 1 856 200.
  auto form = opened(page, "split", {});
  form["f_s.sivistys.fees.2026"] = "5000";
  form["h_s.sivistys.fees.2026"] = "1";
  form["b_s.sivistys.fees.2026"] = "185620000";
  EXPECT_EQ(ed.post(kPage, form, kQuery).status, 303);
  EXPECT_EQ(entered(w, "sivistys", "fees"), 185620000);

  // Submitted: no inputs; neither a fresh nor an old form changes anything — and ICT's editor
  // cannot change the area's figures on ICT's own page either, kanslia's proposal covers them.
  auto fresh = ed.get(kPage, kQuery);
  ASSERT_EQ(ed.post(kPage, opened(fresh.body, "submit", {}), kQuery).status, 303);
  auto submitted = ed.get(kPage, kQuery);
  EXPECT_FALSE(has(submitted.body, "name=\"f_s.ict.fees.2026\""));
  EXPECT_FALSE(has(submitted.body, "name=\"t_principles_fi\""));
  EXPECT_TRUE(has(submitted.body, "id=\"split\"")) << "read-only, still shown";
  EXPECT_EQ(save_split(ed, submitted.body, "ict", "fees", "5000").status, 403);
  EXPECT_EQ(save_split(ed, page, "ict", "fees", "5000").status, 403);
  EXPECT_EQ(save_text(ed, submitted.body, "principles", "Uusi", "Ny").status, 403);
  Client ict = w.as("ict");
  const std::string ict_path = "/fi/unit/ict/proposal";
  auto ict_page = ict.get(ict_path, kQuery);
  ASSERT_EQ(ict_page.status, 200);
  EXPECT_FALSE(has(ict_page.body, "name=\"f_fees_2026\"")) << "read-only under kanslia's submitted proposal";
  auto ict_form = opened(ict_page.body, "save", {"fees_2026"});
  ict_form["f_fees_2026"] = "5000";
  EXPECT_EQ(ict.post(ict_path, ict_form, kQuery).status, 403);
  EXPECT_EQ(entered(w, "ict", "fees"), std::nullopt);
}

TEST(WebProposalSections, StaleEditsAreRefused) {
  Round w;
  Client ed = w.as("kanslia");
  const std::string page = ed.get(kPage, kQuery).body;
  ASSERT_EQ(save_split(ed, page, "ict", "fees", "12000").status, 303);
  // The same form again: the figure it started from has changed meanwhile.
  auto stale = save_split(ed, page, "ict", "fees", "13000");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(entered(w, "ict", "fees"), 1200000);
  ASSERT_EQ(save_text(ed, page, "principles", "Periaatteet A", "Principer A").status, 303);
  EXPECT_EQ(save_text(ed, page, "principles", "Periaatteet B", "Principer B").status, 409);
  EXPECT_EQ(find_narrative(w.read().narratives, "kanslia", 2026, "principles", Lang::fi)->markdown, "Periaatteet A");
}

TEST(WebProposalSections, TextsGoIntoTheBudgetBook) {
  Round w;
  Client ed = w.as("kanslia");
  auto page = ed.get(kPage, kQuery);
  // The budget book's sections of a sector (data/documents/budget-book.toml): its own part's texts.
  for (const char* s : {"principles", "priorities", "risks"}) EXPECT_TRUE(has(page.body, std::string("name=\"t_") + s + "_sv\"")) << s;
  EXPECT_FALSE(has(page.body, "name=\"t_tasks_fi\"")) << "tasks are the areas' texts";
  auto r = save_text(ed, page.body, "priorities", "Digitaaliset palvelut ensin.", "Digitala tjänster först.");
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(Client::header(r, "Location"), "/fi/unit/kanslia/proposal?version=ehdotus-2026&notice=texts#texts");
  Dataset d = w.read();
  Ledger ledger(d);
  for (auto [lang, text] : {std::pair{Lang::fi, "Digitaaliset palvelut ensin."}, std::pair{Lang::sv, "Digitala tjänster först."}}) {
    const Narrative* n = find_narrative(d.narratives, "kanslia", 2026, "priorities", lang);
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->markdown, text);
    EXPECT_EQ(n->origin, NarrativeOrigin::person);
    std::string printed;
    for (const auto& p : doc::review_parts(build_document(ledger, template_for(d, "budget-book"), {"kanslia", 2026, lang, today()})))
      if (p.id.rfind("unit-kanslia", 0) == 0) printed += p.content;  // the sector's own part and its subsections
    EXPECT_TRUE(has(printed, text)) << lang_code(lang);
  }
  // Audited as every narrative edit, and shown back in the page.
  int rows = 0;
  for (const AuditEntry& a : open_workplace_store(w.db)->audit("kanslia", 0)) rows += a.entity == "narrative";
  EXPECT_EQ(rows, 2);
  auto shown = ed.get(kPage, {{"version", "ehdotus-2026"}, {"notice", "texts"}});
  EXPECT_TRUE(has(shown.body, "Tekstit tallennettu."));
  EXPECT_TRUE(has(shown.body, ">Digitala tjänster först.</textarea>"));
}

TEST(WebProposalSections, FinnishAndSwedish) {
  Round w;
  Client ed = w.as("kanslia");
  const struct {
    const char* path;
    std::vector<std::string> texts;
  } cases[] = {
      {"/fi/unit/kanslia/proposal",
       {"Jako vastuualueille ja kustannuspaikoille", "Alayksiköt yhteensä", "Kaupunginkansliakeskus yhteensä", "Tallenna jako",
        "Talousarviokirjan 2026 tekstit", "Toiminnan periaatteet", "Ruotsiksi", "Tallenna tekstit", "Tieto- ja viestintäteknologiapalvelut"}},
      {"/sv/unit/kanslia/proposal",
       {"Fördelning på ansvarsområden och kostnadsställen", "Underenheterna totalt", "Stadskanslicentralen totalt", "Spara fördelningen",
        "Texterna i budgetboken 2026", "Principer för verksamheten", "På svenska", "Spara texterna",
        "Informations- och kommunikationsteknologitjänster"}},
  };
  for (const auto& k : cases) {
    auto r = ed.get(k.path, kQuery);
    ASSERT_EQ(r.status, 200) << k.path;
    for (const auto& t : k.texts) EXPECT_TRUE(has(r.body, t)) << k.path << ": " << t;
  }
  // A unit without sub-units has no split; finance reads the texts without inputs.
  auto demokratia = w.as("talous").get("/sv/unit/demokratia/proposal", kQuery);
  ASSERT_EQ(demokratia.status, 200);
  EXPECT_FALSE(has(demokratia.body, "id=\"split\""));
  EXPECT_TRUE(has(demokratia.body, "Texterna i budgetboken 2026"));
  EXPECT_FALSE(has(demokratia.body, "<textarea"));
}

}  // namespace
}  // namespace toteuma
