#include "core/finance/ledger.h"

#include <stdexcept>

namespace toteuma {

namespace {
constexpr int kUnitBits = 24, kLineBits = 20, kScenarioBits = 20;
// A shard forgets everything beyond this many entries: a server asked for many dates must not
// grow without bound (a document needs far fewer: units with sub-units × lines × its scenarios).
constexpr std::size_t kMemoShardCap = 1 << 16;
constexpr std::size_t kMemoShards = 16;
}  // namespace

// value() per (view date, unit, line, scenario). Sharded so that request threads rarely wait
// for each other; a lock is never held while computing (value recurses).
struct Ledger::Memo {
  struct Entry {
    std::uint64_t key;
    std::int32_t date;
    bool operator==(const Entry&) const = default;
  };
  struct Hash {
    std::size_t operator()(const Entry& e) const {
      std::uint64_t h = e.key * 0x9E3779B97F4A7C15ull ^ (static_cast<std::uint64_t>(e.date) + 0x632BE59BD9B4E019ull);
      return static_cast<std::size_t>(h ^ (h >> 29));
    }
  };
  struct Shard {
    std::mutex m;
    std::unordered_map<Entry, std::optional<Cents>, Hash> values;
  };
  std::array<Shard, kMemoShards> shards;
  Shard& shard(const Entry& e) { return shards[Hash{}(e) % kMemoShards]; }
};

std::optional<Cents> add_opt(std::optional<Cents> a, std::optional<Cents> b) {
  if (!a && !b) return std::nullopt;
  return checked_add(a.value_or(0), b.value_or(0));
}

Ledger::Ledger(const Dataset& d) : d_(d), memo_(std::make_unique<Memo>()) {
  for (const auto& u : d.units) intern(units_, u.id);
  for (const auto& l : d.chart.lines()) {
    intern(lines_, l.id);
    for (const auto& t : l.formula) intern(lines_, t.line);
  }
  for (const auto& s : d.scenarios) intern(scenarios_, s.id);
  figures_.reserve(d.figures.size());
  for (const auto& f : d.figures) add_figure(f.unit, f.line, f.scenario, f.amount);
  // The financing part's investment lines are the investment part's sums (figures.csv refuses
  // them), on a chart that has them.
  for (const auto& f : investment_cash_flow_figures(d)) {
    if (!d.chart.find(f.line)) continue;
    add_figure(f.unit, f.line, f.scenario, f.amount);
  }
  if (units_.size() >> kUnitBits || lines_.size() >> kLineBits || scenarios_.size() >> kScenarioBits)
    throw std::length_error("Ledger: too many units, lines or scenarios");
  // The totals each line is a part of, to mark has_own upwards once instead of searching the
  // formulas downwards at every call.
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> totals_of;
  for (const auto& l : d.chart.lines())
    for (const auto& t : l.formula) totals_of[line_no(t.line)].push_back(line_no(l.id));
  own_.reserve(figures_.size() * 2);
  constexpr Key field = (Key{1} << kScenarioBits) - 1;
  std::vector<std::uint32_t> todo;
  for (const auto& [k, amount] : figures_) {
    Key unit = k >> (kLineBits + kScenarioBits), sc = k & field;
    todo.assign(1, static_cast<std::uint32_t>((k >> kScenarioBits) & ((Key{1} << kLineBits) - 1)));
    while (!todo.empty()) {
      std::uint32_t line = todo.back();
      todo.pop_back();
      // Already marked: so are the totals above it.
      if (!own_.insert(pack(static_cast<std::uint32_t>(unit), line, static_cast<std::uint32_t>(sc))).second) continue;
      auto up = totals_of.find(line);
      if (up != totals_of.end()) todo.insert(todo.end(), up->second.begin(), up->second.end());
    }
  }
}

Ledger::Key Ledger::pack(std::uint32_t unit, std::uint32_t line, std::uint32_t sc) {
  return (Key{unit} << (kLineBits + kScenarioBits)) | (Key{line} << kScenarioBits) | Key{sc};
}

Ledger::~Ledger() = default;

std::uint32_t Ledger::lookup(const std::unordered_map<std::string, std::uint32_t>& m, const std::string& s) {
  auto it = m.find(s);
  return it == m.end() ? unknown : it->second;
}

std::uint32_t Ledger::intern(std::unordered_map<std::string, std::uint32_t>& m, const std::string& s) {
  return m.emplace(s, static_cast<std::uint32_t>(m.size())).first->second;
}

std::optional<Ledger::Key> Ledger::key(const std::string& unit, const std::string& line, const std::string& sc) const {
  std::uint32_t u = unit_no(unit), l = line_no(line), c = scenario_no(sc);
  if (u == unknown || l == unknown || c == unknown) return std::nullopt;
  return pack(u, l, c);
}

void Ledger::add_figure(const std::string& unit, const std::string& line, const std::string& sc, Cents amount) {
  std::uint32_t u = intern(units_, unit), l = intern(lines_, line), c = intern(scenarios_, sc);
  figures_[pack(u, l, c)] = amount;
  holders_.insert({unit, sc});
}

std::optional<Cents> Ledger::entered(const std::string& unit, const std::string& line,
                                     const std::string& sc) const {
  auto k = key(unit, line, sc);
  if (!k) return std::nullopt;
  auto it = figures_.find(*k);
  if (it == figures_.end()) return std::nullopt;
  return it->second;
}

bool Ledger::has_own(const std::string& unit, const std::string& line,
                     const std::string& sc) const {
  auto k = key(unit, line, sc);
  return k && own_.count(*k);
}

std::optional<Cents> Ledger::value(const OrgView& org, const std::string& unit,
                                   const std::string& line, const std::string& sc) const {
  // Only units with sub-units: a leaf's value is its own figures, cheaper to read again than to
  // memoise. Only views of this dataset's units: other versions on the same date are another tree.
  auto k = org.source() == &d_.units && !org.children(unit).empty() ? key(unit, line, sc) : std::nullopt;
  if (!k) return compute_value(org, unit, line, sc);
  const Date& on = org.date();
  Memo::Entry e{*k, on.year * 10000 + on.month * 100 + on.day};
  Memo::Shard& shard = memo_->shard(e);
  {
    std::lock_guard lock(shard.m);
    auto it = shard.values.find(e);
    if (it != shard.values.end()) return it->second;
  }
  auto v = compute_value(org, unit, line, sc);
  std::lock_guard lock(shard.m);
  if (shard.values.size() >= kMemoShardCap) shard.values.clear();
  shard.values.emplace(e, v);
  return v;
}

std::optional<Cents> Ledger::compute_value(const OrgView& org, const std::string& unit,
                                           const std::string& line, const std::string& sc) const {
  if (has_own(unit, line, sc)) {
    const Line* l = d_.chart.find(line);
    bool parts_own = false;
    if (l)
      for (const auto& t : l->formula) parts_own = parts_own || has_own(unit, t.line, sc);
    if (!parts_own) return entered(unit, line, sc);
    std::optional<Cents> sum;
    for (const auto& t : l->formula) {
      auto v = value(org, unit, t.line, sc);
      if (v) sum = signed_add(sum.value_or(0), t.sign, *v);
    }
    return sum;
  }
  return children_sum(org, unit, line, sc).first;
}

std::pair<std::optional<Cents>, int> Ledger::children_sum(const OrgView& org, const std::string& unit,
                                                          const std::string& line, const std::string& sc) const {
  std::optional<Cents> sum;
  int n = 0;
  for (const UnitVersion* c : org.children(unit)) {
    auto v = value(org, c->id, line, sc);
    if (!v) continue;
    sum = checked_add(sum.value_or(0), *v);
    ++n;
  }
  return {sum, n};
}

std::vector<std::string> Ledger::scenarios_of(ScenarioKind k, int year, int base_year) const {
  std::vector<std::string> out;
  for (const auto& s : d_.scenarios)
    if (s.kind == k && s.year == year && (k != ScenarioKind::plan || s.base_year == base_year))
      out.push_back(s.id);
  return out;
}

std::optional<Cents> Ledger::sum_scenarios(const OrgView& org, const std::string& unit,
                                           const std::string& line, ScenarioKind k, int year,
                                           int base_year) const {
  std::optional<Cents> sum;
  for (const auto& id : scenarios_of(k, year, base_year))
    sum = add_opt(sum, value(org, unit, line, id));
  return sum;
}

std::optional<Cents> Ledger::measure(const OrgView& org, const std::string& unit,
                                     const std::string& line, const ColumnSpec& c) const {
  switch (c.measure) {
    case Measure::budget: return sum_scenarios(org, unit, line, ScenarioKind::budget, c.year);
    case Measure::amendments:
      return sum_scenarios(org, unit, line, ScenarioKind::amendment, c.year);
    case Measure::budget_after: {
      auto budget = sum_scenarios(org, unit, line, ScenarioKind::budget, c.year);
      auto amended = sum_scenarios(org, unit, line, ScenarioKind::amendment, c.year);
      if (!budget && amended && budget_sits_above(org, unit, line, c.year)) return std::nullopt;
      return add_opt(budget, amended);
    }
    case Measure::actual: return sum_scenarios(org, unit, line, ScenarioKind::actual, c.year);
    case Measure::forecast: return sum_scenarios(org, unit, line, ScenarioKind::forecast, c.year);
    case Measure::plan:
      return sum_scenarios(org, unit, line, ScenarioKind::plan, c.year, c.base_year);
    case Measure::deviation:
      return difference_from_budget(org, unit, line, c.year, measure(org, unit, line, {Measure::actual, c.year, 0}),
                                    holds_any(org, unit, ScenarioKind::actual, c.year));

  }
  return std::nullopt;
}

// True when the original budget of `line` is given for a total above it rather than for its
// parts (e.g. an amendment of wages where the budget was set for personnel costs as a whole):
// the line then has no budget of its own, and no budget after amendments either.
bool Ledger::budget_sits_above(const OrgView& org, const std::string& unit, const std::string& line, int year) const {
  for (const Line* t = d_.chart.parent_total(line); t; t = d_.chart.parent_total(t->id)) {
    if (!sum_scenarios(org, unit, t->id, ScenarioKind::budget, year)) continue;
    for (const auto& part : t->formula)
      if (sum_scenarios(org, unit, part.line, ScenarioKind::budget, year)) return false;  // built from parts
    return true;
  }
  return false;
}

bool Ledger::holds_any(const OrgView& org, const std::string& unit, ScenarioKind k, int year, int depth) const {
  for (const auto& id : scenarios_of(k, year))
    if (holders_.count({unit, id})) return true;
  if (depth < 64)
    for (const UnitVersion* c : org.children(unit))
      if (holds_any(org, c->id, k, year, depth + 1)) return true;
  return false;
}

std::optional<Cents> Ledger::difference_from_budget(const OrgView& org, const std::string& unit, const std::string& line,
                                                    int year, std::optional<Cents> value, bool value_column) const {
  auto bud = measure(org, unit, line, {Measure::budget_after, year, 0});
  if (!value && !bud) return std::nullopt;
  // A base absent from the whole column (no actual of the year yet: Heinola's 2024 report
  // printed +33 316 000 beside an empty TP) gives no difference; a line left blank inside an
  // existing column is a zero. A line whose budget sits on a total above it has none of its own.
  if (!value && !value_column) return std::nullopt;
  if (!bud && (!(holds_any(org, unit, ScenarioKind::budget, year) || holds_any(org, unit, ScenarioKind::amendment, year)) ||
               budget_sits_above(org, unit, line, year)))
    return std::nullopt;
  return checked_sub(value.value_or(0), bud.value_or(0));
}

std::optional<std::int64_t> Ledger::realisation_permille(const OrgView& org,
                                                         const std::string& unit,
                                                         const std::string& line, int year) const {
  auto act = measure(org, unit, line, {Measure::actual, year, 0});
  auto bud = measure(org, unit, line, {Measure::budget_after, year, 0});
  if (!act || !bud) return std::nullopt;
  return ratio_permille(*act, *bud);
}

std::optional<bool> Ledger::overrun(const OrgView& org, const std::string& unit, int year) const {
  const UnitVersion* u = org.find(unit);
  if (!u || u->binding_line.empty()) return std::nullopt;
  auto act = measure(org, unit, u->binding_line, {Measure::actual, year, 0});
  auto bud = measure(org, unit, u->binding_line, {Measure::budget_after, year, 0});
  if (!act || !bud) return std::nullopt;
  return *act < *bud;
}

bool Ledger::column_has_data(const OrgView& org, const std::string& unit,
                             const ColumnSpec& col) const {
  for (const Line& l : d_.chart.lines())
    if (measure(org, unit, l.id, col)) return true;
  return false;
}

}  // namespace toteuma
