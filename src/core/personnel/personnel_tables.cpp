#include "core/personnel/personnel_tables.h"

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

// The part of `value` (an old unit's figure) that restructuring `r` moves to its new unit. The
// value is split over every move of the old unit on that date (and the part no unit takes) by
// the largest remainder, so the restated parts add up exactly to the old unit's figure.
std::int64_t moved_share(const Dataset& d, const Restructuring& r, std::int64_t value) {
  std::vector<std::int64_t> shares;
  std::size_t self = 0;
  std::int64_t sum = 0;
  for (const auto& m : d.restructurings)
    if (m.old_unit == r.old_unit && m.date == r.date && !m.new_unit.empty()) {
      if (&m == &r) self = shares.size();
      shares.push_back(m.share_thousandths);
      sum += m.share_thousandths;
    }
  const std::int64_t whole = std::max<std::int64_t>(1000, sum);
  if (sum < whole) shares.push_back(whole - sum);
  const bool neg = value < 0;
  const I128 mag = neg ? -static_cast<I128>(value) : static_cast<I128>(value);
  std::vector<std::int64_t> part(shares.size());
  std::vector<I128> rem(shares.size());
  I128 given = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    part[i] = static_cast<std::int64_t>(mag * shares[i] / whole);
    rem[i] = mag * shares[i] % whole;
    given += part[i];
  }
  // The thousandths left over go to the largest remainders (the earlier move on a tie).
  std::vector<std::size_t> order(shares.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rem[a] > rem[b]; });
  for (std::size_t k = 0; given < mag && k < order.size(); ++k, ++given) ++part[order[k]];
  return neg ? -part[self] : part[self];
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

using Cells = std::vector<std::optional<std::int64_t>>;

// What `total` holds beyond the sum of `parts` (figures entered at the unit itself, or a part of
// an old unit that no listed row takes); empty when nothing.
std::optional<Cells> remainder(const Cells& total, const std::vector<const Cells*>& parts) {
  Cells rest(total.size());
  bool any = false;
  for (std::size_t i = 0; i < total.size(); ++i) {
    std::int64_t r = total[i].value_or(0);
    for (const Cells* p : parts) r -= (*p)[i].value_or(0);
    if (r != 0) rest[i] = r, any = true;
  }
  if (!any) return std::nullopt;
  return rest;
}

// Appends the part rows (already in `t` at `parts`), a "Muut" row when the total holds more than
// they do, and the total; marks each part as a part of the total.
void close_with_total(SimpleTable& t, const std::vector<std::size_t>& parts, SimpleRow total, Lang lang) {
  std::vector<const Cells*> cells;
  for (std::size_t i : parts) cells.push_back(&t.rows[i].cells);
  std::vector<std::size_t> all = parts;
  if (auto rest = remainder(total.cells, cells)) {
    all.push_back(t.rows.size());
    t.rows.push_back({tr("pers.other", lang), parts.empty() ? total.level : t.rows[parts.front()].level, false, false,
                      total.shown_decimals, *rest});
  }
  for (std::size_t i : all) t.rows[i].part_of = static_cast<int>(t.rows.size());
  t.rows.push_back(std::move(total));
}

struct HtvColumn {
  int year;
  std::string kind;
};

// The kinds with figures in `unit`'s municipality in `year`: the entered ones (plan, forecast)
// first, then the actual. Each is a column of its own, so an imported actual is shown beside the
// entered plan and forecast and never instead of them.
std::vector<std::string> htv_kinds_of_year(const Dataset& d, const std::string& unit, int year) {
  Municipalities municipality(d);
  const std::string& m = municipality.of(unit).id;
  std::vector<std::string> out;
  for (const char* kind : {"plan", "forecast", "actual"})
    for (const auto& h : d.personnel.htv)
      if (h.year == year && h.kind == kind && municipality.of(h.unit).id == m) {
        out.push_back(kind);
        break;
      }
  return out;
}

