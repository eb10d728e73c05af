#include "core/personnel_tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/i18n.h"

namespace toteuma {

namespace {

__extension__ typedef __int128 I128;

std::int64_t own_htv(const Dataset& d, const std::string& unit, int year, const std::string& kind,
                     const std::string& group) {
  std::int64_t sum = 0;
  for (const auto& h : d.personnel.htv)
    if (h.unit == unit && h.year == year && h.kind == kind && (group.empty() || h.group == group)) sum += h.htv;
  return sum;
}

// Rolled up over the organisation valid on `on` (no restatement).
std::int64_t rolled_htv(const Dataset& d, const OrgView& org, const std::string& unit, int year,
                        const std::string& kind, const std::string& group) {
  return org.sum_subtree(unit, [&](const std::string& u) { return own_htv(d, u, year, kind, group); });
}

std::string year_heading(int y, const std::string& kind, Lang lang) {
  if (kind == "forecast") return fmt::format(fmt::runtime(tr("pers.col.forecast", lang)), y);
  if (kind == "plan") return fmt::format(fmt::runtime(tr("pers.col.plan", lang)), y);
  return std::to_string(y);
}

std::string name_of(const Dataset& d, const std::string& unit, const Date& on, Lang lang) {
  for (const auto& u : d.units)
    if (u.id == unit && u.valid_on(on)) return u.name.shown(lang);
  for (const auto& u : d.units)
    if (u.id == unit) return u.name.shown(lang);
  return unit;
}

SimpleTable htv_table(const Dataset& d, const std::string& unit, int year, Lang lang) {
  SimpleTable t;
  t.title = tr("pers.htv.title", lang);
  t.label_heading = tr("pers.unit", lang);
  t.decimals = 3;
  t.shown_decimals = 1;
  std::vector<int> years;
  for (int y = year - 2; y <= year + 2; ++y)
    if (!htv_kind_of_year(d, y).empty()) years.push_back(y);
  for (int y : years) t.headings.push_back(year_heading(y, htv_kind_of_year(d, y), lang));
  Date structure = Date::first_of_year(year);
  OrgView org(d.units, structure);
  auto add_unit = [&](const UnitVersion* u, int level, bool total) {
    SimpleRow r{name_of(d, u->id, structure, lang), level, total, false, -1, {}};
    for (int y : years) r.cells.push_back(restated_htv(d, u->id, y, structure));
    t.rows.push_back(r);
    for (const auto& g : d.personnel.groups) {
      SimpleRow gr{fmt::format(fmt::runtime(tr("pers.of_which", lang)), g.name.shown(lang)),
                   level + 1, false, false, -1, {}};
      bool any = false;
      for (int y : years) {
        std::int64_t v = restated_htv(d, u->id, y, structure, g.id);
        gr.cells.push_back(v ? std::optional<std::int64_t>(v) : std::nullopt);
        any = any || v != 0;
      }
      if (any) t.rows.push_back(gr);
    }
  };
  for (const UnitVersion* c : org.children(unit)) add_unit(c, 0, false);
  if (const UnitVersion* u = org.find(unit)) add_unit(u, 0, true);
  // Transfers out: their own rows, so a drop is not mistaken for fewer staff doing the same work.
  for (const auto& r : d.restructurings) {
    if (r.external.empty() || r.date.year > year + 2 || r.date.year < year - 2) continue;
    SimpleRow n{fmt::format(fmt::runtime(tr("pers.transfer", lang)), r.external, to_display(r.date),
                            name_of(d, r.old_unit, Date::last_of_year(r.date.year - 1), lang),
                            r.persons ? fmt::format(fmt::runtime(tr("pers.persons", lang)), *r.persons) : std::string()),
                0, false, true, -1, std::vector<std::optional<std::int64_t>>(years.size())};
    t.rows.push_back(n);
  }
  return t;
}

SimpleTable headcount_table(const Dataset& d, const std::string& unit, const Date& on, Lang lang) {
  SimpleTable t;
  t.title = fmt::format(fmt::runtime(tr("pers.headcount.title", lang)), to_display(on));
  t.label_heading = tr("pers.unit", lang);
  for (const auto& ty : d.personnel.employment_types) t.headings.push_back(ty.name.shown(lang));
  t.headings.push_back(tr("pers.total", lang));
  OrgView org(d.units, on);
  auto count = [&](const std::string& u, const std::string& type) { return headcount_on(d, org, u, on, type); };
  auto add = [&](const std::string& u, bool total) {
    SimpleRow r{name_of(d, u, on, lang), 0, total, false, -1, {}};
    std::int64_t sum = 0;
    for (const auto& ty : d.personnel.employment_types) {
      std::int64_t n = count(u, ty.id);
      r.cells.push_back(n);
      sum += n;
    }
    r.cells.push_back(sum);
    t.rows.push_back(r);
  };
  for (const UnitVersion* c : org.children(unit)) add(c->id, false);
  add(unit, true);
  return t;
}

SimpleTable retirement_table(const Dataset& d, const std::string& unit, int year, Lang lang) {
  SimpleTable t;
  t.title = tr("pers.retire.title", lang);
  t.label_heading = tr("pers.unit", lang);
  std::vector<int> years;
  for (int y = year - 1; y <= year + 2; ++y) {
    bool any = false;
    for (const auto& r : d.personnel.retirements) any = any || r.year == y;
    if (any) years.push_back(y);
  }
  for (int y : years) t.headings.push_back(std::to_string(y));
  // Rows: the units of every year's structure, in order of appearance.
  std::vector<std::string> rows;
  for (int y : years) {
    OrgView org(d.units, Date::last_of_year(y));
    for (const UnitVersion* c : org.children(unit))
      if (std::find(rows.begin(), rows.end(), c->id) == rows.end()) rows.push_back(c->id);
  }
  auto value = [&](const std::string& u, int y) -> std::optional<std::int64_t> {
    OrgView org(d.units, Date::last_of_year(y));
    if (!org.find(u)) return std::nullopt;
    return org.sum_subtree(u, [&](const std::string& id) {
      std::int64_t n = 0;
      for (const auto& r : d.personnel.retirements)
        if (r.unit == id && r.year == y) n += r.count;
      return n;
    });
  };
  for (const auto& u : rows) {
    SimpleRow r{name_of(d, u, Date::last_of_year(year), lang), 0, false, false, -1, {}};
    for (int y : years) r.cells.push_back(value(u, y));
    t.rows.push_back(r);
  }
  SimpleRow total{name_of(d, unit, Date::first_of_year(year), lang), 0, true, false, -1, {}};
  for (int y : years) total.cells.push_back(value(unit, y));
  t.rows.push_back(total);
  return t;
}

SimpleTable training_table(const Dataset& d, const std::string& unit, int year, Lang lang) {
  SimpleTable t;
  t.title = tr("pers.training.title", lang);
  t.label_heading = tr("col.label", lang);
  t.decimals = 2;
  t.shown_decimals = 0;
  std::vector<int> years;
  for (int y = year - 3; y < year; ++y) {
    bool any = false;
    for (const auto& f : d.personnel.training) any = any || f.year == y;
    if (any) years.push_back(y);
  }
  for (int y : years) t.headings.push_back(std::to_string(y));
  // The unit's and its sub-units' figures of a year.
  auto sum = [&](int y, auto field) {
    OrgView org(d.units, Date::last_of_year(y));
    std::optional<std::int64_t> s;
    for (const auto& f : d.personnel.training)
      if (f.year == y && org.within(f.unit, unit))
        if (auto v = field(f)) s = s.value_or(0) + *v;
    return s;
  };
  SimpleRow days{tr("pers.training.days", lang), 0, false, false, -1, {}},
      eligible{tr("pers.training.eligible", lang), 0, false, false, -1, {}},
      comp{tr("pers.training.compensation", lang), 0, false, false, -1, {}};
  for (int y : years) {
    days.cells.push_back(sum(y, [](const TrainingFigure& f) { return f.days_hundredths; }));
    eligible.cells.push_back(sum(y, [](const TrainingFigure& f) { return f.eligible_hundredths; }));
    comp.cells.push_back(sum(y, [](const TrainingFigure& f) { return f.compensation; }));
  }
  t.rows = {days, eligible, comp};
  t.rows[2].shown_decimals = 2;  // euros with cents
  std::vector<std::string> units;
  for (int y : years) {
    OrgView org(d.units, Date::last_of_year(y));
    for (const UnitVersion* c : org.children(unit))
      if (std::find(units.begin(), units.end(), c->id) == units.end()) units.push_back(c->id);
  }
  for (const auto& u : units) {
    SimpleRow r{name_of(d, u, Date::last_of_year(years.empty() ? year : years.back()), lang), 1, false, false, -1, {}};
    bool any = false;
    for (int y : years) {
      std::optional<std::int64_t> v;
      for (const auto& f : d.personnel.training)
        if (f.unit == u && f.year == y && f.eligible_hundredths) v = v.value_or(0) + *f.eligible_hundredths;
      any = any || v.has_value();
      r.cells.push_back(v);
    }
    if (any) t.rows.push_back(r);
  }
  return t;
}

}  // namespace

std::int64_t headcount_on(const Dataset& d, const OrgView& org, const std::string& unit, const Date& on,
                          const std::string& type) {
  return org.sum_subtree(unit, [&](const std::string& u) {
    std::int64_t n = 0;
    for (const auto& h : d.personnel.headcount)
      if (h.unit == u && h.date == on && (type.empty() || h.type == type)) n += h.count;
    return n;
  });
}

PersonYears restated_htv(const Dataset& d, const std::string& unit, int year, const Date& structure,
                         const std::string& group) {
  std::string kind = htv_kind_of_year(d, year);
  if (kind.empty()) return 0;
  OrgView year_org(d.units, Date::last_of_year(year));
  std::int64_t v = 0;
  if (year_org.find(unit)) {
    // The unit existed that year: its own figures and its sub-units of that year.
    v = rolled_htv(d, year_org, unit, year, kind, group);
  } else {
    // A unit of the new structure: its sub-units in the new structure, restated.
    OrgView table_org(d.units, structure);
    for (const UnitVersion* c : table_org.children(unit)) v += restated_htv(d, c->id, year, structure, group);
  }
  // Shares of old units that moved into this one after the year and by the table's date.
  for (const auto& r : d.restructurings)
    if (r.new_unit == unit && r.old_unit != unit && Date::last_of_year(year) < r.date && r.date <= structure)
      v += static_cast<std::int64_t>(
          (static_cast<I128>(rolled_htv(d, year_org, r.old_unit, year, kind, group)) * r.share_thousandths + 500) / 1000);
  return v;
}

// Personnel costs as in the budget: actual Y-2, budget Y-1 after amendments, budget Y.
SimpleTable cost_table(const Ledger& ledger, const std::string& unit, int year, Lang lang) {
  const Dataset& d = ledger.dataset();
  SimpleTable t;
  t.title = tr("pers.costs.title", lang);
  t.label_heading = tr("table.unit_note", lang);
  t.decimals = 2;
  t.shown_decimals = 0;
  std::vector<ColumnSpec> cols = {{Measure::actual, year - 2, 0}, {Measure::budget_after, year - 1, 0}, {Measure::budget, year, 0}};
  t.headings = {fmt::format(fmt::runtime(tr("col.actual", lang)), year - 2),
                fmt::format(fmt::runtime(tr("col.budget_after", lang)), year - 1),
                fmt::format(fmt::runtime(tr("col.budget", lang)), year)};
  OrgView org(d.units, Date::first_of_year(year));
  for (const char* id : {"wages", "side_costs", "personnel_costs"}) {
    const Line* l = d.chart.find(id);
    if (!l) continue;
    SimpleRow r{l->name.in(lang), 0, l->kind == LineKind::total, false, -1, {}};
    for (const auto& c : cols) r.cells.push_back(ledger.measure(org, unit, id, c));
    t.rows.push_back(r);
  }
  return t;
}

std::vector<SimpleTable> personnel_tables(const Ledger& ledger, const std::string& unit, int year, Lang lang) {
  const Dataset& d = ledger.dataset();
  std::vector<SimpleTable> out;
  out.push_back(htv_table(d, unit, year, lang));
  out.push_back(cost_table(ledger, unit, year, lang));
  std::set<Date> dates;
  for (const auto& h : d.personnel.headcount)
    if (h.date < Date::first_of_year(year)) dates.insert(h.date);
  for (const Date& on : dates) out.push_back(headcount_table(d, unit, on, lang));
  out.push_back(retirement_table(d, unit, year, lang));
  out.push_back(training_table(d, unit, year, lang));
  // Average age and staff survey: per year, for the unit itself (these are not sums).
  std::vector<int> years;
  for (int y = year - 3; y <= year; ++y) years.push_back(y);
  SimpleTable survey{tr("pers.survey.title", lang), tr("col.label", lang), {}, 1, 1, {}};
  for (int y : years) survey.headings.push_back(std::to_string(y));
  auto add_item = [&](const std::string& label, auto value) {
    SimpleRow r{label, 0, false, false, -1, {}};
    bool any = false;
    for (int y : years) {
      std::optional<std::int64_t> v = value(y);
      any = any || v.has_value();
      r.cells.push_back(v);
    }
    if (any) survey.rows.push_back(r);
  };
  add_item(tr("pers.age", lang), [&](int y) -> std::optional<std::int64_t> {
    for (const auto& a : d.personnel.ages)
      if (a.unit == unit && a.year == y) return a.average_tenths;
    return std::nullopt;
  });
  for (const auto& item : d.personnel.survey_items)
    add_item(fmt::format("{}{}", item.name.shown(lang), item.unit == "%" ? " (%)" : ""),
             [&](int y) -> std::optional<std::int64_t> {
               for (const auto& s : d.personnel.survey)
                 if (s.unit == unit && s.year == y && s.item == item.id) return s.value_tenths;
               return std::nullopt;
             });
  if (!survey.rows.empty()) out.push_back(survey);
  // Tables without any figure are left out, so a unit shows only what it has.
  std::erase_if(out, [](const SimpleTable& t) {
    for (const auto& r : t.rows)
      for (const auto& c : r.cells)
        if (c && *c != 0) return false;
    return true;
  });
  return out;
}

std::string htv_kind_of_year(const Dataset& d, int year) {
  std::string best;
  for (const auto& h : d.personnel.htv) {
    if (h.year != year) continue;
    if (h.kind == "actual") return "actual";
    if (h.kind == "forecast") best = "forecast";
    if (h.kind == "plan" && best.empty()) best = "plan";
  }
  return best;
}


}  // namespace toteuma
