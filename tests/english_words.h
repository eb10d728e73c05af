// English words that must not appear in a Finnish or Swedish interface text (issue 13). Quoted
// ("version") and braced ({"section": ...}) parts are identifiers and JSON examples, not prose, and
// are skipped; HTML tags are skipped too.
#pragma once
#include <algorithm>
#include <set>
#include <string>

namespace toteuma::testing {

// The English words of `text`, space-separated; "" when there are none.
inline std::string english_words(const std::string& text) {
  static const std::set<std::string> kEnglish = {
      "the",     "must",    "needs",   "need",    "invalid", "unknown", "approved", "draft",    "ready",  "year",
      "error",   "warning", "missing", "not",     "no",      "such",    "forbidden", "please",  "wrong",  "failed",
      "found",   "expected", "only",   "may",     "first",   "changed", "saved",    "nothing",  "exists", "amendment",
      "decision", "reference", "section", "value", "amount",  "is",      "are",     "has",      "have",   "with",
      "without", "and",     "or",      "of",      "you",     "your",    "this",    "that",     "locked"};
  std::string out, word;
  char close = 0;  // the character that ends a skipped part
  auto flush = [&] {
    std::string w = word;
    std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (kEnglish.count(w)) out += (out.empty() ? "" : " ") + w;
    word.clear();
  };
  for (char ch : text) {
    if (close) {
      if (ch == close) close = 0;
      continue;
    }
    if (ch == '"' || ch == '{' || ch == '<') {
      flush();
      close = ch == '"' ? '"' : ch == '{' ? '}' : '>';
      continue;
    }
    unsigned char u = static_cast<unsigned char>(ch);
    if (std::isalpha(u) || u >= 0x80) word += ch;
    else flush();
  }
  flush();
  return out;
}

}  // namespace toteuma::testing
