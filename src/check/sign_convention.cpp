#include "check/sign_convention.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "check/rounding.h"
#include "core/format.h"
#include "core/i18n.h"

namespace toteuma {

bool is_cost_nature(const Chart& chart, const std::string& line_id) {
  // financial_costs: Rahoituskulut, a total only printed tables use (data/checks/totals.csv)
  static constexpr std::array<const char*, 6> kCosts = {"operating_costs", "interest_costs", "other_financial_costs",
                                                         "depreciation", "investment_expenditure", "financial_costs"};
  if (std::find(kCosts.begin(), kCosts.end(), line_id) != kCosts.end()) return true;
  const Line* parent = chart.parent_total(line_id);
  return parent && is_cost_nature(chart, parent->id);
}

int printed_orientation(const std::vector<Cents>& level_figures) {
  int pos = 0, neg = 0;
  for (Cents v : level_figures)
    if (v != 0) (v > 0 ? pos : neg)++;
  if (pos + neg < 2 || pos == neg) return 0;
  return pos > neg ? 1 : -1;
}

bool of_the_rows_size(Cents v, const std::vector<Cents>& level_figures) {
  auto mag = [](Cents x) { return x < 0 ? -x : x; };
  Cents lo = 0, hi = 0;
  for (Cents f : level_figures)
    if (f != 0 && (f < 0) != (v < 0)) {
      lo = lo == 0 ? mag(f) : std::min(lo, mag(f));
      hi = std::max(hi, mag(f));
    }
  return hi > 0 && mag(v) * 10 >= lo && mag(v) <= hi * 10;
}

bool deviation_reversed(const DeviationVotes& own, const DeviationVotes& other) {
  if (own.forward != own.reversed) return own.reversed > own.forward;
  return other.reversed > other.forward;
}

void report_sign_outliers(std::vector<Finding>& findings, const std::vector<Relation>& relations,
                          const std::vector<RelCell>& outliers, const std::vector<CellRef>& located) {
  for (const RelCell& o : outliers) {
    if (std::find(located.begin(), located.end(), o.ref) != located.end()) continue;
    bool part_of_any = false, all_agree = true;
    for (const auto& r : relations) {
      bool here = r.target.ref == o.ref ||
                  std::any_of(r.terms.begin(), r.terms.end(), [&](const auto& t) { return t.second.ref == o.ref; });
      if (!here) continue;
      part_of_any = true;
      all_agree = all_agree && evaluate_relation(r) != Discrepancy::error;
    }
    if (part_of_any && all_agree) continue;
    Finding f;
    f.rule = "arith.sign";
    f.severity = Severity::error;
    f.where = o.where;
    Cents printed = o.shown_sign * o.value;
    f.found = printed;
    f.expected = checked_sub(0, printed);
    std::string label = o.where.row, column = o.where.column, p = format_euros(printed, " "),
                e = format_euros(*f.expected, " ");
    f.fi = msg("check.sign_outlier", label, column, p, e).in(Lang::fi);
    f.sv = msg("check.sign_outlier", label, column, p, e).in(Lang::sv);
    f.en = fmt::format("{} ({}): printed {}, the row's other figures have the other sign; expected {}", label, column, p, e);
    findings.push_back(std::move(f));
  }
}

}  // namespace toteuma
