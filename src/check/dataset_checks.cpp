#include "check/dataset_checks.h"

#include <fmt/format.h>

#include <map>
#include <tuple>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "check/budget_checks.h"
#include "check/goal_rules.h"
#include "check/investment_checks.h"
#include "check/translation_checks.h"
#include "check/rounding.h"
#include "core/fixed.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/finance/ledger.h"
#include "core/personnel/personnel_tables.h"

namespace toteuma {

namespace {

std::string eur(Cents c) { return format_euros(c, " "); }

// Amounts entered as whole euros were typed from printed (rounded) figures, so rounding
// differences are expected; amounts with cents are exact and any difference is an error.
Cents dataset_scale(const Dataset& d) {
  for (const auto& f : d.figures)
    if (f.amount % 100 != 0) return 1;
  return 100;
}

void check_hierarchy(const Dataset& d, const Ledger& ledger, std::vector<Finding>& out) {
  Cents scale = dataset_scale(d);
  for (const Scenario& s : d.scenarios) {
    OrgView org(d.units, Date::last_of_year(s.year));
    for (const auto& [u, depth] : org.tree()) {
      if (org.children(u->id).empty()) continue;
      for (const Line& l : d.chart.lines()) {
        if (!ledger.has_own(u->id, l.id, s.id)) continue;
        // Totals beyond the operating part (Vuosikate, Tilikauden tulos, the cash flow) follow
        // from lines checked here themselves; comparing them would repeat a part's finding, and
        // at the root they add the municipality's own items (taxes) that no sector holds.
        if (l.kind == LineKind::total && !l.in(Part::operating) && !l.in(Part::operating_note)) continue;
        auto [kids, n] = ledger.children_sum(org, u->id, l.id, s.id);
        auto own = ledger.value(org, u->id, l.id, s.id);
        if (!kids || !own) continue;
        Discrepancy c = classify_difference(*own - *kids, n, scale);
        if (c == Discrepancy::none) continue;
        Finding f;
        f.rule = "hierarchy.children_sum";
        f.severity = c == Discrepancy::rounding ? Severity::rounding : Severity::error;
        f.where = {"", 0, d.municipality_of(u->id).id, u->id, l.id, s.id, s.year};
        f.expected = *kids;
        f.found = *own;
        std::string diff = eur(*own - *kids);
        f.fi = fmt::format("{}: {} ({}) on {}, alayksiköiden summa {} (ero {})", u->name.fi, l.name.fi, s.name.fi,
                           eur(*own), eur(*kids), diff);
        f.sv = fmt::format("{}: {} ({}) är {}, summan av underenheterna {} (skillnad {})", u->name.sv, l.name.sv,
                           s.name.sv, eur(*own), eur(*kids), diff);
        f.en = fmt::format("{}: {} ({}) is {}, the sum of its sub-units is {} (difference {})", u->id, l.id, s.id,
                           eur(*own), eur(*kids), diff);
        out.push_back(std::move(f));
      }
    }
  }
}

void check_binding(const Dataset& d, const Ledger& ledger, std::vector<Finding>& out) {
  std::set<int> years;
  for (const auto& s : d.scenarios)
    if (s.kind == ScenarioKind::actual) years.insert(s.year);
  for (int y : years) {
    OrgView org(d.units, Date::last_of_year(y));
    for (const auto& [u, depth] : org.tree()) {
      if (u->binding_line.empty() || ledger.overrun(org, u->id, y) != true) continue;
      const Line* l = d.chart.find(u->binding_line);
      auto act = ledger.measure(org, u->id, l->id, {Measure::actual, y, 0});
      auto bud = ledger.measure(org, u->id, l->id, {Measure::budget_after, y, 0});
      Finding f;
      f.rule = "binding.overrun";
      f.severity = Severity::warning;
      f.where = {"", 0, d.municipality_of(u->id).id, u->id, l->id, std::to_string(y), y};
      f.expected = bud;
      f.found = act;
      f.fi = fmt::format("{}: sitova {} ylittyi vuonna {}: toteuma {}, talousarvio muutosten jälkeen {}", u->name.fi,
                         l->name.fi, y, eur(*act), eur(*bud));
      f.sv = fmt::format("{}: bindande {} överskreds år {}: utfall {}, budget inkl. ändringar {}", u->name.sv,
                         l->name.sv, y, eur(*act), eur(*bud));
      f.en = fmt::format("{}: binding {} overrun in {}: actual {}, budget after amendments {}", u->id, l->id, y,
                         eur(*act), eur(*bud));
      out.push_back(std::move(f));
    }
  }
  for (const auto& s : d.scenarios) {
    if (s.kind != ScenarioKind::amendment || (!s.decision_ref.empty() && s.decision_date)) continue;
    Finding f;
    f.rule = "binding.amendment_without_decision";
    f.severity = Severity::error;
    f.where = {"", 0, d.primary().id, "", "", s.id, s.year};
    f.fi = fmt::format("Talousarviomuutokselta {} puuttuu valtuuston päätöksen viite tai päivämäärä", s.id);
    f.sv = fmt::format("Budgetändringen {} saknar hänvisning till eller datum för fullmäktiges beslut", s.id);
    f.en = fmt::format("Budget amendment {} lacks the council decision's reference or date", s.id);
    out.push_back(std::move(f));
  }
}

void missing_text(const Municipality& m, const Text& t, const std::string& what_fi, const std::string& what_sv,
                  const std::string& what_en, Location where, std::vector<Finding>& out) {
  if (t.fi.empty() && t.sv.empty()) return;  // not given at all: nothing to translate
  for (Lang l : m.languages) {
    if (!t.in(l).empty()) continue;
    Finding f;
    f.rule = "complete.translation";
    f.severity = Severity::warning;
    f.where = where;
    f.where.column = std::string(lang_code(l));
    f.fi = fmt::format("{} puuttuu kieleltä {}", what_fi, lang_code(l));
    f.sv = fmt::format("{} saknas på språket {}", what_sv, lang_code(l));
    f.en = fmt::format("{} is missing in language {}", what_en, lang_code(l));
    out.push_back(std::move(f));
  }
}

void check_translations(const Dataset& d, std::vector<Finding>& out) {
  Municipalities municipality(d);
  for (const auto& u : d.units) {
    const Municipality& m = municipality.of(u.id);
    Location at{"", 0, m.id, u.id, "", "", u.valid_from.year};
    missing_text(m, u.name, "Yksikön nimi", "Enhetens namn", "Unit name", at, out);
    missing_text(m, u.responsible, "Vastuuhenkilön nimike", "Ansvarspersonens titel", "Responsible person's title",
                 at, out);
  }
  // Narratives: the same (unit, year, section) in every language of the municipality; the
  // document marks the gap, this reports it.
  for (std::size_t i = 0; i < d.narratives.size();) {
    const Narrative& n = d.narratives[i];
    Text t;
    std::size_t j = i;
    for (; j < d.narratives.size() && d.narratives[j].unit == n.unit && d.narratives[j].year == n.year &&
           d.narratives[j].section == n.section;
         ++j)
      t.in(d.narratives[j].lang) = d.narratives[j].markdown.empty() ? " " : d.narratives[j].markdown;
    const Municipality& m = municipality.of(n.unit);
    missing_text(m, t, "Teksti " + n.section, "Texten " + n.section, "Narrative " + n.section,
                 {"", 0, m.id, n.unit, n.section, "", n.year}, out);
    i = j;
  }
  for (const auto& s : d.scenarios)
    missing_text(d.primary(), s.name, "Skenaarion nimi " + s.id, "Scenariots namn " + s.id,
                 "Scenario name " + s.id, {"", 0, d.primary().id, "", "", s.id, s.year}, out);
}

// At most 3 eligible training days per employee a year (law 1140/2013): eligible days of a unit
// cannot exceed 3 × its employees on the year's last headcount date.
void check_training_cap(const Dataset& d, std::vector<Finding>& out) {
  for (const auto& t : d.personnel.training) {
    if (!t.eligible_hundredths) continue;
    std::optional<Date> last;
    for (const auto& h : d.personnel.headcount)
      if (h.date.year == t.year && (!last || h.date > *last)) last = h.date;
    if (!last) continue;
    OrgView org(d.units, *last);
    std::int64_t employees = headcount_on(d, org, t.unit, *last);
    if (employees == 0 || *t.eligible_hundredths <= employees * 300) continue;
    Finding f;
    f.rule = "personnel.training_cap";
    f.severity = Severity::error;
    f.where = {"", 0, d.municipality_of(t.unit).id, t.unit, "eligible_days", std::to_string(t.year), t.year};
    f.expected_text = std::to_string(employees * 3);
    f.found_text = fixed_to_plain(*t.eligible_hundredths, 2);
    f.fi = fmt::format("Koulutuskorvaukseen oikeuttavia päiviä {} vuonna {}, enintään 3 × {} työntekijää = {}",
                       f.found_text, t.year, employees, employees * 3);
    f.sv = fmt::format("{} dagar berättigar till utbildningsersättning år {}, högst 3 × {} anställda = {}",
                       f.found_text, t.year, employees, employees * 3);
    f.en = fmt::format("{} days eligible for training compensation in {}, at most 3 × {} employees = {}", f.found_text,
                       t.year, employees, employees * 3);
    out.push_back(std::move(f));
  }
}

// The goal rules (DESIGN §5, issue 3): the municipality's own writing rules from goals/rules.csv,
// and the general ones: a metric needs a target and an owner, a value within its frequency, and
// every goal of a closed year a realisation text in each language of its municipality.
void check_goals(const Dataset& d, std::vector<Finding>& out) {
  const Goals& g = d.goals;
  // Indexes for the loops below, each over all goals or metrics (scans inside them were quadratic).
  Municipalities municipality(d);
  std::unordered_map<std::string_view, const Goal*> goal_by_id;  // the last of equal ids, as a scan found
  for (const auto& x : g.goals) goal_by_id[x.id] = &x;
  std::unordered_set<std::string_view> with_metric;
  std::unordered_map<std::string_view, std::vector<const MetricValue*>> values_of;
  for (const auto& mt : g.metrics) with_metric.insert(mt.goal);
  for (const auto& v : g.values) values_of[v.metric].push_back(&v);
  std::map<std::pair<std::string_view, int>, const Realisation*> realisation;  // the last, as a scan found
  for (const auto& re : g.realisations) realisation[{re.goal, re.year}] = &re;
  auto goal_text = [](const Goal& x) { return x.text.fi.empty() ? x.text.sv : x.text.fi; };
  auto add = [&](const char* rule_id, const Goal* goal, const std::string& unit, const std::string& row, int year,
                 std::string fi, std::string sv, std::string en) {
    Finding f;
    f.rule = rule_id;
    f.severity = Severity::warning;
    f.where = {"", 0, municipality.of(unit).id, unit, row, goal ? goal->id : "", year};
    f.fi = std::move(fi);
    f.sv = std::move(sv);
    f.en = std::move(en);
    out.push_back(std::move(f));
  };
  // Goals per theme per sector (toimiala) and year within the municipality's range (check/goal_rules.h).
  for (const ThemeGoalCount& c : goals_per_theme(d)) {
    const std::string &unit = c.sector, &theme = c.theme;
    const int year = c.year, n = c.count;
    if (!c.within()) {
      std::string name = theme;
      for (const auto& t : g.themes)
        if (t.id == theme) name = t.name.fi.empty() ? t.name.sv : t.name.fi;
      std::string range = c.range();
      add("goals.per_theme", nullptr, unit, theme, year,
          fmt::format("Strategisella päämäärällä \"{}\" on {} tavoitetta, sääntö {}", name, n, range),
          fmt::format("Det strategiska målet \"{}\" har {} mål, regeln {}", name, n, range),
          fmt::format("Strategic goal \"{}\" has {} goals, the rule is {}", name, n, range));
    }
  }
  // Closed years: a municipality has actual figures for the year. Resolve each unit's
  // municipality once: a ledger has many figures per unit.
  std::set<std::pair<std::string, int>> closed;
  for (const auto& f : d.figures)
    if (const Scenario* s = d.scenario(f.scenario); s && s->kind == ScenarioKind::actual) {
      const Municipality* m = municipality.find(f.unit);  // none for a figure of no unit
      closed.insert({m ? m->id : std::string(), s->year});
    }
  for (const auto& x : g.goals) {
    if (x.retired) continue;  // kept as history, no longer reported on
    const Municipality& m = municipality.of(x.unit);
    if (goal_lacks_metric(d, x, m, with_metric.count(x.id) > 0))
      add("goals.metric_required", &x, x.unit, x.id, x.year, fmt::format("Tavoitteella \"{}\" ei ole mittaria", goal_text(x)),
          fmt::format("Målet \"{}\" har ingen mätare", goal_text(x)), fmt::format("Goal \"{}\" has no metric", goal_text(x)));
    // Realisations are reported for the key goals of a center or unit (the seeds' realisation
    // column), not for the city-level goals above them or the area goals beside them.
    if (closed.count({m.id, x.year}) && (x.level == "center" || x.level == "unit")) {
      auto found = realisation.find({x.id, x.year});
      const Realisation* r = found == realisation.end() ? nullptr : found->second;
      for (Lang l : m.languages)
        if (!r || r->text.in(l).empty())
          add("goals.realisation_missing", &x, x.unit, x.id, x.year,
              fmt::format("Tavoitteen \"{}\" toteuma {} puuttuu kieleltä {}", goal_text(x), x.year, lang_code(l)),
              fmt::format("Utfallet {} för målet \"{}\" saknas på språket {}", x.year, goal_text(x), lang_code(l)),
              fmt::format("Realisation {} of goal \"{}\" is missing in language {}", x.year, goal_text(x), lang_code(l)));
    }
  }
  for (const auto& mt : g.metrics) {
    auto found = goal_by_id.find(mt.goal);
    if (found == goal_by_id.end()) continue;
    const Goal* x = found->second;
    std::string name = mt.name.fi.empty() ? mt.name.sv : mt.name.fi;
    if (!mt.target_tenths || mt.owner.empty())
      add("goals.metric_incomplete", x, x->unit, mt.id, x->year,
          fmt::format("Mittarilta \"{}\" puuttuu {}", name, !mt.target_tenths ? "tavoitetaso" : "omistaja"),
          fmt::format("Mätaren \"{}\" saknar {}", name, !mt.target_tenths ? "målnivå" : "ansvarig"),
          fmt::format("Metric \"{}\" has no {}", name, !mt.target_tenths ? "target" : "owner"));
    // Stale: no value within its frequency before the end of the goal's year (past years only).
    if (!closed.count({municipality.of(x->unit).id, x->year})) continue;
    int months = mt.frequency == "month" ? 1 : mt.frequency == "quarter" ? 3 : mt.frequency == "half-year" ? 6 : 12;
    Date end = Date::last_of_year(x->year);
    int end_index = end.year * 12 + end.month;
    bool fresh = false;
    if (auto vs = values_of.find(mt.id); vs != values_of.end())
      for (const MetricValue* v : vs->second)
        if (v->date <= end && end_index - (v->date.year * 12 + v->date.month) < months) fresh = true;
    if (!fresh)
      add("goals.metric_stale", x, x->unit, mt.id, x->year,
          fmt::format("Mittaria \"{}\" ei ole päivitetty ({}) ennen {}", name, tr("freq." + (mt.frequency.empty() ? std::string("year") : mt.frequency), Lang::fi), to_display(end)),
          fmt::format("Mätaren \"{}\" har inte uppdaterats ({}) före {}", name, tr("freq." + (mt.frequency.empty() ? std::string("year") : mt.frequency), Lang::sv), to_display(end)),
          fmt::format("Metric \"{}\" has no value within its frequency ({}) before {}", name, mt.frequency, to_display(end)));
  }
}

}  // namespace

std::vector<Finding> check_dataset(const Dataset& d) {
  Ledger ledger(d);
  return check_dataset(d, ledger);
}

std::vector<Finding> check_dataset(const Dataset& d, const Ledger& ledger) {
  std::vector<Finding> out;
  check_hierarchy(d, ledger, out);
  check_binding(d, ledger, out);
  check_translations(d, out);
  check_outdated_translations(d, out);
  check_training_cap(d, out);
  check_goals(d, out);
  check_investments(d, out);
  check_budgeting(d, out);
  sort_findings(out);
  return out;
}

}  // namespace toteuma
