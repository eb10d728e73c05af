#include "cli/alternative_commands.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <stdexcept>

#include "cli/commands.h"
#include "core/budgeting/alternative_effect.h"
#include "core/format.h"
#include "core/i18n.h"
#include "document/alternatives_document.h"
#include "ingest/fields.h"
#include "render/document_output.h"
#include "store/store.h"

namespace toteuma {

namespace {

[[noreturn]] void refuse(const std::string& en, const std::string& fi, const std::string& sv) {
  throw std::invalid_argument(en + " / " + fi + " / " + sv);
}

Lang lang_of(const AlternativeOptions& o, const Dataset& d) { return o.lang.empty() ? d.primary().primary : *parse_lang(o.lang); }

BudgetAlternative& alternative_in(Dataset& d, const std::string& id) {
  for (auto& a : d.budgeting.alternatives)
    if (a.id == id) return a;
  refuse("no alternative budget \"" + id + "\"", "vaihtoehtoista talousarviota ei ole", "den alternativa budgeten finns inte");
}

// A changed version no longer takes alternatives once the council's decision is adopted.
const BudgetVersion& open_version(const Dataset& d, const std::string& id) {
  const BudgetVersion* v = find_version(d, id);
  if (!v) refuse("no budget version \"" + id + "\"", "talousarvion versiota ei ole", "budgetversionen finns inte");
  if (!v->adopted.empty())
    refuse("version \"" + id + "\" is adopted as " + v->adopted, "hyväksyttyä versiota ei voi muuttaa", "en antagen version kan inte ändras");
  return *v;
}

void save(Store& store, Dataset& d, AuditEntry audit) {
  canonicalize(d.budgeting);
  store.replace(d, {&audit, false, std::nullopt});
}

void need_id(const std::string& flag, const std::string& id) {
  if (!fields::valid_id(id))
    refuse(flag + ": expected lower-case letters, digits, - or _", "virheellinen tunnus", "felaktig identifierare");
}

}  // namespace

int cmd_alternative_group(const AlternativeOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
  Dataset d = store->read();
  need_id("--id", o.id);
  if (find_council_group(d, o.id)) refuse("council group \"" + o.id + "\" exists already", "valtuustoryhmä on jo olemassa", "fullmäktigegruppen finns redan");
  if (o.name_fi.empty() || o.name_sv.empty()) refuse("give --name-fi and --name-sv", "anna nimi suomeksi ja ruotsiksi", "ange namnet på finska och svenska");
  CouncilGroup g{o.id, o.municipality.empty() ? d.primary().id : o.municipality, {o.name_fi, o.name_sv}};
  if (std::none_of(d.municipalities.begin(), d.municipalities.end(), [&](const Municipality& m) { return m.id == g.municipality; }))
    refuse("--municipality: unknown \"" + g.municipality + "\"", "tuntematon kunta", "okänd kommun");
  d.budgeting.groups.push_back(g);
  save(*store, d, cli_audit("council_group", g.id, std::nullopt, g.name.fi + ";" + g.name.sv));
  out << fmt::format("{}: {}\n", g.id, g.name.in(lang_of(o, d)));
  return 0;
}

int cmd_alternative_start(const AlternativeOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
  Dataset d = store->read();
  need_id("--id", o.id);
  if (find_alternative(d, o.id)) refuse("alternative \"" + o.id + "\" exists already", "vaihtoehto on jo olemassa", "alternativet finns redan");
  const BudgetVersion& v = open_version(d, o.version);
  const CouncilGroup* g = find_council_group(d, o.group);
  if (!g) refuse("--group: unknown council group \"" + o.group + "\"", "tuntematon valtuustoryhmä", "okänd fullmäktigegrupp");
  if (g->municipality != v.municipality)
    refuse("--group: not a council group of the version's municipality", "ryhmä ei ole version kunnan valtuustoryhmä",
           "gruppen hör inte till versionens kommun");
  BudgetAlternative a{o.id, v.id, g->id,
                      {o.name_fi.empty() ? fmt::format("{}: vaihtoehtoinen talousarvio {}", g->name.fi, v.year) : o.name_fi,
                       o.name_sv.empty() ? fmt::format("{}: alternativ budget {}", g->name.sv, v.year) : o.name_sv},
                      today(), false};
  if (!o.date.empty()) {
    auto dt = parse_iso_date(o.date);
    if (!dt) refuse("--date: expected YYYY-MM-DD", "odotettiin VVVV-KK-PP", "ÅÅÅÅ-MM-DD förväntades");
    a.created = *dt;
  }
  d.budgeting.alternatives.push_back(a);
  save(*store, d, cli_audit("alternative", a.id, std::nullopt, encode_alternative(a)));
  out << fmt::format("{}: {} ({})\n", a.id, a.name.in(lang_of(o, d)), v.id);
  return 0;
}

int cmd_alternative_change(const AlternativeOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
  Dataset d = store->read();
  const BudgetAlternative& a = alternative_in(d, o.alternative);
  const BudgetVersion& v = open_version(d, a.version);
  if (!d.has_unit(o.unit)) refuse("--unit: unknown \"" + o.unit + "\"", "tuntematon yksikkö", "okänd enhet");
  if (!d.chart.find(o.line)) refuse("--line: unknown \"" + o.line + "\"", "tuntematon rivi", "okänd rad");
  int year = o.year ? o.year : v.year;
  if (year < v.year || year > v.year + 2)
    refuse(fmt::format("--year: expected {}–{}", v.year, v.year + 2), "vuosi ei ole version vuosi", "året är inte versionens år");
  auto& changes = d.budgeting.changes;
  auto it = std::find_if(changes.begin(), changes.end(), [&](const AlternativeChange& c) {
    return c.alternative == a.id && c.unit == o.unit && c.line == o.line && c.year == year;
  });
  // Audited in cents, as the web's entity alternative_change (the audit page shows euros).
  std::optional<std::string> was;
  if (it != changes.end()) was = std::to_string(it->amount);
  std::optional<std::string> now;
  if (o.clear) {
    if (it != changes.end()) changes.erase(it);
  } else {
    auto amount = parse_euros(o.amount);
    if (!amount || *amount == 0)
      refuse("--amount: expected euros other than 0 such as -50000 or 25050.40", "odotettiin nollasta poikkeavaa euromäärää",
             "ett eurobelopp skilt från noll förväntades");
    Text why = it != changes.end() ? it->justification : Text{};
    if (!o.justification_fi.empty()) why.fi = o.justification_fi;
    if (!o.justification_sv.empty()) why.sv = o.justification_sv;
    if (it != changes.end()) changes.erase(it);
    changes.push_back({a.id, o.unit, o.line, year, *amount, why});
    now = std::to_string(*amount);
  }
  std::string key = fmt::format("{}/{}/{}/{}", a.id, o.unit, o.line, year);
  save(*store, d, cli_audit("alternative_change", key, was, now, o.unit));
  auto shown = [](const std::optional<std::string>& c) { return c ? cents_to_plain(std::stoll(*c)) : std::string("-"); };
  out << key << ": " << shown(was) << " → " << shown(now) << "\n";
  return 0;
}

int cmd_alternative_publish(const AlternativeOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
  Dataset d = store->read();
  BudgetAlternative& a = alternative_in(d, o.alternative);
  std::string before = encode_alternative(a);
  a.published = !o.withdraw;
  save(*store, d, cli_audit("alternative", a.id, before, encode_alternative(a)));
  out << fmt::format("{}: {}\n", a.id, a.published ? "published" : "withdrawn");
  return 0;
}

int cmd_alternative_show(const AlternativeOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_of(o, d);
  const BudgetAlternative& a = alternative_in(d, o.alternative);
  const BudgetVersion& v = *find_version(d, a.version);
  int year = o.year ? o.year : v.year;
  if (year < v.year || year > v.year + 2)
    refuse(fmt::format("--year: expected {}–{}", v.year, v.year + 2), "vuosi ei ole version vuosi", "året är inte versionens år");
  SimpleTable t = alternatives_table(d, v.id, {&a}, year, lang);
  write_simple_tables(out, o.format, d, v.municipality, lang, t.title, {t}, balance_sentence(a, alternative_effect(d, a, year), lang));
  return 0;
}

int cmd_alternative_list(const AlternativeOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_of(o, d);
  out << "id;version;group;name;published;changes;result_change;balanced\n";
  for (const BudgetAlternative* a : alternatives_of(d, o.year)) {
    auto e = alternative_effect(d, *a);
    out << fmt::format("{};{};{};{};{};{};{};{}\n", a->id, a->version, a->group, a->name.in(lang), a->published ? "yes" : "no",
                       changes_of(d, a->id).size(), cents_to_plain(e.result.change), e.balanced() ? "yes" : "no");
  }
  return 0;
}

int cmd_alternative_document(const AlternativeOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_of(o, d);
  const BudgetVersion* v = find_version(d, o.version);
  if (!v) refuse("no budget version \"" + o.version + "\"", "talousarvion versiota ei ole", "budgetversionen finns inte");
  std::vector<const BudgetAlternative*> alts;
  for (const BudgetAlternative* a : alternatives_of(d, v->year))
    if (a->version == v->id && a->published) alts.push_back(a);
  std::string bytes = render_document(alternatives_document(d, v->id, alts, o.year, lang, today()), o.format);
  write_file_whole(o.output, bytes);
  out << fmt::format("{}: {} alternatives, {} bytes\n", o.output, alts.size(), bytes.size());
  return 0;
}

void add_alternative_commands(CLI::App& budget, AlternativeCli& cli) {
  AlternativeOptions& o = cli.options;
  auto* alt = budget.add_subcommand("alternative", "councillors' alternative budgets: a council group's changes to a version and their effect");
  alt->require_subcommand(1);
  cli.group = alt->add_subcommand("group", "add a council group (its members: user grant --role council-group:ID)");
  cli.group->add_option("--db", o.db, kDbOption)->envname("TOTEUMA_DB")->required();
  cli.group->add_option("--id", o.id, "group id, e.g. vihreat")->required();
  cli.group->add_option("--name-fi", o.name_fi, "name in Finnish")->required();
  cli.group->add_option("--name-sv", o.name_sv, "name in Swedish")->required();
  cli.group->add_option("--municipality", o.municipality, "municipality id (default: the primary)");
  cli.start = alt->add_subcommand("start", "start a group's alternative to a version (normally the board's proposal)");
  cli.start->add_option("--db", o.db, kDbOption)->envname("TOTEUMA_DB")->required();
  cli.start->add_option("--id", o.id, "alternative id, e.g. vihreat-2026")->required();
  cli.start->add_option("--version", o.version, "the version it changes")->required();
  cli.start->add_option("--group", o.group, "the council group")->required();
  cli.start->add_option("--name-fi", o.name_fi, "name in Finnish (default: the group's and the year)");
  cli.start->add_option("--name-sv", o.name_sv, "name in Swedish");
  cli.start->add_option("--date", o.date, "its date, YYYY-MM-DD (default: today)");
  cli.change = alt->add_subcommand("change", "add or replace (or --clear) one change: euros added to the version's figure");
  cli.change->add_option("--db", o.db, kDbOption)->envname("TOTEUMA_DB")->required();
  cli.change->add_option("--alternative", o.alternative, "alternative id")->required();
  cli.change->add_option("--unit", o.unit, "unit id")->required();
  cli.change->add_option("--line", o.line, "line id")->required();
  cli.change->add_option("--year", o.year, "year (default: the version's budget year)")->check(CLI::Range(1900, 2200));
  cli.change->add_option("--amount", o.amount, "euros added, signed as figures: -50000 on a cost line raises the cost");
  cli.change->add_option("--justification-fi", o.justification_fi, "justification in Finnish");
  cli.change->add_option("--justification-sv", o.justification_sv, "justification in Swedish");
  cli.change->add_flag("--clear", o.clear, "remove the change");
  cli.publish = alt->add_subcommand("publish", "publish an alternative beside the version it changes (or --withdraw)");
  cli.publish->add_option("--db", o.db, kDbOption)->envname("TOTEUMA_DB")->required();
  cli.publish->add_option("--alternative", o.alternative, "alternative id")->required();
  cli.publish->add_flag("--withdraw", o.withdraw, "back to a draft the group alone reads");
  cli.show = alt->add_subcommand("show", "the effect per binding unit, on Toimintakate, Vuosikate and the result, and the balance");
  cli.show->add_option("--db", o.db, kDbOption)->envname("TOTEUMA_DB")->required();
  cli.show->add_option("--alternative", o.alternative, "alternative id")->required();
  cli.show->add_option("--year", o.year, "year (default: the version's budget year)")->check(CLI::Range(1900, 2200));
  cli.show->add_option("--lang", o.lang, "fi|sv")->check(CLI::IsMember({"fi", "sv"}));
  cli.show->add_option("--format", o.format, "text|csv|html")->check(CLI::IsMember({"text", "csv", "html"}));
  cli.list = alt->add_subcommand("list", "the alternatives of a year's round (CSV)");
  cli.list->add_option("--db", o.db, kDbOption)->envname("TOTEUMA_DB")->required();
  cli.list->add_option("--year", o.year, "budget year")->required()->check(CLI::Range(1900, 2200));
  cli.list->add_option("--lang", o.lang, "fi|sv")->check(CLI::IsMember({"fi", "sv"}));
  cli.document = alt->add_subcommand("document", "the version and its published alternatives side by side, as a document");
  cli.document->add_option("--db", o.db, kDbOption)->envname("TOTEUMA_DB")->required();
  cli.document->add_option("--version", o.version, "the version the alternatives change")->required();
  cli.document->add_option("--year", o.year, "year (default: the version's budget year)")->check(CLI::Range(1900, 2200));
  cli.document->add_option("--lang", o.lang, "fi|sv")->check(CLI::IsMember({"fi", "sv"}));
  cli.document->add_option("--format", o.format, "html|pdf|docx|xlsx")->check(CLI::IsMember({"html", "pdf", "docx", "xlsx"}))->required();
  cli.document->add_option("-o,--output", o.output, "the file to write")->required();
}

int AlternativeCli::run(std::ostream& out) const {
  if (group && *group) return cmd_alternative_group(options, out);
  if (start && *start) return cmd_alternative_start(options, out);
  if (change && *change) {
    if (!amount_or_clear("budget alternative change", options.clear, options.amount, std::cerr)) return 2;
    return cmd_alternative_change(options, out);
  }
  if (publish && *publish) return cmd_alternative_publish(options, out);
  if (show && *show) return cmd_alternative_show(options, out);
  if (list && *list) return cmd_alternative_list(options, out);
  if (document && *document) return cmd_alternative_document(options, out);
  return -1;
}

}  // namespace toteuma
