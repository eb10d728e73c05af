// Narratives: Markdown texts per unit, section kind, year and language (DESIGN §7), and the
// document templates a municipality keeps beside its data. A narrative is written by a person
// or drafted by Toteuma (standard commentary); a draft is replaced by the next drafting run, a
// person's text never is.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/lang.h"

namespace toteuma {

enum class NarrativeOrigin { person, draft };

struct Narrative {
  std::string unit;
  int year = 0;
  std::string section;  // section kind, e.g. "review", "commentary", "outlook"
  Lang lang = Lang::fi;
  NarrativeOrigin origin = NarrativeOrigin::person;
  std::string markdown;
  // A translation's source text as it was when the translation was written (core/workplace/translation.h);
  // none for a text in its unit's source language.
  std::optional<std::string> source_seen = std::nullopt;
  bool operator==(const Narrative&) const = default;
};

// A document template's source (TOML, see docs/DOCUMENTS.md) stored with the dataset; a kind
// without one uses the built-in template.
struct TemplateSource {
  std::string kind;
  std::string toml;
  bool operator==(const TemplateSource&) const = default;
};

// The narrative of (unit, year, section, lang), or nullptr.
const Narrative* find_narrative(const std::vector<Narrative>& all, const std::string& unit, int year,
                                const std::string& section, Lang lang);
void canonicalize(std::vector<Narrative>& all);

}  // namespace toteuma
