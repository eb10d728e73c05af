#include "render/annual_clock.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numbers>
#include <tuple>

#include "core/i18n.h"
#include "core/text.h"

namespace toteuma {

namespace {

constexpr double kSize = 640, kCx = 320, kCy = 320;
constexpr double kOuter = 300, kMonthInner = 262, kMonthLabel = 281, kRingsOuter = 252, kRingsInner = 96;
constexpr double kLegendRow = 22;
constexpr const char* kInk = "#222222";
constexpr const char* kGrid = "#b3b3b3";
// render/svg_chart.cpp's palette: all at least 4.5:1 against white.
constexpr const char* kColours[] = {"#1f5fa6", "#c25400", "#4d4d4d", "#7b3294", "#2e7d32", "#b0243b"};

const char* colour(std::size_t i) { return kColours[i % std::size(kColours)]; }

std::string px(double v) {
  std::string s = fmt::format("{:.1f}", v);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
long days(const Date& d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Where in `year` the start of day `d` lies, as a fraction of the year (clamped to 0..1).
struct YearScale {
  long first, length;
  explicit YearScale(int year)
      : first(days(Date::first_of_year(year))), length(days(Date::first_of_year(year + 1)) - first) {}
  double at(long day) const { return std::clamp(static_cast<double>(day - first) / static_cast<double>(length), 0.0, 1.0); }
  double start_of(const Date& d) const { return at(days(d)); }
  double end_of(const Date& d) const { return at(days(d) + 1); }
};

// A point at fraction `f` of the year (0 at the top, clockwise) on radius `r`.
std::string point(double f, double r) {
  const double a = 2 * std::numbers::pi * f;
  return px(kCx + r * std::sin(a)) + " " + px(kCy - r * std::cos(a));
}

std::string arc(double f1, double f2, double r) {
  return fmt::format("M {} A {} {} 0 {} 1 {}", point(f1, r), px(r), px(r), f2 - f1 > 0.5 ? 1 : 0, point(f2, r));
}

std::string xy(double f, double r, const char* xa, const char* ya) {
  const double a = 2 * std::numbers::pi * f;
  return fmt::format("{}=\"{}\" {}=\"{}\"", xa, px(kCx + r * std::sin(a)), ya, px(kCy - r * std::cos(a)));
}

struct Phase {
  std::string id;
  std::string name;
  std::vector<const CalendarItem*> items;
};

// Phases in the order they first appear among the items.
std::vector<Phase> phases_of(const std::vector<const CalendarItem*>& items, Lang lang) {
  std::vector<Phase> out;
  for (const auto* c : items) {
    auto it = std::find_if(out.begin(), out.end(), [&](const Phase& p) { return p.id == c->phase; });
    if (it == out.end()) {
      out.push_back({c->phase, c->phase_name.shown(lang), {}});
      it = std::prev(out.end());
    }
    it->items.push_back(c);
  }
  return out;
}

}  // namespace

std::string render_annual_clock_svg(const std::vector<const CalendarItem*>& items, Lang lang, int year,
                                    std::optional<Date> today) {
  const YearScale scale(year);
  const auto phases = phases_of(items, lang);
  const std::string id = fmt::format("annual-clock-{}", year);
  const double height = kSize + 8 + kLegendRow * static_cast<double>(phases.size());
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"annual-clock\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" "
      "height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"sans-serif\">\n",
      fmt::arg("w", px(kSize)), fmt::arg("h", px(height)), fmt::arg("id", id));
  s += fmt::format("<title id=\"{}-title\">{}</title>\n", id,
                   html_escape(fmt::format(fmt::runtime(tr("clock.title", lang)), year)));
  std::string desc = fmt::format(fmt::runtime(tr("clock.desc", lang)), year);
  for (const auto* c : items)
    desc += " " + fmt::format(fmt::runtime(tr("clock.desc_item", lang)), c->phase_name.shown(lang), c->title.shown(lang),
                              to_display(c->deadline), c->responsible.shown(lang));
  s += fmt::format("<desc id=\"{}-desc\">{}</desc>\n", id, html_escape(desc));

  // Month sectors with their labels, and a grid line at each month's start.
  s += "<g class=\"months\">\n";
  for (int m = 1; m <= 12; ++m) {
    const double f1 = scale.start_of({year, m, 1});
    const double f2 = m == 12 ? 1.0 : scale.start_of({year, m + 1, 1});
    s += fmt::format("<path d=\"{} L {} {} Z\" fill=\"{}\" stroke=\"{}\"/>\n", arc(f1, f2, kOuter), point(f2, kMonthInner),
                     fmt::format("A {} {} 0 0 0 {}", px(kMonthInner), px(kMonthInner), point(f1, kMonthInner)),
                     m % 2 ? "#f2f2f2" : "#e3e3e3", kGrid);
    s += fmt::format("<line {} {} stroke=\"{}\"/>\n", xy(f1, kRingsInner, "x1", "y1"), xy(f1, kMonthInner, "x2", "y2"), kGrid);
    s += fmt::format("<text class=\"month\" {} text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"13\" "
                     "fill=\"{}\">{}</text>\n",
                     xy((f1 + f2) / 2, kMonthLabel, "x", "y"), kInk, html_escape(tr(fmt::format("clock.month.{}", m), lang)));
  }
  s += "</g>\n";

  // One ring per phase, from the outside in; narrower rings when there are many phases.
  const double step = phases.empty() ? 0 : std::min(20.0, (kRingsOuter - kRingsInner) / static_cast<double>(phases.size()));
  const double width = step * 0.75;
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const Phase& p = phases[i];
    const double r = kRingsOuter - step * (static_cast<double>(i) + 0.5);
    s += fmt::format("<g class=\"phase\" data-phase=\"{}\">\n<title>{}</title>\n", html_escape(p.id), html_escape(p.name));
    s += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"#ececec\" stroke-width=\"{}\"/>\n",
                     px(kCx), px(kCy), px(r), px(width));
    std::string dots;
    for (const auto* c : p.items) {
      if (c->deadline < Date::first_of_year(year) || Date::last_of_year(year) < c->start) continue;
      const double f1 = scale.start_of(c->start), f2 = scale.end_of(c->deadline);
      const std::string tip = html_escape(fmt::format("{}: {}–{}", c->title.shown(lang), to_display(c->start), to_display(c->deadline)));
      if (f2 - f1 >= 0.999)
        s += fmt::format("<circle class=\"item\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"><title>{}</title></circle>\n",
                         px(kCx), px(kCy), px(r), colour(i), px(width), tip);
      else
        s += fmt::format("<path class=\"item\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"><title>{}</title></path>\n",
                         arc(f1, f2, r), colour(i), px(width), tip);
      if (c->deadline <= Date::last_of_year(year))
        dots += fmt::format("<circle class=\"deadline\" {} r=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n",
                            xy(f2, r, "cx", "cy"), px(width * 0.45 + 1), kInk);
    }
    s += dots + "</g>\n";
  }

