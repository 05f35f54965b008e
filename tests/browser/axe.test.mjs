// axe-core (WCAG 2.0 and 2.1, levels A and AA) on every kind of page, in Dutch and in Arabic
// (right to left): home, results, topic, service, organisation, about, privacy,
// accessibility statement, the 404 page, and a service page after the report form was sent
// empty so that its errors show. JavaScript is on and the map drawn (tiles blocked), so the
// Leaflet map is checked too. Every violation is printed with its rule, impact, help and nodes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { formatViolations, navigate, openPage, setUp } from './browser.mjs';

const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const kPrefixes = { nl: '', ar: '/ar' };

let env;
let AxeBuilder;
let service;       // path of a demo service with a place, e.g. /dienst/<id>
let organization;  // path of its organisation
before(async () => {
  env = await setUp();
  ({ AxeBuilder } = await import('@axe-core/playwright'));
  // A service and its organisation from the demo data, found the way a visitor finds them.
  const html = async (path) => (await fetch(`${env.server.url}${path}`, { headers: { cookie: 'taal=nl' } })).text();
  service = (await html('/thema/voedsel')).match(/href="(\/dienst\/[^"#?]+)"/)?.[1];
  assert.ok(service, 'the topic page links a service');
  organization = (await html(service)).match(/href="(\/organisatie\/[^"#?]+)"/)?.[1];
  assert.ok(organization, 'the service page links its organisation');
});
after(async () => { await env?.close(); });

const kPages = [
  ['home', () => '/'],
  ['results', () => '/zoeken?q=voedsel'],
  ['topic', () => '/thema/voedsel'],
  ['service', () => service],
  ['organisation', () => organization],
  ['about', () => '/over'],
  ['privacy', () => '/privacy'],
  ['accessibility', () => '/toegankelijkheid'],
  ['404', () => '/bestaat-niet'],
  ['service with report errors', () => service, async (page) => {
    await navigate(page, () => page.locator('form.kp-form button[type="submit"]').click(), /\/dienst\//);
    assert.equal(await page.locator('.kp-notice--error').count(), 1, 'the empty report shows its errors');
  }],
];

for (const [lang, prefix] of Object.entries(kPrefixes)) {
  for (const [kind, path, act] of kPages) {
    test(`axe: ${kind} page in ${lang} has no WCAG 2.1 A/AA violations`, async () => {
      const { context, page } = await openPage(env.browser, { width: 1280, height: 800 });
      try {
        const url = `${env.server.url}${prefix}${path()}`;
        const response = await page.goto(url);
        assert.equal(response.status(), kind === '404' ? 404 : 200, `${url} status`);
        if (await page.locator('.kp-map-anchor').count() > 0) {
          await page.locator('.kp-map .leaflet-marker-icon').first().waitFor({ state: 'attached' });
        }
        if (act) await act(page);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        const { violations } = await new AxeBuilder({ page }).withTags(kTags).analyze();
        assert.equal(violations.length, 0,
          `${violations.length} axe violation(s) on the ${kind} page (${page.url()}):\n${formatViolations(violations)}`);
      } finally {
        await context.close();
      }
    });
  }
}
