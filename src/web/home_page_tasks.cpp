// The home page's deadlines: what the annual clock asks of the units a reader is responsible for.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "core/budgeting/proposal.h"
#include "core/budgeting/round_status.h"
#include "core/documents/narratives.h"
#include "core/text.h"
#include "core/workplace/calendar.h"
#include "document/template.h"
#include "web/home_page.h"

namespace toteuma::web {

namespace {

// Whether the reader's role reaches a unit in a year; the units are listed in tree order.
using Reach = std::function<bool(const std::string& unit, int year)>;

// The units of municipality `m` in the organisation of `year` (valid on 31.12.) that `reach` takes.
std::vector<std::string> units_of(const Dataset& d, const std::string& m, int year, const Reach& reach) {
  std::vector<std::string> out;
  for (auto [u, depth] : d.org_on(Date::last_of_year(year)).tree())
    if (d.municipality_of(u->id).id == m && reach(u->id, year)) out.push_back(u->id);
  return out;
}

// The clock item whose deadline a document's goals of `year` have: an item naming "<doc>/goals",
// else the latest of the items naming the document's texts (the goals are written with them).
const CalendarItem* goal_item(const Dataset& d, const std::string& m, const std::string& doc, int year) {
  if (const CalendarItem* i = deadline_for(d.calendar, m, doc, "goals", year)) return i;
  const CalendarItem* best = nullptr;
  for (const auto& kind : narrative_kinds(d, doc))
    if (const CalendarItem* i = deadline_for(d.calendar, m, doc, kind, year))
      if (!best || std::tie(i->deadline, i->id) > std::tie(best->deadline, best->id)) best = i;
  return best;
}

HomeTask task(HomeTaskKind kind, const std::string& unit, const std::string& doc, int year, const CalendarItem* item) {
  HomeTask t;
  t.kind = kind;
  t.unit = unit;
  t.doc = doc;
  t.year = year;
  if (item) t.deadline = item->deadline;
  return t;
}

void finish(HomeTask& t, const Date& today) {
  t.complete = t.total > 0 && t.done == t.total;
  t.overdue = !t.complete && t.deadline && today > *t.deadline;
}

std::vector<HomeTask> texts(const Snapshot& s, const Reach& reach, std::optional<Lang> lang, const Date& today) {
  const Dataset& d = s.d;
  std::vector<HomeTask> out;
  for (const Municipality& m : d.municipalities) {
    const Lang l = lang.value_or(m.primary);
    if (std::find(m.languages.begin(), m.languages.end(), l) == m.languages.end()) continue;
    const int clock = clock_year(d, m.id, today);
    if (clock == 0) continue;
    for (const CalendarItem* item : calendar_of(d.calendar, m.id, clock)) {
      // The item's sections per document, kept where this item is the one whose deadline applies.
      std::map<std::string, std::vector<std::string>> per_doc;
      for (const auto& pair : split_nonempty(item->sections, ' ')) {
        auto slash = pair.find('/');
        if (slash == std::string::npos) continue;
        std::string doc = pair.substr(0, slash), section = pair.substr(slash + 1);
        const auto& kinds = document_kinds();
        if (std::find(kinds.begin(), kinds.end(), doc) == kinds.end()) continue;
        const int year = doc == "annual-report" ? clock - 1 : clock + 1;
        auto narratives = narrative_kinds(d, doc);
        if (std::find(narratives.begin(), narratives.end(), section) == narratives.end()) continue;
        if (deadline_for(d.calendar, m.id, doc, section, year) == item) per_doc[doc].push_back(section);
      }
      for (const auto& [doc, sections] : per_doc) {
        const int year = doc == "annual-report" ? clock - 1 : clock + 1;
        for (const auto& unit : units_of(d, m.id, year, reach)) {
          HomeTask t = task(HomeTaskKind::texts, unit, doc, year, item);
          t.lang = l;
          t.total = static_cast<int>(sections.size());
          for (const auto& section : sections) {
            const Narrative* n = find_narrative(d.narratives, unit, year, section, l);
            if (n && n->origin != NarrativeOrigin::draft) ++t.done;
          }
          t.href = fmt::format("/unit/{}/texts?year={}", unit, doc == "annual-report" ? year : year - 1);
          finish(t, today);
          out.push_back(std::move(t));
        }
      }
    }
  }
  return out;
}

// A unit's goals of the service plan of clock+1 and its metric values of the annual report of clock−1.
void goal_tasks(const Snapshot& s, const Reach& reach, const Date& today, std::vector<HomeTask>& out) {
  const Dataset& d = s.d;
  for (const Municipality& m : d.municipalities) {
    const int clock = clock_year(d, m.id, today);
    if (clock == 0) continue;
    const int plan_year = clock + 1, report_year = clock - 1;
    if (const CalendarItem* item = goal_item(d, m.id, "service-plan", plan_year))
      for (const auto& unit : units_of(d, m.id, plan_year, reach)) {
        HomeTask t = task(HomeTaskKind::goals, unit, "service-plan", plan_year, item);
        t.total = 1;
        t.done = static_cast<int>(std::count_if(d.goals.goals.begin(), d.goals.goals.end(),
                                                [&](const Goal& g) { return g.unit == unit && g.year == plan_year; }));
        t.complete = t.done > 0;
        t.overdue = !t.complete && today > item->deadline;
        t.href = fmt::format("/unit/{}/goals/edit?year={}", unit, plan_year);
        out.push_back(std::move(t));
      }
    if (const CalendarItem* item = goal_item(d, m.id, "annual-report", report_year))
      for (const auto& unit : units_of(d, m.id, report_year, reach)) {
        std::set<std::string> goals;
        for (const Goal& g : d.goals.goals)
          if (g.unit == unit && g.year == report_year) goals.insert(g.id);
        HomeTask t = task(HomeTaskKind::metric_values, unit, "annual-report", report_year, item);
        for (const Metric& mt : d.goals.metrics) {
          if (!goals.count(mt.goal)) continue;
          ++t.total;
          if (std::any_of(d.goals.values.begin(), d.goals.values.end(),
                          [&](const MetricValue& v) { return v.metric == mt.id && v.date.year == report_year; }))
            ++t.done;
        }
        if (t.total == 0) continue;  // no metrics: nothing to record
        t.href = fmt::format("/unit/{}/goals/edit?year={}", unit, report_year);
        finish(t, today);
        out.push_back(std::move(t));
      }
  }
}

// The units' proposals in every round whose version the units edit and that is not adopted yet.
void proposal_tasks(const Snapshot& s, const Reach& reach, const Date& today, std::vector<HomeTask>& out) {
  const Dataset& d = s.d;
  for (const BudgetVersion& v : d.budgeting.versions) {
    if (!v.adopted.empty() || !has_unit_proposals(d, v)) continue;
    for (const UnitVersion* u : round_binding_units(d, v.municipality, v.year)) {
      if (!reach(u->id, v.year)) continue;
      HomeTask t = task(HomeTaskKind::proposal, u->id, v.id, v.year, nullptr);
      t.deadline = proposal_deadline(d, v);
      t.total = 1;
      t.done = proposal_editable(proposal_of(d, v.id, u->id).state) ? 0 : 1;
      t.complete = t.done == 1;
      t.overdue = proposal_overdue(d, v, u->id, today);
      t.href = fmt::format("/unit/{}/proposal?version={}", u->id, v.id);
      out.push_back(std::move(t));
    }
  }
}

// Overdue, then open, then complete; each by deadline (none last); else as listed (tree order).
void sort_tasks(std::vector<HomeTask>& tasks) {
  auto rank = [](const HomeTask& t) { return t.overdue ? 0 : t.complete ? 2 : 1; };
  std::stable_sort(tasks.begin(), tasks.end(), [&](const HomeTask& a, const HomeTask& b) {
    return std::tuple(rank(a), !a.deadline, a.deadline.value_or(Date{})) < std::tuple(rank(b), !b.deadline, b.deadline.value_or(Date{}));
  });
}

}  // namespace

int clock_year(const Dataset& d, const std::string& municipality, const Date& today) {
  std::set<int> years;
  for (const auto& item : d.calendar)
    if (item.municipality == municipality) years.insert(item.year);
  if (years.empty()) return 0;
  return years.count(today.year) ? today.year : *years.rbegin();
}

std::vector<HomeTask> home_tasks(const Snapshot& s, const User& u, const Date& today) {
  // Responsibility follows the editor grants: the same reach as the rights (core/workplace/access),
  // asked of the reader's editor grants only, so an admin's every-unit right is no list of duties.
  User editor = u;
  std::erase_if(editor.grants, [](const Grant& g) { return g.role != Role::editor; });
  std::vector<HomeTask> out;
  if (editor.grants.empty()) return out;
  Reach reach = [&](const std::string& unit, int year) { return may_edit_goals(editor, s.d, unit, year); };
  out = texts(s, reach, std::nullopt, today);
  goal_tasks(s, reach, today, out);
  proposal_tasks(s, reach, today, out);
  sort_tasks(out);
  return out;
}

std::vector<HomeTask> text_tasks(const Snapshot& s, Lang lang, const Date& today) {
  return texts(s, [](const std::string&, int) { return true; }, lang, today);
}

}  // namespace toteuma::web
