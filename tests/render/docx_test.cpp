// The Word output, read back part by part with libzip and pugixml: the structure Word needs
// (styles, headings, a TOC field, real tables, pictures with alt text), and a LibreOffice
// round trip to PDF (label "office").
#include "render/docx.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <zip.h>

#include <cstdlib>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "test_util.h"

namespace toteuma {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

const std::string kNbsp = "\u00a0";
const std::string kMarkup = "merkit <b>&\" säilyvät";
const std::string kAlt = "Pylväskaavio: toimintakulut kasvoivat 1,7 miljoonasta eurosta 1,9 miljoonaan euroon "
                         "vuosina 2020–2024.";
const std::string kLink = "https://www.loviisa.fi/talous?a=1&b=2";

// A 1×1 RGB PNG (one blue pixel), valid so that LibreOffice can draw it.
const std::string kPixelPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    "\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\xda\x63\xd0\x2b\xdd\x06\x00\x02\x2e\x01"
    "\x5a\x19\xf3\x8a\x22\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    69);

// Built field by field: designated initializers that skip members trip -Wmissing-field-initializers.
doc::Cell text(const std::string& t) {
  doc::Cell c;
  c.text = t;
  return c;
}
doc::Cell number(std::int64_t v, int scale, int shown, bool percent = false) {
  doc::Cell c;
  c.number = v;
  c.scale = scale;
  c.shown = shown;
  c.percent = percent;
  return c;
}
doc::Cell euros(std::int64_t cents) { return number(cents, 2, 0); }
doc::Cell percent(std::int64_t tenths) { return number(tenths, 1, 1, true); }

doc::Row row(std::vector<doc::Cell> cells, int level = 0, bool total = false, bool note = false) {
  doc::Row r;
  r.cells = std::move(cells);
  r.level = level;
  r.total = total;
  r.note = note;
  return r;
}

doc::Run run(const std::string& t, bool bold = false, bool italic = false, const std::string& link = "") {
  doc::Run r;
  r.text = t;
  r.bold = bold;
  r.italic = italic;
  r.link = link;
  return r;
}

doc::Paragraph para(doc::Paragraph::Kind kind, int level, std::vector<doc::Run> runs) {
  doc::Paragraph p;
  p.kind = kind;
  p.level = level;
  p.runs = std::move(runs);
  return p;
}

doc::Document sample(Lang lang = Lang::fi) {
  using Kind = doc::Paragraph::Kind;
  doc::Document d;
  d.kind = "annual-report";
  d.lang = lang;
  d.year = 2024;
  d.unit = "kanslia";
  d.title = "Toimintakertomus 2024";
  d.subtitle = "Loviisan kaupunki – Keskushallinto";
  d.toc_heading = "Sisällys";
  d.generated = "Laadittu 22.11.2026";

  doc::Section s1;
  s1.id = "s1";
  s1.heading = "Keskushallinto";
  s1.level = 1;
  s1.blocks.push_back(para(Kind::heading, 1, {run("Toiminnan kuvaus")}));
  s1.blocks.push_back(para(Kind::text, 0,
                           {run("Käyttötalous "), run("alittui", true), run(" selvästi; "), run(kMarkup, false, true),
                            run(". Lisätietoja: "), run("loviisa.fi", false, false, kLink), run(".")}));
  s1.blocks.push_back(para(Kind::bullet, 0, {run("Henkilöstökulut pienenivät")}));
  s1.blocks.push_back(para(Kind::bullet, 0, {run("Palvelujen ostot kasvoivat")}));
  s1.blocks.push_back(para(Kind::numbered, 0, {run("Ensimmäinen")}));
  s1.blocks.push_back(para(Kind::numbered, 0, {run("Toinen")}));
  doc::Grid g;
  g.id = "t-kanslia";
  g.caption = "Käyttötalous 2024";
  g.headings = {"", "TA 2024", "TP 2024", "Toteuma-%"};
  g.rows.push_back(row({text("Toimintatuotot"), euros(12000000), euros(8364000), percent(697)}));
  g.rows.push_back(row({text("Toimintakulut"), euros(-200000000), euros(-193503900), percent(968)}));
  g.rows.push_back(row({text("joista henkilöstökulut"), euros(-150000000), euros(-148000000), percent(987)}, 1));
  g.rows.push_back(row({text("Toimintakate"), euros(-188000000), euros(-185139900), percent(985)}, 0, true));
  g.rows.push_back(row({text("Luvut euroina")}, 0, false, true));
  g.note = "Sitova taso: toimintakate";
  s1.blocks.push_back(g);
  s1.blocks.push_back(doc::Notice{"Ruotsinkielinen teksti puuttuu.", ""});

  doc::Section s2;
  s2.id = "s2";
  s2.heading = "Henkilöstö ja näkymät";
  s2.level = 2;
  s2.blocks.push_back(para(Kind::text, 0, {run("Henkilöstömäärä pysyi ennallaan.")}));
  doc::Chart c;
  c.id = "c1";
  c.title = "Toimintakulut 2020–2024";
  c.alt = kAlt;
  c.unit = "€";
  c.scale = 2;
  c.categories = {"2020", "2024"};
  c.series.push_back({"TP", {170000000, 193503900}, false});
  s2.blocks.push_back(c);
  d.sections = {s1, s2};
  return d;
}

ChartImage pixel() {
  return [](const doc::Chart&) { return kPixelPng; };
}

// Every part of a .docx by name.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err) : nullptr;
  if (!z) {
    if (src) zip_source_free(src);
    ADD_FAILURE() << "not a zip: " << zip_error_strerror(&err);
    zip_error_fini(&err);
    return {};
  }
  std::map<std::string, std::string> parts;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    EXPECT_EQ(zip_fread(f, data.data(), st.size), static_cast<zip_int64_t>(st.size)) << st.name;
    zip_fclose(f);
    parts[st.name] = data;
  }
  zip_close(z);
  zip_error_fini(&err);
  return parts;
}

