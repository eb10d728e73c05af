// Councillors' alternative budgets (issue 16 item 7, DESIGN §4b): a council group drafts changes
// to a version of the round (normally the board's proposal) — unit, line, year, amount and a
// justification in Finnish and Swedish — and sees at once their effect on each binding unit, on
// Toimintakate, Vuosikate and the result, and whether they balance. The effect is computed by
// the Ledger over `version_dataset` of the changes alone (alternative_effect.h), so it rolls up
// over the organisation and the chart as any budget figure.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/lang.h"
#include "core/money.h"

namespace toteuma {

struct Dataset;

// A council group (valtuustoryhmä / fullmäktigegrupp) of a municipality. Its members are the
// users granted `council-group:<id>` (core/workplace/access.h).
struct CouncilGroup {
  std::string id, municipality;
  Text name;
  bool operator==(const CouncilGroup&) const = default;
};

// A group's alternative budget: changes to `version`. Only the group's members edit it; once
// published, everybody who reads the round reads it (before that, only the group).
struct BudgetAlternative {
  std::string id, version, group;
  Text name;
  Date created;
  bool published = false;
  bool operator==(const BudgetAlternative&) const = default;
};

// One change: `amount` cents added to the version's figure of unit, line and year (signed as
// every figure: +100 000 € on a cost line lowers the cost), with its justification.
struct AlternativeChange {
  std::string alternative, unit, line;
  int year = 0;
  Cents amount = 0;
  Text justification;
  bool operator==(const AlternativeChange&) const = default;
};

const CouncilGroup* find_council_group(const Dataset& d, const std::string& id);
const BudgetAlternative* find_alternative(const Dataset& d, const std::string& id);
// A pointer into a temporary dataset would dangle: keep the dataset first.
const BudgetAlternative* find_alternative(Dataset&& d, const std::string& id) = delete;
// The alternatives of versions of round `year` (by version, then id).
std::vector<const BudgetAlternative*> alternatives_of(const Dataset& d, int year);
std::vector<const AlternativeChange*> changes_of(const Dataset& d, const std::string& alternative);

// The workplace's value of an alternative's head (entity "alternative", workflow.h):
// "version;group;published(0|1);created(ISO);name_fi;name_sv" (the Swedish name may hold ';').
std::string encode_alternative(const BudgetAlternative& a);
std::optional<BudgetAlternative> decode_alternative(const std::string& id, const std::string& v);

}  // namespace toteuma
