// Helpers shared by the browser tests of accounts and of keeping listings: the words of the pages
// as the catalogs give them, RFC 6238 codes for two-step sign-in, keyboard steps, the error
// summary check, accounts made on the command line, a phone-sized page whose every state is
// checked (language, heading order, axe, no horizontal scroll), and the mails the server writes
// into a folder.
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root, run } from '../integration/knooppunt.mjs';
import {
  assertNoHorizontalScroll, formatViolations, navigate, openPage, screenshot,
} from './browser.mjs';

export const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const kLanguages = {
  nl: { prefix: '', dir: 'ltr' },
  ar: { prefix: '/ar', dir: 'rtl' },
};
export const kPhone = { width: 360, height: 640 };
export const kPassword = 'groene fiets op de dijk';

const catalogs = new Map();
export function catalog(lang) {
  if (lang === 'nl') return new Map();
  if (catalogs.has(lang)) return catalogs.get(lang);
  const entries = new Map();
  let msgid = null;
  let msgstr = null;
  let field = null;
  const unquote = (s) => JSON.parse(s.replace(/\\(?!["\\nt])/g, '\\\\'));
  const flush = () => {
    if (msgid) entries.set(msgid, msgstr);
    msgid = msgstr = field = null;
  };
  for (const line of readFileSync(path.join(root, 'po', `${lang}.po`), 'utf8').split('\n')) {
    let match;
    if ((match = line.match(/^msgid (".*")$/))) {
      flush();
      msgid = unquote(match[1]);
      field = 'msgid';
    } else if ((match = line.match(/^msgstr (".*")$/))) {
      msgstr = unquote(match[1]);
      field = 'msgstr';
    } else if ((match = line.match(/^(".*")$/)) && field) {
      if (field === 'msgid') msgid += unquote(match[1]);
      else msgstr += unquote(match[1]);
    } else if (/^msg(id_plural|str\[)/.test(line)) {
      field = null;  // plural forms: not needed here
      msgid = null;
    }
  }
  flush();
  catalogs.set(lang, entries);
  return entries;
}

export const tr = (lang, dutch) => catalog(lang).get(dutch) || dutch;

export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = [];
  let value = 0;
  let bits = 0;
  for (const char of text.toUpperCase().replace(/[\s=]/g, '')) {
    const index = alphabet.indexOf(char);
    assert.ok(index >= 0, `"${char}" is not base32`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
      value &= (1 << bits) - 1;
    }
  }
  return Buffer.from(bytes);
}

export function totp(secret, unixSeconds = Date.now() / 1000, digits = 6) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const hash = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  const number = hash.readUInt32BE(offset) & 0x7fffffff;
  return String(number % 10 ** digits).padStart(digits, '0');
}

export const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}` : '';
});

export async function tabExpect(page, selector, what) {
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector),
    `${what}: Tab should reach ${selector}, focus is on ${await focused(page)}`);
}

// The mails a server with `mail_folder = dir` writes (.eml files; bodies in base64).
export class MailFolder {
  constructor(dir) {
    this.dir = dir;
    this.read = new Set();
  }

  static parse(raw) {
    const split = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
    const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
    const headers = {};
    for (const line of head.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    let body = raw.slice(split).trim();
    if (/base64/i.test(headers['content-transfer-encoding'] || '')) {
      body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    }
    return { headers, body };
  }

  // The first mail to `address` not read before whose link's path and query match
  // `linkPattern`, with that link as a path on the test server; waits up to 15 s for it.
  async next(address, linkPattern, what) {
    const deadline = Date.now() + 15000;
    for (;;) {
      for (const name of readdirSync(this.dir).filter((n) => n.endsWith('.eml')).sort()) {
        if (this.read.has(name)) continue;
        const mail = MailFolder.parse(readFileSync(path.join(this.dir, name), 'utf8'));
        if (!(mail.headers.to || '').includes(address)) continue;
        const link = mail.body.match(/https?:\/\/[^\s<>"]+/)?.[0];
        const url = link && new URL(link);
        if (!url || !linkPattern.test(url.pathname + url.search)) continue;
        this.read.add(name);
        return { ...mail, link, path: url.pathname + url.search };
      }
      assert.ok(Date.now() < deadline, `${what}: no mail to ${address} with a link matching ${linkPattern} in ${this.dir} within 15 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

// An account made with the command line, as an installation makes them (verified at once), on
// `server` (from startServer). Its e-mail address; the password is kPassword.
export function addUser(server, what, role, scope = []) {
  const email = `${what}-${randomBytes(4).toString('hex')}@voorbeeld.nl`;
  const result = run(['user', 'add', '--email', email, '--role', role, ...scope, '--password-stdin',
    '--database', server.database.url, '--config', server.configFile], { input: `${kPassword}\n` });
  assert.equal(result.status, 0, `user add ${role}: ${result.stderr}`);
  return email;
}

// Presses Tab until the focused element matches `selector`; fails when it never does.
export async function tabTo(page, selector, what, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`${what}: ${max} presses of Tab never reached ${selector} (focus is on ${await focused(page)})`);
}

export const heading = async (page) => (await page.locator('main h1').innerText()).trim();
export const notice = async (page) => (await page.locator('main [role="status"]').innerText()).trim();

// The error summary and the invalid fields of a form page with errors:
//  - the summary is focusable (tabindex) and has the focus when the page opens, so that a
//    keyboard or screen reader user lands on it, and shows a focus ring;
//  - it names itself by its heading and lists one link per error to the field's id;
//  - every field it links to has aria-invalid="true" and aria-describedby naming the element
//    with the same error text (and its hint, when it has one);
//  - following a link with the keyboard puts the focus in the field.
// Returns the names of the fields in error.
export async function checkErrors(page, what) {
  const summary = page.locator('main .kp-error-summary');
  assert.equal(await summary.count(), 1, `${what}: one error summary`);
  const info = await summary.evaluate((el) => ({
    tabindex: el.getAttribute('tabindex'),
    focused: document.activeElement === el,
    labelledby: el.getAttribute('aria-labelledby'),
    heading: el.querySelector('h2')?.id,
    links: [...el.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent.trim() })),
  }));
  assert.equal(info.tabindex, '-1', `${what}: the error summary can take the focus (tabindex="-1")`);
  assert.ok(info.focused, `${what}: the error summary has the focus when the page opens (focus is on ${await focused(page)})`);
  const ring = await summary.evaluate((el) => {
    el.focus();
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  assert.ok(ring.style !== 'none' && ring.width >= 2, `${what}: the focused error summary shows a focus ring: ${JSON.stringify(ring)}`);
  assert.ok(info.labelledby && info.labelledby === info.heading, `${what}: the summary is labelled by its heading`);
  assert.ok(info.links.length > 0, `${what}: the summary lists the errors as links`);
  const fields = [];
  for (const { href, text } of info.links) {
    assert.match(href, /^#[a-z0-9_-]+$/, `${what}: a summary link points at a field: ${href}`);
    const id = href.slice(1);
    fields.push(id);
    const field = await page.evaluate((fieldId) => {
      const el = document.getElementById(fieldId);
      if (!el) return null;
      const described = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      return {
        tag: el.tagName.toLowerCase(),
        invalid: el.getAttribute('aria-invalid'),
        described,
        texts: described.map((ref) => document.getElementById(ref)?.textContent.trim() ?? null),
        hint: document.getElementById(`${fieldId}-hint`) ? `${fieldId}-hint` : null,
      };
    }, id);
    assert.ok(field && ['input', 'textarea', 'select'].includes(field.tag), `${what}: ${href} is a form field`);
    assert.equal(field.invalid, 'true', `${what}: #${id} has aria-invalid="true"`);
    assert.ok(!field.texts.includes(null), `${what}: every id in #${id}'s aria-describedby exists: ${field.described}`);
    assert.ok(field.texts.includes(text),
      `${what}: #${id}'s aria-describedby (${field.described}) points at its error "${text}"; it points at ${JSON.stringify(field.texts)}`);
    if (field.hint) assert.ok(field.described.includes(field.hint), `${what}: #${id} keeps its hint in aria-describedby`);
  }
  // The keyboard: Tab from the summary to its first link, Enter, and the focus is in the field.
  await summary.focus();
  await tabExpect(page, `.kp-error-summary a[href="#${fields[0]}"]`, `${what}: first link of the summary`);
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), `${(await page.locator(`#${fields[0]}`).evaluate((el) => el.tagName.toLowerCase()))}#${fields[0]}`,
    `${what}: Enter on the summary link moves the focus into the field`);
  return fields;
}

