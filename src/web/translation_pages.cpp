#include "web/translation_pages.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "core/date.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/workplace/access.h"
#include "core/workplace/calendar.h"
#include "core/workplace/translation.h"
#include "document/markdown.h"
#include "document/template.h"
#include "render/document_html.h"
#include "web/actions.h"

namespace toteuma::web {

namespace {

std::string e(std::string_view s) { return html_escape(s); }
std::string lc(Lang l) { return std::string(lang_code(l)); }
std::string language_name(Lang l, Lang reader) { return tr("audit.lang." + lc(l), reader); }

bool is_space(char ch) { return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r'; }

// The languages whose texts a user's queue lists: a translator's own; an administrator's, an
// approver's and everyone else's every language (nullopt).
std::optional<std::vector<Lang>> queue_languages(const User& u) {
  if (is_admin(u) || may_approve(u)) return std::nullopt;
  std::vector<Lang> out;
  for (const Grant& g : u.grants)
    if (g.role == Role::translator && g.lang) out.push_back(*g.lang);
  if (out.empty()) return std::nullopt;
  return out;
}

// Where a task is edited and by when: the document kind whose template asks for its section with
// the earliest deadline in the annual clock (else the first such kind, without a deadline).
struct Placement {
  std::string doc;  // "" when no document prints the section
  const CalendarItem* deadline = nullptr;
};

class Placer {
 public:
  explicit Placer(const Dataset& d) : d_(d) {
    for (const auto& kind : document_kinds()) kinds_.emplace_back(kind, narrative_kinds(d, kind));
  }
  Placement place(const TranslationTask& t) const {
    Placement p;
    const std::string& municipality = d_.municipality_of(t.unit).id;
    for (const auto& [kind, sections] : kinds_) {
      if (std::find(sections.begin(), sections.end(), t.section) == sections.end()) continue;
      const CalendarItem* item = deadline_for(d_.calendar, municipality, kind, t.section, t.year);
      if (p.doc.empty() || (item && (!p.deadline || item->deadline < p.deadline->deadline))) p = {kind, item};
    }
    return p;
  }

 private:
  const Dataset& d_;
  std::vector<std::pair<std::string, std::vector<std::string>>> kinds_;
};

std::string edit_href(Lang reader, const TranslationTask& t, const std::string& doc) {
  return fmt::format("/{}/unit/{}/narrative?doc={}&amp;year={}&amp;section={}&amp;text={}", lc(reader), e(t.unit), e(doc), t.year,
                     e(t.section), lc(t.lang));
}

http::Response queue_page(const Ctx& c) {
  const Dataset& d = c.app().d;
  const User& me = *c.viewer.user;
  auto langs = queue_languages(me);
  std::vector<TranslationTask> tasks;
  if (!langs) {
    tasks = translation_tasks(d);
  } else {
    for (Lang l : *langs)
      for (auto& t : translation_tasks(d, l)) tasks.push_back(std::move(t));
  }
  Placer placer(d);
  std::vector<std::pair<TranslationTask, Placement>> rows;
  for (auto& t : tasks) {
    Placement p = placer.place(t);
    rows.emplace_back(std::move(t), p);
  }
  // Overdue first: by deadline, the ones without a deadline last.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    const CalendarItem *x = a.second.deadline, *y = b.second.deadline;
    if (!x || !y) return x && !y;
    return x->deadline < y->deadline;
  });
  std::string title = tr("translations.title", c.lang);
  std::string who;
  if (langs) {
    for (Lang l : *langs) who += (who.empty() ? "" : ", ") + language_name(l, c.lang);
  }
  std::string body = "<h1>" + e(title) + "</h1>\n<p>" +
                     e(langs ? fmt::format(fmt::runtime(tr("translations.intro_lang", c.lang)), who) : tr("translations.intro_all", c.lang)) +
                     "</p>\n";
  if (rows.empty()) {
    body += "<p class=\"notice\" role=\"status\">" + e(tr("translations.none", c.lang)) + "</p>\n";
    return page(c, title, body, fmt::format("/{}/translations", lc(c.other())));
  }
  const Date now = today();
  body += fmt::format(
      "<div class=\"wide\"><table class=\"translations\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>"
      "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
      e(fmt::format(fmt::runtime(tr("translations.caption", c.lang)), rows.size())), e(tr("translations.col.text", c.lang)),
      e(tr("translations.col.lang", c.lang)), e(tr("translations.col.state", c.lang)), e(tr("translations.col.deadline", c.lang)));
  for (const auto& [t, p] : rows) {
    const UnitVersion* u = latest_version(d, t.unit);
    std::string name = fmt::format("{} – {} {}", u ? u->name.shown(c.lang) : t.unit, narrative_name(t.section, c.lang), t.year);
    body += "<tr><th scope=\"row\">";
    if (!p.doc.empty() && may_edit_text(me, d, t.unit, t.year, t.lang))
      body += fmt::format("<a href=\"{}\">{}</a>", edit_href(c.lang, t, p.doc), e(name));
    else
      body += e(name);
    body += "</th><td>" + e(language_name(t.lang, c.lang)) + "</td><td>";
    if (t.state == TranslationState::missing) {
      body += e(tr("translations.missing", c.lang));
    } else {
      body += "<strong>" + e(tr("translations.outdated", c.lang)) + "</strong>";
      body += fmt::format("<details><summary>{}</summary>{}</details>", e(tr("translations.change", c.lang)),
                          word_diff_html(word_diff(t.translation->source_seen.value_or(""), t.source->markdown), c.lang));
    }
    body += "</td><td>";
    if (p.deadline) {
      body += e(to_display(p.deadline->deadline));
      if (p.deadline->deadline < now) body += " <strong class=\"overdue\">" + e(tr("translations.overdue", c.lang)) + "</strong>";
    } else {
      body += e(tr("translations.no_deadline", c.lang));
    }
    body += "</td></tr>\n";
  }
  body += "</tbody></table></div>\n";
  return page(c, title, body, fmt::format("/{}/translations", lc(c.other())));
}

}  // namespace

