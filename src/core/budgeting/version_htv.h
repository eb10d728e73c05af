// Personnel in a budget version (issue 16 item 3): a unit's person-years (htv, regular staff) for
// the budget year Y and the plan years Y+1, Y+2 of a version, entered with its money figures. A
// version starts with the htv of the version it copies, or with the personnel plan of those years;
// the council's decision, adopted, becomes the personnel plan (docs/BUDGETING.md).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/personnel/personnel.h"

namespace toteuma {

struct Dataset;
struct BudgetVersion;
struct VersionSource;

struct VersionHtv {
  std::string version, unit;
  int year = 0;
  PersonYears htv = 0;  // thousandths (12,5 htv = 12500)
  bool operator==(const VersionHtv&) const = default;
};

// The htv a new version `v` starts with: "version:<id>" copies that version's; "last-budget" puts
// the personnel plan of Y−1 in every year; "plan" takes the personnel plan of Y and Y+1 (Y+2: its
// own plan if any, else Y+1's); "" none. Only regular staff (group "") of the plan. Throws
// std::invalid_argument for a source version of another round or none.
std::vector<VersionHtv> start_version_htv(const Dataset& d, const BudgetVersion& v, const VersionSource& from);

// A version's htv of a unit and year; nullopt when none entered.
std::optional<PersonYears> version_htv_of(const Dataset& d, const std::string& version, const std::string& unit, int year);

// A personnel figure of regular staff (group "") of a unit, year and kind ("actual", "plan").
std::optional<PersonYears> personnel_htv_of(const Dataset& d, const std::string& unit, int year, const std::string& kind);

// The council's decision adopted (adopt_version): the version's htv become the personnel plan
// (kind "plan", group "") of their units and years, replacing the plan figures there.
void adopt_version_htv(Dataset& d, const std::string& version);

// "12,5" or "12.5" (at most three decimals, not negative) in thousandths; nullopt when malformed.
std::optional<PersonYears> parse_htv_input(const std::string& s);

}  // namespace toteuma
