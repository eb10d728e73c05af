// Translations that know their source (issue 17 item 2): the record kept on every save (web, CLI,
// accepting a draft, a load), outdated after the source changes, the check, the texts page, the
// edit page's word diff, the translator's queue, and the dataset folder's round trip.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "check/dataset_checks.h"
#include "cli/document_commands.h"
#include "core/workplace/translation.h"
#include "ingest/csv.h"
#include "store/sql_db.h"
#include "store/workplace_store.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;
using testing::UsersWorkplace;

const char* kPw = "translations-test-pw";
const std::string kRisks = "/fi/unit/kanslia/narrative";
// data/demo/narratives/kanslia/2024/risks.fi.md, written against which risks.sv.md was translated.
const std::string kRisksFi =
    "Suurimmat riskit liittyvät avainhenkilöiden vaihtuvuuteen ja tietoturvaan. Niitä hallitaan\n"
    "varahenkilöjärjestelyillä, dokumentoimalla prosessit ja seuraamalla tietoturvatilannetta\njatkuvasti.\n";

std::map<std::string, std::string> risks_query(const std::string& text) {
  return {{"doc", "annual-report"}, {"year", "2024"}, {"section", "risks"}, {"text", text}};
}

struct Translations : UsersWorkplace {
  Translations()
      : UsersWorkplace({{"kanslia", "editor:kanslia"}, {"kaantaja", "translator:sv"}, {"hyvaksyja", "approver"},
                        {"kaantaja_fi", "translator:fi"}},
                       kPw) {}
  const Narrative& risks(Lang l) {
    d = read();
    const Narrative* n = find_narrative(d.narratives, "kanslia", 2024, "risks", l);
    if (!n) throw std::runtime_error("no risks text");
    return *n;
  }
  // Saves the risks text as the edit form does.
  // `text` by value: a caller may pass risks(l).markdown, which the next risks() call frees.
  http::Response save(Client& c, Lang l, std::string text) {
    return c.post(kRisks, {{"before", risks(l).markdown}, {"had_before", "1"}, {"markdown", text}, {"action", "save"}},
                  risks_query(std::string(lang_code(l))));
  }
  bool outdated() { return is_outdated(d, risks(Lang::sv)); }
  Dataset d;
};

bool has(const std::string& body, const std::string& part) { return body.find(part) != std::string::npos; }

TEST(Translations, ALoadRecordsEachTranslationsSourceAsItStands) {
  Translations w;
  EXPECT_EQ(w.risks(Lang::sv).source_seen, kRisksFi);
  EXPECT_EQ(w.risks(Lang::fi).source_seen, std::nullopt);  // the source records nothing
  EXPECT_FALSE(w.outdated());
  for (const auto& t : translation_tasks(w.d)) EXPECT_EQ(t.state, TranslationState::missing) << t.unit << " " << t.section;
}

