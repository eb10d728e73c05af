// Councillors' alternative budgets on the web (issue 16 item 7): a version's alternatives
// (/{lang}/budget/{version}/alternatives: the published ones side by side with the version, a
// member's own drafts, starting one), the published document (…/alternatives/document?format=),
// and an alternative's page (/{lang}/alternative/{id}: its changes, drafted by the group's members,
// and at once their effect per binding unit, on Toimintakate, Vuosikate and the result, and the
// balance; publishing it). Writes go through apply_changes (authorised, stale-checked, audited).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "web/context.h"

namespace toteuma::web {

std::optional<http::Response> route_alternative_pages(const Ctx& c, const std::vector<std::string>& parts);

}  // namespace toteuma::web
