#include "ingest/ledger_reader.h"

#include <emmintrin.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cstring>
#include <map>
#include <thread>
#include <unordered_map>

#include "core/finance/investments.h"
#include "core/text.h"
#include "ingest/csv.h"
#include "ingest/fields.h"
#include "ingest/xlsx_input.h"

namespace toteuma::ledger {

using fields::m3;

// ---------------------------------------------------------------------------------------------
// Target: where a row goes.

namespace {

constexpr int kDirectAccounts = 100000;  // accounts below this are looked up in a flat table
constexpr std::int16_t kUnknown = -1, kSkip = -2;

int day_number(const Date& d) { return d.year * 10000 + d.month * 100 + d.day; }

}  // namespace

struct Target::Impl {
  // Cost center codes of up to 8 bytes, packed into a word, in an open-addressing table.
  struct Slot {
    std::uint64_t key = 0;
    int unit = -1;
  };
  std::vector<Slot> table;
  int shift = 64;
  std::unordered_map<std::string, int> long_codes;
  std::vector<std::int16_t> direct;  // account → line index, kUnknown or kSkip
  struct Span {
    int from, to;
    std::int16_t value;
  };
  std::vector<Span> spans;  // in precedence order, for accounts beyond the flat table
  int internal_line = -1;
  std::vector<std::vector<std::pair<int, int>>> validity;  // per unit: [from, to] day numbers
  // The investment part: accounts per kind, project code → project index, each project's
  // owning unit and each kind's cash-flow line (Target indexes).
  std::array<std::vector<Span>, 3> investment_spans;
  std::unordered_map<std::string, int> project_at;
  std::vector<int> project_unit;
  std::array<int, 3> investment_line{-1, -1, -1};

  // The kind (index of InvestmentKind) of an account's rows that carry a project; -1 = none.
  int investment_kind(long account) const {
    for (int k = 2; k >= 0; --k)  // a later kind's range wins
      for (const auto& sp : investment_spans[static_cast<std::size_t>(k)])
        if (account >= sp.from && account <= sp.to) return k;
    return -1;
  }
  int project_of(const std::string& code) const {
    auto it = project_at.find(code);
    return it == project_at.end() ? -1 : it->second;
  }

  // The code's bytes in a word (as memcpy into a zeroed word would put them), by fixed-size
  // loads: two overlapping 4-byte ones for 4–8 bytes, else three single bytes.
  static bool pack(std::string_view code, std::uint64_t& key) {
    std::size_t n = code.size();
    if (n == 0 || n > 8) return false;
    const char* p = code.data();
    if (n >= 4) {
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      key = lo | static_cast<std::uint64_t>(hi) << (8 * (n - 4));
    } else {
      auto b = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i); };
      key = b(0) | b(n / 2) | b(n - 1);
    }
    return true;
  }
  std::size_t home(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift);
  }
  void insert(const std::string& code, int unit) {
    std::uint64_t key;
    if (!pack(code, key)) {
      long_codes[code] = unit;
      return;
    }
    std::size_t mask = table.size() - 1;
    for (std::size_t i = home(key);; i = (i + 1) & mask)
      if (table[i].key == 0 || table[i].key == key) {
        table[i] = {key, unit};
        return;
      }
  }
  int unit_of(std::string_view code) const {
    std::uint64_t key;
    if (!pack(code, key)) {
      auto it = long_codes.find(std::string(code));
      return it == long_codes.end() ? -1 : it->second;
    }
    std::size_t mask = table.size() - 1;
    for (std::size_t i = home(key);; i = (i + 1) & mask) {
      if (table[i].key == key) return table[i].unit;
      if (table[i].key == 0) return -1;
    }
  }
  int line_of(long account) const {
    if (account >= 0 && account < kDirectAccounts) return direct[static_cast<std::size_t>(account)];
    for (const auto& s : spans)
      if (account >= s.from && account <= s.to) return s.value;
    return kUnknown;
  }
  std::vector<std::pair<int, int>> first_validity;  // per unit: its first version's, checked first
  bool valid(int unit, int day) const {
    const auto& [from0, to0] = first_validity[static_cast<std::size_t>(unit)];
    if (from0 <= day && day <= to0) return true;
    for (const auto& [from, to] : validity[static_cast<std::size_t>(unit)])
      if (from <= day && day <= to) return true;
    return false;
  }
};

Target::Target(const Dataset& d, const Mapping& m) : m_(m), impl_(std::make_unique<Impl>()) {
  Impl& x = *impl_;
  std::map<std::string, int> unit_at;
  for (const auto& u : d.units) {
    auto [it, fresh] = unit_at.emplace(u.id, static_cast<int>(units_.size()));
    if (fresh) {
      units_.push_back(u.id);
      x.validity.emplace_back();
    }
    x.validity[static_cast<std::size_t>(it->second)].push_back(
        {day_number(u.valid_from), u.valid_to ? day_number(*u.valid_to) : INT_MAX});
  }
  for (const auto& v : x.validity) x.first_validity.push_back(v.front());
  std::size_t codes = m.cost_centers.empty() ? units_.size() : m.cost_centers.size();
  std::size_t size = 16;
  while (size < codes * 4) size *= 2;
  x.table.resize(size);
  x.shift = 64 - std::countr_zero(size);
  if (m.cost_centers.empty()) {
    for (std::size_t i = 0; i < units_.size(); ++i) x.insert(units_[i], static_cast<int>(i));
  } else {
    for (const auto& [code, unit] : m.cost_centers) {
      auto it = unit_at.find(unit);
      if (it == unit_at.end())
        throw InputError(m.source.empty() ? "mapping" : m.source, 0, code,
                         m3(fmt::format("cost center {} is mapped to unit \"{}\", which the dataset does not have", code, unit),
                            "kustannuspaikka on kohdistettu tuntemattomaan yksikköön",
                            "kostnadsstället är kopplat till en okänd enhet"));
      x.insert(code, it->second);
    }
  }
  auto line = [&](const std::string& id) {
    auto it = std::find(lines_.begin(), lines_.end(), id);
    if (it != lines_.end()) return static_cast<std::int16_t>(it - lines_.begin());
    lines_.push_back(id);
    return static_cast<std::int16_t>(lines_.size() - 1);
  };
  x.direct.assign(kDirectAccounts, kUnknown);
  auto fill = [&](int from, int to, std::int16_t v) {
    for (int a = std::max(from, 0); a <= to && a < kDirectAccounts; ++a) x.direct[static_cast<std::size_t>(a)] = v;
    if (to >= kDirectAccounts) x.spans.insert(x.spans.begin(), {from, to, v});  // later fills take precedence
  };
  for (const auto& a : d.accounts) fill(a.from, a.to, line(a.line));
  if (!d.chart.find(m.internal_line))
    throw InputError(m.source.empty() ? "mapping" : m.source, 0, "internal_line",
                     m3(fmt::format("the chart has no line \"{}\"", m.internal_line), "kaaviossa ei ole riviä",
                        "schemat saknar raden"));
  x.internal_line = line(m.internal_line);
  for (const auto& s : m.internal_accounts) fill(s.from, s.to, static_cast<std::int16_t>(x.internal_line));
  for (const auto& s : m.skip_accounts) fill(s.from, s.to, kSkip);
  if (m.books_investments()) add_investments(d);
}

void Target::add_investments(const Dataset& d) {
  Impl& x = *impl_;
  const std::string where = m_.source.empty() ? "mapping" : m_.source;
  static constexpr std::array<const char*, 3> kLines = {kInvestmentExpenditureLine, kInvestmentGrantsLine, kAssetSalesLine};
  for (std::size_t k = 0; k < 3; ++k) {
    for (const auto& s : m_.investment_accounts[k]) x.investment_spans[k].push_back({s.from, s.to, 0});
    if (m_.investment_accounts[k].empty()) continue;
    if (!d.chart.find(kLines[k]))
      throw InputError(where, 0, "investments",
                       m3(fmt::format("the chart has no line \"{}\" for the investment part's rows", kLines[k]),
                          "kaaviossa ei ole investointiosan riviä", "schemat saknar investeringsdelens rad"));
    auto it = std::find(lines_.begin(), lines_.end(), kLines[k]);
    if (it == lines_.end()) it = lines_.insert(lines_.end(), kLines[k]);
    x.investment_line[k] = static_cast<int>(it - lines_.begin());
  }
  std::map<std::string, int> index;  // project id → index
  for (const auto& p : d.investments.projects) {
    std::string unit = owning_unit(d.investments, p.id);
    int u = unit_index(unit);
    if (u < 0) continue;  // a project of no known group: no row can book to it
    index[p.id] = static_cast<int>(projects_.size());
    projects_.push_back(p.id);
    x.project_unit.push_back(u);
  }
  if (m_.projects.empty()) {
    for (const auto& [id, i] : index) x.project_at[id] = i;
    return;
  }
  for (const auto& [code, project] : m_.projects) {
    auto it = index.find(project);
    if (it == index.end())
      throw InputError(where, 0, code,
                       m3(fmt::format("project code {} is mapped to project \"{}\", which the dataset's investment part does not have",
                                      code, project),
                          "projektikoodi on kohdistettu tuntemattomaan investointihankkeeseen",
                          "projektkoden är kopplad till ett okänt investeringsprojekt"));
    x.project_at[code] = it->second;
  }
}

