#include "core/budgeting/proposal_sheet.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <tuple>

#include "core/dataset.h"
#include "core/finance/ledger.h"

namespace toteuma {

std::string figures_stamp(const Dataset& d, const std::string& version, const std::string& unit) {
  std::vector<const VersionFigure*> own;
  for (const auto& f : d.budgeting.figures)
    if (f.version == version && f.unit == unit) own.push_back(&f);
  std::sort(own.begin(), own.end(), [](const VersionFigure* a, const VersionFigure* b) {
    return std::tie(a->line, a->year, a->amount) < std::tie(b->line, b->year, b->amount);
  });
  // FNV-1a, 64 bits: a stamp to notice change, not a defence against forgery (the upload is
  // checked cell by cell and audited anyway).
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&](const std::string& s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  };
  for (const VersionFigure* f : own) mix(fmt::format("{};{};{}\n", f->line, f->year, f->amount));
  return fmt::format("{:016x}", h);
}

ProposalSheet proposal_sheet(const Dataset& d, const BudgetVersion& v, const std::string& unit, Lang lang) {
  if (!d.has_unit(unit)) throw std::invalid_argument("unknown unit: " + unit);
  ProposalSheet s;
  s.version = v.id;
  s.unit = unit;
  s.year = v.year;
  s.lang = lang;
  s.stamp = figures_stamp(d, v.id, unit);
  s.version_name = v.name.in(lang).empty() ? v.id : v.name.in(lang);
  for (const auto& u : d.units)
    if (u.id == unit) s.unit_name = u.name.shown(lang);
  OrgView org = d.org_on(Date::first_of_year(v.year));
  Ledger base(d);
  std::unique_ptr<Dataset> frame_data;
  std::unique_ptr<Ledger> frame;
  for (const BudgetVersion* fv : versions_of(d, v.year))
    if (fv->stage == kFrameStage && fv->id != v.id && !frame) {
      frame_data = std::make_unique<Dataset>(version_dataset(d, *fv));
      frame = std::make_unique<Ledger>(*frame_data);
    }
  s.has_frame = frame != nullptr;
  for (const Line& l : d.chart.lines()) {
    if (!l.in(Part::operating)) continue;
    ProposalSheetRow r;
    r.line = l.id;
    r.label = l.name.in(lang);
    r.total = l.kind == LineKind::total;
    r.actual = base.measure(org, unit, l.id, {Measure::actual, v.year - 2, 0});
    r.budget_after = base.measure(org, unit, l.id, {Measure::budget_after, v.year - 1, 0});
    if (frame) r.frame = frame->measure(org, unit, l.id, {Measure::budget, v.year, 0});
    for (const auto& f : d.budgeting.figures)
      if (f.version == v.id && f.unit == unit && f.line == l.id && f.year >= v.year && f.year <= v.year + 2)
        r.figures[static_cast<std::size_t>(f.year - v.year)] = f.amount;
    s.rows.push_back(std::move(r));
  }
  return s;
}

std::vector<FigureChange> apply_figure_edits(Dataset& d, const std::string& version, const std::vector<FigureEdit>& edits) {
  std::vector<FigureChange> changes;
  auto& figs = d.budgeting.figures;
  for (const FigureEdit& e : edits) {
    auto it = std::find_if(figs.begin(), figs.end(), [&](const VersionFigure& f) {
      return f.version == version && f.unit == e.unit && f.line == e.line && f.year == e.year;
    });
    std::optional<Cents> before;
    if (it != figs.end()) before = it->amount;
    if (before == e.amount) continue;
    if (it != figs.end()) figs.erase(it);
    if (e.amount) figs.push_back({version, e.unit, e.line, e.year, *e.amount});
    changes.push_back({e.unit, e.line, e.year, before, e.amount});
  }
  return changes;
}

std::string describe_changes(const std::vector<FigureChange>& changes) {
  std::string out;
  auto plain = [](const std::optional<Cents>& c) { return c ? cents_to_plain(*c) : std::string("-"); };
  for (const FigureChange& c : changes)
    out += fmt::format("{}/{}/{}: {} → {}\n", c.unit, c.line, c.year, plain(c.before), plain(c.after));
  return out;
}

}  // namespace toteuma
