// /{lang}/accessibility: the accessibility statement (saavutettavuusseloste /
// tillgänglighetsutlåtande) the law on digital services (306/2019) asks of every public service,
// readable without login and linked from every page's footer.
#pragma once
#include "web/context.h"

namespace toteuma::web {

// When the statement was last reviewed against the service (update it with each evaluation).
inline constexpr const char* kStatementDate = "6.12.2026";

http::Response accessibility_page(const Ctx& c);

}  // namespace toteuma::web