TEST(Translations, AFinnishEditOutdatesTheSwedishUntilTheTranslatorSavesIt) {
  Translations w;
  Client editor = w.as("kanslia"), translator = w.as("kaantaja");
  const std::string fi = "Suurimmat riskit liittyvät avainhenkilöiden vaihtuvuuteen ja kyberturvallisuuteen.";
  ASSERT_EQ(w.save(editor, Lang::fi, fi).status, 303);
  EXPECT_TRUE(w.outdated());
  EXPECT_EQ(w.risks(Lang::sv).source_seen, kRisksFi);  // what the translation was written against stays

  // The check: a warning on the unit, the section and the translation's language.
  int found = 0;
  for (const auto& f : check_dataset(w.d))
    if (f.rule == "complete.translation_outdated") {
      ++found;
      EXPECT_EQ(f.severity, Severity::warning);
      EXPECT_EQ(f.where.unit, "kanslia");
      EXPECT_EQ(f.where.row, "risks");
      EXPECT_EQ(f.where.column, "sv");
      EXPECT_EQ(f.where.year, 2024);
      EXPECT_TRUE(has(f.fi, "vanhentunut"));
      EXPECT_TRUE(has(f.sv, "föråldrad"));
    }
  EXPECT_EQ(found, 1);

  // The texts page marks it, in both languages.
  EXPECT_TRUE(has(translator.get("/fi/unit/kanslia/texts", {{"year", "2024"}}).body, "käännös vanhentunut"));
  EXPECT_TRUE(has(translator.get("/sv/unit/kanslia/texts", {{"year", "2024"}}).body, "översättningen föråldrad"));

  // The edit page shows the source's change word by word beside the translation as it stands.
  auto page = translator.get(kRisks, risks_query("sv"));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "on muuttunut käännöksen jälkeen"));
  EXPECT_TRUE(has(page.body, "<del><span class=\"visually-hidden\">poistettu: </span>tietoturvaan."));
  EXPECT_TRUE(has(page.body, "<ins><span class=\"visually-hidden\">lisätty: </span>kyberturvallisuuteen.</ins>"));
  EXPECT_TRUE(has(page.body, "De största riskerna gäller omsättningen"));
  // The Finnish text's own page has no such part.
  EXPECT_FALSE(has(editor.get(kRisks, risks_query("fi")).body, "source-change"));

  // The translator's queue lists it as outdated, with the diff and the deadline (14.2.2025, past).
  auto queue = translator.get("/sv/translations");
  ASSERT_EQ(queue.status, 200);
  auto row = queue.body.find("/sv/unit/kanslia/narrative?doc=annual-report&amp;year=2024&amp;section=risks&amp;text=sv");
  ASSERT_NE(row, std::string::npos);
  auto row_end = queue.body.find("</tr>", row);
  std::string tr = queue.body.substr(row, row_end - row);
  EXPECT_TRUE(has(tr, "föråldrad"));
  EXPECT_TRUE(has(tr, "<ins><span class=\"visually-hidden\">tillagt: </span>kyberturvallisuuteen.</ins>"));
  EXPECT_TRUE(has(tr, "14.2.2025"));
  EXPECT_TRUE(has(tr, "försenad"));

  // Saved again, even unchanged, it is translated against the new source and leaves the queue.
  ASSERT_EQ(w.save(translator, Lang::sv, w.risks(Lang::sv).markdown).status, 303);
  EXPECT_FALSE(w.outdated());
  EXPECT_EQ(w.risks(Lang::sv).source_seen, fi);
  EXPECT_FALSE(has(translator.get("/sv/translations").body, "section=risks&amp;text=sv"));
  EXPECT_FALSE(has(translator.get("/fi/unit/kanslia/texts", {{"year", "2024"}}).body, "käännös vanhentunut"));
  // The record is audited.
  auto rows = open_workplace_store(w.db)->audit("kanslia", 0);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.front().entity, "narrative_source");
  EXPECT_EQ(rows.front().key, "kanslia/2024/risks/sv");
  EXPECT_EQ(rows.front().after, fi);
}

TEST(Translations, TheQueueHoldsTheTranslatorsLanguageAndIsInTheMenu) {
  Translations w;
  Client sv = w.as("kaantaja"), fi = w.as("kaantaja_fi"), approver = w.as("hyvaksyja"), editor = w.as("kanslia");
  // kansliapalvelut's events of 2024 is written in Finnish only (data/demo): missing in Swedish.
  auto q = sv.get("/fi/translations");
  EXPECT_TRUE(has(q.body, "section=events&amp;text=sv"));
  EXPECT_TRUE(has(q.body, "puuttuu"));
  EXPECT_TRUE(has(q.body, "href=\"/fi/translations\""));  // the menu
  // Finnish is every unit's source in the demo: nothing to translate into it.
  EXPECT_TRUE(has(fi.get("/fi/translations").body, "Ei käännettävää"));
  // The approver reads every language's queue, without edit links (an approver writes no texts).
  auto a = approver.get("/sv/translations").body;
  EXPECT_TRUE(has(a, "saknas"));
  EXPECT_FALSE(has(a, "section=events&amp;text=sv"));
  EXPECT_FALSE(has(editor.get("/fi/").body, "href=\"/fi/translations\""));
}

TEST(Translations, TheCommandLineRecordsTheSourceToo) {
  Translations w;
  auto set = [&](const std::string& lang, const std::string& text) {
    std::filesystem::path f = w.tmp.path() / "text.md";
    std::ofstream(f) << text;
    DocumentOptions o;
    o.db = w.db;
    o.unit = "kanslia";
    o.year = 2024;
    o.section = "risks";
    o.lang = lang;
    o.file = f.string();
    std::ostringstream out;
    return cmd_narrative_set(o, out);
  };
  ASSERT_EQ(set("fi", "Uusi riskiteksti."), 0);
  EXPECT_TRUE(w.outdated());
  ASSERT_EQ(set("sv", "Ny risktext."), 0);
  EXPECT_FALSE(w.outdated());
  EXPECT_EQ(w.risks(Lang::sv).source_seen, "Uusi riskiteksti.");
}

TEST(Translations, AcceptingADraftAsItIsRecordsTheSource) {
  Translations w;
  // A drafted Swedish text, then a Finnish edit: the draft is outdated.
  {
    sql::Db db(w.db);
    db.exec("UPDATE narrative SET origin = 'draft', markdown = 'Utkast.' WHERE unit_id = 'kanslia' AND year = 2024 "
            "AND section = 'risks' AND lang = 'sv'");
  }
  Client editor = w.as("kanslia"), translator = w.as("kaantaja");
  ASSERT_EQ(w.save(editor, Lang::fi, "Muutettu riskiteksti.").status, 303);
  ASSERT_TRUE(w.outdated());
  auto r = translator.post(kRisks, {{"had_before", "1"}, {"draft", "Utkast."}, {"action", "accept"}}, risks_query("sv"));
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(w.risks(Lang::sv).origin, NarrativeOrigin::person);
  EXPECT_FALSE(w.outdated());
}

