#include "cli/commands.h"

#include <fmt/format.h>

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <stdexcept>

#include "check/dataset_checks.h"
#include "check/report_format.h"
#include "check/table_checks.h"
#include "core/finance/explain.h"
#include "core/finance/follow_up.h"
#include "core/finance/key_figures.h"
#include "core/i18n.h"
#include "core/finance/report_table.h"
#include "core/finance/investment_table.h"
#include "core/text.h"
#include "ingest/dataset_files.h"
#include "ingest/printed_table.h"
#include "core/format.h"
#include "core/goals/goal_report.h"
#include "core/text.h"
#include "core/personnel/personnel_tables.h"
#include "render/collate.h"
#include "render/explain_render.h"
#include "render/goal_render.h"
#include "render/simple_table_render.h"
#include "render/table_render.h"
#include "store/store.h"
#include "store/user_store.h"
#include "web/app.h"
#include "ingest/csv.h"
#include "sso/oidc_client.h"
#include "store/user_admin.h"
#include "sso/sso_config.h"
#include "sso/sso_error.h"

namespace toteuma {

Dataset read_db(const std::string& db) {
  auto store = open_store(db);
  if (store->empty())
    throw std::runtime_error(db + ": no dataset loaded (run `toteuma load DIR --db " + db +
                             "`) / tietokanta on tyhjä / databasen är tom");
  return store->read();
}

Actor cli_actor() {
  if (const char* u = std::getenv("USER"); u && *u) return {u, "cli"};
  if (const passwd* pw = getpwuid(geteuid())) return {pw->pw_name, "cli"};
  return {"cli", "cli"};
}

AuditEntry cli_audit(std::string entity, std::string key, std::optional<std::string> before,
                     std::optional<std::string> after, std::string unit) {
  Actor by = cli_actor();
  return {0, "", by.user, std::move(entity), std::move(key), std::move(before), std::move(after), std::move(unit), by.via};
}

void write_file_whole(const std::string& path, const std::string& bytes) {
  std::string tmp = path + ".part";
  {
    std::ofstream f(tmp, std::ios::binary);
    if (!(f << bytes) || !f.flush()) throw std::runtime_error(tmp + ": cannot write");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) throw std::runtime_error(path + ": cannot write");
}

namespace {

Lang lang_or_primary(const CommandOptions& o, const Dataset& d) {
  return o.lang.empty() ? d.primary().primary : *parse_lang(o.lang);
}

// Writes a table-like output in o.format (text, csv with the byte order mark, or an html page);
// only the one asked for is rendered.
void write_formatted(const CommandOptions& o, std::ostream& out, const std::function<std::string()>& text,
                     const std::function<std::string()>& csv, const std::function<std::string()>& html) {
  if (o.format == "csv")
    out << kUtf8Bom << csv();
  else if (o.format == "html")
    out << html();
  else
    out << text();
}

void require_unit(const Dataset& d, const std::string& unit, Lang lang) {
  if (!d.has_unit(unit)) throw std::runtime_error(fmt::format(fmt::runtime(tr("err.unknown_unit", lang)), unit));
}


}  // namespace

int cmd_dump(const CommandOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  dump_dataset_dir(d, o.dir);
  out << fmt::format("{}: {} units, {} scenarios, {} figures\n", o.dir, d.units.size(), d.scenarios.size(),
                     d.figures.size());
  return 0;
}

// A YYYY-MM-DD option: nullopt when not given; a malformed one is refused naming `option`.
static std::optional<Date> date_option(const std::string& iso, const char* option) {
  if (iso.empty()) return std::nullopt;
  auto p = parse_iso_date(iso);
  if (!p) throw std::runtime_error(std::string(option) + ": expected YYYY-MM-DD / odotettiin VVVV-KK-PP / ÅÅÅÅ-MM-DD förväntades");
  return p;
}

int cmd_units(const CommandOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_or_primary(o, d);
  Date on = date_option(o.date, "--date").value_or(today());
  OrgView org = d.org_on(on);
  // Depth-first, sub-units sorted by name as the language sorts.
  std::function<void(const UnitVersion*, int)> walk = [&](const UnitVersion* u, int depth) {
    out << fmt::format("{:<20} {}{} ({})\n", u->id, std::string(static_cast<std::size_t>(depth) * 2, ' '),
                       u->name.shown(lang), tr("kind." + to_string(u->kind), lang));
    auto kids = org.children(u->id);
    sort_by_name(kids, lang, [&](const UnitVersion* k) { return k->name.shown(lang); });
    if (depth < 32)
      for (auto* k : kids) walk(k, depth + 1);
  };
  for (const UnitVersion* r : org.roots()) walk(r, 0);
  return 0;
}

// table --kind key-figures: the municipality's key figures in the budget's or the annual
// report's columns (--layout).
int key_figures_table(const CommandOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Ledger ledger(d);
  Lang lang = lang_or_primary(o, d);
  TableKind kind = *parse_table_kind(o.layout);
  SimpleTable t = key_figure_table(ledger, o.unit, o.year, kind, lang);
  write_formatted(
      o, out, [&] { return render_simple_text(t); }, [&] { return render_simple_csv(t); },
      [&] {
        return render_html_document(lang, OrgView(d.units, table_date(o.year, kind)).find(o.unit)->name.shown(lang),
                                    fmt::format(fmt::runtime(tr("table.key_figures", lang)), o.year), "", render_simple_html(t));
      });
  return 0;
}

int cmd_table(const CommandOptions& o, std::ostream& out) {
  if (o.kind == "key-figures") return key_figures_table(o, out);
  Dataset d = read_db(o.db);
  Ledger ledger(d);
  // annual-report / budget: the operating part in those columns; a statutory part in --layout's.
  std::optional<Part> part = parse_table_part(o.kind);
  TableKind layout = *parse_table_kind(part ? o.layout : o.kind);
  FigureTable t = build_table(ledger, o.unit, o.year, layout, lang_or_primary(o, d), part.value_or(Part::operating));
  write_formatted(o, out, [&] { return render_text(t); }, [&] { return render_csv(t); }, [&] { return render_html_page(t); });
  return 0;
}


}  // namespace toteuma

