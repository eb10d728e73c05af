#include "server.h"

#include <chrono>
#include <csignal>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <fmt/core.h>

#include "background.h"
#include "session.h"

namespace toteuma::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string url_encode(std::string_view in) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : in) {
    if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

std::string url_decode(std::string_view in, bool plus_as_space) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '+' && plus_as_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0 &&
               hex_value(in[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

namespace detail {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::map<std::string, std::string> parse_urlencoded(std::string_view in) {
  std::map<std::string, std::string> out;
  while (!in.empty()) {
    const auto amp = in.find('&');
    const std::string_view pair = in.substr(0, amp);
    in = amp == std::string_view::npos ? std::string_view{} : in.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const std::string_view value =
        eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    out.try_emplace(url_decode(pair.substr(0, eq), true), url_decode(value, true));
  }
  return out;
}

}  // namespace detail

std::string Request::header(std::string_view name) const {
  const auto it = headers.find(detail::lower(name));
  return it == headers.end() ? std::string{} : it->second;
}

std::map<std::string, std::string> Request::form() const {
  // Compare the media type only: browsers append "; charset=UTF-8" at will.
  std::string type = detail::lower(header("content-type"));
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  if (type != "application/x-www-form-urlencoded") return {};
  return detail::parse_urlencoded(body);
}

struct Server::Impl {
  // Declared first so it is destroyed last: sessions parked in its queues refer to it.
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::steady_timer retry;  // backs off when accept fails, e.g. out of file descriptors
  std::shared_ptr<const Handler> handler;
  unsigned threads;
  unsigned short bound_port = 0;  // cached: the acceptor is busy on pool threads and closed after run()
  // Declared after ioc so it is destroyed first: its jobs post their answers to ioc.
  detail::Background background;

  Impl(const std::string& address, unsigned short port, Handler h, unsigned n, unsigned slow)
      : ioc(static_cast<int>(n)),
        acceptor(ioc),
        retry(ioc),
        handler(std::make_shared<const Handler>(std::move(h))),
        threads(n),
        background(slow == 0 ? 1 : slow) {
    // Resolve rather than parse so "localhost" works as well as literal addresses.
    const tcp::endpoint ep =
        tcp::resolver(ioc)
            .resolve(address, std::to_string(port),
                     tcp::resolver::passive | tcp::resolver::numeric_service)
            ->endpoint();
    acceptor.open(ep.protocol());
    acceptor.set_option(net::socket_base::reuse_address(true));
    acceptor.bind(ep);
    acceptor.listen(net::socket_base::max_listen_connections);
    bound_port = acceptor.local_endpoint().port();
    accept();
  }

  void accept() {
    // Each connection gets its own strand: its socket and Beast's timeout timer never
    // run concurrently, while different connections use all pool threads.
    acceptor.async_accept(net::make_strand(ioc), [this](boost::system::error_code ec,
                                                        tcp::socket socket) {
      if (ec == net::error::operation_aborted) return;
      if (ec) {
        fmt::print(stderr, "toteuma http: accept failed: {}\n", ec.message());
        retry.expires_after(std::chrono::milliseconds(100));
        retry.async_wait([this](boost::system::error_code wait_ec) {
          if (!wait_ec) accept();
        });
        return;
      }
      detail::start_session(std::move(socket), handler, background);
      accept();
    });
  }
};

Server::Server(std::string address, unsigned short port, Handler handler, unsigned threads, unsigned background)
    : impl_(std::make_unique<Impl>(address, port, std::move(handler), threads == 0 ? 1 : threads, background)) {}

Server::~Server() = default;

unsigned short Server::port() const { return impl_->bound_port; }

void Server::run() {
  {
    std::vector<std::jthread> pool;
    for (unsigned i = 1; i < impl_->threads; ++i) pool.emplace_back([this] { impl_->ioc.run(); });
    impl_->ioc.run();
  }  // joins the workers
  // Only now is no thread inside the io_context, so touching the acceptor is race-free.
  // Closing it frees the port for a restarted server.
  boost::system::error_code ignored;
  impl_->acceptor.close(ignored);
}

void Server::stop() { impl_->ioc.stop(); }

void run_until_signal(Server& server) {
  net::signal_set signals(server.impl_->ioc, SIGINT, SIGTERM);
  signals.async_wait([&server](const boost::system::error_code& ec, int) {
    if (!ec) server.stop();
  });
  server.run();
}

}  // namespace toteuma::http
