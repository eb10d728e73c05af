#include "web/budget_pages.h"

#include <fmt/format.h>

#include <set>

#include "core/budgeting/budget_round.h"
#include "core/budgeting/proposal.h"
#include "core/finance/ledger.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/workplace/access.h"
#include "ingest/ledger_fields.h"
#include "web/actions.h"
#include "web/form_parts.h"
#include "web/page_text.h"
#include "web/proposal_htv.h"
#include "web/proposal_sections.h"

namespace toteuma::web {

namespace {

using namespace page_text;

// The lines a unit proposes: the detail lines of the operating part it uses, and a total the
// version holds as a figure of the unit (a plan kept as Henkilöstökulut, not wages and side costs),
// so every figure behind the frame distance can be seen and changed.
std::vector<const Line*> proposal_lines(const Dataset& d, const UnitVersion& u, const std::string& version) {
  std::set<std::string> entered;
  for (const auto& f : d.budgeting.figures)
    if (f.version == version && f.unit == u.id) entered.insert(f.line);
  std::vector<const Line*> out;
  for (const Line& l : d.chart.lines())
    if ((l.kind == LineKind::detail || entered.count(l.id)) && (l.parts & static_cast<unsigned>(Part::operating)) &&
        unit_uses(l, u.parent.empty()))
      out.push_back(&l);
  return out;
}

std::string money(std::optional<Cents> c) { return c ? format_euros(*c) : "–"; }

// The proposal's distance from the frame at each line the frame sets for the unit in year Y
// (the binding line, Toimintakate, as a rule), rolled up from the saved figures on every render.
std::string frame_distance_html(const Ctx& c, const BudgetVersion& v, const std::string& unit) {
  const Dataset& d = c.app().d;
  const BudgetVersion* frame = nullptr;
  for (const BudgetVersion* x : versions_of(d, v.year))
    if (x->stage == kFrameStage) frame = x;
  if (!frame) return "";
  Dataset pd = version_dataset(d, v), fd = version_dataset(d, *frame);
  Ledger pl(pd), fl(fd);
  OrgView org = d.org_on(Date::first_of_year(v.year));
  std::string rows;
  for (const VersionFigure& f : d.budgeting.figures) {
    if (f.version != frame->id || f.unit != unit || f.year != v.year) continue;
    const Line* l = d.chart.find(f.line);
    auto proposed = pl.measure(org, unit, f.line, {Measure::budget, v.year, 0});
    auto framed = fl.measure(org, unit, f.line, {Measure::budget, v.year, 0});
    std::string dist = "–", verdict;
    if (proposed && framed) {
      Cents diff = checked_sub(*proposed, *framed);  // positive: better than the frame (within it)
      dist = format_euros(diff);
      verdict = tr(diff >= 0 ? "proposal.within_frame" : "proposal.over_frame", c.lang);
    }
    rows += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
                        e(l ? l->name.shown(c.lang) : f.line), money(proposed), money(framed), dist, e(verdict));
  }
  if (rows.empty()) return "";
  return fmt::format("<table class=\"frame-distance\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
                     "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n{}</tbody></table>\n",
                     e(tf("proposal.frame_caption", c.lang, frame->name.shown(c.lang), v.year)), e(tr("col.label", c.lang)),
                     e(tr("proposal.col.proposal", c.lang)), e(tr("proposal.col.frame", c.lang)),
                     e(tr("versions.col.frame_distance", c.lang)), e(tr("proposal.col.verdict", c.lang)), rows);
}

std::string key_of(const std::string& version, const std::string& unit) { return version + "/" + unit; }

// The changes of a saved proposal form: each changed figure and justification, and a guard that
// the proposal's state is still the one the form was opened in (a submitted meanwhile is stale).
std::optional<std::vector<Change>> saved_changes(const Ctx& c, const BudgetVersion& v, const UnitVersion& u,
                                                 std::map<std::string, std::string>& form, ActionResult& bad) {
  const Dataset& d = c.app().d;
  std::vector<Change> out;
  auto state_before = before_from(form, "state");
  out.push_back({"proposal", key_of(v.id, u.id), state_before, state_before});
  for (const Line* l : proposal_lines(d, u, v.id)) {
    for (int y = v.year; y <= v.year + 2; ++y) {
      if (!add_figure_change(form, fmt::format("{}_{}", l->id, y), fmt::format("{}/{}/{}/{}", v.id, u.id, l->id, y),
                             l->name.shown(c.lang), out, bad))
        return std::nullopt;
    }
    for (Lang lang : {Lang::fi, Lang::sv}) {
      std::string name = fmt::format("{}_{}", l->id, lc(lang));
      if (!form.count("n_" + name)) continue;
      std::optional<std::string> after = form["n_" + name];
      if (after->empty()) after.reset();
      auto before = before_from(form, "n" + name);
      if (before != after) out.push_back({"proposal_note", fmt::format("{}/{}/{}/{}", v.id, u.id, l->id, lc(lang)), before, after});
    }
  }
  if (!add_htv_changes(c, v, u.id, form, out, bad)) return std::nullopt;  // personnel (web/proposal_htv.h)
  return out;
}

http::Response proposal_page(const Ctx& c, const std::string& unit) {
  const Dataset& d = c.app().d;
  const UnitVersion* u = latest_version(d, unit);
  const BudgetVersion* v = find_version(d, c.q("version"));
  // A round is one municipality's: its units only.
  if (!u || !v || !has_unit_proposals(d, *v) || d.municipality_of(unit).id != v->municipality) return not_found(c);
  const User& me = *c.viewer.user;
  bool unit_side = may_propose(me, d, unit, v->year), finance = may_edit_figures(me);
  if (!unit_side && !finance) return forbidden(c);
  const std::string key = key_of(v->id, unit);
  std::string self = fmt::format("/{}/unit/{}/proposal?version={}", lc(c.lang), unit, http::url_encode(v->id));
  if (c.req.method == "POST") {
    auto form = form_fields(c.req);
    const std::string act = form["do"];
    auto state_before = before_from(form, "state");
    std::vector<Change> changes;
    std::string done = with_notice(self, act == "save" ? "proposal-saved" : act);
    if (auto sec = proposal_section_post(c, *v, *u, proposal_lines(d, *u, v->id), form, self)) {  // the split, the texts
      if (!sec->changes) return outcome_page(c, sec->refused, self);
      changes = std::move(*sec->changes);
      done = sec->done;
    } else if (act == "save") {
      ActionResult bad;
      auto saved = saved_changes(c, *v, *u, form, bad);
      if (!saved) return outcome_page(c, bad, self);
      changes = std::move(*saved);
    } else if (act == "submit" || act == "return" || act == "accept") {
      std::string comment = act == "return" ? std::string(ledger::trim(form["comment"])) : "";
      if (act == "return" && comment.empty()) return outcome_page(c, result(Outcome::invalid, msg("proposal.comment_required")), self);
      ProposalState to = act == "submit" ? ProposalState::submitted : act == "return" ? ProposalState::returned : ProposalState::accepted;
      changes.push_back({"proposal", key, state_before, encode_proposal(to, comment)});
    } else {
      return bad_request(c.lang);
    }
    ActionResult r = apply_changes(c.state, me, changes);
    if (r.outcome != Outcome::ok) return outcome_page(c, r, self);
    // "proposal-saved", not the layout's generic "saved": one notice, the page's own.
    return redirect(done);
  }

  UnitProposal p = proposal_of(d, v->id, unit);
  auto stored_state = current_value(c.state, "proposal", key);
  bool editing = unit_side && proposal_open_at(d, *v, unit) && v->adopted.empty();  // a binding unit's submit locks its areas
  std::string body = fmt::format("<h1>{}</h1>\n<h2>{}</h2>\n<p>{}: <strong>{}</strong></p>\n", e(u->name.shown(c.lang)),
                                 e(tf("proposal.heading", c.lang, v->name.shown(c.lang).empty() ? v->id : v->name.shown(c.lang))),
                                 e(tr("proposal.state", c.lang)), e(tr(("proposal.state." + to_string(p.state)).c_str(), c.lang)));
  // The deadline from the annual clock; a draft or returned proposal after it is overdue.
  if (auto deadline = proposal_deadline(d, *v))
    body += fmt::format("<p>{}: {}{}</p>\n", e(tr("proposal.deadline", c.lang)), to_display(*deadline),
                        proposal_overdue(d, *v, unit, today())
                            ? " <strong class=\"overdue\">" + e(tr("proposal.overdue", c.lang)) + "</strong>"
                            : "");
  body += fmt::format("<p><a href=\"/{}/budget/{}{}\">{}</a></p>\n", lc(c.lang), v->year,
                      v->municipality == d.primary().id ? "" : "?municipality=" + e(http::url_encode(v->municipality)),
                      e(tf("round.title", c.lang, v->year)));
  std::string notice = c.q("notice");
  if (notice == "proposal-saved") notice = "saved";
  if (notice == "saved" || notice == "submit" || notice == "return" || notice == "accept")
    body += "<p class=\"notice\" role=\"status\">" + e(tr(("proposal.notice." + notice).c_str(), c.lang)) + "</p>\n";
  if (p.state == ProposalState::returned && !p.comment.empty())
    body += fmt::format("<div class=\"comment\"><p><strong>{}</strong></p><p>{}</p></div>\n", e(tr("proposal.finance_comment", c.lang)),
                        e(p.comment));
  body += frame_distance_html(c, *v, unit);

  // The lines: TP Y−2 and TA Y−1 after amendments as reference, the unit's own figures of Y..Y+2.
  Ledger base(d);
  OrgView org = d.org_on(Date::first_of_year(v->year));
  auto own = [&](const std::string& line, int year) -> std::optional<Cents> {
    for (const VersionFigure& f : d.budgeting.figures)
      if (f.version == v->id && f.unit == unit && f.line == line && f.year == year) return f.amount;
    return std::nullopt;
  };
  auto note = [&](const std::string& line, Lang lang) -> std::optional<std::string> {
    for (const ProposalNote& n : d.budgeting.notes)
      if (n.version == v->id && n.unit == unit && n.line == line && n.lang == lc(lang)) return n.text;
    return std::nullopt;
  };
  std::string head = fmt::format("<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>", e(tr("col.label", c.lang)),
                                 e(tf("col.actual", c.lang, v->year - 2)), e(tf("col.budget_after", c.lang, v->year - 1)));
  for (int y = v->year; y <= v->year + 2; ++y) head += fmt::format("<th scope=\"col\">{}</th>", y);
  head += fmt::format("<th scope=\"col\">{}</th><th scope=\"col\">{}</th>", e(tr("proposal.col.justification_fi", c.lang)),
                      e(tr("proposal.col.justification_sv", c.lang)));
  std::string rows;
  for (const Line* l : proposal_lines(d, *u, v->id)) {
    std::string row = fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>", e(l->name.shown(c.lang)),
                                  money(base.measure(org, unit, l->id, {Measure::actual, v->year - 2, 0})),
                                  money(base.measure(org, unit, l->id, {Measure::budget_after, v->year - 1, 0})));
    for (int y = v->year; y <= v->year + 2; ++y) {
      auto f = own(l->id, y);
      if (!editing) {
        row += "<td class=\"num\">" + money(f) + "</td>";
        continue;
      }
      std::string name = fmt::format("{}_{}", l->id, y);
      row += fmt::format("<td>{0}<input id=\"f-{1}\" name=\"f_{1}\" value=\"{2}\" inputmode=\"decimal\" size=\"12\" aria-label=\"{3} {4}\"></td>",
                         before_fields(name, f ? std::optional<std::string>(std::to_string(*f)) : std::nullopt), e(name),
                         f ? e(plain_euros(*f)) : "", e(l->name.shown(c.lang)), y);
    }
    for (Lang lang : {Lang::fi, Lang::sv}) {
      auto n = note(l->id, lang);
      if (!editing) {
        row += "<td lang=\"" + lc(lang) + "\">" + e(n.value_or("")) + "</td>";
        continue;
      }
      std::string name = fmt::format("{}_{}", l->id, lc(lang));
      row += fmt::format("<td>{0}<input id=\"n-{1}\" name=\"n_{1}\" lang=\"{2}\" value=\"{3}\" size=\"24\" aria-label=\"{4} – {5}\"></td>",
                         before_fields("n" + name, n), e(name), lc(lang), e(n.value_or("")), e(l->name.shown(c.lang)),
                         e(tr(lang == Lang::fi ? "proposal.col.justification_fi" : "proposal.col.justification_sv", c.lang)));
    }
    rows += row + "</tr>\n";
  }
  // Three years and two justifications make the table wide: it scrolls in a region of its own.
  std::string table = fmt::format("<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"{3}\"><table class=\"proposal\"><caption>{0}</caption>"
                                  "<thead><tr>{1}</tr></thead><tbody>\n{2}</tbody></table></div>\n",
                                  e(tr("table.unit_note", c.lang)), head, rows, e(tr("proposal.title", c.lang)));
  table += proposal_htv_html(c, *v, unit, editing);  // personnel, in the same save form
  std::string state_field = before_fields("state", stored_state);
  if (editing) {
    body += fmt::format("<form class=\"edit\" method=\"post\" action=\"{}\">{}{}<input type=\"hidden\" name=\"do\" value=\"save\">{}"
                        "<p><button type=\"submit\">{}</button></p></form>\n",
                        e(self), csrf_field(c), state_field, table, e(tr("web.save", c.lang)));
    body += proposal_sections_html(c, *v, *u, proposal_lines(d, *u, v->id), editing, state_field);
    body += fmt::format("<form method=\"post\" action=\"{}\">{}{}<input type=\"hidden\" name=\"do\" value=\"submit\"><p><button type=\"submit\">{}</button></p></form>\n",
                        e(self), csrf_field(c), state_field, e(tr("proposal.submit", c.lang)));
  } else {
    body += table + proposal_sections_html(c, *v, *u, proposal_lines(d, *u, v->id), editing, state_field);
  }
  if (finance && p.state == ProposalState::submitted) {
    body += fmt::format("<form method=\"post\" action=\"{0}\">{1}{2}<input type=\"hidden\" name=\"do\" value=\"return\"><p><label for=\"comment\">{3}</label><br>"
                        "<textarea id=\"comment\" name=\"comment\" rows=\"3\" cols=\"60\"></textarea></p><p><button type=\"submit\">{4}</button></p></form>\n",
                        e(self), csrf_field(c), state_field, e(tr("proposal.comment", c.lang)), e(tr("proposal.return", c.lang)));
    body += fmt::format("<form method=\"post\" action=\"{}\">{}{}<input type=\"hidden\" name=\"do\" value=\"accept\"><p><button type=\"submit\">{}</button></p></form>\n",
                        e(self), csrf_field(c), state_field, e(tr("proposal.accept", c.lang)));
  }
  return page(c, tr("proposal.title", c.lang), body,
              fmt::format("/{}/unit/{}/proposal?version={}", lc(c.other()), e(unit), http::url_encode(v->id)), 200, unit);
}

}  // namespace

bool add_figure_change(std::map<std::string, std::string>& form, const std::string& name, const std::string& key,
                       const std::string& label, std::vector<Change>& out, ActionResult& bad) {
  if (!form.count("f_" + name)) return true;
  std::string in = std::string(ledger::trim(form["f_" + name]));
  std::optional<std::string> after;
  if (!in.empty()) {
    auto cents = ledger::parse_amount(in);
    if (!cents) {
      bad = result(Outcome::invalid, msg("web.bad_amount_in", label, in));
      return false;
    }
    after = std::to_string(*cents);
  }
  auto before = before_from(form, name);
  if (before != after) out.push_back({"version_figure", key, before, after});
  return true;
}

std::optional<http::Response> route_budget_pages(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() == 4 && parts[1] == "unit" && parts[3] == "proposal") return proposal_page(c, parts[2]);
  return std::nullopt;
}

}  // namespace toteuma::web
