// The .docx package: document.xml is built with pugixml (it holds the document's text, which
// pugixml escapes); the fixed parts (styles, settings, numbering) are in docx_parts.cpp.
// Element order inside *Pr elements follows the ECMA-376 schema: Word reports a file as
// corrupt when it does not, even where LibreOffice accepts it.
#include "render/docx.h"

#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "render/docx_parts.h"

namespace toteuma {

namespace {

using pugi::xml_node;
using namespace docx;

constexpr const char* kPackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kPictureNs = "http://schemas.openxmlformats.org/drawingml/2006/picture";
constexpr std::int64_t kEmuPerCm = 360000;
// Charts are as wide as 16 cm of the 17 cm text width, and at most 20 cm high.
constexpr std::int64_t kChartWidth = 16 * kEmuPerCm;
constexpr std::int64_t kChartMaxHeight = 20 * kEmuPerCm;
constexpr int kIndentStep = 284;  // twips (0.5 cm) per level of a table row label

// Headings of outline levels 1–3 (\o), as links (\h), without page numbers in web view (\z),
// keeping outline levels set on paragraphs (\u).
constexpr const char* kTocField = R"( TOC \o "1-3" \h \z \u )";
// The contents' text when the document has no headings (Word replaces it when it updates fields).
const Text kTocPlaceholder{"Sisällysluettelo muodostuu, kun kentät päivitetään (F9).",
                           "Innehållsförteckningen skapas när fälten uppdateras (F9)."};

// XML 1.0 cannot hold most control characters, not even escaped: drop them.
std::string xml_clean(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n') continue;
    // U+FFFE and U+FFFF (EF BF BE/BF) are not XML characters either.
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

// A child element with attributes: add(p, "w:jc", {{"w:val", "right"}}).
xml_node add(xml_node parent, const char* name,
             std::initializer_list<std::pair<const char*, std::string>> attrs = {}) {
  xml_node n = parent.append_child(name);
  for (const auto& [k, v] : attrs) n.append_attribute(k).set_value(v.c_str());
  return n;
}

xml_node val(xml_node parent, const char* name, const std::string& v) { return add(parent, name, {{"w:val", v}}); }

// Text of a run: Word has no line break or tab character inside w:t, they are elements.
void add_text(xml_node run, const std::string& text) {
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    xml_node t = add(run, "w:t", {{"xml:space", "preserve"}});
    t.text().set(cur.c_str());
    cur.clear();
  };
  for (char c : xml_clean(text)) {
    if (c == '\n') {
      flush();
      add(run, "w:br");
    } else if (c == '\t') {
      flush();
      add(run, "w:tab");
    } else {
      cur += c;
    }
  }
  flush();
}

struct RunStyle {
  bool bold = false;
  bool italic = false;
  const char* char_style = nullptr;
  int size = 0;  // half-points, 0 = the style's
};

void add_run(xml_node parent, const std::string& text, RunStyle s = {}) {
  if (text.empty()) return;
  xml_node r = add(parent, "w:r");
  if (s.bold || s.italic || s.char_style || s.size) {
    xml_node rpr = add(r, "w:rPr");
    if (s.char_style) val(rpr, "w:rStyle", s.char_style);
    if (s.bold) add(rpr, "w:b");
    if (s.italic) add(rpr, "w:i");
    if (s.size) {
      val(rpr, "w:sz", std::to_string(s.size));
      val(rpr, "w:szCs", std::to_string(s.size));
    }
  }
  add_text(r, text);
}

// Width and height of a PNG from its IHDR chunk; nothing when the bytes are not a PNG.
std::optional<std::pair<std::uint32_t, std::uint32_t>> png_size(const std::string& png) {
  static const std::string kSignature = "\x89PNG\r\n\x1a\n";
  if (png.size() < 24 || png.compare(0, 8, kSignature) != 0 || png.compare(12, 4, "IHDR") != 0) return {};
  auto be32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
    return v;
  };
  std::uint32_t w = be32(16), h = be32(20);
  if (w == 0 || h == 0) return {};
  return std::make_pair(w, h);
}

// A section's id as a bookmark name if Word accepts it: a letter first, then letters, digits
// and '_', at most 40 characters. "" when it does not.
std::string bookmark_name(const std::string& id) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (id.empty() || id.size() > 40 || !letter(id[0])) return "";
  for (char c : id)
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '_') return "";
  return id;
}

