// The spending plan (käyttösuunnitelma, issue 16 item 6) in a real browser: finance opens kanslia's
// plan of 2025 from the round page, splits the appropriation to its three areas and ict's to months,
// sees the difference while a part is missing, then sees it add up. axe-core runs on every state of
// the page, which fits the 1280 px window. Set-up and environment variables: harness.mjs.
//
// Worked out by hand from data/demo (ta2025 at kanslia, no amendment of 2025): operating margin
//   500 + 150 000 − 2 094 694 − 2 010 045 − 69 150 − 35 000 − 107 250 = −4 165 639.
//   Split: kansliapalvelut −1 189 949, ict −1 118 985 (11 × −93 248 and −93 257 in December),
//   talous −1 856 705. Without talous the plan is −2 308 934: difference 1 856 705.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useToteuma, norm, rowCells, checkAxe, screenshot } from './harness.mjs';

const t = useToteuma();
const PAGE = '/fi/budget/2025/spending-plan?unit=kanslia';

let finance;
async function asFinance() {
  if (!finance) finance = await t.loggedIn('talous');
  return finance.page;
}

async function assertFits(page, name) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 1280, `${name} is ${wide} px wide`);
}

async function save(page) {
  await Promise.all([page.waitForNavigation(), page.click('form.spending-plan button[type=submit]')]);
}

test('finance opens the spending plan from the round page and sees the appropriation', async () => {
  const page = await asFinance();
  await t.goto(page, '/fi/budget/2025');
  await Promise.all([page.waitForNavigation(), page.click('a[href="/fi/budget/2025/spending-plan"]')]);
  await t.goto(page, PAGE);
  assert.equal(norm(await page.locator('p.appropriation strong').textContent()), '-4 165 639 €');
  assert.match(norm(await page.locator('p.verdict').textContent()), /ei ole vielä laadittu/);
  await checkAxe(page, PAGE);
  await assertFits(page, PAGE);
});

test('finance enters a split, sees the difference, completes it and sees it add up', async () => {
  const page = await asFinance();
  await page.fill('#y_kansliapalvelut', '-1 189 949');
  for (let m = 1; m <= 12; ++m) await page.fill(`#m${m}_ict`, m === 12 ? '-93 257' : '-93 248');
  await save(page);
  assert.equal(norm(await page.locator('p.notice').textContent()), 'Tallennettu.');
  // ict's year is its months' sum; the plan lacks talous: 1 856 705 short of the decision.
  const ict = await rowCells(page, 'Tieto- ja viestintäteknologiapalvelut', 'table.spending-plan');
  assert.equal(ict[0], '');  // inputs: the value is in the field
  assert.equal(await page.inputValue('#y_ict'), '-1118985');
  assert.equal(ict[13], '-1 118 985');
  assert.deepEqual((await rowCells(page, 'Ero', 'table.spending-plan')).slice(0, 1), ['1 856 705']);
  assert.match(norm(await page.locator('.verdict.error').textContent()), /ei täsmää/);
  await checkAxe(page, `${PAGE} (short)`);

  await page.fill('#y_talous', '-1856705');
  await save(page);
  const sum = await rowCells(page, 'Yhteensä', 'table.spending-plan');
  assert.equal(sum[0], '-4 165 639');
  assert.equal(sum[1], '-93 248', 'January: ict only (the other areas have no months)');
  assert.deepEqual((await rowCells(page, 'Ero', 'table.spending-plan')).slice(0, 1), ['0']);
  assert.equal(norm(await page.locator('p.verdict.ok').textContent()), 'Käyttösuunnitelma täsmää päätökseen.');
  await checkAxe(page, `${PAGE} (adds up)`);
  await assertFits(page, PAGE);
  await screenshot(page, 'spending-plan-2025-kanslia-fi.png');
  await t.goto(page, '/sv/budget/2025/spending-plan?unit=kanslia');
  assert.equal(norm(await page.locator('p.verdict.ok').textContent()), 'Dispositionsplanen stämmer med beslutet.');
  await checkAxe(page, '/sv/budget/2025/spending-plan');
});
