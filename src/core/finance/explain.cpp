#include "core/finance/explain.h"

#include <fmt/format.h>

namespace toteuma {

namespace {

std::string unit_name(const OrgView& org, const std::string& id, Lang lang) {
  const UnitVersion* u = org.find(id);
  return u ? u->name.shown(lang) : id;
}

std::string line_name(const Ledger& l, const std::string& id, Lang lang) {
  const Line* line = l.dataset().chart.find(id);
  return line ? line->name.in(lang) : id;
}

std::string scenario_name(const Ledger& l, const std::string& id, Lang lang) {
  const Scenario* s = l.dataset().scenario(id);
  return s && !s->name.in(lang).empty() ? s->name.in(lang) : id;
}

Explanation explain_tree(const Ledger& l, const OrgView& org, const std::string& unit, const std::string& line,
                         const std::string& sc, Lang lang, int depth) {
  Explanation e;
  e.unit = unit;
  e.line = line;
  e.scenario = sc;
  e.value = l.value(org, unit, line, sc);
  e.what = fmt::format("{}, {}, {}", line_name(l, line, lang), unit_name(org, unit, lang), scenario_name(l, sc, lang));
  if (!e.value || depth > 64) return e;
  if (l.has_own(unit, line, sc)) {
    const Line* ln = l.dataset().chart.find(line);
    bool parts_own = false;
    if (ln)
      for (const auto& t : ln->formula) parts_own = parts_own || l.has_own(unit, t.line, sc);
    if (!parts_own) {
      e.step = Step::entered;
      return e;
    }
    e.step = Step::formula;
    for (const auto& t : ln->formula) {
      Explanation p = explain_tree(l, org, unit, t.line, sc, lang, depth + 1);
      p.sign = t.sign;
      if (p.value) e.parts.push_back(std::move(p));
    }
    return e;
  }
  e.step = Step::children;
  for (const UnitVersion* c : org.children(unit)) {
    Explanation p = explain_tree(l, org, c->id, line, sc, lang, depth + 1);
    if (p.value) e.parts.push_back(std::move(p));
  }
  return e;
}

Explanation sum_of(const Ledger& l, const OrgView& org, const std::string& unit, const std::string& line,
                   ScenarioKind k, int year, int base, const std::string& what, Lang lang) {
  auto ids = l.scenarios_of(k, year, base);
  if (ids.size() == 1) {
    Explanation e = explain_tree(l, org, unit, line, ids.front(), lang, 0);
    return e;
  }
  Explanation e;
  e.step = Step::scenarios;
  e.unit = unit;
  e.line = line;
  e.what = what;
  for (const auto& id : ids) {
    Explanation p = explain_tree(l, org, unit, line, id, lang, 0);
    if (p.value) {
      e.value = checked_add(e.value.value_or(0), *p.value);
      e.parts.push_back(std::move(p));
    }
  }
  return e;
}

}  // namespace

Explanation explain_value(const Ledger& ledger, const OrgView& org, const std::string& unit, const std::string& line,
                          const std::string& scenario, Lang lang) {
  return explain_tree(ledger, org, unit, line, scenario, lang, 0);
}

Explanation explain_measure(const Ledger& l, const OrgView& org, const std::string& unit, const std::string& line,
                            const ColumnSpec& c, Lang lang) {
  const bool fi = lang == Lang::fi;
  std::string base = fmt::format("{}, {}", line_name(l, line, lang), unit_name(org, unit, lang));
  auto label = [&](const char* f, const char* s) { return fmt::format("{}, {} {}", base, fi ? f : s, c.year); };
  switch (c.measure) {
    case Measure::budget:
      return sum_of(l, org, unit, line, ScenarioKind::budget, c.year, 0, label("TA", "budget"), lang);
    case Measure::amendments:
      return sum_of(l, org, unit, line, ScenarioKind::amendment, c.year, 0,
                    label("TA-muutokset", "budgetändringar"), lang);
    case Measure::actual:
      return sum_of(l, org, unit, line, ScenarioKind::actual, c.year, 0, label("TP", "bokslut"), lang);
    case Measure::forecast:
      return sum_of(l, org, unit, line, ScenarioKind::forecast, c.year, 0, label("ennuste", "prognos"), lang);
    case Measure::plan:
      return sum_of(l, org, unit, line, ScenarioKind::plan, c.year, c.base_year, label("TS", "ekonomiplan"), lang);
    case Measure::budget_after: {
      Explanation e;
      e.step = Step::scenarios;
      e.unit = unit;
      e.line = line;
      e.what = label("TA muutosten jälkeen", "budget inkl. ändringar");
      e.value = l.measure(org, unit, line, c);
      for (Measure m : {Measure::budget, Measure::amendments}) {
        Explanation p = explain_measure(l, org, unit, line, {m, c.year, 0}, lang);
        if (p.value) e.parts.push_back(std::move(p));
      }
      return e;
    }
    case Measure::deviation: {
      Explanation e;
      e.step = Step::difference;
      e.unit = unit;
      e.line = line;
      e.what = label("poikkeama", "avvikelse");
      e.value = l.measure(org, unit, line, c);
      if (!e.value) {  // no deviation where a base column is missing: nothing to trace
        e.step = Step::absent;
        return e;
      }
      Explanation a = explain_measure(l, org, unit, line, {Measure::actual, c.year, 0}, lang);
      Explanation b = explain_measure(l, org, unit, line, {Measure::budget_after, c.year, 0}, lang);
      b.sign = -1;
      if (a.value) e.parts.push_back(std::move(a));
      if (b.value) e.parts.push_back(std::move(b));
      return e;
    }
  }
  return {};
}

}  // namespace toteuma
