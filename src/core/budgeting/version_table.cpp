#include "core/budgeting/version_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>

#include "core/budgeting/alternative_effect.h"
#include "core/budgeting/budget_round.h"
#include "core/finance/ledger.h"
#include "core/finance/report_table.h"
#include "core/i18n.h"

namespace toteuma {

namespace {

std::optional<Cents> diff(std::optional<Cents> a, std::optional<Cents> b) {
  if (!a || !b) return std::nullopt;
  return checked_sub(*a, *b);
}

}  // namespace

SimpleTable budget_versions_table(const Dataset& d, const std::string& unit, int year, Lang lang) {
  return budget_versions_table(d, unit, year, lang, nullptr);
}

SimpleTable budget_versions_table(const Dataset& d, const std::string& unit, int year, Lang lang, const std::set<std::string>* shown) {
  if (!d.has_unit(unit)) throw std::invalid_argument("unknown unit: " + unit);
  OrgView org = d.org_on(Date::first_of_year(year));
  Ledger base(d);
  auto versions = versions_of(d, year);
  // One dataset and Ledger per version (the Ledger keeps a reference to its dataset).
  std::vector<std::unique_ptr<Dataset>> vd;
  std::vector<std::unique_ptr<Ledger>> vl;
  const BudgetVersion* frame = nullptr;
  for (const BudgetVersion* v : versions) {
    vd.push_back(std::make_unique<Dataset>(version_dataset(d, *v)));
    vl.push_back(std::make_unique<Ledger>(*vd.back()));
    if (v->stage == kFrameStage) frame = v;
  }
  // Each published alternative budget is a column beside the version it changes: that version's
  // figure plus its changes rolled up (alternative_effect.h). Not a version: never the latest.
  std::vector<std::vector<const BudgetAlternative*>> alts(versions.size());
  std::vector<std::unique_ptr<Dataset>> ad;
  std::map<const BudgetAlternative*, std::unique_ptr<Ledger>> al;
  for (const BudgetAlternative* a : alternatives_of(d, year))
    for (std::size_t i = 0; i < versions.size(); ++i)
      if (a->published && a->version == versions[i]->id) {
        alts[i].push_back(a);
        ad.push_back(std::make_unique<Dataset>(alternative_change_dataset(d, *a)));
        al[a] = std::make_unique<Ledger>(*ad.back());
      }

  SimpleTable t;
  t.decimals = 2;
  t.shown_decimals = 0;
  t.title = trf("versions.title", lang, year);
  t.label_heading = tr("col.label", lang);
  t.headings = {trf("col.actual", lang, year - 2), trf("col.budget_after", lang, year - 1)};
  auto column = [&](std::size_t i) { return !shown || shown->count(versions[i]->id) > 0; };
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const BudgetVersion* v = versions[i];
    if (!column(i)) continue;
    t.headings.push_back(v->name.in(lang).empty() ? v->id : v->name.in(lang));
    for (const BudgetAlternative* a : alts[i]) t.headings.push_back(trf("versions.col.alternative", lang, a->name.shown(lang)));
  }
  t.headings.push_back(trf("versions.col.change", lang, year - 1));
  t.headings.push_back(tr("versions.col.change_pct", lang));
  if (frame) t.headings.push_back(tr("versions.col.frame_distance", lang));
  t.column_shown_decimals.assign(t.headings.size(), -1);
  t.column_shown_decimals[t.headings.size() - (frame ? 2 : 1)] = 1;

  // The operating part's lines, printed by the rule of every report table.
  const Chart chart = chart_subset(d.chart, [](const Line& l) { return l.in(Part::operating); });
  std::map<std::string, SimpleRow> rows;
  std::map<std::string, bool> has_data;
  for (const Line& l : chart.lines()) {
    SimpleRow& r = rows[l.id];
    r.label = l.name.in(lang);
    r.cells.push_back(base.measure(org, unit, l.id, {Measure::actual, year - 2, 0}));
    r.cells.push_back(base.measure(org, unit, l.id, {Measure::budget_after, year - 1, 0}));
    std::optional<Cents> latest, framed;
    for (std::size_t i = 0; i < versions.size(); ++i) {
      auto v = vl[i]->measure(org, unit, l.id, {Measure::budget, year, 0});
      if (column(i)) {
        r.cells.push_back(v);
        for (const BudgetAlternative* a : alts[i]) r.cells.push_back(add_opt(v, al[a]->measure(org, unit, l.id, {Measure::budget, year, 0})));
      }
      if (versions[i] == frame) framed = v;
      else if (v) latest = v;
    }
    std::optional<Cents> last = r.cells[1];
    auto change = diff(latest, last);
    r.cells.push_back(change);
    std::optional<std::int64_t> pct;
    // As budget books print "Muutos %": new / old − 1, so growing costs show a positive change.
    if (change && last && *last != 0)
      if (auto p = ratio_permille(*change, *last)) pct = *p * 10;
    r.cells.push_back(pct);
    if (frame) r.cells.push_back(diff(latest, framed));
    has_data[l.id] = std::any_of(r.cells.begin(), r.cells.end(), [](const auto& c) { return c.has_value(); });
  }
  for (auto [l, kind] : shown_lines(chart, has_data)) {
    rows[l->id].total = kind == LineKind::total;
    t.rows.push_back(std::move(rows[l->id]));
  }
  return t;
}

}  // namespace toteuma
