// Helpers shared by the browser tests of accounts and of keeping listings: the words of the pages
// as the catalogs give them, RFC 6238 codes for two-step sign-in, and keyboard steps.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../integration/knooppunt.mjs';

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
