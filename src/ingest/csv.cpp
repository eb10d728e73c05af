#include "ingest/csv.h"

#include "core/text.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <fstream>
#include <sstream>


namespace toteuma {

InputError::InputError(std::string f, int l, std::string c, const std::string& message)
    : std::runtime_error(c.empty() ? fmt::format("{}:{}: {}", f, l, message)
                                   : fmt::format("{}:{}: [{}] {}", f, l, c, message)),
      file(std::move(f)),
      line(l),
      column(std::move(c)),
      message(message) {}

namespace {
// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    int n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (n < 0) return i;
    for (int k = 1; k <= n; ++k)
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    i += static_cast<std::size_t>(n) + 1;
  }
  return std::string::npos;
}
}  // namespace

std::vector<CsvRecord> parse_csv(const std::string& input, char delim, const std::string& file) {
  std::string_view text(input);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto bad = invalid_utf8_at(text); bad != std::string::npos) {
    int line = 1;
    for (std::size_t i = 0; i < bad; ++i) line += text[i] == '\n';
    throw InputError(file, line, "", "invalid UTF-8 / virheellinen UTF-8 / ogiltig UTF-8");
  }
  std::vector<CsvRecord> out;
  int line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    CsvRecord rec{line, {}};
    std::string field;
    bool in_quotes = false, quoted = false;
    for (;;) {
      if (i >= text.size()) {
        if (in_quotes)
          throw InputError(file, rec.line, "", "unterminated quote / päättymätön lainausmerkki / citattecken saknas");
        rec.fields.push_back(field);
        break;
      }
      char c = text[i++];
      if (in_quotes) {
        if (c == '"') {
          if (i < text.size() && text[i] == '"') {
            field += '"';
            ++i;
          } else {
            in_quotes = false;
          }
        } else {
          if (c == '\n') ++line;
          field += c;
        }
      } else if (c == '"' && field.empty() && !quoted) {
        in_quotes = quoted = true;
      } else if (c == delim) {
        rec.fields.push_back(field);
        field.clear();
        quoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i < text.size() && text[i] == '\n') ++i;
        ++line;
        rec.fields.push_back(field);
        break;
      } else {
        field += c;
      }
    }
    bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
    if (!blank) out.push_back(std::move(rec));
  }
  return out;
}

std::string csv_escape(const std::string& f, char delim) { return csv_field(f, delim); }

CsvTable::CsvTable(const std::string& text, const std::string& file,
                   const std::vector<std::string>& required, const std::vector<std::string>& optional)
    : file_(file) {
  auto recs = parse_csv(text, ';', file);
  if (recs.empty())
    throw InputError(file, 1, "", fmt::format("expected a header row: {} / odotettiin otsikkoriviä / rubrikrad förväntades",
                                              fmt::join(required, ";")));
  const CsvRecord& head = recs.front();
  for (std::size_t i = 0; i < head.fields.size(); ++i) {
    const std::string& name = head.fields[i];
    bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                 std::find(optional.begin(), optional.end(), name) != optional.end();
    if (!known)
      throw InputError(file, head.line, name,
                       fmt::format("unknown column; expected one of {} / tuntematon sarake / okänd kolumn",
                                   fmt::join(required, ";")));
    if (col_.count(name)) throw InputError(file, head.line, name, "duplicate column / sarake kahdesti / dubbel kolumn");
    col_[name] = i;
  }
  for (const auto& r : required)
    if (!col_.count(r))
      throw InputError(file, head.line, r, "missing column / sarake puuttuu / kolumn saknas");
  for (std::size_t k = 1; k < recs.size(); ++k) {
    if (recs[k].fields.size() != head.fields.size())
      throw InputError(file, recs[k].line, "",
                       fmt::format("expected {} fields, found {} / odotettiin {} kenttää / {} fält förväntades",
                                   head.fields.size(), recs[k].fields.size(), head.fields.size(),
                                   head.fields.size()));
    rows_.push_back(std::move(recs[k]));
  }
}

const std::string& CsvTable::get(const CsvRecord& row, const std::string& name) const {
  static const std::string kEmpty;
  auto it = col_.find(name);
  return it == col_.end() ? kEmpty : row.fields[it->second];
}

void CsvTable::fail(const CsvRecord& row, const std::string& column, const std::string& message) const {
  throw InputError(file_, row.line, column, message);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, "", "cannot read file / tiedostoa ei voi lukea / filen kan inte läsas");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace toteuma
