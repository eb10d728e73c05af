#include "store/search_index.h"

#include <map>
#include <set>
#include <tuple>

#include "core/text.h"
#include "store/sql_db.h"

namespace toteuma {

namespace {

// UTF-8 letters and digits form words; everything else separates them (quotes, operators and
// FTS5 syntax cannot reach the query).
std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (unsigned char ch : s) {
    bool word = ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    if (word) {
      cur += static_cast<char>(ch);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

std::string fts_query(const std::string& query) {
  std::string out;
  for (const std::string& w : words_of(query)) out += (out.empty() ? "" : " ") + ("\"" + w + "\"*");
  return out;
}

SearchIndex::SearchIndex(const Dataset& d) : d_(d) {}
SearchIndex::~SearchIndex() = default;

void SearchIndex::build() {
  db_ = std::make_unique<sql::Db>(":memory:");
  db_->exec(
      "CREATE VIRTUAL TABLE item USING fts5(kind UNINDEXED, unit UNINDEXED, year UNINDEXED, ref UNINDEXED, "
      "lang UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')");
  sql::Transaction tx(*db_);
  auto put = db_->prepare("INSERT INTO item (kind, unit, year, ref, lang, title, body) VALUES (?, ?, ?, ?, ?, ?, ?)");
  auto add = [&](const char* kind, const std::string& unit, int year, const std::string& ref, Lang lang, const std::string& title,
                 const std::string& body) {
    if (title.empty() && body.empty()) return;
    put.bind(1, std::string(kind)).bind(2, unit).bind(3, std::int64_t{year}).bind(4, ref).bind(5, std::string(lang_code(lang)))
        .bind(6, title).bind(7, body).run();
  };
  // A unit under its newest name (the list of units names it so); its id is searchable too.
  std::map<std::string, const UnitVersion*> newest;
  for (const UnitVersion& u : d_.units)
    if (!newest.count(u.id) || newest[u.id]->valid_from < u.valid_from) newest[u.id] = &u;
  for (const auto& [id, u] : newest)
    for (Lang l : {Lang::fi, Lang::sv}) add("unit", id, 0, id, l, u->name.in(l), id);
  std::map<std::string, const Goal*> goal_of;
  for (const Goal& g : d_.goals.goals) {
    goal_of[g.id] = &g;
    for (Lang l : {Lang::fi, Lang::sv}) add("goal", g.unit, g.year, g.id, l, g.text.in(l), g.responsible.in(l));
  }
  for (const Metric& m : d_.goals.metrics) {
    auto g = goal_of.find(m.goal);
    if (g == goal_of.end()) continue;
    for (Lang l : {Lang::fi, Lang::sv}) add("metric", g->second->unit, g->second->year, m.id, l, m.name.in(l), g->second->text.in(l));
  }
  // A text has no title of its own (its section id is no word a reader searches for).
  for (const Narrative& n : d_.narratives) add("text", n.unit, n.year, n.section, n.lang, "", n.markdown);
  tx.commit();
}

std::vector<SearchHit> SearchIndex::find(const std::string& query, Lang reader, std::size_t limit) {
  const std::string q = fts_query(query);
  if (q.empty()) return {};
  std::lock_guard lock(mu_);
  if (!db_) build();
  // Best first (bm25; titles weigh more than bodies); the reader's language wins a tie of one item.
  auto st = db_->prepare(
      "SELECT kind, unit, year, ref, lang, title, snippet(item, -1, char(1), char(2), '…', 12) FROM item "
      "WHERE item MATCH ? ORDER BY bm25(item, 5.0, 1.0), lang <> ? LIMIT 2000");
  st.bind(1, q).bind(2, std::string(lang_code(reader)));
  std::vector<SearchHit> out;
  std::map<std::tuple<std::string, std::string, std::int64_t, std::string>, std::size_t> seen;
  while (st.step()) {
    SearchHit h{st.text(0), st.text(1), static_cast<int>(st.int64(2)), st.text(3), parse_lang(st.text(4)).value_or(Lang::fi),
                st.text(5), st.text(6)};
    auto key = std::make_tuple(h.kind, h.unit, std::int64_t{h.year}, h.ref);
    if (auto it = seen.find(key); it != seen.end()) {
      // The same item matched in the other language too: show the reader's.
      if (h.lang == reader && out[it->second].lang != reader) out[it->second] = std::move(h);
      continue;
    }
    if (out.size() == limit) continue;
    seen[key] = out.size();
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace toteuma
