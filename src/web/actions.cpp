#include "web/actions.h"

#include <fmt/format.h>

#include "ingest/dataset_files.h"
#include "ingest/fields.h"

#include <algorithm>
#include <mutex>

#include <fmt/format.h>

#include "check/dataset_checks.h"
#include "core/budgeting/budget_round.h"
#include "core/budgeting/proposal.h"
#include "core/workplace/access.h"
#include "core/workplace/comment.h"
#include "core/i18n.h"
#include "core/text.h"
#include "document/builder.h"
#include "document/changed_sections.h"
#include "document/commentary.h"
#include "document/template.h"
#include "render/document_output.h"
#include "render/pdf.h"
#include "web/context.h"
#include "web/goal_rights.h"

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

namespace {

// A unit's proposal in a budget round (core/budgeting/proposal.h), judged on the snapshot taken
// under the write lock: only versions the units edit; figures and justifications by the unit's
// editor while the proposal (and those above the unit) is a draft or returned; the state moved as proposal_move_allowed says.
bool may_apply_proposal(const Dataset& d, const User& u, const Change& ch) {
  auto k = split_nonempty(ch.key, '/');
  const BudgetVersion* v = k.size() >= 2 ? find_version(d, k[0]) : nullptr;
  if (!v || !v->adopted.empty()) return is_admin(u);  // unknown: the store refuses it
  // A stage finance edits (the frame, the consolidation, the proposals, the decision): its figures
  // are finance's, set on the round page (web/round_page.cpp).
  bool figure = ch.entity == "version_figure" || ch.entity == "version_htv";
  if (!has_unit_proposals(d, *v)) return figure && stage_editors(d, *v) == "finance" ? may_edit_figures(u) : is_admin(u);
  UnitProposal now = proposal_of(d, v->id, k[1]);
  bool unit_side = may_propose(u, d, k[1], v->year);
  // A figure of an area is locked by its binding unit's submitted proposal too (proposal_open_at).
  if (ch.entity != "proposal") return unit_side && proposal_open_at(d, *v, k[1]);
  if (!unit_side && !may_edit_figures(u)) return false;
  // Moved meanwhile: the store refuses the change as stale (409, showing the state now).
  bool recorded = std::any_of(d.budgeting.proposals.begin(), d.budgeting.proposals.end(),
                              [&](const UnitProposal& p) { return p.version == now.version && p.unit == now.unit; });
  if (ch.before != (recorded ? std::optional(encode_proposal(now.state, now.comment)) : std::nullopt)) return true;
  auto to = ch.after ? decode_proposal(*ch.after) : std::optional<ProposalValue>(ProposalValue{});  // none: a draft
  if (!to) return false;
  if (ch.after == ch.before) return true;  // a guard that the state is unchanged
  return (unit_side && proposal_move_allowed(now.state, *to, ProposalActor::unit)) ||
         (may_edit_figures(u) && proposal_move_allowed(now.state, *to, ProposalActor::finance));
}

// A proposal submitted by these changes, as the write leaves it, lacking the justifications its
// stage's rule asks for (core/budgeting/proposal.h): refused inside the write's transaction.
void refuse_unjustified_submission(const Dataset& written, const std::vector<Change>& changes) {
  for (const Change& ch : changes) {
    if (ch.entity != "proposal" || !ch.after || ch.after == ch.before) continue;
    auto to = decode_proposal(*ch.after);
    auto k = split_nonempty(ch.key, '/');
    if (!to || to->state != ProposalState::submitted || k.size() != 2) continue;
    if (auto refusal = submission_refusal(written, k[0], k[1])) throw StoreError(*refusal);
  }
}

// A council group's alternative budget (core/budgeting/alternative.h): only the group's members
// write it, while the version it changes is not adopted; an alternative stays its group's.
bool may_apply_alternative(const Dataset& d, const User& u, const Change& ch) {
  auto k = split_nonempty(ch.key, '/');
  if (k.empty()) return false;
  const BudgetAlternative* stored = find_alternative(d, k[0]);
  auto open = [&](const std::string& version) {
    const BudgetVersion* v = find_version(d, version);
    return v && v->adopted.empty();
  };
  if (ch.entity != "alternative") return stored && open(stored->version) && may_edit_alternative(u, stored->group);
  if (stored && (!open(stored->version) || !may_edit_alternative(u, stored->group))) return false;
  if (!ch.after) return stored != nullptr;
  auto after = decode_alternative(k[0], *ch.after);
  if (!after) return false;
  if (stored && (after->group != stored->group || after->version != stored->version)) return false;
  return open(after->version) && may_edit_alternative(u, after->group);
}

}  // namespace

