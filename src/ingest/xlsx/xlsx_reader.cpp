// An .xlsx file is a zip of XML parts (Office Open XML). Parts are found the way Excel finds
// them, through the relationship files, because other programs name and order them differently
// (the first tab need not be sheet1.xml). Element names are compared without their namespace
// prefix, since some writers use "x:c" where Excel writes "c".
#include "ingest/xlsx/xlsx_reader.h"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string_view>
#include <utility>

namespace toteuma::xlsx {

XlsxError::XlsxError(std::string file_, const std::string& message, int row_, std::string cell_)
    : std::runtime_error(file_ + ": " + message), file(std::move(file_)), row(row_), cell(std::move(cell_)) {}

std::string column_letters(int column) {
  std::string letters;
  for (int n = column; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

std::vector<std::string> SheetRow::dense(int columns) const {
  std::vector<std::string> out(static_cast<std::size_t>(std::min(std::max(columns, 0), width())));
  for (const auto& c : cells)
    if (c.column <= static_cast<int>(out.size())) out[static_cast<std::size_t>(c.column - 1)] = c.text;
  return out;
}

namespace {
// Parts are inflated into memory whole; refuse a zip bomb instead of exhausting memory.
constexpr zip_uint64_t kMaxPartSize = zip_uint64_t{1} << 30;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// The name without its namespace prefix: "x:row" -> "row".
std::string_view local_name(const char* name) {
  std::string_view s = name;
  auto colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

bool is(const pugi::xml_node& n, std::string_view name) {
  return n.type() == pugi::node_element && local_name(n.name()) == name;
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_node c : n.children())
    if (is(c, name)) return c;
  return {};
}

class Archive {
 public:
  explicit Archive(std::string path) : path_(std::move(path)) {
    int code = 0;
    zip_ = zip_open(path_.c_str(), ZIP_RDONLY, &code);
    if (zip_) return;
    // Old .xls files and password-protected .xlsx files are OLE containers, not zips.
    if (code == ZIP_ER_NOZIP)
      fail("not an .xlsx file (not a zip archive; old .xls and password-protected workbooks "
           "cannot be read)");
    zip_error_t err;
    zip_error_init_with_code(&err, code);
    std::string msg = zip_error_strerror(&err);
    zip_error_fini(&err);
    fail("cannot open: " + msg);
  }
  ~Archive() { zip_discard(zip_); }  // read-only: nothing to write back
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  [[noreturn]] void fail(const std::string& message, int row = 0, const std::string& cell = "") const {
    throw XlsxError(path_, message, row, cell);
  }

  // Parses part `name` into `doc`; false when the archive has no such part.
  bool load(const std::string& name, pugi::xml_document& doc) const {
    // Part names are case-insensitive in Open Packaging Conventions.
    zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return false;
    auto idx = static_cast<zip_uint64_t>(index);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_, idx, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
      fail(name + ": cannot read: " + zip_strerror(zip_));
    if (st.size > kMaxPartSize) fail(name + ": part too large");
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen_index(zip_, idx, 0), &zip_fclose);
    if (!f) fail(name + ": cannot read: " + zip_strerror(zip_));
    std::string data(st.size, '\0');
    zip_int64_t n = zip_fread(f.get(), data.data(), st.size);  // also verifies the CRC
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
      fail(name + ": cannot read: " + zip_file_strerror(f.get()));
    // parse_ws_pcdata keeps a cell whose text is only spaces; the default would drop it.
    pugi::xml_parse_result res =
        doc.load_buffer(data.data(), data.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!res)
      fail(name + ": malformed XML: " + res.description() + " at byte " + std::to_string(res.offset));
    return true;
  }

  struct Rel {
    std::string type;  // a URI; compared by its last segment, which Strict OOXML shares
    std::string part;  // the target resolved to a part name
  };
  // The relationships of `part` ("" for the package itself) by id; empty when it has none.
  std::map<std::string, Rel> rels(const std::string& part) const {
    auto slash = part.rfind('/');
    std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    std::string rels_part = dir + "_rels/" + part.substr(dir.size()) + ".rels";
    std::map<std::string, Rel> out;
    pugi::xml_document doc;
    if (!load(rels_part, doc)) return out;
    for (pugi::xml_node r : doc.document_element().children()) {
      if (!is(r, "Relationship") || std::string_view(r.attribute("TargetMode").value()) == "External")
        continue;
      out[r.attribute("Id").value()] = {r.attribute("Type").value(), resolve(dir, r.attribute("Target").value())};
    }
    return out;
  }

 private:
  // A target is relative to the source part's folder, or to the package root if it starts with '/'.
  static std::string resolve(const std::string& dir, std::string_view target) {
    std::string path = target.starts_with('/') ? std::string(target.substr(1)) : dir + std::string(target);
    std::vector<std::string> segs;
    for (std::size_t start = 0; start <= path.size();) {
      std::size_t end = std::min(path.find('/', start), path.size());
      std::string seg = path.substr(start, end - start);
      if (seg == "..") {
        if (!segs.empty()) segs.pop_back();
      } else if (!seg.empty() && seg != ".") {
        segs.push_back(std::move(seg));
      }
      start = end + 1;
    }
    std::string out;
    for (const auto& s : segs) out += (out.empty() ? "" : "/") + s;
    return out;
  }

  std::string path_;
  zip_t* zip_ = nullptr;
};

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Excel writes characters XML cannot hold as "_xHHHH_", e.g. "_x000D_" for the carriage return
// of a line break typed in a cell, and a literal "_x" as "_x005F_x".
std::string decode_escapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    unsigned cp = 0;
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      auto [p, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, cp, 16);
      if (ec == std::errc() && p == s.data() + i + 6) {
        append_utf8(out, cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);  // lone surrogate halves
        i += 7;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// The text of a shared or inline string: plain <t>, or rich-text runs <r><t> concatenated.
// <rPh> holds a phonetic reading (East Asian text) and is not part of the value.
std::string string_item(const pugi::xml_node& si) {
  std::string s;
  for (pugi::xml_node c : si.children()) {
    if (is(c, "t"))
      s += c.child_value();
    else if (is(c, "r"))
      s += child(c, "t").child_value();
  }
  return decode_escapes(s);
}

// The stored number as exact decimal text with a decimal comma: "1.5E-3" -> "0,0015". Done on
// the text, never through double, so "0.1" stays "0,1" and 17-digit values survive intact.
std::optional<std::string> decimal_text(std::string_view v) {
  std::size_t i = 0;
  bool negative = false;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) negative = v[i++] == '-';
  std::string digits;  // every mantissa digit; the decimal point goes after `point` of them
  long point = 0;
  for (; i < v.size() && is_digit(v[i]); ++i, ++point) digits += v[i];
  if (i < v.size() && v[i] == '.')
    for (++i; i < v.size() && is_digit(v[i]); ++i) digits += v[i];
  if (digits.empty()) return std::nullopt;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    bool neg_exp = false;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) neg_exp = v[i++] == '-';
    if (i == v.size()) return std::nullopt;
    long e = 0;
    for (; i < v.size() && is_digit(v[i]); ++i)
      if ((e = e * 10 + (v[i] - '0')) > 1000) return std::nullopt;  // doubles stop at 1E308
    point += neg_exp ? -e : e;
  }
  if (i != v.size()) return std::nullopt;

  std::size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) return "0";  // also "-0"
  digits.erase(0, lead);
  point -= static_cast<long>(lead);
  digits.erase(digits.find_last_not_of('0') + 1);
  auto n = static_cast<long>(digits.size());
  std::string out = negative ? "-" : "";
  if (point <= 0)
    out += "0," + std::string(static_cast<std::size_t>(-point), '0') + digits;
  else if (point >= n)
    out += digits + std::string(static_cast<std::size_t>(point - n), '0');
  else
    out += digits.substr(0, static_cast<std::size_t>(point)) + "," + digits.substr(static_cast<std::size_t>(point));
  return out;
}

