// The start page of one's own work (issue 17 item 4) in a real browser. Two servers on the demo
// with its ledger, each with a fixed today (`serve --today`, for demos and tests): 1.6.2025, before
// the units' budget proposals are due (13.6.2025, data/demo/calendar.csv lov-2025-unit-proposals),
// and 20.6.2025, after it. The unit head sees the deadline open, then overdue (a word and an icon,
// listed first); finance sees the dashboard of the binding units with bars, overruns first
// (kanslia 76,0 % and demokratia 76,8 % of the budget by September, 9/12 = 75,0 %: hand-computed
// in tests/web/home_page_test.cpp). axe-core in Finnish and Swedish at 1 280 px and 390 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useToteuma, norm, checkAxe, screenshot } from './harness.mjs';

// The demo's ledger, its months 1–9 closed (so the forecast is projected), as scripts/demo.sh does.
const withLedger = (run, bin, db, root) => {
  run(bin, ['import', 'ledger', path.join(root, 'data/demo/ledger/ledger-2025-01-09.csv'),
            '--mapping', path.join(root, 'data/demo/ledger/mapping.toml'), '--db', db]);
  run(bin, ['ledger', 'close', '--year', '2025', '--month', '9', '--db', db]);
};
const early = useToteuma(undefined, { prepare: withLedger, serveArgs: ['--today', '2025-06-01'] });
const late = useToteuma(undefined, { prepare: withLedger, serveArgs: ['--today', '2025-06-20'] });

const BUDGET_BOOK = 'Tekstit: Talousarviokirja 2026 – Kaupunginkansliakeskus';

// The deadline table's rows as [deadline, task, unit, state], normalised.
async function taskRows(page) {
  return (await page.$$eval('table.home-tasks tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td, th')].map((c) => c.textContent)))).map((r) => r.map(norm));
}

// axe and the width at 1 280 px and on a phone (390 px): nothing wider than the window but the
// tables' own scrolling regions.
async function checkBothWidths(page, name) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await checkAxe(page, `${name} @${width}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width, `${name} is ${wide} px wide at ${width} px`);
    await screenshot(page, `home-${name.replace(/[^a-z0-9]+/gi, '-')}-${width}.png`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the unit head sees a deadline open before the date and overdue after it', async () => {
  const before = await early.loggedIn('kanslia');
  let rows = await taskRows(before.page);
  const open = rows.find((r) => r[1].startsWith(BUDGET_BOOK));
  assert.ok(open, `no budget-book row; rows: ${rows.map((r) => r[1]).join(' | ')}`);
  assert.equal(open[0], '13.6.2025');
  assert.equal(open[3], 'avoinna');
  await before.context.close();

  const { context, page } = await late.loggedIn('kanslia');
  rows = await taskRows(page);
  const overdue = rows.find((r) => r[1].startsWith(BUDGET_BOOK));
  assert.equal(overdue[3], 'myöhässä');
  // Not by colour only: the word and an icon; and the overdue ones come first.
  assert.equal(await page.locator('table.home-tasks tr.overdue .task-state svg.icon').first().count(), 1);
  const firstOpen = rows.findIndex((r) => r[3] === 'avoinna');
  const lastOverdue = rows.map((r) => r[3]).lastIndexOf('myöhässä');
  assert.ok(firstOpen > lastOverdue, `an open task (${firstOpen}) before an overdue one (${lastOverdue})`);
  await checkBothWidths(page, 'fi editor');
  // The link goes to where the work is done.
  await Promise.all([page.waitForNavigation(), page.locator('table.home-tasks a', { hasText: 'Tekstit: Talousarviokirja 2026' }).first().click()]);
  assert.equal(new URL(page.url()).pathname, '/fi/unit/kanslia/texts');
  await late.goto(page, '/sv/');
  assert.ok((await taskRows(page)).some((r) => r[1].startsWith('Texter: Budgetbok 2026') && r[3] === 'försenad'));
  await checkBothWidths(page, 'sv editor');
  await context.close();
});

test('finance sees every binding unit with bars, overruns first', async () => {
  const { context, page } = await late.loggedIn('talous');
  assert.match(norm(await page.locator('#home-dashboard').textContent()), /Sitovien yksiköiden seuranta 1–9\/2025/);
  const rows = await page.$$eval('table.dashboard tbody tr', (trs) =>
    trs.map((tr) => ({ name: tr.querySelector('th').textContent, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
                       bar: tr.querySelector('.bar .fill')?.getAttribute('style') ?? '' })));
  assert.equal(rows.length, 4, rows.map((r) => r.name).join(' | '));
  const kanslia = rows.find((r) => norm(r.name) === 'Kaupunginkansliakeskus');
  assert.equal(norm(kanslia.cells[0]), '-4 165 639');
  assert.equal(norm(kanslia.cells[3]), '76,0 %');
  assert.equal(kanslia.bar, 'width:76.0%');
  assert.match(norm(kanslia.cells[4]), /ylitys/);
  const flags = rows.map((r) => /ylitys/.test(r.cells[4]));
  assert.deepEqual(flags, [...flags].sort((a, b) => Number(b) - Number(a)), 'an overrun listed after a unit within its budget');
  const box = await page.locator('table.dashboard .bar').first().boundingBox();
  assert.ok(box && box.width > 20, 'the bar is not drawn');
  await checkBothWidths(page, 'fi finance');
  await late.goto(page, '/sv/');
  assert.match(norm(await page.locator('#home-dashboard').textContent()), /Uppföljning av de bindande enheterna 1–9\/2025/);
  await checkBothWidths(page, 'sv finance');
  await context.close();
});
