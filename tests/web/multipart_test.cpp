// The multipart/form-data parser (web/http/multipart.*): a table of bodies, good and bad, with
// what each must give; the boundary of a content type; and a fuzz over truncations and mutations
// of a good body (never a crash, never a part beyond the body).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "web/http/multipart.h"

namespace toteuma::http {
namespace {

const std::string kB = "----toteumaB0undary";
const std::string kGood = "--" + kB + "\r\n"
                          "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                          "abc123\r\n"
                          "--" + kB + "\r\n"
                          "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\kirjanpito\\\\ledger.csv\"\r\n"
                          "Content-Type: text/csv\r\n\r\n"
                          "Tili;Summa\r\n4000;-1 234,56\r\n"
                          "--" + kB + "--\r\n";

TEST(Multipart, Boundary) {
  const struct {
    const char* type;
    const char* want;
  } cases[] = {
      {"multipart/form-data; boundary=abc", "abc"},
      {"Multipart/Form-Data; Boundary=\"a b'c\"", "a b'c"},
      {"multipart/form-data; charset=utf-8; boundary=----WebKitFormBoundaryx7", "----WebKitFormBoundaryx7"},
      {"multipart/form-data", ""},                   // missing
      {"application/x-www-form-urlencoded", ""},     // another type
      {"multipart/form-data; boundary=", ""},        // empty
      {"multipart/form-data; boundary=a<b", ""},     // outside RFC 2046's set
      {"multipart/form-data; boundary=\"abc", ""},   // unterminated quote
  };
  for (const auto& c : cases) EXPECT_EQ(multipart_boundary(c.type), c.want) << c.type;
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'x')), "") << "longer than 70";
}

TEST(Multipart, GoodBodyGivesItsFieldsAndFile) {
  auto parts = parse_multipart(kGood, kB);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].name, "csrf");
  EXPECT_FALSE(parts[0].is_file);
  EXPECT_EQ(parts[0].data, "abc123");
  EXPECT_EQ(parts[1].name, "file");
  EXPECT_TRUE(parts[1].is_file);
  EXPECT_EQ(parts[1].filename, "ledger.csv") << "the folder of an old browser's whole path is dropped";
  EXPECT_EQ(parts[1].content_type, "text/csv");
  EXPECT_EQ(parts[1].data, "Tili;Summa\r\n4000;-1 234,56") << "the CRLF before the delimiter is not data";
}

std::string part(const std::string& headers, const std::string& data) { return "--" + kB + "\r\n" + headers + "\r\n\r\n" + data + "\r\n"; }
const std::string kClose = "--" + kB + "--\r\n";

TEST(Multipart, BodiesRefusedWithTheirReason) {
  const std::string field = "Content-Disposition: form-data; name=\"a\"";
  MultipartLimits small;
  small.max_parts = 2;
  small.max_field_bytes = 8;
  const struct {
    const char* what;
    std::string body;
    std::string boundary;
    const char* kind;  // "" = accepted
  } cases[] = {
      {"empty field and an empty file field", part(field, "") + part("Content-Disposition: form-data; name=\"f\"; filename=\"\"", "") + kClose, kB, ""},
      {"no parts at all, only the close", kClose, kB, ""},
      {"the body ends before the close delimiter", part(field, "x"), kB, "truncated"},
      {"the body ends inside a part's data", "--" + kB + "\r\n" + field + "\r\n\r\nabc", kB, "truncated"},
      {"the body ends inside the headers", "--" + kB + "\r\nContent-Disp", kB, "truncated"},
      {"an empty body", "", kB, "truncated"},
      {"another boundary than the header's", part(field, "x") + kClose, "other", "no_boundary"},
      {"no boundary given", part(field, "x") + kClose, "", "no_boundary"},
      {"a preamble before the first delimiter", "hello\r\n" + part(field, "x") + kClose, kB, "no_boundary"},
      {"junk after a delimiter", "--" + kB + "xx\r\n" + field + "\r\n\r\nx\r\n" + kClose, kB, "no_boundary"},
      {"a part without Content-Disposition", part("Content-Type: text/plain", "x") + kClose, kB, "bad_header"},
      {"a disposition other than form-data", part("Content-Disposition: attachment; name=\"a\"", "x") + kClose, kB, "bad_header"},
      {"a part without a name", part("Content-Disposition: form-data; filename=\"a.csv\"", "x") + kClose, kB, "bad_header"},
      {"a header line without a colon", part("Content-Disposition: form-data; name=\"a\"\r\nbroken", "x") + kClose, kB, "bad_header"},
      {"two dispositions", part(field + "\r\n" + field, "x") + kClose, kB, "bad_header"},
      {"a file name that is a folder", part("Content-Disposition: form-data; name=\"f\"; filename=\"a/..\"", "x") + kClose, kB, "bad_header"},
      {"text after a quoted parameter", part("Content-Disposition: form-data; name=\"a\"x", "x") + kClose, kB, "bad_header"},
  };
  for (const auto& c : cases) {
    std::string got;
    try {
      parse_multipart(c.body, c.boundary);
    } catch (const MultipartError& e) {
      got = e.kind;
    }
    EXPECT_EQ(got, c.kind) << c.what;
  }
  // Over the limits: more parts than allowed; a text field larger than allowed (a file may be larger).
  std::string three = part(field, "1") + part(field, "2") + part(field, "3") + kClose, big = part(field, "123456789") + kClose;
  std::string big_file = part("Content-Disposition: form-data; name=\"f\"; filename=\"x.csv\"", "123456789") + kClose;
  auto kind_of = [&](const std::string& body) {
    try {
      parse_multipart(body, kB, small);
    } catch (const MultipartError& e) {
      return e.kind;
    }
    return std::string();
  };
  EXPECT_EQ(kind_of(three), "too_many_parts");
  EXPECT_EQ(kind_of(big), "field_too_large");
  EXPECT_EQ(kind_of(big_file), "");
}

// Data that contains the boundary without the CRLF before it, and a CR LF "--" not followed by it.
TEST(Multipart, DataResemblingTheDelimiterStaysData) {
  std::string data = "--" + kB + " inside\r\n--not-it\r\n" + kB;
  // The parts view the body: it must outlive them.
  const std::string body = part("Content-Disposition: form-data; name=\"f\"; filename=\"a.csv\"", data) + kClose;
  auto parts = parse_multipart(body, kB);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].data, data);
}

TEST(Multipart, FuzzTruncationsAndMutationsNeverEscapeTheBody) {
  // Every truncation of the good body is refused (but for the CRLF after the close delimiter: an epilogue).
  for (std::size_t n = 0; n + 2 < kGood.size(); ++n) {
    std::string cut = kGood.substr(0, n);
    EXPECT_THROW(parse_multipart(cut, kB), MultipartError) << "cut at " << n;
  }
  std::mt19937 rng(17);
  for (int i = 0; i < 20000; ++i) {
    std::string b = kGood;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits; ++k) {
      std::size_t at = rng() % b.size();
      switch (rng() % 3) {
        case 0: b[at] = static_cast<char>(rng() % 256); break;
        case 1: b.erase(at, 1 + rng() % 8); break;
        default: b.insert(at, 1, "\r\n-\"; "[rng() % 6]); break;
      }
      if (b.empty()) b = "-";
    }
    try {
      for (const auto& p : parse_multipart(b, kB)) {
        ASSERT_GE(p.data.data(), b.data());
        ASSERT_LE(p.data.data() + p.data.size(), b.data() + b.size());
      }
    } catch (const MultipartError&) {
    }
  }
}

}  // namespace
}  // namespace toteuma::http
