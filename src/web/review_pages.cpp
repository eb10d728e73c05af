#include "web/review_pages.h"

#include <fmt/format.h>

#include <map>

#include "core/access.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "document/builder.h"
#include "document/template.h"
#include "render/document_output.h"
#include "render/pdf.h"

namespace toteuma::web {

namespace {

std::string e(std::string_view s) { return html_escape(s); }
std::string lc(Lang l) { return std::string(lang_code(l)); }
std::string csrf_field(const Ctx& c) { return "<input type=\"hidden\" name=\"csrf\" value=\"" + e(c.viewer.csrf) + "\">"; }

bool known_doc(const std::string& kind) {
  return std::find(document_kinds().begin(), document_kinds().end(), kind) != document_kinds().end();
}

// The editor of the unit (any of its texts or goals) may say a section is ready.
bool may_mark_ready(const User& u, const Dataset& d, const std::string& unit, int year) {
  return may_approve(u) || may_edit_goals(u, d, unit, year) || may_edit_text(u, d, unit, year, Lang::fi) ||
         may_edit_text(u, d, unit, year, Lang::sv);
}

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

std::string versions_table(const Ctx& c, const std::vector<DocumentVersion>& vs, const std::string& base, bool with_publish,
                           const std::string& action) {
  const Dataset& d = c.app().d;
  std::string out = fmt::format("<table class=\"versions\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
                                e(tr("web.versions", c.lang)), e(tr("web.document", c.lang)), e(tr("web.version", c.lang)), e(tr("web.approved", c.lang)),
                                e(tr("web.published", c.lang)), e(tr("web.content_hash", c.lang)), e(tr("web.downloads", c.lang)));
  for (const auto& v : vs) {
    std::string published = v.published_at.empty() ? "—" : e(v.published_at) + " " + e(v.published_by);
    if (v.published_at.empty() && with_publish)
      published = fmt::format("<form method=\"post\" action=\"{}\">{}<input type=\"hidden\" name=\"what\" value=\"publish\"><input type=\"hidden\" name=\"version\" value=\"{}\"><button type=\"submit\">{}</button></form>",
                              e(action), csrf_field(c), v.id, e(tr("web.publish", c.lang)));
    out += fmt::format("<tr><td>{} {} – {}</td><td>{}</td><td>{} {}</td><td>{}</td><td><code title=\"{}\">{}</code></td><td>{}</td></tr>\n",
                       e(tr("doc.kind." + v.doc, c.lang)), v.year, e(unit_name(d, v.unit, c.lang)), v.number, e(v.approved_at), e(v.approved_by),
                       published, e(v.content_hash), e(v.content_hash.substr(0, 12)), version_links(c, v, base));
  }
  return out + "</tbody></table>\n";
}

// The document as it stands, in both languages and every format but PDF (printed on first request).
std::vector<VersionFile> render_version(const Snapshot& s, const std::string& kind, const std::string& unit, int year) {
  std::vector<VersionFile> files;
  for (Lang l : {Lang::fi, Lang::sv}) {
    doc::Document d = build_document(s.ledger, template_for(s.d, kind), {unit, year, l, today()});
    for (const char* f : {"html", "docx", "xlsx"}) files.push_back({lc(l), f, render_document(d, f)});
  }
  return files;
}

http::Response review_page(const Ctx& c, const std::string& unit) {
  const Dataset& d = c.app().d;
  std::string kind = c.q("doc", "annual-report");
  auto year = parse_year(c.q("year"));
  if (!year || !known_doc(kind)) return bad_request(c.lang);
  if (!d.has_unit(unit) || !d.org_on(Date{*year, 1, 1}).find(unit)) return not_found(c);
  const User& me = *c.viewer.user;
  std::string self = fmt::format("/{}/unit/{}/review?doc={}&year={}", lc(c.lang), unit, kind, *year);
  doc::Document docu = build_document(c.app().ledger, template_for(d, kind), {unit, *year, c.lang, today()});
  auto statuses = c.state.with_workplace([&](WorkplaceStore& w) { return w.section_statuses(kind, unit, *year); });
  std::map<std::string, SectionStatus> by_id;
  for (auto& s : statuses) by_id[s.section] = s;
  auto state_of = [&](const std::string& id) { return by_id.count(id) ? by_id[id].state : SectionState::draft; };

  if (c.req.method == "POST") {
    auto form = c.req.form();
    std::string what = form["what"];
    if (what == "state") {
      auto to = parse_section_state(form["state"]);
      bool known = false;
      for (const auto& s : docu.sections) known = known || (s.level <= 2 && s.id == form["section"]);
      if (!to || !known) return bad_request(c.lang);
      // ready (or back to draft) is the unit's call; approving, or reopening an approved section, the approver's.
      bool allowed = *to == SectionState::approved || state_of(form["section"]) == SectionState::approved
                         ? may_approve(me) : may_mark_ready(me, d, unit, *year);
      if (!allowed) return forbidden(c);
      c.state.with_workplace([&](WorkplaceStore& w) {
        w.set_section_state(me.id, SectionStatus{kind, unit, *year, form["section"], *to, me.id, ""});
      });
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
        try {
          c.state.with_workplace([&](WorkplaceStore& w) { w.publish(me.id, id); });
        } catch (const StoreError&) {
          return bad_request(c.lang);
        }
        return redirect(self + "&notice=published");
      }
      for (const auto& s : docu.sections)
        if (s.level <= 2 && state_of(s.id) != SectionState::approved) return redirect(self + "&notice=not_approved");
      std::lock_guard write(c.state.write_mutex());  // no edit slips in between render and freeze
      auto snap = c.state.snapshot();
      auto files = render_version(*snap, kind, unit, *year);
      c.state.with_workplace([&](WorkplaceStore& w) { w.freeze(me.id, kind, unit, *year, std::move(files)); });
      return redirect(self + "&notice=frozen");
    }
    return bad_request(c.lang);
  }