class Docx : public ::testing::Test {
 protected:
  void SetUp() override { load(render_docx(sample(), pixel())); }

  void load(const std::string& bytes) {
    parts = unzip(bytes);
    for (const char* name : {"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
                             "word/_rels/document.xml.rels", "word/footer1.xml", "docProps/core.xml"}) {
      auto r = xml[name].load_string(parts[name].c_str());
      ASSERT_TRUE(r) << name << ": " << r.description();
    }
  }

  // Text of a paragraph (or any element): its w:t in order.
  static std::string text_of(pugi::xml_node n) {
    std::string s;
    for (auto t : n.select_nodes(".//w:t")) s += t.node().child_value();
    return s;
  }

  std::vector<std::string> texts(const std::string& xpath) {
    std::vector<std::string> out;
    for (auto n : xml["word/document.xml"].select_nodes(xpath.c_str())) out.push_back(text_of(n.node()));
    return out;
  }

  std::vector<std::string> styled(const std::string& style) {
    return texts("//w:body/w:p[w:pPr/w:pStyle/@w:val='" + style + "']");
  }

  pugi::xml_node doc_node(const std::string& xpath) {
    return xml["word/document.xml"].select_node(xpath.c_str()).node();
  }

  // The relationship target of `id` in document.xml.rels.
  pugi::xml_node rel(const std::string& id) {
    return xml["word/_rels/document.xml.rels"].select_node(("//Relationship[@Id='" + id + "']").c_str()).node();
  }

  std::map<std::string, std::string> parts;
  std::map<std::string, pugi::xml_document> xml;
};

