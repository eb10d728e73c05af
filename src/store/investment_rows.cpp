#include "store/investment_rows.h"

#include "store/store.h"

namespace toteuma {

namespace {

std::optional<int> opt_int(const sql::Stmt& st, int col) {
  auto v = st.opt_int64(col);
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

std::optional<std::int64_t> opt64(const std::optional<int>& v) {
  return v ? std::optional<std::int64_t>(*v) : std::nullopt;
}

}  // namespace

void read_investments(sql::Db& db, Investments& inv) {
  {
    auto st = db.prepare("SELECT id, unit_id, name_fi, name_sv, binding FROM investment_group");
    while (st.step()) inv.groups.push_back({st.text(0), st.text(1), {st.text(2), st.text(3)}, st.int64(4) != 0});
  }
  {
    auto st = db.prepare(
        "SELECT id, group_id, name_fi, name_sv, cost_estimate_cents, binding, start_year, end_year FROM investment_project");
    while (st.step())
      inv.projects.push_back({st.text(0), st.text(1), {st.text(2), st.text(3)}, st.opt_int64(4), st.int64(5) != 0,
                              opt_int(st, 6), opt_int(st, 7)});
  }
  {
    auto st = db.prepare("SELECT project_id, scenario_id, kind, amount_cents, decision_ref FROM investment_figure");
    while (st.step()) {
      auto kind = parse_investment_kind(st.text(2));
      if (!kind) throw StoreError("corrupt investment kind in database: " + st.text(2));
      inv.figures.push_back({st.text(0), st.text(1), *kind, st.int64(3), st.text(4)});
    }
  }
  {
    auto st = db.prepare("SELECT project_id, from_year, amount_cents, decision_ref FROM investment_carry_over");
    while (st.step()) inv.carry_overs.push_back({st.text(0), static_cast<int>(st.int64(1)), st.int64(2), st.text(3)});
  }
}

void delete_investments(sql::Db& db) {
  for (const char* t : {"investment_carry_over", "investment_figure", "investment_project", "investment_group"})
    db.exec(std::string("DELETE FROM ") + t);  // fixed table names, no input
}

void replace_investments(sql::Db& db, const Investments& inv) {
  delete_investments(db);
  {
    auto st = db.prepare("INSERT INTO investment_group VALUES (?, ?, ?, ?, ?)");
    for (const auto& g : inv.groups)
      st.bind(1, g.id).bind(2, g.unit).bind(3, g.name.fi).bind(4, g.name.sv).bind(5, std::int64_t{g.binding}).run();
  }
  {
    auto st = db.prepare("INSERT INTO investment_project VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& p : inv.projects)
      st.bind(1, p.id)
          .bind(2, p.group)
          .bind(3, p.name.fi)
          .bind(4, p.name.sv)
          .bind(5, p.cost_estimate)
          .bind(6, std::int64_t{p.binding})
          .bind(7, opt64(p.start_year))
          .bind(8, opt64(p.end_year))
          .run();
  }
  {
    auto st = db.prepare("INSERT INTO investment_figure VALUES (?, ?, ?, ?, ?)");
    for (const auto& f : inv.figures)
      st.bind(1, f.project).bind(2, f.scenario).bind(3, to_string(f.kind)).bind(4, f.amount).bind(5, f.decision_ref).run();
  }
  {
    auto st = db.prepare("INSERT INTO investment_carry_over VALUES (?, ?, ?, ?)");
    for (const auto& c : inv.carry_overs)
      st.bind(1, c.project).bind(2, std::int64_t{c.from_year}).bind(3, c.amount).bind(4, c.decision_ref).run();
  }
}

}  // namespace toteuma
