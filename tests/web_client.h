// Drives the web application's handler as a browser would: keeps cookies, logs in through the
// login form, and finds the CSRF token on a page. No sockets: the handler is called directly.
#pragma once
#include <gtest/gtest.h>

#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auth/password.h"
#include "demo_db.h"
#include "store/store.h"
#include "store/user_store.h"
#include "web/app.h"

namespace toteuma::testing {

// Adds a user with `role` ("editor:kanslia", "approver", ...) and the given password.
inline void add_user(const std::string& db, const std::string& id, const std::string& role, const std::string& password) {
  auto users = open_user_store(db);
  User u;
  u.id = id;
  u.display_name = "Test " + id;
  u.password_hash = auth::hash_password(password);
  u.grants.push_back(*parse_grant(role));
  users->add_user(u);
}

// The demo dataset in a fresh database; a test adds its users and then builds `app`.
struct DemoWorkplace {
  TempDir tmp;
  std::string db = load_demo_db(tmp);
  http::Handler app;
  // The stored narrative, or "<none>".
  std::string narrative(const std::string& unit, int year, const std::string& section, Lang lang) const {
    Dataset d = open_store(db)->read();
    const Narrative* n = find_narrative(d.narratives, unit, year, section, lang);
    return n ? n->markdown : "<none>";
  }
};

class Client {
 public:
  explicit Client(http::Handler h) : h_(std::move(h)) {}

  http::Response get(const std::string& path, std::map<std::string, std::string> query = {}) {
    http::Request r;
    r.method = "GET";
    r.path = path;
    r.query = std::move(query);
    return send(r);
  }
  // A form POST; the session's CSRF token is added unless `with_csrf` is false.
  http::Response post(const std::string& path, std::map<std::string, std::string> form,
                      std::map<std::string, std::string> query = {}, bool with_csrf = true) {
    if (with_csrf && !csrf.empty()) form.try_emplace("csrf", csrf);
    http::Request r;
    r.method = "POST";
    r.path = path;
    r.query = std::move(query);
    r.headers["content-type"] = "application/x-www-form-urlencoded";
    for (const auto& [k, v] : form) r.body += (r.body.empty() ? "" : "&") + http::url_encode(k) + "=" + http::url_encode(v);
    return send(r);
  }
  // A JSON request to the API, with the X-CSRF-Token header when known.
  http::Response json(const std::string& method, const std::string& path, const std::string& body,
                      std::map<std::string, std::string> query = {}) {
    http::Request r;
    r.method = method;
    r.path = path;
    r.query = std::move(query);
    r.headers["content-type"] = "application/json";
    if (!csrf.empty()) r.headers["x-csrf-token"] = csrf;
    r.body = body;
    return send(r);
  }
  // Through the API's login; sets `csrf` from its answer.
  http::Response api_login(const std::string& user, const std::string& password) {
    auto r = json("POST", "/api/v1/login", nlohmann::json{{"user", user}, {"password", password}}.dump());
    if (r.status == 200) csrf = nlohmann::json::parse(r.body).value("csrf", "");
    return r;
  }
  // Through the login form; returns the response of the POST. Sets `csrf` from the next page.
  http::Response login(const std::string& user, const std::string& password) {
    auto form = get("/fi/login");
    auto r = post("/fi/login", {{"login_csrf", cookies_["toteuma_login"]}, {"user", user}, {"password", password}, {"next", "/fi/"}},
                  {}, false);
    if (r.status == 303) csrf = field(get("/fi/").body, "csrf");
    return r;
  }
  // The value of the first hidden input named `name` on a page (HTML-unescaped for &amp; only).
  static std::string field(const std::string& html, const std::string& name) {
    std::string needle = "name=\"" + name + "\" value=\"";
    auto at = html.find(needle);
    if (at == std::string::npos) return "";
    at += needle.size();
    return html.substr(at, html.find('"', at) - at);
  }
  static std::string header(const http::Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return "";
  }
  // The client's cookies as a Cookie header's value (for requests made over a socket).
  std::string cookie_header() const {
    std::string cookie;
    for (const auto& [k, v] : cookies_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
    return cookie;
  }
  std::string csrf;
  std::string address = "127.0.0.1";  // the connection's peer, as the server sees it

  // Any request as given, with the client's cookies and address.
  http::Response send(http::Request& r) {
    r.remote = address;
    if (std::string cookie = cookie_header(); !cookie.empty()) r.headers["cookie"] = cookie;
    http::Response res = h_(r);
    // A PDF's answer is made later on the server's background thread: here, at once.
    if (res.later) res = res.later();
    for (const auto& [k, v] : res.headers) {
      if (k != "Set-Cookie") continue;
      auto eq = v.find('='), semi = v.find(';');
      std::string name = v.substr(0, eq), value = v.substr(eq + 1, semi - eq - 1);
      if (v.find("Max-Age=0") != std::string::npos) cookies_.erase(name);
      else cookies_[name] = value;
    }
    return res;
  }

 private:
  http::Handler h_;
  std::map<std::string, std::string> cookies_;
};

// The demo workplace with one user per (id, role), all with `password`: `as(id)` is a logged-in client.
struct UsersWorkplace : DemoWorkplace {
  std::string password;
  UsersWorkplace(std::initializer_list<std::pair<const char*, const char*>> users, std::string pw) : password(std::move(pw)) {
    for (const auto& [id, role] : users) add_user(db, id, role, password);
    app = make_app(db);
  }
  // Fails the test (not the fixture) when the login is refused.
  Client as(const std::string& id) {
    Client c(app);
    if (c.login(id, password).status != 303) ADD_FAILURE() << "login refused: " << id;
    return c;
  }
  Dataset read() const { return open_store(db)->read(); }
};

}  // namespace toteuma::testing
