// A GoalReport as text, CSV or an accessible HTML fragment / page.
#pragma once
#include <string>

#include "core/goals/goal_report.h"

namespace toteuma {

std::string render_goals_text(const GoalReport& r);
std::string render_goals_csv(const GoalReport& r);
std::string render_goals_html(const GoalReport& r);  // a fragment (tables with captions)

}  // namespace toteuma
