// Languages and bilingual text. Every user-visible string exists in Finnish and Swedish.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace toteuma {

enum class Lang { fi, sv };

std::optional<Lang> parse_lang(std::string_view code);
std::string_view lang_code(Lang l);

// A text in both languages. An empty string means "missing in that language"; callers must
// not silently substitute the other language (checks report it instead).
struct Text {
  std::string fi;
  std::string sv;
  const std::string& in(Lang l) const { return l == Lang::fi ? fi : sv; }
  std::string& in(Lang l) { return l == Lang::fi ? fi : sv; }
  // For display where the text legitimately exists in one language only (a Finnish-only
  // municipality's unit names): the other language's text. Checks still report real gaps.
  const std::string& shown(Lang l) const { return in(l).empty() ? in(l == Lang::fi ? Lang::sv : Lang::fi) : in(l); }
  bool operator==(const Text&) const = default;
};

}  // namespace toteuma
