// Internal to toteuma_http: the pieces server.cpp and session.cpp share.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <boost/asio/ip/tcp.hpp>

#include "server.h"

namespace toteuma::http::detail {

// Takes ownership of an accepted socket (bound to a strand) and serves it until the peer
// goes away, a timeout hits or the io_context stops.
// A Response::later runs on `background`, which outlives every session.
class Background;
void start_session(boost::asio::ip::tcp::socket socket, std::shared_ptr<const Handler> handler, Background& background);

// "a=1&b=x+y" -> {a: 1, b: "x y"}; the first occurrence of a key wins.
std::map<std::string, std::string> parse_urlencoded(std::string_view in);

std::string lower(std::string_view s);

}  // namespace toteuma::http::detail
