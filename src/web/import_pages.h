// /{lang}/import: finance's and admins' uploads of the general ledger, employments and trainings
// (docs/WEB.md, Imports), run through exactly the command line's import code; the import records.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "web/context.h"

namespace toteuma::web {

std::optional<http::Response> route_import_pages(const Ctx& c, const std::vector<std::string>& parts);
// The upload-progress script (/static/import.js).
http::Response import_script();

}  // namespace toteuma::web
