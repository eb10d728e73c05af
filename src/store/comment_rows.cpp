#include "store/comment_rows.h"

#include "core/i18n.h"
#include "store/audit_rows.h"
#include "store/store.h"
#include "store/workplace_store.h"

namespace toteuma {

namespace {

constexpr const char* kThreadColumns =
    "SELECT id, target, target_key, unit_id, started_by, started_at, resolved_by, resolved_at FROM comment_thread";

std::vector<CommentThread> threads_of(sql::Db& db, sql::Stmt& st) {
  std::vector<CommentThread> out;
  while (st.step()) {
    CommentThread t;
    t.id = st.int64(0);
    t.target = {parse_comment_on(st.text(1)).value_or(CommentOn::section), st.text(2)};
    t.unit = st.text(3);
    t.started_by = st.text(4);
    t.started_at = st.text(5);
    t.resolved_by = st.opt_text(6).value_or("");
    t.resolved_at = st.opt_text(7).value_or("");
    out.push_back(std::move(t));
  }
  auto comments = db.prepare("SELECT id, author, at, text FROM comment WHERE thread_id = ? ORDER BY id");
  for (auto& t : out) {
    comments.bind(1, t.id);
    while (comments.step()) t.comments.push_back({comments.int64(0), comments.text(1), comments.text(2), comments.text(3)});
    comments.reset();
  }
  return out;
}

std::size_t utf8_chars(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The unit a thread belongs to: a section's or row's from its key, a goal's from the goal.
std::string unit_of(sql::Db& db, const CommentTarget& t) {
  if (t.on != CommentOn::goal) return key_unit(t);
  auto st = db.prepare("SELECT unit_id FROM goal WHERE id = ?");
  if (!st.bind(1, t.key).step()) throw StoreError(msg("err.comment.unknown_goal", t.key));
  return st.text(0);
}

}  // namespace

std::vector<CommentThread> read_comment_threads(sql::Db& db, CommentOn on, const std::string& unit, const std::string& key_prefix) {
  auto st = db.prepare(std::string(kThreadColumns) +
                       " WHERE target = ? AND (? = '' OR unit_id = ?) AND substr(target_key, 1, length(?)) = ? ORDER BY id");
  st.bind(1, to_string(on)).bind(2, unit).bind(3, unit).bind(4, key_prefix).bind(5, key_prefix);
  return threads_of(db, st);
}

std::optional<CommentThread> read_comment_thread(sql::Db& db, const CommentTarget& t) {
  auto st = db.prepare(std::string(kThreadColumns) + " WHERE target = ? AND target_key = ?");
  st.bind(1, to_string(t.on)).bind(2, t.key);
  auto found = threads_of(db, st);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<std::string> read_thread_state(sql::Db& db, const CommentTarget& t) {
  auto thread = read_comment_thread(db, t);
  return thread ? std::optional(thread_state(*thread)) : std::nullopt;
}

std::int64_t insert_comment(sql::Db& db, const std::string& at, const std::string& user, const CommentTarget& t,
                            const std::string& text, const std::string& via) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw StoreError(msg("err.comment.empty"));
  if (utf8_chars(text) > kMaxCommentChars) throw StoreError(msg("err.comment.too_long", kMaxCommentChars));
  sql::Transaction tx(db);
  std::string unit = unit_of(db, t);
  auto thread = read_comment_thread(db, t);
  std::int64_t thread_id = 0;
  if (!thread) {
    thread_id = db.prepare("INSERT INTO comment_thread (target, target_key, unit_id, started_by, started_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
        .bind(1, to_string(t.on)).bind(2, t.key).bind(3, unit).bind(4, user).bind(5, at).run_returning_id();
  } else {
    thread_id = thread->id;
    if (thread->resolved()) {
      db.prepare("UPDATE comment_thread SET resolved_by = NULL, resolved_at = NULL WHERE id = ?").bind(1, thread_id).run();
      insert_audit(db, {0, at, user, "comment_thread", target_id(t), "resolved", "open", unit, via});
    }
  }
  std::int64_t id = db.prepare("INSERT INTO comment (thread_id, author, at, text) VALUES (?, ?, ?, ?) RETURNING id")
      .bind(1, thread_id).bind(2, user).bind(3, at).bind(4, text).run_returning_id();
  insert_audit(db, {0, at, user, "comment", target_id(t), std::nullopt, text, unit, via});
  tx.commit();
  return id;
}

void set_thread_resolved(sql::Db& db, const std::string& at, const std::string& user, const CommentTarget& t, bool resolved,
                         const std::string& seen) {
  sql::Transaction tx(db);
  auto thread = read_comment_thread(db, t);
  if (!thread) throw StoreError(msg("err.comment.no_thread", target_id(t)));
  std::string now = thread_state(*thread);
  if (now != seen) throw StaleChange(Change{"comment_thread", target_id(t), seen, resolved ? "resolved" : "open"}, now);
  if (thread->resolved() == resolved) return;  // what the form saw is what it asks: nothing to do
  db.prepare("UPDATE comment_thread SET resolved_by = ?, resolved_at = ? WHERE id = ?")
      .bind(1, resolved ? std::optional<std::string>(user) : std::nullopt)
      .bind(2, resolved ? std::optional<std::string>(at) : std::nullopt)
      .bind(3, thread->id)
      .run();
  insert_audit(db, {0, at, user, "comment_thread", target_id(t), resolved ? "open" : "resolved", resolved ? "resolved" : "open",
                    thread->unit, "web"});
  tx.commit();
}

}  // namespace toteuma
