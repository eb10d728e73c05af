#include "web/comment_pages.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/i18n.h"
#include "core/text.h"
#include "document/markdown.h"
#include "render/document_html.h"
#include "web/form_parts.h"

namespace toteuma::web {

namespace {

std::string e(std::string_view s) { return html_escape(s); }
std::string lc(Lang l) { return std::string(lang_code(l)); }

const Goal* find_goal(const Dataset& d, const std::string& id) {
  for (const auto& g : d.goals.goals)
    if (g.id == id) return &g;
  return nullptr;
}

std::string unit_name(const Dataset& d, const std::string& unit, Lang lang) {
  const UnitVersion* u = latest_version(d, unit);
  return u ? u->name.shown(lang) : unit;
}

// A page the forms may send the user back to: a path of this site in a language, nothing else.
bool local_back(const std::string& back) {
  return (back.rfind("/fi/", 0) == 0 || back.rfind("/sv/", 0) == 0) && back.find("//") == std::string::npos &&
         back.find_first_of("\\\r\n#") == std::string::npos;
}

std::string first_words(const std::string& text, std::size_t max_bytes) {
  std::string one = text.substr(0, text.find('\n'));
  if (one.size() <= max_bytes) return one;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(one[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return one.substr(0, cut) + "…";
}

std::string thread_summary(const CommentThread& t, Lang lang) {
  return fmt::format(fmt::runtime(tr("comment.count", lang)), t.comments.size()) + ", " +
         tr(t.resolved() ? "comment.state.resolved" : "comment.state.open", lang);
}

}  // namespace

std::string comment_anchor(const CommentTarget& t) {
  std::string id = "comments-" + to_string(t.on) + "-" + t.key;
  for (char& ch : id)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_')) ch = '-';
  return id;
}

std::optional<std::string> target_unit(AppState& state, const Snapshot& snap, const CommentTarget& t) {
  const Dataset& d = snap.d;
  auto k = split_nonempty(t.key, '/');
  if (t.on == CommentOn::goal) {
    const Goal* g = find_goal(d, t.key);
    return g ? std::optional(g->unit) : std::nullopt;
  }
  if (t.on == CommentOn::row) {
    if (k.size() != 3 || !d.has_unit(k[0]) || !d.chart.find(k[2])) return std::nullopt;
    return k[0];
  }
  if (k.size() != 4 || !known_document_kind(k[0]) || !d.has_unit(k[1])) return std::nullopt;
  int year = std::stoi(k[2]);  // four digits: make_target checked
  if (!d.org_on(Date{year, 1, 1}).find(k[1])) return std::nullopt;
  for (const auto& s : review_sections(state, snap, k[0], k[1], year, Lang::fi))
    if (s.id == k[3]) return k[1];
  return std::nullopt;
}

ActionResult add_comment(AppState& state, const User& u, const CommentTarget& t, const std::string& text) {
  if (!may_comment(u)) return result(Outcome::forbidden);
  if (!target_unit(state, *state.snapshot(), t)) return result(Outcome::invalid, msg("err.comment.bad_target", target_id(t)));
  try {
    state.with_workplace([&](WorkplaceStore& w) { return w.add_comment(u.id, t, text); });
  } catch (const StoreError& ex) {
    return result(Outcome::invalid, ex.message);
  }
  return {};
}

ActionResult resolve_comment_thread(AppState& state, const User& u, const CommentTarget& t, bool resolve, const std::string& seen) {
  if (!may_comment(u) && !may_approve(u)) return result(Outcome::forbidden);
  auto thread = comment_thread(state, t);
  if (!thread) return result(Outcome::invalid, msg("err.comment.no_thread", target_id(t)));
  if (resolve && !may_resolve(u, *thread)) return result(Outcome::forbidden);
  try {
    state.with_workplace([&](WorkplaceStore& w) { w.resolve_thread(u.id, t, resolve, seen); });
  } catch (const StaleChange& ex) {
    return {Outcome::stale, ex.message, ex.change, ex.current, {}, 0};
  } catch (const StoreError& ex) {
    return result(Outcome::invalid, ex.message);
  }
  return {};
}

std::vector<CommentThread> comment_threads(AppState& state, CommentOn on, const std::string& unit, const std::string& key_prefix) {
  return state.with_workplace([&](WorkplaceStore& w) { return w.comment_threads(on, unit, key_prefix); });
}

std::optional<CommentThread> comment_thread(AppState& state, const CommentTarget& t) {
  return state.with_workplace([&](WorkplaceStore& w) { return w.comment_thread(t); });
}

std::string comment_thread_html(const Ctx& c, const CommentTarget& t, const std::optional<CommentThread>& thread,
                                const std::string& label, const std::string& back, bool open) {
  const User& me = *c.viewer.user;
  std::string anchor = comment_anchor(t);
  std::string unit = key_unit(t).empty() ? (thread ? thread->unit : "") : key_unit(t);
  std::string action = fmt::format("/{}/unit/{}/comments", lc(c.lang), e(unit.empty() ? "-" : unit));
  if (t.on == CommentOn::goal && unit.empty()) {
    const Goal* g = find_goal(c.app().d, t.key);
    action = fmt::format("/{}/unit/{}/comments", lc(c.lang), e(g ? g->unit : "-"));
  }
  bool unresolved = thread && !thread->resolved();
  std::string out = fmt::format("<details class=\"comment-thread{}\" id=\"{}\"{}><summary>{}: {} <span class=\"thread-state\">({})</span></summary>\n",
                                unresolved ? " unresolved" : "", anchor, open || unresolved ? " open" : "", e(tr("comment.heading", c.lang)),
                                e(label), thread ? e(thread_summary(*thread, c.lang)) : e(tr("comment.none", c.lang)));
  auto hidden = [&](const std::string& what) {
    return fmt::format("{}<input type=\"hidden\" name=\"what\" value=\"{}\"><input type=\"hidden\" name=\"on\" value=\"{}\">"
                       "<input type=\"hidden\" name=\"key\" value=\"{}\"><input type=\"hidden\" name=\"back\" value=\"{}\">",
                       csrf_field(c), what, to_string(t.on), e(t.key), e(back));
  };
  if (thread) {
    out += "<ol class=\"comments\">\n";
    for (const Comment& cm : thread->comments)
      out += fmt::format("<li><p class=\"comment-meta\"><strong>{}</strong> <time datetime=\"{}\">{}</time></p><div class=\"comment-text\">{}</div></li>\n",
                         e(cm.author), e(cm.at), e(display_time(cm.at)), render_paragraphs_html(parse_markdown(cm.text), 4));
    out += "</ol>\n";
    std::string seen = fmt::format("<input type=\"hidden\" name=\"seen\" value=\"{}\">", e(thread_state(*thread)));
    if (thread->resolved()) {
      out += "<p class=\"resolved\">" +
             e(fmt::format(fmt::runtime(tr("comment.resolved_by", c.lang)), thread->resolved_by, display_time(thread->resolved_at))) + "</p>\n";
      if (may_comment(me))
        out += fmt::format("<form class=\"inline\" method=\"post\" action=\"{}\">{}{}<button type=\"submit\">{}<span class=\"visually-hidden\">: {}</span></button></form>\n",
                           action, hidden("reopen"), seen, e(tr("comment.reopen", c.lang)), e(label));
    } else if (may_resolve(me, *thread)) {
      out += fmt::format("<form class=\"inline\" method=\"post\" action=\"{}\">{}{}<button type=\"submit\">{}<span class=\"visually-hidden\">: {}</span></button></form>\n",
                         action, hidden("resolve"), seen, e(tr("comment.resolve", c.lang)), e(label));
    }
  }
  if (may_comment(me))
    out += fmt::format("<form class=\"comment-form\" method=\"post\" action=\"{}\">{}<p><label for=\"{}-text\">{}</label><br>"
                       "<textarea id=\"{}-text\" name=\"text\" rows=\"3\" maxlength=\"{}\" required></textarea></p>"
                       "<p><button type=\"submit\">{}<span class=\"visually-hidden\">: {}</span></button></p></form>\n",
                       action, hidden("add"), anchor, e(tr("comment.new", c.lang)), anchor, kMaxCommentChars,
                       e(tr("comment.add", c.lang)), e(label));
  return out + "</details>\n";
}

std::string unresolved_comments_html(const Ctx& c, const std::vector<CommentThread>& threads, const std::vector<ReviewSection>& sections,
                                     bool brief) {
  std::string items;
  int n = 0;
  for (const auto& t : threads) {
    if (t.resolved() || t.comments.empty()) continue;
    ++n;
    std::string section = t.target.key.substr(t.target.key.rfind('/') + 1), heading = section;
    for (const auto& s : sections)
      if (s.id == section) heading = s.heading;
    const Comment& last = t.comments.back();
    items += fmt::format("<li><a href=\"#{}\">{}</a>{}</li>\n", comment_anchor(t.target), e(heading),
                         brief ? "" : fmt::format(" – {} ({}): {}", e(last.author), e(display_time(last.at)), e(first_words(last.text, 200))) +
                                          (t.comments.size() > 1 ? " " + e(thread_summary(t, c.lang)) : ""));
  }
  if (n == 0) return "<p>" + e(tr("comment.unresolved_none", c.lang)) + "</p>\n";
  std::string intro = brief ? fmt::format(fmt::runtime(tr("comment.freeze_unresolved", c.lang)), n)
                            : fmt::format(fmt::runtime(tr("comment.unresolved_count", c.lang)), n);
  return "<p>" + e(intro) + "</p>\n<ul class=\"unresolved-comments\">\n" + items + "</ul>\n";
}

std::string goal_threads_html(const Ctx& c, const std::string& unit, int year, const std::string& back) {
  const Dataset& d = c.app().d;
  std::vector<const Goal*> goals;
  for (const auto& g : d.goals.goals)
    if (g.unit == unit && g.year == year) goals.push_back(&g);
  if (goals.empty()) return "";
  std::sort(goals.begin(), goals.end(), [](const Goal* a, const Goal* b) { return a->position < b->position; });
  std::map<std::string, CommentThread> by_goal;
  for (auto& t : comment_threads(c.state, CommentOn::goal, unit, "")) by_goal[t.target.key] = std::move(t);
  std::string out = "<section class=\"goal-comments\" aria-labelledby=\"goal-comments-h\"><h2 id=\"goal-comments-h\">" +
                    e(tr("comment.goal_heading", c.lang)) + "</h2>\n";
  for (const Goal* g : goals) {
    auto it = by_goal.find(g->id);
    out += comment_thread_html(c, {CommentOn::goal, g->id}, it == by_goal.end() ? std::nullopt : std::optional(it->second),
                               first_words(g->text.shown(c.lang), 80), back);
  }
  return out + "</section>\n";
}

std::string row_comments_html(const Ctx& c, const std::string& unit, int year, const std::vector<std::pair<std::string, std::string>>& rows) {
  const Dataset& d = c.app().d;
  std::string list;
  for (const auto& t : comment_threads(c.state, CommentOn::row, unit, fmt::format("{}/{}/", unit, year))) {
    std::string line = t.target.key.substr(t.target.key.rfind('/') + 1);
    const Line* l = d.chart.find(line);
    list += fmt::format("<li><a href=\"/{}/unit/{}/comments?year={}&amp;line={}\">{}</a> ({})</li>\n", lc(c.lang), e(unit), year, e(line),
                        e(l ? l->name.shown(c.lang) : line), e(thread_summary(t, c.lang)));
  }
  std::string options;
  for (const auto& [line, label] : rows) options += fmt::format("<option value=\"{}\">{}</option>", e(line), e(label));
  std::string out = "<section class=\"row-comments\" aria-labelledby=\"row-comments-h\"><h2 id=\"row-comments-h\">" +
                    e(tr("comment.row_heading", c.lang)) + "</h2>\n";
  out += list.empty() ? "<p>" + e(tr("comment.none", c.lang)) + "</p>\n" : "<ul>\n" + list + "</ul>\n";
  if (!options.empty())
    out += fmt::format("<form method=\"get\" action=\"/{}/unit/{}/comments\"><input type=\"hidden\" name=\"year\" value=\"{}\">"
                       "<label for=\"row-comment-line\">{}</label> <select id=\"row-comment-line\" name=\"line\">{}</select> "
                       "<button type=\"submit\">{}</button></form>\n",
                       lc(c.lang), e(unit), year, e(tr("comment.row_pick", c.lang)), options, e(tr("comment.row_open", c.lang)));
  return out + "</section>\n";
}

namespace {

// The target a request names: ?on=&key=, or a row's ?year=&line=, or ?goal=.
std::optional<CommentTarget> requested_target(const Ctx& c, const std::string& unit) {
  if (!c.q("on").empty()) {
    auto on = parse_comment_on(c.q("on"));
    return on ? make_target(*on, c.q("key")) : std::nullopt;
  }
  if (!c.q("line").empty()) return make_target(CommentOn::row, fmt::format("{}/{}/{}", unit, c.q("year"), c.q("line")));
  if (!c.q("goal").empty()) return make_target(CommentOn::goal, c.q("goal"));
  return std::nullopt;
}

// What a thread is on, in words, and where it is shown.
struct Place {
  std::string label, href;
};
Place place_of(const Ctx& c, const CommentTarget& t) {
  const Dataset& d = c.app().d;
  auto k = split_nonempty(t.key, '/');
  std::string l = lc(c.lang);
  if (t.on == CommentOn::row && k.size() == 3) {
    const Line* line = d.chart.find(k[2]);
    return {fmt::format("{} {} – {}", unit_name(d, k[0], c.lang), k[1], line ? line->name.shown(c.lang) : k[2]),
            fmt::format("/{}/unit/{}/comments?year={}&line={}", l, k[0], k[1], k[2])};
  }
  if (t.on == CommentOn::goal) {
    const Goal* g = find_goal(d, t.key);
    return {g ? first_words(g->text.shown(c.lang), 80) : t.key,
            g ? fmt::format("/{}/unit/{}/goals?year={}#{}", l, g->unit, g->year, comment_anchor(t)) : ""};
  }
  if (k.size() == 4)
    return {fmt::format("{} {} – {} – {}", tr("doc.kind." + k[0], c.lang), k[2], unit_name(d, k[1], c.lang), k[3]),
            fmt::format("/{}/unit/{}/review?doc={}&year={}#{}", l, k[1], k[0], k[2], comment_anchor(t))};
  return {t.key, ""};
}

http::Response stale_page(const Ctx& c, const CommentTarget& t, const std::string& back) {
  std::string body = "<h1>" + e(tr("comment.stale_title", c.lang)) + "</h1>\n<div class=\"error\" role=\"alert\"><p>" +
                     e(tr("comment.stale_text", c.lang)) + "</p></div>\n";
  body += comment_thread_html(c, t, comment_thread(c.state, t), place_of(c, t).label, back, true);
  body += fmt::format("<p><a href=\"{}\">{}</a></p>\n", e(back), e(tr("web.return", c.lang)));
  return page(c, tr("comment.stale_title", c.lang), body, "/" + lc(c.other()) + "/", 409);
}

http::Response comments_page(const Ctx& c, const std::string& unit) {
  const Dataset& d = c.app().d;
  std::string self = fmt::format("/{}/unit/{}/comments{}", lc(c.lang), unit, query_string(c.req));
  if (c.req.method == "POST") {
    auto form = form_fields(c.req);
    auto on = parse_comment_on(form["on"]);
    auto t = on ? make_target(*on, form["key"]) : std::nullopt;
    std::string back = local_back(form["back"]) ? form["back"] : self;
    if (!t) return bad_request(c.lang);
    const User& me = *c.viewer.user;
    std::string what = form["what"], notice;
    ActionResult r;
    if (what == "add") {
      r = add_comment(c.state, me, *t, form["text"]);
      notice = "commented";
    } else if (what == "resolve" || what == "reopen") {
      r = resolve_comment_thread(c.state, me, *t, what == "resolve", form["seen"]);
      notice = what == "resolve" ? "resolved" : "reopened";
    } else {
      return bad_request(c.lang);
    }
    if (r.outcome == Outcome::stale) return stale_page(c, *t, back);
    if (r.outcome != Outcome::ok) return outcome_page(c, r, back);
    return redirect(with_notice(back, notice) + "#" + comment_anchor(*t));
  }
  if (!d.has_unit(unit)) return not_found(c);
  std::string other = fmt::format("/{}/unit/{}/comments{}", lc(c.other()), unit, query_string(c.req));
  std::string back_link = fmt::format("<p><a href=\"/{}/unit/{}\">{}</a></p>\n", lc(c.lang), e(unit), e(tr("web.back", c.lang)));
  bool asked = !c.q("on").empty() || !c.q("line").empty() || !c.q("goal").empty();
  if (asked) {
    auto t = requested_target(c, unit);
    if (!t) return bad_request(c.lang);
    auto owner = target_unit(c.state, c.app(), *t);
    if (!owner) return not_found(c);
    Place p = place_of(c, *t);
    std::string body = fmt::format("<h1>{}</h1>\n<p>{}</p>\n", e(tr("comment.page_title", c.lang)), e(p.label));
    body += back_link + comment_thread_html(c, *t, comment_thread(c.state, *t), p.label, self, true);
    return page(c, tr("comment.page_title", c.lang), body, other, 200, unit);
  }
  // The unit's threads, open ones first.
  std::vector<CommentThread> all;
  for (CommentOn on : {CommentOn::section, CommentOn::row, CommentOn::goal})
    for (auto& t : comment_threads(c.state, on, unit, "")) all.push_back(std::move(t));
  std::stable_sort(all.begin(), all.end(), [](const CommentThread& a, const CommentThread& b) { return !a.resolved() && b.resolved(); });
  std::string body = fmt::format("<h1>{}</h1>\n<h2>{}</h2>\n", e(unit_name(d, unit, c.lang)), e(tr("comment.unit_list", c.lang)));
  body += back_link;
  if (all.empty()) body += "<p>" + e(tr("comment.none", c.lang)) + "</p>\n";
  else body += "<ul class=\"comment-list\">\n";
  for (const auto& t : all) {
    Place p = place_of(c, t.target);
    body += fmt::format("<li><a href=\"{}\">{}</a>: {} ({})</li>\n", e(p.href), e(tr("comment.on." + to_string(t.target.on), c.lang)),
                        e(p.label), e(thread_summary(t, c.lang)));
  }
  if (!all.empty()) body += "</ul>\n";
  return page(c, tr("comment.unit_list", c.lang), body, other, 200, unit);
}

}  // namespace

std::optional<http::Response> route_comment_pages(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() == 4 && parts[1] == "unit" && parts[3] == "comments") return comments_page(c, parts[2]);
  return std::nullopt;
}

}  // namespace toteuma::web
