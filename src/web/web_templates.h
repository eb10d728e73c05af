// The page templates compiled into the binary (src/web/templates/*.mustache, see CMakeLists.txt).
#pragma once
#include <string_view>

namespace toteuma::embedded {
extern const std::string_view layout_mustache;
extern const std::string_view index_mustache;
extern const std::string_view unit_mustache;
extern const std::string_view checks_mustache;
extern const std::string_view explain_mustache;
extern const std::string_view login_mustache;
extern const std::string_view narrative_mustache;
extern const std::string_view openapi_json;  // src/web/openapi.json, served at /api/v1/openapi.json
}  // namespace toteuma::embedded
