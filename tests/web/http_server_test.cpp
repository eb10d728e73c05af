// End-to-end tests: a real Server on an ephemeral loopback port, driven by a Beast
// synchronous client.
#include "web/http/server.h"

#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <boost/asio/write.hpp>
#include <gtest/gtest.h>
#include <sched.h>
#include <fstream>
#include <sys/resource.h>

#include "web/beast_client.h"

using namespace toteuma::testing::beast_client;

namespace {

std::string last_upload_file;  // the streamed body the handler saw last

// 40 000 bytes kept beside the server, as the page cache keeps a page.
const std::shared_ptr<const std::string>& kept_page() {
  static const auto page = [] {
    std::string s;
    for (int i = 0; s.size() < 40000; ++i) s += "<p>rivi " + std::to_string(i) + "</p>\n";
    return std::make_shared<const std::string>(s.substr(0, 40000));
  }();
  return page;
}

// A small router that exercises each Request/Response feature.
th::Response app(const th::Request& req) {
  th::Response res;
  if (req.path == "/echo") {
    res.content_type = "text/plain";
    res.body = req.method + " " + req.path + "\n";
    for (const auto& [k, v] : req.query) res.body += "q:" + k + "=" + v + "\n";
    return res;
  }
  if (req.path == "/form" && req.method == "POST") {
    for (const auto& [k, v] : req.form()) res.body += k + "=" + v + "\n";
    return res;
  }
  if (req.path == "/header") {
    res.body = req.header("X-Test") + "|" + req.header("absent");
    return res;
  }
  if (req.path == "/custom") {
    res.headers = {{"Content-Security-Policy", "default-src 'none'"},
                   {"Set-Cookie", "a=1"},
                   {"Set-Cookie", "b=2"},
                   {"X-Evil", "x\r\nInjected: yes"},
                   {"Content-Length", "999"}};
    res.body = "custom";
    return res;
  }
  if (req.path == "/upload") {  // a multipart POST arrives streamed to a file (imports, web/http/multipart.h)
    last_upload_file = req.body_file;
    res.body = req.body_file.empty() ? "memory " + std::to_string(req.body.size())
                                     : "file " + std::to_string(std::filesystem::file_size(req.body_file));
    return res;
  }
  if (req.path == "/kept") {  // a cached page's bytes, handed over without a copy (web/page_cache.h)
    if (!req.takes_kept_body) {  // the server always takes kept bytes
      res.status = 500;
      return res;
    }
    res.kept_body = kept_page();
    res.body = "not sent: the kept bytes are";
    return res;
  }
  if (req.path == "/throw") throw std::runtime_error("secret database password");
  if (req.path == "/badstatus") {
    res.status = 42;
    return res;
  }
  res.status = 404;
  res.body = "not found";
  return res;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<th::Server>("127.0.0.1", 0, app, 4);
    thread_ = std::thread([this] { server_->run(); });
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
  }
  Res get(const std::string& target) {
    Client c(server_->port());
    return c.request(make(bhttp::verb::get, target));
  }

  std::unique_ptr<th::Server> server_;
  std::thread thread_;
};

TEST(UrlDecode, DecodesEscapesAndPlus) {
  EXPECT_EQ(th::url_decode("%C3%A4+b", true), "\xC3\xA4 b");
  EXPECT_EQ(th::url_decode("%C3%A4+b", false), "\xC3\xA4+b");
  EXPECT_EQ(th::url_decode("a%2fb%2F", false), "a/b/");
  // Malformed escapes stay literal instead of eating characters.
  EXPECT_EQ(th::url_decode("%zz%4%", true), "%zz%4%");
  EXPECT_EQ(th::url_decode("", true), "");
}

TEST(RequestTest, HeaderAndForm) {
  th::Request r;
  r.headers["content-type"] = "Application/X-WWW-Form-Urlencoded ; charset=UTF-8";
  r.body = "a=1&b=x+y&a=2&&c&d=%26";
  EXPECT_EQ(r.header("Content-Type"), r.headers["content-type"]);
  EXPECT_EQ(r.header("missing"), "");
  const auto f = r.form();
  EXPECT_EQ(f, (std::map<std::string, std::string>{{"a", "1"}, {"b", "x y"}, {"c", ""}, {"d", "&"}}));
  r.headers["content-type"] = "application/json";
  EXPECT_TRUE(r.form().empty());
}

TEST_F(ServerTest, BindsEphemeralPort) { EXPECT_NE(server_->port(), 0); }

