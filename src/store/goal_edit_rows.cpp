#include "store/goal_edit_rows.h"

#include "core/fixed.h"
#include "core/goals/goal_edit.h"
#include "core/i18n.h"
#include "store/store.h"

namespace toteuma {

namespace {

bool exists(sql::Db& db, const char* sql, const std::string& id) { return db.prepare(sql).bind(1, id).step(); }

std::string unit_of_goal(sql::Db& db, const std::string& goal) {
  auto st = db.prepare("SELECT unit_id FROM goal WHERE id = ?");
  if (!st.bind(1, goal).step()) throw StoreError(msg("err.store.unknown_goal", goal));
  return st.text(0);
}

int int_part(const std::string& s, const char* err) {
  auto v = s.size() <= 9 ? parse_fixed(s, 0) : std::nullopt;
  if (!v) throw StoreError(msg(err, s));
  return static_cast<int>(*v);
}

std::optional<std::string> opt_iso(const std::optional<Date>& d) { return d ? std::optional<std::string>(to_iso(*d)) : std::nullopt; }
std::optional<Date> opt_date(const std::optional<std::string>& s) { return s ? parse_iso_date(*s) : std::nullopt; }

[[noreturn]] void bad_value(const std::string& entity, const std::string& value) {
  throw StoreError(msg("err.store.bad_goal_record", entity, value));
}

}  // namespace

std::size_t goal_record_key_parts(const std::string& entity) {
  if (entity == "goal_def" || entity == "metric" || entity == "theme" || entity == "review") return 1;
  if (entity == "goal_action" || entity == "goal_status" || entity == "review_item") return 2;
  return 0;
}

std::string check_goal_record_key(sql::Db& db, const std::string& entity, const std::vector<std::string>& k) {
  if (entity == "goal_def") {
    auto st = db.prepare("SELECT unit_id FROM goal WHERE id = ?");
    return st.bind(1, k[0]).step() ? st.text(0) : std::string();
  }
  if (entity == "metric") {
    auto st = db.prepare("SELECT g.unit_id FROM metric m JOIN goal g ON g.id = m.goal_id WHERE m.id = ?");
    return st.bind(1, k[0]).step() ? st.text(0) : std::string();
  }
  if (entity == "review") {
    auto st = db.prepare("SELECT unit_id FROM review WHERE id = ?");
    return st.bind(1, k[0]).step() ? st.text(0) : std::string();
  }
  if (entity == "theme") return "";
  if (entity == "goal_action") {
    int_part(k[1], "err.store.bad_position");
    return unit_of_goal(db, k[0]);
  }
  if (entity == "goal_status") {
    if (k[1].size() != 4) throw StoreError(msg("err.store.year", k[1]));
    int_part(k[1], "err.store.year");
    return unit_of_goal(db, k[0]);
  }
  // review_item: a goal of the review's own unit.
  auto st = db.prepare("SELECT unit_id FROM review WHERE id = ?");
  if (!st.bind(1, k[0]).step()) throw StoreError(msg("err.store.unknown_review", k[0]));
  std::string unit = st.text(0);
  if (unit_of_goal(db, k[1]) != unit) throw StoreError(msg("err.store.review_goal_unit", k[1], unit));
  return unit;
}

std::string goal_record_unit(sql::Db& db, const std::string& entity, const std::string& value) {
  if (entity == "goal_def") return decode_goal_def("x", value).value_or(Goal{}).unit;
  if (entity == "review") return decode_review("x", value).value_or(Review{}).unit;
  if (entity == "metric") {
    auto m = decode_metric("x", value);
    return m ? unit_of_goal(db, m->goal) : std::string();
  }
  return "";
}

void check_goal_record_value(const std::string& entity, const std::vector<std::string>& k, const std::string& v) {
  bool ok = entity == "goal_def"      ? decode_goal_def(k[0], v).has_value()
            : entity == "goal_action" ? decode_goal_action(k[0], 0, v).has_value()
            : entity == "metric"      ? decode_metric(k[0], v).has_value()
            : entity == "theme"       ? decode_theme(k[0], v).has_value()
            : entity == "goal_status" ? decode_goal_status(k[0], 0, v).has_value()
            : entity == "review"      ? decode_review(k[0], v).has_value()
                                      : decode_review_item(k[0], k[1], v).has_value();
  if (!ok) bad_value(entity, v);
}

std::optional<std::string> read_goal_record(sql::Db& db, const std::string& entity, const std::vector<std::string>& k) {
  if (entity == "goal_def") {
    auto st = db.prepare(
        "SELECT year, unit_id, level, theme_id, parent_id, position, retired, text_fi, text_sv, responsible_fi, responsible_sv "
        "FROM goal WHERE id = ?");
    if (!st.bind(1, k[0]).step()) return std::nullopt;
    return encode_goal_def({k[0], static_cast<int>(st.int64(0)), st.text(1), st.text(2), st.text(3), st.text(4),
                            static_cast<int>(st.int64(5)), {st.text(7), st.text(8)}, {st.text(9), st.text(10)},
                            opt_date(st.opt_text(6))});
  }
  if (entity == "goal_action") {
    auto st = db.prepare(
        "SELECT text_fi, text_sv, responsible_fi, responsible_sv FROM goal_action WHERE goal_id = ? AND position = ? "
        "ORDER BY seq LIMIT 1");
    if (!st.bind(1, k[0]).bind(2, std::int64_t{int_part(k[1], "err.store.bad_position")}).step()) return std::nullopt;
    return encode_goal_action({k[0], 0, {st.text(0), st.text(1)}, {st.text(2), st.text(3)}});
  }
  if (entity == "metric") {
    auto st = db.prepare(
        "SELECT goal_id, name_fi, name_sv, value_unit, direction, target_tenths, partly_tenths, owner, frequency FROM metric WHERE id = ?");
    if (!st.bind(1, k[0]).step()) return std::nullopt;
    return encode_metric({k[0], st.text(0), {st.text(1), st.text(2)}, st.text(3), st.text(4), st.opt_int64(5), st.opt_int64(6),
                          st.text(7), st.text(8)});
  }
  if (entity == "theme") {
    auto st = db.prepare("SELECT valid_from, valid_to, name_fi, name_sv FROM theme WHERE id = ?");
    if (!st.bind(1, k[0]).step()) return std::nullopt;
    return encode_theme({k[0], parse_iso_date(st.text(0)).value_or(Date{}), opt_date(st.opt_text(1)), {st.text(2), st.text(3)}});
  }
  if (entity == "goal_status") {  // none: no realisation, or one without a status or reason
    auto st = db.prepare("SELECT status, reason_fi, reason_sv FROM realisation WHERE goal_id = ? AND year = ?");
    if (!st.bind(1, k[0]).bind(2, std::int64_t{int_part(k[1], "err.store.year")}).step()) return std::nullopt;
    auto status = st.opt_text(0);
    if (!status && st.text(1).empty() && st.text(2).empty()) return std::nullopt;
    return encode_goal_status(status ? parse_goal_status(*status) : std::nullopt, {st.text(1), st.text(2)});
  }
  if (entity == "review") {
    auto st = db.prepare("SELECT unit_id, on_date, title_fi, title_sv FROM review WHERE id = ?");
    if (!st.bind(1, k[0]).step()) return std::nullopt;
    return encode_review({k[0], st.text(0), parse_iso_date(st.text(1)).value_or(Date{}), {st.text(2), st.text(3)}});
  }
  auto st = db.prepare("SELECT status, text_fi, text_sv FROM review_item WHERE review_id = ? AND goal_id = ?");
  if (!st.bind(1, k[0]).bind(2, k[1]).step()) return std::nullopt;
  return encode_review_item({k[0], k[1], parse_goal_status(st.text(0)).value_or(GoalStatus::no_data), {st.text(1), st.text(2)}});
}

void write_goal_record(sql::Db& db, const std::string& entity, const std::vector<std::string>& k,
                       const std::optional<std::string>& after) {
  if (entity == "goal_def") {
    if (!after) throw StoreError(msg("err.store.goal_retire_only", k[0]));  // history stays: a goal is retired
    auto g = decode_goal_def(k[0], *after);
    if (!g) bad_value(entity, *after);
    db.prepare(
          "INSERT INTO goal (id, year, unit_id, level, theme_id, parent_id, position, text_fi, text_sv, responsible_fi, responsible_sv, "
          "retired) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET year = excluded.year, "
          "unit_id = excluded.unit_id, level = excluded.level, theme_id = excluded.theme_id, parent_id = excluded.parent_id, "
          "position = excluded.position, text_fi = excluded.text_fi, text_sv = excluded.text_sv, "
          "responsible_fi = excluded.responsible_fi, responsible_sv = excluded.responsible_sv, retired = excluded.retired")
        .bind(1, g->id).bind(2, std::int64_t{g->year}).bind(3, g->unit).bind(4, g->level).bind(5, g->theme).bind(6, g->parent)
        .bind(7, std::int64_t{g->position}).bind(8, g->text.fi).bind(9, g->text.sv).bind(10, g->responsible.fi)
        .bind(11, g->responsible.sv).bind(12, opt_iso(g->retired)).run();
    return;
  }
  if (entity == "goal_action") {
    std::int64_t position = int_part(k[1], "err.store.bad_position");
    auto seq = db.prepare("SELECT seq FROM goal_action WHERE goal_id = ? AND position = ? ORDER BY seq LIMIT 1");
    bool stored = seq.bind(1, k[0]).bind(2, position).step();
    std::int64_t at = stored ? seq.int64(0) : 0;
    if (!after) {
      if (stored) db.prepare("DELETE FROM goal_action WHERE goal_id = ? AND seq = ?").bind(1, k[0]).bind(2, at).run();
      return;
    }
    auto a = decode_goal_action(k[0], static_cast<int>(position), *after);
    if (!a) bad_value(entity, *after);
    if (!stored) {
      auto next = db.prepare("SELECT COALESCE(MAX(seq), -1) + 1 FROM goal_action");
      next.step();
      at = next.int64(0);
    }
    db.prepare(
          "INSERT INTO goal_action (goal_id, position, seq, text_fi, text_sv, responsible_fi, responsible_sv) VALUES (?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (goal_id, seq) DO UPDATE SET text_fi = excluded.text_fi, text_sv = excluded.text_sv, "
          "responsible_fi = excluded.responsible_fi, responsible_sv = excluded.responsible_sv")
        .bind(1, k[0]).bind(2, position).bind(3, at).bind(4, a->text.fi).bind(5, a->text.sv).bind(6, a->responsible.fi)
        .bind(7, a->responsible.sv).run();
    return;
  }
  if (entity == "metric") {
    if (!after) {  // a metric with measured values keeps them: it is not deleted
      if (exists(db, "SELECT 1 FROM metric_value WHERE metric_id = ?", k[0])) throw StoreError(msg("err.store.metric_has_values", k[0]));
      db.prepare("DELETE FROM metric WHERE id = ?").bind(1, k[0]).run();
      return;
    }
    auto m = decode_metric(k[0], *after);
    if (!m) bad_value(entity, *after);
    unit_of_goal(db, m->goal);  // an unknown goal is named, not an SQL error
    db.prepare(
          "INSERT INTO metric (id, goal_id, name_fi, name_sv, value_unit, direction, target_tenths, partly_tenths, owner, frequency) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET goal_id = excluded.goal_id, name_fi = excluded.name_fi, "
          "name_sv = excluded.name_sv, value_unit = excluded.value_unit, direction = excluded.direction, "
          "target_tenths = excluded.target_tenths, partly_tenths = excluded.partly_tenths, owner = excluded.owner, "
          "frequency = excluded.frequency")
        .bind(1, m->id).bind(2, m->goal).bind(3, m->name.fi).bind(4, m->name.sv).bind(5, m->unit).bind(6, m->direction)
        .bind(7, m->target_tenths).bind(8, m->partly_tenths).bind(9, m->owner).bind(10, m->frequency).run();
    return;
  }
  if (entity == "theme") {
    if (!after) throw StoreError(msg("err.store.theme_retire_only", k[0]));  // retired by valid_to
    auto t = decode_theme(k[0], *after);
    if (!t) bad_value(entity, *after);
    db.prepare(
          "INSERT INTO theme (id, valid_from, valid_to, name_fi, name_sv) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
          "valid_from = excluded.valid_from, valid_to = excluded.valid_to, name_fi = excluded.name_fi, name_sv = excluded.name_sv")
        .bind(1, t->id).bind(2, to_iso(t->valid_from)).bind(3, opt_iso(t->valid_to)).bind(4, t->name.fi).bind(5, t->name.sv).run();
    return;
  }
  if (entity == "goal_status") {
    std::int64_t year = int_part(k[1], "err.store.year");
    auto r = after ? decode_goal_status(k[0], static_cast<int>(year), *after) : Realisation{k[0], static_cast<int>(year), std::nullopt, {}, {}};
    if (!r) bad_value(entity, *after);
    db.prepare(
          "INSERT INTO realisation (goal_id, year, status, reason_fi, reason_sv, text_fi, text_sv) VALUES (?, ?, ?, ?, ?, '', '') "
          "ON CONFLICT (goal_id, year) DO UPDATE SET status = excluded.status, reason_fi = excluded.reason_fi, "
          "reason_sv = excluded.reason_sv")
        .bind(1, k[0]).bind(2, year)
        .bind(3, r->status ? std::optional<std::string>(to_string(*r->status)) : std::nullopt)
        .bind(4, r->reason.fi).bind(5, r->reason.sv).run();
    return;
  }
  if (entity == "review") {
    if (!after) {
      if (exists(db, "SELECT 1 FROM review_item WHERE review_id = ?", k[0])) throw StoreError(msg("err.store.review_has_items", k[0]));
      db.prepare("DELETE FROM review WHERE id = ?").bind(1, k[0]).run();
      return;
    }
    auto r = decode_review(k[0], *after);
    if (!r) bad_value(entity, *after);
    db.prepare(
          "INSERT INTO review (id, unit_id, on_date, title_fi, title_sv) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
          "unit_id = excluded.unit_id, on_date = excluded.on_date, title_fi = excluded.title_fi, title_sv = excluded.title_sv")
        .bind(1, r->id).bind(2, r->unit).bind(3, to_iso(r->date)).bind(4, r->title.fi).bind(5, r->title.sv).run();
    return;
  }
  if (!after) {
    db.prepare("DELETE FROM review_item WHERE review_id = ? AND goal_id = ?").bind(1, k[0]).bind(2, k[1]).run();
    return;
  }
  auto i = decode_review_item(k[0], k[1], *after);
  if (!i) bad_value(entity, *after);
  db.prepare(
        "INSERT INTO review_item (review_id, goal_id, status, text_fi, text_sv) VALUES (?, ?, ?, ?, ?) ON CONFLICT (review_id, goal_id) "
        "DO UPDATE SET status = excluded.status, text_fi = excluded.text_fi, text_sv = excluded.text_sv")
      .bind(1, k[0]).bind(2, k[1]).bind(3, to_string(i->status)).bind(4, i->text.fi).bind(5, i->text.sv).run();
}

}  // namespace toteuma
