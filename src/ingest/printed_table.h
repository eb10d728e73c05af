// Tables as printed in a document (CSV or XLSX): headings and row labels as printed, numbers
// as printed text. Interpreting them is the check module's job.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"

namespace toteuma {

struct PrintedRow {
  int line = 0;  // file line (CSV) or sheet row (XLSX)
  std::string label;
  std::vector<std::string> cells;  // as printed, at most one per heading from an .xlsx
  std::size_t width = 0;           // value columns up to the last filled one: ≠ headings is ragged (checked later)
};

// The widest table read from an .xlsx: a heading further right is refused (an InputError
// naming the cell) rather than making every row that wide.
inline constexpr int kMaxPrintedColumns = 1024;

struct PrintedTable {
  std::string file;
  std::map<std::string, std::pair<std::string, int>> meta;  // "# key: value" → (value, line); last wins
  struct MetaLine {
    std::string key, value;
    int line = 0;
  };
  std::vector<MetaLine> meta_lines;  // every "# key: value" in order (keys may repeat, e.g. parts)
  int header_line = 0;
  std::vector<std::string> headings;  // without the label column
  std::string corner;                 // the label column's heading ("1 000 €", "Milj. euroa"), as printed
  std::vector<PrintedRow> rows;
  std::string meta_value(const std::string& key) const;
};

// Reads a .csv (UTF-8; ';', ',' or tab, detected from the heading row) or .xlsx (first sheet).
// Throws InputError when the file cannot be read at all or has no heading row.
PrintedTable read_printed_table(const std::string& path);

// A number as printed: spaces or non-breaking spaces as thousands separators, decimal comma,
// '-', '−' (U+2212) or '–' (U+2013), or the accounting forms "(2 000)" and "2 000-". Returns cents for `scale` euros per printed unit (1, 1000, 1000000),
// nullopt when the text is not a number. Empty text is not a number either (callers treat
// empty cells as absent before calling).
std::optional<Cents> parse_printed_amount(const std::string& text, std::int64_t scale);
// A percentage as printed ("93,8 %", "93,79%", "94"): hundredths of a percent.
std::optional<std::int64_t> parse_printed_percent(const std::string& text);
// True for a cell that holds nothing (only spaces).
bool blank_cell(const std::string& text);

}  // namespace toteuma
