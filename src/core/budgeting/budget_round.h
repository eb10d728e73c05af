// Preparing the budget (DESIGN §4b): a budget round of year Y is a list of named, dated versions
// of the budget of Y and the economic-plan years Y+1 and Y+2 — the board's frame, the units'
// proposal, finance's consolidation, the city manager's and the board's proposals, the council's
// decision — in the municipality's stage order. A version holds figures per unit, line and year,
// entered like the budget's (a total entered replaces its parts' sum; a unit's own figure its
// sub-units'); the Ledger rolls a version up through `version_dataset`. The council's decision is
// adopted as the budget of Y and the plan; every version stays readable.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/budgeting/alternative.h"
#include "core/budgeting/proposal.h"
#include "core/budgeting/version_htv.h"
#include "core/date.h"
#include "core/lang.h"
#include "core/money.h"

namespace toteuma {

struct Dataset;

// A stage of the round (raami, yksiköiden ehdotukset, …), in `position` order. `editors` says who
// edits its versions: "finance", "unit" (each unit's editors their own units), "council-group".
struct BudgetVersion;

struct BudgetStage {
  std::string id;
  int position = 0;
  Text name;
  std::string editors = "finance";
  // "changed-lines": a unit's proposal in this stage's versions is submitted only with a
  // justification of every line it changed (core/budgeting/proposal.h); "" (default) asks none.
  std::string justification = "";
  bool operator==(const BudgetStage&) const = default;
};

// The stages when a dataset names none (budgeting/stages.csv): frame, unit proposals, finance's
// consolidation, the city manager's proposal, the board's proposal, the council's decision.
const std::vector<BudgetStage>& default_budget_stages();
// The dataset's stages, else the default ones; in position order.
std::vector<BudgetStage> budget_stages(const Dataset& d);
// Who edits the version's stage ("finance", "unit", "council-group"); "" for a stage the round does not have.
std::string stage_editors(const Dataset& d, const BudgetVersion& v);
inline constexpr const char* kFrameStage = "frame";
inline constexpr const char* kCouncilStage = "council";

struct BudgetVersion {
  std::string id;
  std::string municipality;  // whose council decides it (a municipality id of the dataset)
  int year = 0;        // the budget year Y (its plan years are Y+1, Y+2)
  std::string stage;   // a BudgetStage id
  Text name;
  Date created;
  std::string based_on;  // what it was started from ("last-budget", "plan", "version:<id>", "" = empty)
  std::string adopted;   // the budget scenario it became (the council's decision, once adopted)
  bool operator==(const BudgetVersion&) const = default;
};

// A version's figure of one unit, line and year (Y, Y+1 or Y+2), in cents, signed as every figure.
struct VersionFigure {
  std::string version, unit, line;
  int year = 0;
  Cents amount = 0;
  bool operator==(const VersionFigure&) const = default;
};

struct BudgetRounds {
  std::vector<BudgetStage> stages;  // empty: the default ones
  std::vector<BudgetVersion> versions;
  std::vector<VersionFigure> figures;
  std::vector<VersionHtv> htv;  // personnel per unit and year (core/budgeting/version_htv.h)
  std::vector<UnitProposal> proposals;  // the units' proposal states (core/budgeting/proposal.h)
  std::vector<ProposalNote> notes;      // their justifications per line and language
  // Councillors' alternative budgets (core/budgeting/alternative.h).
  std::vector<CouncilGroup> groups;
  std::vector<BudgetAlternative> alternatives;
  std::vector<AlternativeChange> changes;
  bool empty() const {
    return stages.empty() && versions.empty() && figures.empty() && htv.empty() && proposals.empty() && notes.empty() && groups.empty() &&
           alternatives.empty() && changes.empty();
  }
  bool operator==(const BudgetRounds&) const = default;
};

void canonicalize(BudgetRounds& r);

// The versions of round `year`, in stage order (then by date and id).
std::vector<const BudgetVersion*> versions_of(const Dataset& d, int year);
const BudgetVersion* find_version(const Dataset& d, const std::string& id);

// The scenario ids under which `version_dataset` puts a version's years: the budget of Y and the
// plan years Y+1, Y+2 (base year Y).
std::string version_scenario(int year, int base_year);

// The dataset with a version's figures as its only figures: a budget scenario of Y and plan
// scenarios of Y+1, Y+2 (base Y), so a Ledger rolls the version up over the organisation and the
// chart, and the dataset checks check it, as any budget.
Dataset version_dataset(const Dataset& d, const BudgetVersion& v);
// The same with `figures` as the version's (an alternative budget's changes, alternative_effect.h).
Dataset version_dataset(const Dataset& d, const BudgetVersion& v, const std::vector<VersionFigure>& figures);

// Where a new version's figures come from.
struct VersionSource {
  enum class Kind { empty, last_budget, plan, version } kind = Kind::empty;
  std::string version;  // Kind::version
};
// "last-budget" (every year ← the budget of Y−1 after amendments), "plan" (Y, Y+1 ← the economic
// plan made with the budget of Y−1; Y+2 ← its last year), "version:<id>" (copy-forward), "" (empty).
std::optional<VersionSource> parse_version_source(const std::string& s);
std::string to_string(const VersionSource& s);

// A percentage adjustment of a line and its parts (e.g. wages +2,5 % → {"wages", 250}).
struct LineAdjustment {
  std::string line;
  int hundredths_of_percent = 0;
};
// "wages=2.5" or "wages=+2,5" or "services=-1"; nullopt when malformed.
std::optional<LineAdjustment> parse_line_adjustment(const std::string& s);

// The figures a version `v` starts with: the source's entered figures per unit and line, each
// adjusted by the adjustment of its line or of a total it is part of (rounded half away from
// zero to the cent). Throws std::invalid_argument for a source version of another round or none.
std::vector<VersionFigure> start_version_figures(const Dataset& d, const BudgetVersion& v, const VersionSource& from,
                                                 const std::vector<LineAdjustment>& adjust);

// Adopts the council's decision: the version's year-Y figures become the figures of budget
// scenario `budget_id` (made if missing, named "Talousarvio Y"), its Y+1 and Y+2 figures those of
// the plan scenarios of base year Y (made if missing); the budget and plan figures they replace
// are removed; its htv become the personnel plan (adopt_version_htv). The version records what it
// became. Throws std::invalid_argument when the version is not of the council stage or has been
// adopted already.
void adopt_version(Dataset& d, const std::string& version, const std::string& budget_id);

}  // namespace toteuma
