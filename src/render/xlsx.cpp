#include "render/xlsx.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/format.h"
#include "core/lang.h"
#include "render/xlsx_workbook.h"

namespace toteuma {

namespace {

const Text kContentsSheet{"Sisällys", "Innehåll"};
const Text kTableFallback{"Taulukko", "Tabell"};
const Text kNoTables{"Asiakirjassa ei ole taulukoita.", "Dokumentet innehåller inga tabeller."};

constexpr int kMaxSheetName = 31;  // Excel's limit, in UTF-16 code units
constexpr lxw_row_t kCaptionRow = 0;
constexpr lxw_row_t kHeadingRow = 2;
constexpr lxw_row_t kFirstDataRow = 3;
constexpr lxw_color_t kLinkColor = 0x0563C1;  // Excel's own hyperlink blue


std::int64_t pow10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// The cell value: a percent is written as its fraction (69,7 % -> 0.697). One IEEE division of
// two exactly representable integers gives the double nearest to the decimal, i.e. what
// Excel itself stores when "659,7" is typed in.
double cell_value(const doc::Cell& c) {
  int decimals = c.shown + (c.percent ? 2 : 0);
  return static_cast<double>(doc::shown_units(c)) / static_cast<double>(pow10(decimals));
}

std::string number_format(const doc::Cell& c) {
  std::string decimals = c.shown > 0 ? "." + std::string(static_cast<std::size_t>(c.shown), '0') : "";
  return c.percent ? "0" + decimals + " %" : "#,##0" + decimals;
}

// ---- sheet names ----------------------------------------------------------------------

icu::UnicodeString fold(const icu::UnicodeString& s) {
  icu::UnicodeString f = s;
  return f.foldCase();
}

bool trim_char(UChar c) { return c == u' ' || c == u'\''; }

// Cuts to at most `max` UTF-16 units without splitting a surrogate pair; drops the spaces and
// apostrophes a cut may leave at the end (Excel refuses a name ending in an apostrophe).
icu::UnicodeString truncated(icu::UnicodeString s, int max) {
  if (s.length() > max) {
    int end = max;
    if (end > 0 && U16_IS_LEAD(s.charAt(end - 1))) --end;
    s.truncate(end);
  }
  while (!s.isEmpty() && trim_char(s.charAt(s.length() - 1))) s.truncate(s.length() - 1);
  return s;
}

// A caption as a sheet name: Excel forbids []:*?/\ and control characters and a leading or
// trailing apostrophe; the replacements keep the caption readable ("Tuotot/kulut [€]" ->
// "Tuotot-kulut (€)").
icu::UnicodeString sheet_base(const std::string& caption) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(caption);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) in = nfc->normalize(in, status);
  icu::UnicodeString out;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (c == '[') c = '(';
    else if (c == ']') c = ')';
    else if (c == '/' || c == '\\' || c == ':') c = '-';
    else if (c == '*' || c == '?') continue;
    else if (u_isWhitespace(c) || u_iscntrl(c) || c == 0xA0) c = ' ';
    if (c == ' ' && (out.isEmpty() || out.charAt(out.length() - 1) == u' ')) continue;
    out.append(c);
  }
  int32_t start = 0;
  while (start < out.length() && trim_char(out.charAt(start))) ++start;
  return truncated(out.remove(0, start), kMaxSheetName);
}

class SheetNames {
 public:
  // Excel compares sheet names case-insensitively and reserves "History".
  SheetNames() { taken_.insert(fold(icu::UnicodeString(u"History"))); }

  std::string claim(const icu::UnicodeString& base) {
    icu::UnicodeString name = base;
    for (int n = 2; taken_.count(fold(name)) > 0; ++n) {
      icu::UnicodeString suffix = icu::UnicodeString::fromUTF8(" (" + std::to_string(n) + ")");
      name = truncated(base, kMaxSheetName - suffix.length()) + suffix;
    }
    taken_.insert(fold(name));
    std::string utf8;
    return name.toUTF8String(utf8);
  }

