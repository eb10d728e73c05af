// A finding of the check engine: which rule, how bad, exactly where, what was expected and
// what was found, and a message in Finnish, Swedish and English.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"

namespace toteuma {

// info: what was not understood (an unknown label, a sum that cannot be checked): never an error.
enum class Severity { error, warning, rounding, info };
std::string to_string(Severity s);

struct Location {
  std::string file;      // a table file, or "" for the stored dataset
  int line = 0;          // line (CSV) or row (XLSX) of the file; 0 = none
  std::string document;  // document name from table metadata
  std::string unit;      // unit id
  std::string row;       // row label as printed / line name
  std::string column;    // column heading as printed / scenario
  std::optional<int> year;
};

struct Finding {
  std::string rule;  // stable id, e.g. "arith.total"
  Severity severity = Severity::error;
  Location where;
  std::optional<Cents> expected, found;  // amounts (cents); absent when not about an amount
  std::string expected_text, found_text; // for non-amount findings (labels, percents)
  std::string fi, sv, en;                // the message
  // Checks this finding explains (rule arith.misprint / arith.sign and a located total): each
  // failed only because of the one misprinted cell, so it is attached here, not reported apart.
  std::vector<Finding> related;
};

// Orders findings by file, line, row, column, rule: stable output for people and tests.
void sort_findings(std::vector<Finding>& f);
bool has_errors(const std::vector<Finding>& f);

}  // namespace toteuma
