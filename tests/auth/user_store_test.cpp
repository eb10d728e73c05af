// Users, grants and sessions in SQLite: round trip, sessions ended by a new password, expiry,
// and `toteuma load` leaving them alone.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/commands.h"
#include "demo_db.h"
#include "store/audit_rows.h"
#include "store/sql_db.h"
#include "store/user_store.h"

namespace toteuma {
namespace {

using testing::TempDir;

User maija() {
  // Grants given out of canonical order; read back as admin < finance < editor < translator.
  return User{"maija", "Maija Meikäläinen", "$argon2id$fake", false,
              {{Role::translator, "", Lang::sv}, {Role::editor, "kanslia", std::nullopt}, {Role::admin, "", std::nullopt}}};
}

TEST(UserStore, RoundTrip) {
  TempDir tmp;
  auto store = open_user_store(test_db(tmp, "u"));
  EXPECT_EQ(store->user("maija"), std::nullopt);
  store->add_user(maija());
  store->add_user(User{"aa", "Aa", "h", true, {}});
  User expected = maija();
  expected.grants = {{Role::admin, "", std::nullopt}, {Role::editor, "kanslia", std::nullopt}, {Role::translator, "", Lang::sv}};
  EXPECT_EQ(store->user("maija"), expected);
  auto all = store->users();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "aa");  // by id
  EXPECT_TRUE(all[0].disabled);
  EXPECT_TRUE(all[0].grants.empty());
  EXPECT_EQ(all[1], expected);
}

TEST(UserStore, RefusesDuplicateInvalidAndUnknown) {
  TempDir tmp;
  auto store = open_user_store(test_db(tmp, "u"));
  store->add_user(maija());
  EXPECT_THROW(store->add_user(maija()), StoreError);
  EXPECT_THROW(store->add_user(User{"X", "x", "h", false, {}}), StoreError);
  EXPECT_THROW(store->add_user(User{"bad-grant", "x", "h", false, {{Role::editor, "", std::nullopt}}}), StoreError);
  EXPECT_EQ(store->user("bad-grant"), std::nullopt);  // nothing half-written
  EXPECT_THROW(store->set_password("nobody", "h"), StoreError);
  EXPECT_THROW(store->set_disabled("nobody", true), StoreError);
  EXPECT_THROW(store->grant("nobody", {Role::viewer, "", std::nullopt}), StoreError);
  EXPECT_THROW(store->create_session({"d", "nobody", "c", 1, 2}), StoreError);
}

TEST(UserStore, GrantIsIdempotentAndRevokeRemovesOne) {
  TempDir tmp;
  auto store = open_user_store(test_db(tmp, "u"));
  store->add_user(User{"ville", "Ville", "h", false, {}});
  Grant ict{Role::editor, "ict", std::nullopt}, talous{Role::editor, "talous", std::nullopt};
  store->grant("ville", ict);
  store->grant("ville", ict);
  store->grant("ville", talous);
  EXPECT_EQ(store->user("ville")->grants, (std::vector<Grant>{ict, talous}));
  store->revoke("ville", ict);
  store->revoke("ville", ict);  // not held: nothing happens
  EXPECT_EQ(store->user("ville")->grants, (std::vector<Grant>{talous}));
}

TEST(UserStore, SessionsEndWithANewPasswordOrDisabling) {
  TempDir tmp;
  auto store = open_user_store(test_db(tmp, "u"));
  store->add_user(maija());
  store->add_user(User{"ville", "Ville", "h", false, {}});
  Session a{"d1", "maija", "csrf1", 1000, 5000}, b{"d2", "maija", "csrf2", 1000, 5000}, v{"d3", "ville", "csrf3", 1000, 5000};
  for (const auto& s : {a, b, v}) store->create_session(s);
  EXPECT_EQ(store->session("d1"), a);
  store->set_password("maija", "$argon2id$new");
  EXPECT_EQ(store->user("maija")->password_hash, "$argon2id$new");
  EXPECT_EQ(store->session("d1"), std::nullopt);
  EXPECT_EQ(store->session("d2"), std::nullopt);
  EXPECT_EQ(store->session("d3"), v);  // another user's session stays
  store->set_disabled("ville", true);
  EXPECT_TRUE(store->user("ville")->disabled);
  EXPECT_EQ(store->session("d3"), std::nullopt);
  store->set_disabled("ville", false);
  EXPECT_FALSE(store->user("ville")->disabled);
}

// What every web request reads in one statement: the session, its user with the grants in
// canonical order, and the newest data audit id (sign-ins and user changes not counted).
TEST(UserStore, SessionViewIsTheSessionItsUserAndTheNewestDataAuditId) {
  TempDir tmp;
  std::string db = test_db(tmp, "u");
  auto store = open_user_store(db);
  store->add_user(maija());
  store->add_user(User{"ville", "Ville", "h", true, {}});
  Session m{"d1", "maija", "csrf1", 1000, 5000}, v{"d2", "ville", "csrf2", 1100, 6000};
  store->create_session(m);
  store->create_session(v);
  EXPECT_EQ(store->session_view("nobody"), std::nullopt);

  auto seen = store->session_view("d1");
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->session, m);
  User expected = maija();
  expected.grants = {{Role::admin, "", std::nullopt}, {Role::editor, "kanslia", std::nullopt}, {Role::translator, "", Lang::sv}};
  EXPECT_EQ(seen->user, expected);
  EXPECT_EQ(seen->data_audit_id, 0);  // no audit row yet
  auto ville = store->session_view("d2");  // a user without grants: one row, the grant's columns empty
  ASSERT_TRUE(ville);
  EXPECT_EQ(ville->session, v);
  EXPECT_EQ(ville->user, (User{"ville", "Ville", "h", true, {}}));

