#include "web/ledger_rows_page.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/finance/follow_up.h"
#include "core/finance/ledger.h"
#include "core/format.h"
#include "core/i18n.h"
#include "ingest/ledger_fields.h"
#include "web/ledger_import.h"
#include "web/page_text.h"

namespace toteuma::web {

using namespace page_text;

std::string ledger_rows_href(Lang lang, const std::string& unit, int year, const std::string& line, int month) {
  return fmt::format("/{}/unit/{}/ledger?year={}&line={}&month={}", lc(lang), http::url_encode(unit), year, http::url_encode(line), month);
}

http::Response ledger_rows_page(const Ctx& c, const std::string& unit) {
  const Snapshot& app = c.app();
  Lang lang = c.lang;
  const UnitVersion* u = latest_version(app.d, unit);
  if (!u) return not_found(c);
  auto year = parse_year(c.q("year"));
  auto month_opt = ledger::parse_month(c.q("month"));
  const Line* line = app.d.chart.find(c.q("line"));
  if (!year || !month_opt || !line) return bad_request(lang);
  int month = *month_opt;
  std::string where = tf("ledger_rows.where", lang, u->name.shown(lang), line->name.shown(lang), month, *year);
  std::string title = tr("ledger_rows.title", lang);
  std::string other = ledger_rows_href(c.other(), unit, *year, line->id, month);
  std::string back = fmt::format("<p><a href=\"/{}/unit/{}?year={}&amp;kind=follow-up&amp;month={}\">{}</a></p>\n", lc(lang), e(unit),
                                 *year, month, e(tr("ledger_rows.back", lang)));
  auto months = ledger_months(app.ledger_actuals, *year);
  if (std::find(months.begin(), months.end(), month) == months.end()) {
    std::string body = "<h1>" + e(title) + "</h1>\n<p>" + e(where) + "</p>\n<p>" +
                       e(tf("ledger.no_month", lang, fmt::format("{:04}-{:02}", *year, month))) + "</p>\n" + back;
    return page(c, title, body, other, 404, unit);
  }
  LedgerRows found;
  try {
    found = c.state.with_ledger([&](LedgerStore& l) { return ledger_rows(app.d, l, unit, line->id, *year, month, false, lang); });
  } catch (const std::runtime_error& err) {  // a kept source file gone: the catalogue's words
    std::string body = "<h1>" + e(title) + "</h1>\n<p>" + e(where) + "</p>\n<p role=\"alert\">" + e(err.what()) + "</p>\n" + back;
    return page(c, title, body, other, 500, unit);
  }
  std::string body = "<h1>" + e(title) + "</h1>\n<p class=\"lead\">" + e(where) + "</p>\n";
  body += "<dl class=\"figure-sum\">";
  body += "<dt>" + e(tr("ledger_rows.figure", lang)) + "</dt><dd class=\"num\">" +
          (found.figure ? e(format_euro_cents(*found.figure)) : std::string("–")) + "</dd>";
  body += "<dt>" + e(tr("ledger_rows.count", lang)) + "</dt><dd class=\"num\">" + e(group_digits(found.rows.size())) + "</dd>";
  body += "<dt>" + e(tr("ledger_rows.sum", lang)) + "</dt><dd class=\"num\" id=\"rows-sum\">" + e(format_euro_cents(found.sum)) + "</dd></dl>\n";
  if (found.figure.value_or(0) != found.sum) body += "<p class=\"notice\" role=\"status\">" + e(tr("ledger.figure_differs", lang)) + "</p>\n";
  body += back;
  if (!found.rows.empty()) {
    body += fmt::format("<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table class=\"ledger-rows\">\n"
                        "<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th>"
                        "<th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                        e(title), e(where), e(tr("ledger_rows.col.file", lang)), e(tr("ledger_rows.col.line", lang)),
                        e(tr("ledger_rows.col.row", lang)), e(tr("ledger_rows.col.amount", lang)));
    for (const auto& [file, r] : found.rows)
      body += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td><code>{}</code></td><td class=\"num\">{}</td></tr>\n", e(file), r.line,
                          e(r.text), e(format_euro_cents(r.amount)));
    body += "</tbody></table></div>\n";
  }
  return page(c, title + " – " + where, body, other, 200, unit);
}

}  // namespace toteuma::web
