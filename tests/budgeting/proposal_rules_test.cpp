// The rules of the units' proposals (issue 16 items 3, 8 and the deadlines): finance returns a
// proposal only with a comment (enforced in core, whatever the door); with the stage's rule
// "changed-lines" a proposal is submitted only with a justification of every line it changed
// (budget.missing_justification otherwise); a proposal not submitted after its deadline from the
// annual clock is overdue (budget.proposal_overdue). On the demo round 2026 (data/demo/budgeting):
// ehdotus-2026 = the plan with personnel costs +2,5 %, so of kanslia's and sivistys's lines only
// Henkilöstökulut differs from the plan (kanslia −2 130 000 → −2 183 250, sivistys −23 560 400 →
// −24 149 410); sivistys has submitted, demokratia is returned, kanslia and elinkeino are drafts;
// Loviisa's binding units are kanslia, demokratia, sivistys and elinkeino.
#include <gtest/gtest.h>

#include "check/budget_checks.h"
#include "core/budgeting/proposal.h"
#include "store/store.h"
#include "web/actions.h"
#include "web/app_state.h"
#include "demo_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

using S = ProposalState;
using web::ActionResult;
using web::AppOptions;
using web::AppState;
using web::Outcome;

TEST(ProposalRules, FinanceReturnsOnlyWithAComment) {
  struct Case {
    S from;
    ProposalValue to;
    ProposalActor who;
    bool allowed;
  };
  const std::vector<Case> cases = {
      {S::submitted, {S::returned, "Sovita toimintakate raamiin."}, ProposalActor::finance, true},
      {S::submitted, {S::returned, ""}, ProposalActor::finance, false},
      {S::submitted, {S::returned, " \n\t "}, ProposalActor::finance, false},
      {S::submitted, {S::accepted, ""}, ProposalActor::finance, true},
      {S::draft, {S::returned, "x"}, ProposalActor::finance, false},
      {S::accepted, {S::returned, "x"}, ProposalActor::finance, false},
      {S::draft, {S::submitted, ""}, ProposalActor::unit, true},
      {S::returned, {S::submitted, ""}, ProposalActor::unit, true},
      {S::submitted, {S::submitted, ""}, ProposalActor::unit, false},
      {S::submitted, {S::returned, "x"}, ProposalActor::unit, false},
  };
  for (const auto& c : cases)
    EXPECT_EQ(proposal_move_allowed(c.from, c.to, c.who), c.allowed)
        << to_string(c.from) << " → " << to_string(c.to.state) << " \"" << c.to.comment << "\"";
}

User user(const std::string& id, const std::string& grant) { return {id, id, "", false, {*parse_grant(grant)}}; }

const std::string kKey = "ehdotus-2026/kanslia";

struct Workplace {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  AppState state{db, AppOptions{}};
  ActionResult move(const User& u, const std::optional<std::string>& before, const std::string& after,
                    std::vector<Change> more = {}) {
    more.push_back({"proposal", kKey, before, after});
    return web::apply_changes(state, u, more);
  }
  UnitProposal stored() const { return proposal_of(open_store(db)->read(), "ehdotus-2026", "kanslia"); }
  // The stage `proposal` with the municipality's rule that changed lines need a justification.
  void rule_on() {
    auto store = open_store(db);
    Dataset d = store->read();
    d.budgeting.stages = default_budget_stages();
    for (auto& s : d.budgeting.stages)
      if (s.id == "proposal") s.justification = kChangedLinesJustified;
    store->replace(d, {});
    state.reload();
  }
};

// Not only the page: a return without a comment sent by any door is refused (403) and changes nothing.
TEST(ProposalRules, AReturnWithoutACommentIsRefusedInCore) {
  Workplace w;
  User editor = user("kanslia", "editor:kanslia"), finance = user("talous", "finance");
  ASSERT_EQ(w.move(editor, std::nullopt, "submitted;").outcome, Outcome::ok);
  EXPECT_EQ(w.move(finance, "submitted;", "returned;").outcome, Outcome::forbidden);
  EXPECT_EQ(w.move(finance, "submitted;", "returned;   ").outcome, Outcome::forbidden);
  EXPECT_EQ(w.stored().state, S::submitted);
  ASSERT_EQ(w.move(finance, "submitted;", "returned;Perustele palkankorotus.").outcome, Outcome::ok);
  EXPECT_EQ(w.stored().state, S::returned);
  EXPECT_EQ(w.stored().comment, "Perustele palkankorotus.");
}

TEST(ProposalRules, WithTheRuleAChangedLineNeedsAJustificationToBeSubmitted) {
  Workplace w;
  User editor = user("kanslia", "editor:kanslia");
  Dataset d = open_store(w.db)->read();
  const BudgetVersion* v = find_version(d, "ehdotus-2026");
  ASSERT_NE(v, nullptr);
  EXPECT_FALSE(justification_required(d, *v)) << "off by default";
  EXPECT_EQ(unjustified_lines(d, *v, "kanslia"), std::vector<std::string>{"personnel_costs"});
  EXPECT_EQ(submission_refusal(d, "ehdotus-2026", "kanslia"), std::nullopt);

  w.rule_on();
  ActionResult r = w.move(editor, std::nullopt, "submitted;");
  EXPECT_EQ(r.outcome, Outcome::invalid);
  EXPECT_EQ(r.message.in(Lang::fi), "Ehdotusta ei voi jättää: muutetuilta riveiltä puuttuu perustelu (Henkilöstökulut).");
  EXPECT_EQ(r.message.in(Lang::sv), "Förslaget kan inte lämnas in: motivering saknas för ändrade rader (Personalkostnader).");
  EXPECT_EQ(w.stored().state, S::draft) << "nothing written";
  // A blank justification is none; a Swedish one is enough, sent with the submission.
  EXPECT_EQ(w.move(editor, std::nullopt, "submitted;", {{"proposal_note", "ehdotus-2026/kanslia/personnel_costs/fi", std::nullopt, "  "}})
                .outcome,
            Outcome::invalid);
  EXPECT_EQ(w.move(editor, std::nullopt, "submitted;",
                   {{"proposal_note", "ehdotus-2026/kanslia/personnel_costs/sv", std::nullopt, "Löneförhöjningar 2,5 %."}})
                .outcome,
            Outcome::ok);
  EXPECT_EQ(w.stored().state, S::submitted);
}