namespace toteuma {

int cmd_check(const CommandOptions& o, std::ostream& out) {
  std::vector<Finding> findings;
  std::vector<TableConvention> conventions;
  Lang lang = o.lang.empty() ? Lang::fi : *parse_lang(o.lang);
  Dataset d;
  d.chart = default_chart();
  if (!o.db.empty()) {
    d = read_db(o.db);
    if (o.lang.empty()) lang = d.primary().primary;
  }
  Ledger ledger(d);
  if (!o.db.empty()) findings = check_dataset(d, ledger);
  if (!o.tables.empty()) {
    std::vector<PrintedTable> tables;
    for (const auto& f : o.tables) tables.push_back(read_printed_table(f));  // InputError → exit 2
    auto r = check_tables(tables, d.chart, o.db.empty() ? nullptr : &ledger, o.synonyms);
    findings.insert(findings.end(), r.findings.begin(), r.findings.end());
    conventions = r.conventions;
  }
  if (o.format == "json")
    out << findings_json(findings, conventions);
  else if (o.format == "csv")
    out << findings_csv(findings);
  else
    out << findings_text(findings, conventions, lang);
  return has_errors(findings) ? 1 : 0;
}

}  // namespace toteuma

namespace toteuma {

namespace {

ColumnSpec explain_column(const CommandOptions& o) {
  static const std::map<std::string, Measure> measures = {
      {"budget", Measure::budget},     {"amendments", Measure::amendments}, {"budget-after", Measure::budget_after},
      {"actual", Measure::actual},     {"deviation", Measure::deviation},   {"forecast", Measure::forecast},
      {"plan", Measure::plan}};
  ColumnSpec col{measures.at(o.column), o.year, o.base_year};
  if (col.measure == Measure::plan && col.base_year == 0) col.base_year = o.year - 1;
  return col;
}

// The organisation on 31.12. of the year, holding the unit.
OrgView explain_org(const CommandOptions& o, const Dataset& d, Lang lang) {
  OrgView org(d.units, Date::last_of_year(o.year));
  require_unit(d, o.unit, lang);
  if (!org.find(o.unit))
    throw std::runtime_error(fmt::format(fmt::runtime(tr("err.unit_not_valid", lang)), o.unit, to_display(org.date())));
  return org;
}

// explain --key-figure ID: the formula, every value substituted and the result.
int explain_key_figure_command(const CommandOptions& o, const Dataset& d, Lang lang, std::ostream& out) {
  const KeyFigure* k = find_key_figure(d, o.key_figure);
  if (!k) throw std::runtime_error(msg("err.unknown_key_figure", o.key_figure).in(lang));
  ColumnSpec col = explain_column(o);
  if (col.measure == Measure::amendments || col.measure == Measure::deviation || col.measure == Measure::forecast)
    throw std::runtime_error("--column: budget, budget-after, actual or plan for a key figure / tunnusluvulle / för ett nyckeltal");
  OrgView org = explain_org(o, d, lang);
  if (!org.find(o.unit)->parent.empty())
    throw std::runtime_error(msg("err.key_figures_root", o.unit, d.municipality_of(o.unit).id).in(lang));
  Ledger ledger(d);
  out << render_key_figure_explanation_text(explain_key_figure(ledger, org, o.unit, *k, col, lang), lang);
  return 0;
}

}  // namespace

int cmd_explain(const CommandOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_or_primary(o, d);
  if (!o.key_figure.empty()) return explain_key_figure_command(o, d, lang, out);
  // The line by id or by its printed name in either language.
  std::string line;
  for (const Line& l : d.chart.lines())
    if (l.id == o.line || normalize_label(l.name.fi) == normalize_label(o.line) ||
        normalize_label(l.name.sv) == normalize_label(o.line))
      line = l.id;
  if (line.empty()) throw std::runtime_error("unknown line / tuntematon rivi / okänd rad: " + o.line);
  ColumnSpec col = explain_column(o);
  OrgView org = explain_org(o, d, lang);
  if (o.month) {  // the in-year follow-up's forecast: entered lines and projections from closed months
    if (col.measure != Measure::forecast || o.month < 1 || o.month > 12)
      throw std::runtime_error("--month: only with --column forecast, 1–12 / vain ennusteelle / endast för prognos");
    auto store = open_ledger_store(o.db);
    auto closed = store->closed_months();
    auto actuals = monthly_actuals(*store, o.year);
    FollowUpInput in{d, actuals, closed.count(o.year) ? closed.at(o.year) : 0};
    out << render_explanation_text(explain_follow_up_forecast(in, o.unit, line, o.year, o.month, lang), lang);
    return 0;
  }
  Ledger ledger(d);
  out << render_explanation_text(explain_measure(ledger, org, o.unit, line, col, lang), lang);
  return 0;
}

}  // namespace toteuma

