// Styles use Word's built-in names ("heading 1", "caption", "toc 1", ...) so that Word's and
// LibreOffice's navigation, table of contents and caption features recognise them.
#include "render/docx_parts.h"

namespace toteuma::docx {

namespace {

const std::string kDecl = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)";
const std::string kHeadingColor = "1F3B5A";

std::string ns() { return std::string(R"( xmlns:w=")") + kWNs + R"(")"; }

std::string paragraph_style(const std::string& id, const std::string& name, const std::string& extra,
                            const std::string& ppr, const std::string& rpr) {
  return R"(<w:style w:type="paragraph" w:styleId=")" + id + R"("><w:name w:val=")" + name + R"("/>)" + extra +
         (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") +
         "</w:style>";
}

std::string heading(int level, int before, int after, int size) {
  std::string n = std::to_string(level), sz = std::to_string(size);
  return paragraph_style(
      "Heading" + n, "heading " + n,
      R"(<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>)",
      R"(<w:keepNext/><w:keepLines/><w:spacing w:before=")" + std::to_string(before) + R"(" w:after=")" +
          std::to_string(after) + R"("/><w:outlineLvl w:val=")" + std::to_string(level - 1) + R"("/>)",
      R"(<w:b/><w:bCs/><w:color w:val=")" + kHeadingColor + R"("/><w:sz w:val=")" + sz + R"("/><w:szCs w:val=")" +
          sz + R"("/>)");
}

std::string toc(int level) {
  std::string n = std::to_string(level);
  return paragraph_style(
      "TOC" + n, "toc " + n,
      R"(<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>)",
      R"(<w:tabs><w:tab w:val="right" w:leader="dot" w:pos=")" + std::to_string(kTextWidth) +
          R"("/></w:tabs><w:spacing w:after="60"/><w:ind w:left=")" + std::to_string(240 * (level - 1)) + R"("/>)",
      "");
}

}  // namespace

const char* language_tag(Lang l) { return l == Lang::fi ? "fi-FI" : "sv-SE"; }

std::string content_types_xml(bool has_png) {
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  auto part = [](const std::string& name, const std::string& type) {
    return R"(<Override PartName=")" + name + R"(" ContentType=")" + type + R"("/>)";
  };
  return kDecl + R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)" +
         R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)" +
         R"(<Default Extension="xml" ContentType="application/xml"/>)" +
         (has_png ? R"(<Default Extension="png" ContentType="image/png"/>)" : "") +
         part("/word/document.xml", wml + "document.main+xml") + part("/word/styles.xml", wml + "styles+xml") +
         part("/word/settings.xml", wml + "settings+xml") + part("/word/numbering.xml", wml + "numbering+xml") +
         part("/word/footer1.xml", wml + "footer+xml") +
         part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
         part("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml") +
         "</Types>";
}

std::string package_rels_xml() {
  return kDecl + R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
         R"(<Relationship Id="rId1" Type=")" + kRelNs + R"(/officeDocument" Target="word/document.xml"/>)" +
         R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/)" +
         R"(metadata/core-properties" Target="docProps/core.xml"/>)" + R"(<Relationship Id="rId3" Type=")" +
         kRelNs + R"(/extended-properties" Target="docProps/app.xml"/>)" + "</Relationships>";
}

std::string app_xml() {
  return kDecl +
         R"(<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">)" +
         "<Application>Toteuma</Application></Properties>";
}

