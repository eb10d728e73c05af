// Draws a doc::Chart as a self-contained, accessible SVG: role="img" named by its <title> and
// described by its <desc> (the text alternative), a viewBox so it scales, a value axis with
// nice ticks in the published number format, a zero line, category labels, a legend, colours
// with at least 3:1 contrast against white and marker shapes that tell the lines apart without
// colour. No scripts, no external fonts. The chart's title is not drawn: documents print it
// as the figure's caption.
#pragma once
#include <string>

#include "core/documents/document.h"

namespace toteuma {

std::string render_svg_chart(const doc::Chart& chart, Lang lang);

}  // namespace toteuma
