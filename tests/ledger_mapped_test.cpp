// The CSV reader reads the file mapped into memory in place (a page of zeros after it for its
// 16-byte loads), hashes it from the mapping and finds cost centers by codes packed into a word.
// These check the edges of that: files ending on, just before and just after a page boundary,
// with and without a last line break, CR LF, a bad amount located across the threads' split,
// cost-center codes of every length, and the SHA-256 and kept copy against one-shot OpenSSL.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <openssl/sha.h>
#include <unistd.h>

#include "ingest/csv.h"
#include "ingest/dataset_files.h"
#include "ingest/ledger_reader.h"
#include "test_util.h"

namespace toteuma::ledger {
namespace {

namespace fs = std::filesystem;

struct Demo {
  Dataset d = load_dataset_dir(testing::demo_dir());
};

Cents total_of(const FileResult& r, const Target& t, const std::string& unit) {
  Cents sum = 0;
  for (const auto& a : r.aggregates)
    if (a.unit == t.unit_index(unit)) sum += a.amount;
  return sum;
}

// A ledger of exactly `size` bytes: rows of -1,00 on ict, the last one's description padded so
// the file ends at `size` (with its line break, or without one when `last_break` is false).
std::string ledger_of_size(std::size_t size, const char* eol, bool last_break, int& rows) {
  std::string s = fmt::format("Tositepvm;Tili;Kustannuspaikka;Summa;Selite{}", eol);
  std::string row = fmt::format("2.1.2025;4000;ict;-1,00;x{}", eol);
  rows = 0;
  while (s.size() + 2 * row.size() < size) {
    s += row;
    ++rows;
  }
  std::string tail = last_break ? eol : "";
  std::string last = "3.1.2025;4000;ict;-1,00;";
  last += std::string(size - s.size() - last.size() - tail.size(), 'y') + tail;
  s += last;
  ++rows;
  return s;
}

TEST(LedgerMapped, FilesEndingAroundAPageBoundaryAreReadWhole) {
  testing::TempDir tmp;
  Demo demo;
  Mapping m;
  Target t(demo.d, m);
  auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  for (std::size_t size : {page - 1, page, page + 1, 2 * page - 15, 2 * page})
    for (const char* eol : {"\n", "\r\n"})
      for (bool last_break : {true, false}) {
        int rows = 0;
        std::string text = ledger_of_size(size, eol, last_break, rows);
        ASSERT_EQ(text.size(), size);
        fs::path file = tmp.path() / "edge.csv";
        testing::spit(file, text);
        FileResult r = read_ledger(file.string(), t, {false, 1, ""});
        std::string what = fmt::format("size {} eol {} last break {}", size, eol[0] == '\r' ? "CRLF" : "LF", last_break);
        EXPECT_EQ(r.rows, rows) << what;
        EXPECT_EQ(r.total, -100 * rows) << what;  // every row is -1,00
        EXPECT_EQ(total_of(r, t, "ict"), -100 * rows) << what;
      }
}

// About 5 MB of CR LF rows, so two threads split it; row i is -(i mod 1000),(i mod 100) on one
// of three units; the last line has no line break.
std::string crlf_ledger(int rows, int bad_at = -1) {
  const char* ccs[] = {"kansliapalvelut", "ict", "talous"};
  std::string s = "Tositepvm;Tili;Kustannuspaikka;Summa;Selite\r\n";
  for (int i = 0; i < rows; ++i) {
    std::string amount = i == bad_at ? "-12,345" : fmt::format("-{},{:02}", i % 1000, i % 100);
    s += fmt::format("{}.{}.2025;4000;{};{};rivi {}{}", 1 + i % 28, 1 + i % 12, ccs[i % 3], amount, i, i + 1 < rows ? "\r\n" : "");
  }
  return s;
}

TEST(LedgerMapped, CrLfRowsSplitBetweenThreadsSumAsByHand) {
  testing::TempDir tmp;
  fs::path file = tmp.path() / "crlf.csv";
  const int n = 120000;
  testing::spit(file, crlf_ledger(n));
  ASSERT_GT(fs::file_size(file), 4u << 20);  // where a second thread starts
  Demo demo;
  Mapping m;
  Target t(demo.d, m);
  // By hand: over i < 120 000 the euros are 120 × (0 + … + 999), the cents 1 200 × (0 + … + 99).
  const Cents total = -(120LL * 999 * 1000 / 2 * 100 + 1200LL * 99 * 100 / 2);
  // Per unit (i mod 3): kansliapalvelut has i = 0, 3, 6, …; with 3 ∤ 1000 and 3 ∤ 100, each unit
  // sees every euro and cent value equally often: a third of the total each.
  for (unsigned threads : {1u, 2u}) {
    FileResult r = read_ledger(file.string(), t, {false, threads, ""});
    EXPECT_EQ(r.rows, n) << threads;
    EXPECT_EQ(r.total, total) << threads;
    for (const char* unit : {"kansliapalvelut", "ict", "talous"}) EXPECT_EQ(total_of(r, t, unit), total / 3) << unit << threads;
  }
}

TEST(LedgerMapped, ABadAmountOnLineNIsReportedAsLineN) {
  testing::TempDir tmp;
  Demo demo;
  Mapping m;
  Target t(demo.d, m);
  // Row i is on line i + 2 (the header is line 1); rows near the start, past the middle (the
  // second thread's half) and the last one.
  for (int bad : {5, 100000, 119999}) {
    fs::path file = tmp.path() / fmt::format("bad-{}.csv", bad);
    testing::spit(file, crlf_ledger(120000, bad));
    for (unsigned threads : {1u, 2u}) {
      try {
        read_ledger(file.string(), t, {false, threads, ""});
        FAIL() << "expected an error";
      } catch (const InputError& e) {
        EXPECT_EQ(e.line, bad + 2) << threads;
        EXPECT_EQ(e.column, "Summa");
        EXPECT_NE(std::string(e.what()).find("-12,345"), std::string::npos) << e.what();
      }
    }
  }
}

TEST(LedgerMapped, CostCenterCodesOfEveryLengthFindTheirUnits) {
  testing::TempDir tmp;
  Demo demo;
  Mapping m;
  m.cost_centers = {{"7", "kansliapalvelut"}, {"12", "ict"},        {"21", "talous"},
                    {"123", "ict"},           {"1234", "talous"},   {"12345", "kansliapalvelut"},
                    {"1234567", "ict"},       {"12345678", "talous"}, {"123456789", "kansliapalvelut"}};
  Target t(demo.d, m);
  fs::path file = tmp.path() / "codes.csv";
  testing::spit(file,
                "Tositepvm;Tili;Kustannuspaikka;Summa\n"
                "2.1.2025;4000;7;-1,00\n"           // kansliapalvelut
                "2.1.2025;4000;12;-2,00\n"          // ict
                "2.1.2025;4000;21;-4,00\n"          // talous (not 12: the order of the bytes counts)
                "2.1.2025;4000;123;-8,00\n"         // ict
                "2.1.2025;4000; 1234 ;-16,00\n"     // talous (spaces trimmed)
                "2.1.2025;4000;12345;-32,00\n"      // kansliapalvelut
                "2.1.2025;4000;1234567;-64,00\n"    // ict
                "2.1.2025;4000;12345678;-128,00\n"  // talous
                "2.1.2025;4000;123456789;-256,00\n" // kansliapalvelut (longer than a word)
                "2.1.2025;4000;1230;-512,00\n"      // no such code (a prefix of 12345 and 1234 + 0)
                "2.1.2025;4000;1;-1024,00\n");      // no such code (a prefix of all)
  FileResult r = read_ledger(file.string(), t, {true, 1, ""});
  EXPECT_EQ(total_of(r, t, "kansliapalvelut"), -(1 + 32 + 256) * 100);
  EXPECT_EQ(total_of(r, t, "ict"), -(2 + 8 + 64) * 100);
  EXPECT_EQ(total_of(r, t, "talous"), -(4 + 16 + 128) * 100);
  ASSERT_EQ(r.suspense.size(), 2u);
  EXPECT_EQ(r.suspense_total, -(512 + 1024) * 100);
  for (const auto& s : r.suspense) {
    EXPECT_EQ(s.reason, Unmapped::cost_center);
    EXPECT_TRUE(s.cost_center == "1230" || s.cost_center == "1") << s.cost_center;
  }
}

std::string one_shot_sha256(const std::string& bytes) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), md);
  std::string hex;
  for (unsigned char c : md) hex += fmt::format("{:02x}", c);
  return hex;
}

