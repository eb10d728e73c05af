#include "web/audit_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "core/workplace/access.h"
#include "core/date.h"
#include "core/finance/spending_plan.h"
#include "core/workplace/calendar_value.h"
#include "core/goals/goal_edit.h"
#include "core/fixed.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/text.h"
#include "web/context.h"

namespace toteuma::web {

namespace {

constexpr const char* kNone = "—";

// The catalogue's text of `key`, `fallback` when it has none.
std::string tr_or(const std::string& key, Lang lang, const std::string& fallback) {
  return tr_complete(key) ? tr(key, lang) : fallback;
}

// At most `n` characters (code points) of UTF-8 text, "…" when cut.
std::string shortened(const std::string& s, std::size_t n) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n) return s.substr(0, i) + "…";
  return s;
}

struct Names {
  const Dataset& d;
  Lang lang;

  std::string unit(const std::string& id) const {
    const UnitVersion* u = latest_version(d, id);
    return u ? u->name.shown(lang) : id;
  }
  std::string line(const std::string& id) const {
    const Line* l = d.chart.find(id);
    return l ? l->name.shown(lang) : id;
  }
  std::string scenario(const std::string& id) const {
    const Scenario* s = d.scenario(id);
    return s ? s->name.shown(lang) : id;
  }
  std::string goal(const std::string& id) const {
    auto g = std::find_if(d.goals.goals.begin(), d.goals.goals.end(), [&](const Goal& x) { return x.id == id; });
    return g == d.goals.goals.end() || g->text.shown(lang).empty() ? id : shortened(g->text.shown(lang), 60);
  }
  std::string metric(const std::string& id) const {
    auto m = std::find_if(d.goals.metrics.begin(), d.goals.metrics.end(), [&](const Metric& x) { return x.id == id; });
    return m == d.goals.metrics.end() ? id : m->name.shown(lang);
  }
  std::string language(const std::string& code) const { return tr_or("audit.lang." + code, lang, code); }
  std::string date(const std::string& iso) const {
    auto dt = parse_iso_date(iso);
    return dt ? to_display(*dt) : iso;
  }
};

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

std::string euros(const std::string& cents) {
  auto v = parse_fixed(cents, 0);
  return v ? format_euro_cents(*v) : cents;
}

// "595;Kuntapulssi 2024" → "59,5 (Kuntapulssi 2024)", "590;…" → "59 (…)" as the dataset file writes it
std::string metric_value(const std::string& v) {
  auto semi = v.find(';');
  auto tenths = parse_fixed(v.substr(0, semi), 0);
  if (!tenths) return v;
  std::string number = fixed_to_plain(*tenths, 1);
  std::replace(number.begin(), number.end(), '.', ',');
  std::string source = semi == std::string::npos ? "" : v.substr(semi + 1);
  return source.empty() ? number : number + " (" + source + ")";
}

// "amendment;2025;KV 12.6.2025 § 45;2025-06-12;Muutos;Ändring" → "talousarviomuutos 2025: Muutos (KV …, 12.6.2025)"
std::string scenario_value(const Names& n, const std::string& v) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  for (int i = 0; i < 5; ++i) {
    auto semi = v.find(';', pos);
    if (semi == std::string::npos) return v;
    parts.push_back(v.substr(pos, semi - pos));
    pos = semi + 1;
  }
  parts.push_back(v.substr(pos));
  std::string name = n.lang == Lang::sv && !parts[5].empty() ? parts[5] : parts[4];
  std::string decision = parts[2];
  if (!parts[3].empty()) decision += (decision.empty() ? "" : ", ") + n.date(parts[3]);
  return fmt::format("{} {}: {}{}", tr_or("scenario." + parts[0], n.lang, parts[0]), parts[1], name,
                     decision.empty() ? "" : " (" + decision + ")");
}

// "admin, editor:kanslia" → "pääkäyttäjä, yksikön muokkaaja (Kanslia)"
std::string roles_value(const Names& n, const std::string& v) {
  std::string out;
  for (std::string r : split_nonempty(v, ',')) {
    r.erase(0, r.find_first_not_of(' '));
    auto g = parse_grant(r);
    std::string t = r;
    if (g) {
      t = tr("role." + to_string(g->role), n.lang);
      if (!g->unit.empty()) t += " (" + n.unit(g->unit) + ")";
      if (g->lang) t += " (" + n.language(std::string(lang_code(*g->lang))) + ")";
    }
    out += (out.empty() ? "" : ", ") + t;
  }
  return out.empty() ? kNone : out;
}

// A command-line summary "units=12;figures=800" → "12 yksikköä, 800 lukua".
std::string counts_value(const Names& n, const std::string& v) {
  std::string out;
  for (const auto& item : split_nonempty(v, ';')) {
    auto eq = item.find('=');
    std::string key = item.substr(0, eq), value = eq == std::string::npos ? "" : item.substr(eq + 1);
    std::string t = tr_complete("audit.count." + key) ? fmt::format(fmt::runtime(tr("audit.count." + key, n.lang)), value) : item;
    out += (out.empty() ? "" : ", ") + t;
  }
  return out;
}

}  // namespace

std::string section_name(const std::string& section, Lang lang) { return tr_or("web.narrative." + section, lang, section); }

