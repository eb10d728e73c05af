#include "sso/sso_config.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "ingest/csv.h"
#include "ingest/fields.h"

namespace toteuma::sso {

namespace {

const std::set<std::string> kAlgorithms{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"};

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

// http:// only for a provider on this machine (the tests' local provider); anything else https://.
bool acceptable_url(const std::string& url) {
  if (url.rfind("https://", 0) == 0) return url.size() > 8;
  for (const char* local : {"http://127.0.0.1", "http://localhost", "http://[::1]"})
    if (url.rfind(local, 0) == 0 && (url.size() == std::string(local).size() || url[std::string(local).size()] == ':' ||
                                     url[std::string(local).size()] == '/'))
      return true;
  return false;
}

struct Reader {
  std::string file;
  [[noreturn]] void fail(int line, const std::string& key, const std::string& en, const std::string& fi,
                         const std::string& sv) const {
    throw InputError(file, line, key, fields::m3(en, fi, sv));
  }
  std::string str(const toml::node& n, const std::string& key) const {
    auto v = n.value<std::string>();
    if (!v) fail(line_of(n), key, "expected a text in quotes", "odotettiin lainausmerkeissä olevaa tekstiä", "en text inom citattecken förväntades");
    return *v;
  }
  std::vector<std::string> strings(const toml::node& n, const std::string& key) const {
    std::vector<std::string> out;
    if (n.is_string()) return {str(n, key)};
    const auto* arr = n.as_array();
    if (!arr) fail(line_of(n), key, "expected a list of texts like [\"a\", \"b\"]", "odotettiin tekstiluetteloa kuten [\"a\", \"b\"]",
                   "en lista med texter som [\"a\", \"b\"] förväntades");
    for (const auto& item : *arr) out.push_back(str(item, key));
    return out;
  }
  GrantMap grants(const toml::node& n, const std::string& table) const {
    const auto* tbl = n.as_table();
    if (!tbl) fail(line_of(n), table, "expected a table of claim values and grants", "odotettiin taulukkoa arvoista ja oikeuksista",
                   "en tabell med värden och behörigheter förväntades");
    GrantMap out;
    for (const auto& [k, v] : *tbl) {
      std::string key = fmt::format("{}.{}", table, k.str());
      std::vector<Grant> gs;
      for (const auto& text : strings(v, key)) {
        auto g = parse_grant(text);
        if (!g) fail(line_of(v), key, fmt::format("\"{}\" is not a grant; expected admin, finance, editor:UNIT, translator:fi|sv, approver, viewer or council-group:GROUP", text),
                     fmt::format("\"{}\" ei ole oikeus; odotettiin admin, finance, editor:YKSIKKÖ, translator:fi|sv, approver, viewer tai council-group:RYHMÄ", text),
                     fmt::format("\"{}\" är ingen behörighet; admin, finance, editor:ENHET, translator:fi|sv, approver, viewer eller council-group:GRUPP förväntades", text));
        gs.push_back(*g);
      }
      out.emplace_back(std::string(k.str()), gs);
    }
    return out;
  }
};

std::string read_secret(const std::string& path, const Reader& r, int line) {
  std::ifstream in(path, std::ios::binary);
  if (!in) r.fail(line, "oidc.client_secret_file", fmt::format("cannot read the client secret file {}", path),
                  fmt::format("asiakassalaisuuden tiedostoa {} ei voi lukea", path), fmt::format("filen med klienthemligheten {} kan inte läsas", path));
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  if (s.empty()) r.fail(line, "oidc.client_secret_file", fmt::format("the client secret file {} is empty", path),
                        fmt::format("asiakassalaisuuden tiedosto {} on tyhjä", path), fmt::format("filen med klienthemligheten {} är tom", path));
  return s;
}

}  // namespace

std::string SsoConfig::callback_path() const {
  auto scheme = redirect_url.find("://");
  auto slash = scheme == std::string::npos ? std::string::npos : redirect_url.find('/', scheme + 3);
  if (slash == std::string::npos) return "/";
  std::string path = redirect_url.substr(slash);
  return path.substr(0, path.find('?'));
}

bool SsoConfig::password_allowed(const std::string& user) const {
  return local_login || std::find(break_glass.begin(), break_glass.end(), user) != break_glass.end();
}

SsoConfig read_sso_config(const std::string& path, const std::function<const char*(const char*)>& env) {
  Reader r{path};
  std::ifstream in(path, std::ios::binary);
  if (!in) r.fail(0, "", "cannot read the file", "tiedostoa ei voi lukea", "filen kan inte läsas");
  std::stringstream ss;
  ss << in.rdbuf();
  toml::table tbl;
  try {
    tbl = toml::parse(ss.str(), path);
  } catch (const toml::parse_error& e) {
    throw InputError(path, static_cast<int>(e.source().begin.line), fmt::format("column {}", e.source().begin.column),
                     std::string(e.description()));
  }
  SsoConfig c;
  std::string secret_file;
  int secret_line = 0;
  for (const auto& [section, node] : tbl) {
    std::string s(section.str());
    if (s == "roles" || s == "groups") {
      (s == "roles" ? c.roles : c.groups) = r.grants(node, s);
      continue;
    }
    const auto* t = node.as_table();
    if (!t || (s != "oidc" && s != "login"))
      r.fail(line_of(node), s, "expected one of the tables [oidc], [login], [roles], [groups]",
             "odotettiin jotakin taulukoista [oidc], [login], [roles], [groups]", "en av tabellerna [oidc], [login], [roles], [groups] förväntades");
    for (const auto& [k, v] : *t) {
      std::string key = s + "." + std::string(k.str());
      if (key == "oidc.name") c.name = r.str(v, key);
      else if (key == "oidc.issuer") c.issuer = r.str(v, key);
      else if (key == "oidc.client_id") c.client_id = r.str(v, key);
      else if (key == "oidc.client_secret_file") secret_file = r.str(v, key), secret_line = line_of(v);
      else if (key == "oidc.redirect_url") c.redirect_url = r.str(v, key);
      else if (key == "oidc.scopes") c.scopes = r.strings(v, key);
      else if (key == "oidc.tenant") c.tenant = r.str(v, key);
      else if (key == "oidc.algorithms") c.algorithms = r.strings(v, key);
      else if (key == "oidc.roles_claim") c.roles_claim = r.str(v, key);
      else if (key == "oidc.groups_claim") c.groups_claim = r.str(v, key);
      else if (key == "oidc.post_logout_url") c.post_logout_url = r.str(v, key);
      else if (key == "login.break_glass") c.break_glass = r.strings(v, key);
      else if (key == "login.local") {
        auto b = v.value<bool>();
        if (!b) r.fail(line_of(v), key, "expected true or false", "odotettiin true tai false", "true eller false förväntades");
        c.local_login = *b;
      } else {
        r.fail(line_of(v), key, "unknown setting (docs/SSO.md lists them)", "tuntematon asetus (luettelo: docs/SSO.md)",
               "okänd inställning (listan: docs/SSO.md)");
      }
    }
  }
  auto over = [&](const char* name, std::string& into) {
    if (const char* v = env(name); v && *v) into = v;
  };
  over("TOTEUMA_OIDC_ISSUER", c.issuer);
  over("TOTEUMA_OIDC_CLIENT_ID", c.client_id);
  over("TOTEUMA_OIDC_REDIRECT_URL", c.redirect_url);
  if (const char* v = env("TOTEUMA_OIDC_CLIENT_SECRET_FILE"); v && *v) secret_file = v, secret_line = 0;
  if (!secret_file.empty()) c.client_secret = read_secret(secret_file, r, secret_line);

  auto need = [&](const std::string& value, const char* key) {
    if (value.empty()) r.fail(0, key, "missing; the provider's sign-in needs it", "puuttuu; kirjautuminen tarvitsee sen", "saknas; inloggningen behöver den");
  };
  need(c.issuer, "oidc.issuer");
  need(c.client_id, "oidc.client_id");
  need(c.redirect_url, "oidc.redirect_url");
  for (const auto& [value, key] : {std::pair{c.issuer, "oidc.issuer"}, std::pair{c.redirect_url, "oidc.redirect_url"}})
    if (!acceptable_url(value))
      r.fail(0, key, fmt::format("\"{}\" is not an https:// address (http:// only on this machine)", value),
             fmt::format("\"{}\" ei ole https://-osoite (http:// vain tällä koneella)", value),
             fmt::format("\"{}\" är ingen https://-adress (http:// endast på denna dator)", value));
  if (c.callback_path() != "/sso/callback")
    r.fail(0, "oidc.redirect_url", fmt::format("the address must end in /sso/callback (Toteuma's callback), not {}", c.callback_path()),
           fmt::format("osoitteen on päätyttävä /sso/callback (Toteuman paluuosoite), ei {}", c.callback_path()),
           fmt::format("adressen ska sluta med /sso/callback (Toteumas återadress), inte {}", c.callback_path()));
  if (std::find(c.scopes.begin(), c.scopes.end(), "openid") == c.scopes.end())
    r.fail(0, "oidc.scopes", "the scopes must include \"openid\"", "laajuuksissa (scopes) on oltava \"openid\"", "omfången (scopes) måste innehålla \"openid\"");
  for (const auto& a : c.algorithms)
    if (!kAlgorithms.count(a))
      r.fail(0, "oidc.algorithms", fmt::format("\"{}\" is not accepted; expected RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or ES512", a),
             fmt::format("\"{}\" ei kelpaa; odotettiin RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 tai ES512", a),
             fmt::format("\"{}\" godtas inte; RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 eller ES512 förväntades", a));
  for (const auto& u : c.break_glass)
    if (!valid_user_id(u))
      r.fail(0, "login.break_glass", fmt::format("\"{}\" is not a user id", u), fmt::format("\"{}\" ei ole käyttäjätunnus", u),
             fmt::format("\"{}\" är inget användarnamn", u));
  if (!c.local_login && c.break_glass.empty())
    r.fail(0, "login.break_glass", "with local = false name at least one break-glass account (an administrator who can sign in when the provider cannot)",
           "kun local = false, nimeä vähintään yksi varatunnus (pääkäyttäjä, joka pääsee sisään palvelun ollessa poissa)",
           "med local = false ska minst ett reservkonto anges (en administratör som kan logga in när tjänsten inte fungerar)");
  if (c.roles.empty() && c.groups.empty())
    r.fail(0, "roles", "no [roles] or [groups]: nobody could be given rights", "[roles] tai [groups] puuttuu: kenellekään ei voisi antaa oikeuksia",
           "[roles] eller [groups] saknas: ingen kunde få behörigheter");
  if (!c.groups.empty() && c.groups_claim.empty()) c.groups_claim = "groups";
  return c;
}

}  // namespace toteuma::sso
