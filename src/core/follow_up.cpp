#include "core/follow_up.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/format.h"
#include "core/i18n.h"
#include "core/ledger.h"

namespace toteuma {

namespace {

// Computed scenarios of the follow-up; '#' keeps them apart from any dataset id.
constexpr const char* kToDate = "#to-date";
constexpr const char* kProjection = "#projection";

Date last_day(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return {year, month, month == 2 && leap ? 29 : kDays[month - 1]};
}

std::string tf(const char* key, Lang lang, auto&&... args) {
  return fmt::format(fmt::runtime(tr(key, lang)), std::forward<decltype(args)>(args)...);
}

// As in the report tables: a line shows when the chart says always, when it has a value, or
// when another detail part of its total has one.
std::vector<const Line*> shown_lines(const Chart& chart, const std::map<std::string, bool>& has) {
  std::vector<const Line*> out;
  for (const Line& l : chart.lines()) {
    bool show = l.show == LineShow::always || has.at(l.id);
    if (!show)
      if (const Line* total = chart.parent_total(l.id))
        for (const auto& t : total->formula)
          if (const Line* part = chart.find(t.line); part && part->kind == LineKind::detail && has.at(t.line)) show = true;
    if (show) out.push_back(&l);
  }
  return out;
}

LineKind shown_kind(const Line& l, const std::vector<const Line*>& shown) {
  if (l.kind != LineKind::total) return l.kind;
  for (const auto& t : l.formula)
    for (const Line* s : shown)
      if (s->id == t.line) return LineKind::total;
  return LineKind::detail;  // a total printed without its parts reads as an ordinary row
}

}  // namespace

std::string ledger_scenario_id(int year, int month) { return fmt::format("ledger-{:04}-{:02}", year, month); }

std::optional<std::pair<int, int>> parse_ledger_scenario_id(std::string_view id) {
  if (id.size() != 14 || id.substr(0, 7) != "ledger-" || id[11] != '-') return std::nullopt;
  int y = 0, m = 0;
  for (char c : id.substr(7, 4)) {
    if (c < '0' || c > '9') return std::nullopt;
    y = y * 10 + (c - '0');
  }
  for (char c : id.substr(12, 2)) {
    if (c < '0' || c > '9') return std::nullopt;
    m = m * 10 + (c - '0');
  }
  if (m < 1 || m > 12) return std::nullopt;
  return std::pair{y, m};
}

Scenario ledger_month_scenario(int year, int month) {
  Scenario s;
  s.id = ledger_scenario_id(year, month);
  s.kind = ScenarioKind::actual;
  s.year = year;
  s.name = {tf("followup.scenario", Lang::fi, month, year), tf("followup.scenario", Lang::sv, month, year)};
  return s;
}

std::vector<int> ledger_months(const std::vector<MonthlyActual>& actuals, int year) {
  std::set<int> months;
  for (const auto& a : actuals)
    if (a.year == year) months.insert(a.month);
  return {months.begin(), months.end()};
}

void attach_ledger_months(Dataset& d, const std::vector<MonthlyActual>& actuals) {
  std::set<std::pair<int, int>> months;
  for (const auto& a : actuals) {
    if (months.insert({a.year, a.month}).second) d.scenarios.push_back(ledger_month_scenario(a.year, a.month));
    d.figures.push_back({a.unit, a.line, ledger_scenario_id(a.year, a.month), a.amount});
  }
}

std::vector<MonthlyActual> detach_ledger_months(Dataset& d) {
  std::vector<MonthlyActual> out;
  for (const auto& f : d.figures)
    if (auto ym = parse_ledger_scenario_id(f.scenario)) out.push_back({f.unit, f.line, ym->first, ym->second, f.amount});
  std::erase_if(d.figures, [](const Figure& f) { return parse_ledger_scenario_id(f.scenario).has_value(); });
  std::erase_if(d.scenarios, [](const Scenario& s) { return parse_ledger_scenario_id(s.id).has_value(); });
  return out;
}

Cents project_year(Cents to_date, int month) {
  __extension__ typedef __int128 Int128;  // to_date × 12 may not fit 64 bits
  Int128 v = static_cast<Int128>(to_date) * 12;
  Int128 q = v / month, r = v % month;
  if (2 * (r < 0 ? -r : r) >= month) q += v < 0 ? -1 : 1;
  return static_cast<Cents>(q);
}

FollowUp build_follow_up(const Dataset& d, const std::vector<MonthlyActual>& actuals, const std::string& unit, int year,
                         int month, Lang lang) {
  if (month < 1 || month > 12) throw TableError(tf("followup.bad_month", lang, month));
  auto months = ledger_months(actuals, year);
  if (months.empty()) throw TableError(tf("followup.no_ledger", lang, year));
  if (month > months.back()) throw TableError(tf("followup.month_missing", lang, month, year, months.back(), year));
  Date on = last_day(year, month);
  OrgView org(d.units, on);
  const UnitVersion* u = org.find(unit);
  if (!u)
    throw TableError(d.has_unit(unit) ? tf("err.unit_not_valid", lang, unit, to_display(on)) : tf("err.unknown_unit", lang, unit));

  // A dataset of what the follow-up needs: the year's budget, amendments and forecasts, the
  // ledger months up to `month`, and two computed scenarios — the actual to date and its
  // projection — figured per entered (unit, line), so totals and parents roll up as usual.
  Dataset a;
  a.municipalities = d.municipalities;
  a.units = d.units;
  a.chart = d.chart;
  std::set<std::string> keep;
  for (const auto& s : d.scenarios)
    if (s.year == year && (s.kind == ScenarioKind::budget || s.kind == ScenarioKind::amendment || s.kind == ScenarioKind::forecast)) {
      a.scenarios.push_back(s);
      keep.insert(s.id);
    }
  for (const auto& f : d.figures)
    if (keep.count(f.scenario)) a.figures.push_back(f);
  std::vector<MonthlyActual> upto;
  std::map<std::pair<std::string, std::string>, Cents> to_date;
  for (const auto& m : actuals)
    if (m.year == year && m.month <= month) {
      upto.push_back(m);
      to_date[{m.unit, m.line}] += m.amount;
    }
  attach_ledger_months(a, upto);
  for (const char* id : {kToDate, kProjection}) a.scenarios.push_back({id, ScenarioKind::actual, 0, std::nullopt, {}, "", std::nullopt});
  for (const auto& [key, sum] : to_date) {
    a.figures.push_back({key.first, key.second, kToDate, sum});
    a.figures.push_back({key.first, key.second, kProjection, project_year(sum, month)});
  }
  Ledger ledger(a);

  FollowUp fu;
  fu.year = year;
  fu.month = month;
  fu.forecast_entered = ledger.column_has_data(org, unit, {Measure::forecast, year, 0});
  auto forecast = [&](const std::string& line) {
    return fu.forecast_entered ? ledger.measure(org, unit, line, {Measure::forecast, year, 0})
                               : ledger.value(org, unit, line, kProjection);
  };
  auto budget = [&](const std::string& line) { return ledger.measure(org, unit, line, {Measure::budget_after, year, 0}); };

  // Values per line: budget after, month, to date, forecast, forecast − budget; then months.
  std::map<std::string, std::vector<std::optional<Cents>>> sums, per_month;
  std::map<std::string, bool> has;
  for (const Line& l : d.chart.lines()) {
    auto b = budget(l.id);
    auto fc = forecast(l.id);
    std::optional<Cents> dev = (b || fc) ? std::optional<Cents>(fc.value_or(0) - b.value_or(0)) : std::nullopt;
    auto& v = sums[l.id];
    v = {b, ledger.value(org, unit, l.id, ledger_scenario_id(year, month)), ledger.value(org, unit, l.id, kToDate), fc, dev};
    auto& pm = per_month[l.id];
    for (int m = 1; m <= month; ++m) pm.push_back(ledger.value(org, unit, l.id, ledger_scenario_id(year, m)));
    pm.push_back(v[2]);
    has[l.id] = std::any_of(v.begin(), v.end(), [](const auto& x) { return x.has_value(); });
  }
  auto shown = shown_lines(d.chart, has);

  std::string unit_name = u->name.shown(lang);
  std::string responsible = u->responsible.in(lang).empty() ? "" : tf("unit.responsible", lang, u->responsible.in(lang));
  auto base = [&](FigureTable& t, std::string title) {
    t.kind = TableKind::annual_report;
    t.lang = lang;
    t.year = year;
    t.unit = unit;
    t.unit_name = unit_name;
    t.responsible = responsible;
    t.title = std::move(title);
  };
  base(fu.summary, tf("followup.title", lang, month, year));
  fu.summary.columns = {{Measure::budget_after, year, 0}, {Measure::actual, year, 0}, {Measure::actual, year, 0},
                        {Measure::forecast, year, 0}, {Measure::deviation, year, 0}};
  fu.summary.headings = {tf("col.budget_after", lang, year), tf("followup.col.month", lang, month, year),
                         tf("followup.col.to_date", lang, month, year),
                         fu.forecast_entered ? tf("col.forecast", lang, year) : tf("followup.col.projection", lang, year),
                         tr("followup.col.forecast_deviation", lang)};
  if (!u->binding_line.empty())
    if (const Line* bl = d.chart.find(u->binding_line)) {
      auto b = budget(bl->id);
      auto fc = forecast(bl->id);
      if (b && fc) fu.overrun = *fc < *b;
      // The renderers print "Sitova taso: {binding_line}"; the verdict is about the forecast.
      fu.summary.binding_line = bl->name.in(lang);
      if (fu.overrun) fu.summary.binding_line += " – " + tr(*fu.overrun ? "followup.overrun" : "followup.within", lang);
    }

  base(fu.monthly, tf("followup.monthly_title", lang, year));
  for (int m = 1; m <= month; ++m) {
    fu.monthly.columns.push_back({Measure::actual, year, 0});
    fu.monthly.headings.push_back(fmt::format("{}/{}", m, year));
  }
  fu.monthly.columns.push_back({Measure::actual, year, 0});
  fu.monthly.headings.push_back(tf("followup.col.to_date", lang, month, year));

  fu.realisation.title = tf("followup.realisation_title", lang, month, year, format_permille(*ratio_permille(month, 12)));
  fu.realisation.label_heading = tr("col.label", lang);
  fu.realisation.headings = {tf("followup.col.realisation", lang, month), tr("followup.col.forecast_pct", lang)};
  fu.realisation.decimals = 1;
  fu.realisation.shown_decimals = 1;

  for (const Line* l : shown) {
    LineKind kind = shown_kind(*l, shown);
    std::string label = l->name.in(lang);
    const auto& v = sums[l->id];
    fu.summary.rows.push_back({l->id, kind, label, v});
    fu.monthly.rows.push_back({l->id, kind, label, per_month[l->id]});
    SimpleRow r;
    r.label = label;
    r.total = kind == LineKind::total;
    r.note = kind == LineKind::memo;
    auto pct = [&](const std::optional<Cents>& x) {
      return x && v[0] ? ratio_permille(*x, *v[0]) : std::nullopt;
    };
    r.cells = {pct(v[2]), pct(v[3])};
    fu.realisation.rows.push_back(std::move(r));
  }
  return fu;
}

}  // namespace toteuma
