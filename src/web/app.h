// The web application: routes and pages over a dataset. The first, plain version shows the
// organisation and each unit's figure tables in Finnish and Swedish.
#pragma once
#include <ostream>
#include <string>

#include "core/dataset.h"
#include "web/http/server.h"

namespace toteuma {

// Builds the request handler over a dataset held in memory (read-only for now).
http::Handler make_app(Dataset d);

// Serves until SIGINT/SIGTERM. Prints the address it listens on to `out`.
int serve_app(Dataset d, const std::string& address, unsigned short port, unsigned threads, std::ostream& out);

}  // namespace toteuma
