// toteuma: one binary, subcommands. Each command's work lives in its module; this file only
// parses arguments and maps errors to exit codes. Input files are not checked for existence
// here: the reader's InputError names a missing one in fi/sv/en and exits 2 (CLI11 would say
// it in English and exit 105).
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/alternative_commands.h"
#include "cli/budget_commands.h"
#include "cli/budget_sheet_commands.h"
#include "cli/commands.h"
#include "cli/document_commands.h"
#include "cli/ledger_commands.h"
#include "cli/user_commands.h"
#include "ingest/csv.h"
#include "store/store.h"

int main(int argc, char** argv) {
  using namespace toteuma;
  CLI::App app{"Toteuma – talousarvio, toteuma ja raportointi / budget, utfall och rapportering"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "toteuma 0.1.0");

  CommandOptions o;
  auto db_opt = [&](CLI::App* c) {
    c->add_option("--db", o.db, kDbOption)->envname("TOTEUMA_DB")->required();
  };

  auto* load = app.add_subcommand("load", "Load a dataset folder (all or nothing) / Lataa aineistokansio / Ladda en datamapp");
  load->add_option("dir", o.dir, "dataset folder")->required();
  db_opt(load);
  load->add_flag("--replace", o.replace,
                 "replace even work stored only in the database (web edits, reviews) / korvaa myös verkossa tehty työ / ersätt även arbete gjort på webben");

  auto* dump = app.add_subcommand("dump", "Write the dataset as a folder / Kirjoita aineisto kansioksi / Skriv datamängden som mapp");
  dump->add_option("dir", o.dir, "target folder")->required();
  db_opt(dump);

  auto* backup = app.add_subcommand(
      "backup", "Back up everything into one file while serving / Varmuuskopioi kaikki / Säkerhetskopiera allt");
  backup->add_option("file", o.file, "backup file to write (zip: database, ledger files, manifest)")->required();
  db_opt(backup);
  auto* restore = app.add_subcommand(
      "restore", "Restore a backup (all or nothing) / Palauta varmuuskopio / Återställ en säkerhetskopia");
  restore->add_option("file", o.file, "backup file written by toteuma backup")->required();
  db_opt(restore);

  std::string copy_from, copy_to;
  auto* copy = app.add_subcommand(
      "copy-db", "Copy everything to another database (SQLite ↔ PostgreSQL) / Kopioi kaikki toiseen tietokantaan / Kopiera allt till en annan databas");
  copy->add_option("--from", copy_from, "source database (file or postgresql://…)")->required();
  copy->add_option("--to", copy_to, "target database (file or postgresql://…), empty unless --replace")->required();
  copy->add_flag("--replace", o.replace, "empty the target first / tyhjennä kohde ensin / töm målet först");

  auto* units = app.add_subcommand("units", "List units / Luettele yksiköt / Lista enheter");
  db_opt(units);
  units->add_option("--lang", o.lang, "fi|sv")->check(CLI::IsMember({"fi", "sv"}));
  units->add_option("--date", o.date, "YYYY-MM-DD (default: today)");

  auto* table = app.add_subcommand("table", "Print a figure table / Tulosta taulukko / Skriv ut en tabell");
  db_opt(table);
  table->add_option("--unit", o.unit, "unit id")->required();
  table->add_option("--year", o.year, "year")->required()->check(CLI::Range(1900, 2200));
  table->add_option("--kind", o.kind, "annual-report|budget|follow-up|income-statement|cash-flow|investments|key-figures|budget-versions|spending-plan")
      ->check(CLI::IsMember({"annual-report", "budget", "follow-up", "income-statement", "cash-flow", "investments", "key-figures",
                             "budget-versions", "spending-plan"}));
  table->add_option("--layout", o.layout,
                    "income-statement, cash-flow, investments, key-figures: annual-report (TA, muutokset, TP, poikkeama; key figures: TA, TP) "
                    "or budget (TP Y-2 … TS Y+2; default); investments also follow-up (the ledger's months 1–--month)")
      ->check(CLI::IsMember({"annual-report", "budget", "follow-up"}));
  LedgerOptions lo;
  table->add_option("--month", lo.month, "follow-up: month 1–12 or YYYY-MM (default: the latest imported)");
  table->add_option("--lang", o.lang, "fi|sv")->check(CLI::IsMember({"fi", "sv"}));
  table->add_option("--format", o.format, "text|csv|html")->check(CLI::IsMember({"text", "csv", "html"}));

  auto* serve = app.add_subcommand("serve", "Start the web server / Käynnistä palvelin / Starta webbservern");
  db_opt(serve);
  serve->add_option("--port", o.port, "port (default 8080)")->check(CLI::Range(0, 65535));
  serve->add_option("--address", o.address, "address to listen on (default 127.0.0.1)");
  serve->add_option("--threads", o.threads, "worker threads (default: cores)");
  serve->add_option("--trusted-proxy", o.trusted_proxies,
                    "address of a reverse proxy whose X-Forwarded-For names the client (login limit); repeatable");
  serve->add_option("--accessibility-contact", o.accessibility_contact,
                    "e-mail address or https URL for accessibility feedback, shown on the accessibility statement (/fi/accessibility)");
  serve->add_option("--sso-config", o.sso_config,
                    "single sign-on through an OpenID provider such as Microsoft Entra ID: the TOML file of docs/SSO.md")
      ->envname("TOTEUMA_SSO_CONFIG");
  serve->add_option("--today", o.date,
                    "YYYY-MM-DD: the date the pages take as today (overdue deadlines), for demonstrations and tests (default: the system clock's)");

  auto* check = app.add_subcommand(
      "check", "Check that every figure adds up / Tarkista luvut / Kontrollera siffrorna (exit 0 ok, 1 errors, 2 bad input)");
  check->add_option("--db", o.db, "check the stored dataset (a file or postgresql://… URL)");
  check->add_option("--table", o.tables, "tables as printed (CSV or XLSX); several are checked against each other");
  check->add_option("--synonyms", o.synonyms,
                    "your own row labels (line;language;label) or column headings (meaning;pattern) for --table");
  check->add_option("--format", o.format, "text|json|csv")->check(CLI::IsMember({"text", "json", "csv"}));
  check->add_option("--lang", o.lang, "fi|sv")->check(CLI::IsMember({"fi", "sv"}));

  auto* explain = app.add_subcommand("explain", "Show how a figure is computed / Näytä miten luku lasketaan / Visa hur en siffra beräknas");
  db_opt(explain);
  explain->add_option("--unit", o.unit, "unit id")->required();
  auto* explain_what = explain->add_option_group("what", "one of --line and --key-figure");
  explain_what->add_option("--line", o.line, "line id or name, e.g. operating_margin or \"Toimintakate ulkoinen\"");
  explain_what->add_option("--key-figure", o.key_figure, "key figure id, e.g. annual_margin_per_resident (at the municipality's root unit)");
  explain_what->require_option(1);
  explain->add_option("--year", o.year, "year")->required()->check(CLI::Range(1900, 2200));
  explain->add_option("--column", o.column, "budget|amendments|budget-after|actual|deviation|forecast|plan")
      ->check(CLI::IsMember({"budget", "amendments", "budget-after", "actual", "deviation", "forecast", "plan"}));
  explain->add_option("--base-year", o.base_year, "plan: the budget year of the economic plan (default year-1)");
  explain->add_option("--lang", o.lang, "fi|sv")->check(CLI::IsMember({"fi", "sv"}));
  explain->add_option("--month", o.month, "with --column forecast: the in-year follow-up's forecast at the end of month 1–12");

  auto* personnel = app.add_subcommand("personnel", "Print the personnel plan's tables / Henkilöstösuunnitelman taulukot / Personalplanens tabeller");
  db_opt(personnel);
  personnel->add_option("--unit", o.unit, "unit id")->required();
  personnel->add_option("--year", o.year, "plan year")->required()->check(CLI::Range(1900, 2200));
  personnel->add_option("--lang", o.lang, "fi|sv")->check(CLI::IsMember({"fi", "sv"}));
  personnel->add_option("--format", o.format, "text|csv|html")->check(CLI::IsMember({"text", "csv", "html"}));

  auto* goals = app.add_subcommand("goals", "Print a unit's goals, their status and metrics / Tavoitteet / Mål");
  db_opt(goals);
  goals->add_option("--unit", o.unit, "unit id")->required();
  goals->add_option("--year", o.year, "year")->required()->check(CLI::Range(1900, 2200));
  goals->add_option("--lang", o.lang, "fi|sv")->check(CLI::IsMember({"fi", "sv"}));
  goals->add_option("--format", o.format, "text|csv|html")->check(CLI::IsMember({"text", "csv", "html"}));

  auto* import = app.add_subcommand("import", "Import person-level exports as aggregates, or ledger actuals / Tuo henkilötason aineisto koosteina tai pääkirjan toteuma / Importera aggregat eller huvudbokens utfall");
  import->require_subcommand(1);
  auto* imp_emp = import->add_subcommand("employments", "htv (HTV2) per unit and year from employment records");
  imp_emp->add_option("file", o.dir, "CSV: person;unit;start;end;percent;unpaid_leave")->required();
  db_opt(imp_emp);
  auto* imp_tr = import->add_subcommand("trainings", "training days, eligible days and compensation per unit and year");
  imp_tr->add_option("file", o.dir, "CSV: person;unit;date;hours;in_plan;employer_arranged;paid;wage_subsidy")
      ->required();
  imp_tr->add_option("--wage-sum", o.wage_sums,
                     "the year's unemployment-insurance wage sum for the compensation: YEAR=EUROS (repeatable), or EUROS "
                     "when the file covers one year");
  db_opt(imp_tr);
  auto* imp_ledger = import->add_subcommand("ledger", "general-ledger actuals per unit, line and month (all or nothing; the months replaced)");
  imp_ledger->add_option("files", lo.files, "CSV (UTF-8 or Windows-1252; ; , or tab) or XLSX ledger exports")->required();
  imp_ledger->add_option("--db", lo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  imp_ledger->add_option("--mapping", lo.mapping, "mapping file (TOML): columns, cost centers, accounts; see docs/LEDGER.md");
  imp_ledger->add_option("--encoding", lo.encoding, "auto|utf-8|windows-1252")->check(CLI::IsMember({"auto", "utf-8", "windows-1252"}));
  imp_ledger->add_flag("--suspense", lo.suspense, "unmapped accounts or cost centers to a reported suspense line instead of an error");
  imp_ledger->add_option("--threads", lo.threads, "parser threads (default: cores)");
  auto* ledger = app.add_subcommand("ledger", "General-ledger imports and drill-down / Pääkirja / Huvudbok");
  ledger->require_subcommand(1);
  auto* ledger_rows = ledger->add_subcommand("rows", "the ledger rows behind a figure (unit, line, month)");
  ledger_rows->add_option("--db", lo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  ledger_rows->add_option("--unit", lo.unit, "unit id");
  ledger_rows->add_option("--line", lo.line, "line id or name");
  ledger_rows->add_option("--month", lo.month, "YYYY-MM")->required();
  ledger_rows->add_flag("--suspense", lo.suspense, "the month's unmapped rows (imported with --suspense)");
  ledger_rows->add_option("--lang", lo.lang, "fi|sv")->check(CLI::IsMember({"fi", "sv"}));
  auto* ledger_imports = ledger->add_subcommand("imports", "every ledger import: file, size, SHA-256, time, user, rows, totals (CSV)");
  ledger_imports->add_option("--db", lo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  auto* ledger_close = ledger->add_subcommand(
      "close", "close the months 1..M of a year (0 reopens all): the follow-up projects from closed months only");
  ledger_close->add_option("--db", lo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  ledger_close->add_option("--year", lo.year, "year")->required()->check(CLI::Range(1900, 2200));
  ledger_close->add_option("--month", lo.month, "last closed month, 0–12")->required();
  ledger_close->add_option("--lang", lo.lang, "fi|sv")->check(CLI::IsMember({"fi", "sv"}));

  BudgetOptions bo;
  auto* budget = app.add_subcommand("budget", "Budget rounds: versions, frames, proposals / Talousarvion valmistelu / Budgetberedning");
  budget->require_subcommand(1);
  auto* budget_start = budget->add_subcommand("start", "start a version of a year's round (frame, proposal, ..., the council's decision)");
  budget_start->add_option("--db", bo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  budget_start->add_option("--id", bo.id, "version id, e.g. raami-2026")->required();
  budget_start->add_option("--year", bo.year, "budget year")->required()->check(CLI::Range(1900, 2200));
  budget_start->add_option("--stage", bo.stage, "frame|proposal|consolidated|manager|board|council (or the dataset's stages)")->required();
  budget_start->add_option("--municipality", bo.municipality, "municipality id (default: the primary)");
  budget_start->add_option("--name-fi", bo.name_fi, "name in Finnish (default: the stage's and the year)");
  budget_start->add_option("--name-sv", bo.name_sv, "name in Swedish");
  budget_start->add_option("--from", bo.from, "last-budget | plan | version:ID (default: empty)");
  budget_start->add_option("--adjust", bo.adjust, "LINE=PERCENT, e.g. wages=2.5 (the line and its parts)");
  budget_start->add_option("--date", bo.date, "the version's date, YYYY-MM-DD (default: today)");
  auto* budget_set = budget->add_subcommand("set", "enter (or --clear) one figure of a version");
  budget_set->add_option("--db", bo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  budget_set->add_option("--version", bo.version, "version id")->required();
  budget_set->add_option("--unit", bo.unit, "unit id")->required();
  budget_set->add_option("--line", bo.line, "line id")->required();
  budget_set->add_option("--year", bo.year, "year (default: the version's budget year)")->check(CLI::Range(1900, 2200));
  budget_set->add_option("--amount", bo.amount, "euros, income positive and costs negative, e.g. -4286000");
  budget_set->add_flag("--clear", bo.clear, "remove the figure");
  auto* budget_htv = budget->add_subcommand("htv", "personnel (htv) of the units in a version");
  budget_htv->require_subcommand(1);
  auto* budget_htv_set = budget_htv->add_subcommand("set", "enter (or --clear) a unit's person-years of a year in a version");
  budget_htv_set->add_option("--db", bo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  budget_htv_set->add_option("--version", bo.version, "version id")->required();
  budget_htv_set->add_option("--unit", bo.unit, "unit id")->required();
  budget_htv_set->add_option("--year", bo.year, "year (default: the version's budget year)")->check(CLI::Range(1900, 2200));
  budget_htv_set->add_option("--htv", bo.htv, "person-years, e.g. 12,5");
  budget_htv_set->add_flag("--clear", bo.clear, "remove the figure");
  auto* budget_versions = budget->add_subcommand("versions", "the versions of a year's round (CSV)");
  budget_versions->add_option("--db", bo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  budget_versions->add_option("--year", bo.year, "budget year")->required()->check(CLI::Range(1900, 2200));
  budget_versions->add_option("--lang", bo.lang, "fi|sv")->check(CLI::IsMember({"fi", "sv"}));
  auto* budget_adopt = budget->add_subcommand("adopt", "the council's decision becomes the budget of its year and the plan");
  budget_adopt->add_option("--db", bo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  budget_adopt->add_option("--version", bo.version, "version id (of the council stage)")->required();
  budget_adopt->add_option("--as", bo.as, "the budget scenario's id (default: ta<year>)");
  auto* budget_sheet = budget->add_subcommand("sheet", "a unit's proposal sheet (.xlsx) to fill in Excel or LibreOffice");
  budget_sheet->add_option("--db", bo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  budget_sheet->add_option("--version", bo.version, "version id")->required();
  budget_sheet->add_option("--unit", bo.unit, "unit id")->required();
  budget_sheet->add_option("--lang", bo.lang, "fi|sv (default: the unit's municipality's primary language)")->check(CLI::IsMember({"fi", "sv"}));
  budget_sheet->add_option("-o,--output", bo.output, "the .xlsx file to write")->required();
  auto* budget_import_sheet = budget->add_subcommand("import-sheet", "upload a filled proposal sheet: all or nothing, audited");
  budget_import_sheet->add_option("--db", bo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  budget_import_sheet->add_option("file", bo.file, "the .xlsx file")->required();
  budget_import_sheet->add_flag("--force", bo.force, "accept it although the figures changed since the sheet was made");
  auto* budget_import_figures = budget->add_subcommand("import-figures", "many units' figures of a version from one file (unit;line;year;amount): all or nothing");
  budget_import_figures->add_option("--db", bo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  budget_import_figures->add_option("--version", bo.version, "version id")->required();
  budget_import_figures->add_option("file", bo.file, "the .csv or .xlsx file")->required();
  AlternativeCli alternative_cli;
  add_alternative_commands(*budget, alternative_cli);
  auto* spending = budget->add_subcommand("spending-plan", "the boards' spending plans: the decision split to units and months");
  spending->require_subcommand(1);
  auto* spending_set = spending->add_subcommand("set", "enter (or --clear) one unit's amount of a line, optionally by month");
  spending_set->add_option("--db", bo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  spending_set->add_option("--year", bo.year, "budget year")->required()->check(CLI::Range(1900, 2200));
  spending_set->add_option("--unit", bo.unit, "a binding unit or a unit under it")->required();
  spending_set->add_option("--line", bo.line, "a line of the operating part")->required();
  spending_set->add_option("--amount", bo.amount, "the year's euros, income positive and costs negative");
  spending_set->add_option("--months", bo.months, "12 amounts January … December adding up to --amount, comma-separated")->delimiter(',');
  spending_set->add_flag("--clear", bo.clear, "remove the row");
  auto* spending_import = spending->add_subcommand("import", "a plan file year;unit;line;amount;m01…m12: all or nothing");
  spending_import->add_option("--db", bo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  spending_import->add_option("file", bo.file, "the .csv file; replaces the plan of the binding units it names")->required();
  auto* spending_show = spending->add_subcommand("show", "the plan of a year as the import file (CSV)");
  spending_show->add_option("--db", bo.db, kDbOption)->envname("TOTEUMA_DB")->required();
  spending_show->add_option("--year", bo.year, "budget year")->required()->check(CLI::Range(1900, 2200));
  spending_show->add_option("--unit", bo.unit, "only this unit and the units under it");

  DocumentOptions dopt;
  auto* report = app.add_subcommand(
      "report", "Generate a document / Tuota asiakirja / Skapa ett dokument (html|pdf|docx|xlsx)");
  report->add_option("--db", dopt.db, kDbOption)->envname("TOTEUMA_DB")->required();
  report->add_option("--doc", dopt.doc, "budget-book|annual-report|service-plan|personnel-plan")
      ->check(CLI::IsMember({"budget-book", "annual-report", "service-plan", "personnel-plan"}));
  report->add_option("--unit", dopt.unit, "unit id")->required();
  report->add_option("--year", dopt.year, "year")->required()->check(CLI::Range(1900, 2200));
  report->add_option("--lang", dopt.lang, "fi|sv (default: the municipality's primary)")->check(CLI::IsMember({"fi", "sv"}));
  report->add_option("--format", dopt.format, "html|pdf|docx|xlsx")->check(CLI::IsMember({"html", "pdf", "docx", "xlsx"}));
  report->add_option("-o,--output", dopt.output, "output file (html: stdout by default)");
  report->add_option("--date", dopt.date, "date printed as generated, YYYY-MM-DD (default: today)");

  auto* commentary = app.add_subcommand(
      "commentary", "Draft the standard commentary on deviations / Laadi vakiokommentit / Skriv standardkommentarer");
  commentary->add_option("--db", dopt.db, kDbOption)->envname("TOTEUMA_DB")->required();
  commentary->add_option("--unit", dopt.unit, "unit id (its sub-units too)")->required();
  commentary->add_option("--year", dopt.year, "year")->required()->check(CLI::Range(1900, 2200));

  auto* narrative = app.add_subcommand("narrative", "Narrative texts / Tekstit / Texter");
  narrative->require_subcommand(1);
  auto* narrative_set = narrative->add_subcommand("set", "store a person's Markdown text for a unit, year, section, language");
  narrative_set->add_option("--db", dopt.db, kDbOption)->envname("TOTEUMA_DB")->required();
  narrative_set->add_option("--unit", dopt.unit, "unit id")->required();
  narrative_set->add_option("--year", dopt.year, "year")->required()->check(CLI::Range(1900, 2200));
  narrative_set->add_option("--section", dopt.section, "section kind, e.g. events, risks, commentary")->required();
  narrative_set->add_option("--lang", dopt.lang, "fi|sv")->required()->check(CLI::IsMember({"fi", "sv"}));
  narrative_set->add_option("file", dopt.file, "Markdown file, - for standard input")->required();

  UserCommand user(app);  // toteuma user add|grant|revoke|passwd|disable|enable|list

  CLI11_PARSE(app, argc, argv);
  try {
    if (user.parsed()) return user.run(std::cin, std::cout);
    if (*load) return cmd_load(o, std::cout);
    if (*dump) return cmd_dump(o, std::cout);
    if (*backup) return cmd_backup(o, std::cout);
    if (*restore) return cmd_restore(o, std::cout);
    if (*copy) return cmd_copy_db(copy_from, copy_to, o.replace, std::cout);
    if (*units) return cmd_units(o, std::cout);
    if (*table && o.kind == "follow-up") {
      lo.db = o.db, lo.unit = o.unit, lo.year = o.year, lo.lang = o.lang, lo.format = o.format;
      return cmd_table_follow_up(lo, std::cout);
    }
    if (*table && o.layout == "follow-up" && o.kind != "investments")
      throw std::runtime_error("--layout follow-up: only with --kind investments (else --kind follow-up) / vain investoinneille / endast för investeringar");
    if (*table && o.kind == "investments" && o.layout == "follow-up") {
      lo.db = o.db, lo.unit = o.unit, lo.year = o.year, lo.lang = o.lang, lo.format = o.format;
      return cmd_table_investment_follow_up(lo, std::cout);
    }
    if (*table && o.kind == "investments") return cmd_table_investments(o, std::cout);
    if (*table && (o.kind == "budget-versions" || o.kind == "spending-plan")) {
      bo.db = o.db, bo.unit = o.unit, bo.year = o.year, bo.lang = o.lang, bo.format = o.format;
      return o.kind == "spending-plan" ? cmd_table_spending_plan(bo, std::cout) : cmd_table_budget_versions(bo, std::cout);
    }
    if (int rc = alternative_cli.run(std::cout); rc >= 0) return rc;
    if (*budget_start) return cmd_budget_start(bo, std::cout);
    if (*budget_set) {
      if (!amount_or_clear("budget set", bo.clear, bo.amount, std::cerr)) return 2;
      return cmd_budget_set(bo, std::cout);
    }
    if (*budget_htv_set) {
      if (bo.clear != bo.htv.empty()) {  // a usage error, as budget set's --amount or --clear
        std::cerr << "toteuma budget htv set: give --htv PERSON-YEARS or --clear / anna --htv HTV tai --clear / ange --htv ÅRSVERKEN eller --clear\n";
        return 2;
      }
      return cmd_budget_htv_set(bo, std::cout);
    }
    if (*budget_versions) return cmd_budget_versions(bo, std::cout);
    if (*budget_adopt) return cmd_budget_adopt(bo, std::cout);
    if (*budget_sheet) return cmd_budget_sheet(bo, std::cout);
    if (*budget_import_sheet) return cmd_budget_import_sheet(bo, std::cout);
    if (*budget_import_figures) return cmd_budget_import_figures(bo, std::cout);
    if (*spending_set) {
      if (!amount_or_clear("budget spending-plan set", bo.clear, bo.amount, std::cerr)) return 2;
      return cmd_spending_plan_set(bo, std::cout);
    }
    if (*spending_import) return cmd_spending_plan_import(bo, std::cout);
    if (*spending_show) return cmd_spending_plan_show(bo, std::cout);
    if (*table) return cmd_table(o, std::cout);
    if (*serve) return cmd_serve(o, std::cout);
    if (*explain) return cmd_explain(o, std::cout);
    if (*personnel) return cmd_personnel(o, std::cout);
    if (*goals) return cmd_goals(o, std::cout);
    if (*report) return cmd_report(dopt, std::cout);
    if (*commentary) return cmd_commentary(dopt, std::cout);
    if (*narrative_set) return cmd_narrative_set(dopt, std::cout);
    if (*imp_emp) return cmd_import_employments(o, std::cout);
    if (*imp_tr) return cmd_import_trainings(o, std::cout);
    if (*imp_ledger) return cmd_import_ledger(lo, std::cout);
    if (*ledger_imports) return cmd_ledger_imports(lo, std::cout);
    if (*ledger_close) return cmd_ledger_close(lo, std::cout);
    if (*ledger_rows) {
      if (!lo.suspense && (lo.unit.empty() || lo.line.empty())) {
        std::cerr << "toteuma ledger rows: give --unit and --line (or --suspense)\n";
        return 2;
      }
      return cmd_ledger_rows(lo, std::cout);
    }
    if (*check) {
      if (o.db.empty() && o.tables.empty()) {
        std::cerr << "toteuma check: give --db FILE and/or --table FILE...\n";
        return 2;
      }
      return cmd_check(o, std::cout);
    }
  } catch (const InputError& e) {
    std::cerr << "toteuma: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "toteuma: " << e.what() << "\n";
    return *check ? 2 : 1;  // for check, 1 means "errors found", so a failure to run is 2
  }
  return 1;
}
