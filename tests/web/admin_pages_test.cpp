// Administration in the web (issue 17 item 5): users and roles (/{lang}/admin/users…, admin only)
// and the annual clock's editing (/{lang}/calendar/edit…, admin and finance), on the demo. The
// clock item lov-2025-frame (data/demo/calendar.csv) is "Talousarviokehys 2026–2028" of Loviisa,
// phase budget ("Talousarvion valmistelu"), 3.2.2025–24.3.2025.
#include <gtest/gtest.h>

#include <filesystem>

#include "auth/password.h"
#include "core/workplace/calendar_value.h"
#include "ingest/dataset_files.h"
#include "store/user_admin.h"
#include "store/workplace_store.h"
#include "test_util.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;
using Form = std::map<std::string, std::string>;

constexpr const char* kPassword = "oikea-salasana-42";
const std::string kUsers = "/fi/admin/users";

struct AdminWeb : testing::UsersWorkplace {
  AdminWeb()
      : UsersWorkplace({{"aino", "admin"}, {"talous", "finance"}, {"kanslia", "editor:kanslia"}, {"lukija", "viewer"}}, kPassword) {}
  std::optional<User> user(const std::string& id) const { return open_user_store(db)->user(id); }
  // The audit rows of `entity`, newest first.
  std::vector<AuditEntry> audit(const std::string& entity) const {
    std::vector<AuditEntry> out;
    for (const auto& a : open_workplace_store(db)->audit("", 500))
      if (a.entity == entity) out.push_back(a);
    return out;
  }
  std::optional<CalendarItem> item(const std::string& id) const {
    for (const auto& c : read().calendar)
      if (c.id == id) return c;
    return std::nullopt;
  }
  // Adds maija (editor of ict, password typed twice) as aino; the admin's client.
  Client with_maija() {
    Client admin = as("aino");
    EXPECT_EQ(admin.post(kUsers, add_form("maija", "editor", "ict")).status, 303);
    return admin;
  }
  static Form add_form(const std::string& id, const std::string& role = "", const std::string& unit = "") {
    return {{"id", id}, {"name", "Maija Meikäläinen"}, {"role", role}, {"unit", unit}, {"lang", "fi"}, {"group", ""},
            {"way", "typed"}, {"password", "pitkä salasana 1"}, {"password2", "pitkä salasana 1"}};
  }
};

