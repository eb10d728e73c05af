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
struct XlsxError : std::runtime_error {
  XlsxError(std::string file, const std::string& message);
  std::string file;
};

struct SheetRow {
  int row = 0;                     // 1-based spreadsheet row number
  std::vector<std::string> cells;  // from column A on, "" for empty; trailing empty cells dropped
  bool operator==(const SheetRow&) const = default;
};

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
