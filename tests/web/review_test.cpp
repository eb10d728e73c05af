// Review through the pages (issue 13): an edit reopens only the sections whose printed content
// it changed, saying why; a version is frozen only when no drafted text awaits a person and,
// with check errors, with the approver's reason, which the version shows.
#include <gtest/gtest.h>

#include <cstdlib>

#include <nlohmann/json.hpp>
#include <regex>

#include "demo_db.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "test_util.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

constexpr const char* kPassword = "arvio-salasana-42";

struct Review : testing::DemoWorkplace {
  Review() {
    testing::add_user(db, "kanslia", "editor:kanslia", kPassword);
    testing::add_user(db, "hyvaksyja", "approver", kPassword);
    testing::add_user(db, "talous", "finance", kPassword);
    app = make_app(db);
  }
  Client logged_in(const std::string& user) {
    Client c(app);
    EXPECT_EQ(c.login(user, kPassword).status, 303) << user;
    return c;
  }
};

struct Doc {
  std::string kind;
  int year;
};
std::map<std::string, std::string> query(const Doc& d) { return {{"doc", d.kind}, {"year", std::to_string(d.year)}}; }
std::string review_path(const std::string& unit) { return "/fi/unit/" + unit + "/review"; }

// Section id → state, as the review page lists them.
std::map<std::string, std::string> states(Client& c, const std::string& unit, const Doc& d) {
  auto page = c.get(review_path(unit), query(d));
  EXPECT_EQ(page.status, 200) << d.kind << " " << d.year;
  static const std::regex row("format=html#([^\"]+)\">[^<]*</a></th><td class=\"state-([a-z]+)\">");
  std::map<std::string, std::string> out;
  for (std::sregex_iterator it(page.body.begin(), page.body.end(), row), end; it != end; ++it) out[(*it)[1]] = (*it)[2];
  return out;
}

void approve_all(Client& ap, const std::string& unit, const Doc& d) {
  for (const auto& [id, state] : states(ap, unit, d)) {
    if (state == "approved") continue;
    EXPECT_EQ(ap.post(review_path(unit), {{"what", "state"}, {"section", id}, {"state", "approved"}}, query(d)).status, 303) << id;
  }
}

std::string unescape(std::string s) {
  for (auto [from, to] : {std::pair{"&#39;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#x2F;", "/"}, {"&amp;", "&"}})
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) s.replace(at, std::string(from).size(), to);
  return s;
}

// Accepts, as the editor on each text's page, every draft a refused freeze names (its links).
int accept_drafts(Client& ed, const std::string& refusal) {
  static const std::regex link("<li><a href=\"(/fi/unit/[^/]+/narrative)\\?doc=([^&]+)&amp;year=(\\d+)&amp;section=([a-z]+)&amp;text=([a-z]+)\">");
  int accepted = 0;
  for (std::sregex_iterator it(refusal.begin(), refusal.end(), link), end; it != end; ++it) {
    std::map<std::string, std::string> q{{"doc", (*it)[2]}, {"year", (*it)[3]}, {"section", (*it)[4]}, {"text", (*it)[5]}};
    auto page = ed.get((*it)[1], q);
    EXPECT_NE(page.body.find("value=\"accept\""), std::string::npos) << (*it)[1];
    auto r = ed.post((*it)[1], {{"action", "accept"}, {"had_before", Client::field(page.body, "had_before")},
                                {"draft", unescape(Client::field(page.body, "draft"))}}, q);
    EXPECT_EQ(r.status, 303) << r.body;
    ++accepted;
  }
  return accepted;
}

