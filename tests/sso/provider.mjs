// A local OpenID provider (oidc-provider 8) for the single sign-on tests: one confidential client,
// Entra-like accounts and claims, a plain login form instead of oidc-provider's dev interactions.
// Listens on 127.0.0.1 only and prints one line on stdout when ready: `ready http://127.0.0.1:PORT`
// (that URL is the issuer). Usage:
//   node provider.mjs --port P --client-id ID --client-secret-file FILE --redirect-uri URL
//        [--redirect-uri URL2 …] [--post-logout-uri URL …] [--key-set a|b|ab]
// Key sets: a publishes and signs with kid key-a; b with key-b; ab publishes both and signs with
// key-b, so a client that cached key-a must refetch the JWKS for the unknown kid.
import http from 'node:http';
import fs from 'node:fs';
import crypto from 'node:crypto';
import Provider from 'oidc-provider';

// oidc-provider prints its notices with console.info; keep stdout for the ready line alone.
console.info = (...args) => console.error(...args);

function parseArgs(argv) {
  const opts = { port: 0, redirectUris: [], postLogoutUris: [], keySet: 'a' };
  const many = { '--redirect-uri': 'redirectUris', '--post-logout-uri': 'postLogoutUris' };
  const one = { '--port': 'port', '--client-id': 'clientId', '--client-secret-file': 'secretFile', '--key-set': 'keySet' };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${name} needs a value`);
    if (many[name]) opts[many[name]].push(value);
    else if (one[name]) opts[one[name]] = value;
    else throw new Error(`unknown argument ${name}`);
  }
  if (!opts.clientId || !opts.secretFile || opts.redirectUris.length === 0) {
    throw new Error('need --client-id, --client-secret-file and at least one --redirect-uri');
  }
  if (!['a', 'b', 'ab'].includes(opts.keySet)) throw new Error('--key-set is a, b or ab');
  opts.port = Number(opts.port);
  return opts;
}

// The account id is also the `sub`. Claims as Entra ID would put them in the ID token.
const ACCOUNTS = {
  toimittaja: {
    name: 'Eeva Editori', email: 'eeva.editori@laitila.example', preferred_username: 'eeva.editori@laitila.example',
    roles: ['Toteuma.Editor.kanslia'], groups: [], tid: 'tenant-laitila', oid: 'oid-1',
  },
  talous: {
    name: 'Tauno Talous', email: 'tauno.talous@laitila.example', preferred_username: 'tauno.talous@laitila.example',
    roles: ['Toteuma.Finance'], groups: [], tid: 'tenant-laitila', oid: 'oid-2',
  },
  eiroolia: {
    name: 'Niko Nobody', email: 'niko@laitila.example', preferred_username: 'niko@laitila.example',
    roles: ['Something.Else'], groups: [], tid: 'tenant-laitila', oid: 'oid-3',
  },
  ryhma: {
    name: 'Ritva Ryhmä', email: 'ritva@laitila.example', preferred_username: 'ritva@laitila.example',
    roles: [], groups: ['0f6c1c55-group-talous'], tid: 'tenant-laitila', oid: 'oid-4',
  },
  vieras: {
    name: 'Ville Vieras', email: 'ville@muu.example', preferred_username: 'ville@muu.example',
    roles: ['Toteuma.Editor.kanslia'], groups: [], tid: 'tenant-muu', oid: 'oid-5',
  },
};
const SCOPE = 'openid profile email';

function signingKey(kid) {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}

// oidc-provider signs with the first matching key: b comes first in the set ab.
function keys(set) {
  return [...(set.includes('b') ? [signingKey('key-b')] : []), ...(set.includes('a') ? [signingKey('key-a')] : [])];
}

function configuration(opts) {
  return {
    clients: [{
      client_id: opts.clientId,
      client_secret: fs.readFileSync(opts.secretFile, 'utf8').trim(),
      redirect_uris: opts.redirectUris,
      post_logout_redirect_uris: opts.postLogoutUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // Basic is what Toteuma sends; oidc-provider accepts client_secret_post for this client too.
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    }],
    jwks: { keys: keys(opts.keySet) },
    scopes: ['openid', 'profile', 'email'],
    claims: {
      openid: ['sub', 'roles', 'groups', 'tid', 'oid'],
      profile: ['name', 'preferred_username'],
      email: ['email'],
    },
    // Scope claims in the ID token itself (as Entra ID does), not only from userinfo.
    conformIdTokenClaims: false,
    pkce: { methods: ['S256'], required: () => true },
    responseTypes: ['code'],
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    renderError,
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    // Plain http on 127.0.0.1: a SameSite=None cookie needs Secure, so the session cookie is Lax.
    cookies: { keys: [crypto.randomBytes(32).toString('hex')], long: { sameSite: 'lax' } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    async findAccount(ctx, id) {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
  };
}

// oidc-provider's own pages load a web font from the internet; these are plain and offline.
const html = (title, body) => `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1>${body}</body></html>`;
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// `form` (id op.logoutForm) is oidc-provider's; the button named logout, value yes, ends its session.
async function logoutSource(ctx, form) {
  ctx.body = html('Kirjaudu ulos', `${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Kirjaudu ulos</button>
<button type="submit" form="op.logoutForm">Pysy kirjautuneena</button>`);
}

async function postLogoutSuccessSource(ctx) {
  ctx.body = html('Uloskirjautunut', '<p>Olet kirjautunut ulos.</p>');
}

async function renderError(ctx, out) {
  ctx.type = 'html';
  ctx.body = html('Virhe', `<p id="error">${escape(out.error)}</p><p id="error_description">${escape(out.error_description ?? '')}</p>`);
}

function page(res, status, uid, message = '') {
  const note = message ? `<p role="alert">${message}</p>` : '';
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(html('Testitunnistus', `${note}
<form method="post" action="/interaction/${encodeURIComponent(uid)}/login"><label>Käyttäjä <input name="login" id="login"></label><button type="submit">Kirjaudu</button></form>`));
}

async function formBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

// GET /interaction/:uid shows the form; POST /interaction/:uid/login signs the account in and
// grants the client's scopes at once (no separate consent page).
async function interaction(provider, req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (req.method === 'GET' && !action) return page(res, 200, uid);
  if (req.method !== 'POST' || action !== 'login') return page(res, 405, uid, 'Väärä pyyntö.');
  const login = (await formBody(req)).get('login') ?? '';
  if (!Object.hasOwn(ACCOUNTS, login)) return page(res, 400, uid, 'Tuntematon käyttäjä.');
  const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
  grant.addOIDCScope(SCOPE);
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { login: { accountId: login }, consent: { grantId } },
    { mergeWithLastSubmission: false });
}

const opts = parseArgs(process.argv.slice(2));
const server = http.createServer();
server.listen(opts.port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration(opts));
  const callback = provider.callback();
  server.on('request', (req, res) => {
    const m = req.url.match(/^\/interaction\/([^/?]+)(?:\/([a-z]+))?(?:\?.*)?$/);
    if (!m) return callback(req, res);
    interaction(provider, req, res, m[1], m[2]).catch((err) => {
      console.error(`interaction: ${err.message}`);
      if (!res.headersSent) {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`interaction failed: ${err.message}\n`);
      }
    });
  });
  process.stdout.write(`ready ${issuer}\n`);
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
