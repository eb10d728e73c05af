// The versions of a budget round compared (issue 16 item 4) on the web: a unit chooser, the
// `table --kind budget-versions` table of the chosen unit, and the binding units' distance from
// their frames as an SVG chart (render/svg_chart: role="img" with a text alternative) followed by
// the same figures as a table.
#include <fmt/format.h>

#include <set>

#include "core/budgeting/budget_round.h"
#include "core/budgeting/frame_chart.h"
#include "core/budgeting/version_table.h"
#include "core/i18n.h"
#include "core/text.h"
#include "render/simple_table_render.h"
#include "render/svg_chart.h"
#include "web/page_text.h"
#include "web/round_page.h"

namespace toteuma::web {

namespace {
using namespace page_text;
// The versions the table shows unless the reader picks: the newest two (in a round: the step just taken).
constexpr std::size_t kNewestShown = 2;
// Sub-units indented in the chooser by non-breaking spaces (an option holds no markup).
std::string indent(int depth) {
  std::string out;
  for (int i = 0; i < depth; ++i) out += "\u00a0\u00a0\u00a0";
  return out;
}
}  // namespace

http::Response round_compare_page(const Ctx& c, int year, const Municipality& m) {
  const Dataset& d = c.app().d;
  const std::string unit = c.q("unit", m.id);
  if (!d.has_unit(unit) || d.municipality_of(unit).id != m.id) return not_found(c);
  OrgView org = d.org_on(Date::first_of_year(year));
  std::string options;
  for (const auto& [u, depth] : org.tree()) {
    if (!org.within(u->id, m.id)) continue;
    options += fmt::format("<option value=\"{}\"{}>{}{}</option>", e(u->id), u->id == unit ? " selected" : "",
                           indent(depth), e(u->name.shown(c.lang)));
  }
  std::string muni_field = m.id == d.primary().id ? "" : "<input type=\"hidden\" name=\"municipality\" value=\"" + e(m.id) + "\">";
  std::string body = "<h1>" + e(tf("round.compare.title", c.lang, year)) + "</h1>\n";
  body += fmt::format("<p><a href=\"/{}/budget/{}{}\">{}</a></p>\n", lc(c.lang), year, e(municipality_query(c, m)),
                      e(tr("round.compare.back", c.lang)));
  body += fmt::format("<form class=\"chooser\" method=\"get\" action=\"/{}/budget/{}/versions\">{}<p><label for=\"unit\">{}</label> "
                      "<select id=\"unit\" name=\"unit\">{}</select> <button type=\"submit\">{}</button></p></form>\n",
                      lc(c.lang), year, muni_field, e(tr("round.col.unit", c.lang)), options, e(tr("round.compare.show", c.lang)));
  // Many versions make the table wide, and the newest — the one a reader compares — would start
  // off-screen. So the table shows the versions picked (by default the two newest: the step just
  // taken), in the round's order, next to TP and TA and the change columns; the rest are a tick away.
  // What does not fit still scrolls in a region of its own, its labels kept in view.
  std::set<std::string> shown;
  const auto versions = versions_of(d, year);
  std::string picks;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const BudgetVersion* v = versions[i];
    bool on = c.q("pick").empty() ? i + kNewestShown >= versions.size() : c.q(("v_" + v->id).c_str()) == "1";
    if (on) shown.insert(v->id);
    picks += fmt::format("<label><input type=\"checkbox\" name=\"v_{}\" value=\"1\"{}> {}</label> ", e(v->id), on ? " checked" : "",
                         e(v->name.shown(c.lang).empty() ? v->id : v->name.shown(c.lang)));
  }
  if (!versions.empty())
    body += fmt::format("<form class=\"chooser\" method=\"get\" action=\"/{}/budget/{}/versions\">{}<input type=\"hidden\" name=\"unit\" value=\"{}\">"
                        "<input type=\"hidden\" name=\"pick\" value=\"1\"><fieldset class=\"version-pick\"><legend>{}</legend>{}"
                        "<button type=\"submit\">{}</button></fieldset></form>\n",
                        lc(c.lang), year, muni_field, e(unit), e(tr("round.compare.pick", c.lang)), picks, e(tr("round.compare.show", c.lang)));
  SimpleTable table = budget_versions_table(d, unit, year, c.lang, &shown);
  body += fmt::format("<div class=\"wide versions\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">{}</div>\n", e(table.title),
                      render_simple_html(table));
  doc::Chart chart = frame_distance_chart(d, m.id, year, c.lang);
  if (!chart.categories.empty() && !chart.series.empty()) {
    // The SVG carries its text alternative (title and desc); the table below says the same.
    body += fmt::format("<h2>{}</h2>\n<figure class=\"chart\">{}</figure>\n", e(chart.title), render_svg_chart(chart, c.lang));
    body += "<div class=\"frame-distances\">" + render_simple_html(frame_distance_table(chart, c.lang)) + "</div>\n";
  }
  std::string query = fmt::format("?unit={}{}", http::url_encode(unit), m.id == d.primary().id ? "" : "&municipality=" + http::url_encode(m.id));
  return page(c, tf("round.compare.title", c.lang, year), body, fmt::format("/{}/budget/{}/versions{}", lc(c.other()), year, query), 200, unit);
}

}  // namespace toteuma::web
