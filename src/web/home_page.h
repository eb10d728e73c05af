// The start page /{lang}: the reader's own work (issue 17 item 4). The deadlines of the annual
// clock for what the reader is responsible for — texts, goals, metric values, budget proposals —
// with the overdue ones first; what waits for their review or translation; for finance, admin and
// approvers a follow-up dashboard of every binding unit, for a unit head of their units; then the
// organisation tree. "Today" is AppState::today() (serve --today fixes it for demos and tests).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "web/context.h"

namespace toteuma::web {

// ---- deadlines (home_page_tasks.cpp) ------------------------------------------------------------

enum class HomeTaskKind { texts, goals, metric_values, proposal };

// One piece of work with a deadline: a unit's texts of one clock item in one language (done when
// every text is a person's), its goals of a service plan, its metric values of an annual report,
// or its budget proposal in a round (done when submitted or accepted).
struct HomeTask {
  HomeTaskKind kind = HomeTaskKind::texts;
  std::string unit;
  std::string doc;        // texts: the document kind; proposal: the version id
  int year = 0;           // the document's (goals', metric values', round's) year
  Lang lang = Lang::fi;   // texts: their language
  std::optional<Date> deadline;
  int done = 0, total = 0;  // texts, metric values: how many of how many
  bool complete = false;
  bool overdue = false;   // deadline passed (today after it) and not complete
  std::string href;       // the page where the work is done (without the language prefix)
};

// The clock year a municipality's deadlines are read from on `today`: today's year when the clock
// has items of it, else the latest year it has (as the calendar page picks); 0 without items.
int clock_year(const Dataset& d, const std::string& municipality, const Date& today);

// The reader's tasks: texts in the municipality's primary language, goals and metric values of the
// units their editor grants reach, and those units' budget proposals in the open rounds. Overdue
// first, then open, then complete; each by deadline.
std::vector<HomeTask> home_tasks(const Snapshot& s, const User& u, const Date& today);
// The texts tasks in `lang` of every unit of the municipalities that write it (a translator's count).
std::vector<HomeTask> text_tasks(const Snapshot& s, Lang lang, const Date& today);

// ---- dashboard (home_page_dashboard.cpp) ---------------------------------------------------------

// One unit's follow-up on its binding line, read off build_follow_up (core/finance/follow_up.h).
struct DashboardRow {
  std::string unit, name, line;
  std::optional<Cents> budget, actual, forecast;        // TA after amendments, actual 1–month, forecast
  std::optional<std::int64_t> realisation_permille;   // actual to date / budget (tenths of a percent)
  std::optional<std::int64_t> forecast_permille;      // forecast / budget
  bool overrun = false;  // realisation above the elapsed share of the year, or forecast over budget
};
struct Dashboard {
  int year = 0, month = 0;            // the latest year with ledger months, its last month
  std::int64_t elapsed_permille = 0;  // month / 12
  std::vector<DashboardRow> rows;     // overruns first, then in tree order
};
// Every binding unit of the primary municipality (finance, admin, approver: all = true), else the
// units the reader's editor grants name and the binding units under them. Empty rows without
// ledger months or units.
Dashboard home_dashboard(const Snapshot& s, const User& u, bool all, Lang lang);

// ---- the page (home_page.cpp) ------------------------------------------------------------------

std::optional<http::Response> route_home(const Ctx& c, const std::vector<std::string>& parts);

}  // namespace toteuma::web
