// A unit's goal work of a year in the web (issue 17 item 1): /{lang}/unit/{unit}/goals/edit?year=Y.
// Every form's write is a Change through apply_changes (web/actions.h); the records' encodings are
// core/goals/goal_edit.h, their store code store/goal_edit_rows.*.
#include "web/goal_pages.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "check/goal_rules.h"
#include "core/fixed.h"
#include "core/format.h"
#include "core/goals/goal_edit.h"
#include "core/i18n.h"
#include "core/workplace/access.h"
#include "core/text.h"
#include "web/form_parts.h"

namespace toteuma::web {

namespace {

std::string e(std::string_view s) { return html_escape(s); }
std::string lc(Lang l) { return std::string(lang_code(l)); }
std::string t(const Ctx& c, const std::string& key) { return e(tr(key, c.lang)); }

const Goal* find_goal(const Dataset& d, const std::string& id) {
  for (const auto& g : d.goals.goals)
    if (g.id == id) return &g;
  return nullptr;
}

// The unit's goals of the year in their order (retired ones too).
std::vector<const Goal*> goals_of(const Dataset& d, const std::string& unit, int year) {
  std::vector<const Goal*> out;
  for (const auto& g : d.goals.goals)
    if (g.unit == unit && g.year == year) out.push_back(&g);
  std::stable_sort(out.begin(), out.end(), [](const Goal* a, const Goal* b) { return std::tie(a->position, a->id) < std::tie(b->position, b->id); });
  return out;
}

// The first id `prefix` + n (n = 1, 2, …) that `taken` says is free.
template <class Taken>
std::string free_id(const std::string& prefix, Taken taken) {
  for (int n = 1;; ++n)
    if (std::string id = prefix + std::to_string(n); !taken(id)) return id;
}

std::optional<std::string> text_or_none(const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); }

// ---- form parts ---------------------------------------------------------------------------------

std::string input(const std::string& id, const std::string& name, const std::string& label, const std::string& value,
                  const std::string& extra = "") {
  return fmt::format("<p><label for=\"{0}\">{1}</label><br><input id=\"{0}\" name=\"{2}\" value=\"{3}\"{4}></p>", e(id), e(label),
                     e(name), e(value), extra);
}
std::string area(const std::string& id, const std::string& name, const std::string& label, const std::string& value, Lang lang) {
  return fmt::format("<p><label for=\"{0}\">{1}</label><br><textarea id=\"{0}\" name=\"{2}\" rows=\"3\" cols=\"60\" lang=\"{3}\">{4}</textarea></p>",
                     e(id), e(label), e(name), lc(lang), e(value));
}
// A select of (value, label) options with `current` selected.
std::string select_field(const std::string& id, const std::string& name, const std::string& label,
                   const std::vector<std::pair<std::string, std::string>>& options, const std::string& current) {
  std::string out = fmt::format("<p><label for=\"{0}\">{1}</label><br><select id=\"{0}\" name=\"{2}\">", e(id), e(label), e(name));
  for (const auto& [v, l] : options)
    out += fmt::format("<option value=\"{}\"{}>{}</option>", e(v), v == current ? " selected" : "", e(l));
  return out + "</select></p>";
}
// Both languages of a text as two fields "<base>_fi", "<base>_sv".
std::string text_pair(const Ctx& c, const std::string& id, const std::string& base, const std::string& label_key, const Text& v,
                      bool multiline) {
  std::string out;
  for (Lang l : {Lang::fi, Lang::sv}) {
    std::string name = base + "_" + lc(l), label = tr(label_key, c.lang) + " (" + lc(l) + ")";
    out += multiline ? area(id + "-" + name, name, label, v.in(l), l) : input(id + "-" + name, name, label, v.in(l), " lang=\"" + lc(l) + "\"");
  }
  return out;
}
std::string form_open(const Ctx& c, const std::string& self, const std::string& what, const std::string& id,
                      const std::string& cls = "edit") {
  return fmt::format("<form class=\"{}\" method=\"post\" action=\"{}\">{}<input type=\"hidden\" name=\"what\" value=\"{}\">"
                     "<input type=\"hidden\" name=\"id\" value=\"{}\">",
                     cls, e(self), csrf_field(c), e(what), e(id));
}
std::string submit(const std::string& label) { return "<p><button type=\"submit\">" + e(label) + "</button></p></form>\n"; }
std::string small_button(const Ctx& c, const std::string& self, const std::string& what, const std::string& id, const std::string& label,
                         const std::string& hidden = "") {
  return form_open(c, self, what, id, "inline") + hidden + "<button type=\"submit\">" + e(label) + "</button></form>\n";
}

Text form_text(std::map<std::string, std::string>& f, const std::string& base) { return {f[base + "_fi"], f[base + "_sv"]}; }

// ---- the goal writing rules (check/goal_rules.h, the checks' own evaluation) -------------------------

std::string theme_name(const Dataset& d, const std::string& id, Lang lang) {
  for (const auto& th : d.goals.themes)
    if (th.id == id) return th.name.shown(lang);
  return id;
}

}  // namespace

