#include "check/table_vocabulary.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <array>
#include <set>

#include "check/table_checks.h"
#include "ingest/csv.h"

namespace toteuma {

namespace embedded {
extern const std::string_view standard_labels_csv;
extern const std::string_view check_headings_csv;
}  // namespace embedded

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Dashes and the minus sign as '-', superscript footnote digits dropped, "a / b" as "a/b", and a
// dash between digits ("2017-2018") as a space, so that years stay apart.
std::string prepare(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\u2013") == 0 || s.compare(i, 3, "\u2014") == 0 || s.compare(i, 3, "\u2212") == 0) {
      out += '-';
      i += 2;
    } else if (s.compare(i, 2, "\u00b9") == 0 || s.compare(i, 2, "\u00b2") == 0 || s.compare(i, 2, "\u00b3") == 0) {
      ++i;
    } else {
      out += s[i];
    }
  }
  std::string r;
  for (std::size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (c == '/') {
      while (!r.empty() && r.back() == ' ') r.pop_back();
      r += '/';
      while (i + 1 < out.size() && out[i + 1] == ' ') ++i;
    } else if (c == '-' && !r.empty()) {
      std::size_t k = r.size();
      while (k > 0 && r[k - 1] == ' ') --k;
      std::size_t j = i + 1;
      while (j < out.size() && out[j] == ' ') ++j;
      if (k > 0 && is_digit(r[k - 1]) && j < out.size() && is_digit(out[j])) r += ' ';
      else r += c;
    } else {
      r += c;
    }
  }
  return r;
}

std::vector<std::string> tokens(const std::string& s) {
  std::vector<std::string> t;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) t.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return t;
}

std::string join(const std::vector<std::string>& t, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t i = from; i < to; ++i) s += (s.empty() ? "" : " ") + t[i];
  return s;
}

