#include "web/goal_rights.h"

#include <algorithm>

#include "core/goals/goal_edit.h"
#include "core/text.h"

namespace toteuma::web {

namespace {

struct Scope {
  std::string unit;
  int year = 0;
};

std::optional<Scope> goal_scope(const Dataset& d, const std::string& id) {
  for (const auto& g : d.goals.goals)
    if (g.id == id) return Scope{g.unit, g.year};
  return std::nullopt;
}

std::optional<Scope> metric_scope(const Dataset& d, const std::string& id) {
  for (const auto& m : d.goals.metrics)
    if (m.id == id) return goal_scope(d, m.goal);
  return std::nullopt;
}

std::optional<Scope> review_scope(const Dataset& d, const std::string& id) {
  for (const auto& r : d.goals.reviews)
    if (r.id == id) return Scope{r.unit, r.date.year};
  return std::nullopt;
}

}  // namespace

bool is_goal_record(const std::string& e) {
  return e == "goal_def" || e == "goal_action" || e == "metric" || e == "theme" || e == "goal_status" || e == "review" || e == "review_item";
}

bool may_apply_goal_record(const Dataset& d, const User& u, const Change& ch) {
  if (ch.entity == "theme") return is_admin(u);
  auto k = split_nonempty(ch.key, '/');
  if (k.empty()) return is_admin(u);
  // Every scope the change touches: where the record is now and where its new value puts it.
  std::vector<std::optional<Scope>> scopes;
  if (ch.entity == "goal_def") {
    scopes.push_back(goal_scope(d, k[0]));
    if (auto g = ch.after ? decode_goal_def(k[0], *ch.after) : std::nullopt) scopes.push_back(Scope{g->unit, g->year});
  } else if (ch.entity == "metric") {
    scopes.push_back(metric_scope(d, k[0]));
    if (auto m = ch.after ? decode_metric(k[0], *ch.after) : std::nullopt) scopes.push_back(goal_scope(d, m->goal));
  } else if (ch.entity == "review") {
    scopes.push_back(review_scope(d, k[0]));
    if (auto r = ch.after ? decode_review(k[0], *ch.after) : std::nullopt) scopes.push_back(Scope{r->unit, r->date.year});
  } else if (ch.entity == "goal_action") {
    scopes.push_back(goal_scope(d, k[0]));
  } else if (ch.entity == "goal_status" && k.size() == 2) {
    auto g = goal_scope(d, k[0]);
    if (g && k[1].size() == 4 && std::all_of(k[1].begin(), k[1].end(), [](char c) { return c >= '0' && c <= '9'; })) g->year = std::stoi(k[1]);
    scopes.push_back(g);
  } else if (ch.entity == "review_item" && k.size() == 2) {
    scopes.push_back(goal_scope(d, k[1]));  // the store requires the goal to be of the review's unit
  }
  // Nothing known (a record of no known goal): the store refuses it; only an admin gets that far.
  scopes.erase(std::remove(scopes.begin(), scopes.end(), std::nullopt), scopes.end());
  if (scopes.empty()) return is_admin(u);
  return std::all_of(scopes.begin(), scopes.end(), [&](const std::optional<Scope>& s) { return may_edit_goals(u, d, s->unit, s->year); });
}

}  // namespace toteuma::web
