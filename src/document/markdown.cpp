#include "document/markdown.h"

#include <md4c.h>

#include <charconv>

namespace toteuma {

namespace {

struct Builder {
  std::vector<doc::Paragraph> out;
  std::vector<doc::Paragraph::Kind> lists;  // open lists, innermost last
  bool in_block = false;
  int bold = 0, italic = 0;
  std::vector<std::string> links;

  void start(doc::Paragraph::Kind kind, int level) {
    out.push_back({kind, level, {}});
    in_block = true;
  }
  void add(std::string_view text) {
    if (!in_block) start(lists.empty() ? doc::Paragraph::Kind::text : lists.back(), static_cast<int>(lists.size()) - 1);
    auto& runs = out.back().runs;
    std::string link = links.empty() ? "" : links.back();
    if (!runs.empty() && runs.back().bold == (bold > 0) && runs.back().italic == (italic > 0) && runs.back().link == link)
      runs.back().text += text;
    else
      runs.push_back({std::string(text), bold > 0, italic > 0, link});
  }
};

// The few entities narratives use; anything else stays as written.
std::string entity(std::string_view e) {
  if (e == "&amp;") return "&";
  if (e == "&lt;") return "<";
  if (e == "&gt;") return ">";
  if (e == "&quot;") return "\"";
  if (e == "&nbsp;") return "\u00a0";
  if (e.size() > 3 && e[1] == '#') {
    bool hex = e[2] == 'x' || e[2] == 'X';
    std::string_view digits = e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3));
    unsigned cp = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (ec == std::errc() && p == digits.data() + digits.size() && cp > 0 && cp < 0x110000) {
      std::string s;
      if (cp < 0x80) {
        s += static_cast<char>(cp);
      } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      }
      return s;
    }
  }
  return std::string(e);
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
  auto& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_BLOCK_UL: b.lists.push_back(doc::Paragraph::Kind::bullet); break;
    case MD_BLOCK_OL: b.lists.push_back(doc::Paragraph::Kind::numbered); break;
    case MD_BLOCK_LI: b.in_block = false; break;
    case MD_BLOCK_H:
      b.start(doc::Paragraph::Kind::heading, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
      break;
    case MD_BLOCK_P:
    case MD_BLOCK_CODE:
    case MD_BLOCK_HTML:
      // A paragraph directly inside a list item continues that item (tight or loose lists).
      if (b.lists.empty() || b.in_block) b.start(doc::Paragraph::Kind::text, 0);
      else b.start(b.lists.back(), static_cast<int>(b.lists.size()) - 1);
      break;
    default: break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
  auto& b = *static_cast<Builder*>(user);
  if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) b.lists.pop_back();
  if (type == MD_BLOCK_P || type == MD_BLOCK_H || type == MD_BLOCK_LI || type == MD_BLOCK_CODE || type == MD_BLOCK_HTML)
    b.in_block = false;
  return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* user) {
  auto& b = *static_cast<Builder*>(user);
  if (type == MD_SPAN_STRONG) ++b.bold;
  if (type == MD_SPAN_EM) ++b.italic;
  if (type == MD_SPAN_A) {
    const auto& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
    std::string url(href.text, href.size);
    // Only absolute web and mail links: a narrative can't smuggle javascript: into a page.
    bool safe = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0 || url.rfind("mailto:", 0) == 0;
    b.links.push_back(safe ? url : "");
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
  auto& b = *static_cast<Builder*>(user);
  if (type == MD_SPAN_STRONG) --b.bold;
  if (type == MD_SPAN_EM) --b.italic;
  if (type == MD_SPAN_A) b.links.pop_back();
  return 0;
}

int text(MD_TEXTTYPE type, const MD_CHAR* s, MD_SIZE n, void* user) {
  auto& b = *static_cast<Builder*>(user);
  std::string_view t(s, n);
  if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR) b.add(" ");
  else if (type == MD_TEXT_ENTITY) b.add(entity(t));
  else if (type == MD_TEXT_NULLCHAR) b.add("\uFFFD");
  else b.add(t);
  return 0;
}

}  // namespace

std::vector<doc::Paragraph> parse_markdown(const std::string& markdown) {
  Builder b;
  MD_PARSER parser{};
  parser.flags = MD_FLAG_NOHTML | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = text;
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &b);
  return std::move(b.out);
}

}  // namespace toteuma