  std::string body = fmt::format("<h1>{}</h1>\n<h2>{}: {}</h2>\n<p><a href=\"/{}/unit/{}/texts?year={}\">{}</a> · <a href=\"/{}/unit/{}/document?doc={}&amp;year={}&amp;format=html\">{}</a></p>\n",
                                 e(unit_name(d, unit, c.lang)), e(tr("web.review", c.lang)), e(docu.title), lc(c.lang), e(unit),
                                 kind == "annual-report" ? *year : *year - 1, e(tr("web.texts", c.lang)), lc(c.lang), e(unit), kind, *year,
                                 e(tr("web.open_document", c.lang)));
  body += fmt::format("<table class=\"review\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
                      e(tr("web.sections", c.lang)), e(tr("web.section", c.lang)), e(tr("web.state", c.lang)), e(tr("web.who", c.lang)),
                      e(tr("web.actions", c.lang)));
  bool all_approved = true;
  for (const auto& s : docu.sections) {
    if (s.level > 2) continue;
    SectionState st = state_of(s.id);
    all_approved = all_approved && st == SectionState::approved;
    std::string buttons;
    auto button = [&](SectionState to, const std::string& label) {
      buttons += fmt::format("<form class=\"inline\" method=\"post\" action=\"{}\">{}<input type=\"hidden\" name=\"what\" value=\"state\"><input type=\"hidden\" name=\"section\" value=\"{}\"><input type=\"hidden\" name=\"state\" value=\"{}\"><button type=\"submit\">{}<span class=\"visually-hidden\">: {}</span></button></form> ",
                             e(self), csrf_field(c), e(s.id), to_string(to), e(label), e(s.heading));
    };
    if (st == SectionState::draft && may_mark_ready(me, d, unit, *year)) button(SectionState::ready, tr("web.mark_ready", c.lang));
    if (st == SectionState::ready && may_approve(me)) button(SectionState::approved, tr("web.approve", c.lang));
    if (st == SectionState::ready && may_mark_ready(me, d, unit, *year)) button(SectionState::draft, tr("web.back_to_draft", c.lang));
    if (st == SectionState::approved && may_approve(me)) button(SectionState::draft, tr("web.reopen", c.lang));
    std::string who = by_id.count(s.id) ? by_id[s.id].by + " " + by_id[s.id].at : "";
    body += fmt::format("<tr><th scope=\"row\"><a href=\"/{}/unit/{}/document?doc={}&amp;year={}&amp;format=html#{}\">{}</a></th><td class=\"state-{}\">{}</td><td>{}</td><td>{}</td></tr>\n",
                        lc(c.lang), e(unit), kind, *year, e(s.id), e(s.heading), to_string(st), e(state_name(st, c.lang)), e(who), buttons);
  }
  body += "</tbody></table>\n";
  if (may_approve(me)) {
    if (all_approved)
      body += fmt::format("<form method=\"post\" action=\"{}\">{}<input type=\"hidden\" name=\"what\" value=\"freeze\"><p><button type=\"submit\">{}</button></p></form>\n",
                          e(self), csrf_field(c), e(tr("web.freeze", c.lang)));
    else
      body += "<p>" + e(tr("web.freeze_needs_approval", c.lang)) + "</p>\n";
  }
  auto all = c.state.with_workplace([&](WorkplaceStore& w) { return w.versions(false); });
  std::vector<DocumentVersion> mine;
  for (auto& v : all)
    if (v.doc == kind && v.unit == unit && v.year == *year) mine.push_back(std::move(v));
  if (!mine.empty()) body += versions_table(c, mine, "/" + lc(c.lang) + "/versions", may_approve(me), self);
  return page(c, tr("web.review", c.lang), body, fmt::format("/{}/unit/{}/review?doc={}&year={}", lc(c.other()), e(unit), kind, *year), 200, unit);
}

// A frozen version's file: HTML shown, others downloaded; the PDF is printed from the frozen
// HTML the first time it is asked for and kept with the version.
http::Response version_file(const Ctx& c, const std::string& id_s, bool published_only) {
  std::int64_t id = 0;
  try {
    id = std::stoll(id_s);
  } catch (const std::exception&) {
    return not_found(c);
  }
  auto v = c.state.with_workplace([&](WorkplaceStore& w) { return w.version(id); });
  if (!v || (published_only && v->published_at.empty())) return not_found(c);
  std::string text = c.q("text", lc(c.lang)), format = c.q("format", "html");
  if (!parse_lang(text) || !is_document_format(format)) return bad_request(c.lang);
  auto find = [&](const std::string& f) -> const VersionFile* {
    for (const auto& file : v->files)
      if (file.lang == text && file.format == f) return &file;
    return nullptr;
  };
  const VersionFile* file = find(format);
  std::string bytes;
  if (file) {
    bytes = file->bytes;
  } else if (format == "pdf" && find("html")) {
    std::string html = find("html")->bytes;
    bytes = render_pdf([&](const AnchorPages&) { return html; });
    c.state.with_workplace([&](WorkplaceStore& w) { w.add_version_file(id, {text, "pdf", bytes}); });
  } else {
    return not_found(c);
  }
  http::Response r{200, document_media_type(format), std::move(bytes), {}};
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