Target::~Target() = default;

int Target::unit_index(const std::string& id) const {
  auto it = std::find(units_.begin(), units_.end(), id);
  return it == units_.end() ? -1 : static_cast<int>(it - units_.begin());
}

int Target::line_index(const std::string& id) const {
  auto it = std::find(lines_.begin(), lines_.end(), id);
  return it == lines_.end() ? -1 : static_cast<int>(it - lines_.begin());
}

std::string_view to_string(Unmapped u) {
  switch (u) {
    case Unmapped::account: return "account";
    case Unmapped::cost_center: return "cost_center";
    case Unmapped::unit_not_valid: return "unit_not_valid";
    case Unmapped::project: return "project";
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Classifying one row.

namespace {

enum class Outcome { ok, skip, suspense, error };

struct RowError {
  std::int64_t line = 0;  // relative to the chunk until fixed up
  int column = -1;        // field index, -1 = the row
  std::string message;
};

struct Classified {
  Outcome outcome = Outcome::ok;
  int unit = -1, line = -1, ym = 0;
  int project = -1;  // a row of the investment part: its project (Target index)
  Cents amount = 0;
  Unmapped reason = Unmapped::account;
  std::string_view cost_center, account;  // for the suspense line
  int column = -1;                        // error: the field
  std::string message;                    // error: what was wrong
};

struct Format {
  Columns cols;
  Encoding enc = Encoding::utf8;
  char delim = ';';
  bool xlsx = false;
};

std::string shown(std::string_view s, Encoding e) {
  std::string v = to_utf8(s.substr(0, 60), e);
  return s.size() > 60 ? v + "…" : v;
}

// The last date seen and what it meant: exports come in date order, so most rows repeat it
// (or, for ISO dates, at least its month: "2025-03-" is then checked once per month).
struct DateCache {
  char text[16];
  std::size_t len = 0;
  int ym = 0, day = 0;
  char month[8];  // "YYYY-MM-" of the last ISO date
  int month_ym = -1, month_base = 0, month_days = 0;

  bool lookup(std::string_view s, int& ym_out, int& day_out) const {
    if (len && s.size() == len && same(s.data(), text, len)) {
      ym_out = ym;
      day_out = day;
      return true;
    }
    if (month_ym >= 0 && s.size() == 10 && same(s.data(), month, 8) && s[8] >= '0' && s[8] <= '9' && s[9] >= '0' &&
        s[9] <= '9') {
      int d = (s[8] - '0') * 10 + (s[9] - '0');
      if (d < 1 || d > month_days) return false;
      ym_out = month_ym;
      day_out = month_base + d;
      return true;
    }
    return false;
  }
  static bool same(const char* a, const char* b, std::size_t n) {  // short: cheaper than a memcmp call
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t x, y;
      std::memcpy(&x, a + i, 8);
      std::memcpy(&y, b + i, 8);
      if (x != y) return false;
    }
    for (; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  void store(std::string_view s, const Date& d) {
    if (s.size() <= sizeof text) {
      std::memcpy(text, s.data(), s.size());
      len = s.size();
      ym = year_month(d.year, d.month);
      day = day_number(d);
    }
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
      static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
      std::memcpy(month, s.data(), 8);
      month_ym = year_month(d.year, d.month);
      month_base = d.year * 10000 + d.month * 100;
      month_days = kDays[d.month - 1] + (d.month == 2 && leap);
    }
  }
};

// Fills `c` for a row's fields (at least the header's count of them).
void classify(const Target& t, const Format& fmt_, const std::string_view* f, Classified& c, DateCache* dc = nullptr) {
  const Target::Impl& x = t.impl();
  const Mapping& m = t.mapping();
  const Columns& cols = fmt_.cols;
  c.project = -1;  // the object is reused row after row
  auto fail = [&](Field field, std::string message) {
    c.outcome = Outcome::error;
    c.column = cols.at[field];
    c.message = std::move(message);
  };
  auto at = [&](Field field) { return f[cols.at[field]]; };

  // When: a date, else a period, else a year (and month).
  int day = 0;
  if (std::string_view ds = cols.has(f_date) ? at(f_date) : std::string_view(); dc && dc->lookup(ds, c.ym, day)) {
    // as the row before
  } else if (cols.has(f_date)) {
    auto d = parse_ledger_date(ds, fmt_.xlsx);
    if (!d)
      return fail(f_date, m3(fmt::format("expected a date like 2025-03-14 or 14.3.2025, found \"{}\"", shown(ds, fmt_.enc)),
                             "virheellinen päivämäärä", "felaktigt datum"));
    c.ym = year_month(d->year, d->month);
    day = day_number(*d);
    if (dc) dc->store(ds, *d);
  } else {
    int year = 0, month = 0;
    if (cols.has(f_period)) {
      auto p = parse_period(at(f_period));
      if (!p)
        return fail(f_period, m3(fmt::format("expected a period like 2025-03 or 3/2025, found \"{}\"", shown(at(f_period), fmt_.enc)),
                                 "virheellinen kausi", "felaktig period"));
      year = p->year;
      month = p->month;
    } else {
      auto p = parse_period(at(f_year));
      if (!p || p->month != 0)
        return fail(f_year, m3(fmt::format("expected a year like 2025, found \"{}\"", shown(at(f_year), fmt_.enc)),
                               "virheellinen vuosi", "felaktigt år"));
      year = p->year;
      if (cols.has(f_month)) {
        auto mo = parse_month(at(f_month));
        if (!mo)
          return fail(f_month, m3(fmt::format("expected a month 1–12, found \"{}\"", shown(at(f_month), fmt_.enc)),
                                  "virheellinen kuukausi", "felaktig månad"));
        month = *mo;
      }
    }
    if (month == 0) month = m.year_only_month;
    c.ym = year_month(year, month);
    static constexpr int kLast[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    day = year * 10000 + month * 100 + kLast[month - 1];
  }

  // How much: one signed amount, or credit − debit (income positive, costs negative).
  if (cols.has(f_amount)) {
    auto a = parse_amount(at(f_amount), m.decimal, fmt_.enc);
    if (!a)
      return fail(f_amount, m3(fmt::format("expected an amount like -1 234,56, found \"{}\"", shown(at(f_amount), fmt_.enc)),
                               "virheellinen summa", "felaktigt belopp"));
    c.amount = m.debit_positive ? -*a : *a;
  } else {
    Cents debit = 0, credit = 0;
    bool any = false;
    for (auto [field, out] : {std::pair{f_debit, &debit}, std::pair{f_credit, &credit}}) {
      if (!cols.has(field) || trim(at(field)).empty()) continue;
      auto a = parse_amount(at(field), m.decimal, fmt_.enc);
      if (!a)
        return fail(field, m3(fmt::format("expected an amount like 1 234,56, found \"{}\"", shown(at(field), fmt_.enc)),
                              "virheellinen summa", "felaktigt belopp"));
      *out = *a;
      any = true;
    }
    if (!any)
      return fail(cols.has(f_debit) ? f_debit : f_credit,
                  m3("expected a debit or a credit amount, found neither", "debet ja kredit puuttuvat", "debet och kredit saknas"));
    c.amount = credit - debit;
  }

  // Which line: the account, unless the row is flagged internal.
  std::string_view acc = trim(at(f_account));
  c.account = acc;
  std::string_view digits = acc;
  if (m.account_digits > 0 && digits.size() > static_cast<std::size_t>(m.account_digits))
    digits = digits.substr(0, static_cast<std::size_t>(m.account_digits));
  long account = -1;
  if (!digits.empty() && digits.size() <= 9) {
    account = 0;
    for (char ch : digits) {
      if (ch < '0' || ch > '9') {
        account = -1;
        break;
      }
      account = account * 10 + (ch - '0');
    }
  }
  // A row with a project on an account of the investment part books there, on its project's
  // owning unit; without a project the account is read as any other.
  if (m.books_investments() && cols.has(f_project) && account >= 0) {
    int kind = x.investment_kind(account);
    std::string_view pc = kind >= 0 ? trim(at(f_project)) : std::string_view();
    if (!pc.empty()) {
      c.cost_center = trim(at(f_cost_center));
      int project = x.project_of(fmt_.enc == Encoding::utf8 ? std::string(pc) : cp1252_to_utf8(pc));
      if (project < 0) {
        c.outcome = Outcome::suspense;
        c.reason = Unmapped::project;
        c.column = cols.at[f_project];
        c.message = m3(fmt::format("project \"{}\" is no project of the investment part ([projects] in the mapping, or a project id "
                                   "of investments/projects.csv)",
                                   shown(pc, fmt_.enc)),
                       "tuntematon investointihanke", "okänt investeringsprojekt");
        return;
      }
      c.project = project;
      c.unit = x.project_unit[static_cast<std::size_t>(project)];
      c.line = x.investment_line[static_cast<std::size_t>(kind)];
      c.outcome = Outcome::ok;
      return;
    }
  }
  int line = account >= 0 ? x.line_of(account) : kUnknown;
  if (line == kSkip) {
    c.outcome = Outcome::skip;
    return;
  }
  if (cols.has(f_internal)) {
    auto flag = parse_flag(at(f_internal));
    if (!flag)
      return fail(f_internal, m3(fmt::format("expected an internal-item flag (1/0, k/e, x or empty), found \"{}\"",
                                             shown(at(f_internal), fmt_.enc)),
                                 "virheellinen sisäisen erän merkintä", "felaktig markering för intern post"));
    if (*flag && account >= 0) line = x.internal_line;
  }
  std::string_view cc = trim(at(f_cost_center));
  c.cost_center = cc;
  c.line = line;
  if (line < 0) {
    c.outcome = Outcome::suspense;
    c.reason = Unmapped::account;
    c.column = cols.at[f_account];
    c.message = m3(fmt::format("account \"{}\" maps to no report line (chart/accounts.csv, or [accounts] in the mapping)",
                               shown(acc, fmt_.enc)),
                   "tuntematon tili", "okänt konto");
    return;
  }
  int unit = -1;
  if (fmt_.enc == Encoding::utf8 || std::all_of(cc.begin(), cc.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; }))
    unit = x.unit_of(cc);
  else
    unit = x.unit_of(cp1252_to_utf8(cc));  // the mapping's codes are UTF-8
  c.unit = unit;
  if (unit < 0) {
    c.outcome = Outcome::suspense;
    c.reason = Unmapped::cost_center;
    c.column = cols.at[f_cost_center];
    c.message = m3(fmt::format("cost center \"{}\" maps to no unit ([cost_centers] in the mapping, or a unit id)",
                               shown(cc, fmt_.enc)),
                   "tuntematon kustannuspaikka", "okänt kostnadsställe");
    return;
  }
  if (!x.valid(unit, day)) {
    c.outcome = Outcome::suspense;
    c.reason = Unmapped::unit_not_valid;
    c.column = cols.at[cols.has(f_date) ? f_date : cols.has(f_period) ? f_period : f_year];
    c.message = m3(fmt::format("unit \"{}\" (cost center \"{}\") is not valid on this date", t.unit_ids()[static_cast<std::size_t>(unit)],
                               shown(cc, fmt_.enc)),
                   "yksikkö ei ole voimassa tänä päivänä", "enheten är inte i kraft detta datum");
    return;
  }
  c.outcome = Outcome::ok;
}

// ---------------------------------------------------------------------------------------------
// Aggregation (one per thread): dense per month, so the hot path is two array updates.

struct Agg {
  int nunits = 0, nlines = 0, words = 0;
  // A cell's sum, count and last block side by side: a row touches one cache line, and the
  // cell's block bit only when the block changes (blocks hold thousands of rows).
  struct alignas(32) Cell {
    Cents sum = 0;
    std::int64_t rows = 0;
    std::int64_t last_block = -1;
  };
  struct Month {
    int ym;
    std::vector<Cell> cells;
    std::vector<std::uint64_t> bits;
  };
  std::vector<Month> months;
  Month* last = nullptr;
  struct SKey {
    int ym;
    std::string cc, account;
    Unmapped reason;
    auto operator<=>(const SKey&) const = default;
  };
  std::map<SKey, SuspenseAggregate> suspense;
  std::map<std::tuple<int, int, int>, InvestmentAggregate> investments;  // (ym, project, line)
  std::int64_t rows = 0, skipped_rows = 0, suspense_rows = 0;
  Cents total = 0, income = 0, costs = 0, skipped_total = 0, suspense_total = 0;
  // Rows waiting to be added to their cells: the cells are fetched (prefetched when queued)
  // while the next rows parse, instead of each row waiting for its cell. A cell's sum cannot
  // overflow when `income` and `costs` (checked row by row) do not: it lies between them.
  struct Pending {
    Cell* cell;
    std::uint64_t* bits;  // the cell's block bitset
    std::int64_t block;
    Cents amount;
  };
  static constexpr int kBatch = 16;
  std::array<Pending, kBatch> pending;
  int npending = 0;

  Agg(int units, int lines, int words_) : nunits(units), nlines(lines), words(words_) {}

  // Adds the queued rows to their cells; call before reading the cells.
  void flush() {
    for (int i = 0; i < npending; ++i) {
      const Pending& p = pending[static_cast<std::size_t>(i)];
      ++p.cell->rows;
      if (p.cell->last_block != p.block) {
        p.cell->last_block = p.block;
        p.bits[p.block >> 6] |= 1ull << (p.block & 63);
      }
      p.cell->sum += p.amount;
    }
    npending = 0;
  }

  Month& month(int ym) {  // rows come in date order: almost always the last month (inlined)
    if (last && last->ym == ym) [[likely]]
      return *last;
    return other_month(ym);
  }
  [[gnu::noinline]] Month& other_month(int ym) {
    for (auto& m : months)
      if (m.ym == ym) return *(last = &m);
    std::size_t cells = static_cast<std::size_t>(nunits) * static_cast<std::size_t>(nlines);
    months.push_back({ym, std::vector<Cell>(cells), std::vector<std::uint64_t>(cells * static_cast<std::size_t>(words))});
    return *(last = &months.back());
  }
  // False when a sum would overflow 64 bits.
  bool add(const Classified& c, std::int64_t block, Encoding enc) {
    ++rows;
    if (__builtin_add_overflow(total, c.amount, &total)) return false;
    if (__builtin_add_overflow(c.amount >= 0 ? income : costs, c.amount, c.amount >= 0 ? &income : &costs)) return false;
    if (c.outcome == Outcome::skip) {
      ++skipped_rows;
      return !__builtin_add_overflow(skipped_total, c.amount, &skipped_total);
    }
    if (c.outcome == Outcome::suspense) {
      ++suspense_rows;
      if (__builtin_add_overflow(suspense_total, c.amount, &suspense_total)) return false;
      SKey k{c.ym, to_utf8(c.cost_center, enc), to_utf8(c.account, enc), c.reason};
      auto& s = suspense[k];
      if (s.blocks.empty()) {
        s = {c.ym, k.cc, k.account, c.reason, 0, 0, std::vector<std::uint64_t>(static_cast<std::size_t>(words))};
      }
      ++s.rows;
      s.blocks[static_cast<std::size_t>(block >> 6)] |= 1ull << (block & 63);
      return !__builtin_add_overflow(s.amount, c.amount, &s.amount);
    }
    if (c.project >= 0) {
      auto& i = investments[{c.ym, c.project, c.line}];
      i = {c.project, c.line, c.ym, i.amount, i.rows + 1};
      if (__builtin_add_overflow(i.amount, c.amount, &i.amount)) return false;
    }
    Month& m = month(c.ym);
    std::size_t cell = static_cast<std::size_t>(c.unit) * static_cast<std::size_t>(nlines) + static_cast<std::size_t>(c.line);
    Cell* x = m.cells.data() + cell;  // stays put when `months` grows (the vector's buffer moves with it)
    std::uint64_t* bits = m.bits.data() + cell * static_cast<std::size_t>(words);
    __builtin_prefetch(x, 1);
    // The block bit too: a block holds only a few rows of each cell, so most rows set one, and
    // the bitsets (words × 8 bytes a cell) miss the cache as often as the cells (perf annotate).
    __builtin_prefetch(bits + (block >> 6), 1);
    pending[static_cast<std::size_t>(npending++)] = {x, bits, block, c.amount};
    if (npending == kBatch) flush();
    return true;
  }
  // Adds another thread's aggregates into this one.
  bool merge(Agg& o) {
    flush();
    o.flush();
    rows += o.rows;
    skipped_rows += o.skipped_rows;
    suspense_rows += o.suspense_rows;
    bool ok = !__builtin_add_overflow(total, o.total, &total) && !__builtin_add_overflow(income, o.income, &income) &&
              !__builtin_add_overflow(costs, o.costs, &costs) &&
              !__builtin_add_overflow(skipped_total, o.skipped_total, &skipped_total) &&
              !__builtin_add_overflow(suspense_total, o.suspense_total, &suspense_total);
    for (auto& om : o.months) {
      Month& m = month(om.ym);
      for (std::size_t i = 0; i < om.cells.size(); ++i) {
        ok = ok && !__builtin_add_overflow(m.cells[i].sum, om.cells[i].sum, &m.cells[i].sum);
        m.cells[i].rows += om.cells[i].rows;
      }
      for (std::size_t i = 0; i < om.bits.size(); ++i) m.bits[i] |= om.bits[i];
    }
    for (auto& [k, s] : o.suspense) {
      auto& t = suspense[k];
      if (t.blocks.empty()) {
        t = std::move(s);
        continue;
      }
      t.rows += s.rows;
      ok = ok && !__builtin_add_overflow(t.amount, s.amount, &t.amount);
      for (std::size_t i = 0; i < t.blocks.size(); ++i) t.blocks[i] |= s.blocks[i];
    }
    for (const auto& [k, i] : o.investments) {
      auto& t = investments[k];
      t = {i.project, i.line, i.ym, t.amount, t.rows + i.rows};
      ok = ok && !__builtin_add_overflow(t.amount, i.amount, &t.amount);
    }
    return ok;
  }
};

// ---------------------------------------------------------------------------------------------
// CSV scanning: rows from a byte range of the file through a growing read buffer, quotes and
// line breaks inside quotes handled, fields as string_views (unquoted into a scratch buffer).

class Fd {
 public:
  explicit Fd(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ < 0) throw unreadable_file(path);
  }
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  std::int64_t size() const {
    struct stat st {};
    return ::fstat(fd_, &st) == 0 ? static_cast<std::int64_t>(st.st_size) : 0;
  }
  // Reads up to n bytes at offset; returns how many (short only at the end of the file).
  std::size_t read_at(char* buf, std::size_t n, std::int64_t off) const {
    std::size_t got = 0;
    while (got < n) {
      ssize_t r = ::pread(fd_, buf + got, n - got, static_cast<off_t>(off) + static_cast<off_t>(got));
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      got += static_cast<std::size_t>(r);
    }
    return got;
  }

 private:
  int fd_;
};

// A file's bytes mapped read-only (no copy into a buffer: the parsers and the hash read the page
// cache in place), followed by a page of zeros, so 16-byte loads may run past the end. data() is
// null when the file cannot be mapped; callers then read it with pread. Readers release what
// they have read (release()), so the mapped pages they hold — which count in the process's
// resident memory — stay a few MB whatever the file's size.
class FileMap {
 public:
  FileMap(const Fd& fd, std::int64_t size) : size_(size) {
    auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    len_ = (static_cast<std::size_t>(size) + page - 1) / page * page + page;
    void* base = ::mmap(nullptr, len_, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) return;
    if (size > 0 && ::mmap(base, static_cast<std::size_t>(size), PROT_READ, MAP_SHARED | MAP_FIXED, fd.get(), 0) == MAP_FAILED) {
      ::munmap(base, len_);
      return;
    }
    ::madvise(base, static_cast<std::size_t>(size), MADV_SEQUENTIAL);
    data_ = static_cast<const char*>(base);
  }
  ~FileMap() {
    if (data_) ::munmap(const_cast<char*>(data_), len_);
  }
  FileMap(const FileMap&) = delete;
  FileMap& operator=(const FileMap&) = delete;
  const char* data() const { return data_; }
  std::int64_t size() const { return size_; }
  // Unmaps the whole pages in [from, to) from this process (the page cache keeps them; touching
  // them again maps them again).
  void release(std::int64_t from, std::int64_t to) const { advise(from, to, MADV_DONTNEED, false); }
  // Maps [from, to) in one call (cheaper than a page fault every few pages; a hint: ignored
  // where the kernel lacks it).
  void populate(std::int64_t from, std::int64_t to) const { advise(from, to, MADV_POPULATE_READ, true); }

 private:
  void advise(std::int64_t from, std::int64_t to, int advice, bool outward) const {
    static const auto page = static_cast<std::int64_t>(::sysconf(_SC_PAGESIZE));
    from = (outward ? from : from + page - 1) / page * page;
    to = outward ? (std::min(to, size_) + page - 1) / page * page : std::min(to, size_) / page * page;
    if (data_ && to > from) ::madvise(const_cast<char*>(data_) + from, static_cast<std::size_t>(to - from), advice);
  }

  const char* data_ = nullptr;
  std::int64_t size_ = 0;
  std::size_t len_ = 0;
};

bool has_high_bit(const char* p, std::size_t n) {
  std::uint64_t acc = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    acc |= w;
  }
  for (; i < n; ++i) acc |= static_cast<unsigned char>(p[i]);
  return (acc & 0x8080808080808080ull) != 0;
}

struct RowRef {
  std::int64_t offset;     // file offset of the row's first byte
  std::int64_t line;       // relative line of its first byte
  std::string_view bytes;  // the row without its line break
  const std::string_view* fields;
  int nfields;             // how many fields the row has (fields beyond the header's are not kept)
  bool high;               // a byte ≥ 0x80 somewhere (then the encoding is checked)
  const CsvSplit* fault;   // a row the CSV rule refuses, else null; when set the fields are unusable
};

class Scanner {
 public:
  // With a mapping (of the same file) the rows are read from it in place, else through a buffer.
  Scanner(const Fd& fd, std::int64_t file_size, char delim, int ncols, const FileMap* map = nullptr)
      : fd_(fd), size_(file_size), delim_(delim), cap_(kInitial), file_map_(map),
        map_(map && map->data() ? map->data() : nullptr), fields_(static_cast<std::size_t>(ncols) + 1) {
    if (!map_) buf_.resize(kInitial + kSlack);
  }

  // Calls on_row(const RowRef&) for each non-blank row starting at `start` (a row start) while
  // the row's start is before `stop_before`; lines are counted from 0 at `start`. on_row returns
  // false to stop. Returns the offset after the last row scanned and the lines consumed.
  template <typename OnRow>
  std::pair<std::int64_t, std::int64_t> scan(std::int64_t start, std::int64_t stop_before, OnRow&& on_row) {
    off_ = start;
    len_ = 0;
    std::size_t i = 0;
    std::int64_t line = 0;
    bool eof = false, cut = false;
    std::size_t released = 0;
    if (map_) {  // the whole file is "the buffer"
      off_ = 0;
      len_ = static_cast<std::size_t>(size_);
      i = released = static_cast<std::size_t>(start);
      eof = true;
      file_map_->populate(start, start + static_cast<std::int64_t>(kRelease));
    }
    for (;;) {
      if (off_ + static_cast<std::int64_t>(i) >= stop_before || off_ + static_cast<std::int64_t>(i) >= size_) break;
      // A complete row from i: up to a line break outside quotes. The common row without
      // quotes is split in the same pass that looks for quotes and non-ASCII bytes.
      std::size_t end = std::string::npos;
      int breaks = 0, nf = 0;
      bool quoted = false, high = false;
      for (;;) {
        const char* p = data() + i;
        std::size_t avail = len_ - i;
        bool found = false;
        std::size_t row_len = find_row(p, avail, found, nf, quoted, high);
        if (found || eof) {
          if (!quoted) {
            end = i + row_len;
            break;
          }
          std::size_t k = csv_record_end(std::string_view(data(), len_), i, breaks);
          if (map_ && k - i > kMaxRow) {  // as the buffer's limit below
            end = i + kMaxRow;
            cut = true;
            break;
          }
          if (k < len_ || eof) {
            end = k;
            break;
          }
        }
        // A quote left open would otherwise read the rest of the file into one row.
        if (len_ - i > kMaxRow) {
          end = len_;
          cut = true;
          break;
        }
        // Need more bytes: keep the partial row at the front and read on.
        if (i > 0) {
          std::memmove(buf_.data(), buf_.data() + i, len_ - i);
          off_ += static_cast<std::int64_t>(i);
          len_ -= i;
          i = 0;
        }
        if (len_ == cap_) buf_.resize((cap_ *= 2) + kSlack);  // a row longer than the buffer
        std::size_t got = fd_.read_at(buf_.data() + len_, cap_ - len_, off_ + static_cast<std::int64_t>(len_));
        len_ += got;
        if (got == 0 || off_ + static_cast<std::int64_t>(len_) >= size_) eof = true;
      }
      std::int64_t row_off = off_ + static_cast<std::int64_t>(i);
      std::string_view row(data() + i, end - i);
      if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
      bool faulty = false;
      if (quoted) {  // the strict RFC 4180 rule of every CSV read here (ingest/csv.h)
        high = has_high_bit(row.data(), row.size());
        fault_ = split_csv_record(row, delim_, scratch_, fields_.data(), fields_.size());
        nf = fault_.count;
        faulty = fault_.fault != CsvFault::none;
      }
      bool maybe_blank = row.empty() || row[0] == delim_ || row[0] == ' ' || row[0] == '\t';
      if (faulty || !(maybe_blank && blank(row))) {
        // Filled field by field in a member, not built as a temporary: the temporary was
        // stored in narrow parts and read back in wide ones, a store-forwarding stall that
        // cost a tenth of the parse (perf annotate).
        RowRef& r = row_;
        r.offset = row_off;
        r.line = line;
        r.bytes = row;
        r.fields = fields_.data();
        r.nfields = nf;
        r.high = high;
        r.fault = faulty ? &fault_ : nullptr;
        if (!on_row(static_cast<const RowRef&>(r)) || cut) {
          line += 1 + breaks;
          i = std::min(end + 1, len_);
          break;
        }
      }
      line += 1 + breaks;
      i = std::min(end + 1, len_);
      if (map_ && i - released >= kRelease) {
        file_map_->release(static_cast<std::int64_t>(released), static_cast<std::int64_t>(i));
        released = i;
        file_map_->populate(static_cast<std::int64_t>(i), static_cast<std::int64_t>(i + kRelease));
      }
      if (end >= len_ && eof) break;
    }
    if (cut) return {size_, line};  // the rest is unreadable: no chunk after this one parses it
    return {std::min(off_ + static_cast<std::int64_t>(i), size_), line};
  }

 private:
  static constexpr std::size_t kInitial = 1 << 20;
  static constexpr std::size_t kMaxRow = 16 << 20;  // bytes; Excel's cells hold 32 767 characters
  static constexpr std::size_t kSlack = 16;  // readable bytes after the data, for 16-byte loads
  static constexpr std::size_t kRelease = 4 << 20;  // mapped bytes read before they are released

  // Finds the end of the row at p (avail bytes; 16 more are readable) — the first line
  // break — and splits it at the delimiter in the same pass, 16 bytes at a time (SSE2, part of
  // x86-64). Tells whether the row has a quote or a carriage return other than the one of a CR LF
  // (then the caller finds its end and splits it by the strict rule, which refuses a lone CR) or
  // a non-ASCII byte. Returns the row's length without the line break.
  std::size_t find_row(const char* p, std::size_t avail, bool& found, int& nf_out, bool& quote, bool& high) {
    const __m128i nl = _mm_set1_epi8('\n'), dl = _mm_set1_epi8(delim_), qt = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r');
    std::string_view* out = fields_.data();  // locals, so the stores below alias nothing
    const std::size_t keep = fields_.size();
    std::size_t start = 0, nf = 0, len = avail;
    unsigned quotes = 0, highs = 0;
    int crs = 0;
    auto field_end = [&](std::size_t pos) {
      if (nf < keep) out[nf] = std::string_view(p + start, pos - start);
      ++nf;
      start = pos + 1;
    };
    found = false;
    for (std::size_t i = 0; i < avail; i += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      auto mask = [&](__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)); };
      unsigned valid = avail - i >= 16 ? 0xFFFFu : (1u << (avail - i)) - 1;
      unsigned lines = mask(_mm_cmpeq_epi8(v, nl)) & valid;
      if (lines) {
        valid &= (lines & (0u - lines)) - 1;  // the bytes before the line break
        len = i + static_cast<std::size_t>(std::countr_zero(lines));
        found = true;
      }
      quotes |= mask(_mm_cmpeq_epi8(v, qt)) & valid;
      // At least as many as there are, up to two (only "more than the CR LF's one" matters):
      // std::popcount would be a library call on the x86-64 baseline, on every 16 bytes.
      unsigned c = mask(_mm_cmpeq_epi8(v, cr)) & valid;
      crs += (c != 0) + ((c & (c - 1)) != 0);
      highs |= mask(v) & valid;
      for (unsigned d = mask(_mm_cmpeq_epi8(v, dl)) & valid; d; d &= d - 1)
        field_end(i + static_cast<std::size_t>(std::countr_zero(d)));
      if (found) break;
    }
    bool crlf = len && p[len - 1] == '\r';
    field_end(crlf ? len - 1 : len);
    nf_out = static_cast<int>(nf);
    quote = quotes != 0 || crs > (crlf ? 1 : 0);
    high = highs != 0;
    return len;
  }

  bool blank(std::string_view row) const {
    for (char c : row)
      if (c != delim_ && c != ' ' && c != '\t' && c != '\r') return false;
    return true;
  }

  const char* data() const { return map_ ? map_ : buf_.data(); }

  const Fd& fd_;
  std::int64_t size_;
  char delim_;
  std::size_t cap_;        // bytes the buffer holds (buf_ has kSlack more)
  const FileMap* file_map_;
  const char* map_;        // the mapped file, or null (then buf_)
  std::vector<char> buf_;
  std::int64_t off_ = 0;
  std::size_t len_ = 0;
  std::vector<std::string_view> fields_;
  std::string scratch_;
  CsvSplit fault_;
  RowRef row_{};
};

