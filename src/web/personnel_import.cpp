// Moved from cli/import_commands.cpp so the web runs exactly the command line's imports.
#include "web/personnel_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "core/dataset.h"
#include "core/fixed.h"
#include "core/format.h"
#include "core/personnel/htv.h"
#include "core/personnel/training.h"
#include "ingest/csv.h"
#include "ingest/employment_records.h"

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

namespace {

// An upload's own name in its errors, not its temporary path.
template <class F>
auto named(const std::string& path, const std::string& name, F&& read) {
  try {
    return read(path);
  } catch (const InputError& e) {
    if (e.file == name) throw;
    throw InputError(name, e.line, e.column, e.message);
  }
}

}  // namespace

EmploymentsDone import_employments_file(Store& store, const std::string& path, const std::string& name, const Actor& by) {
  Dataset d = store.read();
  // Throws before anything changes; every unit valid on every day of its employments.
  auto records = named(path, name, [&](const std::string& p) { return read_employment_records(p, d.units); });
  int from = 9999;
  for (const auto& e : records) from = std::min(from, e.start.year);
  EmploymentsDone done{records.size(), compute_htv(records, from, last_year_covered(records))};
  // The imported htv are the actual of the (unit, year)s the export covers: they replace that
  // actual of regular staff only; entered plans and forecasts stay as they are.
  std::erase_if(d.personnel.htv, [&](const HtvFigure& h) {
    return h.kind == "actual" && h.group.empty() && done.htv.count({h.unit, h.year});
  });
  for (const auto& [key, value] : done.htv) d.personnel.htv.push_back({key.first, key.second, "actual", "", value});
  canonicalize(d);
  AuditEntry audit{0, "", by.user, "import", "employments/" + name, std::nullopt,
                   fmt::format("employments={};unit_years={}", records.size(), done.htv.size()), "", by.via};
  store.replace(d, {&audit, false, std::nullopt});
  return done;
}

TrainingsDone import_trainings_file(Store& store, const std::string& path, const std::string& name,
                                    const std::vector<std::string>& wage_sum_args, const Actor& by) {
  Dataset d = store.read();
  auto records = named(path, name, [&](const std::string& p) { return read_training_records(p, unit_ids(d)); });
  auto rules = compensation_rules();
  auto days = compute_training_days(records, rules);
  std::set<int> years;
  for (const auto& [key, td] : days) years.insert(key.second);
  const auto wages = wage_sums(wage_sum_args, years);
  TrainingsDone done;
  done.records = records.size();
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
        done.notes.insert(fmt::format("{}: no --wage-sum {}=… given: no compensation / korvausta ei laskettu ilman "
                                      "palkkasummaa / ingen ersättning utan lönesumma",
                                      year, year));
      else if (avg <= 0)
        done.notes.insert(fmt::format("{} {}: no actual htv: no compensation / ei toteutuneita htv:itä / inga faktiska årsverken",
                                      m.id, year));
      else
        f.compensation = compensation(td.eligible_days_hundredths, wage->second, avg, *rule);
    }
    std::erase_if(d.personnel.training, [&](const TrainingFigure& t) { return t.unit == unit && t.year == year; });
    d.personnel.training.push_back(f);
    done.figures.push_back(f);
  }
  canonicalize(d);
  AuditEntry audit{0, "", by.user, "import", "trainings/" + name, std::nullopt,
                   fmt::format("records={};unit_years={}", records.size(), days.size()), "", by.via};
  store.replace(d, {&audit, false, std::nullopt});
  return done;
}

}  // namespace toteuma