TEST_F(Docx, HasThePartsWordNeedsEachDeclared) {
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                           "word/settings.xml", "word/numbering.xml", "word/footer1.xml",
                           "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml",
                           "word/media/chart1.png"})
    EXPECT_TRUE(parts.count(name)) << name;
  pugi::xml_document types;
  ASSERT_TRUE(types.load_string(parts["[Content_Types].xml"].c_str()));
  for (const char* name : {"/word/document.xml", "/word/styles.xml", "/word/settings.xml", "/word/numbering.xml",
                           "/word/footer1.xml", "/docProps/core.xml", "/docProps/app.xml"})
    EXPECT_TRUE(types.select_node((std::string("//Override[@PartName='") + name + "']").c_str())) << name;
  EXPECT_TRUE(types.select_node("//Default[@Extension='png'][@ContentType='image/png']"));
  EXPECT_EQ(parts["word/media/chart1.png"], kPixelPng);
  pugi::xml_document pkg;
  ASSERT_TRUE(pkg.load_string(parts["_rels/.rels"].c_str()));
  EXPECT_TRUE(pkg.select_node("//Relationship[@Target='word/document.xml']"));
  EXPECT_STREQ(xml["docProps/core.xml"].select_node("//dc:title").node().child_value(), "Toimintakertomus 2024");
}

TEST_F(Docx, SectionsAreHeadingsWithOutlineLevels) {
  EXPECT_EQ(styled("Heading1"), std::vector<std::string>{"Keskushallinto"});
  // The narrative's heading sits one level below its section; section 2 is a subsection.
  EXPECT_EQ(styled("Heading2"), (std::vector<std::string>{"Toiminnan kuvaus", "Henkilöstö ja näkymät"}));
  auto& styles = xml["word/styles.xml"];
  for (int level = 1; level <= 3; ++level) {
    std::string path = "//w:style[@w:styleId='Heading" + std::to_string(level) + "']/w:pPr/w:outlineLvl/@w:val";
    EXPECT_EQ(styles.select_node(path.c_str()).attribute().as_int(-1), level - 1) << level;
  }
  for (const char* id : {"Normal", "Title", "Caption", "TOCHeading", "FigureTable"})
    EXPECT_TRUE(styles.select_node((std::string("//w:style[@w:styleId='") + id + "']").c_str())) << id;
  EXPECT_STREQ(styles.select_node("//w:style[@w:styleId='FigureTable']/@w:type").attribute().value(), "table");
  EXPECT_EQ(styled("Title"), std::vector<std::string>{"Toimintakertomus 2024"});
  EXPECT_EQ(styled("Subtitle"), std::vector<std::string>{"Loviisan kaupunki – Keskushallinto"});
}

TEST_F(Docx, TableOfContentsIsAFieldUnderItsHeading) {
  EXPECT_EQ(styled("TOCHeading"), std::vector<std::string>{"Sisällys"});
  // begin, instruction, separate, end, in this order in the body.
  std::vector<std::string> seq;
  for (auto r : xml["word/document.xml"].select_nodes("//w:r[w:fldChar or w:instrText]")) {
    pugi::xml_node n = r.node();
    seq.push_back(n.child("w:fldChar") ? n.child("w:fldChar").attribute("w:fldCharType").value()
                                       : n.child("w:instrText").child_value());
  }
  EXPECT_EQ(seq, (std::vector<std::string>{"begin", R"( TOC \o "1-3" \h \z \u )", "separate", "end"}));
  EXPECT_STREQ(xml["word/settings.xml"].select_node("//w:updateFields/@w:val").attribute().value(), "true");
  // Until Word updates it, the field's text links to each heading's bookmark.
  EXPECT_EQ(styled("TOC1"), std::vector<std::string>{"Keskushallinto"});
  EXPECT_EQ(styled("TOC2"), (std::vector<std::string>{"Toiminnan kuvaus", "Henkilöstö ja näkymät"}));
  for (auto link : xml["word/document.xml"].select_nodes("//w:hyperlink[@w:anchor]")) {
    std::string anchor = link.node().attribute("w:anchor").value();
    pugi::xml_node target = doc_node("//w:p[w:bookmarkStart/@w:name='" + anchor + "']");
    EXPECT_EQ(text_of(target), text_of(link.node())) << anchor;
    EXPECT_TRUE(std::string(target.select_node("w:pPr/w:pStyle/@w:val").attribute().value()).starts_with("Heading"));
  }
  EXPECT_TRUE(doc_node("//w:p[w:bookmarkStart/@w:name='s1']"));  // a section's id names its bookmark
}

