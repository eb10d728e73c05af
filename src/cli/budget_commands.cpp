#include "cli/budget_commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "cli/commands.h"
#include "core/budgeting/budget_round.h"
#include "core/budgeting/version_htv.h"
#include "core/budgeting/version_start.h"
#include "core/fixed.h"
#include "core/budgeting/version_table.h"
#include "core/finance/spending_plan_table.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/text.h"
#include "document/changed_sections.h"
#include "ingest/csv.h"
#include "ingest/fields.h"
#include "ingest/spending_plan_file.h"
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

// A version figures are entered in: known and not adopted.
BudgetVersion& open_version(Dataset& d, const std::string& id) {
  BudgetVersion& v = version_in(d, id);
  if (!v.adopted.empty())
    refuse("version \"" + v.id + "\" is adopted as " + v.adopted + ": it no longer changes", "hyväksyttyä versiota ei voi muuttaa",
           "en antagen version kan inte ändras");
  return v;
}

// --year of an entry (0: the version's budget year), one of the version's years Y…Y+2.
int year_in(const BudgetVersion& v, int year) {
  if (!year) return v.year;
  if (year < v.year || year > v.year + 2)
    refuse(fmt::format("--year: expected {}–{}", v.year, v.year + 2), "vuosi ei ole version vuosi", "året är inte versionens år");
  return year;
}

void save(Store& store, Dataset& d, AuditEntry audit) {
  canonicalize(d);
  store.replace(d, {&audit, false, std::nullopt});
}

}  // namespace

int cmd_budget_start(const BudgetOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
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
  auto store = open_store(o.db);
  Dataset d = store->read();
  BudgetVersion& v = open_version(d, o.version);
  if (!d.has_unit(o.unit)) refuse("--unit: unknown \"" + o.unit + "\"", "tuntematon yksikkö", "okänd enhet");
  if (!d.chart.find(o.line)) refuse("--line: unknown \"" + o.line + "\"", "tuntematon rivi", "okänd rad");
  int year = year_in(v, o.year);
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
  auto store = open_store(o.db);
  Dataset d = store->read();
  const Dataset before = d;
  const BudgetVersion& v = version_in(d, o.version);
  std::string as = o.as.empty() ? fmt::format("ta{}", v.year) : o.as;
  if (!fields::valid_id(as)) refuse("--as: expected lower-case letters, digits, - or _", "virheellinen tunnus", "felaktig identifierare");
  try {
    adopt_version(d, o.version, as);
  } catch (const std::invalid_argument& e) {
    refuse(std::string("cannot adopt: ") + e.what(), "valtuuston päätöstä ei voi hyväksyä talousarvioksi",
           "fullmäktiges beslut kan inte antas som budget");
  }
  // As on the round page: the reviewed sections that print the replaced budget and plan go back to draft.
  canonicalize(d);
  AuditEntry audit = cli_audit("budget", "adopt/" + o.version, std::nullopt, "scenario=" + as);
  Store::ReplaceOptions how{&audit, false, std::nullopt};
  how.changed = [&](const Dataset& written, const std::vector<SectionStatus>& reviewed) {
    return changed_sections(Ledger(before), written, reviewed);
  };
  store->replace(d, how);
  out << fmt::format("{} → {}\n", o.version, as);
  return 0;
}

namespace {

int write_unit_table(const BudgetOptions& o, std::ostream& out, SimpleTable (*make)(const Dataset&, const std::string&, int, Lang)) {
  Dataset d = read_db(o.db);
  Lang lang = lang_of(o, d);
  if (!d.has_unit(o.unit)) refuse("--unit: unknown \"" + o.unit + "\"", "tuntematon yksikkö", "okänd enhet");
  SimpleTable t = make(d, o.unit, o.year, lang);
  write_simple_tables(out, o.format, d, o.unit, lang, t.title, {t}, "");
  return 0;
}

}  // namespace

int cmd_table_budget_versions(const BudgetOptions& o, std::ostream& out) { return write_unit_table(o, out, budget_versions_table); }

int cmd_table_spending_plan(const BudgetOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  OrgView org(d.units, Date::first_of_year(o.year));
  if (d.has_unit(o.unit) && !org.find(o.unit))
    refuse(fmt::format("--unit: \"{}\" is not valid on 1.1.{}", o.unit, o.year), "yksikkö ei ole voimassa", "enheten gäller inte");
  return write_unit_table(o, out, spending_plan_table);
}

namespace {

// The rows of `year` at `unit` or under it (all of the year when `unit` is empty).
std::vector<SpendingPlanRow> plan_rows(const Dataset& d, int year, const std::string& unit) {
  OrgView org(d.units, Date::first_of_year(year));
  std::vector<SpendingPlanRow> out;
  for (const auto& r : d.spending_plan)
    if (r.year == year && (unit.empty() || org.within(r.unit, unit))) out.push_back(r);
  return out;
}

}  // namespace