namespace toteuma {

void write_simple_tables(std::ostream& out, const std::string& format, const Dataset& d, const std::string& unit, Lang lang,
                         const std::string& title, const std::vector<SimpleTable>& tables, const std::string& none) {
  if (format == "html") {
    std::string body = none.empty() ? "" : "<p>" + html_escape(none) + "</p>\n";
    for (const auto& t : tables) body += render_simple_html(t);
    std::string unit_name;
    for (const auto& u : d.units)
      if (u.id == unit) unit_name = u.name.shown(lang);
    out << render_html_document(lang, unit_name, title, "", body);
  } else {
    if (format == "csv") out << kUtf8Bom;
    if (!none.empty()) out << (format == "csv" ? "# " : "") << none << "\n";
    for (const auto& t : tables) out << (format == "csv" ? render_simple_csv(t) + "\n" : render_simple_text(t));
  }
}

int cmd_personnel(const CommandOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_or_primary(o, d);
  require_unit(d, o.unit, lang);
  Ledger ledger(d);
  auto tables = personnel_tables(ledger, o.unit, o.year, lang);
  // A unit without personnel figures says so rather than printing nothing.
  std::string none = tables.empty() ? fmt::format(fmt::runtime(tr("pers.none", lang)), o.unit, o.year) : "";
  write_simple_tables(out, o.format, d, o.unit, lang, tr("web.personnel", lang) + " " + std::to_string(o.year), tables, none);
  return 0;
}

int cmd_table_investments(const CommandOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_or_primary(o, d);
  require_unit(d, o.unit, lang);
  write_investment_table(out, o.format, d, o.unit, lang, investment_table(d, o.unit, o.year, *parse_table_kind(o.layout), lang));
  return 0;
}

void write_investment_table(std::ostream& out, const std::string& format, const Dataset& d, const std::string& unit, Lang lang,
                            SimpleTable t) {
  std::string none = t.rows.empty() ? fmt::format(fmt::runtime(tr("inv.none", lang)), unit) : "";
  std::string title = t.title;
  std::vector<SimpleTable> tables;
  if (none.empty()) tables.push_back(std::move(t));
  write_simple_tables(out, format, d, unit, lang, title, tables, none);
}

}  // namespace toteuma