// A form of a user's page as the page gives it: `do` and the user as the page showed it.
Form user_form(Client& admin, const std::string& id, const std::string& action, Form more = {}) {
  auto page = admin.get("/fi/admin/users/" + id);
  more["do"] = action;
  more["seen"] = Client::field(page.body, "seen");
  return more;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(WebAdminUsers, ListsUsersWithRolesInWordsInBothLanguages) {
  AdminWeb w;
  Client admin = w.as("aino");
  auto fi = admin.get(kUsers);
  ASSERT_EQ(fi.status, 200);
  for (const char* want : {"<a href=\"/fi/admin/users/kanslia\">kanslia</a>", "yksikön muokkaaja: Kaupunginkansliakeskus", "pääkäyttäjä",
                           "talous", "lukija", "käytössä", "href=\"/fi/admin/users\">Käyttäjät</a>"})
    EXPECT_TRUE(contains(fi.body, want)) << want;
  auto sv = admin.get("/sv/admin/users");
  for (const char* want : {"enhetsredaktör: Stadskanslicentralen", "huvudanvändare", "ekonomi", "läsare", "aktiv"})
    EXPECT_TRUE(contains(sv.body, want)) << want;
  EXPECT_FALSE(contains(fi.body, "argon2")) << "never a hash";
  // Only an admin's menu links the page.
  EXPECT_FALSE(contains(w.as("talous").get("/fi/").body, "/fi/admin/users"));
}

TEST(WebAdminUsers, AnAdminAddsAUserAndGrantsARoleThatTheUserThenHas) {
  AdminWeb w;
  Client admin = w.as("aino");
  auto added = admin.post(kUsers, AdminWeb::add_form("maija", "editor", "ict"));
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(Client::header(added, "Location"), "/fi/admin/users/maija?notice=user_added");
  auto u = w.user("maija");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->display_name, "Maija Meikäläinen");
  EXPECT_EQ(u->grants, (std::vector<Grant>{{Role::editor, "ict", std::nullopt}}));
  EXPECT_TRUE(auth::verify_password(u->password_hash, "pitkä salasana 1"));
  // The audit rows `toteuma user add` leaves, by the admin through the web.
  auto user_rows = w.audit("user"), grant_rows = w.audit("grant");
  ASSERT_EQ(user_rows.size(), 1u);
  EXPECT_EQ(user_rows[0].key, "maija");
  EXPECT_EQ(user_rows[0].after, "Maija Meikäläinen");
  EXPECT_EQ(user_rows[0].user, "aino");
  EXPECT_EQ(user_rows[0].via, "web");
  ASSERT_EQ(grant_rows.size(), 1u);
  EXPECT_EQ(grant_rows[0].after, "editor:ict");

  // A role more: translator of Swedish.
  auto granted = admin.post("/fi/admin/users/maija", user_form(admin, "maija", "grant", {{"role", "translator"}, {"lang", "sv"}}));
  ASSERT_EQ(granted.status, 303) << granted.body;
  EXPECT_EQ(w.user("maija")->grants, (std::vector<Grant>{{Role::editor, "ict", std::nullopt}, {Role::translator, "", Lang::sv}}));
  grant_rows = w.audit("grant");
  ASSERT_EQ(grant_rows.size(), 2u);
  EXPECT_EQ(grant_rows[0].before, "editor:ict");
  EXPECT_EQ(grant_rows[0].after, "editor:ict, translator:sv");

  // Maija logs in and may do what the roles allow: edit ict's texts (both languages) and Swedish
  // elsewhere, nothing of kansliapalvelut in Finnish.
  Client maija(w.app);
  ASSERT_EQ(maija.login("maija", "pitkä salasana 1").status, 303);
  EXPECT_TRUE(contains(maija.get("/fi/").body, "yksikön muokkaaja ict, kääntäjä sv"));
  auto ict = maija.get("/fi/unit/ict/narrative", {{"year", "2024"}, {"section", "risks"}, {"text", "fi"}});
  EXPECT_EQ(ict.status, 200);
  EXPECT_TRUE(contains(ict.body, "<textarea")) << "ict's text is hers to edit";
  EXPECT_EQ(maija.get("/fi/unit/kansliapalvelut/narrative", {{"year", "2024"}, {"section", "risks"}, {"text", "fi"}}).status, 403)
      << "not kansliapalvelut's Finnish";
  EXPECT_EQ(maija.get("/fi/unit/kansliapalvelut/narrative", {{"year", "2024"}, {"section", "risks"}, {"text", "sv"}}).status, 200)
      << "every Swedish text: she translates";

  // Revoked again: the row says what went.
  auto revoked = admin.post("/fi/admin/users/maija", user_form(admin, "maija", "revoke", {{"role", "editor:ict"}}));
  ASSERT_EQ(revoked.status, 303) << revoked.body;
  EXPECT_EQ(w.user("maija")->grants, (std::vector<Grant>{{Role::translator, "", Lang::sv}}));
  EXPECT_EQ(w.audit("grant")[0].after, "translator:sv");
}

TEST(WebAdminUsers, AOneTimePasswordIsShownOnceAndLogsIn) {
  AdminWeb w;
  Client admin = w.as("aino");
  Form f = AdminWeb::add_form("ville", "viewer");
  f["way"] = "generated";
  f["password"] = f["password2"] = "";
  auto r = admin.post(kUsers, f);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string marker = "<code id=\"one-time-password\">";
  auto at = r.body.find(marker);
  ASSERT_NE(at, std::string::npos);
  std::string password = r.body.substr(at + marker.size(), 16);
  EXPECT_EQ(r.body.substr(at + marker.size() + 16, 7), "</code>");
  EXPECT_TRUE(auth::verify_password(w.user("ville")->password_hash, password));
  Client ville(w.app);
  EXPECT_EQ(ville.login("ville", password).status, 303);
  EXPECT_FALSE(contains(admin.get("/fi/admin/users/ville").body, password)) << "shown once";
}

