#include "web/calendar_page.h"

#include <fmt/format.h>

#include <set>

#include "core/workplace/calendar.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "render/annual_clock.h"
#include "web/calendar_edit.h"

namespace toteuma::web {

namespace {

http::Response calendar_page(const Ctx& c) {
  const Dataset& d = c.app().d;
  std::string muni = c.q("municipality", d.primary().id);
  std::set<int> years;
  for (const auto& item : d.calendar)
    if (item.municipality == muni) years.insert(item.year);
  Date now = today();
  int fallback = years.empty() || years.count(now.year) ? now.year : *years.rbegin();
  auto year = year_param(c.req, fallback);
  if (!year) return bad_request(c.lang);
  auto items = calendar_of(d.calendar, muni, *year);
  std::optional<Date> today_in = now.year == *year ? std::optional<Date>(now) : std::nullopt;
  std::string lang = std::string(lang_code(c.lang));
  std::string body = "<h1>" + html_escape(tr("web.calendar", c.lang)) + " " + std::to_string(*year) + "</h1>\n";
  body += "<nav aria-label=\"" + html_escape(tr("web.year", c.lang)) + "\"><p>";
  for (int y : years)
    body += fmt::format(" <a href=\"/{}/calendar?year={}&amp;municipality={}\"{}>{}</a>", lang, y, html_escape(muni),
                        y == *year ? " aria-current=\"page\"" : "", y);
  body += "</p></nav>\n";
  body += calendar_edit_link(c, *year, muni);  // admin, finance (web/calendar_edit.cpp)
  if (items.empty()) {
    body += "<p>" + html_escape(tr("web.calendar_empty", c.lang)) + "</p>\n";
  } else {
    body += "<figure class=\"clock\">" + render_annual_clock_svg(items, c.lang, *year, today_in) + "</figure>\n";
    body += render_annual_clock_list_html(items, c.lang, today_in);
  }
  return page(c, tr("web.calendar", c.lang), body,
              fmt::format("/{}/calendar?year={}&municipality={}", lang_code(c.other()), *year, html_escape(muni)));
}

}  // namespace

std::optional<http::Response> route_calendar(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() == 2 && parts[1] == "calendar" && c.req.method == "GET") return calendar_page(c);
  return std::nullopt;
}

}  // namespace toteuma::web
