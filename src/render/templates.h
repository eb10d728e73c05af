// Templates and assets compiled into the binary (see cmake/EmbedFiles.cmake).
#pragma once
#include <string_view>

namespace toteuma::embedded {
extern const std::string_view figure_table_mustache;
extern const std::string_view table_page_mustache;
extern const std::string_view style_css;
extern const std::string_view document_css;  // generated documents (render/document_html)
extern const std::string_view print_css;  // print layout of documents, under @media print
}  // namespace toteuma::embedded
