// Times as people in Finland read them: stored time stamps are UTC (ISO 8601), every page shows
// them in Europe/Helsinki local time, summer time included. ICU's time zone data (libicu) does
// the conversion: g++ 12's <chrono> has no time zone database (std::chrono::locate_zone).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace toteuma {

// Seconds east of UTC in Europe/Helsinki at the UTC instant `unix_seconds` (7200 or 10800).
int helsinki_offset_seconds(std::int64_t unix_seconds);
// A UTC time stamp "2026-11-22T18:40:00Z" (or "2026-11-22 18:40:00") as seconds since 1970; nullopt
// when it is not one.
std::optional<std::int64_t> parse_utc_stamp(const std::string& iso);
// "2026-11-22T18:40:00Z" → "22.11.2026 20.40" (Helsinki time); anything else is returned as it is.
std::string display_time(const std::string& iso_utc);

}  // namespace toteuma
