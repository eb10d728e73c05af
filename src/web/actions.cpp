#include "web/actions.h"

#include <fmt/format.h>

#include "ingest/dataset_files.h"
#include "ingest/fields.h"

#include <algorithm>
#include <mutex>

#include "core/access.h"
#include "core/i18n.h"
#include "core/text.h"
#include "document/builder.h"
#include "document/template.h"
#include "render/document_output.h"
#include "render/pdf.h"

namespace toteuma::web {

namespace {

const Goal* goal_of(const Dataset& d, const std::string& id) {
  for (const auto& g : d.goals.goals)
    if (g.id == id) return &g;
  return nullptr;
}

const Metric* metric_of(const Dataset& d, const std::string& id) {
  for (const auto& m : d.goals.metrics)
    if (m.id == id) return &m;
  return nullptr;
}

int int_or_zero(const std::string& s) {
  auto y = s.size() == 4 && s.find_first_not_of("0123456789") == std::string::npos ? std::stoi(s) : 0;
  return y;
}

}  // namespace

ChangeScope scope_of(const Dataset& d, const Change& ch) {
  auto k = split_nonempty(ch.key, '/');
  if (ch.entity == "figure" && k.size() == 3) {
    const Scenario* s = d.scenario(k[2]);
    return {k[0], s ? s->year : 0};
  }
  if (ch.entity == "narrative" && k.size() == 4) return {k[0], int_or_zero(k[1])};
  if (ch.entity == "realisation" && k.size() == 3) {
    const Goal* g = goal_of(d, k[0]);
    return {g ? g->unit : "", int_or_zero(k[1])};
  }
  if (ch.entity == "goal" && k.size() == 2) {
    const Goal* g = goal_of(d, k[0]);
    return {g ? g->unit : "", g ? g->year : 0};
  }
  if (ch.entity == "metric_value" && k.size() == 2) {
    const Metric* m = metric_of(d, k[0]);
    const Goal* g = m ? goal_of(d, m->goal) : nullptr;
    return {g ? g->unit : "", k[1].size() >= 4 ? int_or_zero(k[1].substr(0, 4)) : 0};
  }
  return {};
}

bool may_apply(const Dataset& d, const User& u, const Change& ch) {
  if (ch.entity == "figure" || ch.entity == "scenario") return may_edit_figures(u);
  ChangeScope sc = scope_of(d, ch);
  if (sc.unit.empty() || sc.year == 0) return is_admin(u);  // unknown key: the store will refuse it
  auto k = split_nonempty(ch.key, '/');
  if (ch.entity == "narrative" || ch.entity == "realisation") {
    auto lang = parse_lang(k.back());
    return lang && may_edit_text(u, d, sc.unit, sc.year, *lang);
  }
  // A goal's wording is the unit's goal (docs/USERS.md), in either language: not a translator's text.
  if (ch.entity == "goal" || ch.entity == "metric_value") return may_edit_goals(u, d, sc.unit, sc.year);
  return false;
}

// One validation for every door: what an edit leaves must load as a dataset folder would
// (ingest/dataset_files), or the edit is refused inside its transaction.
void check_as_loaded(const Dataset& d) {
  try {
    validate_as_loaded(d);
  } catch (const InputError& e) {
    // The loader speaks three languages at once; the reader gets theirs ({3} Finnish, {4} Swedish).
    Text says = fields::m3_reader_parts(e.message).value_or(Text{e.message, e.message});
    throw StoreError(msg("err.invalid_state_at", e.file, e.line, e.column, says.fi, says.sv));
  }
}

ActionResult apply_changes(AppState& state, const User& u, const std::vector<Change>& changes) {
  std::lock_guard write(state.write_mutex());
  auto snap = state.snapshot();
  for (const Change& ch : changes)
    if (!may_apply(snap->d, u, ch)) return {Outcome::forbidden, {}, ch, std::nullopt};
  try {
    state.with_workplace([&](WorkplaceStore& w) {
      w.apply(u.id, changes, check_as_loaded);
      // An edit reopens the documents it shows in: the unit's and every ancestor's of that year.
      for (const Change& ch : changes) {
        ChangeScope sc = scope_of(snap->d, ch);
        if (sc.unit.empty() || sc.year == 0) continue;
        for (int y : {sc.year - 1, sc.year, sc.year + 1}) {  // budget of Y+1 and report of Y both show year Y
          OrgView org = snap->d.org_on(Date::last_of_year(y));
          std::string unit = sc.unit;
          for (int depth = 0; !unit.empty() && depth < 32; ++depth) {
            w.reset_sections(u.id, unit, y);
            const UnitVersion* v = org.find(unit);
            unit = v ? v->parent : "";
          }
        }
      }
    });
  } catch (const StaleChange& e) {
    return {Outcome::stale, e.message, e.change, e.current};
  } catch (const StoreError& e) {
    return {Outcome::invalid, e.message, {}, std::nullopt};
  }
  state.reload();
  return {};
}

std::optional<std::string> current_value(AppState& state, const std::string& entity, const std::string& key) {
  return state.with_workplace([&](WorkplaceStore& w) { return w.current(entity, key); });
}

// ---- review and publication -------------------------------------------------------------------------

namespace {

// The document as it stands, in both languages and every format but PDF (printed on first request).
std::vector<VersionFile> render_version(const Snapshot& s, const std::string& kind, const std::string& unit, int year) {
  std::vector<VersionFile> files;
  for (Lang l : {Lang::fi, Lang::sv}) {
    doc::Document d = build_document(s.ledger, template_for(s.d, kind), {unit, year, l, today()});
    for (const char* f : {"html", "docx", "xlsx"}) files.push_back({std::string(lang_code(l)), f, render_document(d, f)});
  }
  return files;
}

}  // namespace

bool known_document_kind(const std::string& kind) {
  return std::find(document_kinds().begin(), document_kinds().end(), kind) != document_kinds().end();
}

std::vector<ReviewSection> review_sections(AppState& state, const Snapshot& snap, const std::string& kind, const std::string& unit,
                                           int year, Lang lang, std::string* title) {
  doc::Document docu = build_document(snap.ledger, template_for(snap.d, kind), {unit, year, lang, today()});
  if (title) *title = docu.title;
  auto statuses = state.with_workplace([&](WorkplaceStore& w) { return w.section_statuses(kind, unit, year); });
  std::vector<ReviewSection> out;
  for (const auto& s : docu.sections) {
    if (s.level > 2) continue;
    ReviewSection r{s.id, s.heading, SectionState::draft, "", ""};
    for (const auto& st : statuses)
      if (st.section == s.id) {
        r.state = st.state;
        r.by = st.by;
        r.at = st.at;
      }
    out.push_back(std::move(r));
  }
  return out;
}

ActionResult set_section_state(AppState& state, const User& u, const std::vector<ReviewSection>& sections, const std::string& kind,
                               const std::string& unit, int year, const std::string& section, SectionState to) {
  const ReviewSection* sec = nullptr;
  for (const auto& s : sections)
    if (s.id == section) sec = &s;
  if (!sec) return {Outcome::invalid, msg("err.no_section", section), {}, std::nullopt};
  bool allowed = to == SectionState::approved || sec->state == SectionState::approved
                     ? may_approve(u) : may_mark_ready(u, state.snapshot()->d, unit, year);
  if (!allowed) return {Outcome::forbidden, {}, {}, std::nullopt};
  state.with_workplace([&](WorkplaceStore& w) { w.set_section_state(u.id, SectionStatus{kind, unit, year, section, to, u.id, ""}); });
  return {};
}

ActionResult freeze_version(AppState& state, const User& u, const std::vector<ReviewSection>& sections, const std::string& kind,
                            const std::string& unit, int year, DocumentVersion* frozen) {
  if (!may_approve(u)) return {Outcome::forbidden, {}, {}, std::nullopt};
  for (const auto& s : sections)
    if (s.state != SectionState::approved)
      return {Outcome::not_approved, msg("api.not_approved", s.id), {}, std::nullopt};
  std::lock_guard write(state.write_mutex());  // no edit slips in between render and freeze
  auto snap = state.snapshot();
  auto files = render_version(*snap, kind, unit, year);
  DocumentVersion v = state.with_workplace([&](WorkplaceStore& w) { return w.freeze(u.id, kind, unit, year, std::move(files)); });
  if (frozen) *frozen = std::move(v);
  return {};
}

ActionResult publish_version(AppState& state, const User& u, std::int64_t version_id) {
  if (!may_approve(u)) return {Outcome::forbidden, {}, {}, std::nullopt};
  try {
    state.with_workplace([&](WorkplaceStore& w) { w.publish(u.id, version_id); });
  } catch (const StoreError& e) {
    return {Outcome::invalid, e.message, {}, std::nullopt};
  }
  return {};
}

std::optional<VersionBytes> version_file(AppState& state, std::int64_t id, const std::string& lang, const std::string& format,
                                         bool published_only) {
  auto v = state.with_workplace([&](WorkplaceStore& w) { return w.version(id); });
  if (!v || (published_only && v->published_at.empty())) return std::nullopt;
  auto find = [&](const std::string& f) -> const VersionFile* {
    for (const auto& file : v->files)
      if (file.lang == lang && file.format == f) return &file;
    return nullptr;
  };
  VersionBytes out;
  if (const VersionFile* file = find(format)) {
    out.bytes = file->bytes;
  } else if (format == "pdf" && find("html")) {
    std::string html = find("html")->bytes;
    out.bytes = render_pdf([&](const AnchorPages&) { return html; });
    state.with_workplace([&](WorkplaceStore& w) { w.add_version_file(id, {lang, "pdf", out.bytes}); });
  } else {
    return std::nullopt;
  }
  v->files.clear();
  out.version = std::move(*v);
  return out;
}

}  // namespace toteuma::web