TEST(LedgerMapped, Sha256AndTheKeptCopyAreOfTheFileBytes) {
  testing::TempDir tmp;
  // The standard's test vectors (FIPS 180-2 "abc", and the empty message).
  testing::spit(tmp.path() / "abc", "abc");
  EXPECT_EQ(sha256_file((tmp.path() / "abc").string()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  testing::spit(tmp.path() / "empty", "");
  EXPECT_EQ(sha256_file((tmp.path() / "empty").string()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // A file of several of the hasher's 4 MiB steps, hashed while read and copied.
  std::string text = crlf_ledger(200000);
  ASSERT_GT(text.size(), 8u << 20);
  fs::path file = tmp.path() / "big.csv", copy = tmp.path() / "copy.csv";
  testing::spit(file, text);
  Demo demo;
  Mapping m;
  Target t(demo.d, m);
  // One thread: the hasher copies; two or three: each parsing thread copies its byte range.
  for (unsigned threads : {1u, 2u, 3u}) {
    fs::remove(copy);
    FileResult r = read_ledger(file.string(), t, {false, threads, copy.string()});
    EXPECT_EQ(r.sha256, one_shot_sha256(text)) << threads;
    EXPECT_EQ(r.size, static_cast<std::int64_t>(text.size())) << threads;
    EXPECT_TRUE(testing::slurp(copy) == text) << threads;
  }
}

}  // namespace
}  // namespace toteuma::ledger