// An external URL as a relationship target: Word refuses targets with spaces or raw non-ASCII.
std::string uri_encode(const std::string& url) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : xml_clean(url)) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
        c == '{' || c == '|' || c == '}') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

std::string to_xml(const pugi::xml_document& x) {
  std::ostringstream s;
  x.save(s, "", pugi::format_raw, pugi::encoding_utf8);
  return s.str();
}

pugi::xml_document new_part(xml_node& root, const char* name) {
  pugi::xml_document x;
  xml_node decl = x.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  root = x.append_child(name);
  return x;
}

// Width of text in Arial in thousandths of an em: close enough to size table columns.
int text_width(const std::string& s) {
  int w = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= '0' && c <= '9')
      w += 556;
    else if (c == '-')
      w += 333;
    else if (c == ' ' || c == ',' || c == '.' || (c == 0xC2 && i + 1 < s.size() && s[i + 1] == '\xA0'))
      w += 278;  // also the non-breaking space of "1 935 039"
    else if (c == '%')
      w += 889;
    else
      w += 640;  // letters, a little over the bold average
    i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  }
  return w;
}

int longest_word(const std::string& s) {
  int best = 0;
  for (std::size_t start = 0; start <= s.size();) {
    std::size_t end = std::min(s.find(' ', start), s.size());
    best = std::max(best, text_width(s.substr(start, end - start)));
    start = end + 1;
  }
  return best;
}

constexpr int kCellMargin = 85;  // twips left and right in a cell (the FigureTable style's)

// Column widths (twips) and type size (half-points) of a table. No figure may break: a number
// column is at least as wide as its widest figure. Words should not break either: the headings'
// longest words, and the labels' with their indent (the label column takes 22–33 % of the
// width). The largest of 9, 8 and 7 pt at which all that fits; else the largest at which the
// figures fit, the room left shared among the words in proportion to what they lack; past that,
// 7 pt with the number columns shrunk alike.
struct TableLayout {
  std::vector<int> widths;
  int size = 18;
};