TEST_F(ServerTest, GetDecodesPathAndQuery) {
  const Res res = get("/ech%6F?a=%C3%A4+b&x=1%2B1&a=ignored&flag");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "GET /echo\nq:a=\xC3\xA4 b\nq:flag=\nq:x=1+1\n");
  EXPECT_EQ(str(res[bhttp::field::content_type]), "text/plain");
}

TEST_F(ServerTest, PostFormIsParsed) {
  Client c(server_->port());
  Res res = c.request(make(bhttp::verb::post, "/form", "name=M%C3%A4ki+Oy&empty=&n=1",
                           "application/x-www-form-urlencoded"));
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "empty=\nn=1\nname=M\xC3\xA4ki Oy\n");
  // Not a form: nothing parsed.
  res = c.request(make(bhttp::verb::post, "/form", "name=x", "application/json"));
  EXPECT_EQ(res.body(), "");
}

TEST_F(ServerTest, HeadersAreCaseInsensitive) {
  Client c(server_->port());
  Req req = make(bhttp::verb::get, "/header");
  req.set("x-TEST", "hello");
  EXPECT_EQ(c.request(req).body(), "hello|");
}

TEST_F(ServerTest, HandlerNotFound) {
  const Res res = get("/nope");
  EXPECT_EQ(res.result_int(), 404);
  EXPECT_EQ(res.body(), "not found");
}

TEST_F(ServerTest, HandlerExceptionGives500WithoutLeak) {
  Client c(server_->port());
  const Res res = c.request(make(bhttp::verb::get, "/throw"));
  EXPECT_EQ(res.result_int(), 500);
  EXPECT_EQ(res.body(), "Sisäinen virhe / Internt fel\n");  // no English, no detail
  EXPECT_EQ(std::string(res.body()).find("secret"), std::string::npos);
  EXPECT_EQ(str(res["X-Frame-Options"]), "DENY");
  // The connection survives a failing handler.
  EXPECT_EQ(c.request(make(bhttp::verb::get, "/echo")).result_int(), 200);
}

TEST_F(ServerTest, InvalidStatusGives500) { EXPECT_EQ(get("/badstatus").result_int(), 500); }

TEST_F(ServerTest, BodyOverLimitGives413AndCloses) {
  Client c(server_->port());
  // Like a browser, the client sends the whole body before reading. 16 MiB exceeds the
  // loopback socket buffers, so this only passes if the server drains the rest instead
  // of closing at once (which resets the connection and loses the 413).
  const Res res = c.request(make(bhttp::verb::post, "/form", std::string(16 * th::max_body_bytes, 'x'),
                                 "application/x-www-form-urlencoded"));
  EXPECT_EQ(res.result_int(), 413);
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(ServerTest, BodyAtLimitIsAccepted) {
  Client c(server_->port());
  const Res res = c.request(make(bhttp::verb::post, "/form", "k=" + std::string(th::max_body_bytes - 2, 'v'),
                                 "application/x-www-form-urlencoded"));
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body().size(), th::max_body_bytes + 1);  // "k=" + value + "\n"
}

// An upload (multipart/form-data POST) larger than the 1 MiB of other bodies is streamed to a
// temporary file, which is gone once the response is sent; the same size as a form is 413.
TEST_F(ServerTest, MultipartUploadIsStreamedToAFileAndRemoved) {
  Client c(server_->port());
  const std::size_t size = 3 * th::max_body_bytes;
  const Res res = c.request(make(bhttp::verb::post, "/upload", std::string(size, 'x'), "multipart/form-data; boundary=abc"));
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "file " + std::to_string(size));
  ASSERT_FALSE(last_upload_file.empty());
  EXPECT_FALSE(std::filesystem::exists(last_upload_file)) << last_upload_file;
  const Res small = c.request(make(bhttp::verb::post, "/upload", "k=v", "application/x-www-form-urlencoded"));
  EXPECT_EQ(small.body(), "memory 3");
  Client d(server_->port());
  EXPECT_EQ(d.request(make(bhttp::verb::post, "/upload", std::string(size, 'x'), "application/x-www-form-urlencoded")).result_int(), 413);
  static_assert(th::max_upload_bytes == std::size_t{256} * 1024 * 1024, "docs/WEB.md names the limit");
}

TEST_F(ServerTest, OversizedHeaderGives431) {
  Client c(server_->port());
  Req req = make(bhttp::verb::get, "/echo");
  req.set("X-Big", std::string(16 * 1024, 'h'));
  EXPECT_EQ(c.request(req).result_int(), 431);
}

