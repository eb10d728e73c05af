// The budget round in a real browser (issue 16, "Done when", as far as the web goes): finance sets
// kanslia's frame and starts a proposal version from the plan (+2,5 % personnel costs); the unit's
// editor (kanslia) enters a figure and a justification, sees the distance from the frame, submits;
// finance returns it with a comment; the editor fixes it and resubmits; finance accepts; finance
// starts the council's decision from it and adopts it; the budget table of 2026 then shows the
// adopted figure, and so does the budget book of 2026; the versions comparison shows the newest
// versions with their differences from the budget of 2025 and from the frame.
// The editor also enters kanslia's personnel of 2026 (40,5 htv; the demo has no personnel plan
// of kanslia, so the version started from the plan has none). axe-core runs on every new page.
// The tests build on each other, in order. Set-up and environment variables: harness.mjs.
//
// Worked out by hand from data/demo (the plan made with the budget of 2025, ts2026, at kanslia):
//   sales 500 + grants 150 000 − personnel costs 2 130 000 × 1,025 = 2 183 250 − services 2 030 100
//   − materials 70 500 − subsidies 35 000 − other costs 107 300 = operating margin −4 275 650.
//   Frame set to −4 290 000: distance 14 350 within the frame.
//   The editor's services −2 040 100: margin −4 285 650, distance 4 350.
//   Fixed to −2 035 100: margin −4 280 650, distance 9 350 — adopted as the budget of 2026.
//   Against the budget of 2025 after amendments (kanslia: margin −4 165 639, services −2 010 045):
//   margin −4 280 650 − (−4 165 639) = −115 011, 115 011 / 4 165 639 = 2,76 % → 2,8;
//   services −2 035 100 − (−2 010 045) = −25 055, 25 055 / 2 010 045 = 1,25 % → 1,2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useToteuma, norm, rowCells, checkAxe, screenshot } from './harness.mjs';

const t = useToteuma();

const ROUND = '/fi/budget/2026';
const VERSION = 'yksikot-2026';
const PROPOSAL = `/fi/unit/kanslia/proposal?version=${VERSION}`;
const COMPARE = '/fi/budget/2026/versions?unit=kanslia';

let finance;
let editor;
async function asFinance() {
  if (!finance) finance = await t.loggedIn('talous');
  return finance.page;
}
async function asEditor() {
  if (!editor) editor = await t.loggedIn('kanslia');
  return editor.page;
}

// Submits the form holding the hidden field do=`act` and waits for the page it leads to.
async function send(page, act) {
  await Promise.all([page.waitForNavigation(), page.click(`form:has(input[name=do][value=${act}]) button[type=submit]`)]);
}

// Nothing on the page is wider than the 1280 px window (wide tables scroll in a region of their own).
async function assertFits(page, name) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 1280, `${name} is ${wide} px wide`);
}

// The text of the frame-distance table's row (the proposal page), normalised.
async function distance(page) {
  const cells = await rowCells(page, 'Toimintakate ulkoinen', 'table.frame-distance');
  return cells[2];
}

test('finance sets the frame and starts the proposal version on the round page', async () => {
  const page = await asFinance();
  await t.goto(page, ROUND);
  await checkAxe(page, ROUND);
  await assertFits(page, ROUND);
  await screenshot(page, 'budget-round-2026-fi.png');
  assert.equal(await page.inputValue('#f-kanslia_2026'), '-4300000');
  await page.fill('#f-kanslia_2026', '-4 290 000');
  await send(page, 'frames');
  assert.equal(norm(await page.textContent('p.notice')), 'Raamit tallennettu.');
  assert.equal(await page.inputValue('#f-kanslia_2026'), '-4290000');

  await page.selectOption('#stage', 'proposal');
  await page.fill('#id', VERSION);
  await page.fill('#name_fi', 'Yksiköiden ehdotukset 2026, kierros 2');
  await page.fill('#name_sv', 'Enheternas förslag 2026, omgång 2');
  await page.selectOption('#from', 'plan');
  await page.fill('#adjust', 'personnel_costs=2,5');
  await send(page, 'start');
  assert.equal(norm(await page.textContent('p.notice')), 'Versio aloitettu.');
  const row = await rowCells(page, 'Yksiköiden ehdotukset 2026, kierros 2', 'table.round-versions');
  assert.equal(row[2], 'taloussuunnitelma', `started from: ${JSON.stringify(row)}`);
  // The Swedish page is accessible too.
  await t.goto(page, '/sv/budget/2026');
  await checkAxe(page, '/sv/budget/2026');
  await assertFits(page, '/sv/budget/2026');
  await screenshot(page, 'budget-round-2026-sv.png');
});

