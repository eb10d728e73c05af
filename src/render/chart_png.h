// SVG (a chart from render/svg_chart) to PNG bytes with librsvg and cairo, for formats that
// take images rather than SVG (DOCX). The height follows the SVG's aspect ratio; the image is
// opaque on white.
#pragma once
#include <string>

namespace toteuma {

// Throws std::runtime_error when the SVG cannot be read or drawn, or the width is not 1..10000.
std::string svg_to_png(const std::string& svg, int width_px);

}  // namespace toteuma
