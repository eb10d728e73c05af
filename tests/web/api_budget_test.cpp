// The JSON API of budget rounds (web/api_budget.cpp) against the demo's round of 2026
// (data/demo/budgeting/): the frame raami-2026 and the units' proposals ehdotus-2026 — demokratia
// returned, sivistys submitted, the others drafts; the deadline 13.6.2025 from calendar.csv
// (budget-round/proposal), so every draft or returned proposal is overdue today. Frame distances
// worked out by hand from figures.csv (Toimintakate = the operating lines, depreciation below it):
//   demokratia 2026: 0 − 25 000 − 125 000 + 15 000 − 524 800 − 395 000 = −1 054 800 €;
//                    frame −1 040 000 € → −14 800 € (over the frame, as finance's comment says)
//   sivistys 2026:   1 856 200 + 1 325 800 + 442 000 + 795 500 = 4 419 500 € income;
//                    2 208 800 + 2 576 900 + 24 149 410 + 7 362 600 + 1 104 400 = 37 402 110 € costs;
//                    −32 982 610 € against the frame −33 000 000 € → +17 390 € (within)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/budget_commands.h"
#include "store/workplace_store.h"
#include "web_client.h"

namespace toteuma {
namespace {

using nlohmann::json;
using testing::Client;

constexpr const char* kPassword = "kierros-salasana-42";
const std::string kProposal = "/api/v1/units/kanslia/proposal";
const std::map<std::string, std::string> kVersion = {{"version", "ehdotus-2026"}};

struct RoundApi : testing::UsersWorkplace {
  RoundApi()
      : UsersWorkplace({{"kanslia", "editor:kanslia"}, {"talous", "finance"}, {"lukija", "viewer"}, {"valtuutettu", "council-group:kuntalaiset"}},
                       kPassword) {}
  Client api(const std::string& user) {
    Client c(app);
    EXPECT_EQ(c.api_login(user, kPassword).status, 200) << user;
    return c;
  }
};

json body(const http::Response& r) { return json::parse(r.body); }

const json* proposal_of(const json& round, const std::string& version, const std::string& unit) {
  for (const json& v : round["versions"])
    if (v["id"] == version)
      for (const json& p : v["proposals"])
        if (p["unit"] == unit) return &p;
  return nullptr;
}

http::Response move(Client& c, const json& before, const std::string& action, const std::string& comment = "",
                    std::map<std::string, std::string> query = kVersion) {
  json b{{"before", before}, {"action", action}};
  if (!comment.empty()) b["comment"] = comment;
  return c.json("POST", kProposal, b.dump(), std::move(query));
}

TEST(ApiBudget, ReadsTheDemoRoundWithStatesDeadlinesAndFrameDistances) {
  RoundApi w;
  Client c = w.api("lukija");
  auto r = c.get("/api/v1/budget/2026");
  ASSERT_EQ(r.status, 200) << r.body;
  json round = body(r);
  EXPECT_EQ(round["frame"], "raami-2026");
  ASSERT_EQ(round["versions"].size(), 2u);
  EXPECT_EQ(round["versions"][0]["id"], "raami-2026") << "stage order: the frame first";
  EXPECT_EQ(round["versions"][0]["proposals"], nullptr) << "finance edits the frame: no unit proposals";
  EXPECT_EQ(round["versions"][1]["stage"]["id"], "proposal");
  EXPECT_EQ(round["versions"][1]["name"]["sv"], "Enheternas förslag 2026");
  EXPECT_EQ(round["versions"][1]["based_on"], "plan");
  EXPECT_EQ(round["versions"][1]["deadline"], "2025-06-13");

  struct Case {
    const char* unit;
    const char* state;
    bool overdue;
    json distance;  // cents, by hand (above)
  };
  for (const Case& k : {Case{"demokratia", "returned", true, -1480000}, Case{"sivistys", "submitted", false, 1739000},
                        Case{"kanslia", "draft", true, json()}}) {
    SCOPED_TRACE(k.unit);
    const json* p = proposal_of(round, "ehdotus-2026", k.unit);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ((*p)["state"], k.state);
    EXPECT_EQ((*p)["overdue"], k.overdue);
    EXPECT_EQ((*p)["deadline"], "2025-06-13");
    if (!k.distance.is_null()) {
      EXPECT_EQ((*p)["frame_distance"], k.distance);
    }
  }
  EXPECT_EQ((*proposal_of(round, "ehdotus-2026", "demokratia"))["comment"],
            "Ehdotus ylittää raamin 14 800 eurolla: sovita toimintakate raamiin.");
  bool framed = false;
  for (const json& u : round["binding_units"])
    if (u["id"] == "demokratia") framed = u["frame"]["2026"] == -104000000 && u["binding_line"] == "operating_margin";
  EXPECT_TRUE(framed) << round["binding_units"].dump();

  // Errors in the reader's language.
  auto sv = c.get("/api/v1/budget/tjugo", {{"lang", "sv"}});
  EXPECT_EQ(sv.status, 400);
  EXPECT_NE(body(sv)["message"].get<std::string>().find("Året måste vara"), std::string::npos);
  auto fi = c.get("/api/v1/budget/2026", {{"municipality", "eiole"}});
  EXPECT_EQ(fi.status, 404);
  EXPECT_EQ(body(fi)["message"], "Tuntematon kunta: eiole");
}

TEST(ApiBudget, AVersionsFiguresAndTheVersionsCompared) {
  RoundApi w;
  Client c = w.api("lukija");
  auto r = c.get("/api/v1/budget/versions/ehdotus-2026/figures", {{"unit", "demokratia"}});
  ASSERT_EQ(r.status, 200) << r.body;
  json j = body(r);
  EXPECT_EQ(j["figures"].size(), 18u) << "six lines × 2026–2028";
  bool found = false;
  for (const json& f : j["figures"])
    if (f["line"] == "personnel_costs" && f["year"] == 2027) found = f["amount"] == -53710000;
  EXPECT_TRUE(found);
  EXPECT_EQ(c.get("/api/v1/budget/versions/nosuch/figures").status, 404);

  // The generic table route: the versions compared; the demokratia's Toimintakate row holds the
  // frame, the proposal and the distance worked out above.
  auto t = c.get("/api/v1/units/demokratia/table", {{"kind", "budget-versions"}, {"year", "2026"}, {"lang", "sv"}});
  ASSERT_EQ(t.status, 200) << t.body;
  json table = body(t);
  EXPECT_EQ(table["decimals"], 2);
  bool row = false;
  for (const json& rw : table["rows"]) {
    std::set<std::int64_t> cells;
    for (const json& x : rw["cells"])
      if (!x.is_null()) cells.insert(x.get<std::int64_t>());
    row = row || (cells.count(-104000000) && cells.count(-105480000) && cells.count(-1480000));
  }
  EXPECT_TRUE(row) << t.body;
}

TEST(ApiBudget, SubmittedThenReturnedWithACommentThenAccepted) {
  RoundApi w;
  Client editor = w.api("kanslia"), finance = w.api("talous");
  auto got = editor.get(kProposal, kVersion);
  ASSERT_EQ(got.status, 200) << got.body;
  json p = body(got);
  EXPECT_EQ(p["state"], "draft");
  EXPECT_EQ(p["value"], nullptr);
  EXPECT_TRUE(p["may_edit"].get<bool>());
  json sales = nullptr;
  for (const json& f : p["figures"])
    if (f["line"] == "sales" && f["year"] == 2026) sales = f["amount"];

  // Figures and a justification in one save, then the submit.
  json save{{"before", nullptr},
            {"figures", {{{"line", "sales"}, {"year", 2026}, {"before", sales}, {"after", 12345600}}}},
            {"notes", {{{"line", "sales"}, {"lang", "sv"}, {"before", nullptr}, {"after", "Högre avgifter."}}}}};
  // kanslia's htv of 2026 in data/demo/budgeting/htv.csv: 39,5 → 40,5.
  save["htv"] = {{{"year", 2026}, {"before", 39500}, {"after", 40500}}};
  auto saved = editor.json("POST", kProposal, save.dump(), kVersion);
  ASSERT_EQ(saved.status, 200) << saved.body;
  bool has = false;
  const json after_save = body(saved);  // kept: a loop over a temporary's member would dangle
  for (const json& f : after_save["figures"])
    if (f["line"] == "sales" && f["year"] == 2026) has = f["amount"] == 12345600;
  EXPECT_TRUE(has);
  EXPECT_EQ(body(saved)["notes"][0]["text"], "Högre avgifter.");
  bool htv = false;
  for (const json& h : after_save["htv"]) htv = htv || (h["year"] == 2026 && h["thousandths"] == 40500);
  EXPECT_TRUE(htv) << after_save["htv"].dump();
  auto submitted = move(editor, nullptr, "submit");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(body(submitted)["state"], "submitted");
  EXPECT_FALSE(body(submitted)["may_edit"].get<bool>());

  // A return without a comment (blanks are none) is refused, in Finnish and in Swedish.
  auto bare = move(finance, "submitted;", "return", "   ");
  EXPECT_EQ(bare.status, 400);
  EXPECT_EQ(body(bare)["error"], "comment_required");
  EXPECT_EQ(body(bare)["message"], "Palautukseen tarvitaan kommentti.");
  auto bare_sv = move(finance, "submitted;", "return", "", {{"version", "ehdotus-2026"}, {"lang", "sv"}});
  EXPECT_EQ(body(bare_sv)["message"], "En kommentar behövs för att återsända förslaget.");
  EXPECT_EQ(body(finance.get(kProposal, kVersion))["state"], "submitted") << "nothing changed";

  auto returned = move(finance, "submitted;", "return", "Perustele myynnin kasvu.");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(body(returned)["state"], "returned");
  EXPECT_EQ(body(returned)["comment"], "Perustele myynnin kasvu.");
  EXPECT_EQ(body(returned)["value"], "returned;Perustele myynnin kasvu.");
  // The round shows it, and the move is audited as finance's.
  EXPECT_EQ((*proposal_of(body(editor.get("/api/v1/budget/2026")), "ehdotus-2026", "kanslia"))["state"], "returned");
  int audited = 0;
  for (const auto& a : open_workplace_store(w.db)->audit("", 50))
    if (a.entity == "proposal" && a.key == "ehdotus-2026/kanslia" && a.user == "talous" && a.after == "returned;Perustele myynnin kasvu.") ++audited;
  EXPECT_EQ(audited, 1);

  // The editor resubmits; finance accepts.
  ASSERT_EQ(move(editor, "returned;Perustele myynnin kasvu.", "submit").status, 200);
  auto accepted = move(finance, "submitted;", "accept");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(body(accepted)["state"], "accepted");
}

TEST(ApiBudget, AStaleWriteIs409WithTheValueStoredNow) {
  RoundApi w;
  Client editor = w.api("kanslia"), finance = w.api("talous");
  // A figure read before someone changed it.
  json save{{"before", nullptr}, {"figures", {{{"line", "sales"}, {"year", 2027}, {"before", 1}, {"after", 2}}}}};
  auto stale = editor.json("POST", kProposal, save.dump(), kVersion);
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(body(stale)["error"], "stale");
  EXPECT_EQ(body(stale)["key"], "ehdotus-2026/kanslia/sales/2027");
  json stored = nullptr;
  const json now = body(editor.get(kProposal, kVersion));
  for (const json& f : now["figures"])
    if (f["line"] == "sales" && f["year"] == 2027) stored = std::to_string(f["amount"].get<std::int64_t>());
  EXPECT_EQ(body(stale)["current"], stored);
  // A state read before the proposal moved: finance accepts a draft it thinks is submitted.
  ASSERT_EQ(move(editor, nullptr, "submit").status, 200);
  auto late = move(editor, nullptr, "submit");
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(body(late)["current"], "submitted;");
  ASSERT_EQ(move(finance, "submitted;", "return", "Korjaa.").status, 200);
  auto again = move(finance, "submitted;", "accept");
  EXPECT_EQ(again.status, 409) << "returned meanwhile";
  EXPECT_EQ(body(again)["current"], "returned;Korjaa.");
}

TEST(ApiBudget, WritesAreRefusedToOthers) {
  RoundApi w;
  Dataset before = w.read();
  Client viewer = w.api("lukija"), finance = w.api("talous");
  // A viewer neither reads nor writes a proposal (as the page), in the reader's language.
  auto read = viewer.get(kProposal, kVersion);
  EXPECT_EQ(read.status, 403);
  EXPECT_EQ(body(read)["error"], "forbidden");
  auto write = move(viewer, nullptr, "submit", "", {{"version", "ehdotus-2026"}, {"lang", "sv"}});
  EXPECT_EQ(write.status, 403);
  EXPECT_EQ(body(write)["message"], "Förslaget läses och redigeras endast av enhetens redigerare och ekonomin.");
  // Finance reads it but does not enter the unit's figures, nor submit for it.
  EXPECT_EQ(finance.get(kProposal, kVersion).status, 200);
  json save{{"before", nullptr}, {"figures", {{{"line", "sales"}, {"year", 2027}, {"before", nullptr}, {"after", 2}}}}};
  EXPECT_EQ(finance.json("POST", kProposal, save.dump(), kVersion).status, 403);
  EXPECT_EQ(move(finance, nullptr, "submit").status, 403);
  // Another municipality's unit has no proposal in Loviisa's round; a bad body is a 400.
  EXPECT_EQ(finance.get("/api/v1/units/lai-hallinto/proposal", kVersion).status, 404);
  Client editor = w.api("kanslia");
  EXPECT_EQ(editor.json("POST", kProposal, R"({"action":"submit"})", kVersion).status, 400) << "before is required";
  EXPECT_EQ(editor.json("POST", kProposal, R"({"before":null,"action":"fly"})", kVersion).status, 400);
  // Without the CSRF header nothing is written.
  editor.csrf.clear();
  EXPECT_EQ(move(editor, nullptr, "submit").status, 403);
  EXPECT_EQ(w.read().budgeting, before.budgeting);
}

TEST(ApiBudget, ADraftAlternativeIsItsGroupsAlone) {
  RoundApi w;
  Client member = w.api("valtuutettu"), viewer = w.api("lukija"), finance = w.api("talous");
  // The member starts a draft through the changes route (as the alternatives page does).
  json head{{"changes", {{{"entity", "alternative"}, {"key", "oma-2026"}, {"before", nullptr},
                          {"after", "ehdotus-2026;kuntalaiset;0;2025-06-20;Oma luonnos;Eget utkast"}}}}};
  auto made = member.json("POST", "/api/v1/changes", head.dump());
  ASSERT_EQ(made.status, 200) << made.body;
  EXPECT_EQ(member.get("/api/v1/alternatives/oma-2026").status, 200);
  auto mine = body(member.get("/api/v1/budget/versions/ehdotus-2026/alternatives"));
  EXPECT_EQ(mine.size(), 2u);
  for (Client* other : {&viewer, &finance}) {
    auto r = other->get("/api/v1/alternatives/oma-2026");
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(body(r)["error"], "forbidden");
    auto list = body(other->get("/api/v1/budget/versions/ehdotus-2026/alternatives"));
    ASSERT_EQ(list.size(), 1u) << "only the published one";
    EXPECT_EQ(list[0]["id"], "kuntalaiset-2026");
  }
  EXPECT_EQ(viewer.get("/api/v1/alternatives/nosuch").status, 404);

  // The published one: +40 000 € fees at elinkeino, +80 000 € services at kanslia, −120 000 €
  // services at sivistys: balanced; kanslia's Toimintakate +80 000 €.
  auto pub = viewer.get("/api/v1/alternatives/kuntalaiset-2026");
  ASSERT_EQ(pub.status, 200) << pub.body;
  json a = body(pub);
  EXPECT_TRUE(a["balanced"].get<bool>());
  EXPECT_EQ(a["result_change"], 0);
  EXPECT_EQ(a["changes"].size(), 3u);
  EXPECT_EQ(a["effect"]["operating_margin"]["change"], 0);
  for (const json& u : a["effect"]["units"]) {
    if (u["unit"] == "kanslia") {
      EXPECT_EQ(u["operating_margin"]["change"], 8000000);
    }
    if (u["unit"] == "sivistys") {
      EXPECT_EQ(u["operating_margin"]["change"], -12000000);
    }
  }
  EXPECT_EQ(viewer.get("/api/v1/alternatives/kuntalaiset-2026", {{"year", "2030"}}).status, 400);
}

TEST(ApiBudget, TheSpendingPlanOfABindingUnit) {
  RoundApi w;
  std::ostringstream out;
  BudgetOptions o;
  o.db = w.db, o.year = 2025, o.unit = "kanslia", o.line = "sales", o.amount = "1200";
  o.months = {"100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100"};
  ASSERT_EQ(cmd_spending_plan_set(o, out), 0);
  w.app = make_app(w.db);
  Client c = w.api("lukija");
  auto r = c.get("/api/v1/units/kanslia/spending-plan", {{"year", "2025"}});
  ASSERT_EQ(r.status, 200) << r.body;
  json j = body(r);
  EXPECT_EQ(j["binding_unit"], "kanslia");
  ASSERT_EQ(j["rows"].size(), 1u);
  EXPECT_EQ(j["rows"][0]["amount"], 120000);
  EXPECT_EQ(j["rows"][0]["months"][11], 10000);
  bool differs = false;
  for (const json& x : j["differences"]) differs = differs || (x["line"] == "sales" && x["planned"] == 120000);
  EXPECT_TRUE(differs) << "1 200 € of sales is not kanslia's budget of sales";
  EXPECT_EQ(c.get("/api/v1/units/nosuch/spending-plan", {{"year", "2025"}}).status, 404);
}

}  // namespace
}  // namespace toteuma
