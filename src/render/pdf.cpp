#include "render/pdf.h"

#include "render/chromium.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <poppler/cpp/poppler-destination.h>
#include <poppler/cpp/poppler-document.h>
#include <sstream>
#include <string_view>
#include <tuple>
#include <vector>

namespace toteuma {
namespace fs = std::filesystem;
namespace {

bool is_executable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// A name without a slash is looked up on PATH, like a shell would.
std::optional<std::string> resolve(const std::string& name) {
  if (name.find('/') != std::string::npos) return is_executable(name) ? std::optional(name) : std::nullopt;
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (fs::path candidate = fs::path(dir.empty() ? "." : dir) / name; is_executable(candidate)) return candidate;
  return std::nullopt;
}

std::string find_chromium(const PdfOptions& options) {
  if (!options.chromium.empty()) {
    if (auto found = resolve(options.chromium)) return *found;
    throw PdfError("Chromium not found: " + options.chromium);
  }
  if (const char* env = std::getenv("TOTEUMA_CHROMIUM"); env && *env) {
    if (auto found = resolve(env)) return *found;
    throw PdfError(std::string("Chromium not found: TOTEUMA_CHROMIUM=") + env);
  }
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    if (auto found = resolve(name)) return *found;
  throw PdfError("Chromium not found: set TOTEUMA_CHROMIUM or install chromium (scripts/install-deps.sh --browser)");
}

// The printed page may load nothing but itself: no local file (an <iframe src="file:///etc/...">
// in a narrative would print it), no network, no script. Inline styles, SVG and data: images stay.
// Its body is also hidden on screen: Chromium lays a page out for the screen when it loads and
// again each time a print ends, and for a 130-page document each of those layouts costs ~0,3 s of
// CPU that the PDF never uses (measured in bench/documents/README.md). The print layout, which
// the PDF is made of, is untouched: `not print` never applies while printing.
std::string printable(const std::string& html) {
  static const std::string meta =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:; font-src data:\">"
      "<style>@media not print { body { display: none !important; } }</style>";
  std::string lower(html.size(), ' ');
  std::transform(html.begin(), html.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  // Right after <head> (or <html>), before anything that could load; a meta CSP binds what follows it.
  for (const std::string tag : {"<head", "<html"}) {
    for (size_t at = lower.find(tag); at != std::string::npos; at = lower.find(tag, at + 1)) {
      const char next = at + tag.size() < lower.size() ? lower[at + tag.size()] : '\0';
      if (next != '>' && !std::isspace(static_cast<unsigned char>(next))) continue;  // not <header>
      size_t end = html.find('>', at);
      if (end == std::string::npos) break;
      return html.substr(0, end + 1) + meta + html.substr(end + 1);
    }
  }
  return meta + html;
}

// Chromiums kept between prints, per executable: a print takes an idle one (or starts one) and
// gives it back when it is still usable. As many live as prints ever ran at once (the web's PDF
// workers bound that); they end with the process (their command pipe closes, the pool kills them).
class ChromiumPool {
 public:
  std::unique_ptr<Chromium> take(const std::string& executable) {
    {
      std::lock_guard lock(mutex_);
      // One that died while kept (killed, crashed) is dropped, and the next tried.
      for (auto it = idle_.find(executable); it != idle_.end() && it->first == executable; it = idle_.erase(it))
        if (it->second->alive()) {
          auto kept = std::move(it->second);
          idle_.erase(it);
          return kept;
        }
    }
    return std::make_unique<Chromium>(executable);
  }
  void give(const std::string& executable, std::unique_ptr<Chromium> chromium) {
    if (!chromium->usable()) return;
    std::lock_guard lock(mutex_);
    idle_.emplace(executable, std::move(chromium));
  }

 private:
  std::mutex mutex_;
  std::multimap<std::string, std::unique_ptr<Chromium>> idle_;
};

ChromiumPool& pool() {
  static ChromiumPool instance;
  return instance;
}

std::atomic<size_t> prints{0};  // every print made (pdf_prints)

// One Chromium for the prints of one document, given back to the pool afterwards.
class Printer {
 public:
  Printer(std::string executable, std::chrono::seconds timeout)
      : executable_(std::move(executable)), timeout_(timeout), chromium_(pool().take(executable_)) {}
  ~Printer() { pool().give(executable_, std::move(chromium_)); }
  std::string print(const std::string& html, bool tagged) {
    ++prints;
    return chromium_->print(printable(html), Chromium::Clock::now() + timeout_, timeout_, tagged);
  }

 private:
  std::string executable_;
  std::chrono::seconds timeout_;
  std::unique_ptr<Chromium> chromium_;
};

}  // namespace

// Named destinations rather than the outline or the text: Chromium writes one destination per
// anchor that a link points to, named by the element's id, so an id maps to its page exactly,
// whatever the heading's text or how often it recurs. The outline is keyed by titles, and a text
// search would be fooled by the TOC and by repeated headings.
AnchorPages pdf_anchor_pages(const std::string& pdf) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!doc) throw PdfError("cannot read the PDF Chromium wrote");
  AnchorPages pages;
  for (const auto& [name, dest] : doc->create_destination_map())
    if (dest.page_number() > 0) pages[name] = dest.page_number();
  return pages;
}

