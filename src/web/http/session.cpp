// One keep-alive connection: read a request, run the handler, write the response, repeat.
// Strictly sequential, so pipelined requests are answered in order from the read buffer.
#include "session.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string_view>
#include <atomic>
#include <exception>
#include <filesystem>
#include <optional>
#include <utility>

#include <boost/asio/dispatch.hpp>
#include <boost/beast/core.hpp>
// GCC 12 with -O3 -fsanitize=address reports a false -Wmaybe-uninitialized on a
// boost::optional inside Beast 1.74's parser; scoped to Beast's headers only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/beast/http.hpp>
#include <boost/beast/http/file_body.hpp>
#pragma GCC diagnostic pop
#include <poll.h>
#include <unistd.h>
#include <fmt/core.h>

#include "background.h"
#include "core/i18n.h"

namespace toteuma::http::detail {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using namespace std::chrono_literals;

namespace {

constexpr auto io_timeout = 30s;     // slow or idle keep-alive clients are dropped after this
constexpr auto linger_timeout = 5s;  // how long a closing connection is drained, see linger()
constexpr auto upload_timeout = 30min;  // a large upload over a slow line

// A response body owned by the response, or kept elsewhere and shared (Response::kept_body: a
// cached page, written from where the cache holds it instead of copied per request).
struct KeptOrOwnedBody {
  struct value_type {
    std::string own;
    std::shared_ptr<const std::string> kept;
    std::string_view bytes() const { return kept ? std::string_view(*kept) : std::string_view(own); }
  };
  static std::uint64_t size(const value_type& v) { return v.bytes().size(); }

  class writer {
   public:
    using const_buffers_type = net::const_buffer;
    template <bool isRequest, class Fields>
    writer(const bhttp::header<isRequest, Fields>&, const value_type& body) : body_(body) {}
    void init(beast::error_code& ec) { ec = {}; }
    // The whole body at once, as Beast's string_body does.
    boost::optional<std::pair<const_buffers_type, bool>> get(beast::error_code& ec) {
      ec = {};
      std::string_view b = body_.bytes();
      return {{const_buffers_type(b.data(), b.size()), false}};
    }

   private:
    const value_type& body_;
  };
};

using BeastResponse = bhttp::response<KeptOrOwnedBody>;

// Boost 1.74 Beast uses boost::string_view, which does not convert to/from std's.
std::string_view sv(beast::string_view s) { return {s.data(), s.size()}; }
beast::string_view bsv(std::string_view s) { return {s.data(), s.size()}; }

// ASCII case-insensitive, without copies (called per header and default on every answer).
bool iequals(std::string_view a, std::string_view b) {
  auto low = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return low(x) == low(y); });
}

bool is_token(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return c > 0x20 && c < 0x7f && std::string_view("()<>@,;:\\\"/[]?={}").find(c) ==
                                       std::string_view::npos;
  });
}

// Handler header values may carry user input (e.g. a redirect target); CR/LF there
// would let a client inject headers or split the response.
bool needs_sanitizing(std::string_view v) { return v.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos; }
std::string sanitize_value(std::string_view v) {
  std::string out(v);
  std::replace_if(out.begin(), out.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; },
                  ' ');
  return out;
}

template <class Body>
Request to_request(bhttp::request<Body>& in, std::string remote) {
  Request r;
  r.remote = std::move(remote);
  r.takes_kept_body = true;  // to_beast writes Response::kept_body
  // HEAD is served exactly like GET (the body is dropped later), so handlers need
  // no HEAD routes.
  r.method = in.method() == bhttp::verb::head ? "GET" : std::string(sv(in.method_string()));
  const std::string_view target = sv(in.target());
  const auto q = target.find('?');
  r.path = url_decode(target.substr(0, q), false);
  if (q != std::string_view::npos) r.query = parse_urlencoded(target.substr(q + 1));
  for (const auto& field : in) {
    const auto [it, fresh] = r.headers.try_emplace(lower(sv(field.name_string())), sv(field.value()));
    if (!fresh) it->second.append(", ").append(sv(field.value()));
  }
  return r;
}

// A file upload is streamed to disk: multipart/form-data POSTs only.
bool streamed(const bhttp::request<bhttp::empty_body>& h) {
  if (h.method() != bhttp::verb::post) return false;
  auto type = lower(sv(h[bhttp::field::content_type]));
  return type.rfind("multipart/form-data", 0) == 0;
}

std::string upload_path() {
  static std::atomic<unsigned> n{0};
  return (std::filesystem::temp_directory_path() / fmt::format("toteuma-upload-{}-{}", ::getpid(), n++)).string();
}

// Removes a streamed body when the request is done with it.
struct BodyFile {
  std::string path;
  ~BodyFile() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove(path, ec);
  }
};

