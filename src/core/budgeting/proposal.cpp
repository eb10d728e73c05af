#include "core/budgeting/proposal.h"

#include <array>
#include <map>
#include <set>
#include <stdexcept>

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

bool proposal_open_at(const Dataset& d, const BudgetVersion& v, const std::string& unit) {
  OrgView org = d.org_on(Date::first_of_year(v.year));
  std::string at = unit;
  for (int depth = 0; !at.empty() && depth < 64; ++depth) {  // depth: a cycle cannot hang a request
    if (!proposal_editable(proposal_of(d, v.id, at).state)) return false;
    const UnitVersion* u = org.find(at);
    at = u ? u->parent : "";
  }
  return true;
}

bool proposal_move_allowed(ProposalState from, const ProposalValue& to, ProposalActor who) {
  using S = ProposalState;
  if (who == ProposalActor::unit) return to.state == S::submitted && proposal_editable(from);
  bool commented = to.comment.find_first_not_of(" \t\r\n") != std::string::npos;
  return from == S::submitted && ((to.state == S::returned && commented) || to.state == S::accepted);
}

bool justification_required(const Dataset& d, const BudgetVersion& v) {
  for (const auto& s : budget_stages(d))
    if (s.id == v.stage) return s.justification == kChangedLinesJustified;
  return false;
}

std::vector<std::string> unjustified_lines(const Dataset& d, const BudgetVersion& v, const std::string& unit) {
  // What the version started from, at the unit: (line, year) → amount.
  std::map<std::pair<std::string, int>, Cents> start, now;
  try {
    if (auto from = parse_version_source(v.based_on))
      for (const auto& f : start_version_figures(d, v, *from, {}))
        if (f.unit == unit) start[{f.line, f.year}] = f.amount;
  } catch (const std::invalid_argument&) {
    // a source version gone: every line counts as changed
  }
  for (const auto& f : d.budgeting.figures)
    if (f.version == v.id && f.unit == unit) now[{f.line, f.year}] = f.amount;
  std::set<std::string> changed;
  for (const auto& [key, amount] : now)
    if (auto it = start.find(key); it == start.end() || it->second != amount) changed.insert(key.first);
  for (const auto& [key, amount] : start)
    if (!now.count(key)) changed.insert(key.first);
  for (const auto& n : d.budgeting.notes)
    if (n.version == v.id && n.unit == unit && n.text.find_first_not_of(" \t\r\n") != std::string::npos) changed.erase(n.line);
  std::vector<std::string> out;
  for (const Line& l : d.chart.lines())
    if (changed.count(l.id)) out.push_back(l.id);
  return out;
}

std::optional<Msg> submission_refusal(const Dataset& d, const std::string& version, const std::string& unit) {
  const BudgetVersion* v = find_version(d, version);
  if (!v || !justification_required(d, *v)) return std::nullopt;
  auto lines = unjustified_lines(d, *v, unit);
  if (lines.empty()) return std::nullopt;
  std::string fi, sv;
  for (const auto& id : lines) {
    const Line* l = d.chart.find(id);
    fi += (fi.empty() ? "" : ", ") + (l ? l->name.fi : id);
    sv += (sv.empty() ? "" : ", ") + (l ? l->name.sv : id);
  }
  return msg("proposal.justification_missing", fi, sv);
}

std::optional<Date> proposal_deadline(const Dataset& d, const BudgetVersion& v) {
  if (const CalendarItem* c = deadline_for(d.calendar, v.municipality, "budget-round", v.stage, v.year)) return c->deadline;
  return std::nullopt;
}

bool proposal_overdue(const Dataset& d, const BudgetVersion& v, const std::string& unit, const Date& today) {
  if (!has_unit_proposals(d, v) || !v.adopted.empty()) return false;
  auto deadline = proposal_deadline(d, v);
  return deadline && today > *deadline && proposal_editable(proposal_of(d, v.id, unit).state);
}

}  // namespace toteuma
