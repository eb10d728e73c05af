#include "render/document_html.h"

#include <variant>

#include "core/text.h"
#include "render/svg_chart.h"
#include "render/templates.h"

namespace toteuma {

namespace {

std::string runs_html(const std::vector<doc::Run>& runs) {
  std::string out;
  for (const auto& r : runs) {
    std::string t = html_escape(r.text);
    if (r.italic) t = "<em>" + t + "</em>";
    if (r.bold) t = "<strong>" + t + "</strong>";
    if (!r.link.empty()) t = "<a href=\"" + html_escape(r.link) + "\">" + t + "</a>";
    out += t;
  }
  return out;
}

std::string h(int level) { return "h" + std::to_string(std::min(level, 6)); }

class Writer {
 public:
  explicit Writer(const doc::Document& d) : d_(d) {}

  // Paragraphs alone, their headings below `level` (a narrative's preview on the web).
  std::string paragraphs(const std::vector<doc::Paragraph>& ps, int level) {
    out_.clear();
    for (const auto& p : ps) block(p, level);
    close_list();
    return out_;
  }

  std::string section(const doc::Section& s) {
    out_.clear();
    int level = s.level + 1;  // the document title is h1
    // Not a named landmark: areas repeat headings ("Painopisteet"), and landmarks must be unique.
    out_ += std::string("<section") + (s.level == 1 ? " class=\"section-break\"" : "") + ">\n<" + h(level) + " id=\"" + html_escape(s.id) +
            "\">" + html_escape(s.heading) + "</" + h(level) + ">\n";
    for (const auto& b : s.blocks) std::visit([&](const auto& x) { block(x, level); }, b);
    close_list();
    out_ += "</section>\n";
    return out_;
  }

 private:
  void close_list() {
    while (!lists_.empty()) {
      out_ += "</li></" + lists_.back() + ">\n";
      lists_.pop_back();
    }
  }

  void block(const doc::Paragraph& p, int level) {
    using K = doc::Paragraph::Kind;
    if (p.kind == K::bullet || p.kind == K::numbered) {
      std::string tag = p.kind == K::bullet ? "ul" : "ol";
      std::size_t depth = static_cast<std::size_t>(p.level) + 1;
      while (lists_.size() > depth) {
        out_ += "</li></" + lists_.back() + ">\n";
        lists_.pop_back();
      }
      if (lists_.size() == depth && lists_.back() != tag) {
        out_ += "</li></" + lists_.back() + ">\n";
        lists_.pop_back();
      }
      if (lists_.size() == depth) {
        out_ += "</li>\n<li>";
      } else {
        while (lists_.size() < depth) {
          out_ += "<" + tag + ">\n<li>";
          lists_.push_back(tag);
        }
      }
      out_ += runs_html(p.runs);
      return;
    }
    close_list();
    if (p.kind == K::heading) {
      // A narrative's own headings sit below the section's heading.
      int l = std::min(level + p.level, 6);
      out_ += "<" + h(l) + ">" + runs_html(p.runs) + "</" + h(l) + ">\n";
    } else {
      out_ += "<p>" + runs_html(p.runs) + "</p>\n";
    }
  }

