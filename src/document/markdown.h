// Narrative Markdown (CommonMark via md4c) into document paragraphs: headings, paragraphs,
// bullet and numbered lists, emphasis and links. Raw HTML is not interpreted: it stays text,
// so every renderer escapes it (a narrative can't inject markup into a published page).
#pragma once
#include <string>
#include <vector>

#include "core/documents/document.h"

namespace toteuma {

std::vector<doc::Paragraph> parse_markdown(const std::string& markdown);

}  // namespace toteuma
