// What a translation was written against (migration 24, core/workplace/translation.h), kept by
// every door that writes narratives: the web and API (WorkplaceStore::apply) and the command line
// (Store::save_narratives). A load writes the records the dataset folder holds.
#pragma once
#include <optional>
#include <string>
#include <utility>

#include "store/sql_db.h"

namespace toteuma {

// The source language ("fi" | "sv") of a unit's texts: its municipality's primary language.
std::string source_language(sql::Db& db, const std::string& unit);

// Before a text of (unit, year, section) is written: its translations stored before migration 24
// (no record) were written against the source as it stands, so that is what they record.
void keep_unrecorded_sources(sql::Db& db, const std::string& unit, int year, const std::string& section);

// After a text of (unit, year, section, lang) was saved: a translation now records its source as
// stored ("" when there is none). The record before and after when it changed, else nothing.
std::optional<std::pair<std::optional<std::string>, std::string>> record_source(sql::Db& db, const std::string& unit, int year,
                                                                                 const std::string& section, const std::string& lang);

}  // namespace toteuma
