// End-to-end test of the web UI in a real browser (Debian's chromium, driven by playwright-core):
// loads the demo dataset into a fresh database, starts `toteuma serve` on a free port, checks the
// Finnish and Swedish figure tables, the language switch and runs axe-core on both pages.
//
// Environment:
//   TOTEUMA_BIN         path of the built toteuma binary (required)
//   TOTEUMA_SOURCE_DIR  repository root (for data/demo); default: two levels up from this file
//   TOTEUMA_ARTIFACTS   where screenshots go; default: the OS temp dir
//   CHROMIUM            browser executable; default /usr/bin/chromium
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
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

const FI_PAGE = '/fi/unit/kanslia?year=2024&kind=annual-report';
const SV_PAGE = '/sv/unit/kanslia?year=2025&kind=budget';

let tmp;
let server;
let baseUrl;
let context;

// Thousands are separated with a non-breaking (or narrow non-breaking) space; compare with plain ones.
const norm = (s) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

function killServer() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
}
// Never leave a server behind, even if the runner is interrupted.
process.on('exit', killServer);

function startServer(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ['serve', '--db', db, '--port', '0', '--address', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    let out = '';
    const timer = setTimeout(() => {
      killServer();
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

before(async () => {
  assert.ok(BIN, 'TOTEUMA_BIN must name the built toteuma binary');
  assert.ok(fs.existsSync(BIN), `toteuma binary not found: ${BIN}`);
  assert.ok(fs.existsSync(CHROMIUM), `chromium not found: ${CHROMIUM}`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'toteuma-browser-'));
  const db = path.join(tmp, 'demo.db');
  const load = spawnSync(BIN, ['load', path.join(ROOT, 'data', 'demo'), '--db', db], { encoding: 'utf8' });
  assert.equal(load.status, 0, `toteuma load failed:\n${load.stdout}\n${load.stderr}`);

  baseUrl = await startServer(db);
  console.log(`server: ${baseUrl}/`);

  // A fresh profile every run; bypassCSP lets axe be injected despite the page's script-src 'self'.
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  try {
    if (context) await context.close();
  } finally {
    killServer();
    if (server && server.exitCode === null && server.signalCode === null) {
      await new Promise((r) => server.once('exit', r));
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
});

async function open(url) {
  const page = await context.newPage();
  const resp = await page.goto(baseUrl + url);
  assert.ok(resp, `no response for ${url}`);
  assert.equal(resp.status(), 200, `${url} answered ${resp.status()}`);
  return page;
}

// The cells of the table row whose header cell reads `label`, normalised.
async function rowCells(page, label) {
  const rows = await page.$$eval('table tr', (trs) =>
    trs.map((tr) => ({
      head: tr.querySelector('th')?.textContent ?? '',
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
    })),
  );
  const row = rows.find((r) => norm(r.head) === label);
  assert.ok(row, `no row "${label}" in the table; rows: ${rows.map((r) => norm(r.head)).join(' | ')}`);
  return row.cells.map(norm);
}

async function checkAxe(page, name) {
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
  assert.equal(violations.length, 0, `${name}: axe found ${violations.map((v) => v.id).join(', ')}`);
}

async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot: ${file}`);
}

test('Finnish annual report table', async () => {
  const page = await open(FI_PAGE);
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'fi');
    const cells = await rowCells(page, 'Toimintatuotot');
    assert.ok(cells.includes('300 500'), `Toimintatuotot cells: ${JSON.stringify(cells)}`);
    assert.ok(cells.includes('281 829'), `Toimintatuotot cells: ${JSON.stringify(cells)}`);
    await screenshot(page, 'kanslia-annual-report-2024-fi.png');
    await checkAxe(page, FI_PAGE);
  } finally {
    await page.close();
  }
});

test('Swedish budget table', async () => {
  const page = await open(SV_PAGE);
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
    const cells = await rowCells(page, 'Verksamhetsbidrag, externt');
    assert.ok(cells.includes('-4 165 639'), `Verksamhetsbidrag cells: ${JSON.stringify(cells)}`);
    assert.ok(cells.includes('-4 286 000'), `Verksamhetsbidrag cells: ${JSON.stringify(cells)}`);
    await screenshot(page, 'kanslia-budget-2025-sv.png');
    await checkAxe(page, SV_PAGE);
  } finally {
    await page.close();
  }
});

test('language switch leads from the Finnish page to the Swedish one', async () => {
  const page = await open(FI_PAGE);
  try {
    const link = page.locator('a[hreflang="sv"]');
    assert.equal(await link.count(), 1, 'expected exactly one link to the Swedish version');
    await Promise.all([page.waitForURL('**/sv/unit/kanslia**'), link.click()]);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/sv/unit/kanslia');
    assert.equal(url.searchParams.get('year'), '2024');
    assert.equal(url.searchParams.get('kind'), 'annual-report');
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
    const h1 = norm(await page.textContent('h1'));
    assert.ok(h1.length > 0, 'Swedish page has an empty h1');
  } finally {
    await page.close();
  }
});

test('root redirects to the Finnish front page', async () => {
  const page = await open('/');
  try {
    assert.equal(new URL(page.url()).pathname, '/fi/');
    assert.equal(await page.getAttribute('html', 'lang'), 'fi');
    assert.ok((await page.locator('a[href^="/fi/unit/"]').count()) > 0, 'front page lists no units');
  } finally {
    await page.close();
  }
});

test('a figure explains itself: clicking the operating margin shows its inputs', async () => {
  const page = await open(FI_PAGE);
  try {
    const row = page.locator('table.figures tr', { has: page.locator('th', { hasText: 'Toimintakate ulkoinen' }) });
    // The TP 2024 cell (fourth figure column) links to its explanation.
    await Promise.all([page.waitForURL('**/explain?**'), row.locator('td').nth(3).locator('a').click()]);
    const text = norm(await page.textContent('main'));
    assert.ok(text.includes('-3 612 763'), `explanation lacks the total: ${text.slice(0, 300)}`);
    // Its inputs down to the entered figures of the seed: Myyntituotot 25 050, Henkilöstökulut -1 774 883.
    assert.ok(text.includes('kanslia;sales;tp2024'), 'explanation does not reach the entered sales figure');
    assert.ok(text.includes('-1 774 883'), 'explanation lacks Henkilöstökulut');
    await screenshot(page, 'kanslia-explain-fi.png');
    await checkAxe(page, 'explain');
  } finally {
    await page.close();
  }
});

test('checks page lists the differences of the demo dataset', async () => {
  const page = await open('/sv/checks');
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
    // tests/checks/demo-dataset.expected.csv: 2 errors of the printed sources, the rest rounding
    // differences and Laitila's goal-rule warnings.
    const errors = await page.locator('table.findings tbody tr.error').count();
    assert.equal(errors, 2, 'the demo dataset has 2 documented errors');
    const text = norm(await page.textContent('table.findings'));
    assert.ok(text.includes('-221 633') && text.includes('-319 521'), 'the internal-items difference of 2023 is missing');
    await screenshot(page, 'checks-sv.png');
    await checkAxe(page, 'checks');
  } finally {
    await page.close();
  }
});

test('personnel plan page: Heinola person-years restated, transfers shown, both languages', async () => {
  const page = await open('/fi/unit/heinola/personnel?year=2025');
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'fi');
    const city = await rowCells(page, 'Heinolan kaupunki');
    // Seed 003: 659,7 (2023), 666,2 (2024), 618,2 (2025).
    assert.deepEqual(city.slice(0, 3), ['659,7', '666,2', '618,2'], `city htv: ${JSON.stringify(city)}`);
    const text = norm(await page.textContent('main'));
    assert.ok(text.includes('Lahti Aqua Oy'), 'the transfer out to Lahti Aqua is not shown');
    await screenshot(page, 'heinola-personnel-fi.png');
    await checkAxe(page, 'personnel fi');
  } finally {
    await page.close();
  }
  const sv = await open('/sv/unit/heinola/personnel?year=2025');
  try {
    assert.equal(await sv.getAttribute('html', 'lang'), 'sv');
    assert.ok(norm(await sv.textContent('main')).includes('Årsverken'));
    await checkAxe(sv, 'personnel sv');
  } finally {
    await sv.close();
  }
});

test('Swedish front page lists every municipality with a name (Finnish-only names marked lang=fi)', async () => {
  const page = await open('/sv/');
  try {
    const link = page.locator('a[href="/sv/unit/heinola"]');
    assert.equal(norm(await link.textContent()), 'Heinolan kaupunki');
    assert.equal(await link.getAttribute('lang'), 'fi');
    await checkAxe(page, 'front page sv');
  } finally {
    await page.close();
  }
});

test('goals page: Loviisa center goals 2024 with statuses and metrics, axe-clean in both languages', async () => {
  for (const [lang, notMet] of [['fi', 'ei toteutunut'], ['sv', 'uppnåddes inte']]) {
    const page = await open(`/${lang}/unit/kanslia/goals?year=2024`);
    try {
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.ok((await page.locator('table.goals').count()) >= 4, 'expected a goal table per theme');
      const text = norm(await page.textContent('main'));
      assert.ok(text.includes('59 %') && text.includes(notMet), `metric status missing on ${lang} page`);
      if (lang === 'fi') await screenshot(page, 'kanslia-goals-2024-fi.png');
      await checkAxe(page, `goals ${lang}`);
    } finally {
      await page.close();
    }
  }
});

test('generated documents: annual report 2024 (fi, sv) and budget book 2025 (sv) are accessible HTML', async () => {
  const cases = [
    ['/fi/unit/kanslia/document?doc=annual-report&year=2024&format=html', 'fi', 'Toimintatuotot', ['300 500', '281 829', '-18 671']],
    ['/sv/unit/kanslia/document?doc=annual-report&year=2024&format=html', 'sv', 'Verksamhetens intäkter', ['300 500', '281 829', '-18 671']],
    // Seed 004 (Swedish budget book 2025): TA 2025 150 500, TS 2026 150 500.
    ['/sv/unit/kanslia/document?doc=budget-book&year=2025&format=html', 'sv', 'Verksamhetens intäkter', ['300 500', '150 500']],
  ];
  for (const [url, lang, label, figures] of cases) {
    const page = await open(url);
    try {
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      const cells = await rowCells(page, label);
      for (const f of figures) assert.ok(cells.includes(f), `${url} ${label}: ${JSON.stringify(cells)}`);
      // Every chart is an image with a text alternative.
      const charts = await page.$$eval('figure.chart svg', (svgs) =>
        svgs.map((s) => ({ role: s.getAttribute('role'), desc: s.querySelector('desc')?.textContent ?? '' })));
      assert.ok(charts.length > 0, `${url}: no chart`);
      for (const c of charts) assert.ok(c.role === 'img' && c.desc.length > 20, `${url}: chart without text alternative`);
      // The table of contents links to every section heading.
      const toc = await page.$$eval('nav.toc a', (as) => as.map((a) => a.getAttribute('href')));
      for (const href of toc) assert.equal(await page.locator(href).count(), 1, `${url}: TOC target ${href}`);
      await screenshot(page, `document-${lang}-${url.includes('budget') ? 'budget-book' : 'annual-report'}.png`);
      await checkAxe(page, url);
    } finally {
      await page.close();
    }
  }
});
