#include "store/audit_rows.h"

#include <fmt/format.h>

#include <vector>

namespace toteuma {

// Backwards by id to the first other row: a run of sign-ins at the end is all it skips. Not
// NOT IN (…): SQLite builds a temporary index of the list on every run.
const char* const last_data_audit_id_sql =
    "SELECT id FROM audit_entry WHERE entity <> 'user' AND entity <> 'grant' AND entity <> 'password' AND "
    "entity <> 'user_state' AND entity <> 'sign_in' AND entity <> 'sign_in_failed' ORDER BY id DESC LIMIT 1";

std::int64_t insert_audit(sql::Db& db, const AuditEntry& a) {
  return db.prepare(
        "INSERT INTO audit_entry (at, user_name, entity, entity_key, before_value, after_value, unit_id, via) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
      .bind(1, a.at.empty() ? sql::utc_now_iso() : a.at)
      .bind(2, a.user)
      .bind(3, a.entity)
      .bind(4, a.key)
      .bind(5, a.before)
      .bind(6, a.after)
      .bind(7, a.unit)
      .bind(8, a.via)
      .run_returning_id();
}

int reopen_all_sections(sql::Db& db, const Actor& by) {
  struct Row {
    std::string doc, unit, section, state;
    std::int64_t year;
  };
  std::vector<Row> rows;
  {
    auto st = db.prepare(
        "SELECT doc, unit_id, year, section, state FROM section_status WHERE state <> 'draft' ORDER BY doc, unit_id, year, section");
    while (st.step()) rows.push_back({st.text(0), st.text(1), st.text(3), st.text(4), st.int64(2)});
  }
  const std::string at = sql::utc_now_iso();
  auto put = db.prepare(
      "UPDATE section_status SET state = 'draft', set_by = ?, set_at = ? WHERE doc = ? AND unit_id = ? AND year = ? AND section = ?");
  for (const Row& r : rows) {
    put.bind(1, by.user).bind(2, at).bind(3, r.doc).bind(4, r.unit).bind(5, r.year).bind(6, r.section).run();
    insert_audit(db, {0, at, by.user, "section", fmt::format("{}/{}/{}/{}", r.doc, r.unit, r.year, r.section), r.state,
                      std::string("draft"), r.unit, by.via});
  }
  return static_cast<int>(rows.size());
}

std::vector<SectionStatus> section_statuses_of(sql::Stmt& st) {
  std::vector<SectionStatus> out;
  while (st.step())
    out.push_back({st.text(0), st.text(1), static_cast<int>(st.int64(2)), st.text(3),
                   parse_section_state(st.text(4)).value_or(SectionState::draft), st.text(5), st.text(6),
                   st.opt_text(7).value_or("")});
  return out;
}

std::vector<SectionStatus> reviewed_sections(sql::Db& db) {
  auto st = db.prepare(
      "SELECT doc, unit_id, year, section, state, set_by, set_at, reopened_by FROM section_status "
      "WHERE state <> 'draft' ORDER BY doc, unit_id, year, section");
  return section_statuses_of(st);
}

int reopen_changed_sections(sql::Db& db, const Actor& by, const std::vector<SectionRef>& changed, const std::string& reason) {
  const std::string at = sql::utc_now_iso();
  auto put = db.prepare(
      "UPDATE section_status SET state = 'draft', set_by = ?, set_at = ?, reopened_by = ? "
      "WHERE doc = ? AND unit_id = ? AND year = ? AND section = ?");
  auto was = db.prepare("SELECT state FROM section_status WHERE doc = ? AND unit_id = ? AND year = ? AND section = ?");
  int n = 0;
  for (const SectionRef& r : changed) {
    was.bind(1, r.doc).bind(2, r.unit).bind(3, std::int64_t{r.year}).bind(4, r.section);
    std::optional<std::string> before = was.step() ? std::optional<std::string>(was.text(0)) : std::nullopt;
    was.reset();
    if (!before || *before == "draft") continue;
    put.bind(1, by.user).bind(2, at).bind(3, reason).bind(4, r.doc).bind(5, r.unit).bind(6, std::int64_t{r.year}).bind(7, r.section).run();
    insert_audit(db, {0, at, by.user, "section", fmt::format("{}/{}/{}/{}", r.doc, r.unit, r.year, r.section), before,
                      std::string("draft"), r.unit, by.via});
    ++n;
  }
  return n;
}

}  // namespace toteuma
