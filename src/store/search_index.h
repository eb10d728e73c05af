// Search over units, goals, metrics and texts in Finnish and Swedish (issue 17 item 6): an
// in-memory SQLite FTS5 index built from one dataset snapshot, so it never lags the data and
// needs no migration. Words match by prefix ("talousarvio" finds "talousarviossa", "budget"
// finds "budgeten") with diacritics folded ("paatos" finds "päätös"), in either language; a hit
// in the reader's language is shown in it.
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/lang.h"

namespace toteuma {

namespace sql {
class Db;
}

struct SearchHit {
  std::string kind;  // unit | goal | metric | text
  std::string unit;  // the unit it belongs to (a unit's own id for kind unit)
  int year = 0;      // goals, metrics and texts: their year; 0 for a unit
  std::string ref;   // the goal, metric or text section id; the unit id for a unit
  Lang lang = Lang::fi;   // the language of the matched text
  std::string title;      // in `lang`; "" for a text (its unit names it)
  std::string excerpt;    // the matched words between \x01 and \x02 (escape, then mark)
};

class SearchIndex {
 public:
  // Nothing is built until the first search.
  explicit SearchIndex(const Dataset& d);
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;
  // The best `limit` hits of every word of `query` (prefixes), one per item, the reader's
  // language preferred; empty for a query without a word.
  std::vector<SearchHit> find(const std::string& query, Lang reader, std::size_t limit = 50);

 private:
  void build();
  const Dataset& d_;
  std::mutex mu_;
  std::unique_ptr<sql::Db> db_;
};

// The FTS5 query of `query`: each word (letters and digits) as a quoted prefix, all required;
// "" when none.
std::string fts_query(const std::string& query);

}  // namespace toteuma
