#include "web/api.h"

namespace toteuma::web {

http::Response route_api(AppState&, LoginLimiter&, const http::Request&, const std::vector<std::string>&) {
  return {404, "application/json", "{\"error\":\"not found\"}\n", {}};
}

}  // namespace toteuma::web
