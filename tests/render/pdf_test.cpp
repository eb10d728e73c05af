// PDF printing through headless Chromium (ctest label "browser"): the output is checked with
// poppler-utils (pdfinfo, pdffonts, pdftotext) run as separate programs, not with our own reader.
#include "render/pdf.h"

#include "render/chromium.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <regex>
#include <sstream>

#include "render/templates.h"
#include "test_util.h"

namespace toteuma {
namespace {

namespace fs = std::filesystem;

std::string run_tool(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  ::pclose(p);
  return out;
}

const char* const kHeadings[] = {"1 Käyttötalous", "2 Henkilöstö", "3 Tavoitteiden toteutuminen"};

std::string section(int n, const std::string& body) {
  return "<section class=\"section-break\" aria-labelledby=\"s" + std::to_string(n) + "\"><h2 id=\"s" +
         std::to_string(n) + "\">" + kHeadings[n - 1] + "</h2>\n" + body + "</section>\n";
}

// 60 rows: longer than a page, so the header must repeat on the next one.
std::string long_table(const std::string& caption) {
  std::string t = "<table class=\"figures\"><caption>" + caption +
                  "</caption><thead><tr><th scope=\"col\">Tili</th><th scope=\"col\" class=\"num\">TA "
                  "2025</th><th scope=\"col\" class=\"num\">TP 2024</th></tr></thead><tbody>\n";
  for (int i = 1; i <= 60; ++i)
    t += "<tr><th scope=\"row\">Tilirivi " + std::to_string(i) + " – ulkoiset käyttömenot</th><td class=\"num\">-1\u00a0" +
         std::to_string(100 + i) + "\u00a0039</td><td class=\"num\">" + std::to_string(i) + ",7\u00a0%</td></tr>\n";
  return t + "</tbody></table>\n";
}

// The document as the lead's renderer would emit it: the TOC shows page numbers once known.
// `note` ends section 1; `longer` adds a second long table there (sections 2 and 3 move on).
std::string document_html(const AnchorPages& pages, const std::string& title = "Talousarvio 2025", const std::string& note = "",
                          bool longer = false) {
  std::string toc;
  for (int n = 1; n <= 3; ++n) {
    std::string id = "s" + std::to_string(n);
    auto it = pages.find(id);
    toc += "<li><a href=\"#" + id + "\">" + kHeadings[n - 1] + "</a> <span class=\"page\">" +
           (it == pages.end() ? "" : std::to_string(it->second)) + "</span></li>\n";
  }
  return "<!doctype html>\n<html lang=\"fi\"><head><meta charset=\"utf-8\"><title>" + title + "</title>\n"
         "<style>" + std::string(embedded::style_css) + "\n@media print {\n" + std::string(embedded::print_css) +
         "}\n</style></head><body><main>\n"
         "<h1>Talousarvio 2025 – Keskushallinto</h1>\n"
         "<nav class=\"toc\" aria-labelledby=\"toc\"><h2 id=\"toc\">Sisällys</h2><ol>\n" + toc + "</ol></nav>\n" +
         section(1, "<p>Käyttötalouden menot pysyivät pääosin talousarviossa; ylitykset näkyvät alla.</p>\n" +
                        long_table("Käyttötalous, euroa") + (longer ? long_table("Käyttötalous tehtävittäin, euroa") : "") +
                        "<p>" + note + "</p>\n") +
         section(2, "<p>Henkilöstömäärä kasvoi kahdella henkilötyövuodella.</p>\n"
                    "<p lang=\"sv\">Personalens årsverken ökade med två; på kansliet är läget oförändrat.</p>\n" +
                        long_table("Henkilöstökulut, euroa")) +
         section(3, "<p>Tavoitteista neljä toteutui ja yksi jäi kesken.</p>\n") + "</main></body></html>\n";
}

class PdfTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    pdf_path_ = dir_->path() / "document.pdf";
    calls_ = 0;
    std::string pdf = render_pdf([](const AnchorPages& pages) {
      ++calls_;
      last_pages_ = pages;
      return document_html(pages);
    });
    testing::spit(pdf_path_, pdf);
    // TOTEUMA_PDF_KEEP=file.pdf keeps a copy to look at (pdftoppm -png -r 50 file.pdf page).
    if (const char* keep = std::getenv("TOTEUMA_PDF_KEEP")) testing::spit(keep, pdf);
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string tool(const std::string& name, const std::string& args = "", const std::string& after = "") {
    return run_tool(name + " " + args + " '" + pdf_path_.string() + "' " + after + " 2>&1");
  }
  static std::string page_text(int page) {
    return tool("pdftotext", "-f " + std::to_string(page) + " -l " + std::to_string(page), "-");
  }
  static int page_count() {
    std::smatch m;
    std::string info = tool("pdfinfo");
    return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : 0;
  }

