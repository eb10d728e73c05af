// Every route the application serves, as data. The dispatcher answers 404 for a path that no
// route here matches and 405 for a method a route does not take, so a handler cannot be reached
// without being listed; the route matrix test (tests/web/route_matrix.csv) needs a row for each.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace toteuma::web {

struct RouteSpec {
  std::string_view pattern;  // "/{lang}/unit/{unit}/review": a {name} is one segment; {lang} is fi or sv
  std::string_view methods;  // as the Allow header says them: "GET" or "GET, POST"
};

// The pages (including /, /healthz and /static/style.css); the API's are api_routes() (api.h).
const std::vector<RouteSpec>& page_routes();

// Whether the path's segments (split at '/') fit the pattern.
bool matches(const RouteSpec& r, const std::vector<std::string>& parts);
// The first route of `routes` that the path fits; nullptr for none.
const RouteSpec* find_route(const std::vector<RouteSpec>& routes, const std::vector<std::string>& parts);
bool allows(const RouteSpec& r, std::string_view method);

}  // namespace toteuma::web
