#include "store/spending_rows.h"

#include <fmt/format.h>

#include "core/text.h"
#include "store/store.h"

namespace toteuma {

void read_spending_plan(sql::Db& db, std::vector<SpendingPlanRow>& out) {
  auto st = db.prepare("SELECT year, unit_id, line_id, amount_cents, months FROM spending_plan");
  while (st.step()) {
    SpendingPlanRow r{static_cast<int>(st.int64(0)), st.text(1), st.text(2), st.int64(3), std::nullopt};
    if (std::string m = st.text(4); !m.empty()) {
      auto parts = split_nonempty(m, ',');
      if (parts.size() != 12) throw StoreError("corrupt spending plan months in database: " + m);
      std::array<Cents, 12> months{};
      for (std::size_t i = 0; i < 12; ++i) months[i] = std::stoll(parts[i]);
      r.months = months;
    }
    out.push_back(std::move(r));
  }
}

namespace {

std::string months_text(const SpendingPlanRow& r) { return r.months ? fmt::format("{}", fmt::join(*r.months, ",")) : std::string(); }

std::int64_t year_of(const std::string& s) {
  if (s.size() != 4 || s.find_first_not_of("0123456789") != std::string::npos) throw StoreError(msg("err.store.year", s));
  return std::stoll(s);
}

}  // namespace

void replace_spending_plan(sql::Db& db, const std::vector<SpendingPlanRow>& rows) {
  db.exec("DELETE FROM spending_plan");
  auto st = db.prepare("INSERT INTO spending_plan VALUES (?, ?, ?, ?, ?)");
  for (const auto& r : rows)
    st.bind(1, std::int64_t{r.year})
        .bind(2, r.unit)
        .bind(3, r.line)
        .bind(4, r.amount)
        .bind(5, months_text(r))
        .run();
}

std::string check_spending_key(sql::Db& db, const std::vector<std::string>& k) {
  year_of(k[0]);
  if (!db.prepare("SELECT 1 FROM unit_version WHERE id = ?").bind(1, k[1]).step()) throw StoreError(msg("err.unknown_unit", k[1]));
  if (!db.prepare("SELECT 1 FROM chart_line WHERE id = ?").bind(1, k[2]).step()) throw StoreError(msg("err.store.unknown_line", k[2]));
  return k[1];
}

void check_spending_value(const std::string& v) {
  auto r = decode_plan_value(v);
  if (!r) throw StoreError(msg("err.store.bad_plan_value", v));
  if (!within_entry_limit(r->amount)) throw StoreError(msg("err.store.amount_limit", v));
}

std::optional<std::string> read_spending_row(sql::Db& db, const std::vector<std::string>& k) {
  auto st = db.prepare("SELECT amount_cents, months FROM spending_plan WHERE year = ? AND unit_id = ? AND line_id = ?");
  if (!st.bind(1, year_of(k[0])).bind(2, k[1]).bind(3, k[2]).step()) return std::nullopt;
  std::string v = std::to_string(st.int64(0));
  for (const auto& m : split_nonempty(st.text(1), ',')) v += ";" + m;
  return v;
}

void write_spending_row(sql::Db& db, const std::vector<std::string>& k, const std::optional<std::string>& after) {
  std::int64_t year = year_of(k[0]);
  if (!after) {
    db.prepare("DELETE FROM spending_plan WHERE year = ? AND unit_id = ? AND line_id = ?").bind(1, year).bind(2, k[1]).bind(3, k[2]).run();
    return;
  }
  auto r = decode_plan_value(*after);
  if (!r) throw StoreError(msg("err.store.bad_plan_value", *after));
  db.prepare(
        "INSERT INTO spending_plan (year, unit_id, line_id, amount_cents, months) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (year, unit_id, line_id) DO UPDATE SET amount_cents = excluded.amount_cents, months = excluded.months")
      .bind(1, year).bind(2, k[1]).bind(3, k[2]).bind(4, r->amount).bind(5, months_text(*r)).run();
}

}  // namespace toteuma
