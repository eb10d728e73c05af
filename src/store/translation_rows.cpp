#include "store/translation_rows.h"

namespace toteuma {

std::string source_language(sql::Db& db, const std::string& unit) {
  // The unit's root by its parents (of any version, the latest first), as Dataset::municipality_of.
  auto st = db.prepare(
      "WITH RECURSIVE up(id, depth) AS (SELECT ?, 0 UNION ALL "
      "  SELECT (SELECT v.parent_id FROM unit_version v WHERE v.id = up.id AND COALESCE(v.parent_id, '') <> '' "
      "          ORDER BY v.valid_from DESC LIMIT 1), depth + 1 FROM up WHERE up.id IS NOT NULL AND depth < 1000) "
      "SELECT COALESCE((SELECT m.primary_language FROM municipality m WHERE m.id = "
      "                   (SELECT id FROM up WHERE id IS NOT NULL ORDER BY depth DESC LIMIT 1)), "
      "                (SELECT primary_language FROM municipality ORDER BY position LIMIT 1), 'fi')");
  st.bind(1, unit).step();
  return st.text(0);
}

void keep_unrecorded_sources(sql::Db& db, const std::string& unit, int year, const std::string& section) {
  std::string source = source_language(db, unit);
  db.prepare(
        "UPDATE narrative SET source_seen = COALESCE((SELECT s.markdown FROM narrative s WHERE s.unit_id = narrative.unit_id "
        "AND s.year = narrative.year AND s.section = narrative.section AND s.lang = ?), '') "
        "WHERE unit_id = ? AND year = ? AND section = ? AND lang <> ? AND source_seen IS NULL")
      .bind(1, source).bind(2, unit).bind(3, std::int64_t{year}).bind(4, section).bind(5, source).run();
}

std::optional<std::pair<std::optional<std::string>, std::string>> record_source(sql::Db& db, const std::string& unit, int year,
                                                                                 const std::string& section, const std::string& lang) {
  std::string source = source_language(db, unit);
  if (lang == source) return std::nullopt;
  auto st = db.prepare(
      "SELECT t.source_seen, COALESCE((SELECT s.markdown FROM narrative s WHERE s.unit_id = t.unit_id AND s.year = t.year "
      "AND s.section = t.section AND s.lang = ?), '') FROM narrative t WHERE t.unit_id = ? AND t.year = ? AND t.section = ? AND t.lang = ?");
  if (!st.bind(1, source).bind(2, unit).bind(3, std::int64_t{year}).bind(4, section).bind(5, lang).step()) return std::nullopt;
  std::optional<std::string> before = st.opt_text(0);
  std::string now = st.text(1);
  if (before == now) return std::nullopt;
  db.prepare("UPDATE narrative SET source_seen = ? WHERE unit_id = ? AND year = ? AND section = ? AND lang = ?")
      .bind(1, now).bind(2, unit).bind(3, std::int64_t{year}).bind(4, section).bind(5, lang).run();
  return std::pair{before, now};
}

}  // namespace toteuma
