// The single sign-on configuration file (docs/SSO.md): read as written, the environment's
// overrides, and each mistake named by file, line and key.
#include "sso/sso_config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "cli/commands.h"
#include "demo_db.h"
#include "ingest/csv.h"
#include "test_util.h"

namespace toteuma {
namespace {

struct SsoConfigFile : ::testing::Test {
  testing::TempDir tmp;
  std::map<std::string, std::string> env;
  std::string write(const std::string& name, const std::string& text) {
    std::string path = (tmp.path() / name).string();
    std::ofstream(path) << text;
    return path;
  }
  sso::SsoConfig read(const std::string& text) {
    return sso::read_sso_config(write("sso.toml", text), [this](const char* n) -> const char* {
      auto it = env.find(n);
      return it == env.end() ? nullptr : it->second.c_str();
    });
  }
  // The error's place and text, or "read".
  std::string error_of(const std::string& text) {
    try {
      read(text);
      return "read";
    } catch (const InputError& e) {
      return fmt::format("{}:{}: {}", e.line, e.column, e.message);
    }
  }
  std::string base() {
    return "[oidc]\nissuer = \"https://login.microsoftonline.com/tid-1/v2.0\"\nclient_id = \"app-1\"\nclient_secret_file = \"" +
           write("secret", "s3cr3t\n") + "\"\nredirect_url = \"https://toteuma.kunta.fi/sso/callback\"\n";
  }
};

TEST_F(SsoConfigFile, AFullFileIsReadAsWritten) {
  auto c = read(base() +
                "name = \"Microsoft Entra ID\"\ntenant = \"tid-1\"\nscopes = [\"openid\", \"email\"]\npost_logout_url = \"https://toteuma.kunta.fi/fi/login\"\n"
                "[login]\nlocal = false\nbreak_glass = [\"paakayttaja\", \"varmistus\"]\n"
                "[roles]\n\"Toteuma.Admin\" = \"admin\"\n\"Toteuma.Editor.kanslia\" = \"editor:kanslia\"\n"
                "[groups]\n\"g-1\" = [\"finance\", \"viewer\"]\n");
  EXPECT_EQ(c.name, "Microsoft Entra ID");
  EXPECT_EQ(c.client_secret, "s3cr3t");  // the file's line break is not part of it
  EXPECT_EQ(c.tenant, "tid-1");
  EXPECT_EQ(c.scopes, (std::vector<std::string>{"openid", "email"}));
  EXPECT_FALSE(c.local_login);
  EXPECT_TRUE(c.password_allowed("varmistus"));
  EXPECT_FALSE(c.password_allowed("talous"));
  ASSERT_EQ(c.roles.size(), 2u);
  EXPECT_EQ(c.roles[1].first, "Toteuma.Editor.kanslia");
  EXPECT_EQ(to_string(c.roles[1].second.at(0)), "editor:kanslia");
  ASSERT_EQ(c.groups.size(), 1u);
  EXPECT_EQ(c.groups[0].second.size(), 2u);
  EXPECT_EQ(c.groups_claim, "groups");  // [groups] without a claim name: Entra's
  EXPECT_EQ(c.algorithms, std::vector<std::string>{"RS256"});
  EXPECT_EQ(c.callback_path(), "/sso/callback");
}

TEST_F(SsoConfigFile, TheEnvironmentOverridesTheProviderAndClient) {
  env["TOTEUMA_OIDC_ISSUER"] = "https://idp.example.fi";
  env["TOTEUMA_OIDC_CLIENT_ID"] = "from-env";
  env["TOTEUMA_OIDC_CLIENT_SECRET_FILE"] = write("other-secret", "toinen");
  auto c = read(base() + "[roles]\n\"A\" = \"viewer\"\n");
  EXPECT_EQ(c.issuer, "https://idp.example.fi");
  EXPECT_EQ(c.client_id, "from-env");
  EXPECT_EQ(c.client_secret, "toinen");
  EXPECT_TRUE(c.local_login);
}

TEST_F(SsoConfigFile, EachMistakeIsNamedWithItsPlace) {
  std::string roles = "[roles]\n\"A\" = \"viewer\"\n";
  EXPECT_EQ(error_of(base() + "clientid = \"x\"\n" + roles).substr(0, 16), "6:oidc.clientid:");
  EXPECT_NE(error_of(base() + "[roles]\n\"A\" = \"boss\"\n").find("7:roles.A: \"boss\" is not a grant"), std::string::npos)
      << error_of(base() + "[roles]\n\"A\" = \"boss\"\n");
  EXPECT_NE(error_of(base() + roles + "[login]\nlocal = \"no\"\n").find("9:login.local: expected true or false"), std::string::npos);
  EXPECT_NE(error_of(base() + roles + "[login]\nlocal = false\n").find("login.break_glass"), std::string::npos);
  EXPECT_NE(error_of(base()).find("roles: no [roles] or [groups]"), std::string::npos);
  EXPECT_NE(error_of(base() + "algorithms = [\"HS256\"]\n" + roles).find("\"HS256\" is not accepted"), std::string::npos);
  EXPECT_NE(error_of(base() + "scopes = [\"profile\"]\n" + roles).find("must include \"openid\""), std::string::npos);
  EXPECT_NE(error_of("[oidc]\nissuer = \"http://idp.example.fi\"\nclient_id = \"a\"\nredirect_url = \"https://t.fi/sso/callback\"\n" + roles)
                .find("is not an https:// address"),
            std::string::npos);
  EXPECT_NE(error_of("[oidc]\nissuer = \"https://idp.example.fi\"\nclient_id = \"a\"\nredirect_url = \"https://t.fi/callback\"\n" + roles)
                .find("must end in /sso/callback"),
            std::string::npos);
  EXPECT_NE(error_of("[oidc]\nissuer = \"https://idp.example.fi\"\nredirect_url = \"https://t.fi/sso/callback\"\n" + roles).find("oidc.client_id: missing"),
            std::string::npos);
  EXPECT_NE(error_of("[oidc]\nissuer = \"https://idp.example.fi\"\nclient_id = \"a\"\nredirect_url = \"https://t.fi/sso/callback\"\n"
                     "client_secret_file = \"/nonexistent/secret\"\n" + roles)
                .find("5:oidc.client_secret_file: cannot read the client secret file /nonexistent/secret"),
            std::string::npos);
  EXPECT_EQ(error_of("[oidc\n").substr(0, 2), "1:");  // TOML's own error, with its line
  // every message is in Finnish and Swedish too
  std::string e = error_of(base() + roles + "[login]\nlocal = \"no\"\n");
  EXPECT_NE(e.find("odotettiin true tai false"), std::string::npos) << e;
  EXPECT_NE(e.find("true eller false förväntades"), std::string::npos) << e;
  // http:// is for this machine only (the tests' local provider)
  EXPECT_EQ(error_of("[oidc]\nissuer = \"http://127.0.0.1:4000\"\nclient_id = \"a\"\nredirect_url = \"http://127.0.0.1:8080/sso/callback\"\n" + roles), "read");
  EXPECT_NE(error_of("[oidc]\nissuer = \"http://127.0.0.1.evil.example\"\nclient_id = \"a\"\nredirect_url = \"https://t.fi/sso/callback\"\n" + roles), "read");
}

// A grant of a unit the dataset does not have would give nobody anything: the server does not start.
TEST_F(SsoConfigFile, TheServerRefusesToStartWithAGrantOfAnUnknownUnit) {
  CommandOptions o;
  o.db = testing::load_demo_db(tmp);
  o.port = 0;
  o.sso_config = write("sso.toml", base() + "[roles]\n\"Toteuma.Editor.x\" = \"editor:kanslia-typo\"\n");
  std::ostringstream out;
  try {
    cmd_serve(o, out);
    ADD_FAILURE() << "started";
  } catch (const InputError& e) {
    EXPECT_EQ(e.column, "roles.\"Toteuma.Editor.x\"");
    EXPECT_NE(e.message.find("kanslia-typo"), std::string::npos) << e.message;
  }
}

}  // namespace
}  // namespace toteuma
