#include "check/finding.h"

#include <algorithm>
#include <tuple>

namespace toteuma {

std::string to_string(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::rounding: return "rounding";
    case Severity::info: return "info";
  }
  return "error";
}

void sort_findings(std::vector<Finding>& f) {
  std::stable_sort(f.begin(), f.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.where.file, a.where.unit, a.where.line, a.where.row, a.where.column, a.rule) <
           std::tie(b.where.file, b.where.unit, b.where.line, b.where.row, b.where.column, b.rule);
  });
}

bool has_errors(const std::vector<Finding>& f) {
  return std::any_of(f.begin(), f.end(), [](const Finding& x) { return x.severity == Severity::error; });
}

}  // namespace toteuma