TEST_F(Docx, GridIsATableWithRepeatingHeaderAndFormattedNumbers) {
  auto& d = xml["word/document.xml"];
  ASSERT_EQ(d.select_nodes("//w:tbl").size(), 1u);
  pugi::xml_node tbl = doc_node("//w:tbl");
  // Caption before, note after.
  EXPECT_STREQ(tbl.previous_sibling().select_node("w:pPr/w:pStyle/@w:val").attribute().value(), "Caption");
  EXPECT_EQ(text_of(tbl.previous_sibling()), "Käyttötalous 2024");
  EXPECT_EQ(text_of(tbl.next_sibling()), "Sitova taso: toimintakate");

  auto rows = tbl.select_nodes("w:tr");
  ASSERT_EQ(rows.size(), 6u);  // header + 5
  EXPECT_TRUE(rows[0].node().select_node("w:trPr/w:tblHeader"));
  EXPECT_FALSE(rows[1].node().select_node("w:trPr/w:tblHeader"));
  auto cells = [&](std::size_t r) {
    std::vector<std::string> out;
    for (auto c : rows[r].node().select_nodes("w:tc")) out.push_back(text_of(c.node()));
    return out;
  };
  EXPECT_EQ(cells(0), (std::vector<std::string>{"", "TA 2024", "TP 2024", "Toteuma-%"}));
  EXPECT_EQ(cells(2), (std::vector<std::string>{"Toimintakulut", "-2" + kNbsp + "000" + kNbsp + "000",
                                                "-1" + kNbsp + "935" + kNbsp + "039", "96,8" + kNbsp + "%"}));
  EXPECT_EQ(cells(4), (std::vector<std::string>{"Toimintakate", "-1" + kNbsp + "880" + kNbsp + "000",
                                                "-1" + kNbsp + "851" + kNbsp + "399", "98,5" + kNbsp + "%"}));
  EXPECT_EQ(cells(5), std::vector<std::string>{"Luvut euroina"});

  auto cell = [&](std::size_t r, std::size_t c) { return rows[r].node().select_nodes("w:tc")[c].node(); };
  EXPECT_FALSE(cell(2, 0).select_node(".//w:jc"));  // label left
  EXPECT_STREQ(cell(2, 2).select_node(".//w:jc/@w:val").attribute().value(), "right");
  EXPECT_FALSE(cell(2, 0).select_node(".//w:ind"));
  EXPECT_GT(cell(3, 0).select_node(".//w:ind/@w:left").attribute().as_int(), 0);  // level 1
  EXPECT_FALSE(cell(2, 2).select_node(".//w:rPr/w:b"));
  EXPECT_TRUE(cell(4, 0).select_node(".//w:rPr/w:b"));  // total
  EXPECT_TRUE(cell(4, 2).select_node(".//w:rPr/w:b"));
  EXPECT_TRUE(cell(5, 0).select_node(".//w:rPr/w:i"));  // note row, across the table
  EXPECT_EQ(cell(5, 0).select_node("w:tcPr/w:gridSpan/@w:val").attribute().as_int(), 4);
  EXPECT_EQ(tbl.select_nodes("w:tblGrid/w:gridCol").size(), 4u);
}

TEST_F(Docx, TextIsEscapedAndRoundTrips) {
  auto& raw = parts["word/document.xml"];
  EXPECT_NE(raw.find("merkit &lt;b&gt;&amp;\" säilyvät"), std::string::npos);
  pugi::xml_node run = doc_node("//w:r[w:rPr/w:i][w:t]");
  EXPECT_EQ(text_of(run), kMarkup);
  EXPECT_STREQ(run.child("w:t").attribute("xml:space").value(), "preserve");
  auto body = texts("//w:body/w:p[not(w:pPr/w:pStyle)]");
  EXPECT_NE(std::find(body.begin(), body.end(),
                      "Käyttötalous alittui selvästi; " + kMarkup + ". Lisätietoja: loviisa.fi."),
            body.end());
  EXPECT_EQ(text_of(doc_node("//w:r[w:rPr/w:b][w:t='alittui']")), "alittui");
}