TableLayout table_layout(const doc::Grid& g, const std::vector<std::vector<std::string>>& texts, std::size_t cols) {
  if (cols <= 1) return {{kTextWidth}, 18};
  bool any_number = false;
  for (const auto& row : g.rows)
    for (std::size_t i = 1; i < row.cells.size(); ++i) any_number = any_number || row.cells[i].number.has_value();
  if (!any_number) {
    // A table of text (goals, findings): each column by its longest word plus its average length,
    // so long texts get room and no word breaks mid-letter.
    std::vector<long> weight(cols, 1);
    for (std::size_t i = 0; i < cols; ++i) {
      long longest = i < g.headings.size() ? longest_word(g.headings[i]) : 0, total = 0, n = 0;
      for (std::size_t r = 0; r < texts.size(); ++r)
        if (i < texts[r].size() && !(g.rows[r].note && i == 0)) {
          longest = std::max<long>(longest, longest_word(texts[r][i]));
          total += text_width(texts[r][i]);
          ++n;
        }
      weight[i] = longest + (n ? total / n : 0) + 1;
    }
    long sum_w = std::accumulate(weight.begin(), weight.end(), 0L);
    std::vector<int> w(cols);
    for (std::size_t i = 0; i < cols; ++i) w[i] = static_cast<int>(weight[i] * kTextWidth / sum_w);
    w[0] += kTextWidth - std::accumulate(w.begin(), w.end(), 0);
    return {w, 16};
  }
  std::vector<int> figure(cols, 0), heading(cols, 0);  // thousandths of an em
  for (const auto& row : texts)
    for (std::size_t i = 1; i < row.size(); ++i) figure[i] = std::max(figure[i], text_width(row[i]));
  for (std::size_t i = 1; i < g.headings.size() && i < cols; ++i) heading[i] = longest_word(g.headings[i]);
  const int label_floor = kTextWidth * 22 / 100;
  const int label_cap = kTextWidth * 33 / 100;
  const int label_target = kTextWidth * (cols <= 3 ? 46 : cols <= 5 ? 36 : 28) / 100;
  // Twips for `em` thousandths of an em at `size` half-points, with the cell's margins and slack.
  auto twips = [](int em, int size) { return em * size / 100 + 2 * kCellMargin + 30; };
  auto sum = [](const std::vector<int>& v) { return std::accumulate(v.begin(), v.end(), 0); };
  struct Needs {
    std::vector<int> figures, words;  // per column; [0] is the label column
  };
  auto needs = [&](int size) {
    Needs n{std::vector<int>(cols, 0), std::vector<int>(cols, 0)};
    n.figures[0] = n.words[0] = label_floor;
    for (std::size_t r = 0; r < g.rows.size(); ++r)
      if (!texts[r].empty() && !(g.rows[r].note && texts[r].size() == 1))
        n.words[0] = std::max(n.words[0], twips(longest_word(texts[r][0]), size) +
                                              std::max(g.rows[r].level, 0) * kIndentStep);
    n.words[0] = std::min(n.words[0], label_cap);
    for (std::size_t i = 1; i < cols; ++i) {
      n.figures[i] = twips(figure[i], size);
      n.words[i] = std::max(n.figures[i], twips(heading[i], size));
      // A column of text (goals, findings) needs room for its longest word, or words break mid-letter.
      for (std::size_t r = 0; r < g.rows.size(); ++r)
        if (i < texts[r].size() && !g.rows[r].cells[i].number)
          n.words[i] = std::max(n.words[i], std::min(twips(longest_word(texts[r][i]), size), label_cap));
    }
    return n;
  };
  // Room left widens the label column up to its share, then every number column alike.
  auto finish = [&](std::vector<int> w, int size) {
    int room = kTextWidth - sum(w);
    int label_extra = std::clamp(label_target - w[0], 0, std::max(room, 0));
    w[0] += label_extra;
    room -= label_extra;
    for (std::size_t i = 1; i < cols; ++i) w[i] += std::max(room, 0) / static_cast<int>(cols - 1);
    w[0] = kTextWidth - (sum(w) - w[0]);
    return TableLayout{w, size};
  };

  for (int size : {18, 16, 14})
    if (Needs n = needs(size); sum(n.words) <= kTextWidth) return finish(n.words, size);
  for (int size : {18, 16, 14}) {
    Needs n = needs(size);
    int room = kTextWidth - sum(n.figures);
    if (room < 0) continue;
    int lack = sum(n.words) - sum(n.figures);  // > room, or the loop above had returned
    std::vector<int> w = n.figures;
    for (std::size_t i = 0; i < cols; ++i) w[i] += (n.words[i] - n.figures[i]) * room / lack;
    return finish(w, size);
  }
  Needs n = needs(14);
  std::vector<int> w = n.figures;
  int numbers = sum(w) - w[0];
  for (std::size_t i = 1; i < cols; ++i) w[i] = w[i] * (kTextWidth - w[0]) / numbers;
  return finish(w, 14);
}

struct Relationship {
  std::string id, type, target;
  bool external = false;
};

// Writes the body of word/document.xml and collects what it refers to (links, pictures,
// numbered lists), which the other parts then declare.
class BodyWriter {
 public:
  BodyWriter(const doc::Document& d, const ChartImage& png) : d_(d), png_(png) {}

  std::string document_xml() {
    xml_node root;
    pugi::xml_document x = new_part(root, "w:document");
    root.append_attribute("xmlns:w") = kWNs;
    root.append_attribute("xmlns:r") = kRelNs;
    root.append_attribute("xmlns:wp") = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    root.append_attribute("xmlns:a") = "http://schemas.openxmlformats.org/drawingml/2006/main";
    root.append_attribute("xmlns:pic") = kPictureNs;
    body_ = add(root, "w:body");
    collect_headings();
    title_page();
    table_of_contents();
    bool first = true;
    for (const auto& s : d_.sections) {
      section(s, first);
      first = false;
    }
    // A table may not end the body (Word then adds a paragraph and asks to save changes).
    if (std::string_view(body_.last_child().name()) == "w:tbl") add(body_, "w:p");
    section_properties();
    return to_xml(x);
  }

  const std::vector<Relationship>& relationships() const { return rels_; }
  const std::vector<std::pair<std::string, std::string>>& media() const { return media_; }
  int numbered_lists() const { return numbered_lists_; }

