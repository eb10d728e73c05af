// Comment threads (issue 17 item 3): on a document section, a table row and a goal; created, listed,
// resolved and reopened through the pages, refused for roles without the right (viewer, council
// group), without the CSRF token and when stale; a reviewer's return with a comment; the review
// page's list of unresolved comments and the freeze form's count; the audit rows; the store's round trip.
#include <gtest/gtest.h>

#include <regex>

#include "core/workplace/comment.h"
#include "store/workplace_store.h"
#include "test_util.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

constexpr const char* kPassword = "kommentti-salasana-42";
const std::string kReview = "/fi/unit/kanslia/review";
const std::map<std::string, std::string> kDoc{{"doc", "annual-report"}, {"year", "2024"}};
const std::string kSection = "unit-kanslia-events";
const std::string kSectionKey = "annual-report/kanslia/2024/" + kSection;
const std::string kComments = "/fi/unit/kanslia/comments";

struct CommentsWorkplace : testing::UsersWorkplace {
  CommentsWorkplace()
      : UsersWorkplace({{"aino", "admin"}, {"talous", "finance"}, {"kanslia", "editor:kanslia"}, {"kaantaja", "translator:sv"},
                        {"hyvaksyja", "approver"}, {"lukija", "viewer"}, {"valtuutettu", "council-group:kuntalaiset"}},
                       kPassword) {}
  std::unique_ptr<WorkplaceStore> store() const { return open_workplace_store(db); }
  std::optional<CommentThread> thread(CommentOn on, const std::string& key) const { return store()->comment_thread({on, key}); }
  // A comment through the form every thread shows.
  http::Response comment(Client& c, CommentOn on, const std::string& key, const std::string& text, const std::string& back = kReview + "?doc=annual-report&year=2024") {
    return c.post(kComments, {{"what", "add"}, {"on", to_string(on)}, {"key", key}, {"text", text}, {"back", back}});
  }
  http::Response resolve(Client& c, CommentOn on, const std::string& key, const std::string& what, const std::string& seen) {
    return c.post(kComments, {{"what", what}, {"on", to_string(on)}, {"key", key}, {"seen", seen}, {"back", "/fi/unit/kanslia/comments"}});
  }
};

struct Comments : ::testing::Test, CommentsWorkplace {};

TEST_F(Comments, ASectionThreadIsCreatedListedResolvedAndReopened) {
  Client ed = as("kanslia"), ap = as("hyvaksyja");
  auto r = comment(ed, CommentOn::section, kSectionKey, "Tarkista **luvut**.\n\n<script>alert(1)</script>");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(Client::header(r, "Location"),
            "/fi/unit/kanslia/review?doc=annual-report&year=2024&notice=commented#comments-section-annual-report-kanslia-2024-unit-kanslia-events");
  // The review page lists it at the top as unresolved and shows it under its section, Markdown rendered,
  // raw HTML kept as text.
  auto page = ap.get(kReview, kDoc);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Ratkaisemattomia kommenttiketjuja: 1."), std::string::npos);
  EXPECT_NE(page.body.find("<strong>luvut</strong>"), std::string::npos);
  EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"comments-section-annual-report-kanslia-2024-unit-kanslia-events\""), std::string::npos);
  // A reply by the approver; then the approver resolves it with the state the page showed.
  ASSERT_EQ(comment(ap, CommentOn::section, kSectionKey, "Korjattu.").status, 303);
  auto t = thread(CommentOn::section, kSectionKey);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->comments.size(), 2u);
  EXPECT_EQ(t->started_by, "kanslia");
  EXPECT_EQ(t->comments[1].author, "hyvaksyja");
  EXPECT_EQ(t->comments[0].text, "Tarkista **luvut**.\n\n<script>alert(1)</script>");
  EXPECT_FALSE(t->resolved());
  std::string seen = Client::field(ap.get(kReview, kDoc).body, "seen");
  EXPECT_EQ(seen, "open;" + std::to_string(t->comments[1].id));
  ASSERT_EQ(resolve(ap, CommentOn::section, kSectionKey, "resolve", seen).status, 303);
  t = thread(CommentOn::section, kSectionKey);
  EXPECT_TRUE(t->resolved());
  EXPECT_EQ(t->resolved_by, "hyvaksyja");
  page = ap.get(kReview, kDoc);
  EXPECT_NE(page.body.find("Ei ratkaisemattomia kommentteja."), std::string::npos);
  EXPECT_NE(page.body.find("Ratkaistu: hyvaksyja"), std::string::npos);
  // Reopened by the editor (anyone who may comment), with the state it showed.
  ASSERT_EQ(resolve(ed, CommentOn::section, kSectionKey, "reopen", thread_state(*t)).status, 303);
  EXPECT_FALSE(thread(CommentOn::section, kSectionKey)->resolved());
}

