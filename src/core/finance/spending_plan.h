// The spending plan (käyttösuunnitelma / dispositionsplan, DESIGN §4b, issue 16 item 6): after the
// council has decided the budget of year Y, each board splits the appropriation of its binding
// units to their areas and cost centers (the units under them) and to months. A row is one unit's
// amount of one line for the year and, optionally, its twelve months; the months, when given, add up
// to the year (every input refuses a row whose months do not). The rows of a binding unit add up,
// per line, to the council's decisions in force at that unit — the budget of Y after amendments (a
// board revises its plan after an amendment): budget.spending_plan_sum.
//
// It lives in finance, not budgeting, because the in-year follow-up (core/finance/follow_up) compares
// the actual to date with the plan's months and projects the year by them (`phasing_in_force`).
#pragma once
#include <array>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/finance/chart.h"
#include "core/finance/org.h"
#include "core/finance/phasing.h"
#include "core/money.h"

namespace toteuma {

struct Dataset;

struct SpendingPlanRow {
  int year = 0;            // the budget year
  std::string unit;        // a binding unit or a unit under one (an area, a cost center)
  std::string line;        // a line of the operating part
  Cents amount = 0;        // the year's amount, signed as every figure (costs negative)
  std::optional<std::array<Cents, 12>> months;  // January … December, or not phased
  bool operator==(const SpendingPlanRow&) const = default;
};

void canonicalize(std::vector<SpendingPlanRow>& rows);

// The binding unit whose appropriation `unit` belongs to: the unit itself when the council binds a
// line at it, else the nearest unit above it that has a binding line; nullptr when none.
const UnitVersion* binding_unit_of(const OrgView& org, const std::string& unit);

// The sum of the months − the year's amount (0 for a row without months).
Cents months_difference(const SpendingPlanRow& r);
// Whether each month has the year's sign or is zero (so the months can weigh the year).
bool months_follow_sign(const SpendingPlanRow& r);
// The months 1..month of a phased row; an unphased row's year by `otherwise` (phased_share; even when null).
Cents planned_to_date(const SpendingPlanRow& r, int month, const Phasing* otherwise = nullptr);

// The binding units (organisation of 1.1. of `year`) that have a spending plan of `year`.
std::vector<std::string> planned_binding_units(const std::vector<SpendingPlanRow>& plan, const std::vector<UnitVersion>& units,
                                               int year);

// The phasing the follow-up of `year` uses: where a binding unit has a spending plan of the year,
// its phased rows (weights: the months in cents, the year's sign turned positive) replace every
// phasing.csv row of `year` at that unit and under it; elsewhere phasing.csv as before.
std::vector<Phasing> phasing_in_force(const std::vector<Phasing>& phasing, const std::vector<SpendingPlanRow>& plan,
                                      const std::vector<UnitVersion>& units, int year);

// Where a binding unit's plan does not add up to the decision: per binding unit and line, the
// plan's rows rolled up to the binding unit against the budget of `year` after amendments there, on lines both
// hold; once, on the deepest line that differs (a total above it differs only because its part does).
struct SpendingPlanDifference {
  std::string binding_unit, line;
  int year = 0;
  Cents decided = 0, planned = 0;  // difference = planned − decided
  bool operator==(const SpendingPlanDifference&) const = default;
};
std::vector<SpendingPlanDifference> spending_plan_differences(const Dataset& d, int year);
// Every line of the operating part on which `binding`'s plan of `year` and the decision both hold a
// figure, equal or not, in chart order (what the web's spending plan page shows; the check reports
// the differing ones above).
std::vector<SpendingPlanDifference> spending_plan_sums(const Dataset& d, int year, const std::string& binding);

// A row's value in the workplace's change entity "spending_plan" (core/workplace/workflow.h):
// the year's amount in cents, then its twelve months if it has them: "-1200000" or
// "-1200000;-100000;…;-100000". decode_plan_value: nullopt unless exactly that form.
std::string encode_plan_value(const SpendingPlanRow& r);
std::optional<SpendingPlanRow> decode_plan_value(const std::string& v);

// An imported plan file is the whole plan of each binding unit and year it names: whether a stored
// row is one of those it replaces (`budget spending-plan import`, the web's upload).
struct PlanCoverage {
  std::set<std::pair<int, std::string>> covered;  // (year, binding unit)
  bool replaces(const Dataset& d, const SpendingPlanRow& stored) const;
};
PlanCoverage coverage_of(const Dataset& d, const std::vector<SpendingPlanRow>& file);

// The years that have a spending plan, ascending.
std::vector<int> spending_plan_years(const std::vector<SpendingPlanRow>& plan);

}  // namespace toteuma
