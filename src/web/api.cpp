// The JSON API: each route reads the snapshot or calls the same actions as the pages (actions.h),
// so authorisation, audit and the stale check cannot differ between the two. Errors are JSON
// {"error": code, "message": text in the reader's language} (api_json.h); a malformed body is a 400, never an exception.
#include "web/api.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/workplace/access.h"
#include "core/workplace/calendar.h"
#include "core/goals/goals.h"
#include "core/i18n.h"
#include "web/sso_routes.h"
#include "core/documents/narratives.h"
#include "core/finance/report_table.h"
#include "core/text.h"
#include "render/document_output.h"
#include "web/pdf_jobs.h"
#include "web/actions.h"
#include "web/api_budget.h"
#include "web/api_comments.h"
#include "web/api_json.h"
#include "web/web_templates.h"

namespace toteuma::web {

namespace {

using nlohmann::json;
using namespace api_json;

constexpr std::size_t max_changes = 1000;  // one request's batch
constexpr int max_audit = 1000;

// The language of a reply's messages: ?lang=, else the Accept-Language header's first language
// when it is Finnish or Swedish, else the dataset's primary language.
Lang reply_lang(const http::Request& req, const Dataset& d) {
  auto it = req.query.find("lang");
  if (it != req.query.end())
    if (auto l = parse_lang(it->second)) return *l;
  std::string accept = req.header("accept-language");
  if (auto l = parse_lang(accept.substr(0, std::min<std::size_t>(2, accept.size())))) return *l;
  return d.primary().primary;
}

std::string to_string(Measure m) {
  switch (m) {
    case Measure::budget: return "budget";
    case Measure::amendments: return "amendments";
    case Measure::budget_after: return "budget_after";
    case Measure::actual: return "actual";
    case Measure::deviation: return "deviation";
    case Measure::forecast: return "forecast";
    case Measure::plan: return "plan";
  }
  return "";
}

struct Call {
  AppState& state;
  const LoginLimiter& limiter;
  const http::Request& req;
  std::shared_ptr<const Snapshot> snap;
  Viewer viewer;
  Lang lang = Lang::fi;  // of messages (reply_lang)
  const Dataset& d() const { return snap->d; }
  std::string q(const char* key, const std::string& fallback = "") const {
    auto it = req.query.find(key);
    return it == req.query.end() ? fallback : it->second;
  }
};

// ?lang=, the primary language without it.
std::optional<Lang> lang_param(const Call& c) {
  std::string l = c.q("lang");
  return l.empty() ? std::optional<Lang>(c.d().primary().primary) : parse_lang(l);
}

json grants_of(const User& u) {
  json roles = json::array();
  for (const Grant& g : u.grants) roles.push_back(to_string(g));
  return roles;
}

json session_json(const User& u, const std::string& csrf) {
  return {{"user", u.id}, {"name", u.display_name}, {"roles", grants_of(u)}, {"csrf", csrf}};
}

json version_json(const DocumentVersion& v) {
  return {{"id", v.id},
          {"doc", v.doc},
          {"unit", v.unit},
          {"year", v.year},
          {"number", v.number},
          {"content_hash", v.content_hash},
          {"approved_by", v.approved_by},
          {"approved_at", v.approved_at},
          {"check_errors", v.check_errors},
          {"check_reason", non_empty(v.check_reason)},
          {"published_by", non_empty(v.published_by)},
          {"published_at", non_empty(v.published_at)}};
}

// ---- sessions ------------------------------------------------------------------------------------

http::Response login(Call& c) {
  http::Response bad;
  auto body = body_object(c.req, c.lang, bad);
  if (!body) return bad;
  auto user = str(*body, "user"), password = str(*body, "password");
  if (!user || !password) return error(c.lang, 400, "invalid", msg("api.login_fields"));
  std::string token, csrf;
  std::int64_t retry_after = 0;
  switch (log_in(c.state, c.limiter, c.req, *user, *password, token, csrf, retry_after)) {
    case LoginResult::ok: break;
    case LoginResult::wrong: return error(c.lang, 401, "login_failed", msg("web.login_wrong"));
    case LoginResult::password_off: return error(c.lang, 403, "password_off", msg("web.sso_password_off", sso_name(c.state)));
    case LoginResult::locked: {
      auto r = error(c.lang, 429, "locked", msg("web.login_locked"));
      r.headers.emplace_back("Retry-After", std::to_string(retry_after));
      return r;
    }
  }
  auto u = c.state.with_users([&](UserStore& s) { return s.user(*user); });
  auto r = reply(200, session_json(*u, csrf));
  r.headers.emplace_back("Set-Cookie", session_cookie(c.state, token));
  return r;
}

http::Response logout(Call& c) {
  c.state.with_users([&](UserStore& u) { u.delete_session(c.viewer.digest); });
  http::Response r{204, "", "", {}};
  r.headers.emplace_back("Set-Cookie", expired_session_cookie(c.state));
  return r;
}

// ---- reading -------------------------------------------------------------------------------------

http::Response units(Call& c) {
  auto year = year_param(c.req, c.snap->default_year);
  if (!year) return error(c.lang, 400, "invalid", msg("api.bad_year", 2024));
  json out = json::array();
  for (const auto& [u, depth] : c.d().org_on(Date::last_of_year(*year)).tree())
    out.push_back({{"id", u->id}, {"parent", non_empty(u->parent)}, {"name", text(u->name)}, {"kind", to_string(u->kind)}});
  return reply(200, out);
}

http::Response table(Call& c, const std::string& unit) {
  auto year = year_param(c.req, c.snap->default_year);
  auto lang = lang_param(c);
  if (year && lang)  // the budget round's tables (api_budget.h)
    if (auto t = api_budget_table({c.state, c.req, c.snap, c.viewer, c.lang}, unit, c.q("kind"), *year, *lang)) return *t;
  auto kind = parse_table_kind(c.q("kind", "annual-report"));
  if (!year || !kind || !lang) return error(c.lang, 400, "invalid", msg("api.bad_table_query"));
  FigureTable t;
  try {
    t = build_table(c.snap->ledger, unit, *year, *kind, *lang);
  } catch (const TableError& e) {
    return error(c.lang, 404, "not_found", e.message);
  }
  json cols = json::array(), rows = json::array();
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    json col{{"measure", to_string(t.columns[i].measure)}, {"year", t.columns[i].year}, {"heading", i < t.headings.size() ? t.headings[i] : ""}};
    if (t.columns[i].measure == Measure::plan) col["base_year"] = t.columns[i].base_year;
    cols.push_back(col);
  }
  for (const TableRow& r : t.rows) {
    json values = json::array();
    for (const auto& v : r.values) values.push_back(v ? json(*v) : json(nullptr));
    rows.push_back({{"line", r.line}, {"kind", to_string(r.kind)}, {"label", r.label}, {"values", values}});
  }
  return reply(200, {{"unit", t.unit},
                     {"unit_name", t.unit_name},
                     {"responsible", t.responsible},
                     {"title", t.title},
                     {"kind", c.q("kind", "annual-report")},
                     {"year", t.year},
                     {"lang", lang_code(t.lang)},
                     {"binding_line", non_empty(t.binding_line)},
                     {"overrun", t.overrun ? json(*t.overrun) : json(nullptr)},
                     {"columns", cols},
                     {"rows", rows}});
}

http::Response narratives(Call& c, const std::string& unit) {
  auto year = year_param(c.req, c.snap->default_year);
  if (!year) return error(c.lang, 400, "invalid", msg("api.bad_year", 2024));
  if (!c.d().has_unit(unit)) return error(c.lang, 404, "not_found", msg("err.unknown_unit", unit));
  json out = json::array();
  for (const Narrative& n : c.d().narratives)
    if (n.unit == unit && n.year == *year)
      out.push_back({{"section", n.section}, {"lang", lang_code(n.lang)},
                     {"origin", n.origin == NarrativeOrigin::draft ? "draft" : "person"}, {"markdown", n.markdown}, {"stored", true}});
  // The commentary a document drafts when none is stored: accepted by storing it as is.
  for (Lang l : {Lang::fi, Lang::sv})
    if (!find_narrative(c.d().narratives, unit, *year, "commentary", l))
      if (auto draft = computed_draft(*c.snap, unit, *year, "commentary", l); !draft.empty())
        out.push_back({{"section", "commentary"}, {"lang", lang_code(l)}, {"origin", "draft"}, {"markdown", draft}, {"stored", false}});
  return reply(200, out);
}

http::Response goals(Call& c, const std::string& unit) {
  auto year = year_param(c.req, c.snap->default_year);
  if (!year) return error(c.lang, 400, "invalid", msg("api.bad_year", 2024));
  const Goals& g = c.d().goals;
  if (!c.d().has_unit(unit)) return error(c.lang, 404, "not_found", msg("err.unknown_unit", unit));
  std::vector<const Goal*> mine;
  for (const Goal& goal : g.goals)
    if (goal.unit == unit && goal.year == *year) mine.push_back(&goal);
  std::stable_sort(mine.begin(), mine.end(), [](const Goal* a, const Goal* b) { return a->position < b->position; });
  json out = json::array();
  for (const Goal* goal : mine) {
    bool derived = false;
    GoalStatus status = goal_status(g, *goal, &derived);
    json actions = json::array(), metrics = json::array(), realisation = nullptr;
    for (const GoalAction& a : g.actions)
      if (a.goal == goal->id) actions.push_back({{"position", a.position}, {"text", text(a.text)}, {"responsible", text(a.responsible)}});
    for (const Metric& m : g.metrics) {
      if (m.goal != goal->id) continue;
      json values = json::array();
      for (const MetricValue& v : g.values)
        if (v.metric == m.id) values.push_back({{"date", to_iso(v.date)}, {"value", v.value_tenths}, {"source", v.source}});
      metrics.push_back({{"id", m.id},
                         {"name", text(m.name)},
                         {"unit", m.unit},
                         {"direction", m.direction},
                         {"target", m.target_tenths ? json(*m.target_tenths) : json(nullptr)},
                         {"partly", m.partly_tenths ? json(*m.partly_tenths) : json(nullptr)},
                         {"owner", m.owner},
                         {"frequency", m.frequency},
                         {"status", to_string(metric_status(m, g.values, *year))},
                         {"values", values}});
    }
    for (const Realisation& r : g.realisations)
      if (r.goal == goal->id && r.year == *year)
        realisation = {{"status", r.status ? json(to_string(*r.status)) : json(nullptr)}, {"reason", text(r.reason)}, {"text", text(r.text)}};
    out.push_back({{"id", goal->id},
                   {"year", goal->year},
                   {"level", goal->level},
                   {"theme", non_empty(goal->theme)},
                   {"parent", non_empty(goal->parent)},
                   {"position", goal->position},
                   {"text", text(goal->text)},
                   {"responsible", text(goal->responsible)},
                   {"status", to_string(status)},
                   {"status_derived", derived},
                   {"actions", actions},
                   {"metrics", metrics},
                   {"realisation", realisation}});
  }
  return reply(200, out);
}

http::Response value(Call& c) {
  std::string entity = c.q("entity"), key = c.q("key");
  if (entity.empty() || key.empty()) return error(c.lang, 400, "invalid", msg("api.entity_key"));
  try {
    return reply(200, {{"entity", entity}, {"key", key}, {"value", opt(current_value(c.state, entity, key))}});
  } catch (const StoreError& e) {
    return error(c.lang, 400, "invalid", e.message);
  }
}

http::Response audit(Call& c) {
  int limit = 100;
  std::string l = c.q("limit");
  if (!l.empty()) {
    if (l.size() > 4 || l.find_first_not_of("0123456789") != std::string::npos || std::stoi(l) < 1 || std::stoi(l) > max_audit)
      return error(c.lang, 400, "invalid", msg("api.bad_limit", max_audit));
    limit = std::stoi(l);
  }
  json out = json::array();
  for (const AuditEntry& a : c.state.with_workplace([&](WorkplaceStore& w) { return w.audit(c.q("unit"), limit); }))
    out.push_back({{"id", a.id}, {"at", a.at}, {"user", a.user}, {"entity", a.entity}, {"key", a.key},
                   {"before", opt(a.before)}, {"after", opt(a.after)}, {"unit", non_empty(a.unit)}, {"via", a.via}});
  return reply(200, out);
}

http::Response calendar(Call& c) {
  std::string muni = c.q("municipality", c.d().primary().id);
  auto year = year_param(c.req, today().year);
  if (!year) return error(c.lang, 400, "invalid", msg("api.bad_year", 2025));
  json out = json::array();
  for (const CalendarItem* i : calendar_of(c.d().calendar, muni, *year))
    out.push_back({{"id", i->id},
                   {"municipality", i->municipality},
                   {"year", i->year},
                   {"phase", i->phase},
                   {"phase_name", text(i->phase_name)},
                   {"title", text(i->title)},
                   {"participation", text(i->participation)},
                   {"start", to_iso(i->start)},
                   {"deadline", to_iso(i->deadline)},
                   {"responsible", text(i->responsible)},
                   {"sections", split_nonempty(i->sections, ' ')}});
  return reply(200, out);
}

// The search page's hits (store/search_index.h), best first.
http::Response search(Call& c) {
  json out = json::array();
  for (const SearchHit& h : c.snap->search->find(c.q("q"), c.lang, 100))
    out.push_back({{"kind", h.kind}, {"unit", h.unit}, {"year", h.year == 0 ? json(nullptr) : json(h.year)}, {"ref", h.ref},
                   {"lang", std::string(lang_code(h.lang))}, {"title", h.title}, {"excerpt", h.excerpt}});
  return reply(200, out);
}

// ---- writing -------------------------------------------------------------------------------------

http::Response changes(Call& c) {
  http::Response bad;
  auto body = body_object(c.req, c.lang, bad);
  if (!body) return bad;
  auto list = body->find("changes");
  if (list == body->end() || !list->is_array() || list->empty() || list->size() > max_changes)
    return error(c.lang, 400, "invalid", msg("api.bad_changes", max_changes));
  std::vector<Change> batch;
  std::size_t applied = 0;
  for (const json& ch : *list) {
    auto nullable = [&](const char* k, std::optional<std::string>& out) {
      auto it = ch.find(k);
      if (it == ch.end() || !(it->is_string() || it->is_null())) return false;
      if (it->is_string()) out = it->get<std::string>();
      return true;
    };
    Change x;
    auto entity = ch.is_object() ? str(ch, "entity") : std::nullopt;
    auto key = ch.is_object() ? str(ch, "key") : std::nullopt;
    if (!entity || !key || !nullable("before", x.before) || !nullable("after", x.after))
      return error(c.lang, 400, "invalid", msg("api.bad_change"));
    x.entity = *entity;
    x.key = *key;
    if (x.before != x.after) ++applied;  // the store skips a change to the same value
    batch.push_back(std::move(x));
  }
  return outcome_reply(c.lang, apply_changes(c.state, *c.viewer.user, batch), {{"applied", applied}});
}

// ---- review and publication ----------------------------------------------------------------------

struct ReviewTarget {
  std::string kind, unit;
  int year = 0;
  Lang lang = Lang::fi;
};

std::optional<http::Response> review_target(const Call& c, const std::string& unit, ReviewTarget& t) {
  t.kind = c.q("doc", "annual-report");
  t.unit = unit;
  auto year = parse_year(c.q("year"));
  auto lang = lang_param(c);
  if (!year || !lang || !known_document_kind(t.kind))
    return error(c.lang, 400, "invalid", msg("api.bad_review_query"));
  t.year = *year;
  t.lang = *lang;
  if (!c.d().has_unit(unit) || !c.d().org_on(Date{t.year, 1, 1}).find(unit)) return error(c.lang, 404, "not_found", msg("api.unit_not_in_year", unit, t.year));
  return std::nullopt;
}

json review_json(Call& c, const ReviewTarget& t, const std::vector<ReviewSection>& sections, const std::string& title) {
  const User& me = *c.viewer.user;
  json secs = json::array(), versions = json::array();
  for (const auto& s : sections)
    secs.push_back({{"id", s.id},
                    {"heading", s.heading},
                    {"state", to_string(s.state)},
                    {"by", non_empty(s.by)},
                    {"at", non_empty(s.at)},
                    {"reopened_by", s.reopened_by.empty() ? json(nullptr) : json(split_nonempty(s.reopened_by, '\n'))}});
  for (const auto& v : c.state.with_workplace([&](WorkplaceStore& w) { return w.versions(false); }))
    if (v.doc == t.kind && v.unit == t.unit && v.year == t.year) versions.push_back(version_json(v));
  return {{"doc", t.kind}, {"unit", t.unit}, {"year", t.year}, {"title", title}, {"sections", secs}, {"versions", versions},
          {"may_mark_ready", may_mark_ready(me, c.d(), t.unit, t.year)}, {"may_approve", may_approve(me)}};
}

http::Response review(Call& c, const std::string& unit) {
  ReviewTarget t;
  if (auto bad = review_target(c, unit, t)) return *bad;
  const User& me = *c.viewer.user;
  std::string title;
  auto sections = review_sections(c.state, *c.snap, t.kind, t.unit, t.year, t.lang, &title);
  if (c.req.method == "GET") return reply(200, review_json(c, t, sections, title));

  http::Response bad;
  auto body = body_object(c.req, c.lang, bad);
  if (!body) return bad;
  json extra = json::object();
  std::optional<std::int64_t> frozen_id;
  if (auto action = str(*body, "action")) {
    if (*action != "freeze" && *action != "publish") return error(c.lang, 400, "invalid", msg("api.bad_action"));
    if (!may_approve(me)) return error(c.lang, 403, "forbidden", msg("api.approver_only"));
    if (*action == "freeze") {
      DocumentVersion v;
      auto reason = str(*body, "reason");
      ActionResult r = freeze_version(c.state, me, sections, t.kind, t.unit, t.year, reason.value_or(""), &v);
      if (r.outcome == Outcome::ok) frozen_id = v.id;
      if (r.outcome == Outcome::not_approved) return error(c.lang, 409, "not_approved", r.message);
      if (r.outcome == Outcome::drafts) {
        json drafts = json::array();
        for (const auto& d : r.drafts) {
          json langs = json::array();
          for (Lang l : d.langs) langs.push_back(lang_code(l));
          drafts.push_back({{"unit", d.unit}, {"section", d.section}, {"heading", d.heading}, {"langs", langs}});
        }
        return error(c.lang, 409, "drafts", msg("web.freeze_drafts", drafts_list(c.d(), r.drafts, c.lang)), {{"drafts", drafts}});
      }
      if (r.outcome == Outcome::reason_required)
        return error(c.lang, 400, "reason_required", msg("web.freeze_reason_required", r.check_errors),
                     {{"check_errors", r.check_errors}});
      extra["frozen"] = version_json(v);
    } else {
      auto it = body->find("version");
      if (it == body->end() || !it->is_number_integer()) return error(c.lang, 400, "invalid", msg("api.bad_version"));
      auto id = it->get<std::int64_t>();
      auto v = c.state.with_workplace([&](WorkplaceStore& w) { return w.version(id); });
      if (!v || v->doc != t.kind || v->unit != t.unit || v->year != t.year)
        return error(c.lang, 404, "not_found", msg("api.no_version"));
      ActionResult r = publish_version(c.state, me, id);
      if (r.outcome != Outcome::ok) return error(c.lang, 400, "invalid", r.message);
    }
  } else {
    auto section = str(*body, "section"), state = str(*body, "state");
    auto to = state ? parse_section_state(*state) : std::nullopt;
    if (!section || !to) return error(c.lang, 400, "invalid", msg("api.bad_section_body"));
    ActionResult r = set_section_state(c.state, me, sections, t.kind, t.unit, t.year, *section, *to, str(*body, "comment").value_or(""));
    if (r.outcome == Outcome::invalid) return error(c.lang, 400, "invalid", r.message);
    if (r.outcome == Outcome::forbidden) return error(c.lang, 403, "forbidden", msg("api.section_forbidden"));
  }
  sections = review_sections(c.state, *c.state.snapshot(), t.kind, t.unit, t.year, t.lang, &title);
  json out = review_json(c, t, sections, title);
  out.update(extra);
  http::Response done = reply(200, out);
  // A frozen version's PDFs are printed now on a background thread and the answer waits for them
  // (when the queue is full, they are printed on their first request instead).
  if (frozen_id) {
    if (auto later = pdf_later(c.state, pdf_reader(c.state, c.viewer, c.req), [&state = c.state, id = *frozen_id, done] {
          print_version_pdfs(state, id);
          return done;
        })) {
      later->later_only_for_reader = false;  // printed even if the client has gone: the version needs them
      return *later;
    }
  }
  return done;
}

http::Response public_list(Call& c) {
  json out = json::array();
  for (const auto& v : c.state.with_workplace([&](WorkplaceStore& w) { return w.versions(true); })) {
    json j = version_json(v), links = json::array();
    for (const char* l : {"fi", "sv"})
      for (const char* f : {"html", "pdf", "docx", "xlsx"})
        links.push_back({{"lang", l}, {"format", f}, {"href", fmt::format("/api/v1/public/{}?text={}&format={}", v.id, l, f)}});
    j["links"] = links;
    out.push_back(j);
  }
  return reply(200, out);
}

http::Response public_file(Call& c, const std::string& id_s, bool print = false) {
  if (id_s.empty() || id_s.size() > 18 || id_s.find_first_not_of("0123456789") != std::string::npos)
    return error(c.lang, 404, "not_found", msg("api.no_published"));
  std::int64_t id = std::stoll(id_s);
  std::string text = c.q("text", std::string(lang_code(c.d().primary().primary))), format = c.q("format", "html");
  if (!parse_lang(text) || !is_document_format(format))
    return error(c.lang, 400, "invalid", msg("api.bad_public_query"));
  auto file = version_file(c.state, id, text, format, true, print);
  if (!file) return error(c.lang, 404, "not_found", msg("api.no_published"));
  if (file->needs_print) {  // its print at freeze time failed: now, on a background thread
    auto later = pdf_later(c.state, pdf_reader(c.state, c.viewer, c.req),
                           [&state = c.state, &limiter = c.limiter, req = c.req, snap = c.snap, viewer = c.viewer, lang = c.lang, id_s] {
                             Call again{state, limiter, req, snap, viewer, lang};
                             return public_file(again, id_s, true);
                           });
    if (!later) {
      http::Response busy = error(c.lang, 503, "busy", msg("web.pdf_busy_text"), {{"retry_after", 10}});
      busy.headers.emplace_back("Retry-After", "10");
      return busy;
    }
    return *later;
  }
  const DocumentVersion& v = file->version;
  http::Response r{200, document_media_type(format), std::move(file->bytes), {}};
  r.headers.emplace_back("X-Content-Hash", v.content_hash);
  if (format != "html")
    r.headers.emplace_back("Content-Disposition",
                           fmt::format("attachment; filename=\"{}-{}-{}-v{}-{}.{}\"", v.doc, v.unit, v.year, v.number, text, format));
  r.headers.emplace_back("Cache-Control", "public, max-age=300");
  return r;
}

// ---- dispatch ------------------------------------------------------------------------------------

enum class Route { openapi, login, logout, session, units, table, narratives, goals, values, changes, audit, review, calendar,
                   public_list, public_file, search, budget, comments };

// The API's routes; the patterns are the paths of openapi.json.
struct ApiRoute {
  Route route;
  RouteSpec spec;
};
const std::vector<ApiRoute>& api_table() {
  static const std::vector<ApiRoute> t{
      {Route::openapi, {"/api/v1/openapi.json", "GET"}},
      {Route::login, {"/api/v1/login", "POST"}},
      {Route::logout, {"/api/v1/logout", "POST"}},
      {Route::session, {"/api/v1/session", "GET"}},
      {Route::units, {"/api/v1/units", "GET"}},
      {Route::table, {"/api/v1/units/{id}/table", "GET"}},
      {Route::narratives, {"/api/v1/units/{id}/narratives", "GET"}},
      {Route::goals, {"/api/v1/units/{id}/goals", "GET"}},
      {Route::review, {"/api/v1/units/{id}/review", "GET, POST"}},
      {Route::values, {"/api/v1/values", "GET"}},
      {Route::changes, {"/api/v1/changes", "POST"}},
      {Route::audit, {"/api/v1/audit", "GET"}},
      {Route::calendar, {"/api/v1/calendar", "GET"}},
      {Route::search, {"/api/v1/search", "GET"}},
      {Route::public_list, {"/api/v1/public", "GET"}},
      {Route::public_file, {"/api/v1/public/{id}", "GET"}},
      {Route::comments, {"/api/v1/units/{id}/comments", "GET, POST"}},  // web/api_comments.h
  };
  static const std::vector<ApiRoute> all = [] {
    std::vector<ApiRoute> out = t;
    for (const RouteSpec& r : api_budget_routes()) out.push_back({Route::budget, r});  // api_budget.h
    return out;
  }();
  return all;
}

}  // namespace

