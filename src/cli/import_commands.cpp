// toteuma import employments|trainings: person-level exports in, aggregates out. Persons are
// read, aggregated per unit and year, and forgotten: only the aggregates reach the store
// (web/personnel_import.*, shared with the web's import page).
#include <fmt/format.h>

#include "cli/commands.h"
#include "core/fixed.h"
#include "core/format.h"
#include "core/personnel/htv.h"
#include "store/store.h"
#include "web/personnel_import.h"

namespace toteuma {

int cmd_import_employments(const CommandOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
  auto done = import_employments_file(*store, o.dir, o.dir, cli_actor());
  for (const auto& [key, value] : done.htv) out << fmt::format("{};{};{}\n", key.first, key.second, format_htv(value, 3));
  out << fmt::format("{}: {} employments → {} unit-years of htv\n", o.db, done.employments, done.htv.size());
  return 0;
}

int cmd_import_trainings(const CommandOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
  auto done = import_trainings_file(*store, o.dir, o.dir, o.wage_sums, cli_actor());
  for (const auto& f : done.figures)
    out << fmt::format("{};{};{};{};{}\n", f.unit, f.year, fixed_to_plain(f.days_hundredths.value_or(0), 2),
                       fixed_to_plain(f.eligible_hundredths.value_or(0), 2), f.compensation ? cents_to_plain(*f.compensation) : "");
  for (const auto& n : done.notes) out << n << "\n";
  out << fmt::format("{}: {} training records → {} unit-years\n", o.db, done.records, done.figures.size());
  return 0;
}

}  // namespace toteuma
