// The peer: DuckDB (npm @duckdb/node-api) doing what `toteuma import ledger` does with the
// benchmark ledger — parse the CSV (';', decimal comma, exact decimals), sum it per cost
// center, account and month into a table of a fresh database file, and commit.
//   node duckdb.mjs LEDGER.csv DB_FILE THREADS   → prints groups, rows and the total
import { DuckDBInstance } from '@duckdb/node-api';

const [file, dbFile, threads = '2'] = process.argv.slice(2);
const instance = await DuckDBInstance.create(dbFile, { threads: String(threads) });
const con = await instance.connect();
const path = file.replaceAll("'", "''");
await con.run(`CREATE TABLE actuals AS
  SELECT Kustannuspaikka AS cost_center, Tili AS account, date_trunc('month', Tositepvm) AS month,
         SUM(Summa) AS amount, COUNT(*) AS n
  FROM read_csv('${path}', delim = ';', header = true, decimal_separator = ',', quote = '"',
    columns = {'Tositepvm': 'DATE', 'Tosite': 'VARCHAR', 'Tili': 'INTEGER', 'Kustannuspaikka': 'VARCHAR',
               'Summa': 'DECIMAL(18,2)', 'Selite': 'VARCHAR'})
  GROUP BY ALL`);
await con.run('CHECKPOINT');
const reader = await con.runAndReadAll('SELECT COUNT(*), SUM(n), SUM(amount) FROM actuals');
const [groups, rows, total] = reader.getRows()[0].map(String);
console.log(`groups=${groups} rows=${rows} total=${total}`);
con.closeSync?.();
instance.closeSync?.();
