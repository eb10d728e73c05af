#include "store/budgeting_rows.h"

#include "store/alternative_rows.h"
#include "store/store.h"

namespace toteuma {

void read_budgeting(sql::Db& db, BudgetRounds& br) {
  {
    auto st = db.prepare("SELECT id, position, name_fi, name_sv, editors, justification FROM budget_stage");
    while (st.step())
      br.stages.push_back({st.text(0), static_cast<int>(st.int64(1)), {st.text(2), st.text(3)}, st.text(4), st.text(5)});
  }
  {
    auto st = db.prepare("SELECT id, municipality_id, year, stage_id, name_fi, name_sv, created, based_on, adopted FROM budget_version");
    while (st.step()) {
      auto created = parse_iso_date(st.text(6));
      if (!created) throw StoreError("corrupt budget version date in database: " + st.text(6));
      br.versions.push_back({st.text(0), st.text(1), static_cast<int>(st.int64(2)), st.text(3), {st.text(4), st.text(5)}, *created,
                             st.text(7), st.text(8)});
    }
  }
  {
    auto st = db.prepare("SELECT version_id, unit_id, line_id, year, amount_cents FROM budget_version_figure");
    while (st.step()) br.figures.push_back({st.text(0), st.text(1), st.text(2), static_cast<int>(st.int64(3)), st.int64(4)});
  }
  {
    auto st = db.prepare("SELECT version_id, unit_id, year, htv_thousandths FROM budget_version_htv");
    while (st.step()) br.htv.push_back({st.text(0), st.text(1), static_cast<int>(st.int64(2)), st.int64(3)});
  }
  {
    auto st = db.prepare("SELECT version_id, unit_id, state, comment, changed_by, changed_at FROM budget_proposal_state");
    while (st.step()) {
      auto state = parse_proposal_state(st.text(2));
      if (!state) throw StoreError("corrupt proposal state in database: " + st.text(2));
      br.proposals.push_back({st.text(0), st.text(1), *state, st.text(3), st.text(4), st.text(5)});
    }
  }
  {
    auto st = db.prepare("SELECT version_id, unit_id, line_id, lang, text FROM budget_proposal_note");
    while (st.step()) br.notes.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4)});
  }
  read_alternatives(db, br);
}

void replace_budgeting(sql::Db& db, const BudgetRounds& br) {
  delete_alternatives(db);
  for (const char* t : {"budget_proposal_note", "budget_proposal_state", "budget_version_figure", "budget_version_htv", "budget_version", "budget_stage"})
    db.exec(std::string("DELETE FROM ") + t);  // fixed table names, no input
  {
    auto st = db.prepare("INSERT INTO budget_stage (id, position, name_fi, name_sv, editors, justification) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& s : br.stages)
      st.bind(1, s.id)
          .bind(2, std::int64_t{s.position})
          .bind(3, s.name.fi)
          .bind(4, s.name.sv)
          .bind(5, s.editors)
          .bind(6, s.justification)
          .run();
  }
  {
    auto st = db.prepare("INSERT INTO budget_version VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& v : br.versions)
      st.bind(1, v.id)
          .bind(2, v.municipality)
          .bind(3, std::int64_t{v.year})
          .bind(4, v.stage)
          .bind(5, v.name.fi)
          .bind(6, v.name.sv)
          .bind(7, to_iso(v.created))
          .bind(8, v.based_on)
          .bind(9, v.adopted)
          .run();
  }
  {
    auto st = db.prepare("INSERT INTO budget_version_figure VALUES (?, ?, ?, ?, ?)");
    for (const auto& f : br.figures)
      st.bind(1, f.version).bind(2, f.unit).bind(3, f.line).bind(4, std::int64_t{f.year}).bind(5, f.amount).run();
  }
  {
    auto st = db.prepare("INSERT INTO budget_version_htv VALUES (?, ?, ?, ?)");
    for (const auto& h : br.htv) st.bind(1, h.version).bind(2, h.unit).bind(3, std::int64_t{h.year}).bind(4, h.htv).run();
  }
  {
    auto st = db.prepare("INSERT INTO budget_proposal_state VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& p : br.proposals)
      st.bind(1, p.version).bind(2, p.unit).bind(3, to_string(p.state)).bind(4, p.comment).bind(5, p.changed_by).bind(6, p.changed_at).run();
  }
  {
    auto st = db.prepare("INSERT INTO budget_proposal_note VALUES (?, ?, ?, ?, ?)");
    for (const auto& n : br.notes) st.bind(1, n.version).bind(2, n.unit).bind(3, n.line).bind(4, n.lang).bind(5, n.text).run();
  }
  write_alternatives(db, br);
}

}  // namespace toteuma
