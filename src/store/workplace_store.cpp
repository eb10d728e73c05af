// The shared workplace's side of the SQLite store (migration 8): edits of dataset values with
// their audit trail and stale-edit refusal, section review states, frozen document versions.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>

#include "core/budgeting/proposal.h"
#include "core/date.h"
#include "core/money.h"
#include "core/finance/scenario.h"
#include "store/dataset_read.h"
#include "store/alternative_rows.h"
#include "store/comment_rows.h"
#include "store/spending_rows.h"
#include "store/calendar_rows.h"
#include "store/goal_edit_rows.h"
#include "store/translation_rows.h"
#include "store/audit_rows.h"
#include "store/sql_db.h"
#include "store/sha256.h"
#include "store/workplace_store.h"

namespace toteuma {

StaleChange::StaleChange(Change c, std::optional<std::string> now)
    : StoreError(msg("err.store.stale", c.entity, c.key)),
      change(std::move(c)),
      current(std::move(now)) {}

namespace {

using sql::utc_now_iso;

std::vector<std::string> split(const std::string& s, char sep, std::size_t max_parts = 0) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    std::size_t next = s.find(sep, pos);
    if (next == std::string::npos || (max_parts && out.size() + 1 == max_parts)) {
      out.push_back(s.substr(pos));
      return out;
    }
    out.push_back(s.substr(pos, next - pos));
    pos = next + 1;
  }
}

