#include "core/document.h"

#include "core/format.h"

namespace toteuma::doc {

namespace {
std::int64_t pow10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}
}  // namespace

std::int64_t shown_units(const Cell& c) {
  std::int64_t v = c.number.value_or(0);
  int drop = c.scale - c.shown;
  if (drop <= 0) return v * pow10(-drop);
  std::int64_t d = pow10(drop);
  std::int64_t q = v / d, r = v % d;
  if (2 * (r < 0 ? -r : r) >= d) q += v < 0 ? -1 : 1;
  return q;
}

std::string format_cell(const Cell& c) {
  if (!c.number) return c.text;
  std::int64_t v = shown_units(c);
  std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  std::uint64_t unit = static_cast<std::uint64_t>(pow10(c.shown));
  std::string out = (v < 0 ? "-" : "") + group_digits(mag / unit);
  if (c.shown > 0) {
    std::string frac = std::to_string(mag % unit);
    out += "," + std::string(static_cast<std::size_t>(c.shown) - frac.size(), '0') + frac;
  }
  if (c.percent) out += std::string(kNbsp) + "%";
  return out;
}

std::string format_value(std::int64_t v, int scale, int shown, const std::string& unit) {
  Cell c;
  c.number = v;
  c.scale = scale;
  c.shown = shown;
  c.percent = unit == "%";
  std::string s = format_cell(c);
  if (!unit.empty() && !c.percent) s += kNbsp + unit;
  return s;
}

}  // namespace toteuma::doc
