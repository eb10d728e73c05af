#include "core/finance/org.h"

#include <algorithm>
#include <functional>

namespace toteuma {

std::optional<UnitKind> parse_unit_kind(const std::string& s) {
  if (s == "municipality") return UnitKind::municipality;
  if (s == "sector") return UnitKind::sector;
  if (s == "area") return UnitKind::area;
  if (s == "cost_center") return UnitKind::cost_center;
  return std::nullopt;
}

std::string to_string(UnitKind k) {
  switch (k) {
    case UnitKind::municipality: return "municipality";
    case UnitKind::sector: return "sector";
    case UnitKind::area: return "area";
    case UnitKind::cost_center: return "cost_center";
  }
  return "cost_center";
}

OrgView::OrgView(const std::vector<UnitVersion>& versions, Date on) : source_(&versions), on_(on) {
  for (const auto& v : versions) {
    if (!v.valid_on(on)) continue;
    valid_.push_back(&v);
    by_id_.emplace(v.id, &v);  // the first wins, as the scan did
    children_[v.parent].push_back(&v);
  }
}

const UnitVersion* OrgView::find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

const std::vector<const UnitVersion*>& OrgView::children(const std::string& id) const {
  static const std::vector<const UnitVersion*> none;
  auto it = children_.find(id);
  return it == children_.end() ? none : it->second;
}

bool OrgView::within(const std::string& id, const std::string& ancestor) const {
  std::string at = id;
  for (int guard = 0; guard < 64 && !at.empty(); ++guard) {
    if (at == ancestor) return true;
    const UnitVersion* v = find(at);
    at = v ? v->parent : "";
  }
  return false;
}

std::vector<const UnitVersion*> OrgView::roots() const {
  std::vector<const UnitVersion*> out;
  for (auto* v : valid_)
    if (v->parent.empty() || !find(v->parent)) out.push_back(v);
  auto rank = [&](const UnitVersion* u) {
    auto it = std::find(preferred_.begin(), preferred_.end(), u->id);
    return static_cast<std::size_t>(it - preferred_.begin());
  };
  std::stable_sort(out.begin(), out.end(), [&](auto* a, auto* b) { return rank(a) < rank(b); });
  return out;
}

std::vector<std::pair<const UnitVersion*, int>> OrgView::tree() const {
  std::vector<std::pair<const UnitVersion*, int>> out;
  std::function<void(const UnitVersion*, int)> walk = [&](const UnitVersion* u, int depth) {
    out.emplace_back(u, depth);
    if (depth > 64) return;  // defensive: cycles are rejected at load
    for (auto* c : children(u->id)) walk(c, depth + 1);
  };
  for (auto* r : roots()) walk(r, 0);
  return out;
}

}  // namespace toteuma
