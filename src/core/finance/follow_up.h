// In-year follow-up (DESIGN §4): the general ledger's monthly actuals against the year's
// budget after amendments — the actual to date, realisation % to date, a forecast for the
// year (entered as a forecast scenario, or projected from the actual to date) and the
// binding-level overrun judged on that forecast.
//
// The monthly actuals come from `toteuma import ledger` and are kept beside the dataset (the
// dataset's actual of a year is the closed year's, one per year); here they are rolled up over
// the organisation and the chart like any figure.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/dataset.h"
#include "core/finance/explain.h"
#include "core/finance/phasing.h"
#include "core/finance/report_table.h"
#include "core/simple_table.h"

namespace toteuma {

// The ledger's actual of one unit, report line and month, in cents.
struct MonthlyActual {
  std::string unit, line;
  int year = 0, month = 0;
  Cents amount = 0;
  bool operator==(const MonthlyActual&) const = default;
};

std::string ledger_scenario_id(int year, int month);  // "ledger-2025-03"
// (year, month) of a ledger-month scenario id, nullopt for any other id.
std::optional<std::pair<int, int>> parse_ledger_scenario_id(std::string_view id);
// The scenario of one ledger month, named in both languages ("Toteuma 3/2025 (pääkirja)").
Scenario ledger_month_scenario(int year, int month);
// Months of `year` that have ledger actuals, ascending.
std::vector<int> ledger_months(const std::vector<MonthlyActual>& actuals, int year);

// The monthly actuals as figures of scenarios `ledger-YYYY-MM` (kind actual) added to `d`, so a
// Ledger rolls them up. Also how `toteuma serve` hands them to the web app in its one dataset;
// the app detaches them before anything else sees the dataset.
void attach_ledger_months(Dataset& d, const std::vector<MonthlyActual>& actuals);
std::vector<MonthlyActual> detach_ledger_months(Dataset& d);

// How the follow-up's forecast of a line came about, by its parts: each entered forecast line
// (a forecast scenario of the year, at a unit) replaces the projection of that line at that unit
// — and of the line's parts there — and every other line with a ledger actual is projected from
// the closed months (core/finance/phasing.h). Totals and parents roll up from those parts as usual.
enum class ForecastBasis { none, entered, projected, mixed };

struct FollowUp {
  int year = 0, month = 0;
  int closed = 0;                 // the months 1..closed of the year are closed (0: none)
  int projected_months = 0;       // the projection's base: closed months up to `month`
  bool forecast_entered = false;  // some line's forecast is entered
  std::optional<bool> overrun;    // at a unit with a binding line: forecast worse than the budget
  // TA after amendments | actual of the month | actual 1–month | forecast | forecast − TA.
  FigureTable summary;
  std::vector<ForecastBasis> basis;  // per summary row
  // Realisation % to date and forecast % of the budget after amendments, and the actual to date
  // as a % of the budget to date (tenths of a percent).
  SimpleTable realisation;
  // Per summary row, the budget to date (months 1..month): the spending plan's months where the
  // unit's binding unit has a plan of the year (core/finance/spending_plan.h), elsewhere the
  // budget after amendments by the phasing in force (even without one).
  std::vector<std::optional<Cents>> budget_to_date;
  // Per row, the forecast's entered part and projected part (cents): what is typed, what computed.
  SimpleTable forecast_parts;
  // The actual of each month 1..month, and 1–month.
  FigureTable monthly;
};

// What the follow-up computes from: the dataset, the ledger's monthly actuals and the last
// closed month of each year (finance closes months; an open month's rows count in the actual to
// date but not in the projection).
struct FollowUpInput {
  const Dataset& d;
  const std::vector<MonthlyActual>& actuals;
  int closed = 0;  // last closed month of the year asked (0: none closed)
};

// The follow-up of `unit` at the end of `month` of `year`, in the organisation valid on the
// month's last day. Throws TableError for an unknown unit, a unit not valid then, or a month
// after the last ledger month imported for the year (or none at all).
FollowUp build_follow_up(const FollowUpInput& in, const std::string& unit, int year, int month, Lang lang);

// The follow-up forecast of one line traced to its parts: entered forecast lines (Step::entered)
// and projections (Step::projected, their text naming the closed months and the phasing).
Explanation explain_follow_up_forecast(const FollowUpInput& in, const std::string& unit, const std::string& line,
                                       int year, int month, Lang lang);

}  // namespace toteuma
