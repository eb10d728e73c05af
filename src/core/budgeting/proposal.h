// A unit's proposal in a budget round (issue 16 item 3): in a version whose stage is edited by the
// units (`editors` "unit"), each unit's editor enters the unit's figures and a justification per
// changed line, then submits; finance returns it with a comment (editable again) or accepts it.
// draft → submitted → returned → submitted … → accepted. No record is a draft.
#pragma once
#include <optional>
#include <string>
#include <vector>

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

// Who moves a proposal: the unit's editor submits a draft or a returned one; finance returns
// (a comment is required) or accepts a submitted one.
enum class ProposalActor { unit, finance };
bool proposal_move_allowed(ProposalState from, ProposalState to, ProposalActor who);

}  // namespace toteuma
