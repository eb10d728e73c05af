#include "cli/budget_commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "cli/commands.h"
#include "core/budgeting/budget_round.h"
#include "core/budgeting/version_start.h"
#include "core/budgeting/version_table.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/text.h"
#include "ingest/fields.h"
#include "render/simple_table_render.h"
#include "render/table_render.h"
#include "store/store.h"

namespace toteuma {

namespace {

Lang lang_of(const BudgetOptions& o, const Dataset& d) { return o.lang.empty() ? d.primary().primary : *parse_lang(o.lang); }

[[noreturn]] void refuse(const std::string& en, const std::string& fi, const std::string& sv) {
  throw std::invalid_argument(en + " / " + fi + " / " + sv);
}

BudgetVersion& version_in(Dataset& d, const std::string& id) {
  for (auto& v : d.budgeting.versions)
    if (v.id == id) return v;
  refuse("no budget version \"" + id + "\"", "talousarvion versiota ei ole", "budgetversionen finns inte");
}

void save(Store& store, Dataset& d, AuditEntry audit) {
  canonicalize(d);
  store.replace(d, {&audit, false, std::nullopt});
}

}  // namespace

int cmd_budget_start(const BudgetOptions& o, std::ostream& out) {
  auto store = open_sqlite_store(o.db);
  Dataset d = store->read();
  if (!fields::valid_id(o.id)) refuse("--id: expected lower-case letters, digits, - or _", "virheellinen tunnus", "felaktig identifierare");
  VersionRequest r{o.id, o.municipality, o.year, o.stage, {o.name_fi, o.name_sv}, today(), o.from, o.adjust};
  if (!o.date.empty()) {
    auto dt = parse_iso_date(o.date);
    if (!dt) refuse("--date: expected YYYY-MM-DD", "odotettiin VVVV-KK-PP", "ÅÅÅÅ-MM-DD förväntades");
    r.created = *dt;
  }
  BudgetVersion v;
  std::size_t figures = 0;
  if (auto no = start_version(d, r, &v, &figures)) {
    using Why = VersionRefusal::Why;
    switch (no->why) {
      case Why::exists: refuse("version \"" + o.id + "\" exists already", "versio on jo olemassa", "versionen finns redan");
      case Why::stage: refuse("--stage: unknown stage \"" + o.stage + "\"", "tuntematon valmisteluvaihe", "okänt beredningsskede");
      case Why::from:
        refuse("--from: expected last-budget, plan or version:<id>", "odotettiin last-budget, plan tai version:<id>",
               "last-budget, plan eller version:<id> förväntades");
      case Why::adjust:
        refuse("--adjust \"" + no->detail + "\": expected LINE=PERCENT with a line of the chart, e.g. wages=2.5",
               "odotettiin RIVI=PROSENTTI, esim. wages=2,5", "RAD=PROCENT förväntades, t.ex. wages=2,5");
      case Why::municipality: refuse("--municipality: unknown \"" + no->detail + "\"", "tuntematon kunta", "okänd kommun");
      case Why::other_round:
        refuse("--from: the version must be of the same budget year", "lähdeversion on oltava saman vuoden", "källversionen ska gälla samma år");
    }
  }
  save(*store, d,
       cli_audit("budget", "version/" + v.id, std::nullopt,
                 fmt::format("year={};stage={};from={};figures={}", v.year, v.stage, v.based_on, figures)));
  out << fmt::format("{}: {} ({}), {} figures\n", v.id, v.name.in(lang_of(o, d)), v.year, figures);
  return 0;
}

int cmd_budget_set(const BudgetOptions& o, std::ostream& out) {
  auto store = open_sqlite_store(o.db);
  Dataset d = store->read();
  BudgetVersion& v = version_in(d, o.version);
  if (!v.adopted.empty())
    refuse("version \"" + v.id + "\" is adopted as " + v.adopted + ": it no longer changes", "hyväksyttyä versiota ei voi muuttaa",
           "en antagen version kan inte ändras");
  if (!d.has_unit(o.unit)) refuse("--unit: unknown \"" + o.unit + "\"", "tuntematon yksikkö", "okänd enhet");
  if (!d.chart.find(o.line)) refuse("--line: unknown \"" + o.line + "\"", "tuntematon rivi", "okänd rad");
  int year = o.year ? o.year : v.year;
  if (year < v.year || year > v.year + 2)
    refuse(fmt::format("--year: expected {}–{}", v.year, v.year + 2), "vuosi ei ole version vuosi", "året är inte versionens år");
  std::optional<Cents> amount;
  if (!o.clear) {
    amount = parse_euros(o.amount);
    if (!amount) refuse("--amount: expected euros such as -1935039 or 25050.40", "odotettiin euromäärää", "ett eurobelopp förväntades");
  }
  auto& figs = d.budgeting.figures;
  auto it = std::find_if(figs.begin(), figs.end(), [&](const VersionFigure& f) {
    return f.version == v.id && f.unit == o.unit && f.line == o.line && f.year == year;
  });
  std::optional<std::string> was;
  if (it != figs.end()) {
    was = cents_to_plain(it->amount);
    figs.erase(it);
  }
  if (amount) figs.push_back({v.id, o.unit, o.line, year, *amount});
  std::string key = fmt::format("version/{}/{}/{}/{}", v.id, o.unit, o.line, year);
  save(*store, d, cli_audit("budget", key, was, amount ? std::optional<std::string>(cents_to_plain(*amount)) : std::nullopt, o.unit));
  out << key << ": " << (was ? *was : "-") << " → " << (amount ? cents_to_plain(*amount) : "-") << "\n";
  return 0;
}

int cmd_budget_versions(const BudgetOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_of(o, d);
  std::map<std::string, std::string> stage_names;
  for (const auto& s : budget_stages(d)) stage_names[s.id] = s.name.in(lang);
  out << "id;stage;name;year;created;based_on;adopted;figures\n";
  for (const BudgetVersion* v : versions_of(d, o.year)) {
    auto n = std::count_if(d.budgeting.figures.begin(), d.budgeting.figures.end(), [&](const VersionFigure& f) { return f.version == v->id; });
    out << fmt::format("{};{};{};{};{};{};{};{}\n", v->id, stage_names[v->stage], v->name.in(lang), v->year, to_display(v->created),
                       v->based_on, v->adopted, n);
  }
  return 0;
}

int cmd_budget_adopt(const BudgetOptions& o, std::ostream& out) {
  auto store = open_sqlite_store(o.db);
  Dataset d = store->read();
  const BudgetVersion& v = version_in(d, o.version);
  std::string as = o.as.empty() ? fmt::format("ta{}", v.year) : o.as;
  if (!fields::valid_id(as)) refuse("--as: expected lower-case letters, digits, - or _", "virheellinen tunnus", "felaktig identifierare");
  try {
    adopt_version(d, o.version, as);
  } catch (const std::invalid_argument& e) {
    refuse(std::string("cannot adopt: ") + e.what(), "valtuuston päätöstä ei voi hyväksyä talousarvioksi",
           "fullmäktiges beslut kan inte antas som budget");
  }
  save(*store, d, cli_audit("budget", "adopt/" + o.version, std::nullopt, "scenario=" + as));
  out << fmt::format("{} → {}\n", o.version, as);
  return 0;
}

int cmd_table_budget_versions(const BudgetOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  Lang lang = lang_of(o, d);
  if (!d.has_unit(o.unit)) refuse("--unit: unknown \"" + o.unit + "\"", "tuntematon yksikkö", "okänd enhet");
  SimpleTable t = budget_versions_table(d, o.unit, o.year, lang);
  write_simple_tables(out, o.format, d, o.unit, lang, t.title, {t}, "");
  return 0;
}

}  // namespace toteuma
