// Imports by upload and the drill-down to ledger rows (issue 17 item 5) in a real browser: finance
// (talous) uploads the demo ledger with its mapping and watches the upload's <progress> reach its
// end before the server's result replaces the page's content; then, with JavaScript off (the page
// works without it), a bad file is refused with its line and column and nothing is written; then
// finance goes from a follow-up figure to the ledger rows behind it. axe-core on every page in
// Finnish and Swedish at 1280 px and 390 px. Set-up and environment variables: harness.mjs.
//
// By hand from data/demo/ledger/ledger-2025-01-09.csv: 2 096 lines, the header and 2 095 rows,
// January–September 2025; line 5 is the row "2.1.2025;250014;4500;1110;-590,16;…".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useToteuma, norm, checkAxe, screenshot } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = process.env.TOTEUMA_SOURCE_DIR || path.resolve(here, '..', '..');
const LEDGER = path.join(ROOT, 'data', 'demo', 'ledger', 'ledger-2025-01-09.csv');
const MAPPING = path.join(ROOT, 'data', 'demo', 'ledger', 'mapping.toml');

const t = useToteuma();

let finance;
async function asFinance() {
  if (!finance) finance = await t.loggedIn('talous');
  return finance.page;
}

// axe and a screenshot at 1280 px and on a phone (390 px); the page itself never scrolls sideways.
async function checkBothWidths(page, name) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await checkAxe(page, `${name} at ${width} px`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width, `${name} is ${wide} px wide at ${width} px`);
    await screenshot(page, `${name.replace(/[^a-z0-9]+/gi, '-')}-${width}.png`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('finance uploads the demo ledger and sees the upload progress reach its end, then the result', async () => {
  const page = await asFinance();
  await t.goto(page, '/fi/import');
  assert.equal(norm(await page.locator('h1').textContent()), 'Tuonnit');
  assert.match(norm(await page.locator('label[for="progress-ledger"]').textContent()), /Lähetys/);
  await checkBothWidths(page, 'import-fi');
  await page.setInputFiles('#ledger-file', LEDGER);
  await page.check('#mapping-upload');
  await page.setInputFiles('#mapping-file', MAPPING);
  // Every value the bar shows, as the script sets it.
  await page.evaluate(() => {
    window.__progress = [];
    const bar = document.querySelector('#progress-ledger');
    new MutationObserver(() => window.__progress.push([bar.value, bar.max, bar.parentNode.hidden])).observe(bar, { attributes: true });
  });
  await page.click('form.upload:has(#ledger-file) button[type=submit]');
  await page.waitForSelector('.import-result');
  const seen = await page.evaluate(() => window.__progress);
  assert.ok(seen.length > 0, 'the progress bar never moved');
  const last = seen[seen.length - 1];
  assert.equal(last[0], last[1], `the bar ended at ${last[0]} of ${last[1]}`);
  assert.equal(last[2], false, 'the bar was shown');
  assert.equal(new URL(page.url()).pathname, '/fi/import', 'the page stayed: the script posted it');
  const result = norm(await page.locator('.import-result').textContent());
  assert.match(result, /Tuonti tallennettu/);
  assert.match(result, /ledger-2025-01-09\.csv: 2 ?095 riviä, kuukaudet 2025-01,2025-02/);
  // The record listed, newest first, by whom.
  const record = await page.locator('table.records tbody tr').first().textContent();
  assert.match(norm(record), /ledger-2025-01-09\.csv.*talous.*1–9\/2025/);
  await checkBothWidths(page, 'import-fi-done');
});

test('a bad file, posted without JavaScript, shows its line and column and writes nothing', async () => {
  const context = await t.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await t.login(page, 'talous', 'sv');
  await t.goto(page, '/sv/import');
  const records = await page.locator('table.records tbody tr').count();
  const bad = fs.readFileSync(LEDGER, 'utf8').replace('-590,16', '-5x0,16');
  await page.setInputFiles('#ledger-file', { name: 'kirjanpito.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const [resp] = await Promise.all([page.waitForNavigation(), page.click('form.upload:has(#ledger-file) button[type=submit]')]);
  assert.equal(resp.status(), 400);
  const error = norm(await page.locator('.import-result.error').textContent());
  assert.match(error, /Filen importerades inte – ingenting sparades/);
  assert.match(error, /kirjanpito\.csv, rad 5, kolumn Summa: felaktigt belopp/);
  assert.match(error, /Rad 5 i filen: 2\.1\.2025;250014;4500;1110;-5x0,16;/);
  assert.equal(await page.locator('table.records tbody tr').count(), records, 'no import recorded');
  await screenshot(page, 'import-sv-error-nojs-1280.png');  // axe needs JavaScript: it runs on the page below
  // Finnish, with JavaScript: the same refusal in the reader's language.
  const fi = await asFinance();
  await t.goto(fi, '/fi/import');
  await fi.setInputFiles('#ledger-file', { name: 'kirjanpito.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await fi.click('form.upload:has(#ledger-file) button[type=submit]');
  await fi.waitForSelector('.import-result.error');
  assert.match(norm(await fi.locator('.import-result.error').textContent()), /kirjanpito\.csv, rivi 5, sarake Summa: virheellinen summa/);
  await checkBothWidths(fi, 'import-fi-error');
  await context.close();
});

test('finance drills down from a follow-up figure to the ledger rows behind it', async () => {
  const page = await asFinance();
  await t.goto(page, '/fi/unit/kansliapalvelut?year=2025&kind=follow-up&month=1');
  const link = page.locator('a[href="/fi/unit/kansliapalvelut/ledger?year=2025&line=materials&month=1"]').first();
  const shown = norm(await link.textContent());
  await Promise.all([page.waitForNavigation(), link.click()]);
  assert.equal(norm(await page.locator('h1').textContent()), 'Pääkirjan rivit');
  const dd = (await page.locator('dl.figure-sum dd').allTextContents()).map(norm);
  assert.equal(dd[2], dd[0], 'the rows add up to the figure');
  assert.ok(Number(dd[1].replace(/ /g, '')) > 0, 'rows listed');
  assert.equal(await page.locator('table.ledger-rows tbody tr').count(), Number(dd[1].replace(/ /g, '')));
  // The follow-up shows whole euros: the figure rounded is what the link said.
  const euros = Number(dd[0].replace(/[ €]/g, '').replace(',', '.'));
  const whole = Math.sign(euros) * Math.round(Math.abs(euros));  // half away from zero
  assert.equal(String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ' '), shown);
  await checkBothWidths(page, 'ledger-rows-fi');
  await t.goto(page, '/sv/unit/kansliapalvelut/ledger?year=2025&line=materials&month=1');
  assert.equal(norm(await page.locator('h1').textContent()), 'Huvudbokens rader');
  await checkBothWidths(page, 'ledger-rows-sv');
  await t.goto(page, '/sv/import');
  await checkBothWidths(page, 'import-sv');
});
