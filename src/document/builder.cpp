#include "document/builder.h"

#include "core/finance/investment_table.h"
#include "core/finance/key_figures.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "check/dataset_checks.h"
#include "core/documents/document_charts.h"
#include "core/goals/goal_report.h"
#include "core/i18n.h"
#include "core/personnel/personnel_tables.h"
#include "core/workplace/translation.h"
#include "core/finance/report_table.h"
#include "core/format.h"
#include "document/binding_comparison.h"
#include "document/commentary.h"
#include "document/grids.h"
#include "document/markdown.h"

namespace toteuma {

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

class Assembler {
 public:
  Assembler(const Ledger& ledger, const DocTemplate& t, const DocumentRequest& req)
      : ledger_(ledger),
        d_(ledger.dataset()),
        t_(t),
        req_(req),
        lang_(req.lang),
        org_(d_.org_on(t.org_date == "start" ? Date{req.year, 1, 1} : Date{req.year, 12, 31})) {}

  doc::Document build() {
    const UnitVersion* unit = org_.find(req_.unit);
    if (!unit) throw std::invalid_argument("unknown unit " + req_.unit + " on " + to_display(org_.date()));
    doc::Document out;
    out.kind = t_.kind;
    out.lang = lang_;
    out.year = req_.year;
    out.unit = req_.unit;
    out.title = fill(t_.title.in(lang_), *unit);
    // The municipality's own document is subtitled with its name once ("Loviisa", not "Loviisa – Loviisan kaupunki").
    out.subtitle = unit->parent.empty() ? d_.municipality_of(unit->id).name.shown(lang_)
                                        : fmt::format(fmt::runtime(tr("doc.subtitle", lang_)),
                                                      d_.municipality_of(unit->id).name.shown(lang_), unit->name.shown(lang_));
    out.toc_heading = tr("doc.toc", lang_);
    out.generated = fmt::format(fmt::runtime(tr("doc.generated", lang_)), to_display(req_.generated_on));
    // The municipality's document (its root unit) has the sections that apply to a municipality,
    // any other unit's those that apply to other units; both have those that apply to any.
    const std::string applies = unit->parent.empty() ? "municipality" : "other";
    for (const auto& spec : t_.sections)
      if (spec.applies == "any" || spec.applies == applies) add_spec(out, spec, *unit);
    // A municipality that publishes in one language only (Heinola: Finnish): the other language's
    // document is built (headings and tables translate) but says first that its texts do not exist.
    const Municipality& m = d_.municipality_of(unit->id);
    if (!m.languages.empty() && std::find(m.languages.begin(), m.languages.end(), lang_) == m.languages.end() &&
        !out.sections.empty())
      out.sections.front().blocks.insert(out.sections.front().blocks.begin(),
                                         doc::Notice{msg("doc.only_other_language", m.name.shown(lang_)).in(lang_)});
    return out;
  }

 private:
  void collect(const std::string& id, bool deep, int level, std::vector<std::pair<const UnitVersion*, int>>& out) {
    for (const auto* c : org_.children(id)) {
      out.push_back({c, level});
      if (deep) collect(c->id, deep, level + 1, out);
    }
  }

  // `spec` for `unit` as the document's unit (or its sub-units, by `units`).
  void add_spec(doc::Document& out, const SectionSpec& spec, const UnitVersion& unit) {
    if (spec.units == "unit") return add_section(out, spec, unit, 1);
    std::vector<std::pair<const UnitVersion*, int>> units;
    collect(unit.id, spec.units == "each-descendant", 2, units);
    for (auto [u, level] : units) {
      if (spec.include.empty()) {
        add_section(out, spec, *u, std::min(level, 2));
        continue;
      }
      // Each sub-unit's part as its own document has it (a sector with its areas), same section ids.
      for (const auto& inner : t_.sections)
        if (inner.applies == spec.include && inner.include.empty()) add_spec(out, inner, *u);
    }
  }

  std::string fill(const std::string& pattern, const UnitVersion& unit) const {
    std::string s = replace_all(pattern, "{unit}", unit.name.shown(lang_));
    s = replace_all(s, "{year}", std::to_string(req_.year));
    s = replace_all(s, "{next}", std::to_string(req_.year + 1));
    return replace_all(s, "{municipality}", d_.municipality_of(unit.id).name.shown(lang_));
  }

  void add_section(doc::Document& out, const SectionSpec& spec, const UnitVersion& unit, int level) {
    const std::string id = section_id(spec.id + "-" + unit.id);
    doc::Section head{id, fill(spec.heading.in(lang_), unit), level, {}};
    out.sections.push_back(std::move(head));
    std::size_t head_index = out.sections.size() - 1;
    for (const auto& b : spec.blocks) {
      std::vector<doc::Block> blocks = make_blocks(b, unit);
      if (blocks.empty()) continue;
      if (b.heading.in(lang_).empty()) {
        // Without a heading of its own a block joins the section above it.
        auto& target = out.sections.back().blocks;
        for (auto& x : blocks) target.push_back(std::move(x));
      } else {
        out.sections.push_back({section_id(id + "-" + block_key(b)), fill(b.heading.in(lang_), unit), std::min(level + 1, 3), std::move(blocks)});
      }
    }
    // A unit section with nothing at all (no texts, tables or sub-sections) is left out.
    if (out.sections.size() == head_index + 1 && out.sections.back().blocks.empty()) out.sections.pop_back();
  }

