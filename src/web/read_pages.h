// The read-only pages (every logged-in user): organisation, unit tables, follow-up, explanations,
// personnel, goals, generated documents, check findings.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "web/context.h"

namespace toteuma::web {

// parts: the path split at '/', parts[0] the language. nullopt when no read page matches.
std::optional<http::Response> route_read_pages(const Ctx& c, const std::vector<std::string>& parts);

}  // namespace toteuma::web
