// The web application: the shared workplace over one database (issue 7). Pages and the JSON API
// need a login except the published documents; every write is authorised on the server, carries
// a CSRF token, is audited and refused when made on a stale copy.
#pragma once
#include <ostream>
#include <string>

#include "web/app_state.h"
#include "web/http/server.h"

namespace toteuma {

// Builds the request handler over the database at `db` (migrated if needed).
http::Handler make_app(const std::string& db, web::AppOptions options = {});

// Serves until SIGINT/SIGTERM. Prints the address it listens on to `out`.
int serve_app(const std::string& db, const std::string& address, unsigned short port, unsigned threads,
              std::ostream& out, web::AppOptions options = {});

}  // namespace toteuma
