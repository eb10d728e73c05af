// The JSON API of comment threads (issue 17 item 3): GET /api/v1/units/{id}/comments lists a unit's
// threads (?on=section|row|goal narrows them), POST adds a comment ({"on","key","text"}) or resolves /
// reopens a thread ({"on","key","resolve":true|false,"before":STATE}) through the pages' writes
// (web/comment_pages.h): same rights, stale check (409) and audit rows.
#pragma once
#include <string>

#include "web/app_state.h"
#include "web/http/server.h"

namespace toteuma::web {

http::Response api_comments(AppState& state, const http::Request& req, const Snapshot& snap, const User& u, Lang lang,
                            const std::string& unit);

}  // namespace toteuma::web
