// The writes of the workplace, shared by the pages and the JSON API: authorise on the server,
// apply through the store (one transaction, audited, refused when stale), move the affected
// document sections back to draft, and swap in a fresh snapshot.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/lang.h"
#include "core/workplace/workflow.h"
#include "web/app_state.h"

namespace toteuma {
struct InputError;
}

namespace toteuma::web {

// drafts: a freeze refused while a drafted text awaits a person; reason_required: a freeze with
// check errors and no reason.
enum class Outcome { ok, forbidden, stale, invalid, not_approved, drafts, reason_required };

// A text Toteuma drafted that no person has accepted or edited, in a document.
struct DraftText {
  std::string unit, section;  // the narrative: unit and section kind ("commentary")
  std::string heading;        // the reviewed section that shows it (in the asked language)
  std::vector<Lang> langs;    // the languages in which it is still a draft
};

struct ActionResult {
  Outcome outcome = Outcome::ok;
  Msg message;                         // invalid, not_approved: what was wrong, shown in the reader's language
  Change refused;                      // stale: the change as sent
  std::optional<std::string> current;  // stale: the value stored now
  std::vector<DraftText> drafts = {};  // drafts: the texts awaiting a person
  int check_errors = 0;                // reason_required: how many
};
// An outcome with nothing but a message.
inline ActionResult result(Outcome o, Msg message = {}) { return {o, std::move(message), {}, std::nullopt, {}, 0}; }

// The unit and year a change concerns ("" / 0 when it names nothing known).
struct ChangeScope {
  std::string unit;
  int year = 0;
};
ChangeScope scope_of(const Dataset& d, const Change& ch);

// Whether `u` may make the change (entity rules of core/workplace/access.h).
bool may_apply(const Dataset& d, const User& u, const Change& ch);

// All or nothing: every change must be allowed, then the batch is applied in one transaction.
ActionResult apply_changes(AppState& state, const User& u, const std::vector<Change>& changes);

// What an edit leaves must load as a dataset folder would; throws StoreError (its message) if not.
void check_as_loaded(const Dataset& d);
// A located input error (the loader's three languages at once) as catalogue message `key` in the
// reader's language: {0} file, {1} line, {2} column, {3} the Finnish text, {4} the Swedish one.
Msg input_error_message(const InputError& e, const char* key = "err.invalid_state_at");

// The stored value an edit form starts from (the store's encoding, workflow.h).
std::optional<std::string> current_value(AppState& state, const std::string& entity, const std::string& key);

// ---- review and publication (the review page and the API) -----------------------------------------

// A section the review moves: the document's levels 1 and 2, as the document stands now.
struct ReviewSection {
  std::string id, heading;
  SectionState state = SectionState::draft;
  std::string by, at;  // who set the state and when ("" for a draft never touched)
  std::string reopened_by;  // reopened by this edit ("entity key" lines; "" = set by a person)
};
bool known_document_kind(const std::string& kind);
// The sections of document `kind` of (unit, year) with their review states, headings in `lang`.
std::vector<ReviewSection> review_sections(AppState& state, const Snapshot& snap, const std::string& kind, const std::string& unit,
                                           int year, Lang lang, std::string* title = nullptr);
// invalid: no such section; forbidden: ready (or back to draft) is the unit's call, approving or
// reopening an approved section the approver's.
// A `comment` on a move back to draft (a reviewer returning the section) starts or continues the
// section's comment thread in the same transaction (ignored when blank or on other moves).
ActionResult set_section_state(AppState& state, const User& u, const std::vector<ReviewSection>& sections, const std::string& kind,
                               const std::string& unit, int year, const std::string& section, SectionState to,
                               const std::string& comment = "");
// Freezes the document as it stands as the next numbered version (approver only). Refused with
// not_approved while any section is not approved, drafts while it shows a drafted text no person
// has accepted (fi or sv), reason_required when the checks find errors in it and `reason` is
// blank; the errors and the reason are kept with the version. `frozen` receives it (without files).
ActionResult freeze_version(AppState& state, const User& u, const std::vector<ReviewSection>& sections, const std::string& kind,
                            const std::string& unit, int year, const std::string& reason, DocumentVersion* frozen = nullptr);
// The check errors (dataset checks) that concern a document: its unit and sub-units, its year.
int document_check_errors(const Snapshot& snap, const std::string& kind, const std::string& unit, int year);
// A narrative section kind's name for people ("Riskianalyysi"); the kind itself when it has none.
std::string narrative_name(const std::string& section, Lang lang);
// "Luonnoksia, joita kukaan ei ole hyväksynyt: …" naming each text and its languages, in `lang`.
// The drafted texts as a list in `lang` ("Unit – Section (fi, sv); ...").
std::string drafts_list(const Dataset& d, const std::vector<DraftText>& drafts, Lang lang);
std::string drafts_message(const Dataset& d, const std::vector<DraftText>& drafts, Lang lang);
// The draft a document shows for a commentary nobody has stored ("" for other texts, or when
// the unit has no figures to comment on).
std::string computed_draft(const Snapshot& snap, const std::string& unit, int year, const std::string& section, Lang lang);
// The changes that accept a drafted text as is: a stored draft keeps its text (sent as before and
// after, so a text redrafted meanwhile is stale) and becomes a person's; a draft computed for the
// document and not stored is stored as a person's text.
std::vector<Change> accept_draft(const std::string& narrative_key, const std::string& markdown, bool stored);
// Approver only; invalid for an unknown version.
ActionResult publish_version(AppState& state, const User& u, std::int64_t version_id);

// A frozen version's file; a PDF is printed from the frozen HTML the first time it is asked for
// and kept with the version. nullopt when the version (published, if asked) or the file is missing.
struct VersionBytes {
  DocumentVersion version;  // without files
  std::string bytes;
  bool needs_print = false;  // the PDF is not kept yet and `print` was false: no bytes
};
// A frozen version's file. A PDF not kept yet (its print at freeze time failed or was skipped) is
// printed from the frozen HTML and kept when `print`, else needs_print says so: the caller then
// asks again on a background thread (web/pdf_jobs.h).
std::optional<VersionBytes> version_file(AppState& state, std::int64_t id, const std::string& lang, const std::string& format,
                                         bool published_only, bool print = false);
// Prints and keeps the PDFs of a frozen version that lack one (both languages); slow (Chromium):
// run on a background thread. A failed print is logged and left for the first request.
void print_version_pdfs(AppState& state, std::int64_t id);

}  // namespace toteuma::web
