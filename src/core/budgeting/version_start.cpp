#include "core/budgeting/version_start.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "core/dataset.h"

namespace toteuma {

std::optional<VersionRefusal> start_version(Dataset& d, const VersionRequest& r, BudgetVersion* made, std::size_t* figures) {
  using Why = VersionRefusal::Why;
  if (find_version(d, r.id)) return VersionRefusal{Why::exists, r.id};
  auto stages = budget_stages(d);
  auto stage = std::find_if(stages.begin(), stages.end(), [&](const BudgetStage& s) { return s.id == r.stage; });
  if (stage == stages.end()) return VersionRefusal{Why::stage, r.stage};
  auto from = parse_version_source(r.from);
  if (!from) return VersionRefusal{Why::from, r.from};
  std::vector<LineAdjustment> adjust;
  for (const auto& a : r.adjust) {
    auto adj = parse_line_adjustment(a);
    if (!adj || !d.chart.find(adj->line)) return VersionRefusal{Why::adjust, a};
    adjust.push_back(*adj);
  }
  BudgetVersion v;
  v.id = r.id;
  v.municipality = r.municipality.empty() ? d.primary().id : r.municipality;
  if (std::none_of(d.municipalities.begin(), d.municipalities.end(), [&](const Municipality& m) { return m.id == v.municipality; }))
    return VersionRefusal{Why::municipality, v.municipality};
  v.year = r.year;
  v.stage = r.stage;
  v.name = {r.name.fi.empty() ? fmt::format("{} {}", stage->name.fi, r.year) : r.name.fi,
            r.name.sv.empty() ? fmt::format("{} {}", stage->name.sv, r.year) : r.name.sv};
  v.created = r.created;
  v.based_on = to_string(*from);
  std::vector<VersionFigure> first;
  std::vector<VersionHtv> htv;
  try {
    first = start_version_figures(d, v, *from, adjust);
    htv = start_version_htv(d, v, *from);
  } catch (const std::invalid_argument&) {
    return VersionRefusal{Why::other_round, from->version};
  }
  d.budgeting.versions.push_back(v);
  d.budgeting.figures.insert(d.budgeting.figures.end(), first.begin(), first.end());
  d.budgeting.htv.insert(d.budgeting.htv.end(), htv.begin(), htv.end());
  if (made) *made = v;
  if (figures) *figures = first.size();
  return std::nullopt;
}

}  // namespace toteuma