std::optional<std::int64_t> parse_int(const std::string& s) {
  std::size_t digits = s.size() - (!s.empty() && s[0] == '-' ? 1 : 0);
  if (digits == 0 || !std::all_of(s.end() - static_cast<std::ptrdiff_t>(digits), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

int parse_year(const std::string& s) {
  if (s.size() != 4 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw StoreError(msg("err.store.year", s));
  return std::stoi(s);
}

std::string parse_lang_part(const std::string& s) {
  if (s != "fi" && s != "sv") throw StoreError(msg("err.store.lang", s));
  return s;
}

enum class Entity { figure, narrative, narrative_origin, metric_value, realisation, goal, scenario, version_figure, proposal, proposal_note,
                    alternative_part, version_htv, spending_plan,
                    calendar_item,  // admin: the annual clock's items (store/calendar_rows.h)
                    goal_record /* goals-web: goal_def, goal_action, metric, theme, goal_status, review, review_item */ };

// A change's key, validated, with the unit its audit row belongs to.
struct Target {
  Entity entity;
  std::vector<std::string> parts;
  int year = 0;
  std::string lang;  // "fi" | "sv" (narrative, realisation, goal)
  std::string unit;
  std::string kind = {};  // alternative_part: the entity's name
  // realisation and goal texts: an empty text is no text ("delete" sets the language to "").
  bool text_column() const {
    return entity == Entity::realisation || entity == Entity::goal || entity == Entity::proposal_note || kind == "alternative_note";
  }
};

// Hex SHA-256 over the files in (lang, format) order, each: lang \0 format \0 length \0 bytes.
std::string content_hash(std::vector<VersionFile> files) {
  std::sort(files.begin(), files.end(),
            [](const VersionFile& a, const VersionFile& b) { return std::tie(a.lang, a.format) < std::tie(b.lang, b.format); });
  Sha256 h;
  auto add = [&](const std::string& s, bool terminate) {
    h.add(s);
    if (terminate) h.add(std::string_view("\0", 1));
  };
  for (const auto& f : files) {
    add(f.lang, true);
    add(f.format, true);
    add(std::to_string(f.bytes.size()), true);
    add(f.bytes, false);
  }
  return h.hex();
}

// Opening the dataset store first applies the migrations.
const std::string& migrated(const std::string& path) {
  open_store(path);
  return path;
}

class SqlWorkplaceStore final : public WorkplaceStore {
 public:
  explicit SqlWorkplaceStore(const std::string& path) : db_(migrated(path)) {
    db_.pragma("foreign_keys=ON");
    db_.pragma("synchronous=NORMAL");
  }

  std::vector<std::int64_t> apply(const std::string& user, const std::vector<Change>& changes,
                                  const StateCheck& check, const ChangedSections& changed) override {
    sql::Transaction tx(db_);
    const std::string at = utc_now_iso();
    writer_ = {user, at};  // a proposal's state records who moved it
    std::vector<std::int64_t> ids;
    std::string reason;  // the changes written, "entity key" a line
    std::vector<Target> texts;  // the narratives saved
    for (const Change& sent : changes) {
      Target t = target(sent.entity, sent.key);
      // A goal record stored by this change: its audit row belongs to the unit its value names.
      if (t.entity == Entity::goal_record && t.unit.empty() && sent.after) t.unit = goal_record_unit(db_, t.kind, *sent.after);
      Change c = sent;
      if (t.text_column()) {
        if (c.before && c.before->empty()) c.before.reset();
        if (c.after && c.after->empty()) c.after.reset();
      }
      if (c.after) check_value(t, *c.after);  // a malformed value is refused as such, stale or not
      auto now = read(t);
      if (now != c.before) throw StaleChange(sent, now);  // the transaction rolls back
      bool text = t.entity == Entity::narrative || t.entity == Entity::narrative_origin;
      if (text) texts.push_back(t);  // saved, even unchanged: the translation is checked against its source
      if (c.before == c.after) continue;
      if (text) keep_unrecorded_sources(db_, t.unit, t.year, t.parts[2]);
      write(t, c.after);
      ids.push_back(add_audit(at, user, c.entity, c.key, c.before, c.after, t.unit));
      reason += (reason.empty() ? "" : "\n") + c.entity + " " + c.key;
    }
    for (const Target& t : texts)
      if (auto seen = record_source(db_, t.unit, t.year, t.parts[2], t.lang))
        ids.push_back(add_audit(at, user, "narrative_source", fmt::format("{}/{}/{}/{}", t.unit, t.year, t.parts[2], t.lang),
                                seen->first, seen->second, t.unit));
    if (!ids.empty() && (check || changed)) {
      const Dataset written = read_dataset(db_);
      if (check) check(written);  // throws to refuse: the transaction rolls back
      if (changed) reopen(user, at, reason, changed, written);
    }
    tx.commit();
    return ids;
  }

  std::optional<std::string> current(const std::string& entity, const std::string& key) override {
    if (entity == "comment_thread") {  // a thread's state (thread_state), key target_id
      auto t = parse_target_id(key);
      if (!t) throw StoreError(msg("err.comment.bad_target", key));
      return read_thread_state(db_, *t);
    }
    return read(target(entity, key));
  }

  std::vector<AuditEntry> audit(const std::string& unit, int limit) override {
    auto st = db_.prepare(
        "SELECT id, at, user_name, entity, entity_key, before_value, after_value, unit_id, via FROM audit_entry "
        "WHERE ? = '' OR unit_id = ? ORDER BY id DESC LIMIT ?");
    st.bind(1, unit).bind(2, unit).bind(3, limit > 0 ? std::int64_t{limit} : std::numeric_limits<std::int64_t>::max());
    std::vector<AuditEntry> out;
    while (st.step())
      out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.opt_text(5), st.opt_text(6), st.text(7),
                     st.text(8)});
    return out;
  }

  std::vector<SectionStatus> section_statuses(const std::string& doc, const std::string& unit, int year) override {
    auto st = db_.prepare(
        "SELECT doc, unit_id, year, section, state, set_by, set_at, reopened_by FROM section_status "
        "WHERE doc = ? AND unit_id = ? AND year = ? ORDER BY section");
    st.bind(1, doc).bind(2, unit).bind(3, std::int64_t{year});
    return section_statuses_of(st);
  }

  std::vector<SectionStatus> reviewed_sections() override { return toteuma::reviewed_sections(db_); }

  void set_section_state(const std::string& user, const SectionStatus& s, const std::string& comment) override {
    if (s.doc.empty() || s.unit.empty() || s.section.empty()) throw StoreError("section status without doc, unit or section");
    sql::Transaction tx(db_);
    const std::string at = utc_now_iso();
    std::string before = state_of(s.doc, s.unit, s.year, s.section);
    put_state(user, at, {s.doc, s.unit, s.year, s.section}, before, to_string(s.state), std::nullopt);
    if (!comment.empty())
      insert_comment(db_, at, user, {CommentOn::section, fmt::format("{}/{}/{}/{}", s.doc, s.unit, s.year, s.section)}, comment);
    tx.commit();
  }

  std::vector<CommentThread> comment_threads(CommentOn on, const std::string& unit, const std::string& key_prefix) override {
    return read_comment_threads(db_, on, unit, key_prefix);
  }
  std::optional<CommentThread> comment_thread(const CommentTarget& t) override { return read_comment_thread(db_, t); }
  std::int64_t add_comment(const std::string& user, const CommentTarget& t, const std::string& text) override {
    return insert_comment(db_, utc_now_iso(), user, t, text);
  }
  void resolve_thread(const std::string& user, const CommentTarget& t, bool resolved, const std::string& seen) override {
    set_thread_resolved(db_, utc_now_iso(), user, t, resolved, seen);
  }

  DocumentVersion freeze(const std::string& user, const std::string& doc, const std::string& unit, int year,
                         std::vector<VersionFile> files, int check_errors, const std::string& check_reason) override {
    if (check_errors < 0) throw StoreError("negative check error count");
    if (check_errors > 0 && check_reason.find_first_not_of(" \t\r\n") == std::string::npos)
      throw StoreError(msg("err.store.reason_required"));
    for (std::size_t i = 0; i < files.size(); ++i)
      for (std::size_t j = i + 1; j < files.size(); ++j)
        if (files[i].lang == files[j].lang && files[i].format == files[j].format)
          throw StoreError("duplicate version file " + files[i].lang + " " + files[i].format);
    DocumentVersion v;
    v.doc = doc;
    v.unit = unit;
    v.year = year;
    v.content_hash = content_hash(files);
    v.approved_by = user;
    v.approved_at = utc_now_iso();
    v.check_errors = check_errors;
    v.check_reason = check_errors > 0 ? check_reason : "";
    sql::Transaction tx(db_);
    {
      auto st = db_.prepare(
          "SELECT COALESCE(MAX(number), 0) FROM document_version WHERE doc = ? AND unit_id = ? AND year = ?");
      st.bind(1, doc).bind(2, unit).bind(3, std::int64_t{year}).step();
      v.number = static_cast<int>(st.int64(0)) + 1;
    }
    v.id = db_.prepare(
           "INSERT INTO document_version (doc, unit_id, year, number, content_hash, approved_by, approved_at, check_errors, "
           "check_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
        .bind(1, doc)
        .bind(2, unit)
        .bind(3, std::int64_t{year})
        .bind(4, std::int64_t{v.number})
        .bind(5, v.content_hash)
        .bind(6, user)
        .bind(7, v.approved_at)
        .bind(8, std::int64_t{v.check_errors})
        .bind(9, v.check_reason)
        .run_returning_id();
    for (const auto& f : files) put_file(v.id, f);
    tx.commit();
    return v;
  }

  void publish(const std::string& user, std::int64_t version_id) override {
    sql::Transaction tx(db_);
    require_version(version_id);
    db_.prepare("UPDATE document_version SET published_by = ?, published_at = ? WHERE id = ?")
        .bind(1, user)
        .bind(2, utc_now_iso())
        .bind(3, version_id)
        .run();
    tx.commit();
  }

  std::vector<DocumentVersion> versions(bool published_only) override {
    auto st = db_.prepare(std::string(kVersionColumns) +
                          (published_only ? " WHERE published_at IS NOT NULL" : "") + " ORDER BY id DESC");
    std::vector<DocumentVersion> out;
    while (st.step()) out.push_back(version_of(st));
    return out;
  }

  std::optional<DocumentVersion> version(std::int64_t id) override {
    sql::Transaction tx(db_);
    auto st = db_.prepare(std::string(kVersionColumns) + " WHERE id = ?");
    if (!st.bind(1, id).step()) return std::nullopt;
    DocumentVersion v = version_of(st);
    auto files = db_.prepare("SELECT lang, format, bytes FROM version_file WHERE version_id = ? ORDER BY lang, format");
    files.bind(1, id);
    while (files.step()) v.files.push_back({files.text(0), files.text(1), files.blob(2)});
    tx.commit();
    return v;
  }

  void add_version_file(std::int64_t id, const VersionFile& f) override {
    sql::Transaction tx(db_);
    require_version(id);
    put_file(id, f);
    tx.commit();
  }

 private:
  std::pair<std::string, std::string> writer_;  // apply's user and time, for the proposal state's record

  static constexpr const char* kVersionColumns =
      "SELECT id, doc, unit_id, year, number, content_hash, approved_by, approved_at, published_by, published_at, "
      "check_errors, check_reason FROM document_version";

  static DocumentVersion version_of(sql::Stmt& st) {
    DocumentVersion v;
    v.id = st.int64(0);
    v.doc = st.text(1);
    v.unit = st.text(2);
    v.year = static_cast<int>(st.int64(3));
    v.number = static_cast<int>(st.int64(4));
    v.content_hash = st.text(5);
    v.approved_by = st.text(6);
    v.approved_at = st.text(7);
    v.published_by = st.opt_text(8).value_or("");
    v.published_at = st.opt_text(9).value_or("");
    v.check_errors = static_cast<int>(st.int64(10));
    v.check_reason = st.text(11);
    return v;
  }

  // Inside apply's transaction: the reviewed sections the written changes altered go back to draft.
  void reopen(const std::string& user, const std::string& at, const std::string& reason, const ChangedSections& changed,
              const Dataset& written) {
    std::vector<SectionStatus> reviewed = reviewed_sections();
    if (reviewed.empty()) return;
    for (const SectionRef& r : changed(written, reviewed))
      for (const SectionStatus& s : reviewed)
        if (s.doc == r.doc && s.unit == r.unit && s.year == r.year && s.section == r.section)
          put_state(user, at, r, to_string(s.state), "draft", reason);
  }

  void require_version(std::int64_t id) {
    if (!db_.prepare("SELECT 1 FROM document_version WHERE id = ?").bind(1, id).step())
      throw StoreError(msg("err.store.unknown_version", id));
  }

  // Bytes as a blob: a file's bytes need not be UTF-8.
  void put_file(std::int64_t id, const VersionFile& f) {
    db_.prepare(
           "INSERT INTO version_file (version_id, lang, format, bytes) VALUES (?, ?, ?, ?) "
           "ON CONFLICT (version_id, lang, format) DO UPDATE SET bytes = excluded.bytes")
        .bind(1, id)
        .bind(2, f.lang)
        .bind(3, f.format)
        .bind_blob(4, f.bytes)
        .run();
  }

  std::string state_of(const std::string& doc, const std::string& unit, int year, const std::string& section) {
    auto st = db_.prepare("SELECT state FROM section_status WHERE doc = ? AND unit_id = ? AND year = ? AND section = ?");
    st.bind(1, doc).bind(2, unit).bind(3, std::int64_t{year}).bind(4, section);
    return st.step() ? st.text(0) : std::string("draft");  // no record = draft
  }

  void put_state(const std::string& user, const std::string& at, const SectionRef& s, const std::string& before,
                 const std::string& after, const std::optional<std::string>& reopened_by) {
    db_.prepare(
           "INSERT INTO section_status (doc, unit_id, year, section, state, set_by, set_at, reopened_by) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc, unit_id, year, section) DO UPDATE SET state = excluded.state, "
           "set_by = excluded.set_by, set_at = excluded.set_at, reopened_by = excluded.reopened_by")
        .bind(1, s.doc)
        .bind(2, s.unit)
        .bind(3, std::int64_t{s.year})
        .bind(4, s.section)
        .bind(5, after)
        .bind(6, user)
        .bind(7, at)
        .bind(8, reopened_by)
        .run();
    add_audit(at, user, "section", fmt::format("{}/{}/{}/{}", s.doc, s.unit, s.year, s.section), before, after, s.unit);
  }

  std::int64_t add_audit(const std::string& at, const std::string& user, const std::string& entity, const std::string& key,
                         const std::optional<std::string>& before, const std::optional<std::string>& after,
                         const std::string& unit) {
    return insert_audit(db_, {0, at, user, entity, key, before, after, unit, "web"});
  }

  bool exists(const char* sql, const std::string& id) { return db_.prepare(sql).bind(1, id).step(); }

  void require_unit(const std::string& id) {
    if (!exists("SELECT 1 FROM unit_version WHERE id = ?", id)) throw StoreError(msg("err.unknown_unit", id));
  }

  // The municipality of a unit: the id of its root (dataset.h's municipality_of, in SQL).
  std::string unit_municipality(const std::string& unit) {
    std::string id = unit;
    for (int guard = 0; guard < 64; ++guard) {
      auto st = db_.prepare("SELECT parent_id FROM unit_version WHERE id = ? AND parent_id IS NOT NULL AND parent_id <> '' LIMIT 1");
      if (!st.bind(1, id).step()) break;
      id = st.text(0);
    }
    return id;
  }

  // A figure of a municipality's scenario belongs to one of that municipality's units.
  void require_scenario_serves(const std::string& scenario, const std::string& unit) {
    auto st = db_.prepare("SELECT municipality_id FROM scenario WHERE id = ?");
    if (!st.bind(1, scenario).step()) return;
    std::string m = st.opt_text(0).value_or("");
    if (!m.empty() && unit_municipality(unit) != m) throw StoreError(msg("err.store.scenario_municipality", unit, scenario, m));
  }

  std::string goal_unit(const std::string& goal) {
    auto st = db_.prepare("SELECT unit_id FROM goal WHERE id = ?");
    if (!st.bind(1, goal).step()) throw StoreError(msg("err.store.unknown_goal", goal));
    return st.text(0);
  }

  Target target(const std::string& entity, const std::string& key) {
    static const std::vector<std::pair<std::string, std::pair<Entity, std::size_t>>> kinds = {
        {"figure", {Entity::figure, 3}},   {"narrative", {Entity::narrative, 4}}, {"narrative_origin", {Entity::narrative_origin, 4}},
        {"metric_value", {Entity::metric_value, 2}},
        {"realisation", {Entity::realisation, 3}}, {"goal", {Entity::goal, 2}},  {"scenario", {Entity::scenario, 1}},
        {"version_figure", {Entity::version_figure, 4}}, {"proposal", {Entity::proposal, 2}}, {"proposal_note", {Entity::proposal_note, 4}},
        {"version_htv", {Entity::version_htv, 3}},
        {"alternative", {Entity::alternative_part, alternative_key_parts("alternative")}},
        {"alternative_change", {Entity::alternative_part, alternative_key_parts("alternative_change")}},
        {"alternative_note", {Entity::alternative_part, alternative_key_parts("alternative_note")}},
        {"spending_plan", {Entity::spending_plan, 3}},
        {"calendar_item", {Entity::calendar_item, 1}},
        // goals-web (issue 17): store/goal_edit_rows.h
        {"goal_def", {Entity::goal_record, 1}}, {"goal_action", {Entity::goal_record, 2}}, {"metric", {Entity::goal_record, 1}},
        {"theme", {Entity::goal_record, 1}}, {"goal_status", {Entity::goal_record, 2}}, {"review", {Entity::goal_record, 1}},
        {"review_item", {Entity::goal_record, 2}}};
    auto kind = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == entity; });
    if (kind == kinds.end()) throw StoreError(msg("err.store.unknown_entity", entity));
    Target t{kind->second.first, split(key, '/'), 0, "", ""};
    if (t.parts.size() != kind->second.second ||
        std::any_of(t.parts.begin(), t.parts.end(), [](const std::string& p) { return p.empty(); }))
      throw StoreError(msg("err.store.bad_key", entity, key));
    const auto& p = t.parts;
    switch (t.entity) {
      case Entity::figure:
        require_unit(p[0]);
        if (!exists("SELECT 1 FROM chart_line WHERE id = ?", p[1])) throw StoreError(msg("err.store.unknown_line", p[1]));
        if (!exists("SELECT 1 FROM scenario WHERE id = ?", p[2])) throw StoreError(msg("err.store.unknown_scenario", p[2]));
        require_scenario_serves(p[2], p[0]);
        t.unit = p[0];
        break;
      case Entity::narrative:
      case Entity::narrative_origin:
        require_unit(p[0]);
        t.year = parse_year(p[1]);
        t.lang = parse_lang_part(p[3]);
        t.unit = p[0];
        break;
      case Entity::metric_value: {
        if (!parse_iso_date(p[1])) throw StoreError(msg("err.store.bad_date", p[1]));
        auto st = db_.prepare("SELECT g.unit_id FROM metric m JOIN goal g ON g.id = m.goal_id WHERE m.id = ?");
        if (!st.bind(1, p[0]).step()) throw StoreError(msg("err.unknown_metric", p[0]));
        t.unit = st.text(0);
        break;
      }
      case Entity::realisation:
        t.unit = goal_unit(p[0]);
        t.year = parse_year(p[1]);
        t.lang = parse_lang_part(p[2]);
        break;
      case Entity::goal:
        t.unit = goal_unit(p[0]);
        t.lang = parse_lang_part(p[1]);
        break;
      case Entity::scenario:
        break;  // a new id is allowed: the web creates amendments and forecasts
      case Entity::alternative_part:  // store/alternative_rows.h
        t.kind = entity;
        t.unit = check_alternative_key(db_, entity, p);
        break;
      case Entity::spending_plan:  // store/spending_rows.h
        t.unit = check_spending_key(db_, p);
        break;
      case Entity::calendar_item:  // store/calendar_rows.h; a new id creates an item (the loader checks its form)
        break;
      case Entity::goal_record:  // store/goal_edit_rows.h
        t.kind = entity;
        t.unit = check_goal_record_key(db_, entity, p);
        break;
      case Entity::version_figure:
      case Entity::version_htv:
      case Entity::proposal:
      case Entity::proposal_note: {
        // A budget round's version (migration 19): the unit's figures, htv, state and justifications in it.
        auto st = db_.prepare("SELECT year FROM budget_version WHERE id = ?");
        if (!st.bind(1, p[0]).step()) throw StoreError(msg("err.store.unknown_budget_version", p[0]));
        int year = static_cast<int>(st.int64(0));
        require_unit(p[1]);
        t.unit = p[1];
        if (t.entity == Entity::proposal) break;
        if (t.entity == Entity::version_htv) {  // version/unit/year
          t.year = parse_year(p[2]);
          if (t.year < year || t.year > year + 2) throw StoreError(msg("err.store.version_year", p[2], year));
          break;
        }
        if (!exists("SELECT 1 FROM chart_line WHERE id = ?", p[2])) throw StoreError(msg("err.store.unknown_line", p[2]));
        if (t.entity == Entity::proposal_note) {
          t.lang = parse_lang_part(p[3]);
          break;
        }
        t.year = parse_year(p[3]);
        if (t.year < year || t.year > year + 2) throw StoreError(msg("err.store.version_year", p[3], year));
        break;
      }
    }
    return t;
  }

  // The checks of write(), before anything is read or written.
  static void check_value(const Target& t, const std::string& v) {
    if (t.entity == Entity::proposal && !decode_proposal(v)) throw StoreError(msg("err.store.bad_proposal", v));
    if (t.entity == Entity::figure || t.entity == Entity::version_figure) {
      auto cents = parse_int(v);
      if (!cents) throw StoreError(msg("err.store.bad_amount", v));
      if (!within_entry_limit(*cents)) throw StoreError(msg("err.store.amount_limit", v));
    }
    if (t.entity == Entity::version_htv) {  // thousandths of a person-year
      auto htv = parse_int(v);
      if (!htv || *htv < 0) throw StoreError(msg("err.store.bad_htv", v));
    }
    if (t.entity == Entity::metric_value) {
      auto f = split(v, ';', 2);
      if (f.size() != 2 || !parse_int(f[0])) throw StoreError(msg("err.store.bad_metric_value", v));
    }
    if (t.entity == Entity::scenario) scenario_fields(v);
    if (t.entity == Entity::alternative_part) check_alternative_value(t.kind, t.parts, v);
    if (t.entity == Entity::spending_plan) check_spending_value(v);
    if (t.entity == Entity::calendar_item) check_calendar_value(t.parts[0], v);
    if (t.entity == Entity::goal_record) check_goal_record_value(t.kind, t.parts, v);
    // A person accepts a draft; nobody turns a person's text into a draft.
    if (t.entity == Entity::narrative_origin && v != "person") throw StoreError(msg("err.store.origin_person", v));
  }

  // kind;year;decision_ref;decision_date;name_fi;name_sv;municipality. Without the last field (the
  // encoding before it) a new scenario is the primary municipality's and an existing one keeps its own.
  static std::vector<std::string> scenario_fields(const std::string& v) {
    auto f = split(v, ';', 7);
    if (f.size() != 6 && f.size() != 7) throw StoreError(msg("err.store.bad_scenario", v));
    auto kind = parse_scenario_kind(f[0]);
    if (!kind) throw StoreError(msg("err.store.bad_scenario_kind", f[0]));
    parse_year(f[1]);
    if (*kind == ScenarioKind::amendment && f[2].empty()) throw StoreError(msg("err.store.amendment_decision"));
    if (!f[3].empty() && !parse_iso_date(f[3])) throw StoreError(msg("err.store.bad_decision_date", f[3]));
    return f;
  }

  static std::optional<std::string> nonempty(std::string s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(std::move(s));
  }

  std::optional<std::string> read(const Target& t) {
    const auto& p = t.parts;
    switch (t.entity) {
      case Entity::figure: {
        auto st = db_.prepare("SELECT amount_cents FROM figure WHERE unit_id = ? AND line_id = ? AND scenario_id = ?");
        if (!st.bind(1, p[0]).bind(2, p[1]).bind(3, p[2]).step()) return std::nullopt;
        return std::to_string(st.int64(0));
      }
      case Entity::narrative: {
        auto st = db_.prepare("SELECT markdown FROM narrative WHERE unit_id = ? AND year = ? AND section = ? AND lang = ?");
        if (!st.bind(1, p[0]).bind(2, std::int64_t{t.year}).bind(3, p[2]).bind(4, t.lang).step()) return std::nullopt;
        return st.text(0);
      }
      case Entity::narrative_origin: {
        auto st = db_.prepare("SELECT origin FROM narrative WHERE unit_id = ? AND year = ? AND section = ? AND lang = ?");
        if (!st.bind(1, p[0]).bind(2, std::int64_t{t.year}).bind(3, p[2]).bind(4, t.lang).step()) return std::nullopt;
        return st.text(0);
      }
      case Entity::metric_value: {
        auto st = db_.prepare("SELECT value_tenths, source FROM metric_value WHERE metric_id = ? AND on_date = ?");
        if (!st.bind(1, p[0]).bind(2, p[1]).step()) return std::nullopt;
        return fmt::format("{};{}", st.int64(0), st.text(1));
      }
      case Entity::realisation: {
        auto st = db_.prepare(t.lang == "fi" ? "SELECT text_fi FROM realisation WHERE goal_id = ? AND year = ?"
                                             : "SELECT text_sv FROM realisation WHERE goal_id = ? AND year = ?");
        if (!st.bind(1, p[0]).bind(2, std::int64_t{t.year}).step()) return std::nullopt;
        return nonempty(st.text(0));
      }
      case Entity::goal: {
        auto st = db_.prepare(t.lang == "fi" ? "SELECT text_fi FROM goal WHERE id = ?" : "SELECT text_sv FROM goal WHERE id = ?");
        if (!st.bind(1, p[0]).step()) return std::nullopt;
        return nonempty(st.text(0));
      }
      case Entity::scenario: {
        auto st = db_.prepare(
            "SELECT kind, year, decision_ref, decision_date, name_fi, name_sv, municipality_id FROM scenario WHERE id = ?");
        if (!st.bind(1, p[0]).step()) return std::nullopt;
        return fmt::format("{};{};{};{};{};{};{}", st.text(0), st.int64(1), st.text(2), st.opt_text(3).value_or(""), st.text(4),
                           st.text(5), st.opt_text(6).value_or(""));
      }
      case Entity::version_figure: {
        auto st = db_.prepare(
            "SELECT amount_cents FROM budget_version_figure WHERE version_id = ? AND unit_id = ? AND line_id = ? AND year = ?");
        if (!st.bind(1, p[0]).bind(2, p[1]).bind(3, p[2]).bind(4, std::int64_t{t.year}).step()) return std::nullopt;
        return std::to_string(st.int64(0));
      }
      case Entity::version_htv: {
        auto st = db_.prepare("SELECT htv_thousandths FROM budget_version_htv WHERE version_id = ? AND unit_id = ? AND year = ?");
        if (!st.bind(1, p[0]).bind(2, p[1]).bind(3, std::int64_t{t.year}).step()) return std::nullopt;
        return std::to_string(st.int64(0));
      }
      case Entity::proposal: {
        auto st = db_.prepare("SELECT state, comment FROM budget_proposal_state WHERE version_id = ? AND unit_id = ?");
        if (!st.bind(1, p[0]).bind(2, p[1]).step()) return std::nullopt;
        return st.text(0) + ";" + st.text(1);
      }
      case Entity::alternative_part:
        return read_alternative_part(db_, t.kind, p);
      case Entity::spending_plan:
        return read_spending_row(db_, p);
      case Entity::calendar_item:
        return read_calendar_row(db_, p[0]);
      case Entity::goal_record:
        return read_goal_record(db_, t.kind, p);
      case Entity::proposal_note: {
        auto st = db_.prepare("SELECT text FROM budget_proposal_note WHERE version_id = ? AND unit_id = ? AND line_id = ? AND lang = ?");
        if (!st.bind(1, p[0]).bind(2, p[1]).bind(3, p[2]).bind(4, t.lang).step()) return std::nullopt;
        return nonempty(st.text(0));
      }
    }
    return std::nullopt;
  }

  void write(const Target& t, const std::optional<std::string>& after) {
    const auto& p = t.parts;
    switch (t.entity) {
      case Entity::figure:
        if (!after) {
          db_.prepare("DELETE FROM figure WHERE unit_id = ? AND line_id = ? AND scenario_id = ?")
              .bind(1, p[0]).bind(2, p[1]).bind(3, p[2]).run();
          return;
        }
        {
          auto amount = parse_int(*after);
          if (!amount) throw StoreError(msg("err.store.bad_amount", *after));
          db_.prepare(
                 "INSERT INTO figure (unit_id, line_id, scenario_id, amount_cents) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (unit_id, line_id, scenario_id) DO UPDATE SET amount_cents = excluded.amount_cents")
              .bind(1, p[0]).bind(2, p[1]).bind(3, p[2]).bind(4, *amount).run();
        }
        return;
      case Entity::narrative:
        if (!after) {
          db_.prepare("DELETE FROM narrative WHERE unit_id = ? AND year = ? AND section = ? AND lang = ?")
              .bind(1, p[0]).bind(2, std::int64_t{t.year}).bind(3, p[2]).bind(4, t.lang).run();
          return;
        }
        // A person's text: it replaces a draft and is never replaced by a drafting run.
        db_.prepare(
               "INSERT INTO narrative (unit_id, year, section, lang, origin, markdown) VALUES (?, ?, ?, ?, 'person', ?) "
               "ON CONFLICT (unit_id, year, section, lang) DO UPDATE SET origin = 'person', markdown = excluded.markdown")
            .bind(1, p[0]).bind(2, std::int64_t{t.year}).bind(3, p[2]).bind(4, t.lang).bind(5, *after).run();
        return;
      case Entity::narrative_origin:
        // Accepting a draft as is: the text stays, it is a person's from now on. The stale check
        // has compared `before` with the stored origin, so a text exists unless before was null.
        if (!after) throw StoreError(msg("err.store.origin_delete"));
        if (!read(t)) throw StoreError(msg("err.store.no_text_to_accept", t.parts[0] + "/" + t.parts[1] + "/" + t.parts[2] + "/" + t.lang));
        db_.prepare("UPDATE narrative SET origin = 'person' WHERE unit_id = ? AND year = ? AND section = ? AND lang = ?")
            .bind(1, p[0]).bind(2, std::int64_t{t.year}).bind(3, p[2]).bind(4, t.lang).run();
        return;
      case Entity::metric_value:
        if (!after) {
          db_.prepare("DELETE FROM metric_value WHERE metric_id = ? AND on_date = ?").bind(1, p[0]).bind(2, p[1]).run();
          return;
        }
        {
          auto v = split(*after, ';', 2);
          auto tenths = v.size() == 2 ? parse_int(v[0]) : std::nullopt;
          if (!tenths) throw StoreError(msg("err.store.bad_metric_value", *after));
          db_.prepare(
                 "INSERT INTO metric_value (metric_id, on_date, value_tenths, source) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (metric_id, on_date) DO UPDATE SET value_tenths = excluded.value_tenths, source = excluded.source")
              .bind(1, p[0]).bind(2, p[1]).bind(3, *tenths).bind(4, v[1]).run();
        }
        return;
      case Entity::realisation: {
        // A new realisation has no status or reasons yet; deleting a text empties that language.
        std::string text = after.value_or("");
        std::string fi = t.lang == "fi" ? text : "", sv = t.lang == "sv" ? text : "";
        db_.prepare(t.lang == "fi"
                        ? "INSERT INTO realisation (goal_id, year, status, reason_fi, reason_sv, text_fi, text_sv) "
                          "VALUES (?, ?, NULL, '', '', ?, ?) ON CONFLICT (goal_id, year) DO UPDATE SET text_fi = excluded.text_fi"
                        : "INSERT INTO realisation (goal_id, year, status, reason_fi, reason_sv, text_fi, text_sv) "
                          "VALUES (?, ?, NULL, '', '', ?, ?) ON CONFLICT (goal_id, year) DO UPDATE SET text_sv = excluded.text_sv")
            .bind(1, p[0]).bind(2, std::int64_t{t.year}).bind(3, fi).bind(4, sv).run();
        return;
      }
      case Entity::goal:
        db_.prepare(t.lang == "fi" ? "UPDATE goal SET text_fi = ? WHERE id = ?" : "UPDATE goal SET text_sv = ? WHERE id = ?")
            .bind(1, after.value_or("")).bind(2, p[0]).run();
        return;
      case Entity::scenario:
        write_scenario(p[0], after);
        return;
      case Entity::version_figure:
      case Entity::version_htv:
      case Entity::proposal:
      case Entity::proposal_note:
        write_proposal_part(t, after);
        return;
      case Entity::alternative_part:
        write_alternative_part(db_, t.kind, p, after);
        return;
      case Entity::spending_plan:
        write_spending_row(db_, p, after);
        return;
      case Entity::calendar_item:
        write_calendar_row(db_, p[0], after);
        return;
      case Entity::goal_record:
        write_goal_record(db_, t.kind, p, after);
        return;
    }
  }

  // A unit's proposal in a budget round: a figure of the version, its htv, its state, a justification.
  void write_proposal_part(const Target& t, const std::optional<std::string>& after) {
    const auto& p = t.parts;
    if (t.entity == Entity::version_htv) {
      if (!after) {
        db_.prepare("DELETE FROM budget_version_htv WHERE version_id = ? AND unit_id = ? AND year = ?")
            .bind(1, p[0]).bind(2, p[1]).bind(3, std::int64_t{t.year}).run();
        return;
      }
      db_.prepare(
             "INSERT INTO budget_version_htv (version_id, unit_id, year, htv_thousandths) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (version_id, unit_id, year) DO UPDATE SET htv_thousandths = excluded.htv_thousandths")
          .bind(1, p[0]).bind(2, p[1]).bind(3, std::int64_t{t.year}).bind(4, *parse_int(*after)).run();
      return;
    }
    if (t.entity == Entity::version_figure) {
      if (!after) {
        db_.prepare("DELETE FROM budget_version_figure WHERE version_id = ? AND unit_id = ? AND line_id = ? AND year = ?")
            .bind(1, p[0]).bind(2, p[1]).bind(3, p[2]).bind(4, std::int64_t{t.year}).run();
        return;
      }
      auto amount = parse_int(*after);
      if (!amount) throw StoreError(msg("err.store.bad_amount", *after));
      db_.prepare(
             "INSERT INTO budget_version_figure (version_id, unit_id, line_id, year, amount_cents) VALUES (?, ?, ?, ?, ?) "
             "ON CONFLICT (version_id, unit_id, line_id, year) DO UPDATE SET amount_cents = excluded.amount_cents")
          .bind(1, p[0]).bind(2, p[1]).bind(3, p[2]).bind(4, std::int64_t{t.year}).bind(5, *amount).run();
      return;
    }
    if (t.entity == Entity::proposal_note) {
      if (!after) {
        db_.prepare("DELETE FROM budget_proposal_note WHERE version_id = ? AND unit_id = ? AND line_id = ? AND lang = ?")
            .bind(1, p[0]).bind(2, p[1]).bind(3, p[2]).bind(4, t.lang).run();
        return;
      }
      db_.prepare(
             "INSERT INTO budget_proposal_note (version_id, unit_id, line_id, lang, text) VALUES (?, ?, ?, ?, ?) "
             "ON CONFLICT (version_id, unit_id, line_id, lang) DO UPDATE SET text = excluded.text")
          .bind(1, p[0]).bind(2, p[1]).bind(3, p[2]).bind(4, t.lang).bind(5, *after).run();
      return;
    }
    if (!after) {
      db_.prepare("DELETE FROM budget_proposal_state WHERE version_id = ? AND unit_id = ?").bind(1, p[0]).bind(2, p[1]).run();
      return;
    }
    auto v = decode_proposal(*after);
    if (!v) throw StoreError(msg("err.store.bad_proposal", *after));
    db_.prepare(
           "INSERT INTO budget_proposal_state (version_id, unit_id, state, comment, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?) "
           "ON CONFLICT (version_id, unit_id) DO UPDATE SET state = excluded.state, comment = excluded.comment, "
           "changed_by = excluded.changed_by, changed_at = excluded.changed_at")
        .bind(1, p[0]).bind(2, p[1]).bind(3, to_string(v->state)).bind(4, v->comment).bind(5, writer_.first).bind(6, writer_.second).run();
  }

  void write_scenario(const std::string& id, const std::optional<std::string>& after) {
    if (!after) {
      if (exists("SELECT 1 FROM figure WHERE scenario_id = ?", id) ||
          exists("SELECT 1 FROM investment_figure WHERE scenario_id = ?", id))
        throw StoreError(msg("err.store.scenario_has_figures", id));
      db_.prepare("DELETE FROM scenario WHERE id = ?").bind(1, id).run();
      return;
    }
    auto f = scenario_fields(*after);
    std::optional<std::string> muni;
    if (f.size() == 7) {
      muni = f[6];
      if (!muni->empty() && !exists("SELECT 1 FROM municipality WHERE id = ?", *muni))
        throw StoreError(msg("err.store.unknown_municipality", *muni));
      // Its figures stay with their municipality.
      auto st = db_.prepare("SELECT DISTINCT unit_id FROM figure WHERE scenario_id = ?");
      st.bind(1, id);
      while (!muni->empty() && st.step())
        if (unit_municipality(st.text(0)) != *muni) throw StoreError(msg("err.store.scenario_municipality", st.text(0), id, *muni));
    } else if (!exists("SELECT 1 FROM scenario WHERE id = ?", id)) {
      auto st = db_.prepare("SELECT id FROM municipality ORDER BY position LIMIT 1");
      if (st.step()) muni = st.text(0);
    }
    db_.prepare(
           "INSERT INTO scenario (id, kind, year, base_year, name_fi, name_sv, decision_ref, decision_date, municipality_id) "
           "VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, year = excluded.year, "
           "name_fi = excluded.name_fi, name_sv = excluded.name_sv, decision_ref = excluded.decision_ref, "
           "decision_date = excluded.decision_date, municipality_id = COALESCE(?, scenario.municipality_id)")
        .bind(1, id)
        .bind(2, f[0])
        .bind(3, std::int64_t{parse_year(f[1])})
        .bind(4, f[4])
        .bind(5, f[5])
        .bind(6, f[2])
        .bind(7, f[3].empty() ? std::nullopt : std::optional<std::string>(f[3]))
        .bind(8, muni)
        .bind(9, muni)
        .run();
  }

  sql::Db db_;
};

}  // namespace

std::unique_ptr<WorkplaceStore> open_workplace_store(const std::string& path) {
  return std::make_unique<SqlWorkplaceStore>(path);
}

}  // namespace toteuma
