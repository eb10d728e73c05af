// Numbered schema migrations, applied in order, each in its own transaction. Never edit a
// released migration: add the next number. Portable SQL only (SQLite and PostgreSQL).
#pragma once
#include <string_view>
#include <vector>

namespace toteuma {

struct Migration {
  int version;
  std::string_view sql;
};

const std::vector<Migration>& migrations();

}  // namespace toteuma
