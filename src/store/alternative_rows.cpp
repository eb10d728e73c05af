#include "store/alternative_rows.h"

#include "store/store.h"

namespace toteuma {

void read_alternatives(sql::Db& db, BudgetRounds& br) {
  {
    auto st = db.prepare("SELECT id, municipality_id, name_fi, name_sv FROM budget_council_group");
    while (st.step()) br.groups.push_back({st.text(0), st.text(1), {st.text(2), st.text(3)}});
  }
  {
    auto st = db.prepare("SELECT id, version_id, group_id, name_fi, name_sv, created, published FROM budget_alternative");
    while (st.step()) {
      auto created = parse_iso_date(st.text(5));
      if (!created) throw StoreError("corrupt alternative budget date in database: " + st.text(5));
      br.alternatives.push_back({st.text(0), st.text(1), st.text(2), {st.text(3), st.text(4)}, *created, st.int64(6) != 0});
    }
  }
  {
    auto st = db.prepare(
        "SELECT alternative_id, unit_id, line_id, year, amount_cents, justification_fi, justification_sv FROM budget_alternative_change");
    while (st.step())
      br.changes.push_back({st.text(0), st.text(1), st.text(2), static_cast<int>(st.int64(3)), st.int64(4), {st.text(5), st.text(6)}});
  }
}

void delete_alternatives(sql::Db& db) {
  for (const char* t : {"budget_alternative_change", "budget_alternative", "budget_council_group"})
    db.exec(std::string("DELETE FROM ") + t);  // fixed table names, no input
}

void write_alternatives(sql::Db& db, const BudgetRounds& br) {
  {
    auto st = db.prepare("INSERT INTO budget_council_group VALUES (?, ?, ?, ?)");
    for (const auto& g : br.groups) st.bind(1, g.id).bind(2, g.municipality).bind(3, g.name.fi).bind(4, g.name.sv).run();
  }
  {
    auto st = db.prepare("INSERT INTO budget_alternative VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto& a : br.alternatives)
      st.bind(1, a.id)
          .bind(2, a.version)
          .bind(3, a.group)
          .bind(4, a.name.fi)
          .bind(5, a.name.sv)
          .bind(6, to_iso(a.created))
          .bind(7, std::int64_t{a.published ? 1 : 0})
          .run();
  }
  {
    auto st = db.prepare("INSERT INTO budget_alternative_change VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto& c : br.changes)
      st.bind(1, c.alternative)
          .bind(2, c.unit)
          .bind(3, c.line)
          .bind(4, std::int64_t{c.year})
          .bind(5, c.amount)
          .bind(6, c.justification.fi)
          .bind(7, c.justification.sv)
          .run();
  }
}

}  // namespace toteuma

namespace toteuma {

namespace {

bool exists(sql::Db& db, const char* sql, const std::string& a) {
  auto st = db.prepare(sql);
  return st.bind(1, a).step();
}

std::optional<std::int64_t> cents_of(const std::string& v) {
  if (v.empty() || v.size() > 19 || v.find_first_not_of("-0123456789") != std::string::npos || v.find('-', 1) != std::string::npos)
    return std::nullopt;
  return std::stoll(v);
}

}  // namespace

bool is_alternative_entity(const std::string& entity) { return alternative_key_parts(entity) > 0; }

std::size_t alternative_key_parts(const std::string& entity) {
  if (entity == "alternative") return 1;
  if (entity == "alternative_change") return 4;
  if (entity == "alternative_note") return 5;
  return 0;
}

std::string check_alternative_key(sql::Db& db, const std::string& entity, const std::vector<std::string>& k) {
  if (entity == "alternative") return "";  // a new id is allowed: a group starts its alternative
  auto st = db.prepare("SELECT v.year FROM budget_alternative a JOIN budget_version v ON v.id = a.version_id WHERE a.id = ?");
  if (!st.bind(1, k[0]).step()) throw StoreError(msg("err.store.unknown_alternative", k[0]));
  int year = static_cast<int>(st.int64(0));
  if (!exists(db, "SELECT 1 FROM unit_version WHERE id = ?", k[1])) throw StoreError(msg("err.unknown_unit", k[1]));
  if (!exists(db, "SELECT 1 FROM chart_line WHERE id = ?", k[2])) throw StoreError(msg("err.store.unknown_line", k[2]));
  auto y = k[3].size() == 4 ? cents_of(k[3]) : std::nullopt;
  if (!y || *y < year || *y > year + 2) throw StoreError(msg("err.store.version_year", k[3], year));
  if (entity == "alternative_note" && k[4] != "fi" && k[4] != "sv") throw StoreError(msg("err.store.lang", k[4]));
  return k[1];
}

void check_alternative_value(const std::string& entity, const std::vector<std::string>& k, const std::string& v) {
  if (entity == "alternative" && !decode_alternative(k[0], v)) throw StoreError(msg("err.store.bad_alternative", v));
  if (entity == "alternative_change") {
    auto c = cents_of(v);
    if (!c) throw StoreError(msg("err.store.bad_amount", v));
    if (!within_entry_limit(*c)) throw StoreError(msg("err.store.amount_limit", v));
  }
}

std::optional<std::string> read_alternative_part(sql::Db& db, const std::string& entity, const std::vector<std::string>& k) {
  if (entity == "alternative") {
    auto st = db.prepare("SELECT version_id, group_id, name_fi, name_sv, created, published FROM budget_alternative WHERE id = ?");
    if (!st.bind(1, k[0]).step()) return std::nullopt;
    auto created = parse_iso_date(st.text(4));
    if (!created) throw StoreError("corrupt alternative budget date in database: " + st.text(4));
    return encode_alternative({k[0], st.text(0), st.text(1), {st.text(2), st.text(3)}, *created, st.int64(5) != 0});
  }
  auto st = db.prepare(
      "SELECT amount_cents, justification_fi, justification_sv FROM budget_alternative_change "
      "WHERE alternative_id = ? AND unit_id = ? AND line_id = ? AND year = ?");
  if (!st.bind(1, k[0]).bind(2, k[1]).bind(3, k[2]).bind(4, *cents_of(k[3])).step()) return std::nullopt;
  if (entity == "alternative_change") return std::to_string(st.int64(0));
  std::string text = st.text(k[4] == "fi" ? 1 : 2);
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

void write_alternative_part(sql::Db& db, const std::string& entity, const std::vector<std::string>& k,
                            const std::optional<std::string>& after) {
  if (entity == "alternative") {
    if (!after) {
      db.prepare("DELETE FROM budget_alternative_change WHERE alternative_id = ?").bind(1, k[0]).run();
      db.prepare("DELETE FROM budget_alternative WHERE id = ?").bind(1, k[0]).run();
      return;
    }
    auto a = decode_alternative(k[0], *after);
    if (!a) throw StoreError(msg("err.store.bad_alternative", *after));
    db.prepare(
          "INSERT INTO budget_alternative (id, version_id, group_id, name_fi, name_sv, created, published) VALUES (?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (id) DO UPDATE SET version_id = excluded.version_id, group_id = excluded.group_id, name_fi = excluded.name_fi, "
          "name_sv = excluded.name_sv, created = excluded.created, published = excluded.published")
        .bind(1, a->id).bind(2, a->version).bind(3, a->group).bind(4, a->name.fi).bind(5, a->name.sv).bind(6, to_iso(a->created))
        .bind(7, std::int64_t{a->published ? 1 : 0}).run();
    return;
  }
  std::int64_t year = *cents_of(k[3]);
  if (entity == "alternative_change") {
    if (!after) {
      db.prepare("DELETE FROM budget_alternative_change WHERE alternative_id = ? AND unit_id = ? AND line_id = ? AND year = ?")
          .bind(1, k[0]).bind(2, k[1]).bind(3, k[2]).bind(4, year).run();
      return;
    }
    db.prepare(
          "INSERT INTO budget_alternative_change (alternative_id, unit_id, line_id, year, amount_cents, justification_fi, justification_sv) "
          "VALUES (?, ?, ?, ?, ?, '', '') ON CONFLICT (alternative_id, unit_id, line_id, year) DO UPDATE SET amount_cents = excluded.amount_cents")
        .bind(1, k[0]).bind(2, k[1]).bind(3, k[2]).bind(4, year).bind(5, *cents_of(*after)).run();
    return;
  }
  // A justification belongs to its change: without one there is nothing to justify.
  if (!read_alternative_part(db, "alternative_change", {k[0], k[1], k[2], k[3]})) {
    if (!after) return;
    throw StoreError(msg("err.store.note_without_change", k[0] + "/" + k[1] + "/" + k[2] + "/" + k[3]));
  }
  db.prepare(k[4] == "fi" ? "UPDATE budget_alternative_change SET justification_fi = ? WHERE alternative_id = ? AND unit_id = ? AND line_id = ? AND year = ?"
                          : "UPDATE budget_alternative_change SET justification_sv = ? WHERE alternative_id = ? AND unit_id = ? AND line_id = ? AND year = ?")
      .bind(1, after.value_or("")).bind(2, k[0]).bind(3, k[1]).bind(4, k[2]).bind(5, year).run();
}

}  // namespace toteuma