// The column of a cell reference, "C5" -> 3, "AA1" -> 27; 0 when it is not a reference, and
// kMaxColumns + 1 when it lies beyond XFD.
int ref_column(std::string_view ref) {
  int col = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i)
    if ((col = col * 26 + (ref[i] - 'A' + 1)) > kMaxColumns) col = kMaxColumns + 1;
  if (i == 0 || i == ref.size()) return 0;
  for (; i < ref.size(); ++i)
    if (!is_digit(ref[i])) return 0;
  return col;
}

class SheetReader {
 public:
  SheetReader(const Archive& zip, std::string part, const std::vector<std::string>& strings)
      : zip_(zip), part_(std::move(part)), strings_(strings) {}

  std::vector<SheetRow> rows() const {
    pugi::xml_document doc;
    if (!zip_.load(part_, doc)) zip_.fail("missing worksheet part " + part_);
    pugi::xml_node root = doc.document_element();
    if (!is(root, "worksheet")) zip_.fail(part_ + ": not a worksheet");
    std::vector<SheetRow> out;
    int row_number = 0;
    for (pugi::xml_node row : child(root, "sheetData").children()) {
      if (!is(row, "row")) continue;
      // Without r, a row follows the previous one (the attribute is optional in the schema).
      pugi::xml_attribute r = row.attribute("r");
      row_number = r ? static_cast<int>(std::min<long long>(r.as_llong(), kMaxRows + 1LL)) : row_number + 1;
      if (row_number > kMaxRows) beyond(row_number, std::string("row ") + r.value(), "", "row", "rivi", "rad");
      if (row_number < 1) zip_.fail(part_ + ": invalid row number '" + r.value() + "'");
      SheetRow sr{row_number, {}};
      int col = 0;
      for (pugi::xml_node c : row.children()) {
        if (!is(c, "c")) continue;
        // Writers omit empty cells, so the reference, not the position, gives the column.
        pugi::xml_attribute ref = c.attribute("r");
        col = ref ? ref_column(ref.value()) : col + 1;
        if (col > kMaxColumns) {
          std::string cell = ref ? ref.value() : "XFE" + std::to_string(row_number);
          beyond(row_number, "cell " + cell, cell, "column", "sarake", "kolumn");
        }
        if (col < 1)
          zip_.fail(part_ + ": invalid cell reference '" + ref.value() + "' in row " + std::to_string(row_number), row_number,
                    ref.value());
        std::string text = cell_text(c, row_number, col);
        if (text.empty()) continue;  // styled but empty cells must not widen the row
        // Cells come in column order; a writer that repeats or reorders them is followed.
        if (sr.cells.empty() || sr.cells.back().column < col) {
          sr.cells.push_back({col, std::move(text)});
        } else {
          auto at = std::lower_bound(sr.cells.begin(), sr.cells.end(), col, [](const SheetCell& x, int k) { return x.column < k; });
          if (at != sr.cells.end() && at->column == col) at->text = std::move(text);
          else sr.cells.insert(at, {col, std::move(text)});
        }
      }
      if (!sr.cells.empty()) out.push_back(std::move(sr));
    }
    return out;
  }

