#include <fmt/format.h>
#include <fmt/ranges.h>

#include <optional>

#include "core/text.h"
#include "core/workplace/translation.h"
#include "store/migrations.h"
#include "store/dataset_read.h"
#include "store/budgeting_rows.h"
#include "store/spending_rows.h"
#include "store/calendar_rows.h"
#include "store/translation_rows.h"
#include "store/investment_rows.h"
#include "store/audit_rows.h"
#include "store/sql_db.h"
#include "store/store.h"

namespace toteuma {

namespace {

Date date_of(const std::string& iso) {
  auto d = parse_iso_date(iso);
  if (!d) throw StoreError("corrupt date in database: " + iso);
  return *d;
}

class SqlStore final : public Store {
 public:
  // A store over another store's open connection (already migrated), e.g. to read the dataset
  // inside that connection's transaction.
  explicit SqlStore(sql::Db& borrowed) : db_(borrowed) {}

  explicit SqlStore(const std::string& path) : own_(std::in_place, path), db_(*own_) {
    db_.pragma("journal_mode=WAL");
    db_.pragma("foreign_keys=ON");
    db_.pragma("synchronous=NORMAL");
    migrate();
  }

  int schema_version() override {
    auto st = db_.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migration");
    st.step();
    return static_cast<int>(st.int64(0));
  }

  bool empty() override {
    auto st = db_.prepare("SELECT COUNT(*) FROM municipality");
    st.step();
    return st.int64(0) == 0;
  }

  Dataset read() override {
    Dataset d;
    // One read transaction so the parts are from the same moment.
    sql::Transaction tx(db_);
    {
      auto st = db_.prepare(
          "SELECT id, code, name_fi, name_sv, languages, primary_language FROM municipality ORDER BY position");
      while (st.step()) {
        Municipality m;
        m.id = st.text(0);
        m.code = st.text(1);
        m.name = {st.text(2), st.text(3)};
        for (const auto& l : split_nonempty(st.text(4), ','))
          if (auto lang = parse_lang(l)) m.languages.push_back(*lang);
        m.primary = parse_lang(st.text(5)).value_or(Lang::fi);
        d.municipalities.push_back(std::move(m));
      }
    }
    {
      std::vector<Line> lines;
      auto st = db_.prepare(
          "SELECT id, kind, show, name_fi, name_sv, synonyms_fi, synonyms_sv, formula, parts FROM chart_line ORDER BY position");
      while (st.step()) {
        Line l;
        bool ok = true;
        l.id = st.text(0);
        l.kind = parse_line_kind(st.text(1), ok);
        l.show = parse_line_show(st.text(2), ok);
        l.name = {st.text(3), st.text(4)};
        l.synonyms_fi = split_nonempty(st.text(5), '|');
        l.synonyms_sv = split_nonempty(st.text(6), '|');
        l.formula = parse_formula(st.text(7), ok);
        l.parts = parse_parts(st.text(8), ok);
        if (l.parts == 0) l.parts = default_parts(l.kind);
        lines.push_back(std::move(l));
      }
      d.chart = Chart(std::move(lines));
    }
    {
      auto st = db_.prepare("SELECT account_from, account_to, line_id FROM account_range ORDER BY account_from");
      while (st.step())
        d.accounts.push_back({static_cast<int>(st.int64(0)), static_cast<int>(st.int64(1)), st.text(2)});
    }
    {
      auto st = db_.prepare(
          "SELECT id, valid_from, valid_to, parent_id, kind, name_fi, name_sv, responsible_fi, responsible_sv, "
          "binding_line FROM unit_version");
      while (st.step()) {
        UnitVersion u;
        u.id = st.text(0);
        u.valid_from = date_of(st.text(1));
        if (auto t = st.opt_text(2)) u.valid_to = date_of(*t);
        u.parent = st.opt_text(3).value_or("");
        u.kind = parse_unit_kind(st.text(4)).value_or(UnitKind::cost_center);
        u.name = {st.text(5), st.text(6)};
        u.responsible = {st.text(7), st.text(8)};
        u.binding_line = st.opt_text(9).value_or("");
        d.units.push_back(std::move(u));
      }
    }
    {
      auto st = db_.prepare(
          "SELECT id, kind, year, base_year, name_fi, name_sv, decision_ref, decision_date, municipality_id FROM scenario");
      while (st.step()) {
        Scenario s;
        s.id = st.text(0);
        s.kind = parse_scenario_kind(st.text(1)).value_or(ScenarioKind::budget);
        s.year = static_cast<int>(st.int64(2));
        if (auto b = st.opt_int64(3)) s.base_year = static_cast<int>(*b);
        s.name = {st.text(4), st.text(5)};
        s.decision_ref = st.text(6);
        if (auto t = st.opt_text(7)) s.decision_date = date_of(*t);
        s.municipality = st.opt_text(8);
        d.scenarios.push_back(std::move(s));
      }
    }
    {
      auto st = db_.prepare("SELECT unit_id, line_id, scenario_id, amount_cents FROM figure");
      while (st.step()) d.figures.push_back({st.text(0), st.text(1), st.text(2), st.int64(3)});
    }
    read_personnel(d);
    read_goals(d);
    read_texts(d);
    read_calendar(d);
    read_phasing(d);
    read_investments(db_, d.investments);
    read_budgeting(db_, d.budgeting);
    read_spending_plan(db_, d.spending_plan);
    read_key_figures(d);
    tx.commit();
    infer_scenario_municipalities(d);
    record_sources(d);
    canonicalize(d);
    return d;
  }

