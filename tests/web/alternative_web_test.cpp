// Councillors' alternative budgets on the web (issue 16 item 7): the demo's published alternative
// kuntalaiset-2026 of the council group kuntalaiset to ehdotus-2026 (data/demo/budgeting/): fees
// +40 000 € at elinkeino, services +80 000 € at kanslia (lower costs), services −120 000 € at
// sivistys (higher costs): 40 000 + 80 000 − 120 000 = 0, balanced. Only the group's members edit
// it; everybody who reads the round reads it while it is published, nobody else a draft.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/alternative_commands.h"
#include "cli/budget_commands.h"
#include "core/budgeting/alternative_effect.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

constexpr const char* kPassword = "oikea-salasana-42";
const std::string kPage = "/fi/alternative/kuntalaiset-2026";
const std::string kNbsp = "\u00a0";

struct Groups : testing::UsersWorkplace {
  Groups()
      : UsersWorkplace({{"valtuutettu", "council-group:kuntalaiset"}, {"paakayttaja", "admin"}, {"talous", "finance"},
                        {"lukija", "viewer"}},
                       kPassword) {}
};

// A new change of kanslia's materials 2026 in euros.
http::Response add_change(Client& c, const std::string& euros) {
  return c.post(kPage, {{"do", "save"}, {"new_unit", "kanslia"}, {"new_line", "materials"}, {"new_year", "2026"}, {"new_amount", euros},
                        {"jnew_fi", "Lisää siivousta"}, {"jnew_sv", "Mera städning"}});
}

TEST(WebAlternative, AMemberDraftsAChangeAndSeesItsEffectAtOnce) {
  Groups w;
  Client m = w.as("valtuutettu");
  auto page = m.get(kPage);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("on tasapainossa"), std::string::npos) << "40 000 + 80 000 − 120 000 = 0";
  EXPECT_EQ(Client::field(page.body, "b_a1"), "8000000") << "kanslia's services +80 000 €";

  // 50 000 € more materials at kanslia: kanslia's Toimintakate, Vuosikate and the result −50 000 €.
  ASSERT_EQ(add_change(m, "-50 000").status, 303);
  Dataset d = w.read();
  auto e = alternative_effect(d, *find_alternative(d, "kuntalaiset-2026"));
  EXPECT_EQ(e.result.change, -5000000);
  EXPECT_EQ(e.annual_margin.change, -5000000);
  for (const auto& u : e.units)
    if (u.unit == "kanslia") {
      EXPECT_EQ(u.operating_margin.change, 3000000) << "+80 000 − 50 000";
    }
  page = m.get(kPage);
  EXPECT_NE(page.body.find("heikentää tilikauden tulosta 2026 50" + kNbsp + "000 euroa"), std::string::npos);
  auto sv = m.get("/sv/alternative/kuntalaiset-2026");
  EXPECT_NE(sv.body.find("försvagar räkenskapsperiodens resultat 2026 med 50" + kNbsp + "000 euro"), std::string::npos);

  // The change and its justification are audited.
  int rows = 0;
  for (const auto& a : open_workplace_store(w.db)->audit("", 50))
    if (a.entity.rfind("alternative", 0) == 0 && a.key.rfind("kuntalaiset-2026/kanslia/materials/2026", 0) == 0 && a.user == "valtuutettu") ++rows;
  EXPECT_EQ(rows, 3) << "the amount and both justifications";
}

TEST(WebAlternative, NonMembersGet403AndChangeNothing) {
  Groups w;
  Dataset before = w.read();
  for (const char* user : {"paakayttaja", "talous", "lukija"}) {
    SCOPED_TRACE(user);
    Client c = w.as(user);
    EXPECT_EQ(c.get(kPage).status, 200) << "published: every reader";
    EXPECT_EQ(add_change(c, "-50000").status, 403);
    EXPECT_EQ(c.post(kPage, {{"do", "withdraw"}}).status, 403);
    EXPECT_EQ(c.post("/fi/budget/ehdotus-2026/alternatives", {{"do", "start"}, {"group", "kuntalaiset"}, {"id", "oma-2026"}}).status, 403);
  }
  EXPECT_EQ(w.read().budgeting, before.budgeting);
}

TEST(WebAlternative, ADraftIsTheGroupsAlone) {
  Groups w;
  Client m = w.as("valtuutettu"), reader = w.as("lukija");
  auto page = m.get(kPage);
  ASSERT_EQ(m.post(kPage, {{"do", "withdraw"}, {"b_head", Client::field(page.body, "b_head")}, {"h_head", "1"}}).status, 303);
  {
    Dataset stored = w.read();
    EXPECT_FALSE(find_alternative(stored, "kuntalaiset-2026")->published);
  }
  EXPECT_EQ(reader.get(kPage).status, 403);
  EXPECT_EQ(m.get(kPage).status, 200);
  auto list = reader.get("/fi/budget/ehdotus-2026/alternatives");
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find("kuntalaiset-2026"), std::string::npos) << "a draft is not listed to others";
  // A form opened before the withdrawal is stale.
  EXPECT_EQ(m.post(kPage, {{"do", "publish"}, {"b_head", Client::field(page.body, "b_head")}, {"h_head", "1"}}).status, 409);
}

