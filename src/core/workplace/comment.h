// Comment threads of the workplace (issue 17 item 3): a discussion attached to a document section,
// a table row or a goal, with its comments (Markdown, rendered as narratives are) and whether it is
// resolved. Workplace records like section states: kept in the store (migration 25), read per
// request, never part of the dataset or its folder. Types and key rules only; no I/O.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/workplace/access.h"

namespace toteuma {

// What a thread is attached to, and its key ('/' separates the parts):
//   section  doc/unit/year/section   a reviewed document section (SectionStatus, the review page)
//   row      unit/year/line          a row of a unit's tables: the chart line of a year
//   goal     goal                    a goal by its id
enum class CommentOn { section, row, goal };
std::optional<CommentOn> parse_comment_on(const std::string& s);
std::string to_string(CommentOn on);

struct CommentTarget {
  CommentOn on = CommentOn::section;
  std::string key;
  bool operator==(const CommentTarget&) const = default;
};
// "section/annual-report/kanslia/2024/unit-kanslia-risks": the audit row's key and the API's id.
std::string target_id(const CommentTarget& t);
// The inverse; nullopt when the kind is unknown or the key has the wrong number of parts, a year
// that is not four digits, or an empty part.
std::optional<CommentTarget> parse_target_id(const std::string& id);
std::optional<CommentTarget> make_target(CommentOn on, const std::string& key);
// The unit a section's or a row's key names ("" for a goal: the goal's unit is the dataset's).
std::string key_unit(const CommentTarget& t);

struct Comment {
  std::int64_t id = 0;
  std::string author, at;  // at: UTC, ISO 8601
  std::string text;        // Markdown as written
  bool operator==(const Comment&) const = default;
};

struct CommentThread {
  std::int64_t id = 0;
  CommentTarget target;
  std::string unit;                    // the unit it concerns (a goal's unit), for the unit's lists and audit trail
  std::string started_by, started_at;  // the first comment's author: who may resolve it besides an approver
  std::string resolved_by, resolved_at;  // "" = open
  std::vector<Comment> comments;       // oldest first
  bool resolved() const { return !resolved_at.empty(); }
};
// The state a resolve or reopen form saw, for the stale check: "open;N" / "resolved;N", N the
// newest comment's id (a comment added meanwhile makes the form stale too).
std::string thread_state(const CommentThread& t);

constexpr std::size_t kMaxCommentChars = 10000;  // characters, not bytes

// Everyone logged in may read; commenting is the right `comment` (not a viewer's or a council
// group's); a thread is resolved by whoever started it or an approver (admin included); anyone
// who may comment reopens it (and a new comment reopens a resolved thread).
bool may_comment(const User& u);
bool may_resolve(const User& u, const CommentThread& t);

}  // namespace toteuma
