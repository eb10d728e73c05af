#include "render/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>

#include "core/format.h"
#include "core/i18n.h"

namespace toteuma {

namespace {

using Kind = doc::Chart::Kind;

constexpr double kWidth = 640;
constexpr double kPad = 12;
constexpr double kTickFont = 11;
constexpr double kLegendFont = 12;
constexpr double kLineGap = 13;  // between lines of a wrapped label
constexpr const char* kInk = "#222222";
constexpr const char* kGrid = "#d9d9d9";
// All at least 4.5:1 against white (WCAG 1.4.11 asks 3:1 of graphics). Blue and orange come
// first: they stay apart under the common colour-vision deficiencies; lines also differ by
// marker shape, so no series is told apart by colour alone.
constexpr const char* kColours[] = {"#1f5fa6", "#c25400", "#4d4d4d", "#7b3294", "#2e7d32", "#b0243b"};

const char* colour(std::size_t i) { return kColours[i % std::size(kColours)]; }

std::string esc(std::string_view s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string px(double v) {
  std::string s = fmt::format("{:.1f}", v);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

// Advance widths of DejaVu Sans (what sans-serif resolves to on Debian, and so in the PNGs) in
// em. Browsers' sans-serif fonts are narrower, so layouts measured with these leave room.
double char_em(char32_t c) {
  if (c >= '0' && c <= '9') return 0.636;
  if (c == ' ' || c == 0xA0 || c == ',' || c == '.' || c == ':' || c == ';') return 0.318;
  if (c == 'i' || c == 'j' || c == 'l') return 0.278;
  if (c == 'f' || c == 't' || c == 'r' || c == '-' || c == '(' || c == ')') return 0.39;
  if (c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '%') return 0.95;
  if (c == 'I') return 0.295;
  if ((c >= 'A' && c <= 'Z') || c == 0xC4 || c == 0xC5 || c == 0xD6) return 0.72;
  if (c == 0x20AC) return 0.636;  // €
  return 0.61;
}

double text_width(std::string_view s, double font_px) {
  double em = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
    char32_t c = n == 1 ? b : b & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    em += char_em(c);
    i += static_cast<std::size_t>(n);
  }
  return em * font_px;
}

// Greedy wrap at spaces; a word longer than the width gets a line of its own.
std::vector<std::string> wrap(const std::string& text, double max_w, double font_px) {
  std::vector<std::string> lines;
  std::string cur;
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    std::string word = text.substr(i, j - i);
    i = j + 1;
    if (word.empty()) continue;
    std::string joined = cur.empty() ? word : cur + " " + word;
    if (!cur.empty() && text_width(joined, font_px) > max_w) {
      lines.push_back(cur);
      cur = word;
    } else {
      cur = joined;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

double widest(const std::vector<std::string>& lines, double font_px) {
  double w = 0;
  for (const auto& l : lines) w = std::max(w, text_width(l, font_px));
  return w;
}

// A multi-line label: one <text>, a <tspan> per line.
void label(std::string& out, const std::vector<std::string>& lines, double x, double y, const char* anchor,
           double font_px) {
  fmt::format_to(std::back_inserter(out), R"(<text x="{}" y="{}" text-anchor="{}" font-size="{}" fill="{}">)", px(x),
                 px(y), anchor, px(font_px), kInk);
  for (std::size_t i = 0; i < lines.size(); ++i)
    fmt::format_to(std::back_inserter(out), R"(<tspan x="{}" dy="{}">{}</tspan>)", px(x), i == 0 ? "0" : px(kLineGap),
                   esc(lines[i]));
  out += "</text>\n";
}

std::int64_t pow10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}
std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }

// The value axis in the chart's integer units: the smallest step of 1, 2, 2.5 or 5 × 10^k
// that covers [lo, hi] in at most `max_intervals`, widened to at least three (four ticks).
struct Axis {
  std::int64_t lo = 0, hi = 1, step = 1;
};

Axis nice_axis(std::int64_t lo, std::int64_t hi, std::int64_t min_step, int max_intervals) {
  if (lo == hi) {
    lo = std::min<std::int64_t>(lo, 0);
    hi = std::max<std::int64_t>(hi, 0);
  }
  if (lo == hi) hi = lo + min_step;
  for (std::int64_t p = 1; p <= std::numeric_limits<std::int64_t>::max() / 100; p *= 10) {
    for (std::int64_t m : {10, 20, 25, 50}) {
      if (m * p % 10 != 0 || m * p / 10 < min_step) continue;
      std::int64_t step = m * p / 10;
      std::int64_t a = floor_div(lo, step), b = ceil_div(hi, step);
      if (b - a > max_intervals) continue;
      Axis ax{a * step, b * step, step};
      while ((ax.hi - ax.lo) / step < 3) {  // widen away from zero
        if (ax.hi > 0)
          ax.hi += step;
        else
          ax.lo -= step;
      }
      return ax;
    }
  }
  return {lo, hi, hi - lo};
}

// Decimals a tick label needs for the step (2,5 needs one, 200 none).
int tick_decimals(std::int64_t step, int scale) {
  int d = scale;
  for (; d > 0 && step % 10 == 0; --d) step /= 10;
  return d;
}

// A value as a reader sees it in a tooltip: every decimal of the data.
std::string exact_text(std::int64_t v, const doc::Chart& c) {
  int shown = c.unit == "€" ? 0 : c.scale;
  return doc::format_value(v, c.scale, shown, c.unit);
}

std::vector<std::string> tick_labels(const Axis& ax, const doc::Chart& c) {
  std::vector<std::string> out;
  int d = tick_decimals(ax.step, c.scale);
  for (std::int64_t t = ax.lo; t <= ax.hi; t += ax.step) out.push_back(doc::format_value(t, c.scale, d, c.unit));
  return out;
}

void marker(std::string& out, std::size_t series, double x, double y, const std::string& tooltip) {
  const char* col = colour(series);
  std::string tip = tooltip.empty() ? "" : "<title>" + esc(tooltip) + "</title>";
  auto& o = out;
  switch (series % 4) {
    case 0:
      fmt::format_to(std::back_inserter(o), R"(<circle class="marker" cx="{}" cy="{}" r="4.5" fill="{}" stroke="#ffffff">{}</circle>)",
                     px(x), px(y), col, tip);
      break;
    case 1:
      fmt::format_to(std::back_inserter(o), R"(<rect class="marker" x="{}" y="{}" width="8" height="8" fill="{}" stroke="#ffffff">{}</rect>)",
                     px(x - 4), px(y - 4), col, tip);
      break;
    case 2:
      fmt::format_to(std::back_inserter(o), R"(<polygon class="marker" points="{},{} {},{} {},{}" fill="{}" stroke="#ffffff">{}</polygon>)",
                     px(x), px(y - 5.5), px(x + 5), px(y + 4), px(x - 5), px(y + 4), col, tip);
      break;
    default:
      fmt::format_to(std::back_inserter(o),
                     R"(<polygon class="marker" points="{},{} {},{} {},{} {},{}" fill="{}" stroke="#ffffff">{}</polygon>)",
                     px(x), px(y - 5.5), px(x + 5.5), px(y), px(x), px(y + 5.5), px(x - 5.5), px(y), col, tip);
  }
  out += "\n";
}

const char* kDash = "7 4";

// Legend entries in rows from the top; returns the height used.
double legend(std::string& out, const doc::Chart& c, double top) {
  double x = kPad, y = top, row = 16;
  double swatch = c.kind == Kind::bars ? 14 : 26;
  double room = kWidth - 2 * kPad - swatch - 6;
  out += "<g class=\"legend\">\n";
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    const auto& s = c.series[i];
    // A name wider than the chart wraps; others stay on one line.
    std::vector<std::string> lines{s.name};
    if (text_width(s.name, kLegendFont) > room) lines = wrap(s.name, room, kLegendFont);
    double w = swatch + 6 + widest(lines, kLegendFont);
    if (x > kPad && x + w > kWidth - kPad) {
      x = kPad;
      y += row + 4;
      row = 16;
    }
    row = std::max(row, 16 + kLineGap * static_cast<double>(lines.size() - 1));
    if (c.kind == Kind::bars) {
      fmt::format_to(std::back_inserter(out), R"(<rect x="{}" y="{}" width="14" height="14" fill="{}"/>)", px(x), px(y + 1),
                     colour(i));
    } else {
      fmt::format_to(std::back_inserter(out), R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2.5"{}/>)",
                     px(x), px(y + 8), px(x + swatch), px(y + 8), colour(i),
                     s.dashed ? fmt::format(R"( stroke-dasharray="{}")", kDash) : "");
      marker(out, i, x + swatch / 2, y + 8, "");
    }
    if (lines.size() == 1)
      fmt::format_to(std::back_inserter(out), R"(<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>)" "\n",
                     px(x + swatch + 6), px(y + 12.5), px(kLegendFont), kInk, esc(s.name));
    else
      label(out, lines, x + swatch + 6, y + 12.5, "start", kLegendFont);
    x += w + 20;
  }
  out += "</g>\n";
  return y + row - top;
}

struct Range {
  bool any = false;
  std::int64_t lo = 0, hi = 0;
};

Range value_range(const doc::Chart& c) {
  Range r;
  for (const auto& s : c.series)
    for (const auto& v : s.values) {
      if (!v) continue;
      r.lo = r.any ? std::min(r.lo, *v) : *v;
      r.hi = r.any ? std::max(r.hi, *v) : *v;
      r.any = true;
    }
  return r;
}

std::string tooltip(const doc::Chart& c, std::size_t s, std::size_t k) {
  return c.series[s].name + ", " + c.categories[k] + ": " + exact_text(*c.series[s].values[k], c);
}

// Categories along the bottom, the value axis on the left: lines, and bars whose labels fit.
double draw_vertical(std::string& out, const doc::Chart& c, const Axis& ax, double top) {
  std::vector<std::string> ticks = tick_labels(ax, c);
  double plot_left = kPad + widest(ticks, kTickFont) + 8;
  double plot_right = kWidth - kPad;
  double plot_top = top + 8, plot_h = 200, plot_bottom = plot_top + plot_h;
  double slot = (plot_right - plot_left) / static_cast<double>(c.categories.size());
  double font = 11;
  std::vector<std::vector<std::string>> cats;
  for (; font >= 9; font -= 1) {  // smaller until every line fits its slot
    cats.clear();
    double w = 0;
    for (const auto& cat : c.categories) {
      cats.push_back(wrap(cat, slot - 6, font));
      w = std::max(w, widest(cats.back(), font));
    }
    if (w <= slot - 6) break;
  }
  font = std::max(font, 9.0);
  std::size_t rows = 1;
  for (const auto& l : cats) rows = std::max(rows, l.size());
  auto y = [&](std::int64_t v) {
    return plot_bottom - static_cast<double>(v - ax.lo) / static_cast<double>(ax.hi - ax.lo) * plot_h;
  };
  auto cx = [&](std::size_t k) { return plot_left + slot * (static_cast<double>(k) + 0.5); };

  out += "<g class=\"axis\">\n";
  std::size_t i = 0;
  for (std::int64_t t = ax.lo; t <= ax.hi; t += ax.step, ++i) {
    fmt::format_to(std::back_inserter(out), R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>)",
                   px(plot_left), px(y(t)), px(plot_right), px(y(t)), kGrid);
    fmt::format_to(std::back_inserter(out), R"(<text x="{}" y="{}" text-anchor="end" font-size="{}" fill="{}">{}</text>)",
                   px(plot_left - 6), px(y(t) + 4), px(kTickFont), kInk, esc(ticks[i]));
    out += "\n";
  }
  if (ax.lo <= 0 && 0 <= ax.hi)
    fmt::format_to(std::back_inserter(out),
                   R"(<line class="zero" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5"/>)" "\n",
                   px(plot_left), px(y(0)), px(plot_right), px(y(0)), kInk);
  out += "</g>\n";

