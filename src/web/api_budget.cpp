#include "web/api_budget.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "core/budgeting/alternative_effect.h"
#include "core/budgeting/budget_round.h"
#include "core/budgeting/frame_chart.h"
#include "core/budgeting/proposal.h"
#include "core/budgeting/version_htv.h"
#include "core/budgeting/round_status.h"
#include "core/budgeting/version_table.h"
#include "core/finance/spending_plan.h"
#include "core/finance/spending_plan_table.h"
#include "core/workplace/access.h"
#include "web/actions.h"
#include "web/api_json.h"

namespace toteuma::web {

namespace {

using namespace api_json;

std::string q(const BudgetApiCall& c, const char* key, const std::string& fallback = "") {
  auto it = c.req.query.find(key);
  return it == c.req.query.end() ? fallback : it->second;
}

json date_or_null(const std::optional<Date>& d) { return d ? json(to_iso(*d)) : json(nullptr); }
json cents_or_null(const std::optional<Cents>& c) { return c ? json(*c) : json(nullptr); }

// A SimpleTable as JSON: cells as stored (value × 10^decimals; cents for money), absent null.
json simple_table_json(const SimpleTable& t) {
  json rows = json::array();
  for (const SimpleRow& r : t.rows) {
    json cells = json::array();
    for (const auto& v : r.cells) cells.push_back(v ? json(*v) : json(nullptr));
    rows.push_back({{"label", r.label}, {"level", r.level}, {"total", r.total}, {"note", r.note}, {"suffix", non_empty(r.suffix)},
                    {"cells", cells}});
  }
  return {{"title", t.title}, {"label_heading", t.label_heading}, {"headings", t.headings}, {"decimals", t.decimals}, {"rows", rows}};
}

json stage_json(const Dataset& d, const std::string& stage) {
  for (const BudgetStage& s : budget_stages(d))
    if (s.id == stage) return {{"id", s.id}, {"name", text(s.name)}, {"editors", s.editors}, {"justification", non_empty(s.justification)}};
  return {{"id", stage}, {"name", nullptr}, {"editors", nullptr}, {"justification", nullptr}};
}

json version_json(const Dataset& d, const BudgetVersion& v) {
  return {{"id", v.id},   {"municipality", v.municipality}, {"year", v.year},
          {"stage", stage_json(d, v.stage)}, {"name", text(v.name)}, {"created", to_iso(v.created)},
          {"based_on", non_empty(v.based_on)}, {"adopted", non_empty(v.adopted)}};
}

// ---- the round ---------------------------------------------------------------------------------------

// GET /api/v1/budget/{year}: the versions in stage order; per binding unit its frame; in each
// version the units edit, every unit's proposal (as the round page shows them).
http::Response round(const BudgetApiCall& c, const std::string& year_s) {
  const Dataset& d = c.snap->d;
  auto year = parse_year(year_s);
  if (!year) return error(c.lang, 400, "invalid", msg("api.bad_year", 2026));
  const std::string muni = q(c, "municipality", d.primary().id);
  if (std::none_of(d.municipalities.begin(), d.municipalities.end(), [&](const Municipality& m) { return m.id == muni; }))
    return error(c.lang, 404, "not_found", msg("err.store.unknown_municipality", muni));
  const FrameDistances fd = frame_distances(d, muni, *year);
  const Date now = today();
  json versions = json::array();
  for (const BudgetVersion* v : versions_of(d, *year)) {
    if (v->municipality != muni) continue;
    json j = version_json(d, *v);
    j["deadline"] = date_or_null(proposal_deadline(d, *v));
    json proposals = nullptr;
    if (has_unit_proposals(d, *v)) {
      proposals = json::array();
      for (const RoundProposal& rp : round_proposals(d, *v, fd, now)) {
        const UnitVersion* u = latest_version(d, rp.unit);
        proposals.push_back({{"unit", rp.unit},
                             {"name", u ? text(u->name) : json(nullptr)},
                             {"state", to_string(rp.proposal.state)},
                             {"comment", non_empty(rp.proposal.comment)},
                             {"changed_by", non_empty(rp.proposal.changed_by)},
                             {"changed_at", non_empty(rp.proposal.changed_at)},
                             {"deadline", date_or_null(rp.deadline)},
                             {"overdue", rp.overdue},
                             {"frame_distance", cents_or_null(rp.frame_distance)}});
      }
    }
    j["proposals"] = proposals;
    versions.push_back(j);
  }
  // Each binding unit's frame on its binding line, Y..Y+2 (the frame's entered figures).
  json units = json::array();
  for (const UnitVersion* u : round_binding_units(d, muni, *year)) {
    json frame = json::object();
    if (fd.frame)
      for (const VersionFigure& f : d.budgeting.figures)
        if (f.version == fd.frame->id && f.unit == u->id && f.line == u->binding_line) frame[std::to_string(f.year)] = f.amount;
    units.push_back({{"id", u->id}, {"name", text(u->name)}, {"binding_line", u->binding_line}, {"frame", frame}});
  }
  return reply(200, {{"year", *year},
                     {"municipality", muni},
                     {"frame", fd.frame ? json(fd.frame->id) : json(nullptr)},
                     {"versions", versions},
                     {"binding_units", units}});
}

// GET /api/v1/budget/versions/{id}/figures[?unit=]: the version's entered figures.
http::Response figures(const BudgetApiCall& c, const std::string& id) {
  const Dataset& d = c.snap->d;
  const BudgetVersion* v = find_version(d, id);
  if (!v) return error(c.lang, 404, "not_found", msg("err.store.unknown_budget_version", id));
  const std::string unit = q(c, "unit");
  if (!unit.empty() && !d.has_unit(unit)) return error(c.lang, 404, "not_found", msg("err.unknown_unit", unit));
  json out = json::array();
  for (const VersionFigure& f : d.budgeting.figures)
    if (f.version == v->id && (unit.empty() || f.unit == unit))
      out.push_back({{"unit", f.unit}, {"line", f.line}, {"year", f.year}, {"amount", f.amount}});
  json j = version_json(d, *v);
  j["figures"] = out;
  return reply(200, j);
}

// ---- a unit's proposal -----------------------------------------------------------------------------

struct ProposalTarget {
  const BudgetVersion* v = nullptr;
  std::string unit, key;  // key: "version/unit" (entity "proposal")
  bool unit_side = false, finance = false;
};

// The version and unit as the proposal page finds them: 404 for a version the units do not edit or
// a unit of another municipality; 403 for a user who is neither the unit's editor nor finance.
std::optional<http::Response> proposal_target(const BudgetApiCall& c, const std::string& unit, ProposalTarget& t) {
  const Dataset& d = c.snap->d;
  const std::string version = q(c, "version");
  t.v = find_version(d, version);
  t.unit = unit;
  if (!latest_version(d, unit) || !t.v || !has_unit_proposals(d, *t.v) || d.municipality_of(unit).id != t.v->municipality)
    return error(c.lang, 404, "not_found", msg("api.no_proposal", unit, version));
  const User& me = *c.viewer.user;
  t.unit_side = may_propose(me, d, unit, t.v->year);
  t.finance = may_edit_figures(me);
  if (!t.unit_side && !t.finance) return error(c.lang, 403, "forbidden", msg("api.proposal_forbidden"));
  t.key = t.v->id + "/" + unit;
  return std::nullopt;
}

json proposal_json(AppState& state, const Dataset& d, const ProposalTarget& t) {
  const BudgetVersion& v = *t.v;
  UnitProposal p = proposal_of(d, v.id, t.unit);
  json figs = json::array(), notes = json::array(), htv = json::array();
  for (const VersionFigure& f : d.budgeting.figures)
    if (f.version == v.id && f.unit == t.unit) figs.push_back({{"line", f.line}, {"year", f.year}, {"amount", f.amount}});
  for (const VersionHtv& h : d.budgeting.htv)
    if (h.version == v.id && h.unit == t.unit) htv.push_back({{"year", h.year}, {"thousandths", h.htv}});
  for (const ProposalNote& n : d.budgeting.notes)
    if (n.version == v.id && n.unit == t.unit) notes.push_back({{"line", n.line}, {"lang", n.lang}, {"text", n.text}});
  bool open = v.adopted.empty();
  return {{"version", v.id},
          {"unit", t.unit},
          {"year", v.year},
          {"state", to_string(p.state)},
          {"comment", non_empty(p.comment)},
          {"changed_by", non_empty(p.changed_by)},
          {"changed_at", non_empty(p.changed_at)},
          {"value", opt(current_value(state, "proposal", t.key))},
          {"deadline", date_or_null(proposal_deadline(d, v))},
          {"overdue", proposal_overdue(d, v, t.unit, today())},
          {"frame_distance", cents_or_null(frame_distances(d, v.municipality, v.year).at(v.id, t.unit))},
          {"may_edit", open && t.unit_side && proposal_editable(p.state)},
          {"may_decide", open && t.finance && p.state == ProposalState::submitted},
          {"figures", figs},
          {"htv", htv},
          {"notes", notes}};
}

// A member that must be a string or null; false when it is something else or absent.
bool nullable_string(const json& j, const char* key, std::optional<std::string>& out) {
  auto it = j.find(key);
  if (it == j.end() || !(it->is_string() || it->is_null())) return false;
  if (it->is_string()) out = it->get<std::string>();
  return true;
}

// A member that must be an integer (cents) or null, kept as the store's text.
bool nullable_cents(const json& j, const char* key, std::optional<std::string>& out) {
  auto it = j.find(key);
  if (it == j.end() || !(it->is_number_integer() || it->is_null())) return false;
  if (it->is_number_integer()) out = std::to_string(it->get<std::int64_t>());
  return true;
}

// The body's figures and justifications as changes; the name of the member that is wrong, if any.
std::optional<std::string> edit_changes(const json& body, const ProposalTarget& t, std::vector<Change>& out) {
  const BudgetVersion& v = *t.v;
  if (auto it = body.find("figures"); it != body.end()) {
    if (!it->is_array()) return "figures";
    for (const json& f : *it) {
      Change ch{"version_figure", "", std::nullopt, std::nullopt};
      auto line = f.is_object() ? str(f, "line") : std::nullopt;
      auto year = f.is_object() ? f.find("year") : f.end();
      if (!line || year == f.end() || !year->is_number_integer() || !nullable_cents(f, "before", ch.before) ||
          !nullable_cents(f, "after", ch.after))
        return "figures";
      int y = year->get<int>();
      if (y < v.year || y > v.year + 2) return "figures.year";
      ch.key = fmt::format("{}/{}/{}", t.key, *line, y);
      if (ch.before != ch.after) out.push_back(std::move(ch));
    }
  }
  // Person-years in thousandths (40,5 htv = 40500), as the store keeps them (entity version_htv).
  if (auto it = body.find("htv"); it != body.end()) {
    if (!it->is_array()) return "htv";
    for (const json& h : *it) {
      Change ch{"version_htv", "", std::nullopt, std::nullopt};
      auto year = h.is_object() ? h.find("year") : h.end();
      if (year == h.end() || !year->is_number_integer() || !nullable_cents(h, "before", ch.before) || !nullable_cents(h, "after", ch.after))
        return "htv";
      int y = year->get<int>();
      if (y < v.year || y > v.year + 2) return "htv.year";
      ch.key = fmt::format("{}/{}", t.key, y);
      if (ch.before != ch.after) out.push_back(std::move(ch));
    }
  }
  if (auto it = body.find("notes"); it != body.end()) {
    if (!it->is_array()) return "notes";
    for (const json& n : *it) {
      Change ch{"proposal_note", "", std::nullopt, std::nullopt};
      auto line = n.is_object() ? str(n, "line") : std::nullopt;
      auto lang = n.is_object() ? str(n, "lang") : std::nullopt;
      if (!line || !lang || (*lang != "fi" && *lang != "sv") || !nullable_string(n, "before", ch.before) || !nullable_string(n, "after", ch.after))
        return "notes";
      if (ch.after && ch.after->empty()) ch.after.reset();  // a blank justification is none
      ch.key = fmt::format("{}/{}/{}", t.key, *line, *lang);
      if (ch.before != ch.after) out.push_back(std::move(ch));
    }
  }
  return std::nullopt;
}

// GET: the proposal; POST {"before", "action": save|submit|return|accept, "comment", "figures",
// "notes"}: one batch through apply_changes, as the proposal page's forms. `before` is the
// proposal's `value` as read: a save carries it unchanged (a proposal moved meanwhile is stale), a
// move changes it.
http::Response proposal(const BudgetApiCall& c, const std::string& unit) {
  ProposalTarget t;
  if (auto bad = proposal_target(c, unit, t)) return *bad;
  if (c.req.method == "GET") return reply(200, proposal_json(c.state, c.snap->d, t));

  http::Response bad;
  auto body = body_object(c.req, c.lang, bad);
  if (!body) return bad;
  const std::string action = str(*body, "action").value_or("save");
  if (action != "save" && action != "submit" && action != "return" && action != "accept")
    return error(c.lang, 400, "invalid", msg("api.bad_proposal_field", "action"));
  std::optional<std::string> before;
  if (!nullable_string(*body, "before", before)) return error(c.lang, 400, "invalid", msg("api.bad_proposal_field", "before"));
  std::vector<Change> changes;
  if (auto wrong = edit_changes(*body, t, changes)) return error(c.lang, 400, "invalid", msg("api.bad_proposal_field", *wrong));
  if (action == "save") {
    changes.push_back({"proposal", t.key, before, before});
  } else {
    std::string comment = action == "return" ? str(*body, "comment").value_or("") : "";
    comment.erase(0, comment.find_first_not_of(" \t\r\n"));
    comment.erase(comment.find_last_not_of(" \t\r\n") + 1);
    if (action == "return" && comment.empty()) return error(c.lang, 400, "comment_required", msg("proposal.comment_required"));
    ProposalState to = action == "submit" ? ProposalState::submitted : action == "return" ? ProposalState::returned : ProposalState::accepted;
    changes.push_back({"proposal", t.key, before, encode_proposal(to, comment)});
  }
  ActionResult r = apply_changes(c.state, *c.viewer.user, changes);
  if (r.outcome != Outcome::ok) return outcome_reply(c.lang, r, json::object());
  auto fresh = c.state.snapshot();
  ProposalTarget now = t;
  if (const BudgetVersion* v = find_version(fresh->d, t.v->id)) now.v = v;
  return reply(200, proposal_json(c.state, fresh->d, now));
}

// ---- the spending plan -----------------------------------------------------------------------------

// GET /api/v1/units/{id}/spending-plan?year=: the plan's rows at the unit and under it, and where
// the plans of the binding units it concerns do not add up to the decision.
http::Response spending_plan(const BudgetApiCall& c, const std::string& unit) {
  const Dataset& d = c.snap->d;
  auto year = year_param(c.req, c.snap->default_year);
  if (!year) return error(c.lang, 400, "invalid", msg("api.bad_year", 2026));
  OrgView org = d.org_on(Date::first_of_year(*year));
  if (!d.has_unit(unit) || !org.find(unit)) return error(c.lang, 404, "not_found", msg("api.unit_not_in_year", unit, *year));
  const UnitVersion* binding = binding_unit_of(org, unit);
  json rows = json::array(), differences = json::array();
  for (const SpendingPlanRow& r : d.spending_plan) {
    if (r.year != *year || !org.within(r.unit, unit)) continue;
    json months = nullptr;
    if (r.months) months = json(std::vector<Cents>(r.months->begin(), r.months->end()));
    rows.push_back({{"unit", r.unit}, {"line", r.line}, {"amount", r.amount}, {"months", months}});
  }
  for (const SpendingPlanDifference& x : spending_plan_differences(d, *year))
    if ((binding && x.binding_unit == binding->id) || org.within(x.binding_unit, unit))
      differences.push_back({{"binding_unit", x.binding_unit}, {"line", x.line}, {"decided", x.decided}, {"planned", x.planned}});
  return reply(200, {{"unit", unit},
                     {"year", *year},
                     {"binding_unit", binding ? json(binding->id) : json(nullptr)},
                     {"rows", rows},
                     {"differences", differences}});
}

// ---- alternative budgets ---------------------------------------------------------------------------

json effect_value(const EffectValue& e) {
  return {{"version", cents_or_null(e.version)}, {"alternative", cents_or_null(e.alternative)}, {"change", e.change}};
}

json alternative_head(const Dataset& d, const User& me, const BudgetAlternative& a, const AlternativeEffect& e) {
  const CouncilGroup* g = find_council_group(d, a.group);
  return {{"id", a.id},
          {"version", a.version},
          {"group", a.group},
          {"group_name", g ? text(g->name) : json(nullptr)},
          {"name", text(a.name)},
          {"created", to_iso(a.created)},
          {"published", a.published},
          {"may_edit", may_edit_alternative(me, a.group)},
          {"year", e.year},
          {"balanced", e.balanced()},
          {"result_change", e.result.change},
          {"balance", {{"fi", balance_sentence(a, e, Lang::fi)}, {"sv", balance_sentence(a, e, Lang::sv)}}}};
}

// GET /api/v1/budget/versions/{id}/alternatives: those the user may read (published, or the group's own).
http::Response alternatives(const BudgetApiCall& c, const std::string& version) {
  const Dataset& d = c.snap->d;
  const BudgetVersion* v = find_version(d, version);
  if (!v) return error(c.lang, 404, "not_found", msg("err.store.unknown_budget_version", version));
  const User& me = *c.viewer.user;
  json out = json::array();
  for (const BudgetAlternative* a : alternatives_of(d, v->year))
    if (a->version == v->id && may_read_alternative(me, a->group, a->published)) out.push_back(alternative_head(d, me, *a, alternative_effect(d, *a)));
  return reply(200, out);
}

// GET /api/v1/alternatives/{id}?year=: one alternative, its changes and their effect in a year
// Y..Y+2. A draft of another group is refused as on its page (403).
http::Response alternative(const BudgetApiCall& c, const std::string& id) {
  const Dataset& d = c.snap->d;
  const BudgetAlternative* a = find_alternative(d, id);
  const BudgetVersion* v = a ? find_version(d, a->version) : nullptr;
  if (!a || !v) return error(c.lang, 404, "not_found", msg("api.no_alternative", id));
  const User& me = *c.viewer.user;
  if (!may_read_alternative(me, a->group, a->published)) return error(c.lang, 403, "forbidden", msg("api.alternative_forbidden"));
  auto year = year_param(c.req, v->year);
  if (!year || *year < v->year || *year > v->year + 2) return error(c.lang, 400, "invalid", msg("api.bad_alternative_year", v->year, v->year + 2));
  AlternativeEffect e = alternative_effect(d, *a, *year);
  json units = json::array(), changes = json::array();
  for (const UnitEffect& u : e.units) units.push_back({{"unit", u.unit}, {"name", text(u.name)}, {"operating_margin", effect_value(u.operating_margin)}});
  for (const AlternativeChange* ch : changes_of(d, a->id))
    changes.push_back({{"key", fmt::format("{}/{}/{}/{}", ch->alternative, ch->unit, ch->line, ch->year)},
                       {"unit", ch->unit},
                       {"line", ch->line},
                       {"year", ch->year},
                       {"amount", ch->amount},
                       {"justification", text(ch->justification)}});
  json j = alternative_head(d, me, *a, e);
  j["value"] = encode_alternative(*a);
  j["changes"] = changes;
  j["effect"] = {{"units", units},
                 {"operating_margin", effect_value(e.operating_margin)},
                 {"annual_margin", effect_value(e.annual_margin)},
                 {"result", effect_value(e.result)},
                 {"surplus", effect_value(e.surplus)}};
  return reply(200, j);
}

enum class BudgetRoute { round, figures, alternatives, alternative, proposal, spending_plan };
struct Entry {
  BudgetRoute route;
  RouteSpec spec;
};
const std::vector<Entry>& budget_table() {
  static const std::vector<Entry> t{
      {BudgetRoute::round, {"/api/v1/budget/{year}", "GET"}},
      {BudgetRoute::figures, {"/api/v1/budget/versions/{id}/figures", "GET"}},
      {BudgetRoute::alternatives, {"/api/v1/budget/versions/{id}/alternatives", "GET"}},
      {BudgetRoute::alternative, {"/api/v1/alternatives/{id}", "GET"}},
      {BudgetRoute::proposal, {"/api/v1/units/{id}/proposal", "GET, POST"}},
      {BudgetRoute::spending_plan, {"/api/v1/units/{id}/spending-plan", "GET"}},
  };
  return t;
}

}  // namespace

const std::vector<RouteSpec>& api_budget_routes() {
  static const std::vector<RouteSpec> out = [] {
    std::vector<RouteSpec> r;
    for (const Entry& e : budget_table()) r.push_back(e.spec);
    return r;
  }();
  return out;
}

http::Response route_api_budget(const BudgetApiCall& c, const RouteSpec& spec, const std::vector<std::string>& parts) {
  for (const Entry& e : budget_table()) {
    if (e.spec.pattern != spec.pattern) continue;
    switch (e.route) {
      case BudgetRoute::round: return round(c, parts[3]);
      case BudgetRoute::figures: return figures(c, parts[4]);
      case BudgetRoute::alternatives: return alternatives(c, parts[4]);
      case BudgetRoute::alternative: return alternative(c, parts[3]);
      case BudgetRoute::proposal: return proposal(c, parts[3]);
      case BudgetRoute::spending_plan: return spending_plan(c, parts[3]);
    }
  }
  return error(c.lang, 404, "not_found", msg("api.no_route"));
}

std::optional<http::Response> api_budget_table(const BudgetApiCall& c, const std::string& unit, const std::string& kind, int year,
                                               Lang lang) {
  if (kind != "budget-versions" && kind != "spending-plan") return std::nullopt;
  const Dataset& d = c.snap->d;
  if (!d.has_unit(unit)) return error(c.lang, 404, "not_found", msg("err.unknown_unit", unit));
  SimpleTable t;
  try {
    t = kind == "budget-versions" ? budget_versions_table(d, unit, year, lang) : spending_plan_table(d, unit, year, lang);
  } catch (const std::invalid_argument&) {  // a unit not valid in the year
    return error(c.lang, 404, "not_found", msg("api.unit_not_in_year", unit, year));
  }
  json j = simple_table_json(t);
  j["unit"] = unit;
  j["kind"] = kind;
  j["year"] = year;
  j["lang"] = lang_code(lang);
  return reply(200, j);
}

}  // namespace toteuma::web