 private:
  xml_node paragraph(const char* style = nullptr) {
    xml_node p = add(body_, "w:p");
    if (style) val(add(p, "w:pPr"), "w:pStyle", style);
    return p;
  }

  std::string rel(const std::string& type, const std::string& target, bool external) {
    std::string id = "rId" + std::to_string(kFirstFreeRelId + static_cast<int>(rels_.size()));
    rels_.push_back({id, type, target, external});
    return id;
  }

  void title_page() {
    add_run(paragraph("Title"), d_.title);
    if (!d_.subtitle.empty()) add_run(paragraph("Subtitle"), d_.subtitle);
    if (!d_.generated.empty()) add_run(paragraph("TitleInfo"), d_.generated);
  }

  // Every heading of levels 1–3 in document order, with the bookmark its TOC entry points to.
  void collect_headings() {
    std::set<std::string> used;
    for (const auto& s : d_.sections) {
      int level = std::clamp(s.level, 1, 3);
      std::string name = bookmark_name(s.id);
      // Hidden bookmarks (a leading '_', as Word's own "_Toc") where the id will not do.
      if (name.empty() || !used.insert(name).second) name = "_Toc" + std::to_string(headings_.size() + 1);
      headings_.push_back({{doc::Run{s.heading, false, false, ""}}, level, name});
      for (const auto& b : s.blocks)
        if (const auto* p = std::get_if<doc::Paragraph>(&b); p && p->kind == doc::Paragraph::Kind::heading)
          headings_.push_back(
              {p->runs, std::min(level + std::max(p->level, 1), 3), "_Toc" + std::to_string(headings_.size() + 1)});
    }
  }

  // The start of a field up to its result; dirty asks Word to update it when opening the file.
  static void begin_field(xml_node parent, const char* instruction) {
    add(add(parent, "w:r"), "w:fldChar", {{"w:fldCharType", "begin"}, {"w:dirty", "true"}});
    add(add(parent, "w:r"), "w:instrText", {{"xml:space", "preserve"}}).text().set(instruction);
    add(add(parent, "w:r"), "w:fldChar", {{"w:fldCharType", "separate"}});
  }

  static void end_field(xml_node p) { add(add(p, "w:r"), "w:fldChar", {{"w:fldCharType", "end"}}); }

  // A TOC field. Word fills it on open (settings.xml asks it to update fields). Its text until
  // then, and in LibreOffice (which shows a TOC field's text as it is), links to the headings:
  // page numbers are known only once the pages are laid out.
  void table_of_contents() {
    xml_node h = paragraph("TOCHeading");
    add(h.child("w:pPr"), "w:pageBreakBefore");
    add_run(h, d_.toc_heading);
    static const char* kTocStyles[] = {"TOC1", "TOC2", "TOC3"};
    xml_node p;
    for (std::size_t i = 0; i < headings_.size(); ++i) {
      const Heading& e = headings_[i];
      p = paragraph(kTocStyles[e.level - 1]);
      if (i == 0) begin_field(p, kTocField);
      xml_node link = add(p, "w:hyperlink", {{"w:anchor", e.bookmark}, {"w:history", "1"}});
      for (const auto& r : e.runs) add_run(link, r.text);
    }
    if (headings_.empty()) {
      p = paragraph();
      begin_field(p, kTocField);
      add_run(p, kTocPlaceholder.in(d_.lang));
    }
    end_field(paragraph());
  }

  // A heading paragraph with the bookmark its TOC entry points to.
  void heading(bool page_break) {
    const Heading& h = headings_[next_heading_];
    std::string id = std::to_string(++next_heading_);
    xml_node p = paragraph(heading_style(h.level));
    if (page_break) add(p.child("w:pPr"), "w:pageBreakBefore");
    add(p, "w:bookmarkStart", {{"w:id", id}, {"w:name", h.bookmark}});
    add_runs(p, h.runs);
    add(p, "w:bookmarkEnd", {{"w:id", id}});
  }

  static const char* heading_style(int level) {
    static const char* kStyles[] = {"Heading1", "Heading2", "Heading3"};
    return kStyles[std::clamp(level, 1, 3) - 1];
  }

