#include "core/budgeting/alternative.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "core/budgeting/budget_round.h"
#include "core/dataset.h"

namespace toteuma {

const CouncilGroup* find_council_group(const Dataset& d, const std::string& id) {
  for (const auto& g : d.budgeting.groups)
    if (g.id == id) return &g;
  return nullptr;
}

const BudgetAlternative* find_alternative(const Dataset& d, const std::string& id) {
  for (const auto& a : d.budgeting.alternatives)
    if (a.id == id) return &a;
  return nullptr;
}

std::vector<const BudgetAlternative*> alternatives_of(const Dataset& d, int year) {
  std::vector<const BudgetAlternative*> out;
  for (const auto& a : d.budgeting.alternatives)
    if (const BudgetVersion* v = find_version(d, a.version); v && v->year == year) out.push_back(&a);
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return std::tie(a->version, a->id) < std::tie(b->version, b->id); });
  return out;
}

std::vector<const AlternativeChange*> changes_of(const Dataset& d, const std::string& alternative) {
  std::vector<const AlternativeChange*> out;
  for (const auto& c : d.budgeting.changes)
    if (c.alternative == alternative) out.push_back(&c);
  return out;
}

std::string encode_alternative(const BudgetAlternative& a) {
  return fmt::format("{};{};{};{};{};{}", a.version, a.group, a.published ? 1 : 0, to_iso(a.created), a.name.fi, a.name.sv);
}

std::optional<BudgetAlternative> decode_alternative(const std::string& id, const std::string& v) {
  std::vector<std::string> f;
  std::size_t from = 0;
  for (int i = 0; i < 5; ++i) {
    auto semi = v.find(';', from);
    if (semi == std::string::npos) return std::nullopt;
    f.push_back(v.substr(from, semi - from));
    from = semi + 1;
  }
  f.push_back(v.substr(from));
  auto created = parse_iso_date(f[3]);
  if (f[0].empty() || f[1].empty() || (f[2] != "0" && f[2] != "1") || !created || (f[4].empty() && f[5].empty())) return std::nullopt;
  return BudgetAlternative{id, f[0], f[1], {f[4], f[5]}, *created, f[2] == "1"};
}

}  // namespace toteuma