TEST(Translations, ARowStoredBeforeTheRecordIsOutdatedByTheNextSourceEdit) {
  Translations w;
  {
    sql::Db db(w.db);
    db.exec("UPDATE narrative SET source_seen = NULL");  // as migration 24 leaves older rows
  }
  EXPECT_FALSE(w.outdated());  // written against the source as it stands
  Client editor = w.as("kanslia");
  ASSERT_EQ(w.save(editor, Lang::fi, "Muutettu.").status, 303);
  EXPECT_TRUE(w.outdated());
  EXPECT_EQ(w.risks(Lang::sv).source_seen, kRisksFi);
}

// Every file of a folder, by relative path.
std::map<std::string, std::string> files_of(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir))
    if (f.is_regular_file()) out[std::filesystem::relative(f.path(), dir).string()] = testing::slurp(f.path());
  return out;
}

TEST(Translations, AnOutdatedTranslationSurvivesDumpAndLoad) {
  Translations w;
  Client editor = w.as("kanslia");
  ASSERT_EQ(w.save(editor, Lang::fi, "Muutettu riskiteksti.").status, 303);
  auto dump = [&](const std::string& db, const std::string& dir) {
    CommandOptions o;
    o.db = db;
    o.dir = dir;
    std::ostringstream out;
    cmd_dump(o, out);
  };
  std::string first = (w.tmp.path() / "first").string(), second = (w.tmp.path() / "second").string();
  dump(w.db, first);
  // The translation's source beside it, as it was; a current translation has no such file.
  EXPECT_EQ(testing::slurp(std::filesystem::path(first) / "narratives/kanslia/2024/risks.sv.source.md"), kRisksFi);
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(first) / "narratives/kanslia/2024/events.sv.source.md"));
  CommandOptions load;
  load.db = test_db(w.tmp, "again");
  load.dir = first;
  std::ostringstream out;
  cmd_load(load, out);
  Dataset again = open_store(load.db)->read();
  const Narrative* sv = find_narrative(again.narratives, "kanslia", 2024, "risks", Lang::sv);
  ASSERT_NE(sv, nullptr);
  EXPECT_TRUE(is_outdated(again, *sv));
  dump(load.db, second);
  EXPECT_EQ(files_of(first), files_of(second));
}

TEST(Translations, ASourceFileWithoutItsTranslationIsAnError) {
  testing::TempDir tmp;
  std::filesystem::copy(testing::demo_dir(), tmp.path() / "d", std::filesystem::copy_options::recursive);
  std::ofstream(tmp.path() / "d/narratives/kanslia/2024/risks.fi.source.md") << "x";  // Finnish is the source
  CommandOptions o;
  o.db = test_db(tmp, "x");
  o.dir = (tmp.path() / "d").string();
  std::ostringstream out;
  try {
    cmd_load(o, out);
    FAIL() << "loaded";
  } catch (const InputError& e) {
    EXPECT_TRUE(has(e.what(), "risks.fi.source.md"));
    EXPECT_TRUE(has(e.what(), "lähdeteksti ilman käännöstä"));
  }
}

// A Swedish-primary municipality's texts are written in Swedish: the Finnish ones translate them.
TEST(Translations, TheSourceIsTheMunicipalitysPrimaryLanguage) {
  Dataset d;
  d.municipalities = {{"kust", "999", {"Rannikko", "Kusten"}, {Lang::sv, Lang::fi}, Lang::sv}};
  UnitVersion root;
  root.id = "kust";
  d.units = {root};
  d.narratives = {{"kust", 2025, "events", Lang::sv, NarrativeOrigin::person, "Händelser."},
                  {"kust", 2025, "risks", Lang::sv, NarrativeOrigin::person, "Risker."},
                  {"kust", 2025, "risks", Lang::fi, NarrativeOrigin::person, "Riskit."}};
  record_sources(d);
  EXPECT_EQ(source_language(d, "kust"), Lang::sv);
  EXPECT_EQ(d.narratives[2].source_seen, "Risker.");
  EXPECT_EQ(d.narratives[1].source_seen, std::nullopt);
  auto tasks = translation_tasks(d);
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].section, "events");
  EXPECT_EQ(tasks[0].lang, Lang::fi);
  EXPECT_EQ(tasks[0].state, TranslationState::missing);
  d.narratives[1].markdown = "Risker och möjligheter.";
  tasks = translation_tasks(d, Lang::fi);
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[1].section, "risks");
  EXPECT_EQ(tasks[1].state, TranslationState::outdated);
  EXPECT_TRUE(translation_tasks(d, Lang::sv).empty());
}

}  // namespace
}  // namespace toteuma
