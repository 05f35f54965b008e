// Accounts in Debian's Chromium, on a 360 × 640 phone, in Dutch and in Arabic (right to left):
//  - a journey by keyboard only: the header link "Inloggen" → "Nog geen account? Maak er een."
//    → the sign-up form → "Kijk in je mail" → the link in the mail (an .eml in the mail folder)
//    → the confirm button → sign in → the account page → two-step sign-in (QR code and key;
//    the code is computed here, RFC 6238) → two-step is on → sign out;
//  - every account page (empty, with errors, with notices) checked with axe-core (WCAG 2.0/2.1
//    A and AA, no violations) and for horizontal scrolling at 360 px; forms with errors have a
//    focusable error summary whose links lead to the fields, and every invalid field has
//    aria-invalid and aria-describedby pointing at its error;
//  - without JavaScript, signing up and signing in still work.
// One server (demo data, mails into a folder) and one browser for the whole file.
// Screenshots: test-artifacts/screenshots/accounts-<lang>-360-<step>.png.
//
// Sign-up and forgotten-password posts share a limit of 10 per hour per client address
// (AccountPagesOptions::requests_per_window), and every request here comes from 127.0.0.1: the
// file makes 9 of them (journey 2, page checks 2 × 3, no JavaScript 1).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertNoHorizontalScroll, checkPrerequisites, formatViolations, launchBrowser, navigate,
  openPage, root, screenshot, startServer,
} from './browser.mjs';
import {
  base32Decode, checkErrors, escape, heading, kPassword, kPhone, kTags, MailFolder, tabExpect, tabTo, totp,
  tr,
} from './support.mjs';

const kLanguages = {
  nl: { prefix: '', dir: 'ltr', name: 'Sanne de Vries' },
  ar: { prefix: '/ar', dir: 'rtl', name: 'سارة الأحمد' },
};
const kNewPassword = 'blauwe boot in de haven';

// --- Set-up: one server whose mails land in a folder, one browser --------------------------------

let server;
let browser;
let mailDir;
let mails;  // the .eml files the server writes (support.mjs)
let AxeBuilder;
before(async () => {
  checkPrerequisites();
  mailDir = mkdtempSync(path.join(os.tmpdir(), 'knooppunt-mail-'));
  mails = new MailFolder(mailDir);
  server = await startServer({ config: [`mail_folder = ${mailDir}`] });
  try {
    browser = await launchBrowser();
    ({ AxeBuilder } = await import('@axe-core/playwright'));
  } catch (error) {
    await server.stop();
    throw error;
  }
});
after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (mailDir) rmSync(mailDir, { recursive: true, force: true });
});

// --- The words of the pages: Dutch, or the translation in po/<lang>.po (Dutch when empty) -------


// --- RFC 6238 time-based one-time passwords (HMAC-SHA1, 30 s, 6 digits) --------------------------



