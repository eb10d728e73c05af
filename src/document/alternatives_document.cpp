#include "document/alternatives_document.h"

#include <fmt/format.h>

#include <stdexcept>

#include "core/budgeting/alternative_effect.h"
#include "core/i18n.h"
#include "document/grids.h"

namespace toteuma {

namespace {


doc::Cell text(std::string s) { return doc::Cell{std::move(s), std::nullopt, 0, 0, false}; }

doc::Paragraph paragraph(std::string s) { return doc::Paragraph{doc::Paragraph::Kind::text, 0, {doc::Run{std::move(s), false, false, ""}}}; }

}  // namespace

doc::Document alternatives_document(const Dataset& d, const std::string& version, const std::vector<const BudgetAlternative*>& alts,
                                    int year, Lang lang, const Date& generated_on) {
  const BudgetVersion* v = find_version(d, version);
  if (!v) throw std::invalid_argument("unknown version: " + version);
  if (year == 0) year = v->year;
  SimpleTable t = alternatives_table(d, version, alts, year, lang);
  doc::Document out;
  out.kind = "budget-alternatives";
  out.lang = lang;
  out.year = year;
  out.unit = v->municipality;
  out.title = t.title;
  for (const auto& m : d.municipalities)
    if (m.id == v->municipality) out.subtitle = m.name.shown(lang);
  out.toc_heading = tr("doc.toc", lang);
  out.generated = msg("doc.generated", to_display(generated_on)).in(lang);

  doc::Section compare{"alternatives-comparison", tr("alt.doc.comparison", lang), 1, {}};
  for (const BudgetAlternative* a : alts) compare.blocks.push_back(paragraph(balance_sentence(*a, alternative_effect(d, *a, year), lang)));
  doc::Grid g = simple_grid(t);
  g.id = "t-alternatives";
  compare.blocks.emplace_back(std::in_place_type<doc::Grid>, std::move(g));
  out.sections.push_back(std::move(compare));

  OrgView org = d.org_on(Date::first_of_year(v->year));
  for (const BudgetAlternative* a : alts) {
    const CouncilGroup* group = find_council_group(d, a->group);
    doc::Section s{"alternative-" + a->id, a->name.shown(lang), 1, {}};
    if (group) s.blocks.push_back(paragraph(msg("alt.doc.by_group", group->name.shown(lang)).in(lang)));
    doc::Grid changes;
    changes.id = "t-alternative-" + a->id;
    changes.caption = msg("alt.doc.changes", a->name.shown(lang)).in(lang);
    changes.headings = {tr("alt.col.change_unit", lang), tr("alt.col.line", lang), tr("alt.col.year", lang), tr("alt.col.amount", lang),
                        tr("alt.col.justification", lang)};
    for (const AlternativeChange* c : changes_of(d, a->id)) {
      const UnitVersion* u = org.find(c->unit);
      const Line* l = d.chart.find(c->line);
      doc::Row r;
      r.cells = {text(u ? u->name.shown(lang) : c->unit), text(l ? l->name.in(lang) : c->line), text(std::to_string(c->year)),
                 doc::Cell{"", c->amount, 2, 0, false}, text(c->justification.shown(lang))};
      changes.rows.push_back(std::move(r));
    }
    s.blocks.emplace_back(std::in_place_type<doc::Grid>, std::move(changes));
    out.sections.push_back(std::move(s));
  }
  return out;
}

}  // namespace toteuma
