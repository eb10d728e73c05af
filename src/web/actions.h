// The writes of the workplace, shared by the pages and the JSON API: authorise on the server,
// apply through the store (one transaction, audited, refused when stale), move the affected
// document sections back to draft, and swap in a fresh snapshot.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/lang.h"
#include "core/workflow.h"
#include "web/app_state.h"

namespace toteuma::web {

enum class Outcome { ok, forbidden, stale, invalid, not_approved };

struct ActionResult {
  Outcome outcome = Outcome::ok;
  Msg message;                         // invalid, not_approved: what was wrong, shown in the reader's language
  Change refused;                      // stale: the change as sent
  std::optional<std::string> current;  // stale: the value stored now
};

// The unit and year a change concerns ("" / 0 when it names nothing known).
struct ChangeScope {
  std::string unit;
  int year = 0;
};
ChangeScope scope_of(const Dataset& d, const Change& ch);

// Whether `u` may make the change (entity rules of core/access.h).
bool may_apply(const Dataset& d, const User& u, const Change& ch);

// All or nothing: every change must be allowed, then the batch is applied in one transaction.
ActionResult apply_changes(AppState& state, const User& u, const std::vector<Change>& changes);

// The stored value an edit form starts from (the store's encoding, workflow.h).
std::optional<std::string> current_value(AppState& state, const std::string& entity, const std::string& key);

// ---- review and publication (the review page and the API) -----------------------------------------

// A section the review moves: the document's levels 1 and 2, as the document stands now.
struct ReviewSection {
  std::string id, heading;
  SectionState state = SectionState::draft;
  std::string by, at;  // who set the state and when ("" for a draft never touched)
};
bool known_document_kind(const std::string& kind);
// The sections of document `kind` of (unit, year) with their review states, headings in `lang`.
std::vector<ReviewSection> review_sections(AppState& state, const Snapshot& snap, const std::string& kind, const std::string& unit,
                                           int year, Lang lang, std::string* title = nullptr);
// invalid: no such section; forbidden: ready (or back to draft) is the unit's call, approving or
// reopening an approved section the approver's.
ActionResult set_section_state(AppState& state, const User& u, const std::vector<ReviewSection>& sections, const std::string& kind,
                               const std::string& unit, int year, const std::string& section, SectionState to);
// Freezes the document as it stands as the next numbered version (approver only; not_approved
// while any section is not approved). `frozen` receives the version (without files).
ActionResult freeze_version(AppState& state, const User& u, const std::vector<ReviewSection>& sections, const std::string& kind,
                            const std::string& unit, int year, DocumentVersion* frozen = nullptr);
// Approver only; invalid for an unknown version.
ActionResult publish_version(AppState& state, const User& u, std::int64_t version_id);

// A frozen version's file; a PDF is printed from the frozen HTML the first time it is asked for
// and kept with the version. nullopt when the version (published, if asked) or the file is missing.
struct VersionBytes {
  DocumentVersion version;  // without files
  std::string bytes;
};
std::optional<VersionBytes> version_file(AppState& state, std::int64_t id, const std::string& lang, const std::string& format,
                                         bool published_only);

}  // namespace toteuma::web
