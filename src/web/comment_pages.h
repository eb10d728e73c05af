// Comment threads in the web (issue 17 item 3; core/workplace/comment.h): the writes (authorised on
// the server, one transaction with its audit rows, 409 when a resolve is stale), a thread as HTML
// for any page to embed (the review page, the goals pages), the unresolved threads of a document,
// the rows' threads of the unit page, and the page /{lang}/unit/{unit}/comments: one thread
// (a table row's: ?year=Y&line=L; or ?on=KIND&key=KEY) or, without a target, the unit's threads.
// Every thread's forms post to that page, which sends the user back to the page they came from.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/workplace/comment.h"
#include "web/actions.h"
#include "web/context.h"

namespace toteuma::web {

// The unit a target belongs to when it names something that exists (a known document kind, unit and
// year, a section of that document; a unit, year and chart line; a goal), else nullopt.
std::optional<std::string> target_unit(AppState& state, const Snapshot& snap, const CommentTarget& t);

// forbidden: a role without the right `comment`; invalid: blank or too long, or an unknown target.
ActionResult add_comment(AppState& state, const User& u, const CommentTarget& t, const std::string& text);
// Resolve (or reopen) a thread. forbidden: resolving is for whoever started the thread or an approver,
// reopening for anyone who may comment; stale: the thread is not in the state `seen` any more.
ActionResult resolve_comment_thread(AppState& state, const User& u, const CommentTarget& t, bool resolve, const std::string& seen);

std::vector<CommentThread> comment_threads(AppState& state, CommentOn on, const std::string& unit, const std::string& key_prefix);
std::optional<CommentThread> comment_thread(AppState& state, const CommentTarget& t);

// One thread (none yet: `thread` nullopt) as a <details> block with its comments (Markdown, as
// narratives are rendered), who resolved it, and the forms the viewer may use; `label` names what
// it is on, `back` is the local page the forms return to (this page), `open` shows it unfolded.
// The element's id is comment_anchor(t), so a link can jump to it.
std::string comment_thread_html(const Ctx& c, const CommentTarget& t, const std::optional<CommentThread>& thread,
                                const std::string& label, const std::string& back, bool open = false);
std::string comment_anchor(const CommentTarget& t);

// The review page: the unresolved threads of a document (kind, unit, year) — `sections` name them.
std::string unresolved_comments_html(const Ctx& c, const std::vector<CommentThread>& threads,
                                     const std::vector<ReviewSection>& sections, bool brief);
// The goals page: a thread per goal of the unit and year.
std::string goal_threads_html(const Ctx& c, const std::string& unit, int year, const std::string& back);
// The unit page: its rows' threads of the year with links, and a form to open a row's thread.
std::string row_comments_html(const Ctx& c, const std::string& unit, int year, const std::vector<std::pair<std::string, std::string>>& rows);

// /{lang}/unit/{unit}/comments (GET, POST).
std::optional<http::Response> route_comment_pages(const Ctx& c, const std::vector<std::string>& parts);

}  // namespace toteuma::web