  s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"28\" "
                   "font-weight=\"bold\" fill=\"{}\">{}</text>\n",
                   px(kCx), px(kCy), kInk, year);
  if (today && today->year == year) {
    const double f = (scale.start_of(*today) + scale.end_of(*today)) / 2;
    const std::string label = html_escape(fmt::format(fmt::runtime(tr("clock.today", lang)), to_display(*today)));
    s += fmt::format("<g class=\"today\"><title>{}</title>\n<line x1=\"{}\" y1=\"{}\" {} stroke=\"{}\" stroke-width=\"2\"/>\n"
                     "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\"/>\n"
                     "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{}\">{}</text></g>\n",
                     label, px(kCx), px(kCy), xy(f, kOuter, "x2", "y2"), kInk, px(kCx), px(kCy), kInk, px(kCx),
                     px(kCy + 36), kInk, label);
  }

  // The legend: which colour is which phase.
  s += "<g class=\"legend\">\n";
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const double y = kSize + kLegendRow * static_cast<double>(i);
    s += fmt::format("<rect x=\"24\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\"/>\n", px(y), colour(i));
    s += fmt::format("<text x=\"46\" y=\"{}\" font-size=\"13\" fill=\"{}\">{}</text>\n", px(y + 12), kInk,
                     html_escape(phases[i].name));
  }
  s += "</g>\n</svg>\n";
  return s;
}

std::string render_annual_clock_list_html(const std::vector<const CalendarItem*>& items, Lang lang,
                                          std::optional<Date> today) {
  std::vector<const CalendarItem*> rows = items;
  std::stable_sort(rows.begin(), rows.end(), [](const CalendarItem* a, const CalendarItem* b) {
    return std::tie(a->deadline, a->id) < std::tie(b->deadline, b->id);
  });
  const bool one_year = !rows.empty() && std::all_of(rows.begin(), rows.end(), [&](const CalendarItem* c) {
    return c->year == rows.front()->year;
  });
  std::string caption = one_year ? fmt::format(fmt::runtime(tr("clock.title", lang)), rows.front()->year)
                                 : tr("clock.title_any", lang);
  std::string s = "<table class=\"annual-clock\">\n<caption>" + html_escape(caption) + "</caption>\n<thead><tr>";
  for (const char* col : {"phase", "item", "start", "deadline", "responsible", "participation"})
    s += "<th scope=\"col\">" + html_escape(tr(std::string("clock.col.") + col, lang)) + "</th>";
  s += "</tr></thead>\n<tbody>\n";
  if (rows.empty()) s += "<tr><td colspan=\"6\">" + html_escape(tr("clock.none", lang)) + "</td></tr>\n";
  for (const auto* c : rows) {
    const bool past = today && c->deadline < *today;
    s += past ? "<tr class=\"past\">" : "<tr>";
    s += "<td>" + html_escape(c->phase_name.shown(lang)) + "</td>";
    s += "<th scope=\"row\">" + html_escape(c->title.shown(lang)) + "</th>";
    s += "<td>" + to_display(c->start) + "</td><td>";
    if (past) s += "<span class=\"visually-hidden\">" + html_escape(tr("clock.past", lang)) + " </span>";
    s += to_display(c->deadline) + "</td>";
    s += "<td>" + html_escape(c->responsible.shown(lang)) + "</td>";
    s += "<td>" + html_escape(c->participation.shown(lang)) + "</td></tr>\n";
  }
  s += "</tbody>\n</table>\n";
  return s;
}

}  // namespace toteuma