std::vector<RouteSpec> api_routes() {
  std::vector<RouteSpec> out;
  for (const ApiRoute& r : api_table()) out.push_back(r.spec);
  return out;
}

http::Response route_api(AppState& state, const LoginLimiter& limiter, const http::Request& req, const std::vector<std::string>& parts) {
  const ApiRoute* found = nullptr;
  for (const ApiRoute& r : api_table())
    if (matches(r.spec, parts)) found = found ? found : &r;
  auto snap = state.snapshot();
  Lang lang = reply_lang(req, snap->d);
  if (!found) return error(lang, 404, "not_found", msg("api.no_route"));
  if (!allows(found->spec, req.method)) {
    std::string allowed(found->spec.methods);
    auto r = error(lang, 405, "method_not_allowed", msg("api.method", allowed));
    r.headers.emplace_back("Allow", allowed);
    return r;
  }
  Route route = found->route;
  std::string id = parts.size() >= 4 ? parts[3] : "";  // the {id} of /api/v1/units/{id}/… and /api/v1/public/{id}
  Call c{state, limiter, req, snap, {}, lang};
  switch (route) {
    case Route::openapi: return {200, "application/json; charset=utf-8", std::string(embedded::openapi_json), {}};
    case Route::public_list: return public_list(c);
    case Route::public_file: return public_file(c, id);
    case Route::login: return login(c);
    default: break;
  }
  c.viewer = resolve_viewer(state, req);
  if (!c.viewer.logged_in()) return error(c.lang, 401, "unauthorized", msg("api.login_first"));
  if (req.method == "POST" && !csrf_ok(c.viewer, req, {}))
    return error(c.lang, 403, "csrf", msg("api.csrf"));
  switch (route) {
    case Route::logout: return logout(c);
    case Route::session: return reply(200, session_json(*c.viewer.user, c.viewer.csrf));
    case Route::units: return units(c);
    case Route::table: return table(c, id);
    case Route::narratives: return narratives(c, id);
    case Route::goals: return goals(c, id);
    case Route::values: return value(c);
    case Route::changes: return changes(c);
    case Route::audit: return audit(c);
    case Route::review: return review(c, id);
    case Route::calendar: return calendar(c);
    case Route::search: return search(c);
    case Route::comments: return api_comments(c.state, c.req, *c.snap, *c.viewer.user, c.lang, id);
    case Route::budget: return route_api_budget({c.state, c.req, c.snap, c.viewer, c.lang}, found->spec, parts);
    default: break;
  }
  return error(c.lang, 404, "not_found", msg("api.no_route"));
}

}  // namespace toteuma::web
