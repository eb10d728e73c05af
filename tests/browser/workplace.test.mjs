// The shared workplace in a real browser (issue 7, "Done when"): a unit editor edits a narrative
// (with preview) and a metric value and sees both in the generated document and the audit trail; the
// same editor is refused another unit's text, on the page and through the API; the approver approves
// every section, freezes and publishes; an anonymous visitor reads the published version. axe-core
// runs on every main page and each gets a screenshot. The tests build on each other, in order.
// Set-up and environment variables: harness.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useToteuma, norm, axeViolations, screenshot } from './harness.mjs';

const t = useToteuma();

const TEXTS = '/fi/unit/kanslia/texts?year=2024';
const EVENTS = '/fi/unit/kanslia/narrative?doc=annual-report&year=2024&section=events&text=fi';
const DOCUMENT = '/fi/unit/kanslia/document?doc=annual-report&year=2024&format=html';
const GOALS_EDIT = '/fi/unit/kanslia/goals/edit?year=2024';
const REVIEW = '/fi/unit/kanslia/review?doc=annual-report&year=2024';
const AUDIT = '/fi/audit?unit=kanslia';
// The demo's stored text of kanslia's annual report 2024, "Toimintaympäristö ja toiminta" (fi).
const EVENTS_BEFORE = 'Vuotta 2024 leimasi johtajavaihdos';
// The editor's new text: Markdown with emphasis and a list, and markup that must stay text.
const EVENTS_AFTER = [
  'Selaintesti kirjoitti tämän: vuosi 2024 oli **muutosten vuosi**.',
  '',
  '- uusi kaupunginjohtaja syyskuussa',
  '- kahdet vaalit',
  '',
  'Merkit <b>eivät</b> ole HTML:ää & "lainaukset" säilyvät.',
].join('\n');
const EVENTS_MARK = 'Selaintesti kirjoitti tämän';
// lov-2024-m-aika ("Kokee, että aikaa työtehtäviin on riittävästi"), 31.12.2024: 59 in the demo.
const METRIC_ROW_FORM = 'mv-lov-2024-m-aika-2024-12-31';

// kanslia, the unit editor of kanslia: one logged-in context for the tests below.
let editor;
async function asEditor() {
  if (!editor) editor = await t.loggedIn('kanslia');
  return editor;
}

// The audit trail row whose "what" cell reads `what`: { who, before, after }.
async function auditRow(page, what) {
  const rows = await page.$$eval('table.audit tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  const row = rows.find((cells) => cells[2]?.trim() === what);
  assert.ok(row, `no audit row "${what}"; rows: ${rows.map((r) => r[2]).join(' | ')}`);
  return { who: row[1].trim(), before: row[3], after: row[4] };
}

test('login: a wrong password is refused with a message', async () => {
  const context = await t.newContext();
  const page = await context.newPage();
  const resp = await t.goto(page, '/fi/login');
  assert.equal(resp.headers()['cache-control'], 'no-store');
  await page.fill('#user', 'ict');
  await page.fill('#password', 'väärä salasana');
  const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('form.login button')]);
  assert.equal(answer.status(), 401);
  assert.equal(norm(await page.textContent('[role=alert]')), 'Väärä käyttäjätunnus tai salasana.');
  assert.equal(await page.inputValue('#user'), 'ict', 'the user name stays in the form');
  await screenshot(page, 'login-wrong-fi.png');
  await context.close();
});

test('an anonymous visitor is sent to the login and, logged in, back to the page asked for', async () => {
  const context = await t.newContext();
  const page = await context.newPage();
  await t.goto(page, '/fi/unit/kanslia?year=2024');
  const url = new URL(page.url());
  assert.equal(url.pathname, '/fi/login');
  assert.equal(url.searchParams.get('next'), '/fi/unit/kanslia?year=2024');
  await page.fill('#user', 'lukija');
  await page.fill('#password', 'toteuma-demo');
  await Promise.all([page.waitForURL('**/fi/unit/kanslia?year=2024'), page.click('form.login button')]);
  assert.equal(norm(await page.textContent('h1')), 'Kaupunginkansliakeskus');
  // Logging out ends the session: the page asks for a login again.
  await Promise.all([page.waitForURL('**/fi/login'), page.click('form.logout button')]);
  await t.goto(page, '/fi/unit/kanslia?year=2024');
  assert.equal(new URL(page.url()).pathname, '/fi/login');
  await context.close();
});

