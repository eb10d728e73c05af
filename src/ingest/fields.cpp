#include "ingest/fields.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <fstream>

#include "core/fixed.h"
#include "core/text.h"

namespace toteuma::fields {

namespace fs = std::filesystem;

// Messages in English, Finnish and Swedish: the CLI does not know the reader's language.
std::string m3(const std::string& en, const std::string& fi, const std::string& sv) {
  return en + " / " + fi + " / " + sv;
}

std::optional<Text> m3_reader_parts(const std::string& message) {
  std::vector<std::string> parts;
  for (std::size_t from = 0;;) {
    std::size_t at = message.find(" / ", from);
    parts.push_back(message.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) break;
    from = at + 3;
  }
  if (parts.size() != 3) return std::nullopt;
  return Text{parts[1], parts[2]};
}

bool valid_id(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

std::string need_id(const CsvTable& t, const CsvRecord& r, const std::string& col, bool allow_empty) {
  const std::string& v = t.get(r, col);
  if (v.empty() && allow_empty) return v;
  if (!valid_id(v))
    t.fail(r, col, m3(fmt::format("expected an id (a-z, 0-9, _ or -), found \"{}\"", v),
                      "odotettiin tunnusta", "ett id förväntades"));
  return v;
}

Date need_date(const CsvTable& t, const CsvRecord& r, const std::string& col) {
  auto d = parse_iso_date(t.get(r, col));
  if (!d)
    t.fail(r, col, m3(fmt::format("expected a date YYYY-MM-DD, found \"{}\"", t.get(r, col)),
                      "odotettiin päivämäärää VVVV-KK-PP", "ett datum ÅÅÅÅ-MM-DD förväntades"));
  return *d;
}

Cents need_euros(const CsvTable& t, const CsvRecord& r, const std::string& col) {
  auto a = parse_euros(t.get(r, col));
  if (!a)
    t.fail(r, col, m3(fmt::format("expected an amount in euros such as -1935039 or 25050.40, found \"{}\"", t.get(r, col)),
                      "odotettiin euromäärää", "ett eurobelopp förväntades"));
  return *a;
}

std::optional<Date> opt_date(const CsvTable& t, const CsvRecord& r, const std::string& col) {
  if (t.get(r, col).empty()) return std::nullopt;
  return need_date(t, r, col);
}

int need_year(const CsvTable& t, const CsvRecord& r, const std::string& col) {
  const std::string& v = t.get(r, col);
  int y = 0;
  bool ok = v.size() == 4;
  for (char c : v) ok = ok && c >= '0' && c <= '9';
  if (ok) y = std::stoi(v);
  if (!ok || y < 1900 || y > 2200)
    t.fail(r, col, m3(fmt::format("expected a year such as 2025, found \"{}\"", v),
                      "odotettiin vuotta", "ett år förväntades"));
  return y;
}

std::vector<std::string> split_bar(const std::string& s) { return split_nonempty(s, '|'); }

std::int64_t need_fixed(const CsvTable& t, const CsvRecord& r, const std::string& col, int decimals) {
  auto v = parse_fixed(t.get(r, col), decimals);
  if (!v)
    t.fail(r, col, m3(fmt::format("expected a number with at most {} decimals such as 12.5, found \"{}\"", decimals,
                                  t.get(r, col)),
                      "odotettiin lukua", "ett tal förväntades"));
  return *v;
}

std::optional<std::int64_t> opt_fixed(const CsvTable& t, const CsvRecord& r, const std::string& col, int decimals) {
  if (t.get(r, col).empty()) return std::nullopt;
  return need_fixed(t, r, col, decimals);
}

void write_text(const fs::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::optional<CsvTable> open_optional_csv(const fs::path& f, const std::vector<std::string>& required,
                                          const std::vector<std::string>& optional) {
  if (!fs::exists(f)) return std::nullopt;
  return CsvTable(read_file(f.string()), f.string(), required, optional);
}

void write_rows_if_any(const fs::path& dir, const std::string& name, const std::string& head, const std::string& body) {
  if (body.empty()) return;
  fs::create_directories(dir);
  write_text(dir / name, head + body);
}

std::string row(std::initializer_list<std::string> fields) {
  std::string s;
  bool first = true;
  for (const auto& f : fields) {
    if (!first) s += ';';
    s += csv_field(f);
    first = false;
  }
  return s + "\n";
}

std::string join_bar(const std::vector<std::string>& v) { return fmt::format("{}", fmt::join(v, "|")); }


}  // namespace toteuma::fields
