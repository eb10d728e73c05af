#include "web/app_state.h"

#include "web/pdf_jobs.h"

#include "check/dataset_checks.h"

namespace toteuma::web {

Snapshot::Snapshot(Dataset ds, std::vector<MonthlyActual> months, std::map<int, int> closed,
                   std::vector<MonthlyInvestmentActual> investments)
    : d(std::move(ds)),
      ledger_actuals(std::move(months)),
      ledger_investments(std::move(investments)),
      closed_months(std::move(closed)) {
  findings = check_dataset(d, ledger);
  search = std::make_unique<SearchIndex>(d);
  for (const auto& s : d.scenarios) {
    if (s.kind == ScenarioKind::budget || s.kind == ScenarioKind::actual) years.insert(s.year);
    if (s.kind == ScenarioKind::actual) default_year = std::max(default_year, s.year);
  }
  for (const auto& a : ledger_actuals) ledger_years.insert(a.year), years.insert(a.year);
  if (default_year == 0 && !years.empty()) default_year = *years.rbegin();
}

FollowUpInput Snapshot::follow_up_input(int year) const {
  auto it = closed_months.find(year);
  return {d, ledger_actuals, it == closed_months.end() ? 0 : it->second};
}

AppState::AppState(std::string db, AppOptions options)
    : db_(std::move(db)),
      options_(options),
      store_(open_store(db_)),
      ledger_(open_ledger_store(db_)),
      users_(open_user_store(db_)),
      workplace_(open_workplace_store(db_)),
      pdf_jobs_(std::make_shared<PdfJobs>(options_.pdf_queue, options_.pdf_per_user)) {
  reload();
}

std::shared_ptr<const Snapshot> AppState::snapshot() const {
  std::lock_guard lock(snap_mu_);
  return snap_;
}

Date AppState::today() const { return options_.today ? *options_.today : toteuma::today(); }

void AppState::reload() {
  std::shared_ptr<const Snapshot> fresh;
  {
    std::lock_guard lock(store_mu_);
    // The id first: a write that lands while reading makes the next request read again.
    snap_audit_ = store_->last_data_audit_id();
    fresh = std::make_shared<const Snapshot>(store_->read(), monthly_actuals(*ledger_, 0), ledger_->closed_months(),
                                               monthly_investment_actuals(*ledger_, 0));
  }
  std::lock_guard lock(snap_mu_);
  snap_ = std::move(fresh);
}

void AppState::reload_if_changed() {
  auto current = [&] {
    std::lock_guard lock(store_mu_);
    return store_->last_data_audit_id() == snap_audit_;
  };
  if (current()) return;
  std::lock_guard write(write_mu_);  // not while a web edit is between its write and its reload
  if (!current()) reload();          // that edit may have reloaded meanwhile
}

void AppState::reload_if_changed(std::int64_t data_audit_id) {
  {
    std::lock_guard lock(store_mu_);
    if (data_audit_id == snap_audit_) return;
  }
  // Read before a reload by another request, or a write since: ask the database itself.
  reload_if_changed();
}

}  // namespace toteuma::web
