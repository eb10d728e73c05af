// A unit version for the small made-up organisations of the Ledger and OrgView tests: a root
// (no parent) is a municipality, anything else an area; the name defaults to the id.
#pragma once
#include <string>

#include "core/finance/org.h"
#include "ingest/dataset_files.h"

namespace toteuma::testing {

inline UnitVersion unit(const std::string& id, const std::string& parent, const std::string& from,
                 const std::string& to = "", const std::string& name = "") {
  UnitVersion u;
  u.id = id;
  u.parent = parent;
  u.valid_from = *parse_iso_date(from);
  if (!to.empty()) u.valid_to = *parse_iso_date(to);
  u.kind = parent.empty() ? UnitKind::municipality : UnitKind::area;
  u.name = {name.empty() ? id : name, name.empty() ? id : name};
  return u;
}

}  // namespace toteuma::testing
