#include "web/review_pages.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/workplace/access.h"
#include "core/i18n.h"
#include "core/text.h"
#include "render/document_output.h"
#include "web/pdf_jobs.h"
#include "web/actions.h"
#include "web/comment_pages.h"
#include "web/form_parts.h"

namespace toteuma::web {

namespace {

std::string e(std::string_view s) { return html_escape(s); }
std::string lc(Lang l) { return std::string(lang_code(l)); }

std::string state_name(SectionState s, Lang lang) { return tr("web.state." + to_string(s), lang); }

std::string unit_name(const Dataset& d, const std::string& unit, Lang lang) {
  const UnitVersion* u = latest_version(d, unit);
  return u ? u->name.shown(lang) : unit;
}

std::string version_links(const Ctx& c, const DocumentVersion& v, const std::string& base) {
  std::string out;
  for (Lang l : {Lang::fi, Lang::sv})
    for (const char* f : {"html", "pdf", "docx", "xlsx"})
      out += fmt::format("<a href=\"{}/{}?text={}&amp;format={}\" hreflang=\"{}\">{} {}</a> ", base, v.id, lc(l), f, lc(l),
                         std::string(f) == "html" ? "HTML" : std::string(f) == "pdf" ? "PDF" : std::string(f) == "docx" ? "Word" : "Excel",
                         lc(l));
  (void)c;
  return out;
}

// `with_publish`: the approver's view (publish buttons, who approved); the public list shows no login names.
std::string versions_table(const Ctx& c, const std::vector<DocumentVersion>& vs, const std::string& base, bool with_publish,
                           const std::string& action) {
  const Dataset& d = c.app().d;
  std::string out = fmt::format("<table class=\"versions\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
                                e(tr("web.versions", c.lang)), e(tr("web.document", c.lang)), e(tr("web.version", c.lang)), e(tr("web.approved", c.lang)),
                                e(tr("web.check_errors", c.lang)), e(tr("web.published", c.lang)), e(tr("web.content_hash", c.lang)),
                                e(tr("web.downloads", c.lang)));
  for (const auto& v : vs) {
    bool people = c.viewer.logged_in();
    std::string published = v.published_at.empty() ? "—" : e(display_time(v.published_at)) + (people ? " " + e(v.published_by) : "");
    if (v.published_at.empty() && with_publish)
      published = fmt::format("<form method=\"post\" action=\"{}\">{}<input type=\"hidden\" name=\"what\" value=\"publish\"><input type=\"hidden\" name=\"version\" value=\"{}\"><button type=\"submit\">{}</button></form>",
                              e(action), csrf_field(c), v.id, e(tr("web.publish", c.lang)));
    // Approved despite check errors: the count and the approver's reason, for every reader.
    std::string checks = v.check_errors == 0 ? tr("web.no_check_errors", c.lang)
                                             : fmt::format(fmt::runtime(tr("web.check_errors_ack", c.lang)), v.check_errors, v.check_reason);
    out += fmt::format("<tr><td>{} {} – {}</td><td>{}</td><td>{} {}</td><td class=\"checks\">{}</td><td>{}</td><td><code title=\"{}\">{}</code></td><td>{}</td></tr>\n",
                       e(tr("doc.kind." + v.doc, c.lang)), v.year, e(unit_name(d, v.unit, c.lang)), v.number, e(display_time(v.approved_at)), people ? e(v.approved_by) : "",
                       e(checks), published, e(v.content_hash), e(v.content_hash.substr(0, 12)), version_links(c, v, base));
  }
  return out + "</tbody></table>\n";
}

// "Avautui uudelleen muutoksesta: teksti kanslia/2024/risks/fi" (the edit's changes, one a line).
std::string reopened_text(const std::string& changes, Lang lang) {
  std::string list;
  for (const auto& line : split_nonempty(changes, '\n')) {
    auto space = line.find(' ');
    std::string entity = line.substr(0, space);
    list += (list.empty() ? "" : ", ") + tr("web.change." + entity, lang) + (space == std::string::npos ? "" : line.substr(space));
  }
  return fmt::format(fmt::runtime(tr("web.reopened_by", lang)), list);
}

// The approver's freeze button; with check errors in the document, a required reason first.
std::string freeze_form(const Ctx& c, const std::string& self, int check_errors, const std::string& unresolved) {
  std::string reason = unresolved;  // the unresolved comments: shown, they block nothing
  if (check_errors > 0)
    reason += fmt::format("<p>{}</p><p><label for=\"freeze-reason\">{}</label><br><textarea id=\"freeze-reason\" name=\"reason\" rows=\"3\" cols=\"70\" required></textarea></p>",
                         e(fmt::format(fmt::runtime(tr("web.freeze_reason_required", c.lang)), check_errors)), e(tr("web.freeze_reason", c.lang)));
  return fmt::format("<form method=\"post\" action=\"{}\">{}<input type=\"hidden\" name=\"what\" value=\"freeze\">{}<p><button type=\"submit\">{}</button></p></form>\n",
                     e(self), csrf_field(c), reason, e(tr("web.freeze", c.lang)));
}

// Why the freeze was refused: the drafts to accept (with links to them) or the missing reason.
http::Response freeze_refused(const Ctx& c, const ActionResult& r, const std::string& back) {
  const Dataset& d = c.app().d;
  std::string body = "<h1>" + e(tr("web.freeze_refused", c.lang)) + "</h1>\n<div class=\"error\" role=\"alert\"><p>";
  if (r.outcome == Outcome::drafts) {
    body += e(drafts_message(d, r.drafts, c.lang)) + "</p><ul>";
    for (const auto& t : r.drafts)
      for (Lang l : t.langs)
        body += fmt::format("<li><a href=\"/{}/unit/{}/narrative?doc={}&amp;year={}&amp;section={}&amp;text={}\">{} – {} ({})</a></li>", lc(c.lang),
                            e(t.unit), e(c.q("doc", "annual-report")), e(c.q("year")), e(t.section), lc(l), e(unit_name(d, t.unit, c.lang)),
                            e(narrative_name(t.section, c.lang)), lc(l));
    body += "</ul>";
  } else {
    body += e(fmt::format(fmt::runtime(tr("web.freeze_reason_required", c.lang)), r.check_errors)) + "</p>";
  }
  body += fmt::format("</div>\n<p><a href=\"{}\">{}</a></p>\n", e(back), e(tr("web.return", c.lang)));
  return page(c, tr("web.freeze_refused", c.lang), body, "/" + lc(c.other()) + "/", r.outcome == Outcome::drafts ? 409 : 400);
}

http::Response review_page(const Ctx& c, const std::string& unit) {
  const Dataset& d = c.app().d;
  std::string kind = c.q("doc", "annual-report");
  auto year = parse_year(c.q("year"));
  if (!year || !known_document_kind(kind)) return bad_request(c.lang);
  if (!d.has_unit(unit) || !d.org_on(Date{*year, 1, 1}).find(unit)) return not_found(c);
  const User& me = *c.viewer.user;
  std::string self = fmt::format("/{}/unit/{}/review?doc={}&year={}", lc(c.lang), unit, kind, *year);
  std::string title;
  auto sections = review_sections(c.state, c.app(), kind, unit, *year, c.lang, &title);

  if (c.req.method == "POST") {
    auto form = form_fields(c.req);
    std::string what = form["what"];
    if (what == "state") {
      auto to = parse_section_state(form["state"]);
      if (!to) return bad_request(c.lang);
      ActionResult r = set_section_state(c.state, me, sections, kind, unit, *year, form["section"], *to, form["comment"]);
      if (r.outcome == Outcome::invalid) return bad_request(c.lang);
      if (r.outcome == Outcome::forbidden) return forbidden(c);
      return redirect(self + "&notice=saved");
    }
    if (what == "freeze" || what == "publish") {
      if (!may_approve(me)) return forbidden(c);
      if (what == "publish") {
        std::int64_t id = 0;
        try {
          id = std::stoll(form["version"]);
        } catch (const std::exception&) {
          return bad_request(c.lang);
        }
        if (publish_version(c.state, me, id).outcome != Outcome::ok) return bad_request(c.lang);
        return redirect(self + "&notice=published");
      }
      DocumentVersion frozen;
      ActionResult r = freeze_version(c.state, me, sections, kind, unit, *year, form["reason"], &frozen);
      if (r.outcome == Outcome::not_approved) return redirect(self + "&notice=not_approved");
      if (r.outcome == Outcome::drafts || r.outcome == Outcome::reason_required) return freeze_refused(c, r, self);
      // The PDFs are printed now, on a background thread, and the answer waits for them; when
      // the queue is full they are printed on their first request instead.
      auto done = redirect(self + "&notice=frozen");
      auto later = pdf_later(c.state, pdf_reader(c.state, c.viewer, c.req), [&state = c.state, id = frozen.id, done] {
        print_version_pdfs(state, id);
        return done;
      });
      if (!later) return done;
      later->later_only_for_reader = false;  // printed even if the client has gone: the version needs them
      return *later;
    }
    return bad_request(c.lang);
  }

  std::string body = fmt::format("<h1>{}</h1>\n<h2>{}: {}</h2>\n<p><a href=\"/{}/unit/{}/texts?year={}\">{}</a> · <a href=\"/{}/unit/{}/document?doc={}&amp;year={}&amp;format=html\">{}</a></p>\n",
                                 e(unit_name(d, unit, c.lang)), e(tr("web.review", c.lang)), e(title), lc(c.lang), e(unit),
                                 kind == "annual-report" ? *year : *year - 1, e(tr("web.texts", c.lang)), lc(c.lang), e(unit), kind, *year,
                                 e(tr("web.open_document", c.lang)));
  auto threads = comment_threads(c.state, CommentOn::section, unit, fmt::format("{}/{}/{}/", kind, unit, *year));
  body += "<h2>" + e(tr("comment.unresolved_heading", c.lang)) + "</h2>\n" + unresolved_comments_html(c, threads, sections, false);
  body += fmt::format("<table class=\"review\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
                      e(tr("web.sections", c.lang)), e(tr("web.section", c.lang)), e(tr("web.state", c.lang)), e(tr("web.who", c.lang)),
                      e(tr("web.actions", c.lang)));
  bool all_approved = true;
  for (const auto& s : sections) {
    SectionState st = s.state;
    all_approved = all_approved && st == SectionState::approved;
    std::string buttons;
    auto button = [&](SectionState to, const std::string& label) {
      // Returning a section to draft takes an optional comment (it starts or continues the section's thread).
      std::string comment = to != SectionState::draft ? "" :
          fmt::format("<label for=\"return-{0}\">{1}</label><textarea id=\"return-{0}\" name=\"comment\" rows=\"2\"></textarea>",
                      e(s.id), e(tr("comment.return_comment", c.lang)));
      buttons += fmt::format("<form class=\"{}\" method=\"post\" action=\"{}\">{}<input type=\"hidden\" name=\"what\" value=\"state\"><input type=\"hidden\" name=\"section\" value=\"{}\"><input type=\"hidden\" name=\"state\" value=\"{}\">{}<button type=\"submit\">{}<span class=\"visually-hidden\">: {}</span></button></form> ",
                             comment.empty() ? "inline" : "return-form", e(self), csrf_field(c), e(s.id), to_string(to), comment, e(label), e(s.heading));
    };
    if (st == SectionState::draft && may_mark_ready(me, d, unit, *year)) button(SectionState::ready, tr("web.mark_ready", c.lang));
    if (st == SectionState::ready && may_approve(me)) button(SectionState::approved, tr("web.approve", c.lang));
    if (st == SectionState::ready && may_mark_ready(me, d, unit, *year)) button(SectionState::draft, tr("web.back_to_draft", c.lang));
    if (st == SectionState::approved && may_approve(me)) button(SectionState::draft, tr("web.reopen", c.lang));
    std::string who = s.by.empty() && s.at.empty() ? "" : e(s.by + " " + display_time(s.at));
    if (!s.reopened_by.empty()) who += "<br><span class=\"reopened\">" + e(reopened_text(s.reopened_by, c.lang)) + "</span>";
    body += fmt::format("<tr><th scope=\"row\"><a href=\"/{}/unit/{}/document?doc={}&amp;year={}&amp;format=html#{}\">{}</a></th><td class=\"state-{}\">{}</td><td>{}</td><td>{}</td></tr>\n",
                        lc(c.lang), e(unit), kind, *year, e(s.id), e(s.heading), to_string(st), e(state_name(st, c.lang)), who, buttons);
    CommentTarget target{CommentOn::section, fmt::format("{}/{}/{}/{}", kind, unit, *year, s.id)};
    auto thread = std::find_if(threads.begin(), threads.end(), [&](const CommentThread& t) { return t.target == target; });
    body += "<tr class=\"thread-row\"><td colspan=\"4\">" +
            comment_thread_html(c, target, thread == threads.end() ? std::nullopt : std::optional(*thread), s.heading, self) + "</td></tr>\n";
  }
  body += "</tbody></table>\n";
  auto all = c.state.with_workplace([&](WorkplaceStore& w) { return w.versions(false); });
  std::vector<DocumentVersion> mine;
  for (auto& v : all)
    if (v.doc == kind && v.unit == unit && v.year == *year) mine.push_back(std::move(v));
  // Frozen already: no section changed since the newest version was approved (an edit reopens them).
  bool frozen = !mine.empty();
  for (const auto& s : sections) frozen = frozen && s.at <= mine.front().approved_at;
  if (frozen && all_approved)
    body += "<p>" + e(fmt::format(fmt::runtime(tr("web.frozen_current", c.lang)), mine.front().number)) + "</p>\n";
  else if (may_approve(me) && all_approved)
    body += freeze_form(c, self, document_check_errors(c.app(), kind, unit, *year), unresolved_comments_html(c, threads, sections, true));
  else if (may_approve(me))
    body += "<p>" + e(tr("web.freeze_needs_approval", c.lang)) + "</p>\n";
  if (!mine.empty()) body += versions_table(c, mine, "/" + lc(c.lang) + "/versions", may_approve(me), self);
  return page(c, tr("web.review", c.lang), body, fmt::format("/{}/unit/{}/review?doc={}&year={}", lc(c.other()), e(unit), kind, *year), 200, unit);
}

// A frozen version's file: HTML shown, others downloaded. The PDF is printed at freeze time; one
// missing (that print failed) is printed from the frozen HTML on a background thread and kept.
http::Response version_file(const Ctx& c, const std::string& id_s, bool published_only, bool print = false) {
  std::int64_t id = 0;
  try {
    id = std::stoll(id_s);
  } catch (const std::exception&) {
    return not_found(c);
  }
  std::string text = c.q("text", lc(c.lang)), format = c.q("format", "html");
  if (!parse_lang(text) || !is_document_format(format)) {
    // An unknown version is "not found" whatever was asked of it.
    auto v = c.state.with_workplace([&](WorkplaceStore& w) { return w.version(id); });
    return !v || (published_only && v->published_at.empty()) ? not_found(c) : bad_request(c.lang);
  }
  auto file = web::version_file(c.state, id, text, format, published_only, print);
  if (!file) return not_found(c);
  if (file->needs_print)
    return pdf_later_or_busy(c, [&state = c.state, snap = c.snap, req = c.req, lang = c.lang, viewer = c.viewer, id_s,
                                 published_only] {
      Ctx later{state, snap, req, lang, viewer};
      return version_file(later, id_s, published_only, true);
    });
  const DocumentVersion* v = &file->version;
  http::Response r{200, document_media_type(format), std::move(file->bytes), {}};
  r.headers.emplace_back("X-Content-Hash", v->content_hash);
  if (format != "html")
    r.headers.emplace_back("Content-Disposition", fmt::format("attachment; filename=\"{}-{}-{}-v{}-{}.{}\"", v->doc, v->unit, v->year,
                                                              v->number, text, format));
  if (published_only) r.headers.emplace_back("Cache-Control", "public, max-age=300");
  return r;
}

http::Response public_list(const Ctx& c) {
  auto vs = c.state.with_workplace([&](WorkplaceStore& w) { return w.versions(true); });
  std::string body = "<h1>" + e(tr("web.public", c.lang)) + "</h1>\n<p>" + e(tr("web.public_intro", c.lang)) + "</p>\n";
  body += vs.empty() ? "<p>" + e(tr("web.public_none", c.lang)) + "</p>\n" : versions_table(c, vs, "/" + lc(c.lang) + "/public", false, "");
  return page(c, tr("web.public", c.lang), body, fmt::format("/{}/public", lc(c.other())));
}

}  // namespace

std::optional<http::Response> route_review_pages(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() == 4 && parts[1] == "unit" && parts[3] == "review") return review_page(c, parts[2]);
  if (parts.size() == 3 && parts[1] == "versions" && c.req.method == "GET") return version_file(c, parts[2], false);
  return std::nullopt;
}

std::optional<http::Response> route_public(const Ctx& c, const std::vector<std::string>& parts) {
  if (c.req.method != "GET") return std::nullopt;
  if (parts.size() == 2) return public_list(c);
  if (parts.size() == 3) return version_file(c, parts[2], true);
  return std::nullopt;
}

}  // namespace toteuma::web