  std::size_t ns = c.series.size();
  if (c.kind == Kind::bars) {
    double bar = std::min(slot * 0.72 / static_cast<double>(ns), 44.0);
    out += "<g class=\"bars\">\n";
    for (std::size_t k = 0; k < c.categories.size(); ++k)
      for (std::size_t s = 0; s < ns; ++s) {
        const auto& v = c.series[s].values[k];
        if (!v) continue;
        double x = cx(k) - bar * static_cast<double>(ns) / 2 + bar * static_cast<double>(s);
        double y0 = y(0), y1 = y(*v);
        fmt::format_to(std::back_inserter(out),
                       R"(<rect class="bar" x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>)" "\n",
                       px(x + 1), px(std::min(y0, y1)), px(bar - 2), px(std::abs(y1 - y0)), colour(s), esc(tooltip(c, s, k)));
      }
    out += "</g>\n";
  } else {
    out += "<g class=\"lines\">\n";
    for (std::size_t s = 0; s < ns; ++s) {
      std::string d;  // a gap (absent value) breaks the line
      bool pen = false;
      for (std::size_t k = 0; k < c.categories.size(); ++k) {
        const auto& v = c.series[s].values[k];
        if (!v) {
          pen = false;
          continue;
        }
        d += (pen ? " L" : (d.empty() ? "M" : " M")) + px(cx(k)) + " " + px(y(*v));
        pen = true;
      }
      if (!d.empty())
        fmt::format_to(std::back_inserter(out),
                       R"(<path d="{}" fill="none" stroke="{}" stroke-width="2.5" stroke-linejoin="round"{}/>)" "\n", d,
                       colour(s), c.series[s].dashed ? fmt::format(R"( stroke-dasharray="{}")", kDash) : "");
    }
    for (std::size_t s = 0; s < ns; ++s)
      for (std::size_t k = 0; k < c.categories.size(); ++k)
        if (c.series[s].values[k]) marker(out, s, cx(k), y(*c.series[s].values[k]), tooltip(c, s, k));
    out += "</g>\n";
  }

