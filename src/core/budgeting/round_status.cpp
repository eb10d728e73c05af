#include "core/budgeting/round_status.h"

#include <algorithm>

#include "core/budgeting/proposal.h"

namespace toteuma {

std::vector<const UnitVersion*> round_binding_units(const Dataset& d, const std::string& municipality, int year) {
  OrgView org = d.org_on(Date::first_of_year(year));
  std::vector<const UnitVersion*> out;
  for (const auto& [u, depth] : org.tree())
    if (!u->binding_line.empty() && org.within(u->id, municipality)) out.push_back(u);
  return out;
}

std::vector<RoundProposal> round_proposals(const Dataset& d, const BudgetVersion& v, const FrameDistances& fd, const Date& today) {
  if (!has_unit_proposals(d, v)) return {};
  std::vector<std::string> units;
  for (const UnitVersion* u : round_binding_units(d, v.municipality, v.year)) units.push_back(u->id);
  for (const UnitProposal& p : d.budgeting.proposals)
    if (p.version == v.id && std::find(units.begin(), units.end(), p.unit) == units.end()) units.push_back(p.unit);
  std::vector<RoundProposal> out;
  const auto deadline = proposal_deadline(d, v);
  for (const std::string& unit : units)
    out.push_back({unit, proposal_of(d, v.id, unit), deadline, proposal_overdue(d, v, unit, today), fd.at(v.id, unit)});
  return out;
}

}  // namespace toteuma
