// A unit's proposal in a budget round (issue 16 item 3): in a version whose stage is edited by the
// units (`editors` "unit"), each unit's editor enters the unit's figures and a justification per
// changed line, then submits; finance returns it with a comment (editable again) or accepts it.
// draft → submitted → returned → submitted … → accepted. No record is a draft.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/i18n.h"

namespace toteuma {

struct Dataset;
struct BudgetVersion;

enum class ProposalState { draft, submitted, returned, accepted };
std::optional<ProposalState> parse_proposal_state(const std::string& s);
std::string to_string(ProposalState s);

// The state of one unit's proposal in one version, with finance's comment when returned.
struct UnitProposal {
  std::string version, unit;
  ProposalState state = ProposalState::draft;
  std::string comment;                // finance's comment (returned); "" otherwise
  std::string changed_by, changed_at;  // who moved it last and when (UTC ISO 8601)
  bool operator==(const UnitProposal&) const = default;
};

// A unit's justification of a line of its proposal, in one language.
struct ProposalNote {
  std::string version, unit, line, lang;  // lang "fi" | "sv"
  std::string text;
  bool operator==(const ProposalNote&) const = default;
};

// The workplace's value of a proposal's state (entity "proposal", workflow.h): "state;comment".
std::string encode_proposal(ProposalState s, const std::string& comment);
struct ProposalValue {
  ProposalState state = ProposalState::draft;
  std::string comment;
};
std::optional<ProposalValue> decode_proposal(const std::string& v);

// Whether the version's stage is edited by the units (only those versions have unit proposals).
bool has_unit_proposals(const Dataset& d, const BudgetVersion& v);
// The state of (version, unit): its record, else a draft.
UnitProposal proposal_of(const Dataset& d, const std::string& version, const std::string& unit);
// The unit's editor may change figures and justifications of a draft or a returned proposal.
inline bool proposal_editable(ProposalState s) { return s == ProposalState::draft || s == ProposalState::returned; }
// Whether the unit side may still change the figures and justifications at `unit` in `v`: the
// proposal of the unit and of every unit above it (organisation of 1.1.Y) is a draft or returned —
// a binding unit's submitted proposal covers the areas and cost centres it splits its figures to.
bool proposal_open_at(const Dataset& d, const BudgetVersion& v, const std::string& unit);

// Who moves a proposal: the unit's editor submits a draft or a returned one; finance returns
// a submitted one with a comment (blanks only are none: refused) or accepts it.
enum class ProposalActor { unit, finance };
bool proposal_move_allowed(ProposalState from, const ProposalValue& to, ProposalActor who);

// The municipality's rule (budgeting/stages.csv, column `justification`): whether a proposal in a
// version of this stage needs a justification of every line it changed.
inline constexpr const char* kChangedLinesJustified = "changed-lines";
bool justification_required(const Dataset& d, const BudgetVersion& v);
// The lines of the unit's proposal it changed — where the unit's own figure of some year differs
// from what the version was started from (`based_on`, before any percentage adjustment; an empty
// start: every line with a figure) — without a justification in either language, in chart order.
std::vector<std::string> unjustified_lines(const Dataset& d, const BudgetVersion& v, const std::string& unit);
// Why the unit's proposal in `version` cannot be submitted as `d` holds it: the rule asks for
// justifications and lines lack one (proposal.justification_missing, naming them); nullopt when it can.
std::optional<Msg> submission_refusal(const Dataset& d, const std::string& version, const std::string& unit);

// The deadline of the units' proposals in `v`, from the annual clock (calendar.csv): the item of
// the version's municipality whose `sections` name `budget-round/<the version's stage>` — the round
// of Y runs in the clock of Y−1 — the latest when several; nullopt when the clock names none.
// For the proposal pages and the check budget.proposal_overdue.
std::optional<Date> proposal_deadline(const Dataset& d, const BudgetVersion& v);
// Whether the unit's proposal in `v` is overdue on `today`: a version the units edit, not adopted,
// the deadline passed (today after it) and the proposal still a draft or returned.
bool proposal_overdue(const Dataset& d, const BudgetVersion& v, const std::string& unit, const Date& today);

}  // namespace toteuma
