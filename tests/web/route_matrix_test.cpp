// The rights table of docs/USERS.md as requests (issue 13): tests/web/route_matrix.csv lists every
// route and method of the pages and the API, on the editor's own unit and on foreign ones, with
// the status each role (and an anonymous visitor) must get. Every cell runs against one demo
// workplace; a cell marked "w" must have written to the database and every other cell must have
// left it untouched (the data version seen by a separate connection), so a refused request that
// wrote something anyway fails. Every route the application serves must have a row.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/text.h"
#include "store/sql_db.h"
#include "store/workplace_store.h"
#include "web/api.h"
#include "web/routes.h"
#include "web/web_templates.h"
#include "web_client.h"

namespace toteuma {
namespace {

using nlohmann::json;
using testing::Client;

constexpr const char* kPassword = "oikea-salasana-42";

// The matrix's role columns, in order, with the user each is logged in as.
struct RoleColumn {
  std::string column, user, grant;  // user "" = anonymous
};
const std::vector<RoleColumn> kRoles{
    {"admin", "aino", "admin"},           {"finance", "talous", "finance"},         {"editor", "kanslia", "editor:kanslia"},
    {"translator_fi", "kaantaja-fi", "translator:fi"}, {"translator_sv", "kaantaja-sv", "translator:sv"},
    {"approver", "hyvaksyja", "approver"}, {"viewer", "lukija", "viewer"},
    {"council_group", "valtuutettu", "council-group:kuntalaiset"},                   {"anonymous", "", ""}};

struct Row {
  int line = 0;
  std::string method, path, given, body;
  std::vector<std::string> expected;  // per kRoles: "403", "303w", ...
};

std::vector<std::string> split_cells(const std::string& s) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (;;) {
    auto bar = s.find('|', at);
    out.push_back(s.substr(at, bar == std::string::npos ? std::string::npos : bar - at));
    if (bar == std::string::npos) return out;
    at = bar + 1;
  }
}

std::vector<Row> read_matrix() {
  std::ifstream in(testing::source_dir() / "tests" / "web" / "route_matrix.csv");
  EXPECT_TRUE(in) << "tests/web/route_matrix.csv";
  std::vector<Row> rows;
  std::string text;
  bool header = true;
  for (int line = 1; std::getline(in, text); ++line) {
    if (text.empty() || text[0] == '#') continue;
    auto cells = split_cells(text);
    if (header) {
      header = false;
      std::vector<std::string> want{"method", "path", "given", "body"};
      for (const auto& r : kRoles) want.push_back(r.column);
      EXPECT_EQ(cells, want) << "the header of route_matrix.csv";
      continue;
    }
    EXPECT_EQ(cells.size(), 4 + kRoles.size()) << "route_matrix.csv line " << line;
    if (cells.size() != 4 + kRoles.size()) continue;
    rows.push_back({line, cells[0], cells[1], cells[2], cells[3], std::vector<std::string>(cells.begin() + 4, cells.end())});
  }
  return rows;
}

std::vector<std::string> path_parts(const std::string& path) { return split_nonempty(path.substr(0, path.find('?')), '/'); }

std::map<std::string, std::string> query_of(const std::string& path) {
  std::map<std::string, std::string> q;
  auto at = path.find('?');
  if (at == std::string::npos) return q;
  for (const auto& kv : split_nonempty(path.substr(at + 1), '&')) {
    auto eq = kv.find('=');
    q[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
  }
  return q;
}

class Matrix {
 public:
  Matrix() {
    for (const auto& r : kRoles)
      if (!r.user.empty()) testing::add_user(w_.db, r.user, r.grant, kPassword);
    w_.app = make_app(w_.db);
    workplace_ = open_workplace_store(w_.db);
    watch_ = std::make_unique<sql::Db>(w_.db);
    for (const auto& r : kRoles) clients_.push_back(logged_in(r));
  }

  // Runs one cell; an empty string when it behaved as the matrix says, else what happened.
  std::string run(const Row& row, std::size_t role) {
    const RoleColumn& who = kRoles[role];
    Client fresh(w_.app);
    Client* c = &clients_[role];
    vars_.clear();
    if (row.given == "session") {  // logging out ends a session: use one of its own
      fresh = logged_in(who);
      c = &fresh;
    } else if (!give(row.given)) {
      return "unknown given: " + row.given;
    }
    std::string path = substitute(row.path, false, *c);
    std::string target = path.substr(0, path.find('?'));
    bool api = target.rfind("/api/", 0) == 0;
    http::Request req;
    req.method = row.method;
    req.path = target;
    req.query = query_of(path);
    // Bodies are filled in before the database is watched: {cur:…} and {login_csrf} read.
    std::string body = row.body == "-" ? "" : row.body;
    if (api) {
      req.headers["content-type"] = "application/json";
      if (!c->csrf.empty()) req.headers["x-csrf-token"] = c->csrf;
      req.body = substitute(body, true, *c);
    } else if (row.method == "POST") {
      req.headers["content-type"] = "application/x-www-form-urlencoded";
      std::map<std::string, std::string> form;
      if (!c->csrf.empty()) form["csrf"] = c->csrf;
      for (const auto& kv : split_nonempty(body, '&')) {
        auto eq = kv.find('=');
        form[kv.substr(0, eq)] = substitute(kv.substr(eq + 1), false, *c);
      }
      for (const auto& [k, v] : form) req.body += (req.body.empty() ? "" : "&") + http::url_encode(k) + "=" + http::url_encode(v);
    }
    std::int64_t before = data_version();
    http::Response r = c->send(req);
    bool wrote = data_version() != before;
    const std::string& want = row.expected[role];
    std::string got = std::to_string(r.status) + (wrote ? "w" : "");
    if (got == want) return "";
    std::string said = r.body.substr(0, 200);
    std::replace(said.begin(), said.end(), '\n', ' ');
    return "got " + got + ": " + said;
  }

 private:
  Client logged_in(const RoleColumn& r) {
    Client c(w_.app);
    if (!r.user.empty()) {
      EXPECT_EQ(c.login(r.user, kPassword).status, 303) << r.user;
    }
    return c;
  }

  std::int64_t data_version() {
    return watch_->data_version();
  }

  // Brings the workplace into the state a row needs.
  bool give(const std::string& given) {
    if (given == "-" || given.empty()) return true;
    auto eq = given.find('=');
    std::string what = given.substr(0, eq);
    auto p = split_nonempty(given.substr(eq + 1), '/');
    if (what == "section" && p.size() == 5) {
      workplace_->set_section_state("aino", SectionStatus{p[0], p[1], std::stoi(p[2]), p[3], *parse_section_state(p[4]), "aino", ""});
      return true;
    }
    if (what == "comment" || what == "resolved_comment") {  // comments: a thread aino (admin) started, resolved or not
      auto t = parse_target_id(given.substr(eq + 1));
      if (!t) return false;
      workplace_->add_comment("aino", *t, "kommentti");
      if (what == "resolved_comment") workplace_->resolve_thread("aino", *t, true, *workplace_->current("comment_thread", target_id(*t)));
      return true;
    }
    if ((what == "version" || what == "published") && p.size() == 3) {
      DocumentVersion v = workplace_->freeze("aino", p[0], p[1], std::stoi(p[2]), {{"fi", "html", "<p>versio</p>"}});
      if (what == "published") workplace_->publish("aino", v.id);
      vars_["version"] = std::to_string(v.id);
      return true;
    }
    return false;
  }

  // {new} a fresh text, {num} a fresh amount, {cur:ENTITY:KEY} / {has:ENTITY:KEY} the stored value
  // and whether there is one, {version} the version `given` made, {login_csrf} the login form's token.
  std::string substitute(const std::string& s, bool json_body, Client& c) {
    std::string out;
    std::size_t at = 0;
    while (at < s.size()) {
      auto open = s.find('{', at), close = open == std::string::npos ? open : s.find('}', open);
      std::string name = open == std::string::npos || close == std::string::npos ? "" : s.substr(open + 1, close - open - 1);
      bool ours = name == "new" || name == "num" || name == "version" || name == "login_csrf" || name.rfind("cur:", 0) == 0 ||
                  name.rfind("has:", 0) == 0;
      if (!ours) {
        std::size_t next = open == std::string::npos ? s.size() : open + 1;
        out += s.substr(at, next - at);
        at = next;
        continue;
      }
      out += s.substr(at, open - at);
      at = close + 1;
      if (name == "new") out += "teksti" + std::to_string(++counter_);
      else if (name == "num") out += std::to_string(1000 + ++counter_);
      else if (name == "version") out += vars_["version"];
      else if (name == "login_csrf") out += Client::field(c.get("/fi/login").body, "login_csrf");
      else {
        auto colon = name.find(':', 4);
        auto cur = workplace_->current(name.substr(4, colon - 4), name.substr(colon + 1));
        if (name.rfind("has:", 0) == 0) out += cur ? "1" : "0";
        else if (json_body) out += cur ? json(*cur).dump() : "null";
        else out += cur.value_or("");
      }
    }
    return out;
  }

  testing::DemoWorkplace w_;
  std::unique_ptr<WorkplaceStore> workplace_;
  std::unique_ptr<sql::Db> watch_;
  std::vector<Client> clients_;
  std::map<std::string, std::string> vars_;
  int counter_ = 0;
};

TEST(RouteMatrix, EveryRoleOnEveryRouteGetsTheDocumentedStatus) {
  auto rows = read_matrix();
  ASSERT_GT(rows.size(), 50u);
  Matrix m;
  int cells = 0;
  for (const Row& row : rows)
    for (std::size_t role = 0; role < kRoles.size(); ++role) {
      ++cells;
      std::string wrong = m.run(row, role);
      EXPECT_TRUE(wrong.empty()) << wrong << "\nroute_matrix.csv line " << row.line << ": " << row.method << " " << row.path << " as "
                           << kRoles[role].column << " should be " << row.expected[role];
    }
  EXPECT_EQ(cells, static_cast<int>(rows.size() * kRoles.size()));
}

// A route added to routes.cpp or the API without a row in the matrix fails here.
TEST(RouteMatrix, EveryRouteAndMethodTheAppServesHasARow) {
  auto rows = read_matrix();
  std::vector<web::RouteSpec> all = web::page_routes();
  for (const auto& r : web::api_routes()) all.push_back(r);
  for (const auto& spec : all)
    for (const auto& m : split_nonempty(spec.methods, ',')) {
      std::string method = m.front() == ' ' ? m.substr(1) : m;
      bool found = false;
      for (const Row& row : rows) found = found || (row.method == method && web::matches(spec, path_parts(row.path)));
      EXPECT_TRUE(found) << "no row in route_matrix.csv for " << method << " " << spec.pattern;
    }
  // And every row is a route the application knows or a method it refuses (405).
  for (const Row& row : rows) {
    bool known = false;
    for (const auto& spec : all) known = known || web::matches(spec, path_parts(row.path));
    EXPECT_TRUE(known) << "route_matrix.csv line " << row.line << ": no such route " << row.path;
  }
}

// The API's routes are the paths of its OpenAPI document, method for method.
TEST(RouteMatrix, ApiRoutesAreTheOpenApiPaths) {
  json doc = json::parse(std::string(embedded::openapi_json));
  std::set<std::pair<std::string, std::string>> documented, served;
  for (const auto& [path, ops] : doc["paths"].items())
    for (const auto& [method, op] : ops.items())
      if (method != "parameters") documented.insert({path, method});
  for (const auto& spec : web::api_routes())
    for (const auto& m : split_nonempty(spec.methods, ',')) {
      std::string method = m.front() == ' ' ? m.substr(1) : m;
      std::transform(method.begin(), method.end(), method.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
      served.insert({std::string(spec.pattern), method});
    }
  EXPECT_EQ(documented, served);
}

}  // namespace
}  // namespace toteuma
