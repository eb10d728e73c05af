// Field parsers of ledger exports: amounts exactly into cents ("-1 234,56", "1.234,56",
// "−12,30", "99,50-"), dates ("2025-03-14", "14.3.2025", Excel serials), periods
// ("2025-03", "202503", "3/2025") and the two encodings ledger exports come in.
// Written for speed: string_views in, no allocation on the common path.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/money.h"

namespace toteuma::ledger {

enum class Encoding { utf8, cp1252 };
// Which characters separate decimals: auto accepts "1 234,56" and "1234.56" but rejects
// an ambiguous "1.234" (a third decimal that is not zero), so nothing is silently misread.
enum class Decimal { automatic, comma, point };

// Exact amount in cents. Accepts a sign in front ('-', '+', U+2212 minus) or a trailing '-';
// thousands grouped by space, non-breaking space (U+00A0, U+202F) or the non-decimal mark, in
// groups of three; at most two decimals (more only when they are zeros). nullopt otherwise, and
// beyond the entry limit kMaxEnteredCents (core/money.h).
std::optional<Cents> parse_amount(std::string_view s, Decimal decimal = Decimal::automatic,
                                  Encoding enc = Encoding::utf8);

// A booking date: ISO "YYYY-MM-DD" (a time after it is ignored), "D.M.YYYY", "YYYYMMDD",
// or, when `excel_serial`, an Excel serial day number (1900 date system) as XLSX stores dates.
std::optional<Date> parse_ledger_date(std::string_view s, bool excel_serial = false);

struct Period {
  int year = 0;
  int month = 0;  // 0 when the text gives a year only
};
// "2025-03", "2025/03", "202503", "3/2025", "03/2025", "3.2025", a full date, or "2025".
std::optional<Period> parse_period(std::string_view s);
// A month number "3" or "03" (1–12).
std::optional<int> parse_month(std::string_view s);

// Yes/no of an internal-item flag: 1/0, x/"", k/e, kyllä/ei, ja/nej, true/false, yes/no,
// sisäinen/ulkoinen, intern/extern (case-insensitive ASCII).
std::optional<bool> parse_flag(std::string_view s);

// Byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalid_utf8_at(std::string_view s);
// Byte offset of the first byte Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D), or npos.
std::size_t invalid_cp1252_at(std::string_view s);
std::string cp1252_to_utf8(std::string_view s);
inline std::string to_utf8(std::string_view s, Encoding e) {
  return e == Encoding::cp1252 ? cp1252_to_utf8(s) : std::string(s);
}

// Without surrounding spaces and tabs (inline: it runs on every field of every row).
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Year and month as one number (year × 12 + month − 1), the aggregation key of a month.
inline int year_month(int year, int month) { return year * 12 + month - 1; }
inline int ym_year(int ym) { return ym / 12; }
inline int ym_month(int ym) { return ym % 12 + 1; }

}  // namespace toteuma::ledger
