// One generated document in any of its formats: html | pdf | docx | xlsx. The CLI's `report`
// and (later) the web's downloads both go through here, so every format draws the same blocks.
#pragma once
#include <string>

#include "core/documents/document.h"

namespace toteuma {

bool is_document_format(const std::string& format);
// The bytes of the document in `format`. PDF needs Chromium (render/pdf.h).
std::string render_document(const doc::Document& d, const std::string& format);
// "application/pdf", …
std::string document_media_type(const std::string& format);

}  // namespace toteuma
