// A unit's budget proposal on the web (issue 16 item 3): the demo round 2026's proposal version
// ehdotus-2026, the editor of kanslia, finance. Figures hand-computed from data/demo/budgeting:
// kanslia's operating margin in ehdotus-2026 is 150 000 + 500 − 70 500 − 107 300 − 2 183 250
// − 2 030 100 − 35 000 = −4 275 650 against the frame's −4 300 000: 24 350 within the frame.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/commands.h"
#include "core/budgeting/proposal.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "web/proposal_page_fixture.h"

namespace toteuma {
namespace {

using testing::Client;
using namespace testing::proposal_page;

// Saves services 2026 (form value in euros) with a Finnish justification, from the page as opened.
http::Response save_services(Client& c, const std::string& page, const std::string& euros, const std::string& why) {
  auto form = state_fields(page);
  form.insert({{"do", "save"},
                {"f_services_2026", euros},
                {"b_services_2026", Client::field(page, "b_services_2026")},
                {"h_services_2026", Client::field(page, "h_services_2026")},
                {"n_services_fi", why},
                {"b_nservices_fi", Client::field(page, "b_nservices_fi")},
                {"h_nservices_fi", Client::field(page, "h_nservices_fi")}});
  return c.post(kPage, form, kQuery);
}

http::Response move(Client& c, const std::string& page, const std::string& act, const std::string& comment = "") {
  auto form = state_fields(page);
  form["do"] = act;
  if (!comment.empty()) form["comment"] = comment;
  return c.post(kPage, form, kQuery);
}

TEST(WebProposal, EditorEntersSubmitsFinanceReturnsAndAccepts) {
  Round w;
  Client ed = w.as("kanslia"), fin = w.as("talous");
  auto page = ed.get(kPage, kQuery);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("24" + kNbsp + "350"), std::string::npos) << "the frame distance −4 275 650 − (−4 300 000)";
  EXPECT_NE(page.body.find("raamin sisällä"), std::string::npos);
  // The demo clock's deadline for the units' proposals (13.6.2025) has passed for this draft.
  EXPECT_NE(page.body.find("Määräaika: 13.6.2025 <strong class=\"overdue\">myöhässä</strong>"), std::string::npos);
  EXPECT_EQ(Client::field(page.body, "b_services_2026"), "-203010000");
  // The demo plan keeps personnel costs as one figure (a total): the editor sees and can change it.
  EXPECT_EQ(Client::field(page.body, "b_personnel_costs_2026"), "-218325000");

  // Services 2026 from −2 030 100 to −2 040 100: the margin −4 285 650, 14 350 within the frame.
  EXPECT_EQ(save_services(ed, page.body, "-2040100", "ICT-lisenssit kallistuvat").status, 303);
  auto saved = ed.get(kPage, kQuery);
  EXPECT_NE(saved.body.find("14" + kNbsp + "350"), std::string::npos);
  EXPECT_NE(saved.body.find("ICT-lisenssit kallistuvat"), std::string::npos);
  // A form opened before that save is stale: refused, nothing written.
  EXPECT_EQ(save_services(ed, page.body, "-2050100", "toinen").status, 409);
  EXPECT_NE(ed.get(kPage, kQuery).body.find("14" + kNbsp + "350"), std::string::npos);

  // Submitted: read-only for the editor (no inputs; a save is refused).
  EXPECT_EQ(move(ed, saved.body, "submit").status, 303);
  EXPECT_EQ(w.stored().state, ProposalState::submitted);
  auto submitted = ed.get(kPage, kQuery);
  EXPECT_EQ(submitted.body.find("name=\"f_services_2026\""), std::string::npos);
  EXPECT_EQ(submitted.body.find("class=\"overdue\""), std::string::npos) << "submitted: no longer overdue";
  EXPECT_EQ(save_services(ed, saved.body, "-2000000", "x").status, 403);
  EXPECT_EQ(ed.post(kPage, {{"do", "accept"}, {"b_state", "submitted;"}, {"h_state", "1"}}, kQuery).status, 403);  // finance's call