// Editing the 2024 risks text of kanslia reopens the sections that print it (the annual report
// 2024 and the budget book 2024, which shows the risks of its year) and nothing else: the budget
// book 2025, the annual report 2023, the service and personnel plans stay approved.
TEST(WebReview, EditingATextReopensOnlyTheSectionsThatPrintIt) {
  Review w;
  Client ed = w.logged_in("kanslia"), ap = w.logged_in("hyvaksyja");
  const std::vector<Doc> docs = {{"annual-report", 2023}, {"annual-report", 2024}, {"budget-book", 2024}, {"budget-book", 2025},
                                 {"service-plan", 2024},  {"service-plan", 2025},  {"personnel-plan", 2024}, {"personnel-plan", 2025}};
  for (const auto& d : docs) approve_all(ap, "kanslia", d);
  std::string before = w.narrative("kanslia", 2024, "risks", Lang::fi);
  ASSERT_NE(before, "<none>");
  auto saved = ed.post("/fi/unit/kanslia/narrative", {{"before", before}, {"had_before", "1"}, {"markdown", "Uusi riskiarvio."}, {"action", "save"}},
                       {{"doc", "annual-report"}, {"year", "2024"}, {"section", "risks"}, {"text", "fi"}});
  ASSERT_EQ(saved.status, 303);
  for (const auto& d : docs) {
    auto st = states(ap, "kanslia", d);
    ASSERT_GE(st.size(), 2u) << d.kind << " " << d.year;
    for (const auto& [id, state] : st) {
      bool shows = id == "unit-kanslia-risks" && d.year == 2024 && (d.kind == "annual-report" || d.kind == "budget-book");
      EXPECT_EQ(state, shows ? "draft" : "approved") << d.kind << " " << d.year << " " << id;
    }
  }
  // Why it reopened: who, when (the who column) and what change.
  auto page = ap.get(review_path("kanslia"), query({"annual-report", 2024}));
  EXPECT_NE(page.body.find("Avautui uudelleen muutoksesta: teksti kanslia/2024/risks/fi"), std::string::npos);
  auto trail = open_workplace_store(w.db)->audit("kanslia", 3);
  ASSERT_EQ(trail.size(), 3u);
  EXPECT_EQ(trail[2].entity, "narrative");  // the edit, then its two reopened sections, one transaction
  EXPECT_EQ(trail[0].entity, "section");
  EXPECT_EQ(trail[0].at, trail[2].at);
}

