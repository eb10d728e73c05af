// The read-only pages: organisation, a unit's figure tables, follow-up, explanations, personnel,
// goals, generated documents and the check findings.
#include "web/comment_pages.h"
#include "web/web_templates.h"
#include "web/read_pages.h"

#include <fmt/format.h>

#include <mstch/mstch.hpp>

#include "core/workplace/access.h"
#include "core/finance/explain.h"
#include "core/finance/follow_up.h"
#include "core/finance/investment_table.h"
#include "core/finance/investments.h"
#include "core/finance/key_figures.h"
#include "core/goals/goal_report.h"
#include "core/i18n.h"
#include "core/personnel/personnel_tables.h"
#include "core/finance/report_table.h"
#include "core/text.h"
#include "document/builder.h"
#include "document/template.h"
#include "render/collate.h"
#include "render/document_output.h"
#include "web/pdf_jobs.h"
#include "render/explain_render.h"
#include "render/goal_render.h"
#include "render/simple_table_render.h"
#include "render/table_render.h"
#include "web/ledger_rows_page.h"

namespace toteuma::web {

namespace {

// Links to the unit's workplace: texts, goals, figures (finance only), audit trail.
void add_work_links(mstch::map& ctx, const Ctx& c, const std::string& unit, int year) {
  std::string l(lang_code(c.lang));
  ctx["texts_href"] = fmt::format("/{}/unit/{}/texts?year={}", l, unit, year);
  ctx["texts_label"] = tr("web.texts", c.lang);
  ctx["goals_edit_href"] = fmt::format("/{}/unit/{}/goals/edit?year={}", l, unit, year);
  ctx["goals_edit_label"] = tr("web.edit_goals", c.lang);
  ctx["figures_href"] = c.viewer.user && may_edit_figures(*c.viewer.user) ? fmt::format("/{}/unit/{}/figures", l, unit) : std::string();
  ctx["figures_label"] = tr("web.figures", c.lang);
  ctx["audit_href"] = fmt::format("/{}/audit?unit={}", l, unit);
  ctx["audit_label"] = tr("web.audit", c.lang);
}

// The tables a unit page offers; a municipality's root also its income statement and financing
// parts, in the annual report's and the budget's columns.
mstch::array kind_options(const Ctx& c, const std::string& kind_s, const std::string& unit) {
  mstch::array kinds;
  for (auto [k, key] : {std::pair{"annual-report", "web.kind.annual_report"}, std::pair{"budget", "web.kind.budget"},
                        std::pair{"follow-up", "web.kind.follow_up"}})
    if (std::string(k) != "follow-up" || !c.app().ledger_years.empty())
      kinds.push_back(mstch::map{{"value", std::string(k)}, {"label", tr(key, c.lang)}, {"selected", kind_s == k}});
  const UnitVersion* u = latest_version(c.app().d, unit);
  auto offer = [&](const char* part, const char* part_key, std::initializer_list<std::pair<const char*, const char*>> layouts) {
    for (auto [layout, key] : layouts) {
      std::string v = std::string(part) + ":" + layout;
      kinds.push_back(mstch::map{{"value", v}, {"label", tr(part_key, c.lang) + " – " + tr(key, c.lang)}, {"selected", kind_s == v}});
    }
  };
  std::pair<const char*, const char*> annual{"annual-report", "web.kind.annual_report"}, budget{"budget", "web.kind.budget"},
      follow{"follow-up", "web.kind.follow_up"};
  if (u && u->parent.empty()) {
    offer("income-statement", "part.income_statement", {annual, budget});
    offer("cash-flow", "part.cash_flow", {annual, budget});
  }
  if (!groups_of(c.app().d, unit).empty()) {
    if (c.app().ledger_years.empty()) offer("investments", "part.investments", {annual, budget});
    else offer("investments", "part.investments", {annual, budget, follow});
  }
  if (u && u->parent.empty() && !c.app().d.key_figures.empty()) offer("key-figures", "part.key_figures", {annual, budget});
  return kinds;
}

// The summary's forecast column (core/finance/follow_up.h: TA | month | to date | forecast | deviation).
constexpr std::size_t kFollowUpForecastColumn = 3;
constexpr std::size_t kFollowUpMonthColumn = 1;  // the month's actual: its ledger rows

// Finance closes the months of a year up to one (or reopens them by choosing an earlier one).
std::string close_form(const Ctx& c, const std::string& unit, int year, int last_imported, int closed) {
  Lang lang = c.lang;
  std::string options;
  for (int m = 0; m <= last_imported; ++m)
    options += fmt::format("<option value=\"{}\"{}>{}</option>", m, m == std::max(closed, 0) ? " selected" : "",
                           m == 0 ? html_escape(tr("followup.close_none", lang)) : fmt::format("1–{}/{}", m, year));
  return fmt::format(
      "<form class=\"edit inline\" method=\"post\" action=\"/{}/ledger/close\"><input type=\"hidden\" name=\"csrf\" value=\"{}\">"
      "<input type=\"hidden\" name=\"year\" value=\"{}\"><input type=\"hidden\" name=\"unit\" value=\"{}\">"
      "<label for=\"close-month\">{}</label> <select id=\"close-month\" name=\"month\">{}</select> <button type=\"submit\">{}</button></form>\n",
      lang_code(lang), html_escape(c.viewer.csrf), year, html_escape(unit), html_escape(tr("followup.close_label", lang)), options,
      html_escape(tr("followup.close_button", lang)));
}

// ?month= (1–12), else `fallback`; nullopt for anything else.
std::optional<int> month_param(const http::Request& req, int fallback) {
  auto it = req.query.find("month");
  if (it == req.query.end()) return fallback;
  const std::string& m = it->second;
  int month = m.size() >= 1 && m.size() <= 2 && std::all_of(m.begin(), m.end(), [](char c) { return c >= '0' && c <= '9'; })
                  ? std::stoi(m) : 0;
  return month >= 1 && month <= 12 ? std::optional<int>(month) : std::nullopt;
}

// The in-year follow-up from the general ledger: ?year=&month=, by default the latest month
// imported. The three tables (euros, realisation %, months) take the figure table's place.
http::Response follow_up_page(const Ctx& c, const std::string& unit, const http::Request& req, bool csv) {
  const Snapshot& app = c.app();
  Lang lang = c.lang;
  auto year_opt = year_param(req, app.ledger_years.empty() ? app.default_year : *app.ledger_years.rbegin());
  if (!year_opt) return bad_request(lang);
  int year = *year_opt;
  const UnitVersion* latest = latest_version(app.d, unit);
  if (!latest) return not_found(c);
  auto months = ledger_months(app.ledger_actuals, year);
  auto month_opt = month_param(req, months.empty() ? 0 : months.back());
  if (!month_opt) return bad_request(lang);
  int month = *month_opt;
  std::string body = "<p>" + html_escape(fmt::format(fmt::runtime(tr("followup.no_ledger", lang)), year)) + "</p>\n";
  std::string name = latest->name.shown(lang), responsible;
  std::string query = fmt::format("?year={}&kind=follow-up", year) + (month ? fmt::format("&month={}", month) : "");
  if (!months.empty()) {
    if (month > months.back()) return bad_request(lang);
    FollowUp fu;
    try {
      fu = build_follow_up(app.follow_up_input(year), unit, year, month, lang);
    } catch (const TableError&) {
      return not_found(c);
    }
    if (csv) {
      http::Response r{200, "text/csv; charset=utf-8",
                       std::string(kUtf8Bom) + render_csv(fu.summary) + "\n" + render_simple_csv(fu.forecast_parts) + "\n" +
                           render_simple_csv(fu.realisation) + "\n" + render_csv(fu.monthly),
                       {}};
      r.headers.emplace_back("Content-Disposition",
                             fmt::format("attachment; filename=\"{}-follow-up-{}-{:02}-{}.csv\"", unit, year, month, lang_code(lang)));
      return r;
    }
    name = fu.summary.unit_name;
    responsible = fu.summary.responsible;
    body = fmt::format("<nav class=\"months\" aria-label=\"{}\"><p>", tr("web.month", lang));
    for (int m : months)
      body += fmt::format(" <a href=\"/{}/unit/{}?year={}&amp;kind=follow-up&amp;month={}\"{}>{}/{}</a>", lang_code(lang),
                          html_escape(unit), year, m, m == month ? " aria-current=\"page\"" : "", m, year);
    body += "</p></nav>\n<p class=\"closed\">" +
            html_escape(fu.closed ? fmt::format(fmt::runtime(tr("followup.closed", lang)), fu.closed, year)
                                  : fmt::format(fmt::runtime(tr("followup.none_closed", lang)), year)) +
            "</p>\n";
    if (c.viewer.user && may_edit_figures(*c.viewer.user))
      body += close_form(c, unit, year, months.back(), fu.closed) +
              fmt::format("<p><a href=\"/{}/import\">{}</a></p>\n", lang_code(lang), html_escape(tr("import.link", lang)));
    body += render_html_table(fu.summary, [&](const TableRow& row, std::size_t col) {
              if (col == kFollowUpMonthColumn) return ledger_rows_href(lang, unit, year, row.line, month);
              return col == kFollowUpForecastColumn
                         ? fmt::format("/{}/unit/{}/explain?year={}&kind=follow-up&month={}&line={}&col={}", lang_code(lang), unit,
                                       year, month, row.line, col)
                         : std::string();
            }) +
            render_simple_html(fu.forecast_parts) + render_simple_html(fu.realisation) +
            render_html_table(fu.monthly, [&](const TableRow& row, std::size_t col) {  // month m is column m-1
              return col < static_cast<std::size_t>(month) ? ledger_rows_href(lang, unit, year, row.line, static_cast<int>(col) + 1)
                                                           : std::string();
            });
  } else if (csv) {
    return not_found(c);
  }
  mstch::array years, children;
  for (int y : app.years) years.push_back(mstch::map{{"value", std::to_string(y)}, {"selected", y == year}});
  OrgView org(app.d.units, Date{year, std::max(month, 1), 1});
  auto kids = org.children(unit);
  sort_by_name(kids, lang, [&](const UnitVersion* u) { return u->name.shown(lang); });
  for (const UnitVersion* c : kids)
    children.push_back(mstch::map{{"href", fmt::format("/{}/unit/{}{}", lang_code(lang), c->id, query)}, {"name", c->name.shown(lang)}});
  mstch::map ctx{{"lang", std::string(lang_code(lang))}, {"unit_id", unit}, {"unit_name", name}, {"responsible", responsible},
                 {"year_label", tr("web.year", lang)}, {"kind_label", tr("web.kind", lang)}, {"show_label", tr("web.show", lang)},
                 {"years", years}, {"kinds", kind_options(c, "follow-up", unit)}, {"table", body},
                 {"explain_hint", std::string()},
                 {"personnel_href", fmt::format("/{}/unit/{}/personnel?year={}", lang_code(lang), unit, year)},
                 {"personnel_label", tr("web.personnel", lang)},
                 {"goals_href", fmt::format("/{}/unit/{}/goals?year={}", lang_code(lang), unit, year)},
                 {"goals_label", tr("web.goals", lang)},
                 {"csv_href", fmt::format("/{}/unit/{}/table.csv{}", lang_code(lang), unit, query)},
                 {"has_children", !children.empty()}, {"children", children}, {"sub_heading", tr("web.subunits", lang)}};
  add_work_links(ctx, c, unit, year);
  Lang other = lang == Lang::fi ? Lang::sv : Lang::fi;
  return page(c, name, mstch::render(std::string(embedded::unit_mustache), ctx),
              fmt::format("/{}/unit/{}{}", lang_code(other), unit, query), 200, unit);
}

// The unit's generated documents of a year in every format (annual report of the year, budget
// book, service plan and personnel plan of the next).
mstch::array document_links(Lang lang, const std::string& unit, int year) {
  mstch::array out;
  for (const auto& kind : document_kinds()) {
    int y = kind == "annual-report" ? year : year + 1;
    mstch::array formats;
    for (const char* f : {"html", "pdf", "docx", "xlsx"})
      formats.push_back(mstch::map{
          {"href", fmt::format("/{}/unit/{}/document?doc={}&year={}&format={}", lang_code(lang), unit, kind, y, f)},
          {"label", std::string(f == std::string("html") ? "HTML" : f == std::string("pdf") ? "PDF" : f == std::string("docx") ? "Word" : "Excel")}});
    out.push_back(mstch::map{{"name", tr("doc.kind." + kind, lang) + " " + std::to_string(y)}, {"formats", formats}});
  }
  return out;
}

// A generated document (document/, render/document_output) in the asked format.
http::Response document_page(const Ctx& c, const std::string& unit, const http::Request& req) {
  const Snapshot& app = c.app();
  Lang lang = c.lang;
  auto year = year_param(req, app.default_year);
  auto param = [&](const char* k, const char* fallback) {
    auto it = req.query.find(k);
    return it == req.query.end() ? std::string(fallback) : it->second;
  };
  std::string kind = param("doc", "annual-report"), format = param("format", "html");
  bool known_kind = std::find(document_kinds().begin(), document_kinds().end(), kind) != document_kinds().end();
  if (!year || !known_kind || !is_document_format(format)) return bad_request(lang);
  if (!app.d.has_unit(unit) || !app.d.org_on(Date{*year, 1, 1}).find(unit)) return not_found(c);
  auto make = [snap = c.snap, kind, unit, year = *year, lang, format, day = today()] {
    doc::Document d = build_document(snap->ledger, template_for(snap->d, kind), {unit, year, lang, day});
    http::Response r{200, document_media_type(format), render_document(d, format), {}};
    if (format != "html")
      r.headers.push_back({"Content-Disposition", fmt::format("attachment; filename=\"{}-{}-{}-{}.{}\"", kind, unit, year,
                                                              lang_code(lang), format)});
    return r;
  };
  // A PDF is printed by Chromium on a background thread, never on this request thread.
  if (format == "pdf") return pdf_later_or_busy(c, make);
  return make();
}

// The investment part and the key figures print rows of their own (projects, key figures), not
// chart lines: `kind` "investments:annual-report|budget|follow-up" or "key-figures:annual-report|budget".
// nullopt for any other kind; throws BadView for a kind or month that names no table.
struct BadView {};
std::optional<SimpleTable> part_table(const Ctx& c, const std::string& unit, const std::string& kind, int year,
                                      const http::Request& req) {
  const Snapshot& app = c.app();
  auto colon = kind.find(':');
  std::string part = kind.substr(0, colon), layout = colon == std::string::npos ? "" : kind.substr(colon + 1);
  if (part != "investments" && part != "key-figures") return std::nullopt;
  if (part == "investments" && layout == "follow-up") {
    auto months = ledger_months(app.ledger_actuals, year);
    if (months.empty()) throw BadView{};
    auto month = month_param(req, months.back());
    if (!month) throw BadView{};
    return investment_follow_up_table(app.d, app.ledger_investments, unit, year, *month, c.lang);
  }
  auto kind_of = parse_table_kind(layout);
  if (!kind_of) throw BadView{};
  if (part == "investments") return investment_table(app.d, unit, year, *kind_of, c.lang);
  return key_figure_table(app.ledger, unit, year, *kind_of, c.lang);
}

http::Response unit_page(const Ctx& c, const std::string& unit, const http::Request& req,
                         bool csv) {
  const Snapshot& app = c.app();
  Lang lang = c.lang;
  if (auto it = req.query.find("kind"); it != req.query.end() && it->second == "follow-up")
    return follow_up_page(c, unit, req, csv);
  auto year_opt = year_param(req, app.default_year);
  if (!year_opt) return bad_request(lang);
  int year = *year_opt;
  std::string kind_s = "annual-report";
  if (auto it = req.query.find("kind"); it != req.query.end()) kind_s = it->second;
  std::optional<SimpleTable> st;
  try {
    st = part_table(c, unit, kind_s, year, req);
  } catch (const BadView&) {
    return bad_request(lang);
  } catch (const TableError&) {
    return not_found(c);
  }
  if (st && !latest_version(app.d, unit)) return not_found(c);
  bool annual = kind_s.find("annual-report") != std::string::npos;
  auto view = st ? std::optional<TableView>(TableView{annual ? TableKind::annual_report : TableKind::budget, Part::operating})
                 : parse_table_view(kind_s);
  if (!view) return bad_request(lang);

  FigureTable t;
  if (st) {
    t.unit_name = latest_version(app.d, unit)->name.shown(lang);
  } else {
    try {
      t = build_table(app.ledger, unit, year, view->layout, lang, view->part);
    } catch (const TableError&) {
      return not_found(c);
    }
  }
  std::string query = fmt::format("?year={}&kind={}", year, kind_s);
  if (csv) {
    // The file is named after the view: "<unit>-income-statement-budget-2025-fi.csv".
    std::string name = kind_s;
    std::replace(name.begin(), name.end(), ':', '-');
    if (name.size() > 14 && name.substr(name.size() - 14) == "-annual-report") name.resize(name.size() - 14);
    http::Response r{200, "text/csv; charset=utf-8",
                     std::string(kUtf8Bom) + (st ? render_simple_csv(*st) : render_csv(t)), {}};
    r.headers.emplace_back("Content-Disposition", fmt::format("attachment; filename=\"{}-{}-{}-{}.csv\"", unit, name, year,
                                                              lang_code(lang)));
    return r;
  }

  mstch::array years, kinds = kind_options(c, kind_s, unit), children;
  for (int y : app.years) years.push_back(mstch::map{{"value", std::to_string(y)}, {"selected", y == year}});
  Date on = view->layout == TableKind::annual_report ? Date::last_of_year(year) : Date::first_of_year(year);
  OrgView org(app.d.units, on);
  auto kids = org.children(unit);
  sort_by_name(kids, lang, [&](const UnitVersion* u) { return u->name.shown(lang); });
  // Sub-units show their operating part (the statutory parts are the municipality's).
  std::string child_query = fmt::format("?year={}&kind={}", year, view->layout == TableKind::budget ? "budget" : "annual-report");
  for (const UnitVersion* c : kids)
    children.push_back(mstch::map{{"href", fmt::format("/{}/unit/{}{}", lang_code(lang), c->id, child_query)},
                                  {"name", c->name.shown(lang)}});
  mstch::map ctx{{"lang", std::string(lang_code(lang))},
                 {"unit_id", unit},
                 {"unit_name", t.unit_name},
                 {"responsible", t.responsible},
                 {"year_label", tr("web.year", lang)},
                 {"kind_label", tr("web.kind", lang)},
                 {"show_label", tr("web.show", lang)},
                 {"years", years},
                 {"kinds", kinds},
                 {"table", st ? render_simple_html(*st) : render_html_table(t, [&](const TableRow& row, std::size_t c) {
                    return fmt::format("/{}/unit/{}/explain?year={}&kind={}&line={}&col={}", lang_code(lang), unit, year,
                                       kind_s, row.line, c);
                  })},
                 {"explain_hint", st ? std::string() : tr("web.explain_hint", lang)},
                 {"personnel_href", fmt::format("/{}/unit/{}/personnel?year={}", lang_code(lang), unit, year)},
                 {"personnel_label", tr("web.personnel", lang)},
                 {"goals_href", fmt::format("/{}/unit/{}/goals?year={}", lang_code(lang), unit, year)},
                 {"goals_label", tr("web.goals", lang)},
                 {"csv_href", fmt::format("/{}/unit/{}/table.csv{}", lang_code(lang), unit, query)},
                 {"has_children", !children.empty()},
                 {"children", children},
                 {"sub_heading", tr("web.subunits", lang)},
                 {"documents_heading", tr("web.documents", lang)},
                 {"documents", document_links(lang, unit, year)}};
  add_work_links(ctx, c, unit, year);
  std::string body = mstch::render(std::string(embedded::unit_mustache), ctx);
  std::vector<std::pair<std::string, std::string>> rows;  // the table's rows, for their comment threads
  for (const auto& row : t.rows) rows.emplace_back(row.line, row.label);
  if (!st) body += row_comments_html(c, unit, year, rows);
  Lang other = lang == Lang::fi ? Lang::sv : Lang::fi;
  return page(c, t.unit_name, body, fmt::format("/{}/unit/{}{}", lang_code(other), unit, query), 200, unit);
}

http::Response explain_page(const Ctx& c, const std::string& unit, const http::Request& req) {
  const Snapshot& app = c.app();
  Lang lang = c.lang;
  auto q = [&](const char* k) {
    auto it = req.query.find(k);
    return it == req.query.end() ? std::string() : it->second;
  };
  auto year = parse_year(q("year"));
  const Line* line = app.d.chart.find(q("line"));
  std::string col_s = q("col");
  if (!year || !line || col_s.size() != 1 || col_s[0] < '0' || col_s[0] > '9') return bad_request(lang);
  std::size_t col = static_cast<std::size_t>(col_s[0] - '0');
  std::string back = fmt::format("/{}/unit/{}?year={}&kind={}", lang_code(lang), unit, *year, q("kind"));
  Explanation e;
  if (q("kind") == "follow-up") {
    // The follow-up's forecast column: which parts are entered and which projected.
    const std::string& m = q("month");
    int month = m.size() >= 1 && m.size() <= 2 && std::all_of(m.begin(), m.end(), [](char ch) { return ch >= '0' && ch <= '9'; })
                    ? std::stoi(m) : 0;
    if (col != kFollowUpForecastColumn || month < 1 || month > 12) return bad_request(lang);
    try {
      e = explain_follow_up_forecast(app.follow_up_input(*year), unit, line->id, *year, month, lang);
    } catch (const TableError&) {
      return not_found(c);
    }
    back += fmt::format("&month={}", month);
  } else {
    auto view = parse_table_view(q("kind"));
    if (!view) return bad_request(lang);
      FigureTable t;
    try {
      t = build_table(app.ledger, unit, *year, view->layout, lang, view->part);
    } catch (const TableError&) {
      return not_found(c);
    }
    if (col >= t.columns.size()) return bad_request(lang);
    Date on = view->layout == TableKind::annual_report ? Date::last_of_year(*year) : Date::first_of_year(*year);
    OrgView org(app.d.units, on);
    e = explain_measure(app.ledger, org, unit, line->id, t.columns[col], lang);
  }
  mstch::map ctx{{"heading", tr("web.explain", lang)},
                 {"back", tr("web.back", lang)},
                 {"back_href", back},
                 {"tree", render_explanation_html(e, lang)}};
  Lang other = lang == Lang::fi ? Lang::sv : Lang::fi;
  return page(c, tr("web.explain", lang), mstch::render(std::string(embedded::explain_mustache), ctx),
              fmt::format("/{}/unit/{}/explain?year={}&kind={}&line={}&col={}&month={}", lang_code(other), unit, *year,
                          q("kind"), line->id, col, q("month")));
}

http::Response personnel_page(const Ctx& c, const std::string& unit, const http::Request& req) {
  const Snapshot& app = c.app();
  Lang lang = c.lang;
  auto year_opt = year_param(req, app.default_year + 1);
  if (!year_opt) return bad_request(lang);
  int year = *year_opt;
  const UnitVersion* u = latest_version(app.d, unit);
  if (!u) return not_found(c);
  std::string name = u->name.shown(lang);
  std::string body = "<h1>" + html_escape(name) + "</h1>\n<h2>" + tr("web.personnel", lang) + " " + std::to_string(year) + "</h2>\n";
  body += fmt::format("<p><a href=\"/{}/unit/{}?year={}&amp;kind=budget\">{}</a></p>\n", lang_code(lang), unit, year,
                      tr("web.back", lang));
  auto tables = personnel_tables(app.ledger, unit, year, lang);
  if (tables.empty()) body += "<p>" + tr("web.no_personnel", lang) + "</p>\n";
  for (const auto& t : tables) body += render_simple_html(t);
  Lang other = lang == Lang::fi ? Lang::sv : Lang::fi;
  return page(c, tr("web.personnel", lang), body,
              fmt::format("/{}/unit/{}/personnel?year={}", lang_code(other), unit, year), 200, unit);
}

http::Response goals_page(const Ctx& c, const std::string& unit, const http::Request& req) {
  const Snapshot& app = c.app();
  Lang lang = c.lang;
  auto year_opt = year_param(req, app.default_year);
  if (!year_opt) return bad_request(lang);
  int year = *year_opt;
  if (!app.d.has_unit(unit)) return not_found(c);
  GoalReport r = build_goal_report(app.d, unit, year, lang);
  std::string body = "<h1>" + html_escape(r.unit_name) + "</h1>\n<h2>" + html_escape(r.title) + "</h2>\n";
  body += fmt::format("<p><a href=\"/{}/unit/{}?year={}\">{}</a></p>\n", lang_code(lang), unit, year, tr("web.back", lang));
  body += r.groups.empty() ? "<p>" + tr("web.no_goals", lang) + "</p>\n" : render_goals_html(r);
  body += goal_threads_html(c, unit, year, fmt::format("/{}/unit/{}/goals?year={}", lang_code(lang), unit, year));
  Lang other = lang == Lang::fi ? Lang::sv : Lang::fi;
  return page(c, tr("web.goals", lang), body, fmt::format("/{}/unit/{}/goals?year={}", lang_code(other), unit, year),
              200, unit);
}

http::Response checks_page(const Ctx& c) {
  const Snapshot& app = c.app();
  Lang lang = c.lang;
  mstch::array rows;
  for (const Finding& f : app.findings) {
    std::string where = f.where.unit;
    for (const auto& u : app.d.units)
      if (u.id == f.where.unit && (!f.where.year || u.valid_on(Date::last_of_year(*f.where.year)))) where = u.name.shown(lang);
    if (const Line* l = app.d.chart.find(f.where.row)) where += (where.empty() ? "" : " · ") + l->name.in(lang);
    if (const Scenario* s = app.d.scenario(f.where.column)) where += " · " + (s->name.in(lang).empty() ? s->id : s->name.in(lang));
    std::string href;
    if (!f.where.unit.empty() && f.where.year)
      href = fmt::format("/{}/unit/{}?year={}&kind=annual-report", lang_code(lang), f.where.unit, *f.where.year);
    rows.push_back(mstch::map{{"severity", tr("sev." + to_string(f.severity), lang)},
                              {"severity_class", to_string(f.severity)},
                              {"rule", f.rule},
                              {"where", where},
                              {"href", href},
                              {"message", lang == Lang::fi ? f.fi : f.sv}});
  }
  mstch::map ctx{{"heading", tr("web.checks", lang)},
                 {"intro", tr("web.checks_intro", lang)},
                 {"municipality", app.d.primary().name.in(lang)},
                 {"col_severity", tr("web.col.severity", lang)},
                 {"col_rule", tr("web.col.rule", lang)},
                 {"col_where", tr("web.col.where", lang)},
                 {"col_message", tr("web.col.message", lang)},
                 {"has_findings", !rows.empty()},
                 {"findings", rows},
                 {"no_findings", tr("web.no_findings", lang)}};
  Lang other = lang == Lang::fi ? Lang::sv : Lang::fi;
  return page(c, tr("web.checks", lang), mstch::render(std::string(embedded::checks_mustache), ctx),
              fmt::format("/{}/checks", lang_code(other)));
}

}  // namespace

std::optional<http::Response> route_read_pages(const Ctx& c, const std::vector<std::string>& parts) {
  if (c.req.method != "GET") return std::nullopt;
  if (parts.size() == 2 && parts[1] == "checks") return checks_page(c);
  if (parts.size() < 3 || parts[1] != "unit") return std::nullopt;
  const std::string& unit = parts[2];
  if (parts.size() == 3) return unit_page(c, unit, c.req, false);
  if (parts.size() != 4) return std::nullopt;
  if (parts[3] == "explain") return explain_page(c, unit, c.req);
  if (parts[3] == "goals") return goals_page(c, unit, c.req);
  if (parts[3] == "personnel") return personnel_page(c, unit, c.req);
  if (parts[3] == "document") return document_page(c, unit, c.req);
  if (parts[3] == "table.csv") return unit_page(c, unit, c.req, true);
  return std::nullopt;
}

}  // namespace toteuma::web
