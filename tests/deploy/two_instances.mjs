// Two `toteuma serve` on one PostgreSQL database behind nginx (round robin), issue 18 item 7:
//   1. conflicting edits from many clients at once through nginx: every answer 200 or 409 `stale`,
//      accepted + refused = sent, the audit holds exactly the accepted writes as one unbroken chain
//      (each before = the previous after: no update lost), the value both instances serve at the end
//      is the last accepted write's after, and both instances took writes;
//   2. a write through instance 1 is served by instance 2 within a second, and the other way round;
//   3. a command-line write (`toteuma narrative set`) is served by both instances within a second.
// Usage: node two_instances.mjs TOTEUMA_BIN SOURCE_DIR   (ctest deploy_two_instances, label postgres)
// Needs TOTEUMA_TEST_PG_URL (a cluster's URL; scripts/test.sh starts one), nginx and psql.
// Everything it starts (a database, two servers, nginx, a temp folder) goes when it exits.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const [BIN, ROOT] = process.argv.slice(2).map((p) => p && path.resolve(p));
const PG = process.env.TOTEUMA_TEST_PG_URL;
const PASSWORD = 'toteuma-demo'; // scripts/demo-users.sh
const VISIBLE_MS = 1000; // issue 18: "within a second"
const BURST = 16; // phase A: requests sent at once with the same before
const CLIENTS = 4; // phase B: clients per contested value ...
const ROUNDS = 8; // ... each reading and writing this many times
const NGINX = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
  return ok;
};
function die(message) {
  console.error(`two_instances: FAILED: ${message}`);
  // The servers' and nginx's logs go with the temp folder: show them first.
  for (const f of ['instance1.out', 'instance2.out', 'nginx-error.log'])
    try { console.error(`--- ${f}\n${fs.readFileSync(path.join(work, f), 'utf8').slice(-4000)}`); } catch {}
  process.exit(1);
}
if (!BIN || !ROOT) die('usage: node two_instances.mjs TOTEUMA_BIN SOURCE_DIR');
if (!PG) die('TOTEUMA_TEST_PG_URL is not set: start a cluster (scripts/pg-cluster.sh start DIR) or run ctest -LE postgres');

