// Single sign-on in a real browser (docs/SSO.md): Toteuma against the local OpenID provider of
// tests/sso (oidc-provider). An editor signs in with the provider, edits a kanslia text, signs out
// and is offered the provider's sign-out; the provider's answer opened in another browser is
// refused (state); an account without a mapped role, a guest of another tenant are refused;
// Swedish lands on /sv/; the groups fallback grants finance; password login is off but for the
// break-glass admin; a rotated signing key is fetched again. Set-up: harness.mjs.
//
// Toteuma is addressed as http://localhost:PORT and the provider as http://127.0.0.1:PORT, so they
// are different sites for the browser, as Toteuma and Entra ID are: cookies Toteuma needs on the
// way back from the provider must survive a cross-site redirect (SameSite).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useToteuma, freePort, norm, DEMO_PASSWORD, checkAxe, screenshot } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const START_PROVIDER = path.resolve(here, '..', 'sso', 'start-provider.sh');
const PROVIDER_NAME = 'Testitunnistus';  // the [oidc] name: the sign-in button shows it

let app = '';          // http://localhost:PORT, Toteuma
let providerPort = 0;  // fixed, so a restarted provider keeps its issuer
let issuer = '';       // http://127.0.0.1:PORT, printed by the provider
let provider = null;
let secretFile = '';

// Starts tests/sso/provider.mjs with key set `keys` and resolves with its issuer.
function startProvider(keys) {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [START_PROVIDER, '--port', String(providerPort), '--client-id', 'toteuma',
      '--client-secret-file', secretFile, '--redirect-uri', `${app}/sso/callback`,
      '--post-logout-uri', `${app}/fi/login`, '--post-logout-uri', `${app}/sv/login`, '--key-set', keys],
    { stdio: ['ignore', 'pipe', 'pipe'] });
    provider = child;
    let out = '';
    // The first start may run npm ci (tests/sso/start-provider.sh).
    const timer = setTimeout(() => reject(new Error(`the provider printed no ready line in 120 s: ${out}`)), 120000);
    child.stderr.on('data', (d) => process.stderr.write(`[provider] ${d}`));
    child.stdout.on('data', (d) => {
      out += d.toString();
      const m = out.match(/^ready (http:\/\/127\.0\.0\.1:\d+)$/m);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the provider exited (code ${code}): ${out}`));
    });
  });
}

async function stopProvider() {
  if (provider && provider.exitCode === null && provider.signalCode === null) {
    const exited = new Promise((r) => provider.once('exit', r));
    provider.kill('SIGTERM');
    await exited;
  }
}
process.on('exit', () => provider?.kill('SIGTERM'));
after(stopProvider);

const t = useToteuma(null, {
  async beforeServe(h) {
    const port = await freePort();
    providerPort = await freePort();
    app = `http://localhost:${port}`;
    secretFile = path.join(h.tmp, 'oidc-client-secret');
    // A trailing newline, as an editor leaves it; '+' and '/' must be form-encoded in HTTP Basic
    // (RFC 6749 2.3.1): oidc-provider decodes them, a raw '+' would read as a space.
    fs.writeFileSync(secretFile, 'browser-test+secret/7f3a9c\n', { mode: 0o600 });
    issuer = await startProvider('a');
    const config = path.join(h.tmp, 'sso.toml');
    fs.writeFileSync(config, `[oidc]
name = "${PROVIDER_NAME}"
issuer = "${issuer}"
client_id = "toteuma"
client_secret_file = "${secretFile}"
redirect_url = "${app}/sso/callback"
scopes = ["openid", "profile", "email"]
tenant = "tenant-laitila"
groups_claim = "groups"
post_logout_url = "${app}/fi/login"

[login]
local = false
break_glass = ["paakayttaja"]

[roles]
"Toteuma.Admin" = "admin"
"Toteuma.Finance" = "finance"
"Toteuma.Editor.kanslia" = "editor:kanslia"
"Toteuma.Translator.sv" = "translator:sv"
"Toteuma.Approver" = "approver"
"Toteuma.Viewer" = "viewer"

[groups]
"0f6c1c55-group-talous" = ["finance", "viewer"]
`);
    console.log(`provider: ${issuer}, toteuma: ${app}/`);
    return { port, serveArgs: ['--sso-config', config] };
  },
});

// A context as a person's browser has it: the page's Content-Security-Policy applies (the
// harness's contexts bypass it for axe), so a form that redirects off-site would be caught.
async function browserContext() {
  return t.browser.newContext({ viewport: { width: 1280, height: 900 } });
}

// The provider's sign-in on Toteuma's login page: a link or a button naming the provider.
function signInControl(page) {
  return page.getByRole('link', { name: PROVIDER_NAME }).or(page.getByRole('button', { name: PROVIDER_NAME }));
}