  out += "<g class=\"categories\">\n";
  for (std::size_t k = 0; k < cats.size(); ++k) label(out, cats[k], cx(k), plot_bottom + 16, "middle", font);
  out += "</g>\n";
  return plot_bottom + 16 + kLineGap * static_cast<double>(rows - 1) + 4 + kPad;
}

// Categories down the left, the value axis along the bottom: bars with long labels (unit names).
double draw_horizontal(std::string& out, const doc::Chart& c, Range r, double top) {
  const double font = 11, bar = 16;
  std::vector<std::vector<std::string>> cats;
  double label_w = 0;
  std::size_t most_lines = 1;
  for (const auto& cat : c.categories) {
    cats.push_back(wrap(cat, 200, font));
    label_w = std::max(label_w, widest(cats.back(), font));
    most_lines = std::max(most_lines, cats.back().size());
  }
  label_w = std::min(label_w, 300.0);
  double plot_left = kPad + label_w + 10;
  // Fewer ticks when their labels would crowd each other.
  Axis ax;
  std::vector<std::string> ticks;
  double plot_w = 0, tick_w = 0;
  std::int64_t min_step = c.unit == "€" ? pow10(c.scale) : 1;
  for (int max_iv = 5; max_iv >= 3; --max_iv) {
    ax = nice_axis(std::min<std::int64_t>(r.lo, 0), std::max<std::int64_t>(r.hi, 0), min_step, max_iv);
    ticks = tick_labels(ax, c);
    tick_w = widest(ticks, kTickFont);
    plot_w = kWidth - kPad - tick_w / 2 - plot_left;
    if (tick_w + 12 <= plot_w / static_cast<double>(ticks.size() - 1)) break;
  }
  double ns = static_cast<double>(c.series.size());
  double band = std::max(ns * bar + 14, kLineGap * static_cast<double>(most_lines) + 10);
  double plot_top = top + 8, plot_h = band * static_cast<double>(c.categories.size());
  double plot_bottom = plot_top + plot_h;
  auto x = [&](std::int64_t v) {
    return plot_left + static_cast<double>(v - ax.lo) / static_cast<double>(ax.hi - ax.lo) * plot_w;
  };

  out += "<g class=\"axis\">\n";
  std::size_t i = 0;
  for (std::int64_t t = ax.lo; t <= ax.hi; t += ax.step, ++i) {
    fmt::format_to(std::back_inserter(out), R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>)",
                   px(x(t)), px(plot_top), px(x(t)), px(plot_bottom), kGrid);
    fmt::format_to(std::back_inserter(out), R"(<text x="{}" y="{}" text-anchor="middle" font-size="{}" fill="{}">{}</text>)",
                   px(x(t)), px(plot_bottom + 16), px(kTickFont), kInk, esc(ticks[i]));
    out += "\n";
  }
  fmt::format_to(std::back_inserter(out),
                 R"(<line class="zero" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5"/>)" "\n", px(x(0)),
                 px(plot_top), px(x(0)), px(plot_bottom), kInk);
  out += "</g>\n<g class=\"bars\">\n";
  for (std::size_t k = 0; k < c.categories.size(); ++k) {
    double band_top = plot_top + band * static_cast<double>(k);
    double first = band_top + (band - ns * bar) / 2;
    for (std::size_t s = 0; s < c.series.size(); ++s) {
      const auto& v = c.series[s].values[k];
      if (!v) continue;
      double x0 = x(0), x1 = x(*v);
      fmt::format_to(std::back_inserter(out),
                     R"(<rect class="bar" x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>)" "\n",
                     px(std::min(x0, x1)), px(first + bar * static_cast<double>(s) + 1), px(std::abs(x1 - x0)), px(bar - 2),
                     colour(s), esc(tooltip(c, s, k)));
    }
  }
  out += "</g>\n<g class=\"categories\">\n";
  for (std::size_t k = 0; k < cats.size(); ++k) {
    double mid = plot_top + band * (static_cast<double>(k) + 0.5);
    double first = mid - kLineGap * static_cast<double>(cats[k].size() - 1) / 2 + 4;
    label(out, cats[k], plot_left - 8, first, "end", font);
  }
  out += "</g>\n";
  return plot_bottom + 16 + 4 + kPad;
}

