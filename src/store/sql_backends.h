// The two backends behind sql::Db (sql_sqlite.cpp, sql_postgres.cpp); only sql_db.cpp opens them.
#pragma once
#include <memory>
#include <string>

#include "store/sql_db.h"

namespace toteuma::sql {

std::unique_ptr<Conn> open_sqlite(const std::string& path);
std::unique_ptr<Conn> open_postgres(const std::string& url);
sqlite3* sqlite_handle_of(Conn& c);

}  // namespace toteuma::sql
