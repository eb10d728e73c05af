#include "core/budgeting/budget_round.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "core/dataset.h"

namespace toteuma {

namespace {

// amount × (10000 + h) / 10000, rounded half away from zero.
Cents adjusted(Cents amount, int hundredths_of_percent) {
  __extension__ typedef __int128 Int128;
  Int128 v = static_cast<Int128>(amount) * (10000 + hundredths_of_percent);
  Int128 q = v / 10000, r = v % 10000;
  if (2 * (r < 0 ? -r : r) >= 10000) q += v < 0 ? -1 : 1;
  if (q > INT64_MAX || q < INT64_MIN) throw MoneyOverflow();
  return static_cast<Cents>(q);
}

// The entered figures per (unit, line) of the scenarios `take` accepts.
std::map<std::pair<std::string, std::string>, Cents> entered(const Dataset& d, auto take) {
  std::map<std::pair<std::string, std::string>, Cents> out;
  for (const auto& f : d.figures) {
    const Scenario* s = d.scenario(f.scenario);
    if (!s || !take(*s)) continue;
    Cents& c = out[{f.unit, f.line}];
    c = checked_add(c, f.amount);
  }
  return out;
}

}  // namespace

const std::vector<BudgetStage>& default_budget_stages() {
  static const std::vector<BudgetStage> stages = {
      {"frame", 1, {"Talousarvioraami", "Budgetram"}, "finance"},
      {"proposal", 2, {"Yksiköiden ehdotukset", "Enheternas förslag"}, "unit"},
      {"consolidated", 3, {"Talouspalvelujen yhteenveto", "Ekonomiservicens sammanställning"}, "finance"},
      {"manager", 4, {"Kaupunginjohtajan ehdotus", "Stadsdirektörens förslag"}, "finance"},
      {"board", 5, {"Kaupunginhallituksen ehdotus", "Stadsstyrelsens förslag"}, "finance"},
      {"council", 6, {"Valtuuston päätös", "Fullmäktiges beslut"}, "finance"},
  };
  return stages;
}

std::vector<BudgetStage> budget_stages(const Dataset& d) {
  std::vector<BudgetStage> s = d.budgeting.stages.empty() ? default_budget_stages() : d.budgeting.stages;
  std::sort(s.begin(), s.end(), [](const auto& a, const auto& b) { return std::tie(a.position, a.id) < std::tie(b.position, b.id); });
  return s;
}

std::string stage_editors(const Dataset& d, const BudgetVersion& v) {
  for (const auto& s : budget_stages(d))
    if (s.id == v.stage) return s.editors;
  return "";
}

void canonicalize(BudgetRounds& r) {
  std::sort(r.stages.begin(), r.stages.end(), [](const auto& a, const auto& b) { return std::tie(a.position, a.id) < std::tie(b.position, b.id); });
  std::sort(r.versions.begin(), r.versions.end(), [](const auto& a, const auto& b) { return std::tie(a.year, a.id) < std::tie(b.year, b.id); });
  std::sort(r.figures.begin(), r.figures.end(), [](const auto& a, const auto& b) {
    return std::tie(a.version, a.unit, a.line, a.year) < std::tie(b.version, b.unit, b.line, b.year);
  });
  std::sort(r.htv.begin(), r.htv.end(), [](const auto& a, const auto& b) { return std::tie(a.version, a.unit, a.year) < std::tie(b.version, b.unit, b.year); });
  std::sort(r.proposals.begin(), r.proposals.end(), [](const auto& a, const auto& b) { return std::tie(a.version, a.unit) < std::tie(b.version, b.unit); });
  std::sort(r.notes.begin(), r.notes.end(), [](const auto& a, const auto& b) {
    return std::tie(a.version, a.unit, a.line, a.lang) < std::tie(b.version, b.unit, b.line, b.lang);
  });
  std::sort(r.groups.begin(), r.groups.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  std::sort(r.alternatives.begin(), r.alternatives.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  std::sort(r.changes.begin(), r.changes.end(), [](const auto& a, const auto& b) {
    return std::tie(a.alternative, a.unit, a.line, a.year) < std::tie(b.alternative, b.unit, b.line, b.year);
  });
}

std::vector<const BudgetVersion*> versions_of(const Dataset& d, int year) {
  std::map<std::string, int> position;
  for (const auto& s : budget_stages(d)) position[s.id] = s.position;
  std::vector<const BudgetVersion*> out;
  for (const auto& v : d.budgeting.versions)
    if (v.year == year) out.push_back(&v);
  std::sort(out.begin(), out.end(), [&](const BudgetVersion* a, const BudgetVersion* b) {
    return std::tuple(position[a->stage], a->created, a->id) < std::tuple(position[b->stage], b->created, b->id);
  });
  return out;
}

const BudgetVersion* find_version(const Dataset& d, const std::string& id) {
  for (const auto& v : d.budgeting.versions)
    if (v.id == id) return &v;
  return nullptr;
}

std::string version_scenario(int year, int base_year) { return fmt::format("#version-{}-{}", year, base_year); }

Dataset version_dataset(const Dataset& d, const BudgetVersion& v) {
  std::vector<VersionFigure> own;
  for (const auto& f : d.budgeting.figures)
    if (f.version == v.id) own.push_back(f);
  return version_dataset(d, v, own);
}

Dataset version_dataset(const Dataset& d, const BudgetVersion& v, const std::vector<VersionFigure>& figures) {
  Dataset out;
  out.municipalities = d.municipalities;
  out.units = d.units;
  out.chart = d.chart;
  out.phasing = d.phasing;
  for (int y = v.year; y <= v.year + 2; ++y) {
    Scenario s;
    s.id = version_scenario(y, v.year);
    s.kind = y == v.year ? ScenarioKind::budget : ScenarioKind::plan;
    s.year = y;
    if (y != v.year) s.base_year = v.year;
    s.name = y == v.year ? v.name : Text{fmt::format("{} – TS {}", v.name.fi, y), fmt::format("{} – EP {}", v.name.sv, y)};
    s.municipality = "";
    out.scenarios.push_back(std::move(s));
  }
  for (const auto& f : figures)
    if (f.year >= v.year && f.year <= v.year + 2)
      out.figures.push_back({f.unit, f.line, version_scenario(f.year, v.year), f.amount});
  return out;
}

std::optional<VersionSource> parse_version_source(const std::string& s) {
  if (s.empty()) return VersionSource{};
  if (s == "last-budget") return VersionSource{VersionSource::Kind::last_budget, ""};
  if (s == "plan") return VersionSource{VersionSource::Kind::plan, ""};
  if (s.rfind("version:", 0) == 0 && s.size() > 8) return VersionSource{VersionSource::Kind::version, s.substr(8)};
  return std::nullopt;
}

std::string to_string(const VersionSource& s) {
  switch (s.kind) {
    case VersionSource::Kind::empty: return "";
    case VersionSource::Kind::last_budget: return "last-budget";
    case VersionSource::Kind::plan: return "plan";
    case VersionSource::Kind::version: return "version:" + s.version;
  }
  return "";
}

std::optional<LineAdjustment> parse_line_adjustment(const std::string& s) {
  auto eq = s.find('=');
  if (eq == std::string::npos || eq == 0) return std::nullopt;
  std::string num = s.substr(eq + 1);
  if (!num.empty() && num.back() == '%') num.pop_back();
  int sign = 1;
  std::size_t i = 0;
  if (i < num.size() && (num[i] == '+' || num[i] == '-')) sign = num[i++] == '-' ? -1 : 1;
  long whole = 0, frac = 0;
  int frac_digits = 0;
  bool any = false, point = false;
  for (; i < num.size(); ++i) {
    char c = num[i];
    if ((c == '.' || c == ',') && !point) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      any = true;
      if (point) {
        if (++frac_digits > 2) return std::nullopt;
        frac = frac * 10 + (c - '0');
      } else {
        whole = whole * 10 + (c - '0');
        if (whole > 1000) return std::nullopt;  // beyond ±1000 %: a typing error
      }
    } else {
      return std::nullopt;
    }
  }
  if (!any) return std::nullopt;
  if (frac_digits == 1) frac *= 10;
  return LineAdjustment{s.substr(0, eq), static_cast<int>(sign * (whole * 100 + frac))};
}

std::vector<VersionFigure> start_version_figures(const Dataset& d, const BudgetVersion& v, const VersionSource& from,
                                                 const std::vector<LineAdjustment>& adjust) {
  // year → (unit, line) → amount
  std::map<int, std::map<std::pair<std::string, std::string>, Cents>> by_year;
  const int y = v.year;
  switch (from.kind) {
    case VersionSource::Kind::empty: break;
    case VersionSource::Kind::last_budget: {
      auto last = entered(d, [&](const Scenario& s) {
        return s.year == y - 1 && (s.kind == ScenarioKind::budget || s.kind == ScenarioKind::amendment);
      });
      for (int k = y; k <= y + 2; ++k) by_year[k] = last;
      break;
    }
    case VersionSource::Kind::plan: {
      for (int k = y; k <= y + 1; ++k)
        by_year[k] = entered(d, [&](const Scenario& s) { return s.kind == ScenarioKind::plan && s.year == k && s.base_year == y - 1; });
      by_year[y + 2] = by_year[y + 1];
      break;
    }
    case VersionSource::Kind::version: {
      const BudgetVersion* src = find_version(d, from.version);
      if (!src || src->year != y) throw std::invalid_argument("source version of another round or none: " + from.version);
      for (const auto& f : d.budgeting.figures)
        if (f.version == src->id) by_year[f.year][{f.unit, f.line}] = f.amount;
      break;
    }
  }
  std::vector<VersionFigure> out;
  for (const auto& [year, figures] : by_year)
    for (const auto& [key, amount] : figures) {
      Cents a = amount;
      for (const auto& adj : adjust)
        if (is_part_of(d.chart, key.second, adj.line)) {
          a = adjusted(a, adj.hundredths_of_percent);
          break;
        }
      out.push_back({v.id, key.first, key.second, year, a});
    }
  return out;
}

void adopt_version(Dataset& d, const std::string& version, const std::string& budget_id) {
  auto it = std::find_if(d.budgeting.versions.begin(), d.budgeting.versions.end(), [&](const auto& v) { return v.id == version; });
  if (it == d.budgeting.versions.end()) throw std::invalid_argument("no such version: " + version);
  if (it->stage != kCouncilStage) throw std::invalid_argument("only the council's decision is adopted: " + version);
  if (!it->adopted.empty()) throw std::invalid_argument("adopted already as " + it->adopted);
  const int y = it->year;
  // The scenarios it becomes: the budget of Y and the plan of Y+1, Y+2 made with it.
  std::map<int, std::string> target;
  target[y] = budget_id;
  for (int k = y + 1; k <= y + 2; ++k) {
    for (const auto& s : d.scenarios)
      if (s.kind == ScenarioKind::plan && s.year == k && s.base_year == y) target[k] = s.id;
    if (!target.count(k)) target[k] = fmt::format("ts{}-{}", k, y);
  }
  for (const auto& [year, id] : target) {
    if (const Scenario* s = d.scenario(id)) {
      bool fits = year == y ? s->kind == ScenarioKind::budget && s->year == y
                            : s->kind == ScenarioKind::plan && s->year == year && s->base_year == y;
      if (!fits) throw std::invalid_argument("scenario " + id + " is not the budget or plan it would become");
      continue;
    }
    Scenario s;
    s.id = id;
    s.kind = year == y ? ScenarioKind::budget : ScenarioKind::plan;
    s.year = year;
    if (year != y) s.base_year = y;
    s.name = year == y ? Text{fmt::format("Talousarvio {}", y), fmt::format("Budget {}", y)}
                       : Text{fmt::format("Taloussuunnitelma {}", year), fmt::format("Ekonomiplan {}", year)};
    s.municipality = it->municipality;
    d.scenarios.push_back(std::move(s));
  }
  std::set<std::string> ids;
  for (const auto& [year, id] : target) ids.insert(id);
  std::erase_if(d.figures, [&](const Figure& f) { return ids.count(f.scenario) > 0; });
  for (const auto& f : d.budgeting.figures)
    if (f.version == version && target.count(f.year)) d.figures.push_back({f.unit, f.line, target[f.year], f.amount});
  adopt_version_htv(d, version);
  it->adopted = budget_id;
}

}  // namespace toteuma
