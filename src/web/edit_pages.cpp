#include "web/web_templates.h"
#include "web/edit_pages.h"

#include <fmt/format.h>

#include <set>

#include "core/workplace/access.h"
#include "core/workplace/calendar.h"
#include "core/fixed.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/documents/narratives.h"
#include "core/text.h"
#include "document/markdown.h"
#include "document/template.h"
#include "ingest/ledger_fields.h"
#include "render/document_html.h"
#include "web/actions.h"
#include "web/audit_text.h"
#include "web/form_parts.h"
#include "web/goal_pages.h"
#include "web/translation_pages.h"

namespace toteuma::web {

namespace {

std::string e(std::string_view s) { return html_escape(s); }
std::string lc(Lang l) { return std::string(lang_code(l)); }

int doc_year_for(const std::string& kind, int year) { return kind == "annual-report" ? year : year + 1; }


// "14.6.2024 (unit proposals 2025, heads of areas)", or "Deadline 14.6.2024 (…)" with `label`.
std::string deadline_text(const Ctx& c, const std::string& unit, const std::string& doc, const std::string& section, int year,
                          bool label = true) {
  const Dataset& d = c.app().d;
  const CalendarItem* item = deadline_for(d.calendar, d.municipality_of(unit).id, doc, section, year);
  if (!item) return "";
  return fmt::format(fmt::runtime(tr(label ? "web.deadline" : "web.deadline_short", c.lang)), to_display(item->deadline),
                     item->title.shown(c.lang), item->responsible.shown(c.lang));
}

// The unit (its current version) and ?year= of a unit's editing page, or the error page to answer.
struct UnitYear {
  const UnitVersion* unit = nullptr;
  int year = 0;
  std::optional<http::Response> error;
};
UnitYear unit_and_year(const Ctx& c, const std::string& unit) {
  const UnitVersion* u = latest_version(c.app().d, unit);
  if (!u) return {nullptr, 0, not_found(c)};
  auto year = year_param(c.req, c.app().default_year);
  if (!year) return {u, 0, bad_request(c.lang)};
  return {u, *year, std::nullopt};
}

// ---- a unit's texts -----------------------------------------------------------------------------

http::Response texts_page(const Ctx& c, const std::string& unit) {
  const Dataset& d = c.app().d;
  UnitYear uy = unit_and_year(c, unit);
  if (uy.error) return *uy.error;
  const UnitVersion* u = uy.unit;
  const int year = uy.year;
  const User& me = *c.viewer.user;
  std::string body = fmt::format("<h1>{}</h1>\n<h2>{} {}</h2>\n<p><a href=\"/{}/unit/{}?year={}\">{}</a> · <a href=\"/{}/unit/{}/goals/edit?year={}\">{}</a> · <a href=\"/{}/audit?unit={}\">{}</a></p>\n",
                                 e(u->name.shown(c.lang)), e(tr("web.texts", c.lang)), year, lc(c.lang), e(unit), year,
                                 e(tr("web.return", c.lang)), lc(c.lang), e(unit), year, e(tr("web.edit_goals", c.lang)), lc(c.lang),
                                 e(unit), e(tr("web.audit", c.lang)));
  for (const auto& kind : document_kinds()) {
    int y = doc_year_for(kind, year);
    auto kinds = narrative_kinds(d, kind);
    if (kinds.empty()) continue;
    body += fmt::format("<table class=\"texts\">\n<caption>{} {}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">suomi</th><th scope=\"col\" lang=\"sv\">svenska</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
                        e(tr("doc.kind." + kind, c.lang)), y, e(tr("web.section", c.lang)), e(tr("web.deadline_col", c.lang)));
    for (const auto& sec : kinds) {
      body += "<tr><th scope=\"row\">" + e(narrative_name(sec, c.lang)) + "</th>";
      for (Lang l : {Lang::fi, Lang::sv}) {
        const Narrative* n = find_narrative(d.narratives, unit, y, sec, l);
        bool draft = n ? n->origin == NarrativeOrigin::draft : !computed_draft(c.app(), unit, y, sec, l).empty();
        std::string state = draft ? tr("web.text_draft", c.lang) : n ? tr("web.text_written", c.lang) : tr("web.text_missing", c.lang);
        std::string href = fmt::format("/{}/unit/{}/narrative?doc={}&amp;year={}&amp;section={}&amp;text={}", lc(c.lang), e(unit), kind, y,
                                       e(sec), lc(l));
        body += "<td>" + e(state) + outdated_marker(d, n, c.lang);
        if (may_edit_text(me, d, unit, y, l))
          body += fmt::format(" <a href=\"{}\">{}<span class=\"visually-hidden\"> {} {}</span></a>", href, e(tr("web.edit", c.lang)),
                              e(narrative_name(sec, c.lang)), l == Lang::fi ? "suomi" : "svenska");
        body += "</td>";
      }
      body += "<td>" + e(deadline_text(c, unit, kind, sec, y, false)) + "</td></tr>\n";
    }
    body += "</tbody></table>\n";
    body += fmt::format("<p><a href=\"/{}/unit/{}/review?doc={}&amp;year={}\">{}: {} {}</a></p>\n", lc(c.lang), e(unit), kind, y,
                        e(tr("web.review", c.lang)), e(tr("doc.kind." + kind, c.lang)), y);
  }
  return page(c, tr("web.texts", c.lang), body, fmt::format("/{}/unit/{}/texts?year={}", lc(c.other()), e(unit), year), 200, unit);
}

// ---- one narrative --------------------------------------------------------------------------------

http::Response narrative_page(const Ctx& c, const std::string& unit) {
  const Dataset& d = c.app().d;
  const UnitVersion* u = latest_version(d, unit);
  if (!u) return not_found(c);
  auto year = parse_year(c.q("year"));
  auto text_lang = parse_lang(c.q("text"));
  std::string doc = c.q("doc", "annual-report"), section = c.q("section");
  auto kinds = std::find(document_kinds().begin(), document_kinds().end(), doc) != document_kinds().end()
                   ? narrative_kinds(d, doc) : std::vector<std::string>{};
  if (!year || !text_lang || std::find(kinds.begin(), kinds.end(), section) == kinds.end()) return bad_request(c.lang);
  const User& me = *c.viewer.user;
  if (!may_edit_text(me, d, unit, *year, *text_lang)) return forbidden(c);
  std::string key = fmt::format("{}/{}/{}/{}", unit, *year, section, lang_code(*text_lang));
  std::string self = fmt::format("/{}/unit/{}/narrative{}", lc(c.lang), unit, query_string(c.req));
  std::optional<std::string> before = current_value(c.state, "narrative", key);
  // A draft (stored, or computed as the document shows it) awaits a person: edit it or accept it.
  const Narrative* stored = find_narrative(d.narratives, unit, *year, section, *text_lang);
  std::string computed = before ? "" : computed_draft(c.app(), unit, *year, section, *text_lang);
  bool is_draft = (stored && stored->origin == NarrativeOrigin::draft) || !computed.empty();
  std::string markdown = before.value_or(computed);
  bool preview = false, stale = false;
  std::optional<std::string> stale_current;
  int status = 200;
  if (c.req.method == "POST") {
    auto form = form_fields(c.req);
    markdown = form["markdown"];
    before = form["had_before"] == "1" ? std::optional<std::string>(form["before"]) : std::nullopt;
    if (form["action"] == "save" || form["action"] == "accept") {
      // Accepting takes the draft the page showed (carried in the form), never one drafted since.
      bool accept = form["action"] == "accept";
      std::optional<std::string> after = markdown.empty() ? std::nullopt : std::optional<std::string>(markdown);
      ActionResult r = apply_changes(c.state, me, accept ? accept_draft(key, form["draft"], before.has_value())
                                                         : std::vector<Change>{{"narrative", key, before, after}});
      if (r.outcome == Outcome::ok) return redirect(with_notice(self, accept ? "accepted" : "saved"));
      if (r.outcome != Outcome::stale) return outcome_page(c, r, self);
      // Nothing is lost: the user's text stays in the form, the stored one is shown beside it,
      // and saving again now replaces the stored text knowingly.
      if (accept) markdown = r.current.value_or("");
      stale = true;
      stale_current = r.current;
      before = r.current;
      status = 409;
    } else {
      preview = true;
    }
  }
  auto paragraphs_html = [](const std::string& md) {
    return render_paragraphs_html(parse_markdown(md), 3);
  };
  Lang other = *text_lang == Lang::fi ? Lang::sv : Lang::fi;
  const Narrative* source = find_narrative(d.narratives, unit, *year, section, other);
  std::string sec_name = narrative_name(section, c.lang);
  mstch::map ctx{
      {"unit_name", u->name.shown(c.lang)},
      {"heading", fmt::format("{} {} – {} ({})", tr("doc.kind." + doc, c.lang), *year, sec_name, lang_code(*text_lang))},
      {"back_href", fmt::format("/{}/unit/{}/texts?year={}", lc(c.lang), unit, doc == "annual-report" ? *year : *year - 1)},
      {"back", tr("web.return", c.lang)},
      {"deadline", deadline_text(c, unit, doc, section, *year)},
      {"source_change", source_change_html(d, stored, c.lang)},
      {"stale", stale},
      {"stale_text", tr("web.stale", c.lang)},
      {"current_label", tr("web.stale_current", c.lang)},
      {"current", stale_current.value_or("—")},
      {"saved", c.q("notice") == "saved" || c.q("notice") == "accepted" ? tr("web.notice." + c.q("notice"), c.lang) : std::string()},
      {"is_draft", is_draft && !stale},
      {"draft_hint", tr("web.draft_hint", c.lang)},
      {"draft", before.value_or(computed)},
      {"accept_label", tr("web.accept_draft", c.lang)},
      {"action", self},
      {"csrf", c.viewer.csrf},
      {"before", before.value_or("")},
      {"had_before", std::string(before ? "1" : "0")},
      {"text_label", tr("web.markdown", c.lang)},
      {"text_lang", lc(*text_lang)},
      {"markdown", markdown},
      {"help", tr("web.markdown_help", c.lang)},
      {"preview_label", tr("web.preview", c.lang)},
      {"save_label", tr("web.save", c.lang)},
      {"has_preview", preview},
      {"preview_heading", tr("web.preview", c.lang)},
      {"preview", preview ? paragraphs_html(markdown) : std::string()},
      {"has_source", source != nullptr},
      {"source_heading", fmt::format(fmt::runtime(tr("web.other_text", c.lang)), lang_code(other))},
      {"source_lang", lc(other)},
      {"source", source ? paragraphs_html(source->markdown) : std::string()}};
  auto r = page(c, sec_name, render(embedded::narrative_mustache, ctx),
                fmt::format("/{}/unit/{}/narrative{}", lc(c.other()), unit, query_string(c.req)), status, unit);
  return r;
}

// ---- goals, realisations, metric values: web/goal_pages.cpp ----------------------------------------

// ---- figures (finance) -------------------------------------------------------------------------------

http::Response figures_page(const Ctx& c, const std::string& unit) {
  const Dataset& d = c.app().d;
  const UnitVersion* u = latest_version(d, unit);
  if (!u) return not_found(c);
  const User& me = *c.viewer.user;
  if (!may_edit_figures(me)) return forbidden(c);
  std::string sc_id = c.q("scenario");
  const Scenario* sc = d.scenario(sc_id);
  if (sc && !scenario_serves(d, *sc, unit)) sc = nullptr;  // another municipality's column: not offered here
  std::string self = fmt::format("/{}/unit/{}/figures?scenario={}", lc(c.lang), unit, http::url_encode(sc_id));
  if (sc && c.req.method == "POST") {
    auto form = form_fields(c.req);
    std::vector<Change> changes;
    for (const Line& l : d.chart.lines()) {
      if (l.kind != LineKind::detail || !unit_uses(l, u->parent.empty(), true) || !form.count("l_" + l.id)) continue;
      std::string in = form["l_" + l.id];
      std::optional<std::string> after;
      if (!in.empty()) {
        auto cents = ledger::parse_amount(in);
        if (!cents) {
          ActionResult bad = result(Outcome::invalid, msg("web.bad_amount_in", l.name.shown(c.lang), in));
          return outcome_page(c, bad, self);
        }
        after = std::to_string(*cents);
      }
      auto before = before_from(form, l.id);
      if (before != after) changes.push_back({"figure", fmt::format("{}/{}/{}", unit, l.id, sc_id), before, after});
    }
    ActionResult r = apply_changes(c.state, me, changes);
    if (r.outcome != Outcome::ok) return outcome_page(c, r, self);
    return redirect(with_notice(self, "saved"));
  }
  std::string body = fmt::format("<h1>{}</h1>\n<h2>{}</h2>\n<form class=\"choose\" method=\"get\" action=\"/{}/unit/{}/figures\"><label for=\"scenario\">{}</label> <select id=\"scenario\" name=\"scenario\">",
                                 e(u->name.shown(c.lang)), e(tr("web.figures", c.lang)), lc(c.lang), e(unit), e(tr("web.scenario", c.lang)));
  for (const Scenario& s : d.scenarios)
    if (s.kind != ScenarioKind::actual && scenario_serves(d, s, unit))
      body += fmt::format("<option value=\"{}\"{}>{} ({})</option>", e(s.id), s.id == sc_id ? " selected" : "",
                          e(s.name.shown(c.lang).empty() ? s.id : s.name.shown(c.lang)), s.year);
  body += fmt::format("</select> <button type=\"submit\">{}</button></form>\n<p><a href=\"/{}/scenarios\">{}</a></p>\n", e(tr("web.show", c.lang)),
                      lc(c.lang), e(tr("web.scenarios", c.lang)));
  if (sc) {
    body += fmt::format("<form class=\"edit\" method=\"post\" action=\"{}\">{}<table class=\"figures-edit\"><caption>{} – {}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
                        e(self), csrf_field(c), e(sc->name.shown(c.lang).empty() ? sc->id : sc->name.shown(c.lang)),
                        e(tr("table.unit_note", c.lang)), e(tr("col.label", c.lang)), e(tr("web.amount", c.lang)));
    for (const Line& l : d.chart.lines()) {
      // the unit's part of the chart (a municipality's root: also taxes, financial items, financing)
      if (l.kind != LineKind::detail || !unit_uses(l, u->parent.empty(), true)) continue;
      auto cur = current_value(c.state, "figure", fmt::format("{}/{}/{}", unit, l.id, sc_id));
      std::string shown = cur ? plain_euros(std::stoll(*cur)) : "";
      body += fmt::format("<tr><th scope=\"row\"><label for=\"l-{0}\">{1}</label></th><td>{2}<input id=\"l-{0}\" name=\"l_{0}\" value=\"{3}\" inputmode=\"decimal\" size=\"14\"></td></tr>\n",
                          e(l.id), e(l.name.shown(c.lang)), before_fields(l.id, cur ? std::optional<std::string>(*cur) : std::nullopt), e(shown));
    }
    body += fmt::format("</tbody></table><p><button type=\"submit\">{}</button></p></form>\n", e(tr("web.save", c.lang)));
  }
  return page(c, tr("web.figures", c.lang), body, fmt::format("/{}/unit/{}/figures?scenario={}", lc(c.other()), e(unit), http::url_encode(sc_id)), 200, unit);
}

// ---- scenarios: amendments with their decisions, forecasts ----------------------------------------

http::Response scenarios_page(const Ctx& c) {
  const Dataset& d = c.app().d;
  const User& me = *c.viewer.user;
  std::string self = fmt::format("/{}/scenarios", lc(c.lang));
  if (c.req.method == "POST") {
    if (!may_edit_figures(me)) return forbidden(c);
    auto form = form_fields(c.req);
    auto year = parse_year(form["year"]);
    std::string kind = form["kind"];
    std::optional<Date> date;
    if (!form["decision_date"].empty()) date = parse_iso_date(form["decision_date"]);
    bool semicolon = false;
    for (const char* f : {"id", "decision_ref", "name_fi", "name_sv", "municipality"}) semicolon = semicolon || form[f].find(';') != std::string::npos;
    if (!year || (kind != "amendment" && kind != "forecast") || form["id"].empty() || semicolon ||
        (!form["decision_date"].empty() && !date))
      return outcome_page(c, result(Outcome::invalid, msg("web.bad_scenario")), self);
    // Without a municipality (a form from before the field) the store gives a new one the primary's.
    std::string value = fmt::format("{};{};{};{};{};{}", kind, *year, form["decision_ref"], date ? to_iso(*date) : "", form["name_fi"],
                                    form["name_sv"]);
    if (!form["municipality"].empty()) value += ";" + form["municipality"];
    ActionResult r = apply_changes(c.state, me, {Change{"scenario", form["id"], std::nullopt, value}});
    if (r.outcome != Outcome::ok) return outcome_page(c, r, self);
    return redirect(with_notice(self, "saved"));
  }
  std::string body = "<h1>" + e(tr("web.scenarios", c.lang)) + "</h1>\n";
  auto muni_name = [&](const std::optional<std::string>& id) {
    for (const Municipality& m : d.municipalities)
      if (id && m.id == *id) return m.name.shown(c.lang);
    return tr("web.all_municipalities", c.lang);
  };
  body += fmt::format("<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
                      e(tr("web.scenarios", c.lang)), "id", e(tr("web.kind", c.lang)), e(tr("web.year", c.lang)), e(tr("web.name", c.lang)),
                      e(tr("web.municipality", c.lang)), e(tr("web.decision", c.lang)));
  for (const Scenario& s : d.scenarios)
    body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{}</td></tr>\n", e(s.id), e(tr("scenario." + to_string(s.kind), c.lang)),
                        s.year, e(s.name.shown(c.lang)), e(muni_name(s.municipality)), e(s.decision_ref),
                        s.decision_date ? " " + to_display(*s.decision_date) : "");
  body += "</tbody></table>\n";
  if (may_edit_figures(me)) {
    auto field = [&](const char* name, const std::string& label, const char* type = "text") {
      return fmt::format("<p><label for=\"sc-{0}\">{1}</label><br><input id=\"sc-{0}\" name=\"{0}\" type=\"{2}\"></p>", name, e(label), type);
    };
    body += fmt::format("<h2>{}</h2>\n<form class=\"edit\" method=\"post\" action=\"{}\">{}<p><label for=\"sc-kind\">{}</label><br><select id=\"sc-kind\" name=\"kind\"><option value=\"amendment\">{}</option><option value=\"forecast\">{}</option></select></p>",
                        e(tr("web.new_scenario", c.lang)), e(self), csrf_field(c), e(tr("web.kind", c.lang)),
                        e(tr("scenario.amendment", c.lang)), e(tr("scenario.forecast", c.lang)));
    std::string munis;
    for (const Municipality& m : d.municipalities) munis += fmt::format("<option value=\"{}\">{}</option>", e(m.id), e(m.name.shown(c.lang)));
    body += fmt::format("<p><label for=\"sc-municipality\">{}</label><br><select id=\"sc-municipality\" name=\"municipality\">{}</select></p>",
                        e(tr("web.municipality", c.lang)), munis);
    body += field("id", "id") + field("year", tr("web.year", c.lang)) + field("name_fi", tr("web.name", c.lang) + " (fi)") +
            field("name_sv", tr("web.name", c.lang) + " (sv)") + field("decision_ref", tr("web.decision", c.lang)) +
            field("decision_date", tr("web.decision_date", c.lang), "date");
    body += fmt::format("<p><button type=\"submit\">{}</button></p></form>\n", e(tr("web.save", c.lang)));
  }
  return page(c, tr("web.scenarios", c.lang), body, fmt::format("/{}/scenarios", lc(c.other())));
}

// ---- audit trail ----------------------------------------------------------------------------------

http::Response audit_page(const Ctx& c) {
  std::string unit = c.q("unit");
  auto entries = c.state.with_workplace([&](WorkplaceStore& w) { return w.audit(unit, 500); });
  std::map<std::string, std::string> names;
  for (const User& u : c.state.with_users([](UserStore& s) { return s.users(); })) names[u.id] = u.display_name;
  const Dataset& d = c.app().d;
  const UnitVersion* u = unit.empty() ? nullptr : latest_version(d, unit);
  std::string body = "<h1>" + e(tr("web.audit", c.lang)) + (unit.empty() ? "" : " – " + e(u ? u->name.shown(c.lang) : unit)) + "</h1>\n";
  body += fmt::format("<table class=\"audit\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
                      e(tr("web.audit_caption", c.lang)), e(tr("web.when", c.lang)), e(tr("web.who", c.lang)), e(tr("web.what", c.lang)),
                      e(tr("web.old_value", c.lang)), e(tr("web.new_value", c.lang)));
  for (const AuditEntry& a : entries) {
    AuditText t = describe_audit(d, a, c.lang);
    std::string who = names.count(a.user) ? names[a.user] + " (" + a.user + ")" : a.user;
    if (a.via == "cli") who += " – " + tr("audit.via_cli", c.lang);
    body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"value\">{}</td><td class=\"value\">{}</td></tr>\n",
                        e(display_time(a.at)), e(who), e(t.what), e(t.before), e(t.after));
  }
  body += "</tbody></table>\n";
  if (entries.empty()) body += "<p>" + e(tr("web.audit_empty", c.lang)) + "</p>\n";
  return page(c, tr("web.audit", c.lang), body, fmt::format("/{}/audit{}", lc(c.other()), unit.empty() ? "" : "?unit=" + http::url_encode(unit)));
}

}  // namespace

