// Charts as SVG and PNG: well-formed, accessible (title, desc, role), one mark per value, the
// value axis in the published number format, escaped text, colours with enough contrast, and
// PNGs of the requested width. Set TOTEUMA_CHARTS_OUT=<dir> to also write the demo's charts
// there as SVG and PNG for looking at.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "core/documents/document_charts.h"
#include "demo_db.h"
#include "render/chart_png.h"
#include "render/svg_chart.h"
#include "store/store.h"

namespace toteuma {
namespace {

const std::string nb = "\u00a0";

doc::Chart two_bars() {
  doc::Chart c;
  c.kind = doc::Chart::Kind::bars;
  c.id = "c-test";
  c.title = "Toimintakulut";
  c.alt = "Toimintakulut: talousarvio muutosten jälkeen -4 210 000 €, toteutuma -4 050 311 €";
  c.unit = "€";
  c.scale = 2;
  c.categories = {"Keskus"};
  c.series = {{"TA 2024 muutosten jälkeen", {-421000000}, false}, {"TP 2024", {-405031100}, false}};
  return c;
}

std::vector<std::string> texts(const pugi::xml_node& root, const char* group) {
  std::vector<std::string> out;
  for (auto t : root.select_nodes((std::string("//g[@class='") + group + "']/text").c_str()))
    out.push_back(t.node().text().get());
  return out;
}

double luminance(const std::string& hex) {
  auto channel = [&](int i) {
    double c = std::stoi(hex.substr(static_cast<std::size_t>(1 + 2 * i), 2), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

TEST(SvgChart, AccessibleAndScalable) {
  std::string svg = render_svg_chart(two_bars(), Lang::fi);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(svg.c_str())) << svg;
  pugi::xml_node root = x.child("svg");
  EXPECT_STREQ(root.attribute("role").value(), "img");
  EXPECT_STREQ(root.attribute("aria-labelledby").value(), "c-test-title c-test-desc");
  EXPECT_STREQ(root.child("title").attribute("id").value(), "c-test-title");
  EXPECT_STREQ(root.child("desc").attribute("id").value(), "c-test-desc");
  EXPECT_EQ(std::string(root.child("title").text().get()), "Toimintakulut");
  EXPECT_EQ(std::string(root.child("desc").text().get()), two_bars().alt);
  EXPECT_EQ(std::string(root.attribute("viewBox").value()).substr(0, 8), "0 0 640 ");
  EXPECT_TRUE(root.attribute("width").empty());  // scales to its container
  EXPECT_STREQ(root.attribute("font-family").value(), "sans-serif");
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("href"), std::string::npos);
  EXPECT_EQ(svg.find("@font-face"), std::string::npos);
}

TEST(SvgChart, ValueAxisInPublishedFormatWithZeroLine) {
  // -4 210 000 € and -4 050 311 €: steps of 1 000 000 € give five intervals from -5 000 000 to 0.
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(render_svg_chart(two_bars(), Lang::fi).c_str()));
  std::vector<std::string> want;
  for (const char* m : {"-5", "-4", "-3", "-2", "-1"}) want.push_back(std::string(m) + nb + "000" + nb + "000" + nb + "€");
  want.push_back("0" + nb + "€");
  EXPECT_EQ(texts(x, "axis"), want);
  EXPECT_EQ(x.select_nodes("//line[@class='zero']").size(), 1u);
  // Both bars hang down from the zero line.
  auto zero = x.select_node("//line[@class='zero']").node();
  for (auto b : x.select_nodes("//rect[@class='bar']"))
    EXPECT_NEAR(b.node().attribute("y").as_double(), zero.attribute("y1").as_double(), 0.11);
}

TEST(SvgChart, OneRectPerPresentBarValue) {
  doc::Chart c = two_bars();
  c.categories = {"A", "B", "C"};
  c.series[0].values = {100, std::nullopt, -300};
  c.series[1].values = {200, 50, std::nullopt};
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(render_svg_chart(c, Lang::fi).c_str()));
  EXPECT_EQ(x.select_nodes("//rect[@class='bar']").size(), 4u);
  // Grouped per category: A's two bars sit side by side, left of B's.
  auto bars = x.select_nodes("//rect[@class='bar']");
  double a0 = bars[0].node().attribute("x").as_double(), a1 = bars[1].node().attribute("x").as_double();
  double b = bars[2].node().attribute("x").as_double();
  EXPECT_LT(a0, a1);
  EXPECT_LT(a1, b);
  for (auto r : bars) {
    double contrast = 1.05 / (luminance(r.node().attribute("fill").value()) + 0.05);
    EXPECT_GE(contrast, 3.0) << r.node().attribute("fill").value();
  }
}

TEST(SvgChart, LinesWithMarkersAndADashedTarget) {
  doc::Chart c;
  c.kind = doc::Chart::Kind::lines;
  c.title = "Mittari";
  c.alt = "Arvo: 2022 50 %, 2024 59 %";
  c.unit = "%";
  c.scale = 1;
  c.categories = {"2022", "2023", "2024"};
  c.series = {{"Arvo", {500, std::nullopt, 590}, false}, {"Tavoitetaso ≥ 80 %", {800, 800, 800}, true}};
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(render_svg_chart(c, Lang::fi).c_str()));
  EXPECT_EQ(x.select_nodes("//g[@class='lines']/*[@class='marker']").size(), 5u);
  auto paths = x.select_nodes("//g[@class='lines']/path");
  ASSERT_EQ(paths.size(), 2u);
  // The absent 2023 value breaks the line into two pieces; the target is dashed.
  EXPECT_EQ(std::string(paths[0].node().attribute("d").value()).find(" L"), std::string::npos);
  EXPECT_TRUE(paths[0].node().attribute("stroke-dasharray").empty());
  EXPECT_FALSE(paths[1].node().attribute("stroke-dasharray").empty());
  // 50..80 %: ticks every 10 %, labels with the unit.
  EXPECT_EQ(texts(x, "axis"), (std::vector<std::string>{"50" + nb + "%", "60" + nb + "%", "70" + nb + "%", "80" + nb + "%"}));
  EXPECT_EQ(texts(x, "legend"), (std::vector<std::string>{"Arvo", "Tavoitetaso ≥ 80 %"}));
}

