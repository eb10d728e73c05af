// PDFs are printed on the server's background threads behind a bounded queue (web/pdf_jobs.h,
// issue 20): the server answers /healthz while PDFs are being made, and a reader who already has
// two PDFs waiting is told "busy" at once. Chromium is a stand-in script that prints nothing until
// a gate file appears, so "while the PDFs are being made" holds without any timing.
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "web/beast_client.h"
#include "web/pdf_jobs.h"
#include "web_client.h"

namespace toteuma {
namespace {

namespace fs = std::filesystem;
using namespace testing::beast_client;

TEST(PdfJobs, PlacesPerReaderAndInAll) {
  auto jobs = std::make_shared<web::PdfJobs>(3, 2);
  auto a1 = jobs->reserve("user:a"), a2 = jobs->reserve("user:a");
  ASSERT_TRUE(a1 && a2);
  EXPECT_FALSE(jobs->reserve("user:a")) << "a third of one reader";
  auto b1 = jobs->reserve("user:b");
  ASSERT_TRUE(b1);
  EXPECT_FALSE(jobs->reserve("user:c")) << "all three places taken";
  EXPECT_EQ(jobs->taken(), 3u);
  a1.reset();  // a job done gives its place back
  EXPECT_EQ(jobs->taken(), 2u);
  EXPECT_TRUE(jobs->reserve("user:c"));  // ... and the temporary frees it again at once
  EXPECT_TRUE(jobs->reserve("user:a"));
}

// Sets TOTEUMA_CHROMIUM for one test and restores it.
struct ChromiumEnv {
  std::string before;
  bool had = false;
  explicit ChromiumEnv(const fs::path& exe) {
    if (const char* v = std::getenv("TOTEUMA_CHROMIUM")) had = true, before = v;
    ::setenv("TOTEUMA_CHROMIUM", exe.c_str(), 1);
  }
  ~ChromiumEnv() {
    if (had) ::setenv("TOTEUMA_CHROMIUM", before.c_str(), 1);
    else ::unsetenv("TOTEUMA_CHROMIUM");
  }
};

size_t files_named(const fs::path& dir, const std::string& prefix) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.path().filename().string().rfind(prefix, 0) == 0;
  return n;
}

TEST(PdfQueue, HealthAnswersWhileEightPdfsAreMade) {
  testing::DemoWorkplace w;
  const fs::path dir = w.tmp.path();
  const std::vector<std::string> users{"lukija1", "lukija2", "lukija3", "lukija4"};
  for (const auto& u : users) testing::add_user(w.db, u, "viewer", "salasana-123");
  w.app = make_app(w.db);
  std::vector<std::string> cookies;
  for (const auto& u : users) {
    testing::Client c(w.app);
    ASSERT_EQ(c.login(u, "salasana-123").status, 303);
    cookies.push_back(c.cookie_header());
  }
  // The stand-in: marks that it started, waits for the gate, then exits without a PDF.
  const fs::path fake = dir / "fake-chromium";
  testing::spit(fake, "#!/bin/sh\ntouch '" + dir.string() + "/started.'$$\nwhile [ ! -e '" + dir.string() +
                          "/gate' ]; do sleep 0.05; done\nexit 0\n");
  ::chmod(fake.c_str(), 0755);
  ChromiumEnv env(fake);

  // One request thread: a PDF printed on it would leave nobody to answer /healthz.
  http::Server server("127.0.0.1", 0, w.app, 1, 2);
  std::thread runner([&] { server.run(); });
  std::vector<std::unique_ptr<Client>> pdfs;
  auto ask_pdf = [&](size_t user, const std::string& doc) {
    auto req = make(bhttp::verb::get, "/fi/unit/kanslia/document?doc=" + doc + "&format=pdf&year=" +
                                          (doc == "annual-report" ? "2024" : "2025"));
    req.set(bhttp::field::cookie, cookies[user]);
    pdfs.push_back(std::make_unique<Client>(server.port()));
    pdfs.back()->send(req);
  };
  // lukija1's two first: both background threads take them (each starts its Chromium) ...
  ask_pdf(0, "annual-report");
  ask_pdf(0, "budget-book");
  while (files_named(dir, "started.") < 2) std::this_thread::sleep_for(10ms);
  // ... and six more of the others wait in the queue.
  for (size_t i = 2; i < 8; ++i) ask_pdf(i / 2, i % 2 ? "budget-book" : "annual-report");

  // lukija1 has two PDFs in the making: a third is refused at once, in Finnish, with Retry-After.
  Client other(server.port());
  auto third = make(bhttp::verb::get, "/fi/unit/kanslia/document?doc=service-plan&year=2025&format=pdf");
  third.set(bhttp::field::cookie, cookies[0]);
  Res busy = other.request(third);
  EXPECT_EQ(busy.result_int(), 503);
  EXPECT_NE(busy.body().find(tr("web.pdf_busy", Lang::fi)), std::string::npos) << busy.body();
  EXPECT_EQ(str(busy[bhttp::field::retry_after]), "10");

  Client health(server.port());
  Res ok = health.request(make(bhttp::verb::get, "/healthz"));
  EXPECT_EQ(ok.result_int(), 200);
  EXPECT_EQ(ok.body(), "ok\n");
  // Pages are served meanwhile too.
  auto page = make(bhttp::verb::get, "/fi/unit/kanslia?year=2024");
  page.set(bhttp::field::cookie, cookies[1]);
  EXPECT_EQ(health.request(page).result_int(), 200);
  for (auto& p : pdfs) EXPECT_EQ(p->socket.available(), 0u) << "a PDF answered before its Chromium could finish";

  fs::path gate = dir / "gate";
  testing::spit(gate, "");
  // Every PDF request gets its answer: the stand-in printed nothing, so a generic 500.
  for (auto& p : pdfs) EXPECT_EQ(p->receive().result_int(), 500);
  server.stop();
  runner.join();
}

}  // namespace
}  // namespace toteuma
