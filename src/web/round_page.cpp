#include "web/round_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/budgeting/budget_round.h"
#include "core/budgeting/frame_chart.h"
#include "core/budgeting/proposal.h"
#include "core/budgeting/round_status.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/workplace/access.h"
#include "ingest/ledger_fields.h"
#include "web/actions.h"
#include "web/budget_pages.h"
#include "web/form_parts.h"
#include "web/page_text.h"
#include "web/round_page_writes.h"
#include "web/spending_page.h"

namespace toteuma::web {

namespace {

using namespace page_text;
std::string th(const std::string& text) { return "<th scope=\"col\">" + e(text) + "</th>"; }
std::string shown_name(const BudgetVersion& v, Lang lang) { return v.name.shown(lang).empty() ? v.id : v.name.shown(lang); }

// One round: a municipality's versions of year Y in stage order, and its frame (the last one).
struct Round {
  const Municipality& m;
  int year;
  std::vector<const BudgetVersion*> versions;
  const BudgetVersion* frame = nullptr;
};

Round round_of(const Dataset& d, const Municipality& m, int year) {
  Round r{m, year, {}, nullptr};
  for (const BudgetVersion* v : versions_of(d, year))
    if (v->municipality == m.id) {
      r.versions.push_back(v);
      if (v->stage == kFrameStage) r.frame = v;
    }
  return r;
}

// The units whose binding line the frame sets (core/budgeting/round_status.h).
std::vector<const UnitVersion*> binding_units(const Dataset& d, const Round& r) { return round_binding_units(d, r.m.id, r.year); }

std::string from_text(const Dataset& d, const BudgetVersion& v, Lang lang) {
  auto from = parse_version_source(v.based_on);
  if (!from) return v.based_on;
  switch (from->kind) {
    case VersionSource::Kind::empty: return tr("round.from.empty", lang);
    case VersionSource::Kind::last_budget: return tr("round.from.last_budget", lang);
    case VersionSource::Kind::plan: return tr("round.from.plan", lang);
    case VersionSource::Kind::version: {
      const BudgetVersion* src = find_version(d, from->version);
      return tf("round.from.version", lang, src ? shown_name(*src, lang) : from->version);
    }
  }
  return v.based_on;
}

std::string stage_name(const Dataset& d, const std::string& stage, Lang lang) {
  for (const BudgetStage& s : budget_stages(d))
    if (s.id == stage) return s.name.shown(lang);
  return stage;
}

std::string versions_html(const Ctx& c, const Round& r) {
  const Dataset& d = c.app().d;
  if (r.versions.empty()) return "<p>" + e(tf("round.none", c.lang, r.year)) + "</p>\n";
  std::string rows;
  for (const BudgetVersion* v : r.versions) {
    std::string adopted = "–";
    if (!v->adopted.empty()) {
      const Scenario* s = d.scenario(v->adopted);
      adopted = s ? fmt::format("{} ({})", s->name.shown(c.lang), v->adopted) : v->adopted;
    }
    rows += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", e(shown_name(*v, c.lang)),
                        e(stage_name(d, v->stage, c.lang)), e(to_display(v->created)), e(from_text(d, *v, c.lang)), e(adopted));
  }
  return fmt::format("<table class=\"round-versions\"><caption>{}</caption><thead><tr>{}{}{}{}{}</tr></thead><tbody>\n{}</tbody></table>\n",
                     e(tr("round.versions", c.lang)), th(tr("round.col.name", c.lang)), th(tr("round.col.stage", c.lang)),
                     th(tr("round.col.date", c.lang)), th(tr("round.col.from", c.lang)), th(tr("round.col.adopted", c.lang)), rows);
}

// Each version the units edit: every binding unit's proposal (and any other unit's that has one)
// with its state, linked to the unit's proposal page.
std::string proposals_html(const Ctx& c, const Round& r) {
  const Dataset& d = c.app().d;
  const FrameDistances fd = frame_distances(d, r.m.id, r.year);
  std::string out;
  for (const BudgetVersion* v : r.versions) {
    if (!has_unit_proposals(d, *v)) continue;
    std::string rows;
    for (const RoundProposal& rp : round_proposals(d, *v, fd, today())) {
      const std::string& unit = rp.unit;
      const UnitVersion* u = latest_version(d, unit);
      const UnitProposal& p = rp.proposal;
      // The distance from the frame on the unit's binding line, as the proposal page shows it.
      const auto& dist = rp.frame_distance;
      std::string distance = dist ? fmt::format("{} ({})", format_euros(*dist), tr(*dist >= 0 ? "proposal.within_frame" : "proposal.over_frame", c.lang))
                                  : "–";
      rows += fmt::format("<tr><th scope=\"row\"><a href=\"/{}/unit/{}/proposal?version={}\">{}</a></th><td class=\"state-{}\">{}</td>"
                          "<td class=\"num{}\">{}</td><td>{}</td></tr>\n",
                          lc(c.lang), e(http::url_encode(unit)), e(http::url_encode(v->id)), e(u ? u->name.shown(c.lang) : unit),
                          e(to_string(p.state)),
                          e(tr(("proposal.state." + to_string(p.state)).c_str(), c.lang)) +
                              (rp.overdue
                                   ? " <strong class=\"overdue\">" + e(tr("proposal.overdue", c.lang)) + "</strong>"
                                   : ""),
                          dist && *dist < 0 ? " over" : "", e(distance), e(p.comment));
    }
    out += fmt::format("<table class=\"round-proposals\"><caption>{}</caption><thead><tr>{}{}{}{}</tr></thead><tbody>\n{}</tbody></table>\n",
                       e(tf("round.proposals", c.lang, shown_name(*v, c.lang))), th(tr("round.col.unit", c.lang)),
                       th(tr("round.col.state", c.lang)), th(tr("versions.col.frame_distance", c.lang)), th(tr("round.col.comment", c.lang)), rows);
  }
  return out;
}

std::optional<Cents> frame_figure(const Dataset& d, const BudgetVersion& frame, const std::string& unit, const std::string& line, int year) {
  for (const VersionFigure& f : d.budgeting.figures)
    if (f.version == frame.id && f.unit == unit && f.line == line && f.year == year) return f.amount;
  return std::nullopt;
}

std::string field_name(const std::string& unit, int year) { return fmt::format("{}_{}", unit, year); }

// The frame per binding unit on its binding line, Y..Y+2: inputs for finance, figures for others.
std::string frames_html(const Ctx& c, const Round& r, bool finance, const std::string& self) {
  const Dataset& d = c.app().d;
  if (!r.frame) return finance ? "<p>" + e(tf("round.no_frame", c.lang, stage_name(d, kFrameStage, c.lang))) + "</p>\n" : "";
  bool editing = finance && r.frame->adopted.empty();
  std::string head = th(tr("round.col.unit", c.lang)) + th(tr("round.col.line", c.lang));
  for (int y = r.year; y <= r.year + 2; ++y) head += th(std::to_string(y));
  std::string rows;
  for (const UnitVersion* u : binding_units(d, r)) {
    const Line* line = d.chart.find(u->binding_line);
    std::string lname = line ? line->name.shown(c.lang) : u->binding_line;
    std::string row = fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td>", e(u->name.shown(c.lang)), e(lname));
    for (int y = r.year; y <= r.year + 2; ++y) {
      auto f = frame_figure(d, *r.frame, u->id, u->binding_line, y);
      if (!editing) {
        row += "<td class=\"num\">" + (f ? format_euros(*f) : std::string("–")) + "</td>";
        continue;
      }
      std::string name = field_name(u->id, y);
      row += fmt::format("<td>{0}<input id=\"f-{1}\" name=\"f_{1}\" value=\"{2}\" inputmode=\"decimal\" size=\"12\" aria-label=\"{3}, {4} {5}\"></td>",
                         before_fields(name, f ? std::optional<std::string>(std::to_string(*f)) : std::nullopt), e(name),
                         f ? e(plain_euros(*f)) : "", e(u->name.shown(c.lang)), e(lname), y);
    }
    rows += row + "</tr>\n";
  }
  std::string table = fmt::format("<table class=\"round-frames\"><caption>{}</caption><thead><tr>{}</tr></thead><tbody>\n{}</tbody></table>\n",
                                  e(tf("round.frames", c.lang, shown_name(*r.frame, c.lang))), head, rows);
  if (!editing) return table;
  return fmt::format("<form class=\"edit round-frames\" method=\"post\" action=\"{}\">{}<input type=\"hidden\" name=\"do\" value=\"frames\">"
                     "<input type=\"hidden\" name=\"frame\" value=\"{}\"><p>{}</p>{}<p><button type=\"submit\">{}</button></p></form>\n",
                     e(self), csrf_field(c), e(r.frame->id), e(tr("round.frames_intro", c.lang)), table, e(tr("round.frames_save", c.lang)));
}

// The link to the spending plan of Y and the check's findings of plans that do not add up.
std::string spending_plan_html(const Ctx& c, const Round& r) {
  const Dataset& d = c.app().d;
  std::string list;
  for (const Finding& f : c.app().findings)
    if (f.rule == "budget.spending_plan_sum" && f.where.year == r.year && d.has_unit(f.where.unit) && d.municipality_of(f.where.unit).id == r.m.id)
      list += "<li>" + e(c.lang == Lang::fi ? f.fi : f.sv) + "</li>";
  std::string out = fmt::format("<p><a href=\"/{}/budget/{}/spending-plan{}\">{}</a></p>\n", lc(c.lang), r.year, e(municipality_query(c, r.m)),
                                e(tf("round.spending_link", c.lang, r.year)));
  if (!list.empty()) out += "<div class=\"verdict error\" role=\"status\"><p>" + e(tr("spending_page.does_not_add_up", c.lang)) + "</p><ul>" + list + "</ul></div>\n";
  return out;
}

std::string start_html(const Ctx& c, const Round& r, const std::string& self) {
  const Dataset& d = c.app().d;
  std::string stages, from;
  for (const BudgetStage& s : budget_stages(d)) stages += fmt::format("<option value=\"{}\">{}</option>", e(s.id), e(s.name.shown(c.lang)));
  from += fmt::format("<option value=\"\">{}</option><option value=\"last-budget\">{}</option><option value=\"plan\">{}</option>",
                      e(tr("round.from.empty", c.lang)), e(tr("round.from.last_budget", c.lang)), e(tr("round.from.plan", c.lang)));
  for (const BudgetVersion* v : r.versions)
    from += fmt::format("<option value=\"version:{}\">{}</option>", e(v->id), e(tf("round.from.version", c.lang, shown_name(*v, c.lang))));
  auto text = [&](const char* id, const char* label, const std::string& lang_attr) {
    return fmt::format("<p><label for=\"{0}\">{1}</label><br><input id=\"{0}\" name=\"{0}\" size=\"40\"{2}></p>", id, e(tr(label, c.lang)),
                       lang_attr.empty() ? "" : " lang=\"" + lang_attr + "\"");
  };
  return fmt::format(
      "<h2>{}</h2>\n<form class=\"edit round-start\" method=\"post\" action=\"{}\">{}<input type=\"hidden\" name=\"do\" value=\"start\">"
      "<p><label for=\"stage\">{}</label><br><select id=\"stage\" name=\"stage\">{}</select></p>{}{}{}"
      "<p><label for=\"from\">{}</label><br><select id=\"from\" name=\"from\">{}</select></p>"
      "<p><label for=\"adjust\">{}</label><br><textarea id=\"adjust\" name=\"adjust\" rows=\"3\" cols=\"40\"></textarea></p>"
      "<p><button type=\"submit\">{}</button></p></form>\n",
      e(tr("round.start", c.lang)), e(self), csrf_field(c), e(tr("round.field.stage", c.lang)), stages, text("id", "round.field.id", ""),
      text("name_fi", "round.field.name_fi", "fi"), text("name_sv", "round.field.name_sv", "sv"), e(tr("round.field.from", c.lang)), from,
      e(tr("round.field.adjust", c.lang)), e(tr("round.start_button", c.lang)));
}

// A form per council decision not yet adopted; it carries the decision's figures as seen (stamp).
std::string adopt_html(const Ctx& c, const Round& r, const std::string& self) {
  const Dataset& d = c.app().d;
  std::string out;
  for (const BudgetVersion* v : r.versions) {
    if (v->stage != kCouncilStage || !v->adopted.empty()) continue;
    std::string field = "as-" + v->id;
    out += fmt::format(
        "<form class=\"edit round-adopt\" method=\"post\" action=\"{0}\">{1}<input type=\"hidden\" name=\"do\" value=\"adopt\">"
        "<input type=\"hidden\" name=\"version\" value=\"{2}\"><input type=\"hidden\" name=\"stamp\" value=\"{3}\">"
        "<p><label for=\"{4}\">{5}</label><br><input id=\"{4}\" name=\"as\" value=\"ta{6}\" size=\"20\"></p>"
        "<p><button type=\"submit\">{7}</button></p></form>\n",
        e(self), csrf_field(c), e(v->id), e(version_stamp(d, v->id)), e(field), e(tr("round.field.as", c.lang)), r.year,
        e(tf("round.adopt_button", c.lang, shown_name(*v, c.lang))));
  }
  if (out.empty()) return "";
  return "<h2>" + e(tr("round.adopt", c.lang)) + "</h2>\n<p>" + e(tf("round.adopt_intro", c.lang, r.year)) + "</p>\n" + out;
}

// The frame changes of the form: each binding unit's binding line, Y..Y+2, that differs from the
// value the form was opened with.
std::optional<std::vector<Change>> frame_changes(const Ctx& c, const Round& r, std::map<std::string, std::string>& form, ActionResult& bad) {
  const Dataset& d = c.app().d;
  const BudgetVersion* frame = find_version(d, form["frame"]);
  if (!frame || frame->year != r.year || frame->municipality != r.m.id) {
    bad = result(Outcome::invalid, msg("err.store.unknown_budget_version", form["frame"]));
    return std::nullopt;
  }
  std::vector<Change> out;
  for (const UnitVersion* u : binding_units(d, r))
    for (int y = r.year; y <= r.year + 2; ++y)
      if (!add_figure_change(form, field_name(u->id, y), fmt::format("{}/{}/{}/{}", frame->id, u->id, u->binding_line, y),
                             u->name.shown(c.lang), out, bad))
        return std::nullopt;
  return out;
}

VersionRequest start_request(const Round& r, std::map<std::string, std::string>& form) {
  VersionRequest q;
  q.id = std::string(ledger::trim(form["id"]));
  q.municipality = r.m.id;
  q.year = r.year;
  q.stage = form["stage"];
  q.name = {std::string(ledger::trim(form["name_fi"])), std::string(ledger::trim(form["name_sv"]))};
  q.created = today();
  q.from = form["from"];
  for (const auto& part : split_nonempty(form["adjust"], '\n')) {
    std::string a = std::string(ledger::trim(part));
    a.erase(std::remove(a.begin(), a.end(), ' '), a.end());  // "personnel_costs = 2,5 %"
    if (!a.empty()) q.adjust.push_back(a);
  }
  return q;
}

http::Response round_page(const Ctx& c, int year, const Municipality& m) {
  const Dataset& d = c.app().d;
  const User& me = *c.viewer.user;
  const bool finance = may_edit_figures(me);
  const Round r = round_of(d, m, year);
  const std::string self = fmt::format("/{}/budget/{}{}", lc(c.lang), year, municipality_query(c, m));
  if (c.req.method == "POST") {
    if (!finance) return forbidden(c);
    auto form = form_fields(c.req);
    const std::string act = form["do"];
    ActionResult res;
    if (act == "frames") {
      ActionResult bad;
      auto changes = frame_changes(c, r, form, bad);
      if (!changes) return outcome_page(c, bad, self);
      res = apply_changes(c.state, me, *changes);
    } else if (act == "start") {
      res = start_round_version(c.state, me, start_request(r, form));
    } else if (act == "adopt") {
      const BudgetVersion* v = find_version(d, form["version"]);
      if (!v || v->year != year || v->municipality != m.id) return bad_request(c.lang);
      res = adopt_round_version(c.state, me, v->id, std::string(ledger::trim(form["as"])), form["stamp"]);
    } else {
      return bad_request(c.lang);
    }
    if (res.outcome != Outcome::ok) return outcome_page(c, res, self);
    return redirect(with_notice(self, act == "frames" ? "frames" : act == "start" ? "started" : "adopted"));
  }

  std::string body = "<h1>" + e(tf("round.title", c.lang, year)) + "</h1>\n";
  if (d.municipalities.size() > 1) body += "<p>" + e(m.name.shown(c.lang)) + "</p>\n";
  std::string notice = c.q("notice");
  if (notice == "frames" || notice == "started" || notice == "adopted")
    body += "<p class=\"notice\" role=\"status\">" + e(tr(("round.notice." + notice).c_str(), c.lang)) + "</p>\n";
  body += fmt::format("<p><a href=\"/{}/budget/{}/versions{}\">{}</a></p>\n", lc(c.lang), year, e(municipality_query(c, m)),
                      e(tr("round.compare_link", c.lang)));
  body += spending_plan_html(c, r);
  body += versions_html(c, r);
  body += frames_html(c, r, finance, self);
  body += proposals_html(c, r);
  if (finance) body += start_html(c, r, self) + adopt_html(c, r, self);
  return page(c, tf("round.title", c.lang, year), body, fmt::format("/{}/budget/{}{}", lc(c.other()), year, municipality_query(c, m)));
}

}  // namespace

const Municipality* round_municipality(const Ctx& c) {
  const Dataset& d = c.app().d;
  std::string id = c.q("municipality", d.primary().id);
  for (const Municipality& m : d.municipalities)
    if (m.id == id) return &m;
  return nullptr;
}

std::string municipality_query(const Ctx& c, const Municipality& m) {
  return m.id == c.app().d.primary().id ? "" : "?municipality=" + http::url_encode(m.id);
}

std::optional<http::Response> route_round_pages(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() < 3 || parts.size() > 4 || parts[1] != "budget") return std::nullopt;
  if (parts.size() == 4 && parts[3] != "versions" && parts[3] != "spending-plan") return std::nullopt;
  auto year = parse_year(parts[2]);
  const Municipality* m = round_municipality(c);
  if (!year || !m) return not_found(c);
  if (parts.size() == 4) return parts[3] == "versions" ? round_compare_page(c, *year, *m) : spending_plan_page(c, *year, *m);
  return round_page(c, *year, *m);
}

}  // namespace toteuma::web
