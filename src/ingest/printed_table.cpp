#include "ingest/printed_table.h"

#include <cstring>

#include <fmt/format.h>

#include <algorithm>

#include "ingest/csv.h"
#include "ingest/xlsx_input.h"

namespace toteuma {

// GCC's 128-bit integer for exact scaling; __extension__ keeps -Wpedantic quiet.
__extension__ typedef __int128 I128;

std::string PrintedTable::meta_value(const std::string& key) const {
  auto it = meta.find(key);
  return it == meta.end() ? "" : it->second.first;
}

namespace {

std::string trim(std::string s) {
  auto sp = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && sp(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && sp(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

// Splits off leading "# key: value" lines; returns the rest and fills meta with line numbers.
std::string take_meta(const std::string& text, PrintedTable& t, int& first_line) {
  std::size_t pos = 0;
  int line = 1;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;
  while (pos < text.size() && text[pos] == '#') {
    std::size_t end = text.find('\n', pos);
    std::string l = text.substr(pos + 1, end == std::string::npos ? std::string::npos : end - pos - 1);
    if (auto colon = l.find(':'); colon != std::string::npos) {
      t.meta[trim(l.substr(0, colon))] = {trim(l.substr(colon + 1)), line};
      t.meta_lines.push_back({trim(l.substr(0, colon)), trim(l.substr(colon + 1)), line});
    }
    ++line;
    if (end == std::string::npos) return {};
    pos = end + 1;
  }
  first_line = line;
  return text.substr(pos);
}

char detect_delimiter(const std::string& body) {
  std::string head = body.substr(0, body.find('\n'));
  if (head.find('\t') != std::string::npos) return '\t';
  if (head.find(';') != std::string::npos) return ';';
  return ',';
}

bool ends_with(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

// A row of words or years only, none of them a figure (a year alone only without a row label).
bool heading_continuation(const CsvRecord& r) {
  auto has_letter = [](const std::string& x) {
    // a-z, or ä ö å é … (UTF-8 lead byte 0xC3); not the minus, no-break space or euro sign of a figure
    return std::any_of(x.begin(), x.end(), [](char ch) {
      return std::isalpha(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) == 0xC3;
    });
  };
  auto year = [](std::string x) {
    x = trim(x);
    return x.size() == 4 && std::all_of(x.begin(), x.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
           x >= "1900" && x <= "2200";
  };
  bool any = false, words = false;
  for (std::size_t c = 1; c < r.fields.size(); ++c) {
    const std::string& x = r.fields[c];
    if (blank_cell(x)) continue;
    if (!has_letter(x) && !year(x)) return false;
    any = true;
    words = words || has_letter(x);
  }
  return any && (words || r.fields.empty() || blank_cell(r.fields[0]));
}

PrintedTable from_rows(PrintedTable t, std::vector<CsvRecord> recs) {
  // Leading cells in column A starting with '#' are metadata (XLSX has no comment lines).
  std::size_t i = 0;
  for (; i < recs.size() && !recs[i].fields.empty() && !recs[i].fields[0].empty() && recs[i].fields[0][0] == '#';
       ++i) {
    std::string l = recs[i].fields[0].substr(1);
    if (auto colon = l.find(':'); colon != std::string::npos) {
      t.meta[trim(l.substr(0, colon))] = {trim(l.substr(colon + 1)), recs[i].line};
      t.meta_lines.push_back({trim(l.substr(0, colon)), trim(l.substr(colon + 1)), recs[i].line});
    }
  }
  if (i >= recs.size())
    throw InputError(t.file, recs.empty() ? 1 : recs.back().line, "",
                     "expected a heading row / otsikkorivi puuttuu / rubrikrad saknas");
  t.header_line = recs[i].line;
  t.headings.assign(recs[i].fields.begin() + 1, recs[i].fields.end());
  for (auto& h : t.headings) h = trim(h);
  t.corner = recs[i].fields.empty() ? "" : trim(recs[i].fields[0]);
  // Headings printed on two rows ("Talousarvio 2024" over "Alkuperäinen | Muutokset | Muutettu"): a
  // row right below whose cells are words or years is the lower half of the headings.
  while (i + 1 < recs.size() && heading_continuation(recs[i + 1])) {
    const auto& sub = recs[++i].fields;
    std::string top;  // a heading spans the blank ones to its right
    for (std::size_t c = 0; c + 1 < sub.size() || c < t.headings.size(); ++c) {
      if (c >= t.headings.size()) t.headings.emplace_back();
      if (!t.headings[c].empty()) top = t.headings[c];
      std::string below = c + 1 < sub.size() ? trim(sub[c + 1]) : "";
      if (!below.empty()) t.headings[c] = trim(top + " " + below);
    }
  }
  // Trailing blank headings are padding, unless a row prints figures under them: the last heading
  // then spans two columns (a statutory statement's sub-items and lines, "2018;;2017;").
  std::size_t used = 0;
  for (std::size_t k = i + 1; k < recs.size(); ++k)
    for (std::size_t c = recs[k].fields.size(); c > 1; --c)
      if (!blank_cell(recs[k].fields[c - 1])) {
        used = std::max(used, c - 1);
        break;
      }
  while (!t.headings.empty() && t.headings.back().empty() && t.headings.size() > used) t.headings.pop_back();
  for (++i; i < recs.size(); ++i) {
    PrintedRow r;
    r.line = recs[i].line;
    r.label = recs[i].fields.empty() ? "" : trim(recs[i].fields[0]);
    if (recs[i].fields.size() > 1) r.cells.assign(recs[i].fields.begin() + 1, recs[i].fields.end());
    // Trailing empty cells beyond the headings are the spreadsheet's, not the author's.
    while (r.cells.size() > t.headings.size() && blank_cell(r.cells.back())) r.cells.pop_back();
    r.width = r.cells.size();
    bool all_blank = r.label.empty() && std::all_of(r.cells.begin(), r.cells.end(), blank_cell);
    if (!all_blank) t.rows.push_back(std::move(r));
  }
  return t;
}

}  // namespace

PrintedTable read_printed_table(const std::string& path) {
  PrintedTable t;
  t.file = path;
  if (ends_with(path, ".xlsx")) {
    xlsx::Sheet sheet = read_input_sheet(path);
    // The heading row sets the table's width; a data row's cells are taken up to it (one more
    // column shows a cell beyond it), so memory follows the headings, not a stray cell at XFD.
    std::size_t meta = 0;
    while (meta < sheet.rows.size() && !sheet.rows[meta].cells.empty() && sheet.rows[meta].cells.front().column == 1 &&
           sheet.rows[meta].cells.front().text.starts_with('#'))
      ++meta;
    int columns = meta < sheet.rows.size() ? sheet.rows[meta].width() : 0;
    if (columns > kMaxPrintedColumns + 1)
      throw InputError(path, sheet.rows[meta].row, xlsx::column_letters(columns) + std::to_string(sheet.rows[meta].row),
                       fmt::format("a heading in column {} is beyond the {} columns a printed table may have / "
                                   "otsikko sarakkeessa {} on taulukon enimmäisleveyden ({} saraketta) ulkopuolella / "
                                   "rubriken i kolumn {} ligger utanför tabellens högst {} kolumner",
                                   xlsx::column_letters(columns), kMaxPrintedColumns, xlsx::column_letters(columns),
                                   kMaxPrintedColumns, xlsx::column_letters(columns), kMaxPrintedColumns));
    // A last heading spanning two columns (a statutory statement's sub-items and lines) leaves the
    // second heading cell empty: two or more rows filled exactly one column further show it.
    int spanning = 0;
    for (std::size_t i = meta + 1; i < sheet.rows.size(); ++i) spanning += sheet.rows[i].width() == columns + 1;
    if (spanning >= 2 && columns > 1 && columns <= kMaxPrintedColumns) ++columns;
    std::vector<CsvRecord> recs;
    std::vector<int> widths;
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
      const auto& r = sheet.rows[i];
      recs.push_back({r.row, r.dense(i < meta ? 1 : i == meta ? columns : std::max(columns, 1))});
      if (i == meta) recs.back().fields.resize(static_cast<std::size_t>(columns));  // a spanned last heading is empty
      widths.push_back(r.width());
    }
    PrintedTable out = from_rows(std::move(t), std::move(recs));
    // A spreadsheet row has every column: cells after its last filled one are empty, not
    // missing, so XLSX rows are ragged only by a cell beyond the headings.
    std::size_t k = meta + 1;
    for (auto& r : out.rows) {
      while (k < sheet.rows.size() && sheet.rows[k].row != r.line) ++k;
      r.width = std::max(static_cast<std::size_t>(std::max(widths[k] - 1, 0)), out.headings.size());
      if (r.cells.size() < out.headings.size()) r.cells.resize(out.headings.size());
    }
    return out;
  }
  int first_line = 1;
  std::string body = take_meta(read_file(path), t, first_line);
  auto recs = parse_csv(body, detect_delimiter(body), path);
  for (auto& r : recs) r.line += first_line - 1;
  return from_rows(std::move(t), std::move(recs));
}

bool blank_cell(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '\t') continue;
    if (text.compare(i, 2, "\u00a0") == 0 || text.compare(i, 3, "\u202f") == 0) {
      i += text.compare(i, 2, "\u00a0") == 0 ? 1 : 2;
      continue;
    }
    return false;
  }
  return true;
}

namespace {
// Normalises printed digits: drops spaces (plain, NBSP, narrow NBSP) and turns U+2212 into '-'.
std::string strip_number(const std::string& text) {
  std::string s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '\t') continue;
    if (text.compare(i, 2, "\u00a0") == 0) { ++i; continue; }
    if (text.compare(i, 3, "\u202f") == 0) { i += 2; continue; }
    // Minus sign U+2212, and an en dash U+2013 (PDF text often has it for the minus).
    if (text.compare(i, 3, "\u2212") == 0 || text.compare(i, 3, "\u2013") == 0) { s += '-'; i += 2; continue; }
    s += text[i];
  }
  // Accounting forms of a negative figure: "(2 000)" and a trailing minus "1 900-" (ledger printouts).
  if (s.size() > 2 && s.front() == '(' && s.back() == ')') return "-" + s.substr(1, s.size() - 2);
  if (s.size() > 1 && s.back() == '-' && s.front() != '-') return "-" + s.substr(0, s.size() - 1);
  return s;
}

// Digits with an optional decimal comma (or point) → value × 10^decimals as integer, exact.
std::optional<std::pair<I128, int>> parse_decimal(const std::string& s) {
  I128 v = 0;
  int decimals = -1;
  bool neg = false, digits = false;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (v > (static_cast<I128>(1) << 100)) return std::nullopt;
      v = v * 10 + (c - '0');
      digits = true;
      if (decimals >= 0) ++decimals;
    } else if ((c == ',' || c == '.') && decimals < 0) {
      decimals = 0;
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  return std::pair{neg ? -v : v, decimals < 0 ? 0 : decimals};
}
}  // namespace

std::optional<Cents> parse_printed_amount(const std::string& text, std::int64_t scale) {
  // A currency after the figure ("1 234 €", "1 234 EUR", "1 234 euroa") says nothing the scale does not.
  std::string s = strip_number(text);
  for (const char* unit : {"\u20ac", "EUR", "eur", "euroa", "euro"})
    if (s.size() > std::strlen(unit) && s.ends_with(unit)) {
      s.resize(s.size() - std::strlen(unit));
      break;
    }
  // A cell that states its own scale ("14,98 milj.", "2,5 M"): millions of euros whatever the table's.
  for (const char* unit : {"milj.", "milj", "Milj.", "mn", "M"})
    if (s.size() > std::strlen(unit) && s.ends_with(unit)) {
      s.resize(s.size() - std::strlen(unit));
      scale = 1000000;
      break;
    }
  auto d = parse_decimal(s);
  if (!d) return std::nullopt;
  auto [v, dec] = *d;
  // cents = v × scale × 100 / 10^dec, rounded half away from zero if the print had more
  // decimals than cents can hold.
  I128 num = v * scale * 100, den = 1;
  for (int k = 0; k < dec; ++k) den *= 10;
  I128 q = num >= 0 ? (num * 2 + den) / (den * 2) : -((-num * 2 + den) / (den * 2));
  if (q > INT64_MAX || q < INT64_MIN) return std::nullopt;
  return static_cast<Cents>(q);
}

std::optional<std::int64_t> parse_printed_percent(const std::string& text) {
  std::string s = strip_number(text);
  if (!s.empty() && s.back() == '%') s.pop_back();
  auto d = parse_decimal(s);
  if (!d) return std::nullopt;
  auto [v, dec] = *d;
  I128 num = v * 100, den = 1;
  for (int k = 0; k < dec; ++k) den *= 10;
  I128 q = num >= 0 ? (num * 2 + den) / (den * 2) : -((-num * 2 + den) / (den * 2));
  return static_cast<std::int64_t>(q);
}

}  // namespace toteuma
