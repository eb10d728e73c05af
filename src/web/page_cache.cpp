#include "web/page_cache.h"

#include <mutex>

#include "store/sha256.h"
#include "web/context.h"

namespace toteuma::web {

std::shared_ptr<const CachedPage> PageCache::find(const std::string& key) const {
  std::shared_lock lock(mu_);
  auto it = pages_.find(key);
  return it == pages_.end() ? nullptr : it->second;
}

std::shared_ptr<const CachedPage> PageCache::store(const std::string& key, http::Response r) {
  auto page = std::make_shared<CachedPage>();
  page->etag = page_etag(r.body);
  r.headers.emplace_back("ETag", page->etag);
  page->body = std::make_shared<const std::string>(std::move(r.body));
  r.body.clear();
  page->response = std::move(r);
  std::unique_lock lock(mu_);
  if (pages_.size() >= kMaxPages) pages_.clear();
  pages_.insert_or_assign(key, page);
  return page;
}

http::Response CachedPage::answer(const http::Request& req) const {
  http::Response r = response;
  if (req.takes_kept_body) r.kept_body = body;
  else r.body = *body;
  return r;
}

std::size_t PageCache::size() const {
  std::shared_lock lock(mu_);
  return pages_.size();
}

namespace {

// The routes whose GET answers depend on nothing but the snapshot, the request and the viewer
// (and today's date): comments, read beside the snapshot, are audited writes, which swap it too.
bool cacheable(std::string_view pattern) {
  return pattern == "/{lang}/unit/{unit}" || pattern == "/{lang}/unit/{unit}/goals" || pattern == "/{lang}/unit/{unit}/texts" ||
         pattern == "/{lang}/checks";
}

// A field of the key: its length first, so no value can pass for two.
void field(std::string& key, std::string_view v) {
  key += std::to_string(v.size());
  key += ':';
  key += v;
}

}  // namespace

std::string page_cache_key(std::string_view route_pattern, const http::Request& req, const Viewer& viewer, Date today) {
  if (req.method != "GET" || !cacheable(route_pattern) || !viewer.user) return "";
  std::string key;
  key.reserve(256);
  field(key, req.path);
  key += std::to_string(req.query.size()) + "q";
  for (const auto& [k, v] : req.query) field(key, k), field(key, v);
  key += to_iso(today);
  const User& u = *viewer.user;
  field(key, u.id);
  field(key, u.display_name);
  key += u.disabled ? 'd' : 'e';
  key += std::to_string(u.grants.size()) + "g";
  for (const Grant& g : u.grants) {
    field(key, to_string(g.role));
    field(key, g.unit);
    field(key, g.lang ? lang_code(*g.lang) : "-");
  }
  field(key, viewer.csrf);
  return key;
}

std::string page_etag(std::string_view body) {
  Sha256 h;
  h.add(body);
  return "\"" + h.hex().substr(0, 32) + "\"";
}

bool etag_matches(std::string_view header, std::string_view etag) {
  std::size_t i = 0;
  while (i < header.size()) {
    while (i < header.size() && (header[i] == ' ' || header[i] == '\t' || header[i] == ',')) ++i;
    if (i >= header.size()) break;
    if (header[i] == '*') return true;
    if (header.compare(i, 2, "W/") == 0) i += 2;
    std::size_t end = header.find(',', i);
    if (end == std::string_view::npos) end = header.size();
    std::string_view tag = header.substr(i, end - i);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag == etag) return true;
    i = end;
  }
  return false;
}

}  // namespace toteuma::web