TEST(SvgChart, TextIsEscaped) {
  doc::Chart c = two_bars();
  c.title = "R&D <kulut>";
  c.alt = "\"lainaus\" & 'toinen'";
  c.categories = {"Tutkimus & kehitys"};
  c.series[0].name = "<script>alert(1)</script>";
  std::string svg = render_svg_chart(c, Lang::sv);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find("R&amp;D &lt;kulut&gt;"), std::string::npos);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(svg.c_str())) << svg;
  EXPECT_EQ(std::string(x.child("svg").child("title").text().get()), "R&D <kulut>");
  EXPECT_EQ(std::string(x.child("svg").child("desc").text().get()), "\"lainaus\" & 'toinen'");
  EXPECT_EQ(texts(x, "legend")[0], "<script>alert(1)</script>");
  EXPECT_EQ(std::string(x.select_node("//g[@class='categories']/text/tspan").node().text().get()), "Tutkimus & kehitys");
}

TEST(SvgChart, LongNamesWrapWithinTheChart) {
  doc::Chart c = two_bars();
  c.series[0].name =
      "Henkilöstökyselyn vastaajista työssään viihtyvien ja kaupunkia hyvänä työnantajana pitävien osuus "
      "(tavoite yli 80 %), talousarvio muutosten jälkeen";
  c.categories = {"Työhyvinvointi ja työsuojelu (sisäinen palvelutoiminta)", "Viestintä"};
  c.series[0].values = {-120000000, -30000000};
  c.series[1].values = {-110000000, std::nullopt};
  std::string svg = render_svg_chart(c, Lang::fi);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(svg.c_str()));
  EXPECT_GE(x.select_nodes("//g[@class='legend']/text[1]/tspan").size(), 2u);
  EXPECT_GE(x.select_nodes("//g[@class='categories']/text[1]/tspan").size(), 2u);
  if (const char* dir = std::getenv("TOTEUMA_CHARTS_OUT")) {
    std::filesystem::create_directories(dir);
    testing::spit(std::filesystem::path(dir) / "long-names.png", svg_to_png(svg, 1280));
  }
}

TEST(SvgChart, NoDataSaysSo) {
  doc::Chart c;
  c.title = "Henkilötyövuodet";
  c.alt = "Ei tietoja.";
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(render_svg_chart(c, Lang::sv).c_str()));
  EXPECT_EQ(std::string(x.select_node("//text").node().text().get()), "Inga uppgifter.");
}

// PNG: signature, then the IHDR chunk with width and height as big-endian 32-bit integers.
std::uint32_t be32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

TEST(ChartPng, RequestedWidthAndTheSvgsAspect) {
  std::string svg = render_svg_chart(two_bars(), Lang::fi);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(svg.c_str()));
  double vb_h = std::stod(std::string(x.child("svg").attribute("viewBox").value()).substr(8));
  std::string png = svg_to_png(svg, 1280);
  ASSERT_GT(png.size(), 33u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(be32(png, 16), 1280u);
  EXPECT_EQ(be32(png, 20), static_cast<std::uint32_t>(std::lround(1280 * vb_h / 640)));
}

TEST(ChartPng, BadInputThrows) {
  EXPECT_THROW(svg_to_png("<svg", 100), std::runtime_error);
  EXPECT_THROW(svg_to_png("not svg at all", 100), std::runtime_error);
  EXPECT_THROW(svg_to_png(render_svg_chart(two_bars(), Lang::fi), 0), std::runtime_error);
}

TEST(SvgChart, DemoChartsRenderInBothLanguages) {
  testing::TempDir tmp;
  Dataset d = open_store(testing::load_demo_db(tmp))->read();
  Ledger ledger(d);
  const char* out_dir = std::getenv("TOTEUMA_CHARTS_OUT");
  for (Lang lang : {Lang::fi, Lang::sv}) {
    std::vector<std::pair<std::string, doc::Chart>> charts = {
        {"budget-vs-actual", budget_vs_actual(ledger, "kanslia", 2024, lang)},
        {"plan-trend", plan_trend(ledger, "kanslia", 2025, lang)},
        {"metric-trend", metric_trend(d, "lov-2024-m-aika", lang)},
        {"htv-trend", htv_trend(d, "heinola", 2025, lang)}};
    for (const auto& [name, chart] : charts) {
      std::string svg = render_svg_chart(chart, lang);
      pugi::xml_document x;
      ASSERT_TRUE(x.load_string(svg.c_str())) << name;
      std::size_t values = 0;
      for (const auto& s : chart.series)
        for (const auto& v : s.values) values += v.has_value();
      const char* marks = chart.kind == doc::Chart::Kind::bars ? "//rect[@class='bar']" : "//*[@class='marker' and title]";
      EXPECT_EQ(x.select_nodes(marks).size(), values) << name;
      std::string png = svg_to_png(svg, 1280);
      EXPECT_EQ(be32(png, 16), 1280u);
      if (out_dir) {
        std::filesystem::path base = std::filesystem::path(out_dir) / (name + "-" + std::string(lang_code(lang)));
        std::filesystem::create_directories(out_dir);
        testing::spit(base.string() + ".svg", svg);
        testing::spit(base.string() + ".png", png);
      }
    }
  }
}

}  // namespace
}  // namespace toteuma
