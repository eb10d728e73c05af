// `toteuma user ...` through the command functions, on the demo database.
#include <gtest/gtest.h>

#include <sstream>

#include "auth/password.h"
#include "cli/user_commands.h"
#include "demo_db.h"
#include "store/user_store.h"

namespace toteuma {
namespace {

using testing::TempDir;

struct UserCli : ::testing::Test {
  TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  std::ostringstream out;

  UserOptions opts(std::string id, std::vector<std::string> roles = {}) {
    UserOptions o;
    o.db = db, o.id = std::move(id), o.roles = std::move(roles);
    return o;
  }
  int add(std::string id, std::string name, std::vector<std::string> roles, const std::string& password) {
    UserOptions o = opts(std::move(id), std::move(roles));
    o.name = std::move(name);
    o.password_stdin = true;
    std::istringstream in(password + "\n");
    return cmd_user_add(o, in, out);
  }
  User stored(const std::string& id) { return *open_user_store(db)->user(id); }
};

TEST_F(UserCli, AddWithRolesAndPasswordFromStdin) {
  ASSERT_EQ(add("maija", "Maija Meikäläinen", {"editor:kanslia", "translator:sv", "approver"}, "hyvä salasana"), 0);
  User u = stored("maija");
  EXPECT_EQ(u.display_name, "Maija Meikäläinen");
  EXPECT_EQ(u.grants, (std::vector<Grant>{{Role::editor, "kanslia", std::nullopt},
                                          {Role::translator, "", Lang::sv},
                                          {Role::approver, "", std::nullopt}}));
  EXPECT_TRUE(auth::verify_password(u.password_hash, "hyvä salasana"));
  EXPECT_EQ(out.str().find("password"), std::string::npos);  // nothing printed about a chosen password
}

TEST_F(UserCli, AddWithoutPasswordPrintsARandomOneOnce) {
  UserOptions o = opts("ville", {"finance"});
  o.name = "Ville";
  std::istringstream in;
  ASSERT_EQ(cmd_user_add(o, in, out), 0);
  std::string text = out.str();
  auto at = text.find("password: ");
  ASSERT_NE(at, std::string::npos) << text;
  std::string password = text.substr(at + 10, 16);
  EXPECT_EQ(text[at + 26], '\n');
  EXPECT_TRUE(auth::verify_password(stored("ville").password_hash, password));
}

TEST_F(UserCli, GrantRevokePasswdDisableAndList) {
  ASSERT_EQ(add("maija", "Maija", {"viewer"}, "0123456789"), 0);
  ASSERT_EQ(add("aino", "Aino", {"admin"}, "9876543210"), 0);
  EXPECT_EQ(cmd_user_grant(opts("maija", {"editor:ict", "translator:fi"}), out), 0);
  EXPECT_EQ(cmd_user_revoke(opts("maija", {"viewer"}), out), 0);
  EXPECT_EQ(stored("maija").grants,
            (std::vector<Grant>{{Role::editor, "ict", std::nullopt}, {Role::translator, "", Lang::fi}}));

  auto users = open_user_store(db);
  users->create_session({"digest", "maija", "csrf", 1, 9999999999});
  UserOptions p = opts("maija");
  p.password_stdin = true;
  std::istringstream in("uusi salasana 2\r\n");  // a Windows line end is not part of the password
  EXPECT_EQ(cmd_user_passwd(p, in, out), 0);
  EXPECT_TRUE(auth::verify_password(stored("maija").password_hash, "uusi salasana 2"));
  EXPECT_EQ(users->session("digest"), std::nullopt);

  EXPECT_EQ(cmd_user_disable(opts("aino"), out), 0);
  EXPECT_TRUE(stored("aino").disabled);
  std::ostringstream list;
  EXPECT_EQ(cmd_user_list(opts(""), list), 0);
  EXPECT_EQ(list.str(),
            "aino                 Aino                           admin  [disabled / ei käytössä / inaktiverad]\n"
            "maija                Maija                          editor:ict, translator:fi\n");
  EXPECT_EQ(list.str().find("argon2"), std::string::npos);
  EXPECT_EQ(cmd_user_enable(opts("aino"), out), 0);
  EXPECT_FALSE(stored("aino").disabled);
}

TEST_F(UserCli, Errors) {
  auto message = [&](auto&& f) {
    try {
      f();
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message([&] { add("maija", "Maija", {"editor:nowhere"}, "0123456789"); }),
            "unknown unit / tuntematon yksikkö / okänd enhet: nowhere");
  EXPECT_EQ(open_user_store(db)->user("maija"), std::nullopt);  // nothing stored
  EXPECT_NE(message([&] { add("maija", "Maija", {"translator:en"}, "0123456789"); }).find("invalid role"), std::string::npos);
  EXPECT_NE(message([&] { add("maija", "Maija", {"chief"}, "0123456789"); }).find("invalid role"), std::string::npos);
  EXPECT_NE(message([&] { add("maija", "Maija", {}, "lyhyt"); }).find("password too short"), std::string::npos);
  EXPECT_NE(message([&] { add("Maija", "Maija", {}, "0123456789"); }).find("invalid user id"), std::string::npos);
  ASSERT_EQ(add("maija", "Maija", {}, "0123456789"), 0);
  EXPECT_NE(message([&] { add("maija", "Maija", {}, "0123456789"); }).find("user exists"), std::string::npos);
  EXPECT_EQ(message([&] { cmd_user_grant(opts("nobody", {"viewer"}), out); }),
            "unknown user / tuntematon käyttäjä / okänd användare: nobody");
  EXPECT_EQ(message([&] { cmd_user_grant(opts("maija", {"editor:nowhere"}), out); }),
            "unknown unit / tuntematon yksikkö / okänd enhet: nowhere");
}

}  // namespace
}  // namespace toteuma
