// The word diff a translator sees (core/word_diff.h): hand-written expected diffs, one row a case.
#include <gtest/gtest.h>

#include "core/word_diff.h"

namespace toteuma {
namespace {

struct Case {
  const char* name;
  std::string before, after;
  std::vector<DiffPart> expected;
  std::size_t max_cells = kMaxDiffCells;
};

DiffPart same(std::string s) { return {DiffOp::same, std::move(s)}; }
DiffPart del(std::string s) { return {DiffOp::del, std::move(s)}; }
DiffPart ins(std::string s) { return {DiffOp::ins, std::move(s)}; }

const std::vector<Case>& cases() {
  static const std::vector<Case> c = {
      {"both empty", "", "", {}},
      {"unchanged", "Kulut kasvoivat.", "Kulut kasvoivat.", {same("Kulut kasvoivat.")}},
      {"written from nothing", "", "Uusi teksti", {ins("Uusi teksti")}},
      {"all removed", "Vanha teksti", "", {del("Vanha teksti")}},
      {"one word replaced", "Kulut nousivat selvästi.", "Kulut laskivat selvästi.",
       {same("Kulut "), del("nousivat "), ins("laskivat "), same("selvästi.")}},
      {"a word added at the end", "Tulot kasvoivat", "Tulot kasvoivat hieman",
       {same("Tulot kasvoivat "), ins("hieman")}},
      {"a word added in the middle", "Eka rivi.\n\nToka rivi.", "Eka rivi.\n\nToka uusi rivi.",
       {same("Eka rivi.\n\nToka "), ins("uusi "), same("rivi.")}},
      {"a word removed", "Talous on hyvin vakaa.", "Talous on vakaa.", {same("Talous on "), del("hyvin "), same("vakaa.")}},
      {"punctuation belongs to its word", "Kustannukset nousivat.", "Kustannukset nousivat!",
       {same("Kustannukset "), del("nousivat."), ins("nousivat!")}},
      {"a changed stretch: deletions before insertions", "Hyvä päivä", "Hyvää päivää",
       {del("Hyvä päivä"), ins("Hyvää päivää")}},
      // The longest common part is "yksi kaksi": the moved word is inserted before it and deleted after.
      {"a word moved", "yksi kaksi kolme", "kolme yksi kaksi", {ins("kolme "), same("yksi kaksi"), del("kolme")}},
      {"spacing alone is no change", "a  b\nc", "a b c", {same("a b c")}},
      {"two separate changes", "1 2 3 4 5 6", "1 x 3 4 y 6",
       {same("1 "), del("2 "), ins("x "), same("3 4 "), del("5 "), ins("y "), same("6")}},
      // Past the bound the middle is given whole: correct, only coarser ("c" is kept by the full diff).
      {"bounded: the middle whole", "a b c d", "a c b d", {same("a "), del("b c "), ins("c b "), same("d")}, 1},
      {"unbounded: the same texts by words", "a b c d", "a c b d", {same("a "), del("b "), same("c "), ins("b "), same("d")}},
  };
  return c;
}

TEST(WordDiff, Cases) {
  for (const auto& c : cases()) EXPECT_EQ(word_diff(c.before, c.after, c.max_cells), c.expected) << c.name;
}

// Whatever the texts, the unchanged and inserted parts spell the new text exactly.
TEST(WordDiff, SameAndInsertedPartsSpellTheNewText) {
  for (const auto& c : cases()) {
    std::string after;
    for (const auto& p : word_diff(c.before, c.after, c.max_cells))
      if (p.op != DiffOp::del) after += p.text;
    EXPECT_EQ(after, c.after) << c.name;
  }
}

}  // namespace
}  // namespace toteuma