AuditText describe_audit(const Dataset& d, const AuditEntry& a, Lang lang) {
  Names n{d, lang};
  auto k = split_nonempty(a.key, '/');
  const std::string& e = a.entity;
  std::string detail = a.key;
  std::function<std::string(const std::string&)> value = [](const std::string& v) { return v; };
  if (e == "figure" && k.size() == 3) {
    detail = joined({n.unit(k[0]), n.line(k[1]), n.scenario(k[2])});
    value = euros;
  } else if ((e == "narrative" || e == "narrative_source") && k.size() == 4) {  // narrative_source: the translations part
    detail = joined({n.unit(k[0]), k[1], section_name(k[2], lang), n.language(k[3])});
  } else if (e == "metric_value" && k.size() == 2) {
    detail = joined({n.metric(k[0]), n.date(k[1])});
    value = metric_value;
  } else if (e == "realisation" && k.size() == 3) {
    detail = joined({n.goal(k[0]), k[1], n.language(k[2])});
  } else if (e == "goal" && k.size() == 2) {
    detail = joined({n.goal(k[0]), n.language(k[1])});
  } else if (e == "scenario" && k.size() == 1) {
    detail = n.scenario(k[0]);
    value = [&](const std::string& v) { return scenario_value(n, v); };
  } else if (e == "section" && k.size() == 4) {
    detail = joined({tr_or("doc.kind." + k[0], lang, k[0]), n.unit(k[1]), k[2], section_name(k[3], lang)});
    value = [&](const std::string& v) { return tr_or("web.state." + v, lang, v); };
  } else if (e == "import" && k.size() >= 2) {
    detail = tr_or("audit.import." + k[0], lang, k[0]) + ": " + a.key.substr(k[0].size() + 1);
    value = [&](const std::string& v) { return counts_value(n, v); };
  } else if (e == "load" || e == "restore") {
    value = [&](const std::string& v) { return counts_value(n, v); };
  } else if (e == "ledger_close") {
    value = [&](const std::string& v) {
      return v == "0" ? tr("audit.ledger_close.none", lang) : fmt::format(fmt::runtime(tr("audit.ledger_close.through", lang)), v);
    };
  } else if ((e == "alternative_change" && k.size() == 4) || (e == "alternative_note" && k.size() == 5)) {
    detail = joined({k[0], n.unit(k[1]), n.line(k[2]), k[3]}) + (k.size() == 5 ? ", " + n.language(k[4]) : "");
    if (e == "alternative_change") value = euros;
  } else if (e == "version_htv" && k.size() == 3) {  // thousandths of a person-year: "40,5"
    detail = joined({k[0], n.unit(k[1]), k[2]});
    value = [](const std::string& v) {
      auto t = parse_fixed(v, 0);
      return t ? decimal_comma(fixed_to_plain(*t, 3)) : v;
    };
  } else if (e == "spending_plan" && k.size() == 3) {
    detail = joined({k[0], n.unit(k[1]), n.line(k[2])});
    value = [&](const std::string& v) {
      auto r = decode_plan_value(v);
      if (!r) return v;
      return euros(std::to_string(r->amount)) + (r->months ? " (" + tr("spending_page.audit.months", lang) + ")" : "");
    };
  } else if (e == "goal_def" || e == "goal_action" || e == "goal_status" || e == "metric" || e == "review_item") {
    // goals-web: the goal (or metric) by name; a record's fields as written, the empty ones left out.
    detail = e == "metric" ? n.metric(k.empty() ? a.key : k[0]) : e == "review_item" && k.size() == 2 ? joined({k[0], n.goal(k[1])})
                                                                                                     : n.goal(k.empty() ? a.key : k[0]);
    if (k.size() == 2 && e != "review_item") detail += ", " + k[1];
    value = [](const std::string& v) {
      auto f = split_escaped(v);
      if (!f) return v;
      std::string out;
      for (const auto& x : *f)
        if (!x.empty()) out += (out.empty() ? "" : " · ") + x;
      return out;
    };
  } else if (e == "grant") {
    value = [&](const std::string& v) { return roles_value(n, v); };
  } else if (e == "calendar_item" && k.size() == 1) {  // admin: the clock's item by its title and deadline
    value = [&](const std::string& v) {
      auto c = decode_calendar_item(k[0], v);
      return c ? c->title.shown(lang) + " (" + n.date(to_iso(c->start)) + "–" + n.date(to_iso(c->deadline)) + ")" : v;
    };
  } else if (e == "password" || e == "user_state" || e == "sign_in_failed") {
    value = [&](const std::string& v) { return tr_or("audit." + e + "." + v, lang, v); };
  }
  // comments: what the thread is on, in names (core/workplace/comment.h); a thread's state in words
  if ((e == "comment" || e == "comment_thread") && k.size() >= 2) {
    if (k[0] == "section" && k.size() == 5) detail = joined({tr_or("doc.kind." + k[1], lang, k[1]), n.unit(k[2]), k[3], k[4]});
    if (k[0] == "row" && k.size() == 4) detail = joined({n.unit(k[1]), k[2], n.line(k[3])});
    if (k[0] == "goal" && k.size() == 2) detail = n.goal(k[1]);
    if (e == "comment_thread") value = [&](const std::string& v) { return tr_or("comment.state." + v, lang, v); };
  }
  AuditText t;
  t.what = tr_or("audit.entity." + e, lang, e) + ": " + detail;
  t.before = a.before ? value(*a.before) : kNone;
  t.after = a.after ? value(*a.after) : kNone;
  return t;
}

}  // namespace toteuma::web