TEST_F(Docx, WideTableFitsThePageWithoutBreakingFigures) {
  doc::Document d = sample();
  doc::Grid g;
  g.headings = {"", "TA 2024", "TA-muutokset", "TA 2024 muutosten jälkeen", "TP 2024", "Poikkeama", "Toteuma-%",
                "TP 2023"};
  for (int i = 0; i < 3; ++i)
    g.rows.push_back(row({text("Toimintakulut"), euros(-1200000000), euros(-1200000000), euros(-1200000000),
                          euros(-1200000000), euros(-1200000000), percent(1000), euros(-1200000000)}));
  d.sections[1].blocks = {g};
  load(render_docx(d));
  pugi::xml_node tbl = doc_node("(//w:tbl)[2]");
  int total = 0;
  for (auto c : tbl.select_nodes("w:tblGrid/w:gridCol")) total += c.node().attribute("w:w").as_int();
  EXPECT_EQ(total, 11906 - 2 * 1134);  // the text width: A4 less two 2 cm margins, in twips
  // "-12 000 000" in Arial: 8 digits of 0.556 em, a hyphen of 0.333 em, two spaces of 0.278 em.
  int half_points = tbl.select_node(".//w:tr[2]//w:sz/@w:val").attribute().as_int(18);
  EXPECT_GE(half_points, 14);  // no smaller than 7 pt
  const int figure = (8 * 556 + 333 + 2 * 278) * half_points / 100;  // twips
  auto cells = tbl.select_nodes("w:tr[2]/w:tc");
  ASSERT_EQ(cells.size(), 8u);
  EXPECT_EQ(text_of(cells[1].node()), "-12" + kNbsp + "000" + kNbsp + "000");
  for (std::size_t i = 1; i < 8; ++i)
    EXPECT_GE(cells[i].node().select_node("w:tcPr/w:tcW/@w:w").attribute().as_int() - 2 * 85, figure) << i;
}

TEST_F(Docx, AdjacentTablesStayApartAndEmptyOnesAreLeftOut) {
  doc::Document d = sample();
  doc::Grid a, empty;
  a.rows.push_back(row({text("A"), euros(100)}));
  empty.note = "Ei tietoja";
  d.sections[1].blocks = {a, a, empty};
  load(render_docx(d));
  ASSERT_EQ(xml["word/document.xml"].select_nodes("//w:tbl").size(), 3u);  // the sample's own and two
  pugi::xml_node second = doc_node("(//w:tbl)[3]");
  EXPECT_STREQ(second.previous_sibling().name(), "w:p");
  EXPECT_EQ(text_of(second.next_sibling()), "Ei tietoja");
  // Only the row: no header row, and "1" (100 cents) right-aligned.
  EXPECT_EQ(second.select_nodes("w:tr").size(), 1u);
  EXPECT_EQ(text_of(second.select_node("w:tr/w:tc[2]").node()), "1");
}

TEST_F(Docx, HyperlinkIsAnExternalRelationship) {
  pugi::xml_node link = doc_node("//w:hyperlink[@r:id]");
  EXPECT_EQ(text_of(link), "loviisa.fi");
  pugi::xml_node r = rel(link.attribute("r:id").value());
  EXPECT_STREQ(r.attribute("Target").value(), kLink.c_str());
  EXPECT_STREQ(r.attribute("TargetMode").value(), "External");
  EXPECT_TRUE(std::string(r.attribute("Type").value()).ends_with("/hyperlink"));
}

