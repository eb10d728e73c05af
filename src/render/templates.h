// Templates and assets compiled into the binary (see cmake/EmbedFiles.cmake).
#pragma once
#include <string_view>

namespace toteuma::embedded {
extern const std::string_view figure_table_mustache;
extern const std::string_view table_page_mustache;
extern const std::string_view style_css;
}  // namespace toteuma::embedded