std::vector<std::string> child_ids(const OrgView& org, const std::string& unit) {
  std::vector<std::string> ids;
  for (const UnitVersion* c : org.children(unit)) ids.push_back(c->id);
  return ids;
}

// True when the rows of `unit` in structure `a` cannot show the figures of structure `b` (a > a):
// a restructuring took effect in between, or the sub-units differ.
bool structure_changes(const Dataset& d, const std::string& unit, const Date& a, const Date& b) {
  for (const auto& r : d.restructurings)
    if (a < r.date && r.date <= b) return true;
  return child_ids(OrgView(d.units, a), unit) != child_ids(OrgView(d.units, b), unit);
}

// One person-year table in `structure` for the given columns: a row (and "of which" group rows)
// per sub-unit, a "Muut" row for what the unit holds beyond them, the unit's total.
SimpleTable htv_table(const Dataset& d, const std::string& unit, const Date& structure, const std::vector<HtvColumn>& cols,
                      bool restructured, Lang lang) {
  SimpleTable t;
  t.title = restructured ? fmt::format(fmt::runtime(tr("pers.htv.title_from", lang)), to_display(structure))
                         : tr("pers.htv.title", lang);
  t.label_heading = tr("pers.unit", lang);
  t.decimals = 3;
  t.shown_decimals = 1;
  for (const auto& c : cols) t.headings.push_back(year_heading(c.year, c.kind, lang));
  OrgView org(d.units, structure);
  std::vector<std::string> groups = {""};
  for (const auto& g : d.personnel.groups) groups.push_back(g.id);
  // Per block (a sub-unit, "Muut", the total) the cells of all staff and of each group.
  using Block = std::vector<Cells>;
  auto block_of = [&](const std::string& u) {
    Block b;
    for (const auto& g : groups) {
      Cells cells;
      for (const auto& c : cols) cells.push_back(restated_htv(d, u, c.year, structure, g, c.kind));
      b.push_back(cells);
    }
    return b;
  };
  std::vector<std::pair<std::string, Block>> blocks;
  for (const UnitVersion* c : org.children(unit)) blocks.push_back({name_of(d, c->id, structure, lang), block_of(c->id)});
  Block total = block_of(unit);
  Block rest(groups.size());
  bool any_rest = false;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::vector<const Cells*> parts;
    for (const auto& b : blocks) parts.push_back(&b.second[g]);
    auto r = remainder(total[g], parts);
    rest[g] = r.value_or(Cells(cols.size()));
    any_rest = any_rest || r.has_value();
  }
  if (any_rest) blocks.push_back({tr("pers.other", lang), rest});
  blocks.push_back({name_of(d, unit, structure, lang), total});
  // Rows: all staff, then each group that has a figure; every block's row is a part of the
  // total's row of the same group.
  std::vector<std::vector<int>> row_of(blocks.size(), std::vector<int>(groups.size(), -1));
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    bool is_total = b + 1 == blocks.size();
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const Cells& cells = blocks[b].second[g];
      if (g == 0) {
        t.rows.push_back({blocks[b].first, 0, is_total, false, -1, cells});
      } else {
        bool any = false;
        Cells shown;
        for (const auto& v : cells) {
          shown.push_back(v && *v ? v : std::nullopt);  // a group without staff shows blank
          any = any || (v && *v);
        }
        if (!any) continue;
        t.rows.push_back({fmt::format(fmt::runtime(tr("pers.of_which", lang)), d.personnel.groups[g - 1].name.shown(lang)),
                          1, false, false, -1, shown});
      }
      row_of[b][g] = static_cast<int>(t.rows.size()) - 1;
    }
  }
  for (std::size_t b = 0; b + 1 < blocks.size(); ++b)
    for (std::size_t g = 0; g < groups.size(); ++g)
      if (row_of[b][g] >= 0) t.rows[static_cast<std::size_t>(row_of[b][g])].part_of = row_of.back()[g];
  return t;
}

