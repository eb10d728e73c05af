// The values of the goal records the web writes (issue 17 item 1), one encoding each, shared by
// the store (which decodes and writes them) and the pages (which encode what a form sends).
// Fields are joined by ';'; a ';' or '\' inside a field is escaped with '\', so texts may hold
// anything. Encodings (core/workplace/workflow.h lists the entities and keys):
//   goal_def     year;unit;level;theme;parent;position;retired(ISO date or "");text_fi;text_sv;responsible_fi;responsible_sv
//   goal_action  text_fi;text_sv;responsible_fi;responsible_sv            (key goal/position)
//   metric       goal;name_fi;name_sv;unit;direction;target;partly;owner;frequency  (target, partly one decimal as in metrics.csv, "80", "2.5", or "")
//   theme        valid_from;valid_to("" = in force);name_fi;name_sv
//   goal_status  status("" = derived from the metrics);reason_fi;reason_sv (key goal/year)
//   review       unit;date;title_fi;title_sv
//   review_item  status;text_fi;text_sv                                    (key review/goal)
// decode_*: nullopt unless the value has exactly that shape (the loader checks the rest: known
// units, themes, levels, as for a dataset folder).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/goals/goals.h"

namespace toteuma {

std::string join_escaped(const std::vector<std::string>& fields);
// nullopt when a '\' ends the value or escapes anything but ';' or '\'.
std::optional<std::vector<std::string>> split_escaped(const std::string& value);

std::string encode_goal_def(const Goal& g);
std::optional<Goal> decode_goal_def(const std::string& id, const std::string& v);
std::string encode_goal_action(const GoalAction& a);
std::optional<GoalAction> decode_goal_action(const std::string& goal, int position, const std::string& v);
std::string encode_metric(const Metric& m);
std::optional<Metric> decode_metric(const std::string& id, const std::string& v);
std::string encode_theme(const Theme& t);
std::optional<Theme> decode_theme(const std::string& id, const std::string& v);
// A realisation's status set by hand and its reason (the text is the "realisation" entity's).
std::string encode_goal_status(const std::optional<GoalStatus>& s, const Text& reason);
std::optional<Realisation> decode_goal_status(const std::string& goal, int year, const std::string& v);
std::string encode_review(const Review& r);
std::optional<Review> decode_review(const std::string& id, const std::string& v);
std::string encode_review_item(const ReviewItem& i);
std::optional<ReviewItem> decode_review_item(const std::string& review, const std::string& goal, const std::string& v);

}  // namespace toteuma
