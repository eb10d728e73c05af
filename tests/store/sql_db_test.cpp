// The one SQL layer (store/sql_db.h) on the test's backend: SQLite, or PostgreSQL as pg:*.
#include <gtest/gtest.h>

#include "store/sql_db.h"
#include "store/store.h"
#include "test_db.h"

namespace toteuma {
namespace {

using testing::TempDir;

TEST(SqlDb, UrlPasswordsNeverReachAMessage) {
  EXPECT_EQ(sql::redacted("postgresql://toteuma:s3cret@db.example.fi/toteuma"), "postgresql://toteuma:***@db.example.fi/toteuma");
  EXPECT_EQ(sql::redacted("postgres://u@h/d?sslmode=require&password=x&a=b"), "postgres://u@h/d?sslmode=require&password=***&a=b");
  EXPECT_EQ(sql::redacted("/srv/toteuma.db"), "/srv/toteuma.db");
}

// A `?` inside a string literal is text, not a parameter; NULL, text, integers and bytes come
// back as they went in (bytes with NUL and 0xff among them).
TEST(SqlDb, ParametersLiteralsAndBytesRoundTrip) {
  TempDir tmp;
  sql::Db db(testing::test_db(tmp, "s"));
  db.exec(sql::dialect_sql("CREATE TABLE t (a TEXT, n BIGINT, b BLOB)", db.dialect()));
  EXPECT_EQ(db.dialect(), testing::on_postgres() ? sql::Dialect::postgres : sql::Dialect::sqlite);
  const std::string bytes("a\0b\xff\xfe\n", 6);
  {
    sql::Transaction tx(db);
    db.prepare("INSERT INTO t (a, n, b) VALUES (?, ?, ?)").bind(1, "it's ?").bind(2, std::int64_t{-9007199254740993}).bind_blob(3, bytes).run();
    db.prepare("INSERT INTO t (a, n, b) VALUES (?, ?, ?)").bind_null(1).bind_null(2).bind_blob(3, "").run();
    EXPECT_EQ(db.changes(), 1);
    tx.commit();
  }
  auto st = db.prepare("SELECT a, n, b, '?' FROM t WHERE a = ? OR a IS NULL ORDER BY n IS NULL DESC, n");  // NULL first on both engines
  st.bind(1, "it's ?");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.opt_text(0), std::nullopt);
  EXPECT_EQ(st.opt_int64(1), std::nullopt);
  EXPECT_EQ(st.blob(2), "");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.text(0), "it's ?");
  EXPECT_EQ(st.int64(1), -9007199254740993);
  EXPECT_EQ(st.blob(2), bytes);
  EXPECT_EQ(st.text(3), "?");
  EXPECT_FALSE(st.step());
}

// A transaction not committed leaves nothing; a nested one is a savepoint of the outer.
TEST(SqlDb, RollbackAndSavepoints) {
  TempDir tmp;
  sql::Db db(testing::test_db(tmp, "s"));
  db.exec("CREATE TABLE t (n BIGINT)");
  {
    sql::Transaction outer(db);
    db.prepare("INSERT INTO t VALUES (?)").bind(1, std::int64_t{1}).run();
    {
      sql::Transaction inner(db);
      db.prepare("INSERT INTO t VALUES (?)").bind(1, std::int64_t{2}).run();
    }  // rolled back to the savepoint
    outer.commit();
  }
  {
    sql::Transaction lost(db);
    db.prepare("INSERT INTO t VALUES (?)").bind(1, std::int64_t{3}).run();
  }
  auto st = db.prepare("SELECT COUNT(*), SUM(n) FROM t");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.int64(0), 1);
  EXPECT_EQ(st.int64(1), 1);
}

// PostgreSQL: a database that does not sort by bytes is refused, in Finnish and Swedish, naming
// the collation (an ICU database reports 'C' yet sorts by its locale).
TEST(SqlDb, ADatabaseThatDoesNotSortByBytesIsRefused) {
  if (!testing::on_postgres()) GTEST_SKIP() << "PostgreSQL only";
  const std::string base = testing::test_pg_url();
  const std::string name = "icu_" + std::to_string(::getpid());
  sql::Db(base).exec("CREATE DATABASE " + name + " TEMPLATE template0 LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'fi-FI'");
  std::string url = base.substr(0, base.rfind('/') + 1) + name;
  try {
    sql::Db db(url);
    ADD_FAILURE() << "an ICU database was accepted";
  } catch (const StoreError& e) {
    EXPECT_NE(e.message.in(Lang::fi).find("lajittelee säännöllä 'C (i)'"), std::string::npos) << e.what();
    EXPECT_NE(e.message.in(Lang::sv).find("sorterar enligt 'C (i)'"), std::string::npos) << e.what();
  }
  sql::Db(base).exec("DROP DATABASE " + name);
}

}  // namespace
}  // namespace toteuma