TEST(WebAdminUsers, RefusesWhatTheCommandLineRefusesAndStoresNothing) {
  AdminWeb w;
  Client admin = w.as("aino");
  const struct {
    Form form;
    int status;
    const char* fi;
  } cases[] = {
      {AdminWeb::add_form("Maija"), 400, "virheellinen käyttäjätunnus (a-z 0-9 . _ -, 2–64 merkkiä): Maija"},
      {AdminWeb::add_form("m"), 400, "virheellinen käyttäjätunnus"},
      {AdminWeb::add_form("maija", "editor", "nowhere"), 400, "tuntematon yksikkö: nowhere"},
      {AdminWeb::add_form("maija", "council-group", ""), 400, "virheellinen rooli"},
      {AdminWeb::add_form("lukija"), 400, "käyttäjä on jo olemassa: lukija"},
      {[] {
         Form f = AdminWeb::add_form("maija");
         f["password"] = f["password2"] = "lyhyt";
         return f;
       }(), 400, "salasana on liian lyhyt: vähintään 10 merkkiä"},
      {[] {
         Form f = AdminWeb::add_form("maija");
         f["password2"] = "toinen salasana";
         return f;
       }(), 400, "Salasanat eivät ole samat."},
      {[] {
         Form f = AdminWeb::add_form("maija");
         f["name"] = "  ";
         return f;
       }(), 400, "nimi puuttuu"},
  };
  for (const auto& k : cases) {
    auto r = admin.post(kUsers, k.form);
    EXPECT_EQ(r.status, k.status) << k.fi;
    EXPECT_TRUE(contains(r.body, k.fi)) << k.fi << "\n" << r.body.substr(0, 3000);
  }
  EXPECT_FALSE(w.user("maija"));
  EXPECT_FALSE(w.user("m"));
  EXPECT_TRUE(w.audit("user").empty());
  // Swedish too.
  auto sv = admin.post("/sv/admin/users", AdminWeb::add_form("maija", "editor", "nowhere"));
  EXPECT_TRUE(contains(sv.body, "okänd enhet: nowhere"));
}

TEST(WebAdminUsers, DisablingOrANewPasswordEndsTheUsersSessions) {
  AdminWeb w;
  Client admin = w.with_maija();
  Client maija(w.app);
  ASSERT_EQ(maija.login("maija", "pitkä salasana 1").status, 303);
  ASSERT_EQ(maija.get("/fi/").status, 200);
  ASSERT_EQ(admin.post("/fi/admin/users/maija", user_form(admin, "maija", "disable")).status, 303);
  EXPECT_TRUE(w.user("maija")->disabled);
  EXPECT_EQ(maija.get("/fi/").status, 303) << "the session ended";
  EXPECT_NE(Client(w.app).login("maija", "pitkä salasana 1").status, 303) << "a disabled user cannot log in";
  auto state = w.audit("user_state");
  ASSERT_EQ(state.size(), 1u);
  EXPECT_EQ(state[0].before, "enabled");
  EXPECT_EQ(state[0].after, "disabled");
  EXPECT_TRUE(contains(admin.get(kUsers).body, "poistettu käytöstä"));

  ASSERT_EQ(admin.post("/fi/admin/users/maija", user_form(admin, "maija", "enable")).status, 303);
  maija = Client(w.app);
  ASSERT_EQ(maija.login("maija", "pitkä salasana 1").status, 303);
  ASSERT_EQ(maija.get("/fi/").status, 200);
  auto changed = admin.post("/fi/admin/users/maija", user_form(admin, "maija", "password",
                                                              {{"way", "typed"}, {"password", "uusi salasana 2"}, {"password2", "uusi salasana 2"}}));
  ASSERT_EQ(changed.status, 303) << changed.body;
  EXPECT_EQ(maija.get("/fi/").status, 303) << "a new password ends the sessions";
  EXPECT_TRUE(auth::verify_password(w.user("maija")->password_hash, "uusi salasana 2"));
  auto pw = w.audit("password");
  ASSERT_EQ(pw.size(), 1u);
  EXPECT_EQ(pw[0].after, "changed");
}

