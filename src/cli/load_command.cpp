// `toteuma load`: a dataset folder into the database, all or nothing, and never silently over
// work done in the web (issue 13): what the database holds and the folder does not is named,
// and replaced only with --replace.
#include <fmt/format.h>

#include <filesystem>
#include <stdexcept>

#include "cli/commands.h"
#include "core/i18n.h"
#include "ingest/dataset_diff.h"
#include "ingest/dataset_files.h"
#include "store/store.h"
#include "store/workplace_store.h"

namespace toteuma {

namespace {

// A dataset file's records as a noun: catalogue key (fi, sv) and English.
struct LossNoun {
  const char* file;
  const char* key;
  const char* en;
};
constexpr LossNoun kNouns[] = {
    {"narratives", "load.lost.narratives", "narratives"},
    {"figures.csv", "load.lost.figures", "figures"},
    {"scenarios.csv", "load.lost.scenarios", "scenarios (budgets, amendments, forecasts)"},
    {"goals/goals.csv", "load.lost.goals", "goals"},
    {"goals/metric_values.csv", "load.lost.metric_values", "metric values"},
    {"goals/realisations.csv", "load.lost.realisations", "realisation texts"},
};

// "3 narratives (ict/2025/risks.fi, …)" in one language (nullopt = English).
std::string loss_text(const DatasetLoss& l, std::optional<Lang> lang) {
  std::string examples;
  for (const auto& e : l.examples) examples += (examples.empty() ? "" : "; ") + e;
  if (l.count > static_cast<int>(l.examples.size())) examples += "; …";
  for (const LossNoun& n : kNouns)
    if (l.file == n.file) return fmt::format("{} {} ({})", l.count, lang ? tr(n.key, *lang) : n.en, examples);
  return fmt::format(fmt::runtime(lang ? tr("load.lost.records", *lang) : "{} records of {} ({})"), l.count, l.file,
                     examples);
}

std::string refusal(const CommandOptions& o, const std::vector<DatasetLoss>& lost, std::size_t sections) {
  std::string msg;
  for (std::optional<Lang> lang : {std::optional<Lang>(), std::optional<Lang>(Lang::fi), std::optional<Lang>(Lang::sv)}) {
    std::string items;
    for (const auto& l : lost) items += (items.empty() ? "" : ", ") + loss_text(l, lang);
    if (sections)
      items += (items.empty() ? "" : ", ") +
               fmt::format("{} {}", sections, lang ? tr("load.lost.sections", *lang) : "section states (ready/approved → draft)");
    const char* head = "{}: loading {} would discard work stored in the database: {}.";
    const char* hint = "Dump it first (toteuma dump DIR --db {}), merge the files, then load with --replace.";
    msg += (msg.empty() ? "" : "\n") +
           fmt::format(fmt::runtime(lang ? tr("load.refused", *lang) : head), o.db, o.dir, items) + " " +
           fmt::format(fmt::runtime(lang ? tr("load.refused_hint", *lang) : hint), o.db);
  }
  return msg;
}

// The audit row's summary, "units=12;figures=800" (the audit page words it in the reader's language).
std::string counts(const Dataset& d) {
  return fmt::format("units={};scenarios={};figures={};narratives={}", d.units.size(), d.scenarios.size(), d.figures.size(),
                     d.narratives.size());
}

}  // namespace

int cmd_load(const CommandOptions& o, std::ostream& out) {
  Dataset d = load_dataset_dir(o.dir);  // throws before anything is written
  auto store = open_store(o.db);
  std::optional<std::string> before;
  bool reopen = false;
  std::int64_t compared = store->last_audit_id();  // every web write leaves a row: none may slip in
  if (!store->empty()) {
    Dataset stored = store->read();
    before = counts(stored);
    DatasetComparison cmp = compare_for_replace(stored, d);
    std::size_t reviewed = cmp.changed ? open_workplace_store(o.db)->reviewed_sections().size() : 0;
    if (!o.replace && (!cmp.lost.empty() || reviewed > 0)) throw std::runtime_error(refusal(o, cmp.lost, reviewed));
    reopen = reviewed > 0;
  }
  AuditEntry audit = cli_audit("load", std::filesystem::absolute(o.dir).lexically_normal().string(), before, counts(d));
  store->replace(d, {&audit, reopen, compared});
  out << fmt::format("{}: {} units, {} scenarios, {} figures\n", o.db, d.units.size(), d.scenarios.size(),
                     d.figures.size());
  return 0;
}

}  // namespace toteuma