  std::int64_t last_audit_id() override {
    auto st = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM audit_entry");
    st.step();
    return st.int64(0);
  }

  std::int64_t last_data_audit_id() override {
    sql::CachedStmt st(db_, last_data_audit_id_sql);
    return st->step() ? st->int64(0) : 0;
  }

  void replace(const Dataset& d, const ReplaceOptions& how) override {
    sql::Transaction tx(db_);
    if (how.unchanged_since && last_audit_id() != *how.unchanged_since)
      throw StoreError(
          "the database was changed meanwhile (a web edit); nothing was loaded, run the command again / tietokantaa muutettiin "
          "samaan aikaan, mitään ei ladattu: aja komento uudelleen / databasen ändrades samtidigt, inget laddades: kör kommandot igen");
    delete_investments(db_);  // before the scenarios its figures reference
    replace_budgeting(db_, {});  // before the units, lines and municipalities it references
    replace_spending_plan(db_, {});
    for (const char* t : {"key_figure", "municipality_year", "phasing", "calendar_item", "figure", "scenario", "unit_version", "account_range", "chart_line", "municipality", "htv",
                          "headcount", "retirement", "average_age", "training", "survey", "survey_item",
                          "personnel_group", "employment_type", "restructuring", "review_item", "review", "realisation",
                          "metric_value", "metric", "goal_action", "goal", "theme_number", "theme", "goal_rule",
                          "narrative", "document_template"})
      db_.exec(std::string("DELETE FROM ") + t);  // fixed table names, no input
    {
      auto st = db_.prepare(
          "INSERT INTO municipality (id, code, name_fi, name_sv, languages, primary_language, position) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)");
      std::int64_t position = 0;
      for (const Municipality& m : d.municipalities) {
        std::vector<std::string> langs;
        for (Lang l : m.languages) langs.emplace_back(lang_code(l));
        st.bind(1, m.id)
            .bind(2, m.code)
            .bind(3, m.name.fi)
            .bind(4, m.name.sv)
            .bind(5, fmt::format("{}", fmt::join(langs, ",")))
            .bind(6, lang_code(m.primary))
            .bind(7, position++)
            .run();
      }
    }
    {
      auto st = db_.prepare("INSERT INTO chart_line (id, position, kind, show, name_fi, name_sv, synonyms_fi, synonyms_sv, formula, parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      std::int64_t pos = 0;
      for (const auto& l : d.chart.lines())
        st.bind(1, l.id)
            .bind(2, pos++)
            .bind(3, to_string(l.kind))
            .bind(4, to_string(l.show))
            .bind(5, l.name.fi)
            .bind(6, l.name.sv)
            .bind(7, fmt::format("{}", fmt::join(l.synonyms_fi, "|")))
            .bind(8, fmt::format("{}", fmt::join(l.synonyms_sv, "|")))
            .bind(9, to_string(l.formula))
            .bind(10, parts_to_string(l.parts))
            .run();
    }
    {
      auto st = db_.prepare("INSERT INTO account_range VALUES (?, ?, ?)");
      for (const auto& a : d.accounts)
        st.bind(1, std::int64_t{a.from}).bind(2, std::int64_t{a.to}).bind(3, a.line).run();
    }
    {
      auto st = db_.prepare("INSERT INTO unit_version VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      for (const auto& u : d.units)
        st.bind(1, u.id)
            .bind(2, to_iso(u.valid_from))
            .bind(3, u.valid_to ? std::optional<std::string>(to_iso(*u.valid_to)) : std::nullopt)
            .bind(4, u.parent.empty() ? std::nullopt : std::optional<std::string>(u.parent))
            .bind(5, to_string(u.kind))
            .bind(6, u.name.fi)
            .bind(7, u.name.sv)
            .bind(8, u.responsible.fi)
            .bind(9, u.responsible.sv)
            .bind(10, u.binding_line.empty() ? std::nullopt : std::optional<std::string>(u.binding_line))
            .run();
    }
    {
      auto st = db_.prepare(
          "INSERT INTO scenario (id, kind, year, base_year, name_fi, name_sv, decision_ref, decision_date, municipality_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      for (const auto& s : d.scenarios)
        st.bind(1, s.id)
            .bind(2, to_string(s.kind))
            .bind(3, std::int64_t{s.year})
            .bind(4, s.base_year ? std::optional<std::int64_t>(*s.base_year) : std::nullopt)
            .bind(5, s.name.fi)
            .bind(6, s.name.sv)
            .bind(7, s.decision_ref)
            .bind(8, s.decision_date ? std::optional<std::string>(to_iso(*s.decision_date)) : std::nullopt)
            .bind(9, s.municipality)
            .run();
    }
    {
      auto st = db_.prepare("INSERT INTO figure VALUES (?, ?, ?, ?)");
      for (const auto& f : d.figures) st.bind(1, f.unit).bind(2, f.line).bind(3, f.scenario).bind(4, f.amount).run();
    }
    write_personnel(d);
    write_goals(d);
    write_texts(d);
    write_calendar(d);
    write_phasing(d);
    replace_investments(db_, d.investments);
    replace_budgeting(db_, d.budgeting);
    replace_spending_plan(db_, d.spending_plan);
    write_key_figures(d);
    if (how.audit) {
      insert_audit(db_, *how.audit);
      const Actor by{how.audit->user, how.audit->via};
      if (how.reopen_sections)
        reopen_all_sections(db_, by);
      else if (how.changed)
        if (auto reviewed = reviewed_sections(db_); !reviewed.empty())
          reopen_changed_sections(db_, by, how.changed(d, reviewed), how.audit->entity + " " + how.audit->key);
    }
    tx.commit();
  }

  void save_narratives(const std::vector<Narrative>& texts, const Actor* by) override {
    sql::Transaction tx(db_);
    // A person's text is never replaced by a draft: the WHERE of the upsert enforces it.
    auto st = db_.prepare(
        "INSERT INTO narrative VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (unit_id, year, section, lang) DO UPDATE SET "
        "origin = excluded.origin, markdown = excluded.markdown WHERE excluded.origin = 'person' OR narrative.origin = 'draft'");
    auto now = db_.prepare("SELECT markdown FROM narrative WHERE unit_id = ? AND year = ? AND section = ? AND lang = ?");
    auto stored = [&](const Narrative& n) {
      now.bind(1, n.unit).bind(2, std::int64_t{n.year}).bind(3, n.section).bind(4, lang_code(n.lang));
      std::optional<std::string> text = now.step() ? std::optional<std::string>(now.text(0)) : std::nullopt;
      now.reset();
      return text;
    };
    for (const auto& n : texts) {
      keep_unrecorded_sources(db_, n.unit, n.year, n.section);
      auto before = by ? stored(n) : std::nullopt;
      bind_narrative(st, n).run();
      if (!by) continue;
      auto after = stored(n);
      if (after != before)
        insert_audit(db_, {0, "", by->user, "narrative",
                           fmt::format("{}/{}/{}/{}", n.unit, n.year, n.section, lang_code(n.lang)), before, after, n.unit,
                           by->via});
    }
    // Each translation saved was written against its source as the batch leaves it.
    for (const auto& n : texts) record_source(db_, n.unit, n.year, n.section, std::string(lang_code(n.lang)));
    tx.commit();
  }

 private:
  static sql::Stmt& bind_narrative(sql::Stmt& st, const Narrative& n) {
    return st.bind(1, n.unit)
        .bind(2, std::int64_t{n.year})
        .bind(3, n.section)
        .bind(4, lang_code(n.lang))
        .bind(5, n.origin == NarrativeOrigin::draft ? "draft" : "person")
        .bind(6, n.markdown)
        .bind(7, n.source_seen);
  }

  void read_key_figures(Dataset& d) {
    auto st = db_.prepare("SELECT id, name_fi, name_sv, unit, formula FROM key_figure ORDER BY position");
    while (st.step()) {
      KeyFigure k{st.text(0), {st.text(1), st.text(2)}, parse_key_unit(st.text(3)).value_or(KeyUnit::count), st.text(4), {}};
      k.formula = parse_key_formula(k.formula_text).formula.value_or(KeyFormula{});  // stored only after the loader's check
      d.key_figures.push_back(std::move(k));
    }
    auto years = db_.prepare("SELECT municipality_id, year, population, income_tax_rate FROM municipality_year");
    while (years.step())
      d.municipality_years.push_back({years.text(0), static_cast<int>(years.int64(1)), years.opt_int64(2), years.opt_int64(3)});
  }

  void write_key_figures(const Dataset& d) {
    auto st = db_.prepare("INSERT INTO key_figure VALUES (?, ?, ?, ?, ?, ?)");
    std::int64_t pos = 0;
    for (const auto& k : d.key_figures)
      st.bind(1, k.id).bind(2, pos++).bind(3, k.name.fi).bind(4, k.name.sv).bind(5, to_string(k.unit)).bind(6, k.formula_text).run();
    auto years = db_.prepare("INSERT INTO municipality_year VALUES (?, ?, ?, ?)");
    for (const auto& y : d.municipality_years)
      years.bind(1, y.municipality).bind(2, std::int64_t{y.year}).bind(3, y.population).bind(4, y.income_tax_rate).run();
  }

  void read_phasing(Dataset& d) {
    auto st = db_.prepare("SELECT unit_id, line_id, year, weights FROM phasing");
    while (st.step()) {
      Phasing p{st.text(0), st.text(1), static_cast<int>(st.int64(2)), {}};
      std::string w = st.text(3);
      std::size_t pos = 0;
      for (auto& x : p.weights) {
        std::size_t next = w.find(',', pos);
        x = std::stoll(w.substr(pos, next - pos));
        pos = next == std::string::npos ? w.size() : next + 1;
      }
      d.phasing.push_back(std::move(p));
    }
  }

  void write_phasing(const Dataset& d) {
    auto st = db_.prepare("INSERT INTO phasing VALUES (?, ?, ?, ?)");
    for (const auto& p : d.phasing)
      st.bind(1, p.unit).bind(2, p.line).bind(3, std::int64_t{p.year}).bind(4, fmt::format("{}", fmt::join(p.weights, ","))).run();
  }

  void read_calendar(Dataset& d) { read_calendar_items(db_, d.calendar); }

  void write_calendar(const Dataset& d) {
    for (const auto& c : d.calendar) insert_calendar_item(db_, c);
  }

  void read_texts(Dataset& d) {
    {
      auto st = db_.prepare("SELECT unit_id, year, section, lang, origin, markdown, source_seen FROM narrative");
      while (st.step())
        d.narratives.push_back({st.text(0), static_cast<int>(st.int64(1)), st.text(2),
                                parse_lang(st.text(3)).value_or(Lang::fi),
                                st.text(4) == "draft" ? NarrativeOrigin::draft : NarrativeOrigin::person, st.text(5),
                                st.opt_text(6)});
    }
    auto st = db_.prepare("SELECT kind, source FROM document_template");
    while (st.step()) d.templates.push_back({st.text(0), st.text(1)});
  }

  void write_texts(const Dataset& d) {
    {
      auto st = db_.prepare("INSERT INTO narrative VALUES (?, ?, ?, ?, ?, ?, ?)");
      for (const auto& n : d.narratives) bind_narrative(st, n).run();
    }
    auto st = db_.prepare("INSERT INTO document_template VALUES (?, ?)");
    for (const auto& t : d.templates) st.bind(1, t.kind).bind(2, t.toml).run();
  }

  void read_personnel(Dataset& d) {
    Personnel& p = d.personnel;
    for (auto [table, list] : {std::pair{"personnel_group", &p.groups}, std::pair{"employment_type", &p.employment_types}}) {
      auto st = db_.prepare(std::string("SELECT id, name_fi, name_sv FROM ") + table);  // fixed names
      while (st.step()) list->push_back({st.text(0), {st.text(1), st.text(2)}});
    }
    {
      auto st = db_.prepare("SELECT unit_id, year, kind, group_id, htv_milli FROM htv");
      while (st.step())
        p.htv.push_back({st.text(0), static_cast<int>(st.int64(1)), st.text(2), st.text(3), st.int64(4)});
    }
    {
      auto st = db_.prepare("SELECT unit_id, on_date, type_id, persons FROM headcount");
      while (st.step()) p.headcount.push_back({st.text(0), date_of(st.text(1)), st.text(2), st.int64(3)});
    }
    {
      auto st = db_.prepare("SELECT unit_id, year, persons FROM retirement");
      while (st.step()) p.retirements.push_back({st.text(0), static_cast<int>(st.int64(1)), st.int64(2)});
    }
    {
      auto st = db_.prepare("SELECT unit_id, year, age_tenths FROM average_age");
      while (st.step()) p.ages.push_back({st.text(0), static_cast<int>(st.int64(1)), st.int64(2)});
    }
    {
      auto st = db_.prepare("SELECT unit_id, year, days_hundredths, eligible_hundredths, compensation_cents FROM training");
      while (st.step())
        p.training.push_back({st.text(0), static_cast<int>(st.int64(1)), st.opt_int64(2), st.opt_int64(3), st.opt_int64(4)});
    }
    {
      auto st = db_.prepare("SELECT id, name_fi, name_sv, value_unit FROM survey_item");
      while (st.step()) p.survey_items.push_back({st.text(0), {st.text(1), st.text(2)}, st.text(3)});
    }
    {
      auto st = db_.prepare("SELECT unit_id, year, item_id, value_tenths FROM survey");
      while (st.step()) p.survey.push_back({st.text(0), static_cast<int>(st.int64(1)), st.text(2), st.int64(3)});
    }
    {
      auto st = db_.prepare(
          "SELECT change_date, old_unit, new_unit, share_milli, external, htv_milli, persons, note FROM restructuring "
          "ORDER BY position");
      while (st.step())
        d.restructurings.push_back({date_of(st.text(0)), st.text(1), st.opt_text(2).value_or(""), st.int64(3),
                                    st.text(4), st.opt_int64(5), st.opt_int64(6), st.text(7)});
    }
  }

  void write_personnel(const Dataset& d) {
    const Personnel& p = d.personnel;
    for (auto [table, list] : {std::pair{"personnel_group", &p.groups}, std::pair{"employment_type", &p.employment_types}}) {
      auto st = db_.prepare(std::string("INSERT INTO ") + table + " VALUES (?, ?, ?)");  // fixed names
      for (const auto& n : *list) st.bind(1, n.id).bind(2, n.name.fi).bind(3, n.name.sv).run();
    }
    {
      auto st = db_.prepare("INSERT INTO htv VALUES (?, ?, ?, ?, ?)");
      for (const auto& h : p.htv)
        st.bind(1, h.unit).bind(2, std::int64_t{h.year}).bind(3, h.kind).bind(4, h.group).bind(5, h.htv).run();
    }
    {
      auto st = db_.prepare("INSERT INTO headcount VALUES (?, ?, ?, ?)");
      for (const auto& h : p.headcount) st.bind(1, h.unit).bind(2, to_iso(h.date)).bind(3, h.type).bind(4, h.count).run();
    }
    {
      auto st = db_.prepare("INSERT INTO retirement VALUES (?, ?, ?)");
      for (const auto& x : p.retirements) st.bind(1, x.unit).bind(2, std::int64_t{x.year}).bind(3, x.count).run();
    }
    {
      auto st = db_.prepare("INSERT INTO average_age VALUES (?, ?, ?)");
      for (const auto& x : p.ages) st.bind(1, x.unit).bind(2, std::int64_t{x.year}).bind(3, x.average_tenths).run();
    }
    {
      auto st = db_.prepare("INSERT INTO training VALUES (?, ?, ?, ?, ?)");
      for (const auto& x : p.training)
        st.bind(1, x.unit)
            .bind(2, std::int64_t{x.year})
            .bind(3, x.days_hundredths)
            .bind(4, x.eligible_hundredths)
            .bind(5, x.compensation)
            .run();
    }
    {
      auto st = db_.prepare("INSERT INTO survey_item VALUES (?, ?, ?, ?)");
      for (const auto& x : p.survey_items) st.bind(1, x.id).bind(2, x.name.fi).bind(3, x.name.sv).bind(4, x.unit).run();
    }
    {
      auto st = db_.prepare("INSERT INTO survey VALUES (?, ?, ?, ?)");
      for (const auto& x : p.survey) st.bind(1, x.unit).bind(2, std::int64_t{x.year}).bind(3, x.item).bind(4, x.value_tenths).run();
    }
    {
      auto st = db_.prepare("INSERT INTO restructuring VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      std::int64_t pos = 0;
      for (const auto& x : d.restructurings)
        st.bind(1, pos++)
            .bind(2, to_iso(x.date))
            .bind(3, x.old_unit)
            .bind(4, x.new_unit.empty() ? std::nullopt : std::optional<std::string>(x.new_unit))
            .bind(5, x.share_thousandths)
            .bind(6, x.external)
            .bind(7, x.htv)
            .bind(8, x.persons)
            .bind(9, x.note)
            .run();
    }
  }

  void read_goals(Dataset& d) {
    Goals& g = d.goals;
    auto opt_date = [](const std::optional<std::string>& s) { return s ? std::optional<Date>(date_of(*s)) : std::nullopt; };
    {
      auto st = db_.prepare("SELECT id, valid_from, valid_to, name_fi, name_sv FROM theme");
      while (st.step()) g.themes.push_back({st.text(0), date_of(st.text(1)), opt_date(st.opt_text(2)), {st.text(3), st.text(4)}});
    }
    {
      auto st = db_.prepare("SELECT theme_id, year, number FROM theme_number");
      while (st.step()) g.theme_numbers.push_back({st.text(0), static_cast<int>(st.int64(1)), static_cast<int>(st.int64(2))});
    }
    {
      auto st = db_.prepare(
          "SELECT id, year, unit_id, level, theme_id, parent_id, position, text_fi, text_sv, responsible_fi, responsible_sv, retired "
          "FROM goal");
      while (st.step())
        g.goals.push_back({st.text(0), static_cast<int>(st.int64(1)), st.text(2), st.text(3), st.text(4), st.text(5),
                           static_cast<int>(st.int64(6)), {st.text(7), st.text(8)}, {st.text(9), st.text(10)},
                           opt_date(st.opt_text(11))});
    }
    {
      auto st = db_.prepare(
          "SELECT goal_id, position, text_fi, text_sv, responsible_fi, responsible_sv FROM goal_action ORDER BY goal_id, seq");
      while (st.step())
        g.actions.push_back({st.text(0), static_cast<int>(st.int64(1)), {st.text(2), st.text(3)}, {st.text(4), st.text(5)}});
    }
    {
      auto st = db_.prepare(
          "SELECT id, goal_id, name_fi, name_sv, value_unit, direction, target_tenths, partly_tenths, owner, frequency FROM metric");
      while (st.step())
        g.metrics.push_back({st.text(0), st.text(1), {st.text(2), st.text(3)}, st.text(4), st.text(5), st.opt_int64(6),
                             st.opt_int64(7), st.text(8), st.text(9)});
    }
    {
      auto st = db_.prepare("SELECT metric_id, on_date, value_tenths, source FROM metric_value");
      while (st.step()) g.values.push_back({st.text(0), date_of(st.text(1)), st.int64(2), st.text(3)});
    }
    {
      auto st = db_.prepare("SELECT goal_id, year, status, reason_fi, reason_sv, text_fi, text_sv FROM realisation");
      while (st.step()) {
        auto status = st.opt_text(2);
        g.realisations.push_back({st.text(0), static_cast<int>(st.int64(1)),
                                  status ? parse_goal_status(*status) : std::nullopt, {st.text(3), st.text(4)},
                                  {st.text(5), st.text(6)}});
      }
    }
    {
      auto st = db_.prepare("SELECT id, unit_id, on_date, title_fi, title_sv FROM review");
      while (st.step()) g.reviews.push_back({st.text(0), st.text(1), date_of(st.text(2)), {st.text(3), st.text(4)}});
    }
    {
      auto st = db_.prepare("SELECT review_id, goal_id, status, text_fi, text_sv FROM review_item");
      while (st.step())
        g.review_items.push_back({st.text(0), st.text(1), parse_goal_status(st.text(2)).value_or(GoalStatus::no_data),
                                  {st.text(3), st.text(4)}});
    }
    {
      auto st = db_.prepare("SELECT rule, municipality_id, value FROM goal_rule");
      while (st.step()) g.rules.push_back({st.text(0), st.text(1), st.int64(2)});
    }
  }

  void write_goals(const Dataset& d) {
    const Goals& g = d.goals;
    auto opt_iso = [](const std::optional<Date>& x) { return x ? std::optional<std::string>(to_iso(*x)) : std::nullopt; };
    {
      auto st = db_.prepare("INSERT INTO theme VALUES (?, ?, ?, ?, ?)");
      for (const auto& x : g.themes)
        st.bind(1, x.id).bind(2, to_iso(x.valid_from)).bind(3, opt_iso(x.valid_to)).bind(4, x.name.fi).bind(5, x.name.sv).run();
    }
    {
      auto st = db_.prepare("INSERT INTO theme_number VALUES (?, ?, ?)");
      for (const auto& x : g.theme_numbers)
        st.bind(1, x.theme).bind(2, std::int64_t{x.year}).bind(3, std::int64_t{x.number}).run();
    }
    {
      auto st = db_.prepare(
          "INSERT INTO goal (id, year, unit_id, level, theme_id, parent_id, position, text_fi, text_sv, responsible_fi, "
          "responsible_sv, retired) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      for (const auto& x : g.goals)
        st.bind(1, x.id)
            .bind(2, std::int64_t{x.year})
            .bind(3, x.unit)
            .bind(4, x.level)
            .bind(5, x.theme)
            .bind(6, x.parent)
            .bind(7, std::int64_t{x.position})
            .bind(8, x.text.fi)
            .bind(9, x.text.sv)
            .bind(10, x.responsible.fi)
            .bind(11, x.responsible.sv)
            .bind(12, opt_iso(x.retired))
            .run();
    }
    {
      auto st = db_.prepare("INSERT INTO goal_action VALUES (?, ?, ?, ?, ?, ?, ?)");
      std::int64_t seq = 0;
      for (const auto& x : g.actions)
        st.bind(1, x.goal)
            .bind(2, std::int64_t{x.position})
            .bind(3, seq++)
            .bind(4, x.text.fi)
            .bind(5, x.text.sv)
            .bind(6, x.responsible.fi)
            .bind(7, x.responsible.sv)
            .run();
    }
    {
      auto st = db_.prepare("INSERT INTO metric VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      for (const auto& x : g.metrics)
        st.bind(1, x.id)
            .bind(2, x.goal)
            .bind(3, x.name.fi)
            .bind(4, x.name.sv)
            .bind(5, x.unit)
            .bind(6, x.direction)
            .bind(7, x.target_tenths)
            .bind(8, x.partly_tenths)
            .bind(9, x.owner)
            .bind(10, x.frequency)
            .run();
    }
    {
      auto st = db_.prepare("INSERT INTO metric_value VALUES (?, ?, ?, ?)");
      for (const auto& x : g.values) st.bind(1, x.metric).bind(2, to_iso(x.date)).bind(3, x.value_tenths).bind(4, x.source).run();
    }
    {
      auto st = db_.prepare("INSERT INTO realisation VALUES (?, ?, ?, ?, ?, ?, ?)");
      for (const auto& x : g.realisations)
        st.bind(1, x.goal)
            .bind(2, std::int64_t{x.year})
            .bind(3, x.status ? std::optional<std::string>(to_string(*x.status)) : std::nullopt)
            .bind(4, x.reason.fi)
            .bind(5, x.reason.sv)
            .bind(6, x.text.fi)
            .bind(7, x.text.sv)
            .run();
    }
    {
      auto st = db_.prepare("INSERT INTO review VALUES (?, ?, ?, ?, ?)");
      for (const auto& x : g.reviews)
        st.bind(1, x.id).bind(2, x.unit).bind(3, to_iso(x.date)).bind(4, x.title.fi).bind(5, x.title.sv).run();
    }
    {
      auto st = db_.prepare("INSERT INTO review_item VALUES (?, ?, ?, ?, ?)");
      for (const auto& x : g.review_items)
        st.bind(1, x.review).bind(2, x.goal).bind(3, to_string(x.status)).bind(4, x.text.fi).bind(5, x.text.sv).run();
    }
    {
      auto st = db_.prepare("INSERT INTO goal_rule VALUES (?, ?, ?)");
      for (const auto& x : g.rules) st.bind(1, x.rule).bind(2, x.municipality).bind(3, x.value).run();
    }
  }

  void migrate() {
    {
      sql::Transaction tx(db_);  // two servers starting at once: one creates, the other waits
      db_.exec("CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
      tx.commit();
    }
    // By set, not by maximum: migrations written on parallel branches may land out of order.
    for (const auto& m : migrations()) {
      auto applied = db_.prepare("SELECT 1 FROM schema_migration WHERE version = ?");
      if (applied.bind(1, std::int64_t{m.version}).step()) continue;
      sql::Transaction tx(db_);
      applied.reset();  // again under the write lock: another process may have applied it meanwhile
      if (applied.bind(1, std::int64_t{m.version}).step()) continue;
      db_.exec(sql::dialect_sql(m.sql, db_.dialect()));
      db_.prepare("INSERT INTO schema_migration VALUES (?, CURRENT_TIMESTAMP)").bind(1, std::int64_t{m.version}).run();
      tx.commit();
    }
    sql::Transaction tx(db_);
    db_.watch_changes();
    tx.commit();
  }

  std::optional<sql::Db> own_;
  sql::Db& db_;
};

}  // namespace

std::unique_ptr<Store> open_store(const std::string& path) { return std::make_unique<SqlStore>(path); }

Dataset read_dataset(sql::Db& db) { return SqlStore(db).read(); }

}  // namespace toteuma
