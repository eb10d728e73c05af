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

#include "render/collate.h"

namespace toteuma {

TEST(Collation, SwedishAndFinnishPutAaAeOeAfterZ) {
  std::vector<std::string> names = {"Öja", "Åbo", "Ähtäri", "Zeta", "aura", "Västanfjärd", "Wasa"};
  sort_by_name(names, Lang::sv, [](const std::string& s) { return s; });
  // Swedish: å ä ö last, in that order; case does not come first.
  EXPECT_EQ(names, (std::vector<std::string>{"aura", "Västanfjärd", "Wasa", "Zeta", "Åbo", "Ähtäri", "Öja"}));
  std::vector<std::string> fi = {"Öljy", "Äänekoski", "Åland", "Zoo", "Auto"};
  sort_by_name(fi, Lang::fi, [](const std::string& s) { return s; });
  EXPECT_EQ(fi, (std::vector<std::string>{"Auto", "Zoo", "Åland", "Äänekoski", "Öljy"}));
}

}  // namespace toteuma
