// The listing editor, in Debian's Chromium, on a 360 × 640 phone, in Dutch and in Arabic (right to
// left). An organisation admin made with the command line (`knooppunt user add`) signs in, follows
// the keeper section's link to the organisation's services and:
//  - adds a service with an empty name first (error summary with the focus, links to the field,
//    aria-invalid, aria-describedby; the description and the checked languages kept), then for
//    real, with languages;
//  - adds a location with an empty form first (errors), then with an address;
//  - enters opening hours for it, with an impossible time first (error beside the day's field);
//  - puts the service at the new location, and writes its name in Arabic (the translations page);
//  - finds the new service on /zoeken by a word of its name.
// Every page state is checked with axe-core (WCAG 2.0/2.1 A and AA, no violations) and for
// horizontal scrolling at 360 px, and saved as test-artifacts/screenshots/listings-<lang>-360-*.png.
// One server (demo data) and one browser for the whole file.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { navigate, setUp } from './browser.mjs';
import {
  addUser as addUserOn, checkErrors, escape, kLanguages, kPassword, notice, phoneSession, tr,
} from './support.mjs';

let env;
let AxeBuilder;
let organizations;  // [{ id, name }]
before(async () => {
  env = await setUp();
  ({ AxeBuilder } = await import('@axe-core/playwright'));
  const list = await (await fetch(`${env.server.url}/api/organizations`)).json();
  organizations = list.contents.slice(0, 2).map(({ id, name }) => ({ id, name }));
  assert.equal(organizations.length, 2, 'the demo data has organisations');
});
after(async () => { await env?.close(); });

const addUser = (what, role, scope = []) => addUserOn(env.server, what, role, scope);
const submit = (page) => page.locator('main form.kp-form button[type="submit"]').click();

// A phone-sized page whose every state is checked (support.mjs); screenshots
// listings-<lang>-360-NN-<step>.png.
const phone = (t, lang) => phoneSession(t, {
  browser: env.browser, server: env.server, AxeBuilder, lang, name: 'listings',
});

const allProblems = [];

