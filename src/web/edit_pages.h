// The editing pages: a unit's texts with their deadlines, narratives (Markdown with preview),
// goals, realisation texts and metric values, figures (finance), scenarios (amendments with
// their decisions, forecasts) and the audit trail.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "web/context.h"

namespace toteuma::web {

std::optional<http::Response> route_edit_pages(const Ctx& c, const std::vector<std::string>& parts);

}  // namespace toteuma::web
