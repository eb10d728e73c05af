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
#include "core/report_table.h"
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

// The year projected from the actual of months 1..month at the same pace:
// to_date × 12 / month, rounded half away from zero to the cent.
Cents project_year(Cents to_date, int month);

struct FollowUp {
  int year = 0, month = 0;
  bool forecast_entered = false;  // false: the forecast column is the projection
  std::optional<bool> overrun;    // at a unit with a binding line: forecast worse than the budget
  // TA after amendments | actual of the month | actual 1–month | forecast | forecast − TA.
  FigureTable summary;
  // Realisation % to date and forecast % of the budget after amendments (tenths of a percent).
  SimpleTable realisation;
  // The actual of each month 1..month, and 1–month.
  FigureTable monthly;
};

// The follow-up of `unit` at the end of `month` of `year`, in the organisation valid on the
// month's last day. Throws TableError for an unknown unit, a unit not valid then, or a month
// after the last ledger month imported for the year (or none at all).
FollowUp build_follow_up(const Dataset& d, const std::vector<MonthlyActual>& actuals, const std::string& unit, int year,
                         int month, Lang lang);

}  // namespace toteuma