std::vector<std::string> goal_rule_notes(const Dataset& d, const std::string& unit, int year, Lang lang, bool* any_outside) {
  std::vector<std::string> out;
  std::string sector = goal_sector_of(d, unit);
  for (const ThemeGoalCount& n : goals_per_theme(d)) {
    if (n.sector != sector || n.year != year || (!n.min && !n.max)) continue;
    if (!n.within() && any_outside) *any_outside = true;
    out.push_back(fmt::format(fmt::runtime(tr(n.within() ? "goals_web.rule.per_theme_ok" : "goals_web.rule.per_theme", lang)), n.range(),
                              theme_name(d, n.theme, lang), n.count));
  }
  int lacking = 0;
  for (const auto& g : d.goals.goals)
    if (g.unit == unit && g.year == year && goal_lacks_metric(d, g)) ++lacking;
  if (goal_rule(d.goals, d.municipality_of(unit).id, "metric_required").value_or(0) > 0) {
    if (lacking > 0 && any_outside) *any_outside = true;
    out.push_back(fmt::format(fmt::runtime(tr(lacking ? "goals_web.rule.metric_missing" : "goals_web.rule.metric_ok", lang)), lacking));
  }
  return out;
}

std::vector<Change> review_snapshot(const Dataset& d, const std::string& unit, int year, const std::string& id, Date date,
                                    const Text& title, const std::map<std::string, Text>& comments) {
  std::vector<Change> out{{"review", id, std::nullopt, encode_review({id, unit, date, title})}};
  for (const Goal* g : goals_of(d, unit, year)) {
    if (g->retired) continue;
    auto c = comments.find(g->id);
    ReviewItem item{id, g->id, goal_status(d.goals, *g), c == comments.end() ? Text{} : c->second};
    out.push_back({"review_item", id + "/" + g->id, std::nullopt, encode_review_item(item)});
  }
  return out;
}