// The field a byte offset of an unquoted or quoted row falls in.
int field_at(std::string_view row, std::size_t pos, char delim) {
  int f = 0;
  bool q = false;
  for (std::size_t i = 0; i < pos && i < row.size(); ++i) {
    if (row[i] == '"') q = !q;
    else if (row[i] == delim && !q) ++f;
  }
  return f;
}

// Encoding, delimiter, header and where the data starts, from the start of a CSV file.
struct Head {
  Format format;
  std::int64_t data_start = 0;
  std::int64_t first_line = 1;  // line number of the first byte at data_start
};

Head read_head(const Fd& fd, std::int64_t size, const Mapping& m, const std::string& file) {
  std::string sample(static_cast<std::size_t>(std::min<std::int64_t>(size, 1 << 20)), '\0');
  sample.resize(fd.read_at(sample.data(), sample.size(), 0));
  Head h;
  std::size_t pos = 0;
  if (sample.size() >= 2 && ((sample[0] == '\xFF' && sample[1] == '\xFE') || (sample[0] == '\xFE' && sample[1] == '\xFF')))
    throw InputError(file, 1, "", m3("UTF-16 is not supported; save the file as UTF-8 or Windows-1252 CSV",
                                     "UTF-16-merkistöä ei tueta; tallenna UTF-8- tai Windows-1252-muodossa",
                                     "UTF-16 stöds inte; spara som UTF-8 eller Windows-1252"));
  bool bom = sample.compare(0, 3, "\xEF\xBB\xBF") == 0;
  if (bom) pos = 3;
  if (m.encoding) {
    h.format.enc = *m.encoding;
  } else if (bom) {
    h.format.enc = Encoding::utf8;
  } else {
    // Undecodable as UTF-8 (ignoring a sequence cut at the sample's end) means Windows-1252.
    std::string_view s(sample);
    if (static_cast<std::int64_t>(sample.size()) < size) s = s.substr(0, s.rfind('\n') == std::string_view::npos ? s.size() : s.rfind('\n'));
    h.format.enc = invalid_utf8_at(s) == std::string_view::npos ? Encoding::utf8 : Encoding::cp1252;
  }
  // Skip blank lines before the header; the header ends at the first line break outside quotes.
  std::int64_t line = 1;
  while (pos < sample.size() && (sample[pos] == '\n' || sample[pos] == '\r')) {
    if (sample[pos] == '\n') ++line;
    ++pos;
  }
  int breaks = 0;
  std::size_t end = csv_record_end(sample, pos, breaks);
  if (pos >= sample.size())
    throw InputError(file, 1, "", m3("empty file: expected a header row", "tyhjä tiedosto", "tom fil"));
  std::string_view header(sample.data() + pos, end - pos);
  if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
  std::size_t bad = h.format.enc == Encoding::utf8 ? invalid_utf8_at(header) : invalid_cp1252_at(header);
  if (bad != std::string_view::npos)
    throw InputError(file, static_cast<int>(line), "", m3("the header is not valid text in the file's encoding",
                                                          "otsikkorivin merkistö on virheellinen", "rubrikradens teckenkodning är felaktig"));
  char delim = m.delimiter;
  if (!delim) {
    std::size_t best = 0;
    delim = ';';
    for (char d : {';', '\t', ','}) {
      std::size_t n = 0;
      bool qq = false;
      for (char c : header) {
        if (c == '"') qq = !qq;
        else if (c == d && !qq) ++n;
      }
      if (n > best) best = n, delim = d;
    }
  }
  h.format.delim = delim;
  // Split the header by the rule of every row and convert to UTF-8.
  std::string scratch;
  std::vector<std::string_view> views(header.size() + 1);
  CsvSplit sp = split_csv_record(header, delim, scratch, views.data(), views.size());
  if (sp.fault != CsvFault::none)
    throw InputError(file, static_cast<int>(line + std::count(header.begin(), header.begin() + static_cast<std::ptrdiff_t>(sp.at), '\n')),
                     "", csv_fault_message(sp.fault));
  std::vector<std::string> names;
  for (int k = 0; k < sp.count; ++k) names.push_back(to_utf8(views[static_cast<std::size_t>(k)], h.format.enc));
  h.format.cols = resolve_columns(names, m, file, static_cast<int>(line));
  h.data_start = static_cast<std::int64_t>(std::min(end + 1, sample.size()));
  h.first_line = line + 1 + breaks;
  return h;
}

