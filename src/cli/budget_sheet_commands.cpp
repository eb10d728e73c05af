#include "cli/budget_sheet_commands.h"

#include <fmt/format.h>

#include <stdexcept>

#include "cli/commands.h"
#include "core/budgeting/proposal_sheet.h"
#include "ingest/fields.h"
#include "ingest/proposal_sheet.h"
#include "ingest/version_figure_file.h"
#include "render/proposal_sheet.h"
#include "store/store.h"

namespace toteuma {

namespace {

using fields::m3;

// Writes `d` with one audit row unless nothing changed; refused when someone wrote since `since`.
void save_changes(Store& store, Dataset& d, std::int64_t since, const std::vector<FigureChange>& changes, AuditEntry audit) {
  if (changes.empty()) return;
  canonicalize(d);
  store.replace(d, {&audit, false, since});
}

void report(std::ostream& out, const std::string& what, const std::vector<FigureChange>& changes) {
  out << fmt::format("{}: {} figures changed\n", what, changes.size()) << describe_changes(changes);
}

}  // namespace

int cmd_budget_sheet(const BudgetOptions& o, std::ostream& out) {
  Dataset d = read_db(o.db);
  const BudgetVersion* v = find_version(d, o.version);
  if (!v) throw std::invalid_argument(m3("no budget version \"" + o.version + "\"", "talousarvion versiota ei ole", "budgetversionen finns inte"));
  if (!d.has_unit(o.unit)) throw std::invalid_argument(m3("--unit: unknown \"" + o.unit + "\"", "tuntematon yksikkö", "okänd enhet"));
  if (o.output.empty()) throw std::invalid_argument(m3("give -o FILE.xlsx", "anna -o TIEDOSTO.xlsx", "ange -o FIL.xlsx"));
  Lang lang = o.lang.empty() ? d.municipality_of(o.unit).primary : *parse_lang(o.lang);
  ProposalSheet s = proposal_sheet(d, *v, o.unit, lang);
  write_file_whole(o.output, render_proposal_sheet(s));
  out << fmt::format("{}: {} {} {} (base {}, {} lines)\n", o.output, s.version, s.unit, s.year, s.stamp, s.rows.size());
  return 0;
}

int cmd_budget_import_sheet(const BudgetOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
  // Whoever writes between this read and the write below makes the write refused, not lost.
  std::int64_t since = store->last_audit_id();
  Dataset d = store->read();
  ProposalSheetUpload up = import_proposal_sheet(d, o.file, o.force);
  std::string what = fmt::format("{} {}", up.version, up.unit);
  save_changes(*store, d, since, up.changes,
               cli_audit("budget", fmt::format("sheet/{}/{}", up.version, up.unit), "base=" + up.base, describe_upload(up), up.unit));
  if (up.base != up.now) out << fmt::format("{}: forced over a stale base ({} ≠ {})\n", what, up.base, up.now);
  report(out, what, up.changes);
  return 0;
}

int cmd_budget_import_figures(const BudgetOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
  std::int64_t since = store->last_audit_id();
  Dataset d = store->read();
  const BudgetVersion* v = find_version(d, o.version);
  if (!v) throw std::invalid_argument(m3("no budget version \"" + o.version + "\"", "talousarvion versiota ei ole", "budgetversionen finns inte"));
  if (!v->adopted.empty())
    throw std::invalid_argument(m3("version \"" + v->id + "\" is adopted as " + v->adopted + ": it no longer changes",
                                   "hyväksyttyä versiota ei voi muuttaa", "en antagen version kan inte ändras"));
  std::string id = v->id;
  std::vector<FigureChange> changes = apply_figure_edits(d, id, read_version_figure_file(d, *v, o.file));
  save_changes(*store, d, since, changes, cli_audit("budget", "figures/" + id, std::nullopt, describe_changes(changes)));
  report(out, id, changes);
  return 0;
}

}  // namespace toteuma
