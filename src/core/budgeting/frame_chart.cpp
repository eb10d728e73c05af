#include "core/budgeting/frame_chart.h"

#include <fmt/format.h>

#include <memory>

#include "core/budgeting/budget_round.h"
#include "core/documents/document_charts.h"
#include "core/finance/ledger.h"
#include "core/i18n.h"

namespace toteuma {

namespace {
std::string tf(const char* key, Lang lang, auto&&... args) {
  return fmt::format(fmt::runtime(tr(key, lang)), std::forward<decltype(args)>(args)...);
}
}  // namespace

doc::Chart frame_distance_chart(const Dataset& d, const std::string& municipality, int year, Lang lang) {
  doc::Chart c;
  c.kind = doc::Chart::Kind::bars;
  c.id = fmt::format("c-frame-{}-{}", municipality, year);
  c.title = tf("round.chart.title", lang, year);
  c.unit = "€";
  c.scale = 2;
  std::vector<const BudgetVersion*> versions;
  const BudgetVersion* frame = nullptr;
  for (const BudgetVersion* v : versions_of(d, year)) {
    if (v->municipality != municipality) continue;
    if (v->stage == kFrameStage) frame = v;
    else versions.push_back(v);
  }
  if (!frame) {
    c.alt = tr("chart.no_data", lang);
    return c;
  }
  // One dataset and Ledger per version (a Ledger keeps a reference to its dataset).
  Dataset fd = version_dataset(d, *frame);
  Ledger fl(fd);
  std::vector<std::unique_ptr<Dataset>> vd;
  std::vector<std::unique_ptr<Ledger>> vl;
  for (const BudgetVersion* v : versions) {
    vd.push_back(std::make_unique<Dataset>(version_dataset(d, *v)));
    vl.push_back(std::make_unique<Ledger>(*vd.back()));
    c.series.push_back({v->name.shown(lang).empty() ? v->id : v->name.shown(lang), {}, false});
  }
  OrgView org = d.org_on(Date::first_of_year(year));
  for (const auto& [u, depth] : org.tree()) {
    if (u->binding_line.empty() || !org.within(u->id, municipality)) continue;
    const ColumnSpec budget{Measure::budget, year, 0};
    auto framed = fl.measure(org, u->id, u->binding_line, budget);
    if (!framed) continue;
    c.categories.push_back(u->name.shown(lang));
    for (std::size_t i = 0; i < versions.size(); ++i) {
      auto v = vl[i]->measure(org, u->id, u->binding_line, budget);
      c.series[i].values.push_back(v ? std::optional<Cents>(checked_sub(*v, *framed)) : std::nullopt);
    }
  }
  std::vector<std::string> names;
  for (const auto& s : c.series) names.push_back(s.name);
  c.alt = tf("round.chart.alt", lang, frame->name.shown(lang), year) + " " + figures_text(c, names, c.categories, 0, lang);
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