// Copies n bytes at `off` of file `in` to the same offset of `out`: in the kernel where it can
// (copy_file_range, page cache to page cache), else written from `bytes` (the same n bytes, in
// memory) or, when that is null, read through a buffer. `kernel` is cleared once the kernel
// refuses, so later calls go straight to the fallback. False when writing failed.
bool copy_bytes(int in, int out, std::int64_t off, std::size_t n, const char* bytes, bool& kernel) {
  std::vector<char> buf;
  for (std::size_t w = 0; w < n;) {
    ssize_t r = -1;
    auto at = static_cast<off_t>(off) + static_cast<off_t>(w);
    if (kernel) {
      loff_t in_off = at, out_off = at;
      r = ::copy_file_range(in, &in_off, out, &out_off, n - w, 0);
      if (r <= 0 && errno != EINTR) {
        kernel = false;
        continue;
      }
    } else if (bytes) {
      r = ::pwrite(out, bytes + w, n - w, at);
    } else {
      buf.resize(std::min<std::size_t>(n - w, 1 << 20));
      r = ::pread(in, buf.data(), buf.size(), at);
      if (r == 0) return false;  // the file shrank under us
      if (r > 0) {
        for (ssize_t v = 0; v < r;) {
          ssize_t q = ::pwrite(out, buf.data() + v, static_cast<std::size_t>(r - v), at + v);
          if (q < 0 && errno == EINTR) continue;
          if (q <= 0) return false;
          v += q;
        }
      }
    }
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    w += static_cast<std::size_t>(r);
  }
  return true;
}