 private:
  std::string cell_text(const pugi::xml_node& c, int row, int col) const {
    std::string_view type = c.attribute("t").value();
    if (type == "inlineStr") return string_item(child(c, "is"));
    pugi::xml_node v = child(c, "v");
    if (!v) return "";
    std::string_view value = v.child_value();
    if (type.empty() || type == "n") {
      if (value.empty()) return "";
      if (auto d = decimal_text(value)) return *d;
      bad(row, col, "invalid number '" + std::string(value) + "'");
    }
    if (type == "s") {
      std::size_t index = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
      if (ec != std::errc() || p != value.data() + value.size() || index >= strings_.size())
        bad(row, col, "shared string '" + std::string(value) + "' does not exist (" +
                          std::to_string(strings_.size()) + " shared strings)");
      return strings_[index];
    }
    if (type == "b") {
      if (value == "1") return "TRUE";
      if (value == "0") return "FALSE";
      bad(row, col, "invalid boolean '" + std::string(value) + "'");
    }
    // Formula string results, error values (#N/A) and ISO dates are stored as text.
    if (type == "str" || type == "e" || type == "d") return decode_escapes(value);
    bad(row, col, "unknown cell type '" + std::string(type) + "'");
  }

  [[noreturn]] void bad(int row, int col, const std::string& message) const {
    std::string ref = column_letters(col) + std::to_string(row);
    zip_.fail(part_ + ": cell " + ref + ": " + message, row, ref);
  }

