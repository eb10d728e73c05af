#include "render/local_time.h"

#include <fmt/format.h>
#include <unicode/timezone.h>

#include <chrono>
#include <memory>

#include "core/date.h"

namespace toteuma {

int helsinki_offset_seconds(std::int64_t unix_seconds) {
  // Created once; ICU's const TimeZone methods are safe to call from many threads.
  static const std::unique_ptr<const icu::TimeZone> tz(icu::TimeZone::createTimeZone("Europe/Helsinki"));
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset(static_cast<UDate>(unix_seconds) * 1000.0, false, raw, dst, status);
  if (U_FAILURE(status)) return 7200;  // ICU without zone data: standard time rather than UTC
  return (raw + dst) / 1000;
}

std::optional<std::int64_t> parse_utc_stamp(const std::string& iso) {
  if (iso.size() < 16 || (iso[10] != 'T' && iso[10] != ' ') || iso[13] != ':') return std::nullopt;
  auto date = parse_iso_date(iso.substr(0, 10));
  auto num = [&](std::size_t at) -> int {
    if (at + 2 > iso.size() || iso[at] < '0' || iso[at] > '9' || iso[at + 1] < '0' || iso[at + 1] > '9') return -1;
    return (iso[at] - '0') * 10 + (iso[at + 1] - '0');
  };
  int h = num(11), m = num(14), s = iso.size() >= 19 && iso[16] == ':' ? num(17) : 0;
  if (!date || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60) return std::nullopt;
  using namespace std::chrono;
  sys_days first{year{date->year} / month{static_cast<unsigned>(date->month)} / std::chrono::day{static_cast<unsigned>(date->day)}};
  return static_cast<std::int64_t>(first.time_since_epoch().count()) * 86400 + h * 3600 + m * 60 + s;
}

std::string display_time(const std::string& iso_utc) {
  auto t = parse_utc_stamp(iso_utc);
  if (!t) return iso_utc;
  std::int64_t local = *t + helsinki_offset_seconds(*t);
  using namespace std::chrono;
  std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  std::int64_t secs = local - days * 86400;
  year_month_day ymd{sys_days{std::chrono::days{days}}};
  Date d{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
         static_cast<int>(static_cast<unsigned>(ymd.day()))};
  return fmt::format("{} {}.{:02}", to_display(d), secs / 3600, secs % 3600 / 60);
}

}  // namespace toteuma