// Bars stand up when every label fits its slot in two lines; otherwise they lie down.
bool labels_fit_upright(const doc::Chart& c, double tick_w) {
  double slot = (kWidth - 2 * kPad - tick_w - 8) / static_cast<double>(c.categories.size());
  for (const auto& cat : c.categories) {
    auto lines = wrap(cat, slot - 6, 11);
    if (lines.size() > 2 || widest(lines, 11) > slot - 6) return false;
  }
  return true;
}

std::string safe_id(const std::string& id) {
  std::string out = id.empty() ? "chart" : id;
  for (char& ch : out)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_'))
      ch = '-';
  if (!((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z'))) out = "c-" + out;
  return out;
}

}  // namespace

std::string render_svg_chart(const doc::Chart& c, Lang lang) {
  std::string body;
  double height = 0;
  Range r = value_range(c);
  bool shape_ok = !c.categories.empty();
  for (const auto& s : c.series) shape_ok = shape_ok && s.values.size() == c.categories.size();
  if (!r.any || !shape_ok) {
    height = 80;
    fmt::format_to(std::back_inserter(body), R"(<text x="{}" y="44" text-anchor="middle" font-size="13" fill="{}">{}</text>)" "\n",
                   px(kWidth / 2), kInk, esc(tr("chart.no_data", lang)));
  } else {
    double top = kPad + legend(body, c, kPad) + 14;
    std::int64_t min_step = c.unit == "€" ? pow10(c.scale) : 1;
    std::int64_t lo = r.lo, hi = r.hi;
    if (c.kind == Kind::bars) {
      lo = std::min<std::int64_t>(lo, 0);  // bars grow from zero
      hi = std::max<std::int64_t>(hi, 0);
    } else if (lo > 0 && lo <= hi / 2) {
      lo = 0;  // a line near zero anyway keeps zero in view
    } else if (hi < 0 && hi >= lo / 2) {
      hi = 0;
    }
    Axis ax = nice_axis(lo, hi, min_step, 5);
    if (c.kind == Kind::bars && !labels_fit_upright(c, widest(tick_labels(ax, c), kTickFont)))
      height = draw_horizontal(body, c, r, top);
    else
      height = draw_vertical(body, c, ax, top);
  }
  std::string id = safe_id(c.id);
  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title {}-desc" )"
      R"(font-family="sans-serif">)"
      "\n<title id=\"{}-title\">{}</title>\n<desc id=\"{}-desc\">{}</desc>\n"
      R"(<rect class="background" width="{}" height="{}" fill="#ffffff"/>)" "\n",
      px(kWidth), px(height), id, id, id, esc(c.title), id, esc(c.alt), px(kWidth), px(height));
  out += body;
  out += "</svg>\n";
  return out;
}

}  // namespace toteuma
