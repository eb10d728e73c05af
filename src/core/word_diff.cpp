#include "core/word_diff.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace toteuma {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A word and the space after it (the text's leading space is a token with an empty word).
struct Token {
  std::string_view word, text;
};

std::vector<Token> tokens(const std::string& s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    std::size_t word_end = i;
    while (i < s.size() && is_space(s[i])) ++i;
    out.push_back({std::string_view(s).substr(start, word_end - start), std::string_view(s).substr(start, i - start)});
  }
  return out;
}

void add(std::vector<DiffPart>& out, DiffOp op, std::string_view text) {
  if (text.empty()) return;
  if (!out.empty() && out.back().op == op)
    out.back().text += text;
  else
    out.push_back({op, std::string(text)});
}

}  // namespace

std::vector<DiffPart> word_diff(const std::string& before, const std::string& after, std::size_t max_cells) {
  const auto a = tokens(before), b = tokens(after);
  std::size_t lo = 0, a_hi = a.size(), b_hi = b.size();
  while (lo < a_hi && lo < b_hi && a[lo].word == b[lo].word) ++lo;
  while (a_hi > lo && b_hi > lo && a[a_hi - 1].word == b[b_hi - 1].word) --a_hi, --b_hi;
  std::vector<DiffPart> out;
  for (std::size_t k = 0; k < lo; ++k) add(out, DiffOp::same, b[k].text);
  const std::size_t n = a_hi - lo, m = b_hi - lo;
  // The middle as ops in order; a changed stretch is then given as its deletions, then its insertions.
  std::vector<std::pair<DiffOp, std::string_view>> ops;
  if (n > 0 && m > 0 && n <= max_cells / m) {
    // L[i][j]: the longest common subsequence of a[lo+i..a_hi) and b[lo+j..b_hi).
    std::vector<std::uint32_t> L((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return L[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a[lo + i].word == b[lo + j].word ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[lo + i].word == b[lo + j].word) {
        ops.emplace_back(DiffOp::same, b[lo + j].text);
        ++i, ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        ops.emplace_back(DiffOp::del, a[lo + i++].text);
      } else {
        ops.emplace_back(DiffOp::ins, b[lo + j++].text);
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) ops.emplace_back(DiffOp::del, a[lo + i].text);
    for (std::size_t j = 0; j < m; ++j) ops.emplace_back(DiffOp::ins, b[lo + j].text);
  }
  for (std::size_t k = 0; k < ops.size();) {
    if (ops[k].first == DiffOp::same) {
      add(out, DiffOp::same, ops[k++].second);
      continue;
    }
    std::size_t end = k;
    while (end < ops.size() && ops[end].first != DiffOp::same) ++end;
    for (DiffOp op : {DiffOp::del, DiffOp::ins})
      for (std::size_t x = k; x < end; ++x)
        if (ops[x].first == op) add(out, op, ops[x].second);
    k = end;
  }
  for (std::size_t k = b_hi; k < b.size(); ++k) add(out, DiffOp::same, b[k].text);
  return out;
}

}  // namespace toteuma
