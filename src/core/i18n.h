// The message catalogue: every user-visible string of the program in Finnish and Swedish.
// Strings with {} take fmt-style arguments.
#pragma once
#include <fmt/format.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"

namespace toteuma {

// The text of `key` in `lang`. An unknown key is a programming error: it returns
// "[missing text]" so it is visible in output and caught by tests.
const std::string& tr(std::string_view key, Lang lang);
// The text of `key` in `lang` with fmt-style arguments filled in.
template <class... A>
std::string trf(std::string_view key, Lang lang, A&&... args) {
  return fmt::format(fmt::runtime(tr(key, lang)), std::forward<A>(args)...);
}
// True when the catalogue has the key in both languages (used by tests).
bool tr_complete(std::string_view key);
// All keys (used by tests to verify both languages exist for each).
std::vector<std::string_view> tr_keys();

// A message for a person: a catalogue key and its arguments (ids, numbers, names already in the
// reader's language), rendered when the reader's language is known. Every error a page or the
// API can show carries one instead of text, so no English can reach the Finnish or Swedish interface.
struct Msg {
  Msg() = default;
  // Explicit and not an aggregate: a plain string never turns into a Msg, not even by brace elision.
  explicit Msg(std::string k, std::vector<std::string> a = {}) : key(std::move(k)), args(std::move(a)) {}
  std::string key;
  std::vector<std::string> args;
  std::string in(Lang lang) const;
  bool operator==(const Msg&) const = default;
};
template <class... A>
Msg msg(std::string key, const A&... args) {
  return Msg(std::move(key), {fmt::format("{}", args)...});
}

// An error whose reader-facing text is `msg`. what() is the Finnish and the Swedish text (for the
// CLI and logs), or `detail` for internal failures whose details are not for the reader.
struct MsgError : std::runtime_error {
  explicit MsgError(Msg m);
  MsgError(Msg m, const std::string& detail);
  Msg message;
};

}  // namespace toteuma
