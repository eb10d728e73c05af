// A generated document as one self-contained, accessible HTML page (WCAG 2.1 AA): headings in
// order, a table of contents, tables with captions and scoped headers, charts as inline SVG with
// their text alternative, the document language on <html>. The PDF is this page printed.
#pragma once
#include <map>
#include <string>

#include "core/documents/document.h"

namespace toteuma {

// `pages`: section id → page number, printed in the table of contents (the PDF's second pass).
// Paragraphs as a document draws them, their headings below h`level` (the web's preview of a narrative).
std::string render_paragraphs_html(const std::vector<doc::Paragraph>& paragraphs, int level);

std::string render_document_html(const doc::Document& d, const std::map<std::string, int>& pages = {});

}  // namespace toteuma