namespace {

// ---- writes -----------------------------------------------------------------------------------------

// The changes a posted form asks for; nullopt when the form is malformed (400).
std::optional<std::vector<Change>> changes_of(const Ctx& c, const std::string& unit, int year, std::map<std::string, std::string>& f) {
  const Dataset& d = c.app().d;
  const std::string what = f["what"], id = f["id"];
  std::vector<Change> ch;
  if (what == "goal" || what == "realisation") {  // a goal's or its realisation's text in one language
    for (Lang l : {Lang::fi, Lang::sv}) {
      std::string name = what + "_" + lc(l);
      if (!f.count(name)) continue;
      std::string key = what == "goal" ? fmt::format("{}/{}", id, lc(l)) : fmt::format("{}/{}/{}", id, year, lc(l));
      ch.push_back({what, key, before_from(f, name), text_or_none(f[name])});
    }
    return ch;
  }
  if (what == "metric_value") {
    auto tenths = parse_fixed(f["value"], 1);
    auto date = parse_iso_date(f["date"]);
    if (!date || (!tenths && !f["value"].empty()) || f["source"].find(';') != std::string::npos) return std::nullopt;
    std::optional<std::string> after;
    if (tenths) after = fmt::format("{};{}", *tenths, f["source"]);
    ch.push_back({"metric_value", fmt::format("{}/{}", id, to_iso(*date)), before_from(f, "value"), after});
    return ch;
  }
  if (what == "goal_new" || what == "goal_edit") {
    Goal g;
    if (what == "goal_new") {
      int last = 0;
      for (const Goal* x : goals_of(d, unit, year)) last = std::max(last, x->position);
      g = {free_id(fmt::format("{}-{}-", unit, year), [&](const std::string& x) { return find_goal(d, x) != nullptr; }), year, unit, "", "", "",
           last + 1, {}, {}};
    } else {
      const Goal* now = find_goal(d, id);
      if (!now) return std::nullopt;
      g = *now;
    }
    g.level = f["level"];
    g.theme = f["theme"];
    g.parent = f["parent"];
    g.text = form_text(f, "text");
    g.responsible = form_text(f, "responsible");
    ch.push_back({"goal_def", g.id, what == "goal_new" ? std::nullopt : before_from(f, "def"), encode_goal_def(g)});
    return ch;
  }
  if (what == "goal_retire" || what == "goal_restore") {
    const Goal* now = find_goal(d, id);
    if (!now) return std::nullopt;
    Goal g = *now;
    g.retired = what == "goal_retire" ? std::optional<Date>(today()) : std::nullopt;
    ch.push_back({"goal_def", g.id, before_from(f, "def"), encode_goal_def(g)});
    return ch;
  }
  if (what == "goal_up" || what == "goal_down") {  // swaps positions with the neighbour in the list
    auto list = goals_of(d, unit, year);
    auto at = std::find_if(list.begin(), list.end(), [&](const Goal* x) { return x->id == id; });
    if (at == list.end()) return std::nullopt;
    auto other = what == "goal_up" ? (at == list.begin() ? list.end() : at - 1) : at + 1;
    if (other == list.end()) return ch;  // first or last already
    Goal a = **at, b = **other;
    std::swap(a.position, b.position);
    if (a.position == b.position) (what == "goal_up" ? b : a).position += 1;  // equal positions: make an order
    ch.push_back({"goal_def", a.id, encode_goal_def(**at), encode_goal_def(a)});
    ch.push_back({"goal_def", b.id, encode_goal_def(**other), encode_goal_def(b)});
    return ch;
  }
  if (what == "action_new" || what == "action_edit") {
    int position = 0;
    if (what == "action_new") {
      for (const auto& a : d.goals.actions)
        if (a.goal == id) position = std::max(position, a.position);
      ++position;
    } else if (auto p = parse_fixed(f["position"], 0)) {
      position = static_cast<int>(*p);
    } else {
      return std::nullopt;
    }
    GoalAction a{id, position, form_text(f, "text"), form_text(f, "responsible")};
    bool none = a.text.fi.empty() && a.text.sv.empty();  // an action emptied is removed
    ch.push_back({"goal_action", fmt::format("{}/{}", id, position), what == "action_new" ? std::nullopt : before_from(f, "action"),
                  none ? std::nullopt : std::optional<std::string>(encode_goal_action(a))});
    return ch;
  }
  if (what == "metric_new" || what == "metric_edit") {
    Metric m;
    if (what == "metric_new") {
      m.id = free_id(id + "-m", [&](const std::string& x) {
        return std::any_of(d.goals.metrics.begin(), d.goals.metrics.end(), [&](const Metric& y) { return y.id == x; });
      });
      m.goal = id;
    } else {
      auto now = std::find_if(d.goals.metrics.begin(), d.goals.metrics.end(), [&](const Metric& y) { return y.id == id; });
      if (now == d.goals.metrics.end()) return std::nullopt;
      m = *now;
    }
    m.name = form_text(f, "name");
    m.unit = f["unit"];
    m.direction = f["direction"];
    m.owner = f["owner"];
    m.frequency = f["frequency"];
    for (auto [field, out] : {std::pair{"target", &m.target_tenths}, std::pair{"partly", &m.partly_tenths}}) {
      *out = std::nullopt;
      if (f[field].empty()) continue;
      *out = parse_fixed(f[field], 1);
      if (!*out) return std::nullopt;
    }
    ch.push_back({"metric", m.id, what == "metric_new" ? std::nullopt : before_from(f, "metric"), encode_metric(m)});
    return ch;
  }
  if (what == "status") {
    std::optional<GoalStatus> s;
    if (!f["status"].empty() && !(s = parse_goal_status(f["status"]))) return std::nullopt;
    Text reason = form_text(f, "reason");
    bool none = !s && reason.fi.empty() && reason.sv.empty();
    ch.push_back({"goal_status", fmt::format("{}/{}", id, year), before_from(f, "status"),
                  none ? std::nullopt : std::optional<std::string>(encode_goal_status(s, reason))});
    return ch;
  }
  if (what == "review_new") {
    auto date = parse_iso_date(f["date"]);
    if (!date) return std::nullopt;
    std::string rid = free_id(fmt::format("{}-tk-{}-", unit, to_iso(*date)), [&](const std::string& x) {
      return std::any_of(d.goals.reviews.begin(), d.goals.reviews.end(), [&](const Review& r) { return r.id == x; });
    });
    std::map<std::string, Text> comments;
    for (const Goal* g : goals_of(d, unit, year)) comments[g->id] = form_text(f, "comment_" + g->id);
    return review_snapshot(d, unit, year, rid, *date, form_text(f, "title"), comments);
  }
  if (what == "theme_new" || what == "theme_edit" || what == "theme_retire") {
    Theme th;
    if (what == "theme_new") {
      th.id = free_id(d.municipality_of(unit).id + "-theme-", [&](const std::string& x) {
        return std::any_of(d.goals.themes.begin(), d.goals.themes.end(), [&](const Theme& y) { return y.id == x; });
      });
      th.valid_from = Date{year, 1, 1};
    } else {
      auto now = std::find_if(d.goals.themes.begin(), d.goals.themes.end(), [&](const Theme& y) { return y.id == id; });
      if (now == d.goals.themes.end()) return std::nullopt;
      th = *now;
    }
    if (what == "theme_retire") {
      th.valid_to = f["valid_to"].empty() ? std::nullopt : parse_iso_date(f["valid_to"]);
      if (!f["valid_to"].empty() && !th.valid_to) return std::nullopt;
    } else {
      th.name = form_text(f, "name");
    }
    ch.push_back({"theme", th.id, what == "theme_new" ? std::nullopt : before_from(f, "theme"), encode_theme(th)});
    return ch;
  }
  return std::nullopt;
}

// ---- the page ---------------------------------------------------------------------------------------

struct PageParts {
  const Ctx& c;
  const Dataset& d;
  std::string unit, self;
  int year = 0;
  bool may_goals = false, admin = false;

