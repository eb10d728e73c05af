#include "core/budgeting/version_htv.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/dataset.h"
#include "core/fixed.h"

namespace toteuma {

std::optional<PersonYears> personnel_htv_of(const Dataset& d, const std::string& unit, int year, const std::string& kind) {
  for (const auto& h : d.personnel.htv)
    if (h.unit == unit && h.year == year && h.kind == kind && h.group.empty()) return h.htv;
  return std::nullopt;
}

std::optional<PersonYears> version_htv_of(const Dataset& d, const std::string& version, const std::string& unit, int year) {
  for (const auto& h : d.budgeting.htv)
    if (h.version == version && h.unit == unit && h.year == year) return h.htv;
  return std::nullopt;
}

std::vector<VersionHtv> start_version_htv(const Dataset& d, const BudgetVersion& v, const VersionSource& from) {
  const int y = v.year;
  std::map<int, std::map<std::string, PersonYears>> by_year;  // year → unit → htv
  auto plan_of = [&](int year) {
    std::map<std::string, PersonYears> out;
    for (const auto& h : d.personnel.htv)
      if (h.kind == "plan" && h.group.empty() && h.year == year) out[h.unit] = h.htv;
    return out;
  };
  switch (from.kind) {
    case VersionSource::Kind::empty: break;
    case VersionSource::Kind::last_budget:
      for (int k = y; k <= y + 2; ++k) by_year[k] = plan_of(y - 1);
      break;
    case VersionSource::Kind::plan:
      by_year[y] = plan_of(y);
      by_year[y + 1] = plan_of(y + 1);
      by_year[y + 2] = plan_of(y + 2);
      if (by_year[y + 2].empty()) by_year[y + 2] = by_year[y + 1];
      break;
    case VersionSource::Kind::version: {
      const BudgetVersion* src = find_version(d, from.version);
      if (!src || src->year != y) throw std::invalid_argument("source version of another round or none: " + from.version);
      for (const auto& h : d.budgeting.htv)
        if (h.version == src->id) by_year[h.year][h.unit] = h.htv;
      break;
    }
  }
  std::vector<VersionHtv> out;
  for (const auto& [year, units] : by_year)
    for (const auto& [unit, htv] : units) out.push_back({v.id, unit, year, htv});
  return out;
}

void adopt_version_htv(Dataset& d, const std::string& version) {
  std::vector<HtvFigure> plan;
  for (const auto& h : d.budgeting.htv)
    if (h.version == version) plan.push_back({h.unit, h.year, "plan", "", h.htv});
  std::erase_if(d.personnel.htv, [&](const HtvFigure& f) {
    return f.kind == "plan" && f.group.empty() &&
           std::any_of(plan.begin(), plan.end(), [&](const HtvFigure& p) { return p.unit == f.unit && p.year == f.year; });
  });
  d.personnel.htv.insert(d.personnel.htv.end(), plan.begin(), plan.end());
}

std::optional<PersonYears> parse_htv_input(const std::string& s) {
  auto v = parse_fixed(s, 3);
  if (!v || *v < 0 || *v > 10'000'000'000) return std::nullopt;  // beyond ten million person-years: a typing error
  return v;
}

}  // namespace toteuma
