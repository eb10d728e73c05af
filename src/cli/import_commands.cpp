// toteuma import employments|trainings: person-level exports in, aggregates out. Persons are
// read, aggregated per unit and year, and forgotten: only the aggregates reach the store.
#include <fmt/format.h>

#include <set>

#include "cli/commands.h"
#include "core/fixed.h"
#include "core/format.h"
#include "core/ledger.h"
#include "core/training.h"
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

}  // namespace

int cmd_import_employments(const CommandOptions& o, std::ostream& out) {
  auto store = open_sqlite_store(o.db);
  Dataset d = store->read();
  auto records = read_employment_records(o.dir, unit_ids(d));  // throws before anything changes
  int from = 9999, to = 0;
  for (const auto& e : records) {
    from = std::min(from, e.start.year);
    to = std::max(to, e.end ? e.end->year : e.start.year);
  }
  auto htv = compute_htv(records, from, to);
  // Replace the actual htv of regular staff for exactly the (unit, year)s the export covers.
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
  Ledger ledger(d);
  for (const auto& [key, td] : days) {
    const auto& [unit, year] = key;
    TrainingFigure f{unit, year, td.days_hundredths, td.eligible_days_hundredths, std::nullopt};
    // Compensation = % of (the municipality's wage sum ÷ its average htv ÷ divisor) × eligible
    // days; computed only when the year's wages and htv are in the dataset and a rule is valid.
    const Municipality& m = d.municipality_of(unit);
    OrgView org(d.units, Date::last_of_year(year));
    auto wages = ledger.measure(org, m.id, "wages", {Measure::actual, year, 0});
    PersonYears avg = 0;
    for (const auto& h : d.personnel.htv)
      if (h.kind == "actual" && h.year == year && d.municipality_of(h.unit).id == m.id) avg += h.htv;
    auto rule = rule_for(rules, Date::last_of_year(year));
    // Costs are negative in the dataset; the wage sum of the law is their magnitude.
    if (wages && *wages != 0 && avg > 0 && rule && td.eligible_days_hundredths > 0)
      f.compensation = compensation(td.eligible_days_hundredths, *wages < 0 ? -*wages : *wages, avg, *rule);
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
  out << fmt::format("{}: {} training records → {} unit-years\n", o.db, records.size(), days.size());
  return 0;
}

}  // namespace toteuma