// From /{lang}/login through the provider's form as `account` back to Toteuma. Resolves with the
// response of Toteuma's callback (a redirect on success).
async function signIn(page, lang, account, shot) {
  const login = await page.goto(`${app}/${lang}/login`);
  assert.equal(login.status(), 200, `/${lang}/login answered ${login.status()}`);
  const control = signInControl(page);
  assert.equal(await control.count(), 1, `/${lang}/login has no sign-in of "${PROVIDER_NAME}"`);
  if (shot) await screenshot(page, `${shot}-login.png`);
  const toProvider = page.waitForURL((u) => u.origin === issuer && u.pathname.startsWith('/interaction/'), { timeout: 10000 })
    .catch(() => assert.fail(`"${PROVIDER_NAME}" did not lead to the provider's form (at ${page.url()}); a form whose answer ` +
      "redirects to another origin is blocked by the page's CSP form-action 'self': a link is not"));
  await Promise.all([toProvider, control.click()]);
  await page.fill('#login', account);
  if (shot) await screenshot(page, `${shot}-provider.png`);
  const [callback] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${app}/sso/callback?`)),
    page.click('button[type=submit]'),
  ]);
  await page.waitForLoadState('load');
  return callback;
}

// `callback`: the response of /sso/callback, a redirect (or a page that moves on by itself).
async function assertSignedIn(page, callback, lang, name) {
  assert.ok(callback.status() < 400, `the callback answered ${callback.status()}`);
  await page.waitForURL(`${app}/${lang}/`, { timeout: 5000 }).catch(() => {});
  assert.equal(page.url(), `${app}/${lang}/`, `the sign-in did not land on /${lang}/ (a session cookie that is
    SameSite=Strict is not sent after a redirect from another site)`);
  assert.equal(await page.locator('form.logout button').count(), 1, 'no logout button after signing in');
  assert.ok(norm(await page.locator('.who').textContent()).includes(name), `the header does not name ${name}`);
}

// `page` has no session: /{lang}/ sends it to the login page, with no logout button.
async function assertSignedOut(page, lang) {
  await page.goto(`${app}/${lang}/`);
  assert.equal(new URL(page.url()).pathname, `/${lang}/login`, `/${lang}/ did not ask for a login`);
  assert.equal(await page.locator('form.logout button').count(), 0, 'a logout button without a session');
}

// The refusal of a sign-in: 403, the reason in words, no session.
async function assertRefused(page, callback, words, shot) {
  assert.equal(callback.status(), 403, `the callback answered ${callback.status()}, not 403`);
  const text = norm(await page.textContent('body'));
  assert.match(text, words, `the refusal does not say why: ${text.slice(0, 300)}`);
  await screenshot(page, `${shot}.png`);
  await assertSignedOut(page, 'fi');
}

test('an editor signs in with the provider, edits a kanslia text, signs out and is offered the provider sign-out', async () => {
  const context = await browserContext();
  const page = await context.newPage();
  const callback = await signIn(page, 'fi', 'toimittaja', 'sso-fi');
  await assertSignedIn(page, callback, 'fi', 'Eeva Editori');
  await screenshot(page, 'sso-fi-home.png');

  // editor:kanslia from the app role Toteuma.Editor.kanslia: the kanslia texts are hers to edit.
  await page.goto(`${app}/fi/unit/kanslia/texts?year=2024`);
  const table = page.locator('table.texts', { has: page.locator('caption', { hasText: 'Toimintakertomus 2024' }) });
  const link = table.getByRole('link', { name: 'Muokkaa Toimintaympäristö ja toiminta suomi' });
  assert.equal(await link.count(), 1, 'no edit link of the events text (fi) of the annual report 2024');
  await Promise.all([page.waitForNavigation(), link.click()]);
  const text = 'Kertomuksen kirjoitti kertakirjautunut toimittaja.';
  await page.fill('textarea#markdown', text);
  const [saved] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Tallenna' }).click()]);
  assert.equal(saved.status(), 303, `saving the text answered ${saved.status()}`);
  await page.waitForURL(/notice=saved/);
  assert.equal(norm(await page.textContent('p.notice')), 'Tallennettu.');
  assert.equal(await page.inputValue('textarea#markdown'), text);

  // Sign out of Toteuma: the page then offers the provider's end-session.
  await Promise.all([page.waitForNavigation(), page.click('form.logout button')]);
  const endSession = page.locator(`a[href^="${issuer}/session/end"]`);
  assert.equal(await endSession.count(), 1, `after logout ${page.url()} offers no link to ${issuer}/session/end`);
  await screenshot(page, 'sso-fi-logged-out.png');
  const endSessionUrl = await endSession.getAttribute('href');
  await assertSignedOut(page, 'fi');

  // The link ends the provider's session too (after its own confirmation) and comes back to
  // Toteuma's login page; signing in again asks for the account on the provider's form.
  await page.goto(endSessionUrl);
  await Promise.all([page.waitForURL((u) => u.origin === app), page.click('button[name=logout][value=yes]')]);
  assert.equal(new URL(page.url()).pathname, '/fi/login', `the provider's sign-out returned to ${page.url()}`);
  const again = signInControl(page);
  await Promise.all([page.waitForURL((u) => u.origin === issuer), again.click()]);
  assert.equal(await page.locator('#login').count(), 1, 'the provider did not ask for the account again');
  await context.close();
});