bool all_digits(const std::string& s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

// The matching key of a row label: normalised, without leading numbering ("2.3", an account
// code "8020101") and trailing footnote numbers ("Verotulot 1)").
std::string label_key(const std::string& label) {
  auto t = tokens(normalize_label(prepare(label)));
  std::size_t from = 0, to = t.size();
  while (from < to && all_digits(t[from])) ++from;
  while (to > from && all_digits(t[to - 1]) && t[to - 1].size() <= 2) --to;
  return join(t, from, to);
}

bool is_unit_remark(const std::string& tail) {
  std::string n = normalize_label(tail);
  for (const char* u : {"€", "%", "euro", "procent", "prosent", "milj", "asukas", "invånare", "htv", "lkm"})
    if (n.find(u) != std::string::npos) return true;
  return std::any_of(n.begin(), n.end(), is_digit);
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

// Trailing remarks and units: "Toimintakate (sitova)", "Verotulot (1000 €)", "Lainat, 1000 €".
std::string drop_remarks(std::string s) {
  for (bool changed = true; changed;) {
    changed = false;
    s = trim(s);
    // "= Toimintakate (+ tai -)", "Verksamhetsbidrag +/-": a result's sign remark and its equals sign.
    if (!s.empty() && s.front() == '=') {
      s = trim(s.substr(1));
      changed = true;
    }
    for (const char* sign : {"+/-", "+/−", "+ tai -", "+ eller -"})
      if (s.size() > std::strlen(sign) && s.ends_with(sign)) {
        s = trim(s.substr(0, s.size() - std::strlen(sign)));
        changed = true;
      }
    if (!s.empty() && s.back() == ')') {
      int depth = 0;
      for (std::size_t i = s.size(); i-- > 0;) {
        if (s[i] == ')') ++depth;
        if (s[i] == '(' && --depth == 0) {
          s = s.substr(0, i);
          changed = true;
          break;
        }
      }
    } else if (auto comma = s.rfind(", "); comma != std::string::npos && is_unit_remark(s.substr(comma + 2))) {
      s = s.substr(0, comma);
      changed = true;
    }
  }
  return s;
}

// The halves of a bilingual cell "Verotulot - Skatteinkomster": split at a dash with a space
// before it (a line-break hyphen has none; "ja -kulut" is tried whole first).
std::vector<std::string> halves(const std::string& s) {
  std::string p = prepare(s);
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 1; i + 1 < p.size(); ++i)
    if (p[i] == '-' && p[i - 1] == ' ') {
      out.push_back(p.substr(start, i - start));
      start = i + 1;
    }
  if (!out.empty()) out.push_back(p.substr(start));
  return out;
}

// A glob over a normalised heading: '*' any text, '#' one or more digits.
bool glob(const char* p, const char* s) {
  if (*p == '\0') return *s == '\0';
  if (*p == '*') return glob(p + 1, s) || (*s != '\0' && glob(p, s + 1));
  if (*p == '#') {
    if (!is_digit(*s)) return false;
    ++s;
    while (is_digit(*s)) {
      if (glob(p + 1, s)) return true;
      ++s;
    }
    return glob(p + 1, s);
  }
  return *p == *s && glob(p + 1, s + 1);
}

std::optional<Col> parse_col(const std::string& s) {
  static const std::map<std::string, Col> names = {
      {"budget", Col::budget},         {"amendments", Col::amendments}, {"budget_after", Col::budget_after},
      {"actual", Col::actual},         {"deviation", Col::deviation},   {"forecast", Col::forecast},
      {"plan", Col::plan},             {"realisation", Col::realisation}, {"overrun", Col::overrun},
      {"figure", Col::figure},         {"other", Col::other}};
  auto it = names.find(s);
  return it == names.end() ? std::nullopt : std::optional<Col>(it->second);
}

// A heading pattern normalised as headings are, piece by piece between the '*' wildcards (which
// the normalisation would drop), keeping the spaces around them ("ts *" is not "ts*").
std::string normalize_pattern(const std::string& pattern) {
  std::string out, piece;
  auto flush = [&] {
    if (piece.empty()) return;
    bool lead = piece.front() == ' ', trail = piece.back() == ' ';
    std::string n = normalize_label(prepare(piece));
    if (!n.empty()) out += (lead ? " " : "") + n + (trail ? " " : "");
    else if (lead || trail) out += ' ';
    piece.clear();
  };
  for (char c : pattern) {
    if (c == '*') {
      flush();
      out += '*';
    } else {
      piece += c;
    }
  }
  flush();
  return out;
}

// Comment lines blanked, so CsvTable reports the file's own line numbers.
std::string without_comments(const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find('\n', i);
    if (j == std::string::npos) j = text.size();
    if (text[i] != '#') out.append(text, i, j - i);
    out += '\n';
    i = j + 1;
  }
  return out;
}

}  // namespace

std::optional<int> find_year(const std::string& s) {
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    bool digits = true;
    for (std::size_t k = 0; k < 4; ++k) digits = digits && is_digit(s[i + k]);
    bool alone = (i == 0 || !is_digit(s[i - 1])) && (i + 4 == s.size() || !is_digit(s[i + 4]));
    if (digits && alone) {
      int y = std::stoi(s.substr(i, 4));
      if (y >= 1900 && y <= 2200) return y;
    }
  }
  return std::nullopt;
}

TableVocabulary::TableVocabulary(const Chart& chart) : chart_(chart) {
  for (const Line& l : chart.lines()) {
    add_label(l.name.fi, &l);
    add_label(l.name.sv, &l);
    for (const auto& s : l.synonyms_fi) add_label(s, &l);
    for (const auto& s : l.synonyms_sv) add_label(s, &l);
  }
  add_text(std::string(embedded::standard_labels_csv), "data/charts/standard/labels.csv (built in)");
  add_text(std::string(embedded::check_headings_csv), "data/checks/headings.csv (built in)");
  headings_ = std::move(user_headings_);
  user_headings_.clear();
}

void TableVocabulary::add_label(const std::string& label, const Line* line) {
  labels_.emplace(label_key(label), std::vector<const Line*>{line});
}

void TableVocabulary::add_file(const std::string& path) { add_text(read_file(path), path); }

