#include "document/binding_comparison.h"

#include <fmt/format.h>

#include "core/finance/report_table.h"
#include "core/i18n.h"

namespace toteuma {

namespace {

void binding_units(const OrgView& org, const UnitVersion& u, std::vector<const UnitVersion*>& out) {
  if (!u.binding_line.empty()) out.push_back(&u);
  for (const auto* c : org.children(u.id)) binding_units(org, *c, out);
}

doc::Cell text(std::string s) { return doc::Cell{std::move(s), std::nullopt, 0, 0, false}; }

}  // namespace

BindingComparison binding_comparison(const Ledger& ledger, const OrgView& org, const std::string& unit, int year, Lang lang) {
  BindingComparison out;
  doc::Grid& g = out.grid;
  g.caption = fmt::format(fmt::runtime(tr("doc.binding.caption", lang)), year);
  const UnitVersion* root = org.find(unit);
  if (!root) return out;
  std::vector<const UnitVersion*> units;
  binding_units(org, *root, units);
  for (const UnitVersion* u : units) {
    // The unit's own annual-report table: the same columns, figures and overrun as its part shows.
    FigureTable t = build_table(ledger, u->id, year, TableKind::annual_report, lang);
    if (g.headings.empty()) {
      g.headings = {tr("doc.binding.unit", lang)};
      for (const auto& h : t.headings) g.headings.push_back(h);
      g.headings.push_back(tr("doc.binding.state", lang));
    }
    doc::Row r;
    // Unit and binding line in one label: the table has the annual report's columns and fits a page.
    r.cells = {text(u->name.shown(lang) + " – " + t.binding_line)};
    std::vector<std::optional<Cents>> values(t.columns.size());
    for (const auto& row : t.rows)
      if (row.line == u->binding_line) values = row.values;
    for (const auto& v : values) r.cells.push_back(doc::Cell{"", v, 2, 0, false});
    r.cells.push_back(text(t.overrun ? tr(*t.overrun ? "doc.binding.overrun" : "doc.binding.within", lang) : "–"));
    g.rows.push_back(std::move(r));
    // The deviation column (TP − TA after amendments) is negative by the amount overrun.
    if (t.overrun.value_or(false)) out.overruns.push_back({u, -values.back().value_or(0)});
  }
  g.note = tr(g.rows.empty() ? "doc.binding.none" : out.overruns.empty() ? "doc.binding.note_within" : "doc.binding.note", lang);
  if (g.rows.empty()) g.note = fmt::format(fmt::runtime(g.note), year);
  return out;
}

}  // namespace toteuma
