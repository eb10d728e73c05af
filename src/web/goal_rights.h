// Who may write a goal record (issue 17 item 1; encodings core/goals/goal_edit.h): whoever edits
// the goals of the unit and year (may_edit_goals) the record is stored under and, for a record
// created or moved by the change, the one its new value names; themes (municipality-wide) admin
// only. Part of may_apply (web/actions.cpp).
#pragma once
#include <optional>

#include "core/dataset.h"
#include "core/workplace/access.h"
#include "core/workplace/workflow.h"

namespace toteuma::web {

bool is_goal_record(const std::string& entity);
bool may_apply_goal_record(const Dataset& d, const User& u, const Change& ch);

}  // namespace toteuma::web