void TableVocabulary::add_text(const std::string& text, const std::string& file) {
  std::string body = without_comments(text);
  bool headings = body.substr(0, body.find('\n')).starts_with("meaning");
  if (headings) {
    CsvTable t(body, file, {"meaning", "pattern"});
    for (const auto& r : t.rows()) {
      auto col = parse_col(t.get(r, "meaning"));
      if (!col)
        t.fail(r, "meaning",
               "expected budget, amendments, budget_after, actual, deviation, forecast, plan, realisation, overrun, "
               "figure or other / odotettiin sarakkeen merkitystä (budget, actual, …) / "
               "kolumnens betydelse förväntades (budget, actual, …)");
      std::string pattern = normalize_pattern(t.get(r, "pattern"));
      user_headings_.emplace_back(*col, pattern);
    }
    return;
  }
  CsvTable t(body, file, {"line", "language", "label"});
  std::set<std::string> listed;  // labels this file has given lines to
  for (const auto& r : t.rows()) {
    const Line* line = chart_.find(t.get(r, "line"));
    if (!line)
      t.fail(r, "line", "expected a line id of the chart (lines.csv) / odotettiin tililuettelon rivin tunnusta / "
                        "radens id i kontoplanen förväntades");
    const std::string& lang = t.get(r, "language");
    if (lang != "fi" && lang != "sv")
      t.fail(r, "language", "expected fi or sv / odotettiin fi tai sv / fi eller sv förväntades");
    if (label_key(t.get(r, "label")).empty())
      t.fail(r, "label", "expected a label / odotettiin rivin nimeä / radnamn förväntades");
    // A file's label wins over a chart name or an earlier file's label of the same spelling; one file
    // listing a label for two lines makes it ambiguous ("Yli/alijäämä": the result or the surplus),
    // the table deciding (the first line unless the table prints it under another label).
    std::string key = label_key(t.get(r, "label"));
    auto& lines = labels_[key];
    if (listed.insert(key).second) lines.clear();
    if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
  }
}

const Line* TableVocabulary::line_of(const std::string& label) const {
  auto lines = lines_of(label);
  return lines.empty() ? nullptr : lines.front();
}

namespace {
// A ratio of a line, not the line: "Vuosikate, €/asukas", "Lainakanta per invånare", "Vuosikate % poistoista".
bool ratio_label(const std::string& label) {
  std::string n = normalize_label(label);
  for (const char* m : {"/as", "per as", "asukasta kohden", "/inv", "per inv", "%", "/capita", "per capita"})
    if (n.find(m) != std::string::npos) return true;
  return false;
}
}  // namespace

std::vector<const Line*> TableVocabulary::lines_of(const std::string& label) const {
  if (ratio_label(label)) return {};
  auto find = [&](const std::string& s) -> const std::vector<const Line*>* {
    for (const std::string& v : {s, drop_remarks(s)}) {
      std::string k = label_key(v);
      if (k.empty()) continue;
      if (auto it = labels_.find(k); it != labels_.end()) return &it->second;
    }
    return nullptr;
  };
  if (auto* l = find(label)) return *l;
  for (const auto& h : halves(label))
    if (auto* l = find(h)) return *l;
  return {};
}

bool TableVocabulary::of_which(const std::string& label) {
  std::string k = label_key(label);
  for (const char* p : {"josta ", "joista ", "siitä ", "varav ", "därav ", "of which "})
    if (k.starts_with(p)) return true;
  return false;
}

namespace {
constexpr std::array<const char*, 2> kGroupWords = {"konserni", "koncern"};  // incl. -konsernin, -koncernen
}

bool TableVocabulary::names_group(const std::string& text) {
  std::string n = normalize_label(text);
  return std::any_of(kGroupWords.begin(), kGroupWords.end(), [&](const char* w) { return n.find(w) != std::string::npos; });
}