test('the unit editor enters a figure and a justification, sees the distance from the frame and submits', async () => {
  const page = await asEditor();
  await t.goto(page, PROPOSAL);
  assert.equal(await distance(page), '14 350', 'the plan +2,5 % against the frame −4 290 000');
  await page.fill('#f-services_2026', '-2040100');
  await page.fill('#n-services_fi', 'ICT-lisenssit kallistuvat');
  await page.fill('#n-services_sv', 'ICT-licenserna blir dyrare');
  assert.equal(await page.inputValue('#t-2026'), '', 'no personnel plan of kanslia to start from');
  await page.fill('#t-2026', '40,5');
  await send(page, 'save');
  assert.equal(await distance(page), '4 350');
  assert.equal(await page.inputValue('#t-2026'), '40,5');
  await checkAxe(page, PROPOSAL);
  await assertFits(page, PROPOSAL);
  await screenshot(page, 'budget-round-proposal-kanslia.png');
  await send(page, 'submit');
  assert.match(norm(await page.textContent('main')), /Ehdotuksen tila: jätetty/);
});

test('finance returns the proposal with a comment', async () => {
  const page = await asFinance();
  await t.goto(page, PROPOSAL);
  await page.fill('#comment', 'Sovita palvelujen ostot raamiin.');
  await send(page, 'return');
  assert.match(norm(await page.textContent('main')), /palautettu korjattavaksi/);
});

test('the editor sees the comment, fixes the figure and resubmits; finance accepts', async () => {
  const page = await asEditor();
  await t.goto(page, PROPOSAL);
  assert.match(norm(await page.textContent('div.comment')), /Sovita palvelujen ostot raamiin\./);
  await page.fill('#f-services_2026', '-2035100');
  await send(page, 'save');
  assert.equal(await distance(page), '9 350');
  await send(page, 'submit');

  const fin = await asFinance();
  await t.goto(fin, PROPOSAL);
  await send(fin, 'accept');
  assert.match(norm(await fin.textContent('main')), /Ehdotuksen tila: hyväksytty/);
  await t.goto(fin, ROUND);
  const state = await rowCells(fin, 'Kaupunginkansliakeskus', `table.round-proposals:has(caption:text("kierros 2"))`);
  assert.equal(state[0], 'hyväksytty');
  assert.equal(state[1], '9 350 (raamin sisällä)');
});

test('finance starts the council decision from the accepted proposals and adopts it as the budget', async () => {
  const page = await asFinance();
  await t.goto(page, ROUND);
  await page.selectOption('#stage', 'council');
  await page.fill('#id', 'paatos-2026');
  await page.selectOption('#from', `version:${VERSION}`);
  await send(page, 'start');
  await checkAxe(page, `${ROUND} (with a decision to adopt)`);
  assert.equal(await page.inputValue('#as-paatos-2026'), 'ta2026');
  await send(page, 'adopt');
  assert.equal(norm(await page.textContent('p.notice')), 'Valtuuston päätös on nyt talousarvio ja taloussuunnitelma.');
  const row = await rowCells(page, 'Valtuuston päätös 2026', 'table.round-versions');
  assert.match(row[3], /ta2026/);

  // The budget table of 2026 shows the adopted operating margin.
  await t.goto(page, '/fi/unit/kanslia?year=2026&kind=budget');
  const margin = await rowCells(page, 'Toimintakate ulkoinen');
  assert.ok(margin.includes('-4 280 650'), `Toimintakate ulkoinen: ${JSON.stringify(margin)}`);

  // The budget book of 2026 prints the adopted budget: kanslia's operating margin −4 280 650.
  await t.goto(page, '/fi/unit/kanslia/document?doc=budget-book&year=2026&format=html');
  assert.ok(norm(await page.textContent('main')).includes('-4 280 650'), 'the budget book of 2026 holds the adopted margin');
});

test('the versions comparison shows the newest versions, their differences and the binding units against their frames', async () => {
  const page = await asFinance();
  await t.goto(page, COMPARE);
  await checkAxe(page, COMPARE);
  // The council's decision is the newest version: its change from the budget of 2025 in euros and
  // %, and its distance from the frame (the last three columns).
  const margin = await rowCells(page, 'Toimintakate ulkoinen', 'div.versions table');
  assert.deepEqual(margin.slice(0, 2), ['-3 612 763', '-4 165 639'], 'TP 2024 and TA 2025 after amendments');
  assert.deepEqual(margin.slice(-3), ['-115 011', '2,8', '9 350']);
  assert.ok(margin.includes('-4 280 650'), `the decision's margin among ${margin}`);
  const services = await rowCells(page, 'Palvelujen ostot', 'div.versions table');
  assert.deepEqual(services.slice(-3), ['-25 055', '1,2', '']);
  await screenshot(page, 'budget-round-versions-kanslia.png');
  assert.equal(await page.locator('figure.chart svg[role=img]').count(), 1);
  // The chart's table: kanslia's distance in the frame, the demo's proposals (24 350), round 2 and the decision (9 350).
  const dist = await rowCells(page, 'Kaupunginkansliakeskus', 'div.frame-distances table');
  assert.deepEqual(dist, ['14 350', '9 350', '9 350']);
  await assertFits(page, COMPARE);
  await t.goto(page, '/sv/budget/2026/versions?unit=kanslia');
  await checkAxe(page, '/sv/budget/2026/versions');
});
