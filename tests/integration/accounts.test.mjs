// Accounts over real HTTP: sign-up with a mailed link, sign-in, sessions, password reset and
// deletion; the defences (CSRF, session fixation, open redirects, enumeration, throttling,
// hostile input); languages; mail over real SMTP, also after the SMTP server was down; and the
// account commands of the command line.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { binary, freePort, freshDatabase, run, startServer, tempDir } from './knooppunt.mjs';

const kPassword = 'Fietsbel-Zonnebloem-42';
const kOtherPassword = 'Grachtenpand-Tulpenveld-7';
const kPublicUrl = 'https://knooppunt.example';

// Every visitor connects from its own loopback address (127.0.0.0/8 is all local on Linux), so
// the per-address limits of one test (10 sign-ups or reset requests an hour, 20 failed
// sign-ins) do not spill into the next.
let lastAddress = 1;
function nextAddress() {
  lastAddress += 1;
  return `127.0.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`;
}

let lastMailbox = 0;
function uniqueEmail(name) {
  lastMailbox += 1;
  return `${name}.${process.pid}.${lastMailbox}@voorbeeld.nl`;
}

// One HTTP request with node:http, so that the client address and the raw body are ours.
// Redirects are not followed. Returns { status, headers, body (Buffer), text }.
function send(base, { method = 'GET', target, headers = {}, body, localAddress }) {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(target, base), { method, headers, localAddress, agent: false },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const all = Buffer.concat(chunks);
          resolve({ status: response.statusCode, headers: response.headers, body: all, text: all.toString('utf8') });
        });
      });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