namespace toteuma {

int cmd_goals(const CommandOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_or_primary(o, d);
  require_unit(d, o.unit, lang);
  GoalReport r = build_goal_report(d, o.unit, o.year, lang);
  write_formatted(
      o, out, [&] { return render_goals_text(r); }, [&] { return render_goals_csv(r); },
      [&] { return render_html_document(lang, r.unit_name, r.title, "", render_goals_html(r)); });
  return 0;
}

// The workplace over the database (docs/WEB.md); the app reads dataset, ledger and users itself.
int cmd_serve(const CommandOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);  // refuses a database without a dataset, with the usual message
  if (open_user_store(o.db)->users().empty())
    out << "No users yet: nobody can log in. Add one with / Lisää käyttäjä / Lägg till en användare:\n"
           "  toteuma user add ID --db " << o.db << " --name \"Name\" --role admin\n";
  web::AppOptions options;
  options.trusted_proxies = o.trusted_proxies;
  options.accessibility_contact = o.accessibility_contact;
  options.today = date_option(o.date, "--today");
  if (!o.sso_config.empty()) {
    auto config = sso::read_sso_config(o.sso_config, [](const char* name) { return std::getenv(name); });
    // A grant of a unit or group the dataset lacks would give nobody anything: say so at start.
    for (const auto* table : {&config.roles, &config.groups})
      for (const auto& [value, grants] : *table)
        for (const auto& g : grants) try {
            check_grant(g, [&]() -> const Dataset& { return d; });
          } catch (const UserRefused& e) {
            throw InputError(o.sso_config, 0, fmt::format("{}.\"{}\"", table == &config.roles ? "roles" : "groups", value), three_languages(e));
          }
    options.sso = std::make_shared<sso::OidcClient>(config, sso::curl_http_client());
    out << fmt::format("Single sign-on / Kertakirjautuminen / Enkel inloggning: {} ({})\n", config.name, config.issuer);
    try {
      options.sso->metadata();
    } catch (const sso::SsoError& e) {  // the break-glass accounts must still get in: start anyway
      out << fmt::format("  the provider does not answer now / tunnistuspalvelu ei vastaa nyt / inloggningstjänsten svarar inte nu: {}\n", e.what());
    }
  }
  return serve_app(o.db, o.address, static_cast<unsigned short>(o.port), o.threads, out, options);
}

}  // namespace toteuma