ChangeScope scope_of(const Dataset& d, const Change& ch) {
  auto k = split_nonempty(ch.key, '/');
  if (ch.entity == "figure" && k.size() == 3) {
    const Scenario* s = d.scenario(k[2]);
    return {k[0], s ? s->year : 0};
  }
  if ((ch.entity == "narrative" || ch.entity == "narrative_origin") && k.size() == 4) return {k[0], int_or_zero(k[1])};
  if (ch.entity == "spending_plan" && k.size() == 3) return {k[1], int_or_zero(k[0])};
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
  if (ch.entity == "version_figure" || ch.entity == "version_htv" || ch.entity == "proposal_note" || ch.entity == "proposal")
    return may_apply_proposal(d, u, ch);
  if (ch.entity == "alternative" || ch.entity == "alternative_change" || ch.entity == "alternative_note") return may_apply_alternative(d, u, ch);
  // A spending plan row is a figure of the budget's follow-up: whoever edits figures (docs/USERS.md).
  if (ch.entity == "spending_plan") return may_edit_figures(u);
  if (ch.entity == "calendar_item") return may_edit_calendar(u);  // admin: the annual clock (admin, finance)
  if (is_goal_record(ch.entity)) return may_apply_goal_record(d, u, ch);  // web/goal_rights.h
  ChangeScope sc = scope_of(d, ch);
  if (sc.unit.empty() || sc.year == 0) return is_admin(u);  // unknown key: the store will refuse it
  auto k = split_nonempty(ch.key, '/');
  if (ch.entity == "narrative" || ch.entity == "narrative_origin" || ch.entity == "realisation") {
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
    throw StoreError(input_error_message(e));
  }
}

Msg input_error_message(const InputError& e, const char* key) {
  // The loader speaks three languages at once; the reader gets theirs ({3} Finnish, {4} Swedish).
  Text says = fields::m3_reader_parts(e.message).value_or(Text{e.message, e.message});
  return msg(key, e.file, e.line, e.column, says.fi, says.sv);
}

ActionResult apply_changes(AppState& state, const User& u, const std::vector<Change>& changes) {
  std::lock_guard write(state.write_mutex());
  auto snap = state.snapshot();
  for (const Change& ch : changes)
    if (!may_apply(snap->d, u, ch)) return {Outcome::forbidden, {}, ch, std::nullopt, {}, 0};
  try {
    // The sections the edit changed go back to draft in the edit's own transaction.
    state.with_workplace([&](WorkplaceStore& w) {
      auto check = [&](const Dataset& written) {
        check_as_loaded(written);
        refuse_unjustified_submission(written, changes);
      };
      w.apply(u.id, changes, check, [&](const Dataset& written, const std::vector<SectionStatus>& reviewed) {
        return changed_sections(snap->ledger, written, reviewed);
      });
    });
  } catch (const StaleChange& e) {
    return {Outcome::stale, e.message, e.change, e.current, {}, 0};
  } catch (const StoreError& e) {
    return result(Outcome::invalid, e.message);
  }
  state.reload();
  return {};
}

std::optional<std::string> current_value(AppState& state, const std::string& entity, const std::string& key) {
  return state.with_workplace([&](WorkplaceStore& w) { return w.current(entity, key); });
}

// ---- review and publication -------------------------------------------------------------------------