 private:
  std::set<icu::UnicodeString> taken_;
};

// "internal:'Name'!A1" with apostrophes inside the name doubled, as Excel quotes sheet names.
std::string internal_link(const std::string& sheet) {
  std::string quoted;
  for (char c : sheet) {
    if (c == '\'') quoted += '\'';
    quoted += c;
  }
  return "internal:'" + quoted + "'!A1";
}

std::string cell_name(lxw_row_t row, lxw_col_t col) {
  char buf[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(buf, row, col);
  return buf;
}

// ---- formats --------------------------------------------------------------------------

struct Style {
  bool bold = false;
  bool italic = false;
  bool wrap = false;
  bool bottom_border = false;
  bool right = false;
  bool link = false;
  bool top = false;
  int indent = 0;
  double size = 0;  // 0 = default
  std::string num_format = {};
  auto operator<=>(const Style&) const = default;
};

// libxlsxwriter formats belong to the workbook; one per distinct style.
class Formats {
 public:
  explicit Formats(lxw_workbook* wb) : wb_(wb) {}
  lxw_format* get(const Style& s) {
    auto it = cache_.find(s);
    if (it != cache_.end()) return it->second;
    lxw_format* f = workbook_add_format(wb_);
    if (s.bold) format_set_bold(f);
    if (s.italic) format_set_italic(f);
    if (s.wrap) format_set_text_wrap(f);
    if (s.bottom_border) format_set_bottom(f, LXW_BORDER_THIN);
    if (s.right) format_set_align(f, LXW_ALIGN_RIGHT);
    if (s.top)
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    else if (s.wrap || s.bottom_border)
      format_set_align(f, LXW_ALIGN_VERTICAL_BOTTOM);
    if (s.link) {
      format_set_underline(f, LXW_UNDERLINE_SINGLE);
      format_set_font_color(f, kLinkColor);
    }
    if (s.indent > 0) format_set_indent(f, static_cast<uint8_t>(std::min(s.indent, 15)));
    if (s.size > 0) format_set_font_size(f, s.size);
    if (!s.num_format.empty()) format_set_num_format(f, s.num_format.c_str());
    cache_.emplace(s, f);
    return f;
  }

 private:
  lxw_workbook* wb_;
  std::map<Style, lxw_format*> cache_;
};

// ---- table sheets ---------------------------------------------------------------------

bool is_empty(const doc::Cell& c) { return !c.number && c.text.empty(); }

const doc::Cell* cell_at(const doc::Row& r, std::size_t col) {
  return col < r.cells.size() ? &r.cells[col] : nullptr;
}

// "=SUM(B5:B9)" or "=SUM(B5:B7,B9)" over the parts' rows of column `col`.
std::string sum_formula(std::vector<lxw_row_t> rows, lxw_col_t col) {
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  std::string args;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
    if (!args.empty()) args += ',';
    args += cell_name(rows[i], col);
    if (j > i) args += ':' + cell_name(rows[j], col);
    i = j + 1;
  }
  return "=SUM(" + args + ")";
}

// The formula for a total's cell, or "" when a formula would not give the published figure:
// the parts must be numbers (or empty) at the same precision whose shown values add up to
// the total's shown value. Percentages are never summed.
std::string total_formula(const doc::Grid& g, std::size_t row, std::size_t col) {
  const doc::Row& r = g.rows[row];
  const doc::Cell* total = cell_at(r, col);
  if (r.parts.empty() || !total || !total->number || total->percent) return "";
  std::int64_t sum = 0;
  std::vector<lxw_row_t> rows;
  for (std::size_t p : r.parts) {
    if (p >= g.rows.size() || p == row) return "";
    const doc::Cell* part = cell_at(g.rows[p], col);
    if (part && !is_empty(*part)) {
      if (!part->number || part->percent || part->shown != total->shown) return "";
      sum += doc::shown_units(*part);
    }
    rows.push_back(kFirstDataRow + static_cast<lxw_row_t>(p));
  }
  if (sum != doc::shown_units(*total)) return "";
  return sum_formula(rows, static_cast<lxw_col_t>(col));
}

