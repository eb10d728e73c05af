// What the web application holds while serving: the stores behind one database file and an
// immutable snapshot of the dataset that requests read. An edit writes through the store (one
// transaction, audited) and then swaps in a fresh snapshot, so readers never see half an edit.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "check/finding.h"
#include "core/dataset.h"
#include "core/date.h"
#include "core/finance/follow_up.h"
#include "core/finance/ledger.h"
#include "store/search_index.h"
#include "store/store.h"
#include "store/user_store.h"
#include "store/workplace_store.h"
#include "web/page_cache.h"

namespace toteuma::web {

struct Snapshot {
  Dataset d;
  std::vector<MonthlyActual> ledger_actuals;  // the general ledger's months
  std::vector<MonthlyInvestmentActual> ledger_investments;  // its months of the investment part, per project
  Ledger ledger{d};
  std::set<int> years;         // years with a budget or actual, for the year picker
  std::set<int> ledger_years;  // years with general-ledger months (the follow-up)
  std::map<int, int> closed_months;  // year → last month finance closed
  int default_year = 0;
  std::vector<Finding> findings;  // checked once per snapshot
  std::unique_ptr<SearchIndex> search;  // built at its first search (store/search_index.h)
  // The read pages rendered from this snapshot, per viewer and request (web/page_cache.h): they
  // go with it, so an edit (which swaps the snapshot) is seen at once.
  mutable PageCache pages;

  Snapshot(Dataset ds, std::vector<MonthlyActual> months, std::map<int, int> closed = {},
           std::vector<MonthlyInvestmentActual> investments = {});
  // What the follow-up of `year` computes from.
  FollowUpInput follow_up_input(int year) const;
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;
};

}  // namespace toteuma::web
namespace toteuma::sso {
class OidcClient;
}
namespace toteuma::web {
class PdfJobs;

struct AppOptions {
  std::int64_t session_seconds = 8 * 3600;  // absolute session lifetime
  bool secure_cookies = true;               // the Secure flag (browsers accept it on localhost)
  int login_failures = 5;                   // failed logins of one account from one address within the window ...
  std::int64_t login_window_seconds = 15 * 60;  // ... lock its login from that address for the rest of the window
  // Reverse proxies whose X-Forwarded-For names the client (docs/WEB.md); empty: trust no header.
  std::vector<std::string> trusted_proxies;
  // Where users report accessibility problems (e-mail or https URL): the accessibility statement
  // the law 306/2019 asks for names it; "" = the municipality's registry, unnamed.
  std::string accessibility_contact;
  // The date the pages take as today (overdue deadlines on the home page); nullopt = the system
  // clock's. Fixed for demonstrations and tests: `toteuma serve --today YYYY-MM-DD`.
  std::optional<Date> today;
  // Single sign-on through an OpenID provider (docs/SSO.md); null: passwords only.
  std::shared_ptr<sso::OidcClient> sso;
  // PDFs waiting or printing at once: in all, and of one reader (web/pdf_jobs.h).
  std::size_t pdf_queue = 16, pdf_per_user = 2;
};

class AppState {
 public:
  AppState(std::string db, AppOptions options);
  std::shared_ptr<const Snapshot> snapshot() const;
  // Re-reads the dataset after a write and swaps the snapshot.
  void reload();
  // Reloads when someone else wrote since (the command line: a ledger import, a closed month, a
  // load, a restore, another instance on the same database): every write leaves an audit row, so
  // the newest audit id tells; the users' rows (sign-ins, grants) are not read into a snapshot and
  // do not count (Store::last_data_audit_id). Called per request. A new snapshot also drops the
  // rendered pages (Snapshot::pages), so no page outlives the data it shows.
  void reload_if_changed();
  // The same, given the newest data audit id read already (with the request's session:
  // UserStore::session_view): no query of its own while the snapshot is current.
  void reload_if_changed(std::int64_t data_audit_id);

  // The stores share one SQLite file; each connection is used by one thread at a time.
  template <class F>
  auto with_users(F&& f) {
    std::lock_guard lock(users_mu_);
    return f(*users_);
  }
  template <class F>
  auto with_ledger(F&& f) {
    std::lock_guard lock(store_mu_);
    return f(*ledger_);
  }
  // The dataset store: finance's round writes that replace the dataset (web/round_page_writes).
  template <class F>
  auto with_store(F&& f) {
    std::lock_guard lock(store_mu_);
    return f(*store_);
  }
  template <class F>
  auto with_workplace(F&& f) {
    std::lock_guard lock(workplace_mu_);
    return f(*workplace_);
  }
  // Serialises writers: check, write, reload happen as one step per edit.
  std::mutex& write_mutex() { return write_mu_; }
  const AppOptions& options() const { return options_; }
  // The places of PDFs waiting or printing (web/pdf_jobs.h).
  PdfJobs& pdf_jobs() { return *pdf_jobs_; }
  // Today as the pages see it: AppOptions::today when fixed, else the system clock's date.
  Date today() const;
  const std::string& db() const { return db_; }

 private:
  std::string db_;
  AppOptions options_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<LedgerStore> ledger_;
  std::unique_ptr<UserStore> users_;
  std::unique_ptr<WorkplaceStore> workplace_;
  std::shared_ptr<PdfJobs> pdf_jobs_;
  mutable std::mutex snap_mu_;
  std::mutex users_mu_, workplace_mu_, write_mu_, store_mu_;
  std::shared_ptr<const Snapshot> snap_;
  std::int64_t snap_audit_ = -1;  // the newest data audit id when snap_ was read (under store_mu_)
};

}  // namespace toteuma::web
