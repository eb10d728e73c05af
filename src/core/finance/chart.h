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
// "+a +b -c" -> terms; empty vector and ok=false on syntax error.
std::vector<FormulaTerm> parse_formula(const std::string& s, bool& ok);
std::string to_string(const std::vector<FormulaTerm>& f);

// The account-range line for an account number, or nullptr.
const AccountRange* map_account(const std::vector<AccountRange>& ranges, int account);

}  // namespace toteuma
