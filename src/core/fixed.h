// Fixed-point decimals for non-money quantities (person-years in thousandths, ages and
// percentages in tenths): exact parsing and canonical printing, no floating point.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace toteuma {

// "659.7" with decimals=3 -> 659700. Accepts an optional '-', digits, and at most `decimals`
// digits after '.' or ','. nullopt otherwise.
std::optional<std::int64_t> parse_fixed(std::string_view text, int decimals);
// 659700, 3 -> "659.7" (trailing zeros dropped; "0" for zero).
std::string fixed_to_plain(std::int64_t value, int decimals);

}  // namespace toteuma
