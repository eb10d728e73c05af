#include "web/proposal_sections.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/budgeting/proposal.h"
#include "core/dataset.h"
#include "core/documents/narratives.h"
#include "core/finance/ledger.h"
#include "core/format.h"
#include "core/workplace/access.h"
#include "document/markdown.h"
#include "document/template.h"
#include "render/document_html.h"
#include "web/budget_pages.h"
#include "web/form_parts.h"
#include "web/page_text.h"

namespace toteuma::web {

namespace {

using namespace page_text;

std::string money(std::optional<Cents> c) { return c ? format_euros(*c) : "–"; }

std::vector<const UnitVersion*> sub_units(const Dataset& d, const BudgetVersion& v, const std::string& unit) {
  return d.org_on(Date::first_of_year(v.year)).children(unit);
}

// The split's rows: the proposal's lines and any total a sub-unit holds as its own figure in the
// version (an area's plan kept as Henkilöstökulut), in chart order.
std::vector<const Line*> split_lines(const Dataset& d, const BudgetVersion& v, const std::vector<const UnitVersion*>& subs,
                                     const std::vector<const Line*>& lines) {
  std::set<std::string> wanted;
  for (const Line* l : lines) wanted.insert(l->id);
  for (const VersionFigure& f : d.budgeting.figures)
    if (f.version == v.id && std::any_of(subs.begin(), subs.end(), [&](const UnitVersion* s) { return s->id == f.unit; }))
      if (const Line* l = d.chart.find(f.line); l && l->in(Part::operating)) wanted.insert(l->id);
  std::vector<const Line*> out;
  for (const Line& l : d.chart.lines())
    if (wanted.count(l.id)) out.push_back(&l);
  return out;
}

// The field name of a sub-unit's figure (ids hold no dots).
std::string split_name(const std::string& sub, const std::string& line, int year) { return fmt::format("s.{}.{}.{}", sub, line, year); }

int split_year(const std::string& asked, const BudgetVersion& v) {
  auto y = parse_year(asked);
  return y && *y >= v.year && *y <= v.year + 2 ? *y : v.year;
}

std::string with_year(const std::string& self, int year) { return fmt::format("{}&year={}", self, year); }

std::string notice_html(const Ctx& c, const char* notice) {
  if (c.q("notice") != notice) return "";
  return "<p class=\"notice\" role=\"status\">" + e(tr((std::string("proposal.notice.") + notice).c_str(), c.lang)) + "</p>\n";
}

std::string split_html(const Ctx& c, const BudgetVersion& v, const UnitVersion& unit, const std::vector<const Line*>& lines, bool editing,
                       const std::string& state_field, const std::string& self) {
  const Dataset& d = c.app().d;
  auto subs = sub_units(d, v, unit.id);
  if (subs.empty()) return "";
  const int year = split_year(c.q("year"), v);
  Dataset vd = version_dataset(d, v);
  Ledger ledger(vd);
  OrgView org = d.org_on(Date::first_of_year(v.year));
  const std::string sc = version_scenario(year, v.year);

  std::string years;
  for (int y = v.year; y <= v.year + 2; ++y)
    years += y == year ? fmt::format(" <strong aria-current=\"page\">{}</strong>", y)
                       : fmt::format(" <a href=\"{}#split\">{}</a>", e(with_year(self, y)), y);
  std::string head = "<th scope=\"col\">" + e(tr("col.label", c.lang)) + "</th>";
  for (const UnitVersion* s : subs)
    head += fmt::format("<th scope=\"col\"><a href=\"/{}/unit/{}/proposal?version={}\">{}</a></th>", lc(c.lang), e(s->id),
                        e(http::url_encode(v.id)), e(s->name.shown(c.lang)));
  head += fmt::format("<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>", e(tr("proposal.split.col.sum", c.lang)),
                      e(tf("proposal.split.col.unit", c.lang, unit.name.shown(c.lang))), e(tr("proposal.split.col.difference", c.lang)));

  // One row per line: each sub-unit's own figure (an input while editing), their sum, the unit's
  // rolled-up figure and — where the unit's own figure wins over its sub-units' — the difference.
  // `derived`: the binding line, computed from the rows above (no figure of its own to win).
  int differing = 0;
  auto row_html = [&](const Line& l, bool input, bool derived) {
    std::string row = "<tr><th scope=\"row\">" + e(l.name.shown(c.lang)) + "</th>";
    for (const UnitVersion* s : subs) {
      auto rolled = ledger.value(org, s->id, l.id, sc);
      if (!input) {
        row += "<td class=\"num\">" + money(rolled) + "</td>";
        continue;
      }
      auto own = ledger.entered(s->id, l.id, sc);
      std::string name = split_name(s->id, l.id, year);
      row += fmt::format("<td>{0}<input id=\"f-{1}\" name=\"f_{1}\" value=\"{2}\" inputmode=\"decimal\" size=\"11\" aria-label=\"{3} – {4} {5}\">",
                         before_fields(name, own ? std::optional<std::string>(std::to_string(*own)) : std::nullopt), e(name),
                         own ? e(plain_euros(*own)) : "", e(l.name.shown(c.lang)), e(s->name.shown(c.lang)), year);
      // A sub-unit without a figure of its own (nor of a part) rolls up its own sub-units: show what they give.
      if (!ledger.has_own(s->id, l.id, sc) && rolled) row += "<br><span class=\"hint\">" + e(tf("proposal.split.from_below", c.lang, format_euros(*rolled))) + "</span>";
      row += "</td>";
    }
    auto [sum, holders] = ledger.children_sum(org, unit.id, l.id, sc);
    auto total = ledger.value(org, unit.id, l.id, sc);
    bool own_wins = !derived && holders > 0 && ledger.has_own(unit.id, l.id, sc);
    std::string diff = "–";
    if (own_wins && total && sum) {
      Cents dv = checked_sub(*total, *sum);
      diff = format_euros(dv);
      differing += dv != 0;
    }
    row += fmt::format("<td class=\"num\">{}</td><td class=\"num\">{}{}</td><td class=\"num\">{}</td></tr>\n", money(sum), money(total),
                       own_wins ? " <span class=\"hint\">(" + e(tr("proposal.split.own", c.lang)) + ")</span>" : "", diff);
    return row;
  };
  std::string rows;
  for (const Line* l : split_lines(d, v, subs, lines)) rows += row_html(*l, editing, false);
  // The binding line (Toimintakate) rolled up, read-only: what the split gives the unit.
  if (const Line* margin = d.chart.find(unit.binding_line.empty() ? "operating_margin" : unit.binding_line))
    rows += row_html(*margin, false, true);

  std::string table = fmt::format("<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"{0}\"><table class=\"proposal split\">"
                                  "<caption>{0}</caption><thead><tr>{1}</tr></thead><tbody>\n{2}</tbody></table></div>\n",
                                  e(tf("proposal.split.caption", c.lang, year)), head, rows);
  std::string out = fmt::format("<section id=\"split\" aria-labelledby=\"split-h\"><h3 id=\"split-h\">{}</h3>\n<p>{}</p>\n<p>{}:{}</p>\n{}",
                                e(tr("proposal.split.heading", c.lang)), e(tr("proposal.split.intro", c.lang)),
                                e(tr("proposal.split.year", c.lang)), years, notice_html(c, "split"));
  if (differing > 0) out += "<p class=\"split-note\" role=\"note\">" + e(tf("proposal.split.own_differs", c.lang, differing)) + "</p>\n";
  if (!editing) return out + table + "</section>\n";
  return out + fmt::format("<form class=\"edit\" method=\"post\" action=\"{}\">{}{}<input type=\"hidden\" name=\"do\" value=\"split\">"
                           "<input type=\"hidden\" name=\"year\" value=\"{}\">{}<p><button type=\"submit\">{}</button></p></form>\n</section>\n",
                           e(with_year(self, year)), csrf_field(c), state_field, year, table, e(tr("proposal.split.save", c.lang)));
}

// A narrative block of the budget book that the unit's own part prints (not its sub-units').
struct BookSection {
  std::string kind;
  Text heading;
};

// The unit's sections of the budget book, as the template (the municipality's own or the built-in
// one) lists them for a unit of its kind: the root has the general part, any other unit its own.
std::vector<BookSection> book_sections(const Dataset& d, const UnitVersion& unit) {
  const std::string applies = unit.parent.empty() ? "municipality" : "other";
  std::vector<BookSection> out;
  for (const SectionSpec& s : template_for(d, "budget-book").sections) {
    if (s.units != "unit" || !s.include.empty() || (s.applies != "any" && s.applies != applies)) continue;
    for (const BlockSpec& b : s.blocks)
      if (b.type == "narrative" && std::none_of(out.begin(), out.end(), [&](const BookSection& x) { return x.kind == b.narrative; }))
        out.push_back({b.narrative, b.heading});
  }
  return out;
}

std::string section_name(const BookSection& s, Lang lang) {
  const std::string& h = s.heading.shown(lang);
  return h.empty() || h.find('{') != std::string::npos ? narrative_name(s.kind, lang) : h;
}

std::string text_name(const std::string& kind, Lang lang) { return fmt::format("{}_{}", kind, lc(lang)); }

std::string texts_html(const Ctx& c, const BudgetVersion& v, const UnitVersion& unit, bool editing, const std::string& state_field,
                       const std::string& self) {
  const Dataset& d = c.app().d;
  auto sections = book_sections(d, unit);
  std::string out = fmt::format("<section id=\"texts\" aria-labelledby=\"texts-h\"><h3 id=\"texts-h\">{}</h3>\n",
                                e(tf("proposal.texts.heading", c.lang, v.year)));
  if (sections.empty()) return out + "<p>" + e(tr("proposal.texts.none", c.lang)) + "</p></section>\n";
  out += "<p>" + e(tf("proposal.texts.intro", c.lang, v.year)) + "</p>\n" + notice_html(c, "texts");
  const User& me = *c.viewer.user;
  bool any_input = false;
  std::string rows;
  for (const BookSection& s : sections) {
    rows += "<tr><th scope=\"row\">" + e(section_name(s, c.lang)) + "</th>";
    for (Lang l : {Lang::fi, Lang::sv}) {
      const Narrative* n = find_narrative(d.narratives, unit.id, v.year, s.kind, l);
      std::string state = !n ? tr("web.text_missing", c.lang) : n->origin == NarrativeOrigin::draft ? tr("web.text_draft", c.lang)
                                                                                                   : tr("web.text_written", c.lang);
      rows += "<td><p class=\"hint\">" + e(state);
      if (!editing || !may_edit_text(me, d, unit.id, v.year, l)) {
        rows += "</p>";
        if (n) rows += "<div lang=\"" + lc(l) + "\">" + render_paragraphs_html(parse_markdown(n->markdown), 4) + "</div>";
        rows += "</td>";
        continue;
      }
      any_input = true;
      std::string name = text_name(s.kind, l);
      std::string label = fmt::format("{} – {}", section_name(s, c.lang), tr(l == Lang::fi ? "proposal.texts.col.fi" : "proposal.texts.col.sv", c.lang));
      // The text editor of the section: its preview, the other language beside it, accepting a draft.
      rows += fmt::format(" · <a href=\"/{}/unit/{}/narrative?doc=budget-book&amp;year={}&amp;section={}&amp;text={}\">{}<span class=\"visually-hidden\"> {}</span></a></p>",
                          lc(c.lang), e(unit.id), v.year, e(s.kind), lc(l), e(tr("proposal.texts.editor", c.lang)), e(label));
      rows += fmt::format("{0}<textarea id=\"t-{1}\" name=\"t_{1}\" rows=\"6\" cols=\"46\" lang=\"{2}\" aria-label=\"{3}\">{4}</textarea></td>",
                          before_fields("t" + name, n ? std::optional<std::string>(n->markdown) : std::nullopt), e(name), lc(l), e(label),
                          e(n ? n->markdown : ""));
    }
    rows += "</tr>\n";
  }
  std::string table = fmt::format("<table class=\"texts book-texts\" aria-labelledby=\"texts-h\"><thead><tr><th scope=\"col\">{}</th>"
                                  "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n{}</tbody></table>\n",
                                  e(tr("web.section", c.lang)),
                                  e(tr("proposal.texts.col.fi", c.lang)), e(tr("proposal.texts.col.sv", c.lang)), rows);
  if (!any_input) return out + table + "</section>\n";
  return out + fmt::format("<form class=\"edit\" method=\"post\" action=\"{}\">{}{}<input type=\"hidden\" name=\"do\" value=\"texts\">{}"
                           "<p><button type=\"submit\">{}</button></p></form>\n</section>\n",
                           e(self), csrf_field(c), state_field, table, e(tr("proposal.texts.save", c.lang)));
}

}  // namespace

std::string proposal_sections_html(const Ctx& c, const BudgetVersion& v, const UnitVersion& unit, const std::vector<const Line*>& lines,
                                   bool editing, const std::string& state_field) {
  std::string self = fmt::format("/{}/unit/{}/proposal?version={}", lc(c.lang), unit.id, http::url_encode(v.id));
  return split_html(c, v, unit, lines, editing, state_field, self) + texts_html(c, v, unit, editing, state_field, self);
}

std::optional<SectionPost> proposal_section_post(const Ctx& c, const BudgetVersion& v, const UnitVersion& unit,
                                                 const std::vector<const Line*>& lines, std::map<std::string, std::string>& form,
                                                 const std::string& self) {
  const std::string act = form["do"];
  if (act != "split" && act != "texts") return std::nullopt;
  const Dataset& d = c.app().d;
  SectionPost out;
  // The proposal's state as the form was opened: a submit or a return since makes the form stale.
  auto state_before = before_from(form, "state");
  std::vector<Change> changes{{"proposal", v.id + "/" + unit.id, state_before, state_before}};
  if (act == "split") {
    // Each sub-unit's figure is authorised on its own (apply_changes: the right `propose` there,
    // the proposals at and above it open), so only the page's direct sub-units are read here.
    auto subs = sub_units(d, v, unit.id);
    for (const UnitVersion* s : subs)
      for (const Line* l : split_lines(d, v, subs, lines))
        for (int y = v.year; y <= v.year + 2; ++y)
          if (!add_figure_change(form, split_name(s->id, l->id, y), fmt::format("{}/{}/{}/{}", v.id, s->id, l->id, y),
                                 fmt::format("{} – {}", l->name.shown(c.lang), s->name.shown(c.lang)), changes, out.refused))
            return out;
    out.done = with_notice(with_year(self, split_year(form["year"], v)), "split") + "#split";
  } else {
    // The texts are the unit's budget book's, written elsewhere too (the narrative editor); here
    // they are part of the proposal: only its editors, only while it is open.
    if (!may_propose(*c.viewer.user, d, unit.id, v.year) || !proposal_open_at(d, v, unit.id) || !v.adopted.empty()) {
      out.refused = result(Outcome::forbidden);
      return out;
    }
    for (const BookSection& s : book_sections(d, unit))
      for (Lang l : {Lang::fi, Lang::sv}) {
        std::string name = text_name(s.kind, l);
        if (!form.count("t_" + name)) continue;
        std::optional<std::string> after = form["t_" + name];
        if (after->find_first_not_of(" \t\r\n") == std::string::npos) after.reset();  // blanks only: no text
        auto before = before_from(form, "t" + name);
        if (before != after) changes.push_back({"narrative", fmt::format("{}/{}/{}/{}", unit.id, v.year, s.kind, lc(l)), before, after});
      }
    out.done = with_notice(self, "texts") + "#texts";
  }
  out.changes = std::move(changes);
  return out;
}

}  // namespace toteuma::web