std::size_t longest_word(const std::string& s) {
  std::size_t best = 0;
  std::istringstream words(s);
  for (std::string w; words >> w;) best = std::max(best, display_width(w));
  return best;
}

double clamp_width(std::size_t chars, double lo, double hi) {
  return std::clamp(static_cast<double>(chars) + 2, lo, hi);
}

// Lines a text takes wrapped at spaces in a column `width` characters wide. Neither Excel nor
// LibreOffice reliably fits row heights to wrapped text on opening a file, so the heights are
// set from this. A width counts digits of the default font; letters average narrower, about
// 1.2 a digit even in the wide DejaVu Sans that replaces Calibri where it is missing, so 1.15
// errs towards a spare line rather than clipped text.
int wrapped_lines(const std::string& text, double width) {
  std::size_t cap = static_cast<std::size_t>(std::max((width - 1) * 1.15, 1.0));
  int lines = 1;
  std::size_t used = 0;
  std::istringstream words(text);
  for (std::string w; words >> w;) {
    std::size_t n = display_width(w);
    if (used > 0 && used + 1 + n <= cap) {
      used += 1 + n;
      continue;
    }
    if (used > 0) ++lines;
    for (used = n; used > cap; used -= cap) ++lines;  // a word longer than the column breaks
  }
  return lines;
}

constexpr double kLineHeight = 15;  // points, one line of the default 11 pt font

void set_height(lxw_worksheet* ws, lxw_row_t row, int lines) {
  if (lines > 1) xlsx_check(worksheet_set_row(ws, row, kLineHeight * lines, nullptr));
}

// Escapes '&' for a header/footer string, where it starts a control code.
std::string header_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

void print_setup(lxw_worksheet* ws, const doc::Document& d, bool landscape) {
  worksheet_set_paper(ws, 9);  // A4
  if (landscape) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);  // as wide as one page, as long as it takes
  xlsx_check(worksheet_set_footer(ws, ("&L" + header_text(d.title) + "&R&P / &N").c_str()));
}

// A column of figures (numbers, or nothing but blanks) or of text such as goals and their
// realisation; column 0 is always the row labels.
std::vector<bool> figure_columns(const doc::Grid& g, std::size_t ncols) {
  std::vector<bool> has_number(ncols, false), has_text(ncols, false);
  for (const auto& r : g.rows)
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      has_number[c] = has_number[c] || r.cells[c].number.has_value();
      has_text[c] = has_text[c] || !r.cells[c].text.empty();
    }
  std::vector<bool> figures(ncols, false);
  for (std::size_t c = 1; c < ncols; ++c) figures[c] = has_number[c] || !has_text[c];
  return figures;
}

constexpr double kPortraitChars = 95;    // what an A4 page holds across at 100 %, portrait
constexpr double kLandscapeChars = 140;  // and landscape

// Column widths in characters. Labels fit up to a limit and wrap beyond it; figure columns
// fit their printed figures and their headings' longest word; text columns wrap, and are
// narrowed (not below 15) so that a text-heavy table fits a landscape page at full size.
std::vector<double> column_widths(const doc::Grid& g, const std::vector<bool>& figures) {
  std::size_t ncols = figures.size();
  std::vector<double> chars(ncols, 0);
  // Headings are bold, about a tenth wider than the text they are measured as.
  for (std::size_t c = 0; c < g.headings.size(); ++c) chars[c] = 1.1 * static_cast<double>(longest_word(g.headings[c]));
  for (const auto& r : g.rows)
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      const doc::Cell& cell = r.cells[c];
      std::size_t n = cell.number ? display_width(doc::format_cell(cell)) : display_width(cell.text);
      if (c == 0 && !cell.number) n += 2 * static_cast<std::size_t>(std::max(r.level, 0));
      chars[c] = std::max(chars[c], static_cast<double>(n));
    }
  std::vector<double> widths(ncols);
  double fixed = 0, flexible = 0;  // figure columns; labels and text
  bool text = false;
  for (std::size_t c = 0; c < ncols; ++c) {
    double w = chars[c] + 2;
    widths[c] = c == 0 ? std::clamp(w, 24.0, 50.0) : figures[c] ? std::clamp(w, 10.0, 22.0) : std::clamp(w, 10.0, 40.0);
    (c == 0 || !figures[c] ? flexible : fixed) += widths[c];
    text = text || (c > 0 && !figures[c]);
  }
  if (text && fixed + flexible > kLandscapeChars) {
    double scale = std::max(kLandscapeChars - fixed, 0.0) / flexible;
    for (std::size_t c = 0; c < ncols; ++c)
      if (c == 0 || !figures[c]) widths[c] = std::max(std::min(widths[c], c == 0 ? 24.0 : 15.0), widths[c] * scale);
  }
  return widths;
}