async function listingEditor(t, lang, organization) {
  const tt = (dutch) => tr(lang, dutch);
  const email = addUser(`redacteur-${lang}`, 'organization-admin', ['--org', organization.id]);
  const { context, page, problems, check, url, prefix } = await phone(t, lang);
  const base = `${prefix}/organisatie/${organization.id}`;
  const path = (p) => new RegExp(`${escape(base + p)}$`);
  // A word nobody else uses, so that the search finds this service only.
  const word = `Zuurdesem${lang}${randomBytes(3).toString('hex')}`;
  const serviceName = `Bakcursus ${word}`;
  const locationName = `Wijkkeuken ${lang}`;
  try {
    await page.goto(url(`/inloggen?terug=${encodeURIComponent(base)}`));
    await page.fill('#email', email);
    await page.fill('#password', kPassword);
    await navigate(page, () => submit(page), new RegExp(`${escape(base)}(#beheer)?$`));

    // The keeper section links to the services.
    const servicesLink = page.locator('main #beheer a', { hasText: tt('Diensten bewerken') });
    assert.equal(await servicesLink.count(), 1, 'the keeper section links to the services');
    await navigate(page, () => servicesLink.click(), path('/diensten'));
    const servicesTitle = tt('Diensten van {1}').replace('{1}', organization.name);
    await check('services', { title: servicesTitle });

    // A new service: an empty name first.
    await navigate(page, () => page.locator('main a.kp-listing-new').click(), path('/diensten/nieuw'));
    const newServiceTitle = tt('Nieuwe dienst');
    await check('new service', { title: newServiceTitle });
    const description = lang === 'ar'
      ? 'نخبز الخبز معًا كل أسبوع.'
      : 'Samen brood bakken, elke week. Je leert ook Nederlandse woorden.';
    await page.fill('#beschrijving', description);
    await page.check('#taal_ar');
    await page.check('#taal_ti');
    await navigate(page, () => submit(page), path('/diensten/nieuw'));
    await check('new service, empty name', {
      title: newServiceTitle, status: 400,
      extra: ['error summary, aria-invalid and aria-describedby; what was typed and checked stays', async () => {
        assert.deepEqual(await checkErrors(page, 'new service'), ['naam']);
        assert.equal(await page.inputValue('#beschrijving'), description);
        assert.ok(await page.isChecked('#taal_ar'), 'Arabic stays checked');
        assert.ok(await page.isChecked('#taal_ti'), 'Tigrinya stays checked');
        assert.ok(await page.isChecked('#taal_nl'), 'Dutch, checked for a new service, stays checked');
        assert.equal(await page.locator('main fieldset legend').count() >= 3, true, 'status, languages and places are fieldsets');
      }],
    });
    await page.fill('#naam', serviceName);
    await navigate(page, () => submit(page), path('/diensten?opgeslagen=1'));
    await check('service saved', {
      title: servicesTitle,
      extra: ['the notice; the new service is listed', async () => {
        assert.equal(await notice(page), tt('De dienst is opgeslagen. Bezoekers zien het meteen.'));
        assert.equal(await page.locator('main h2', { hasText: serviceName }).count(), 1);
      }],
    });

    // A new location: an empty form first.
    await navigate(page, () => page.locator(`main a[href="${base}/locaties"]`).first().click(), path('/locaties'));
    await check('locations', { title: tt('Locaties van {1}').replace('{1}', organization.name) });
    await navigate(page, () => page.locator('main a.kp-listing-new').click(), path('/locaties/nieuw'));
    const newLocationTitle = tt('Nieuwe locatie');
    await check('new location', { title: newLocationTitle });
    await page.fill('#straat', 'Breestraat 12');
    await navigate(page, () => submit(page), path('/locaties/nieuw'));
    await check('new location, empty fields', {
      title: newLocationTitle, status: 400,
      extra: ['error summary; the street stays', async () => {
        assert.deepEqual(await checkErrors(page, 'new location'), ['naam', 'postcode', 'plaats', 'provincie']);
        assert.equal(await page.inputValue('#straat'), 'Breestraat 12');
      }],
    });
    await page.fill('#naam', locationName);
    await page.fill('#postcode', '2311cs');
    await page.fill('#plaats', 'Leiden');
    await page.selectOption('#provincie', 'Zuid-Holland');
    await page.fill('#breedtegraad', '52,1590');
    await page.fill('#lengtegraad', '4.4900');
    await navigate(page, () => submit(page), path('/locaties?opgeslagen=1'));
    const item = page.locator('main .kp-listing-item', { hasText: locationName });
    await check('location saved', {
      extra: ['the notice; the location is listed with its address', async () => {
        assert.equal(await notice(page), tt('De locatie is opgeslagen.'));
        assert.ok((await item.innerText()).includes('Breestraat 12, 2311 CS Leiden'));
      }],
    });

    // Opening hours of the new location: an impossible time first.
    await navigate(page, () => item.locator('a[href$="/openingstijden"]').click(), /\/openingstijden$/);
    const hoursTitle = tt('Openingstijden: {1}').replace('{1}', locationName);
    await check('hours', {
      title: hoursTitle,
      extra: ['a fieldset with a legend per weekday', async () => {
        assert.equal(await page.locator('main fieldset').count(), 7);
        assert.equal((await page.locator('main fieldset legend').first().innerText()).trim(), tt('maandag'));
      }],
    });
    await page.fill('#ma_open', '25:00');
    await page.fill('#ma_dicht', '17:00');
    await page.fill('#za_open', '10:00');
    await page.fill('#za_dicht', '12:30');
    await navigate(page, () => submit(page), /\/openingstijden$/);
    await check('hours, impossible time', {
      title: hoursTitle, status: 400,
      extra: ['the error beside Monday; what was typed stays', async () => {
        assert.deepEqual(await checkErrors(page, 'hours'), ['ma_open']);
        assert.equal(await page.inputValue('#ma_open'), '25:00');
        assert.equal(await page.inputValue('#za_dicht'), '12:30');
      }],
    });
    await page.fill('#ma_open', '09:00');
    await navigate(page, () => submit(page), path('/locaties?tijden=1'));
    await check('hours saved', {
      extra: ['the notice', async () => {
        assert.equal(await notice(page), tt('De openingstijden zijn opgeslagen.'));
      }],
    });

    // The service at the new location, with its name in Arabic.
    await navigate(page, () => page.locator(`main a[href="${base}/diensten"]`).first().click(), path('/diensten'));
    const service = page.locator('main .kp-listing-item', { hasText: serviceName });
    await navigate(page, () => service.locator('a[href$="/bewerken"]').click(), /\/bewerken$/);
    await check('edit service', {
      title: tt('Dienst bewerken: {1}').replace('{1}', serviceName),
      extra: ['the form holds the service as saved', async () => {
        assert.equal(await page.inputValue('#naam'), serviceName);
        assert.ok(await page.isChecked('#taal_ar'));
      }],
    });
    await page.locator('main label', { hasText: locationName }).click();
    await navigate(page, () => submit(page), path('/diensten?opgeslagen=1'));
    await navigate(page, () => service.locator('a[href$="/vertalingen"]').click(), /\/vertalingen$/);
    await check('translations', {
      title: tt('Vertalingen: {1}').replace('{1}', serviceName),
      extra: ['the fields of a language carry its lang and dir', async () => {
        assert.equal(await page.getAttribute('#naam_ar', 'lang'), 'ar');
        assert.equal(await page.getAttribute('#naam_ar', 'dir'), 'rtl');
      }],
    });
    await page.fill('#naam_ar', `دورة الخبز ${word}`);
    await navigate(page, () => submit(page), path('/diensten?vertaald=1'));
    await check('translations saved', {
      extra: ['the notice', async () => {
        assert.equal(await notice(page), tt('De vertalingen zijn opgeslagen.'));
      }],
    });

    // Found on /zoeken at once.
    await page.goto(url(`/zoeken?q=${encodeURIComponent(word)}`));
    await check('search', {
      extra: ['the new service is found', async () => {
        const names = await page.locator('main .kp-result').allInnerTexts();
        assert.ok(names.some((text) => text.includes(word)), `found: ${JSON.stringify(names)}`);
      }],
    });
  } finally {
    allProblems.push(...problems.map((p) => `${lang}: ${p}`));
    await context.close();
  }
}

Object.keys(kLanguages).forEach((lang, i) => {
  test(`listing editor in ${lang} at 360×640: a service with languages, a location with an address and hours, a translation, found by search`, async (t) => {
    await listingEditor(t, lang, organizations[i]);
  });
});

// The forms answer 400 when they show errors; the browser logs that as a failed load.
test('the listing editor reports no script errors or Content-Security-Policy violations', () => {
  assert.deepEqual(allProblems.filter((p) => !/Failed to load resource: the server responded with a status of 400/.test(p)), []);
});