// A figure reopens the tables that print it: two sub-units' budgets moved by one euro each way
// reopen those sub-units' sections of the budget book 2025; kanslia's own table (its own
// figures), its checks (the sum is the same) and the annual report 2024 stay approved.
TEST(WebReview, AFigureReopensTheTablesThatPrintIt) {
  Review w;
  Client fin = w.logged_in("talous"), ap = w.logged_in("hyvaksyja");
  const std::vector<Doc> docs = {{"budget-book", 2025}, {"annual-report", 2024}, {"service-plan", 2025}};
  for (const auto& d : docs) approve_all(ap, "kanslia", d);
  // data/demo/figures.csv: ict operating_costs ta2025 -1118985, talous -2006705 (euros).
  nlohmann::json batch = {{"changes",
                           {{{"entity", "figure"}, {"key", "ict/operating_costs/ta2025"}, {"before", "-111898500"}, {"after", "-111898600"}},
                            {{"entity", "figure"}, {"key", "talous/operating_costs/ta2025"}, {"before", "-200670500"}, {"after", "-200670400"}}}}};
  fin.csrf = nlohmann::json::parse(fin.get("/api/v1/session").body).value("csrf", "");
  auto r = fin.json("POST", "/api/v1/changes", batch.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  for (const auto& d : docs)
    for (const auto& [id, state] : states(ap, "kanslia", d)) {
      bool shows = d.kind == "budget-book" && (id == "subunits-ict" || id == "subunits-talous");
      EXPECT_EQ(state, shows ? "draft" : "approved") << d.kind << " " << d.year << " " << id;
    }
  EXPECT_NE(ap.get(review_path("kanslia"), query({"budget-book", 2025})).body.find("luku ict/operating_costs/ta2025, luku talous/operating_costs/ta2025"),
            std::string::npos);
}

// A text that adds a section does not move the states of the others (ids are the template's
// section and the unit, not positions).
TEST(WebReview, ANewSectionKeepsTheOthersStates) {
  Review w;
  Client ed = w.logged_in("kanslia"), ap = w.logged_in("hyvaksyja");
  const Doc ar{"annual-report", 2024};
  approve_all(ap, "ict", ar);
  auto approved = states(ap, "ict", ar);
  ASSERT_FALSE(approved.count("unit-ict-risks"));
  ASSERT_EQ(ed.post("/fi/unit/ict/narrative", {{"had_before", "0"}, {"markdown", "Tietoturvariski."}, {"action", "save"}},
                    {{"doc", "annual-report"}, {"year", "2024"}, {"section", "risks"}, {"text", "fi"}})
                .status,
            303);
  auto now = states(ap, "ict", ar);
  EXPECT_EQ(now["unit-ict-risks"], "draft");
  // The checks section prints a new finding (the risks text is missing in Swedish): it reopens too.
  EXPECT_EQ(now["checks-ict"], "draft");
  now.erase("unit-ict-risks");
  now.erase("checks-ict");
  approved.erase("checks-ict");
  EXPECT_EQ(now, approved);
}

// The annual report 2024 of kanslia shows four drafted commentaries (kanslia and its three
// areas) and has one check error (kanslia's depreciation tp2024 -44 594 against its areas'
// -38 655). Freezing waits for a person to accept the drafts, then for the approver's reason.
TEST(WebReview, FreezingWaitsForTheDraftsAndForAReasonForCheckErrors) {
  Review w;
  // ict's Finnish commentary stored as a draft (as `toteuma commentary` does); the rest computed.
  open_store(w.db)->save_narratives({{"ict", 2024, "commentary", Lang::fi, NarrativeOrigin::draft, "Tallennettu luonnos."}});
  w.app = make_app(w.db);
  Client ed = w.logged_in("kanslia"), ap = w.logged_in("hyvaksyja");
  const Doc ar{"annual-report", 2024};
  const std::string review = review_path("kanslia");
  approve_all(ap, "kanslia", ar);
  auto refused = ap.post(review, {{"what", "freeze"}}, query(ar));
  ASSERT_EQ(refused.status, 409);
  for (const char* named : {"Kaupunginkansliakeskus – Talousarvion toteutumisen arvio (fi, sv)",
                            // ict's Swedish document marks its text as missing in Swedish (a Finnish one exists), not as a draft
                            "Tieto- ja viestintäteknologiapalvelut – Talousarvion toteutumisen arvio (fi);",
                            "Kaupunginkansliapalvelut – Talousarvion toteutumisen arvio (fi, sv)",
                            "Talous- ja henkilöstöpalvelut – Talousarvion toteutumisen arvio (fi, sv)"})
    EXPECT_NE(refused.body.find(named), std::string::npos) << named;
  EXPECT_TRUE(open_workplace_store(w.db)->versions(false).empty());

  EXPECT_EQ(accept_drafts(ed, refused.body), 7);
  // Accepted as is: the stored draft kept its words and is a person's now, audited.
  EXPECT_EQ(w.narrative("ict", 2024, "commentary", Lang::fi), "Tallennettu luonnos.");
  auto stored = open_workplace_store(w.db);
  EXPECT_EQ(stored->current("narrative_origin", "ict/2024/commentary/fi"), std::optional<std::string>("person"));
  EXPECT_EQ(stored->current("narrative_origin", "talous/2024/commentary/sv"), std::optional<std::string>("person"));
  EXPECT_EQ(stored->audit("ict", 1).at(0).entity, "narrative_origin");
  // Accepting changed what the commentary sections print (no notice): they are to approve again.
  EXPECT_EQ(states(ap, "kanslia", ar)["unit-kanslia-commentary"], "draft");
  approve_all(ap, "kanslia", ar);

  // One check error: the form asks for the reason, and a freeze without one is refused.
  auto page = ap.get(review, query(ar));
  EXPECT_NE(page.body.find("name=\"reason\""), std::string::npos);
  auto no_reason = ap.post(review, {{"what", "freeze"}, {"reason", "  "}}, query(ar));
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("Tarkistukset löysivät tämän asiakirjan yksiköistä ja vuodesta 1 virhettä"), std::string::npos);
  EXPECT_TRUE(stored->versions(false).empty());
  const std::string reason = "Poistojen ero korjataan tilinpäätöksen liitteessä.";
  auto frozen = ap.post(review, {{"what", "freeze"}, {"reason", reason}}, query(ar));
  ASSERT_EQ(frozen.status, 303);
  auto versions = stored->versions(false);
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].check_errors, 1);
  EXPECT_EQ(versions[0].check_reason, reason);
  EXPECT_NE(ap.get(review, query(ar)).body.find("1 virhettä kuitattu: " + reason), std::string::npos);

  // Published: no draft notice in either language, and the reason in the public list.
  std::string id = std::to_string(versions[0].id);
  ASSERT_EQ(ap.post(review, {{"what", "publish"}, {"version", id}}, query(ar)).status, 303);
  Client anon(w.app);
  auto fi = anon.get("/fi/public/" + id, {{"text", "fi"}, {"format", "html"}});
  auto sv = anon.get("/sv/public/" + id, {{"text", "sv"}, {"format", "html"}});
  ASSERT_EQ(fi.status, 200);
  EXPECT_NE(fi.body.find("Tallennettu luonnos."), std::string::npos);
  EXPECT_EQ(fi.body.find("Luonnos: Toteuman laatima vakioteksti"), std::string::npos);
  EXPECT_EQ(sv.body.find("Utkast:"), std::string::npos);
  EXPECT_NE(anon.get("/fi/public").body.find("1 virhettä kuitattu: " + reason), std::string::npos);
}