test('the TOTP helper gives RFC 6238\'s SHA-1 test vectors', () => {
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';  // base32 of "12345678901234567890"
  assert.equal(base32Decode(secret).toString(), '12345678901234567890');
  for (const [time, code] of [[59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'],
    [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130']]) {
    assert.equal(totp(secret, time, 8), code, `T = ${time}`);
  }
  assert.equal(totp(secret, 59), '287082');
});

// --- Page helpers --------------------------------------------------------------------------------

const uniqueEmail = (what) => `${what}-${randomBytes(4).toString('hex')}@voorbeeld.nl`;

async function checkLanguage(page, lang, what) {
  assert.equal(await page.getAttribute('html', 'lang'), lang, `${what}: html lang`);
  assert.equal(await page.getAttribute('html', 'dir'), kLanguages[lang].dir, `${what}: html dir`);
}

async function axeViolations(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(kTags).analyze();
  return violations;
}

// The QR code is an <svg> inside .kp-qr, square, wholly inside the 360 px viewport, and big
// enough to scan (at least 2 CSS px per module).
async function checkQrFits(page, what) {
  const qr = await page.locator('main .kp-qr svg').evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    const modules = svg.viewBox.baseVal.width;
    return { left: box.left, right: box.right, width: box.width, height: box.height, modules, inner: window.innerWidth };
  });
  assert.ok(qr.left >= 0 && qr.right <= qr.inner, `${what}: the QR code fits the viewport: ${JSON.stringify(qr)}`);
  assert.ok(Math.abs(qr.width - qr.height) < 1, `${what}: the QR code stays square: ${JSON.stringify(qr)}`);
  assert.ok(qr.width >= qr.modules * 2, `${what}: the QR code is large enough to scan: ${JSON.stringify(qr)}`);
}

// Links and buttons the visitor taps: at least 44 CSS px tall (the design's target size).
async function checkTargets(locator, what) {
  const boxes = await locator.evaluateAll((els) => els.map((el) => ({
    text: el.textContent.trim(), height: el.getBoundingClientRect().height })));
  assert.ok(boxes.length > 0, `${what}: there are targets`);
  for (const { text, height } of boxes) {
    assert.ok(height >= 44, `${what}: "${text}" is ${height.toFixed(1)} px tall, less than 44 px`);
  }
}

// No list left empty on the page shows or is announced ("list, 0 items").
async function checkNoEmptyLists(page, what) {
  const empty = await page.locator('main ul, main ol').evaluateAll((lists) => lists
    .filter((l) => l.children.length === 0 && getComputedStyle(l).display !== 'none')
    .map((l) => l.outerHTML));
  assert.deepEqual(empty, [], `${what}: empty lists`);
}

// ================================================================================================
// 1. The journey, by keyboard only.

async function journey(lang) {
  const { prefix, name } = kLanguages[lang];
  const t = (dutch) => tr(lang, dutch);
  const tag = `accounts-${lang}-360`;
  const email = uniqueEmail(`reis-${lang}`);
  const { context, page, problems } = await openPage(browser, kPhone);
  const step = async (n, what) => {
    await checkLanguage(page, lang, what);
    await screenshot(page, `${tag}-${n}-${what}`);
    await assertNoHorizontalScroll(page, `${tag} ${what}`);
  };
  try {
    await page.goto(`${server.url}${prefix}/`);
    await step(1, 'home');
    await checkTargets(page.locator('header .kp-account-link a'), 'the header link');

    // The header link, by keyboard.
    const headerLink = page.locator('header .kp-account-link a');
    assert.equal((await headerLink.innerText()).trim(), t('Inloggen'), 'the header offers "Inloggen"');
    await tabTo(page, `header .kp-account-link a[href="${prefix}/inloggen"]`, 'home');
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(prefix)}/inloggen$`));
    assert.equal(await heading(page), t('Inloggen'));
    await step(2, 'sign-in');

    // "Nog geen account? Maak er een."
    const noAccount = page.locator(`main a[href="${prefix}/registreren"]`);
    assert.equal((await noAccount.innerText()).trim(), t('Nog geen account? Maak er een.'));
    await tabTo(page, `main a[href="${prefix}/registreren"]`, 'sign-in page');
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(prefix)}/registreren$`));
    assert.equal(await heading(page), t('Account maken'));
    await step(3, 'sign-up');

    // The form: e-mail, name, password, in that order, then Enter.
    await tabTo(page, 'main input#email', 'sign-up form');
    await page.keyboard.type(email);
    await tabExpect(page, 'main input#naam', 'sign-up form, after the e-mail address');
    await page.keyboard.type(name);
    await tabExpect(page, 'main input#password', 'sign-up form, after the name');
    await page.keyboard.type(kPassword);
    await step(4, 'sign-up-filled');
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(prefix)}/registreren/verstuurd$`));
    assert.equal(await heading(page), t('Kijk in je mail'));
    await step(5, 'sign-up-sent');

    // The mail, its link, the button.
    // The link leads to the confirm page in the visitor's language.
    const mail = await mails.next(email, new RegExp(`^${escape(prefix)}/bevestigen\\?sleutel=`), `${lang} journey`);
    await page.goto(`${server.url}${mail.path}`);
    assert.equal(await heading(page), t('E-mailadres bevestigen'));
    await step(6, 'verify');
    await tabTo(page, 'main form button[type="submit"]', 'confirm page');
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(prefix)}/inloggen\\?bevestigd=1$`));
    assert.equal((await page.locator('main [role="status"]').innerText()).trim(),
      t('Je e-mailadres is bevestigd. Je kunt nu inloggen.'), 'the sign-in page says the address is confirmed');
    await step(7, 'verified');

    // Sign in by keyboard.
    await tabTo(page, 'main input#email', 'sign-in form');
    await page.keyboard.type(email);
    await tabExpect(page, 'main input#password', 'sign-in form, after the e-mail address');
    await page.keyboard.type(kPassword);
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(prefix)}/account$`));
    assert.equal(await heading(page), t('Mijn account'));
    const facts = await page.locator('main .kp-facts dd').allInnerTexts();
    assert.ok(facts.map((f) => f.trim()).includes(email), `the account page shows the address: ${facts}`);
    assert.ok(facts.map((f) => f.trim()).includes(name), `the account page shows the name: ${facts}`);
    assert.ok(facts.map((f) => f.trim()).includes(t('Staat uit.')), `two-step sign-in is off: ${facts}`);
    assert.equal((await headerLink.innerText()).trim(), t('Mijn account'), 'the header now says "Mijn account"');
    await step(8, 'account');
    await checkTargets(page.locator('main .kp-actions a'), 'the account page\'s actions');
    await checkTargets(headerLink, 'the header link');
    await checkNoEmptyLists(page, 'account page without roles');

    // Two-step sign-in: QR code, the key as text, the code computed here.
    await tabTo(page, `main a[href="${prefix}/account/tweestaps"]`, 'account page');
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(prefix)}/account/tweestaps$`));
    assert.equal(await heading(page), t('Inloggen in twee stappen'));
    assert.equal(await page.locator('main .kp-qr svg').count(), 1, 'a QR code (an <svg> in .kp-qr)');
    const secret = await page.locator('main form input[type="hidden"][name="geheim"]').getAttribute('value');
    assert.match(secret, /^[A-Z2-7]{32}$/, 'the secret is 32 base32 characters');
    const text = (await page.locator('main').innerText()).replace(/\s+/g, '');
    assert.ok(text.includes(secret), 'the page shows the key as text (grouping spaces aside)');
    await step(9, 'two-step');
    await checkQrFits(page, `${tag} two-step`);
    await tabTo(page, 'main input#code', 'two-step form');
    await page.keyboard.type(totp(secret));
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(prefix)}/account\\?tweestaps=1$`));
    assert.equal((await page.locator('main [role="status"]').innerText()).trim(), t('Inloggen in twee stappen staat nu aan.'));
    const after = (await page.locator('main .kp-facts dd').allInnerTexts()).map((f) => f.trim());
    assert.ok(after.includes(t('Staat aan.')), `the account page says two-step is on: ${after}`);
    assert.equal(await page.locator(`main a[href="${prefix}/account/tweestaps"]`).count(), 0, 'no set-up link any more');
    await step(10, 'two-step-on');

    // Sign out.
    await tabTo(page, `main form[action="${prefix}/uitloggen"] button`, 'account page');
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(prefix)}/$`));
    assert.equal((await headerLink.innerText()).trim(), t('Inloggen'), 'signed out: the header says "Inloggen" again');
    await step(11, 'signed-out');
    const status = (await page.goto(`${server.url}${prefix}/account`)).status();
    assert.match(new URL(page.url()).pathname, new RegExp(`^${escape(prefix)}/inloggen$`),
      `after signing out /account sends to sign in (status ${status})`);
    return problems;
  } finally {
    await context.close();
  }
}

