// The report-line chart: data, not code. The standard municipal external income statement
// ships as the default (data/charts/standard), a municipality may supply its own.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/lang.h"

namespace toteuma {

enum class LineKind { detail, total, memo };
enum class LineShow { always, data };

// The statutory parts (Local Government Act 110 §) a line is printed in. A line may be in several
// (Toimintakate closes the operating part and opens the income statement). `operating_note` is a
// note row of the operating part printed after Toimintakate (Poistot ja arvonalentumiset, a total
// in the income statement); `balance` holds the balance-sheet figures key figures need.
enum class Part : unsigned { operating = 1, operating_note = 2, income = 4, cash_flow = 8, balance = 16 };
constexpr unsigned operator|(Part a, Part b) { return static_cast<unsigned>(a) | static_cast<unsigned>(b); }

struct FormulaTerm {
  int sign = 1;  // +1 or -1
  std::string line;
  bool operator==(const FormulaTerm&) const = default;
};

struct Line {
  std::string id;
  LineKind kind = LineKind::detail;
  LineShow show = LineShow::data;
  Text name;
  std::vector<std::string> synonyms_fi, synonyms_sv;
  std::vector<FormulaTerm> formula;  // totals only
  unsigned parts = static_cast<unsigned>(Part::operating);  // Part bits; see default_parts
  bool in(Part p) const { return (parts & static_cast<unsigned>(p)) != 0; }
  bool operator==(const Line&) const = default;
};

// Inclusive range of ledger account numbers mapped to a detail line.
struct AccountRange {
  int from = 0, to = 0;
  std::string line;
  bool operator==(const AccountRange&) const = default;
};

class Chart {
 public:
  Chart() = default;
  explicit Chart(std::vector<Line> lines);  // lines in display order
  const std::vector<Line>& lines() const { return lines_; }
  const Line* find(const std::string& id) const;
  // The total whose formula lists `id`, if any (first in display order).
  const Line* parent_total(const std::string& id) const;
  bool operator==(const Chart& o) const { return lines_ == o.lines_; }

 private:
  std::vector<Line> lines_;
  std::map<std::string, std::size_t> index_;
};

LineKind parse_line_kind(const std::string& s, bool& ok);
LineShow parse_line_show(const std::string& s, bool& ok);
std::string to_string(LineKind k);
std::string to_string(LineShow s);
// "operating income" -> bits; ok=false on an unknown word. Empty text -> 0.
unsigned parse_parts(const std::string& s, bool& ok);
std::string parts_to_string(unsigned parts);
// The parts of a line recorded without any (charts from before the parts): the operating part.
unsigned default_parts(LineKind k);
// "+a +b -c" -> terms; empty vector and ok=false on syntax error.
std::vector<FormulaTerm> parse_formula(const std::string& s, bool& ok);
std::string to_string(const std::vector<FormulaTerm>& f);

// Whether a unit's own tables and forms use the line: the operating part with its notes; a
// municipality's root (`root`) also the income statement part, and with `financing` the financing
// part and the balance figures (entered at the root; not in the in-year follow-up).
bool unit_uses(const Line& l, bool root, bool financing = false);
// True when `line` is `of` or one of its parts at any depth of the chart's totals.
bool is_part_of(const Chart& chart, const std::string& line, const std::string& of);

// The account-range line for an account number, or nullptr.
const AccountRange* map_account(const std::vector<AccountRange>& ranges, int account);

}  // namespace toteuma
