// Tagged PDF of a document: headless Chromium prints the document's HTML (DESIGN §10).
#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>

namespace toteuma {

struct PdfOptions {
  // Chromium executable; "" = $TOTEUMA_CHROMIUM, else chromium, chromium-browser, google-chrome on PATH.
  std::string chromium;
  // One print may take this long; then Chromium is killed and PdfError thrown.
  std::chrono::seconds timeout{60};
};

// Chromium not found, failed, timed out or wrote no PDF; what() says which, with its stderr tail.
struct PdfError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Anchor id (e.g. "s3") -> 1-based page number in the PDF.
using AnchorPages = std::map<std::string, int>;

// `html_for_pages(pages)` returns the complete HTML of the document; `pages` is empty on the first
// call, then holds the page of every internally linked anchor (the TOC's targets) so the TOC can
// print page numbers. Prints until the page numbers are stable (at most 3 prints). Returns the PDF.
// The page is printed under a Content-Security-Policy that loads nothing outside it (no files, no
// network, no script): styles, SVG, images and fonts must be inline or data: URLs.
std::string render_pdf(const std::function<std::string(const AnchorPages&)>& html_for_pages,
                       const PdfOptions& options = {});

// How many prints render_pdf and render_pdf_of have made in this process (a new document with a
// TOC takes two: an untagged one to find its headings' pages, one with them; a document printed
// before, one while no heading moved, else two).
size_t pdf_prints();

// Prints HTML that is final as it is (its TOC, if any, already numbered: a frozen version's): one
// tagged print.
std::string render_pdf_of(const std::string& html, const PdfOptions& options = {});

// The page of each named destination in `pdf` (Chromium writes one per linked anchor id).
AnchorPages pdf_anchor_pages(const std::string& pdf);

}  // namespace toteuma