  // A row or column beyond the sheet's limits: a corrupt or hostile file, refused before
  // anything is sized by it.
  [[noreturn]] void beyond(int row, const std::string& what, const std::string& ref, const char* en, const char* fi,
                           const char* sv) const {
    zip_.fail(part_ + ": " + what + ": " + en + " beyond the limits of a sheet: expected at most column XFD and row 1048576 / " + fi +
                  " taulukon rajojen ulkopuolella: odotettiin enintään saraketta XFD ja riviä 1048576 / " + sv +
                  " utanför bladets gränser: högst kolumn XFD och rad 1048576 förväntades",
              std::min(row, kMaxRows + 1), ref);
  }

  const Archive& zip_;
  std::string part_;
  const std::vector<std::string>& strings_;
};

}  // namespace

Sheet read_first_sheet(const std::string& path) {
  Archive zip(path);

  // Package -> workbook -> first worksheet and the shared strings.
  std::string workbook_part = "xl/workbook.xml";
  for (const auto& [id, rel] : zip.rels(""))
    if (ends_with(rel.type, "/officeDocument")) workbook_part = rel.part;
  pugi::xml_document workbook;
  if (!zip.load(workbook_part, workbook)) zip.fail("not an .xlsx workbook (no " + workbook_part + ")");
  if (!is(workbook.document_element(), "workbook")) zip.fail(workbook_part + ": not a workbook");
  auto rels = zip.rels(workbook_part);

  Sheet sheet;
  std::string sheet_part;
  for (pugi::xml_node s : child(workbook.document_element(), "sheets").children()) {
    if (!is(s, "sheet")) continue;
    // The relationship id is r:id; match the local name, as the prefix is the writer's choice.
    std::string id;
    for (pugi::xml_attribute a : s.attributes())
      if (local_name(a.name()) == "id" && std::string_view(a.name()) != "id") id = a.value();
    auto rel = rels.find(id);
    if (rel == rels.end())
      zip.fail(workbook_part + ": sheet '" + s.attribute("name").value() + "' has no relationship '" + id + "'");
    if (!ends_with(rel->second.type, "/worksheet")) continue;  // chart sheets hold no cells
    sheet.name = s.attribute("name").value();
    sheet_part = rel->second.part;
    break;
  }
  if (sheet_part.empty()) zip.fail(workbook_part + ": the workbook has no worksheets");

  // Shared strings are optional: a workbook of numbers only may have none.
  std::vector<std::string> strings;
  for (const auto& [id, rel] : rels) {
    if (!ends_with(rel.type, "/sharedStrings")) continue;
    pugi::xml_document sst;
    if (!zip.load(rel.part, sst)) zip.fail("missing shared strings part " + rel.part);
    for (pugi::xml_node si : sst.document_element().children())
      if (is(si, "si")) strings.push_back(string_item(si));
    break;
  }

  sheet.rows = SheetReader(zip, sheet_part, strings).rows();
  return sheet;
}

}  // namespace toteuma::xlsx
