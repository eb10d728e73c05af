// The message catalogue: every user-visible string of the program in Finnish and Swedish.
// Strings with {} take fmt-style arguments.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"

namespace toteuma {

// The text of `key` in `lang`. An unknown key is a programming error: it returns
// "[missing text]" so it is visible in output and caught by tests.
const std::string& tr(std::string_view key, Lang lang);
// True when the catalogue has the key in both languages (used by tests).
bool tr_complete(std::string_view key);
// All keys (used by tests to verify both languages exist for each).
std::vector<std::string_view> tr_keys();

}  // namespace toteuma