  void section(const doc::Section& s, bool first) {
    heading(first);
    open_list_ = 0;
    for (const auto& b : s.blocks) {
      bool list_item = false;
      if (const auto* p = std::get_if<doc::Paragraph>(&b)) {
        using Kind = doc::Paragraph::Kind;
        list_item = p->kind == Kind::numbered || (p->kind == Kind::bullet && p->level > 0);
        narrative(*p);
      } else if (const auto* g = std::get_if<doc::Grid>(&b)) {
        grid(*g);
      } else if (const auto* c = std::get_if<doc::Chart>(&b)) {
        chart(*c);
      } else if (const auto* n = std::get_if<doc::Notice>(&b)) {
        add_run(paragraph("Notice"), n->text);
      }
      // Anything but a list item (or bullets nested in it) ends a numbered list.
      if (!list_item) open_list_ = 0;
    }
  }

  void narrative(const doc::Paragraph& p) {
    using Kind = doc::Paragraph::Kind;
    xml_node para;
    if (p.kind == Kind::heading) {
      heading(false);
      return;
    } else if (p.kind == Kind::bullet || p.kind == Kind::numbered) {
      para = paragraph("ListParagraph");
      // Each numbered list counts from 1: its own w:num over the shared numbering definition.
      // Bullets nested in a numbered list do not end it.
      if (p.kind == Kind::numbered && open_list_ == 0) open_list_ = kFirstNumberedNumId + numbered_lists_++;
      xml_node num = add(para.child("w:pPr"), "w:numPr");
      val(num, "w:ilvl", std::to_string(std::clamp(p.level, 0, 8)));
      val(num, "w:numId", std::to_string(p.kind == Kind::bullet ? kBulletNumId : open_list_));
    } else {
      para = paragraph();
    }
    add_runs(para, p.runs);
  }

  void add_runs(xml_node para, const std::vector<doc::Run>& runs) {
    for (const auto& r : runs) {
      if (r.link.empty()) {
        add_run(para, r.text, {r.bold, r.italic});
        continue;
      }
      auto [it, added] = links_.try_emplace(r.link);
      if (added) it->second = rel(kRelNs + std::string("/hyperlink"), uri_encode(r.link), true);
      xml_node link = add(para, "w:hyperlink", {{"r:id", it->second}, {"w:history", "1"}});
      add_run(link, r.text, {r.bold, r.italic, "Hyperlink"});
    }
  }

  struct CellLook {
    int span = 1;
    bool right = false;
    int indent = 0;
    bool header = false;
    bool total = false;
    RunStyle run;
  };

  static void border(xml_node borders, const char* side, const char* size) {
    add(borders, side, {{"w:val", "single"}, {"w:sz", size}, {"w:space", "0"}, {"w:color", kRuleColor}});
  }

