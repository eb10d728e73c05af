// A small RFC 4180 CSV reader that remembers where each record starts, so every error can
// name the file, line and column. Writing is the inverse (quote only when needed).
#pragma once
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
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

// The one quoting rule of every CSV read here, the dataset files' and the ledger exports'
// (RFC 4180, strictly): a field is either plain, with no quote and no carriage return in it, or
// quoted from its first byte, "" standing for a quote, and followed by the delimiter or the
// record's end. Lines end in LF or CR LF. Anything else is refused, not guessed at: a guess
// (an unterminated quote taking the rows after it into one field) silently loses rows.
enum class CsvFault { none, unterminated_quote, text_after_quote, quote_in_field, lone_cr };

struct CsvSplit {
  CsvFault fault = CsvFault::none;
  std::size_t at = 0;  // byte offset of the fault in the record
  int field = 0;       // 0-based index of the field the fault is in
  int count = 0;       // fields in the record
};

// Splits one record (its text without the final LF or CR LF) at `delim`. Views of plain fields
// point into `record`; quoted fields are unquoted into `scratch`, which is cleared and reserved
// here so the views stay valid until its next use. At most `keep` views are stored in `fields`.
CsvSplit split_csv_record(std::string_view record, char delim, std::string& scratch, std::string_view* fields,
                          std::size_t keep);

// The end of the record starting at `from`: the offset of the first LF outside quotes (quotes
// counted as toggles, which is exact for every record the rule above accepts), or text.size().
// `breaks` counts the LFs inside quotes on the way.
std::size_t csv_record_end(std::string_view text, std::size_t from, int& breaks);

// What was expected, in English, Finnish and Swedish.
std::string csv_fault_message(CsvFault f);

// Parses `text` (UTF-8, an optional BOM is skipped) with the given delimiter. Throws
// InputError on invalid UTF-8 or a record the rule above refuses (naming the column by the
// first record, the header). Blank lines are skipped.
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
  // Whether the header names column `name` (an optional column may be absent).
  bool has(const std::string& name) const { return col_.count(name) > 0; }
  [[noreturn]] void fail(const CsvRecord& row, const std::string& column,
                         const std::string& message) const;
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::map<std::string, std::size_t> col_;
  std::vector<CsvRecord> rows_;
};

// A file that cannot be opened (missing, unreadable): the same words wherever one is read.
InputError unreadable_file(const std::string& path);
std::string read_file(const std::string& path);

}  // namespace toteuma
