// The login limit (issue 13): per account AND client address, kept in the database. Five
// failures from one address lock that address out of that account, never the account for
// everyone; invented names cannot clear or evict a real account's count; the count survives a
// restart and is shared by servers on one file; it ends with its window.
#include <gtest/gtest.h>

#include "store/user_store.h"
#include "test_util.h"
#include "web/auth_routes.h"
#include <chrono>
#include <thread>

#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

constexpr const char* kPassword = "oikea-salasana-42";
constexpr const char* kA = "192.0.2.10";    // the guesser
constexpr const char* kB = "198.51.100.7";  // the administrator, elsewhere

struct Admin : testing::DemoWorkplace {
  Admin() {
    testing::add_user(db, "aino", "admin", kPassword);
    app = make_app(db);
  }
  Client from(const char* address) {
    Client c(app);
    c.address = address;
    return c;
  }
};

// Five wrong passwords for `user` from `c`'s address, each refused as wrong (401).
void fail_five(Client& c, const std::string& user) {
  for (int i = 0; i < 5; ++i) ASSERT_EQ(c.login(user, "väärä salasana").status, 401) << i;
}

TEST(LoginLimit, FiveFailuresFromOneAddressLockOnlyThatAddress) {
  Admin w;
  Client a = w.from(kA), b = w.from(kB);
  fail_five(a, "aino");
  auto locked = a.login("aino", kPassword);
  EXPECT_EQ(locked.status, 429);
  std::int64_t retry = std::stoll(Client::header(locked, "Retry-After"));
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, 900);
  // The administrator from another address logs in at once, and that does not unlock A.
  EXPECT_EQ(b.login("aino", kPassword).status, 303);
  EXPECT_EQ(b.get("/fi/audit").status, 200);
  EXPECT_EQ(a.login("aino", kPassword).status, 429);
  // The API counts the same failures.
  Client api = w.from(kA);
  EXPECT_EQ(api.json("POST", "/api/v1/login", R"({"user":"aino","password":"oikea-salasana-42"})").status, 429);
}

TEST(LoginLimit, LockSurvivesARestartAndIsSharedByServersOnOneDatabase) {
  Admin w;
  Client a = w.from(kA);
  fail_five(a, "aino");
  // A second server on the same file (or this one restarted) sees the same count.
  http::Handler restarted = make_app(w.db);
  Client a2(restarted), b2(restarted);
  a2.address = kA;
  b2.address = kB;
  EXPECT_EQ(a2.login("aino", kPassword).status, 429);
  EXPECT_EQ(b2.login("aino", kPassword).status, 303);
}

// The limiter of the app (5 failures, 15 minutes) over a demo database, on a clock of the test's.
struct Limits {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  std::unique_ptr<UserStore> users = open_user_store(db);
  web::LoginLimiter limiter{5, 900};
  static constexpr std::int64_t t = 1'700'000'000;
  void fail(const std::string& account, const std::string& address, std::int64_t now) { limiter.failed(*users, account, address, now); }
  std::int64_t locked(const std::string& account, const std::string& address, std::int64_t now) {
    return limiter.locked_for(*users, account, address, now);
  }
};

TEST(LoginLimit, InventedNamesNeverClearOrEvictARealAccountsLock) {
  Limits l;
  const std::int64_t t = Limits::t;
  for (int i = 0; i < 5; ++i) l.fail("aino", kA, t + i);
  ASSERT_EQ(l.locked("aino", kA, t + 5), 900 - 5);
  // A flood of made-up names, from the same address and from others.
  for (int i = 0; i < 10'000; ++i) l.fail("keksitty" + std::to_string(i), i % 2 ? kA : "203.0.113." + std::to_string(i % 250), t + 6);
  EXPECT_EQ(l.locked("aino", kA, t + 7), 900 - 7);
  EXPECT_EQ(l.locked("aino", kB, t + 7), 0);
  // A success of the account elsewhere clears that address only.
  l.limiter.succeeded(*l.users, "aino", kB);
  EXPECT_GT(l.locked("aino", kA, t + 8), 0);
}

TEST(LoginLimit, LockEndsWithItsWindowAndCountsStartAgain) {
  Limits l;
  const std::int64_t t = Limits::t;
  for (int i = 0; i < 4; ++i) l.fail("aino", kA, t);
  EXPECT_EQ(l.locked("aino", kA, t + 1), 0);  // four are not yet a lock
  l.fail("aino", kA, t + 100);
  EXPECT_EQ(l.locked("aino", kA, t + 100), 800);
  EXPECT_EQ(l.locked("aino", kA, t + 899), 1);
  EXPECT_EQ(l.locked("aino", kA, t + 900), 0);  // the window began at the first failure
  // After the window a failure starts a new count of one.
  l.fail("aino", kA, t + 901);
  EXPECT_EQ(l.users->login_failures("aino", kA, t + 901, 900), (LoginFailures{1, t + 901}));
  // A success clears the address's count at once.
  l.limiter.succeeded(*l.users, "aino", kA);
  EXPECT_EQ(l.users->login_failures("aino", kA, t + 902, 900), LoginFailures{});
}

TEST(LoginLimit, ClientAddressTrustsForwardedForOnlyFromAConfiguredProxy) {
  http::Request r;
  r.remote = "10.0.0.5";
  r.headers["x-forwarded-for"] = "1.2.3.4, 192.0.2.99";
  EXPECT_EQ(web::client_address(r, {}), "10.0.0.5");              // not configured: the connection
  EXPECT_EQ(web::client_address(r, {"10.0.0.9"}), "10.0.0.5");    // another proxy's header proves nothing
  EXPECT_EQ(web::client_address(r, {"10.0.0.5"}), "192.0.2.99");  // the hop the proxy appended, not the client's claim
  r.headers.erase("x-forwarded-for");
  EXPECT_EQ(web::client_address(r, {"10.0.0.5"}), "10.0.0.5");
}

TEST(LoginLimit, ExpiredLockLetsTheRightPasswordIn) {
  Admin w;
  web::AppOptions o;
  o.login_window_seconds = 3;
  http::Handler app = make_app(w.db, o);
  Client a(app);
  a.address = kA;
  fail_five(a, "aino");
  EXPECT_EQ(a.login("aino", kPassword).status, 429);
  std::this_thread::sleep_for(std::chrono::milliseconds(3100));
  EXPECT_EQ(a.login("aino", kPassword).status, 303);
}

}  // namespace
}  // namespace toteuma
