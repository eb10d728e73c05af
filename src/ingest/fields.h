// Field parsers and writers shared by the dataset file readers: every error names the file,
// line and column (InputError) in English, Finnish and Swedish.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/lang.h"
#include "core/money.h"
#include "ingest/csv.h"

namespace toteuma::fields {

std::string m3(const std::string& en, const std::string& fi, const std::string& sv);
// The Finnish and Swedish parts of an m3 message, for a reader of one language (the web); nullopt
// for a message not made by m3.
std::optional<Text> m3_reader_parts(const std::string& message);
bool valid_id(const std::string& s);
std::string need_id(const CsvTable& t, const CsvRecord& r, const std::string& col, bool allow_empty = false);
Date need_date(const CsvTable& t, const CsvRecord& r, const std::string& col);
std::optional<Date> opt_date(const CsvTable& t, const CsvRecord& r, const std::string& col);
int need_year(const CsvTable& t, const CsvRecord& r, const std::string& col);
// Fixed-point number with at most `decimals` decimals; `what` names it in the error.
std::int64_t need_fixed(const CsvTable& t, const CsvRecord& r, const std::string& col, int decimals);
// Euros with at most two decimals, a leading '-' for negatives (core/money.h parse_euros), in cents.
Cents need_euros(const CsvTable& t, const CsvRecord& r, const std::string& col);
std::optional<std::int64_t> opt_fixed(const CsvTable& t, const CsvRecord& r, const std::string& col, int decimals);
std::vector<std::string> split_bar(const std::string& s);

void write_text(const std::filesystem::path& p, const std::string& content);
// An optional dataset file: the table when `f` exists, nullopt when it does not.
std::optional<CsvTable> open_optional_csv(const std::filesystem::path& f, const std::vector<std::string>& required,
                                          const std::vector<std::string>& optional = {});
// Writes `head` + `body` to dir/name, creating dir; nothing when `body` (the rows) is empty.
void write_rows_if_any(const std::filesystem::path& dir, const std::string& name, const std::string& head,
                       const std::string& body);
std::string row(std::initializer_list<std::string> fields);
std::string join_bar(const std::vector<std::string>& v);

}  // namespace toteuma::fields