  static testing::TempDir* dir_;
  static fs::path pdf_path_;
  static int calls_;
  static AnchorPages last_pages_;
};
testing::TempDir* PdfTest::dir_ = nullptr;
fs::path PdfTest::pdf_path_;
int PdfTest::calls_ = 0;
AnchorPages PdfTest::last_pages_;

TEST_F(PdfTest, IsTaggedA4WithEveryFontEmbedded) {
  std::string info = tool("pdfinfo");
  EXPECT_NE(info.find("Tagged:          yes"), std::string::npos) << info;
  EXPECT_NE(info.find("(A4)"), std::string::npos) << info;
  EXPECT_NE(info.find("Title:           Talousarvio 2025"), std::string::npos) << info;

  std::istringstream fonts(tool("pdffonts"));
  std::string line;
  int listed = 0;
  bool past_rule = false;
  while (std::getline(fonts, line)) {
    if (line.rfind("----", 0) == 0) {
      past_rule = true;
      continue;
    }
    if (!past_rule || line.empty()) continue;
    // Columns from the right: emb sub uni object-number generation.
    std::vector<std::string> cols;
    std::istringstream words(line);
    for (std::string w; words >> w;) cols.push_back(w);
    ASSERT_GE(cols.size(), 6u) << line;
    EXPECT_EQ(cols[cols.size() - 5], "yes") << "not embedded: " << line;
    ++listed;
  }
  EXPECT_GE(listed, 1);
}

TEST_F(PdfTest, TocPageNumbersAreWhereTheHeadingsLanded) {
  EXPECT_EQ(calls_, 2) << "one print to find the pages, one with them filled in";
  const int pages = page_count();
  ASSERT_GE(pages, 3);
  // The TOC page prints "1 Käyttötalous 2" etc.; read the numbers from the text, not our map.
  const std::string toc = page_text(1);
  int previous = 1;
  for (int n = 1; n <= 3; ++n) {
    std::smatch m;
    ASSERT_TRUE(std::regex_search(toc, m, std::regex(std::string(kHeadings[n - 1]) + "\\s+(\\d+)")))
        << "no page number for " << kHeadings[n - 1] << " in:\n" << toc;
    const int printed = std::stoi(m[1]);
    EXPECT_EQ(last_pages_.at("s" + std::to_string(n)), printed);
    ASSERT_GT(printed, previous) << "sections start on a new page, in order";
    ASSERT_LE(printed, pages);
    // The heading is on the printed page and on none between the TOC and it.
    EXPECT_NE(page_text(printed).find(kHeadings[n - 1]), std::string::npos) << "page " << printed;
    for (int p = 2; p < printed; ++p) EXPECT_EQ(page_text(p).find(kHeadings[n - 1]), std::string::npos) << p;
    previous = printed;
  }
  // Section 1 follows the title page; its 60-row table needs a second page before section 2.
  EXPECT_EQ(last_pages_.at("s1"), 2);
  EXPECT_GE(last_pages_.at("s2"), 4);
}

TEST_F(PdfTest, TextIsSearchableWithFooterAndRepeatedTableHeader) {
  const int pages = page_count();
  const std::string page2 = page_text(2);
  EXPECT_TRUE(std::regex_search(page2, std::regex("(^|\\n)2 ?/ ?" + std::to_string(pages) + "\\s"))) << page2;
  const std::string all = tool("pdftotext", "", "-");
  EXPECT_NE(all.find("Talousarvio 2025 – Keskushallinto"), std::string::npos);
  EXPECT_NE(all.find("på kansliet är läget oförändrat"), std::string::npos);
  // The non-breaking space shares the space's glyph, so pdftotext gives it back as a space.
  EXPECT_NE(all.find("-1 160 039"), std::string::npos);
  // Page 3 continues section 1's table: its header row is printed again there.
  const std::string page3 = page_text(3);
  EXPECT_NE(page3.find("Tilirivi 60"), std::string::npos) << page3;
  EXPECT_NE(page3.find("Tili"), page3.find("Tilirivi")) << "thead repeated before the rows";
  EXPECT_EQ(page3.find("Käyttötalous, euroa"), std::string::npos) << "the caption is not repeated";
}

// The TOC's numbers as printed on page 1 ("1 Käyttötalous 2"), by anchor id: read from the PDF's
// text, to compare with where the headings' destinations are.
AnchorPages toc_numbers(const std::string& pdf) {
  testing::TempDir dir;
  testing::spit(dir.path() / "x.pdf", pdf);
  const std::string toc = run_tool("pdftotext -f 1 -l 1 '" + (dir.path() / "x.pdf").string() + "' -");
  AnchorPages printed;
  for (int n = 1; n <= 3; ++n) {
    std::smatch m;
    if (std::regex_search(toc, m, std::regex(std::string(kHeadings[n - 1]) + "\\s+(\\d+)")))
      printed["s" + std::to_string(n)] = std::stoi(m[1]);
  }
  return printed;
}

// A document printed before starts from its headings' last pages, also after an edit (the usual
// print while a budget is prepared): one print when no heading moved, two when one did (the
// guess refused, the pages found printed). Its TOC is right every time, and the PDF tagged.
TEST(PdfKnownPages, AnEditedDocumentIsPrintedOnceWhenNoHeadingMoves) {
  static int run = 0;  // a new document on each run (--gtest_repeat), printed by no other test
  const std::string title = "Talousarvio 2026 (luonnos " + std::to_string(++run) + ")";
  auto draft = [&](const std::string& note, bool longer) {
    return [=](const AnchorPages& pages) { return document_html(pages, title, note, longer); };
  };
  auto tagged = [](const std::string& pdf) {
    testing::TempDir dir;
    testing::spit(dir.path() / "x.pdf", pdf);
    return run_tool("pdfinfo '" + (dir.path() / "x.pdf").string() + "'").find("Tagged:          yes") != std::string::npos;
  };
  auto anchors_of = [](const std::string& pdf) {
    AnchorPages a = pdf_anchor_pages(pdf);
    a.erase("toc");
    return a;
  };
  size_t before = pdf_prints();
  std::string pdf = render_pdf(draft("Ensimmäinen luonnos.", false));
  EXPECT_EQ(pdf_prints() - before, 2u) << "new: one print to find the pages, one with them";
  EXPECT_TRUE(tagged(pdf));  // the first print, made only for its pages, is not
  const AnchorPages first = anchors_of(pdf);
  EXPECT_EQ(toc_numbers(pdf), first);

  before = pdf_prints();
  pdf = render_pdf(draft("Toinen luonnos: yksi lause korjattu.", false));
  EXPECT_EQ(pdf_prints() - before, 1u) << "edited, no heading moved";
  EXPECT_TRUE(tagged(pdf));
  EXPECT_EQ(anchors_of(pdf), first);
  EXPECT_EQ(toc_numbers(pdf), first);

  before = pdf_prints();
  pdf = render_pdf(draft("Kolmas luonnos.", true));
  EXPECT_EQ(pdf_prints() - before, 2u) << "a heading moved: the guess is refused and the pages found are printed";
  const AnchorPages moved = anchors_of(pdf);
  ASSERT_TRUE(moved.count("s2") && first.count("s2"));
  EXPECT_GT(moved.at("s2"), first.at("s2"));
  EXPECT_EQ(toc_numbers(pdf), moved);
  EXPECT_TRUE(tagged(pdf));

  // Links whose pages the HTML does not show: the untagged print is not what is returned.
  before = pdf_prints();
  pdf = render_pdf([&](const AnchorPages&) {
    return "<!doctype html><html lang=\"fi\"><head><title>Linkit ilman sivunumeroita " + title + "</title></head><body>"
           "<p><a href=\"#x\">Kohta</a></p><h2 id=\"x\">Kohta</h2></body></html>";
  });
  EXPECT_EQ(pdf_prints() - before, 2u);
  EXPECT_TRUE(tagged(pdf));
  // No internal link: one print, tagged.
  before = pdf_prints();
  pdf = render_pdf([&](const AnchorPages&) {
    return "<!doctype html><html lang=\"fi\"><head><title>Ei linkkejä " + title + "</title></head><body><p>Teksti</p></body></html>";
  });
  EXPECT_EQ(pdf_prints() - before, 1u);
  EXPECT_TRUE(tagged(pdf));
  // Fixed HTML (a frozen version's): one print, tagged.
  before = pdf_prints();
  pdf = render_pdf_of("<!doctype html><html lang=\"fi\"><head><title>Jäädytetty</title></head><body>"
                      "<p><a href=\"#x\">Kohta</a></p><h2 id=\"x\">Kohta</h2></body></html>");
  EXPECT_EQ(pdf_prints() - before, 1u);
  EXPECT_TRUE(tagged(pdf));
}

// A narrative's HTML must not pull local files into the PDF (without the CSP Chromium prints them).
TEST(PdfIsolation, LocalFilesAreNotLoaded) {
  testing::TempDir dir;
  const fs::path secret = dir.path() / "secret.txt", out = dir.path() / "x.pdf";
  testing::spit(secret, "SALAISUUS-42\n");
  const std::string url = "file://" + secret.string();
  testing::spit(out, render_pdf([&](const AnchorPages&) {
    return "<!doctype html><html lang=\"fi\"><head><meta charset=\"utf-8\"><title>x</title></head><body>"
           "<p>Näkyvä kappale</p><iframe src=\"" + url + "\"></iframe><object data=\"" + url + "\"></object>"
           "<img alt=\"\" src=\"" + url + "\"></body></html>";
  }));
  const std::string text = run_tool("pdftotext '" + out.string() + "' -");
  EXPECT_NE(text.find("Näkyvä kappale"), std::string::npos) << text;
  EXPECT_EQ(text.find("SALAISUUS"), std::string::npos) << text;
}

// The printed page's body is hidden for the screen only (render/pdf.cpp, printable): a page with
// its own body and screen/print rules prints its print content, on the pages it asks for.
TEST(PdfScreenHidden, PrintLayoutIsUntouched) {
  testing::TempDir dir;
  const fs::path out = dir.path() / "x.pdf";
  testing::spit(out, render_pdf([&](const AnchorPages&) {
    return "<!doctype html><html lang=\"fi\"><head><meta charset=\"utf-8\"><title>x</title><style>"
           "body { display: flex; flex-direction: column; } @media screen { .print-only { display: none; } }"
           "@media print { .screen-only { display: none; } .next { break-before: page; } }</style></head><body>"
           "<p>Ensimmäinen sivu</p><p class=\"print-only\">Vain tulosteessa</p>"
           "<p class=\"screen-only\">Vain näytöllä</p><p class=\"next\">Toinen sivu</p></body></html>";
  }));
  const std::string text = run_tool("pdftotext '" + out.string() + "' -");
  EXPECT_NE(text.find("Ensimmäinen sivu"), std::string::npos) << text;
  EXPECT_NE(text.find("Vain tulosteessa"), std::string::npos) << text;
  EXPECT_EQ(text.find("Vain näytöllä"), std::string::npos) << text;
  // Two pages: the break asked for under print; the second page holds "Toinen sivu".
  EXPECT_NE(run_tool("pdfinfo '" + out.string() + "'").find("Pages:           2"), std::string::npos);
  EXPECT_NE(run_tool("pdftotext -f 2 -l 2 '" + out.string() + "' -").find("Toinen sivu"), std::string::npos);
}

// Stand-ins for Chromium: the errors must say what went wrong.
fs::path fake_chromium(const fs::path& dir, const std::string& script) {
  fs::path p = dir / "fake-chromium";
  testing::spit(p, "#!/bin/sh\n" + script + "\n");
  ::chmod(p.c_str(), 0755);
  return p;
}

std::string error_of(const PdfOptions& options) {
  try {
    render_pdf([](const AnchorPages&) { return std::string("<p>x</p>"); }, options);
  } catch (const PdfError& e) {
    return e.what();
  }
  return "no error";
}

TEST(PdfErrors, ChromiumMissing) {
  EXPECT_NE(error_of({"/nonexistent/chromium"}).find("Chromium not found: /nonexistent/chromium"), std::string::npos);
}

TEST(PdfErrors, ChromiumFailsWithItsStderr) {
  testing::TempDir dir;
  std::string e = error_of({fake_chromium(dir.path(), "echo 'cannot open display' >&2; exit 3").string()});
  EXPECT_NE(e.find("Chromium exited with status 3"), std::string::npos) << e;
  EXPECT_NE(e.find("cannot open display"), std::string::npos) << e;
}

TEST(PdfErrors, ChromiumWritesNothing) {
  testing::TempDir dir;
  std::string e = error_of({fake_chromium(dir.path(), "exit 0").string()});
  EXPECT_NE(e.find("Chromium wrote no PDF"), std::string::npos) << e;
}

TEST(PdfErrors, HungChromiumIsKilledAtTheTimeout) {
  testing::TempDir dir;
  auto start = std::chrono::steady_clock::now();
  // The sleep is a child of the script: killing the process group ends both.
  std::string e = error_of({fake_chromium(dir.path(), "sleep 30; echo done").string(), std::chrono::seconds(1)});
  EXPECT_NE(e.find("Chromium did not finish within 1 s"), std::string::npos) << e;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

// A kept Chromium lives as long as the server: it must not inherit the server's sockets or files
// (a connection the server closes would stay open in Chromium). The stand-in lists its fds.
TEST(PdfIsolation, ChromiumInheritsNoOtherDescriptor) {
  testing::TempDir dir;
  int opened = ::open("/dev/null", O_RDONLY);
  int leaked = ::fcntl(opened, F_DUPFD, 20);  // without close-on-exec, like Asio's sockets
  ::close(opened);
  ASSERT_GE(leaked, 20);
  std::string e = error_of({fake_chromium(dir.path(), "for f in /proc/$$/fd/*; do echo \"fd ${f##*/}\" >&2; done; exit 3").string()});
  ::close(leaked);
  EXPECT_NE(e.find("fd 3"), std::string::npos) << e;  // the DevTools pipe ...
  EXPECT_NE(e.find("fd 4"), std::string::npos) << e;
  EXPECT_EQ(e.find("fd " + std::to_string(leaked)), std::string::npos) << e;  // ... and nothing else of ours
}

// Whether a folder holds, at any depth, an entry whose name starts with `prefix`.
bool holds(const fs::path& dir, const std::string& prefix) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->path().filename().string().rfind(prefix, 0) == 0) return true;
  return false;
}

