#include "core/budgeting/frame_chart.h"

#include <fmt/format.h>

#include <memory>

#include "core/budgeting/budget_round.h"
#include "core/documents/document_charts.h"
#include "core/finance/ledger.h"
#include "core/i18n.h"

namespace toteuma {

std::optional<Cents> FrameDistances::at(const std::string& id, const std::string& unit) const {
  for (std::size_t i = 0; i < versions.size(); ++i)
    for (std::size_t k = 0; k < units.size(); ++k)
      if (versions[i]->id == id && units[k]->id == unit) return distance[i][k];
  return std::nullopt;
}

FrameDistances frame_distances(const Dataset& d, const std::string& municipality, int year) {
  FrameDistances out;
  for (const BudgetVersion* v : versions_of(d, year)) {
    if (v->municipality != municipality) continue;
    if (v->stage == kFrameStage) out.frame = v;
    else out.versions.push_back(v);
  }
  if (!out.frame) {
    out.versions.clear();
    return out;
  }
  // One dataset and Ledger per version (a Ledger keeps a reference to its dataset).
  Dataset fd = version_dataset(d, *out.frame);
  Ledger fl(fd);
  std::vector<std::unique_ptr<Dataset>> vd;
  std::vector<std::unique_ptr<Ledger>> vl;
  for (const BudgetVersion* v : out.versions) {
    vd.push_back(std::make_unique<Dataset>(version_dataset(d, *v)));
    vl.push_back(std::make_unique<Ledger>(*vd.back()));
  }
  out.distance.resize(out.versions.size());
  OrgView org = d.org_on(Date::first_of_year(year));
  const ColumnSpec budget{Measure::budget, year, 0};
  for (const auto& [u, depth] : org.tree()) {
    if (u->binding_line.empty() || !org.within(u->id, municipality)) continue;
    auto framed = fl.measure(org, u->id, u->binding_line, budget);
    if (!framed) continue;
    out.units.push_back(u);
    for (std::size_t i = 0; i < out.versions.size(); ++i) {
      auto v = vl[i]->measure(org, u->id, u->binding_line, budget);
      out.distance[i].push_back(v ? std::optional<Cents>(checked_sub(*v, *framed)) : std::nullopt);
    }
  }
  return out;
}

doc::Chart frame_distance_chart(const Dataset& d, const std::string& municipality, int year, Lang lang) {
  doc::Chart c;
  c.kind = doc::Chart::Kind::bars;
  c.id = fmt::format("c-frame-{}-{}", municipality, year);
  c.title = trf("round.chart.title", lang, year);
  c.unit = "€";
  c.scale = 2;
  FrameDistances fd = frame_distances(d, municipality, year);
  if (!fd.frame) {
    c.alt = tr("chart.no_data", lang);
    return c;
  }
  for (const UnitVersion* u : fd.units) c.categories.push_back(u->name.shown(lang));
  std::vector<std::string> names;
  for (std::size_t i = 0; i < fd.versions.size(); ++i) {
    const BudgetVersion& v = *fd.versions[i];
    c.series.push_back({v.name.shown(lang).empty() ? v.id : v.name.shown(lang), fd.distance[i], false});
    names.push_back(c.series.back().name);
  }
  c.alt = trf("round.chart.alt", lang, fd.frame->name.shown(lang), year) + " " + figures_text(c, names, c.categories, 0, lang);
  return c;
}

SimpleTable frame_distance_table(const doc::Chart& c, Lang lang) {
  SimpleTable t;
  t.title = c.title;
  t.label_heading = tr("round.col.unit", lang);
  t.decimals = 2;
  t.shown_decimals = 0;
  for (const auto& s : c.series) t.headings.push_back(s.name);
  for (std::size_t k = 0; k < c.categories.size(); ++k) {
    SimpleRow r;
    r.label = c.categories[k];
    for (const auto& s : c.series) r.cells.push_back(s.values[k]);
    t.rows.push_back(std::move(r));
  }
  return t;
}

}  // namespace toteuma
