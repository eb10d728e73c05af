#include "web/accessibility_page.h"

#include <fmt/format.h>

#include "web/page_text.h"

namespace toteuma::web {

namespace {

using namespace page_text;

// The feedback contact as a link: an e-mail address as mailto:, an https URL as itself; anything
// else is shown as text (never a link a configuration typo could turn into javascript:).
std::string contact_html(const std::string& contact) {
  if (contact.rfind("https://", 0) == 0) return fmt::format("<a href=\"{0}\">{0}</a>", e(contact));
  if (contact.find('@') != std::string::npos && contact.find_first_of(" <>\"':/") == std::string::npos)
    return fmt::format("<a href=\"mailto:{0}\">{0}</a>", e(contact));
  return e(contact);
}

}  // namespace

http::Response accessibility_page(const Ctx& c) {
  const Lang l = c.lang;
  const std::string muni = c.app().d.primary().name.shown(l);
  const std::string& contact = c.state.options().accessibility_contact;
  auto p = [&](const char* key) { return "<p>" + e(tr(key, l)) + "</p>\n"; };
  auto h2 = [&](const char* key) { return "<h2>" + e(tr(key, l)) + "</h2>\n"; };
  std::string body = "<h1>" + e(tr("a11y.title", l)) + "</h1>\n";
  body += "<p>" + e(tf("a11y.intro", l, muni)) + "</p>\n";
  body += h2("a11y.status_heading") + p("a11y.status");
  body += h2("a11y.gaps_heading") + "<ul>\n";
  for (const char* key : {"a11y.gap.pdf", "a11y.gap.tables", "a11y.gap.markdown"}) body += "<li>" + e(tr(key, l)) + "</li>\n";
  body += "</ul>\n" + p("a11y.alternatives");
  body += h2("a11y.method_heading") + p("a11y.method") + "<p>" + e(tf("a11y.prepared", l, kStatementDate)) + "</p>\n";
  body += h2("a11y.feedback_heading") + p("a11y.feedback");
  body += contact.empty() ? p("a11y.contact_registry") : "<p>" + e(tr("a11y.contact", l)) + " " + contact_html(contact) + "</p>\n";
  body += h2("a11y.authority_heading") + p("a11y.authority") + p("a11y.authority_contact");
  return page(c, tr("a11y.title", l), body, fmt::format("/{}/accessibility", lc(c.other())));
}

}  // namespace toteuma::web
