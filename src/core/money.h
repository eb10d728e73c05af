// Money is integer cents (64-bit). Never floating point.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace toteuma {

using Cents = std::int64_t;

// Parses a plain decimal euro amount as written in dataset files: optional leading '-',
// digits, optionally '.' or ',' followed by one or two digits. Returns nullopt when the text
// is not such an amount or does not fit in 64 bits.
std::optional<Cents> parse_euros(std::string_view text);

// Whole euros, rounded half away from zero (how published tables round).
std::int64_t round_to_euros(Cents c);

// Canonical dataset-file form: "-1935039" or "25050.40".
std::string cents_to_plain(Cents c);

// ratio a/b in tenths of a percent (69,7 % -> 697), rounded half away from zero;
// nullopt when b is zero.
std::optional<std::int64_t> ratio_permille(Cents a, Cents b);

}  // namespace toteuma
