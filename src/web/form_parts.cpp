#include "web/form_parts.h"

#include <fmt/format.h>

#include "core/fixed.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/text.h"

namespace toteuma::web {

namespace {
std::string e(std::string_view s) { return html_escape(s); }
}  // namespace

std::string before_fields(const std::string& name, const std::optional<std::string>& before) {
  return fmt::format("<input type=\"hidden\" name=\"b_{0}\" value=\"{1}\"><input type=\"hidden\" name=\"h_{0}\" value=\"{2}\">",
                     e(name), e(before.value_or("")), before ? "1" : "0");
}
std::optional<std::string> before_from(std::map<std::string, std::string>& form, const std::string& name) {
  if (form["h_" + name] != "1") return std::nullopt;
  return form["b_" + name];
}
std::string decimal_text(std::int64_t tenths) { return decimal_comma(fixed_to_plain(tenths, 1)); }
std::string csrf_field(const Ctx& c) { return "<input type=\"hidden\" name=\"csrf\" value=\"" + e(c.viewer.csrf) + "\">"; }

namespace {
std::string stale_html(const Ctx& c, const ActionResult& r) {
  return fmt::format("<div class=\"error\" role=\"alert\"><p>{}</p><p>{}: <code>{}</code></p><p>{}: <code>{}</code></p></div>\n",
                     e(tr("web.stale", c.lang)), e(tr("web.stale_current", c.lang)), e(r.current.value_or("—")),
                     e(tr("web.stale_yours", c.lang)), e(r.refused.after.value_or("—")));
}
}  // namespace

http::Response outcome_page(const Ctx& c, const ActionResult& r, const std::string& back) {
  if (r.outcome == Outcome::forbidden) return forbidden(c);
  std::string body = "<h1>" + e(tr(r.outcome == Outcome::stale ? "web.stale_heading" : "web.invalid", c.lang)) + "</h1>\n";
  body += r.outcome == Outcome::stale ? stale_html(c, r) : "<p class=\"error\" role=\"alert\">" + e(r.message.in(c.lang)) + "</p>\n";
  body += fmt::format("<p><a href=\"{}\">{}</a></p>", e(back), e(tr("web.return", c.lang)));
  return page(c, tr("web.edit", c.lang), body, "/" + std::string(lang_code(c.other())) + "/", r.outcome == Outcome::stale ? 409 : 400);
}

std::string query_string(const http::Request& req) {
  std::string out;
  for (const auto& [k, v] : req.query)
    if (k != "notice") out += (out.empty() ? "?" : "&") + http::url_encode(k) + "=" + http::url_encode(v);
  return out;
}
std::string with_notice(const std::string& href, const std::string& notice) {
  return href + (href.find('?') == std::string::npos ? "?" : "&") + "notice=" + notice;
}

std::string plain_euros(Cents v) {
  std::string sign = v < 0 ? "-" : "";
  std::int64_t a = v < 0 ? -v : v;
  return a % 100 == 0 ? fmt::format("{}{}", sign, a / 100) : fmt::format("{}{},{:02}", sign, a / 100, a % 100);
}

}  // namespace toteuma::web