test('editor logs in: the header names the user, the front page shows the unit tree', async () => {
  const { page } = await asEditor();
  assert.ok((await page.locator('a[href="/fi/unit/kanslia"]').count()) > 0, 'the unit tree lacks kanslia');
  assert.ok(norm(await page.textContent('header')).includes('Kaisa Kanslia'), 'the header does not name the user');
  await t.goto(page, TEXTS);
  assert.ok((await page.locator('table.texts').count()) >= 1, 'no table of texts');
});

test('texts page: the edit link of a text opens its editor', async () => {
  const { page } = await asEditor();
  await t.goto(page, TEXTS);
  const table = page.locator('table.texts', { has: page.locator('caption', { hasText: 'Toimintakertomus 2024' }) });
  const link = table.getByRole('link', { name: 'Muokkaa Toimintaympäristö ja toiminta suomi' });
  assert.equal(await link.count(), 1, 'no edit link of the events text (fi) of the annual report 2024');
  const [resp] = await Promise.all([page.waitForNavigation(), link.click()]);
  assert.equal(resp.status(), 200, `the edit link ${await page.url()} answered ${resp.status()}`);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('section'), 'events');
  assert.equal(url.searchParams.get('text'), 'fi');
  assert.ok((await page.inputValue('textarea#markdown')).includes(EVENTS_BEFORE));
});

