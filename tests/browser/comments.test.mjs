// Comment threads in a real browser (issue 17 item 3): the unit's editor comments on a section of
// the annual report from the review page and resolves the thread; the approver returns a section
// to draft with a comment, which starts the section's thread and is listed at the top as unresolved;
// a table row's thread and the goals' threads; a viewer reads but gets no form. axe-core runs on
// every page in Finnish and Swedish, at 1280 px and at a phone's 390 px. Set-up: harness.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useToteuma, norm, checkAxe, screenshot } from './harness.mjs';

const t = useToteuma();
const REVIEW = '/fi/unit/kanslia/review?doc=annual-report&year=2024';
const EVENTS = 'comments-section-annual-report-kanslia-2024-unit-kanslia-events';

// axe at the laptop's and the phone's width; a screenshot of each.
async function checkBoth(page, name, shot) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkAxe(page, `${name} (1280 px)`);
  await screenshot(page, `comments-${shot}-1280.png`);
  await page.setViewportSize({ width: 390, height: 844 });
  await checkAxe(page, `${name} (390 px)`);
  await screenshot(page, `comments-${shot}-390.png`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the editor comments on a section and resolves the thread', async () => {
  const { context, page } = await t.loggedIn('kanslia');
  await t.goto(page, REVIEW);
  assert.equal(norm(await page.locator('h2', { hasText: 'Ratkaisemattomat kommentit' }).textContent()), 'Ratkaisemattomat kommentit');
  const thread = page.locator(`#${EVENTS}`);
  await thread.locator('summary').click();
  await thread.locator('textarea[name=text]').fill('Tapahtumien luettelosta puuttuu **syyskuu**.');
  await Promise.all([page.waitForNavigation(), thread.locator('form.comment-form button[type=submit]').click()]);
  assert.match(new URL(page.url()).search, /notice=commented/);
  assert.equal(new URL(page.url()).hash, `#${EVENTS}`);
  // Listed at the top as unresolved, and shown (Markdown rendered) in the section's open thread.
  assert.match(norm(await page.locator('ul.unresolved-comments').textContent()), /kanslia .*Tapahtumien luettelosta puuttuu/);
  assert.equal(await thread.locator('.comment-text strong').textContent(), 'syyskuu');
  assert.equal(await thread.getAttribute('open'), '');
  await checkBoth(page, REVIEW, 'review-fi');
  // The one who started it resolves it.
  await Promise.all([page.waitForNavigation(), thread.locator('button', { hasText: 'Merkitse ratkaistuksi' }).click()]);
  assert.match(new URL(page.url()).search, /notice=resolved/);
  assert.match(norm(await thread.locator('p.resolved').textContent()), /^Ratkaistu: kanslia \d+\.\d+\.2026/);
  assert.equal(norm(await page.locator('main p', { hasText: 'Ei ratkaisemattomia kommentteja.' }).first().textContent()),
    'Ei ratkaisemattomia kommentteja.');
  await t.goto(page, '/sv/unit/kanslia/review?doc=annual-report&year=2024');
  assert.equal(await page.locator('h2', { hasText: 'Olösta kommentarer' }).count(), 1);
  await checkBoth(page, 'the review page in Swedish', 'review-sv');
  await context.close();
});

test('the approver returns a section with a comment', async () => {
  const { context, page } = await t.loggedIn('hyvaksyja');
  await t.goto(page, REVIEW);
  // The section the editor's (resolved) thread is on: the approver marks it ready, then returns it with a
  // comment, which continues that thread and reopens it.
  const id = await page.locator('table.review tbody tr:not(.thread-row) th a').nth(1).getAttribute('href').then((h) => h.split('#')[1]);
  const row = page.locator('table.review tbody tr', { has: page.locator(`a[href$="#${id}"]`) });
  await Promise.all([page.waitForNavigation(), row.locator('button', { hasText: 'Merkitse valmiiksi' }).click()]);
  await page.fill(`#return-${id}`, 'Lukujen selitys puuttuu.');
  await Promise.all([page.waitForNavigation(), row.locator('form.return-form button[type=submit]').click()]);
  assert.equal(norm(await row.locator('td').first().textContent()), 'luonnos');
  const thread = page.locator(`#comments-section-annual-report-kanslia-2024-${id}`);
  assert.equal(norm(await thread.locator('.comment-meta strong').last().textContent()), 'hyvaksyja');
  assert.equal(norm(await thread.locator('.comment-text').last().textContent()), 'Lukujen selitys puuttuu.');
  assert.match(norm(await page.locator('ul.unresolved-comments').textContent()), /Lukujen selitys puuttuu/);
  await checkBoth(page, 'the review page after a return', 'return');
  await context.close();
});

test('a table row and the goals have threads; a viewer reads them without a form', async () => {
  const { context, page } = await t.loggedIn('kanslia');
  await t.goto(page, '/fi/unit/kanslia?year=2024');
  await page.selectOption('#row-comment-line', 'services');
  await Promise.all([page.waitForNavigation(), page.click('section.row-comments button[type=submit]')]);
  assert.equal(new URL(page.url()).pathname, '/fi/unit/kanslia/comments');
  await page.fill('#comments-row-kanslia-2024-services-text', 'Palvelujen ostot kasvoivat: miksi?');
  await Promise.all([page.waitForNavigation(), page.click('form.comment-form button[type=submit]')]);
  assert.match(norm(await page.locator('.comment-text').textContent()), /Palvelujen ostot kasvoivat/);
  await checkBoth(page, 'a row\'s thread', 'row-fi');
  await t.goto(page, '/sv/unit/kanslia/comments?year=2024&line=services');
  await checkBoth(page, 'a row\'s thread in Swedish', 'row-sv');
  await t.goto(page, '/fi/unit/kanslia/goals?year=2024');
  const goal = page.locator('#comments-goal-lov-2024-k-tunnettuus');
  await goal.locator('summary').click();
  await goal.locator('textarea').fill('Mittari puuttuu.');
  await Promise.all([page.waitForNavigation(), goal.locator('form.comment-form button').click()]);
  assert.equal(norm(await goal.locator('.comment-text').textContent()), 'Mittari puuttuu.');
  await checkBoth(page, 'the goals page', 'goals-fi');
  await t.goto(page, '/fi/unit/kanslia/comments');
  // The unit's threads: the sections' of the tests above, the row's and the goal's.
  const kinds = (await page.locator('ul.comment-list li').allTextContents()).map((s) => norm(s).split(':')[0]);
  assert.ok(kinds.includes('Rivi') && kinds.includes('Tavoite') && kinds.includes('Osio'), kinds.join(' | '));
  await checkBoth(page, 'the unit\'s threads', 'unit-list');
  await context.close();

  const viewer = await t.loggedIn('lukija', 'sv');
  await t.goto(viewer.page, '/sv/unit/kanslia/goals?year=2024');
  const seen = viewer.page.locator('#comments-goal-lov-2024-k-tunnettuus');
  assert.equal(norm(await seen.locator('.comment-text').textContent()), 'Mittari puuttuu.');
  assert.equal(await viewer.page.locator('textarea').count(), 0);
  await checkBoth(viewer.page, 'the goals page in Swedish (viewer)', 'goals-sv');
  await viewer.context.close();
});
