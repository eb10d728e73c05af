// The fixed parts of a .docx and the numbers render/docx.cpp shares with them: content types,
// package relationships, styles, settings, numbering definitions. Internal to render/docx.
#pragma once
#include <string>

#include "core/lang.h"

namespace toteuma::docx {

constexpr const char* kWNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A4 in twips (1/20 pt): 2 cm side margins leave a 17 cm text width.
constexpr int kPageWidth = 11906;
constexpr int kPageHeight = 16838;
constexpr int kMarginSide = 1134;
constexpr int kMarginTopBottom = 1418;
constexpr int kTextWidth = kPageWidth - 2 * kMarginSide;

// word/_rels/document.xml.rels: rId1..rId4 are styles, settings, numbering and the footer;
// links and pictures are numbered after them.
constexpr const char* kFooterRelId = "rId4";
constexpr int kFirstFreeRelId = 5;

// numbering.xml: numId 1 is the bullet list; each numbered list has its own numId from 2 on,
// so that each counts from 1.
constexpr int kBulletNumId = 1;
constexpr int kFirstNumberedNumId = 2;

// Table rules and the header row's shading.
constexpr const char* kRuleColor = "404040";
constexpr const char* kHeaderFill = "F2F2F2";

// "fi-FI" / "sv-SE": spelling, hyphenation and the document's language for screen readers.
const char* language_tag(Lang l);

std::string content_types_xml(bool has_png);
std::string package_rels_xml();
std::string app_xml();
std::string styles_xml(Lang l);
std::string settings_xml(Lang l);
std::string numbering_xml(int numbered_lists);

}  // namespace toteuma::docx
