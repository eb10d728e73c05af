#include "web/http/multipart.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>

#include "web/http/server.h"

namespace toteuma::http {

namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower_ascii(x) == lower_ascii(y); });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// `type; key=value; key="quoted value"` → the parameters (keys lowercased). Browsers escape a
// quote in a file name as %22, so a quoted value ends at the next quote. nullopt if malformed.
std::optional<std::map<std::string, std::string>> parameters(std::string_view s, std::string& type) {
  std::map<std::string, std::string> out;
  auto semi = s.find(';');
  type = std::string(trim(s.substr(0, semi)));
  std::transform(type.begin(), type.end(), type.begin(), lower_ascii);
  while (semi != std::string_view::npos) {
    s.remove_prefix(semi + 1);
    auto eq = s.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    std::string key(trim(s.substr(0, eq)));
    std::transform(key.begin(), key.end(), key.begin(), lower_ascii);
    s.remove_prefix(eq + 1);
    s = trim(s);
    std::string value;
    if (!s.empty() && s.front() == '"') {
      auto close = s.find('"', 1);
      if (close == std::string_view::npos) return std::nullopt;
      value = std::string(s.substr(1, close - 1));
      s.remove_prefix(close + 1);
      semi = s.find(';');
      if (!trim(s.substr(0, semi)).empty()) return std::nullopt;  // text after the closing quote
    } else {
      semi = s.find(';');
      value = std::string(trim(s.substr(0, semi)));
    }
    if (key.empty() || !out.emplace(key, value).second) return std::nullopt;
  }
  return out;
}

bool boundary_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

}  // namespace

std::string multipart_boundary(std::string_view content_type) {
  std::string type;
  auto params = parameters(content_type, type);
  if (!params || type != "multipart/form-data") return "";
  auto it = params->find("boundary");
  if (it == params->end()) return "";
  const std::string& b = it->second;
  if (b.empty() || b.size() > 70 || b.back() == ' ' || !std::all_of(b.begin(), b.end(), boundary_char)) return "";
  return b;
}

std::vector<MultipartPart> parse_multipart(std::string_view body, std::string_view boundary, const MultipartLimits& limits) {
  if (boundary.empty()) throw MultipartError("no_boundary");
  const std::string dash = "--" + std::string(boundary), delimiter = "\r\n" + dash;
  if (body.substr(0, dash.size()) != dash) throw MultipartError(body.size() < dash.size() ? "truncated" : "no_boundary");
  std::size_t at = dash.size();
  std::vector<MultipartPart> parts;
  for (;;) {
    if (body.substr(at, 2) == "--") return parts;  // the close delimiter; the epilogue is ignored
    if (body.size() - at < 2) throw MultipartError("truncated");
    if (body.substr(at, 2) != "\r\n") throw MultipartError("no_boundary");
    at += 2;
    if (parts.size() == limits.max_parts) throw MultipartError("too_many_parts");
    // The part's header lines, up to an empty line.
    MultipartPart part;
    bool disposition = false;
    const std::size_t header_start = at;
    for (;;) {
      auto eol = body.find("\r\n", at);
      if (eol == std::string_view::npos) throw MultipartError(body.size() - header_start > limits.max_header_bytes ? "bad_header" : "truncated");
      if (eol - header_start > limits.max_header_bytes) throw MultipartError("bad_header");
      std::string_view line = body.substr(at, eol - at);
      at = eol + 2;
      if (line.empty()) break;
      auto colon = line.find(':');
      if (colon == std::string_view::npos) throw MultipartError("bad_header");
      std::string_view name = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
      if (iequal(name, "content-disposition")) {
        std::string type;
        auto params = parameters(value, type);
        if (disposition || !params || type != "form-data" || !params->count("name") || params->at("name").empty())
          throw MultipartError("bad_header");
        disposition = true;
        part.name = params->at("name");
        if (auto f = params->find("filename"); f != params->end()) {
          // Only the name: old browsers send the uploader's whole path. "" = no file chosen.
          part.is_file = true;
          auto slash = f->second.find_last_of("/\\");
          part.filename = slash == std::string::npos ? f->second : f->second.substr(slash + 1);
          if (!f->second.empty() && (part.filename.empty() || part.filename == "." || part.filename == ".."))
            throw MultipartError("bad_header");
        }
      } else if (iequal(name, "content-type")) {
        part.content_type = std::string(value);
      }
    }
    if (!disposition) throw MultipartError("bad_header");
    auto end = body.find(delimiter, at);
    if (end == std::string_view::npos) throw MultipartError("truncated");
    part.data = body.substr(at, end - at);
    if (!part.is_file && part.data.size() > limits.max_field_bytes)
      throw MultipartError("field_too_large");
    parts.push_back(part);
    at = end + delimiter.size();
  }
}

namespace {

// A read-only mapping of a whole file (an empty view for an empty file).
struct Mapped {
  int fd = -1;
  void* p = MAP_FAILED;
  std::size_t size = 0;
  explicit Mapped(const std::string& path) {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) throw std::runtime_error("multipart: cannot read the body");
    size = static_cast<std::size_t>(st.st_size);
    if (size) p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (size && p == MAP_FAILED) throw std::runtime_error("multipart: cannot map the body");
  }
  ~Mapped() {
    if (p != MAP_FAILED) ::munmap(p, size);
    if (fd >= 0) ::close(fd);
  }
  std::string_view view() const { return size ? std::string_view(static_cast<const char*>(p), size) : std::string_view(); }
};

std::atomic<unsigned> upload_counter{0};

}  // namespace

MultipartForm::MultipartForm(const Request& req, const std::string& dir, const MultipartLimits& limits) {
  std::string boundary = multipart_boundary(req.header("content-type"));
  std::optional<Mapped> mapped;
  std::string_view body = req.body;
  if (!req.body_file.empty()) body = mapped.emplace(req.body_file).view();
  try {
    for (const auto& part : parse_multipart(body, boundary, limits)) {
      if (!part.is_file) {
        fields_[part.name] = std::string(part.data);
        continue;
      }
      if (part.filename.empty()) continue;  // a file field left empty
      File f{part.name, part.filename,
             (std::filesystem::path(dir) / ("upload-" + std::to_string(::getpid()) + "-" + std::to_string(upload_counter++))).string(),
             part.data.size()};
      files_.push_back(f);
      std::ofstream out(f.path, std::ios::binary | std::ios::trunc);
      if (!out.write(part.data.data(), static_cast<std::streamsize>(part.data.size())) || !out.flush())
        throw std::runtime_error("multipart: cannot write " + f.path);
    }
  } catch (...) {
    std::error_code ec;
    for (const auto& f : files_) std::filesystem::remove(f.path, ec);
    throw;
  }
}

MultipartForm::~MultipartForm() {
  std::error_code ec;
  for (const auto& f : files_) std::filesystem::remove(f.path, ec);
}

std::string MultipartForm::field(const std::string& name) const {
  auto it = fields_.find(name);
  return it == fields_.end() ? "" : it->second;
}

const MultipartForm::File* MultipartForm::file(const std::string& name) const {
  for (const auto& f : files_)
    if (f.name == name && f.size > 0) return &f;
  return nullptr;
}

}  // namespace toteuma::http
