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

CsvSplit split_csv_record(std::string_view rec, char delim, std::string& scratch, std::string_view* fields,
                          std::size_t keep) {
  CsvSplit out;
  scratch.clear();
  scratch.reserve(rec.size());
  // A quoted field over several lines, then something wrong: most likely its quote was never
  // meant to be closed and took the following lines in, so that is what is reported, where it opened.
  std::size_t multi_open = std::string_view::npos;
  int multi_field = 0;
  auto fault = [&](CsvFault f, std::size_t at) {
    out.fault = multi_open == std::string_view::npos ? f : CsvFault::unterminated_quote;
    out.at = multi_open == std::string_view::npos ? at : multi_open;
    out.field = multi_open == std::string_view::npos ? out.count : multi_field;
    return out;
  };
  std::size_t k = 0;
  for (;;) {
    std::string_view field;
    if (k < rec.size() && rec[k] == '"') {
      std::size_t open = k++, from = scratch.size();
      for (;;) {
        if (k >= rec.size()) return fault(CsvFault::unterminated_quote, open);
        if (rec[k] != '"') {
          if (rec[k] == '\n' && multi_open == std::string_view::npos) multi_open = open, multi_field = out.count;
          scratch += rec[k++];
        } else if (k + 1 < rec.size() && rec[k + 1] == '"') {
          scratch += '"';
          k += 2;
        } else {
          ++k;
          break;
        }
      }
      if (k < rec.size() && rec[k] != delim) return fault(CsvFault::text_after_quote, k);
      field = std::string_view(scratch).substr(from);
    } else {
      std::size_t from = k;
      for (; k < rec.size() && rec[k] != delim; ++k) {
        if (rec[k] == '"') return fault(CsvFault::quote_in_field, k);
        if (rec[k] == '\r' || rec[k] == '\n') return fault(CsvFault::lone_cr, k);  // LF: only after a quote run on
      }
      field = rec.substr(from, k - from);
    }
    if (static_cast<std::size_t>(out.count) < keep) fields[out.count] = field;
    ++out.count;
    if (k >= rec.size()) return out;
    ++k;  // the delimiter
  }
}

std::size_t csv_record_end(std::string_view text, std::size_t from, int& breaks) {
  bool q = false;
  breaks = 0;
  for (std::size_t k = from; k < text.size(); ++k) {
    if (text[k] == '"') q = !q;
    else if (text[k] == '\n') {
      if (!q) return k;
      ++breaks;
    }
  }
  return text.size();
}

std::string csv_fault_message(CsvFault f) {
  switch (f) {
    case CsvFault::none: return "";
    case CsvFault::unterminated_quote:
      return "a quoted field is not closed: expected a closing quote (\") before the end of the file / "
             "lainausmerkeissä oleva kenttä jää auki: odotettiin loppulainausmerkkiä ennen tiedoston loppua / "
             "ett citerat fält avslutas inte: avslutande citattecken förväntades före filens slut";
    case CsvFault::text_after_quote:
      return "text after the closing quote: expected the delimiter or the end of the line / "
             "loppulainausmerkin jälkeen tekstiä: odotettiin erotinta tai rivin loppua / "
             "text efter avslutande citattecken: avgränsare eller radslut förväntades";
    case CsvFault::quote_in_field:
      return "a quote inside an unquoted field: expected the whole field in quotes and the quote doubled (\"\") / "
             "lainausmerkki kentän keskellä: odotettiin koko kenttää lainausmerkeissä ja lainausmerkkiä kahdennettuna / "
             "citattecken mitt i ett fält: hela fältet inom citattecken och tecknet dubblerat förväntades";
    case CsvFault::lone_cr:
      return "a carriage return (CR) without a line feed: expected lines ending in LF or CR LF (save the file again as CSV) / "
             "rivinvaihtona pelkkä CR: odotettiin rivinvaihtoa LF tai CR LF (tallenna tiedosto uudelleen CSV-muodossa) / "
             "radbrytning med enbart CR: LF eller CR LF förväntades (spara filen på nytt som CSV)";
  }
  return "";
}

std::vector<CsvRecord> parse_csv(const std::string& input, char delim, const std::string& file) {
  std::string_view text(input);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto bad = invalid_utf8_at(text); bad != std::string::npos) {
    int line = 1;
    for (std::size_t i = 0; i < bad; ++i) line += text[i] == '\n';
    throw InputError(file, line, "", "invalid UTF-8 / virheellinen UTF-8 / ogiltig UTF-8");
  }
  std::vector<CsvRecord> out;
  std::string scratch;
  std::vector<std::string_view> views;
  int line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    int breaks = 0;
    std::size_t end = csv_record_end(text, i, breaks);
    std::string_view rec = text.substr(i, end - i);
    if (!rec.empty() && rec.back() == '\r') rec.remove_suffix(1);
    views.resize(rec.size() + 1);
    CsvSplit sp = split_csv_record(rec, delim, scratch, views.data(), views.size());
    if (sp.fault != CsvFault::none) {
      int at_line = line + static_cast<int>(std::count(rec.begin(), rec.begin() + static_cast<std::ptrdiff_t>(sp.at), '\n'));
      std::string column;
      if (!out.empty() && static_cast<std::size_t>(sp.field) < out.front().fields.size())
        column = out.front().fields[static_cast<std::size_t>(sp.field)];
      throw InputError(file, at_line, column, csv_fault_message(sp.fault));
    }
    CsvRecord r{line, {}};
    for (int k = 0; k < sp.count; ++k) r.fields.emplace_back(views[static_cast<std::size_t>(k)]);
    bool blank = r.fields.size() == 1 && r.fields[0].empty();
    if (!blank) out.push_back(std::move(r));
    line += 1 + breaks;
    i = end + 1;
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

InputError unreadable_file(const std::string& path) {
  return InputError(path, 0, "", "cannot read file / tiedostoa ei voi lukea / filen kan inte läsas");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw unreadable_file(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace toteuma