  std::string status_text(GoalStatus s) const { return tr("status." + to_string(s), c.lang); }

  // A theme has no municipality of its own: it is the unit's municipality's when only its goals (or none) serve it.
  bool theme_ours(const Theme& th) const {
    const std::string& m = d.municipality_of(unit).id;
    return std::all_of(d.goals.goals.begin(), d.goals.goals.end(),
                       [&](const Goal& g) { return g.theme != th.id || d.municipality_of(g.unit).id == m; });
  }
  // The themes a goal may serve: the municipality's, in force in the year.
  std::vector<std::pair<std::string, std::string>> theme_options(const std::string& current) const {
    std::vector<std::pair<std::string, std::string>> out{{"", "–"}};
    for (const auto& th : d.goals.themes) {
      bool in_force = th.valid_from <= Date::last_of_year(year) && (!th.valid_to || th.valid_to->year >= year);
      if (th.id == current || (in_force && theme_ours(th))) out.push_back({th.id, th.name.shown(c.lang)});
    }
    return out;
  }
  // The goals of the municipality's year a goal may serve (not itself, not retired).
  std::vector<std::pair<std::string, std::string>> parent_options(const std::string& self_id, const std::string& current) const {
    const std::string& m = d.municipality_of(unit).id;
    std::vector<std::pair<std::string, std::string>> out{{"", "–"}};
    for (const auto& g : d.goals.goals) {
      if (g.year != year || g.id == self_id || (g.retired && g.id != current) || d.municipality_of(g.unit).id != m) continue;
      std::string text = g.text.shown(c.lang);
      if (text.size() > 90) text = text.substr(0, text.rfind(' ', 90)) + " …";
      out.push_back({g.id, tr("web.goal_level." + g.level, c.lang) + ": " + text});
    }
    return out;
  }
  std::vector<std::pair<std::string, std::string>> level_options() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* l : {"city", "center", "area", "unit"}) out.push_back({l, tr("web.goal_level." + std::string(l), c.lang)});
    return out;
  }

  // The fields of a goal's record (new or edited).
  std::string goal_fields(const std::string& fid, const Goal& g) const {
    return select_field(fid + "-level", "level", tr("goals_web.level", c.lang), level_options(), g.level.empty() ? "center" : g.level) +
           select_field(fid + "-theme", "theme", tr("goals_web.theme", c.lang), theme_options(g.theme), g.theme) +
           select_field(fid + "-parent", "parent", tr("goals_web.parent", c.lang), parent_options(g.id, g.parent), g.parent) +
           text_pair(c, fid, "text", "goals_web.goal_text", g.text, true) +
           text_pair(c, fid, "responsible", "goals_web.responsible", g.responsible, false);
  }

  std::string metric_fields(const std::string& fid, const Metric& m) const {
    std::vector<std::pair<std::string, std::string>> units, dirs, freqs;
    for (const char* u : {"%", "count", "eur", "scale"}) units.push_back({u, tr(std::string("goals_web.unit.") + u, c.lang)});
    for (const char* x : {"up", "down"}) dirs.push_back({x, tr(std::string("goals_web.direction.") + x, c.lang)});
    freqs.push_back({"", "–"});
    for (const char* x : {"year", "half-year", "quarter", "month"}) freqs.push_back({x, tr(std::string("goals_web.frequency.") + x, c.lang)});
    auto num = [](const std::optional<std::int64_t>& v) { return v ? decimal_text(*v) : std::string(); };
    return text_pair(c, fid, "name", "goals_web.metric_name", m.name, false) +
           select_field(fid + "-unit", "unit", tr("goals_web.metric_unit", c.lang), units, m.unit) +
           select_field(fid + "-direction", "direction", tr("goals_web.direction", c.lang), dirs, m.direction) +
           input(fid + "-target", "target", tr("goals_web.target", c.lang), num(m.target_tenths), " inputmode=\"decimal\" size=\"8\"") +
           input(fid + "-partly", "partly", tr("goals_web.partly", c.lang), num(m.partly_tenths), " inputmode=\"decimal\" size=\"8\"") +
           input(fid + "-owner", "owner", tr("goals_web.owner", c.lang), m.owner) +
           select_field(fid + "-frequency", "frequency", tr("goals_web.frequency", c.lang), freqs, m.frequency);
  }

  std::string rules() const {
    bool outside = false;
    auto notes = goal_rule_notes(d, unit, year, c.lang, &outside);
    if (notes.empty()) return "";
    std::string out = fmt::format("<section class=\"rules{}\" aria-labelledby=\"rules-h\"><h2 id=\"rules-h\">{}</h2><ul>", outside ? " warning" : "",
                                  t(c, "goals_web.rules"));
    for (const auto& n : notes) out += "<li>" + e(n) + "</li>";
    return out + "</ul></section>\n";
  }

  std::string metric_block(const Metric& m) const {
    std::string out = fmt::format("<h4 id=\"{}\">{}: {}</h4>\n", e(m.id), t(c, "web.metric"), e(m.name.shown(c.lang)));
    if (m.target_tenths)
      out += fmt::format("<p class=\"target\">{}: {} {}{}</p>\n", t(c, "goals_web.target"), m.direction == "down" ? "≤" : "≥",
                         e(decimal_text(*m.target_tenths)), m.unit == "%" ? " %" : m.unit == "eur" ? " €" : "");
    out += fmt::format("<table class=\"values\"><caption class=\"visually-hidden\">{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>{}</tr></thead><tbody>\n",
                       e(m.name.shown(c.lang)), t(c, "web.date"), t(c, "web.value"), t(c, "web.source"),
                       may_goals ? "<th scope=\"col\">" + t(c, "web.actions") + "</th>" : "");
    for (const MetricValue& v : d.goals.values) {
      if (v.metric != m.id) continue;
      std::string date = to_display(v.date);
      if (!may_goals) {
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", date, e(decimal_text(v.value_tenths)), e(v.source));
        continue;
      }
      // An existing value is corrected in place; the inputs belong to the row's form (form attribute).
      std::string key = fmt::format("{}/{}", m.id, to_iso(v.date)), fid = "mv-" + m.id + "-" + to_iso(v.date);
      auto cur = current_value(c.state, "metric_value", key);
      out += fmt::format("<tr><td>{0}</td><td><input form=\"{1}\" name=\"value\" value=\"{2}\" inputmode=\"decimal\" size=\"8\" aria-label=\"{3} {0}\"></td>"
                         "<td><input form=\"{1}\" name=\"source\" value=\"{4}\" size=\"24\" aria-label=\"{5} {0}\"></td>"
                         "<td><form id=\"{1}\" method=\"post\" action=\"{6}\">{7}<input type=\"hidden\" name=\"what\" value=\"metric_value\"><input type=\"hidden\" name=\"id\" value=\"{8}\"><input type=\"hidden\" name=\"date\" value=\"{9}\">{10}<button type=\"submit\">{11}<span class=\"visually-hidden\"> {0}</span></button></form></td></tr>\n",
                         date, e(fid), e(decimal_text(v.value_tenths)), t(c, "web.value"), e(v.source), t(c, "web.source"), e(self),
                         csrf_field(c), e(m.id), to_iso(v.date), before_fields("value", cur), t(c, "web.save"));
    }
    out += "</tbody></table>\n";
    if (!may_goals) return out;
    std::string fid = "mv-" + m.id;
    out += fmt::format("<form class=\"edit inline\" method=\"post\" action=\"{0}\">{1}<input type=\"hidden\" name=\"what\" value=\"metric_value\"><input type=\"hidden\" name=\"id\" value=\"{2}\">{3}"
                       "<label for=\"{4}-date\">{5}</label> <input id=\"{4}-date\" name=\"date\" type=\"date\" required> "
                       "<label for=\"{4}-value\">{6}</label> <input id=\"{4}-value\" name=\"value\" inputmode=\"decimal\" size=\"8\"> "
                       "<label for=\"{4}-source\">{7}</label> <input id=\"{4}-source\" name=\"source\" size=\"24\"> "
                       "<button type=\"submit\">{8}</button></form>\n",
                       e(self), csrf_field(c), e(m.id), before_fields("value", std::nullopt), e(fid), t(c, "web.date"), t(c, "web.value"),
                       t(c, "web.source"), t(c, "web.save_value"));
    out += "<details class=\"texts\"><summary>" + t(c, "goals_web.edit_metric") + "</summary>\n" + form_open(c, self, "metric_edit", m.id) +
           before_fields("metric", current_value(c.state, "metric", m.id)) + metric_fields("me-" + m.id, m) +
           submit(tr("goals_web.save_metric", c.lang)) + "</details>\n";
    return out;
  }

  std::string goal_block(const Goal& g, bool first, bool last) const {
    bool derived = false;
    GoalStatus s = goal_status(d.goals, g, &derived);
    std::string out = fmt::format("<div class=\"goal{}\"><h3 id=\"{}\"><span class=\"level\">{}:</span> {}</h3>\n", g.retired ? " retired" : "",
                                  e(g.id), e(tr("web.goal_level." + g.level, c.lang)), e(g.text.shown(c.lang)));
    out += fmt::format("<p class=\"status\">{}: <strong>{}</strong> ({})", t(c, "goals.col.status"), e(status_text(s)),
                       t(c, derived ? "goals_web.status_derived" : "goals_web.status_manual"));
    if (!g.theme.empty()) out += " · " + t(c, "goals_web.theme") + ": " + e(theme_name(d, g.theme, c.lang));
    if (g.retired) out += " · " + e(fmt::format(fmt::runtime(tr("goals_web.retired_on", c.lang)), to_display(*g.retired)));
    out += "</p>\n";
    std::string def = current_value(c.state, "goal_def", g.id).value_or("");
    if (may_goals) {
      std::string hidden = before_fields("def", def);
      out += "<div class=\"goal-tools\">";
      if (!g.retired) {
        if (!first) out += small_button(c, self, "goal_up", g.id, tr("goals_web.up", c.lang));
        if (!last) out += small_button(c, self, "goal_down", g.id, tr("goals_web.down", c.lang));
        out += small_button(c, self, "goal_retire", g.id, tr("goals_web.retire", c.lang), hidden);
      } else {
        out += small_button(c, self, "goal_restore", g.id, tr("goals_web.restore", c.lang), hidden);
      }
      out += "</div>\n<details class=\"texts\"><summary>" + t(c, "goals_web.edit_goal") + "</summary>\n" + form_open(c, self, "goal_edit", g.id) +
             hidden + goal_fields("ge-" + g.id, g) + submit(tr("goals_web.save_goal", c.lang)) + "</details>\n";
    }
    if (g.retired) return out + "</div>\n";
    // The realisation text in each language the user may write.
    std::string fields;
    for (Lang l : {Lang::fi, Lang::sv}) {
      if (!may_edit_text(*c.viewer.user, d, unit, year, l)) continue;
      std::string key = fmt::format("{}/{}/{}", g.id, year, lc(l)), name = "realisation_" + lc(l);
      auto cur = current_value(c.state, "realisation", key);
      fields += before_fields(name, cur) + area(name + "-" + g.id, name, tr("web.realisation_text", c.lang) + " (" + lc(l) + ")", cur.value_or(""), l);
    }
    if (!fields.empty())
      out += "<details class=\"texts\"><summary>" + t(c, "goals_web.realisation") + "</summary>\n" + form_open(c, self, "realisation", g.id) +
             fields + submit(tr("web.save_realisation", c.lang)) + "</details>\n";
    // Actions.
    std::vector<const GoalAction*> acts;
    for (const auto& a : d.goals.actions)
      if (a.goal == g.id) acts.push_back(&a);
    if (!acts.empty() || may_goals) out += "<h4>" + t(c, "goals_web.actions") + "</h4>\n<ul class=\"actions\">";
    for (const GoalAction* a : acts) {
      out += "<li>" + e(a->text.shown(c.lang)) + (a->responsible.shown(c.lang).empty() ? "" : " (" + e(a->responsible.shown(c.lang)) + ")");
      if (may_goals) {
        std::string key = fmt::format("{}/{}", g.id, a->position), fid = fmt::format("ae-{}-{}", g.id, a->position);
        out += "<details class=\"texts\"><summary>" + t(c, "goals_web.edit_action") + "</summary>\n" + form_open(c, self, "action_edit", g.id) +
               fmt::format("<input type=\"hidden\" name=\"position\" value=\"{}\">", a->position) +
               before_fields("action", current_value(c.state, "goal_action", key)) + text_pair(c, fid, "text", "goals_web.action_text", a->text, true) +
               text_pair(c, fid, "responsible", "goals_web.responsible", a->responsible, false) + submit(tr("goals_web.save_action", c.lang)) +
               "</details>";
      }
      out += "</li>\n";
    }
    if (!acts.empty() || may_goals) out += "</ul>\n";
    if (may_goals)
      out += "<details class=\"texts\"><summary>" + t(c, "goals_web.new_action") + "</summary>\n" + form_open(c, self, "action_new", g.id) +
             text_pair(c, "an-" + g.id, "text", "goals_web.action_text", {}, true) +
             text_pair(c, "an-" + g.id, "responsible", "goals_web.responsible", {}, false) + submit(tr("goals_web.save_action", c.lang)) + "</details>\n";
    // Metrics, or the status set by hand with its reason.
    bool has_metric = false;
    for (const Metric& m : d.goals.metrics)
      if (m.goal == g.id) {
        has_metric = true;
        out += metric_block(m);
      }
    if (may_goals) {
      if (!has_metric) {
        std::string key = fmt::format("{}/{}", g.id, year);
        Realisation now{g.id, year, std::nullopt, {}, {}};
        for (const auto& r : d.goals.realisations)
          if (r.goal == g.id && r.year == year) now = r;
        std::vector<std::pair<std::string, std::string>> options{{"", tr("goals_web.status_none", c.lang)}};
        for (GoalStatus x : {GoalStatus::met, GoalStatus::partly, GoalStatus::not_met, GoalStatus::no_data}) options.push_back({to_string(x), status_text(x)});
        out += "<details class=\"texts\"><summary>" + t(c, "goals_web.set_status") + "</summary>\n" + form_open(c, self, "status", g.id) +
               before_fields("status", current_value(c.state, "goal_status", key)) +
               select_field("st-" + g.id, "status", tr("goals.col.status", c.lang), options, now.status ? to_string(*now.status) : "") +
               text_pair(c, "st-" + g.id, "reason", "goals_web.reason", now.reason, true) + submit(tr("goals_web.save_status", c.lang)) + "</details>\n";
      }
      out += "<details class=\"texts\"><summary>" + t(c, "goals_web.new_metric") + "</summary>\n" + form_open(c, self, "metric_new", g.id) +
             metric_fields("mn-" + g.id, Metric{"", g.id, {}, "%", "up", std::nullopt, std::nullopt, "", "year"}) +
             submit(tr("goals_web.save_metric", c.lang)) + "</details>\n";
    }
    return out + "</div>\n";
  }

  std::string reviews(const std::vector<const Goal*>& goals) const {
    std::string out = "<section aria-labelledby=\"reviews-h\"><h2 id=\"reviews-h\">" + t(c, "goals_web.reviews") + "</h2>\n";
    std::vector<const Review*> list;
    for (const auto& r : d.goals.reviews)
      if (r.unit == unit && r.date.year == year) list.push_back(&r);
    std::stable_sort(list.begin(), list.end(), [](const Review* a, const Review* b) { return a->date > b->date; });
    if (list.empty()) out += "<p>" + t(c, "goals_web.no_reviews") + "</p>\n";
    for (const Review* r : list) {
      std::string title = r->title.shown(c.lang).empty() ? tr("goals.review", c.lang) : r->title.shown(c.lang);
      out += fmt::format("<table class=\"review\"><caption>{} {}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
                         e(title), to_display(r->date), t(c, "goals.col.goal"), t(c, "goals.col.status"), t(c, "goals.comment"));
      for (const auto& it : d.goals.review_items) {
        if (it.review != r->id) continue;
        const Goal* g = find_goal(d, it.goal);
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", e(g ? g->text.shown(c.lang) : it.goal), e(status_text(it.status)),
                           e(it.text.shown(c.lang)));
      }
      out += "</tbody></table>\n";
    }
    if (!may_goals) return out + "</section>\n";
    out += "<details class=\"texts\"><summary>" + t(c, "goals_web.new_review") + "</summary>\n" + form_open(c, self, "review_new", "") +
           "<p>" + t(c, "goals_web.review_intro") + "</p>" +
           input("rv-date", "date", tr("web.date", c.lang), to_iso(today()), " type=\"date\" required") +
           text_pair(c, "rv", "title", "goals_web.review_title", {}, false);
    for (const Goal* g : goals) {
      if (g->retired) continue;
      out += fmt::format("<fieldset><legend>{} ({})</legend>", e(g->text.shown(c.lang)), e(status_text(goal_status(d.goals, *g))));
      out += text_pair(c, "rv-" + g->id, "comment_" + g->id, "goals.comment", {}, true) + "</fieldset>\n";
    }
    return out + submit(tr("goals_web.save_review", c.lang)) + "</details>\n</section>\n";
  }

  std::string themes() const {
    std::string out = "<section aria-labelledby=\"themes-h\"><h2 id=\"themes-h\">" + t(c, "goals_web.themes") + "</h2>\n<ul class=\"themes\">";
    for (const auto& th : d.goals.themes) {
      if (!theme_ours(th)) continue;  // another municipality's
      std::string fid = "th-" + th.id, before = current_value(c.state, "theme", th.id).value_or("");
      out += "<li>" + e(th.name.shown(c.lang)) + " (" + to_display(th.valid_from) + "–" + (th.valid_to ? to_display(*th.valid_to) : "") + ")";
      out += "<details class=\"texts\"><summary>" + t(c, "goals_web.edit_theme") + "</summary>\n" + form_open(c, self, "theme_edit", th.id) +
             before_fields("theme", before) + text_pair(c, fid, "name", "goals_web.theme_name", th.name, false) +
             submit(tr("goals_web.save_theme", c.lang)) + form_open(c, self, "theme_retire", th.id) + before_fields("theme", before) +
             input(fid + "-to", "valid_to", tr("goals_web.valid_to", c.lang), th.valid_to ? to_iso(*th.valid_to) : "", " type=\"date\"") +
             submit(tr("goals_web.save_valid_to", c.lang)) + "</details></li>\n";
    }
    out += "</ul>\n<details class=\"texts\"><summary>" + t(c, "goals_web.new_theme") + "</summary>\n" + form_open(c, self, "theme_new", "") +
           text_pair(c, "thn", "name", "goals_web.theme_name", {}, false) + submit(tr("goals_web.save_theme", c.lang)) + "</details>\n";
    return out + "</section>\n";
  }
};

}  // namespace

