#include "core/format.h"

namespace toteuma {

std::string group_digits(std::uint64_t v, const std::string& sep) {
  std::string digits = std::to_string(v);
  std::string out;
  std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[i];
    std::size_t left = n - 1 - i;
    if (left > 0 && left % 3 == 0) out += sep;
  }
  return out;
}

std::string format_euros(Cents c, const std::string& sep) {
  std::int64_t e = round_to_euros(c);
  std::uint64_t mag = e < 0 ? 0 - static_cast<std::uint64_t>(e) : static_cast<std::uint64_t>(e);
  return (e < 0 ? "-" : "") + group_digits(mag, sep);
}

std::string format_euro_cents(Cents c, const std::string& sep) {
  std::uint64_t mag = c < 0 ? 0 - static_cast<std::uint64_t>(c) : static_cast<std::uint64_t>(c);
  std::uint64_t cents = mag % 100;
  return (c < 0 ? "-" : "") + group_digits(mag / 100, sep) + "," + (cents < 10 ? "0" : "") + std::to_string(cents) + sep + "€";
}

std::string format_permille(std::int64_t p, const std::string& sep) {
  std::uint64_t mag = p < 0 ? 0 - static_cast<std::uint64_t>(p) : static_cast<std::uint64_t>(p);
  return (p < 0 ? "-" : "") + group_digits(mag / 10, sep) + "," + std::to_string(mag % 10) + sep + "%";
}

std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace toteuma
