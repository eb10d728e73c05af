#include "core/goals/goal_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/fixed.h"
#include "core/documents/document.h"
#include "core/i18n.h"

namespace toteuma {

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) {
    if (s.empty()) continue;
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// As published: "59 %", "87 000 €", "3,2" (a decimal only when there is one).
std::string show_value(std::int64_t tenths, const std::string& unit) {
  return doc::format_value(tenths, 1, tenths % 10 == 0 ? 0 : 1, unit == "%" ? "%" : unit == "eur" ? "€" : "");
}

}  // namespace

GoalReport build_goal_report(const Dataset& d, const std::string& unit, int year, Lang lang) {
  const Goals& g = d.goals;
  GoalReport r;
  r.lang = lang;
  r.title = fmt::format(fmt::runtime(tr("goals.title", lang)), year);
  for (const auto& u : d.units)
    if (u.id == unit) r.unit_name = u.name.shown(lang);
  bool unit_level = false;
  for (const auto& x : g.goals) unit_level = unit_level || (x.unit == unit && x.year == year && x.level == "unit");
  r.headings = {tr(unit_level ? "goals.col.goal" : "goals.col.key", lang), tr("goals.col.area", lang),
                tr("goals.col.action", lang), tr("goals.col.responsible", lang),
                fmt::format(fmt::runtime(tr("goals.col.realisation", lang)), year), tr("goals.col.status", lang)};

  auto number_of = [&](const std::string& theme) {
    for (const auto& n : g.theme_numbers)
      if (n.theme == theme && n.year == year) return n.number;
    return 0;
  };
  std::vector<std::string> themes;
  for (const auto& x : g.goals)
    if (x.unit == unit && x.year == year && !x.retired && (x.level == "center" || x.level == "unit") &&
        std::find(themes.begin(), themes.end(), x.theme) == themes.end())
      themes.push_back(x.theme);
  // Numbered themes in their printed order; a theme the year does not number comes last.
  auto rank = [&](const std::string& t) { return number_of(t) == 0 ? 1 << 30 : number_of(t); };
  std::stable_sort(themes.begin(), themes.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });

  for (const auto& theme : themes) {
    GoalGroup group;
    std::string name = theme;
    for (const auto& t : g.themes)
      if (t.id == theme) name = t.name.shown(lang);
    int n = number_of(theme);
    group.heading = n ? fmt::format("{}. {}", n, name) : name;
    for (const auto& x : g.goals)
      if (x.level == "city" && x.theme == theme && x.year == year && !x.retired) group.city_goals.push_back(x.text.shown(lang));
    for (const auto& x : g.goals) {
      if (x.unit != unit || x.year != year || x.theme != theme || x.retired || (x.level != "center" && x.level != "unit")) continue;
      std::vector<const Goal*> areas;
      for (const auto& a : g.goals)
        if (a.parent == x.id && a.level == "area" && !a.retired) areas.push_back(&a);
      auto actions_of = [&](const std::string& id, std::vector<std::string>& resp) {
        std::vector<std::string> texts;
        for (const auto& a : g.actions)
          if (a.goal == id) {
            texts.push_back(a.text.shown(lang));
            if (!a.responsible.shown(lang).empty() &&
                std::find(resp.begin(), resp.end(), a.responsible.shown(lang)) == resp.end())
              resp.push_back(a.responsible.shown(lang));
          }
        return texts;
      };
      GoalLine line;
      line.key_goal = x.text.shown(lang);
      std::vector<std::string> resp;
      if (!x.responsible.shown(lang).empty()) resp.push_back(x.responsible.shown(lang));
      std::vector<std::string> acts = actions_of(x.id, resp);
      for (const Goal* a : areas) {
        std::vector<std::string> more = actions_of(a->id, resp);
        acts.insert(acts.end(), more.begin(), more.end());
        if (!a->responsible.shown(lang).empty()) resp.push_back(a->responsible.shown(lang));
      }
      std::vector<std::string> area_texts;
      for (const Goal* a : areas) area_texts.push_back(a->text.shown(lang));
      line.area_goal = join(area_texts, " / ");
      line.actions = join(acts, " ");
      line.responsible = join(resp, ", ");
      for (const auto& re : g.realisations)
        if (re.goal == x.id && re.year == year) {
          line.realisation = re.text.in(lang);  // a missing translation stays missing (checks report it)
          line.status_reason = re.reason.in(lang);
        }
      line.status = goal_status(g, x, &line.status_derived);
      ++r.summary[*line.status];
      group.lines.push_back(std::move(line));

      for (const auto& m : g.metrics) {
        if (m.goal != x.id) continue;
        MetricLine ml;
        ml.goal = x.text.shown(lang);
        ml.name = m.name.shown(lang);
        if (m.target_tenths) ml.target = (m.direction == "down" ? "≤ " : "≥ ") + show_value(*m.target_tenths, m.unit);
        const MetricValue* latest = nullptr;
        for (const auto& v : g.values)
          if (v.metric == m.id && v.date.year == year && (!latest || v.date > latest->date)) latest = &v;
        if (latest) {
          ml.value = show_value(latest->value_tenths, m.unit);
          ml.source = latest->source;
        }
        ml.status = metric_status(m, g.values, year);
        r.metrics.push_back(std::move(ml));
      }
    }
    r.groups.push_back(std::move(group));
  }
  // Status reviews of the unit dated up to the end of the year, of goals of that year.
  for (const auto& rv : g.reviews) {
    if (rv.unit != unit || rv.date > Date::last_of_year(year)) continue;
    ReviewBlock b{rv.title.shown(lang), rv.date, {}};
    if (b.title.empty()) b.title = tr("goals.review", lang);
    for (const auto& it : g.review_items) {
      if (it.review != rv.id) continue;
      for (const auto& x : g.goals)
        if (x.id == it.goal && x.year == year) b.lines.push_back({x.text.shown(lang), it.text.in(lang), it.status});
    }
    if (!b.lines.empty()) r.reviews.push_back(std::move(b));
  }
  return r;
}

std::string goal_status_text(const GoalLine& l, Lang lang) {
  if (!l.status) return "";
  std::string s = tr("status." + to_string(*l.status), lang);
  if (!l.status_derived && !l.status_reason.empty()) s += " (" + l.status_reason + ")";
  return s;
}

}  // namespace toteuma
