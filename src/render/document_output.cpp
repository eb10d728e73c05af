#include "render/document_output.h"

#include <stdexcept>

#include "render/chart_png.h"
#include "render/document_html.h"
#include "render/docx.h"
#include "render/pdf.h"
#include "render/svg_chart.h"
#include "render/xlsx.h"

namespace toteuma {

bool is_document_format(const std::string& f) { return f == "html" || f == "pdf" || f == "docx" || f == "xlsx"; }

std::string render_document(const doc::Document& d, const std::string& format) {
  if (format == "html") return render_document_html(d);
  if (format == "pdf") return render_pdf([&](const AnchorPages& pages) { return render_document_html(d, pages); });
  if (format == "docx")
    // Word gets the same SVG chart as a picture, rasterised at twice the print width for sharpness.
    return render_docx(d, [&](const doc::Chart& c) { return svg_to_png(render_svg_chart(c, d.lang), 1280); });
  if (format == "xlsx") return render_xlsx(d);
  throw std::invalid_argument("unknown document format " + format + " (html|pdf|docx|xlsx)");
}

std::string document_media_type(const std::string& f) {
  if (f == "html") return "text/html; charset=utf-8";
  if (f == "pdf") return "application/pdf";
  if (f == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (f == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return "application/octet-stream";
}

}  // namespace toteuma