TEST(WebAdminUsers, TheLastAdminCannotDisableOrUnAdminThemselves) {
  AdminWeb w;
  Client admin = w.as("aino");
  auto page = admin.get("/fi/admin/users/aino");
  EXPECT_TRUE(contains(page.body, "Tämä on ainoa käytössä oleva pääkäyttäjä"));
  auto off = admin.post("/fi/admin/users/aino", user_form(admin, "aino", "disable"));
  EXPECT_EQ(off.status, 409);
  EXPECT_TRUE(contains(off.body, "Viimeistä käytössä olevaa pääkäyttäjää ei voi poistaa käytöstä"));
  auto sv = admin.post("/sv/admin/users/aino", user_form(admin, "aino", "revoke", {{"role", "admin"}}));
  EXPECT_EQ(sv.status, 409);
  EXPECT_TRUE(contains(sv.body, "Den sista aktiva huvudanvändaren kan inte inaktiveras"));
  EXPECT_FALSE(w.user("aino")->disabled);
  EXPECT_EQ(w.user("aino")->grants, (std::vector<Grant>{{Role::admin, "", std::nullopt}}));
  EXPECT_TRUE(w.audit("user_state").empty());
  EXPECT_TRUE(w.audit("grant").empty());
  // With a second admin, aino may give the role up.
  ASSERT_EQ(admin.post(kUsers, AdminWeb::add_form("eero", "admin")).status, 303);
  EXPECT_EQ(admin.post("/fi/admin/users/aino", user_form(admin, "aino", "revoke", {{"role", "admin"}})).status, 303);
  EXPECT_TRUE(w.user("aino")->grants.empty());
}

TEST(WebAdminUsers, OnlyAnAdminAndOnlyWithTheSessionsToken) {
  AdminWeb w;
  for (const char* who : {"talous", "kanslia", "lukija"}) {
    Client c = w.as(who);
    EXPECT_EQ(c.get(kUsers).status, 403) << who;
    EXPECT_EQ(c.get("/fi/admin/users/aino").status, 403) << who;
    EXPECT_EQ(c.post(kUsers, AdminWeb::add_form("maija", "admin")).status, 403) << who;
    EXPECT_EQ(c.post("/fi/admin/users/" + std::string(who), {{"do", "grant"}, {"role", "admin"}}).status, 403) << who;
  }
  EXPECT_FALSE(w.user("maija"));
  EXPECT_EQ(w.user("lukija")->grants, (std::vector<Grant>{{Role::viewer, "", std::nullopt}}));
  // An admin's form without the session's CSRF token.
  Client admin = w.as("aino");
  EXPECT_EQ(admin.post(kUsers, AdminWeb::add_form("maija", "admin"), {}, false).status, 403);
  Form wrong = AdminWeb::add_form("maija", "admin");
  wrong["csrf"] = "not-the-token";
  EXPECT_EQ(admin.post(kUsers, wrong).status, 403);
  EXPECT_FALSE(w.user("maija"));
  // Anonymous: the login page for a GET, 403 for a POST.
  Client anonymous(w.app);
  EXPECT_EQ(anonymous.get(kUsers).status, 303);
  EXPECT_EQ(anonymous.post(kUsers, AdminWeb::add_form("maija", "admin")).status, 403);
}

TEST(WebAdminUsers, AFormOpenedBeforeAnotherChangeIsStale) {
  AdminWeb w;
  Client admin = w.with_maija();
  Form old_revoke = user_form(admin, "maija", "revoke", {{"role", "editor:ict"}});
  // Another admin (or tab) grants a role meanwhile.
  ASSERT_EQ(admin.post("/fi/admin/users/maija", user_form(admin, "maija", "grant", {{"role", "approver"}})).status, 303);
  auto stale = admin.post("/fi/admin/users/maija", old_revoke);
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(contains(stale.body, "Käyttäjän tietoja muutettiin sillä välin"));
  EXPECT_EQ(w.user("maija")->grants, (std::vector<Grant>{{Role::editor, "ict", std::nullopt}, {Role::approver, "", std::nullopt}}));
}

// ---- the annual clock ------------------------------------------------------------------------------

Form item_form(const std::string& start, const std::string& deadline, const std::string& sections = "") {
  return {{"do", "add"},
          {"title_fi", "Tilinpäätöksen esittely"},
          {"title_sv", "Presentation av bokslutet"},
          {"phase", "reporting"},
          {"start", start},
          {"deadline", deadline},
          {"responsible_fi", "talousjohtaja"},
          {"responsible_sv", "ekonomidirektören"},
          {"participation_fi", ""},
          {"participation_sv", ""},
          {"sections", sections}};
}
const std::string kEdit = "/fi/calendar/edit";
const Form kYear{{"year", "2025"}};

