// A generated document as Word (.docx, Office Open XML) that opens in Word and LibreOffice
// without repair prompts: sections as Heading 1–3 (navigation pane, table of contents), tables as
// real tables with a repeating header row, charts as pictures carrying their text alternative.
#pragma once
#include <functional>
#include <string>

#include "core/documents/document.h"

namespace toteuma {

// The PNG bytes of a chart, or "" to print the chart's text alternative instead.
using ChartImage = std::function<std::string(const doc::Chart&)>;

// The .docx file's bytes. The same document always gives the same bytes.
std::string render_docx(const doc::Document& d, const ChartImage& png = nullptr);

}  // namespace toteuma
