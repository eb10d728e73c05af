#include "core/lang.h"

namespace toteuma {

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "fi") return Lang::fi;
  if (code == "sv") return Lang::sv;
  return std::nullopt;
}

std::string_view lang_code(Lang l) { return l == Lang::fi ? "fi" : "sv"; }

}  // namespace toteuma
