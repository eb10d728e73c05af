// Comment threads (migration 25, core/workplace/comment.h) over an open connection, inside the
// caller's transaction; the workplace store (store/workplace_store.h) is their door. Every write
// leaves its audit row: entity "comment" (after: the text) or "comment_thread" (before/after:
// "open" / "resolved"), key target_id ("section/annual-report/kanslia/2024/unit-kanslia-risks").
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/workplace/comment.h"
#include "store/sql_db.h"

namespace toteuma {

// The threads of `on` whose unit is `unit` ("" = any) and whose key begins with `key_prefix`,
// with their comments, oldest first.
std::vector<CommentThread> read_comment_threads(sql::Db& db, CommentOn on, const std::string& unit, const std::string& key_prefix);
std::optional<CommentThread> read_comment_thread(sql::Db& db, const CommentTarget& t);

// Adds a comment by `user` at `at` (UTC): starts the thread, or continues it (a resolved thread is
// reopened: the comment says there is more to discuss). The text is stored verbatim; blank or
// longer than kMaxCommentChars is refused (StoreError). A goal's thread belongs to the goal's unit
// (an unknown goal is refused). Returns the comment's id.
std::int64_t insert_comment(sql::Db& db, const std::string& at, const std::string& user, const CommentTarget& t,
                            const std::string& text, const std::string& via = "web");

// Resolves (or reopens) the thread. `seen` is the thread_state the user's form showed: a thread
// changed meanwhile (resolved, reopened, commented) throws StaleChange with the state now. A
// thread that does not exist throws StoreError.
void set_thread_resolved(sql::Db& db, const std::string& at, const std::string& user, const CommentTarget& t, bool resolved,
                         const std::string& seen);

// The thread's state as thread_state encodes it, nullopt without a thread (the "comment_thread"
// entity of WorkplaceStore::current).
std::optional<std::string> read_thread_state(sql::Db& db, const CommentTarget& t);

}  // namespace toteuma
