// Review and publication: each section of a document moves draft → ready → approved; an approver
// freezes the approved document as a numbered version (content hash) and publishes it; published
// versions are public pages and downloads without login.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "web/context.h"

namespace toteuma::web {

// /{lang}/unit/{id}/review and /{lang}/versions/{id} (logged in).
std::optional<http::Response> route_review_pages(const Ctx& c, const std::vector<std::string>& parts);
// /{lang}/public and /{lang}/public/{id} (anyone).
std::optional<http::Response> route_public(const Ctx& c, const std::vector<std::string>& parts);

}  // namespace toteuma::web
