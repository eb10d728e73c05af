#include "check/quantity_structure.h"

#include <algorithm>

#include "check/rounding.h"
#include "check/table_checks.h"
#include "core/money.h"

namespace toteuma {

bool is_total_label(const std::string& l) {
  std::string n = normalize_label(l);
  return n.rfind("yhteensä", 0) == 0 || n.rfind("koko ", 0) == 0 || n.rfind("totalt", 0) == 0 ||
         n.rfind("sammanlagt", 0) == 0 || n.find(" yhteensä") != std::string::npos || n.find(" totalt") != std::string::npos ||
         n == "yht" || n.find(" yht") != std::string::npos;
}

bool is_of_which_label(const std::string& l) {
  std::string n = normalize_label(l);
  // At the start only: "Kaupunkiympäristö (ilman HKL)" is a part of its own, "Yht. ilman
  // työllistettyjä" is not.
  for (const char* p : {"josta ", "joista ", "siitä ", "varav ", "därav ", "ilman ", "utan ", "yht ilman ",
                        "yhteensä ilman ", "totalt utan "})
    if (n.rfind(p, 0) == 0) return true;
  return false;
}

bool is_percent_row(const std::vector<std::string>& cells) {
  bool any = false;
  for (const auto& c : cells) {
    auto first = c.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    if (c.find('%') == std::string::npos) return false;
    any = true;
  }
  return any;
}

namespace {

struct Fit {
  int agree = 0, disagree = 0;
};

// How many columns agree that row `total` is the sum of `parts`.
Fit fit(const std::vector<QuantityRowInfo>& rows, std::size_t total, const std::vector<std::size_t>& parts,
        const std::vector<std::int64_t>& precision) {
  Fit f;
  for (std::size_t c = 0; c < rows[total].v.size(); ++c) {
    if (!rows[total].v[c]) continue;
    std::int64_t sum = 0;
    int n = 0;
    for (std::size_t p : parts)
      if (c < rows[p].v.size() && rows[p].v[c]) sum = checked_add(sum, *rows[p].v[c]), ++n;
    if (n == 0) continue;
    Cents unit = c < precision.size() ? precision[c] : 100;
    (classify_difference(checked_sub(*rows[total].v[c], sum), n, unit) == Discrepancy::error ? f.disagree : f.agree)++;
  }
  return f;
}

}  // namespace

std::vector<ImpliedSum> implied_sums(const std::vector<QuantityRowInfo>& rows, const std::vector<std::int64_t>& precision) {
  const std::size_t n = rows.size();
  std::vector<bool> total(n), of_which(n), inside(n, false);
  for (std::size_t i = 0; i < n; ++i) total[i] = is_total_label(rows[i].label), of_which[i] = is_of_which_label(rows[i].label);
  std::vector<ImpliedSum> out;
  // Group rows: a row equal, in every column but at most one and at least two, to the sum of the
  // rows directly below it (the fewest that do). Read from the bottom up, so a group found inside
  // another is one row of it with its sub-rows (Sivistystoimi over Opetus — itself over Perusopetus
  // and Lukio — and Varhaiskasvatus).
  std::vector<std::size_t> span_end(n);  // the last row of the group a row heads (itself if none)
  std::vector<ImpliedSum> groups;
  for (std::size_t i = n; i-- > 0;) {
    span_end[i] = i;
    if (total[i] || of_which[i]) continue;
    std::vector<std::size_t> parts;
    for (std::size_t j = i + 1; j < n && !total[j]; j = span_end[j] + 1) {
      if (of_which[j]) continue;
      parts.push_back(j);
      if (parts.size() < 2) continue;
      Fit f = fit(rows, i, parts, precision);
      if (f.agree >= 2 && f.disagree <= 1 && f.agree > f.disagree) {
        span_end[i] = span_end[j];
        groups.push_back({i, parts});
        break;
      }
    }
  }
  // Outermost first, as printed; a group's rows, at any depth, are inside it (spans nest by construction).
  std::reverse(groups.begin(), groups.end());
  for (const auto& g : groups) {
    for (std::size_t k = g.total + 1; k <= span_end[g.total]; ++k) inside[k] = true;
    out.push_back(g);
  }
  // Total rows: the top-level rows since the previous total; inside the table, the fewest
  // directly above that most columns agree with (a subtotal of the last rows of a block), else all.
  std::size_t block_start = 0;
  std::vector<std::size_t> subtotals;
  for (std::size_t i = 0; i < n; ++i) {
    if (!total[i]) continue;
    std::vector<std::size_t> block;
    for (std::size_t j = block_start; j < i; ++j)
      if (!total[j] && !of_which[j] && !inside[j]) block.push_back(j);
    block_start = i + 1;
    const bool last = i + 1 == n;
    // The last total: all the rows above unless they disagree in most columns while a last run of them
    // agrees (two breakdowns of one total printed one under another: full- and part-time, then monthly
    // and hourly paid) — then that run.
    if (last && subtotals.empty() && block.size() > 2) {
      Fit all = fit(rows, i, block, precision);
      if (all.disagree > all.agree) {
        for (std::size_t k = 2; k < block.size(); ++k) {
          std::vector<std::size_t> suffix(block.end() - static_cast<std::ptrdiff_t>(k), block.end());
          Fit f = fit(rows, i, suffix, precision);
          if (f.agree > f.disagree) {
            out.push_back({i, suffix});
            break;
          }
        }
        if (!out.empty() && out.back().total == i) continue;
      }
    }
    if (last && !subtotals.empty()) {
      // The grand total: the rows outside every subtotal and group, and the subtotals.
      std::vector<std::size_t> parts;
      for (std::size_t j = 0; j < i; ++j)
        if (!of_which[j] && !inside[j] && (!total[j] || std::count(subtotals.begin(), subtotals.end(), j))) parts.push_back(j);
      out.push_back({i, parts});
      continue;
    }
    if (block.empty()) continue;
    std::vector<std::size_t> parts = block;
    if (!last) {
      int best = 0;
      for (std::size_t k = std::min<std::size_t>(2, block.size()); k <= block.size(); ++k) {
        std::vector<std::size_t> suffix(block.end() - static_cast<std::ptrdiff_t>(k), block.end());
        Fit f = fit(rows, i, suffix, precision);
        if (f.agree > best && f.agree > f.disagree) best = f.agree, parts = suffix;
      }
      for (std::size_t p : parts) inside[p] = true;
      subtotals.push_back(i);
    }
    out.push_back({i, parts});
  }
  return out;
}

}  // namespace toteuma
