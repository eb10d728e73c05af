// The project's tables (figure tables, personnel tables, goal reports, check findings) as
// document grids: the one table shape every document format draws.
#pragma once
#include <vector>

#include "check/finding.h"
#include "core/documents/document.h"
#include "core/goals/goal_report.h"
#include "core/finance/report_table.h"
#include "core/simple_table.h"

namespace toteuma {

// Euros as cells (cents, shown whole); `columns` keeps only those 1-based value columns.
doc::Grid figure_grid(const FigureTable& t, const std::vector<int>& columns = {});
doc::Grid simple_grid(const SimpleTable& t);
// One grid per theme (goals, actions, realisation, status), then the status summary.
std::vector<doc::Grid> goal_grids(const GoalReport& r);
// Metrics (target, value, status) and each status review; empty when there are none.
std::vector<doc::Grid> metric_grids(const GoalReport& r);
// Counts per severity and the findings themselves (at most `limit` rows).
doc::Grid findings_grid(const std::vector<Finding>& findings, Lang lang, std::size_t limit);

}  // namespace toteuma
