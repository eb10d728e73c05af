#include "web/unit_nav.h"

#include <fmt/format.h>

#include <vector>

#include "core/i18n.h"
#include "core/text.h"

namespace toteuma::web {

namespace {

struct Tab {
  const char* label;   // catalogue key
  std::string path;    // after /{lang}/unit/{unit}
  std::string kind;    // the unit page's ?kind= that marks this tab ("" = any other)
  std::vector<std::string> also = {};  // other pages of the tab (editing it, explaining a figure)
};

}  // namespace

std::string unit_nav_html(const Ctx& c, const std::string& unit) {
  if (!c.viewer.logged_in()) return "";
  const Dataset& d = c.app().d;
  const UnitVersion* u = latest_version(d, unit);
  if (!u) return "";
  std::string lang(lang_code(c.lang));
  std::string year = c.q("year");
  std::string year_q = parse_year(year) ? "?year=" + year : "";

  // The breadcrumb: the unit's parents up to the municipality (each its latest name), then the unit.
  std::vector<const UnitVersion*> chain{u};
  while (!chain.back()->parent.empty() && chain.size() < 32) {
    const UnitVersion* p = latest_version(d, chain.back()->parent);
    if (!p) break;
    chain.push_back(p);
  }
  std::string out = fmt::format("<nav class=\"unit-nav\" aria-label=\"{}\">\n<ol class=\"crumbs\">",
                                html_escape(tr("web.unit_nav", c.lang)));
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    bool self = *it == u;
    out += fmt::format("<li><a href=\"/{}/unit/{}{}\"{}>{}</a></li>", lang, html_escape((*it)->id), year_q,
                       self ? " aria-current=\"location\"" : "", html_escape((*it)->name.shown(c.lang)));
  }
  out += "</ol>\n<ul class=\"tabs\">";

  std::vector<Tab> tabs{{"web.tab.figures", "", "", {"/figures", "/explain"}},
                        {"web.tab.follow_up", "", "follow-up", {"/ledger"}},
                        {"web.goals", "/goals", "", {"/goals/edit"}},
                        {"web.personnel", "/personnel", ""},
                        {"web.texts", "/texts", "", {"/narrative"}},
                        {"web.review", "/review", ""}};
  if (c.app().ledger_years.empty()) tabs.erase(tabs.begin() + 1);
  std::string base = fmt::format("/{}/unit/{}", lang, unit);
  std::string here = c.req.path;
  bool follow_up = c.q("kind") == "follow-up";
  for (const Tab& t : tabs) {
    std::string href = base + t.path;
    std::string query = t.kind.empty() ? year_q : "?kind=" + t.kind;
    bool current = here == href && (t.path.empty() ? follow_up == !t.kind.empty() : true);
    for (const std::string& other : t.also) current = current || here == base + other;
    out += fmt::format("<li><a href=\"{}{}\"{}>{}</a></li>", html_escape(href), html_escape(query),
                       current ? " aria-current=\"page\"" : "", html_escape(tr(t.label, c.lang)));
  }
  out += fmt::format("<li><a href=\"/{}/audit?unit={}\"{}>{}</a></li>", lang, html_escape(unit),
                     here == "/" + lang + "/audit" ? " aria-current=\"page\"" : "", html_escape(tr("web.audit", c.lang)));
  out += "</ul>\n</nav>\n";
  return out;
}

}  // namespace toteuma::web
