#include "render/simple_table_render.h"

#include <algorithm>

#include "core/fixed.h"
#include "core/format.h"
#include "core/text.h"

namespace toteuma {

namespace {

// value × 10^-decimals shown with `shown` decimals: "659,7", "16 266,45", "24".
std::string show(std::int64_t v, int decimals, int shown, const std::string& sep) {
  std::int64_t div = 1;
  for (int k = shown; k < decimals; ++k) div *= 10;
  std::int64_t r = v >= 0 ? (v + div / 2) / div : -((-v + div / 2) / div);
  std::int64_t unit = 1;
  for (int k = 0; k < shown; ++k) unit *= 10;
  std::uint64_t mag = r < 0 ? 0 - static_cast<std::uint64_t>(r) : static_cast<std::uint64_t>(r);
  // Thousands grouping of the whole part, through format_euros (which takes cents).
  std::string whole = format_euros(static_cast<Cents>(mag / static_cast<std::uint64_t>(unit)) * 100, sep);
  std::string out = (r < 0 ? "-" : "") + whole;
  if (shown > 0) {
    std::string frac = std::to_string(mag % static_cast<std::uint64_t>(unit));
    out += "," + std::string(static_cast<std::size_t>(shown) - frac.size(), '0') + frac;
  }
  return out;
}

std::string cell(const SimpleTable& t, const SimpleRow& r, std::size_t col, const std::string& sep) {
  const auto& v = r.cells[col];
  if (!v) return "";
  int shown = r.shown_decimals >= 0 ? r.shown_decimals : t.shown_decimals;
  if (col < t.column_shown_decimals.size() && t.column_shown_decimals[col] >= 0) shown = t.column_shown_decimals[col];
  return show(*v, t.decimals, shown, sep) + (r.suffix.empty() ? "" : kNbsp + r.suffix);
}

}  // namespace

std::string render_simple_text(const SimpleTable& t) {
  std::vector<std::vector<std::string>> grid;
  grid.push_back({t.label_heading});
  for (const auto& h : t.headings) grid.back().push_back(h);
  for (const auto& r : t.rows) {
    grid.push_back({std::string(static_cast<std::size_t>(std::max(0, r.level)) * 2, ' ') + r.label});
    for (std::size_t c = 0; c < r.cells.size(); ++c) grid.back().push_back(cell(t, r, c, kNbsp));
  }
  std::vector<std::size_t> w(grid.front().size(), 0);
  for (const auto& row : grid)
    for (std::size_t i = 0; i < row.size() && i < w.size(); ++i) w[i] = std::max(w[i], display_width(row[i]));
  std::string out = t.title + "\n\n";
  for (const auto& row : grid) {
    for (std::size_t i = 0; i < row.size() && i < w.size(); ++i) {
      std::string pad(w[i] - display_width(row[i]), ' ');
      out += i == 0 ? row[i] + pad : "  " + pad + row[i];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  return out + "\n";
}

std::string render_simple_csv(const SimpleTable& t) {
  std::string out = "# " + t.title + "\n" + csv_field(t.label_heading);
  for (const auto& h : t.headings) out += ";" + csv_field(h);
  out += "\n";
  for (const auto& r : t.rows) {
    out += csv_field(r.label);
    for (const auto& v : r.cells) out += ";" + (v ? decimal_comma(fixed_to_plain(*v, t.decimals)) : "");
    out += "\n";
  }
  return out;
}

std::string render_simple_html(const SimpleTable& t) {
  std::string out = "<table class=\"figures\">\n<caption>" + html_escape(t.title) + "</caption>\n<thead><tr><th scope=\"col\">" +
                    html_escape(t.label_heading) + "</th>";
  for (const auto& h : t.headings) out += "<th scope=\"col\" class=\"num\">" + html_escape(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& r : t.rows) {
    std::string cls = r.total ? "total" : r.note ? "memo" : "detail";
    out += "<tr class=\"" + cls + "\"><th scope=\"row\"" +
           (r.level > 0 ? " style=\"padding-left:" + std::to_string(1 + r.level) + "rem\"" : std::string()) + ">" +
           html_escape(r.label) + "</th>";
    for (std::size_t c = 0; c < r.cells.size(); ++c) out += "<td class=\"num\">" + cell(t, r, c, kNbsp) + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace toteuma