  void cell(xml_node tr, int width, const std::string& text, const CellLook& look) {
    xml_node tc = add(tr, "w:tc");
    xml_node pr = add(tc, "w:tcPr");
    add(pr, "w:tcW", {{"w:w", std::to_string(width)}, {"w:type", "dxa"}});
    if (look.span > 1) val(pr, "w:gridSpan", std::to_string(look.span));
    if (look.header) border(add(pr, "w:tcBorders"), "w:bottom", "8");
    if (look.total) border(add(pr, "w:tcBorders"), "w:top", "6");
    if (look.header) add(pr, "w:shd", {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", kHeaderFill}});
    if (look.header) val(pr, "w:vAlign", "bottom");
    xml_node p = add(tc, "w:p");
    xml_node ppr = add(p, "w:pPr");
    val(ppr, "w:pStyle", "TableText");
    if (look.indent > 0) add(ppr, "w:ind", {{"w:left", std::to_string(look.indent * kIndentStep)}});
    if (look.right) val(ppr, "w:jc", "right");
    add_run(p, text, look.run);
  }

  void grid(const doc::Grid& g) {
    std::size_t cols = std::max<std::size_t>(g.headings.size(), 1);
    for (const auto& r : g.rows) cols = std::max(cols, r.cells.size());
    std::vector<std::vector<std::string>> texts;
    for (const auto& r : g.rows) {
      texts.emplace_back();
      for (const auto& c : r.cells) texts.back().push_back(doc::format_cell(c));
    }
    TableLayout layout = table_layout(g, texts, cols);
    const std::vector<int>& widths = layout.widths;

    if (!g.caption.empty()) add_run(paragraph("Caption"), g.caption);
    if (g.headings.empty() && g.rows.empty()) {  // Word calls a table without rows corrupt
      if (!g.note.empty()) add_run(paragraph("TableNote"), g.note);
      return;
    }
    // Adjacent tables would merge into one: keep them apart.
    if (std::string_view(body_.last_child().name()) == "w:tbl") add(body_, "w:p");
    xml_node tbl = add(body_, "w:tbl");
    xml_node pr = add(tbl, "w:tblPr");
    val(pr, "w:tblStyle", "FigureTable");
    add(pr, "w:tblW", {{"w:w", std::to_string(kTextWidth)}, {"w:type", "dxa"}});
    val(pr, "w:tblLayout", "fixed");
    add(pr, "w:tblLook", {{"w:val", "0620"}, {"w:firstRow", "1"}, {"w:lastRow", "0"}, {"w:firstColumn", "0"},
                          {"w:lastColumn", "0"}, {"w:noHBand", "1"}, {"w:noVBand", "1"}});
    // Word 2010+ gives the caption to screen readers as the table's title.
    if (!g.caption.empty()) val(pr, "w:tblCaption", xml_clean(g.caption));
    xml_node tg = add(tbl, "w:tblGrid");
    for (int w : widths) add(tg, "w:gridCol", {{"w:w", std::to_string(w)}});

    // Figures align right; columns of text (goals, findings) read left to right.
    std::vector<bool> numeric(cols, false);
    for (const auto& row : g.rows)
      for (std::size_t i = 1; i < cols && i < row.cells.size(); ++i) numeric[i] = numeric[i] || row.cells[i].number.has_value();
    if (!g.headings.empty()) {
      xml_node tr = add(tbl, "w:tr");
      xml_node trpr = add(tr, "w:trPr");
      add(trpr, "w:cantSplit");
      add(trpr, "w:tblHeader");  // repeats at the top of every page the table runs onto
      for (std::size_t i = 0; i < cols; ++i) {
        CellLook look{.right = numeric[i], .header = true, .run = {.bold = true, .size = layout.size == 18 ? 0 : layout.size}};
        cell(tr, widths[i], i < g.headings.size() ? g.headings[i] : "", look);
      }
    }
    for (std::size_t r = 0; r < g.rows.size(); ++r) {
      const doc::Row& row = g.rows[r];
      xml_node tr = add(tbl, "w:tr");
      add(add(tr, "w:trPr"), "w:cantSplit");
      // The table's type size only where it is not the style's 9 pt.
      RunStyle run{.bold = row.total, .italic = row.note, .size = layout.size == 18 ? 0 : layout.size};
      // An explanatory row with only its text spans the table.
      bool only_label = true;
      for (std::size_t i = 1; i < row.cells.size(); ++i) only_label = only_label && texts[r][i].empty();
      if (row.note && only_label) {
        CellLook look{.span = static_cast<int>(cols), .run = run};
        cell(tr, kTextWidth, row.cells.empty() ? "" : texts[r][0], look);
        continue;
      }
      for (std::size_t i = 0; i < cols; ++i) {
        CellLook look{.right = numeric[i], .indent = i == 0 ? row.level : 0, .total = row.total, .run = run};
        cell(tr, widths[i], i < row.cells.size() ? texts[r][i] : "", look);
      }
    }
    if (!g.note.empty()) add_run(paragraph("TableNote"), g.note);
  }

  void chart(const doc::Chart& c) {
    std::string bytes = png_ ? png_(c) : std::string();
    auto size = png_size(bytes);
    if (!c.title.empty()) add_run(paragraph("Caption"), c.title);
    if (!size) {
      add_run(paragraph(), c.alt);
      return;
    }
    std::int64_t cx = kChartWidth;
    std::int64_t cy = cx * size->second / size->first;
    if (cy > kChartMaxHeight) {
      cy = kChartMaxHeight;
      cx = cy * size->first / size->second;
    }
    cx = std::max<std::int64_t>(cx, 1);  // a zero extent makes Word refuse the file
    cy = std::max<std::int64_t>(cy, 1);
    int n = static_cast<int>(media_.size()) + 1;
    std::string file = "chart" + std::to_string(n) + ".png";
    media_.emplace_back("word/media/" + file, std::move(bytes));
    std::string rid = rel(kRelNs + std::string("/image"), "media/" + file, false);

    xml_node p = paragraph("Figure");
    xml_node inl = add(add(add(p, "w:r"), "w:drawing"), "wp:inline",
                       {{"distT", "0"}, {"distB", "0"}, {"distL", "0"}, {"distR", "0"}});
    std::string scx = std::to_string(cx), scy = std::to_string(cy);
    add(inl, "wp:extent", {{"cx", scx}, {"cy", scy}});
    add(inl, "wp:effectExtent", {{"l", "0"}, {"t", "0"}, {"r", "0"}, {"b", "0"}});
    // descr is the text alternative Word and LibreOffice give to screen readers and exports.
    add(inl, "wp:docPr", {{"id", std::to_string(n)}, {"name", file}, {"descr", xml_clean(c.alt)},
                          {"title", xml_clean(c.title)}});
    add(add(inl, "wp:cNvGraphicFramePr"), "a:graphicFrameLocks", {{"noChangeAspect", "1"}});
    xml_node data = add(add(inl, "a:graphic"), "a:graphicData", {{"uri", kPictureNs}});
    xml_node pic = add(data, "pic:pic");
    xml_node nv = add(pic, "pic:nvPicPr");
    add(nv, "pic:cNvPr", {{"id", "0"}, {"name", file}, {"descr", xml_clean(c.alt)}});
    add(nv, "pic:cNvPicPr");
    xml_node fill = add(pic, "pic:blipFill");
    add(fill, "a:blip", {{"r:embed", rid}});
    add(add(fill, "a:stretch"), "a:fillRect");
    xml_node sp = add(pic, "pic:spPr");
    xml_node xfrm = add(sp, "a:xfrm");
    add(xfrm, "a:off", {{"x", "0"}, {"y", "0"}});
    add(xfrm, "a:ext", {{"cx", scx}, {"cy", scy}});
    add(add(sp, "a:prstGeom", {{"prst", "rect"}}), "a:avLst");
  }

  // A4, 2 cm side margins, the page number in the footer from page 2 on (not on the title page).
  void section_properties() {
    xml_node s = add(body_, "w:sectPr");
    add(s, "w:footerReference", {{"w:type", "default"}, {"r:id", kFooterRelId}});
    add(s, "w:pgSz", {{"w:w", std::to_string(kPageWidth)}, {"w:h", std::to_string(kPageHeight)}});
    add(s, "w:pgMar", {{"w:top", std::to_string(kMarginTopBottom)}, {"w:right", std::to_string(kMarginSide)},
                       {"w:bottom", std::to_string(kMarginTopBottom)}, {"w:left", std::to_string(kMarginSide)},
                       {"w:header", "709"}, {"w:footer", "567"}, {"w:gutter", "0"}});
    add(s, "w:titlePg");
  }

  const doc::Document& d_;
  const ChartImage& png_;
  xml_node body_;
  std::vector<Relationship> rels_;
  std::map<std::string, std::string> links_;  // URL -> relationship id
  std::vector<std::pair<std::string, std::string>> media_;  // part name -> bytes
  struct Heading {
    std::vector<doc::Run> runs;
    int level;
    std::string bookmark;
  };
  std::vector<Heading> headings_;
  std::size_t next_heading_ = 0;
  int numbered_lists_ = 0;
  int open_list_ = 0;  // numId of the numbered list being written, 0 = none
};

std::string document_rels_xml(const std::vector<Relationship>& extra) {
  xml_node root;
  pugi::xml_document x = new_part(root, "Relationships");
  root.append_attribute("xmlns") = kPackageRelNs;
  std::vector<Relationship> all = {{"rId1", kRelNs + std::string("/styles"), "styles.xml", false},
                                   {"rId2", kRelNs + std::string("/settings"), "settings.xml", false},
                                   {"rId3", kRelNs + std::string("/numbering"), "numbering.xml", false},
                                   {kFooterRelId, kRelNs + std::string("/footer"), "footer1.xml", false}};
  all.insert(all.end(), extra.begin(), extra.end());
  for (const auto& r : all) {
    xml_node n = add(root, "Relationship", {{"Id", r.id}, {"Type", r.type}, {"Target", r.target}});
    if (r.external) n.append_attribute("TargetMode") = "External";
  }
  return to_xml(x);
}

// The document's title left and the page number right.
std::string footer_xml(const std::string& title) {
  xml_node root;
  pugi::xml_document x = new_part(root, "w:ftr");
  root.append_attribute("xmlns:w") = kWNs;
  root.append_attribute("xmlns:r") = kRelNs;
  xml_node p = add(root, "w:p");
  val(add(p, "w:pPr"), "w:pStyle", "Footer");
  add_run(p, title);
  add(add(p, "w:r"), "w:tab");
  xml_node field = add(p, "w:fldSimple", {{"w:instr", " PAGE "}});
  add_run(field, "1");
  return to_xml(x);
}

std::string core_xml(const doc::Document& d) {
  xml_node root;
  pugi::xml_document x = new_part(root, "cp:coreProperties");
  root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  add(root, "dc:title").text().set(xml_clean(d.title).c_str());
  if (!d.subtitle.empty()) add(root, "dc:subject").text().set(xml_clean(d.subtitle).c_str());
  add(root, "dc:creator").text().set("Toteuma");
  add(root, "dc:language").text().set(language_tag(d.lang));
  return to_xml(x);
}

// Builds the zip in memory. Entries get a fixed time so equal documents give equal bytes.
class ZipWriter {
 public:
  ZipWriter() {
    zip_error_init(&err_);
    src_ = zip_source_buffer_create(nullptr, 0, 0, &err_);
    if (!src_) fail("cannot create buffer");
    zip_ = zip_open_from_source(src_, ZIP_TRUNCATE, &err_);
    if (!zip_) {
      zip_source_free(src_);
      fail("cannot open buffer");
    }
    zip_source_keep(src_);  // zip_close would free it; its bytes are the result
  }
  ~ZipWriter() {
    if (zip_) zip_discard(zip_);
    zip_source_free(src_);
    zip_error_fini(&err_);
  }
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  void add(const std::string& name, std::string data) {
    parts_.push_back(std::move(data));  // libzip reads the buffer only at zip_close
    const std::string& d = parts_.back();
    zip_source_t* s = zip_source_buffer(zip_, d.data(), d.size(), 0);
    if (!s) fail(name);
    zip_int64_t i = zip_file_add(zip_, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (i < 0) {
      zip_source_free(s);
      fail(name);
    }
    zip_file_set_dostime(zip_, static_cast<zip_uint64_t>(i), 0, (1 << 5) | 1, 0);  // 1.1.1980
  }

  std::string finish() {
    if (zip_close(zip_) != 0) fail("cannot write");
    zip_ = nullptr;
    std::string out;
    zip_stat_t st;
    if (zip_source_stat(src_, &st) != 0 || zip_source_open(src_) != 0) fail("cannot read back");
    out.resize(st.size);
    zip_int64_t n = zip_source_read(src_, out.data(), st.size);
    zip_source_close(src_);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) fail("cannot read back");
    return out;
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    std::string msg = zip_ ? zip_strerror(zip_) : zip_error_strerror(&err_);
    throw std::runtime_error("docx: " + what + ": " + msg);
  }

  zip_error_t err_;
  zip_source_t* src_ = nullptr;
  zip_t* zip_ = nullptr;
  std::vector<std::string> parts_;
};

}  // namespace

std::string render_docx(const doc::Document& d, const ChartImage& png) {
  BodyWriter body(d, png);
  std::string document = body.document_xml();

  ZipWriter zip;
  zip.add("[Content_Types].xml", content_types_xml(!body.media().empty()));
  zip.add("_rels/.rels", package_rels_xml());
  zip.add("docProps/core.xml", core_xml(d));
  zip.add("docProps/app.xml", app_xml());
  zip.add("word/document.xml", std::move(document));
  zip.add("word/_rels/document.xml.rels", document_rels_xml(body.relationships()));
  zip.add("word/styles.xml", styles_xml(d.lang));
  zip.add("word/settings.xml", settings_xml(d.lang));
  zip.add("word/numbering.xml", numbering_xml(body.numbered_lists()));
  zip.add("word/footer1.xml", footer_xml(d.title));
  for (const auto& [name, bytes] : body.media()) zip.add(name, bytes);
  return zip.finish();
}

}  // namespace toteuma