// A transfer out concerns `unit` when the old unit was under it, or moved under it that day.
bool transfer_concerns(const Dataset& d, const Restructuring& r, const std::string& unit) {
  if (OrgView(d.units, Date::last_of_year(r.date.year - 1)).within(r.old_unit, unit)) return true;
  OrgView after(d.units, r.date);
  for (const auto& m : d.restructurings)
    if (m.date == r.date && m.old_unit == r.old_unit && !m.new_unit.empty() && after.within(m.new_unit, unit)) return true;
  return false;
}

// The person-year tables of a view of `year`: the years up to it in its structure (earlier years
// restated), and each later structure (after a restructuring) in a table of its own, since a
// plan made for new units cannot be split back into the old ones. Transfers out are note rows
// in the first table in which they have taken effect.
std::vector<SimpleTable> htv_tables(const Dataset& d, const std::string& unit, int year, Lang lang) {
  struct Part {
    Date structure;
    std::vector<HtvColumn> cols;
  };
  std::vector<Part> parts;
  for (int y = year - 2; y <= year + 2; ++y) {
    auto kinds = htv_kinds_of_year(d, unit, y);
    if (kinds.empty()) continue;
    Date s = Date::first_of_year(std::max(y, year));
    if (parts.empty() || structure_changes(d, unit, parts.back().structure, s)) parts.push_back({s, {}});
    for (const auto& k : kinds) parts.back().cols.push_back({y, k});
  }
  std::vector<SimpleTable> out;
  std::vector<Date> structures;
  for (const auto& p : parts) {
    if (!OrgView(d.units, p.structure).find(unit)) continue;  // the unit no longer exists
    out.push_back(htv_table(d, unit, p.structure, p.cols, p.structure != Date::first_of_year(year), lang));
    structures.push_back(p.structure);
  }
  // Transfers out: their own rows, so a drop is not mistaken for fewer staff doing the same work.
  for (const auto& r : d.restructurings) {
    if (out.empty() || r.external.empty() || r.date.year > year + 2 || r.date.year < year - 2) continue;
    if (!transfer_concerns(d, r, unit)) continue;
    std::size_t i = 0;
    while (i + 1 < out.size() && structures[i] < r.date) ++i;
    SimpleRow n{fmt::format(fmt::runtime(tr("pers.transfer", lang)), r.external, to_display(r.date),
                            name_of(d, r.old_unit, Date::last_of_year(r.date.year - 1), lang),
                            r.persons ? fmt::format(fmt::runtime(tr("pers.persons", lang)), *r.persons) : std::string()),
                0, false, true, -1, Cells(out[i].headings.size())};
    out[i].rows.push_back(n);
  }
  return out;
}

