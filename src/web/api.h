// The JSON API (/api/v1/…): everything the pages do, for scripts and other systems, described by
// the OpenAPI document at /api/v1/openapi.json. Same sessions, same authorisation, same audit;
// writes need the session's CSRF token in the X-CSRF-Token header.
#pragma once
#include <string>
#include <vector>

#include "web/app_state.h"
#include "web/auth_routes.h"

namespace toteuma::web {

http::Response route_api(AppState& state, LoginLimiter& limiter, const http::Request& req, const std::vector<std::string>& parts);

}  // namespace toteuma::web
