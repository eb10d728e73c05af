// The JSON API of budget rounds (issue 16): a round's versions and the units' proposals with
// their deadlines and distances from the frame, a version's figures, a unit's proposal read and
// written (figures, justifications, submit / return / accept) through the proposal page's
// `apply_changes` path, the spending plan of a binding unit, and the council groups' alternative
// budgets a user may read. Same sessions, authorisation, stale check and audit as the pages;
// api.cpp dispatches here after the login and CSRF checks.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "web/app_state.h"
#include "web/context.h"
#include "web/routes.h"

namespace toteuma::web {

// What a budget route gets from the dispatcher: a logged-in viewer, the reply language.
struct BudgetApiCall {
  AppState& state;
  const http::Request& req;
  std::shared_ptr<const Snapshot> snap;
  const Viewer& viewer;
  Lang lang;
};

// The budget routes (part of api_routes() and of openapi.json).
const std::vector<RouteSpec>& api_budget_routes();
// Answers a request whose path matched `spec`, one of api_budget_routes().
http::Response route_api_budget(const BudgetApiCall& c, const RouteSpec& spec, const std::vector<std::string>& parts);

// The round's tables of a unit for GET /api/v1/units/{id}/table: kind=budget-versions (the
// versions compared, core/budgeting/version_table.h) and kind=spending-plan, of `year` with labels
// in `lang`; nullopt for another kind.
std::optional<http::Response> api_budget_table(const BudgetApiCall& c, const std::string& unit, const std::string& kind, int year, Lang lang);

}  // namespace toteuma::web