// SHA-256 of the whole file (and a copy of it, when asked), on its own thread.
class Hasher {
 public:
  Hasher(const std::string& path, const std::string& copy_to) : path_(path), copy_to_(copy_to) {
    thread_ = std::thread([this] { run(); });
  }
  ~Hasher() {
    if (thread_.joinable()) thread_.join();
  }
  // The hex digest; throws if reading or copying failed.
  std::string result() {
    thread_.join();
    if (!error_.empty()) throw InputError(path_, 0, "", error_);
    return hex_;
  }

 private:
  void run() {
    try {
      Fd fd(path_);
      int out = -1;
      if (!copy_to_.empty()) {
        out = ::open(copy_to_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (out < 0) throw std::runtime_error("cannot write " + copy_to_);
      }
      EVP_MD_CTX* ctx = EVP_MD_CTX_new();
      EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
      // Hashed from the page cache in place (mapped), else read into a buffer.
      std::int64_t size = fd.size();
      FileMap map(fd, size);
      constexpr std::size_t kStep = 4 << 20;
      std::vector<char> buf(map.data() ? 0 : kStep);
      std::int64_t off = 0;
      bool kernel_copy = true;
      for (;;) {
        const char* bytes = nullptr;
        std::size_t got = 0;
        if (map.data()) {
          got = static_cast<std::size_t>(std::min<std::int64_t>(static_cast<std::int64_t>(kStep), size - off));
          bytes = map.data() + off;
          map.populate(off, off + static_cast<std::int64_t>(got));
        } else {
          got = fd.read_at(buf.data(), buf.size(), off);
          bytes = buf.data();
        }
        if (got == 0) break;
        EVP_DigestUpdate(ctx, bytes, got);
        if (out >= 0 && !copy_bytes(fd.get(), out, off, got, bytes, kernel_copy)) {
          ::close(out);
          EVP_MD_CTX_free(ctx);
          throw std::runtime_error("cannot write " + copy_to_);
        }
        map.release(off, off + static_cast<std::int64_t>(got));
        off += static_cast<std::int64_t>(got);
      }
      unsigned char md[EVP_MAX_MD_SIZE];
      unsigned int n = 0;
      EVP_DigestFinal_ex(ctx, md, &n);
      EVP_MD_CTX_free(ctx);
      if (out >= 0 && ::close(out) != 0) throw std::runtime_error("cannot write " + copy_to_);
      for (unsigned i = 0; i < n; ++i) hex_ += fmt::format("{:02x}", md[i]);
    } catch (const std::exception& e) {
      error_ = e.what();
    }
  }

  std::string path_, copy_to_, hex_, error_;
  std::thread thread_;
};

// The kept copy of a CSV written by the parsing threads, each its byte range at its offsets.
// Without a path every call does nothing.
class KeptCopy {
 public:
  explicit KeptCopy(const std::string& path) : path_(path) {
    if (!path_.empty()) {
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      failed_ = fd_ < 0;
    }
  }
  ~KeptCopy() {
    if (fd_ >= 0) ::close(fd_);
  }
  KeptCopy(const KeptCopy&) = delete;
  KeptCopy& operator=(const KeptCopy&) = delete;
  // Copies [from, to) of the file; thread-safe for disjoint ranges. False when writing failed.
  // (Never written from the mapping: that would map the released pages again, and memory grow.)
  bool copy(const Fd& in, std::int64_t from, std::int64_t to) const {
    if (fd_ < 0 || to <= from) return !failed_;
    bool kernel = true;
    return copy_bytes(in.get(), fd_, from, static_cast<std::size_t>(to - from), nullptr, kernel);
  }
  void fail() { failed_ = true; }
  // Closes the copy; throws (as the hasher does) if any of it could not be written.
  void close(const std::string& file) {
    if (fd_ >= 0 && ::close(fd_) != 0) failed_ = true;
    fd_ = -1;
    if (failed_) throw InputError(file, 0, "", "cannot write " + path_);
  }