TEST_F(Comments, WhoMayCommentAndResolve) {
  struct Case {
    const char* user;
    const char* line;             // a thread of its own, started by kanslia
    int comment, resolve_others;  // a comment of one's own; resolving the thread kanslia started
  };
  const Case cases[] = {{"aino", "sales", 303, 303},         {"talous", "fees", 303, 403},
                        {"kanslia", "grants", 303, 303},     {"kaantaja", "other_income", 303, 403},
                        {"hyvaksyja", "wages", 303, 303},    {"lukija", "side_costs", 403, 403},
                        {"valtuutettu", "services", 403, 403}};
  Client starter = as("kanslia");
  for (const Case& k : cases) {
    std::string key = std::string("kanslia/2024/") + k.line;
    ASSERT_EQ(comment(starter, CommentOn::row, key, "Miksi kasvu?").status, 303) << k.line;
    Client c = as(k.user);
    EXPECT_EQ(comment(c, CommentOn::row, key, std::string("kommentti ") + k.user).status, k.comment) << k.user;
    auto t = thread(CommentOn::row, key);
    EXPECT_EQ(t->comments.size(), k.comment == 303 ? 2u : 1u) << k.user;
    EXPECT_EQ(resolve(c, CommentOn::row, key, "resolve", thread_state(*t)).status, k.resolve_others) << k.user;
    EXPECT_EQ(thread(CommentOn::row, key)->resolved(), k.resolve_others == 303) << k.user;
  }
}

TEST_F(Comments, RefusedWithoutCsrfAndWhenTheTargetIsUnknownOrTheTextBlank) {
  Client ed = as("kanslia");
  auto r = ed.post(kComments, {{"what", "add"}, {"on", "row"}, {"key", "kanslia/2024/services"}, {"text", "x"}}, {}, false);
  EXPECT_EQ(r.status, 403);
  EXPECT_FALSE(thread(CommentOn::row, "kanslia/2024/services"));
  EXPECT_EQ(comment(ed, CommentOn::row, "kanslia/2024/no_such_line", "x").status, 400);
  EXPECT_EQ(comment(ed, CommentOn::goal, "no-such-goal", "x").status, 400);
  EXPECT_EQ(comment(ed, CommentOn::section, "annual-report/kanslia/2024/no-such-section", "x").status, 400);
  EXPECT_EQ(comment(ed, CommentOn::section, "annual-report/kanslia/24/x", "x").status, 400);
  r = comment(ed, CommentOn::row, "kanslia/2024/services", "  \n ");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Kommentti on tyhjä."), std::string::npos);
  EXPECT_EQ(comment(ed, CommentOn::row, "kanslia/2024/services", std::string(kMaxCommentChars + 1, 'a')).status, 400);
  EXPECT_EQ(comment(ed, CommentOn::row, "kanslia/2024/services", std::string(kMaxCommentChars, 'a')).status, 303);
  // A `back` that leaves the site is not followed.
  r = comment(ed, CommentOn::row, "kanslia/2024/services", "x", "https://evil.example/");
  EXPECT_EQ(Client::header(r, "Location").rfind("/fi/unit/kanslia/comments", 0), 0u) << Client::header(r, "Location");
  r = comment(ed, CommentOn::row, "kanslia/2024/services", "x", "//evil.example/fi/");
  EXPECT_EQ(Client::header(r, "Location").rfind("/fi/unit/kanslia/comments", 0), 0u) << Client::header(r, "Location");
}