TEST_F(Docx, ListsUseNumberingDefinitions) {
  auto items = xml["word/document.xml"].select_nodes("//w:p[w:pPr/w:numPr]");
  ASSERT_EQ(items.size(), 4u);
  auto format = [&](std::size_t i) {
    std::string num = items[i].node().select_node("w:pPr/w:numPr/w:numId/@w:val").attribute().value();
    auto& n = xml["word/numbering.xml"];
    std::string abs = n.select_node(("//w:num[@w:numId='" + num + "']/w:abstractNumId/@w:val").c_str())
                          .attribute()
                          .value();
    return std::string(
        n.select_node(("//w:abstractNum[@w:abstractNumId='" + abs + "']/w:lvl[@w:ilvl='0']/w:numFmt/@w:val").c_str())
            .attribute()
            .value());
  };
  EXPECT_EQ(text_of(items[0].node()), "Henkilöstökulut pienenivät");
  EXPECT_EQ(format(0), "bullet");
  EXPECT_EQ(format(1), "bullet");
  EXPECT_EQ(text_of(items[2].node()), "Ensimmäinen");
  EXPECT_EQ(format(2), "decimal");
  EXPECT_EQ(format(3), "decimal");
}

TEST_F(Docx, ChartIsAnInlinePictureWithTheAltText) {
  pugi::xml_node inl = doc_node("//w:drawing/wp:inline");
  ASSERT_TRUE(inl);
  EXPECT_EQ(inl.child("wp:docPr").attribute("descr").value(), kAlt);
  // 16 cm wide; a square picture is as high.
  EXPECT_EQ(inl.child("wp:extent").attribute("cx").as_llong(), 16 * 360000);
  EXPECT_EQ(inl.child("wp:extent").attribute("cy").as_llong(), 16 * 360000);
  std::string embed = inl.select_node(".//a:blip/@r:embed").attribute().value();
  EXPECT_STREQ(rel(embed).attribute("Target").value(), "media/chart1.png");
  // Its title as a caption before it, and nothing after it in the section.
  pugi::xml_node p = inl.parent().parent().parent();
  EXPECT_EQ(text_of(p.previous_sibling()), "Toimintakulut 2020–2024");
  EXPECT_STREQ(p.next_sibling().name(), "w:sectPr");
  EXPECT_EQ(parts["word/document.xml"].find("miljoonaan euroon vuosina 2020–2024.</w:t>"), std::string::npos);
}

TEST_F(Docx, ChartSizeKeepsThePicturesAspectRatio) {
  std::string wide = kPixelPng;
  wide[19] = 4;  // IHDR width 4, height 1
  load(render_docx(sample(), [&](const doc::Chart&) { return wide; }));
  pugi::xml_node ext = doc_node("//wp:inline/wp:extent");
  EXPECT_EQ(ext.attribute("cx").as_llong(), 5760000);
  EXPECT_EQ(ext.attribute("cy").as_llong(), 1440000);
}

TEST_F(Docx, ChartWithoutPictureIsItsAltText) {
  load(render_docx(sample()));
  EXPECT_FALSE(doc_node("//w:drawing"));
  EXPECT_FALSE(parts.count("word/media/chart1.png"));
  auto body = texts("//w:body/w:p");
  EXPECT_NE(std::find(body.begin(), body.end(), kAlt), body.end());
}

TEST_F(Docx, NoticeIsAVisibleParagraph) {
  EXPECT_EQ(styled("Notice"), std::vector<std::string>{"Ruotsinkielinen teksti puuttuu."});
  pugi::xml_node style = xml["word/styles.xml"].select_node("//w:style[@w:styleId='Notice']").node();
  EXPECT_TRUE(style.select_node("w:rPr/w:b"));
  EXPECT_STRNE(style.select_node("w:pPr/w:shd/@w:fill").attribute().value(), "");
}

TEST_F(Docx, PageIsA4WithThePageNumberInTheFooter) {
  pugi::xml_node sect = doc_node("/w:document/w:body/w:sectPr");
  EXPECT_EQ(sect.child("w:pgSz").attribute("w:w").as_int(), 11906);
  EXPECT_EQ(sect.child("w:pgSz").attribute("w:h").as_int(), 16838);
  pugi::xml_node footer_ref = sect.child("w:footerReference");
  EXPECT_STREQ(rel(footer_ref.attribute("r:id").value()).attribute("Target").value(), "footer1.xml");
  EXPECT_STREQ(xml["word/footer1.xml"].select_node("//w:fldSimple/@w:instr").attribute().value(), " PAGE ");
}