 private:
  std::string path_;
  int fd_ = -1;
  bool failed_ = false;
};

constexpr std::int64_t kMinBlock = 64 * 1024;  // bytes
constexpr std::int64_t kMaxBlocks = 512;       // so an index entry is at most 64 bytes
constexpr int kMaxErrors = 10;

std::int64_t block_size_for(std::int64_t units, std::int64_t min_block) {
  return std::max(min_block, (units + kMaxBlocks - 1) / kMaxBlocks);
}

struct Chunk {
  std::int64_t begin = 0, end = 0;  // rows starting in [begin, end)
  std::int64_t first_row = 0, stop = 0, lines = 0;
  std::vector<RowError> errors;
  std::vector<std::pair<std::int64_t, BlockStart>> starts;  // (block, first row there; line relative)
  std::unique_ptr<Agg> agg;
};

void parse_chunk(const Fd& fd, const FileMap& map, std::int64_t size, const Head& head, const Target& t, std::int64_t block_size,
                 int words, bool suspense, Chunk& c, bool exact_start) {
  const Format& f = head.format;
  c.errors.clear();
  c.starts.clear();
  c.agg = std::make_unique<Agg>(static_cast<int>(t.unit_ids().size()), static_cast<int>(t.line_ids().size()), words);
  std::int64_t start = c.begin;
  if (!exact_start && c.begin > head.data_start) {
    // Speculatively: the row after the first line break at or after begin − 1 (checked later).
    start = c.begin - 1;
    std::vector<char> probe(64 * 1024);
    for (;;) {
      std::size_t got = fd.read_at(probe.data(), probe.size(), start);
      if (got == 0) {
        start = size;
        break;
      }
      const void* nl = std::memchr(probe.data(), '\n', got);
      if (nl) {
        start += static_cast<const char*>(nl) - probe.data() + 1;
        break;
      }
      start += static_cast<std::int64_t>(got);
    }
  }
  c.first_row = start;
  Scanner sc(fd, size, f.delim, f.cols.count, &map);
  Classified cl;
  DateCache dates;
  std::int64_t last_block = -1, next_block_at = -1;  // a division per row costs more than this test
  auto [stop, lines] = sc.scan(start, c.end, [&](const RowRef& r) {
    auto error = [&](int column, std::string message) {
      c.errors.push_back({r.line, column, std::move(message)});
      return static_cast<int>(c.errors.size()) < kMaxErrors;
    };
    if (r.fault) {
      std::int64_t below = std::count(r.bytes.begin(), r.bytes.begin() + static_cast<std::ptrdiff_t>(r.fault->at), '\n');
      c.errors.push_back({r.line + below, r.fault->field, csv_fault_message(r.fault->fault)});
      return static_cast<int>(c.errors.size()) < kMaxErrors;
    }
    if (r.high) {
      std::size_t bad = f.enc == Encoding::utf8 ? invalid_utf8_at(r.bytes) : invalid_cp1252_at(r.bytes);
      if (bad != std::string_view::npos)
        return error(field_at(r.bytes, bad, f.delim),
                     f.enc == Encoding::utf8
                         ? m3("invalid UTF-8 (if the file is Windows-1252, say encoding = \"windows-1252\" in the mapping)",
                              "virheellinen UTF-8-merkki", "ogiltigt UTF-8-tecken")
                         : m3("a byte Windows-1252 does not define", "merkistössä määrittelemätön tavu",
                              "en byte som teckenkodningen inte definierar"));
    }
    if (r.nfields != f.cols.count)
      return error(-1, m3(fmt::format("expected {} fields, found {}", f.cols.count, r.nfields),
                          fmt::format("odotettiin {} kenttää", f.cols.count), fmt::format("{} fält förväntades", f.cols.count)));
    classify(t, f, r.fields, cl, &dates);
    if (cl.outcome == Outcome::error || (cl.outcome == Outcome::suspense && !suspense))
      return error(cl.column, std::move(cl.message));
    if (r.offset >= next_block_at) {
      std::int64_t block = r.offset / block_size;
      c.starts.push_back({block, {r.offset, r.line}});
      last_block = block;
      next_block_at = (block + 1) * block_size;
    }
    std::int64_t block = last_block;
    if (!c.agg->add(cl, block, f.enc))
      return error(f.cols.at[f.cols.has(f_amount) ? f_amount : f.cols.has(f_debit) ? f_debit : f_credit],
                   m3("the sum of amounts overflows 64 bits", "summa ylittää lukualueen", "summan är för stor"));
    return true;
  });
  c.stop = stop;
  c.lines = lines;
}

[[noreturn]] void throw_errors(const std::string& file, const std::vector<RowError>& errors, const std::vector<std::string>& names) {
  auto col = [&](int i) { return i >= 0 && static_cast<std::size_t>(i) < names.size() ? names[static_cast<std::size_t>(i)] : std::string(); };
  const RowError& e = errors.front();
  std::string msg = e.message;
  if (errors.size() > 1) {
    msg += fmt::format("\n  ({} more / lisää / fler:", errors.size() - 1);
    for (std::size_t i = 1; i < errors.size(); ++i)
      msg += fmt::format("\n  {}:{}: {}{}", file, errors[i].line, errors[i].column >= 0 ? "[" + col(errors[i].column) + "] " : "",
                         errors[i].message);
    msg += ")";
  }
  throw InputError(file, static_cast<int>(e.line), col(e.column), msg);
}

// A file of a header alone (or blank rows after it) would replace nothing yet look imported.
void need_rows(const Agg& agg, const std::string& file, std::int64_t line) {
  if (agg.rows == 0)
    throw InputError(file, static_cast<int>(line), "",
                     m3("no rows after the header: expected at least one booking", "otsikkorivin jälkeen ei ole yhtään riviä: odotettiin kirjauksia",
                        "inga rader efter rubrikraden: minst en kontering förväntades"));
}

void collect(FileResult& out, Agg& agg, const Target& t) {
  agg.flush();
  out.rows = agg.rows;
  out.skipped_rows = agg.skipped_rows;
  out.suspense_rows = agg.suspense_rows;
  out.total = agg.total;
  out.income = agg.income;
  out.costs = agg.costs;
  out.skipped_total = agg.skipped_total;
  out.suspense_total = agg.suspense_total;
  std::sort(agg.months.begin(), agg.months.end(), [](const auto& a, const auto& b) { return a.ym < b.ym; });
  int nlines = static_cast<int>(t.line_ids().size());
  for (const auto& m : agg.months)
    for (std::size_t cell = 0; cell < m.cells.size(); ++cell) {
      if (m.cells[cell].rows == 0) continue;
      auto w = static_cast<std::size_t>(agg.words);
      out.aggregates.push_back({static_cast<int>(cell / static_cast<std::size_t>(nlines)), static_cast<int>(cell % static_cast<std::size_t>(nlines)),
                                m.ym, m.cells[cell].sum, m.cells[cell].rows,
                                std::vector<std::uint64_t>(m.bits.begin() + static_cast<std::ptrdiff_t>(cell * w),
                                                           m.bits.begin() + static_cast<std::ptrdiff_t>((cell + 1) * w))});
    }
  for (auto& [k, s] : agg.suspense) out.suspense.push_back(std::move(s));
  for (const auto& [k, i] : agg.investments) out.investments.push_back(i);
}

bool is_xlsx(const std::string& path) {
  return path.size() >= 5 && fold_name(path.substr(path.size() - 5)) == ".xlsx";
}

// XLSX: the first sheet, rows read whole (an .xlsx holds at most about a million rows).
struct Sheet {
  Format format;
  int header_row = 1;
  std::vector<xlsx::SheetRow> rows;  // data rows
};

Sheet read_sheet(const std::string& path, const Mapping& m, const std::string& file) {
  xlsx::Sheet s = read_input_sheet(path);
  if (s.rows.empty()) throw InputError(file, 1, "", m3("empty sheet: expected a header row", "tyhjä taulukko", "tomt blad"));
  Sheet out;
  out.format.xlsx = true;
  const xlsx::SheetRow& head = s.rows.front();
  out.format.cols = resolve_columns(head.dense(head.width()), m, file, head.row);
  out.header_row = s.rows.front().row;
  out.rows.assign(std::make_move_iterator(s.rows.begin() + 1), std::make_move_iterator(s.rows.end()));
  return out;
}

// A sheet row as the drill-down shows it: its cells joined by ';', the date column's Excel serial
// day number (as spreadsheets store dates) shown as the date it stands for: "45962" → "1.11.2025".
std::string join_cells(const Format& f, const xlsx::SheetRow& r) {
  std::vector<std::string> cells = r.dense(std::min(r.width(), f.cols.count));
  auto dc = static_cast<std::size_t>(f.cols.at[f_date]);
  if (f.cols.has(f_date) && dc < cells.size())
    if (auto d = parse_ledger_date(cells[dc], true)) cells[dc] = to_display(*d);
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? ";" : "") + csv_field(cells[i], ';');
  return out;
}