  // Rows written by another connection, as another process would: a data change counts, a
  // sign-in after it does not.
  std::int64_t comment_id = 0;
  {
    sql::Db other(db);
    comment_id = insert_audit(other, AuditEntry{0, "", "maija", "comment", "kanslia/2024/services", std::nullopt, "x", "kanslia", "web"});
    insert_audit(other, AuditEntry{0, "", "maija", "sign_in", "maija", std::nullopt, "password", "", "web"});
  }
  ASSERT_GT(comment_id, 0);
  EXPECT_EQ(store->session_view("d1")->data_audit_id, comment_id);
  EXPECT_EQ(open_store(db)->last_data_audit_id(), comment_id);

  // A session deleted or a grant revoked by another connection: the next read tells.
  open_user_store(db)->revoke("maija", {Role::admin, "", std::nullopt});
  EXPECT_EQ(store->session_view("d1")->user.grants.size(), 2u);
  open_user_store(db)->delete_session("d1");
  EXPECT_EQ(store->session_view("d1"), std::nullopt);
}

TEST(UserStore, ExpiredSessionsAreDeleted) {
  TempDir tmp;
  auto store = open_user_store(test_db(tmp, "u"));
  store->add_user(maija());
  store->create_session({"old", "maija", "c", 100, 200});
  store->create_session({"edge", "maija", "c", 100, 300});
  store->create_session({"new", "maija", "c", 100, 301});
  store->delete_expired_sessions(300);  // expiry is absolute: at 300 "edge" has expired
  EXPECT_EQ(store->session("old"), std::nullopt);
  EXPECT_EQ(store->session("edge"), std::nullopt);
  ASSERT_TRUE(store->session("new"));
  store->delete_session("new");
  EXPECT_EQ(store->session("new"), std::nullopt);
}

TEST(UserStore, LoadLeavesUsersAndSessionsAlone) {
  TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  {
    auto store = open_user_store(db);
    store->add_user(maija());
    store->create_session({"d1", "maija", "c", 100, 9999999999});
  }
  CommandOptions o;
  o.db = db;
  o.dir = testing::demo_dir().string();
  std::ostringstream sink;
  ASSERT_EQ(cmd_load(o, sink), 0);
  auto store = open_user_store(db);
  ASSERT_TRUE(store->user("maija"));
  EXPECT_EQ(store->user("maija")->grants.size(), 3u);
  EXPECT_EQ(store->session("d1"), (Session{"d1", "maija", "c", 100, 9999999999}));
}

}  // namespace
}  // namespace toteuma
