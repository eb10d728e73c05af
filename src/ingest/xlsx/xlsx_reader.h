// A small reader for the tables users export from Excel (.xlsx): the cell text of the first
// worksheet, nothing else. Styles are ignored, so dates come out as Excel serial numbers
// ("45292" for 2024-01-01) and percentages as fractions ("0,25"); callers that expect dates
// convert them. Formulas give their cached result as saved by the spreadsheet program.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace toteuma::xlsx {

// A file that cannot be read as an .xlsx workbook. `what()` is "<file>: <message>"; for
// problems inside the workbook the message names the part (e.g. "xl/worksheets/sheet1.xml").
// An error about one cell also says which: its row and reference ("XFE7").
struct XlsxError : std::runtime_error {
  XlsxError(std::string file, const std::string& message, int row = 0, std::string cell = "");
  std::string file;
  int row = 0;       // 0 when not about one cell
  std::string cell;  // "" when not about one cell
};

struct SheetCell {
  int column = 0;  // 1-based: A = 1
  std::string text;
  bool operator==(const SheetCell&) const = default;
};

// A row holds only the cells present, so memory follows the cells in the file, not the width
// of the sheet: one cell at column XFD is one cell, not 16 384.
struct SheetRow {
  int row = 0;                   // 1-based spreadsheet row number
  std::vector<SheetCell> cells;  // the non-empty cells, in column order
  bool operator==(const SheetRow&) const = default;
  // The column of the last cell (0 for none).
  int width() const { return cells.empty() ? 0 : cells.back().column; }
  // The texts of columns A.. up to `columns`, "" where empty; cells further right left out.
  std::vector<std::string> dense(int columns) const;
};

// Excel's own limits of a sheet (XFD, 1 048 576): a reference beyond them is an error.
inline constexpr int kMaxColumns = 16384;
inline constexpr int kMaxRows = 1048576;
// "A", "Z", "AA", … "XFD".
std::string column_letters(int column);

struct Sheet {
  std::string name;            // the tab name, e.g. "Tuloslaskelma"
  std::vector<SheetRow> rows;  // rows with at least one non-empty cell, in file order
  bool operator==(const Sheet&) const = default;
};

// Reads the first worksheet (in workbook order; chart sheets are skipped, hidden sheets are not)
// of an .xlsx file. Cell text:
//   strings (shared, inline, rich text, formula results)  as stored, UTF-8
//   numbers   exact decimal text of the stored value, comma as decimal separator, no exponent
//             and no thousands separators: "-1935039", "25050,4", "0,0015"
//   booleans  "TRUE" / "FALSE";  errors as stored, e.g. "#DIV/0!"
// Throws XlsxError when the file is missing, not a zip, lacks the workbook or sheet parts,
// or holds malformed XML, cell references or numbers.
Sheet read_first_sheet(const std::string& path);

}  // namespace toteuma::xlsx
