// Excel output of a generated document: a contents sheet linking to one sheet per table
// (doc::Grid), with the figures as numbers at their published precision, never as text.
// Narrative paragraphs, charts and notices are not tables and are left out.
#pragma once
#include <string>

#include "core/documents/document.h"

namespace toteuma {

// The .xlsx file's bytes. Throws std::runtime_error when libxlsxwriter cannot write it
// (e.g. a text longer than Excel's 32 767 characters per cell).
std::string render_xlsx(const doc::Document& doc);

}  // namespace toteuma
