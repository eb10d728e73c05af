// toteuma load over work done in the web (issue 13, item 7): a load that would discard edits or
// reopen reviewed sections refuses, names what would be lost in three languages and changes
// nothing; --replace goes on; a fresh database or one holding the folder's content needs no flag.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/commands.h"
#include "demo_db.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "test_util.h"

namespace toteuma {
namespace {

using testing::TempDir;

std::optional<std::string> opt(const char* s) { return std::string(s); }

CommandOptions load_options(const std::string& db, bool replace = false) {
  CommandOptions o;
  o.db = db;
  o.dir = testing::demo_dir().string();
  o.replace = replace;
  return o;
}

struct LoadGuard : ::testing::Test {
  TempDir tmp;
  std::string db = testing::load_demo_db(tmp);  // a fresh database: no flag needed
  std::unique_ptr<WorkplaceStore> ws = open_workplace_store(db);

  // Edits as the web makes them: a narrative rewritten, an amendment with one figure, a
  // section approved.
  void edit_in_the_web() {
    auto before = ws->current("narrative", "ict/2025/tasks/fi");
    ws->apply("anna", {{"narrative", "ict/2025/tasks/fi", before, opt("Verkossa kirjoitettu tehtäväkuvaus.")},
                       {"scenario", "muutos1", std::nullopt, opt("amendment;2025;KV 12.6.2025 § 45;2025-06-12;Muutos 1;Ändring 1")},
                       {"figure", "kanslia/services/muutos1", std::nullopt, opt("-110000000")}});
    ws->set_section_state("olli", {"annual-report", "ict", 2025, "events", SectionState::approved, "", ""});
  }
};

TEST_F(LoadGuard, SameContentNeedsNoFlag) {
  std::ostringstream out;
  EXPECT_EQ(cmd_load(load_options(db), out), 0);  // the folder's content again
  ws->set_section_state("olli", {"annual-report", "ict", 2025, "events", SectionState::approved, "", ""});
  EXPECT_EQ(cmd_load(load_options(db), out), 0);  // nothing changes, so nothing reopens
  ASSERT_EQ(ws->reviewed_sections().size(), 1u);
}

TEST_F(LoadGuard, RefusesAndNamesWhatWouldBeLostThenReplaceGoesOn) {
  ASSERT_NE(ws->current("narrative", "ict/2025/tasks/fi"), std::nullopt) << "the demo has this text";
  edit_in_the_web();
  Dataset edited = open_store(db)->read();
  auto trail = ws->audit("", 0);

  std::ostringstream out;
  try {
    cmd_load(load_options(db), out);
    FAIL() << "the load discarded web work without --replace";
  } catch (const std::runtime_error& e) {
    std::string m = e.what();
    // By hand: the rewritten text (and what its Swedish translation was written against, now
    // outdated: ict/2025/tasks.sv.source.md, issue 17 item 2), the new amendment and its figure,
    // the approved section.
    EXPECT_NE(m.find("2 narratives (ict/2025/tasks.fi; ict/2025/tasks.sv.source)"), std::string::npos) << m;
    EXPECT_NE(m.find("1 scenarios"), std::string::npos) << m;
    EXPECT_NE(m.find("muutos1"), std::string::npos) << m;
    EXPECT_NE(m.find("1 figures (kanslia;services;muutos1;-1100000"), std::string::npos) << m;
    EXPECT_NE(m.find("1 section states"), std::string::npos) << m;
    EXPECT_NE(m.find("2 tekstiä (ict/2025/tasks.fi; ict/2025/tasks.sv.source)"), std::string::npos) << m;  // Finnish
    EXPECT_NE(m.find("1 lukua"), std::string::npos) << m;
    EXPECT_NE(m.find("2 texter"), std::string::npos) << m;  // Swedish
    EXPECT_NE(m.find("--replace"), std::string::npos) << m;
  }
  EXPECT_EQ(open_store(db)->read(), edited);  // nothing changed
  EXPECT_EQ(ws->reviewed_sections().size(), 1u);
  EXPECT_EQ(ws->audit("", 0), trail);

  auto o = load_options(db, true);
  ASSERT_EQ(cmd_load(o, out), 0);
  EXPECT_NE(ws->current("narrative", "ict/2025/tasks/fi"), opt("Verkossa kirjoitettu tehtäväkuvaus."));
  EXPECT_EQ(ws->current("scenario", "muutos1"), std::nullopt);
  EXPECT_TRUE(ws->reviewed_sections().empty());  // reviewed on content the load replaced
  auto after = ws->audit("", 2);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].entity, "section");  // newest first: the reopening, then the load
  EXPECT_EQ(after[0].before, opt("approved"));
  EXPECT_EQ(after[0].after, opt("draft"));
  EXPECT_EQ(after[0].via, "cli");
  EXPECT_EQ(after[1].entity, "load");
  EXPECT_EQ(after[1].via, "cli");
  EXPECT_EQ(after[1].key, std::filesystem::absolute(testing::demo_dir()).lexically_normal().string());

  // The database now holds the folder's content: loading it again needs no flag.
  EXPECT_EQ(cmd_load(load_options(db), out), 0);
}

TEST_F(LoadGuard, WorkInOtherKindsOfDataIsNamedToo) {
  // A metric value and a goal text, as the goals page stores them: named by their file.
  Dataset d = open_store(db)->read();
  ASSERT_FALSE(d.goals.goals.empty());
  const Goal& g = d.goals.goals.front();
  ws->apply("anna", {{"goal", g.id + "/fi", g.text.fi.empty() ? std::nullopt : std::optional<std::string>(g.text.fi),
                      opt("Uusi tavoiteteksti")}});
  std::ostringstream out;
  try {
    cmd_load(load_options(db), out);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("1 goals"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace toteuma
