// One municipality's data as held in memory: what `load` reads, the store persists and
// every computation works on.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "core/budgeting/budget_round.h"
#include "core/workplace/calendar.h"
#include "core/finance/chart.h"
#include "core/finance/investments.h"
#include "core/finance/key_figure.h"
#include "core/goals/goals.h"
#include "core/money.h"
#include "core/documents/narratives.h"
#include "core/finance/org.h"
#include "core/personnel/personnel.h"
#include "core/finance/phasing.h"
#include "core/finance/spending_plan.h"
#include "core/finance/scenario.h"

namespace toteuma {

struct Municipality {
  std::string id;
  std::string code;  // official municipality number, e.g. "434"
  Text name;
  std::vector<Lang> languages;
  Lang primary = Lang::fi;
  bool operator==(const Municipality&) const = default;
};

struct Figure {
  std::string unit, line, scenario;
  Cents amount = 0;
  bool operator==(const Figure&) const = default;
};

// A dataset holds one or more municipalities (the demo has Loviisa, Laitila and Heinola). A
// unit belongs to the municipality whose id is the id of its root unit; the first municipality
// is the primary one (default language and name of the whole dataset).
struct Dataset {
  std::vector<Municipality> municipalities;
  std::vector<UnitVersion> units;
  Chart chart;
  std::vector<AccountRange> accounts;
  std::vector<KeyFigure> key_figures;  // display order (core/finance/key_figure.h)
  std::vector<MunicipalityYear> municipality_years;  // population, tax rate
  std::vector<Scenario> scenarios;
  std::vector<Figure> figures;
  std::vector<Phasing> phasing;  // the budget's monthly phasing (core/finance/phasing.h), none = even
  Personnel personnel;
  std::vector<Restructuring> restructurings;
  Goals goals;
  std::vector<Narrative> narratives;
  std::vector<TemplateSource> templates;
  std::vector<CalendarItem> calendar;  // the annual clocks (core/workplace/calendar.h)
  Investments investments;             // the investment part (core/finance/investments.h)
  BudgetRounds budgeting;              // budget rounds and their versions (core/budgeting/budget_round.h)
  std::vector<SpendingPlanRow> spending_plan;  // the boards' spending plans (core/finance/spending_plan.h)

  const Scenario* scenario(const std::string& id) const;
  bool has_unit(const std::string& id) const;  // in any version
  const Municipality& primary() const;
  // The municipality a unit belongs to (by its root unit), or the primary one.
  const Municipality& municipality_of(const std::string& unit) const;
  // The organisation on a date, with the municipalities' roots in their listed order.
  OrgView org_on(const Date& on) const;
  bool operator==(const Dataset&) const = default;
};

// Dataset::municipality_of for many units: the parents are indexed once, where municipality_of
// scans every unit at each step up (a check over all units or goals became quadratic). Reads a
// dataset that does not change while it lives.
class Municipalities {
 public:
  explicit Municipalities(const Dataset& d);
  const Municipality& of(const std::string& unit) const;
  // nullptr when `unit` is no unit of the dataset.
  const Municipality* find(const std::string& unit) const;

 private:
  const Dataset& d_;
  std::unordered_map<std::string, const Municipality*> of_;  // every unit id
};

// Whether unit `unit` may use scenario `s`: a scenario of the unit's municipality or a common one.
// Pages, the API and documents offer a unit only these; its figures are only in these.
bool scenario_serves(const Dataset& d, const Scenario& s, const std::string& unit);
// Gives every scenario recorded without a municipality (datasets and databases from before the
// field) the one municipality whose units hold its figures; "" (common) when several do; the
// primary municipality when none does.
void infer_scenario_municipalities(Dataset& d);

// Sorts every list into its canonical order (units by id and validity, figures by key, ...), so
// that equal data compares equal and dumps are stable for diffing. Chart lines keep their order.
void canonicalize(Dataset& d);

}  // namespace toteuma
