#include "web/pdf_jobs.h"

#include "core/i18n.h"
#include "core/text.h"
#include "web/auth_routes.h"

namespace toteuma::web {

PdfJobs::Ticket PdfJobs::reserve(const std::string& who) {
  {
    std::lock_guard lock(mutex_);
    auto& mine = by_user_[who];
    if (taken_ >= total_ || mine >= per_user_) {
      if (mine == 0) by_user_.erase(who);
      return nullptr;
    }
    ++mine;
    ++taken_;
  }
  // The ticket keeps the jobs alive: a job may outlive the app's last request.
  return Ticket(static_cast<void*>(this), [self = shared_from_this(), who](void*) { self->release(who); });
}

void PdfJobs::release(const std::string& who) {
  std::lock_guard lock(mutex_);
  --taken_;
  if (auto it = by_user_.find(who); it != by_user_.end() && --it->second == 0) by_user_.erase(it);
}

std::size_t PdfJobs::taken() const {
  std::lock_guard lock(mutex_);
  return taken_;
}

std::string pdf_reader(const AppState& state, const Viewer& viewer, const http::Request& req) {
  return viewer.logged_in() ? "user:" + viewer.user->id : "address:" + client_address(req, state.options().trusted_proxies);
}

std::optional<http::Response> pdf_later(AppState& state, const std::string& who, std::function<http::Response()> make) {
  PdfJobs::Ticket ticket = state.pdf_jobs().reserve(who);
  if (!ticket) return std::nullopt;
  http::Response r;
  r.later = [ticket = std::move(ticket), make = std::move(make)] { return make(); };
  return r;
}

http::Response pdf_later_or_busy(const Ctx& c, std::function<http::Response()> make) {
  if (auto r = pdf_later(c.state, pdf_reader(c.state, c.viewer, c.req), std::move(make))) return std::move(*r);
  std::string body = "<h1>" + html_escape(tr("web.pdf_busy", c.lang)) + "</h1>\n<p>" +
                     html_escape(tr("web.pdf_busy_text", c.lang)) + "</p>";
  http::Response r = page(c, tr("web.pdf_busy", c.lang), body, "/" + std::string(lang_code(c.other())) + "/", 503);
  r.headers.emplace_back("Retry-After", "10");
  return r;
}

}  // namespace toteuma::web