test('editor edits a narrative: preview, save, seen in the document and the audit trail', async () => {
  const { page } = await asEditor();
  // The editor page itself (the link to it is tested above, so this test does not depend on it).
  await t.goto(page, EVENTS);
  assert.ok((await page.inputValue('textarea#markdown')).includes(EVENTS_BEFORE), 'the editor does not hold the stored text');
  assert.ok(norm(await page.textContent('p.deadline')).includes('14.2.2025'), 'the section shows no deadline');
  await page.fill('textarea#markdown', EVENTS_AFTER);

  // Preview: rendered Markdown, nothing saved, the text still in the form.
  await Promise.all([page.waitForLoadState('load'), page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Esikatselu' }).click()]);
  const preview = page.locator('div.preview');
  assert.equal(await preview.count(), 1, 'no preview shown');
  assert.equal(norm(await preview.locator('strong').first().textContent()), 'muutosten vuosi');
  assert.equal(await preview.locator('li').count(), 2, 'the list is not rendered');
  assert.ok(norm(await preview.textContent()).includes('Merkit <b>eivät</b> ole HTML:ää & "lainaukset" säilyvät.'),
    'markup in the text is not shown as text');
  assert.equal(await preview.locator('b').count(), 0, 'markup in the text became markup');
  assert.equal(await page.inputValue('textarea#markdown'), EVENTS_AFTER);

  // Save: back on the editor with a notice and the new text. (A browser sends the textarea and the
  // hidden `before` with CRLF line ends; the stored text has LF.)
  const [saved] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Tallenna' }).click()]);
  await page.waitForLoadState('load');
  if (saved.status() !== 303) {
    const alert = (await page.locator('[role=alert]').count()) > 0 ? norm(await page.textContent('[role=alert]')) : '';
    assert.fail(`saving the text answered ${saved.status()}, not a redirect: ${alert.slice(0, 200)}`);
  }
  await page.waitForURL(/notice=saved/);
  assert.equal(norm(await page.textContent('p.notice')), 'Tallennettu.');
  assert.equal(await page.inputValue('textarea#markdown'), EVENTS_AFTER);

  // The generated document has it, rendered.
  await t.goto(page, DOCUMENT);
  const main = norm(await page.textContent('body'));
  assert.ok(main.includes(`${EVENTS_MARK}: vuosi 2024 oli muutosten vuosi.`), 'the document lacks the new text');
  assert.ok(!main.includes(EVENTS_BEFORE), 'the document still has the old text');

  // The audit trail: who, the old and the new value.
  await t.goto(page, AUDIT);
  // Names in the reader's language, not keys (issue 13).
  const row = await auditRow(page, 'Teksti: Kaupunginkansliakeskus · 2024 · Toimintaympäristö ja toiminta · suomi');
  assert.equal(row.who, 'Kaisa Kanslia (kanslia)');  // display name and login, scripts/demo-users.sh
  assert.ok(row.before.includes(EVENTS_BEFORE), `old value: ${row.before.slice(0, 80)}`);
  assert.equal(row.after, EVENTS_AFTER);
});

test('editor corrects a metric value: seen on the goals page, in the document and the audit trail', async () => {
  const { page } = await asEditor();
  await t.goto(page, GOALS_EDIT);
  // The row of 31.12.2024 is its own form: value and source inputs, a save button.
  const value = page.locator(`input[form="${METRIC_ROW_FORM}"][name="value"]`);
  assert.equal(await value.count(), 1, 'no input for the 31.12.2024 value of lov-2024-m-aika');
  assert.equal(await value.inputValue(), '59');
  await value.fill('66');
  await Promise.all([page.waitForURL(/notice=saved/), page.locator(`form#${METRIC_ROW_FORM} button`).click()]);
  assert.equal(norm(await page.textContent('p.notice')), 'Tallennettu.');
  assert.equal(await page.locator(`input[form="${METRIC_ROW_FORM}"][name="value"]`).inputValue(), '66');

  // The add-a-value form with a date that already has a value does not overwrite it silently.
  const add = page.locator('form.inline', { has: page.locator('input[name=id][value="lov-2024-m-aika"]') });
  await add.locator('input[name=date]').fill('2024-12-31');
  await add.locator('input[name=value]').fill('10');
  const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), add.locator('button').click()]);
  assert.equal(refused.status(), 400);
  assert.equal(await page.locator('[role=alert]').count(), 1, 'the refusal is not announced');
  assert.ok(norm(await page.textContent('[role=alert]')).includes('Päivälle 31.12.2024 on jo arvo'), 'the refusal does not say why');
  await screenshot(page, 'goals-edit-existing-date-refused-fi.png');

  // The goals page shows the new value, and so does the document's metric table.
  await t.goto(page, '/fi/unit/kanslia/goals?year=2024');
  assert.ok(norm(await page.textContent('main')).includes('66 %'), 'the goals page lacks 66 %');
  await t.goto(page, DOCUMENT);
  const metric = page.locator('tr', { has: page.locator('td', { hasText: /^Kokee, että aikaa työtehtäviin on riittävästi$/ }) });
  assert.ok((await metric.count()) >= 1, 'the document has no row of the metric');
  assert.ok(norm(await metric.first().textContent()).includes('66 % (henkilöstökysely 2024)'),
    `metric row: ${norm(await metric.first().textContent())}`);

  await t.goto(page, AUDIT);
  const row = await auditRow(page, 'Mittarin arvo: Kokee, että aikaa työtehtäviin on riittävästi · 31.12.2024');
  assert.equal(row.who, 'Kaisa Kanslia (kanslia)');
  assert.equal(row.before, '59 (henkilöstökysely 2024)');
  assert.equal(row.after, '66 (henkilöstökysely 2024)');
});