TEST(WebAlternative, AMemberStartsAnAlternative) {
  Groups w;
  Client m = w.as("valtuutettu");
  auto list = m.get("/fi/budget/ehdotus-2026/alternatives");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("name=\"group\""), std::string::npos);
  auto r = m.post("/fi/budget/ehdotus-2026/alternatives", {{"do", "start"}, {"group", "kuntalaiset"}, {"id", "toinen-2026"}});
  EXPECT_EQ(r.status, 303);
  Dataset stored = w.read();
  const BudgetAlternative* a = find_alternative(stored, "toinen-2026");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->group, "kuntalaiset");
  EXPECT_FALSE(a->published);
  EXPECT_EQ(m.post("/fi/budget/ehdotus-2026/alternatives", {{"do", "start"}, {"group", "kuntalaiset"}, {"id", "Bad Id"}}).status, 400);
}

TEST(WebAlternative, NothingChangesOnceTheVersionIsAdopted) {
  Groups w;
  std::ostringstream out;
  BudgetOptions b;
  b.db = w.db, b.id = "paatos-2026", b.year = 2026, b.stage = "council", b.from = "version:ehdotus-2026", b.date = "2025-12-10";
  ASSERT_EQ(cmd_budget_start(b, out), 0);
  AlternativeOptions a;
  a.db = w.db, a.id = "paatokseen-2026", a.version = "paatos-2026", a.group = "kuntalaiset";
  ASSERT_EQ(cmd_alternative_start(a, out), 0);
  b.version = "paatos-2026";
  ASSERT_EQ(cmd_budget_adopt(b, out), 0);
  w.app = make_app(w.db);
  Client m = w.as("valtuutettu");
  const std::string page = "/fi/alternative/paatokseen-2026";
  EXPECT_EQ(m.get(page).status, 200);
  EXPECT_EQ(m.post(page, {{"do", "save"}, {"new_unit", "kanslia"}, {"new_line", "materials"}, {"new_year", "2026"}, {"new_amount", "-1"}}).status,
            403);
  EXPECT_TRUE(changes_of(w.read(), "paatokseen-2026").empty());
}

// The API's door asks the same rules (web/actions.cpp may_apply): a member writes the group's
// alternative; nobody else does, and nobody moves an alternative to another group.
TEST(WebAlternative, TheApiWritesOnlyAsAMember) {
  Groups w;
  auto change = [](const std::string& entity, const std::string& key, nlohmann::json before, nlohmann::json after) {
    return nlohmann::json{{"changes", {{{"entity", entity}, {"key", key}, {"before", before}, {"after", after}}}}}.dump();
  };
  const std::string key = "kuntalaiset-2026/kanslia/materials/2026";
  for (const char* user : {"paakayttaja", "talous", "lukija"}) {
    Client c(w.app);
    ASSERT_EQ(c.api_login(user, kPassword).status, 200);
    EXPECT_EQ(c.json("POST", "/api/v1/changes", change("alternative_change", key, nullptr, "-100000")).status, 403) << user;
  }
  Client m(w.app);
  ASSERT_EQ(m.api_login("valtuutettu", kPassword).status, 200);
  auto ok = m.json("POST", "/api/v1/changes", change("alternative_change", key, nullptr, "-100000"));
  EXPECT_EQ(ok.status, 200) << ok.body;
  Dataset d = w.read();
  std::string head = encode_alternative(*find_alternative(d, "kuntalaiset-2026"));
  BudgetAlternative moved = *find_alternative(d, "kuntalaiset-2026");
  moved.group = "muut";
  EXPECT_EQ(m.json("POST", "/api/v1/changes", change("alternative", "kuntalaiset-2026", head, encode_alternative(moved))).status, 403);
  Dataset after = w.read();
  EXPECT_EQ(alternative_effect(after, *find_alternative(after, "kuntalaiset-2026")).result.change, -100000);
}

TEST(WebAlternative, ThePublishedDocumentShowsTheProposalAndTheAlternativeSideBySide) {
  Groups w;
  Client c = w.as("lukija");
  auto doc = c.get("/sv/budget/ehdotus-2026/alternatives/document", {{"format", "html"}});
  ASSERT_EQ(doc.status, 200);
  EXPECT_NE(doc.body.find("Kommuninvånarnas alternativa budget 2026"), std::string::npos);
  EXPECT_NE(doc.body.find("Enheternas förslag 2026"), std::string::npos);
  EXPECT_NE(doc.body.find("är i balans"), std::string::npos);
  EXPECT_NE(doc.body.find("Fler skolgångsbiträden"), std::string::npos);
  EXPECT_EQ(c.get("/sv/budget/nosuch/alternatives/document", {{"format", "html"}}).status, 404);
}

}  // namespace
}  // namespace toteuma
