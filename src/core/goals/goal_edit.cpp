#include "core/goals/goal_edit.h"

#include "core/fixed.h"

namespace toteuma {

std::string join_escaped(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ';';
    for (char ch : fields[i]) {
      if (ch == ';' || ch == '\\') out += '\\';
      out += ch;
    }
  }
  return out;
}

std::optional<std::vector<std::string>> split_escaped(const std::string& value) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < value.size(); ++i) {
    char ch = value[i];
    if (ch == ';') {
      out.emplace_back();
    } else if (ch == '\\') {
      if (i + 1 == value.size() || (value[i + 1] != ';' && value[i + 1] != '\\')) return std::nullopt;
      out.back() += value[++i];
    } else {
      out.back() += ch;
    }
  }
  return out;
}

namespace {

std::optional<std::vector<std::string>> fields_of(const std::string& v, std::size_t n) {
  auto f = split_escaped(v);
  if (!f || f->size() != n) return std::nullopt;
  return f;
}

// "" = none; otherwise one decimal at most, as metrics.csv writes it.
bool opt_tenths(const std::string& s, std::optional<std::int64_t>& out) {
  if (s.empty()) return true;
  out = parse_fixed(s, 1);
  return out.has_value();
}
std::string tenths_field(const std::optional<std::int64_t>& v) { return v ? fixed_to_plain(*v, 1) : std::string(); }

std::optional<int> int_field(const std::string& s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  auto v = parse_fixed(s, 0);
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

}  // namespace

std::string encode_goal_def(const Goal& g) {
  return join_escaped({std::to_string(g.year), g.unit, g.level, g.theme, g.parent, std::to_string(g.position),
                       g.retired ? to_iso(*g.retired) : "", g.text.fi, g.text.sv, g.responsible.fi, g.responsible.sv});
}

std::optional<Goal> decode_goal_def(const std::string& id, const std::string& v) {
  auto f = fields_of(v, 11);
  if (!f) return std::nullopt;
  auto year = int_field((*f)[0]);
  auto position = int_field((*f)[5]);
  std::optional<Date> retired;
  if (!(*f)[6].empty() && !(retired = parse_iso_date((*f)[6]))) return std::nullopt;
  if (!year || (*f)[0].size() != 4 || !position || (*f)[1].empty()) return std::nullopt;
  Goal g{id, *year, (*f)[1], (*f)[2], (*f)[3], (*f)[4], *position, {(*f)[7], (*f)[8]}, {(*f)[9], (*f)[10]}, retired};
  return g;
}

std::string encode_goal_action(const GoalAction& a) {
  return join_escaped({a.text.fi, a.text.sv, a.responsible.fi, a.responsible.sv});
}

std::optional<GoalAction> decode_goal_action(const std::string& goal, int position, const std::string& v) {
  auto f = fields_of(v, 4);
  if (!f) return std::nullopt;
  return GoalAction{goal, position, {(*f)[0], (*f)[1]}, {(*f)[2], (*f)[3]}};
}

std::string encode_metric(const Metric& m) {
  return join_escaped({m.goal, m.name.fi, m.name.sv, m.unit, m.direction, tenths_field(m.target_tenths), tenths_field(m.partly_tenths),
                       m.owner, m.frequency});
}

std::optional<Metric> decode_metric(const std::string& id, const std::string& v) {
  auto f = fields_of(v, 9);
  if (!f || (*f)[0].empty()) return std::nullopt;
  Metric m{id, (*f)[0], {(*f)[1], (*f)[2]}, (*f)[3], (*f)[4], std::nullopt, std::nullopt, (*f)[7], (*f)[8]};
  if (!opt_tenths((*f)[5], m.target_tenths) || !opt_tenths((*f)[6], m.partly_tenths)) return std::nullopt;
  return m;
}

std::string encode_theme(const Theme& t) {
  return join_escaped({to_iso(t.valid_from), t.valid_to ? to_iso(*t.valid_to) : "", t.name.fi, t.name.sv});
}

std::optional<Theme> decode_theme(const std::string& id, const std::string& v) {
  auto f = fields_of(v, 4);
  if (!f) return std::nullopt;
  auto from = parse_iso_date((*f)[0]);
  std::optional<Date> to;
  if (!from || (!(*f)[1].empty() && !(to = parse_iso_date((*f)[1])))) return std::nullopt;
  return Theme{id, *from, to, {(*f)[2], (*f)[3]}};
}

std::string encode_goal_status(const std::optional<GoalStatus>& s, const Text& reason) {
  return join_escaped({s ? to_string(*s) : "", reason.fi, reason.sv});
}

std::optional<Realisation> decode_goal_status(const std::string& goal, int year, const std::string& v) {
  auto f = fields_of(v, 3);
  if (!f) return std::nullopt;
  Realisation r{goal, year, std::nullopt, {(*f)[1], (*f)[2]}, {}};
  if (!(*f)[0].empty() && !(r.status = parse_goal_status((*f)[0]))) return std::nullopt;
  return r;
}

std::string encode_review(const Review& r) { return join_escaped({r.unit, to_iso(r.date), r.title.fi, r.title.sv}); }

std::optional<Review> decode_review(const std::string& id, const std::string& v) {
  auto f = fields_of(v, 4);
  if (!f || (*f)[0].empty()) return std::nullopt;
  auto date = parse_iso_date((*f)[1]);
  if (!date) return std::nullopt;
  return Review{id, (*f)[0], *date, {(*f)[2], (*f)[3]}};
}

std::string encode_review_item(const ReviewItem& i) { return join_escaped({to_string(i.status), i.text.fi, i.text.sv}); }

std::optional<ReviewItem> decode_review_item(const std::string& review, const std::string& goal, const std::string& v) {
  auto f = fields_of(v, 3);
  if (!f) return std::nullopt;
  auto status = parse_goal_status((*f)[0]);
  if (!status) return std::nullopt;
  return ReviewItem{review, goal, *status, {(*f)[1], (*f)[2]}};
}

}  // namespace toteuma
