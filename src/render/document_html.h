// A generated document as one self-contained, accessible HTML page (WCAG 2.1 AA): headings in
// order, a table of contents, tables with captions and scoped headers, charts as inline SVG with
// their text alternative, the document language on <html>. The PDF is this page printed.
#pragma once
#include <map>
#include <string>

#include "core/document.h"

namespace toteuma {

// `pages`: section id → page number, printed in the table of contents (the PDF's second pass).
// One section as the document draws it (the web's preview of a narrative).
std::string render_section_html(const doc::Section& s);

std::string render_document_html(const doc::Document& d, const std::map<std::string, int>& pages = {});

}  // namespace toteuma
