#include "core/budgeting/proposal.h"

#include <array>

#include "core/budgeting/budget_round.h"
#include "core/dataset.h"

namespace toteuma {

namespace {
constexpr std::array<std::pair<ProposalState, const char*>, 4> kStates{{{ProposalState::draft, "draft"},
                                                                        {ProposalState::submitted, "submitted"},
                                                                        {ProposalState::returned, "returned"},
                                                                        {ProposalState::accepted, "accepted"}}};
}  // namespace

std::optional<ProposalState> parse_proposal_state(const std::string& s) {
  for (const auto& [st, name] : kStates)
    if (s == name) return st;
  return std::nullopt;
}

std::string to_string(ProposalState s) {
  for (const auto& [st, name] : kStates)
    if (st == s) return name;
  return "draft";
}

std::string encode_proposal(ProposalState s, const std::string& comment) { return to_string(s) + ";" + comment; }

std::optional<ProposalValue> decode_proposal(const std::string& v) {
  auto semi = v.find(';');
  if (semi == std::string::npos) return std::nullopt;
  auto s = parse_proposal_state(v.substr(0, semi));
  if (!s) return std::nullopt;
  return ProposalValue{*s, v.substr(semi + 1)};
}

bool has_unit_proposals(const Dataset& d, const BudgetVersion& v) {
  for (const auto& s : budget_stages(d))
    if (s.id == v.stage) return s.editors == "unit";
  return false;
}

UnitProposal proposal_of(const Dataset& d, const std::string& version, const std::string& unit) {
  for (const auto& p : d.budgeting.proposals)
    if (p.version == version && p.unit == unit) return p;
  return {version, unit, ProposalState::draft, "", "", ""};
}

bool proposal_move_allowed(ProposalState from, ProposalState to, ProposalActor who) {
  using S = ProposalState;
  if (who == ProposalActor::unit) return to == S::submitted && proposal_editable(from);
  return from == S::submitted && (to == S::returned || to == S::accepted);
}

}  // namespace toteuma
