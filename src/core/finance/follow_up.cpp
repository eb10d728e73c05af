#include "core/finance/follow_up.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/format.h"
#include "core/i18n.h"
#include "core/finance/ledger.h"
#include "core/finance/spending_plan.h"

namespace toteuma {

namespace {

// Computed scenarios of the follow-up; '#' keeps them apart from any dataset id.
constexpr const char* kToDate = "#to-date";

Date last_day(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return {year, month, month == 2 && leap ? 29 : kDays[month - 1]};
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
  s.name = {trf("followup.scenario", Lang::fi, month, year), trf("followup.scenario", Lang::sv, month, year)};
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

namespace {

// Computed scenarios of the follow-up; '#' keeps them apart from any dataset id.
constexpr const char* kForecast = "#forecast";
constexpr const char* kBudgetToDate = "#budget-to-date";

// The follow-up's own dataset: the year's budget and amendments, the ledger months up to
// `month`, the actual to date, and the forecast per (unit, line) — the entered forecast where
// one is entered, else the projection from the closed months — so totals and parents roll up
// as every figure does. Also which forecast figures are entered and which projected.
struct FollowUpData {
  Dataset a;
  std::map<std::pair<std::string, std::string>, Cents> entered, projected, closed_to_date;
  std::map<std::pair<std::string, std::string>, std::string> entered_in;  // the forecast scenario(s) of an entered line
  const Phasing* phasing(const OrgView& org, const std::string& unit, const std::string& line) const {
    return find_phasing(a.phasing, org, a.chart, unit, line, year);
  }
  int year = 0, projected_months = 0;
};

// The budget to date (months 1..month), the figures of scenario kBudgetToDate: where a binding unit
// has a spending plan of the year, its rows' months (the plan splits the budget in force); elsewhere
// each budget and amendment figure of the year × W(1..month) / W by the phasing in force (even without).
void add_budget_to_date(FollowUpData& fd, const Dataset& d, const OrgView& org, int month) {
  Dataset& a = fd.a;
  a.scenarios.push_back({kBudgetToDate, ScenarioKind::budget, 0, std::nullopt, {}, "", std::nullopt});
  auto planned = planned_binding_units(d.spending_plan, d.units, fd.year);
  OrgView jan(d.units, Date::first_of_year(fd.year));
  auto in_plan = [&](const std::string& unit) {
    const UnitVersion* b = binding_unit_of(jan, unit);
    return b && std::binary_search(planned.begin(), planned.end(), b->id);
  };
  std::map<std::pair<std::string, std::string>, Cents> sums;
  for (const auto& f : a.figures) {
    const Scenario* s = a.scenario(f.scenario);
    if (!s || (s->kind != ScenarioKind::budget && s->kind != ScenarioKind::amendment) || in_plan(f.unit)) continue;
    auto& x = sums[{f.unit, f.line}];
    x = checked_add(x, phased_share(f.amount, month, fd.phasing(org, f.unit, f.line)));
  }
  for (const auto& r : d.spending_plan)
    if (r.year == fd.year) {
      auto& x = sums[{r.unit, r.line}];
      x = checked_add(x, planned_to_date(r, month, fd.phasing(org, r.unit, r.line)));
    }
  for (const auto& [key, v] : sums) a.figures.push_back({key.first, key.second, kBudgetToDate, v});
}

FollowUpData follow_up_data(const FollowUpInput& in, const OrgView& org, int year, int month) {
  const Dataset& d = in.d;
  FollowUpData fd;
  fd.year = year;
  fd.projected_months = std::min(in.closed, month);
  Dataset& a = fd.a;
  a.municipalities = d.municipalities;
  a.units = d.units;
  a.chart = d.chart;
  a.phasing = phasing_in_force(d.phasing, d.spending_plan, d.units, year);
  std::set<std::string> keep, forecasts;
  for (const auto& s : d.scenarios)
    if (s.year == year && (s.kind == ScenarioKind::budget || s.kind == ScenarioKind::amendment)) {
      a.scenarios.push_back(s);
      keep.insert(s.id);
    } else if (s.year == year && s.kind == ScenarioKind::forecast) {
      forecasts.insert(s.id);
    }
  for (const auto& f : d.figures) {
    if (keep.count(f.scenario)) a.figures.push_back(f);
    if (forecasts.count(f.scenario)) {
      auto& e = fd.entered[{f.unit, f.line}];
      e = checked_add(e, f.amount);
      auto& in = fd.entered_in[{f.unit, f.line}];
      in += (in.empty() ? "" : "+") + f.scenario;
    }
  }
  std::vector<MonthlyActual> upto;
  std::map<std::pair<std::string, std::string>, Cents> to_date;
  for (const auto& m : in.actuals)
    if (m.year == year && m.month <= month) {
      upto.push_back(m);
      auto& t = to_date[{m.unit, m.line}];
      t = checked_add(t, m.amount);
      if (m.month <= fd.projected_months) {
        auto& c = fd.closed_to_date[{m.unit, m.line}];
        c = checked_add(c, m.amount);
      }
    }
  attach_ledger_months(a, upto);
  a.scenarios.push_back({kToDate, ScenarioKind::actual, 0, std::nullopt, {}, "", std::nullopt});
  // Named, since explanations print the scenario of every step.
  a.scenarios.push_back({kForecast, ScenarioKind::actual, 0, std::nullopt,
                         {trf("col.forecast", Lang::fi, year), trf("col.forecast", Lang::sv, year)}, "", std::nullopt});
  for (const auto& [key, sum] : to_date) a.figures.push_back({key.first, key.second, kToDate, sum});
  add_budget_to_date(fd, d, org, month);
  // An entered line replaces the projection of that line, and of its parts, at its unit.
  auto covered = [&](const std::pair<std::string, std::string>& key) {
    for (const auto& [ek, v] : fd.entered)
      if (ek.first == key.first && is_part_of(d.chart, key.second, ek.second)) return true;
    return false;
  };
  if (fd.projected_months > 0)
    for (const auto& [key, sum] : fd.closed_to_date)
      if (!covered(key)) fd.projected[key] = project_year(sum, fd.projected_months, fd.phasing(org, key.first, key.second));
  for (const auto* part : {&fd.entered, &fd.projected})
    for (const auto& [key, v] : *part) a.figures.push_back({key.first, key.second, kForecast, v});
  return fd;
}

// The entered and projected parts of an explanation of the forecast (its leaves).
std::pair<std::optional<Cents>, std::optional<Cents>> parts_of(const Explanation& e, const FollowUpData& fd) {
  if (e.step == Step::entered || e.step == Step::projected) {
    bool entered = fd.entered.count({e.unit, e.line}) > 0;
    Cents v = e.sign < 0 ? checked_sub(0, e.value.value_or(0)) : e.value.value_or(0);
    return entered ? std::pair{std::optional<Cents>(v), std::optional<Cents>()} : std::pair{std::optional<Cents>(), std::optional<Cents>(v)};
  }
  std::optional<Cents> en, pr;
  for (const auto& p : e.parts) {
    auto [a, b] = parts_of(p, fd);
    if (e.sign < 0) {  // a subtracted subtree: its parts enter negated
      if (a) a = checked_sub(0, *a);
      if (b) b = checked_sub(0, *b);
    }
    en = add_opt(en, a);
    pr = add_opt(pr, b);
  }
  return {en, pr};
}

// Marks the projected leaves of a forecast explanation and says what each was projected from.
void mark_projections(Explanation& e, const FollowUpData& fd, const OrgView& org, Lang lang) {
  if (auto in = fd.entered_in.find({e.unit, e.line}); e.step == Step::entered && in != fd.entered_in.end())
    e.scenario = in->second;  // the forecast scenario it was entered in
  if (e.step == Step::entered && !fd.entered.count({e.unit, e.line})) {
    e.step = Step::projected;
    Cents base = fd.closed_to_date.at({e.unit, e.line});
    const Phasing* ph = fd.phasing(org, e.unit, e.line);
    e.what += ": " + trf(ph ? "followup.projected_phasing" : "followup.projected_even", lang, format_euros(base),
                        fd.projected_months, fd.year);
  }
  for (auto& p : e.parts) mark_projections(p, fd, org, lang);
}

Date checked_on(const Dataset& d, const FollowUpInput& in, const std::string& unit, int year, int month, Lang lang) {
  if (month < 1 || month > 12) throw TableError(msg("followup.bad_month", month), lang);
  auto months = ledger_months(in.actuals, year);
  if (months.empty()) throw TableError(msg("followup.no_ledger", year), lang);
  if (month > months.back()) throw TableError(msg("followup.month_missing", month, year, months.back(), year), lang);
  Date on = last_day(year, month);
  OrgView org(d.units, on);
  if (!org.find(unit))
    throw TableError(d.has_unit(unit) ? msg("err.unit_not_valid", unit, to_display(on)) : msg("err.unknown_unit", unit), lang);
  return on;
}

}  // namespace

Explanation explain_follow_up_forecast(const FollowUpInput& in, const std::string& unit, const std::string& line, int year,
                                       int month, Lang lang) {
  Date on = checked_on(in.d, in, unit, year, month, lang);
  OrgView org(in.d.units, on);
  FollowUpData fd = follow_up_data(in, org, year, month);
  Ledger ledger(fd.a);
  Explanation e = explain_value(ledger, org, unit, line, kForecast, lang);
  mark_projections(e, fd, org, lang);
  return e;
}

FollowUp build_follow_up(const FollowUpInput& in, const std::string& unit, int year, int month, Lang lang) {
  const Dataset& d = in.d;
  Date on = checked_on(d, in, unit, year, month, lang);
  OrgView org(d.units, on);
  const UnitVersion* u = org.find(unit);
  FollowUpData fd = follow_up_data(in, org, year, month);
  Ledger ledger(fd.a);

  FollowUp fu;
  fu.year = year;
  fu.month = month;
  fu.closed = in.closed;
  fu.projected_months = fd.projected_months;
  auto forecast = [&](const std::string& line) { return ledger.value(org, unit, line, kForecast); };
  auto budget = [&](const std::string& line) { return ledger.measure(org, unit, line, {Measure::budget_after, year, 0}); };

  // Values per line: budget after, month, to date, forecast, forecast − budget; then months.
  std::map<std::string, std::vector<std::optional<Cents>>> sums, per_month;
  std::map<std::string, std::pair<std::optional<Cents>, std::optional<Cents>>> parts;
  std::map<std::string, bool> has;
  for (const Line& l : d.chart.lines()) {
    auto b = budget(l.id);
    auto fc = forecast(l.id);
    // Only where both bases exist: a line without a forecast (or one inside an entered total) or
    // without a budget of its own has no forecast deviation.
    std::optional<Cents> dev = (b && fc) ? std::optional<Cents>(checked_sub(*fc, *b)) : std::nullopt;
    auto& v = sums[l.id];
    v = {b, ledger.value(org, unit, l.id, ledger_scenario_id(year, month)), ledger.value(org, unit, l.id, kToDate), fc, dev};
    auto& pm = per_month[l.id];
    for (int m = 1; m <= month; ++m) pm.push_back(ledger.value(org, unit, l.id, ledger_scenario_id(year, m)));
    pm.push_back(v[2]);
    has[l.id] = std::any_of(v.begin(), v.end(), [](const auto& x) { return x.has_value(); });
    if (fc) {
      parts[l.id] = parts_of(explain_value(ledger, org, unit, l.id, kForecast, lang), fd);
      if (parts[l.id].first) fu.forecast_entered = true;
    }
  }
  // The unit's part of the chart: the operating part; the municipality's root also its income
  // statement (taxes, state transfers, financial items in the year's follow-up).
  const Chart own_chart = chart_subset(d.chart, [&](const Line& l) { return unit_uses(l, u->parent.empty()); });
  auto shown = shown_lines(own_chart, has);

  std::string unit_name = u->name.shown(lang);
  std::string responsible = u->responsible.in(lang).empty() ? "" : trf("unit.responsible", lang, u->responsible.in(lang));
  auto base = [&](FigureTable& t, std::string title) {
    t.kind = TableKind::annual_report;
    t.lang = lang;
    t.year = year;
    t.unit = unit;
    t.unit_name = unit_name;
    t.responsible = responsible;
    t.title = std::move(title);
  };
  base(fu.summary, trf("followup.title", lang, month, year));
  fu.summary.columns = {{Measure::budget_after, year, 0}, {Measure::actual, year, 0}, {Measure::actual, year, 0},
                        {Measure::forecast, year, 0}, {Measure::deviation, year, 0}};
  fu.summary.headings = {trf("col.budget_after", lang, year), trf("followup.col.month", lang, month, year),
                         trf("followup.col.to_date", lang, month, year),
                         fu.forecast_entered ? trf("col.forecast", lang, year) : trf("followup.col.projection", lang, year),
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

  base(fu.monthly, trf("followup.monthly_title", lang, year));
  for (int m = 1; m <= month; ++m) {
    fu.monthly.columns.push_back({Measure::actual, year, 0});
    fu.monthly.headings.push_back(fmt::format("{}/{}", m, year));
  }
  fu.monthly.columns.push_back({Measure::actual, year, 0});
  fu.monthly.headings.push_back(trf("followup.col.to_date", lang, month, year));

  fu.realisation.title = trf("followup.realisation_title", lang, month, year, format_permille(*ratio_permille(month, 12)));
  fu.realisation.label_heading = tr("col.label", lang);
  fu.realisation.headings = {trf("followup.col.realisation", lang, month), tr("followup.col.forecast_pct", lang),
                             trf("followup.col.realisation_phased", lang, month)};
  fu.realisation.decimals = 1;
  fu.realisation.shown_decimals = 1;

  fu.forecast_parts.title = fd.projected_months > 0 ? trf("followup.parts_title", lang, year, fd.projected_months)
                                                    : trf("followup.parts_title_none", lang, year);
  fu.forecast_parts.label_heading = tr("col.label", lang);
  fu.forecast_parts.headings = {tr("followup.col.entered", lang), tr("followup.col.projected", lang)};
  fu.forecast_parts.decimals = 2;  // cents, shown as whole euros
  fu.forecast_parts.shown_decimals = 0;

  for (auto [l, kind] : shown) {
    if (!u->parent.empty() && !l->in(Part::operating)) kind = LineKind::memo;  // a note after Toimintakate
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
    auto to_date_budget = ledger.value(org, unit, l->id, kBudgetToDate);
    fu.budget_to_date.push_back(to_date_budget);
    r.cells = {pct(v[2]), pct(v[3]), v[2] && to_date_budget ? ratio_permille(*v[2], *to_date_budget) : std::nullopt};
    SimpleRow fp = r;
    fu.realisation.rows.push_back(std::move(r));
    auto [entered, projected] = parts.count(l->id) ? parts[l->id] : std::pair<std::optional<Cents>, std::optional<Cents>>{};
    ForecastBasis basis = entered && projected ? ForecastBasis::mixed
                          : entered            ? ForecastBasis::entered
                          : projected          ? ForecastBasis::projected
                                               : ForecastBasis::none;
    fu.basis.push_back(basis);
    fp.cells = {entered, projected};
    fu.forecast_parts.rows.push_back(std::move(fp));
  }
  return fu;
}

}  // namespace toteuma