namespace {

// The document as it stands, in both languages.
std::vector<doc::Document> build_both(const Snapshot& s, const std::string& kind, const std::string& unit, int year) {
  std::vector<doc::Document> out;
  DocTemplate t = template_for(s.d, kind);
  for (Lang l : {Lang::fi, Lang::sv}) out.push_back(build_document(s.ledger, t, {unit, year, l, today()}));
  return out;
}

// Every format but PDF (printed after the freeze on a background thread: print_version_pdfs).
std::vector<VersionFile> render_version(const std::vector<doc::Document>& docs) {
  std::vector<VersionFile> files;
  for (const auto& d : docs)
    for (const char* f : {"html", "docx", "xlsx"}) files.push_back({std::string(lang_code(d.lang)), f, render_document(d, f)});
  return files;
}

// The drafted texts the documents show, each once with its languages; headings of the first
// document's review sections.
std::vector<DraftText> drafted_texts(const std::vector<doc::Document>& docs) {
  std::vector<DraftText> out;
  for (const auto& d : docs) {
    std::string heading;
    for (const auto& s : d.sections) {
      if (s.level <= 2) heading = s.heading;
      for (const auto& b : s.blocks) {
        const auto* n = std::get_if<doc::Notice>(&b);
        if (!n || n->draft.empty()) continue;
        auto slash = n->draft.rfind('/');
        DraftText t{n->draft.substr(0, slash), n->draft.substr(slash + 1), heading, {}};
        auto same = std::find_if(out.begin(), out.end(), [&](const DraftText& x) { return x.unit == t.unit && x.section == t.section; });
        if (same == out.end()) same = out.insert(out.end(), t);
        if (std::find(same->langs.begin(), same->langs.end(), d.lang) == same->langs.end()) same->langs.push_back(d.lang);
      }
    }
  }
  return out;
}

}  // namespace

int document_check_errors(const Snapshot& snap, const std::string& kind, const std::string& unit, int year) {
  DocTemplate t = template_for(snap.d, kind);
  OrgView org = snap.d.org_on(t.org_date == "start" ? Date{year, 1, 1} : Date{year, 12, 31});
  int n = 0;
  for (const Finding& f : findings_of_unit(snap.findings, org, unit))
    if (f.severity == Severity::error && (!f.where.year || *f.where.year == year)) ++n;
  return n;
}

std::string narrative_name(const std::string& section, Lang lang) {
  const std::string& t = tr("web.narrative." + section, lang);
  return t == "[missing text]" ? section : t;
}

std::string drafts_list(const Dataset& d, const std::vector<DraftText>& drafts, Lang lang) {
  std::string list;
  for (const auto& t : drafts) {
    const UnitVersion* u = latest_version(d, t.unit);
    std::string langs;
    for (Lang l : t.langs) langs += (langs.empty() ? "" : ", ") + std::string(lang_code(l));
    list += fmt::format("{}{} – {} ({})", list.empty() ? "" : "; ", u ? u->name.shown(lang) : t.unit, narrative_name(t.section, lang), langs);
  }
  return list;
}

std::string drafts_message(const Dataset& d, const std::vector<DraftText>& drafts, Lang lang) {
  return fmt::format(fmt::runtime(tr("web.freeze_drafts", lang)), drafts_list(d, drafts, lang));
}

std::string computed_draft(const Snapshot& snap, const std::string& unit, int year, const std::string& section, Lang lang) {
  if (section != "commentary") return "";
  return draft_commentary(snap.ledger, commentary_rules_for(snap.d), unit, year, lang);
}

std::vector<Change> accept_draft(const std::string& narrative_key, const std::string& markdown, bool stored) {
  if (!stored) return {Change{"narrative", narrative_key, std::nullopt, markdown}};
  return {Change{"narrative", narrative_key, markdown, markdown}, Change{"narrative_origin", narrative_key, "draft", "person"}};
}

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
    ReviewSection r{s.id, s.heading, SectionState::draft, "", "", ""};
    for (const auto& st : statuses)
      if (st.section == s.id) {
        r.state = st.state;
        r.by = st.by;
        r.at = st.at;
        r.reopened_by = st.reopened_by;
      }
    out.push_back(std::move(r));
  }
  return out;
}