test('the login page with the sign-in button passes axe in Finnish and Swedish', async () => {
  const context = await t.newContext();  // bypasses the CSP so that axe can be injected
  for (const lang of ['fi', 'sv']) {
    const page = await context.newPage();
    await page.goto(`${app}/${lang}/login`);
    assert.equal(await signInControl(page).count(), 1, `/${lang}/login has no sign-in of "${PROVIDER_NAME}"`);
    await checkAxe(page, `/${lang}/login with single sign-on`);
  }
  await context.close();
});

test("an answer of the provider meant for another browser is refused (state), and the code stays the owner's", async () => {
  // The owner's browser starts a sign-in; the provider's answer (the callback URL with the code) is
  // taken through the context's own request API, which shares its cookies but follows no redirect,
  // and opened first in another browser, which has no sign-in of its own to match the state.
  const owner = await browserContext();
  const page = await owner.newPage();
  await page.goto(`${app}/fi/login`);
  await Promise.all([page.waitForURL((u) => u.origin === issuer), signInControl(page).click()]);
  const action = await page.getAttribute('form', 'action');
  const login = await owner.request.post(`${issuer}${action}`, { form: { login: 'toimittaja' }, maxRedirects: 0 });
  assert.equal(login.status(), 303, `the provider's login answered ${login.status()}`);
  const resume = await owner.request.get(new URL(login.headers().location, issuer).href, { maxRedirects: 0 });
  const callbackUrl = resume.headers().location ?? '';
  assert.ok(callbackUrl.startsWith(`${app}/sso/callback?`) && callbackUrl.includes('code='), `no code: ${callbackUrl}`);

  const other = await browserContext();
  const thief = await other.newPage();
  const refused = await thief.goto(callbackUrl);
  assert.ok(refused.status() >= 400 && refused.status() < 500, `another browser's callback answered ${refused.status()}`);
  await assertSignedOut(thief, 'fi');
  await other.close();

  // The state is checked before the code is used: the owner still signs in with it.
  const callback = await page.goto(callbackUrl);
  await assertSignedIn(page, callback, 'fi', 'Eeva Editori');
  await owner.close();
});

test('an account whose roles map to no grant is refused and not signed in', async () => {
  const context = await browserContext();
  const page = await context.newPage();
  const callback = await signIn(page, 'fi', 'eiroolia');
  await assertRefused(page, callback, /oikeu/i, 'sso-fi-no-rights');
  await context.close();
});

test('a guest of another tenant is refused', async () => {
  const context = await browserContext();
  const page = await context.newPage();
  const callback = await signIn(page, 'fi', 'vieras');
  assert.equal(callback.status(), 403, `the callback answered ${callback.status()}, not 403`);
  await screenshot(page, 'sso-fi-other-tenant.png');
  await assertSignedOut(page, 'fi');
  await context.close();
});

test('in Swedish the sign-in lands on /sv/', async () => {
  const context = await browserContext();
  const page = await context.newPage();
  const callback = await signIn(page, 'sv', 'talous', 'sso-sv');
  await assertSignedIn(page, callback, 'sv', 'Tauno Talous');
  await screenshot(page, 'sso-sv-home.png');
  await context.close();
});

test('the groups fallback: a group mapped to finance signs in with finance', async () => {
  const context = await browserContext();
  const page = await context.newPage();
  const callback = await signIn(page, 'fi', 'ryhma');
  await assertSignedIn(page, callback, 'fi', 'Ritva Ryhmä');
  assert.match(norm(await page.locator('.who').textContent()), /talous/, 'the header lacks the finance role');
  await context.close();
});

test('password login is refused but for the break-glass account', async () => {
  const context = await browserContext();
  const page = await context.newPage();
  await page.goto(`${app}/fi/login`);
  await page.fill('#user', 'talous');
  await page.fill('#password', DEMO_PASSWORD);
  const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
    page.click('form.login button[type=submit]')]);
  await page.waitForLoadState('load');
  assert.ok(answer.status() >= 400, `the password login of talous answered ${answer.status()}`);
  assert.equal(await page.locator('[role=alert]').count(), 1, 'the refusal has no message');
  await screenshot(page, 'sso-fi-password-refused.png');
  await assertSignedOut(page, 'fi');

  await page.goto(`${app}/fi/login`);
  await page.fill('#user', 'paakayttaja');
  await page.fill('#password', DEMO_PASSWORD);
  await Promise.all([page.waitForURL(`${app}/fi/`), page.click('form.login button[type=submit]')]);
  assert.equal(await page.locator('form.logout button').count(), 1, 'the break-glass admin is not logged in');
  await context.close();
});

test('a new signing key of the provider is fetched again (unknown kid)', async () => {
  // Toteuma has key-a cached from the sign-ins above. Set ab publishes key-a and key-b and signs
  // with key-b, as a provider does during a rollover. The issuer stays (same port). (Only one
  // restart: the test provider makes new keys at each start, and a real provider never gives an
  // old kid to a new key.)
  await stopProvider();
  assert.equal(await startProvider('ab'), issuer);
  const context = await browserContext();
  const page = await context.newPage();
  const callback = await signIn(page, 'fi', 'toimittaja');
  await assertSignedIn(page, callback, 'fi', 'Eeva Editori');
  await context.close();
});
