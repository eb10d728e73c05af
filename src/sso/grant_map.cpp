#include "sso/grant_map.h"

#include <algorithm>
#include <cctype>

namespace toteuma::sso {

std::vector<Grant> grants_from_claims(const IdToken& t, const SsoConfig& c) {
  std::vector<Grant> out;
  auto add_from = [&](const GrantMap& table, const std::vector<std::string>& values) {
    for (const auto& [value, grants] : table)
      if (std::find(values.begin(), values.end(), value) != values.end())
        for (const auto& g : grants)
          if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  };
  add_from(c.roles, t.list(c.roles_claim));
  if (!c.groups_claim.empty()) add_from(c.groups, t.list(c.groups_claim));
  return out;
}

std::string user_id_for(const IdToken& t) {
  std::string base = t.text("preferred_username");
  if (base.empty()) base = t.text("email");
  base = base.substr(0, base.find('@'));
  std::string id;
  for (unsigned char ch : base) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<unsigned char>(ch - 'A' + 'a');
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
    id += ok ? static_cast<char>(ch) : '-';
  }
  if (id.size() > 56) id.resize(56);  // room for a "-NN" suffix
  bool letters = std::any_of(id.begin(), id.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
  if (id.size() < 2 || !letters) {
    std::string sub;
    for (char ch : t.subject)
      if (std::isalnum(static_cast<unsigned char>(ch))) sub += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    id = "sso-" + sub.substr(0, 12);
    if (id.size() < 5) id = "sso-user";
  }
  return id;
}

std::string email_for(const IdToken& t) {
  if (auto e = t.text("email"); !e.empty()) return e.substr(0, 254);
  auto upn = t.text("preferred_username");
  return upn.find('@') != std::string::npos ? upn.substr(0, 254) : "";
}

std::string display_name_for(const IdToken& t) {
  for (const char* claim : {"name", "preferred_username", "email"})
    if (auto v = t.text(claim); !v.empty()) return v.substr(0, 200);
  return t.subject;
}

}  // namespace toteuma::sso
