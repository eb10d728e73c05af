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

// How many prints render_pdf has made in this process (a new document takes two: one to find its
// headings' pages, one with them in the TOC; a document printed before, one).
size_t pdf_prints();

// The page of each named destination in `pdf` (Chromium writes one per linked anchor id).
AnchorPages pdf_anchor_pages(const std::string& pdf);

}  // namespace toteuma
