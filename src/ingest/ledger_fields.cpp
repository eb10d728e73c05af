#include "ingest/ledger_fields.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

namespace toteuma::ledger {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Digits only, as a number; nullopt for anything else or more than 9 digits.
std::optional<int> small_number(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (!digit(c)) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> d = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : d[static_cast<std::size_t>(m - 1)];
}

std::optional<Date> make_date(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return Date{y, m, d};
}

// Civil date of a count of days since 1970-01-01 (H. Hinnant's algorithm).
Date civil_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

// Length of a thousands-grouping character at s[i] (space, NBSP, narrow NBSP), 0 if none.
std::size_t group_space(std::string_view s, std::size_t i, Encoding enc) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ') return 1;
  if (enc == Encoding::cp1252) return c == 0xA0 ? 1 : 0;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\xAF') return 3;
  return 0;
}

bool is_minus_sign(std::string_view s, std::size_t i, Encoding enc, std::size_t& len) {
  if (s[i] == '-') return len = 1, true;
  if (enc == Encoding::utf8 && s.substr(i, 3) == "\xE2\x88\x92") return len = 3, true;
  return false;
}

std::optional<Cents> parse_amount_unbounded(std::string_view s, Decimal decimal, Encoding enc) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  // The common form first: [-]digits[,dd] with at most 15 digits, no grouping.
  {
    const char* p = s.data();
    const char* e = p + s.size();
    bool neg = *p == '-';
    p += neg;
    Cents v = 0;
    const char* digits = p;
    while (p < e && digit(*p) && p - digits < 15) v = v * 10 + (*p++ - '0');
    if (p > digits) {
      if (p == e) return neg ? -v * 100 : v * 100;
      char mark = *p;
      bool decimal_ok = (mark == ',' && decimal != Decimal::point) || (mark == '.' && decimal != Decimal::comma);
      if (decimal_ok && e - p == 3 && digit(p[1]) && digit(p[2])) {
        v = v * 100 + (p[1] - '0') * 10 + (p[2] - '0');
        return neg ? -v : v;
      }
    }
  }
  bool neg = false, signed_ = false;
  std::size_t len = 0;
  if (is_minus_sign(s, 0, enc, len) || s[0] == '+') {
    neg = s[0] != '+';
    signed_ = true;
    s.remove_prefix(s[0] == '+' ? 1 : len);
    s = trim(s);
  } else if (s.back() == '-') {  // SAP style "99,50-"
    neg = true;
    s.remove_suffix(1);
    s = trim(s);
  }
  if (s.empty() || (signed_ && s.back() == '-')) return std::nullopt;

  char dec = '.', mark = ',';  // decimal separator, and the other mark (a thousands separator)
  if (decimal == Decimal::comma || (decimal == Decimal::automatic && s.find(',') != std::string_view::npos)) {
    dec = ',';
    mark = '.';
  } else if (decimal == Decimal::automatic) {
    // Without a comma: one '.' is a decimal point, several are thousands marks ("1.234.567").
    if (std::count(s.begin(), s.end(), '.') > 1) dec = 0, mark = '.';
    else mark = 0;
  }

  constexpr std::int64_t kMax = (std::numeric_limits<std::int64_t>::max() - 99) / 100;
  std::int64_t whole = 0;
  int frac = 0, frac_digits = 0, int_digits = 0, group_len = 0;
  bool grouped = false, in_frac = false;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (digit(c)) {
      if (in_frac) {
        if (frac_digits < 2) frac = frac * 10 + (c - '0');
        else if (c != '0') return std::nullopt;  // a third decimal that is not zero: not cents
        ++frac_digits;
      } else {
        if (whole > kMax / 10) return std::nullopt;
        whole = whole * 10 + (c - '0');
        ++int_digits;
        ++group_len;
      }
      ++i;
      continue;
    }
    if (dec && c == dec && !in_frac) {
      if (grouped && group_len != 3) return std::nullopt;
      in_frac = true;
      ++i;
      continue;
    }
    std::size_t g = (mark && c == mark) ? 1 : group_space(s, i, enc);
    if (g == 0 || in_frac || group_len == 0 || (!grouped && group_len > 3) || (grouped && group_len != 3))
      return std::nullopt;
    grouped = true;
    group_len = 0;
    i += g;
  }
  if (grouped && !in_frac && group_len != 3) return std::nullopt;
  if (int_digits + frac_digits == 0 || (in_frac && frac_digits == 0)) return std::nullopt;
  if (whole > kMax) return std::nullopt;
  if (frac_digits == 1) frac *= 10;
  Cents c = whole * 100 + frac;
  return neg ? -c : c;
}

}  // namespace

// Beyond the entry limit (core/money.h) is not an amount: no entered figure may approach the
// 64-bit range, so sums of them cannot wrap.
std::optional<Cents> parse_amount(std::string_view s, Decimal decimal, Encoding enc) {
  auto v = parse_amount_unbounded(s, decimal, enc);
  if (v && !within_entry_limit(*v)) return std::nullopt;
  return v;
}

