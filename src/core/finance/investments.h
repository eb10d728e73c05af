// The investment part (investointiosa) of the budget and the annual report: project groups
// (talonrakennus, kunnallistekniikka, ...), their projects and per project and scenario the
// expenditure, grants and sales of assets; carried-over appropriations (siirtomäärärahat).
// The council binds either a whole group or single projects (at the net amount).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/finance/scenario.h"
#include "core/lang.h"
#include "core/money.h"

namespace toteuma {

struct Dataset;
struct Figure;

struct ProjectGroup {
  std::string id;
  std::string unit;  // owning unit, usually the municipality's root unit
  Text name;
  bool binding = false;  // the council binds the group's net appropriation
  bool operator==(const ProjectGroup&) const = default;
};

struct InvestmentProject {
  std::string id, group;
  Text name;
  std::optional<Cents> cost_estimate;  // total cost estimate (kustannusarvio), positive
  bool binding = false;                // the council binds this project's net appropriation
  std::optional<int> start_year, end_year;
  bool operator==(const InvestmentProject&) const = default;
};

// Expenditure is negative (costs), grants (rahoitusosuudet) and sales of assets
// (luovutustulot) positive, as every figure of the dataset.
enum class InvestmentKind { expenditure, grants, asset_sales };
std::optional<InvestmentKind> parse_investment_kind(const std::string& s);
std::string to_string(InvestmentKind k);

struct InvestmentFigure {
  std::string project, scenario;
  InvestmentKind kind = InvestmentKind::expenditure;
  Cents amount = 0;
  std::string decision_ref;  // an amendment row's own decision; "" = the scenario's
  bool operator==(const InvestmentFigure&) const = default;
};

// Unused appropriation of `from_year` the council carried to the next year; in the costs sign
// (negative) like expenditure. It adds to year from_year + 1's appropriation.
struct CarryOver {
  std::string project;
  int from_year = 0;
  Cents amount = 0;
  std::string decision_ref;
  bool operator==(const CarryOver&) const = default;
};

struct Investments {
  std::vector<ProjectGroup> groups;
  std::vector<InvestmentProject> projects;
  std::vector<InvestmentFigure> figures;
  std::vector<CarryOver> carry_overs;
  bool empty() const { return groups.empty() && projects.empty() && figures.empty() && carry_overs.empty(); }
  bool operator==(const Investments&) const = default;
};

void canonicalize(Investments& inv);

// The general ledger's actual of one project, kind and month (rows of the mapping's
// [investments] accounts that carry the project; docs/LEDGER.md), in cents.
struct MonthlyInvestmentActual {
  std::string project;
  InvestmentKind kind = InvestmentKind::expenditure;
  int year = 0, month = 0;
  Cents amount = 0;
  bool operator==(const MonthlyInvestmentActual&) const = default;
};

// Chart lines of the financing part filled from the investment part (issue14.md).
inline constexpr const char* kInvestmentExpenditureLine = "investment_expenditure";
inline constexpr const char* kInvestmentGrantsLine = "investment_grants";
inline constexpr const char* kAssetSalesLine = "asset_sales";

// The investment part as figures of the cash flow: per owning unit and scenario, the sums of
// expenditure, grants and sales of assets on the three lines above (a sum nobody entered is
// left out). The Ledger adds them to the entered figures.
std::vector<Figure> investment_cash_flow_figures(const Dataset& d);

// Amounts of one column for a project, a group or the whole part; absent = nothing entered.
struct InvestmentAmounts {
  std::optional<Cents> expenditure, income;  // income = grants + sales of assets
  std::optional<Cents> net() const;
  InvestmentAmounts& operator+=(const InvestmentAmounts& o);
};

// What a column of the investment table shows (the measures of core/finance/ledger.h plus the
// appropriation carried in from the previous year).
enum class InvestmentMeasure { budget, amendments, carried_in, budget_after, actual, plan };

// A project's amounts in one column. budget_after = budget + amendments + carried in; plan =
// the economic-plan year `year` of the budget of `base_year`.
InvestmentAmounts project_amounts(const Dataset& d, const InvestmentProject& p, InvestmentMeasure m, int year,
                                  int base_year = 0);
// The sum of project_amounts over several projects (a group, the part).
InvestmentAmounts sum_amounts(const Dataset& d, const std::vector<const InvestmentProject*>& ps, InvestmentMeasure m,
                              int year, int base_year = 0);
// Sum of the project's actuals of every year up to `through_year` (for the later-years column).
InvestmentAmounts actual_through(const Dataset& d, const InvestmentProject& p, int through_year);

// The binding level of a project: its group when the group binds, else the project when it
// binds, else none.
enum class BindingLevel { none, group, project };
BindingLevel binding_level(const Dataset& d, const InvestmentProject& p);

// Overrun of a binding appropriation in `year`: the actual net is worse (lower) than the budget
// after amendments incl. carried in. nullopt when either is absent.
std::optional<bool> overrun(const InvestmentAmounts& actual, const InvestmentAmounts& budget_after);
std::optional<bool> group_overrun(const Dataset& d, const ProjectGroup& g, int year);
std::optional<bool> project_overrun(const Dataset& d, const InvestmentProject& p, int year);

// The projects of a group in canonical (id) order; the groups owned by a unit.
std::vector<const InvestmentProject*> projects_of(const Dataset& d, const std::string& group);
std::vector<const ProjectGroup*> groups_of(const Dataset& d, const std::string& unit);

// The unit owning a project's group; "" for an unknown project.
std::string owning_unit(const Investments& inv, const std::string& project);

// The decision reference an amendment row stands on: its own, else its scenario's; "" = none.
std::string amendment_decision(const Dataset& d, const InvestmentFigure& f);

}  // namespace toteuma
