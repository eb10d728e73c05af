// Goals in the web (issue 17 item 1) in a real browser: kanslia's unit head (editor of kanslia)
// creates a goal of 2025 with a metric and its target, records a value, takes a status review and
// sees it listed; the page in Finnish and Swedish is axe-clean and fits 1280 px and a 390 px phone.
// Set-up and environment variables: harness.mjs.
//
// By hand: the target is ≥ 80 %, the value 85,5 %, so the goal is met (toteutui), derived from its
// metric; the review records that status for the new goal with the comment given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useToteuma, norm, checkAxe, screenshot } from './harness.mjs';

const t = useToteuma();
const PAGE = '/fi/unit/kanslia/goals/edit?year=2025';
const GOAL = 'kanslia-2025-1';

let head;
async function asHead() {
  if (!head) head = await t.loggedIn('kanslia');
  return head.page;
}

async function assertFits(page, name, width) {
  await page.setViewportSize({ width, height: 900 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.ok(wide <= width, `${name} is ${wide} px wide at ${width} px`);
}

// Submits the form that holds `field` (a selector inside it) and waits for the page after it.
async function submitFormOf(page, field) {
  const form = page.locator(field).locator('xpath=ancestor::form');
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  assert.equal(norm(await page.locator('p.notice').textContent()), 'Tallennettu.');
}

test('the unit head creates a goal with a metric and a target and records a value', async () => {
  const page = await asHead();
  await t.goto(page, PAGE);
  await checkAxe(page, PAGE);
  await page.locator('details.new-goal > summary').click();
  await page.selectOption('#gn-level', 'center');
  await page.selectOption('#gn-theme', 'lov-elinvoima');
  await page.fill('#gn-text_fi', 'Asukkaat tuntevat kaupungin palvelut.');
  await page.fill('#gn-text_sv', 'Invånarna känner till stadens tjänster.');
  await page.fill('#gn-responsible_fi', 'viestintäpäällikkö');
  await submitFormOf(page, '#gn-text_fi');
  assert.equal(norm(await page.locator(`h3[id="${GOAL}"]`).textContent()), 'Keskuksen tavoite: Asukkaat tuntevat kaupungin palvelut.');

  const goal = page.locator(`div.goal:has(h3[id="${GOAL}"])`);
  await goal.locator('details:has(#mn-' + GOAL + '-name_fi) > summary').click();
  await page.fill(`#mn-${GOAL}-name_fi`, 'Palvelut tuntevien osuus');
  await page.fill(`#mn-${GOAL}-name_sv`, 'Andel som känner till tjänsterna');
  await page.selectOption(`#mn-${GOAL}-unit`, '%');
  await page.selectOption(`#mn-${GOAL}-direction`, 'up');
  await page.fill(`#mn-${GOAL}-target`, '80');
  await page.fill(`#mn-${GOAL}-owner`, 'viestintä');
  await submitFormOf(page, `#mn-${GOAL}-name_fi`);
  assert.equal(norm(await page.locator(`h4[id="${GOAL}-m1"]`).textContent()), 'Mittari: Palvelut tuntevien osuus');
  assert.equal(norm(await goal.locator('p.target').textContent()), 'Tavoitetaso: ≥ 80 %');

  await page.fill(`#mv-${GOAL}-m1-date`, '2025-06-30');
  await page.fill(`#mv-${GOAL}-m1-value`, '85,5');
  await page.fill(`#mv-${GOAL}-m1-source`, 'asukaskysely');
  await submitFormOf(page, `#mv-${GOAL}-m1-date`);
  assert.match(norm(await goal.locator('p.status').first().textContent()), /^Tila: toteutui \(mittareista\)/);
  await checkAxe(page, `${PAGE} (a goal with a metric)`);
});

test('the unit head takes a status review and sees it listed, in Finnish and Swedish', async () => {
  const page = await asHead();
  await t.goto(page, PAGE);
  await page.locator('details:has(#rv-date) > summary').click();
  await page.fill('#rv-date', '2025-09-30');
  await page.fill('#rv-title_fi', 'Tilannekatsaus syyskuu 2025');
  await page.fill('#rv-title_sv', 'Lägesöversikt september 2025');
  await page.fill(`#rv-${GOAL}-comment_${GOAL}_fi`, 'Kysely tehty, tavoite saavutettu.');
  await submitFormOf(page, '#rv-date');
  const review = page.locator('table.review', { hasText: 'Tilannekatsaus syyskuu 2025' });
  assert.equal(norm(await review.locator('caption').textContent()), 'Tilannekatsaus syyskuu 2025 30.9.2025');
  const row = review.locator('tr', { hasText: 'Asukkaat tuntevat kaupungin palvelut.' });
  assert.deepEqual((await row.locator('td').allTextContents()).map(norm),
                   ['Asukkaat tuntevat kaupungin palvelut.', 'toteutui', 'Kysely tehty, tavoite saavutettu.']);
  await checkAxe(page, `${PAGE} (a review)`);
  await screenshot(page, 'goals-2025-kanslia-fi.png');
  await page.setViewportSize({ width: 390, height: 900 });
  await screenshot(page, 'goals-2025-kanslia-fi-390.png');
  await page.setViewportSize({ width: 1280, height: 900 });
  await assertFits(page, PAGE, 1280);
  await assertFits(page, PAGE, 390);

  const SV = '/sv/unit/kanslia/goals/edit?year=2025';
  await t.goto(page, SV);
  assert.equal(norm(await page.locator('table.review', { hasText: 'Lägesöversikt september 2025' }).locator('caption').textContent()),
               'Lägesöversikt september 2025 30.9.2025');
  await checkAxe(page, SV);
  await screenshot(page, 'goals-2025-kanslia-sv.png');
  await assertFits(page, SV, 1280);
  await assertFits(page, SV, 390);
});

test('the service plan prints the review; a Laitila unit sees its rules', async () => {
  const page = await asHead();
  await t.goto(page, '/fi/unit/kanslia/document?doc=service-plan&year=2025&format=html');
  assert.ok((await page.content()).includes('Tilannekatsaus syyskuu 2025 30.9.2025'), 'the review in the service plan');
  const { page: admin } = await t.loggedIn('paakayttaja');
  const LAI = '/fi/unit/lai-asianhallinta/goals/edit?year=2024';
  await t.goto(admin, LAI);
  assert.match(norm(await admin.locator('section.rules').textContent()), /3–5 tavoitetta strategista päämäärää kohden \(Tavallista paremmat peruspalvelut\): teillä on 24/);
  await checkAxe(admin, `${LAI} (rules, themes)`);
  await assertFits(admin, LAI, 390);
  await screenshot(admin, 'goals-2024-lai-asianhallinta-fi.png');
  await t.goto(admin, '/sv/unit/lai-asianhallinta/goals/edit?year=2024');
  await checkAxe(admin, '/sv/unit/lai-asianhallinta/goals/edit (rules, themes)');
});
