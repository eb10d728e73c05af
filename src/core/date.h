// Calendar dates (no time zone): ISO in files, d.m.yyyy in output.
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace toteuma {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
  static Date first_of_year(int y) { return {y, 1, 1}; }
  static Date last_of_year(int y) { return {y, 12, 31}; }
};

// Strict ISO "YYYY-MM-DD", validating the day of the month (leap years included).
std::optional<Date> parse_iso_date(std::string_view s);
std::string to_iso(const Date& d);
// Finnish and Swedish both write 1.1.2025.
std::string to_display(const Date& d);
// The system clock's date (UTC): the default "as of" of listings and "generated on" of documents.
Date today();

}  // namespace toteuma