  std::string next_id(const char* prefix) { return prefix + std::to_string(++ids_); }

  // A section's id is its template section's, its unit's and its block's, so it is the same in
  // every build whatever texts appear or vanish before it (review states are kept by it).
  std::string section_id(const std::string& base) {
    std::string id = base;
    for (int n = 2; !section_ids_.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    return id;
  }
  static std::string block_key(const BlockSpec& b) {
    if (b.type == "narrative") return b.narrative;
    if (b.type == "figure-table") return "table-" + b.table;
    if (b.type == "chart") return b.chart;
    return b.type;
  }

  static doc::Paragraph para(std::string text) { return {doc::Paragraph::Kind::text, 0, {{std::move(text), false, false, ""}}}; }

  doc::Notice draft_notice(const UnitVersion& unit, const std::string& section) const {
    return {tr("doc.draft", lang_), unit.id + "/" + section};
  }

  std::vector<doc::Block> narrative(const UnitVersion& unit, const std::string& section) {
    std::vector<doc::Block> out;
    const Narrative* n = find_narrative(d_.narratives, unit.id, req_.year, section, lang_);
    if (!n) {
      Lang other = lang_ == Lang::fi ? Lang::sv : Lang::fi;
      // Missing here but written in the other language: marked, never silently replaced.
      if (find_narrative(d_.narratives, unit.id, req_.year, section, other))
        out.push_back(doc::Notice{tr("doc.missing_lang", lang_), ""});
      return out;
    }
    if (n->origin == NarrativeOrigin::draft) out.push_back(draft_notice(unit, section));
    // A translation of an earlier source text: marked beside the missing one (core/workplace/translation.h).
    if (is_outdated(d_, *n)) out.push_back(doc::Notice{tr("doc.outdated_translation", lang_), ""});
    for (auto& p : parse_markdown(n->markdown)) out.push_back(std::move(p));
    return out;
  }

  void add_grid(std::vector<doc::Block>& out, doc::Grid g) {
    g.id = next_id("t");
    out.push_back(std::move(g));
  }

  void add_chart(std::vector<doc::Block>& out, doc::Chart c) {
    bool any = false;
    for (const auto& s : c.series)
      for (const auto& v : s.values) any = any || v.has_value();
    if (!any) return;
    c.id = next_id("c");
    out.push_back(std::move(c));
  }

  std::vector<doc::Block> make_blocks(const BlockSpec& b, const UnitVersion& unit) {
    std::vector<doc::Block> out;
    if (b.type == "responsible") {
      if (!unit.responsible.shown(lang_).empty())
        out.push_back(para(fmt::format(fmt::runtime(tr("unit.responsible", lang_)), unit.responsible.shown(lang_))));
    } else if (b.type == "narrative") {
      out = narrative(unit, b.narrative);
    } else if (b.type == "commentary") {
      out = narrative(unit, "commentary");
      if (out.empty()) {
        std::string draft = draft_commentary(ledger_, rules(), unit.id, req_.year, lang_);
        if (!draft.empty()) {
          out.push_back(draft_notice(unit, "commentary"));
          for (auto& p : parse_markdown(draft)) out.push_back(std::move(p));
        }
      }
    } else if (b.type == "subunit-list") {
      for (const auto* c : org_.children(unit.id))
        out.push_back(doc::Paragraph{doc::Paragraph::Kind::bullet, 0, {{c->name.shown(lang_), false, false, ""}}});
    } else if (b.type == "figure-table") {
      if (auto g = figure_table(b, unit)) add_grid(out, std::move(*g));
    } else if (b.type == "binding-comparison") {
      add_binding_comparison(out, unit);
    } else if (b.type == "chart") {
      add_charts(out, b.chart, unit);
    } else if (b.type == "goal-tables") {
      for (auto& g : goal_grids(goal_report(unit))) add_grid(out, std::move(g));
    } else if (b.type == "metric-table") {
      for (auto& g : metric_grids(goal_report(unit))) add_grid(out, std::move(g));
    } else if (b.type == "personnel-tables") {
      for (const auto& t : personnel_tables(ledger_, unit.id, req_.year, lang_))
        if (!t.rows.empty()) add_grid(out, simple_grid(t));
    } else if (b.type == "check-summary") {
      add_check_summary(out, unit);
    }
    return out;
  }

  // The one place that makes a figure-table block's table (template.h figure_table_names()):
  // nullopt when it has no figure (a unit without an investment part, key figures of a unit
  // that is not a municipality's root).
  std::optional<doc::Grid> figure_table(const BlockSpec& b, const UnitVersion& unit) {
    const TableKind layout = b.layout == "budget" ? TableKind::budget : TableKind::annual_report;
    if (b.table == "investments" || b.table == "key-figures") {
      try {
        SimpleTable t = b.table == "investments" ? investment_table(d_, unit.id, req_.year, layout, lang_)
                                                 : key_figure_table(ledger_, unit.id, req_.year, layout, lang_);
        if (t.rows.empty()) return std::nullopt;
        return simple_grid(t);
      } catch (const TableError&) {
        return std::nullopt;
      }
    }
    const Part part = b.table == "income-statement" ? Part::income
                      : b.table == "cash-flow"      ? Part::cash_flow
                                                    : Part::operating;
    FigureTable t = build_table(ledger_, unit.id, req_.year,
                                b.layout == "budget" ? TableKind::budget : TableKind::annual_report, lang_, part);
    bool any = false;
    for (const auto& r : t.rows)
      for (const auto& v : r.values) any = any || v.has_value();
    if (!any) return std::nullopt;
    return figure_grid(t, b.columns);
  }

  // The comparison at the binding level, then each overrun with its unit's explanation: the
  // unit's `overrun` text, else its `commentary`; a missing one is said plainly.
  void add_binding_comparison(std::vector<doc::Block>& out, const UnitVersion& unit) {
    BindingComparison c = binding_comparison(ledger_, org_, unit.id, req_.year, lang_);
    if (c.grid.rows.empty()) return;
    add_grid(out, std::move(c.grid));
    for (const auto& [u, over] : c.overruns) {
      out.push_back(doc::Paragraph{doc::Paragraph::Kind::text, 0,
                                   {{fmt::format(fmt::runtime(tr("doc.binding.explanation", lang_)), u->name.shown(lang_),
                                                 format_euros(over)),
                                     true, false, ""}}});
      std::vector<doc::Block> why = narrative(*u, "overrun");
      if (why.empty()) why = narrative(*u, "commentary");
      if (why.empty()) why.push_back(doc::Notice{tr("doc.binding.no_explanation", lang_), ""});
      for (auto& x : why) out.push_back(std::move(x));
    }
  }

  void add_charts(std::vector<doc::Block>& out, const std::string& kind, const UnitVersion& unit) {
    try {
      if (kind == "budget-vs-actual") add_chart(out, budget_vs_actual(ledger_, unit.id, req_.year, lang_));
      if (kind == "plan-trend") add_chart(out, plan_trend(ledger_, unit.id, req_.year, lang_));
      if (kind == "htv-trend") add_chart(out, htv_trend(d_, unit.id, req_.year, lang_));
      if (kind == "metric-trends")
        for (const auto& m : d_.goals.metrics)
          for (const auto& g : d_.goals.goals)
            if (g.id == m.goal && g.unit == unit.id && g.year == req_.year) add_chart(out, metric_trend(d_, m.id, lang_));
    } catch (const ChartError&) {
      // No data for the chart: the document simply has no chart there.
    }
  }

  const GoalReport& goal_report(const UnitVersion& unit) {
    if (!goals_ || goals_unit_ != unit.id) {
      goals_ = build_goal_report(d_, unit.id, req_.year, lang_);
      goals_unit_ = unit.id;
    }
    return *goals_;
  }

  const CommentaryRules& rules() {
    if (!rules_) rules_ = commentary_rules_for(d_);
    return *rules_;
  }

  void add_check_summary(std::vector<doc::Block>& out, const UnitVersion& unit) {
    std::vector<Finding> mine = findings_of_unit(check_dataset(d_, ledger_), org_, unit.id);
    // An outdated translation is marked beside its text (narrative()); listed here too, every source
    // edit would reopen the checks section of every document of the unit, whatever its year.
    std::erase_if(mine, [](const Finding& f) { return f.rule == "complete.translation_outdated"; });
    int counts[4] = {0, 0, 0, 0};  // per Severity (info: printed tables only)
    for (const auto& f : mine) ++counts[static_cast<int>(f.severity)];
    out.push_back(para(fmt::format(fmt::runtime(tr("doc.checks.intro", lang_)), counts[0], counts[1], counts[2])));
    if (!mine.empty()) add_grid(out, findings_grid(mine, lang_, 50));
  }

  const Ledger& ledger_;
  const Dataset& d_;
  const DocTemplate& t_;
  const DocumentRequest& req_;
  Lang lang_;
  OrgView org_;
  int ids_ = 0;
  std::set<std::string> section_ids_;
  std::optional<GoalReport> goals_;
  std::string goals_unit_;
  std::optional<CommentaryRules> rules_;
};

}  // namespace

doc::Document build_document(const Ledger& ledger, const DocTemplate& t, const DocumentRequest& req) {
  return Assembler(ledger, t, req).build();
}

std::vector<Finding> findings_of_unit(std::vector<Finding> all, const OrgView& org, const std::string& unit) {
  std::erase_if(all, [&](const Finding& f) { return !f.where.unit.empty() && f.where.unit != unit && !org.within(f.where.unit, unit); });
  return all;
}

}  // namespace toteuma