namespace {

// The pages a document's anchors landed on in its last print, by the document (its identity
// below): printing it again starts from them, so its TOC is right in one print — also after an
// edit that moved no heading, the usual case while a budget is prepared. Checked after that
// print like any other guess; bounded (a server prints few distinct documents).
class KnownPages {
 public:
  std::optional<AnchorPages> find(size_t key) {
    std::lock_guard lock(mutex_);
    auto it = pages_.find(key);
    return it == pages_.end() ? std::nullopt : std::optional(it->second);
  }
  void keep(size_t key, AnchorPages pages) {
    std::lock_guard lock(mutex_);
    if (pages_.size() >= 256) pages_.clear();
    pages_[key] = std::move(pages);
  }

 private:
  std::mutex mutex_;
  std::map<size_t, AnchorPages> pages_;
};

KnownPages& known_pages() {
  static KnownPages instance;
  return instance;
}

// The text between `open` and the next `close` after `from`, and where it ends ("" and npos if none).
std::pair<std::string_view, size_t> between(std::string_view s, std::string_view open, std::string_view close, size_t from) {
  size_t a = s.find(open, from);
  if (a == std::string_view::npos) return {{}, a};
  a += open.size();
  size_t b = s.find(close, a);
  if (b == std::string_view::npos) return {{}, b};
  return {s.substr(a, b - a), b + close.size()};
}

// Which document a first-pass HTML is: its language, its title and its linked anchors in order.
// An edit of a figure or a sentence keeps all three, so the edited document starts from its last
// pages; two documents that share them only share a guess, which the print checks.
struct DocumentIdentity {
  size_t key = 0;
  bool links = false;  // any internal link: a TOC whose pages a print must find
};
DocumentIdentity document_identity(std::string_view html) {
  std::string id(between(html, "<html lang=\"", "\"", 0).first);
  id += '\n';
  id += between(html, "<title>", "</title>", 0).first;
  bool links = false;
  for (auto [anchor, at] = between(html, "href=\"#", "\"", 0); at != std::string_view::npos;
       std::tie(anchor, at) = between(html, "href=\"#", "\"", at)) {
    (id += '\n') += anchor;
    links = true;
  }
  return {std::hash<std::string>{}(id), links};
}

}  // namespace

std::string render_pdf(const std::function<std::string(const AnchorPages&)>& html_for_pages,
                       const PdfOptions& options) {
  Printer printer(find_chromium(options), options.timeout);
  const std::string first = html_for_pages({});
  const DocumentIdentity id = document_identity(first);
  AnchorPages pages = known_pages().find(id.key).value_or(AnchorPages{});
  std::string html = pages.empty() ? first : html_for_pages(pages);
  // A print made only to find where the headings land is untagged: the tags are about half of a
  // long document's print and change no page (its destinations are the same, bench/documents).
  bool tagged = !pages.empty() || !id.links;
  std::string pdf = printer.print(html, tagged);
  // Filling in page numbers rarely moves a heading (only if the TOC grows a page), so one
  // reprint normally settles it; a third print covers that case.
  for (int print = 1; print < 3; ++print) {
    AnchorPages found = pdf_anchor_pages(pdf);
    if (found == pages) break;
    pages = std::move(found);
    std::string next = html_for_pages(pages);
    if (next == html) break;
    html = std::move(next);
    pdf = printer.print(html, tagged = true);
  }
  if (!tagged) {  // the pages found changed nothing in the HTML: what is returned is tagged all the same
    pdf = printer.print(html, true);
  }
  known_pages().keep(id.key, pages);
  return pdf;
}

std::string render_pdf_of(const std::string& html, const PdfOptions& options) {
  Printer printer(find_chromium(options), options.timeout);
  return printer.print(html, true);
}

size_t pdf_prints() { return prints.load(); }

}  // namespace toteuma