std::string TableVocabulary::without_group_word(const std::string& text) {
  std::vector<std::string> kept;
  for (const auto& t : tokens(normalize_label(text))) {
    std::string w = t;
    for (const char* g : kGroupWords)
      if (auto p = w.find(g); p != std::string::npos) w = w.substr(0, p);
    if (!w.empty()) kept.push_back(w);
  }
  return join(kept, 0, kept.size());
}

bool TableVocabulary::of_which_list(const std::string& label) {
  auto colon = label.find(':');
  if (colon == std::string::npos) return false;
  std::string word = label_key(label.substr(0, colon));
  for (const char* p : {"josta", "joista", "siitä", "varav", "därav", "of which"})
    if (word == p) return true;
  return false;
}

ColumnMeaning TableVocabulary::heading(const std::string& heading, int table_year) const {
  // Remarks in parentheses anywhere ("Kaupunki (Tietoihin sisältyy …) 2019") say nothing of the column.
  std::string h = prepare(heading), plain;
  int depth = 0;
  for (char c : h) {
    if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    else if (depth == 0) plain += c;
  }
  std::string n = normalize_label(plain);
  // A year glued to its word ("TP2023", "TA2024"): read as "tp 2023".
  {
    std::vector<std::string> split;
    for (const auto& t : tokens(n)) {
      std::size_t k = t.size();
      if (k > 4 && all_digits(t.substr(k - 4)) && !is_digit(t[k - 5]) && find_year(t.substr(k - 4)))
        split.push_back(t.substr(0, k - 4)), split.push_back(t.substr(k - 4));
      else
        split.push_back(t);
    }
    n = join(split, 0, split.size());
  }
  ColumnMeaning m;
  auto y = find_year(n);
  m.year = y.value_or(table_year);
  std::vector<std::string> rest;
  for (const auto& t : tokens(n))
    if (!(t.size() == 4 && all_digits(t) && find_year(t))) rest.push_back(t);
  std::string key = join(rest, 0, rest.size());
  if (key.empty() && !y) return m;  // a blank heading
  for (const auto* list : {&user_headings_, &headings_})
    for (const auto& [col, pattern] : *list)
      if (glob(pattern.c_str(), key.c_str())) {
        m.kind = col;
        if (col == Col::plan) m.base_year = table_year;
        return m;
      }
  return m;
}

std::int64_t scale_of_caption(const std::string& text) {
  std::string n;
  for (char c : normalize_label(text))
    if (c != ' ') n += c;
  for (const char* m : {"milj", "m\u20ac", "meur", "miljoonaa", "miljoner"})
    if (n.find(m) != std::string::npos) return 1000000;
  for (const char* t : {"1000\u20ac", "1000e", "1000eur", "t\u20ac", "teur", "tuhatta", "tusen"})
    if (n.find(t) != std::string::npos) return 1000;
  return 0;
}

bool no_value_cell(const std::string& text) {
  std::string s = trim(prepare(text));
  if (s.empty()) return true;
  for (const char* none : {"-", "--", "..", "...", "\u2026"})
    if (s == none) return true;
  return false;
}

std::string without_footnote(const std::string& text) {
  std::string s = text;
  for (const char* sup : {"\u00b9", "\u00b2", "\u00b3"})
    for (std::size_t p; (p = s.find(sup)) != std::string::npos;) s.erase(p, 2);
  s = trim(s);
  while (!s.empty() && s.back() == '*') s = trim(s.substr(0, s.size() - 1));
  // "1 234 1)" or "1 234 (1)": a footnote number or letter with its parenthesis after the figure.
  if (!s.empty() && s.back() == ')') {
    std::size_t open = s.rfind('('), space = s.rfind(' ');
    std::size_t start = open != std::string::npos ? open : space;
    if (start != std::string::npos && start > 0) {
      std::string mark = s.substr(start);
      mark.erase(std::remove_if(mark.begin(), mark.end(), [](char c) { return c == '(' || c == ')' || c == ' '; }),
                 mark.end());
      if (!mark.empty() && mark.size() <= 2) s = trim(s.substr(0, start));
    }
  }
  return s;
}

}  // namespace toteuma