TEST_F(Comments, AStaleResolveIs409AndChangesNothing) {
  Client ed = as("kanslia"), ap = as("hyvaksyja");
  ASSERT_EQ(comment(ed, CommentOn::section, kSectionKey, "Ensimmäinen").status, 303);
  std::string seen = Client::field(ap.get(kReview, kDoc).body, "seen");
  // Meanwhile the editor adds a comment: resolving from the page opened before is stale.
  ASSERT_EQ(comment(ed, CommentOn::section, kSectionKey, "Toinen, tärkeä").status, 303);
  auto r = resolve(ap, CommentOn::section, kSectionKey, "resolve", seen);
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("Toinen, tärkeä"), std::string::npos);  // the thread as it is now
  EXPECT_FALSE(thread(CommentOn::section, kSectionKey)->resolved());
  // Resolved by someone else meanwhile: stale too.
  auto t = thread(CommentOn::section, kSectionKey);
  ASSERT_EQ(resolve(ed, CommentOn::section, kSectionKey, "resolve", thread_state(*t)).status, 303);
  EXPECT_EQ(resolve(ap, CommentOn::section, kSectionKey, "resolve", thread_state(*t)).status, 409);
  EXPECT_EQ(thread(CommentOn::section, kSectionKey)->resolved_by, "kanslia");
}

TEST_F(Comments, AnApproverReturnsASectionWithAComment) {
  auto w = store();
  w->set_section_state("aino", {"annual-report", "kanslia", 2024, kSection, SectionState::approved, "", ""});
  Client ap = as("hyvaksyja");
  auto page = ap.get(kReview, kDoc);
  EXPECT_NE(page.body.find("<label for=\"return-" + kSection + "\">Kommentti palautukseen (valinnainen)</label>"), std::string::npos);
  auto r = ap.post(kReview, {{"what", "state"}, {"section", kSection}, {"state", "draft"}, {"comment", "Luvut eivät täsmää."}}, kDoc);
  ASSERT_EQ(r.status, 303) << r.body;
  auto states = w->section_statuses("annual-report", "kanslia", 2024);
  auto s = std::find_if(states.begin(), states.end(), [](const SectionStatus& x) { return x.section == kSection; });
  ASSERT_NE(s, states.end());
  EXPECT_EQ(s->state, SectionState::draft);
  auto t = thread(CommentOn::section, kSectionKey);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->comments.size(), 1u);
  EXPECT_EQ(t->comments[0].text, "Luvut eivät täsmää.");
  EXPECT_EQ(t->comments[0].author, "hyvaksyja");
  // The state and the comment were written in one transaction: their audit rows have one time.
  auto trail = w->audit("kanslia", 2);
  ASSERT_EQ(trail.size(), 2u);
  EXPECT_EQ(trail[0].entity, "comment");
  EXPECT_EQ(trail[1].entity, "section");
  EXPECT_EQ(trail[0].at, trail[1].at);
  // Without a comment (blank), no thread is started.
  std::string other;
  std::regex id("format=html#([^\"]+)\">");
  for (std::sregex_iterator it(page.body.begin(), page.body.end(), id), end; it != end && other.empty(); ++it)
    if ((*it)[1] != kSection) other = (*it)[1];
  ASSERT_FALSE(other.empty());
  w->set_section_state("aino", {"annual-report", "kanslia", 2024, other, SectionState::ready, "", ""});
  ASSERT_EQ(ap.post(kReview, {{"what", "state"}, {"section", other}, {"state", "draft"}, {"comment", "  "}}, kDoc).status, 303);
  EXPECT_FALSE(thread(CommentOn::section, "annual-report/kanslia/2024/" + other));
}