// ---- closing ledger months (finance): the follow-up projects from closed months only ---------------

http::Response ledger_close_page(const Ctx& c) {
  const User& me = *c.viewer.user;
  if (!may_edit_figures(me)) return forbidden(c);
  auto form = form_fields(c.req);
  auto year = parse_year(form["year"]);
  const std::string& m = form["month"];
  int month = m.size() >= 1 && m.size() <= 2 && std::all_of(m.begin(), m.end(), [](char ch) { return ch >= '0' && ch <= '9'; })
                  ? std::stoi(m) : -1;
  const std::string& unit = form["unit"];
  std::string back = fmt::format("/{}/unit/{}?year={}&kind=follow-up", lc(c.lang), http::url_encode(unit), year.value_or(0));
  if (!year || month < 0 || month > 12 || !c.app().ledger_years.count(*year) || !c.app().d.has_unit(unit))
    return outcome_page(c, result(Outcome::invalid, msg("web.bad_close")), back);
  {
    std::lock_guard lock(c.state.write_mutex());
    c.state.with_ledger([&](LedgerStore& l) { l.set_closed(Actor{me.id, "web"}, *year, month); });
    c.state.reload();
  }
  return redirect(with_notice(back, "saved"));
}

std::optional<http::Response> route_edit_pages(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() == 3 && parts[1] == "ledger" && parts[2] == "close" && c.req.method == "POST") return ledger_close_page(c);
  if (parts.size() == 2 && parts[1] == "audit" && c.req.method == "GET") return audit_page(c);
  if (parts.size() == 2 && parts[1] == "scenarios") return scenarios_page(c);
  if (parts.size() < 4 || parts[1] != "unit") return std::nullopt;
  const std::string& unit = parts[2];
  if (parts.size() == 4 && parts[3] == "texts" && c.req.method == "GET") return texts_page(c, unit);
  if (parts.size() == 4 && parts[3] == "narrative") return narrative_page(c, unit);
  if (parts.size() == 4 && parts[3] == "figures") return figures_page(c, unit);
  if (parts.size() == 5 && parts[3] == "goals" && parts[4] == "edit") return goals_edit_page(c, unit);
  return std::nullopt;
}

}  // namespace toteuma::web
