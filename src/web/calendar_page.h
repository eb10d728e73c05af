// The annual clock (vuosikello / årsklocka) page: the wheel and the list of a year's items.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "web/context.h"

namespace toteuma::web {

std::optional<http::Response> route_calendar(const Ctx& c, const std::vector<std::string>& parts);

}  // namespace toteuma::web
