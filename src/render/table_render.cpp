#include "render/table_render.h"

#include <fmt/format.h>

#include <mstch/mstch.hpp>

#include <algorithm>

#include "core/i18n.h"
#include "core/text.h"
#include "core/format.h"
#include "render/templates.h"

namespace toteuma {

namespace {

std::string cell_text(const std::optional<Cents>& v) { return v ? format_euros(*v) : ""; }

std::string kind_class(LineKind k) { return to_string(k); }

}  // namespace

std::string render_text(const FigureTable& t) {
  std::vector<std::vector<std::string>> grid;
  grid.push_back({tr("col.label", t.lang)});
  for (const auto& h : t.headings) grid.back().push_back(h);
  for (const auto& r : t.rows) {
    grid.push_back({r.label});
    for (const auto& v : r.values) grid.back().push_back(cell_text(v));
  }
  std::vector<std::size_t> w(grid.front().size(), 0);
  for (const auto& row : grid)
    for (std::size_t i = 0; i < row.size(); ++i) w[i] = std::max(w[i], display_width(row[i]));

  std::string out = t.unit_name + "\n";
  if (!t.responsible.empty()) out += t.responsible + "\n";
  out += t.title + " (" + tr("table.unit_note", t.lang) + ")\n\n";
  for (const auto& row : grid) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::string pad(w[i] - display_width(row[i]), ' ');
      if (i == 0)
        out += row[i] + pad;
      else
        out += "  " + pad + row[i];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  if (!t.binding_line.empty()) {
    out += "\n" + fmt::format(fmt::runtime(tr("table.binding", t.lang)), t.binding_line);
    if (t.overrun) out += " – " + tr(*t.overrun ? "table.overrun" : "table.within", t.lang);
    out += "\n";
  }
  return out;
}

std::string render_csv(const FigureTable& t) {
  std::string out = csv_field(tr("col.label", t.lang));
  for (const auto& h : t.headings) out += ";" + csv_field(h);
  out += "\n";
  for (const auto& r : t.rows) {
    out += csv_field(r.label);
    for (const auto& v : r.values) out += ";" + (v ? std::to_string(round_to_euros(*v)) : "");
    out += "\n";
  }
  return out;
}

std::string render_html_table(const FigureTable& t, const CellLink& link) {
  mstch::array headings, rows;
  for (const auto& h : t.headings) headings.push_back(h);
  for (const auto& r : t.rows) {
    mstch::array cells;
    for (std::size_t c = 0; c < r.values.size(); ++c) {
      std::string href = link && r.values[c] ? link(r, c) : "";
      cells.push_back(mstch::map{{"text", cell_text(r.values[c])}, {"href", href}});
    }
    rows.push_back(mstch::map{{"label", r.label}, {"kind", kind_class(r.kind)}, {"cells", cells}});
  }
  mstch::map ctx{{"title", t.title},
                 {"unit_name", t.unit_name},
                 {"unit_note", tr("table.unit_note", t.lang)},
                 {"label_heading", tr("col.label", t.lang)},
                 {"headings", headings},
                 {"rows", rows}};
  if (!t.binding_line.empty()) {
    ctx["binding"] = fmt::format(fmt::runtime(tr("table.binding", t.lang)), t.binding_line);
    if (t.overrun) {
      ctx["overrun_text"] = tr(*t.overrun ? "table.overrun" : "table.within", t.lang);
      ctx["overrun_class"] = std::string(*t.overrun ? "overrun" : "within");
    }
  }
  return mstch::render(std::string(embedded::figure_table_mustache), ctx);
}

std::string render_html_document(Lang lang, const std::string& heading, const std::string& title,
                                 const std::string& note, const std::string& body_html) {
  mstch::map ctx{{"lang", std::string(lang_code(lang))},
                 {"unit_name", heading},
                 {"title", title},
                 {"responsible", note},
                 {"css", std::string(embedded::style_css)},
                 {"table", body_html}};
  return mstch::render(std::string(embedded::table_page_mustache), ctx);
}

std::string render_html_page(const FigureTable& t) {
  return render_html_document(t.lang, t.unit_name, t.title, t.responsible, render_html_table(t));
}

}  // namespace toteuma