std::vector<Finding> rule(const Dataset& d, const Date& today, const std::string& id) {
  std::vector<Finding> all, out;
  check_budget_proposals(d, today, all);
  for (auto& f : all)
    if (f.rule == id) out.push_back(std::move(f));
  return out;
}

TEST(ProposalRules, TheCheckNamesSubmittedProposalsLackingJustifications) {
  testing::TempDir tmp;
  Dataset d = open_store(testing::load_demo_db(tmp))->read();
  EXPECT_TRUE(rule(d, {2025, 6, 1}, "budget.missing_justification").empty()) << "the rule is off";
  d.budgeting.stages = default_budget_stages();
  d.budgeting.stages[1].justification = kChangedLinesJustified;  // proposal
  auto found = rule(d, {2025, 6, 1}, "budget.missing_justification");
  ASSERT_EQ(found.size(), 1u);  // sivistys (submitted); kanslia is a draft
  EXPECT_EQ(found[0].severity, Severity::warning);
  EXPECT_EQ(found[0].where.unit, "sivistys");
  EXPECT_EQ(found[0].where.row, "personnel_costs");
  EXPECT_EQ(found[0].where.column, "ehdotus-2026");
  EXPECT_EQ(found[0].fi, "Sivistys- ja hyvinvointikeskus: ehdotuksessa (Yksiköiden ehdotukset 2026) muutetulla rivillä "
                         "Henkilöstökulut ei ole perustelua");
  d.budgeting.notes.push_back({"ehdotus-2026", "sivistys", "personnel_costs", "fi", "Palkankorotukset 2,5 %."});
  EXPECT_TRUE(rule(d, {2025, 6, 1}, "budget.missing_justification").empty());
}

// The demo's clock 2025 item lov-2025-unit-proposals (calendar.csv) names budget-round/proposal with
// the deadline 13.6.2025: on the 14th kanslia and elinkeino (drafts) and demokratia (returned) are
// late, sivistys (submitted) is not.
TEST(ProposalRules, ADeadlineFromTheAnnualClockMakesUnsubmittedProposalsOverdue) {
  testing::TempDir tmp;
  Dataset d = open_store(testing::load_demo_db(tmp))->read();
  const BudgetVersion& v = *find_version(d, "ehdotus-2026");
  EXPECT_EQ(proposal_deadline(d, v), (Date{2025, 6, 13}));
  // An item of another stage, or of the clock of 2026 (the round of 2027), does not count.
  CalendarItem c = *calendar_of(d.calendar, "loviisa", 2025).back();
  c.id = "frame-later", c.deadline = {2025, 12, 1}, c.sections = "budget-round/frame";
  d.calendar.push_back(c);
  c.id = "next-year", c.year = 2026, c.start = {2026, 1, 2}, c.deadline = {2026, 6, 12}, c.sections = "budget-round/proposal";
  d.calendar.push_back(c);
  EXPECT_EQ(proposal_deadline(d, v), (Date{2025, 6, 13}));
  EXPECT_FALSE(proposal_overdue(d, v, "kanslia", {2025, 6, 13})) << "on the day it is not late yet";
  EXPECT_TRUE(proposal_overdue(d, v, "kanslia", {2025, 6, 14}));
  EXPECT_TRUE(proposal_overdue(d, v, "demokratia", {2025, 6, 14})) << "returned, not resubmitted";
  EXPECT_FALSE(proposal_overdue(d, v, "sivistys", {2025, 6, 14})) << "submitted";
  EXPECT_TRUE(rule(d, {2025, 6, 13}, "budget.proposal_overdue").empty());
  auto found = rule(d, {2025, 6, 14}, "budget.proposal_overdue");
  std::vector<std::string> units;
  for (const auto& f : found) {
    units.push_back(f.where.unit);
    EXPECT_EQ(f.severity, Severity::warning);
    EXPECT_EQ(f.expected_text, "2025-06-13");
  }
  EXPECT_EQ(units, (std::vector<std::string>{"demokratia", "elinkeino", "kanslia"}));
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[2].fi, "Kaupunginkansliakeskus: ehdotusta (Yksiköiden ehdotukset 2026) ei ole jätetty määräaikaan 13.6.2025 mennessä");
  EXPECT_EQ(found[2].sv, "Stadskanslicentralen: förslaget (Enheternas förslag 2026) har inte lämnats in inom tidsfristen 13.6.2025");
  // Without the item no deadline, nothing overdue.
  std::erase_if(d.calendar, [](const CalendarItem& x) { return x.sections.find("budget-round/proposal") != std::string::npos; });
  EXPECT_EQ(proposal_deadline(d, v), std::nullopt);
  EXPECT_TRUE(rule(d, {2026, 1, 1}, "budget.proposal_overdue").empty());
}

}  // namespace
}  // namespace toteuma