SimpleTable headcount_table(const Dataset& d, const std::string& unit, const Date& on, Lang lang) {
  SimpleTable t;
  t.title = fmt::format(fmt::runtime(tr("pers.headcount.title", lang)), to_display(on));
  t.label_heading = tr("pers.unit", lang);
  for (const auto& ty : d.personnel.employment_types) t.headings.push_back(ty.name.shown(lang));
  t.headings.push_back(tr("pers.total", lang));
  OrgView org(d.units, on);
  auto count = [&](const std::string& u, const std::string& type) { return headcount_on(d, org, u, on, type); };
  t.last_column_total = true;
  auto row = [&](const std::string& u, bool total) {
    SimpleRow r{name_of(d, u, on, lang), 0, total, false, -1, {}};
    std::int64_t sum = 0;
    for (const auto& ty : d.personnel.employment_types) {
      std::int64_t n = count(u, ty.id);
      r.cells.push_back(n);
      sum += n;
    }
    r.cells.push_back(sum);
    return r;
  };
  std::vector<std::size_t> parts;
  for (const UnitVersion* c : org.children(unit)) {
    parts.push_back(t.rows.size());
    t.rows.push_back(row(c->id, false));
  }
  close_with_total(t, parts, row(unit, true), lang);
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
  std::vector<std::size_t> parts;
  for (const auto& u : rows) {
    SimpleRow r{name_of(d, u, Date::last_of_year(year), lang), 0, false, false, -1, {}};
    for (int y : years) r.cells.push_back(value(u, y));
    parts.push_back(t.rows.size());
    t.rows.push_back(r);
  }
  SimpleRow total{name_of(d, unit, Date::first_of_year(year), lang), 0, true, false, -1, {}};
  for (int y : years) total.cells.push_back(value(unit, y));
  close_with_total(t, parts, std::move(total), lang);
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
  comp.shown_decimals = 2;  // euros with cents
  t.rows = {days, eligible, comp};
  std::vector<std::string> units;
  for (int y : years) {
    OrgView org(d.units, Date::last_of_year(y));
    for (const UnitVersion* c : org.children(unit))
      if (std::find(units.begin(), units.end(), c->id) == units.end()) units.push_back(c->id);
  }
  // Eligible days per sub-unit (its whole subtree), then their total.
  std::vector<std::size_t> parts;
  for (const auto& u : units) {
    SimpleRow r{name_of(d, u, Date::last_of_year(years.empty() ? year : years.back()), lang), 1, false, false, -1, {}};
    bool any = false;
    for (int y : years) {
      OrgView org(d.units, Date::last_of_year(y));
      std::optional<std::int64_t> v;
      for (const auto& f : d.personnel.training)
        if (f.year == y && f.eligible_hundredths && org.within(f.unit, u)) v = v.value_or(0) + *f.eligible_hundredths;
      any = any || v.has_value();
      r.cells.push_back(v);
    }
    if (any) {
      parts.push_back(t.rows.size());
      t.rows.push_back(r);
    }
  }
  std::vector<const Cells*> cells;
  for (std::size_t i : parts) cells.push_back(&t.rows[i].cells);
  if (auto rest = remainder(eligible.cells, cells); rest && !parts.empty()) {
    parts.push_back(t.rows.size());
    t.rows.push_back({tr("pers.other", lang), 1, false, false, -1, *rest});
  }
  for (std::size_t i : parts) t.rows[i].part_of = 1;  // the eligible days
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
                         const std::string& group, const std::string& kind_or_default) {
  std::string kind = kind_or_default.empty() ? htv_kind_of_year(d, year) : kind_or_default;
  if (kind.empty()) return 0;
  OrgView year_org(d.units, Date::last_of_year(year));
  std::int64_t v = 0;
  if (year_org.find(unit)) {
    // The unit existed that year: its own figures and its sub-units of that year.
    v = rolled_htv(d, year_org, unit, year, kind, group);
  } else {
    // A unit of the new structure: its sub-units in the new structure, restated.
    OrgView table_org(d.units, structure);
    for (const UnitVersion* c : table_org.children(unit)) v += restated_htv(d, c->id, year, structure, group, kind);
  }
  // Shares of old units that moved into this one after the year and by the table's date.
  for (const auto& r : d.restructurings)
    if (r.new_unit == unit && r.old_unit != unit && Date::last_of_year(year) < r.date && r.date <= structure)
      v += moved_share(d, r, rolled_htv(d, year_org, r.old_unit, year, kind, group));
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
  // Wages and side costs are the parts of the personnel costs (the chart's formula).
  if (t.rows.size() == 3)
    for (std::size_t i = 0; i < 2; ++i) t.rows[i].part_of = 2;
  return t;
}

std::vector<SimpleTable> personnel_tables(const Ledger& ledger, const std::string& unit, int year, Lang lang) {
  const Dataset& d = ledger.dataset();
  std::vector<SimpleTable> out;
  for (auto& t : htv_tables(d, unit, year, lang)) out.push_back(std::move(t));
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