const journeyProblems = [];
for (const lang of Object.keys(kLanguages)) {
  test(`journey in ${lang} at 360×640 by keyboard: sign up, confirm by mail, sign in, two-step sign-in, sign out`, async () => {
    const problems = await journey(lang);
    journeyProblems.push(...problems.map((p) => `${lang}: ${p}`));
  });
}

test('the account journeys report no script errors or Content-Security-Policy violations', () => {
  assert.deepEqual(journeyProblems, []);
});

// ================================================================================================
// 2 and 4. Every account page: axe-core, no horizontal scrolling at 360 px, the QR code fits;
// the forms with errors get their summary and field checks.

async function pageChecks(t, lang) {
  const { prefix, name } = kLanguages[lang];
  const tt = (dutch) => tr(lang, dutch);
  const email = uniqueEmail(`axe-${lang}`);
  const tag = `accounts-${lang}-360-page`;
  const { context, page } = await openPage(browser, kPhone);
  let n = 0;
  // The page as it is now, as subtests: language and direction, its h1 (`title`, in Dutch) and
  // HTTP status, axe, no horizontal scrolling, and `extra` = [name, check] when given.
  const check = async (what, { title, status, extra } = {}) => {
    n += 1;
    const label = `${String(n).padStart(2, '0')}-${what.replace(/[^a-z0-9]+/gi, '-')}`;
    await screenshot(page, `${tag}-${label}`);
    await t.test(`${what}: right language, direction and heading`, async () => {
      await checkLanguage(page, lang, what);
      if (title) assert.equal(await heading(page), tt(title));
      if (status) assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.responseStatus), status, 'HTTP status');
    });
    await t.test(`${what}: axe finds no WCAG 2.1 A/AA violations`, async () => {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0,
        `${violations.length} axe violation(s) on ${page.url()}:\n${formatViolations(violations)}`);
    });
    await t.test(`${what}: no horizontal scrolling at 360 px`, async () => {
      const { scrollWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement.scrollWidth }));
      assert.ok(scrollWidth <= 360, `scrollWidth ${scrollWidth}`);
      await assertNoHorizontalScroll(page, `${lang} ${what}`);
    });
    if (extra) await t.test(`${what}: ${extra[0]}`, extra[1]);
  };
  const submit = (urlPattern) => navigate(page, () => page.locator('main form.kp-form button[type="submit"]').click(), urlPattern);
  try {
    // Sign-up: empty; a bad address and a short password; then for real.
    await page.goto(`${server.url}${prefix}/registreren`);
    await check('sign-up', { title: 'Account maken', status: 200 });
    await page.fill('#email', 'geen-adres');
    await page.fill('#password', 'kort');
    await submit(new RegExp(`${escape(prefix)}/registreren$`));
    await check('sign-up with errors', {
      title: 'Account maken', status: 400,
      extra: ['error summary, aria-invalid and aria-describedby', async () => {
        const fields = await checkErrors(page, 'sign-up');
        assert.ok(fields.includes('email'), 'the bad address is an error');
        assert.equal(await page.inputValue('#email'), 'geen-adres', 'what was typed stays');
      }],
    });
    await t.test('sign-up with a bad address and a short password: both fields are marked', async () => {
      const invalid = await page.locator('main [aria-invalid="true"]').evaluateAll((els) => els.map((el) => el.id));
      assert.deepEqual(invalid.sort(), ['email', 'password']);
    });
    await page.fill('#email', email);
    await page.fill('#naam', name);
    await page.fill('#password', kPassword);
    await submit(new RegExp(`${escape(prefix)}/registreren/verstuurd$`));
    await check('sign-up sent', { title: 'Kijk in je mail', status: 200 });

    // Confirm the address.
    const verify = await mails.next(email, new RegExp(`^${escape(prefix)}/bevestigen\\?sleutel=`), `${lang} page checks`);
    await page.goto(`${server.url}${verify.path}`);
    await check('confirm address', { title: 'E-mailadres bevestigen', status: 200 });
    await submit(new RegExp(`${escape(prefix)}/inloggen\\?bevestigd=1$`));
    await check('sign-in with "address confirmed"', { title: 'Inloggen', status: 200 });

    // Sign-in with a wrong password.
    await page.fill('#email', email);
    await page.fill('#password', 'niet mijn wachtwoord');
    await submit(new RegExp(`${escape(prefix)}/inloggen$`));
    await check('sign-in with an error', {
      title: 'Inloggen', status: 400,
      extra: ['error summary, aria-invalid and aria-describedby', async () => {
        await checkErrors(page, 'sign-in');
        assert.equal(await page.inputValue('#email'), email, 'the address stays');
      }],
    });

    // Forgotten password: the form, an error, the notice, the mail, the new password.
    await page.goto(`${server.url}${prefix}/wachtwoord-vergeten`);
    await check('forgot password', { title: 'Wachtwoord vergeten', status: 200 });
    await page.fill('#email', 'geen-adres');
    await submit(new RegExp(`${escape(prefix)}/wachtwoord-vergeten$`));
    await check('forgot password with an error', {
      title: 'Wachtwoord vergeten', status: 400,
      extra: ['error summary, aria-invalid and aria-describedby', () => checkErrors(page, 'forgot password')],
    });
    await page.fill('#email', email);
    await submit(new RegExp(`${escape(prefix)}/wachtwoord-vergeten\\?verstuurd=1$`));
    await check('forgot password: sent', {
      title: 'Wachtwoord vergeten', status: 200,
      extra: ['a status message', async () => {
        assert.equal((await page.locator('main [role="status"]').innerText()).trim(),
          tt('Is er een account met dit e-mailadres? Dan krijg je binnen een paar minuten een mail. De link werkt een uur.'));
      }],
    });
    const reset = await mails.next(email, new RegExp(`^${escape(prefix)}/wachtwoord-nieuw\\?sleutel=`), `${lang} reset`);
    await page.goto(`${server.url}${reset.path}`);
    await check('new password', { title: 'Nieuw wachtwoord kiezen', status: 200 });
    await page.fill('#password', 'kort');
    await submit(new RegExp(`${escape(prefix)}/wachtwoord-nieuw$`));
    await check('new password with an error', {
      title: 'Nieuw wachtwoord kiezen', status: 400,
      extra: ['error summary, aria-invalid and aria-describedby', () => checkErrors(page, 'new password')],
    });
    await page.fill('#password', kNewPassword);
    await submit(new RegExp(`${escape(prefix)}/inloggen\\?nieuw=1$`));
    await check('sign-in with "password changed"', { title: 'Inloggen', status: 200 });

    // The account page, the two-step page (with an error, then on).
    await page.fill('#email', email);
    await page.fill('#password', kNewPassword);
    await submit(new RegExp(`${escape(prefix)}/account$`));
    await check('account', { title: 'Mijn account', status: 200 });
    await page.goto(`${server.url}${prefix}/account/tweestaps`);
    await check('two-step', {
      title: 'Inloggen in twee stappen', status: 200,
      extra: ['the QR code fits', () => checkQrFits(page, `${lang} two-step`)],
    });
    await page.fill('#code', '000000');
    await submit(new RegExp(`${escape(prefix)}/account/tweestaps$`));
    await check('two-step with an error', {
      title: 'Inloggen in twee stappen', status: 400,
      extra: ['error summary, aria-invalid and aria-describedby; the QR code fits', async () => {
        await checkErrors(page, 'two-step');
        await checkQrFits(page, `${lang} two-step with an error`);
      }],
    });
    const secret = await page.locator('input[name="geheim"]').getAttribute('value');
    await page.fill('#code', totp(secret));
    await submit(new RegExp(`${escape(prefix)}/account\\?tweestaps=1$`));
    await check('account with two-step on', { title: 'Mijn account', status: 200 });

    // Sign out and in again: the code page, with an error, then the code of the next step (the
    // current one was used to switch two-step on, and a code works only once).
    await navigate(page, () => page.locator(`main form[action="${prefix}/uitloggen"] button`).click(), new RegExp(`${escape(prefix)}/$`));
    await page.goto(`${server.url}${prefix}/inloggen`);
    await page.fill('#email', email);
    await page.fill('#password', kNewPassword);
    await submit(new RegExp(`${escape(prefix)}/inloggen/code`));
    await check('sign-in code', { title: 'Code uit je app', status: 200 });
    await page.fill('#code', '000000');
    await submit(new RegExp(`${escape(prefix)}/inloggen/code$`));
    await check('sign-in code with an error', {
      title: 'Code uit je app', status: 400,
      extra: ['error summary, aria-invalid and aria-describedby', () => checkErrors(page, 'code')],
    });
    await page.fill('#code', totp(secret, Date.now() / 1000 + 30));
    await submit(new RegExp(`${escape(prefix)}/account$`));

    // A form that expired (the csrf cookie gone): the 403 page.
    await page.goto(`${server.url}${prefix}/account/verwijderen`);
    await check('delete account', { title: 'Account verwijderen', status: 200 });
    await context.clearCookies({ name: 'csrf' });
    await page.fill('#password', kNewPassword);
    await submit(new RegExp(`${escape(prefix)}/account/verwijderen$`));
    await check('form expired (403)', { title: 'Je formulier was verlopen', status: 403 });

    // Delete: a wrong password, then the right one.
    await page.goto(`${server.url}${prefix}/account/verwijderen`);
    await page.fill('#password', 'niet mijn wachtwoord');
    await submit(new RegExp(`${escape(prefix)}/account/verwijderen$`));
    await check('delete account with an error', {
      title: 'Account verwijderen', status: 400,
      extra: ['error summary, aria-invalid and aria-describedby', () => checkErrors(page, 'delete')],
    });
    await page.fill('#password', kNewPassword);
    await submit(new RegExp(`${escape(prefix)}/account/verwijderd$`));
    await check('account deleted', { title: 'Je account is verwijderd', status: 200 });

    // A used or broken link.
    await page.goto(`${server.url}${verify.path}`);
    await submit(new RegExp(`${escape(prefix)}/bevestigen$`));
    await check('link no longer works', { title: 'Deze link werkt niet meer', status: 400 });
  } finally {
    await context.close();
  }
}