TEST(WebCalendarEdit, FinanceCreatesAnItemAfterALocatedError) {
  AdminWeb w;
  Client finance = w.as("talous");
  auto page = finance.get(kEdit, kYear);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Talousarviokehys 2026–2028"));
  EXPECT_TRUE(contains(finance.get("/fi/calendar", kYear).body, "href=\"/fi/calendar/edit?year=2025&amp;municipality=loviisa\""));

  const struct {
    Form form;
    const char* fi;
    const char* field;
  } bad[] = {
      {item_form("2025-04-10", "2025-04-01"), "Kohtaa ei tallennettu: määräaika on ennen alkua.", "f-deadline"},
      {item_form("2025-04-01", "2026-01-10"), "määräaika ei ole vuosikellon vuonna", "f-deadline"},
      {item_form("1.4.2025", "2025-04-10"), "odotettiin päivämäärää VVVV-KK-PP", "f-start"},
      {item_form("2025-04-01", "2025-04-10", "annual-report/events nosuch/thing"), "tuntematon asiakirjalaji", "f-sections"},
      {[] {
         Form f = item_form("2025-04-01", "2025-04-10");
         f["title_sv"] = "";
         return f;
       }(), "teksti puuttuu kunnan kielellä", "f-title_sv"},
  };
  for (const auto& k : bad) {
    auto r = finance.post(kEdit, k.form, kYear);
    EXPECT_EQ(r.status, 400) << k.fi;
    EXPECT_TRUE(contains(r.body, k.fi)) << k.fi << "\n" << r.body.substr(0, 2000);
    EXPECT_TRUE(contains(r.body, "<a href=\"#" + std::string(k.field) + "\">")) << k.field;
    EXPECT_TRUE(contains(r.body, "id=\"" + std::string(k.field) + "\"")) << k.field;
    EXPECT_TRUE(contains(r.body, "aria-invalid=\"true\"")) << k.field;
    EXPECT_TRUE(contains(r.body, "value=\"talousjohtaja\"")) << "the typed values are kept";
  }
  auto sv = finance.post("/sv/calendar/edit", bad[0].form, kYear);
  EXPECT_TRUE(contains(sv.body, "Punkten sparades inte: tidsfristen är före början.")) << sv.body.substr(0, 2000);
  EXPECT_TRUE(w.audit("calendar_item").empty());

  auto ok = finance.post(kEdit, item_form("2025-04-01", "2025-04-10", "annual-report/events"), kYear);
  ASSERT_EQ(ok.status, 303) << ok.body.substr(0, 2000);
  EXPECT_EQ(Client::header(ok, "Location"), "/fi/calendar?year=2025&municipality=loviisa&notice=saved");
  auto made = w.item("loviisa-2025-1");
  ASSERT_TRUE(made);
  EXPECT_EQ(made->title.sv, "Presentation av bokslutet");
  EXPECT_EQ(made->phase_name.fi, "Raportointi") << "an existing phase keeps its names";
  EXPECT_EQ(made->deadline, (Date{2025, 4, 10}));
  EXPECT_EQ(made->sections, "annual-report/events");
  auto rows = w.audit("calendar_item");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].user, "talous");
  EXPECT_EQ(rows[0].before, std::nullopt);
  EXPECT_TRUE(contains(finance.get("/fi/calendar", kYear).body, "Tilinpäätöksen esittely"));
}

TEST(WebCalendarEdit, AnAdminMovesADeadlineThenDeletesTheItemAndAStaleFormIs409) {
  AdminWeb w;
  Client admin = w.as("aino");
  const std::string item = "/fi/calendar/edit/lov-2025-frame";
  auto page = admin.get(item);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "value=\"2025-03-24\""));
  Form f{{"do", "save"},
         {"b_item", Client::field(page.body, "b_item")},
         {"h_item", "1"},
         {"title_fi", "Talousarviokehys 2026–2028"},
         {"title_sv", "Budgetram 2026–2028"},
         {"phase", "budget"},
         {"start", "2025-02-03"},
         {"deadline", "2025-03-31"},
         {"responsible_fi", "kaupunginhallitus"},
         {"responsible_sv", "stadsstyrelsen"}};
  // The hidden field carries &-escapes of the page; the form sends the value as it was.
  std::string before = f["b_item"];
  for (std::size_t at; (at = before.find("&amp;")) != std::string::npos;) before.replace(at, 5, "&");
  f["b_item"] = before;
  auto saved = admin.post(item, f);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  EXPECT_EQ(w.item("lov-2025-frame")->deadline, (Date{2025, 3, 31}));
  EXPECT_TRUE(contains(admin.get("/fi/calendar", kYear).body, "31.3.2025"));
  auto row = w.audit("calendar_item").at(0);
  EXPECT_EQ(row.key, "lov-2025-frame");
  EXPECT_TRUE(contains(*row.before, "2025-03-24"));
  EXPECT_TRUE(contains(*row.after, "2025-03-31"));
  // The audit page words it.
  EXPECT_TRUE(contains(admin.get("/fi/audit").body, "Vuosikellon kohta"));

  // The same form again: the item changed after it was opened.
  f["deadline"] = "2025-03-28";
  auto stale = admin.post(item, f);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(w.item("lov-2025-frame")->deadline, (Date{2025, 3, 31}));

  auto fresh = admin.get(item);
  std::string now = Client::field(fresh.body, "b_item");
  for (std::size_t at; (at = now.find("&amp;")) != std::string::npos;) now.replace(at, 5, "&");
  auto deleted = admin.post(item, {{"do", "delete"}, {"b_item", now}, {"h_item", "1"}});
  ASSERT_EQ(deleted.status, 303) << deleted.body.substr(0, 2000);
  EXPECT_FALSE(w.item("lov-2025-frame"));
  EXPECT_EQ(w.audit("calendar_item").at(0).after, std::nullopt);
  EXPECT_EQ(admin.get(item).status, 404);
}

