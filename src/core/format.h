// Number formatting as published: "-1 935 039" (non-breaking space as thousands separator),
// "69,7 %". Dates are in core/date.h.
#pragma once
#include <cstdint>
#include <string>

#include "core/money.h"

namespace toteuma {

inline constexpr const char* kNbsp = "\u00a0";

// Digits of `v` grouped by three with `sep`: 1935039 -> "1 935 039".
std::string group_digits(std::uint64_t v, const std::string& sep = kNbsp);
// Whole euros, rounded half away from zero, thousands separated by `sep`.
std::string format_euros(Cents c, const std::string& sep = kNbsp);
// Exact euros and cents with the euro sign: -110000000 -> "-1 100 000,00 €" (the audit trail).
std::string format_euro_cents(Cents c, const std::string& sep = kNbsp);
// Tenths of a percent: 697 -> "69,7 %".
std::string format_permille(std::int64_t permille, const std::string& sep = kNbsp);
// Number of characters (code points) of UTF-8 text, for aligning plain-text columns.
std::size_t display_width(const std::string& utf8);

}  // namespace toteuma
