// PDFs are printed on the server's background threads (http::Response::later), never on a
// request thread, so one user's documents cannot stall everyone's pages (issue 20). This bounds
// how many wait: `per_user` of one reader (a user, or an address when anonymous) and `total` in
// all; beyond that the answer is 503 "busy, try again" with Retry-After, at once.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "web/context.h"

namespace toteuma::web {

class PdfJobs : public std::enable_shared_from_this<PdfJobs> {
 public:
  PdfJobs(std::size_t total, std::size_t per_user) : total_(total), per_user_(per_user) {}
  // A place in the queue, given back when the last copy is destroyed (the job done or dropped).
  using Ticket = std::shared_ptr<void>;
  // Null when `who` already has per_user places or all `total` are taken.
  Ticket reserve(const std::string& who);
  std::size_t taken() const;

 private:
  void release(const std::string& who);
  mutable std::mutex mutex_;
  std::size_t total_, per_user_, taken_ = 0;
  std::map<std::string, std::size_t> by_user_;
};

// Whose place a PDF takes: the user, or the address of an anonymous reader.
std::string pdf_reader(const AppState& state, const Viewer& viewer, const http::Request& req);
// `make` (which prints a PDF) as a later answer holding one of `who`'s places; nullopt when
// there is none. `make` must hold what it reads (capture the snapshot's shared_ptr, not a reference).
std::optional<http::Response> pdf_later(AppState& state, const std::string& who, std::function<http::Response()> make);
// A page's PDF: pdf_later for the page's reader, else the busy page (503) in the reader's language.
http::Response pdf_later_or_busy(const Ctx& c, std::function<http::Response()> make);

}  // namespace toteuma::web