std::string word_diff_html(const std::vector<DiffPart>& parts, Lang reader) {
  std::string out = "<p class=\"word-diff\">";
  char last = ' ';
  for (const auto& p : parts) {
    if (p.text.empty()) continue;
    // Two runs that meet without a space (a word moved to the end) are kept apart on the screen.
    if (!is_space(last) && !is_space(p.text.front())) out += ' ';
    last = p.text.back();
    if (p.op == DiffOp::same) {
      out += e(p.text);
      continue;
    }
    const char* tag = p.op == DiffOp::del ? "del" : "ins";
    out += fmt::format("<{0}><span class=\"visually-hidden\">{1}</span>{2}</{0}>", tag,
                       e(tr(p.op == DiffOp::del ? "translations.deleted" : "translations.inserted", reader)), e(p.text));
  }
  return out + "</p>";
}

std::string outdated_marker(const Dataset& d, const Narrative* n, Lang reader) {
  if (!n || !is_outdated(d, *n)) return "";
  return " – <strong class=\"outdated\">" + e(tr("web.text_outdated", reader)) + "</strong>";
}

std::string source_change_html(const Dataset& d, const Narrative* translation, Lang reader) {
  if (!translation || !is_outdated(d, *translation)) return "";
  const Narrative* source = source_of(d, *translation);
  std::string out = fmt::format(
      "<section class=\"source-change\" aria-labelledby=\"source-change\">\n<h3 id=\"source-change\">{}</h3>\n<p class=\"hint\">{}</p>\n"
      "<div class=\"side-by-side\">\n<div><h4>{}</h4><div lang=\"{}\">{}</div></div>\n",
      e(fmt::format(fmt::runtime(tr("translations.changed_heading", reader)), language_name(source->lang, reader))),
      e(tr("translations.diff_hint", reader)), e(tr("translations.change", reader)), lc(source->lang),
      word_diff_html(word_diff(translation->source_seen.value_or(""), source->markdown), reader));
  out += fmt::format("<div><h4>{}</h4><div class=\"old-translation\" lang=\"{}\">{}</div></div>\n</div>\n</section>\n",
                     e(fmt::format(fmt::runtime(tr("translations.old_translation", reader)), language_name(translation->lang, reader))),
                     lc(translation->lang), render_paragraphs_html(parse_markdown(translation->markdown), 5));
  return out;
}

bool sees_translation_queue(const User& u) {
  if (is_admin(u) || may_approve(u)) return true;
  return std::any_of(u.grants.begin(), u.grants.end(), [](const Grant& g) { return g.role == Role::translator; });
}

std::optional<http::Response> route_translation_pages(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() == 2 && parts[1] == "translations" && c.req.method == "GET") return queue_page(c);
  return std::nullopt;
}

}  // namespace toteuma::web