// Without check errors no reason is asked: ict's annual report 2024 (the error is kanslia's own).
TEST(WebReview, NoCheckErrorsNoReason) {
  Review w;
  Client ed = w.logged_in("kanslia"), ap = w.logged_in("hyvaksyja");
  const Doc ar{"annual-report", 2024};
  approve_all(ap, "ict", ar);
  auto refused = ap.post(review_path("ict"), {{"what", "freeze"}}, query(ar));
  ASSERT_EQ(refused.status, 409);
  EXPECT_EQ(accept_drafts(ed, refused.body), 2);
  approve_all(ap, "ict", ar);
  EXPECT_EQ(ap.get(review_path("ict"), query(ar)).body.find("name=\"reason\""), std::string::npos);
  EXPECT_EQ(ap.post(review_path("ict"), {{"what", "freeze"}}, query(ar)).status, 303);
  auto versions = open_workplace_store(w.db)->versions(false);
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].check_errors, 0);
  EXPECT_EQ(versions[0].check_reason, "");
}

// Approve, freeze, publish; anyone reads the published version; a later edit reopens what it
// changed and the next freeze is version 2 while the published one stays as it was.
TEST(WebReview, ApproveFreezePublishAndReadWithoutLogin) {
  Review w;
  Client ed = w.logged_in("kanslia"), ap = w.logged_in("hyvaksyja");
  const Doc ar{"annual-report", 2024};
  const std::string review = review_path("kanslia");
  auto save_events = [&](const std::string& text) {
    return ed.post("/fi/unit/kanslia/narrative",
                   {{"before", w.narrative("kanslia", 2024, "events", Lang::fi)}, {"had_before", "1"}, {"markdown", text}, {"action", "save"}},
                   {{"doc", "annual-report"}, {"year", "2024"}, {"section", "events"}, {"text", "fi"}});
  };
  ASSERT_EQ(save_events("Julkaistava teksti 2024.").status, 303);
  ASSERT_GE(states(ap, "kanslia", ar).size(), 2u);
  // Freezing before every section is approved is refused.
  EXPECT_NE(Client::header(ap.post(review, {{"what", "freeze"}}, query(ar)), "Location").find("not_approved"), std::string::npos);
  approve_all(ap, "kanslia", ar);
  // An editor cannot approve or freeze.
  EXPECT_EQ(ed.post(review, {{"what", "state"}, {"section", "unit-kanslia"}, {"state", "ready"}}, query(ar)).status, 403);
  EXPECT_EQ(ed.post(review, {{"what", "freeze"}}, query(ar)).status, 403);
  ASSERT_EQ(accept_drafts(ed, ap.post(review, {{"what", "freeze"}}, query(ar)).body), 8);
  approve_all(ap, "kanslia", ar);
  const std::map<std::string, std::string> reason{{"what", "freeze"}, {"reason", "Poistojen ero selvitetty."}};
  auto frozen = ap.post(review, reason, query(ar));
  EXPECT_NE(Client::header(frozen, "Location").find("frozen"), std::string::npos);
  auto versions = open_workplace_store(w.db)->versions(false);
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].number, 1);
  EXPECT_EQ(versions[0].content_hash.size(), 64u);
  std::string id = std::to_string(versions[0].id);
  // Not yet published: not public.
  Client anon(w.app);
  EXPECT_EQ(anon.get("/fi/public/" + id, {{"text", "fi"}, {"format", "html"}}).status, 404);
  EXPECT_EQ(ap.post(review, {{"what", "publish"}, {"version", id}}, query(ar)).status, 303);
  auto pub = anon.get("/fi/public/" + id, {{"text", "fi"}, {"format", "html"}});
  ASSERT_EQ(pub.status, 200);
  EXPECT_NE(pub.body.find("Julkaistava teksti 2024."), std::string::npos);
  EXPECT_EQ(Client::header(pub, "X-Content-Hash"), versions[0].content_hash);
  EXPECT_EQ(anon.get("/sv/public/" + id, {{"text", "sv"}, {"format", "docx"}}).status, 200);
  // The PDFs were printed at freeze time (issue 20), so the anonymous reader gets the kept bytes.
  if (std::system("command -v chromium >/dev/null 2>&1") == 0) {
    auto kept = open_workplace_store(w.db)->version(versions[0].id);
    ASSERT_TRUE(kept);
    std::map<std::string, std::string> pdfs;
    for (const auto& f : kept->files)
      if (f.format == "pdf") pdfs[f.lang] = f.bytes;
    ASSERT_EQ(pdfs.size(), 2u) << "fi and sv printed at freeze time";
    auto pdf = anon.get("/sv/public/" + id, {{"text", "sv"}, {"format", "pdf"}});
    EXPECT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.content_type, "application/pdf");
    EXPECT_EQ(pdf.body, pdfs["sv"]) << "served as kept, not printed again";
    EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  }
  EXPECT_NE(anon.get("/fi/public").body.find(versions[0].content_hash.substr(0, 12)), std::string::npos);
  // A later edit reopens the section it changed: the published version stays as it was, the next is 2.
  ASSERT_EQ(save_events("Korjattu teksti.").status, 303);
  EXPECT_EQ(states(ap, "kanslia", ar)["unit-kanslia-events"], "draft");
  EXPECT_NE(anon.get("/fi/public/" + id, {{"text", "fi"}, {"format", "html"}}).body.find("Julkaistava teksti 2024."), std::string::npos);
  approve_all(ap, "kanslia", ar);
  ap.post(review, reason, query(ar));
  versions = open_workplace_store(w.db)->versions(false);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].number, 2);
  EXPECT_NE(versions[0].content_hash, versions[1].content_hash);
}

}  // namespace
}  // namespace toteuma
