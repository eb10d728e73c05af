// The JSON API (/api/v1/…): everything the pages do, for scripts and other systems, described by
// the OpenAPI document at /api/v1/openapi.json. Same sessions, same authorisation, same audit;
// writes need the session's CSRF token in the X-CSRF-Token header.
#pragma once
#include <string>
#include <vector>

#include "web/app_state.h"
#include "web/auth_routes.h"
#include "web/routes.h"

namespace toteuma::web {

// Every route of the API (the paths of openapi.json).
std::vector<RouteSpec> api_routes();

http::Response route_api(AppState& state, const LoginLimiter& limiter, const http::Request& req, const std::vector<std::string>& parts);

}  // namespace toteuma::web