for (const lang of Object.keys(kLanguages)) {
  test(`account pages in ${lang} at 360×640: axe, no horizontal scrolling, error summaries`, async (t) => {
    await pageChecks(t, lang);
  });
}

// ================================================================================================
// 3. Without JavaScript: sign up, confirm, sign in.

test('without JavaScript signing up and signing in work (nl, 360×640)', async () => {
  const { context, page } = await openPage(browser, { ...kPhone, javaScriptEnabled: false });
  const email = uniqueEmail('zonder-js');
  const tag = 'accounts-nl-360-nojs';
  const submit = (urlPattern) => navigate(page, () => page.locator('main form button[type="submit"]').click(), urlPattern);
  try {
    await page.goto(`${server.url}/`);
    await navigate(page, () => page.locator('header .kp-account-link a').click(), /\/inloggen$/);
    await navigate(page, () => page.locator('main a[href="/registreren"]').click(), /\/registreren$/);
    await page.fill('#email', email);
    await page.fill('#password', kPassword);
    await submit(/\/registreren\/verstuurd$/);
    await screenshot(page, `${tag}-1-sign-up-sent`);
    const mail = await mails.next(email, /^\/bevestigen\?sleutel=/, 'no JavaScript');
    await page.goto(`${server.url}${mail.path}`);
    await submit(/\/inloggen\?bevestigd=1$/);
    // A wrong password first: the errors work without JavaScript too.
    await page.fill('#email', email);
    await page.fill('#password', 'niet mijn wachtwoord');
    await submit(/\/inloggen$/);
    await screenshot(page, `${tag}-2-sign-in-error`);
    assert.deepEqual(await checkErrors(page, 'sign-in without JavaScript'), ['password']);
    await page.fill('#password', kPassword);
    await submit(/\/account$/);
    const facts = (await page.locator('main .kp-facts dd').allInnerTexts()).map((f) => f.trim());
    assert.ok(facts.includes(email), `the account page shows the address: ${facts}`);
    await screenshot(page, `${tag}-3-account`);
    await navigate(page, () => page.locator('main form[action="/uitloggen"] button').click(), /\/$/);
    assert.equal((await page.locator('header .kp-account-link a').innerText()).trim(), 'Inloggen', 'signed out');
  } finally {
    await context.close();
  }
});