TEST_F(Docx, LanguageFollowsTheDocument) {
  const char* lang = "//w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val";
  EXPECT_STREQ(xml["word/styles.xml"].select_node(lang).attribute().value(), "fi-FI");
  EXPECT_STREQ(xml["docProps/core.xml"].select_node("//dc:language").node().child_value(), "fi-FI");
  load(render_docx(sample(Lang::sv), pixel()));
  EXPECT_STREQ(xml["word/styles.xml"].select_node(lang).attribute().value(), "sv-SE");
  EXPECT_STREQ(xml["docProps/core.xml"].select_node("//dc:language").node().child_value(), "sv-SE");
}

TEST_F(Docx, DocumentWithoutSectionsHasAPlaceholderContents) {
  doc::Document d;
  d.lang = Lang::sv;
  d.title = std::string("Bokslut\x01 2024");  // a control character XML cannot hold is dropped
  d.toc_heading = "Innehåll";
  load(render_docx(d));
  EXPECT_EQ(styled("Title"), std::vector<std::string>{"Bokslut 2024"});
  EXPECT_EQ(styled("TOCHeading"), std::vector<std::string>{"Innehåll"});
  EXPECT_EQ(texts("//w:body/w:p[w:r/w:instrText]"),
            std::vector<std::string>{"Innehållsförteckningen skapas när fälten uppdateras (F9)."});
  EXPECT_STREQ(xml["docProps/core.xml"].select_node("//dc:title").node().child_value(), "Bokslut 2024");
}

TEST_F(Docx, SameDocumentGivesSameBytes) {
  EXPECT_EQ(render_docx(sample(), pixel()), render_docx(sample(), pixel()));
}

// LibreOffice opens the file and prints it: the headings and figures come out as text.
std::string on_path(const std::vector<std::string>& names) {
  for (const auto& n : names)
    if (std::system(("command -v " + n + " > /dev/null 2>&1").c_str()) == 0) return n;
  return "";
}

TEST(DocxOffice, LibreOfficePrintsTheDocument) {
  std::string office = on_path({"libreoffice", "soffice"});
  if (office.empty() || on_path({"pdftotext"}).empty()) GTEST_SKIP() << "needs libreoffice and pdftotext";
  TempDir dir;
  fs::path docx = dir.path() / "kertomus.docx";
  testing::spit(docx, render_docx(sample(), pixel()));
  std::string cmd = "cd '" + dir.path().string() + "' && " + office +
                    " --headless --norestore -env:UserInstallation=file://" + (dir.path() / "profile").string() +
                    " --convert-to pdf --outdir . kertomus.docx > office.log 2>&1";
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << testing::slurp(dir.path() / "office.log");
  ASSERT_TRUE(fs::exists(dir.path() / "kertomus.pdf")) << testing::slurp(dir.path() / "office.log");
  ASSERT_EQ(std::system(("pdftotext -enc UTF-8 '" + (dir.path() / "kertomus.pdf").string() + "'").c_str()), 0);
  // PDF text extraction gives the non-breaking spaces of numbers back as plain spaces.
  std::string pdf_text = testing::slurp(dir.path() / "kertomus.txt");
  for (const std::string& s : std::vector<std::string>{"Toimintakertomus 2024", "Sisällys", "Keskushallinto", "Toiminnan kuvaus",
                               "Henkilöstö ja näkymät", "Käyttötalous 2024", "Ruotsinkielinen teksti puuttuu.",
                               "-1 935 039", "69,7 %", kMarkup})
    EXPECT_NE(pdf_text.find(s), std::string::npos) << s << "\n--- pdftotext:\n" << pdf_text;
  // For looking at the pages: TOTEUMA_ARTIFACTS=dir keeps the files.
  if (const char* keep = std::getenv("TOTEUMA_ARTIFACTS")) {
    fs::create_directories(keep);
    for (const char* f : {"kertomus.docx", "kertomus.pdf"})
      fs::copy_file(dir.path() / f, fs::path(keep) / f, fs::copy_options::overwrite_existing);
  }
}

}  // namespace
}  // namespace toteuma