// Chromium's own lock-socket folder (TMPDIR/org.chromium.Chromium.*) went with neither the kept
// Chromium nor a failed one: hundreds were left in /tmp. Stopped either way, nothing remains.
TEST(PdfCleanup, AChromiumLeavesNothingInTmpdir) {
  std::string chromium = run_tool("command -v chromium || command -v chromium-browser");
  while (!chromium.empty() && std::isspace(static_cast<unsigned char>(chromium.back()))) chromium.pop_back();
  if (chromium.empty()) GTEST_SKIP() << "no chromium";
  testing::TempDir dir;
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  ::setenv("TMPDIR", dir.path().c_str(), 1);
  {
    Chromium kept(chromium);  // printed with, then stopped as the pool does at exit
    std::string pdf = kept.print("<!doctype html><html lang=\"fi\"><title>t</title><p>Tulos</p></html>",
                                 Chromium::Clock::now() + std::chrono::seconds(60), std::chrono::seconds(60));
    EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
    EXPECT_TRUE(holds(dir.path(), "org.chromium.Chromium.")) << "its lock socket's folder, while it runs";
  }
  {
    Chromium failed(chromium);  // printed with, then stopped by a failure (a deadline already passed)
    EXPECT_EQ(failed.print("<p>x</p>", Chromium::Clock::now() + std::chrono::seconds(60), std::chrono::seconds(60)).rfind("%PDF-", 0), 0u);
    EXPECT_TRUE(holds(dir.path(), "org.chromium.Chromium."));
    EXPECT_THROW(failed.print("<p>x</p>", Chromium::Clock::now(), std::chrono::seconds(0)), PdfError);
  }
  if (old) ::setenv("TMPDIR", saved.c_str(), 1);
  else ::unsetenv("TMPDIR");
  std::string left;
  for (const auto& e : fs::directory_iterator(dir.path())) left += e.path().filename().string() + " ";
  EXPECT_EQ(left, "");
}

}  // namespace
}  // namespace toteuma
