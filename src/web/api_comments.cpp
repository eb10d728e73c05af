#include "web/api_comments.h"

#include "web/api_json.h"
#include "web/comment_pages.h"

namespace toteuma::web {

namespace {

using namespace api_json;

json thread_json(const CommentThread& t) {
  json comments = json::array();
  for (const Comment& c : t.comments) comments.push_back({{"id", c.id}, {"author", c.author}, {"at", c.at}, {"text", c.text}});
  return {{"id", target_id(t.target)},
          {"on", to_string(t.target.on)},
          {"key", t.target.key},
          {"unit", t.unit},
          {"started_by", t.started_by},
          {"started_at", t.started_at},
          {"resolved", t.resolved() ? json{{"by", t.resolved_by}, {"at", t.resolved_at}} : json(nullptr)},
          {"state", thread_state(t)},
          {"comments", comments}};
}

}  // namespace

http::Response api_comments(AppState& state, const http::Request& req, const Snapshot& snap, const User& u, Lang lang,
                            const std::string& unit) {
  if (!snap.d.has_unit(unit)) return error(lang, 404, "not_found", msg("err.unknown_unit", unit));
  if (req.method == "GET") {
    auto q = req.query.find("on");
    std::optional<CommentOn> only = q == req.query.end() ? std::nullopt : parse_comment_on(q->second);
    if (q != req.query.end() && !only) return error(lang, 400, "invalid", msg("err.comment.bad_target", q->second));
    json out = json::array();
    for (CommentOn on : {CommentOn::section, CommentOn::row, CommentOn::goal})
      if (!only || *only == on)
        for (const auto& t : comment_threads(state, on, unit, "")) out.push_back(thread_json(t));
    return reply(200, {{"unit", unit}, {"threads", out}});
  }
  http::Response bad;
  auto body = body_object(req, lang, bad);
  if (!body) return bad;
  auto on = parse_comment_on(str(*body, "on").value_or(""));
  auto t = on ? make_target(*on, str(*body, "key").value_or("")) : std::nullopt;
  if (!t) return error(lang, 400, "invalid", msg("err.comment.bad_target", str(*body, "key").value_or("")));
  ActionResult r;
  if (body->contains("resolve")) {
    if (!(*body)["resolve"].is_boolean()) return error(lang, 400, "invalid", msg("err.comment.bad_target", target_id(*t)));
    r = resolve_comment_thread(state, u, *t, (*body)["resolve"].get<bool>(), str(*body, "before").value_or(""));
  } else {
    r = add_comment(state, u, *t, str(*body, "text").value_or(""));
  }
  if (r.outcome == Outcome::stale) r.refused = {"comment_thread", target_id(*t), r.refused.before, r.refused.after};
  auto now = comment_thread(state, *t);
  return outcome_reply(lang, r, now ? thread_json(*now) : json(nullptr));
}

}  // namespace toteuma::web
