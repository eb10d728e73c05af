// Shared set-up of the browser tests: a fresh demo database with the demo users
// (scripts/demo-users.sh), `toteuma serve` on a free port, Debian's chromium through playwright-core,
// and the helpers every test uses (login, open, axe, screenshots).
//
// Environment:
//   TOTEUMA_BIN         path of the built toteuma binary (required)
//   TOTEUMA_SOURCE_DIR  repository root (for data/demo, scripts/); default: two levels up from this file
//   TOTEUMA_ARTIFACTS   where screenshots go; default: the OS temp dir
//   CHROMIUM            browser executable; default /usr/bin/chromium
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

const BIN = process.env.TOTEUMA_BIN;
const ROOT = process.env.TOTEUMA_SOURCE_DIR || path.resolve(here, '..', '..');
const ARTIFACTS = process.env.TOTEUMA_ARTIFACTS || os.tmpdir();
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// scripts/demo-users.sh gives every demo user this password.
export const DEMO_PASSWORD = 'toteuma-demo';

// Thousands are separated with a non-breaking (or narrow non-breaking) space; compare with plain ones.
export const norm = (s) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

// A TCP port free on 127.0.0.1 at the moment of asking (for a server whose address another program
// must know before it starts, e.g. the redirect URI given to the OpenID provider).
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function startServer(db, state, serveArgs = [], port = 0, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ['serve', '--db', db, '--port', String(port), '--address', '127.0.0.1', ...serveArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    state.server = child;
    let out = '';
    const timer = setTimeout(() => {
      state.killServer();
      reject(new Error(`toteuma serve did not print its address within 20 s; stdout: ${out}`));
    }, 20000);
    child.stderr.on('data', (d) => process.stderr.write(`[toteuma serve] ${d}`));
    child.stdout.on('data', (d) => {
      out += d.toString();
      const m = out.match(/Toteuma: (http:\/\/[^\s/]+:(\d+))\//);
      if (m && Number(m[2]) > 0) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`toteuma serve exited early (code ${code}, signal ${sig}); stdout: ${out}`));
    });
  });
}

// Registers the before/after hooks of a test file and returns the harness they fill in. Each test
// file gets its own database and server, so one file's edits never change what another asserts.
// `onReady(t)` runs at the end of the set-up (a file's own root hooks are not ordered after these);
// closing the browser at the end closes every context. `options.serveArgs`: more arguments of
// `toteuma serve` (e.g. ['--today', '2025-06-20']); `options.prepare(run, bin, db, root)`: commands on
// the database before the server starts (e.g. importing the demo ledger). `options.beforeServe(t)`:
// an async step just before the server starts (t.tmp exists), which may return { port, serveArgs,
// env }: a fixed port, more arguments and more environment of `toteuma serve`.
export function useToteuma(onReady, options = {}) {
  const t = {
    baseUrl: '',
    browser: null,
    server: null,
    tmp: '',
    killServer() {
      if (t.server && t.server.exitCode === null && t.server.signalCode === null) t.server.kill('SIGTERM');
    },
    // A browser context of its own (own cookies): one per user, or an anonymous visitor.
    // bypassCSP lets axe be injected despite the page's script-src 'self'.
    async newContext() {
      return t.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    },
    // Goes to `url`, asserts the status (200 unless told) and returns the response.
    async goto(page, url, status = 200) {
      const resp = await page.goto(t.baseUrl + url);
      assert.ok(resp, `no response for ${url}`);
      assert.equal(resp.status(), status, `${url} answered ${resp.status()}, expected ${status}`);
      return resp;
    },
    // A new page of `context` at `url`.
    async open(context, url, status = 200) {
      const page = await context.newPage();
      await t.goto(page, url, status);
      return page;
    },
    // Logs `user` in through the login form, as a person would, and lands on the front page.
    async login(page, user, lang = 'fi') {
      await t.goto(page, `/${lang}/login`);
      await page.fill('#user', user);
      await page.fill('#password', DEMO_PASSWORD);
      await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login')), page.click('form.login button[type=submit]')]);
      assert.equal(new URL(page.url()).pathname, `/${lang}/`, `login of ${user} did not reach the front page`);
      // The header names who is logged in and offers a logout.
      assert.equal(await page.locator('form.logout button').count(), 1, `no logout button after logging in ${user}`);
    },
    // A new context with `user` logged in, and its first page.
    async loggedIn(user, lang = 'fi') {
      const context = await t.newContext();
      const page = await context.newPage();
      await t.login(page, user, lang);
      return { context, page };
    },
  };
  process.on('exit', () => t.killServer());  // never leave a server behind, even if interrupted

  before(async () => {
    assert.ok(BIN, 'TOTEUMA_BIN must name the built toteuma binary');
    assert.ok(fs.existsSync(BIN), `toteuma binary not found: ${BIN}`);
    assert.ok(fs.existsSync(CHROMIUM), `chromium not found: ${CHROMIUM}`);
    t.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'toteuma-browser-'));
    const db = path.join(t.tmp, 'demo.db');
    run(BIN, ['load', path.join(ROOT, 'data', 'demo'), '--db', db]);
    run('bash', [path.join(ROOT, 'scripts', 'demo-users.sh'), BIN, db]);
    if (options.prepare) options.prepare(run, BIN, db, ROOT);
    const extra = options.beforeServe ? (await options.beforeServe(t)) ?? {} : {};
    t.baseUrl = await startServer(db, t, [...(options.serveArgs ?? []), ...(extra.serveArgs ?? [])], extra.port ?? 0,
      extra.env ?? {});
    console.log(`server: ${t.baseUrl}/`);
    t.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    if (onReady) await onReady(t);
  });

  after(async () => {
    try {
      if (t.browser) await t.browser.close();
    } finally {
      t.killServer();
      if (t.server && t.server.exitCode === null && t.server.signalCode === null) {
        await new Promise((r) => t.server.once('exit', r));
      }
      if (t.tmp) fs.rmSync(t.tmp, { recursive: true, force: true });
    }
  });
  return t;
}

// The cells of the table row whose header cell reads `label`, normalised.
export async function rowCells(page, label, tableSelector = 'table') {
  const rows = await page.$$eval(`${tableSelector} tr`, (trs) =>
    trs.map((tr) => ({
      head: tr.querySelector('th')?.textContent ?? '',
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
    })),
  );
  const row = rows.find((r) => norm(r.head) === label);
  assert.ok(row, `no row "${label}" in the table; rows: ${rows.map((r) => norm(r.head)).join(' | ')}`);
  return row.cells.map(norm);
}

// axe-core's violations on the page, each printed with its elements.
export async function axeViolations(page, name) {
  await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(() => window.axe.run(document));
  const violations = result.violations;
  if (violations.length > 0) {
    console.log(`axe violations on ${name}:`);
    for (const v of violations) {
      console.log(`- ${v.id} (${v.impact}): ${v.help} ${v.helpUrl}`);
      for (const n of v.nodes) console.log(`    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`);
    }
  }
  return violations;
}

export async function checkAxe(page, name) {
  const violations = await axeViolations(page, name);
  assert.equal(violations.length, 0, `${name}: axe found ${violations.map((v) => v.id).join(', ')}`);
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot: ${file}`);
}