test('editor cannot edit another unit: refused on the page and through the API', async () => {
  const { page } = await asEditor();
  await t.goto(page, '/fi/unit/lai-hallinto/narrative?doc=annual-report&year=2024&section=events&text=fi', 403);
  assert.equal(norm(await page.textContent('h1')), 'Ei oikeutta');
  assert.equal(await page.locator('textarea').count(), 0);

  // The JSON API, from the editor's logged-in page: a valid session and CSRF token, but not the unit.
  await t.goto(page, TEXTS);
  const api = await page.evaluate(async () => {
    const s = await fetch('/api/v1/session');
    if (!s.ok) return { session: s.status };
    const { csrf } = await s.json();
    const r = await fetch('/api/v1/changes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify({ changes: [{ entity: 'narrative', key: 'lai-hallinto/2024/events/fi', before: null, after: 'x' }] }),
    });
    return { session: s.status, csrf: typeof csrf, changes: r.status, body: await r.text() };
  });
  assert.equal(api.session, 200, `GET /api/v1/session answered ${api.session}`);
  assert.equal(api.csrf, 'string', 'the session has no csrf token');
  assert.equal(api.changes, 403, `POST /api/v1/changes for another unit answered ${api.changes}: ${api.body}`);
  // Refused for the unit, not for a missing token.
  const refusal = JSON.parse(api.body);
  assert.equal(refusal.error, 'forbidden', api.body);
  assert.equal(refusal.key, 'lai-hallinto/2024/events/fi', api.body);
});

test('approver approves every section, freezes and publishes; an anonymous visitor reads it', async () => {
  // Publishing means reviewed: the editor accepts the drafted commentaries (kanslia and its three
  // areas, fi and sv) as they are, then says each section is ready.
  const { page: ed } = await asEditor();
  for (const unit of ['kanslia', 'ict', 'kansliapalvelut', 'talous']) {
    for (const lang of ['fi', 'sv']) {
      await t.goto(ed, `/fi/unit/${unit}/narrative?doc=annual-report&year=2024&section=commentary&text=${lang}`);
      await Promise.all([ed.waitForURL(/notice=accepted/), ed.getByRole('button', { name: 'Hyväksy luonnos sellaisenaan' }).click()]);
    }
  }
  await t.goto(ed, REVIEW);
  const ready = ed.locator('table.review form.inline:has(input[name=state][value=ready]) button');
  const sections = await ready.count();
  assert.ok(sections >= 2, `expected the sections of the annual report, got ${sections} ready buttons`);
  for (let i = 0; i < sections; ++i) {
    await Promise.all([ed.waitForURL(/notice=saved/), ready.first().click()]);
  }
  assert.equal(await ready.count(), 0);
  // An editor gets no approve button.
  assert.equal(await ed.locator('input[name=state][value=approved]').count(), 0);
  await screenshot(ed, 'review-editor-ready-fi.png');

  const { context, page } = await t.loggedIn('hyvaksyja');
  await t.goto(page, REVIEW);
  assert.equal(norm(await page.textContent('main')).includes('Version voi jäädyttää, kun kaikki osiot on hyväksytty.'), true);
  const approve = page.locator('table.review form.inline:has(input[name=state][value=approved]) button');
  assert.equal(await approve.count(), sections);
  for (let i = 0; i < sections; ++i) {
    await Promise.all([page.waitForURL(/notice=saved/), approve.first().click()]);
  }
  assert.equal(await page.locator('table.review td.state-approved').count(), sections);
  await screenshot(page, 'review-approved-fi.png');

  // The demo's one check error (kanslia's depreciation 2024 against its areas) needs the approver's reason.
  await page.getByLabel('Hyväksyjän perustelu tarkistusvirheistä huolimatta').fill('Poistojen ero selvitetty.');
  await Promise.all([page.waitForURL(/notice=frozen/), page.getByRole('button', { name: 'Hyväksy asiakirja ja jäädytä versio' }).click()]);
  assert.equal(norm(await page.textContent('p.notice')), 'Asiakirja hyväksytty ja versio jäädytetty.');
  const versions = page.locator('table.versions tbody tr');
  assert.equal(await versions.count(), 1);
  await Promise.all([page.waitForURL(/notice=published/), versions.getByRole('button', { name: 'Julkaise' }).click()]);
  assert.equal(norm(await page.textContent('p.notice')), 'Versio julkaistu.');
  await screenshot(page, 'review-published-fi.png');
  await context.close();

  // Anyone: the public list and the frozen HTML, without a login.
  const anon = await t.newContext();
  const pub = await anon.newPage();
  await t.goto(pub, '/fi/public');
  const row = pub.locator('table.versions tbody tr');
  assert.equal(await row.count(), 1, 'the public list does not show the published version');
  assert.ok(norm(await row.textContent()).includes('Toimintakertomus 2024 – Kaupunginkansliakeskus'));
  assert.ok(norm(await row.textContent()).includes('1 virhettä kuitattu: Poistojen ero selvitetty.'));
  const [doc] = await Promise.all([pub.waitForNavigation(), row.getByRole('link', { name: 'HTML fi' }).click()]);
  assert.equal(doc.status(), 200);
  const text = norm(await pub.textContent('body'));
  assert.ok(text.includes(`${EVENTS_MARK}: vuosi 2024 oli muutosten vuosi.`), 'the published version lacks the editor\'s text');
  assert.ok(text.includes('66 % (henkilöstökysely 2024)'), 'the published version lacks the corrected metric value');
  await screenshot(pub, 'public-annual-report-2024-fi.png');
  // The Swedish public list, also anonymous.
  await t.goto(pub, '/sv/public');
  assert.equal(await pub.getAttribute('html', 'lang'), 'sv');
  await anon.close();
});

