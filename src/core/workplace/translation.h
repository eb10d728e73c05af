// Translations that know their source (DESIGN §7, issue 17 item 2). A unit's texts are written in
// its municipality's primary language (the source: Finnish, or Swedish in a Swedish-primary
// municipality) and translated into its other languages. Each translation keeps the source text
// it was written against (`Narrative::source_seen`); when the source has changed since, the
// translation is outdated, and the translator sees the change as a word diff (core/word_diff.h).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace toteuma {

// The language a unit's texts are written in first: its municipality's primary language.
Lang source_language(const Dataset& d, const std::string& unit);

// The source text of translation `n` (same unit, year and section in the source language), or
// nullptr when `n` is itself in the source language or its source does not exist.
const Narrative* source_of(const Dataset& d, const Narrative& n);

// A translation whose source exists and is no longer the text it was written against.
bool is_outdated(const Dataset& d, const Narrative& n);

// Normalises the records: a text in the source language records nothing; a translation without a
// record (a dataset folder without `.source.md`, a row stored before migration 24) was written
// against its source as it stands ("" when there is none).
void record_sources(Dataset& d);

enum class TranslationState { missing, outdated };

// A text waiting for its translator: the source exists, the translation in `lang` is missing or outdated.
struct TranslationTask {
  std::string unit;
  int year = 0;
  std::string section;
  Lang lang = Lang::sv;
  TranslationState state = TranslationState::missing;
  const Narrative* source = nullptr;
  const Narrative* translation = nullptr;  // nullptr when missing
};

// Every task of the dataset in language `only` (every language when not given), in the languages
// each unit's municipality publishes in, by unit, year and section.
std::vector<TranslationTask> translation_tasks(const Dataset& d, std::optional<Lang> only = std::nullopt);

}  // namespace toteuma
