// Effective-dated organisation: each unit has versions with validity dates; name, parent,
// responsible title and binding line may change between versions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/lang.h"

namespace toteuma {

enum class UnitKind { municipality, sector, area, cost_center };
std::optional<UnitKind> parse_unit_kind(const std::string& s);
std::string to_string(UnitKind k);

struct UnitVersion {
  std::string id;
  Date valid_from;
  std::optional<Date> valid_to;  // inclusive; nullopt = open-ended
  std::string parent;            // "" for a root
  UnitKind kind = UnitKind::cost_center;
  Text name;
  Text responsible;              // title of the responsible person
  std::string binding_line;      // "" = indicative only
  bool valid_on(const Date& d) const { return valid_from <= d && (!valid_to || d <= *valid_to); }
  bool operator==(const UnitVersion&) const = default;
};

// Read-only view of the organisation on one date. Lookups by id and by parent are indexed at
// construction (rollups ask for children at every node, so a scan per call made them quadratic).
class OrgView {
 public:
  OrgView(const std::vector<UnitVersion>& versions, Date on);
  const Date& date() const { return on_; }
  // The versions the view was built from: a Ledger memoises rollups only for views of its own
  // dataset's units (keyed by the date).
  const std::vector<UnitVersion>* source() const { return source_; }
  // The first version valid on the date, in the order of `versions`.
  const UnitVersion* find(const std::string& id) const;
  // The valid versions whose parent is `id`, in the order of `versions`.
  const std::vector<const UnitVersion*>& children(const std::string& id) const;
  std::vector<const UnitVersion*> roots() const;
  // Roots listed in `first` come first, in that order (the primary municipality on top).
  void prefer_roots(std::vector<std::string> first) { preferred_ = std::move(first); }
  // Sum of own(id) over the unit and everything under it (a quantity rolled up the tree).
  template <typename Own>
  std::int64_t sum_subtree(const std::string& id, Own own, int depth = 0) const {
    std::int64_t sum = own(id);
    if (depth < 64)  // defensive: cycles are rejected at load
      for (const UnitVersion* c : children(id)) sum += sum_subtree(c->id, own, depth + 1);
    return sum;
  }
  // True when `id` is `ancestor` or lies under it.
  bool within(const std::string& id, const std::string& ancestor) const;
  // Depth-first order from the roots, each with its depth, for listings.
  std::vector<std::pair<const UnitVersion*, int>> tree() const;

 private:
  std::vector<const UnitVersion*> valid_;
  std::unordered_map<std::string, const UnitVersion*> by_id_;
  std::unordered_map<std::string, std::vector<const UnitVersion*>> children_;
  const std::vector<UnitVersion>* source_ = nullptr;
  Date on_;
  std::vector<std::string> preferred_;
};

}  // namespace toteuma