// Runs last, on the pages as the tests above left them (texts edited, a version published). Every
// page is checked and photographed before the assertion, so one page's findings hide no other's.
test('axe-core finds no violations on the main pages (fi and sv), each photographed', async () => {
  const found = [];
  async function visit(page, url, shot, status = 200, act = null) {
    await t.goto(page, url, status);
    if (act) await act(page);
    await screenshot(page, shot);
    const v = await axeViolations(page, url);
    if (v.length > 0) found.push(`${url}: ${v.map((x) => x.id).join(', ')}`);
  }
  const anon = await t.newContext();
  const a = await anon.newPage();
  await visit(a, '/fi/login', 'login-fi.png');
  await visit(a, '/sv/login', 'login-sv.png');
  await visit(a, '/fi/public', 'public-fi.png');
  await visit(a, '/sv/public', 'public-sv.png');
  await anon.close();

  const { page } = await asEditor();
  await visit(page, '/fi/', 'index-fi.png');
  await visit(page, '/fi/unit/kanslia?year=2024', 'unit-kanslia-2024-fi.png');
  await visit(page, TEXTS, 'texts-kanslia-2024-fi.png');
  await visit(page, EVENTS, 'narrative-preview-fi.png', 200, async (p) => {
    await p.fill('textarea#markdown', EVENTS_AFTER);
    await Promise.all([p.waitForResponse((r) => r.request().method() === 'POST'), p.getByRole('button', { name: 'Esikatselu' }).click()]);
    await p.waitForLoadState('load');
    assert.equal(await p.locator('div.preview').count(), 1, 'no preview');
  });
  await visit(page, GOALS_EDIT, 'goals-edit-kanslia-2024-fi.png');
  await visit(page, AUDIT, 'audit-kanslia-fi.png');
  await visit(page, '/fi/unit/lai-hallinto/narrative?doc=annual-report&year=2024&section=events&text=fi', 'forbidden-fi.png', 403);
  await visit(page, '/fi/calendar?year=2025', 'calendar-2025-fi.png', 200, async (p) => {
    assert.equal(await p.locator('figure.clock svg').count(), 1, 'no annual clock');
  });
  await visit(page, '/sv/unit/kanslia/texts?year=2024', 'texts-kanslia-2024-sv.png');
  await visit(page, '/sv/unit/kanslia/narrative?doc=annual-report&year=2024&section=events&text=sv', 'narrative-sv.png');
  await visit(page, '/sv/unit/kanslia/goals/edit?year=2024', 'goals-edit-kanslia-2024-sv.png');
  await visit(page, '/sv/calendar?year=2025', 'calendar-2025-sv.png');

  const { context, page: ap } = await t.loggedIn('hyvaksyja');
  await visit(ap, REVIEW, 'review-fi.png');
  await visit(ap, '/sv/unit/kanslia/review?doc=annual-report&year=2024', 'review-sv.png');
  await context.close();
  assert.deepEqual(found, [], 'axe violations (details above)');
});
