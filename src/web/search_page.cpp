#include "web/search_page.h"

#include <fmt/format.h>

#include "core/i18n.h"
#include "core/text.h"
#include "store/search_index.h"
#include "web/page_text.h"

namespace toteuma::web {

namespace {

using page_text::tf;

// The index marks a matched word with \x01 … \x02: escape the text, then mark the words.
std::string marked(const std::string& excerpt) {
  std::string out;
  for (char ch : html_escape(excerpt)) {
    if (ch == '\x01')
      out += "<mark>";
    else if (ch == '\x02')
      out += "</mark>";
    else
      out += ch;
  }
  return out;
}

std::string unit_name(const Dataset& d, const std::string& unit, Lang lang) {
  const UnitVersion* newest = nullptr;
  for (const UnitVersion& u : d.units)
    if (u.id == unit && (!newest || newest->valid_from < u.valid_from)) newest = &u;
  return newest ? newest->name.shown(lang) : unit;
}

// Where a hit is read: a unit's page, its goals of the year, its texts of the year.
std::string href_of(const SearchHit& h, Lang lang) {
  std::string base = fmt::format("/{}/unit/{}", lang_code(lang), http::url_encode(h.unit));
  if (h.kind == "unit") return base;
  if (h.kind == "text") return fmt::format("{}/texts?year={}", base, h.year);
  return fmt::format("{}/goals?year={}", base, h.year);
}

http::Response search_page(const Ctx& c) {
  const Dataset& d = c.app().d;
  const std::string q = c.q("q");
  std::string body = "<h1>" + html_escape(tr("search.title", c.lang)) + "</h1>\n";
  body += fmt::format(
      "<form class=\"search\" role=\"search\" method=\"get\" action=\"/{0}/search\"><p><label for=\"q\">{1}</label> "
      "<input id=\"q\" type=\"search\" name=\"q\" value=\"{2}\" size=\"40\"> <button type=\"submit\">{3}</button></p>"
      "<p class=\"hint\">{4}</p></form>\n",
      lang_code(c.lang), html_escape(tr("search.label", c.lang)), html_escape(q), html_escape(tr("search.button", c.lang)),
      html_escape(tr("search.hint", c.lang)));
  if (!fts_query(q).empty()) {
    auto hits = c.app().search->find(q, c.lang, 100);
    body += "<p role=\"status\">" + html_escape(tf("search.count", c.lang, hits.size())) + "</p>\n";
    if (!hits.empty()) {
      body += "<ol class=\"search-hits\">\n";
      for (const SearchHit& h : hits) {
        std::string title = h.title.empty() ? h.ref : h.title;
        if (h.kind == "text") title = unit_name(d, h.unit, c.lang);
        // A text is titled by its unit already: only its year follows.
        std::string where = h.kind == "unit"   ? std::string()
                            : h.kind == "text" ? fmt::format(" · {}", h.year)
                                               : fmt::format(" · {} {}", html_escape(unit_name(d, h.unit, c.lang)), h.year);
        body += fmt::format("<li><span class=\"kind\">{}</span> <a href=\"{}\"{}>{}</a>{}<br><span class=\"excerpt\"{}>{}</span></li>\n",
                            html_escape(tr(("search.kind." + h.kind).c_str(), c.lang)), html_escape(href_of(h, c.lang)),
                            h.lang == c.lang ? "" : fmt::format(" lang=\"{}\"", lang_code(h.lang)), html_escape(title), where,
                            h.lang == c.lang ? "" : fmt::format(" lang=\"{}\"", lang_code(h.lang)), marked(h.excerpt));
      }
      body += "</ol>\n";
    }
  }
  return page(c, tr("search.title", c.lang), body, fmt::format("/{}/search?q={}", lang_code(c.other()), http::url_encode(q)));
}

}  // namespace

std::optional<http::Response> route_search(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() == 2 && parts[1] == "search" && c.req.method == "GET") return search_page(c);
  return std::nullopt;
}

}  // namespace toteuma::web
