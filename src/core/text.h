// Small text helpers shared across modules: splitting, and escaping for CSV and HTML.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace toteuma {

// Splits at `sep`, dropping empty pieces ("a||b" -> {a, b}).
std::vector<std::string> split_nonempty(std::string_view s, char sep);
// A CSV field: quoted (RFC 4180) only when it holds the delimiter, a quote or a line break.
std::string csv_field(const std::string& s, char delim = ';');
// CSV for spreadsheets (Finnish Excel and LibreOffice open it right): a UTF-8 byte order mark
// first (else Excel reads Windows-1252), ';' between fields, decimals with a comma.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// A plain decimal number for a spreadsheet cell: "58.7" → "58,7".
std::string decimal_comma(std::string plain);
// Text for HTML element content and attribute values.
std::string html_escape(std::string_view s);

}  // namespace toteuma
