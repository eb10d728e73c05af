// /{lang}/unit/{unit}/ledger?year=Y&line=L&month=M: the general-ledger rows behind a follow-up
// figure, exactly what `toteuma ledger rows` prints (web/ledger_import.h), with their count and sum
// beside the figure itself. Every follow-up figure of a month links here (ledger_rows_href).
#pragma once
#include <optional>
#include <string>

#include "web/context.h"

namespace toteuma::web {

http::Response ledger_rows_page(const Ctx& c, const std::string& unit);
// The page's address for a figure (unit, line, month M of year Y) in `lang`.
std::string ledger_rows_href(Lang lang, const std::string& unit, int year, const std::string& line, int month);

}  // namespace toteuma::web
