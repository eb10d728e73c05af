// What an alternative budget changes (issue 16 item 7): its changes are put into a dataset of
// their own by `version_dataset` (as if they were a version's figures) and rolled up by the
// Ledger, so the effect at every unit and line is the rollup of the changes — nothing is summed
// by hand. The alternative's figure is the version's rolled-up figure plus that effect.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/budgeting/alternative.h"
#include "core/dataset.h"
#include "core/simple_table.h"

namespace toteuma {

// The dataset whose only figures are the alternative's changes, in the scenarios of
// `version_dataset` for the version it changes (a budget of Y, plans of Y+1, Y+2 with base Y).
Dataset alternative_change_dataset(const Dataset& d, const BudgetAlternative& a);

// A line at a unit: the version's figure, the alternative's, and the change (alternative − version;
// absent values count as zero in the change).
struct EffectValue {
  std::optional<Cents> version, alternative;
  Cents change = 0;
};
struct UnitEffect {
  std::string unit;
  Text name;
  EffectValue operating_margin;  // Toimintakate of the binding unit
};
struct AlternativeEffect {
  int year = 0;
  std::vector<UnitEffect> units;  // every binding unit of the version's municipality, in tree order
  // At the municipality (its root unit): the income statement part's lines.
  EffectValue operating_margin, annual_margin, result, surplus;
  // Balanced: the changes leave the result unchanged (net = result.change = 0).
  bool balanced() const { return result.change == 0; }
};

// The effect in year `year` (the version's budget year Y when 0; Y+1, Y+2 the plan years).
// Throws std::invalid_argument for an alternative of an unknown version or a year outside Y…Y+2.
AlternativeEffect alternative_effect(const Dataset& d, const BudgetAlternative& a, int year = 0);

// The version and its alternatives side by side (the published document and `budget
// alternative show`): per binding unit its Toimintakate, then the municipality's Toimintakate,
// Vuosikate, Tilikauden tulos and ylijäämä; columns the version, then per alternative its figure
// and its difference from the version. Cells are cents (decimals 2, shown 0). All alternatives
// must change the same version.
SimpleTable alternatives_table(const Dataset& d, const std::string& version, const std::vector<const BudgetAlternative*>& alts,
                               int year, Lang lang);

// Whether it balances, as a sentence: "… on tasapainossa" or "… heikentää tilikauden tulosta
// 50 000 €" / "… vahvistaa …".
std::string balance_sentence(const BudgetAlternative& a, const AlternativeEffect& e, Lang lang);

}  // namespace toteuma
