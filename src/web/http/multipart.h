// multipart/form-data (RFC 7578) bodies, strictly: the browser's file uploads. No Debian package
// offers a parser (Boost.Beast, which the server uses, has none), so this is a small one: it reads
// a body held in memory or, for large uploads, a body the server streamed to a temporary file
// (mapped, never copied into memory), and writes each file part to a file of its own.
#pragma once

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace toteuma::http {

struct Request;

// Why a body is refused (the page shows http.multipart.<kind> in the reader's language).
struct MultipartError : std::runtime_error {
  explicit MultipartError(std::string kind_) : std::runtime_error("multipart: " + kind_), kind(std::move(kind_)) {}
  std::string kind;  // no_boundary | truncated | bad_header | too_many_parts | field_too_large | too_large
};

struct MultipartPart {
  std::string name;          // form field name (Content-Disposition name=)
  std::string filename;      // "" for a plain field; a file's own name, without any folder
  std::string content_type;  // "" when not given
  std::string_view data;     // the part's bytes (into the body)
  bool is_file = false;      // it had a filename parameter (possibly empty: no file chosen)
};

struct MultipartLimits {
  std::size_t max_parts = 16;
  std::size_t max_field_bytes = 64 * 1024;  // a part without a filename (a text field)
  std::size_t max_header_bytes = 8 * 1024;  // one part's header block
};

// The boundary of a `multipart/form-data; boundary=…` content type ("" when the type differs or
// the boundary is missing or malformed: 1–70 characters of RFC 2046's set).
std::string multipart_boundary(std::string_view content_type);

// Splits a whole body. Throws MultipartError on anything off the grammar: a missing first or
// closing delimiter, a part without a Content-Disposition of form-data with a name, a header
// line without CRLF, more parts or larger fields than the limits.
std::vector<MultipartPart> parse_multipart(std::string_view body, std::string_view boundary,
                                           const MultipartLimits& limits = {});

// A multipart request read: text fields in memory, files as files in `dir` (removed with the
// object). Construct from a request whose body is in memory or streamed to `Request::body_file`.
class MultipartForm {
 public:
  MultipartForm(const Request& req, const std::string& dir, const MultipartLimits& limits = {});
  ~MultipartForm();
  MultipartForm(const MultipartForm&) = delete;
  MultipartForm& operator=(const MultipartForm&) = delete;

  struct File {
    std::string name, filename, path;  // field name, the uploader's file name, where it is now
    std::size_t size = 0;
  };
  const std::map<std::string, std::string>& fields() const { return fields_; }
  std::string field(const std::string& name) const;
  const File* file(const std::string& name) const;  // the non-empty file of that field, or nullptr

 private:
  std::map<std::string, std::string> fields_;
  std::vector<File> files_;
};

}  // namespace toteuma::http
