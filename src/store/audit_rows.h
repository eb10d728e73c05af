// The audit trail's rows, written inside the transaction of the write they record (migration 8,
// `via` since migration 12). Shared by every SQLite store, so a write made through the web, the
// API or the command line leaves the same kind of row.
#pragma once
#include <string>
#include <vector>

#include "core/workplace/workflow.h"
#include "store/sql_db.h"

namespace toteuma {

// A query of the newest audit row's id of a change to the dataset, or none (Store::last_data_audit_id):
// not of the users, grants, passwords and sign-ins. Also a column of the session read every web
// request makes (UserStore::session_view), so the request learns in the same read whether its
// snapshot is stale.
extern const char* const last_data_audit_id_sql;

// Inserts `a` (its id is assigned; an empty `at` is now); returns the id.
std::int64_t insert_audit(sql::Db& db, const AuditEntry& a);

// Every ready or approved section back to draft, each with its audit row (a load that replaced
// the content they were reviewed on). Returns how many.
int reopen_all_sections(sql::Db& db, const Actor& by);

// The rows of a query of section_status selecting doc, unit_id, year, section, state, set_by,
// set_at, reopened_by in that order.
std::vector<SectionStatus> section_statuses_of(sql::Stmt& st);
// The sections that are ready or approved, sorted by doc, unit, year, section.
std::vector<SectionStatus> reviewed_sections(sql::Db& db);

// The reviewed sections `changed` names back to draft, each with its audit row and `reason` (the
// write's "entity key") as what reopened it. Returns how many.
int reopen_changed_sections(sql::Db& db, const Actor& by, const std::vector<SectionRef>& changed, const std::string& reason);

}  // namespace toteuma
