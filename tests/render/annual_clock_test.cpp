#include <gtest/gtest.h>

#include <regex>

#include "render/annual_clock.h"

namespace toteuma {
namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

CalendarItem item(std::string id, std::string phase, Text title, Date start, Date deadline) {
  CalendarItem c;
  c.id = std::move(id);
  c.municipality = "loviisa";
  c.year = 2025;
  c.phase = phase;
  c.phase_name = {"Vaihe " + phase, "Fas " + phase};
  c.title = std::move(title);
  c.participation = {"Asukasilta", "Invånarkväll"};
  c.responsible = {"talousjohtaja", "ekonomidirektören"};
  c.start = start;
  c.deadline = deadline;
  return c;
}

// Three items in two phases, given out of deadline order; one title needs escaping.
struct Fixture {
  std::vector<CalendarItem> all = {
      item("frame", "budget", {"Kehys <b>&", "Ram <b>&"}, {2025, 2, 3}, {2025, 3, 24}),
      item("new-year", "council", {"Uusi vuosi", "Nyår"}, {2025, 1, 1}, {2025, 1, 1}),
      item("decision", "budget", {"Päätös", "Beslut"}, {2025, 12, 1}, {2025, 12, 15}),
  };
  std::vector<const CalendarItem*> items() const { return {&all[0], &all[1], &all[2]}; }
};

TEST(AnnualClockSvg, HasTwelveMonthLabelsAndOneRingPerPhase) {
  Fixture f;
  std::string svg = render_annual_clock_svg(f.items(), Lang::fi, 2025, std::nullopt);
  EXPECT_EQ(count(svg, "class=\"month\""), 12u);
  for (const char* m : {">tammi<", ">helmi<", ">maalis<", ">huhti<", ">touko<", ">kesä<", ">heinä<", ">elo<", ">syys<",
                        ">loka<", ">marras<", ">joulu<"})
    EXPECT_EQ(count(svg, m), 1u) << m;
  EXPECT_EQ(count(svg, "<g class=\"phase\""), 2u);
  EXPECT_EQ(count(svg, "class=\"item\""), 3u);
  EXPECT_EQ(count(svg, "class=\"deadline\""), 3u);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"annual-clock-2025-title\">Vuosikello 2025</title>"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  std::string sv = render_annual_clock_svg(f.items(), Lang::sv, 2025, std::nullopt);
  for (const char* m : {">jan<", ">mars<", ">juni<", ">dec<"}) EXPECT_EQ(count(sv, m), 1u) << m;
  EXPECT_NE(sv.find("Årsklocka 2025"), std::string::npos);
}

TEST(AnnualClockSvg, TextAlternativeListsEveryItemWithItsDeadlineEscaped) {
  Fixture f;
  std::string svg = render_annual_clock_svg(f.items(), Lang::fi, 2025, std::nullopt);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_EQ(svg.find("<b>&"), std::string::npos);
  EXPECT_NE(svg.find("Vaihe budget: Kehys &lt;b&gt;&amp;, määräaika 24.3.2025, vastuu: talousjohtaja."), std::string::npos);
  EXPECT_NE(svg.find("Vaihe council: Uusi vuosi, määräaika 1.1.2025, vastuu: talousjohtaja."), std::string::npos);
  EXPECT_NE(svg.find("Vaihe budget: Päätös, määräaika 15.12.2025, vastuu: talousjohtaja."), std::string::npos);
  // Every '&' in the output starts an entity.
  EXPECT_TRUE(std::regex_search(svg, std::regex("&(?!amp;|lt;|gt;|quot;|#39;)")) == false);
  // Deterministic.
  EXPECT_EQ(svg, render_annual_clock_svg(f.items(), Lang::fi, 2025, std::nullopt));
}

TEST(AnnualClockSvg, TodayHandOnlyWithinTheYear) {
  Fixture f;
  EXPECT_EQ(count(render_annual_clock_svg(f.items(), Lang::fi, 2025, std::nullopt), "class=\"today\""), 0u);
  EXPECT_EQ(count(render_annual_clock_svg(f.items(), Lang::fi, 2025, Date{2024, 12, 31}), "class=\"today\""), 0u);
  EXPECT_EQ(count(render_annual_clock_svg(f.items(), Lang::fi, 2025, Date{2026, 1, 1}), "class=\"today\""), 0u);
  std::string svg = render_annual_clock_svg(f.items(), Lang::fi, 2025, Date{2025, 7, 2});
  EXPECT_EQ(count(svg, "class=\"today\""), 1u);
  EXPECT_NE(svg.find("Tänään 2.7.2025"), std::string::npos);
  // 2.7.2025 is day 183 of 365; the middle of it is 182.5/365 = exactly half a turn: the hand
  // points straight down from the centre (320, 320) to the outer edge (radius 300).
  EXPECT_NE(svg.find("x2=\"320\" y2=\"620\""), std::string::npos) << svg;
}

TEST(AnnualClockList, RowsByDeadlineWithDisplayDatesAndPastMarked) {
  Fixture f;
  std::string html = render_annual_clock_list_html(f.items(), Lang::fi, Date{2025, 3, 1});
  EXPECT_NE(html.find("<caption>Vuosikello 2025</caption>"), std::string::npos);
  for (const char* h : {"Vaihe", "Asia", "Alkaa", "Määräaika", "Vastuu", "Osallistuminen"})
    EXPECT_NE(html.find(std::string("<th scope=\"col\">") + h + "</th>"), std::string::npos) << h;
  auto a = html.find("Uusi vuosi"), b = html.find("Kehys &lt;b&gt;&amp;"), c = html.find("Päätös");
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  ASSERT_NE(c, std::string::npos);
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("<td>1.1.2025</td><td><span class=\"visually-hidden\">Määräaika on mennyt: </span>1.1.2025</td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td>1.12.2025</td><td>15.12.2025</td>"), std::string::npos);
  // Only 1.1. is before 1.3.2025.
  EXPECT_EQ(count(html, "<tr class=\"past\">"), 1u);
  EXPECT_EQ(count(render_annual_clock_list_html(f.items(), Lang::fi, std::nullopt), "class=\"past\""), 0u);
  std::string sv = render_annual_clock_list_html(f.items(), Lang::sv, Date{2025, 3, 1});
  EXPECT_NE(sv.find("<caption>Årsklocka 2025</caption>"), std::string::npos);
  EXPECT_NE(sv.find("Tidsfristen har gått ut: "), std::string::npos);
  EXPECT_NE(sv.find("<td>Invånarkväll</td>"), std::string::npos);
}

TEST(AnnualClockList, EmptyClockSaysSo) {
  std::string html = render_annual_clock_list_html({}, Lang::sv, std::nullopt);
  EXPECT_NE(html.find("<caption>Årsklocka</caption>"), std::string::npos);
  EXPECT_NE(html.find("Årsklockan har inga händelser."), std::string::npos);
}

}  // namespace
}  // namespace toteuma
