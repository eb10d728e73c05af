// Small HTTP/1.1 server on Boost.Beast. Boost stays out of this header (pimpl) so
// users of the library do not pay for Beast/Asio in their compile times.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace toteuma::http {

// Requests with a larger body are answered with 413 and the connection is closed.
inline constexpr std::size_t max_body_bytes = 1024 * 1024;
// Except a multipart/form-data POST (a file upload), which is streamed to a temporary file
// (Request::body_file), never held in memory, up to this size (docs/WEB.md, Imports).
inline constexpr std::size_t max_upload_bytes = std::size_t{256} * 1024 * 1024;

struct Request {
  std::string method;                           // "GET", "POST", ...; HEAD arrives as "GET"
  std::string path;                             // percent-decoded path without query
  std::map<std::string, std::string> query;     // decoded query params (+ as space), first wins
  std::map<std::string, std::string> headers;   // lowercased names; repeats joined with ", "
  std::string body;
  // A streamed upload's body: the temporary file holding it ("" when the body is in `body`);
  // removed by the server once the handler returned.
  std::string body_file;
  std::string remote;                           // the connection's peer address ("192.0.2.7", "::1")
  // Set by the server: it sends Response::kept_body as it is, so a handler may answer with a kept
  // page's bytes without copying them. Others who call a handler (tests) read Response::body.
  bool takes_kept_body = false;

  // Parses an application/x-www-form-urlencoded body; empty if the content type differs
  // (so multipart or JSON bodies are never misread as forms).
  std::map<std::string, std::string> form() const;
  std::string header(std::string_view name) const;  // case-insensitive; "" if absent
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";  // empty: no Content-Type header
  std::string body;
  // Extra headers. A name matching a default header (Content-Security-Policy,
  // X-Frame-Options, ...) replaces the default; others are appended, so repeats such as
  // Set-Cookie work. Content-Length, Transfer-Encoding and Connection are ignored.
  std::vector<std::pair<std::string, std::string>> headers;
  // An answer that takes long to make (a PDF): when set, the server runs it on one of its
  // background threads, not on the request thread, and sends what it returns (the fields above
  // are then unused). Other requests, on this connection's peers and /healthz, go on meanwhile.
  // The handler decides whether to queue at all: it answers "busy" itself (web/pdf_jobs.h).
  std::function<Response()> later = {};
  // Whether `later` is only worth making for the reader: then it is dropped when the client has
  // closed the connection before its turn (a PDF nobody will read). A job that must happen
  // anyway (printing a frozen version's PDFs) clears it.
  bool later_only_for_reader = true;
  // Bytes kept elsewhere (a cached page: web/page_cache.h) sent instead of `body`, never copied.
  // Only to a Request::takes_kept_body; set, `body` is unused.
  std::shared_ptr<const std::string> kept_body = {};
};

// Called concurrently from the pool threads; must be thread-safe. An exception yields a
// generic 500 (the message goes to stderr only).
using Handler = std::function<Response(const Request&)>;

class Server {
 public:
  // Binds immediately (throws boost::system::system_error on failure), so port() is valid
  // before run(). threads == 0 means 1. `background` threads run the Response::later jobs.
  Server(std::string address, unsigned short port, Handler handler,
         unsigned threads = std::thread::hardware_concurrency(), unsigned background = 2);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned short port() const;  // actual bound port (port 0 = ephemeral)
  // Serves on the calling thread plus threads-1 workers; blocks until stop(). Call once.
  void run();
  // Thread-safe, may be called before run() (run() then returns at once). In-flight
  // requests are abandoned: this is a local tool, not a draining load-balanced service.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  friend void run_until_signal(Server&);
};

// run() that also stops on SIGINT/SIGTERM; kept separate so tests never touch signals.
void run_until_signal(Server& server);

// Percent-decodes; malformed escapes are kept literally rather than rejected.
std::string url_decode(std::string_view in, bool plus_as_space);
// Percent-encodes everything but unreserved characters (A-Z a-z 0-9 - . _ ~): query values.
std::string url_encode(std::string_view in);

}  // namespace toteuma::http
