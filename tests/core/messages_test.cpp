// Issue 13 item 16: no English in the Finnish or Swedish interface. The catalogue is complete and
// English-free; every key the code names exists; errors that reach a reader carry a key (Msg), not
// text. Times are Helsinki time; spreadsheet CSV opens right in Finnish Excel.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "check/dataset_checks.h"
#include "check/table_checks.h"
#include "core/i18n.h"
#include "core/text.h"
#include "english_words.h"
#include "ingest/dataset_files.h"
#include "ingest/printed_table.h"
#include "render/local_time.h"
#include "store/store.h"
#include "test_util.h"

namespace toteuma {
namespace {

namespace fs = std::filesystem;

// Keys whose text is the same in both languages on purpose (names, bare patterns).
const std::set<std::string> kSameInBoth = {"web.title", "doc.subtitle", "web.deadline_short", "inv.row.net"};

TEST(Messages, EveryKeyHasFinnishAndSwedishWithoutEnglish) {
  for (auto key : tr_keys()) {
    const std::string k(key);
    const std::string& fi = tr(key, Lang::fi);
    const std::string& sv = tr(key, Lang::sv);
    EXPECT_FALSE(fi.empty()) << k;
    EXPECT_FALSE(sv.empty()) << k;
    EXPECT_NE(fi, k) << k;
    EXPECT_NE(sv, k) << k;
    if (!kSameInBoth.count(k)) {
      EXPECT_NE(fi, sv) << k << ": the Swedish is a copy of the Finnish";
    }
    EXPECT_EQ(testing::english_words(fi), "") << k << " (fi): " << fi;
    EXPECT_EQ(testing::english_words(sv), "") << k << " (sv): " << sv;
  }
}

TEST(Messages, TheWordScanFindsTheEnglishOfIssue13) {
  // The texts the issue found in the interface, so the scan above would have caught them.
  EXPECT_NE(testing::english_words("an amendment needs a decision reference"), "");
  EXPECT_NE(testing::english_words("Mittaria \"x\" ei ole päivitetty (year) ennen 31.12.2024"), "");
  EXPECT_NE(testing::english_words("section_state k/2024/s approved"), "");
  // Technical values in quotes are identifiers, not English.
  EXPECT_EQ(testing::english_words("Kentän \"version\" on oltava luku, esim. \"draft\""), "");
}

// Every literal key the code passes to tr() or msg() exists in both languages: a key missing from
// the catalogue would print "[missing text]".
TEST(Messages, EveryKeyTheCodeNamesExists) {
  std::set<std::string> keys;
  for (auto k : tr_keys()) keys.insert(std::string(k));
  const std::regex call(R"re(\b(?:tr|msg|tf)\("([a-z_\-]+(?:\.[a-z_0-9\-]+)+)")re");
  int seen = 0;
  for (const auto& e : fs::recursive_directory_iterator(testing::source_dir() / "src")) {
    if (!e.is_regular_file() || (e.path().extension() != ".cpp" && e.path().extension() != ".h")) continue;
    const std::string text = testing::slurp(e.path());
    for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) {
      ++seen;
      EXPECT_TRUE(keys.count((*it)[1])) << e.path().filename() << ": " << (*it)[1];
    }
  }
  EXPECT_GT(seen, 300);
}

// The workplace store validates every change from the web and the API: each refusal is a
// catalogue message. Only failures no person can correct keep a detail (shown as err.store.internal).
TEST(Messages, WorkplaceStoreRefusalsAreCatalogueMessages) {
  const std::string text = testing::slurp(testing::source_dir() / "src" / "store" / "workplace_store.cpp");
  const std::vector<std::string> internal = {"section status without doc", "duplicate version file",
                                             "negative check error count"};
  std::size_t refusals = 0, pos = 0;
  while ((pos = text.find("StoreError(", pos)) != std::string::npos) {
    pos += 11;
    if (text.compare(pos, 4, "msg(") == 0) continue;
    std::string what = text.substr(pos, text.find('\n', pos) - pos);
    bool known = false;
    for (const auto& i : internal) known = known || what.find(i) != std::string::npos;
    EXPECT_TRUE(known) << "a refusal in English: StoreError(" << what;
    ++refusals;
  }
  EXPECT_EQ(refusals, internal.size());
}

TEST(Messages, AMessageRendersInTheReadersLanguage) {
  Msg m = msg("err.store.year", "24");
  EXPECT_EQ(m.in(Lang::fi), "Virheellinen vuosi: 24");
  EXPECT_EQ(m.in(Lang::sv), "Ogiltigt år: 24");
  StoreError e(m);
  EXPECT_EQ(std::string(e.what()), "Virheellinen vuosi: 24 / Ogiltigt år: 24");
  EXPECT_EQ(e.message, m);
  // An internal failure shows the reader a general message and keeps the detail for the log.
  StoreError internal("SQL failed: disk I/O error");
  EXPECT_EQ(std::string(internal.what()), "SQL failed: disk I/O error");
  EXPECT_EQ(internal.message.in(Lang::sv), "Sparandet misslyckades på grund av ett internt fel. Inget ändrades.");
  EXPECT_EQ(msg("api.bad_section_body").in(Lang::fi).find("{{"), std::string::npos);
}

// Every check finding the demo dataset and the check cases produce has Finnish and Swedish
// without English (the metric frequency "(year)" was English in both).
TEST(Messages, CheckFindingsHaveNoEnglish) {
  // With Laitila's 2024 closed (an actual figure), its metrics' freshness is checked too: the
  // "(year)" of the issue was the frequency of such a metric.
  Dataset demo = load_dataset_dir(testing::demo_dir());
  demo.figures.push_back({"lai-hallinto", "sales", "tp2024", 100});
  std::vector<Finding> all = check_dataset(demo);
  ASSERT_FALSE(all.empty());
  Dataset none;
  none.chart = default_chart();
  for (const auto& e : fs::recursive_directory_iterator(testing::source_dir() / "tests" / "checks")) {
    if (!e.is_regular_file() || (e.path().extension() != ".csv" && e.path().extension() != ".xlsx")) continue;
    if (e.path().filename().string().find("expected") != std::string::npos) continue;
    try {
      auto r = check_tables({read_printed_table(e.path().string())}, none.chart, nullptr);
      all.insert(all.end(), r.findings.begin(), r.findings.end());
    } catch (const std::exception&) {
      // An unusable table (exit 2) is an input error, tested elsewhere.
    }
  }
  std::set<std::string> rules;
  for (const Finding& f : all) {
    rules.insert(f.rule);
    EXPECT_FALSE(f.fi.empty()) << f.rule;
    EXPECT_FALSE(f.sv.empty()) << f.rule;
    EXPECT_EQ(testing::english_words(f.fi), "") << f.rule << ": " << f.fi;
    EXPECT_EQ(testing::english_words(f.sv), "") << f.rule << ": " << f.sv;
  }
  EXPECT_TRUE(rules.count("goals.metric_stale"));
  EXPECT_GE(rules.size(), 8u);
}

// ---- times ---------------------------------------------------------------------------------------

struct TimeCase {
  const char* utc;
  const char* shown;
};

TEST(LocalTime, StampsShowInHelsinkiTimeWithSummerTime) {
  // EET is UTC+2, EEST UTC+3; in 2026 summer time runs from 29.3. 01:00 UTC to 25.10. 01:00 UTC
  // (the last Sundays of March and October).
  const TimeCase cases[] = {
      {"2026-01-15T10:00:00Z", "15.1.2026 12.00"},
      {"2026-07-15T10:05:00Z", "15.7.2026 13.05"},
      {"2026-03-29T00:59:00Z", "29.3.2026 2.59"},   // the last minute of winter time
      {"2026-03-29T01:00:00Z", "29.3.2026 4.00"},   // clocks jump from 3.00 to 4.00
      {"2026-10-25T00:59:00Z", "25.10.2026 3.59"},  // the last minute of summer time
      {"2026-10-25T01:00:00Z", "25.10.2026 3.00"},  // clocks go back from 4.00 to 3.00
      {"2026-12-31T22:30:00Z", "1.1.2027 0.30"},    // a new day and year in Helsinki
      {"2024-02-29 21:59:59", "29.2.2024 23.59"},   // SQLite's datetime() form
      {"not a time", "not a time"},
  };
  for (const auto& c : cases) EXPECT_EQ(display_time(c.utc), c.shown) << c.utc;
}

// ---- CSV for spreadsheets -------------------------------------------------------------------------

TEST(SpreadsheetCsv, DecimalsWithAComma) {
  EXPECT_EQ(decimal_comma("58.7"), "58,7");
  EXPECT_EQ(decimal_comma("-1935039"), "-1935039");
  EXPECT_EQ(std::string(kUtf8Bom), "\xEF\xBB\xBF");
}

}  // namespace
}  // namespace toteuma
