// Translations that know their source (issue 17 item 2; core/workplace/translation.h): the
// translator's queue `/{lang}/translations` (every missing or outdated text of their language,
// with its deadline from the annual clock), the source's change as a word diff on a translation's
// edit page, and the marker of an outdated translation on a unit's texts page.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/word_diff.h"
#include "web/context.h"

namespace toteuma::web {

// A word diff as HTML: deleted words in <del>, inserted in <ins>, each also named in words for a
// screen reader (never colour alone); the text's line breaks kept (CSS `white-space: pre-wrap`).
std::string word_diff_html(const std::vector<DiffPart>& parts, Lang reader);

// " – käännös vanhentunut" (marked up) after an outdated translation's state on the texts page; "" else.
std::string outdated_marker(const Dataset& d, const Narrative* n, Lang reader);

// On a translation's edit page: the source's change since the translation was written, as a word
// diff beside the translation as it stands; "" when the text is not an outdated translation.
std::string source_change_html(const Dataset& d, const Narrative* translation, Lang reader);

// Whether the site menu links the queue: translators, approvers and administrators.
bool sees_translation_queue(const User& u);

std::optional<http::Response> route_translation_pages(const Ctx& c, const std::vector<std::string>& parts);

}  // namespace toteuma::web