// Visits the sheet's data rows with their fields padded to the header's count.
template <typename OnRow>
void each_sheet_row(const Sheet& s, std::int64_t from, std::int64_t to, OnRow&& on_row) {
  std::vector<std::string_view> f(static_cast<std::size_t>(s.format.cols.count) + 1);
  for (std::int64_t i = from; i < to && i < static_cast<std::int64_t>(s.rows.size()); ++i) {
    const auto& r = s.rows[static_cast<std::size_t>(i)];
    std::fill(f.begin(), f.end(), std::string_view());
    for (const auto& c : r.cells)
      if (static_cast<std::size_t>(c.column) <= f.size()) f[static_cast<std::size_t>(c.column - 1)] = c.text;
    int n = std::max(r.width(), s.format.cols.count);
    if (!on_row(i, r, f.data(), n)) break;
  }
}

FileResult read_xlsx(const std::string& path, const Target& t, const ReadOptions& o, FileResult out) {
  Sheet s = read_sheet(path, t.mapping(), path);
  std::int64_t n = static_cast<std::int64_t>(s.rows.size());
  out.block_size = block_size_for(n, 256);
  int words = static_cast<int>((kMaxBlocks + 63) / 64);
  out.blocks.assign(static_cast<std::size_t>((n + out.block_size - 1) / out.block_size), {});
  Agg agg(static_cast<int>(t.unit_ids().size()), static_cast<int>(t.line_ids().size()), words);
  std::vector<RowError> errors;
  Classified cl;
  each_sheet_row(s, 0, n, [&](std::int64_t i, const xlsx::SheetRow& r, const std::string_view* f, int nf) {
    auto error = [&](int column, std::string message) {
      errors.push_back({r.row, column, std::move(message)});
      return static_cast<int>(errors.size()) < kMaxErrors;
    };
    if (nf != s.format.cols.count)
      return error(-1, m3(fmt::format("expected {} cells, found {}", s.format.cols.count, nf), "liikaa soluja", "för många celler"));
    classify(t, s.format, f, cl);
    if (cl.outcome == Outcome::error || (cl.outcome == Outcome::suspense && !o.suspense)) return error(cl.column, std::move(cl.message));
    std::int64_t block = i / out.block_size;
    auto& b = out.blocks[static_cast<std::size_t>(block)];
    if (b.offset < 0) b = {i, r.row};
    if (!agg.add(cl, block, Encoding::utf8))
      return error(s.format.cols.at[f_amount], m3("the sum of amounts overflows 64 bits", "summa ylittää lukualueen", "summan är för stor"));
    return true;
  });
  if (!errors.empty()) throw_errors(path, errors, s.format.cols.names);
  need_rows(agg, path, s.header_row + 1);
  collect(out, agg, t);
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

FileResult read_ledger(const std::string& path, const Target& t, const ReadOptions& o) {
  FileResult out;
  out.file = path;
  if (is_xlsx(path)) {
    Hasher hasher(path, o.copy_to);  // runs beside the parsing
    out.format = "xlsx";
    out.size = Fd(path).size();
    out = read_xlsx(path, t, o, std::move(out));
    out.sha256 = hasher.result();
    return out;
  }
  out.format = "csv";
  Fd fd(path);
  std::int64_t size = fd.size();
  out.size = size;
  FileMap map(fd, size);
  Head head = read_head(fd, size, t.mapping(), path);
  unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  if (size - head.data_start < (4 << 20)) threads = 1;
  // The hash is sequential by its construction and takes about what a parsing thread's share
  // takes; the copy can be cut anywhere. With several parsing threads each copies its share of
  // the bytes, so the hashing thread — else the last to finish — holds the hash alone.
  KeptCopy kept(threads > 1 ? o.copy_to : "");
  Hasher hasher(path, threads > 1 ? "" : o.copy_to);  // runs beside the parsing
  out.encoding = head.format.enc;
  out.delimiter = head.format.delim;
  out.block_size = block_size_for(size, kMinBlock);
  std::int64_t nblocks = (size + out.block_size - 1) / out.block_size;
  int words = static_cast<int>((nblocks + 63) / 64);
  out.blocks.assign(static_cast<std::size_t>(nblocks), {});

  std::vector<Chunk> chunks(threads);
  std::int64_t span = (size - head.data_start + threads - 1) / threads;
  for (unsigned i = 0; i < threads; ++i) {
    chunks[i].begin = head.data_start + span * i;
    chunks[i].end = i + 1 == threads ? size : std::min(size, head.data_start + span * (i + 1));
  }
  {
    // Each thread copies the bytes of its byte range (the first also the header's), whatever
    // rows it ends up parsing: the first before parsing, the others after, so that their
    // copies seldom run at once (they would spin on the copy's inode lock).
    std::vector<char> copied(threads, 1);
    auto work = [&](unsigned i) {
      std::int64_t from = i == 0 ? 0 : chunks[i].begin, to = chunks[i].end;
      if (i == 0) copied[i] = kept.copy(fd, from, to);
      parse_chunk(fd, map, size, head, t, out.block_size, words, o.suspense, chunks[i], i == 0);
      if (i != 0) copied[i] = kept.copy(fd, from, to);
    };
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back(work, i);
    work(0);
    for (auto& th : pool) th.join();
    if (std::find(copied.begin(), copied.end(), 0) != copied.end()) kept.fail();
  }
  // A chunk whose speculative start was not where the previous chunk's rows ended (a quoted
  // line break at the boundary) is parsed again from the right place.
  // Errors after a chunk that stopped early (too many errors) are left out: its end is unknown.
  unsigned usable = threads;
  for (unsigned i = 1; i < threads && usable == threads; ++i) {
    if (static_cast<int>(chunks[i - 1].errors.size()) >= kMaxErrors) {
      usable = i;
      break;
    }
    if (chunks[i].first_row != chunks[i - 1].stop) {
      chunks[i].begin = chunks[i - 1].stop;
      parse_chunk(fd, map, size, head, t, out.block_size, words, o.suspense, chunks[i], true);
    }
  }
  chunks.resize(usable);
  std::vector<RowError> errors;
  std::int64_t base = head.first_line;
  for (auto& c : chunks) {
    for (auto& e : c.errors) {
      e.line += base;
      errors.push_back(std::move(e));
    }
    for (auto& [b, s] : c.starts) {
      auto& slot = out.blocks[static_cast<std::size_t>(b)];
      if (slot.offset < 0) slot = {s.offset, s.line + base};
    }
    base += c.lines;
  }
  if (!errors.empty()) throw_errors(path, errors, head.format.cols.names);
  Agg& all = *chunks[0].agg;
  for (unsigned i = 1; i < chunks.size(); ++i)
    if (!all.merge(*chunks[i].agg))
      throw InputError(path, 0, "", m3("the sum of amounts overflows 64 bits", "summa ylittää lukualueen", "summan är för stor"));
  need_rows(all, path, head.first_line);
  collect(out, all, t);
  out.sha256 = hasher.result();
  kept.close(path);
  return out;
}

std::vector<SourceRow> read_ledger_rows(const std::string& stored_path, const std::string& format, std::int64_t block_size,
                                        const std::vector<BlockStart>& blocks, const Target& t, const RowFilter& filter) {
  std::vector<SourceRow> out;
  Classified cl;
  auto wanted = [&](std::int64_t b) {
    auto w = static_cast<std::size_t>(b >> 6);
    return w < filter.blocks.size() && (filter.blocks[w] >> (b & 63) & 1) != 0;
  };
  auto keep = [&]() {
    if (filter.suspense) return cl.outcome == Outcome::suspense && cl.ym == filter.suspense_ym;
    return cl.outcome == Outcome::ok && filter.keep(cl.unit, cl.line, cl.ym);
  };
  if (format == "xlsx") {
    Sheet s = read_sheet(stored_path, t.mapping(), stored_path);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      if (!wanted(static_cast<std::int64_t>(b))) continue;
      std::int64_t from = static_cast<std::int64_t>(b) * block_size;
      each_sheet_row(s, from, from + block_size, [&](std::int64_t, const xlsx::SheetRow& r, const std::string_view* f, int) {
        classify(t, s.format, f, cl);
        if (keep()) out.push_back({r.row, join_cells(s.format, r), cl.amount});
        return true;
      });
    }
    return out;
  }
  Fd fd(stored_path);
  std::int64_t size = fd.size();
  Head head = read_head(fd, size, t.mapping(), stored_path);
  Scanner sc(fd, size, head.format.delim, head.format.cols.count);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (!wanted(static_cast<std::int64_t>(b)) || blocks[b].offset < 0) continue;
    std::int64_t base = blocks[b].line;
    sc.scan(blocks[b].offset, static_cast<std::int64_t>(b + 1) * block_size, [&](const RowRef& r) {
      if (r.fault || r.nfields != head.format.cols.count) return true;
      classify(t, head.format, r.fields, cl);
      if (keep()) out.push_back({base + r.line, to_utf8(r.bytes, head.format.enc), cl.amount});
      return true;
    });
  }
  return out;
}

std::string sha256_file(const std::string& path) {
  Hasher h(path, "");
  return h.result();
}

}  // namespace toteuma::ledger