int cmd_spending_plan_set(const BudgetOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
  Dataset d = store->read();
  if (!o.clear && !o.months.empty() && o.months.size() != 12)
    refuse(fmt::format("--months: expected 12 amounts (January … December), found {}", o.months.size()), "odotettiin 12 kuukautta",
           "12 månader förväntades");
  std::vector<SpendingPlanRow> row;
  if (!o.clear) {
    row = {parse_spending_plan_row(o.year, o.unit, o.line, o.amount, o.months, "--unit/--line/--amount/--months", d)};
  } else if (!d.has_unit(o.unit)) {
    refuse("--unit: unknown \"" + o.unit + "\"", "tuntematon yksikkö", "okänd enhet");
  }
  auto& plan = d.spending_plan;
  auto it = std::find_if(plan.begin(), plan.end(),
                         [&](const SpendingPlanRow& r) { return r.year == o.year && r.unit == o.unit && r.line == o.line; });
  auto text_of = [](const SpendingPlanRow& r) {
    std::string s = cents_to_plain(r.amount);
    if (r.months)
      for (Cents m : *r.months) s += ";" + cents_to_plain(m);
    return s;
  };
  std::optional<std::string> was, now;
  if (it != plan.end()) {
    was = text_of(*it);
    plan.erase(it);
  }
  if (!row.empty()) {
    now = text_of(row[0]);
    plan.push_back(row[0]);
  }
  std::string key = fmt::format("spending-plan/{}/{}/{}", o.year, o.unit, o.line);
  if (was != now) save(*store, d, cli_audit("budget", key, was, now, o.unit));  // nothing to write, no audit row
  out << key << ": " << was.value_or("-") << " → " << now.value_or("-") << "\n";
  return 0;
}

int cmd_spending_plan_import(const BudgetOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
  Dataset d = store->read();
  std::vector<SpendingPlanRow> rows = parse_spending_plan(read_file(o.file), o.file, d);
  // The file is the whole plan of each binding unit and year it names: their earlier rows go.
  const PlanCoverage cover = coverage_of(d, rows);
  std::size_t before = d.spending_plan.size();
  std::erase_if(d.spending_plan, [&](const SpendingPlanRow& r) { return cover.replaces(d, r); });
  std::size_t removed = before - d.spending_plan.size();
  d.spending_plan.insert(d.spending_plan.end(), rows.begin(), rows.end());
  std::string units;
  for (const auto& [year, unit] : cover.covered) units += fmt::format("{}{}/{}", units.empty() ? "" : ",", year, unit);
  save(*store, d, cli_audit("budget", "spending-plan/import", removed ? std::optional(fmt::format("rows={}", removed)) : std::nullopt,
                            spending_plan_csv(rows)));
  out << fmt::format("{}: {} rows ({}), {} replaced\n", o.file, rows.size(), units, removed);
  return 0;
}

int cmd_spending_plan_show(const BudgetOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  if (!o.unit.empty() && !d.has_unit(o.unit)) refuse("--unit: unknown \"" + o.unit + "\"", "tuntematon yksikkö", "okänd enhet");
  out << spending_plan_csv(plan_rows(d, o.year, o.unit));
  return 0;
}

int cmd_budget_htv_set(const BudgetOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
  Dataset d = store->read();
  BudgetVersion& v = open_version(d, o.version);
  if (!d.has_unit(o.unit)) refuse("--unit: unknown \"" + o.unit + "\"", "tuntematon yksikkö", "okänd enhet");
  int year = year_in(v, o.year);
  std::optional<PersonYears> htv;
  if (!o.clear) {
    htv = parse_htv_input(o.htv);
    if (!htv) refuse("--htv: expected person-years such as 12,5", "odotettiin henkilötyövuosia, esim. 12,5", "årsverken förväntades, t.ex. 12,5");
  }
  auto& all = d.budgeting.htv;
  auto it = std::find_if(all.begin(), all.end(), [&](const VersionHtv& h) { return h.version == v.id && h.unit == o.unit && h.year == year; });
  std::optional<std::string> was, now;
  if (it != all.end()) {
    was = fixed_to_plain(it->htv, 3);
    all.erase(it);
  }
  if (htv) {
    now = fixed_to_plain(*htv, 3);
    all.push_back({v.id, o.unit, year, *htv});
  }
  std::string key = fmt::format("version-htv/{}/{}/{}", v.id, o.unit, year);
  if (was != now) save(*store, d, cli_audit("budget", key, was, now, o.unit));  // nothing to write, no audit row
  out << key << ": " << was.value_or("-") << " → " << now.value_or("-") << "\n";
  return 0;
}

}  // namespace toteuma