  // Finance returns it with a comment (a comment is required).
  auto fp = fin.get(kPage, kQuery);
  ASSERT_EQ(fp.status, 200);
  EXPECT_EQ(move(fin, fp.body, "return").status, 400);
  EXPECT_EQ(move(fin, fp.body, "return", "Palvelujen ostot raamiin").status, 303);
  EXPECT_EQ(w.stored().state, ProposalState::returned);
  EXPECT_EQ(w.stored().comment, "Palvelujen ostot raamiin");
  EXPECT_EQ(w.stored().changed_by, "talous");
  EXPECT_EQ(move(fin, fp.body, "accept").status, 409);  // opened while submitted: stale now

  // The editor sees the comment, fixes and resubmits.
  auto returned = ed.get(kPage, kQuery);
  EXPECT_NE(returned.body.find("Palvelujen ostot raamiin"), std::string::npos);
  EXPECT_EQ(save_services(ed, returned.body, "-2030100", "ICT-lisenssit raamin mukaan").status, 303);
  EXPECT_NE(ed.get(kPage, kQuery).body.find("24" + kNbsp + "350"), std::string::npos);
  EXPECT_EQ(move(ed, ed.get(kPage, kQuery).body, "submit").status, 303);

  // Finance accepts.
  EXPECT_EQ(move(fin, fin.get(kPage, kQuery).body, "accept").status, 303);
  UnitProposal p = w.stored();
  EXPECT_EQ(p.state, ProposalState::accepted);
  EXPECT_EQ(p.comment, "");

  // Every step left an audit row on kanslia.
  int moves = 0, figures = 0, notes = 0;
  for (const AuditEntry& a : open_workplace_store(w.db)->audit("kanslia", 0)) {
    moves += a.entity == "proposal";
    figures += a.entity == "version_figure";
    notes += a.entity == "proposal_note";
  }
  EXPECT_EQ(moves, 4);    // submit, return, submit, accept
  EXPECT_EQ(figures, 2);  // two saves of services 2026
  EXPECT_EQ(notes, 2);

  // dump → load keeps the state and the justifications (budgeting/proposals.csv, justifications.csv).
  Dataset d = open_store(w.db)->read();
  ASSERT_EQ(d.budgeting.notes.size(), 1u);
  EXPECT_EQ(d.budgeting.notes[0].text, "ICT-lisenssit raamin mukaan");
  CommandOptions o;
  o.db = w.db;
  o.dir = (w.tmp.path() / "dump").string();
  std::ostringstream sink;
  ASSERT_EQ(cmd_dump(o, sink), 0);
  testing::TempDir other;
  CommandOptions l;
  l.db = test_db(other, "again");
  l.dir = o.dir;
  ASSERT_EQ(cmd_load(l, sink), 0);
  EXPECT_EQ(open_store(l.db)->read().budgeting, d.budgeting);
}

TEST(WebProposal, OthersAreRefused) {
  Round w;
  const struct {
    const char* user;
    int get, post;
  } cases[] = {
      {"hallinto", 403, 403},  // an editor of another municipality's unit
      {"lukija", 403, 403},    // a viewer
      {"ict", 403, 403},       // an editor of a sub-unit: not kanslia's proposal
  };
  for (const auto& k : cases) {
    Client c = w.as(k.user);
    EXPECT_EQ(c.get(kPage, kQuery).status, k.get) << k.user;
    EXPECT_EQ(c.post(kPage, {{"do", "submit"}, {"h_state", "0"}, {"b_state", ""}}, kQuery).status, k.post) << k.user;
  }
  EXPECT_EQ(w.stored().state, ProposalState::draft);
  // Only versions of a stage the units edit have proposals: the frame has none.
  EXPECT_EQ(w.as("kanslia").get(kPage, {{"version", "raami-2026"}}).status, 404);
}

}  // namespace
}  // namespace toteuma