void write_grid(lxw_worksheet* ws, Formats& fmt, const doc::Grid& g, const doc::Document& d) {
  std::size_t ncols = g.headings.size();
  for (const auto& r : g.rows) ncols = std::max(ncols, r.cells.size());
  std::vector<bool> figures = figure_columns(g, ncols);
  std::vector<double> widths = column_widths(g, figures);
  double total_width = 0;
  for (std::size_t c = 0; c < ncols; ++c) {
    xlsx_check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr));
    total_width += widths[c];
  }

  xlsx_check(worksheet_write_string(ws, kCaptionRow, 0, g.caption.c_str(), fmt.get({.bold = true, .size = 14})));

  int heading_lines = 1;
  for (std::size_t c = 0; c < ncols; ++c) {
    const std::string heading = c < g.headings.size() ? g.headings[c] : "";
    Style s{.bold = true, .wrap = true, .bottom_border = true, .right = figures[c]};
    // The border runs under the whole heading row, also under blank headings.
    if (heading.empty())
      xlsx_check(worksheet_write_blank(ws, kHeadingRow, static_cast<lxw_col_t>(c), fmt.get(s)));
    else
      xlsx_check(worksheet_write_string(ws, kHeadingRow, static_cast<lxw_col_t>(c), heading.c_str(), fmt.get(s)));
    heading_lines = std::max(heading_lines, wrapped_lines(heading, widths[c] / 1.1));  // bold is wider
  }
  set_height(ws, kHeadingRow, heading_lines);

  for (std::size_t i = 0; i < g.rows.size(); ++i) {
    const doc::Row& r = g.rows[i];
    lxw_row_t row = kFirstDataRow + static_cast<lxw_row_t>(i);
    int lines = 1;
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      const doc::Cell& cell = r.cells[c];
      if (is_empty(cell)) continue;
      lxw_col_t col = static_cast<lxw_col_t>(c);
      // Top-aligned, so a figure stands on the first line of a wrapped label.
      Style s{.bold = r.total, .italic = r.note, .top = true};
      if (cell.number) {
        s.num_format = number_format(cell);
        double value = cell_value(cell);
        std::string formula = r.total ? total_formula(g, i, c) : "";
        if (formula.empty())
          xlsx_check(worksheet_write_number(ws, row, col, value, fmt.get(s)));
        else
          xlsx_check(worksheet_write_formula_num(ws, row, col, formula.c_str(), fmt.get(s), value));
      } else if (figures[c]) {
        s.right = true;  // e.g. "–" among figures
        xlsx_check(worksheet_write_string(ws, row, col, cell.text.c_str(), fmt.get(s)));
      } else {
        s.wrap = true;
        double width = widths[c];
        if (c == 0) {
          s.indent = r.level;
          width -= 2 * std::max(r.level, 0);
        }
        xlsx_check(worksheet_write_string(ws, row, col, cell.text.c_str(), fmt.get(s)));
        lines = std::max(lines, wrapped_lines(cell.text, r.total ? width / 1.1 : width));
      }
    }
    set_height(ws, row, lines);
  }
  if (!g.note.empty()) {
    lxw_row_t row = kFirstDataRow + static_cast<lxw_row_t>(g.rows.size()) + 1;
    xlsx_check(worksheet_write_string(ws, row, 0, g.note.c_str(), fmt.get({.italic = true})));
  }

  worksheet_freeze_panes(ws, kFirstDataRow, 0);
  xlsx_check(worksheet_repeat_rows(ws, kCaptionRow, kHeadingRow));
  print_setup(ws, d, ncols > 6 || total_width > kPortraitChars);
}

