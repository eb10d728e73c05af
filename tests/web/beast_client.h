// A synchronous HTTP client on Beast for tests that run a real http::Server on a loopback port.
#pragma once
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
// GCC 12 with -O2/-O3 -fsanitize=address reports a false -Wmaybe-uninitialized on a
// boost::optional inside Beast 1.74's response parser; scoped to Beast's headers only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/beast/http.hpp>
#pragma GCC diagnostic pop

#include "web/http/server.h"

namespace toteuma::testing::beast_client {

namespace th = toteuma::http;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Req = bhttp::request<bhttp::string_body>;
using Res = bhttp::response<bhttp::string_body>;
using namespace std::chrono_literals;

inline Req make(bhttp::verb verb, const std::string& target, std::string body = {},
         const std::string& content_type = {}) {
  Req req{verb, target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  if (!content_type.empty()) req.set(bhttp::field::content_type, content_type);
  req.body() = std::move(body);
  req.prepare_payload();
  return req;
}

inline std::string str(beast::string_view s) { return std::string(s.data(), s.size()); }

// One client connection; the buffer is kept so consecutive responses parse correctly.
struct Client {
  net::io_context ioc;
  tcp::socket socket{ioc};
  beast::flat_buffer buffer;

  explicit Client(unsigned short port) {
    socket.connect({net::ip::make_address("127.0.0.1"), port});
  }
  void send(const Req& req) { bhttp::write(socket, req); }
  Res receive(bool head = false) {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.skip(head);  // a HEAD response announces a length but carries no body
    parser.body_limit(boost::none);
    bhttp::read(socket, buffer, parser);
    return parser.release();
  }
  Res request(const Req& req) {
    send(req);
    return receive(req.method() == bhttp::verb::head);
  }
  // True if the server closed the connection (clean EOF) rather than sending more.
  bool closed_by_server() {
    beast::error_code ec;
    bhttp::response_parser<bhttp::string_body> parser;
    bhttp::read(socket, buffer, parser, ec);
    return ec == bhttp::error::end_of_stream || ec == net::error::connection_reset;
  }
};

}  // namespace toteuma::testing::beast_client
