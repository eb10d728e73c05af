// Money is integer cents (64-bit). Never floating point.
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace toteuma {

using Cents = std::int64_t;

// The largest amount anyone may enter (a figure, a ledger row, a forecast line): ±999 999 999 999,99 €.
// A municipality's whole budget is far below it; the bound leaves room for sums of many such
// amounts in 64 bits, and every sum is still checked (checked_add).
constexpr Cents kMaxEnteredCents = 99'999'999'999'999;
constexpr bool within_entry_limit(Cents c) { return c >= -kMaxEnteredCents && c <= kMaxEnteredCents; }

// A sum of amounts left the 64-bit range. Its text is in English, Finnish and Swedish.
struct MoneyOverflow : std::overflow_error {
  MoneyOverflow();
};

// a + b and a − b, or MoneyOverflow: sums of money never wrap.
Cents checked_add(Cents a, Cents b);
Cents checked_sub(Cents a, Cents b);
// sum + sign × v for a formula term (sign ±1), checked.
inline Cents signed_add(Cents sum, int sign, Cents v) { return sign < 0 ? checked_sub(sum, v) : checked_add(sum, v); }

// Parses a plain decimal euro amount as written in dataset files: optional leading '-',
// digits, optionally '.' or ',' followed by one or two digits. Returns nullopt when the text
// is not such an amount or is beyond the entry limit (kMaxEnteredCents).
std::optional<Cents> parse_euros(std::string_view text);

// Whole euros, rounded half away from zero (how published tables round).
std::int64_t round_to_euros(Cents c);

// Canonical dataset-file form: "-1935039" or "25050.40".
std::string cents_to_plain(Cents c);

// ratio a/b in tenths of a percent (69,7 % -> 697), rounded half away from zero;
// nullopt when b is zero.
std::optional<std::int64_t> ratio_permille(Cents a, Cents b);

}  // namespace toteuma
