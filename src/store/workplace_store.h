// Edits with their audit trail, section review states and document versions (migration 8).
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/workplace/comment.h"
#include "core/workplace/workflow.h"
#include "store/store.h"

namespace toteuma {

// A change whose `before` differs from what is stored: nothing of the batch was written.
struct StaleChange : StoreError {
  Change change;                        // the refused change as the user sent it
  std::optional<std::string> current;   // what is stored now
  StaleChange(Change c, std::optional<std::string> now);
};

class WorkplaceStore {
 public:
  virtual ~WorkplaceStore() = default;
  // One transaction: checks every change's `before` against the stored value (StaleChange when
  // one differs), writes each `after`, and records an AuditEntry per change. A malformed key or
  // value (unknown unit/line/scenario/metric/goal, bad number or date) throws StoreError.
  // Changes whose before == after are skipped (no audit row). When something was written, the
  // dataset as the changes leave it is read inside the transaction: `check`, when given, refuses
  // the batch by throwing (StoreError; every door validates as the loader does); then, when
  // sections are under review, `changed` names those the edit altered: they go back to draft in
  // the same transaction, audited, with the edit as their reason (a crash leaves no approved
  // section beside an edit). Returns the audit ids written.
  using StateCheck = std::function<void(const Dataset&)>;
  virtual std::vector<std::int64_t> apply(const std::string& user, const std::vector<Change>& changes,
                                          const StateCheck& check = {}, const ChangedSections& changed = {}) = 0;
  // The stored value of an entity/key in the encoding of workflow.h, nullopt when absent.
  virtual std::optional<std::string> current(const std::string& entity, const std::string& key) = 0;
  // Newest first; unit "" = every unit.
  virtual std::vector<AuditEntry> audit(const std::string& unit, int limit) = 0;

  virtual std::vector<SectionStatus> section_statuses(const std::string& doc, const std::string& unit, int year) = 0;
  // Every section that is ready or approved, of any document (what a load would reopen).
  virtual std::vector<SectionStatus> reviewed_sections() = 0;
  // Records the state (and an audit row, entity "section", key doc/unit/year/section). A `comment`
  // (a reviewer returning the section) starts or continues the section's thread in the same transaction.
  virtual void set_section_state(const std::string& user, const SectionStatus& s, const std::string& comment = "") = 0;

  // Comment threads (store/comment_rows.h, migration 25): read per request, each write one
  // transaction with its audit rows. `unit` "" = any unit; `key_prefix` narrows the keys.
  virtual std::vector<CommentThread> comment_threads(CommentOn on, const std::string& unit, const std::string& key_prefix) = 0;
  virtual std::optional<CommentThread> comment_thread(const CommentTarget& t) = 0;
  virtual std::int64_t add_comment(const std::string& user, const CommentTarget& t, const std::string& text) = 0;
  // StaleChange when the thread is no longer in the state `seen` (thread_state).
  virtual void resolve_thread(const std::string& user, const CommentTarget& t, bool resolved, const std::string& seen) = 0;

  // Stores a new frozen version (number = previous + 1, hash computed here) with the check
  // errors it was approved with and the approver's reason; returns it without files.
  virtual DocumentVersion freeze(const std::string& user, const std::string& doc, const std::string& unit, int year,
                                 std::vector<VersionFile> files, int check_errors = 0, const std::string& check_reason = "") = 0;
  virtual void publish(const std::string& user, std::int64_t version_id) = 0;
  // Without files; newest first. published_only for the public list.
  virtual std::vector<DocumentVersion> versions(bool published_only) = 0;
  virtual std::optional<DocumentVersion> version(std::int64_t id) = 0;  // with files
  // Adds a file to a frozen version (a PDF printed later); the content hash is not changed.
  virtual void add_version_file(std::int64_t id, const VersionFile& f) = 0;
};

std::unique_ptr<WorkplaceStore> open_workplace_store(const std::string& path);

}  // namespace toteuma
