// Search and the accessibility statement in a real browser (issue 17 items 6 and 7): a reader
// searches from the site menu in Finnish and Swedish and follows a hit; an anonymous visitor
// reads the statement from the login page's footer. axe-core runs on every page; each fits 1280 px.
// Expected hits from data/demo/goals/goals.csv (lov-2023-c-asukkaat, "Asukkaita on yli 15 000 …",
// "Staden har över 15 000 invånare …"). Set-up and environment variables: harness.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useToteuma, norm, checkAxe } from './harness.mjs';

const t = useToteuma();

async function assertFits(page, name) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 1280, `${name} is ${wide} px wide`);
}

test('a reader searches from the menu and follows a hit, in Finnish and Swedish', async () => {
  const { page } = await t.loggedIn('lukija');
  await Promise.all([page.waitForNavigation(), page.click('nav.site-nav a[href="/fi/search"]')]);
  await checkAxe(page, '/fi/search');
  await page.fill('#q', 'asukk');
  await Promise.all([page.waitForNavigation(), page.click('form.search button[type=submit]')]);
  const first = norm(await page.locator('ol.search-hits li').first().textContent());
  assert.match(first, /^Tavoite Asukkaita on yli 15 000/);
  assert.equal(await page.locator('ol.search-hits mark').first().textContent(), 'Asukkaita');
  await checkAxe(page, '/fi/search?q=asukk');
  await assertFits(page, '/fi/search?q=asukk');
  await Promise.all([page.waitForNavigation(), page.click('ol.search-hits li a >> nth=0')]);
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/fi/unit/loviisa/goals?year=2023');
  // Swedish: only the Swedish text has "invånare"; the hit is the same goal.
  await t.goto(page, '/sv/search?q=inv%C3%A5nare');
  assert.match(norm(await page.locator('ol.search-hits li').first().textContent()), /^Mål Staden har över 15 000 invånare/);
  await checkAxe(page, '/sv/search?q=invånare');
});

test('an anonymous visitor reads the accessibility statement from the footer', async () => {
  const context = await t.newContext();
  const page = await t.open(context, '/fi/login');
  await Promise.all([page.waitForNavigation(), page.click('footer.site a[href="/fi/accessibility"]')]);
  assert.equal(norm(await page.locator('h1').textContent()), 'Saavutettavuusseloste');
  assert.ok((await page.locator('h2').allTextContents()).includes('Valvontaviranomainen'));
  await checkAxe(page, '/fi/accessibility');
  await assertFits(page, '/fi/accessibility');
  await t.goto(page, '/sv/accessibility');
  assert.equal(norm(await page.locator('h1').textContent()), 'Tillgänglighetsutlåtande');
  await checkAxe(page, '/sv/accessibility');
  await context.close();
});
