#include "core/workplace/comment.h"

#include <algorithm>

#include "core/text.h"

namespace toteuma {

namespace {

std::size_t key_parts(CommentOn on) {
  switch (on) {
    case CommentOn::section: return 4;
    case CommentOn::row: return 3;
    case CommentOn::goal: return 1;
  }
  return 0;
}

bool is_year(const std::string& s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<CommentOn> parse_comment_on(const std::string& s) {
  if (s == "section") return CommentOn::section;
  if (s == "row") return CommentOn::row;
  if (s == "goal") return CommentOn::goal;
  return std::nullopt;
}

std::string to_string(CommentOn on) {
  switch (on) {
    case CommentOn::section: return "section";
    case CommentOn::row: return "row";
    case CommentOn::goal: return "goal";
  }
  return "section";
}

std::string target_id(const CommentTarget& t) { return to_string(t.on) + "/" + t.key; }

std::optional<CommentTarget> make_target(CommentOn on, const std::string& key) {
  // split_nonempty drops empty parts, so "a//b" has too few.
  auto parts = split_nonempty(key, '/');
  if (parts.size() != key_parts(on) || std::count(key.begin(), key.end(), '/') + 1 != static_cast<long>(parts.size()))
    return std::nullopt;
  if (on == CommentOn::section && !is_year(parts[2])) return std::nullopt;
  if (on == CommentOn::row && !is_year(parts[1])) return std::nullopt;
  return CommentTarget{on, key};
}

std::optional<CommentTarget> parse_target_id(const std::string& id) {
  auto slash = id.find('/');
  if (slash == std::string::npos) return std::nullopt;
  auto on = parse_comment_on(id.substr(0, slash));
  return on ? make_target(*on, id.substr(slash + 1)) : std::nullopt;
}

std::string key_unit(const CommentTarget& t) {
  auto parts = split_nonempty(t.key, '/');
  if (t.on == CommentOn::section && parts.size() == 4) return parts[1];
  if (t.on == CommentOn::row && parts.size() == 3) return parts[0];
  return "";
}

std::string thread_state(const CommentThread& t) {
  return std::string(t.resolved() ? "resolved;" : "open;") + std::to_string(t.comments.empty() ? 0 : t.comments.back().id);
}

bool may_comment(const User& u) { return may(u, Right::comment); }

bool may_resolve(const User& u, const CommentThread& t) {
  return may_approve(u) || (t.started_by == u.id && may_comment(u));
}

}  // namespace toteuma
