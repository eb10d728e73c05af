// The proposal page's personnel table (issue 16 item 3): a unit's person-years (htv) in a version
// for Y, Y+1, Y+2, beside the unit's last actual htv and last personnel plan, editable in the
// proposal's save form while the proposal is (core/budgeting/version_htv.h).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/budgeting/budget_round.h"
#include "web/actions.h"
#include "web/context.h"

namespace toteuma::web {

// The table; with `editing`, inputs t_<year> and their hidden before fields.
std::string proposal_htv_html(const Ctx& c, const BudgetVersion& v, const std::string& unit, bool editing);

// Adds a `version_htv` change per changed input t_<year> of the form (person-years such as 12,5;
// blank: none) to `out`. False, with `bad` saying which and what, when an input is not htv.
bool add_htv_changes(const Ctx& c, const BudgetVersion& v, const std::string& unit, std::map<std::string, std::string>& form,
                     std::vector<Change>& out, ActionResult& bad);

}  // namespace toteuma::web
