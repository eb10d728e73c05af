#include <gtest/gtest.h>

#include "core/i18n.h"
#include "ingest/dataset_files.h"

namespace toteuma {

TEST(I18n, EveryKeyHasFinnishAndSwedish) {
  auto keys = tr_keys();
  EXPECT_GT(keys.size(), 20u);
  for (auto k : keys) EXPECT_TRUE(tr_complete(k)) << k;
  EXPECT_EQ(tr("no.such.key", Lang::fi), "[missing text]");
}

TEST(I18n, EveryChartLineHasBothNames) {
  const Chart chart = default_chart();
  for (const auto& l : chart.lines()) {
    EXPECT_FALSE(l.name.fi.empty()) << l.id;
    EXPECT_FALSE(l.name.sv.empty()) << l.id;
  }
}

}  // namespace toteuma
