#include "core/finance/ledger.h"

#include <algorithm>
#include <atomic>
#include <stdexcept>

#include "core/finance/investments.h"

namespace toteuma {

namespace {
// The memo forgets every table beyond this many cells (8 bytes and a state byte each, 144 MB in
// all): a server asked for many dates must not grow without bound. A 3 000-unit city's table is
// 3 000 units × the chart's ~60 lines, 180 000 cells; a document uses one per scenario it shows.
constexpr std::size_t kMemoCellCap = std::size_t{1} << 24;

std::int32_t date_key(const Date& on) { return on.year * 10000 + on.month * 100 + on.day; }
}  // namespace

// The children of each unit (by number) in the view of one date.
struct Ledger::Tree {
  std::vector<std::vector<std::uint32_t>> children;
};

// value() of one (view date, scenario) for every (unit, line), filled as asked. Cells are atomics
// so that request threads sharing the Ledger may fill them at once: two threads computing the same
// cell store the same value, and the state is published after the value.
struct Ledger::Table {
  explicit Table(std::size_t cells)
      : values(new std::atomic<Cents>[cells]()), state(new std::atomic<std::uint8_t>[cells]()) {}
  std::unique_ptr<std::atomic<Cents>[]> values;
  std::unique_ptr<std::atomic<std::uint8_t>[]> state;  // 0 not yet, 1 absent, 2 values[i]
};

struct Ledger::Memo {
  std::mutex m;
  std::map<std::int32_t, std::shared_ptr<const Tree>> trees;  // by date
  std::map<std::pair<std::int32_t, std::uint32_t>, std::shared_ptr<Table>> tables;  // (date, scenario)
  std::size_t cells = 0;
};

std::optional<Cents> add_opt(std::optional<Cents> a, std::optional<Cents> b) {
  if (!a && !b) return std::nullopt;
  return checked_add(a.value_or(0), b.value_or(0));
}

Ledger::Ledger(const Dataset& d) : d_(d), memo_(std::make_unique<Memo>()) {
  for (const auto& u : d.units) version_unit_.push_back(intern(units_, u.id));
  for (const auto& l : d.chart.lines()) {
    intern(lines_, l.id);
    for (const auto& t : l.formula) intern(lines_, t.line);
  }
  for (const auto& s : d.scenarios) intern(scenarios_, s.id);
  // The financing part's investment lines are the investment part's sums (figures.csv refuses
  // them), on a chart that has them.
  auto investment = investment_cash_flow_figures(d);
  struct Entry {
    std::uint32_t unit, line, sc;
    Cents amount;
  };
  std::vector<Entry> entries;
  entries.reserve(d.figures.size() + investment.size());
  auto add = [&](const Figure& f) {
    entries.push_back({intern(units_, f.unit), intern(lines_, f.line), intern(scenarios_, f.scenario), f.amount});
  };
  for (const auto& f : d.figures) add(f);
  for (const auto& f : investment)
    if (d.chart.find(f.line)) add(f);
  lines_n_ = static_cast<std::uint32_t>(lines_.size());
  scenarios_n_ = static_cast<std::uint32_t>(scenarios_.size());
  words_ = (lines_n_ + 63) / 64;
  if (units_.size() >= (std::size_t{1} << 31) / std::max<std::size_t>(scenarios_n_, 1) || entries.size() >> 31)
    throw std::length_error("Ledger: too many units, scenarios or figures");

  formula_.resize(lines_n_);
  for (const auto& [id, no] : lines_)
    if (const Line* l = d.chart.find(id))
      for (const auto& t : l->formula) formula_[no].push_back({t.sign, line_no(t.line)});
  // Each line with the totals it is a part of at any depth: a figure marks all of them as own.
  std::vector<std::vector<std::uint32_t>> totals_of(lines_n_);
  for (std::uint32_t l = 0; l < lines_n_; ++l)
    for (const auto& [sign, part] : formula_[l]) totals_of[part].push_back(l);
  std::vector<std::uint64_t> up(static_cast<std::size_t>(lines_n_) * words_, 0);
  for (std::uint32_t l = 0; l < lines_n_; ++l) {
    std::uint64_t* bits = &up[static_cast<std::size_t>(l) * words_];
    std::vector<std::uint32_t> todo{l};
    while (!todo.empty()) {
      std::uint32_t t = todo.back();
      todo.pop_back();
      if (bits[t / 64] >> (t % 64) & 1) continue;
      bits[t / 64] |= std::uint64_t{1} << (t % 64);
      todo.insert(todo.end(), totals_of[t].begin(), totals_of[t].end());
    }
  }

  // Group the figures by holder (counting sort), each holder's lines in order; a figure given
  // twice keeps the later one, as a map assignment would.
  holder_.assign(units_.size() * scenarios_n_, -1);
  std::vector<std::uint32_t> count;
  for (const Entry& e : entries) {
    std::int32_t& h = holder_[static_cast<std::size_t>(e.unit) * scenarios_n_ + e.sc];
    if (h < 0) {
      h = static_cast<std::int32_t>(count.size());
      count.push_back(0);
    }
    ++count[static_cast<std::size_t>(h)];
  }
  std::vector<std::uint32_t> start(count.size() + 1, 0);
  for (std::size_t h = 0; h < count.size(); ++h) start[h + 1] = start[h] + count[h];
  std::vector<std::uint32_t> order(entries.size());
  {
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (std::uint32_t i = 0; i < entries.size(); ++i)
      order[next[static_cast<std::size_t>(holder_[static_cast<std::size_t>(entries[i].unit) * scenarios_n_ + entries[i].sc])]++] = i;
  }
  fig_begin_.assign(1, 0);
  fig_line_.reserve(entries.size());
  fig_amount_.reserve(entries.size());
  own_bits_.assign(count.size() * words_, 0);
  for (std::size_t h = 0; h < count.size(); ++h) {
    auto first = order.begin() + start[h], last = order.begin() + start[h + 1];
    std::stable_sort(first, last, [&](std::uint32_t a, std::uint32_t b) { return entries[a].line < entries[b].line; });
    for (auto it = first; it != last; ++it) {
      const Entry& e = entries[*it];
      if (std::next(it) != last && entries[*std::next(it)].line == e.line) continue;  // a later one wins
      fig_line_.push_back(e.line);
      fig_amount_.push_back(e.amount);
      const std::uint64_t* bits = &up[static_cast<std::size_t>(e.line) * words_];
      for (std::uint32_t w = 0; w < words_; ++w) own_bits_[h * words_ + w] |= bits[w];
    }
    fig_begin_.push_back(static_cast<std::uint32_t>(fig_line_.size()));
  }
}

Ledger::~Ledger() = default;

std::uint32_t Ledger::lookup(const std::unordered_map<std::string, std::uint32_t>& m, const std::string& s) {
  auto it = m.find(s);
  return it == m.end() ? unknown : it->second;
}

std::uint32_t Ledger::intern(std::unordered_map<std::string, std::uint32_t>& m, const std::string& s) {
  return m.emplace(s, static_cast<std::uint32_t>(m.size())).first->second;
}

std::int32_t Ledger::holder(std::uint32_t unit, std::uint32_t sc) const {
  if (unit == unknown || sc == unknown) return -1;
  return holder_[static_cast<std::size_t>(unit) * scenarios_n_ + sc];
}

bool Ledger::own(std::uint32_t unit, std::uint32_t line, std::uint32_t sc) const {
  std::int32_t h = holder(unit, sc);
  if (h < 0 || line == unknown) return false;
  return own_bits_[static_cast<std::size_t>(h) * words_ + line / 64] >> (line % 64) & 1;
}

std::optional<Cents> Ledger::entered(std::uint32_t unit, std::uint32_t line, std::uint32_t sc) const {
  std::int32_t h = holder(unit, sc);
  if (h < 0 || line == unknown) return std::nullopt;
  auto first = fig_line_.begin() + fig_begin_[static_cast<std::size_t>(h)];
  auto last = fig_line_.begin() + fig_begin_[static_cast<std::size_t>(h) + 1];
  auto it = std::lower_bound(first, last, line);
  if (it == last || *it != line) return std::nullopt;
  return fig_amount_[static_cast<std::size_t>(it - fig_line_.begin())];
}

std::optional<Cents> Ledger::entered(const std::string& unit, const std::string& line,
                                     const std::string& sc) const {
  return entered(unit_no(unit), line_no(line), scenario_no(sc));
}

bool Ledger::has_own(const std::string& unit, const std::string& line,
                     const std::string& sc) const {
  return own(unit_no(unit), line_no(line), scenario_no(sc));
}

std::optional<Cents> Ledger::value(const OrgView& org, const std::string& unit,
                                   const std::string& line, const std::string& sc) const {
  std::uint32_t u = unit_no(unit), l = line_no(line), s = scenario_no(sc);
  // Views of another unit list, or names this dataset does not know: without the memo.
  if (org.source() != &d_.units || u == unknown || l == unknown || s == unknown)
    return compute_value(org, unit, line, sc);
  std::int32_t date = date_key(org.date());
  std::shared_ptr<const Tree> tree;
  std::shared_ptr<Table> table;
  {
    std::lock_guard lock(memo_->m);
    auto t = memo_->trees.find(date);
    if (t != memo_->trees.end()) tree = t->second;
    auto it = memo_->tables.find({date, s});
    if (it != memo_->tables.end()) table = it->second;
  }
  if (tree && table) return value(Rollup{*tree, *table, s}, u, l);
  if (!tree) {
    auto built = std::make_shared<Tree>();
    built->children.resize(units_.size());
    for (const auto& [id, no] : units_)
      for (const UnitVersion* c : org.children(id))
        built->children[no].push_back(version_unit_[static_cast<std::size_t>(c - d_.units.data())]);
    tree = built;
  }
  std::size_t cells = units_.size() * lines_n_;
  if (!table) table = std::make_shared<Table>(cells);
  {
    std::lock_guard lock(memo_->m);
    auto [t, tree_new] = memo_->trees.emplace(date, tree);
    tree = t->second;
    auto [it, table_new] = memo_->tables.emplace(std::pair{date, s}, table);
    if (table_new) {
      if (memo_->cells + cells > kMemoCellCap) {  // forget the rest; this table stays
        memo_->tables.clear();
        memo_->trees.clear();
        memo_->cells = 0;
        memo_->trees.emplace(date, tree);
        it = memo_->tables.emplace(std::pair{date, s}, table).first;
      }
      memo_->cells += cells;
    }
    table = it->second;
  }
  return value(Rollup{*tree, *table, s}, u, l);
}

std::optional<Cents> Ledger::value(const Rollup& r, std::uint32_t unit, std::uint32_t line) const {
  std::size_t i = static_cast<std::size_t>(unit) * lines_n_ + line;
  switch (r.table.state[i].load(std::memory_order_acquire)) {
    case 1: return std::nullopt;
    case 2: return r.table.values[i].load(std::memory_order_relaxed);
    default: break;
  }
  auto v = compute(r, unit, line);
  if (v) r.table.values[i].store(*v, std::memory_order_relaxed);
  r.table.state[i].store(v ? 2 : 1, std::memory_order_release);
  return v;
}

// A unit holding its own figures for the line is computed from those (a total by its formula,
// where a part without own figures falls back to the sub-units' sum); otherwise the sum over its
// sub-units.
std::optional<Cents> Ledger::compute(const Rollup& r, std::uint32_t unit, std::uint32_t line) const {
  if (own(unit, line, r.sc)) {
    bool parts_own = false;
    for (const auto& [sign, part] : formula_[line]) parts_own = parts_own || own(unit, part, r.sc);
    if (!parts_own) return entered(unit, line, r.sc);
    std::optional<Cents> sum;
    for (const auto& [sign, part] : formula_[line])
      if (auto v = value(r, unit, part)) sum = signed_add(sum.value_or(0), sign, *v);
    return sum;
  }
  std::optional<Cents> sum;
  for (std::uint32_t c : r.tree.children[unit])
    if (auto v = value(r, c, line)) sum = checked_add(sum.value_or(0), *v);
  return sum;
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
  std::uint32_t u = unit_no(unit);
  for (const auto& id : scenarios_of(k, year))
    if (holder(u, scenario_no(id)) >= 0) return true;
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
