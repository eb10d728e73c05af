// Administration in the web (issue 17 item 5) in a real browser: the admin (paakayttaja) adds a
// user from the site menu's user pages and grants a second role; the new user logs in with the
// typed password and gets what the roles allow (ict's texts, no admin pages); the admin moves a
// deadline of the annual clock and the calendar shows it. axe-core in Finnish and Swedish at
// 1280 px and 390 px. Set-up and environment variables: harness.mjs.
//
// data/demo/calendar.csv: lov-2025-frame "Talousarviokehys 2026–2028", 3.2.2025–24.3.2025.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useToteuma, norm, checkAxe, screenshot } from './harness.mjs';

const t = useToteuma();
const MAIJA_PASSWORD = 'pitkä salasana 1';

let admin;
async function asAdmin() {
  if (!admin) admin = await t.loggedIn('paakayttaja');
  return admin.page;
}

async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

// axe and a screenshot of the page at 1280 px and on a phone (390 px), where nothing may stick out
// of the window but a table's own scrolling region.
async function checkBothWidths(page, name, shot) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await checkAxe(page, `${name} at ${width} px`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width, `${name} is ${wide} px wide at ${width} px`);
    await screenshot(page, `${shot}-${width}.png`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the admin adds a user from the menu and grants a second role', async () => {
  const page = await asAdmin();
  await submit(page, 'nav.site-nav a[href="/fi/admin/users"]');
  assert.equal(await page.locator('h1').textContent(), 'Käyttäjät ja roolit');
  await checkBothWidths(page, '/fi/admin/users', 'admin-users-fi');

  await page.fill('#new-id', 'maija');
  await page.fill('#new-name', 'Maija Meikäläinen');
  await page.selectOption('#new-role', 'editor');
  await page.selectOption('#new-unit', 'ict');
  await page.fill('#new-password', MAIJA_PASSWORD);
  await page.fill('#new-password2', MAIJA_PASSWORD);
  await submit(page, 'form.admin-add button[type=submit]');
  assert.equal(new URL(page.url()).pathname, '/fi/admin/users/maija');
  assert.equal(norm(await page.locator('p.notice').textContent()), 'Käyttäjä lisätty.');
  assert.match(norm(await page.locator('ul.roles').textContent()), /yksikön muokkaaja: Tieto- ja viestintäteknologiapalvelut/);

  await page.selectOption('#grant-role', 'translator');
  await page.selectOption('#grant-lang', 'sv');
  await submit(page, 'form.admin-grant button[type=submit]');
  assert.match(norm(await page.locator('ul.roles').textContent()), /kääntäjä: ruotsi/);
  await checkBothWidths(page, '/fi/admin/users/maija', 'admin-user-fi');

  await t.goto(page, '/sv/admin/users/maija');
  assert.match(norm(await page.locator('ul.roles').textContent()), /enhetsredaktör: Informations- och kommunikationsteknologitjänster/);
  await checkBothWidths(page, '/sv/admin/users/maija', 'admin-user-sv');
  await t.goto(page, '/sv/admin/users');
  await checkBothWidths(page, '/sv/admin/users', 'admin-users-sv');
});

test('the new user logs in and gets what the roles allow', async () => {
  const context = await t.newContext();
  const page = await context.newPage();
  await t.goto(page, '/fi/login');
  await page.fill('#user', 'maija');
  await page.fill('#password', MAIJA_PASSWORD);
  await submit(page, 'form.login button[type=submit]');
  assert.equal(new URL(page.url()).pathname, '/fi/');
  assert.match(norm(await page.locator('.who').textContent()), /Maija Meikäläinen \(yksikön muokkaaja ict, kääntäjä sv\)/);
  assert.equal(await page.locator('nav.site-nav a[href="/fi/admin/users"]').count(), 0, 'no admin link');
  // ict's Finnish text is hers to edit; kansliapalvelut's Finnish is not, its Swedish is (translator).
  await t.goto(page, '/fi/unit/ict/narrative?year=2024&section=risks&text=fi');
  assert.equal(await page.locator('textarea#markdown').count(), 1);
  await t.goto(page, '/fi/unit/kansliapalvelut/narrative?year=2024&section=risks&text=fi', 403);
  await t.goto(page, '/fi/unit/kansliapalvelut/narrative?year=2024&section=risks&text=sv');
  assert.equal(await page.locator('textarea#markdown').count(), 1);
  await t.goto(page, '/fi/admin/users', 403);
  await context.close();
});

test('the admin moves a deadline of the annual clock and the calendar shows it', async () => {
  const page = await asAdmin();
  await t.goto(page, '/fi/calendar?year=2025');
  await submit(page, 'a[href="/fi/calendar/edit?year=2025&municipality=loviisa"]');
  await checkBothWidths(page, '/fi/calendar/edit', 'calendar-edit-fi');
  await submit(page, 'a[href="/fi/calendar/edit/lov-2025-frame"]');
  assert.equal(await page.inputValue('#f-deadline'), '2025-03-24');
  await checkBothWidths(page, '/fi/calendar/edit/lov-2025-frame', 'calendar-item-fi');

  // A deadline before the start: the reader's message, a link to the field, nothing saved.
  await page.fill('#f-deadline', '2025-01-31');
  await submit(page, 'form.calendar-item button[type=submit]');
  assert.match(norm(await page.locator('#item-error').textContent()), /määräaika on ennen alkua/);
  assert.equal(await page.getAttribute('#f-deadline', 'aria-invalid'), 'true');
  await checkAxe(page, 'the item with an error');
  await screenshot(page, 'calendar-item-error-fi-1280.png');

  await page.fill('#f-deadline', '2025-03-31');
  await submit(page, 'form.calendar-item button[type=submit]');
  assert.equal(new URL(page.url()).pathname, '/fi/calendar');
  assert.equal(norm(await page.locator('p.notice').textContent()), 'Tallennettu.');
  const row = await page.locator('table.annual-clock tr', { hasText: 'Talousarviokehys 2026–2028' }).textContent();
  assert.match(norm(row), /3\.2\.2025\s*31\.3\.2025/);
  await screenshot(page, 'calendar-after-edit-fi-1280.png');

  await t.goto(page, '/sv/calendar/edit/lov-2025-frame');
  assert.equal(await page.inputValue('#f-deadline'), '2025-03-31');
  await checkBothWidths(page, '/sv/calendar/edit/lov-2025-frame', 'calendar-item-sv');
  await t.goto(page, '/sv/calendar/edit?year=2025');
  await checkBothWidths(page, '/sv/calendar/edit', 'calendar-edit-sv');
});
