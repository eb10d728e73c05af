// The accessibility statement (issue 17 item 7; law 306/2019): public, in both languages, linked
// from every page, naming the configured feedback contact safely.
#include <gtest/gtest.h>

#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

struct Statement : testing::DemoWorkplace {
  explicit Statement(const std::string& contact) {
    web::AppOptions o;
    o.accessibility_contact = contact;
    app = make_app(db, o);
  }
};

TEST(WebAccessibility, TheStatementIsPublicInBothLanguagesWithTheLawsParts) {
  Statement w("saavutettavuus@loviisa.example");
  Client anonymous(w.app);
  auto fi = anonymous.get("/fi/accessibility");
  ASSERT_EQ(fi.status, 200);
  // The parts the law asks for: the status, what is not accessible, feedback, the supervisor.
  for (const char* part : {"<h1>Saavutettavuusseloste</h1>", "Saavutettavuuden tila", "ei ole saavutettavaa", "Palaute",
                           "Valvontaviranomainen", "306/2019", "Loviisa pyrkii",
                           "<a href=\"mailto:saavutettavuus@loviisa.example\">saavutettavuus@loviisa.example</a>"})
    EXPECT_NE(fi.body.find(part), std::string::npos) << part;
  auto sv = anonymous.get("/sv/accessibility");
  ASSERT_EQ(sv.status, 200);
  for (const char* part : {"<h1>Tillgänglighetsutlåtande</h1>", "Tillsynsmyndighet", "Lovisa strävar", "lang=\"sv\""})
    EXPECT_NE(sv.body.find(part), std::string::npos) << part;
  // Every page links it (the login page here, before anyone logs in).
  EXPECT_NE(anonymous.get("/fi/login").body.find("href=\"/fi/accessibility\""), std::string::npos);
}

TEST(WebAccessibility, AContactIsALinkOnlyWhenItIsAnAddressOrHttps) {
  struct Case {
    const char* contact;
    const char* shown;
  } cases[] = {
      {"https://www.loviisa.example/palaute", "<a href=\"https://www.loviisa.example/palaute\">"},
      {"javascript:alert(1)", "javascript:alert(1)</p>"},             // text, never a link
      {"<b>x</b>@y", "&lt;b&gt;x&lt;/b&gt;@y</p>"},                    // escaped, not mailto
      {"", "kunnan kirjaamoon"},                                       // none configured
  };
  for (const Case& k : cases) {
    Statement w(k.contact);
    auto r = Client(w.app).get("/fi/accessibility");
    ASSERT_EQ(r.status, 200);
    EXPECT_NE(r.body.find(k.shown), std::string::npos) << k.contact;
    EXPECT_EQ(r.body.find("href=\"javascript"), std::string::npos) << k.contact;
  }
}

}  // namespace
}  // namespace toteuma