std::optional<Date> parse_ledger_date(std::string_view s, bool excel_serial) {
  s = trim(s);
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {  // the usual ISO date, digit by digit
    const char* p = s.data();
    bool ok = true;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) ok = ok && digit(p[i]);
    if (!ok) return std::nullopt;
    auto d2 = [&](int i) { return (p[i] - '0') * 10 + (p[i + 1] - '0'); };
    return make_date(d2(0) * 100 + d2(2), d2(5), d2(8));
  }
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') {
    if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
    auto y = small_number(s.substr(0, 4)), m = small_number(s.substr(5, 2)), d = small_number(s.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    return make_date(*y, *m, *d);
  }
  if (auto dot = s.find('.'); dot != std::string_view::npos && dot <= 2) {
    std::string_view rest = s.substr(dot + 1);
    auto dot2 = rest.find('.');
    if (dot2 == std::string_view::npos || dot2 > 2) return std::nullopt;
    std::string_view ys = rest.substr(dot2 + 1);
    if (auto sp = ys.find(' '); sp != std::string_view::npos) ys = ys.substr(0, sp);  // a time after it
    auto d = small_number(s.substr(0, dot)), m = small_number(rest.substr(0, dot2)), y = small_number(ys);
    if (!d || !m || !y || ys.size() != 4) return std::nullopt;
    return make_date(*y, *m, *d);
  }
  if (s.size() == 8 && !excel_serial) {
    auto v = small_number(s);
    if (!v) return std::nullopt;
    return make_date(*v / 10000, *v / 100 % 100, *v % 100);
  }
  if (excel_serial) {
    std::string_view whole = s.substr(0, s.find_first_of(",."));
    if (whole.size() < s.size() && !small_number(s.substr(whole.size() + 1))) return std::nullopt;
    auto n = small_number(whole);
    // Excel counts 1900-02-29 (serial 60), a day that never was; serials after it are off by one.
    if (!n || *n < 1 || *n > 2958465 || *n == 60) return std::nullopt;
    long days = static_cast<long>(*n) - (*n > 60 ? 25569 : 25568);  // 25569 = 1970-01-01
    Date d = civil_from_days(days);
    return make_date(d.year, d.month, d.day);
  }
  return std::nullopt;
}

std::optional<int> parse_month(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 2) return std::nullopt;
  auto m = small_number(s);
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  return m;
}

std::optional<Period> parse_period(std::string_view s) {
  s = trim(s);
  auto year_ok = [](std::optional<int> y) { return y && *y >= 1900 && *y <= 2200; };
  if (s.size() == 4) {
    auto y = small_number(s);
    if (!year_ok(y)) return std::nullopt;
    return Period{*y, 0};
  }
  if (auto v = small_number(s); v && s.size() == 6) {
    if (!year_ok(*v / 100) || *v % 100 < 1 || *v % 100 > 12) return std::nullopt;
    return Period{*v / 100, *v % 100};
  }
  if (s.size() >= 8)
    if (auto d = parse_ledger_date(s)) return Period{d->year, d->month};
  auto sep = s.find_first_of("-/.");
  if (sep == std::string_view::npos) return std::nullopt;
  std::string_view a = s.substr(0, sep), b = s.substr(sep + 1);
  if (a.size() == 4) std::swap(a, b);  // "2025-03" or "3/2025"
  auto y = small_number(b);
  auto m = parse_month(a);
  if (b.size() != 4 || !year_ok(y) || !m || a.size() > 2) return std::nullopt;
  return Period{*y, *m};
}

std::optional<bool> parse_flag(std::string_view s) {
  s = trim(s);
  std::string l;
  for (char c : s) l += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (const char* yes : {"1", "x", "k", "kyllä", "kylla", "ja", "j", "true", "yes", "y", "sisäinen", "sisainen", "intern", "interna"})
    if (l == yes) return true;
  for (const char* no : {"", "0", "e", "ei", "nej", "n", "false", "no", "ulkoinen", "extern", "externa", "-"})
    if (l == no) return false;
  return std::nullopt;
}

std::size_t invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    // Plain ASCII eight bytes at a time.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n = (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (n < 0 || c == 0xC0 || c == 0xC1 || c > 0xF4) return i;  // overlong or out of range leads
    for (int k = 1; k <= n; ++k)
      if (i + static_cast<std::size_t>(k) >= s.size() || (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80)
        return i;
    i += static_cast<std::size_t>(n) + 1;
  }
  return std::string_view::npos;
}

std::size_t invalid_cp1252_at(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) return i;
  }
  return std::string_view::npos;
}

std::string cp1252_to_utf8(std::string_view s) {
  // 0x80–0x9F differ from Latin-1; the rest of the upper half is U+00A0–U+00FF.
  static constexpr std::array<char16_t, 32> k80 = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    char32_t u = c < 0x80 ? c : c < 0xA0 ? k80[c - 0x80] : c;
    if (u < 0x80) {
      out += static_cast<char>(u);
    } else if (u < 0x800) {
      out += static_cast<char>(0xC0 | (u >> 6));
      out += static_cast<char>(0x80 | (u & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (u >> 12));
      out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (u & 0x3F));
    }
  }
  return out;
}

}  // namespace toteuma::ledger
