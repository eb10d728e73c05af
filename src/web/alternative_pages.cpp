#include "web/alternative_pages.h"

#include <fmt/format.h>

#include "core/budgeting/alternative_effect.h"
#include "core/budgeting/budget_round.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/text.h"
#include "document/alternatives_document.h"
#include "ingest/fields.h"
#include "ingest/ledger_fields.h"
#include "render/document_output.h"
#include "web/pdf_jobs.h"
#include "render/simple_table_render.h"
#include "web/actions.h"
#include "web/form_parts.h"

namespace toteuma::web {

namespace {

std::string e(std::string_view s) { return html_escape(s); }
std::string lc(Lang l) { return std::string(lang_code(l)); }
std::string name_of(const BudgetAlternative& a, Lang lang) { return a.name.shown(lang).empty() ? a.id : a.name.shown(lang); }
std::string name_of(const BudgetVersion& v, Lang lang) { return v.name.shown(lang).empty() ? v.id : v.name.shown(lang); }

// The council groups of the version's municipality the user is a member of.
std::vector<const CouncilGroup*> my_groups(const Dataset& d, const User& u, const BudgetVersion& v) {
  std::vector<const CouncilGroup*> out;
  for (const auto& g : d.budgeting.groups)
    if (g.municipality == v.municipality && may_edit_alternative(u, g.id)) out.push_back(&g);
  return out;
}

std::string list_href(Lang lang, const std::string& version) {
  return fmt::format("/{}/budget/{}/alternatives", lc(lang), http::url_encode(version));
}
std::string alternative_href(Lang lang, const std::string& id) { return fmt::format("/{}/alternative/{}", lc(lang), http::url_encode(id)); }

// ---- the version's alternatives -------------------------------------------------------------------

http::Response start_alternative(const Ctx& c, const BudgetVersion& v) {
  auto form = form_fields(c.req);
  if (form["do"] != "start") return bad_request(c.lang);
  const Dataset& d = c.app().d;
  const std::string back = list_href(c.lang, v.id);
  // Who first: a non-member learns nothing about ids.
  const CouncilGroup* g = find_council_group(d, form["group"]);
  if (!g || g->municipality != v.municipality || !may_edit_alternative(*c.viewer.user, g->id) || !v.adopted.empty()) return forbidden(c);
  std::string id = std::string(ledger::trim(form["id"]));
  if (!fields::valid_id(id)) return outcome_page(c, result(Outcome::invalid, msg("alt.bad_id")), back);
  if (find_alternative(d, id)) return outcome_page(c, result(Outcome::invalid, msg("alt.exists", id)), back);
  BudgetAlternative a{id, v.id, g->id, {std::string(ledger::trim(form["name_fi"])), std::string(ledger::trim(form["name_sv"]))}, today(), false};
  if (a.name.fi.empty()) a.name.fi = msg("alt.default_name", g->name.fi, v.year).in(Lang::fi);
  if (a.name.sv.empty()) a.name.sv = msg("alt.default_name", g->name.sv, v.year).in(Lang::sv);
  ActionResult r = apply_changes(c.state, *c.viewer.user, {{"alternative", id, std::nullopt, encode_alternative(a)}});
  if (r.outcome != Outcome::ok) return outcome_page(c, r, back);
  return redirect(alternative_href(c.lang, id));
}

http::Response alternatives_page(const Ctx& c, const std::string& version) {
  const Dataset& d = c.app().d;
  const BudgetVersion* v = find_version(d, version);
  if (!v) return not_found(c);
  const User& me = *c.viewer.user;
  if (c.req.method == "POST") return start_alternative(c, *v);
  std::vector<const BudgetAlternative*> published;
  std::string items;
  for (const BudgetAlternative* a : alternatives_of(d, v->year)) {
    if (a->version != v->id || !may_read_alternative(me, a->group, a->published)) continue;
    if (a->published) published.push_back(a);
    const CouncilGroup* g = find_council_group(d, a->group);
    items += fmt::format("<li><a href=\"{}\">{}</a> – {} ({}). {}</li>\n", e(alternative_href(c.lang, a->id)), e(name_of(*a, c.lang)),
                         e(g ? g->name.shown(c.lang) : a->group), e(tr(a->published ? "alt.published" : "alt.draft", c.lang)),
                         e(balance_sentence(*a, alternative_effect(d, *a), c.lang)));
  }
  std::string body = fmt::format("<h1>{}</h1>\n", e(msg("alt.list.heading", name_of(*v, c.lang)).in(c.lang)));
  body += items.empty() ? "<p>" + e(tr("alt.none", c.lang)) + "</p>\n" : "<ul class=\"alternatives\">\n" + items + "</ul>\n";
  if (!published.empty()) {
    body += render_simple_html(alternatives_table(d, v->id, published, v->year, c.lang));
    std::string doc = list_href(c.lang, v->id) + "/document?format=";
    body += fmt::format("<p>{}: <a href=\"{}html\">HTML</a> · <a href=\"{}pdf\">PDF</a> · <a href=\"{}docx\">Word</a> · <a href=\"{}xlsx\">Excel</a></p>\n",
                        e(tr("alt.document", c.lang)), e(doc), e(doc), e(doc), e(doc));
  }
  auto groups = my_groups(d, me, *v);
  if (!groups.empty() && v->adopted.empty()) {
    std::string options;
    for (const CouncilGroup* g : groups) options += fmt::format("<option value=\"{}\">{}</option>", e(g->id), e(g->name.shown(c.lang)));
    body += fmt::format(
        "<h2>{}</h2>\n<form class=\"edit\" method=\"post\" action=\"{}\">{}<input type=\"hidden\" name=\"do\" value=\"start\">"
        "<p><label for=\"group\">{}</label> <select id=\"group\" name=\"group\">{}</select></p>"
        "<p><label for=\"id\">{}</label> <input id=\"id\" name=\"id\" required pattern=\"[a-z0-9_-]+\" size=\"24\"></p>"
        "<p><label for=\"name_fi\">{}</label> <input id=\"name_fi\" name=\"name_fi\" lang=\"fi\" size=\"48\"></p>"
        "<p><label for=\"name_sv\">{}</label> <input id=\"name_sv\" name=\"name_sv\" lang=\"sv\" size=\"48\"></p>"
        "<p><button type=\"submit\">{}</button></p></form>\n",
        e(tr("alt.start", c.lang)), e(list_href(c.lang, v->id)), csrf_field(c), e(tr("alt.group", c.lang)), options, e(tr("alt.id", c.lang)),
        e(tr("alt.name_fi", c.lang)), e(tr("alt.name_sv", c.lang)), e(tr("alt.start", c.lang)));
  }
  return page(c, tr("alt.title", c.lang), body, list_href(c.other(), v->id));
}

http::Response alternatives_document_page(const Ctx& c, const std::string& version) {
  const Dataset& d = c.app().d;
  const BudgetVersion* v = find_version(d, version);
  if (!v) return not_found(c);
  std::string format = c.q("format", "html");
  if (!is_document_format(format)) return bad_request(c.lang);
  auto make = [snap = c.snap, id = v->id, year = v->year, lang = c.lang, format, day = today()] {
    std::vector<const BudgetAlternative*> published;
    for (const BudgetAlternative* a : alternatives_of(snap->d, year))
      if (a->version == id && a->published) published.push_back(a);
    std::string bytes = render_document(alternatives_document(snap->d, id, published, year, lang, day), format);
    return http::Response{200, document_media_type(format), std::move(bytes), {}};
  };
  if (format == "pdf") return pdf_later_or_busy(c, make);  // printed on a background thread
  return make();
}

// ---- one alternative ----------------------------------------------------------------------------------

// The lines a change may name: the operating part's and the income statement's detail lines.
std::vector<const Line*> change_lines(const Dataset& d) {
  std::vector<const Line*> out;
  for (const Line& l : d.chart.lines())
    if (l.kind == LineKind::detail && (l.in(Part::operating) || l.in(Part::income))) out.push_back(&l);
  return out;
}

std::string change_key(const AlternativeChange& ch) { return fmt::format("{}/{}/{}/{}", ch.alternative, ch.unit, ch.line, ch.year); }

// An amount typed on the page: euros as people write them ("-50 000", "1 200,50"); nullopt and
// `bad` set when it is not one.
std::optional<std::string> typed_cents(const std::string& what, const std::string& typed, ActionResult& bad) {
  std::string in = std::string(ledger::trim(typed));
  if (in.empty()) return std::nullopt;
  auto cents = ledger::parse_amount(in);
  if (!cents) bad = result(Outcome::invalid, msg("web.bad_amount_in", what, in));
  else if (*cents == 0) bad = result(Outcome::invalid, msg("alt.change_zero"));
  else return std::to_string(*cents);
  return std::nullopt;
}

// The changes a saved form makes: each listed change's amount (blank removes it) and
// justifications, then the new change when its amount is given.
std::optional<std::vector<Change>> saved_changes(const Ctx& c, const BudgetAlternative& a, std::map<std::string, std::string>& form,
                                                 ActionResult& bad) {
  const Dataset& d = c.app().d;
  std::vector<Change> out;
  auto notes = [&](const std::string& key, const std::string& field) {
    for (Lang lang : {Lang::fi, Lang::sv}) {
      std::string name = field + "_" + lc(lang);
      if (!form.count(name)) continue;
      std::optional<std::string> after = std::string(ledger::trim(form[name]));
      if (after->empty()) after.reset();
      auto before = form.count("h_" + name) ? before_from(form, name) : std::nullopt;
      if (before != after) out.push_back({"alternative_note", key + "/" + lc(lang), before, after});
    }
  };
  std::size_t i = 0;
  for (const AlternativeChange* ch : changes_of(d, a.id)) {
    std::string field = fmt::format("a{}", i++);
    if (!form.count(field) || form["k" + field] != change_key(*ch)) continue;
    auto after = typed_cents(ch->line, form[field], bad);
    if (bad.outcome != Outcome::ok) return std::nullopt;
    auto before = before_from(form, field);
    if (before != after) out.push_back({"alternative_change", change_key(*ch), before, after});
    if (after) notes(change_key(*ch), "j" + field);
  }
  auto amount = typed_cents(form["new_line"], form["new_amount"], bad);
  if (bad.outcome != Outcome::ok) return std::nullopt;
  if (amount) {
    const BudgetVersion* v = find_version(d, a.version);
    auto year = parse_year(form["new_year"]);
    if (!d.has_unit(form["new_unit"]) || !d.chart.find(form["new_line"]) || !year || !v) {
      bad = result(Outcome::invalid, msg("alt.unknown_unit_line"));
      return std::nullopt;
    }
    std::string key = fmt::format("{}/{}/{}/{}", a.id, form["new_unit"], form["new_line"], *year);
    out.push_back({"alternative_change", key, std::nullopt, amount});
    notes(key, "jnew");
  }
  return out;
}

std::string effect_html(const Ctx& c, const BudgetAlternative& a, const BudgetVersion& v, int year) {
  const Dataset& d = c.app().d;
  std::string out = fmt::format("<p class=\"balance\" role=\"status\"><strong>{}</strong></p>\n",
                                e(balance_sentence(a, alternative_effect(d, a, year), c.lang)));
  std::string years;
  for (int y = v.year; y <= v.year + 2; ++y)
    years += y == year ? fmt::format(" <strong>{}</strong>", y)
                       : fmt::format(" <a href=\"{}?year={}\">{}</a>", e(alternative_href(c.lang, a.id)), y, y);
  out += "<p>" + e(tr("alt.year", c.lang)) + ":" + years + "</p>\n";
  // A wide comparison scrolls in a region of its own (focusable, named) instead of widening the page.
  return out + fmt::format("<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">{}</div>\n",
                           e(tr("alt.doc.comparison", c.lang)),
                           render_simple_html(alternatives_table(d, v.id, {&a}, year, c.lang)));
}

std::string changes_html(const Ctx& c, const BudgetAlternative& a, const BudgetVersion& v, bool editing) {
  const Dataset& d = c.app().d;
  OrgView org = d.org_on(Date::first_of_year(v.year));
  std::string rows;
  std::size_t i = 0;
  for (const AlternativeChange* ch : changes_of(d, a.id)) {
    const UnitVersion* u = org.find(ch->unit);
    const Line* l = d.chart.find(ch->line);
    std::string label = fmt::format("{} – {} {}", u ? u->name.shown(c.lang) : ch->unit, l ? l->name.shown(c.lang) : ch->line, ch->year);
    std::string row = fmt::format("<tr><th scope=\"row\">{}</th>", e(label));
    if (!editing) {
      row += fmt::format("<td class=\"num\">{}</td><td lang=\"fi\">{}</td><td lang=\"sv\">{}</td></tr>\n", format_euros(ch->amount),
                         e(ch->justification.fi), e(ch->justification.sv));
    } else {
      std::string f = fmt::format("a{}", i);
      row += fmt::format("<td><input type=\"hidden\" name=\"k{0}\" value=\"{1}\">{2}<input name=\"{0}\" value=\"{3}\" inputmode=\"decimal\" size=\"12\" aria-label=\"{4}\"></td>",
                         f, e(change_key(*ch)), before_fields(f, std::to_string(ch->amount)), e(plain_euros(ch->amount)), e(label));
      for (Lang lang : {Lang::fi, Lang::sv}) {
        std::string n = fmt::format("j{}_{}", f, lc(lang));
        const std::string& text = lang == Lang::fi ? ch->justification.fi : ch->justification.sv;
        row += fmt::format("<td>{}<input name=\"{}\" lang=\"{}\" value=\"{}\" size=\"32\" aria-label=\"{} – {}\"></td>",
                           before_fields(n, text.empty() ? std::nullopt : std::optional<std::string>(text)), n, lc(lang), e(text), e(label),
                           e(tr(lang == Lang::fi ? "proposal.col.justification_fi" : "proposal.col.justification_sv", c.lang)));
      }
      row += "</tr>\n";
    }
    rows += row;
    ++i;
  }
  if (editing) {
    std::string units, lines, years;
    for (auto [u, depth] : org.tree())
      if (u->id == v.municipality || org.within(u->id, v.municipality))
        units += fmt::format("<option value=\"{}\">{}{}</option>", e(u->id), std::string(2 * depth, '.'), e(u->name.shown(c.lang)));
    for (const Line* l : change_lines(d)) lines += fmt::format("<option value=\"{}\">{}</option>", e(l->id), e(l->name.shown(c.lang)));
    for (int y = v.year; y <= v.year + 2; ++y) years += fmt::format("<option>{}</option>", y);
    rows += fmt::format(
        "<tr class=\"new-change\"><th scope=\"row\"><select name=\"new_unit\" aria-label=\"{}\">{}</select> <select name=\"new_line\" aria-label=\"{}\">{}</select> "
        "<select name=\"new_year\" aria-label=\"{}\">{}</select></th><td><input name=\"new_amount\" inputmode=\"decimal\" size=\"12\" aria-label=\"{}\"></td>"
        "<td><input name=\"jnew_fi\" lang=\"fi\" size=\"32\" aria-label=\"{}\"></td><td><input name=\"jnew_sv\" lang=\"sv\" size=\"32\" aria-label=\"{}\"></td></tr>\n",
        e(tr("alt.col.change_unit", c.lang)), units, e(tr("alt.col.line", c.lang)), lines, e(tr("alt.col.year", c.lang)), years,
        e(tr("alt.col.amount", c.lang)), e(tr("proposal.col.justification_fi", c.lang)), e(tr("proposal.col.justification_sv", c.lang)));
  }
  return fmt::format("<table class=\"alternative-changes\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
                     "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n{}</tbody></table>\n",
                     e(msg("alt.doc.changes", name_of(a, c.lang)).in(c.lang)), e(tr("alt.col.change", c.lang)), e(tr("alt.col.amount", c.lang)),
                     e(tr("proposal.col.justification_fi", c.lang)), e(tr("proposal.col.justification_sv", c.lang)), rows);
}

http::Response alternative_page(const Ctx& c, const std::string& id) {
  const Dataset& d = c.app().d;
  const BudgetAlternative* a = find_alternative(d, id);
  const BudgetVersion* v = a ? find_version(d, a->version) : nullptr;
  if (!a || !v) return not_found(c);
  const User& me = *c.viewer.user;
  if (!may_read_alternative(me, a->group, a->published)) return forbidden(c);
  bool member = may_edit_alternative(me, a->group), editing = member && v->adopted.empty();
  const std::string self = alternative_href(c.lang, a->id);
  if (c.req.method == "POST") {
    if (!editing) return forbidden(c);
    auto form = form_fields(c.req);
    std::vector<Change> changes;
    const std::string act = form["do"];
    if (act == "save") {
      ActionResult bad;
      auto saved = saved_changes(c, *a, form, bad);
      if (!saved) return outcome_page(c, bad, self);
      changes = std::move(*saved);
    } else if (act == "publish" || act == "withdraw") {
      BudgetAlternative after = *a;
      after.published = act == "publish";
      changes.push_back({"alternative", a->id, before_from(form, "head"), encode_alternative(after)});
    } else {
      return bad_request(c.lang);
    }
    ActionResult r = apply_changes(c.state, me, changes);
    if (r.outcome != Outcome::ok) return outcome_page(c, r, self);
    return redirect(with_notice(self, act == "save" ? "saved" : act));
  }
  int year = v->year;
  if (auto y = year_param(c.req, v->year); y && *y >= v->year && *y <= v->year + 2) year = *y;
  const CouncilGroup* g = find_council_group(d, a->group);
  std::string body = fmt::format("<h1>{}</h1>\n<p>{}: {} · {}: <a href=\"{}\">{}</a> · {}</p>\n", e(name_of(*a, c.lang)),
                                 e(tr("alt.group", c.lang)), e(g ? g->name.shown(c.lang) : a->group), e(tr("alt.version", c.lang)),
                                 e(list_href(c.lang, v->id)), e(name_of(*v, c.lang)),
                                 e(tr(a->published ? "alt.published" : "alt.draft", c.lang)));
  std::string notice = c.q("notice");
  if (notice == "saved" || notice == "publish" || notice == "withdraw")
    body += "<p class=\"notice\" role=\"status\">" + e(tr(("alt.notice." + notice).c_str(), c.lang)) + "</p>\n";
  body += effect_html(c, *a, *v, year);
  std::string changes = changes_html(c, *a, *v, editing);
  if (editing) {
    body += fmt::format("<form class=\"edit\" method=\"post\" action=\"{}\">{}<input type=\"hidden\" name=\"do\" value=\"save\">{}"
                        "<p><button type=\"submit\">{}</button></p></form>\n",
                        e(self), csrf_field(c), changes, e(tr("web.save", c.lang)));
    body += fmt::format("<form method=\"post\" action=\"{}\">{}{}<input type=\"hidden\" name=\"do\" value=\"{}\"><p><button type=\"submit\">{}</button></p></form>\n",
                        e(self), csrf_field(c), before_fields("head", encode_alternative(*a)), a->published ? "withdraw" : "publish",
                        e(tr(a->published ? "alt.withdraw" : "alt.publish", c.lang)));
  } else {
    body += changes;
  }
  return page(c, tr("alt.title", c.lang), body, alternative_href(c.other(), a->id));
}

}  // namespace

std::optional<http::Response> route_alternative_pages(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() == 4 && parts[1] == "budget" && parts[3] == "alternatives") return alternatives_page(c, parts[2]);
  if (parts.size() == 5 && parts[1] == "budget" && parts[3] == "alternatives" && parts[4] == "document")
    return alternatives_document_page(c, parts[2]);
  if (parts.size() == 3 && parts[1] == "alternative") return alternative_page(c, parts[2]);
  return std::nullopt;
}

}  // namespace toteuma::web
