// The little helpers the budget pages (budget_pages.cpp, round_page*.cpp) write HTML with: an
// escaped datum, a language's code for paths and lang attributes, a catalogue text with arguments.
#pragma once
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>

#include "core/i18n.h"
#include "core/lang.h"
#include "core/text.h"

namespace toteuma::web::page_text {

inline std::string e(std::string_view s) { return html_escape(s); }
inline std::string lc(Lang l) { return std::string(lang_code(l)); }
// The pages' short name for toteuma::trf.
template <class... A>
std::string tf(const char* key, Lang lang, A&&... args) {
  return trf(key, lang, std::forward<A>(args)...);
}

}  // namespace toteuma::web::page_text
