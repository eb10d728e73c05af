// /{lang}/search?q=…: units, goals, metrics and texts in both languages (store/search_index.h).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "web/context.h"

namespace toteuma::web {

std::optional<http::Response> route_search(const Ctx& c, const std::vector<std::string>& parts);

}  // namespace toteuma::web