// A browser: its own client address and a cookie jar. post() adds the csrf field from the jar
// unless `csrf` says otherwise (null: leave it out).
class Visitor {
  constructor(server) {
    this.base = server.url;
    this.address = nextAddress();
    this.cookies = new Map();
  }

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  remember(response) {
    for (const line of response.headers['set-cookie'] ?? []) {
      const [pair] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /;\s*Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async request(method, target, { headers = {}, body } = {}) {
    const cookie = this.cookieHeader();
    const all = { ...(cookie ? { Cookie: cookie } : {}), ...headers };
    if (body !== undefined) {
      all['Content-Type'] ??= 'application/x-www-form-urlencoded';
      all['Content-Length'] = Buffer.byteLength(body);
    }
    return this.remember(await send(this.base, { method, target, headers: all, body, localAddress: this.address }));
  }

  get(target, options) { return this.request('GET', target, options); }

  post(target, fields, { csrf = this.cookies.get('csrf') } = {}) {
    const form = new URLSearchParams(csrf === null ? {} : { csrf: csrf ?? '' });
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return this.request('POST', target, { body: form.toString() });
  }
}

// The <input> element of a field, or undefined.
function inputNamed(html, name) {
  return html.match(new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`))?.[0];
}
function attribute(element, name) {
  return element?.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
}

// RFC 6238 (HMAC-SHA1, 6 digits, 30 s), as an authenticator app computes it.
function totp(secretBase32, unixSeconds) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = [];
  let bits = 0;
  let value = 0;
  for (const c of secretBase32.replace(/[\s=]/g, '').toUpperCase()) {
    value = ((value << 5) | alphabet.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', Buffer.from(bytes)).update(counter).digest();
  const offset = mac[19] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

// --- Mail --------------------------------------------------------------------------------------

// An RFC 5322 message (CRLF, or LF as a maildir stores it): lower-case headers, the subject with
// its RFC 2047 words decoded, the base64 body decoded as UTF-8.
function parseMail(raw) {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const headers = {};
  for (const line of text.slice(0, split).replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const words = [...(headers.subject ?? '').matchAll(/=\?utf-8\?b\?([^?]*)\?=/gi)];
  const subject = words.length === 0 ? headers.subject
    : Buffer.concat(words.map((word) => Buffer.from(word[1], 'base64'))).toString('utf8');
  let body = text.slice(split + 2);
  if (/base64/i.test(headers['content-transfer-encoding'] ?? '')) {
    body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return { headers, subject, body, raw };
}

// Every complete message in `dir` (.eml files) or below it (a maildir's new/ and cur/).
function readMails(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'tmp') out.push(...readMails(full));
    } else {
      out.push(parseMail(readFileSync(full, 'utf8')));
    }
  }
  return out;
}

function mailsTo(dir, address) {
  return readMails(dir).filter((mail) => mail.headers.to === address);
}

// Polls until a mail to `address` (and passing `accept`) is there; fails after `timeoutMs`.
async function waitForMail(dir, address, { accept = () => true, timeoutMs = 10000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailsTo(dir, address).find(accept);
    if (found) return found;
    if (Date.now() > deadline) assert.fail(`no mail to ${address} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The path and query of the first link to `page` in a mail body.
function linkIn(mail, page) {
  const url = mail.body.match(new RegExp(`https?://\\S*${page}\\?sleutel=[A-Za-z0-9_-]+`))?.[0];
  assert.ok(url, `a ${page} link in: ${mail.body}`);
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

// --- Steps -------------------------------------------------------------------------------------

async function signUp(visitor, fields, prefix = '') {
  assert.equal((await visitor.get(`${prefix}/registreren`)).status, 200);
  return visitor.post(`${prefix}/registreren`, fields);
}

async function signIn(visitor, email, password, extra = {}) {
  if (!visitor.cookies.has('csrf')) assert.equal((await visitor.get('/inloggen')).status, 200);
  return visitor.post('/inloggen', { email, password, ...extra });
}

// A verified participant account with kPassword, made with the command line. Returns the address.
function addUser(server, email) {
  const result = run(['user', 'add', '--email', email, '--role', 'participant', '--password-stdin',
    '--database', server.database.url], { input: `${kPassword}\n` });
  assert.equal(result.status, 0, result.stderr);
  return email;
}

// A visitor signed in to a new command-line account. Returns { visitor, email }.
async function signedIn(server, name) {
  const email = addUser(server, uniqueEmail(name));
  const visitor = new Visitor(server);
  const response = await signIn(visitor, email, kPassword);
  assert.equal(response.status, 303, response.text);
  assert.ok(visitor.cookies.get('sessie'));
  return { visitor, email };
}

async function isSignedIn(visitor) {
  const response = await visitor.get('/account');
  if (response.status === 200) return true;
  assert.equal(response.status, 303);
  assert.match(response.headers.location, /^\/inloggen\?terug=/);
  return false;
}

// --- The site with mail written into a folder --------------------------------------------------

describe('accounts with mail in a folder', () => {
  let server;
  let mailDir;
  before(async () => {
    mailDir = tempDir();
    server = await startServer({ config: [`mail_folder = ${mailDir}`, `public_url = ${kPublicUrl}`] });
  });
  after(async () => {
    await server?.stop();
    rmSync(mailDir, { recursive: true, force: true });
  });

  test('sign up, confirm the mailed link, sign in, see and export the account, sign out', async () => {
    const visitor = new Visitor(server);
    const typed = `Nieuw.Lid.${process.pid}@Voorbeeld.NL`;
    const email = typed.toLowerCase();
    const form = await visitor.get('/registreren');
    assert.equal(form.status, 200);
    assert.match(form.headers['set-cookie'].join('\n'), /csrf=[^;]+;.*HttpOnly.*Secure/);
    assert.equal(attribute(inputNamed(form.text, 'csrf'), 'value'), visitor.cookies.get('csrf'));

    const name = 'Fatima "Fati" <Zahra> & co';
    const sent = await visitor.post('/registreren', { email: typed, naam: name, password: kPassword });
    assert.equal(sent.status, 303, sent.text);
    assert.equal(sent.headers.location, '/registreren/verstuurd');
    assert.equal((await visitor.get('/registreren/verstuurd')).status, 200);

    const mail = await waitForMail(mailDir, email);
    assert.equal(mailsTo(mailDir, email).length, 1);
    assert.equal(mail.subject, 'Bevestig je e-mailadres voor Knooppunt');
    assert.equal(mail.headers['content-language'], 'nl');
    assert.match(mail.headers['content-type'], /text\/plain; charset=utf-8/i);
    assert.ok(mail.headers.from && mail.headers.date && mail.headers['message-id'], mail.raw.slice(0, 400));
    const link = linkIn(mail, '/bevestigen');
    assert.ok(mail.body.includes(`${kPublicUrl}/bevestigen?sleutel=`), 'links start with public_url');

    // Not yet confirmed: the right password is not enough.
    const early = await signIn(visitor, email, kPassword);
    assert.equal(early.status, 400);
    assert.match(early.text, /nog niet bevestigd/);

    const confirmForm = await visitor.get(link);
    assert.equal(confirmForm.status, 200);
    const sleutel = attribute(inputNamed(confirmForm.text, 'sleutel'), 'value');
    assert.equal(sleutel, new URL(link, server.url).searchParams.get('sleutel'));
    const confirmed = await visitor.post('/bevestigen', { sleutel });
    assert.equal(confirmed.status, 303, confirmed.text);
    assert.equal(confirmed.headers.location, '/inloggen?bevestigd=1');
    assert.equal((await visitor.post('/bevestigen', { sleutel })).status, 400, 'a link works once');

    const signedInResponse = await signIn(visitor, typed, kPassword);
    assert.equal(signedInResponse.status, 303, signedInResponse.text);
    assert.equal(signedInResponse.headers.location, '/account');
    const cookie = signedInResponse.headers['set-cookie'].find((line) => line.startsWith('sessie='));
    assert.match(cookie, /^sessie=[A-Za-z0-9_-]{20,};/);
    assert.match(cookie, /;\s*HttpOnly/);
    assert.match(cookie, /;\s*SameSite=Lax/);
    assert.match(cookie, /;\s*Secure/, 'public_url is https');

    const account = await visitor.get('/account');
    assert.equal(account.status, 200);
    assert.equal(account.headers['cache-control'], 'no-store', 'a personal page is not cached');
    assert.ok(account.text.includes(email));
    assert.ok(account.text.includes('Fatima &quot;Fati&quot; &lt;Zahra&gt; &amp; co'), 'the name, escaped');
    assert.ok(!account.text.includes('<Zahra>'));

    const exported = await visitor.get('/account/export');
    assert.equal(exported.status, 200);
    assert.match(exported.headers['content-type'], /^application\/json/);
    assert.match(exported.headers['content-disposition'], /attachment/);
    assert.equal(exported.headers['cache-control'], 'no-store');
    const data = JSON.parse(exported.text);
    assert.equal(data.account.email, email);
    assert.equal(data.account.display_name, name);
    assert.ok(data.account.email_verified_at);
    assert.doesNotMatch(exported.text, /argon2|password|wachtwoord/i);

    const token = visitor.cookies.get('sessie');
    const out = await visitor.post('/uitloggen', {});
    assert.equal(out.status, 303);
    assert.match(out.headers['set-cookie'].join('\n'), /sessie=;[^\n]*Max-Age=0/);
    assert.equal(visitor.cookies.has('sessie'), false);
    const signedOut = await visitor.get('/account');
    assert.equal(signedOut.status, 303);
    assert.equal(signedOut.headers.location, '/inloggen?terug=%2Faccount');
    visitor.cookies.set('sessie', token);
    assert.equal(await isSignedIn(visitor), false, 'the old session ended on the server too');
  });

  test('a form with errors keeps what was typed, except the password', async () => {
    const visitor = new Visitor(server);
    const typed = `Iemand.${process.pid}@Example.org`;
    const short = await signUp(visitor, { email: typed, naam: 'Anna de Vries', password: 'kort5' });
    assert.equal(short.status, 400);
    const password = inputNamed(short.text, 'password');
    assert.equal(attribute(password, 'aria-invalid'), 'true');
    assert.match(attribute(password, 'aria-describedby'), /password-fout/);
    assert.match(short.text, /<p class="kp-field-error" id="password-fout">Je wachtwoord is te kort/);
    assert.equal(attribute(inputNamed(short.text, 'email'), 'value'), typed);
    assert.equal(attribute(inputNamed(short.text, 'email'), 'aria-invalid'), undefined);
    assert.equal(attribute(inputNamed(short.text, 'naam'), 'value'), 'Anna de Vries');
    assert.equal(attribute(password, 'value') ?? '', '');
    assert.ok(!short.text.includes('kort5'), 'the password is not echoed');

    const invalid = await visitor.post('/registreren', { email: 'geen-adres', naam: '', password: kPassword });
    assert.equal(invalid.status, 400);
    assert.equal(attribute(inputNamed(invalid.text, 'email'), 'aria-invalid'), 'true');
    assert.match(invalid.text, /Dit e-mailadres klopt niet/);
    assert.ok(!invalid.text.includes(kPassword));
  });

  test('a post without the csrf token, or with another one, is refused and changes nothing', async () => {
    const visitor = new Visitor(server);
    const email = uniqueEmail('csrf');
    assert.equal((await visitor.get('/registreren')).status, 200);
    const fields = { email, naam: '', password: kPassword };
    for (const csrf of [null, '', '00000000-0000-4000-8000-000000000000']) {
      const refused = await visitor.post('/registreren', fields, { csrf });
      assert.equal(refused.status, 403, String(csrf));
      assert.match(refused.text, /formulier was verlopen/);
    }
    // A field without the cookie (a post from another site, which gets no SameSite=Strict cookie).
    const stranger = new Visitor(server);
    const forged = await stranger.post('/registreren', fields, { csrf: visitor.cookies.get('csrf') });
    assert.equal(forged.status, 403);
    // Had the account been stored, the right password would answer "not confirmed yet".
    const tried = await signIn(visitor, email, kPassword);
    assert.equal(tried.status, 400);
    assert.match(tried.text, /Dit e-mailadres of dit wachtwoord klopt niet/);
    assert.doesNotMatch(tried.text, /nog niet bevestigd/);

    // Signing out is a form too: a forged post leaves the session alone.
    const { visitor: member } = await signedIn(server, 'uitlog');
    assert.equal((await member.post('/uitloggen', {}, { csrf: null })).status, 403);
    assert.equal((await member.post('/uitloggen', {}, { csrf: 'x' })).status, 403);
    assert.equal(await isSignedIn(member), true);
    assert.equal(mailsTo(mailDir, email).length, 0);
  });

  test('signing in gives a new session id, whatever session cookie was there before', async () => {
    const email = addUser(server, uniqueEmail('fixatie'));
    const visitor = new Visitor(server);
    const planted = 'AttackerChosenSessionIdAttackerChosen012345';
    visitor.cookies.set('sessie', planted);
    assert.equal((await visitor.get('/inloggen')).status, 200);
    const response = await signIn(visitor, email, kPassword);
    assert.equal(response.status, 303);
    const fresh = visitor.cookies.get('sessie');
    assert.ok(fresh);
    assert.notEqual(fresh, planted);
    assert.equal(await isSignedIn(visitor), true);
    const attacker = new Visitor(server);
    attacker.cookies.set('sessie', planted);
    assert.equal(await isSignedIn(attacker), false, 'the planted value got no rights');
  });

  test('the return path after signing in never leaves the site', async () => {
    const email = addUser(server, uniqueEmail('terug'));
    for (const terug of ['//evil.example', 'https://evil.example', '/\\evil.example', '\\\\evil.example',
      ' //evil.example', '/\t/evil.example', 'javascript:alert(1)']) {
      const visitor = new Visitor(server);
      const form = await visitor.get(`/inloggen?terug=${encodeURIComponent(terug)}`);
      assert.equal(form.status, 200);
      assert.doesNotMatch(attribute(inputNamed(form.text, 'terug'), 'value') ?? '', /evil/, terug);
      const response = await signIn(visitor, email, kPassword, { terug });
      assert.equal(response.status, 303, terug);
      assert.equal(response.headers.location, '/account', terug);
    }
    const visitor = new Visitor(server);
    const back = await signIn(visitor, email, kPassword, { terug: '/account/export' });
    assert.equal(back.headers.location, '/account/export', 'a path on the site is kept');
  });

  test('a reset request answers alike for known and unknown addresses; only the known one gets mail', async () => {
    const known = addUser(server, uniqueEmail('bekend'));
    const unknown = uniqueEmail('onbekend');
    const visitor = new Visitor(server);
    assert.equal((await visitor.get('/wachtwoord-vergeten')).status, 200);
    const forUnknown = await visitor.post('/wachtwoord-vergeten', { email: unknown });
    const forKnown = await visitor.post('/wachtwoord-vergeten', { email: known });
    assert.equal(forKnown.status, 303);
    assert.equal(forUnknown.status, forKnown.status);
    assert.equal(forUnknown.headers.location, forKnown.headers.location);
    assert.equal(forKnown.headers.location, '/wachtwoord-vergeten?verstuurd=1');
    assert.deepEqual(forUnknown.body, forKnown.body);
    assert.deepEqual(forUnknown.headers['set-cookie'], forKnown.headers['set-cookie']);
    const mail = await waitForMail(mailDir, known);
    assert.equal(mail.subject, 'Kies een nieuw wachtwoord voor Knooppunt');
    // The unknown address was asked for first: by now its mail would have gone out too.
    assert.equal(mailsTo(mailDir, unknown).length, 0);

    // Signing up with an address that has an account looks the same as a new sign-up.
    const again = await signUp(new Visitor(server), { email: known.toUpperCase(), naam: '', password: kOtherPassword });
    assert.equal(again.status, 303);
    assert.equal(again.headers.location, '/registreren/verstuurd');
    const notice = await waitForMail(mailDir, known, { accept: (m) => m.subject !== mail.subject });
    assert.equal(notice.subject, 'Je hebt al een account op Knooppunt');
  });

  test('five wrong passwords block the account: then 429 with Retry-After, even for the right one', async () => {
    const email = addUser(server, uniqueEmail('raden'));
    const visitor = new Visitor(server);
    for (let i = 1; i <= 5; i++) {
      const wrong = await signIn(visitor, email, `Verkeerd-wachtwoord-${i}`);
      assert.equal(wrong.status, 400, `attempt ${i}`);
    }
    // Another visitor (another address) with the right password: the account is what is blocked.
    for (const who of [visitor, new Visitor(server)]) {
      const blocked = await signIn(who, email, kPassword);
      assert.equal(blocked.status, 429);
      const retryAfter = Number(blocked.headers['retry-after']);
      assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 15 * 60, blocked.headers['retry-after']);
      assert.match(blocked.text, /Je hebt het te vaak geprobeerd\. Probeer het over \d+ minuten opnieuw\./);
      assert.equal(blocked.headers['set-cookie']?.some((line) => line.startsWith('sessie=')) ?? false, false);
    }
  });

  test('hostile input gets a 4xx or an escaped page, never a 500, and the server stays up', async () => {
    const visitor = new Visitor(server);
    const script = await signUp(visitor, { email: uniqueEmail('script'), naam: '<script>alert(1)</script>', password: 'kort' });
    assert.equal(script.status, 400);
    assert.ok(!script.text.includes('<script>alert'), 'the name is escaped');
    assert.match(script.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);

    const csrf = visitor.cookies.get('csrf');
    const bodies = [
      `csrf=${csrf}&email=${'a'.repeat(100 * 1024)}%40voorbeeld.nl&naam=x&password=${kPassword}`,
      `csrf=${csrf}&email=${'a'.repeat(100 * 1024)}&naam=x&password=${kPassword}`,
      `csrf=${csrf}&email=iemand%40voorbeeld.nl&naam=%FF%FE&password=${kPassword}`,
      `csrf=${csrf}&email=iemand%00%40voorbeeld.nl&naam=x&password=${kPassword}`,
      `csrf=${csrf}&email=iemand%40voorbeeld.nl&naam=a%00b&password=${kPassword}`,
      `csrf=${csrf}&email=%E2%80%AE%40voorbeeld.nl&naam=x&password=%C3%28`,
      `csrf=${csrf}&email`,
      `csrf=${csrf}&${'&'.repeat(5000)}`,
    ];
    for (const body of bodies) {
      for (const target of ['/registreren', '/inloggen', '/wachtwoord-vergeten']) {
        const response = await visitor.request('POST', target, { body });
        assert.ok(response.status >= 400 && response.status < 500, `${target} ${body.slice(0, 80)}: ${response.status}`);
        assert.ok(!response.text.includes('<script>'), target);
      }
    }
    // Values from the address bar come back escaped, or not at all.
    const verifyForm = await visitor.get('/bevestigen?sleutel=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    assert.ok(verifyForm.status < 500);
    assert.ok(!verifyForm.text.includes('<script>alert'));
    const resetForm = await visitor.get('/wachtwoord-nieuw?sleutel=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    assert.equal(resetForm.status, 400);
    assert.ok(!resetForm.text.includes('<script>alert'));
    const signInForm = await visitor.get('/inloggen?terug=%2F%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    assert.equal(signInForm.status, 200);
    assert.ok(!signInForm.text.includes('<script>alert'));
    const json = await visitor.request('POST', '/inloggen', {
      body: JSON.stringify({ csrf, email: 'a@b.nl', password: kPassword }), headers: { 'Content-Type': 'application/json' } });
    assert.ok(json.status >= 400 && json.status < 500, String(json.status));
    assert.equal((await send(server.url, { target: '/healthz' })).status, 200);
  });

  test('a reset link sets a new password once, and ends the sessions', async () => {
    const { visitor: earlier, email } = await signedIn(server, 'herstel');
    const visitor = new Visitor(server);
    assert.equal((await visitor.get('/wachtwoord-vergeten')).status, 200);
    assert.equal((await visitor.post('/wachtwoord-vergeten', { email })).status, 303);
    const link = linkIn(await waitForMail(mailDir, email), '/wachtwoord-nieuw');

    const form = await visitor.get(link);
    assert.equal(form.status, 200);
    const sleutel = attribute(inputNamed(form.text, 'sleutel'), 'value');
    assert.ok(sleutel);
    const weak = await visitor.post('/wachtwoord-nieuw', { sleutel, password: 'wachtwoord' });
    assert.equal(weak.status, 400);
    assert.equal(attribute(inputNamed(weak.text, 'password'), 'aria-invalid'), 'true');
    assert.equal(attribute(inputNamed(weak.text, 'sleutel'), 'value'), sleutel, 'the form again, with its key');
    const short = await visitor.post('/wachtwoord-nieuw', { sleutel, password: 'kort' });
    assert.equal(short.status, 400);
    assert.match(short.text, /Je wachtwoord is te kort/);

    const done = await visitor.post('/wachtwoord-nieuw', { sleutel, password: kOtherPassword });
    assert.equal(done.status, 303, done.text);
    assert.equal(done.headers.location, '/inloggen?nieuw=1');
    assert.equal(await isSignedIn(earlier), false, 'a new password ends the old sessions');

    const old = await signIn(new Visitor(server), email, kPassword);
    assert.equal(old.status, 400);
    const fresh = await signIn(new Visitor(server), email, kOtherPassword);
    assert.equal(fresh.status, 303);

    const replay = await visitor.post('/wachtwoord-nieuw', { sleutel, password: 'Nog-een-ander-wachtwoord-9' });
    assert.equal(replay.status, 400);
    assert.match(replay.text, /Deze link werkt niet meer/);
    assert.equal((await visitor.get(link)).status, 400);
    assert.equal((await signIn(new Visitor(server), email, 'Nog-een-ander-wachtwoord-9')).status, 400);
  });

  test('deleting the account needs the password, then ends the session and the account', async () => {
    const { visitor, email } = await signedIn(server, 'weg');
    assert.equal((await visitor.get('/account/verwijderen')).status, 200);
    const wrong = await visitor.post('/account/verwijderen', { password: kOtherPassword });
    assert.equal(wrong.status, 400);
    assert.equal(attribute(inputNamed(wrong.text, 'password'), 'aria-invalid'), 'true');
    assert.match(wrong.text, /Dit wachtwoord klopt niet/);
    assert.equal(await isSignedIn(visitor), true, 'the account is kept');

    const token = visitor.cookies.get('sessie');
    const deleted = await visitor.post('/account/verwijderen', { password: kPassword });
    assert.equal(deleted.status, 303, deleted.text);
    assert.equal(deleted.headers.location, '/account/verwijderd');
    assert.equal((await visitor.get('/account/verwijderd')).status, 200);
    visitor.cookies.set('sessie', token);
    assert.equal(await isSignedIn(visitor), false);
    const again = await signIn(new Visitor(server), email, kPassword);
    assert.equal(again.status, 400);
    assert.doesNotMatch(again.text, /nog niet bevestigd/);
  });

  test('the pages speak Arabic right to left, and a sign-up in English gets its mail in English', async () => {
    const arabic = new Visitor(server);
    for (const page of ['/ar/registreren', '/ar/inloggen', '/ar/wachtwoord-vergeten']) {
      const response = await arabic.get(page);
      assert.equal(response.status, 200, page);
      assert.match(response.text, /<html[^>]*\blang="ar"/, page);
      assert.match(response.text, /<html[^>]*\bdir="rtl"/, page);
      assert.match(response.text, new RegExp(`action="${page}"`), page);
    }
    const wrong = await arabic.post('/ar/registreren', { email: 'geen-adres', naam: '', password: kPassword });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /<html[^>]*\bdir="rtl"/);
    assert.doesNotMatch(wrong.text, /Dit e-mailadres klopt niet/, 'the error is not in Dutch');
    assert.match(wrong.text, /<p class="kp-field-error" id="email-fout">[^<]*[\u0600-\u06FF]/, 'but in Arabic');

    const arabicEmail = uniqueEmail('arabic');
    const arabicSent = await arabic.post('/ar/registreren', { email: arabicEmail, naam: 'سارة', password: kPassword });
    assert.equal(arabicSent.status, 303, arabicSent.text);
    assert.equal(arabicSent.headers.location, '/ar/registreren/verstuurd');

    const english = new Visitor(server);
    const email = uniqueEmail('english');
    const sent = await signUp(english, { email, naam: 'Jane', password: kPassword }, '/en');
    assert.equal(sent.status, 303, sent.text);
    assert.equal(sent.headers.location, '/en/registreren/verstuurd');

    // The Arabic subject travels as RFC 2047 encoded words, in lines of at most 78 characters.
    const arabicMail = await waitForMail(mailDir, arabicEmail);
    assert.equal(arabicMail.headers['content-language'], 'ar');
    assert.match(arabicMail.headers.subject, /^=\?utf-8\?b\?/i);
    assert.match(arabicMail.subject, /[\u0600-\u06FF]/);
    assert.match(arabicMail.body, /[\u0600-\u06FF]/);
    for (const line of arabicMail.raw.split('\r\n')) assert.ok(line.length <= 78, line);
    linkIn(arabicMail, '/ar/bevestigen');

    const mail = await waitForMail(mailDir, email);
    assert.equal(mail.headers['content-language'], 'en');
    assert.notEqual(mail.subject, 'Bevestig je e-mailadres voor Knooppunt');
    assert.match(mail.subject, /confirm|verify/i);
    assert.doesNotMatch(mail.body, /Hallo,|Bevestig/);
    const link = linkIn(mail, '/en/bevestigen');
    const confirmForm = await english.get(link);
    assert.equal(confirmForm.status, 200);
    assert.match(confirmForm.text, /<html[^>]*\blang="en"/);
    const confirmed = await english.post('/en/bevestigen', { sleutel: attribute(inputNamed(confirmForm.text, 'sleutel'), 'value') });
    assert.equal(confirmed.headers.location, '/en/inloggen?bevestigd=1');
    assert.equal((await english.get('/en/inloggen?bevestigd=1')).status, 200);
    const signedInEnglish = await english.post('/en/inloggen', { email, password: kPassword });
    assert.equal(signedInEnglish.status, 303);
    assert.equal(signedInEnglish.headers.location, '/en/account');
  });

  test('sign-ups and reset requests from one address are limited: the eleventh in an hour gets 429', async () => {
    const visitor = new Visitor(server);
    assert.equal((await visitor.get('/registreren')).status, 200);
    // A form with mistakes does not count: only sign-ups that go through do.
    const mistaken = await visitor.post('/registreren', { email: 'geen-adres', naam: '', password: kPassword });
    assert.equal(mistaken.status, 400);
    for (let i = 1; i <= 10; i++) {
      const response = await visitor.post('/registreren', { email: uniqueEmail(`limiet-${i}`), naam: '', password: kPassword });
      assert.equal(response.status, 303, `sign-up ${i}`);
    }
    const refused = await visitor.post('/registreren', { email: uniqueEmail('elfde'), naam: 'Elf', password: kPassword });
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 3600, refused.headers['retry-after']);
    assert.match(refused.text, /Je hebt het te vaak geprobeerd/);
    assert.equal(attribute(inputNamed(refused.text, 'naam'), 'value'), 'Elf', 'what was typed stays');
    const reset = await visitor.post('/wachtwoord-vergeten', { email: uniqueEmail('elfde') });
    assert.equal(reset.status, 429);
    assert.ok(Number(reset.headers['retry-after']) > 0);
    // Another visitor is not affected.
    const other = await signUp(new Visitor(server), { email: uniqueEmail('ander'), naam: '', password: kPassword });
    assert.equal(other.status, 303);
  });

  test('twenty failed sign-ins from one address block that address, for every account', async () => {
    const email = addUser(server, uniqueEmail('adres'));
    const visitor = new Visitor(server);
    for (let i = 1; i <= 20; i++) {
      const wrong = await signIn(visitor, uniqueEmail('gok'), kPassword);
      assert.equal(wrong.status, 400, `attempt ${i}`);
    }
    const blocked = await signIn(visitor, email, kPassword);
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.equal((await signIn(new Visitor(server), email, kPassword)).status, 303, 'other addresses may');
  });

  test('two-step verification: enrol with a code, then signing in needs a fresh code', async () => {
    const { visitor, email } = await signedIn(server, 'totp');
    const elsewhere = new Visitor(server);
    assert.equal((await signIn(elsewhere, email, kPassword)).status, 303);
    const form = await visitor.get('/account/tweestaps');
    assert.equal(form.status, 200);
    assert.match(form.text, /<svg[^>]*>/, 'a QR code');
    const secret = attribute(inputNamed(form.text, 'geheim'), 'value');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    const now = () => Date.now() / 1000;
    const wrong = await visitor.post('/account/tweestaps', { geheim: secret, code: totp(secret, now() + 3600) });
    assert.equal(wrong.status, 400);
    assert.equal(attribute(inputNamed(wrong.text, 'code'), 'aria-invalid'), 'true');
    const used = totp(secret, now());
    const enrolled = await visitor.post('/account/tweestaps', { geheim: secret, code: used });
    assert.equal(enrolled.status, 303, enrolled.text);
    assert.equal(enrolled.headers.location, '/account?tweestaps=1');
    assert.equal(await isSignedIn(visitor), true, 'this session passed the second step');
    assert.equal(await isSignedIn(elsewhere), false, 'sessions without the second step ended');

    const later = new Visitor(server);
    const first = await signIn(later, email, kPassword);
    assert.equal(first.status, 303);
    assert.equal(first.headers.location, '/inloggen/code?terug=%2Faccount');
    assert.equal(await isSignedIn(later), false, 'the password alone is not enough');
    const codeForm = await later.get(first.headers.location);
    assert.equal(codeForm.status, 200);
    const replayed = await later.post('/inloggen/code', { code: used, terug: '/account' });
    assert.equal(replayed.status, 400, 'a code works once');
    const done = await later.post('/inloggen/code', { code: totp(secret, now() + 30), terug: '//evil.example' });
    assert.equal(done.status, 303, done.text);
    assert.equal(done.headers.location, '/account');
    assert.equal(await isSignedIn(later), true);
    const nobody = new Visitor(server);
    const noPending = await nobody.get('/inloggen/code');
    assert.equal(noPending.status, 303);
    assert.equal(noPending.headers.location, '/inloggen');
  });

  test('a keeper\'s journey: sign up, confirm, claim, the region\'s help desk approves, edit, found at once', async () => {
    // An organisation of the demo data and the help-desk region of its address.
    const list = await (await fetch(`${server.url}/api/organizations?per_page=5`)).json();
    const organization = list.contents[3];
    const full = await (await fetch(`${server.url}/api/organizations/${organization.id}`)).text();
    const region = full.match(/"region":"([^"]+)"/)?.[1];
    assert.ok(region, 'the demo organisation has a help-desk region');

    // Sign up and confirm.
    const keeper = new Visitor(server);
    const email = uniqueEmail('sleutelhouder');
    assert.equal((await signUp(keeper, { email, naam: 'Amina', password: kPassword })).status, 303);
    const confirm = linkIn(await waitForMail(mailDir, email), '/bevestigen');
    const sleutel = new URL(confirm, server.url).searchParams.get('sleutel');
    assert.equal((await keeper.get(confirm)).status, 200);
    assert.equal((await keeper.post('/bevestigen', { sleutel })).status, 303);
    assert.equal((await signIn(keeper, email, kPassword)).status, 303);

    // Claim the listing; editing is not allowed yet.
    const page = `/organisatie/${organization.id}`;
    assert.equal((await keeper.get(page)).status, 200);
    const claimed = await keeper.post(`${page}/claimen`, {});
    assert.equal(claimed.status, 303, claimed.text);
    assert.equal((await keeper.get(`${page}/bewerken`)).status, 403);

    // The region's help desk, with two-step sign-in, approves it on /beheer/aanvragen.
    const deskEmail = uniqueEmail('loket');
    const added = run(['user', 'add', '--email', deskEmail, '--role', 'help-desk', '--region', region,
      '--password-stdin', '--database', server.database.url], { input: `${kPassword}\n` });
    assert.equal(added.status, 0, added.stderr);
    const desk = new Visitor(server);
    assert.equal((await signIn(desk, deskEmail, kPassword)).status, 303);
    assert.equal((await desk.get('/beheer/aanvragen')).status, 303, 'two-step sign-in first');
    const enrol = await desk.get('/account/tweestaps');
    const secret = attribute(inputNamed(enrol.text, 'geheim'), 'value');
    assert.equal((await desk.post('/account/tweestaps', { geheim: secret, code: totp(secret, Date.now() / 1000) })).status, 303);
    const requests = await desk.get('/beheer/aanvragen');
    assert.equal(requests.status, 200);
    assert.ok(requests.text.includes(email), 'the claim is listed with who asked');
    const approve = requests.text.match(/action="(\/beheer\/aanvragen\/[0-9a-f-]{36}\/goedkeuren)"/)?.[1];
    assert.ok(approve, 'an approve button');
    assert.equal((await desk.post(approve, {})).status, 303);

    // The keeper edits; the new name is found at once, in the API and on the results page.
    const word = `Zonnewende${process.pid}`;
    const edited = await keeper.post(`${page}/bewerken`, {
      naam: `Stichting ${word}`, beschrijving: 'Wij helpen nieuwkomers met taal en werk.', email: '', website: '',
    });
    assert.equal(edited.status, 303, edited.text);
    const found = await (await fetch(`${server.url}/api/organizations?search=${word}`)).json();
    assert.deepEqual(found.contents.map((o) => o.id), [organization.id]);
    const results = await keeper.get(`/zoeken?q=${word}`);
    assert.equal(results.status, 200);
    assert.ok(results.text.includes(`Stichting ${word}`), 'the results page shows the new name');
  });

  test('the command line adds accounts, sets passwords and verifies organisations', async () => {
    const organizations = await (await fetch(`${server.url}/api/organizations?per_page=1`)).json();
    const organization = organizations.contents[0].id;
    const database = ['--database', server.database.url];
    const user = (args, input) => run(['user', ...args, ...database], { input });

    const noOrg = user(['add', '--email', uniqueEmail('beheer'), '--role', 'organization-admin', '--password-stdin'], `${kPassword}\n`);
    assert.equal(noOrg.status, 2);
    assert.match(noOrg.stderr, /--org/);
    const unknownOrg = user(['add', '--email', uniqueEmail('beheer'), '--role', 'organization-admin',
      '--org', '00000000-0000-4000-8000-000000000000', '--password-stdin'], `${kPassword}\n`);
    assert.equal(unknownOrg.status, 1);
    assert.match(unknownOrg.stderr, /organisation/);
    const shortPassword = user(['add', '--email', uniqueEmail('beheer'), '--role', 'organization-admin',
      '--org', organization, '--password-stdin'], 'kort\n');
    assert.equal(shortPassword.status, 1);
    assert.ok(shortPassword.stderr.trim().length > 0, 'a message says why');

    const email = uniqueEmail('beheer');
    const added = user(['add', '--email', email, '--role', 'organization-admin', '--org', organization, '--password-stdin'], `${kPassword}\n`);
    assert.equal(added.status, 0, added.stderr);
    const twice = user(['add', '--email', email.toUpperCase(), '--role', 'participant', '--password-stdin'], `${kPassword}\n`);
    assert.equal(twice.status, 1);
    assert.match(twice.stderr, /already/);

    // The new admin signs in at once (verified) and holds the role for that organisation.
    const admin = new Visitor(server);
    assert.equal((await signIn(admin, email, kPassword)).status, 303);
    const exported = await admin.get('/account/export');
    assert.equal(exported.status, 200);
    assert.deepEqual(JSON.parse(exported.text).roles, [{ role: 'organization-admin', scope: organization }]);

    const { visitor, email: member } = await signedIn(server, 'cli');
    const reset = user(['reset-password', '--email', member, '--password-stdin'], `${kOtherPassword}\n`);
    assert.equal(reset.status, 0, reset.stderr);
    assert.equal(await isSignedIn(visitor), false, 'the sessions ended');
    assert.equal((await signIn(new Visitor(server), member, kPassword)).status, 400);
    assert.equal((await signIn(new Visitor(server), member, kOtherPassword)).status, 303);
    const weak = user(['reset-password', '--email', member, '--password-stdin'], 'kort\n');
    assert.equal(weak.status, 1);

    const verify = run(['org', 'verify', '00000000-0000-4000-8000-000000000000', ...database]);
    assert.equal(verify.status, 1);
    assert.ok(verify.stderr.trim().length > 0);
    const verified = run(['org', 'verify', organization, ...database]);
    assert.equal(verified.status, 0, verified.stderr);
  });
});

// --- Real SMTP ---------------------------------------------------------------------------------

// Debian's aiosmtpd on 127.0.0.1:port storing every mail in a maildir. Resolves once it listens.
async function startSink(port, maildir) {
  const child = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`,
    '-c', 'aiosmtpd.handlers.Mailbox', maildir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (let i = 0; ; i++) {
    const listening = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('connect', () => { socket.destroy(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (listening) break;
    if (child.exitCode !== null || i > 100) throw new Error(`the SMTP sink did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// Whether `serve` with these configuration lines answers /healthz within `ms`; it is stopped
// again either way. Returns { up, output }.
async function serveAnswers(configLines, ms = 5000) {
  const database = freshDatabase();
  const dir = tempDir();
  const configFile = path.join(dir, 'test.conf');
  writeFileSync(configFile, [`search_index = ${path.join(dir, 'search')}`, ...configLines].join('\n') + '\n');
  assert.equal(run(['migrate', '--database', database.url, '--config', configFile]).status, 0);
  const port = await freePort();
  const child = spawn(binary, ['serve', '--database', database.url, '--listen', `127.0.0.1:${port}`,
    '--config', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let up = false;
  for (const deadline = Date.now() + ms; !up && child.exitCode === null && Date.now() < deadline;) {
    try { up = (await fetch(`http://127.0.0.1:${port}/healthz`)).ok; } catch { /* not up yet */ }
    if (!up) await new Promise((r) => setTimeout(r, 50));
  }
  if (child.exitCode === null) child.kill('SIGTERM');
  await exited;
  database.drop();
  rmSync(dir, { recursive: true, force: true });
  return { up, output };
}

test('smtp_url alone is enough to serve, as knooppunt.conf describes', async () => {
    const port = await freePort();
    const { up, output } = await serveAnswers([`smtp_url = smtp://127.0.0.1:${port}`]);
    assert.ok(up, output);
  });

test('mail goes out over SMTP, and mail queued while the SMTP server was down arrives later', async () => {
  const smtpPort = await freePort();
  const maildir = path.join(tempDir(), 'maildir');
  let sink;
  const server = await startServer({ demo: false,
    config: [`smtp_url = smtp://127.0.0.1:${smtpPort}`, 'mail_retry_seconds = 1'] });
  try {
    const early = uniqueEmail('wachtrij');
    const sent = await signUp(new Visitor(server), { email: early, naam: '', password: kPassword });
    assert.equal(sent.status, 303, sent.text);
    // Nothing listens yet: the first attempts fail and the mail waits in the outbox.
    await new Promise((r) => setTimeout(r, 3000));
    sink = await startSink(smtpPort, maildir);
    const queued = await waitForMail(maildir, early, { timeoutMs: 12000 });
    assert.equal(queued.subject, 'Bevestig je e-mailadres voor Knooppunt');
    linkIn(queued, '/bevestigen');
    assert.ok(server.process.exitCode === null);

    // With the SMTP server up, a mail goes out within a pass or two, once.
    const late = uniqueEmail('direct');
    assert.equal((await signUp(new Visitor(server), { email: late, naam: '', password: kPassword })).status, 303);
    const mail = await waitForMail(maildir, late, { timeoutMs: 15000 });
    assert.equal(mail.headers['content-language'], 'nl');
    const visitor = new Visitor(server);
    const confirmForm = await visitor.get(linkIn(mail, '/bevestigen'));
    assert.equal(confirmForm.status, 200);
    const confirmed = await visitor.post('/bevestigen', { sleutel: attribute(inputNamed(confirmForm.text, 'sleutel'), 'value') });
    assert.equal(confirmed.status, 303);
    assert.equal((await signIn(visitor, late, kPassword)).status, 303);
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(mailsTo(maildir, early).length, 1, 'the queued mail was sent once');
    assert.equal(mailsTo(maildir, late).length, 1);
  } finally {
    await sink?.stop();
    await server.stop();
    rmSync(path.dirname(maildir), { recursive: true, force: true });
  }
});
