#include "core/budgeting/alternative_effect.h"

#include <fmt/format.h>

#include <stdexcept>

#include "core/budgeting/budget_round.h"
#include "core/finance/ledger.h"
#include "core/format.h"
#include "core/i18n.h"

namespace toteuma {

namespace {

const BudgetVersion& version_of(const Dataset& d, const BudgetAlternative& a) {
  const BudgetVersion* v = find_version(d, a.version);
  if (!v) throw std::invalid_argument("alternative " + a.id + " changes an unknown version: " + a.version);
  return *v;
}

// The version's figures of `year` and the changes' rolled up, each by its own Ledger (a Ledger
// keeps a reference to its dataset, so the datasets live here too).
struct Rollup {
  Dataset version_d, change_d;
  Ledger version, change;
  OrgView org;
  ColumnSpec col;
  Rollup(const Dataset& d, const BudgetVersion& v, const BudgetAlternative& a, int year)
      : version_d(version_dataset(d, v)),
        change_d(alternative_change_dataset(d, a)),
        version(version_d),
        change(change_d),
        org(d.org_on(Date::first_of_year(v.year))),
        col(year == v.year ? ColumnSpec{Measure::budget, year, 0} : ColumnSpec{Measure::plan, year, v.year}) {}
  EffectValue at(const std::string& unit, const std::string& line) const {
    EffectValue e;
    e.version = version.measure(org, unit, line, col);
    auto delta = change.measure(org, unit, line, col);
    e.change = delta.value_or(0);
    e.alternative = add_opt(e.version, delta);
    return e;
  }
};

}  // namespace

Dataset alternative_change_dataset(const Dataset& d, const BudgetAlternative& a) {
  const BudgetVersion& v = version_of(d, a);
  std::vector<VersionFigure> figures;
  for (const AlternativeChange* c : changes_of(d, a.id)) figures.push_back({v.id, c->unit, c->line, c->year, c->amount});
  return version_dataset(d, v, figures);
}

AlternativeEffect alternative_effect(const Dataset& d, const BudgetAlternative& a, int year) {
  const BudgetVersion& v = version_of(d, a);
  if (year == 0) year = v.year;
  if (year < v.year || year > v.year + 2) throw std::invalid_argument(fmt::format("year {} is not of the round {}", year, v.year));
  Rollup r(d, v, a, year);
  AlternativeEffect out;
  out.year = year;
  for (auto [u, depth] : r.org.tree())
    if (!u->binding_line.empty() && (u->id == v.municipality || r.org.within(u->id, v.municipality)))
      out.units.push_back({u->id, u->name, r.at(u->id, "operating_margin")});
  out.operating_margin = r.at(v.municipality, "operating_margin");
  out.annual_margin = r.at(v.municipality, "annual_margin");
  out.result = r.at(v.municipality, "result");
  out.surplus = r.at(v.municipality, "surplus");
  return out;
}

SimpleTable alternatives_table(const Dataset& d, const std::string& version, const std::vector<const BudgetAlternative*>& alts,
                               int year, Lang lang) {
  const BudgetVersion* v = find_version(d, version);
  if (!v) throw std::invalid_argument("unknown version: " + version);
  std::vector<AlternativeEffect> effects;
  for (const BudgetAlternative* a : alts) {
    if (a->version != version) throw std::invalid_argument("alternative " + a->id + " changes another version");
    effects.push_back(alternative_effect(d, *a, year));
  }
  if (year == 0) year = v->year;
  SimpleTable t;
  t.decimals = 2;
  t.shown_decimals = 0;
  t.title = fmt::format(fmt::runtime(tr("alt.table.title", lang)), v->name.in(lang).empty() ? v->id : v->name.in(lang), year);
  t.label_heading = tr("alt.col.unit", lang);
  t.headings.push_back(v->name.in(lang).empty() ? v->id : v->name.in(lang));
  for (const BudgetAlternative* a : alts) {
    std::string name = a->name.in(lang).empty() ? a->id : a->name.in(lang);
    t.headings.push_back(name);
    t.headings.push_back(fmt::format(fmt::runtime(tr("alt.col.difference", lang)), name));
  }
  auto add_row = [&](std::string label, bool total, auto pick) {
    SimpleRow r;
    r.label = std::move(label);
    r.total = total;
    r.cells.push_back(pick(effects.front()).version);
    for (const auto& e : effects) {
      r.cells.push_back(pick(e).alternative);
      r.cells.push_back(pick(e).change);
    }
    t.rows.push_back(std::move(r));
  };
  // Without alternatives the version's column still shows: take it from an empty alternative.
  if (effects.empty()) effects.push_back(alternative_effect(d, BudgetAlternative{"", version, "", {}, {}, false}, year));
  for (std::size_t i = 0; i < effects.front().units.size(); ++i) {
    const UnitEffect& u = effects.front().units[i];
    add_row(fmt::format(fmt::runtime(tr("alt.row.unit_margin", lang)), u.name.shown(lang)), false,
            [i](const AlternativeEffect& e) -> const EffectValue& { return e.units[i].operating_margin; });
  }
  const std::pair<const char*, EffectValue AlternativeEffect::*> totals[] = {{"operating_margin", &AlternativeEffect::operating_margin},
                                                                            {"annual_margin", &AlternativeEffect::annual_margin},
                                                                            {"result", &AlternativeEffect::result},
                                                                            {"surplus", &AlternativeEffect::surplus}};
  for (const auto& [line, member] : totals) {
    const Line* l = d.chart.find(line);
    add_row(l ? l->name.in(lang) : line, true, [member](const AlternativeEffect& e) -> const EffectValue& { return e.*member; });
  }
  if (alts.empty())
    for (auto& r : t.rows) r.cells.resize(1);
  return t;
}

std::string balance_sentence(const BudgetAlternative& a, const AlternativeEffect& e, Lang lang) {
  std::string name = a.name.in(lang).empty() ? a.id : a.name.in(lang);
  if (e.balanced()) return fmt::format(fmt::runtime(tr("alt.balanced", lang)), name, e.year);
  Cents magnitude = e.result.change < 0 ? checked_sub(0, e.result.change) : e.result.change;
  return fmt::format(fmt::runtime(tr(e.result.change < 0 ? "alt.weakens" : "alt.strengthens", lang)), name, e.year, format_euros(magnitude));
}

}  // namespace toteuma
