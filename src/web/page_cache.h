// The read pages rendered from one snapshot (issue 20): a unit's figures and its follow-up, its
// goals and its texts, the check findings. Each is computed from the snapshot, the request and the
// viewer only, so it is kept under a key of exactly those and served again until the snapshot goes
// (Snapshot::pages): every write, here or by another process or instance, swaps the snapshot
// (AppState::reload_if_changed), and with it every kept page. The viewer is part of the key whole
// (user, name, grants, the session's CSRF token): the header names the user, the forms carry the
// token, the edit links follow the grants, so no viewer is ever served another's page. The
// session itself is still read from the database on every request (a logout or a disabled user acts
// at once); the route's own authorisation is not run again for a kept page — it would decide the
// same, since it reads only the snapshot, the request and the viewer, all in the key. A route whose
// answer depends on anything else must not be made cacheable (cacheable() in page_cache.cpp).
#pragma once
#include <cstddef>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/date.h"
#include "web/http/server.h"

namespace toteuma::web {

struct Viewer;

// A kept answer and its entity tag (a hash of its bytes, RFC 9110 8.8.3).
struct CachedPage {
  http::Response response;  // with its ETag header; its bytes are in `body`
  std::shared_ptr<const std::string> body;
  std::string etag;
  // The answer to send: the server takes the kept bytes as they are (Response::kept_body), other
  // callers get a copy in Response::body.
  http::Response answer(const http::Request& req) const;
};

class PageCache {
 public:
  // At most this many pages per snapshot (a unit page is ~15 kB): when full, the cache starts over.
  static constexpr std::size_t kMaxPages = 2048;

  std::shared_ptr<const CachedPage> find(const std::string& key) const;
  // Tags `r` with its ETag, keeps it under `key` and gives it back.
  std::shared_ptr<const CachedPage> store(const std::string& key, http::Response r);
  std::size_t size() const;

 private:
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const CachedPage>> pages_;
};

// The key of a GET of a cacheable page: the path (language, unit), every query parameter, the
// date the pages take as today, and the viewer whole. "" when the route's answer is not kept.
std::string page_cache_key(std::string_view route_pattern, const http::Request& req, const Viewer& viewer, Date today);

// A quoted strong entity tag of a page's bytes: equal bytes, equal tags.
std::string page_etag(std::string_view body);
// True when an If-None-Match header value names `etag`: "*", or one of a comma-separated list
// (a weak W/ tag compares too: RFC 9110 13.1.2 uses the weak comparison for If-None-Match).
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace toteuma::web