// ---- what it starts, and stops on exit ----------------------------------------------------------
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'toteuma-deploy-'));
const children = [];
const dbName = `deploy_${process.pid}_${Date.now()}`;
let dbCreated = false;
const psql = (url, sql) => execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-Atqc', sql], { encoding: 'utf8' }).trim();
function cleanup() {
  for (const c of children) if (c.exitCode === null) c.kill(c.nginx ? 'SIGQUIT' : 'SIGTERM');
  for (const c of children) if (c.exitCode === null) try { execFileSync('sh', ['-c', `for i in $(seq 50); do kill -0 ${c.pid} 2>/dev/null || exit 0; sleep 0.1; done; kill -9 ${c.pid}`]); } catch {}
  if (dbCreated) try { psql(PG, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`); } catch (e) { console.error(`could not drop ${dbName}: ${e.message}`); }
  fs.rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => process.exit(1));
// Well within ctest's TIMEOUT, so the clean-up above always runs.
setTimeout(() => die('did not finish within 240 s'), 240_000).unref();

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// `toteuma serve` on a free port: resolves with its base URL once it prints it.
function serve(url, name) {
  const out = fs.openSync(path.join(work, `${name}.out`), 'w');
  const c = spawn(BIN, ['serve', '--db', url, '--port', '0', '--threads', '2'], { stdio: ['ignore', out, out] });
  children.push(c);
  return (async () => {
    for (let i = 0; i < 300; i++) {
      const text = fs.readFileSync(path.join(work, `${name}.out`), 'utf8');
      const m = text.match(/^Toteuma: (http:\/\/[^/]+)\//m);
      if (m) return m[1];
      if (c.exitCode !== null) die(`${name} (toteuma serve) exited: ${text}`);
      await sleep(100);
    }
    die(`${name} (toteuma serve) did not start within 30 s`);
  })();
}

async function startNginx(upstreams) {
  const port = await freePort();
  // As root the workers would drop to nobody; the temp paths are root's.
  const user = process.getuid() === 0 ? 'user root root;' : '';
  fs.writeFileSync(path.join(work, 'nginx.conf'), `${user}
worker_processes 2;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${work}/client_body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  upstream toteuma {
${upstreams.map((u) => `    server ${u.replace('http://', '')};`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://toteuma;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Which instance answered: the test checks that both took writes.
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`);
  const c = spawn(NGINX, ['-p', work, '-c', path.join(work, 'nginx.conf'), '-e', path.join(work, 'nginx-error.log'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', fs.openSync(path.join(work, 'nginx.out'), 'w')] });
  c.nginx = true;
  children.push(c);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (c.exitCode !== null) break;
    try { if ((await fetch(`${base}/api/v1/openapi.json`)).ok) return base; } catch {}
    await sleep(100);
  }
  const log = ['nginx.out', 'nginx-error.log'].map((f) => { try { return fs.readFileSync(path.join(work, f), 'utf8'); } catch { return ''; } }).join('');
  die(`nginx did not start on port ${port}: ${log}`);
}

// ---- the API (docs/API.md) ---------------------------------------------------------------------
async function login(base, user) {
  const r = await fetch(`${base}/api/v1/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user, password: PASSWORD }),
  });
  const cookie = (r.headers.get('set-cookie') || '').match(/toteuma_session=([^;]+)/);
  if (r.status !== 200 || !cookie) die(`login of ${user} at ${base}: HTTP ${r.status} ${await r.text()}`);
  return { user, cookie: `toteuma_session=${cookie[1]}`, csrf: (await r.json()).csrf };
}
async function get(base, s, p) {
  const r = await fetch(base + p, { headers: { Cookie: s.cookie } });
  if (r.status !== 200) die(`GET ${base}${p} as ${s.user}: HTTP ${r.status} ${await r.text()}`);
  return r.json();
}
async function change(base, s, entity, key, before, after) {
  const r = await fetch(`${base}/api/v1/changes`, {
    method: 'POST',
    headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify({ changes: [{ entity, key, before, after }] }),
  });
  const text = await r.text();
  let body = null;
  try { body = JSON.parse(text); } catch {}
  return { status: r.status, body, text, upstream: r.headers.get('x-upstream'), entity, key, before, after };
}
const value = async (base, s, entity, key) =>
  (await get(base, s, `/api/v1/values?entity=${entity}&key=${encodeURIComponent(key)}`)).value;
// What an instance serves from its snapshot (not the store): the narrative as the pages show it.
async function servedNarrative(base, s, key) {
  const [unit, year, section, lang] = key.split('/');
  const n = (await get(base, s, `/api/v1/units/${unit}/narratives?year=${year}`)).find((x) => x.section === section && x.lang === lang);
  return n ? n.markdown : null;
}
// Polls until `served()` gives `want`: the milliseconds it took, or null after VISIBLE_MS.
async function visibleWithin(served, want) {
  const t0 = performance.now();
  for (;;) {
    if ((await served()) === want) return Math.round(performance.now() - t0);
    if (performance.now() - t0 > VISIBLE_MS) return null;
    await sleep(20);
  }
}

// ---- set-up ------------------------------------------------------------------------------------
const dbUrl = (() => {
  const u = new URL(PG);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
psql(PG, `CREATE DATABASE ${dbName} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`);
dbCreated = true;
execFileSync(BIN, ['load', path.join(ROOT, 'data', 'demo'), '--db', dbUrl], { stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync('bash', [path.join(ROOT, 'scripts', 'demo-users.sh'), BIN, dbUrl], { stdio: ['ignore', 'ignore', 'inherit'] });
const [one, two] = await Promise.all([serve(dbUrl, 'instance1'), serve(dbUrl, 'instance2')]);
const lb = await startNginx([one, two]);
console.log(`database ${dbName}; instance 1 ${one}, instance 2 ${two}, nginx ${lb}`);

// Sessions live in the database: one login serves at either instance.
const finance = await login(lb, 'talous');
const contested = [
  { entity: 'narrative', key: 'kanslia/2024/events/fi', user: 'kanslia', after: (c, r) => `Asiakas ${c}, kierros ${r}: vuoden tapahtumat.\n` },
  { entity: 'figure', key: 'kanslia/sales/ta2024', user: 'talous', after: (c, r) => String(3_000_000 + c * 1000 + r) },
];
const auditMark = Math.max(0, ...(await get(lb, finance, '/api/v1/audit?limit=1')).map((a) => a.id));

// ---- 1. conflicting edits through nginx --------------------------------------------------------
const results = new Map(contested.map((c) => [c.key, []]));
const initial = new Map();
for (const c of contested) initial.set(c.key, await value(lb, finance, c.entity, c.key));

// A. A burst: BURST writes from as many sessions at once, all with the same before.
for (const c of contested) {
  const sessions = await Promise.all(Array.from({ length: BURST }, () => login(lb, c.user)));
  const before = await value(lb, sessions[0], c.entity, c.key);
  const answers = await Promise.all(sessions.map((s, i) => change(lb, s, c.entity, c.key, before, c.after(i, 0))));
  results.get(c.key).push(...answers);
  check(answers.filter((a) => a.status === 200).length === 1,
    `${c.entity} ${c.key}: ${BURST} writes at once with one before: exactly 1 accepted (${answers.filter((a) => a.status === 200).length})`);
}

// B. Read-then-write loops: CLIENTS clients per value, both values at once, ROUNDS rounds each.
await Promise.all(contested.flatMap((c) => Array.from({ length: CLIENTS }, async (_, i) => {
  const s = await login(lb, c.user);
  for (let r = 1; r <= ROUNDS; r++) {
    const before = await value(lb, s, c.entity, c.key);
    results.get(c.key).push(await change(lb, s, c.entity, c.key, before, c.after(100 + i, r)));
  }
})));

const audit = (await get(lb, finance, '/api/v1/audit?limit=1000')).filter((a) => a.id > auditMark).sort((a, b) => a.id - b.id);
const upstreams = new Set();
for (const c of contested) {
  const sent = results.get(c.key);
  const accepted = sent.filter((a) => a.status === 200 && a.body && a.body.applied === 1);
  const refused = sent.filter((a) => a.status === 409 && a.body && a.body.error === 'stale');
  const other = sent.filter((a) => !accepted.includes(a) && !refused.includes(a));
  accepted.forEach((a) => upstreams.add(a.upstream));
  const what = `${c.entity} ${c.key}`;
  console.log(`${what}: sent ${sent.length}, accepted ${accepted.length}, refused 409 ${refused.length}, other ${other.length}`);
  check(other.length === 0, `${what}: every answer is 200 {"applied":1} or 409 stale${other.length ? `; others: ${other.slice(0, 3).map((a) => `HTTP ${a.status} ${a.text}`).join(' | ')}` : ''}`);
  check(accepted.length + refused.length === sent.length, `${what}: accepted + refused = sent (${accepted.length} + ${refused.length} = ${sent.length})`);
  check(refused.every((a) => a.body.current !== undefined), `${what}: every 409 names the current value`);
  check(accepted.length > BURST / 4, `${what}: writes got through under contention (${accepted.length})`);

  // The audit rows of this value: exactly the accepted writes, one chain from the initial value.
  const rows = audit.filter((a) => a.entity === c.entity && a.key === c.key);
  check(rows.length === accepted.length, `${what}: one audit row per accepted write (${rows.length} rows, ${accepted.length} accepted)`);
  const acceptedAfters = new Set(accepted.map((a) => a.after));
  check(rows.every((r) => acceptedAfters.has(r.after)), `${what}: every audit row is an accepted write`);
  check(accepted.every((a) => rows.some((r) => r.after === a.after && r.before === a.before)), `${what}: every accepted write has its audit row, with its before`);
  let chain = initial.get(c.key), broken = null;
  for (const r of rows) {
    if (r.before !== chain) { broken = r; break; }
    chain = r.after;
  }
  check(broken === null, `${what}: each accepted write started from the previous one's result (no lost update)${broken ? `; audit row ${broken.id} has before ${JSON.stringify(broken.before)}, expected ${JSON.stringify(chain)}` : ''}`);
  const last = rows.length ? rows[rows.length - 1].after : initial.get(c.key);
  check((await value(one, finance, c.entity, c.key)) === last, `${what}: the stored value is the last accepted write's after`);
  if (c.entity === 'narrative') {
    const s = await login(one, 'kanslia');
    check((await servedNarrative(one, s, c.key)) === last, `${what}: instance 1 serves the last accepted write`);
    check((await servedNarrative(two, s, c.key)) === last, `${what}: instance 2 serves the last accepted write`);
  }
}
check(upstreams.size === 2, `nginx spread the accepted writes over both instances (${[...upstreams].join(', ')})`);

// ---- 2. a write through one instance is served by the other within a second ---------------------
const editor = await login(one, 'kanslia');
const key = 'kanslia/2024/events/sv';
const latencies = [];
for (let i = 1; i <= 6; i++) {
  const [from, to, names] = i % 2 ? [one, two, '1 → 2'] : [two, one, '2 → 1'];
  await servedNarrative(to, editor, key); // the reader is warm: it has served since the last write
  const text = `Skrivet via instans ${names}, gång ${i}.\n`;
  const w = await change(from, editor, 'narrative', key, await value(from, editor, 'narrative', key), text);
  if (!check(w.status === 200, `write ${i} through instance ${names[0]} accepted${w.status === 200 ? '' : `: HTTP ${w.status} ${w.text}`}`)) continue;
  const ms = await visibleWithin(() => servedNarrative(to, editor, key), text);
  latencies.push(ms);
  check(ms !== null, `write ${i} through instance ${names[0]} served by instance ${names.at(-1)} within ${VISIBLE_MS} ms (${ms ?? 'not seen'} ms)`);
}

// ---- 3. a command-line write is served by both instances within a second ------------------------
const cliKey = 'kanslia/2024/risks/fi';
for (const s of [one, two]) await servedNarrative(s, editor, cliKey);
const cliText = 'Komentoriviltä kirjoitettu riskiteksti.\n';
execFileSync(BIN, ['narrative', 'set', '-', '--db', dbUrl, '--unit', 'kanslia', '--year', '2024', '--section', 'risks', '--lang', 'fi'],
  { input: cliText, stdio: ['pipe', 'ignore', 'inherit'] });
for (const [name, base] of [['1', one], ['2', two]]) {
  const ms = await visibleWithin(() => servedNarrative(base, editor, cliKey), cliText);
  latencies.push(ms);
  check(ms !== null, `toteuma narrative set served by instance ${name} within ${VISIBLE_MS} ms (${ms ?? 'not seen'} ms)`);
}
console.log(`visibility: ${latencies.map((m) => m ?? '>1000').join(', ')} ms`);

if (failures) die(`${failures} check(s) failed (see FAIL above)`);
console.log('two_instances: all checks passed');
process.exit(0); // the servers and nginx would keep node waiting; exit stops them