http::Response goals_edit_page(const Ctx& c, const std::string& unit) {
  const Dataset& d = c.app().d;
  const UnitVersion* u = latest_version(d, unit);
  if (!u) return not_found(c);
  auto year = year_param(c.req, c.app().default_year);
  if (!year) return bad_request(c.lang);
  const User& me = *c.viewer.user;
  std::string self = fmt::format("/{}/unit/{}/goals/edit?year={}", lc(c.lang), unit, *year);
  if (c.req.method == "POST") {
    auto form = form_fields(c.req);
    auto changes = changes_of(c, unit, *year, form);
    if (!changes) return bad_request(c.lang);
    const std::string what = form["what"];
    ActionResult r = apply_changes(c.state, me, *changes);
    // A new value on a date that has one already is not someone else's edit: say what it is.
    if (r.outcome == Outcome::stale && what == "metric_value" && form["h_value"] != "1")
      return outcome_page(c, result(Outcome::invalid, msg("web.value_exists", to_display(parse_iso_date(form["date"]).value_or(Date{})))), self);
    if (r.outcome != Outcome::ok) return outcome_page(c, r, self);
    std::string anchor = what == "review_new" ? "reviews-h" : what.rfind("theme", 0) == 0 ? "themes-h" : form["id"];
    if (what == "goal_new" && !changes->empty()) anchor = changes->front().key;
    return redirect(with_notice(self, "saved") + (anchor.empty() ? "" : "#" + anchor));
  }
  PageParts p{c, d, unit, self, *year, may_edit_goals(me, d, unit, *year), is_admin(me)};
  std::string body = fmt::format("<h1>{}</h1>\n<h2>{} {}</h2>\n<p><a href=\"/{}/unit/{}/goals?year={}\">{}</a> · <a href=\"/{}/audit?unit={}\">{}</a></p>\n",
                                 e(u->name.shown(c.lang)), t(c, "web.edit_goals"), *year, lc(c.lang), e(unit), *year, t(c, "web.return"),
                                 lc(c.lang), e(unit), t(c, "goals_web.audit"));
  body += p.rules();
  auto goals = goals_of(d, unit, *year);
  std::vector<const Goal*> active, retired;
  for (const Goal* g : goals) (g->retired ? retired : active).push_back(g);
  for (std::size_t i = 0; i < active.size(); ++i) body += p.goal_block(*active[i], i == 0, i + 1 == active.size());
  if (active.empty()) body += "<p>" + t(c, "web.no_goals") + "</p>\n";
  if (p.may_goals)
    body += std::string("<details class=\"texts new-goal\"") + (active.empty() ? " open" : "") + "><summary>" + t(c, "goals_web.new_goal") +
            "</summary>\n" + form_open(c, self, "goal_new", "") + p.goal_fields("gn", Goal{"", *year, unit, "center", "", "", 0, {}, {}}) +
            submit(tr("goals_web.save_goal", c.lang)) + "</details>\n";
  if (!retired.empty()) {
    body += "<h2>" + t(c, "goals_web.retired") + "</h2>\n";
    for (const Goal* g : retired) body += p.goal_block(*g, true, true);
  }
  body += p.reviews(goals);
  if (p.admin) body += p.themes();
  return page(c, tr("web.edit_goals", c.lang), body, fmt::format("/{}/unit/{}/goals/edit?year={}", lc(c.other()), e(unit), *year), 200, unit);
}

}  // namespace toteuma::web