TEST_F(ServerTest, MalformedRequestGives400) {
  Client c(server_->port());
  net::write(c.socket, net::buffer(std::string("NOT A REQUEST\r\n\r\n")));
  const Res res = c.receive();
  EXPECT_EQ(res.result_int(), 400);
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Client c(server_->port());
  const Res first = c.request(make(bhttp::verb::get, "/echo?n=1"));
  const Res second = c.request(make(bhttp::verb::get, "/echo?n=2"));
  EXPECT_TRUE(first.keep_alive());
  EXPECT_EQ(first.body(), "GET /echo\nq:n=1\n");
  EXPECT_EQ(second.body(), "GET /echo\nq:n=2\n");
}

TEST_F(ServerTest, PipelinedRequestsAnsweredInOrder) {
  Client c(server_->port());
  std::ostringstream both;
  both << make(bhttp::verb::get, "/echo?n=1") << make(bhttp::verb::get, "/echo?n=2");
  net::write(c.socket, net::buffer(both.str()));  // one write: both arrive together
  EXPECT_EQ(c.receive().body(), "GET /echo\nq:n=1\n");
  EXPECT_EQ(c.receive().body(), "GET /echo\nq:n=2\n");
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  Client c(server_->port());
  Req req = make(bhttp::verb::get, "/echo");
  req.keep_alive(false);
  const Res res = c.request(req);
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(ServerTest, HeadLikeGetWithoutBody) {
  Client c(server_->port());
  const Res get_res = c.request(make(bhttp::verb::get, "/echo"));
  const Res head_res = c.request(make(bhttp::verb::head, "/echo"));
  EXPECT_EQ(head_res.result_int(), 200);
  EXPECT_EQ(head_res.body(), "");
  EXPECT_EQ(str(head_res[bhttp::field::content_length]), std::to_string(get_res.body().size()));
  // Had any body bytes been sent, they would be parsed as this response and fail.
  EXPECT_EQ(c.request(make(bhttp::verb::get, "/echo?after=head")).body(),
            "GET /echo\nq:after=head\n");
}

TEST_F(ServerTest, KeptBodyIsSentAsKeptAndStaysIntact) {
  Client c(server_->port());
  for (int i = 0; i < 2; ++i) {  // twice on one connection: the kept bytes are not moved away
    const Res res = c.request(make(bhttp::verb::get, "/kept"));
    ASSERT_EQ(res.result_int(), 200);
    EXPECT_EQ(res.body().size(), 40000u);
    EXPECT_EQ(res.body().substr(0, 13), "<p>rivi 0</p>");
    EXPECT_EQ(res.body(), *kept_page());
    EXPECT_EQ(str(res[bhttp::field::content_length]), "40000");
  }
  const Res head = c.request(make(bhttp::verb::head, "/kept"));
  EXPECT_EQ(head.result_int(), 200);
  EXPECT_EQ(head.body(), "");
  EXPECT_EQ(str(head[bhttp::field::content_length]), "40000");
  EXPECT_EQ(kept_page()->size(), 40000u);
}

TEST_F(ServerTest, SecurityHeadersOnEveryResponse) {
  for (const std::string target : {"/echo", "/nope", "/throw"}) {
    const Res res = get(target);
    SCOPED_TRACE(target);
    EXPECT_EQ(str(res["X-Content-Type-Options"]), "nosniff");
    EXPECT_EQ(str(res["Referrer-Policy"]), "same-origin");
    EXPECT_EQ(str(res["X-Frame-Options"]), "DENY");
    EXPECT_EQ(str(res["Content-Security-Policy"]),
              "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
              "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
    EXPECT_EQ(str(res[bhttp::field::server]), "toteuma");
  }
}

TEST_F(ServerTest, HandlerHeadersOverrideAppendAndAreSanitised) {
  const Res res = get("/custom");
  EXPECT_EQ(res.count("Content-Security-Policy"), 1u);
  EXPECT_EQ(str(res["Content-Security-Policy"]), "default-src 'none'");
  EXPECT_EQ(res.count(bhttp::field::set_cookie), 2u);
  EXPECT_EQ(res.count("Injected"), 0u);
  EXPECT_EQ(str(res["X-Evil"]), "x  Injected: yes");
  EXPECT_EQ(str(res[bhttp::field::content_length]), "6");  // handler's bogus value dropped
  EXPECT_EQ(res.body(), "custom");
  EXPECT_EQ(str(res["X-Frame-Options"]), "DENY");
}

TEST_F(ServerTest, ConcurrentClients) {
  std::vector<std::future<int>> results;
  for (int t = 0; t < 8; ++t) {
    results.push_back(std::async(std::launch::async, [this, t] {
      Client c(server_->port());
      int ok = 0;
      for (int i = 0; i < 25; ++i) {
        const std::string n = std::to_string(t) + "-" + std::to_string(i);
        ok += c.request(make(bhttp::verb::get, "/echo?n=" + n)).body() == "GET /echo\nq:n=" + n + "\n";
      }
      return ok;
    }));
  }
  for (auto& r : results) EXPECT_EQ(r.get(), 25);
}

TEST(ServerLifecycle, StopReturnsRunEvenWithOpenConnection) {
  th::Server server("127.0.0.1", 0, app, 2);
  auto done = std::async(std::launch::async, [&] { server.run(); });
  Client c(server.port());
  EXPECT_EQ(c.request(make(bhttp::verb::get, "/echo")).result_int(), 200);  // idle keep-alive now
  server.stop();
  ASSERT_EQ(done.wait_for(5s), std::future_status::ready);
  done.get();
  // run() closed the listener: new connections are refused.
  EXPECT_THROW(Client{server.port()}, boost::system::system_error);
}

TEST(ServerLifecycle, StopBeforeRunMakesRunReturn) {
  th::Server server("127.0.0.1", 0, app, 1);
  server.stop();
  auto done = std::async(std::launch::async, [&] { server.run(); });
  EXPECT_EQ(done.wait_for(5s), std::future_status::ready);
}

TEST(ServerLifecycle, BindFailureThrows) {
  th::Server first("127.0.0.1", 0, app, 1);
  EXPECT_THROW(th::Server("127.0.0.1", first.port(), app, 1), boost::system::system_error);
}

// A server with one request thread and one background thread, running until the end of scope.
struct OneThreadServer {
  th::Server server;
  std::thread runner;
  template <typename Handler>
  explicit OneThreadServer(Handler handler) : server("127.0.0.1", 0, std::move(handler), 1, 1), runner([this] { server.run(); }) {}
  ~OneThreadServer() {
    server.stop();
    runner.join();
  }
  unsigned short port() { return server.port(); }
};

// A later answer (a PDF) runs on the server's background thread: with one request thread, other
// requests are answered while it is still being made. No timing: the job waits for a gate that
// opens only after the other answer arrived, so a blocked request thread would hang the test.
TEST(LaterAnswers, LeaveTheRequestThreadFree) {
  std::promise<void> gate;
  std::shared_future<void> open = gate.get_future().share();
  auto handler = [open](const th::Request& req) {
    th::Response res;
    if (req.path == "/slow") {
      res.later = [open] {
        open.wait();
        return th::Response{200, "text/plain", "made later\n", {{"X-Later", "yes"}}};
      };
      return res;
    }
    res.body = "ok\n";
    return res;
  };
  OneThreadServer server(handler);
  Client slow(server.port());
  slow.send(make(bhttp::verb::get, "/slow"));
  // A second slow request on another connection waits behind the first on the one background thread.
  Client second(server.port());
  second.send(make(bhttp::verb::get, "/slow"));
  Client health(server.port());
  Res ok = health.request(make(bhttp::verb::get, "/healthz"));
  EXPECT_EQ(ok.result_int(), 200);
  EXPECT_EQ(ok.body(), "ok\n");
  EXPECT_EQ(slow.socket.available(), 0u) << "the slow answer came before its gate opened";
  gate.set_value();
  for (Client* c : {&slow, &second}) {
    Res made = c->receive();
    EXPECT_EQ(made.result_int(), 200);
    EXPECT_EQ(made.body(), "made later\n");
    EXPECT_EQ(str(made["X-Later"]), "yes");
    EXPECT_EQ(str(made["X-Content-Type-Options"]), "nosniff") << "the usual headers on a later answer";
  }
  // The connection goes on after a later answer.
  Res again = slow.request(make(bhttp::verb::get, "/healthz"));
  EXPECT_EQ(again.body(), "ok\n");
}

// A later answer whose reader left while it waited its turn is never made (a PDF nobody will
// read; its place in the queue is given back). No timing: the first job holds the one background
// thread until the second reader has gone; a third job, queued after the second, proves the
// second's turn has passed.
TEST(LaterAnswers, AreNotMadeForAReaderWhoLeft) {
  std::promise<void> gate, second_read, must_read;
  std::shared_future<void> open = gate.get_future().share();
  std::atomic<int> made_for_second{0}, made_anyway{0};
  auto handler = [&, open](const th::Request& req) {
    th::Response res;
    if (req.path == "/first") res.later = [open] {
      open.wait();
      return th::Response{200, "text/plain", "first\n", {}};
    };
    if (req.path == "/second") {
      res.later = [&] {
        ++made_for_second;
        return th::Response{200, "text/plain", "second\n", {}};
      };
      second_read.set_value();
    }
    if (req.path == "/third") res.later = [] { return th::Response{200, "text/plain", "third\n", {}}; };
    if (req.path == "/must") {  // a frozen version's PDFs: printed whether or not the client waits
      res.later = [&] {
        ++made_anyway;
        return th::Response{200, "text/plain", "must\n", {}};
      };
      res.later_only_for_reader = false;
      must_read.set_value();
    }
    return res;
  };
  OneThreadServer server(handler);
  Client first(server.port());
  first.send(make(bhttp::verb::get, "/first"));
  {
    Client second(server.port());
    second.send(make(bhttp::verb::get, "/second"));
    second_read.get_future().wait();  // queued behind the first
    Client must(server.port());
    must.send(make(bhttp::verb::get, "/must"));
    must_read.get_future().wait();
  }  // both readers close their connections
  gate.set_value();
  EXPECT_EQ(first.receive().body(), "first\n");
  EXPECT_EQ(first.request(make(bhttp::verb::get, "/third")).body(), "third\n");
  EXPECT_EQ(made_for_second.load(), 0);
  EXPECT_EQ(made_anyway.load(), 1) << "a job that is not only for its reader runs all the same";
}

// Whether this thread may raise priorities: CAP_SYS_NICE (bit 23) in /proc/thread-self/status's CapEff.
bool holds_sys_nice() {
  std::ifstream status("/proc/thread-self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("CapEff:", 0) == 0) return (std::stoull(line.substr(7), nullptr, 16) >> 23 & 1) != 0;
  return false;
}

// The later answers run as SCHED_BATCH and ten steps nicer (background.cpp: they and the Chromium
// they start yield to the request threads); the request threads keep the server's policy and nice.
TEST(LaterAnswers, RunAsBatchWhileRequestsDoNot) {
  auto handler = [](const th::Request& req) {
    th::Response res;
    if (req.path == "/later") {
      res.later = [] {
        return th::Response{200, "text/plain", std::to_string(sched_getscheduler(0)) + " " + std::to_string(getpriority(PRIO_PROCESS, 0)), {}};
      };
      return res;
    }
    // Whether a program started from here may raise its priority (Chromium does when it may).
    auto may_raise = [] { return std::to_string(std::system("renice -n -5 -p $$ >/dev/null 2>&1") == 0); };
    if (req.path == "/later-raise") {
      res.later = [may_raise] { return th::Response{200, "text/plain", may_raise(), {}}; };
      return res;
    }
    if (req.path == "/raise") {
      res.body = may_raise();
      return res;
    }
    res.body = std::to_string(sched_getscheduler(0)) + " " + std::to_string(getpriority(PRIO_PROCESS, 0));
    return res;
  };
  const int nice_before = getpriority(PRIO_PROCESS, 0);
  OneThreadServer server(handler);
  Client c(server.port());
  // Ten steps nicer than the server (at most 19), so that requests get the cores first.
  EXPECT_EQ(c.request(make(bhttp::verb::get, "/later")).body(),
            std::to_string(SCHED_BATCH) + " " + std::to_string(std::min(19, nice_before + 10)));
  // A request thread keeps the policy and nice value it was started with (this test's).
  EXPECT_EQ(c.request(make(bhttp::verb::get, "/now")).body(),
            std::to_string(sched_getscheduler(0)) + " " + std::to_string(nice_before));
  // What a later answer starts cannot raise itself (renice −5: below the job's nice 10 needs
  // CAP_SYS_NICE, or an RLIMIT_NICE of 25), even where a program a request thread starts can: a
  // server holding CAP_SYS_NICE (root in CI). Without it, both are refused.
  struct rlimit nice_limit{};
  ::getrlimit(RLIMIT_NICE, &nice_limit);
  if (nice_limit.rlim_cur < 25) {
    EXPECT_EQ(c.request(make(bhttp::verb::get, "/later-raise")).body(), "0");
  }
  if (holds_sys_nice()) {
    EXPECT_EQ(c.request(make(bhttp::verb::get, "/raise")).body(), "1");
  }
}

}  // namespace
