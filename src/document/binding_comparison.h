// The annual report's budget-vs-actual comparison (talousarvion toteutumisvertailu) of the operating
// part at the binding level: every unit with a binding line, its line's TA, amendments, TA after
// amendments, TP and deviation, and whether the binding appropriation was overrun.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/documents/document.h"
#include "core/finance/ledger.h"

namespace toteuma {

struct BindingComparison {
  doc::Grid grid;  // no rows when no unit has a binding line
  // The units whose binding appropriation was overrun, with the amount over (cents, positive).
  std::vector<std::pair<const UnitVersion*, Cents>> overruns;
};

// `unit` and every unit under it in `org` (the organisation of 31.12.`year`), in the order of the org.
BindingComparison binding_comparison(const Ledger& ledger, const OrgView& org, const std::string& unit, int year, Lang lang);

}  // namespace toteuma
