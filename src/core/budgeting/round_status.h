// Where a municipality's budget round of year Y stands, as finance's round page and the JSON API
// both show it: its binding units and, in each version the units edit, every unit's proposal with
// its state, deadline, whether it is overdue and its distance from the frame.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/budgeting/budget_round.h"
#include "core/budgeting/frame_chart.h"
#include "core/dataset.h"

namespace toteuma {

// The units whose binding line a frame sets: the municipality's units with a binding line on 1.1.Y,
// in tree order.
std::vector<const UnitVersion*> round_binding_units(const Dataset& d, const std::string& municipality, int year);

struct RoundProposal {
  std::string unit;
  UnitProposal proposal;                // its record, else a draft
  std::optional<Date> deadline;         // from the annual clock (proposal_deadline)
  bool overdue = false;                 // proposal_overdue on `today`
  std::optional<Cents> frame_distance;  // version − frame on the binding line in Y (positive: within)
};
// The proposals of version `v` (one the units edit; none otherwise): every binding unit's, then any
// other unit's that has a record. `fd`: frame_distances of the version's municipality and year.
std::vector<RoundProposal> round_proposals(const Dataset& d, const BudgetVersion& v, const FrameDistances& fd, const Date& today);

}  // namespace toteuma
