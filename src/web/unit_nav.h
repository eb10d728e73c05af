// The navigation every page of one unit shares: where the unit sits in the organisation
// (a breadcrumb of its parents) and its pages as tabs, the current one marked.
#pragma once
#include <string>

#include "web/context.h"

namespace toteuma::web {

// HTML (escaped) for the unit's breadcrumb and tabs; "" for an unknown unit or an anonymous reader.
std::string unit_nav_html(const Ctx& c, const std::string& unit);

}  // namespace toteuma::web
