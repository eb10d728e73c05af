#include "web/calendar_edit.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/date.h"
#include "core/i18n.h"
#include "core/workplace/calendar_value.h"
#include "ingest/calendar_file.h"
#include "ingest/csv.h"
#include "web/actions.h"
#include "web/form_parts.h"
#include "web/page_text.h"

namespace toteuma::web {

namespace {

using namespace page_text;
using Values = std::map<std::string, std::string>;

constexpr const char* kNewPhase = "_new";

// The clock a page edits: a municipality's year.
struct Clock {
  std::string muni;
  int year = 0;
  std::string query() const { return fmt::format("?year={}&municipality={}", year, http::url_encode(muni)); }
};

std::string edit_href(Lang lang, const Clock& k) { return "/" + lc(lang) + "/calendar/edit" + k.query(); }
std::string item_href(Lang lang, const std::string& id) { return "/" + lc(lang) + "/calendar/edit/" + http::url_encode(id); }
std::string calendar_href(Lang lang, const Clock& k) { return "/" + lc(lang) + "/calendar" + k.query(); }

// The phases a municipality's clocks have used, newest names first: id → names.
std::map<std::string, Text> phases_of(const Dataset& d, const std::string& muni) {
  std::map<std::string, Text> out;
  std::map<std::string, int> year_of;
  for (const auto& c : d.calendar)
    if (c.municipality == muni && (!year_of.count(c.phase) || c.year >= year_of[c.phase])) {
      out[c.phase] = c.phase_name;
      year_of[c.phase] = c.year;
    }
  return out;
}

// The form's values of an item (the file's column names).
Values values_of(const CalendarItem& c) {
  return {{"phase", c.phase},
          {"title_fi", c.title.fi},
          {"title_sv", c.title.sv},
          {"participation_fi", c.participation.fi},
          {"participation_sv", c.participation.sv},
          {"start", to_iso(c.start)},
          {"deadline", to_iso(c.deadline)},
          {"responsible_fi", c.responsible.fi},
          {"responsible_sv", c.responsible.sv},
          {"sections", c.sections}};
}

// The item's row as calendar.csv's reader takes it, from the form: an existing phase keeps its
// names, a new one takes the names typed.
std::vector<std::string> row_of(const Dataset& d, const std::string& id, const Clock& k, Values& v) {
  std::string phase = v["phase"];
  Text names;
  if (phase == kNewPhase) {
    phase = v["new_phase"];
    names = {v["new_phase_fi"], v["new_phase_sv"]};
  } else if (auto phases = phases_of(d, k.muni); phases.count(phase)) {
    names = phases[phase];
  }
  return {id, k.muni, std::to_string(k.year), phase, names.fi, names.sv, v["title_fi"], v["title_sv"], v["participation_fi"],
          v["participation_sv"], v["start"], v["deadline"], v["responsible_fi"], v["responsible_sv"], v["sections"]};
}

// A refused item: the reader's message and the field it names (the form's input id, "" for none).
struct FieldError {
  std::string text, field;
};

std::string field_of(const std::string& column, Values& v) {
  if (column.rfind("phase", 0) == 0) return v["phase"] == kNewPhase ? (column == "phase" ? "f-new_phase" : "f-new_" + column) : "f-phase";
  if (column == "year") return "f-deadline";
  if (column == "id" || column == "municipality") return "";
  return "f-" + column;
}

FieldError error_of(const Ctx& c, const InputError& err, Values& v) {
  return {input_error_message(err, "calendar_edit.bad_item").in(c.lang), field_of(err.column, v)};
}

std::string label_of(const Ctx& c, const std::string& field) {
  static const std::map<std::string, const char*> labels = {
      {"title", "clock.col.item"},       {"phase", "clock.col.phase"},
      {"start", "clock.col.start"},      {"deadline", "clock.col.deadline"},
      {"responsible", "clock.col.responsible"}, {"participation", "clock.col.participation"},
      {"sections", "calendar_edit.sections"}, {"new_phase", "calendar_edit.new_phase_id"}};
  std::string name = field.substr(2);  // "f-"
  std::string lang_suffix;
  if (name.size() > 3 && (name.ends_with("_fi") || name.ends_with("_sv"))) {
    lang_suffix = name.substr(name.size() - 2);
    name = name.substr(0, name.size() - 3);
  }
  auto it = labels.find(name);
  std::string label = name == "new_phase" && !lang_suffix.empty() ? tr("calendar_edit.new_phase_name", c.lang)
                      : it == labels.end()                          ? name
                                                                    : tr(it->second, c.lang);
  return lang_suffix.empty() ? label : tf(lang_suffix == "fi" ? "calendar_edit.in_fi" : "calendar_edit.in_sv", c.lang, label);
}

// The item's fields; `err` marks the field the reader refused.
std::string item_fields(const Ctx& c, const Clock& k, Values& v, const FieldError* err) {
  auto attrs = [&](const std::string& id) {
    return err && err->field == id ? std::string(" aria-invalid=\"true\" aria-describedby=\"item-error\"") : std::string();
  };
  auto input = [&](const std::string& name, const char* type = "text", bool required = false) {
    std::string id = "f-" + name;
    return fmt::format("<p><label for=\"{0}\">{1}</label><br><input type=\"{2}\" id=\"{0}\" name=\"{3}\" value=\"{4}\"{5}{6}></p>", id,
                       e(label_of(c, id)), type, name, e(v[name]), required ? " required" : "", attrs(id));
  };
  auto area = [&](const std::string& name) {
    std::string id = "f-" + name;
    return fmt::format("<p><label for=\"{0}\">{1}</label><br><textarea id=\"{0}\" name=\"{2}\" rows=\"2\" cols=\"60\"{3}>{4}</textarea></p>", id,
                       e(label_of(c, id)), name, attrs(id), e(v[name]));
  };
  std::string phases;
  for (const auto& [id, names] : phases_of(c.app().d, k.muni))
    phases += fmt::format("<option value=\"{}\"{}>{}</option>", e(id), v["phase"] == id ? " selected" : "", e(names.shown(c.lang)));
  phases += fmt::format("<option value=\"{}\"{}>{}</option>", kNewPhase, v["phase"] == kNewPhase ? " selected" : "",
                        e(tr("calendar_edit.new_phase", c.lang)));
  std::string kinds = "annual-report, budget-book, service-plan, personnel-plan, budget-round";
  for (const auto& t : c.app().d.templates)
    if (kinds.find(t.kind) == std::string::npos) kinds += ", " + t.kind;
  std::string out = input("title_fi", "text", true) + input("title_sv", "text", true);
  out += fmt::format("<p><label for=\"f-phase\">{}</label><br><select id=\"f-phase\" name=\"phase\"{}>{}</select></p>",
                     e(label_of(c, "f-phase")), attrs("f-phase"), phases);
  out += "<fieldset><legend>" + e(tr("calendar_edit.new_phase_legend", c.lang)) + "</legend>" + input("new_phase") + input("new_phase_fi") +
         input("new_phase_sv") + "</fieldset>";
  out += input("start", "date", true) + input("deadline", "date", true);
  out += input("responsible_fi", "text", true) + input("responsible_sv", "text", true);
  out += area("participation_fi") + area("participation_sv");
  out += fmt::format("<p><label for=\"f-sections\">{}</label><br><input type=\"text\" id=\"f-sections\" name=\"sections\" value=\"{}\" size=\"60\" "
                     "aria-describedby=\"sections-hint{}\"{}> <span class=\"hint\" id=\"sections-hint\">{}</span></p>",
                     e(label_of(c, "f-sections")), e(v["sections"]), err && err->field == "f-sections" ? " item-error" : "",
                     err && err->field == "f-sections" ? " aria-invalid=\"true\"" : "", e(tf("calendar_edit.sections_hint", c.lang, kinds)));
  return out;
}

std::string error_html(const Ctx& c, const FieldError& err) {
  std::string where = err.field.empty() ? "" : fmt::format(" <a href=\"#{}\">{}</a>", err.field, e(label_of(c, err.field)));
  return fmt::format("<div class=\"error\" role=\"alert\" id=\"item-error\"><p>{}{}</p></div>\n", e(err.text), where);
}

// A new item's id: the municipality, the year and the first free number.
std::string new_id(const Dataset& d, const Clock& k) {
  std::set<std::string> used;
  for (const auto& c : d.calendar) used.insert(c.id);
  for (int n = 1;; ++n)
    if (auto id = fmt::format("{}-{}-{}", k.muni, k.year, n); !used.count(id)) return id;
}

const CalendarItem* find_item(const Dataset& d, const std::string& id) {
  auto it = std::find_if(d.calendar.begin(), d.calendar.end(), [&](const CalendarItem& c) { return c.id == id; });
  return it == d.calendar.end() ? nullptr : &*it;
}

http::Response item_form_page(const Ctx& c, const Clock& k, const std::string& title, const std::string& action, Values& v,
                              const std::string& hidden, const FieldError* err, const std::string& after, int status,
                              const std::string& other_href) {
  std::string body = "<h1>" + e(title) + "</h1>\n";
  body += fmt::format("<p><a href=\"{}\">{}</a></p>\n", e(edit_href(c.lang, k)), e(tf("calendar_edit.title", c.lang, k.year)));
  if (err) body += error_html(c, *err);
  body += fmt::format("<form class=\"edit calendar-item\" method=\"post\" action=\"{}\">{}{}{}<p><button type=\"submit\">{}</button></p></form>\n",
                      e(action), csrf_field(c), hidden, item_fields(c, k, v, err), e(tr("calendar_edit.save", c.lang)));
  return page(c, title, body + after, other_href, status);
}

// ---- /{lang}/calendar/edit ----------------------------------------------------------------------

http::Response overview(const Ctx& c, const Clock& k) {
  const Dataset& d = c.app().d;
  const auto items = calendar_of(d.calendar, k.muni, k.year);
  if (c.req.method == "POST") {
    auto form = form_fields(c.req);
    if (form["do"] == "add") {
      std::string id = new_id(d, k);
      try {
        CalendarItem item = parse_calendar_row(row_of(d, id, k, form), tr("calendar_edit.item", c.lang), d);
        ActionResult r = apply_changes(c.state, *c.viewer.user, {{"calendar_item", id, std::nullopt, encode_calendar_item(item)}});
        if (r.outcome != Outcome::ok) return outcome_page(c, r, edit_href(c.lang, k));
      } catch (const InputError& err) {
        FieldError fe = error_of(c, err, form);
        return item_form_page(c, k, tr("calendar_edit.new", c.lang), edit_href(c.lang, k), form,
                              "<input type=\"hidden\" name=\"do\" value=\"add\">", &fe, "", 400, edit_href(c.other(), k));
      }
      return redirect(with_notice(calendar_href(c.lang, k), "saved"));
    }
    if (form["do"] == "phase") {  // a phase's names in every item of the year
      std::vector<Change> changes;
      for (const CalendarItem* item : items) {
        if (item->phase != form["phase"]) continue;
        CalendarItem renamed = *item;
        renamed.phase_name = {form["phase_fi"], form["phase_sv"]};
        try {
          renamed = parse_calendar_row(calendar_fields(renamed), tr("calendar_edit.item", c.lang), d);
        } catch (const InputError& err) {
          return outcome_page(c, result(Outcome::invalid, input_error_message(err, "calendar_edit.bad_item")), edit_href(c.lang, k));
        }
        // The names as the form showed them: a rename over another rename is stale.
        CalendarItem seen = *item;
        seen.phase_name = {form["seen_fi"], form["seen_sv"]};
        changes.push_back({"calendar_item", item->id, encode_calendar_item(seen), encode_calendar_item(renamed)});
      }
      if (changes.empty()) return not_found(c);
      ActionResult r = apply_changes(c.state, *c.viewer.user, changes);
      if (r.outcome != Outcome::ok) return outcome_page(c, r, edit_href(c.lang, k));
      return redirect(with_notice(edit_href(c.lang, k), "saved"));
    }
    return bad_request(c.lang);
  }
  std::string body = "<h1>" + e(tf("calendar_edit.title", c.lang, k.year)) + "</h1>\n";
  body += fmt::format("<p><a href=\"{}\">{}</a></p>\n", e(calendar_href(c.lang, k)), e(tf("clock.title", c.lang, k.year)));
  // Phases of the year, each renamed in one go.
  std::map<std::string, Text> year_phases;
  for (const CalendarItem* item : items) year_phases.emplace(item->phase, item->phase_name);
  body += "<h2>" + e(tr("calendar_edit.phases", c.lang)) + "</h2>\n";
  for (const auto& [id, names] : year_phases)
    body += fmt::format(
        "<form class=\"edit calendar-phase\" method=\"post\" action=\"{0}\">{1}<input type=\"hidden\" name=\"do\" value=\"phase\">"
        "<input type=\"hidden\" name=\"phase\" value=\"{2}\"><input type=\"hidden\" name=\"seen_fi\" value=\"{3}\"><input type=\"hidden\" name=\"seen_sv\" value=\"{4}\">"
        "<fieldset><legend>{5}</legend><p><label for=\"ph-{2}-fi\">{6}</label><br><input id=\"ph-{2}-fi\" name=\"phase_fi\" value=\"{3}\" size=\"40\"></p>"
        "<p><label for=\"ph-{2}-sv\">{7}</label><br><input id=\"ph-{2}-sv\" name=\"phase_sv\" value=\"{4}\" size=\"40\"></p>"
        "<p><button type=\"submit\">{8}</button></p></fieldset></form>\n",
        e(edit_href(c.lang, k)), csrf_field(c), e(id), e(names.fi), e(names.sv), e(names.shown(c.lang)),
        e(tf("calendar_edit.in_fi", c.lang, tr("clock.col.phase", c.lang))), e(tf("calendar_edit.in_sv", c.lang, tr("clock.col.phase", c.lang))),
        e(tr("calendar_edit.phase_save", c.lang)));
  // Items of the year, each linked to its form.
  std::string rows;
  for (const CalendarItem* item : items)
    rows += fmt::format("<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td>{}</td><td>{}</td><td>{}</td></tr>\n", e(item_href(c.lang, item->id)),
                        e(item->title.shown(c.lang)), e(item->phase_name.shown(c.lang)), to_display(item->start), to_display(item->deadline));
  body += "<h2>" + e(tr("calendar_edit.items", c.lang)) + "</h2>\n";
  body += fmt::format("<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"{0}\"><table class=\"calendar-items\"><caption>{0}</caption>"
                      "<thead><tr><th scope=\"col\">{1}</th><th scope=\"col\">{2}</th><th scope=\"col\">{3}</th><th scope=\"col\">{4}</th></tr></thead>"
                      "<tbody>\n{5}</tbody></table></div>\n",
                      e(tf("clock.title", c.lang, k.year)), e(tr("clock.col.item", c.lang)), e(tr("clock.col.phase", c.lang)),
                      e(tr("clock.col.start", c.lang)), e(tr("clock.col.deadline", c.lang)), rows);
  Values blank{{"phase", year_phases.empty() ? kNewPhase : year_phases.begin()->first}};
  body += fmt::format("<h2 id=\"new\">{}</h2>\n<form class=\"edit calendar-item\" method=\"post\" action=\"{}\">{}"
                      "<input type=\"hidden\" name=\"do\" value=\"add\">{}<p><button type=\"submit\">{}</button></p></form>\n",
                      e(tr("calendar_edit.new", c.lang)), e(edit_href(c.lang, k)), csrf_field(c), item_fields(c, k, blank, nullptr),
                      e(tr("calendar_edit.add", c.lang)));
  return page(c, tf("calendar_edit.title", c.lang, k.year), body, edit_href(c.other(), k));
}

// ---- /{lang}/calendar/edit/{item} ---------------------------------------------------------------

http::Response item_page(const Ctx& c, const std::string& id) {
  const Dataset& d = c.app().d;
  const CalendarItem* item = find_item(d, id);
  if (!item) return not_found(c);
  const Clock k{item->municipality, item->year};
  const std::string stored = encode_calendar_item(*item);
  if (c.req.method == "POST") {
    auto form = form_fields(c.req);
    auto before = before_from(form, "item");
    if (form["do"] == "delete") {
      ActionResult r = apply_changes(c.state, *c.viewer.user, {{"calendar_item", id, before, std::nullopt}});
      if (r.outcome != Outcome::ok) return outcome_page(c, r, item_href(c.lang, id));
      return redirect(with_notice(edit_href(c.lang, k), "deleted"));
    }
    try {
      CalendarItem edited = parse_calendar_row(row_of(d, id, k, form), tr("calendar_edit.item", c.lang), d);
      ActionResult r = apply_changes(c.state, *c.viewer.user, {{"calendar_item", id, before, encode_calendar_item(edited)}});
      if (r.outcome != Outcome::ok) return outcome_page(c, r, item_href(c.lang, id));
    } catch (const InputError& err) {
      FieldError fe = error_of(c, err, form);
      return item_form_page(c, k, item->title.shown(c.lang), item_href(c.lang, id), form,
                            "<input type=\"hidden\" name=\"do\" value=\"save\">" + before_fields("item", before), &fe, "", 400,
                            item_href(c.other(), id));
    }
    return redirect(with_notice(calendar_href(c.lang, k), "saved"));
  }
  Values v = values_of(*item);
  std::string del = fmt::format(
      "<h2>{}</h2>\n<form class=\"edit calendar-delete\" method=\"post\" action=\"{}\">{}<input type=\"hidden\" name=\"do\" value=\"delete\">{}"
      "<p><button type=\"submit\" class=\"danger\">{}</button></p></form>\n",
      e(tr("calendar_edit.delete_title", c.lang)), e(item_href(c.lang, id)), csrf_field(c), before_fields("item", stored),
      e(tr("calendar_edit.delete", c.lang)));
  return item_form_page(c, k, item->title.shown(c.lang), item_href(c.lang, id), v,
                        "<input type=\"hidden\" name=\"do\" value=\"save\">" + before_fields("item", stored), nullptr, del, 200,
                        item_href(c.other(), id));
}

}  // namespace

std::string calendar_edit_link(const Ctx& c, int year, const std::string& municipality) {
  if (!may_edit_calendar(*c.viewer.user)) return "";
  return fmt::format("<p class=\"actions\"><a href=\"{}\">{}</a></p>\n", e(edit_href(c.lang, {municipality, year})),
                     e(tr("calendar_edit.link", c.lang)));
}

std::optional<http::Response> route_calendar_edit(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() < 3 || parts[1] != "calendar" || parts[2] != "edit") return std::nullopt;
  if (!may_edit_calendar(*c.viewer.user)) return forbidden(c);
  if (parts.size() == 4) return item_page(c, parts[3]);
  const Dataset& d = c.app().d;
  Clock k{c.q("municipality", d.primary().id), 0};
  if (std::none_of(d.municipalities.begin(), d.municipalities.end(), [&](const Municipality& m) { return m.id == k.muni; })) return not_found(c);
  auto year = year_param(c.req, today().year);
  if (!year) return bad_request(c.lang);
  k.year = *year;
  return overview(c, k);
}

}  // namespace toteuma::web
