// The budget round's pages (issue 16): a unit's proposal in a version the units edit — its lines
// with last year's budget and the actual, inputs for Y, Y+1, Y+2, a justification per line in
// Finnish and Swedish, the live distance from the frame, submitting, returning and accepting.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "web/context.h"

namespace toteuma::web {

std::optional<http::Response> route_budget_pages(const Ctx& c, const std::vector<std::string>& parts);

}  // namespace toteuma::web