// ---- contents sheet -------------------------------------------------------------------

struct TableEntry {
  const doc::Grid* grid;
  std::string sheet;
};

void write_contents(lxw_worksheet* ws, Formats& fmt, const doc::Document& d,
                    const std::vector<std::vector<TableEntry>>& tables) {
  std::size_t width = 0;
  lxw_row_t row = 0;
  auto line = [&](const std::string& text, const Style& s) {
    if (!text.empty()) xlsx_check(worksheet_write_string(ws, row, 0, text.c_str(), fmt.get(s)));
    ++row;
  };
  line(d.title, {.bold = true, .size = 14});
  line(d.subtitle, {});
  line(d.generated, {});
  ++row;

  // A section heading is listed when it or one of its subsections holds a table.
  const auto& sections = d.sections;
  bool any = false;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    bool shown = !tables[i].empty();
    for (std::size_t j = i + 1; !shown && j < sections.size() && sections[j].level > sections[i].level; ++j)
      shown = !tables[j].empty();
    if (!shown) continue;
    int indent = std::max(sections[i].level - 1, 0);
    if (!sections[i].heading.empty()) {
      line(sections[i].heading, {.bold = true, .indent = indent});
      width = std::max(width, display_width(sections[i].heading) + 2 * static_cast<std::size_t>(indent));
    }
    for (const TableEntry& t : tables[i]) {
      const std::string& text = t.grid->caption.empty() ? t.sheet : t.grid->caption;
      Style s{.link = true, .indent = indent + 1};
      xlsx_check(worksheet_write_url_opt(ws, row, 0, internal_link(t.sheet).c_str(), fmt.get(s), text.c_str(), nullptr));
      width = std::max(width, display_width(text) + 2 * static_cast<std::size_t>(indent + 1));
      ++row;
      any = true;
    }
  }
  if (!any) line(kNoTables.in(d.lang), {.italic = true});
  xlsx_check(worksheet_set_column(ws, 0, 0, clamp_width(width, 40, 100), nullptr));
  print_setup(ws, d, false);
}

}  // namespace

std::string render_xlsx(const doc::Document& d) {
  XlsxWorkbook book;
  lxw_workbook* wb = book.get();
  Formats fmt(wb);

  SheetNames names;
  std::string contents_name = names.claim(icu::UnicodeString::fromUTF8(kContentsSheet.in(d.lang)));
  lxw_worksheet* contents = workbook_add_worksheet(wb, contents_name.c_str());
  if (!contents) throw std::runtime_error("XLSX: cannot add the sheet " + contents_name);

  std::vector<std::vector<TableEntry>> tables(d.sections.size());
  int count = 0;
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    for (const doc::Block& b : d.sections[i].blocks) {
      const auto* g = std::get_if<doc::Grid>(&b);
      if (!g) continue;
      ++count;
      icu::UnicodeString base = sheet_base(g->caption);
      if (base.isEmpty()) base = sheet_base(g->id);
      if (base.isEmpty()) base = sheet_base(kTableFallback.in(d.lang) + " " + std::to_string(count));
      std::string name = names.claim(base);
      lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
      if (!ws) throw std::runtime_error("XLSX: cannot add the sheet " + name);
      write_grid(ws, fmt, *g, d);
      tables[i].push_back({g, name});
    }
  }
  write_contents(contents, fmt, d, tables);

  lxw_doc_properties props{};
  std::string title = d.title, subject = d.subtitle;
  props.title = title.data();
  props.subject = subject.data();
  xlsx_check(workbook_set_properties(wb, &props));

  return book.close();
}

}  // namespace toteuma
