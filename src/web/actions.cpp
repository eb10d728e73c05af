#include "web/actions.h"

#include "core/access.h"
#include "core/text.h"

namespace toteuma::web {

namespace {

const Goal* goal_of(const Dataset& d, const std::string& id) {
  for (const auto& g : d.goals.goals)
    if (g.id == id) return &g;
  return nullptr;
}

const Metric* metric_of(const Dataset& d, const std::string& id) {
  for (const auto& m : d.goals.metrics)
    if (m.id == id) return &m;
  return nullptr;
}

int int_or_zero(const std::string& s) {
  auto y = s.size() == 4 && s.find_first_not_of("0123456789") == std::string::npos ? std::stoi(s) : 0;
  return y;
}

}  // namespace

ChangeScope scope_of(const Dataset& d, const Change& ch) {
  auto k = split_nonempty(ch.key, '/');
  if (ch.entity == "figure" && k.size() == 3) {
    const Scenario* s = d.scenario(k[2]);
    return {k[0], s ? s->year : 0};
  }
  if (ch.entity == "narrative" && k.size() == 4) return {k[0], int_or_zero(k[1])};
  if (ch.entity == "realisation" && k.size() == 3) {
    const Goal* g = goal_of(d, k[0]);
    return {g ? g->unit : "", int_or_zero(k[1])};
  }
  if (ch.entity == "goal" && k.size() == 2) {
    const Goal* g = goal_of(d, k[0]);
    return {g ? g->unit : "", g ? g->year : 0};
  }
  if (ch.entity == "metric_value" && k.size() == 2) {
    const Metric* m = metric_of(d, k[0]);
    const Goal* g = m ? goal_of(d, m->goal) : nullptr;
    return {g ? g->unit : "", k[1].size() >= 4 ? int_or_zero(k[1].substr(0, 4)) : 0};
  }
  return {};
}

bool may_apply(const Dataset& d, const User& u, const Change& ch) {
  if (ch.entity == "figure" || ch.entity == "scenario") return may_edit_figures(u);
  ChangeScope sc = scope_of(d, ch);
  if (sc.unit.empty() || sc.year == 0) return is_admin(u);  // unknown key: the store will refuse it
  auto k = split_nonempty(ch.key, '/');
  if (ch.entity == "narrative" || ch.entity == "realisation") {
    auto lang = parse_lang(k.back());
    return lang && may_edit_text(u, d, sc.unit, sc.year, *lang);
  }
  if (ch.entity == "goal") {
    // A goal's text is a text in one language, and part of the unit's goals.
    auto lang = parse_lang(k.back());
    return lang && (may_edit_goals(u, d, sc.unit, sc.year) || may_edit_text(u, d, sc.unit, sc.year, *lang));
  }
  if (ch.entity == "metric_value") return may_edit_goals(u, d, sc.unit, sc.year);
  return false;
}

ActionResult apply_changes(AppState& state, const User& u, const std::vector<Change>& changes) {
  std::lock_guard write(state.write_mutex());
  auto snap = state.snapshot();
  for (const Change& ch : changes)
    if (!may_apply(snap->d, u, ch)) return {Outcome::forbidden, "", ch, std::nullopt};
  try {
    state.with_workplace([&](WorkplaceStore& w) {
      w.apply(u.id, changes);
      // An edit reopens the documents it shows in: the unit's and every ancestor's of that year.
      for (const Change& ch : changes) {
        ChangeScope sc = scope_of(snap->d, ch);
        if (sc.unit.empty() || sc.year == 0) continue;
        for (int y : {sc.year - 1, sc.year, sc.year + 1}) {  // budget of Y+1 and report of Y both show year Y
          OrgView org = snap->d.org_on(Date::last_of_year(y));
          std::string unit = sc.unit;
          for (int depth = 0; !unit.empty() && depth < 32; ++depth) {
            w.reset_sections(u.id, unit, y);
            const UnitVersion* v = org.find(unit);
            unit = v ? v->parent : "";
          }
        }
      }
    });
  } catch (const StaleChange& e) {
    return {Outcome::stale, e.what(), e.change, e.current};
  } catch (const StoreError& e) {
    return {Outcome::invalid, e.what(), {}, std::nullopt};
  }
  state.reload();
  return {};
}

std::optional<std::string> current_value(AppState& state, const std::string& entity, const std::string& key) {
  return state.with_workplace([&](WorkplaceStore& w) { return w.current(entity, key); });
}

}  // namespace toteuma::web