std::string styles_xml(Lang l) {
  const std::string lang = language_tag(l);
  const std::string text_width = std::to_string(kTextWidth);
  const std::string based = R"(<w:basedOn w:val="Normal"/>)";
  const std::string based_next = based + R"(<w:next w:val="Normal"/>)";
  std::string s = kDecl + "<w:styles" + ns() + ">";
  s += R"(<w:docDefaults><w:rPrDefault><w:rPr>)"
       R"(<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>)"
       R"(<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val=")" +
       lang + R"("/></w:rPr></w:rPrDefault>)"
              R"(<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>)"
              R"(</w:pPrDefault></w:docDefaults>)";
  // The defaults Word expects every document to have.
  s += R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>)"
       R"(</w:style>)"
       R"(<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">)"
       R"(<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>)"
       R"(</w:style>)"
       R"(<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>)"
       R"(<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>)"
       R"(<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>)"
       R"(<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>)"
       R"(<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>)"
       R"(<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>)";
  // Title page.
  s += paragraph_style("Title", "Title", based_next + R"(<w:uiPriority w:val="10"/><w:qFormat/>)",
                       R"(<w:spacing w:before="3400" w:after="240" w:line="240" w:lineRule="auto"/>)",
                       R"(<w:b/><w:bCs/><w:color w:val=")" + kHeadingColor +
                           R"("/><w:kern w:val="28"/><w:sz w:val="56"/><w:szCs w:val="56"/>)");
  s += paragraph_style("Subtitle", "Subtitle", based_next + R"(<w:uiPriority w:val="11"/><w:qFormat/>)",
                       R"(<w:spacing w:after="240"/>)",
                       R"(<w:color w:val="404040"/><w:sz w:val="32"/><w:szCs w:val="32"/>)");
  s += paragraph_style("TitleInfo", "Title Info", based_next, R"(<w:spacing w:before="720"/>)",
                       R"(<w:color w:val="595959"/>)");
  s += heading(1, 480, 160, 32) + heading(2, 360, 120, 26) + heading(3, 240, 80, 22);
  // Outline level 9 (body text) keeps the contents' own heading out of the contents.
  s += paragraph_style("TOCHeading", "TOC Heading",
                       R"(<w:basedOn w:val="Heading1"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>)"
                       R"(<w:unhideWhenUsed/><w:qFormat/>)",
                       R"(<w:spacing w:before="0"/><w:outlineLvl w:val="9"/>)", "");
  s += toc(1) + toc(2) + toc(3);
  s += paragraph_style("Caption", "caption",
                       based_next + R"(<w:uiPriority w:val="35"/><w:unhideWhenUsed/><w:qFormat/>)",
                       R"(<w:keepNext/><w:spacing w:before="240" w:after="80"/>)",
                       R"(<w:b/><w:bCs/><w:color w:val=")" + kHeadingColor +
                           R"("/><w:sz w:val="20"/><w:szCs w:val="20"/>)");
  s += paragraph_style("Figure", "Figure", based_next, R"(<w:keepLines/><w:spacing w:after="240"/>)",
                       "");
  s += paragraph_style("TableText", "Table Text", based + R"(<w:qFormat/>)",
                       R"(<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>)",
                       R"(<w:sz w:val="18"/><w:szCs w:val="18"/>)");
  s += paragraph_style("TableNote", "Table Note", based_next, R"(<w:spacing w:before="60" w:after="240"/>)",
                       R"(<w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/>)");
  s += paragraph_style("ListParagraph", "List Paragraph", based + R"(<w:uiPriority w:val="34"/><w:qFormat/>)",
                       R"(<w:spacing w:after="120"/><w:ind w:left="720"/><w:contextualSpacing/>)", "");
  // A marked gap (e.g. a missing translation) must stand out on paper too: framed and shaded.
  const std::string rule = R"( w:val="single" w:sz="6" w:space="4" w:color="C55A11"/>)";
  s += paragraph_style("Notice", "Notice", based_next + R"(<w:qFormat/>)",
                       "<w:keepLines/><w:pBdr><w:top" + rule + "<w:left" + rule + "<w:bottom" + rule + "<w:right" +
                           rule + R"(</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/>)" +
                           R"(<w:spacing w:before="160" w:after="240"/><w:ind w:left="113" w:right="113"/>)",
                       R"(<w:b/><w:bCs/>)");
  s += paragraph_style("Footer", "footer", based + R"(<w:uiPriority w:val="99"/><w:unhideWhenUsed/>)",
                       R"(<w:tabs><w:tab w:val="right" w:pos=")" + text_width +
                           R"("/></w:tabs><w:spacing w:after="0"/>)",
                       R"(<w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/>)");
  s += R"(<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>)"
       R"(<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>)"
       R"(<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>)";
  // Figure tables: rules above and below the table and light lines between rows, no verticals.
  s += R"(<w:style w:type="table" w:styleId="FigureTable"><w:name w:val="Figure Table"/>)"
       R"(<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:tblPr><w:tblBorders>)"
       R"(<w:top w:val="single" w:sz="8" w:space="0" w:color=")" +
       std::string(kRuleColor) + R"("/><w:bottom w:val="single" w:sz="8" w:space="0" w:color=")" + kRuleColor +
       R"("/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="D9D9D9"/></w:tblBorders>)"
       R"(<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>)"
       R"(<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>)";
  return s + "</w:styles>";
}

std::string settings_xml(Lang l) {
  return kDecl + "<w:settings" + ns() + ">" +
         R"(<w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>)"
         R"(<w:characterSpacingControl w:val="doNotCompress"/>)"
         // Word fills the table of contents (and page fields) when the document is opened.
         R"(<w:updateFields w:val="true"/>)"
         R"(<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word")"
         R"( w:val="15"/></w:compat>)"
         R"(<w:themeFontLang w:val=")" +
         language_tag(l) + R"("/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>)";
}

std::string numbering_xml(int numbered_lists) {
  auto levels = [](bool bullet) {
    static const char* kBullets[] = {"\u2022", "\u25E6", "\u25AA"};
    static const char* kFormats[] = {"decimal", "lowerLetter", "lowerRoman"};
    std::string s;
    for (int i = 0; i < 9; ++i) {
      std::string n = std::to_string(i + 1);
      s += R"(<w:lvl w:ilvl=")" + std::to_string(i) + R"("><w:start w:val="1"/><w:numFmt w:val=")" +
           (bullet ? "bullet" : kFormats[i % 3]) + R"("/><w:lvlText w:val=")" +
           (bullet ? kBullets[i % 3] : (i % 3 == 1 ? "%" + n + ")" : "%" + n + ".")) +
           R"("/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left=")" + std::to_string(397 * (i + 1)) +
           R"(" w:hanging="397"/></w:pPr></w:lvl>)";
    }
    return s;
  };
  std::string s = kDecl + "<w:numbering" + ns() + ">";
  s += R"(<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>)" + levels(true) +
       "</w:abstractNum>";
  s += R"(<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>)" + levels(false) +
       "</w:abstractNum>";
  s += R"(<w:num w:numId=")" + std::to_string(kBulletNumId) + R"("><w:abstractNumId w:val="0"/></w:num>)";
  for (int i = 0; i < numbered_lists; ++i)
    s += R"(<w:num w:numId=")" + std::to_string(kFirstNumberedNumId + i) +
         R"("><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>)"
         R"(</w:lvlOverride></w:num>)";
  return s + "</w:numbering>";
}

}  // namespace toteuma::docx
