#include "document/grids.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "core/i18n.h"

namespace toteuma {

namespace {
doc::Cell text(std::string s) { return doc::Cell{std::move(s), std::nullopt, 0, 0, false}; }
doc::Row text_row(std::vector<std::string> cells, bool note = false) {
  doc::Row r;
  for (auto& c : cells) r.cells.push_back(text(std::move(c)));
  r.note = note;
  return r;
}
}  // namespace

doc::Grid figure_grid(const FigureTable& t, const std::vector<int>& columns) {
  std::vector<std::size_t> keep;
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (columns.empty() || std::find(columns.begin(), columns.end(), static_cast<int>(c + 1)) != columns.end())
      keep.push_back(c);
  doc::Grid g;
  g.caption = t.unit_name + " – " + t.title;
  g.headings.push_back(tr("table.unit_note", t.lang));
  for (auto c : keep) g.headings.push_back(t.headings[c]);
  for (const auto& row : t.rows) {
    doc::Row r;
    r.cells.push_back(text(row.label));
    r.total = row.kind == LineKind::total;
    r.note = row.kind == LineKind::memo;
    for (auto c : keep) r.cells.push_back(doc::Cell{"", row.values[c], 2, 0, false});
    g.rows.push_back(std::move(r));
  }
  if (!t.binding_line.empty()) {
    g.note = fmt::format(fmt::runtime(tr("table.binding", t.lang)), t.binding_line);
    if (t.overrun) g.note += " – " + tr(*t.overrun ? "table.overrun" : "table.within", t.lang);
  }
  return g;
}

doc::Grid simple_grid(const SimpleTable& t) {
  doc::Grid g;
  g.caption = t.title;
  g.headings.push_back(t.label_heading);
  for (const auto& h : t.headings) g.headings.push_back(h);
  for (const auto& row : t.rows) {
    doc::Row r;
    r.cells.push_back(text(row.label));
    r.level = row.level;
    r.total = row.total;
    r.note = row.note;
    int shown = row.shown_decimals >= 0 ? row.shown_decimals : t.shown_decimals;
    for (const auto& v : row.cells) r.cells.push_back(doc::Cell{"", v, t.decimals, shown, false});
    g.rows.push_back(std::move(r));
  }
  return g;
}

std::vector<doc::Grid> goal_grids(const GoalReport& r) {
  std::vector<doc::Grid> out;
  for (const auto& group : r.groups) {
    doc::Grid g;
    g.caption = group.heading;
    g.headings = r.headings;
    for (const auto& c : group.city_goals) {
      doc::Row row = text_row({tr("goals.city", r.lang) + ": " + c}, true);
      row.cells.resize(r.headings.size(), text(""));
      g.rows.push_back(std::move(row));
    }
    for (const auto& l : group.lines)
      g.rows.push_back(text_row({l.key_goal, l.area_goal, l.actions, l.responsible,
                                 l.realisation.empty() ? "–" : l.realisation, goal_status_text(l, r.lang)}));
    out.push_back(std::move(g));
  }
  if (!out.empty()) {
    doc::Grid s;
    s.caption = tr("goals.summary", r.lang);
    s.headings = {tr("goals.col.status", r.lang), tr("doc.col.count", r.lang)};
    for (const auto& [status, n] : r.summary)
      s.rows.push_back({{text(tr("status." + to_string(status), r.lang)), doc::Cell{"", n, 0, 0, false}}, 0, false, false, {}});
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<doc::Grid> metric_grids(const GoalReport& r) {
  std::vector<doc::Grid> out;
  if (!r.metrics.empty()) {
    doc::Grid g;
    g.caption = tr("goals.metrics", r.lang);
    g.headings = {tr("goals.metric", r.lang), tr("goals.target", r.lang), tr("goals.value", r.lang),
                  tr("goals.col.status", r.lang)};
    for (const auto& m : r.metrics)
      g.rows.push_back(text_row({m.name, m.target, m.value + (m.source.empty() ? "" : " (" + m.source + ")"),
                                 tr("status." + to_string(m.status), r.lang)}));
    out.push_back(std::move(g));
  }
  for (const auto& b : r.reviews) {
    doc::Grid g;
    g.caption = b.title + " " + to_display(b.date);
    g.headings = {tr("goals.col.goal", r.lang), tr("goals.col.status", r.lang), tr("goals.comment", r.lang)};
    for (const auto& l : b.lines) g.rows.push_back(text_row({l.goal, tr("status." + to_string(l.status), r.lang), l.text}));
    out.push_back(std::move(g));
  }
  return out;
}

doc::Grid findings_grid(const std::vector<Finding>& findings, Lang lang, std::size_t limit) {
  doc::Grid g;
  g.caption = tr("doc.checks.table", lang);
  g.headings = {tr("web.col.severity", lang), tr("web.col.rule", lang), tr("web.col.where", lang),
                tr("doc.col.message", lang)};
  for (std::size_t i = 0; i < findings.size() && i < limit; ++i) {
    const Finding& f = findings[i];
    std::string where = f.where.unit;
    if (!f.where.row.empty()) where += (where.empty() ? "" : " / ") + f.where.row;
    if (!f.where.column.empty()) where += (where.empty() ? "" : " / ") + f.where.column;
    if (f.where.year) where += (where.empty() ? "" : " / ") + std::to_string(*f.where.year);
    g.rows.push_back(text_row({tr("sev." + to_string(f.severity), lang), f.rule, where, lang == Lang::fi ? f.fi : f.sv}));
  }
  if (findings.size() > limit)
    g.note = fmt::format(fmt::runtime(tr("doc.checks.more", lang)), findings.size() - limit);
  return g;
}

}  // namespace toteuma