  void block(const doc::Grid& g, int) {
    close_list();
    bool text_table = true;
    for (const auto& r : g.rows)
      for (std::size_t c = 1; c < r.cells.size(); ++c) text_table = text_table && !r.cells[c].number;
    out_ += std::string("<table id=\"") + html_escape(g.id) + "\" class=\"" + (text_table ? "goals" : "figures") +
            "\">\n<caption>" + html_escape(g.caption) + "</caption>\n<thead><tr>";
    for (std::size_t c = 0; c < g.headings.size(); ++c)
      out_ += std::string("<th scope=\"col\"") + (c > 0 && !text_table ? " class=\"num\"" : "") + ">" +
              html_escape(g.headings[c]) + "</th>";
    out_ += "</tr></thead>\n<tbody>\n";
    for (const auto& r : g.rows) {
      std::string cls = r.total ? "total" : r.note ? "memo" : "";
      bool only_label = true;
      for (std::size_t c = 1; c < r.cells.size(); ++c) only_label = only_label && doc::format_cell(r.cells[c]).empty();
      if (text_table && r.note && only_label && !r.cells.empty()) {
        // A heading row inside a text table (e.g. the city-level goal above a theme's goals).
        out_ += "<tr class=\"city\"><th scope=\"rowgroup\" colspan=\"" + std::to_string(g.headings.size()) + "\">" +
                html_escape(doc::format_cell(r.cells[0])) + "</th></tr>\n";
        continue;
      }
      out_ += cls.empty() ? "<tr>" : "<tr class=\"" + cls + "\">";
      for (std::size_t c = 0; c < r.cells.size(); ++c) {
        const auto& cell = r.cells[c];
        std::string text = html_escape(doc::format_cell(cell));
        if (c == 0 && !text_table) {
          std::string style = r.level > 0 ? " style=\"padding-left:" + std::to_string(0.6 + 1.2 * r.level) + "rem\"" : "";
          out_ += "<th scope=\"row\"" + style + ">" + text + "</th>";
        } else {
          out_ += std::string("<td") + (cell.number ? " class=\"num\"" : "") + ">" + text + "</td>";
        }
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
    if (!g.note.empty()) out_ += "<p class=\"table-note\">" + html_escape(g.note) + "</p>\n";
  }

  void block(const doc::Chart& c, int) {
    close_list();
    // The SVG carries role="img" with <title> and <desc> (the text alternative).
    out_ += "<figure class=\"chart\" id=\"" + html_escape(c.id) + "\">\n" + render_svg_chart(c, d_.lang) + "\n</figure>\n";
  }

  void block(const doc::Notice& n, int) {
    close_list();
    out_ += "<p class=\"notice\" role=\"note\">" + html_escape(n.text) + "</p>\n";
  }

  const doc::Document& d_;
  std::string out_;
  std::vector<std::string> lists_;
};

std::string toc(const doc::Document& d, const std::map<std::string, int>& pages) {
  std::string out = "<nav class=\"toc\" aria-labelledby=\"toc-heading\">\n<h2 id=\"toc-heading\">" +
                    html_escape(d.toc_heading) + "</h2>\n";
  int depth = 0;
  for (const auto& s : d.sections) {
    int level = std::min(s.level, 3);
    if (level > depth) {
      while (depth < level) {
        out += depth == 0 ? "<ol>\n<li>" : "<ol>\n<li>";
        ++depth;
      }
    } else {
      out += "</li>\n";
      while (depth > level) {
        out += "</ol></li>\n";
        --depth;
      }
      out += "<li>";
    }
    auto page = pages.find(s.id);
    out += "<a href=\"#" + html_escape(s.id) + "\">" + html_escape(s.heading) + "</a><span class=\"page\">" +
           (page == pages.end() ? "" : std::to_string(page->second)) + "</span>";
  }
  while (depth > 0) {
    out += "</li></ol>\n";
    --depth;
  }
  return out + "</nav>\n";
}

}  // namespace

std::string render_paragraphs_html(const std::vector<doc::Paragraph>& paragraphs, int level) {
  static const doc::Document none;
  return Writer(none).paragraphs(paragraphs, level);
}

std::string render_document_html(const doc::Document& d, const std::map<std::string, int>& pages) {
  std::string lang(lang_code(d.lang));
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    html_escape(d.title + " – " + d.subtitle) + "</title>\n<style>\n" +
                    std::string(embedded::style_css) + std::string(embedded::document_css) + "@media print {\n" +
                    std::string(embedded::print_css) + "}\n</style>\n</head>\n<body class=\"document\">\n<main>\n" +
                    "<header class=\"title\">\n<h1>" + html_escape(d.title) + "</h1>\n<p>" + html_escape(d.subtitle) +
                    "</p>\n<p class=\"generated\">" + html_escape(d.generated) + "</p>\n</header>\n";
  out += toc(d, pages);
  Writer w(d);
  for (const auto& s : d.sections) out += w.section(s);
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace toteuma
