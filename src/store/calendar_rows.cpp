#include "store/calendar_rows.h"

#include "store/store.h"

namespace toteuma {

namespace {

constexpr const char* kColumns =
    "id, municipality_id, year, phase, phase_fi, phase_sv, title_fi, title_sv, participation_fi, participation_sv, start_date, "
    "deadline, responsible_fi, responsible_sv, sections";

Date date_in(const std::string& iso) {
  auto d = parse_iso_date(iso);
  if (!d) throw StoreError("corrupt date in database: " + iso);
  return *d;
}

CalendarItem item_of(sql::Stmt& st) {
  return {st.text(0), st.text(1), static_cast<int>(st.int64(2)), st.text(3), {st.text(4), st.text(5)}, {st.text(6), st.text(7)},
          {st.text(8), st.text(9)}, date_in(st.text(10)), date_in(st.text(11)), {st.text(12), st.text(13)}, st.text(14)};
}

}  // namespace

void read_calendar_items(sql::Db& db, std::vector<CalendarItem>& out) {
  auto st = db.prepare(std::string("SELECT ") + kColumns + " FROM calendar_item");
  while (st.step()) out.push_back(item_of(st));
}

void insert_calendar_item(sql::Db& db, const CalendarItem& c) {
  db.prepare("INSERT INTO calendar_item VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, c.id)
      .bind(2, c.municipality)
      .bind(3, std::int64_t{c.year})
      .bind(4, c.phase)
      .bind(5, c.phase_name.fi)
      .bind(6, c.phase_name.sv)
      .bind(7, c.title.fi)
      .bind(8, c.title.sv)
      .bind(9, c.participation.fi)
      .bind(10, c.participation.sv)
      .bind(11, to_iso(c.start))
      .bind(12, to_iso(c.deadline))
      .bind(13, c.responsible.fi)
      .bind(14, c.responsible.sv)
      .bind(15, c.sections)
      .run();
}

void check_calendar_value(const std::string& id, const std::string& value) {
  auto c = decode_calendar_item(id, value);
  if (!c) throw StoreError(msg("err.store.bad_calendar_item", value));
  if (c->deadline < c->start) throw StoreError(msg("err.store.calendar_dates", id));
}

std::optional<std::string> read_calendar_row(sql::Db& db, const std::string& id) {
  auto st = db.prepare(std::string("SELECT ") + kColumns + " FROM calendar_item WHERE id = ?");
  if (!st.bind(1, id).step()) return std::nullopt;
  return encode_calendar_item(item_of(st));
}

void write_calendar_row(sql::Db& db, const std::string& id, const std::optional<std::string>& after) {
  db.prepare("DELETE FROM calendar_item WHERE id = ?").bind(1, id).run();
  if (after) insert_calendar_item(db, *decode_calendar_item(id, *after));
}

}  // namespace toteuma