Response plain(int status, std::string body) {
  return Response{status, "text/plain; charset=utf-8", std::move(body), {}};
}

// The transport's own refusals: the reader's language is not known here, so both.
std::string both(std::string_view key) { return tr(key, Lang::fi) + " / " + tr(key, Lang::sv) + "\n"; }

// The handler's answer, or a later job's (`make`); exceptions become a generic 500.
Response call_handler(const std::function<Response()>& make, const Request& req) {
  try {
    Response res = make();
    if (res.status >= 100 && res.status <= 599) return res;
    fmt::print(stderr, "toteuma http: {} {:?}: handler returned invalid status {}\n", req.method,
               req.path, res.status);
  } catch (const std::exception& e) {
    fmt::print(stderr, "toteuma http: {} {:?}: handler failed: {}\n", req.method, req.path,
               e.what());
  } catch (...) {
    fmt::print(stderr, "toteuma http: {} {:?}: handler failed\n", req.method, req.path);
  }
  // Generic on purpose: exception texts can reveal paths, SQL or data.
  return plain(500, both("http.internal"));
}

BeastResponse to_beast(Response&& in, unsigned version, bool keep_alive, bool head) {
  BeastResponse res;
  res.version(version);
  res.result(static_cast<unsigned>(in.status));

  const auto handler_has = [&](std::string_view name) {
    return std::any_of(in.headers.begin(), in.headers.end(),
                       [&](const auto& h) { return iequals(h.first, name); });
  };
  const auto set_default = [&](std::string_view name, std::string_view value) {
    if (!value.empty() && !handler_has(name)) res.set(bsv(name), bsv(value));
  };
  set_default("Server", "toteuma");
  set_default("Content-Type", in.content_type);
  set_default("X-Content-Type-Options", "nosniff");
  set_default("Referrer-Policy", "same-origin");
  set_default("X-Frame-Options", "DENY");
  set_default("Content-Security-Policy",
              "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
              "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
  for (const auto& [name, value] : in.headers) {
    // Framing headers are ours to decide; a wrong one would desync the connection.
    if (!is_token(name) || iequals(name, "content-length") ||
        iequals(name, "transfer-encoding") || iequals(name, "connection")) {
      fmt::print(stderr, "toteuma http: dropped response header {:?}\n", name);
      continue;
    }
    if (needs_sanitizing(value)) res.insert(bsv(name), bsv(sanitize_value(value)));
    else res.insert(bsv(name), bsv(value));
  }

  const bool bodiless = in.status < 200 || in.status == 204 || in.status == 304;
  if (!bodiless) {
    // Set by hand rather than prepare_payload(): HEAD must report the GET length.
    res.content_length(in.kept_body ? in.kept_body->size() : in.body.size());
    if (!head && in.kept_body) res.body().kept = std::move(in.kept_body);
    else if (!head) res.body().own = std::move(in.body);
  }
  res.keep_alive(keep_alive);
  return res;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(net::ip::tcp::socket&& socket, std::shared_ptr<const Handler> handler, Background& background)
      : stream_(std::move(socket)), handler_(std::move(handler)), background_(background), remote_(remote_address()) {}

  // Hop onto the connection's strand before the first operation.
  void start() { net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); }); }

 private:
  void read() {
    // The header first: its content type decides whether the body goes to memory or to a file.
    head_.emplace();
    // Beast refuses a Content-Length over the parser's limit while reading the header, before we
    // know whether the body is an upload: the header parser takes the upload limit, and an
    // in-memory body is held to its own limit below.
    head_->body_limit(max_upload_bytes);
    stream_.expires_after(io_timeout);
    bhttp::async_read_header(stream_, buffer_, *head_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      self->on_header(ec);
    });
  }

  void on_header(beast::error_code ec) {
    if (ec) return on_read_error(ec);
    if (streamed(head_->get())) {
      file_.emplace(std::move(*head_));
      file_->body_limit(max_upload_bytes);
      body_file_.path = upload_path();
      beast::error_code fec;
      file_->get().body().open(body_file_.path.c_str(), beast::file_mode::write, fec);
      if (fec) return write(to_beast(plain(500, both("http.internal")), 11, false, false));
      stream_.expires_after(upload_timeout);
      return bhttp::async_read(stream_, buffer_, *file_, [self = shared_from_this()](beast::error_code ec2, std::size_t) {
        self->on_read(ec2);
      });
    }
    if (auto length = head_->content_length(); length && *length > max_body_bytes) return on_read_error(bhttp::error::body_limit);
    parser_.emplace(std::move(*head_));
    parser_->body_limit(max_body_bytes);
    // A request without a body (every GET) is complete with its header: answered at once, not
    // after a read that would only post its completion.
    if (parser_->is_done()) return on_read({});
    bhttp::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec2, std::size_t) {
      self->on_read(ec2);
    });
  }

  void on_read(beast::error_code ec) {
    if (ec) {
      file_.reset();
      BodyFile gone{std::exchange(body_file_.path, {})};
      return on_read_error(ec);
    }
    bool head = false, keep_alive = false;
    unsigned version = 11;
    Request req;
    Response res = answer(head, keep_alive, version, req);
    if (res.later) return answer_later(std::move(res.later), res.later_only_for_reader, std::move(req), version, keep_alive, head);
    write(to_beast(std::move(res), version, keep_alive, head));
  }

  // The job runs on a background thread; its answer is written from this connection's strand.
  // Nothing is read from the connection meanwhile (answers keep the requests' order).
  // A reader who left before the job's turn (closed the tab, gave up waiting) is not printed
  // for (`only_for_reader`): dropping the job gives back its place and the connection closes.
  void answer_later(std::function<Response()> job, bool only_for_reader, Request req, unsigned version, bool keep_alive, bool head) {
    background_.post([self = shared_from_this(), job = std::move(job), only_for_reader, req = std::move(req), version, keep_alive, head] {
      if (only_for_reader && self->peer_gone()) return;
      Response res = call_handler(job, req);
      res.later = nullptr;  // one deferral only
      net::post(self->stream_.get_executor(), [self, res = std::move(res), version, keep_alive, head]() mutable {
        self->write(to_beast(std::move(res), version, keep_alive, head));
      });
    });
  }

  // Runs the handler on the request read; a streamed body's file is removed before the answer is sent.
  Response answer(bool& head, bool& keep_alive, unsigned& version, Request& r) {
    BodyFile done{std::exchange(body_file_.path, {})};
    auto take = [&](auto& parser) {
      auto& req = parser.get();
      head = req.method() == bhttp::verb::head;
      version = req.version();
      keep_alive = req.keep_alive();
      r = to_request(req, remote_);
    };
    if (file_) {
      take(*file_);
      file_->get().body().close();
      file_.reset();
      r.body_file = done.path;
    } else {
      take(*parser_);
      r.body = std::move(parser_->get().body());
      parser_.reset();
    }
    return call_handler([&] { return (*handler_)(r); }, r);
  }

  // Whether the client has closed its side: nothing is read from a connection while its later
  // answer waits, so the peer's FIN is still unread and shows as POLLRDHUP (a poll of the fd:
  // no Asio operation is pending on the socket meanwhile). A client that only shuts down its
  // sending side and still waits for the answer would lose it; browsers and curl do not do that.
  bool peer_gone() {
    pollfd p{stream_.socket().native_handle(), POLLRDHUP, 0};
    return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
  }

  // The peer of the connection ("" if it is gone already); a proxy's own address behind a proxy.
  // Asked once per connection (remote_): it cannot change, and a request need not pay a system call.
  std::string remote_address() {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    return ec ? std::string() : ep.address().to_string();
  }

  void on_read_error(beast::error_code ec) {
    // Returning without a new operation drops the last reference: the socket closes.
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return;
    if (ec == bhttp::error::body_limit)
      return write(to_beast(plain(413, both("http.too_large")), 11, false, false));
    if (ec == bhttp::error::header_limit)
      return write(to_beast(plain(431, both("http.headers_too_large")), 11, false, false));
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category())
      return write(to_beast(plain(400, both("http.bad_request")), 11, false, false));
    // Timeouts, resets: nobody to answer.
  }

  void write(BeastResponse&& res) {
    response_ = std::move(res);  // must outlive the async write
    stream_.expires_after(io_timeout);
    bhttp::async_write(stream_, *response_,
                       [self = shared_from_this()](beast::error_code ec, std::size_t) {
                         if (ec) return;
                         if (self->response_->need_eof()) return self->linger();
                         self->response_.reset();
                         self->read();
                       });
  }

  // Closing a socket with unread input makes the kernel send RST, which can destroy
  // the response (e.g. a 413) before the client reads it. So: send FIN, then discard
  // whatever the client still sends until it closes or the linger timeout hits.
  void linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    stream_.expires_after(linger_timeout);
    drain();
  }

  void drain() {
    stream_.async_read_some(net::buffer(scratch_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (!ec) self->drain();
                            });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;  // persists across requests: holds pipelined data
  std::shared_ptr<const Handler> handler_;
  Background& background_;
  std::optional<bhttp::request_parser<bhttp::empty_body>> head_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::request_parser<bhttp::file_body>> file_;
  BodyFile body_file_;
  std::optional<BeastResponse> response_;
  std::array<char, 4096> scratch_{};
  std::string remote_;  // after stream_, from which it is read
};

}  // namespace

void start_session(net::ip::tcp::socket socket, std::shared_ptr<const Handler> handler, Background& background) {
  std::make_shared<Session>(std::move(socket), std::move(handler), background)->start();
}

}  // namespace toteuma::http::detail