ActionResult set_section_state(AppState& state, const User& u, const std::vector<ReviewSection>& sections, const std::string& kind,
                               const std::string& unit, int year, const std::string& section, SectionState to,
                               const std::string& comment) {
  const ReviewSection* sec = nullptr;
  for (const auto& s : sections)
    if (s.id == section) sec = &s;
  if (!sec) return result(Outcome::invalid, msg("err.no_section", section));
  bool allowed = to == SectionState::approved || sec->state == SectionState::approved
                     ? may_approve(u) : may_mark_ready(u, state.snapshot()->d, unit, year);
  if (!allowed) return result(Outcome::forbidden);
  bool blank = comment.find_first_not_of(" \t\r\n") == std::string::npos;
  std::string said = to == SectionState::draft && !blank && may_comment(u) ? comment : "";
  try {
    state.with_workplace([&](WorkplaceStore& w) { w.set_section_state(u.id, SectionStatus{kind, unit, year, section, to, u.id, "", ""}, said); });
  } catch (const StoreError& e) {
    return result(Outcome::invalid, e.message);
  }
  return {};
}

ActionResult freeze_version(AppState& state, const User& u, const std::vector<ReviewSection>& sections, const std::string& kind,
                            const std::string& unit, int year, const std::string& reason, DocumentVersion* frozen) {
  if (!may_approve(u)) return result(Outcome::forbidden);
  for (const auto& s : sections)
    if (s.state != SectionState::approved)
      return result(Outcome::not_approved, msg("api.not_approved", s.id));
  std::lock_guard write(state.write_mutex());  // no edit slips in between render and freeze
  auto snap = state.snapshot();
  auto docs = build_both(*snap, kind, unit, year);
  // Publishing means reviewed: no text goes out that only Toteuma wrote.
  if (auto drafts = drafted_texts(docs); !drafts.empty()) return {Outcome::drafts, {}, {}, std::nullopt, std::move(drafts), 0};
  int errors = document_check_errors(*snap, kind, unit, year);
  bool blank = reason.find_first_not_of(" \t\r\n") == std::string::npos;
  if (errors > 0 && blank) return {Outcome::reason_required, {}, {}, std::nullopt, {}, errors};
  auto files = render_version(docs);
  DocumentVersion v = state.with_workplace(
      [&](WorkplaceStore& w) { return w.freeze(u.id, kind, unit, year, std::move(files), errors, errors > 0 ? reason : ""); });
  if (frozen) *frozen = std::move(v);
  return {};
}

ActionResult publish_version(AppState& state, const User& u, std::int64_t version_id) {
  if (!may_approve(u)) return result(Outcome::forbidden);
  try {
    state.with_workplace([&](WorkplaceStore& w) { w.publish(u.id, version_id); });
  } catch (const StoreError& e) {
    return result(Outcome::invalid, e.message);
  }
  return {};
}

std::optional<VersionBytes> version_file(AppState& state, std::int64_t id, const std::string& lang, const std::string& format,
                                         bool published_only, bool print) {
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
  } else if (format == "pdf" && find("html") && !print) {
    out.needs_print = true;
  } else if (format == "pdf" && find("html")) {
    std::string html = find("html")->bytes;
    out.bytes = render_pdf_of(html);
    state.with_workplace([&](WorkplaceStore& w) { w.add_version_file(id, {lang, "pdf", out.bytes}); });
  } else {
    return std::nullopt;
  }
  v->files.clear();
  out.version = std::move(*v);
  return out;
}

void print_version_pdfs(AppState& state, std::int64_t id) {
  for (const char* lang : {"fi", "sv"}) {
    try {
      version_file(state, id, lang, "pdf", false, true);
    } catch (const std::exception& e) {
      fmt::print(stderr, "toteuma: the PDF ({}) of version {} was not printed at freeze time: {}\n", lang, id, e.what());
    }
  }
}

}  // namespace toteuma::web