TEST_F(Comments, TheFreezeFormSaysHowManyAreUnresolvedAndTheyBlockNothing) {
  Client ap = as("hyvaksyja"), ed = as("kanslia");
  auto w = store();
  std::regex row("format=html#([^\"]+)\">");
  auto page = ap.get(kReview, kDoc);
  std::vector<std::string> ids;
  for (std::sregex_iterator it(page.body.begin(), page.body.end(), row), end; it != end; ++it) ids.push_back((*it)[1]);
  ASSERT_GT(ids.size(), 2u);
  for (const auto& id : ids) w->set_section_state("aino", {"annual-report", "kanslia", 2024, id, SectionState::approved, "", ""});
  ASSERT_EQ(comment(ed, CommentOn::section, "annual-report/kanslia/2024/" + ids[0], "Yksi").status, 303);
  ASSERT_EQ(comment(ed, CommentOn::section, "annual-report/kanslia/2024/" + ids[1], "Kaksi").status, 303);
  ASSERT_EQ(comment(ed, CommentOn::section, "annual-report/kanslia/2024/" + ids[2], "Kolme").status, 303);
  auto t = thread(CommentOn::section, "annual-report/kanslia/2024/" + ids[2]);
  ASSERT_EQ(resolve(ed, CommentOn::section, t->target.key, "resolve", thread_state(*t)).status, 303);
  page = ap.get(kReview, kDoc);
  auto form = page.body.find("name=\"what\" value=\"freeze\"");
  ASSERT_NE(form, std::string::npos);
  auto count = page.body.find("Ratkaisemattomia kommenttiketjuja: 2. Ne eivät estä jäädyttämistä:");
  ASSERT_NE(count, std::string::npos);
  EXPECT_LT(count, form + 400);  // inside the freeze form
  auto sv = ap.get("/sv/unit/kanslia/review", kDoc);
  EXPECT_NE(sv.body.find("Olösta kommentarstrådar: 2. De hindrar inte att versionen låses:"), std::string::npos);
}

TEST_F(Comments, TheAuditTrailNamesEveryWrite) {
  Client ed = as("kanslia"), ap = as("hyvaksyja");
  ASSERT_EQ(comment(ed, CommentOn::goal, "lov-2024-k-tunnettuus", "Mittari puuttuu").status, 303);
  auto t = thread(CommentOn::goal, "lov-2024-k-tunnettuus");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->unit, "kanslia");
  ASSERT_EQ(resolve(ap, CommentOn::goal, "lov-2024-k-tunnettuus", "resolve", thread_state(*t)).status, 303);
  ASSERT_EQ(comment(ed, CommentOn::goal, "lov-2024-k-tunnettuus", "Vielä yksi").status, 303);  // reopens it
  auto trail = store()->audit("kanslia", 4);
  ASSERT_EQ(trail.size(), 4u);
  struct Want {
    const char* entity;
    std::optional<std::string> before, after;
    const char* user;
  };
  const Want want[] = {{"comment", std::nullopt, "Vielä yksi", "kanslia"},
                       {"comment_thread", "resolved", "open", "kanslia"},
                       {"comment_thread", "open", "resolved", "hyvaksyja"},
                       {"comment", std::nullopt, "Mittari puuttuu", "kanslia"}};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(trail[i].entity, want[i].entity) << i;
    EXPECT_EQ(trail[i].key, "goal/lov-2024-k-tunnettuus") << i;
    EXPECT_EQ(trail[i].before, want[i].before) << i;
    EXPECT_EQ(trail[i].after, want[i].after) << i;
    EXPECT_EQ(trail[i].user, want[i].user) << i;
  }
  auto audit = ap.get("/fi/audit", {{"unit", "kanslia"}});
  EXPECT_NE(audit.body.find("Kommenttiketju: Kaupunki tulee tutummaksi"), std::string::npos);
}