TEST(WebCalendarEdit, APhaseIsRenamedInEveryItemOfTheYear) {
  AdminWeb w;
  Client admin = w.as("aino");
  auto r = admin.post(kEdit,
                      {{"do", "phase"}, {"phase", "budget"}, {"seen_fi", "Talousarvion valmistelu"}, {"seen_sv", "Budgetberedning"},
                       {"phase_fi", "Talousarvion laadinta"}, {"phase_sv", "Budgetberedning"}},
                      kYear);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  int renamed = 0, kept = 0;
  for (const auto& c : w.read().calendar) {
    if (c.phase != "budget") continue;
    if (c.year == 2025) renamed += c.phase_name.fi == "Talousarvion laadinta";
    else kept += c.phase_name.fi == "Talousarvion valmistelu";
  }
  EXPECT_GT(renamed, 1);
  EXPECT_GT(kept, 1) << "2024's clock is not touched";
}

TEST(WebCalendarEdit, OnlyAdminAndFinance) {
  AdminWeb w;
  for (const char* who : {"kanslia", "lukija"}) {
    Client c = w.as(who);
    EXPECT_EQ(c.get(kEdit, kYear).status, 403) << who;
    EXPECT_EQ(c.get("/fi/calendar/edit/lov-2025-frame").status, 403) << who;
    EXPECT_EQ(c.post(kEdit, item_form("2025-04-01", "2025-04-10"), kYear).status, 403) << who;
    EXPECT_FALSE(contains(c.get("/fi/calendar", kYear).body, "/fi/calendar/edit")) << who;
  }
  EXPECT_TRUE(w.audit("calendar_item").empty());
}

TEST(WebCalendarEdit, WebEditsDumpLoadAndDumpIdentically) {
  AdminWeb w;
  Client admin = w.as("aino");
  Form f = item_form("2025-04-01", "2025-04-10", "annual-report/events");
  f["title_fi"] = "Esittely; \"lainausmerkit\"\nja rivinvaihto";
  f["participation_sv"] = "Öppet möte; alla välkomna";
  ASSERT_EQ(admin.post(kEdit, f, kYear).status, 303);
  testing::TempDir tmp;
  Dataset stored = w.read();
  dump_dataset_dir(stored, tmp.path() / "a");
  Dataset loaded = load_dataset_dir(tmp.path() / "a");
  EXPECT_EQ(loaded.calendar, stored.calendar);
  dump_dataset_dir(loaded, tmp.path() / "b");
  EXPECT_EQ(testing::slurp(tmp.path() / "a" / "calendar.csv"), testing::slurp(tmp.path() / "b" / "calendar.csv"));
  EXPECT_TRUE(contains(testing::slurp(tmp.path() / "a" / "calendar.csv"), "Öppet möte; alla välkomna"));
  // The entity's encoding round-trips the same item.
  const CalendarItem* made = nullptr;
  for (const auto& c : stored.calendar)
    if (c.id == "loviisa-2025-1") made = &c;
  ASSERT_TRUE(made);
  EXPECT_EQ(made->title.fi, "Esittely; \"lainausmerkit\"\nja rivinvaihto");
  EXPECT_EQ(decode_calendar_item(made->id, encode_calendar_item(*made)), *made);
}

}  // namespace
}  // namespace toteuma
