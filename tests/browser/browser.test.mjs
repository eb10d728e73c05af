// End-to-end test of the read-only pages in a real browser (Debian's chromium, driven by
// playwright-core), logged in as the demo viewer: the Finnish and Swedish figure tables, the language
// switch, explanations, checks, personnel, goals and the generated documents, with axe-core on each.
// Set-up and environment variables: harness.mjs. The editing workflow: workplace.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useToteuma, norm, rowCells, checkAxe, screenshot } from './harness.mjs';

const FI_PAGE = '/fi/unit/kanslia?year=2024&kind=annual-report';
const SV_PAGE = '/sv/unit/kanslia?year=2025&kind=budget';

// Every page but the login and the public ones needs a login; the viewer reads them all.
let context;
const t = useToteuma(async () => {
  ({ context } = await t.loggedIn('lukija'));
});

const open = (url) => t.open(context, url);

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

// The municipality's statutory parts on its unit page (issue 14): the investment part in the annual
// report's columns (demo: TA 2024 of the school renovation −3 000 000), the key figures and the income
// statement, axe-clean in both languages.
test('municipality page: investment part, key figures and income statement views are accessible', async () => {
  const cases = [
    ['/fi/unit/loviisa?year=2024&kind=investments:annual-report', 'fi', 'Investointiosan toteutuminen 2024'],
    ['/sv/unit/loviisa?year=2025&kind=investments:budget', 'sv', 'Investeringsdelen 2025'],
    ['/fi/unit/loviisa?year=2025&kind=key-figures:budget', 'fi', 'Vuosikate, €/asukas'],
    ['/sv/unit/loviisa?year=2024&kind=income-statement:annual-report', 'sv', 'Årsbidrag'],
  ];
  for (const [url, lang, text] of cases) {
    const page = await open(url);
    try {
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.ok((await page.textContent('main')).includes(text), `${url}: no "${text}"`);
      await checkAxe(page, url);
    } finally {
      await page.close();
    }
  }
});

test('generated documents: annual report 2024 (fi, sv) and budget book 2025 (sv), the center\'s and the municipality\'s, are accessible HTML', async () => {
  const cases = [
    ['/fi/unit/kanslia/document?doc=annual-report&year=2024&format=html', 'fi', 'Toimintatuotot', ['300 500', '281 829', '-18 671']],
    ['/sv/unit/kanslia/document?doc=annual-report&year=2024&format=html', 'sv', 'Verksamhetens intäkter', ['300 500', '281 829', '-18 671']],
    // Seed 004 (Swedish budget book 2025): TA 2025 150 500, TS 2026 150 500.
    ['/sv/unit/kanslia/document?doc=budget-book&year=2025&format=html', 'sv', 'Verksamhetens intäkter', ['300 500', '150 500']],
    // The whole municipality (issue 14): the annual report's comparison at the binding level holds the
    // center's binding operating margin (seed 000: TA -3 942 834, TP -3 612 763); the budget book its
    // income statement part (its figures follow the demo's root, so only the row is asserted).
    ['/fi/unit/loviisa/document?doc=annual-report&year=2024&format=html', 'fi',
      'Kaupunginkansliakeskus – Toimintakate ulkoinen', ['-3 942 834', '-3 612 763', 'ei ylittynyt']],
    ['/sv/unit/loviisa/document?doc=budget-book&year=2025&format=html', 'sv', 'Årsbidrag', []],
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
      const who = url.includes('/loviisa/') ? '-loviisa' : '';
      await screenshot(page, `document-${lang}-${url.includes('budget') ? 'budget-book' : 'annual-report'}${who}.png`);
      await checkAxe(page, url);
    } finally {
      await page.close();
    }
  }
});
