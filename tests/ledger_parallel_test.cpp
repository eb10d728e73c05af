// The reader splits a large CSV between threads, each starting at a guessed row boundary.
// Whatever the split — including a quoted field with line breaks (and text that looks like
// rows) across the boundary — the result must be that of one thread: the same aggregates,
// blocks and line numbers of errors.
#include <gtest/gtest.h>

#include <optional>

#include <fmt/format.h>

#include "ingest/dataset_files.h"
#include "ingest/csv.h"
#include "ingest/ledger_reader.h"
#include "test_util.h"

namespace toteuma::ledger {
namespace {

namespace fs = std::filesystem;

// About 5 MB of rows (over the 4 MB where a second thread starts), with a 200 kB quoted
// description around the middle whose lines read like rows of an unknown account.
std::string big_ledger(std::size_t rows, const std::string& bad_row = "", std::size_t bad_at = 0) {
  std::string s = "Tositepvm;Tili;Kustannuspaikka;Summa;Selite\n";
  const char* ccs[] = {"kansliapalvelut", "ict", "talous"};
  const int accounts[] = {4000, 4110, 4342, 4500, 3005, 4820};
  for (std::size_t i = 0; i < rows; ++i) {
    if (i == bad_at && !bad_row.empty()) s += bad_row + "\n";
    std::string desc = fmt::format("rivi {}", i);
    if (i % 997 == 0) desc = fmt::format("\"kaksi\nriviä; \"\"lainaus\"\" {}\"", i);
    if (i == rows / 2) {
      desc = "\"";
      for (int k = 0; k < 4000; ++k) desc += fmt::format("{}.1.2025;9999;ict;-1,00;ei rivi\n", 1 + k % 28);
      desc += "loppu\"";
    }
    s += fmt::format("{}.{}.2025;{};{};-{},{:02};{}\n", 1 + i % 28, 1 + i % 12, accounts[i % 6], ccs[i % 3], i % 5000, i % 100, desc);
  }
  return s;
}

struct Compare {
  Dataset d = load_dataset_dir(testing::demo_dir());
  Mapping m;
  Target t{d, m};
};

// The error read_ledger raises for `file` on `threads` threads; nullopt (and the test fails) when none.
std::optional<InputError> read_error(const fs::path& file, Compare& c, unsigned threads) {
  try {
    read_ledger(file.string(), c.t, {false, threads, ""});
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an error with " << threads << " threads";
  return std::nullopt;
}

void expect_same(const FileResult& a, const FileResult& b) {
  EXPECT_EQ(a.rows, b.rows);
  EXPECT_EQ(a.total, b.total);
  EXPECT_EQ(a.block_size, b.block_size);
  ASSERT_EQ(a.aggregates.size(), b.aggregates.size());
  for (std::size_t i = 0; i < a.aggregates.size(); ++i) {
    const auto &x = a.aggregates[i], &y = b.aggregates[i];
    EXPECT_EQ(std::tie(x.unit, x.line, x.ym, x.amount, x.rows, x.blocks), std::tie(y.unit, y.line, y.ym, y.amount, y.rows, y.blocks)) << i;
  }
  ASSERT_EQ(a.blocks.size(), b.blocks.size());
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    EXPECT_EQ(a.blocks[i].offset, b.blocks[i].offset) << i;
    EXPECT_EQ(a.blocks[i].line, b.blocks[i].line) << i;
  }
}

TEST(LedgerParallel, TwoOrThreeThreadsGiveWhatOneThreadGives) {
  testing::TempDir tmp;
  fs::path file = tmp.path() / "big.csv";
  testing::spit(file, big_ledger(100000));
  ASSERT_GT(fs::file_size(file), 4u << 20);  // where a second thread starts
  Compare c;
  FileResult one = read_ledger(file.string(), c.t, {false, 1, ""});
  EXPECT_EQ(one.rows, 100000);
  for (unsigned threads : {2u, 3u}) expect_same(one, read_ledger(file.string(), c.t, {false, threads, ""}));
  // Sums by hand: row i is -(i mod 5000),(i mod 100) euros, so over i < 100 000 the euros are
  // 20 × (0 + … + 4 999) and the cents 1 000 × (0 + … + 99).
  EXPECT_EQ(one.total, -(20 * 4999LL * 5000 / 2 * 100 + 1000 * 99LL * 100 / 2));
}

TEST(LedgerParallel, ABadRowInTheSecondHalfIsLocatedTheSame) {
  testing::TempDir tmp;
  fs::path file = tmp.path() / "bad.csv";
  // Line numbers: the header is line 1; row i starts after i rows, each one line except every
  // 997th (two lines: rows 0, 997, …, 89 730 before it, 91 of them) and the one at the middle
  // (4 001 lines). Inserted before row 90 000, the bad row follows 1 + 90 000 + 91 + 4 000 lines.
  testing::spit(file, big_ledger(100000, "1.5.2025;4000;nobody;-1,00;x", 90000));
  Compare c;
  for (unsigned threads : {1u, 2u}) {
    try {
      read_ledger(file.string(), c.t, {false, threads, ""});
      FAIL() << "expected an error";
    } catch (const InputError& e) {
      EXPECT_EQ(e.line, 94093) << threads;
      EXPECT_EQ(e.column, "Kustannuspaikka");
    }
  }
}

// Bad rows in both halves: whichever thread finishes first, the error is the first bad row in
// file order, and the later one is listed after it.
TEST(LedgerParallel, TheFirstBadRowInFileOrderIsReportedWhenBothHalvesHaveOne) {
  testing::TempDir tmp;
  fs::path file = tmp.path() / "two-bad.csv";
  // As above, a row inserted before row 20 000 is line 20 023; one inserted before row 90 000
  // would be line 94 093, and is one more (94 094) with the first inserted row above it.
  std::string text = big_ledger(100000, "1.5.2025;4000;nobody;-1,00;x", 20000);
  std::size_t row = text.find(";rivi 90000\n");
  ASSERT_NE(row, std::string::npos);
  text.insert(text.rfind('\n', row) + 1, "2.5.2025;4000;ict;-1,0x;y\n");
  testing::spit(file, text);
  Compare c;
  for (unsigned threads : {1u, 2u, 3u})
    if (auto e = read_error(file, c, threads)) {
      EXPECT_EQ(e->line, 20023) << threads;
      EXPECT_EQ(e->column, "Kustannuspaikka") << threads;
      EXPECT_NE(std::string(e->what()).find(":94094: [Summa] "), std::string::npos) << threads << e->what();
    }
}

// An open quote takes every row after it into one field. Wherever the threads split the file —
// inside the swallowed rows too — it is the one error, at the line where the quote opened.
TEST(LedgerParallel, AnUnterminatedQuoteIsFoundAcrossBlocksAndThreads) {
  testing::TempDir tmp;
  // Row 20 000 follows 1 + 20 000 + 21 lines (rows 0, 997, …, 19 940 take two); row 90 000, as above.
  for (auto [at, line] : {std::pair{std::size_t{20000}, 20023}, std::pair{std::size_t{90000}, 94093}}) {
    fs::path file = tmp.path() / fmt::format("open-{}.csv", at);
    testing::spit(file, big_ledger(100000, "1.5.2025;4000;ict;-1,00;\"auki", at));
    Compare c;
    for (unsigned threads : {1u, 2u, 3u})
      if (auto e = read_error(file, c, threads)) {
        EXPECT_EQ(e->line, line) << threads;
        EXPECT_EQ(e->column, "Selite");
        EXPECT_NE(std::string(e->what()).find("expected a closing quote"), std::string::npos) << e->what();
      }
  }
}

}  // namespace
}  // namespace toteuma::ledger
