#include "store/sqlite_spending.h"

#include <fmt/format.h>

#include "core/text.h"
#include "store/store.h"

namespace toteuma {

void read_spending_plan(sqlite::Db& db, std::vector<SpendingPlanRow>& out) {
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

void replace_spending_plan(sqlite::Db& db, const std::vector<SpendingPlanRow>& rows) {
  db.exec("DELETE FROM spending_plan");
  auto st = db.prepare("INSERT INTO spending_plan VALUES (?, ?, ?, ?, ?)");
  for (const auto& r : rows)
    st.bind(1, std::int64_t{r.year})
        .bind(2, r.unit)
        .bind(3, r.line)
        .bind(4, r.amount)
        .bind(5, r.months ? fmt::format("{}", fmt::join(*r.months, ",")) : std::string())
        .run();
}

}  // namespace toteuma