// A page at 360 × 640 in `lang` on `server` (kLanguages) whose `check` saves a screenshot
// `<name>-<lang>-360-NN-<what>.png` and runs, as subtests of `t`, the language and direction, the
// h1, the HTTP status, heading order, axe (kTags) and the no-horizontal-scroll check; `signIn`
// fills the open sign-in page by keyboard and waits for `landing`.
export async function phoneSession(t, { browser, server, AxeBuilder, lang, name }) {
  const { prefix, dir } = kLanguages[lang];
  const { context, page, problems } = await openPage(browser, kPhone);
  let n = 0;
  const check = async (what, { title, status = 200, extra } = {}) => {
    n += 1;
    await screenshot(page, `${name}-${lang}-360-${String(n).padStart(2, '0')}-${what.replace(/[^a-z0-9]+/gi, '-')}`);
    await t.test(`${what}: language, direction, heading, heading order and status`, async () => {
      assert.equal(await page.getAttribute('html', 'lang'), lang, 'html lang');
      assert.equal(await page.getAttribute('html', 'dir'), dir, 'html dir');
      if (title) assert.equal(await heading(page), title);
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.responseStatus), status, 'HTTP status');
      const levels = await page.locator('main :is(h1, h2, h3, h4)').evaluateAll((els) => els.map((el) => Number(el.tagName[1])));
      assert.equal(levels[0], 1, 'main starts with its h1');
      levels.forEach((level, i) => assert.ok(i === 0 || level <= levels[i - 1] + 1, `headings in order: ${levels.join(', ')}`));
    });
    await t.test(`${what}: axe finds no WCAG 2.1 A/AA violations`, async () => {
      const { violations } = await new AxeBuilder({ page }).withTags(kTags).analyze();
      assert.equal(violations.length, 0,
        `${violations.length} axe violation(s) on ${page.url()}:\n${formatViolations(violations)}`);
    });
    await t.test(`${what}: no horizontal scrolling at 360 px`, () => assertNoHorizontalScroll(page, `${lang} ${what}`));
    if (extra) await t.test(`${what}: ${extra[0]}`, extra[1]);
  };
  const signIn = async (email, landing) => {
    await tabTo(page, 'main input#email', 'sign-in form');
    await page.keyboard.type(email);
    await tabExpect(page, 'main input#password', 'sign-in form, after the e-mail address');
    await page.keyboard.type(kPassword);
    await navigate(page, () => page.keyboard.press('Enter'), landing);
  };
  const url = (p) => `${server.url}${prefix}${p}`;
  return { context, page, problems, check, signIn, url, prefix };
}