TEST_F(Comments, RowAndGoalThreadsOnTheirPagesInBothLanguages) {
  Client ed = as("kanslia"), lu = as("lukija");
  auto r = ed.get(kComments, {{"year", "2024"}, {"line", "services"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<textarea id=\"comments-row-kanslia-2024-services-text\""), std::string::npos);
  ASSERT_EQ(comment(ed, CommentOn::row, "kanslia/2024/services", "Rivin kommentti").status, 303);
  // The viewer reads the thread but gets no form.
  r = lu.get(kComments, {{"year", "2024"}, {"line", "services"}});
  EXPECT_NE(r.body.find("Rivin kommentti"), std::string::npos);
  EXPECT_EQ(r.body.find("<textarea"), std::string::npos);
  r = lu.get("/sv/unit/kanslia/comments", {{"year", "2024"}, {"line", "services"}});
  EXPECT_NE(r.body.find("Kommentarer"), std::string::npos);
  // The unit page links the row's thread; the unit's list names it.
  auto unit = ed.get("/fi/unit/kanslia", {{"year", "2024"}});
  EXPECT_NE(unit.body.find("href=\"/fi/unit/kanslia/comments?year=2024&amp;line=services\""), std::string::npos);
  EXPECT_NE(unit.body.find("Rivien kommentit"), std::string::npos);
  auto list = ed.get(kComments);
  EXPECT_NE(list.body.find("(1 kommenttia, ratkaisematta)"), std::string::npos);
  EXPECT_NE(list.body.find("href=\"/fi/unit/kanslia/comments?year=2024&amp;line=services\""), std::string::npos);
  // The goals page: a thread per goal of the unit and year.
  auto goals = ed.get("/fi/unit/kanslia/goals", {{"year", "2024"}});
  EXPECT_NE(goals.body.find("Tavoitteiden kommentit"), std::string::npos);
  EXPECT_NE(goals.body.find("id=\"comments-goal-lov-2024-k-tunnettuus\""), std::string::npos);
  auto sv = ed.get("/sv/unit/kanslia/goals", {{"year", "2024"}});
  EXPECT_NE(sv.body.find("Kommentarer på målen"), std::string::npos);
  EXPECT_EQ(ed.get(kComments, {{"year", "2024"}, {"line", "no_such_line"}}).status, 404);
  EXPECT_EQ(ed.get(kComments, {{"year", "20x4"}, {"line", "services"}}).status, 400);
}

TEST_F(Comments, TheJsonApiListsCommentsAndResolvesWithTheStaleCheck) {
  Client ed(app), lu(app);
  ASSERT_EQ(ed.api_login("kanslia", kPassword).status, 200);
  ASSERT_EQ(lu.api_login("lukija", kPassword).status, 200);
  const std::string path = "/api/v1/units/kanslia/comments";
  auto r = ed.json("POST", path, R"({"on":"row","key":"kanslia/2024/services","text":"API:n kommentti"})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto got = nlohmann::json::parse(r.body);
  EXPECT_EQ(got["id"], "row/kanslia/2024/services");
  EXPECT_EQ(got["comments"][0]["text"], "API:n kommentti");
  EXPECT_TRUE(got["resolved"].is_null());
  EXPECT_EQ(lu.json("POST", path, R"({"on":"row","key":"kanslia/2024/services","text":"x"})").status, 403);
  auto list = nlohmann::json::parse(lu.get(path, {{"on", "row"}}).body);
  ASSERT_EQ(list["threads"].size(), 1u);
  std::string state = list["threads"][0]["state"];
  EXPECT_EQ(ed.json("POST", path, R"({"on":"row","key":"kanslia/2024/services","text":"lisäys"})").status, 200);
  nlohmann::json resolve{{"on", "row"}, {"key", "kanslia/2024/services"}, {"resolve", true}, {"before", state}};
  r = ed.json("POST", path, resolve.dump());
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["current"], thread_state(*thread(CommentOn::row, "kanslia/2024/services")));
  resolve["before"] = thread_state(*thread(CommentOn::row, "kanslia/2024/services"));
  r = ed.json("POST", path, resolve.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["resolved"]["by"], "kanslia");
  EXPECT_EQ(ed.get(path, {{"on", "nothing"}}).status, 400);
  EXPECT_EQ(ed.get("/api/v1/units/no-such-unit/comments").status, 404);
}

// The store: a thread's round trip, prefix listing, reopen by a new comment, stale resolve, the state entity.
TEST(CommentStore, RoundTrip) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  auto w = open_workplace_store(db);
  CommentTarget a{CommentOn::section, "annual-report/kanslia/2024/unit-kanslia-events"};
  CommentTarget b{CommentOn::row, "kanslia/2024/services"};
  CommentTarget g{CommentOn::goal, "lov-2024-k-tunnettuus"};
  auto first = w->add_comment("anna", a, "yksi");
  auto second = w->add_comment("olli", a, "kaksi ✓");
  w->add_comment("anna", b, "rivi");
  w->add_comment("anna", g, "tavoite");
  EXPECT_LT(first, second);
  auto t = w->comment_thread(a);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->target, a);
  EXPECT_EQ(t->unit, "kanslia");
  EXPECT_EQ(t->started_by, "anna");
  ASSERT_EQ(t->comments.size(), 2u);
  EXPECT_EQ(t->comments[1].text, "kaksi ✓");
  EXPECT_EQ(t->comments[1].author, "olli");
  EXPECT_EQ(t->comments[1].at.size(), 20u);  // "2026-12-06T21:00:00Z"
  EXPECT_EQ(w->comment_threads(CommentOn::section, "kanslia", "annual-report/kanslia/2024/").size(), 1u);
  EXPECT_EQ(w->comment_threads(CommentOn::section, "kanslia", "annual-report/kanslia/2025/").size(), 0u);
  EXPECT_EQ(w->comment_threads(CommentOn::goal, "kanslia", "").size(), 1u);
  EXPECT_EQ(w->comment_threads(CommentOn::row, "", "").size(), 1u);
  EXPECT_EQ(w->current("comment_thread", "section/" + a.key), "open;" + std::to_string(second));
  EXPECT_THROW(w->resolve_thread("olli", a, true, "open;" + std::to_string(first)), StaleChange);
  w->resolve_thread("olli", a, true, "open;" + std::to_string(second));
  EXPECT_EQ(w->current("comment_thread", "section/" + a.key), "resolved;" + std::to_string(second));
  EXPECT_EQ(w->comment_thread(a)->resolved_by, "olli");
  w->add_comment("anna", a, "lisää");  // reopens
  EXPECT_FALSE(w->comment_thread(a)->resolved());
  EXPECT_THROW(w->add_comment("anna", {CommentOn::goal, "no-such-goal"}, "x"), StoreError);
  EXPECT_THROW(w->add_comment("anna", a, " \n"), StoreError);
  EXPECT_THROW(w->resolve_thread("anna", {CommentOn::row, "kanslia/2024/other"}, true, "open;1"), StoreError);
  EXPECT_EQ(w->current("comment_thread", "row/kanslia/2024/other"), std::nullopt);
  // A load keeps them, as it keeps section states.
  EXPECT_EQ(open_workplace_store(db)->comment_thread(b)->comments.at(0).text, "rivi");
}

TEST(CommentTargets, ParseAndPrint) {
  struct Case {
    const char* id;
    bool ok;
  };
  const Case cases[] = {{"section/annual-report/kanslia/2024/unit-kanslia-risks", true},
                        {"row/kanslia/2024/services", true},
                        {"goal/lov-2024-k-tunnettuus", true},
                        {"section/annual-report/kanslia/24/x", false},
                        {"section/annual-report/kanslia/2024", false},
                        {"row/kanslia//services", false},
                        {"row/kanslia/2024/services/x", false},
                        {"goal/", false},
                        {"goal/a/b", false},
                        {"thread/x", false},
                        {"", false}};
  for (const Case& c : cases) {
    auto t = parse_target_id(c.id);
    EXPECT_EQ(t.has_value(), c.ok) << c.id;
    if (t) { EXPECT_EQ(target_id(*t), c.id); }
  }
  EXPECT_EQ(key_unit(*parse_target_id("row/kanslia/2024/services")), "kanslia");
  EXPECT_EQ(key_unit(*parse_target_id("section/budget/ict/2025/x")), "ict");
}

}  // namespace
}  // namespace toteuma
