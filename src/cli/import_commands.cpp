// toteuma import employments|trainings: person-level exports in, aggregates out. Persons are
// read, aggregated per unit and year, and forgotten: only the aggregates reach the store.
#include <fmt/format.h>

#include <map>
#include <set>
#include <stdexcept>

#include "cli/commands.h"
#include "core/fixed.h"
#include "core/format.h"
#include "core/finance/ledger.h"
#include "core/personnel/training.h"
#include "ingest/csv.h"
#include "ingest/employment_records.h"
#include "store/store.h"

namespace toteuma {

namespace embedded {
extern const std::string_view training_compensation_csv;
}

namespace {

std::vector<CompensationRule> compensation_rules() {
  CsvTable t(std::string(embedded::training_compensation_csv), "data/rules/training_compensation.csv (built in)",
             {"valid_from", "valid_to", "percent", "max_days_per_employee", "hours_per_day", "wage_divisor", "source"});
  std::vector<CompensationRule> rules;
  for (const auto& r : t.rows()) {
    auto num = [&](const char* c, int dec) { return static_cast<int>(parse_fixed(t.get(r, c), dec).value_or(0)); };
    CompensationRule rule{*parse_iso_date(t.get(r, "valid_from")), parse_iso_date(t.get(r, "valid_to")),
                          num("percent", 2), num("max_days_per_employee", 0), num("hours_per_day", 1), num("wage_divisor", 0)};
    rules.push_back(rule);
  }
  return rules;
}

std::set<std::string> unit_ids(const Dataset& d) {
  std::set<std::string> ids;
  for (const auto& u : d.units) ids.insert(u.id);
  return ids;
}

// --wage-sum values: "2023=27087000" (euros, optionally with cents: 27087000,50), or a bare
// amount when the training file covers one year only. The unemployment-insurance wage sum of the
// year is not in the dataset (the ledger's wages are a different figure), so it is an input.
std::map<int, Cents> wage_sums(const std::vector<std::string>& given, const std::set<int>& years) {
  std::map<int, Cents> out;
  for (const std::string& g : given) {
    auto eq = g.find('=');
    std::optional<int> year;
    if (eq != std::string::npos) {
      auto y = parse_fixed(g.substr(0, eq), 0);
      if (y && *y >= 1900 && *y <= 2200) year = static_cast<int>(*y);
    } else if (years.size() == 1) {
      year = *years.begin();
    }
    auto euros = parse_euros(eq == std::string::npos ? g : g.substr(eq + 1));
    if (!year || !euros || *euros <= 0)
      throw std::invalid_argument(fmt::format(
          "--wage-sum \"{0}\": expected YEAR=EUROS, e.g. 2023=27087000 (a bare amount only when the file covers one "
          "year) / odotettiin VUOSI=EUROA, esim. 2023=27087000 (pelkkä summa vain, kun tiedostossa on yksi vuosi) / "
          "ÅR=EURO förväntades, t.ex. 2023=27087000 (enbart ett belopp endast när filen gäller ett år)",
          g));
    out[*year] = *euros;
  }
  return out;
}

}  // namespace

int cmd_import_employments(const CommandOptions& o, std::ostream& out) {
  auto store = open_sqlite_store(o.db);
  Dataset d = store->read();
  // Throws before anything changes; every unit valid on every day of its employments.
  auto records = read_employment_records(o.dir, d.units);
  int from = 9999;
  for (const auto& e : records) from = std::min(from, e.start.year);
  auto htv = compute_htv(records, from, last_year_covered(records));
  // The imported htv are the actual of the (unit, year)s the export covers: they replace that
  // actual of regular staff only; entered plans and forecasts stay as they are.
  std::erase_if(d.personnel.htv, [&](const HtvFigure& h) {
    return h.kind == "actual" && h.group.empty() && htv.count({h.unit, h.year});
  });
  for (const auto& [key, value] : htv) {
    d.personnel.htv.push_back({key.first, key.second, "actual", "", value});
    out << fmt::format("{};{};{}\n", key.first, key.second, format_htv(value, 3));
  }
  canonicalize(d);
  AuditEntry audit = cli_audit("import", "employments/" + o.dir, std::nullopt,
                               fmt::format("employments={};unit_years={}", records.size(), htv.size()));
  store->replace(d, {&audit, false, std::nullopt});
  out << fmt::format("{}: {} employments → {} unit-years of htv\n", o.db, records.size(), htv.size());
  return 0;
}

int cmd_import_trainings(const CommandOptions& o, std::ostream& out) {
  auto store = open_sqlite_store(o.db);
  Dataset d = store->read();
  auto records = read_training_records(o.dir, unit_ids(d));
  auto rules = compensation_rules();
  auto days = compute_training_days(records, rules);
  std::set<int> years;
  for (const auto& [key, td] : days) years.insert(key.second);
  const auto wages = wage_sums(o.wage_sums, years);
  std::set<std::string> notes;
  for (const auto& [key, td] : days) {
    const auto& [unit, year] = key;
    TrainingFigure f{unit, year, td.days_hundredths, td.eligible_days_hundredths, std::nullopt};
    // Compensation = % of (the year's wage sum ÷ the municipality's average actual htv ÷ divisor)
    // × eligible days; computed only when the wage sum is given, the actual htv of the year is in
    // the dataset (entered, or imported with `import employments`) and a rule is valid.
    const Municipality& m = d.municipality_of(unit);
    PersonYears avg = 0;
    for (const auto& h : d.personnel.htv)
      if (h.kind == "actual" && h.year == year && d.municipality_of(h.unit).id == m.id) avg += h.htv;
    auto rule = rule_for(rules, Date::last_of_year(year));
    auto wage = wages.find(year);
    if (rule && td.eligible_days_hundredths > 0) {
      if (wage == wages.end())
        notes.insert(fmt::format("{}: no --wage-sum {}=… given: no compensation / korvausta ei laskettu ilman "
                                 "palkkasummaa / ingen ersättning utan lönesumma",
                                 year, year));
      else if (avg <= 0)
        notes.insert(fmt::format("{} {}: no actual htv: no compensation / ei toteutuneita htv:itä / inga faktiska årsverken",
                                 m.id, year));
      else
        f.compensation = compensation(td.eligible_days_hundredths, wage->second, avg, *rule);
    }
    std::erase_if(d.personnel.training, [&](const TrainingFigure& t) { return t.unit == unit && t.year == year; });
    d.personnel.training.push_back(f);
    out << fmt::format("{};{};{};{};{}\n", unit, year, fixed_to_plain(td.days_hundredths, 2),
                       fixed_to_plain(td.eligible_days_hundredths, 2),
                       f.compensation ? cents_to_plain(*f.compensation) : "");
  }
  canonicalize(d);
  AuditEntry audit = cli_audit("import", "trainings/" + o.dir, std::nullopt,
                               fmt::format("records={};unit_years={}", records.size(), days.size()));
  store->replace(d, {&audit, false, std::nullopt});
  for (const auto& n : notes) out << n << "\n";
  out << fmt::format("{}: {} training records → {} unit-years\n", o.db, records.size(), days.size());
  return 0;
}

}  // namespace toteuma
