#include "ingest/ledger_mapping.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>
#include <toml++/toml.h>

#include "ingest/csv.h"
#include "ingest/fields.h"

namespace toteuma::ledger {

using fields::m3;

namespace {

constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "date", "period", "year", "month", "account", "cost_center", "amount", "debit", "credit",
    "description", "voucher", "partner", "internal", "project"};

// The keys of [investments], in the order of InvestmentKind (core/finance/investments.h).
constexpr std::array<std::string_view, 3> kInvestmentKinds = {"expenditure", "grants", "asset_sales"};

using NameLists = std::array<std::vector<std::string>, kFieldCount>;

// Toteuma's own column names: the field names themselves.
NameLists toteuma_names() {
  NameLists n;
  for (int f = 0; f < kFieldCount; ++f) n[static_cast<std::size_t>(f)] = {std::string(kFieldNames[static_cast<std::size_t>(f)])};
  return n;
}

// The names in ../shared/reference/mandatory_fields.csv and optional_fields.csv (published
// purchase-invoice and ledger data), with the usual Swedish ones of bilingual municipalities.
// The amount booked is the net of VAT, so those names come before the totals.
NameLists kuntadata_names() {
  NameLists n;
  n[f_date] = {"tositepäivämäärä", "tositepaivamaara", "tositepäivä", "tositepaiva", "tositepvm", "tapaht.pvm",
               "kirjauspäivä", "kirjauspvm", "pvm", "päivämäärä", "verifikatdatum", "bokföringsdatum", "datum"};
  n[f_period] = {"kausi", "kirjauskausi", "jakso", "period", "bokföringsperiod"};
  n[f_year] = {"vuosi", "år"};
  n[f_month] = {"kuukausi", "kk", "månad"};
  n[f_account] = {"kirjanpidon tilinumero", "tilinumero", "pääkirjatili", "tili", "konto", "kontonummer"};
  n[f_cost_center] = {"kustannuspaikka", "kustannuspaikka_numero", "kustannuspaikka_id", "kustannuspaikan numero",
                      "kostnadsställe"};
  n[f_amount] = {"laskun summa ilman alv", "rivin osuus veroton", "rivin nettosumma", "summa", "kokonaissumma euroina",
                 "rivin bruttosumma", "euroa", "määrä", "belopp"};
  n[f_debit] = {"debet", "debit"};
  n[f_credit] = {"kredit", "credit"};
  n[f_description] = {"selite", "kuvaus", "tapahtuman selite", "förklaring", "beskrivning"};
  n[f_voucher] = {"tositenumero", "tapahtumanumero", "tosite", "verifikat", "verifikatnummer"};
  n[f_partner] = {"toimittajan nimi", "toimittaja", "toimittajanimi", "asiakas", "leverantör", "motpart"};
  n[f_internal] = {"sisäinen", "intern"};
  n[f_project] = {"projekti", "projektinumero", "projekti_numero", "projektin numero", "investointiprojekti",
                  "investointikohde", "hanke", "projekt", "projektnummer", "investeringsprojekt"};
  return n;
}

// Helsinki's open ledger data: Pääluokka, Luku, Kohta, Tulosyksikkö, Pääkirjatili, Toteuma, Vuosi.
NameLists helsinki_names() {
  NameLists n;
  n[f_cost_center] = {"tulosyksikkö"};
  n[f_account] = {"pääkirjatili"};
  n[f_amount] = {"toteuma"};
  n[f_year] = {"vuosi"};
  return n;
}

// Espoo's open budget data: Toimiala, Yksikkö, Kustannuspaikka, Tili, TA, Vuosi.
NameLists espoo_names() {
  NameLists n;
  n[f_cost_center] = {"kustannuspaikka"};
  n[f_account] = {"tili"};
  n[f_amount] = {"ta"};
  n[f_year] = {"vuosi"};
  return n;
}

const std::map<std::string, NameLists>& presets() {
  static const std::map<std::string, NameLists> p = [] {
    std::map<std::string, NameLists> m{{"toteuma", toteuma_names()},
                                       {"kuntadata", kuntadata_names()},
                                       {"helsinki", helsinki_names()},
                                       {"espoo", espoo_names()}};
    NameLists all;
    for (const char* name : {"toteuma", "kuntadata", "helsinki", "espoo"})
      for (std::size_t f = 0; f < kFieldCount; ++f)
        for (const auto& n : m[name][f])
          if (std::find(all[f].begin(), all[f].end(), n) == all[f].end()) all[f].push_back(n);
    m["auto"] = all;
    return m;
  }();
  return p;
}

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

std::vector<AccountSpan> parse_spans(const toml::node& node, const std::string& key, const std::string& file) {
  const auto* arr = node.as_array();
  auto bad = [&](const toml::node& at) -> InputError {
    return InputError(file, line_of(at), key,
                      m3("expected a list of account ranges like [\"9000-9499\", \"1000-2999\"]",
                         "odotettiin tiliväliluetteloa", "en lista med kontointervall förväntades"));
  };
  if (!arr) throw bad(node);
  std::vector<AccountSpan> out;
  for (const auto& item : *arr) {
    auto s = item.value<std::string>();
    if (!s) throw bad(item);
    auto dash = s->find('-');
    std::string a = dash == std::string::npos ? *s : s->substr(0, dash);
    std::string b = dash == std::string::npos ? *s : s->substr(dash + 1);
    try {
      std::size_t pa = 0, pb = 0;
      AccountSpan span{std::stoi(a, &pa), std::stoi(b, &pb)};
      if (pa != a.size() || pb != b.size() || span.from < 0 || span.to < span.from) throw bad(item);
      out.push_back(span);
    } catch (const std::logic_error&) {
      throw bad(item);
    }
  }
  return out;
}

std::string span_text(const std::vector<AccountSpan>& v) {
  std::vector<std::string> parts;
  for (const auto& s : v) parts.push_back(fmt::format("\"{}-{}\"", s.from, s.to));
  return fmt::format("[{}]", fmt::join(parts, ", "));
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\t') {
      out += "\\t";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string_view field_name(Field f) { return kFieldNames[static_cast<std::size_t>(f)]; }

bool known_preset(const std::string& preset) { return presets().count(preset) > 0; }

const std::vector<std::string>& preset_names(const std::string& preset, Field f) {
  auto it = presets().find(preset);
  if (it == presets().end()) it = presets().find("auto");
  return it->second[static_cast<std::size_t>(f)];
}

std::string fold_name(std::string_view s) {
  s = trim(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == '\xC3' && i + 1 < s.size() && (s[i + 1] == '\x84' || s[i + 1] == '\x96' || s[i + 1] == '\x85')) {
      out += c;  // Ä Ö Å → ä ö å
      out += static_cast<char>(s[i + 1] + 0x20);
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

Mapping parse_mapping(const std::string& text, const std::string& file) {
  toml::table tbl;
  try {
    tbl = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw InputError(file, static_cast<int>(e.source().begin.line), fmt::format("column {}", e.source().begin.column),
                     std::string(e.description()));
  }
  Mapping m;
  m.source = file;
  auto fail = [&](const toml::node& n, const std::string& key, const std::string& en, const std::string& fi,
                  const std::string& sv) { throw InputError(file, line_of(n), key, m3(en, fi, sv)); };
  auto str = [&](const toml::node& n, const std::string& key) {
    auto v = n.value<std::string>();
    if (!v) fail(n, key, "expected a string", "odotettiin tekstiä", "en text förväntades");
    return *v;
  };
  auto integer = [&](const toml::node& n, const std::string& key, int lo, int hi) {
    auto v = n.value<std::int64_t>();
    if (!v || *v < lo || *v > hi)
      fail(n, key, fmt::format("expected a whole number {}–{}", lo, hi), "odotettiin kokonaislukua", "ett heltal förväntades");
    return static_cast<int>(*v);
  };
  for (auto&& [k, v] : tbl) {
    std::string key(k.str());
    if (key == "preset") {
      m.preset = str(v, key);
      if (!known_preset(m.preset))
        fail(v, key, "expected auto, toteuma, kuntadata, helsinki or espoo", "tuntematon esiasetus", "okänd förinställning");
    } else if (key == "encoding") {
      std::string e = fold_name(str(v, key));
      if (e == "utf-8" || e == "utf8") m.encoding = Encoding::utf8;
      else if (e == "windows-1252" || e == "cp1252" || e == "latin-1" || e == "iso-8859-1") m.encoding = Encoding::cp1252;
      else if (e != "auto") fail(v, key, "expected auto, utf-8 or windows-1252", "tuntematon merkistö", "okänd teckenkodning");
    } else if (key == "delimiter") {
      std::string d = str(v, key);
      if (d == "tab" || d == "\t") m.delimiter = '\t';
      else if (d == ";" || d == ",") m.delimiter = d[0];
      else if (d != "auto") fail(v, key, "expected \";\", \",\", \"tab\" or \"auto\"", "tuntematon erotin", "okänd avgränsare");
    } else if (key == "decimal") {
      std::string d = str(v, key);
      if (d == ",") m.decimal = Decimal::comma;
      else if (d == ".") m.decimal = Decimal::point;
      else if (d != "auto") fail(v, key, "expected \",\", \".\" or \"auto\"", "tuntematon desimaalierotin", "okänt decimaltecken");
    } else if (key == "sign") {
      std::string s = str(v, key);
      if (s == "debit-positive") m.debit_positive = true;
      else if (s != "income-positive")
        fail(v, key, "expected income-positive or debit-positive", "odotettiin income-positive tai debit-positive",
             "income-positive eller debit-positive förväntades");
    } else if (key == "account_digits") {
      m.account_digits = integer(v, key, 0, 9);
    } else if (key == "year_only_month") {
      m.year_only_month = integer(v, key, 1, 12);
    } else if (key == "internal_line") {
      m.internal_line = str(v, key);
    } else if (key == "columns") {
      auto* t = v.as_table();
      if (!t) fail(v, key, "expected a table [columns]", "odotettiin taulukkoa", "en tabell förväntades");
      for (auto&& [ck, cv] : *t) {
        std::string name(ck.str());
        auto it = std::find(kFieldNames.begin(), kFieldNames.end(), name);
        if (it == kFieldNames.end())
          fail(cv, name, fmt::format("unknown field; expected one of {}", fmt::join(kFieldNames, ", ")),
               "tuntematon kenttä", "okänt fält");
        m.columns[static_cast<std::size_t>(it - kFieldNames.begin())] = str(cv, name);
      }
    } else if (key == "accounts") {
      auto* t = v.as_table();
      if (!t) fail(v, key, "expected a table [accounts]", "odotettiin taulukkoa", "en tabell förväntades");
      for (auto&& [ak, av] : *t) {
        std::string name(ak.str());
        if (name == "internal") m.internal_accounts = parse_spans(av, name, file);
        else if (name == "skip") m.skip_accounts = parse_spans(av, name, file);
        else fail(av, name, "unknown key; expected internal or skip", "tuntematon avain", "okänd nyckel");
      }
    } else if (key == "investments") {
      auto* t = v.as_table();
      if (!t) fail(v, key, "expected a table [investments]", "odotettiin taulukkoa", "en tabell förväntades");
      for (auto&& [ik, iv] : *t) {
        std::string name(ik.str());
        auto it = std::find(kInvestmentKinds.begin(), kInvestmentKinds.end(), name);
        if (it == kInvestmentKinds.end())
          fail(iv, name, "unknown key; expected expenditure, grants or asset_sales", "tuntematon avain", "okänd nyckel");
        m.investment_accounts[static_cast<std::size_t>(it - kInvestmentKinds.begin())] = parse_spans(iv, name, file);
      }
    } else if (key == "projects") {
      auto* t = v.as_table();
      if (!t) fail(v, key, "expected a table [projects]", "odotettiin taulukkoa", "en tabell förväntades");
      for (auto&& [pk, pv] : *t) m.projects[std::string(pk.str())] = str(pv, std::string(pk.str()));
    } else if (key == "cost_centers") {
      auto* t = v.as_table();
      if (!t) fail(v, key, "expected a table [cost_centers]", "odotettiin taulukkoa", "en tabell förväntades");
      for (auto&& [ck, cv] : *t) m.cost_centers[std::string(ck.str())] = str(cv, std::string(ck.str()));
    } else {
      fail(v, key, "unknown key", "tuntematon avain", "okänd nyckel");
    }
  }
  return m;
}

std::string mapping_to_toml(const Mapping& m) {
  std::string out = fmt::format("preset = {}\n", quoted(m.preset));
  out += fmt::format("encoding = \"{}\"\n", !m.encoding ? "auto" : *m.encoding == Encoding::utf8 ? "utf-8" : "windows-1252");
  out += fmt::format("delimiter = {}\n", m.delimiter ? quoted(std::string(1, m.delimiter)) : "\"auto\"");
  out += fmt::format("decimal = \"{}\"\n", m.decimal == Decimal::comma ? "," : m.decimal == Decimal::point ? "." : "auto");
  out += fmt::format("sign = \"{}\"\n", m.debit_positive ? "debit-positive" : "income-positive");
  out += fmt::format("account_digits = {}\nyear_only_month = {}\ninternal_line = {}\n", m.account_digits,
                     m.year_only_month, quoted(m.internal_line));
  out += "\n[columns]\n";
  for (std::size_t f = 0; f < kFieldCount; ++f)
    if (!m.columns[f].empty()) out += fmt::format("{} = {}\n", kFieldNames[f], quoted(m.columns[f]));
  out += fmt::format("\n[accounts]\ninternal = {}\nskip = {}\n", span_text(m.internal_accounts), span_text(m.skip_accounts));
  out += "\n[cost_centers]\n";
  for (const auto& [code, unit] : m.cost_centers) out += fmt::format("{} = {}\n", quoted(code), quoted(unit));
  // Only when used, so the text kept with earlier imports reads the same.
  if (m.books_investments()) {
    out += "\n[investments]\n";
    for (std::size_t k = 0; k < kInvestmentKinds.size(); ++k)
      out += fmt::format("{} = {}\n", kInvestmentKinds[k], span_text(m.investment_accounts[k]));
  }
  if (!m.projects.empty()) {
    out += "\n[projects]\n";
    for (const auto& [code, project] : m.projects) out += fmt::format("{} = {}\n", quoted(code), quoted(project));
  }
  return out;
}

Columns resolve_columns(const std::vector<std::string>& header, const Mapping& m, const std::string& file, int line) {
  Columns c;
  c.count = static_cast<int>(header.size());
  c.names = header;
  std::vector<std::string> folded;
  for (const auto& h : header) folded.push_back(fold_name(h));
  auto find = [&](const std::string& name) {
    std::string f = fold_name(name);
    for (std::size_t i = 0; i < folded.size(); ++i)
      if (folded[i] == f) return static_cast<int>(i);
    return -1;
  };
  std::set<int> taken;
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    if (m.columns[f].empty()) continue;
    int at = find(m.columns[f]);
    if (at < 0)
      throw InputError(file, line, m.columns[f],
                       m3(fmt::format("the mapping names this column for {}, but the header lacks it", kFieldNames[f]),
                          "otsikkoriviltä puuttuu kuvauksen nimeämä sarake", "rubrikraden saknar kolumnen som mappningen anger"));
    for (std::size_t g = 0; g < f; ++g)
      if (c.at[g] == at)
        throw InputError(file, line, header[static_cast<std::size_t>(at)],
                         m3(fmt::format("the mapping names this column for both {} and {}: expected one column per field",
                                        kFieldNames[g], kFieldNames[f]),
                            fmt::format("kuvaus nimeää saman sarakkeen kentille {} ja {}: odotettiin kullekin kentälle omaa saraketta",
                                        kFieldNames[g], kFieldNames[f]),
                            fmt::format("mappningen anger samma kolumn för {} och {}: en kolumn per fält förväntades",
                                        kFieldNames[g], kFieldNames[f])));
    c.at[f] = at;
    taken.insert(at);
  }
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    if (c.at[f] >= 0) continue;
    for (const auto& name : preset_names(m.preset, static_cast<Field>(f))) {
      int at = find(name);
      if (at >= 0 && !taken.count(at)) {
        c.at[f] = at;
        taken.insert(at);
        break;
      }
    }
  }
  auto need = [&](std::initializer_list<Field> any) {
    for (Field f : any)
      if (c.has(f)) return;
    std::vector<std::string> wanted;
    for (Field f : any)
      for (const auto& n : preset_names(m.preset, f)) wanted.push_back(n);
    throw InputError(file, line, std::string(kFieldNames[static_cast<std::size_t>(*any.begin())]),
                     m3(fmt::format("no column for {}; expected a header such as {} (or name it in a --mapping file)",
                                    kFieldNames[static_cast<std::size_t>(*any.begin())], fmt::join(wanted, ", ")),
                        "sarake puuttuu", "kolumn saknas"));
  };
  // A field's name twice in the header: which of the columns holds it would be a guess.
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    if (c.at[f] < 0) continue;
    auto at = static_cast<std::size_t>(c.at[f]);
    for (std::size_t k = 0; k < folded.size(); ++k)
      if (k != at && folded[k] == folded[at])
        throw InputError(file, line, header[at],
                         m3(fmt::format("the header has this column twice (columns {} and {}), so which holds {} is ambiguous: "
                                        "expected each name once",
                                        std::min(k, at) + 1, std::max(k, at) + 1, kFieldNames[f]),
                            fmt::format("otsikkorivillä on sama sarake kahdesti (sarakkeet {} ja {}): odotettiin kutakin nimeä kerran",
                                        std::min(k, at) + 1, std::max(k, at) + 1),
                            fmt::format("rubrikraden har samma kolumn två gånger (kolumnerna {} och {}): varje namn en gång förväntades",
                                        std::min(k, at) + 1, std::max(k, at) + 1)));
  }
  need({f_account});
  need({f_cost_center});
  need({f_amount, f_debit, f_credit});
  need({f_date, f_period, f_year});
  return c;
}

}  // namespace toteuma::ledger
