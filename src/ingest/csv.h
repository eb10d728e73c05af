// A small RFC 4180 CSV reader that remembers where each record starts, so every error can
// name the file, line and column. Writing is the inverse (quote only when needed).
#pragma once
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace toteuma {

// An error in an input file: where, and what was expected. `what()` is the full message.
struct InputError : std::runtime_error {
  InputError(std::string file, int line, std::string column, const std::string& message);
  std::string file;
  int line;
  std::string column;  // "" when not about one column
  std::string message;  // what was expected, without the place
};

struct CsvRecord {
  int line = 0;  // 1-based line number where the record starts
  std::vector<std::string> fields;
};

// Parses `text` (UTF-8, an optional BOM is skipped) with the given delimiter. Throws
// InputError on an unterminated quote or invalid UTF-8. Blank lines are skipped.
std::vector<CsvRecord> parse_csv(const std::string& text, char delim, const std::string& file);

std::string csv_escape(const std::string& field, char delim);

// A CSV file with a header row of known column names, read by name.
class CsvTable {
 public:
  // Requires every name in `required` in the header; `optional` ones may be missing;
  // any other header name is an error.
  CsvTable(const std::string& text, const std::string& file, const std::vector<std::string>& required,
           const std::vector<std::string>& optional = {});
  const std::vector<CsvRecord>& rows() const { return rows_; }
  // The field of column `name` in `row` ("" when the column is absent from the file).
  const std::string& get(const CsvRecord& row, const std::string& name) const;
  [[noreturn]] void fail(const CsvRecord& row, const std::string& column,
                         const std::string& message) const;
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::map<std::string, std::size_t> col_;
  std::vector<CsvRecord> rows_;
};

std::string read_file(const std::string& path);

}  // namespace toteuma
