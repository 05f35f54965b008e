// Keeping a listing, in Debian's Chromium, on a 360 × 640 phone, in Dutch and in Arabic (right to
// left). Accounts come from the command line (`knooppunt user add`), as an installation makes them.
//  - an organisation admin signs in by keyboard from the organisation page's "Log in" link and
//    lands back on the page, whose keeper section now offers edit, reports and API keys and the
//    "still correct" button; edits with an empty name (error summary with the focus, links to the
//    field, aria-invalid, aria-describedby, what was typed kept), then for real (notice); confirms
//    "still correct" (notice); opens the reports inbox empty, and again after a visitor sent a
//    report with the service page's form; marks it fixed ("Opgelost"); opens the API keys page,
//    tries an empty name, creates a key (shown once, in <code dir="ltr">), revokes it;
//  - a signed-in volunteer claims an organisation (notice);
//  - a platform admin signs in, is sent to set up two-step sign-in (the code computed here,
//    RFC 6238), opens /beheer/aanvragen, sees the volunteer's claim and approves it; the volunteer
//    is then a keeper of the organisation.
// Every page state is checked with axe-core (WCAG 2.0/2.1 A and AA, no violations) and for
// horizontal scrolling at 360 px, and saved as test-artifacts/screenshots/keepers-<lang>-360-*.png.
// One server (demo data) and one browser for the whole file.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { navigate, openPage, setUp, toAsciiDigits } from './browser.mjs';
import {
  addUser as addUserOn, checkErrors, escape, kLanguages, kPhone, notice, phoneSession, tabTo, totp, tr,
} from './support.mjs';

// --- Set-up: one server with the demo data, one browser; organisations with services -----------

let env;
let AxeBuilder;
let organizations;  // [{ id, name, service }] with at least one service each
before(async () => {
  env = await setUp();
  ({ AxeBuilder } = await import('@axe-core/playwright'));
  const list = await (await fetch(`${env.server.url}/api/organizations`)).json();
  organizations = [];
  for (const { id, name } of list.contents) {
    const html = await (await fetch(`${env.server.url}/organisatie/${id}`, { headers: { cookie: 'taal=nl' } })).text();
    const service = html.match(/href="(\/dienst\/[^"#?]+)"/)?.[1];
    if (service) organizations.push({ id, name, service });
    if (organizations.length === 4) break;
  }
  assert.equal(organizations.length, 4, 'the demo data has four organisations with services');
});
after(async () => { await env?.close(); });

const addUser = (what, role, scope = []) => addUserOn(env.server, what, role, scope);

// A phone-sized page whose every state is checked (support.mjs); screenshots
// keepers-<who>-<lang>-360-NN-<step>.png.
const phone = (t, lang, who) => phoneSession(t, {
  browser: env.browser, server: env.server, AxeBuilder, lang, name: `keepers-${who}`,
});

const allProblems = [];
const keeperLink = (page, href) => page.locator(`main #beheer a[href="${href}"]`);

// ================================================================================================
// The organisation admin.

async function organizationAdmin(t, lang, organization, visitorEmail) {
  const tt = (dutch) => tr(lang, dutch);
  const email = addUser(`beheerder-${lang}`, 'organization-admin', ['--org', organization.id]);
  const { context, page, problems, check, signIn, url, prefix } = await phone(t, lang, 'admin');
  const base = `${prefix}/organisatie/${organization.id}`;
  const orgPage = (query = '') => new RegExp(`${escape(base)}${escape(query)}(#beheer)?$`);
  try {
    // Anonymous: "Log in om dat aan te vragen."; by keyboard to the sign-in page and back.
    await page.goto(url(`/organisatie/${organization.id}`));
    await check('organisation, signed out', {
      title: organization.name,
      extra: ['the keeper section offers to sign in, and nothing else', async () => {
        assert.equal(await page.locator('main #beheer form').count(), 0, 'no claim or confirm form');
        assert.equal((await page.locator('main #beheer a').innerText()).trim(), tt('Log in om dat aan te vragen.'));
      }],
    });
    await tabTo(page, `main #beheer a[href^="${prefix}/inloggen?terug="]`, 'organisation page');
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(prefix)}/inloggen\\?terug=`));
    await signIn(email, orgPage());

    // The keeper section of an organisation admin.
    const links = {
      edit: `${base}/bewerken`, reports: `${base}/meldingen`, keys: `${base}/sleutels`,
    };
    await check('organisation, organisation admin', {
      title: organization.name,
      extra: ['the keeper section: edit, reports (0), API keys, "still correct"; no claim', async () => {
        assert.equal((await keeperLink(page, links.edit).innerText()).trim(), tt('Gegevens bewerken'));
        assert.equal(toAsciiDigits((await keeperLink(page, links.reports).innerText()).trim()),
          tt('Meldingen over fouten ({1})').replace('{1}', '0'));
        assert.equal((await keeperLink(page, links.keys).innerText()).trim(), tt('API-sleutels'));
        assert.equal((await page.locator(`main #beheer form[action="${base}/bevestigen"] button`).innerText()).trim(), tt('Alles klopt nog'));
        assert.equal(await page.locator(`main #beheer form[action="${base}/claimen"]`).count(), 0);
      }],
    });

    // Edit: by keyboard to the form; an empty name first.
    await tabTo(page, `main #beheer a[href="${links.edit}"]`, 'keeper section');
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(links.edit)}$`));
    const editTitle = tt('Gegevens van {1} bewerken').replace('{1}', organization.name);
    await check('edit', {
      title: editTitle,
      extra: ['the form holds the current name', async () => {
        assert.equal(await page.inputValue('#naam'), organization.name);
      }],
    });
    const description = lang === 'ar'
      ? 'نساعد القادمين الجدد في الإقامة والسكن واللغة.'
      : 'Wij helpen nieuwkomers met wonen, taal en werk. Kom gerust langs.';
    await page.fill('#naam', '');
    await page.fill('#beschrijving', description);
    await navigate(page, () => page.locator('main form.kp-form button[type="submit"]').click(), new RegExp(`${escape(links.edit)}$`));
    await check('edit with an empty name', {
      title: editTitle, status: 400,
      extra: ['error summary, aria-invalid and aria-describedby; what was typed stays', async () => {
        assert.deepEqual(await checkErrors(page, 'edit'), ['naam']);
        assert.equal(await page.inputValue('#naam'), '');
        assert.equal(await page.inputValue('#beschrijving'), description, 'the new description stays');
        assert.equal(await page.locator('main [aria-invalid="true"]').count(), 1, 'only the name is marked');
      }],
    });
    const newName = `${organization.name} (${lang})`;
    await page.fill('#naam', newName);
    await navigate(page, () => page.locator('main form.kp-form button[type="submit"]').click(), orgPage('?opgeslagen=1'));
    await check('organisation saved', {
      title: newName,
      extra: ['the notice says it is saved; the page shows the new description', async () => {
        assert.equal(await notice(page), tt('De gegevens zijn opgeslagen.'));
        assert.ok((await page.locator('main').innerText()).includes(description));
      }],
    });

    // "Alles klopt nog".
    await tabTo(page, `main #beheer form[action="${base}/bevestigen"] button`, 'keeper section');
    await navigate(page, () => page.keyboard.press('Enter'), orgPage('?bevestigd=1'));
    await check('organisation confirmed', {
      title: newName,
      extra: ['the notice thanks', async () => {
        assert.equal(await notice(page), tt('Dank je. De datum van de laatste controle is nu vandaag.'));
      }],
    });

    // The reports inbox, empty.
    await navigate(page, () => keeperLink(page, links.reports).click(), new RegExp(`${escape(links.reports)}$`));
    await check('reports, none', {
      title: tt('Meldingen over fouten'),
      extra: ['"no reports"', async () => {
        assert.ok((await page.locator('main').innerText()).includes(tt('Er zijn geen meldingen.')));
        assert.equal(await page.locator('main .kp-request').count(), 0);
      }],
    });

    // A visitor reports a mistake with the service page's form (in a context of their own).
    const message = lang === 'ar' ? 'رقم الهاتف لا يعمل.' : 'Het telefoonnummer werkt niet meer.';
    const visitor = await openPage(env.browser, kPhone);
    try {
      await visitor.page.goto(url(organization.service));
      await visitor.page.fill('#bericht', message);
      await visitor.page.fill('#email', visitorEmail);
      await navigate(visitor.page, () => visitor.page.locator('form[action$="#melding"] button[type="submit"]').click(), /\?bedankt=1#melding$/);
      assert.equal((await visitor.page.locator('#melding ~ [role="status"], .kp-form-section [role="status"]').first().innerText()).trim().length > 0, true, 'the visitor is thanked');
      problems.push(...visitor.problems.map((p) => `visitor: ${p}`));
    } finally {
      await visitor.context.close();
    }

    // The inbox with the report; "Opgelost".
    await page.goto(url(`/organisatie/${organization.id}`));
    assert.equal(toAsciiDigits((await keeperLink(page, links.reports).innerText()).trim()),
      tt('Meldingen over fouten ({1})').replace('{1}', '1'), 'the link counts the report');
    await navigate(page, () => keeperLink(page, links.reports).click(), new RegExp(`${escape(links.reports)}$`));
    await check('reports, one', {
      title: tt('Meldingen over fouten'),
      extra: ['the report: service, message, address, "Opgelost"', async () => {
        const items = page.locator('main .kp-request');
        assert.equal(await items.count(), 1);
        assert.equal((await items.locator('.kp-report-message').innerText()).trim(), message);
        assert.equal(await items.locator(`a[href="${prefix}${organization.service}"]`).count(), 1, 'a link to the service');
        assert.equal(await items.locator(`a[href="mailto:${visitorEmail}"]`).count(), 1, 'the reporter\'s address');
        assert.equal((await items.locator('button').innerText()).trim(), tt('Opgelost'));
      }],
    });
    await tabTo(page, 'main .kp-request form button', 'reports inbox');
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(links.reports)}\\?opgelost=1$`));
    await check('reports, fixed', {
      title: tt('Meldingen over fouten'),
      extra: ['the notice; the report is gone', async () => {
        assert.equal(await notice(page), tt('De melding is verwijderd.'));
        assert.equal(await page.locator('main .kp-request').count(), 0);
      }],
    });

    // API keys: none; an empty name; a new key, shown once; revoked.
    await navigate(page, () => page.locator(`main a[href="${base}"]`).click(), orgPage());
    await tabTo(page, `main #beheer a[href="${links.keys}"]`, 'keeper section');
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(links.keys)}$`));
    const keysTitle = tt('API-sleutels');
    await check('API keys, none', {
      title: keysTitle,
      extra: ['"no keys yet"', async () => {
        assert.ok((await page.locator('main').innerText()).includes(tt('Er zijn nog geen sleutels.')));
      }],
    });
    await navigate(page, () => page.locator('main form.kp-form button[type="submit"]').click(), new RegExp(`${escape(links.keys)}$`));
    await check('API keys, empty name', {
      title: keysTitle, status: 400,
      extra: ['error summary, aria-invalid and aria-describedby', async () => {
        assert.deepEqual(await checkErrors(page, 'API key'), ['naam']);
      }],
    });
    const label = lang === 'ar' ? 'الموقع' : 'website';
    await page.fill('#naam', label);
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(links.keys)}$`));
    let key;
    await check('API key created', {
      title: keysTitle,
      extra: ['the key, once, in <code dir="ltr">; listed with a revoke button', async () => {
        const code = page.locator('main [role="status"] code');
        assert.equal(await code.count(), 1);
        assert.equal(await code.getAttribute('dir'), 'ltr');
        key = (await code.innerText()).trim();
        assert.ok(key.length >= 20, `a long key: ${key}`);
        assert.equal((await page.locator('main .kp-request h3').innerText()).trim(), label);
        assert.equal((await page.locator('main .kp-request button').innerText()).trim(), tt('Intrekken'));
      }],
    });
    await page.goto(url(`/organisatie/${organization.id}/sleutels`));
    assert.equal(await page.locator('main code').count(), 0, 'the key is not shown again');
    if (key) assert.ok(!(await page.content()).includes(key), 'the key is nowhere in the page any more');
    await tabTo(page, 'main .kp-request form button', 'keys page');
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(links.keys)}\\?ingetrokken=1$`));
    await check('API key revoked', {
      title: keysTitle,
      extra: ['the notice; the key is listed as revoked, without a button', async () => {
        assert.ok((await notice(page)).length > 0);
        assert.equal(await page.locator('main .kp-request button').count(), 0);
        assert.ok((await page.locator('main .kp-request dl').innerText()).includes(tt('Ingetrokken op')));
      }],
    });
  } finally {
    allProblems.push(...problems.map((p) => `${lang} admin: ${p}`));
    await context.close();
  }
}

// ================================================================================================
// The volunteer's claim, and the platform admin who approves it.

async function claimAndApprove(t, lang, organization) {
  const tt = (dutch) => tr(lang, dutch);
  const volunteerEmail = addUser(`vrijwilliger-${lang}`, 'volunteer');
  const volunteer = await phone(t, lang, 'volunteer');
  const base = `${volunteer.prefix}/organisatie/${organization.id}`;
  const orgPage = (query = '') => new RegExp(`${escape(base)}${escape(query)}(#beheer)?$`);
  let admin;
  try {
    await volunteer.page.goto(volunteer.url(`/inloggen?terug=${encodeURIComponent(base)}`));
    await volunteer.signIn(volunteerEmail, orgPage());
    await volunteer.check('organisation, signed-in volunteer', {
      title: organization.name,
      extra: ['the keeper section offers the claim, not editing', async () => {
        assert.equal((await volunteer.page.locator(`main #beheer form[action="${base}/claimen"] button`).innerText()).trim(),
          tt('Ik wil deze gegevens bijhouden'));
        assert.equal(await volunteer.page.locator(`main #beheer a[href="${base}/bewerken"]`).count(), 0);
      }],
    });
    await tabTo(volunteer.page, `main #beheer form[action="${base}/claimen"] button`, 'keeper section');
    await navigate(volunteer.page, () => volunteer.page.keyboard.press('Enter'), orgPage('?aangevraagd=1'));
    await volunteer.check('organisation, claim sent', {
      title: organization.name,
      extra: ['the notice', async () => {
        assert.equal(await notice(volunteer.page), tt('Je aanvraag is verstuurd. De helpdesk kijkt ernaar.'));
      }],
    });

    // The platform admin: sign in, two-step sign-in first, then the requests.
    const adminEmail = addUser(`platform-${lang}`, 'platform-admin');
    admin = await phone(t, lang, 'platform');
    const requests = `${admin.prefix}/beheer/aanvragen`;
    await admin.page.goto(admin.url(`/inloggen?terug=${encodeURIComponent(requests)}`));
    await admin.signIn(adminEmail, /\/(beheer\/aanvragen|account\/tweestaps|account)(\?.*)?$/);
    if (!/\/account\/tweestaps$/.test(new URL(admin.page.url()).pathname)) {
      await admin.page.goto(admin.url('/beheer/aanvragen'));
    }
    assert.match(new URL(admin.page.url()).pathname, new RegExp(`^${escape(admin.prefix)}/account/tweestaps$`),
      'without two-step sign-in the requests page sends a platform admin to set it up');
    const secret = await admin.page.locator('main input[name="geheim"]').getAttribute('value');
    await admin.page.fill('#code', totp(secret));
    await navigate(admin.page, () => admin.page.locator('main form.kp-form button[type="submit"]').click(),
      new RegExp(`${escape(admin.prefix)}/account(\\?.*)?$`));
    await admin.page.goto(admin.url('/beheer/aanvragen'));
    const requestsTitle = tt('Aanvragen om gegevens bij te houden');
    const row = admin.page.locator('main .kp-request', { hasText: volunteerEmail });
    await admin.check('requests', {
      title: requestsTitle,
      extra: ['the volunteer\'s claim, with approve and reject', async () => {
        assert.equal(await row.count(), 1);
        assert.equal((await row.locator('h2').innerText()).trim(), organization.name, 'the organisation\'s name');
        assert.equal((await row.locator('button').first().innerText()).trim(), tt('Goedkeuren'));
        assert.equal((await row.locator('button').nth(1).innerText()).trim(), tt('Afwijzen'));
      }],
    });
    // Regression: the name's link section was never shown.
    await t.test('requests: the organisation\'s name links to its page', async () => {
      assert.equal(await row.locator(`a[href="${base}"]`).count(), 1, 'a link to the organisation');
    });
    await row.locator('form[action$="/goedkeuren"] button').focus();
    await navigate(admin.page, () => admin.page.keyboard.press('Enter'), new RegExp(`${escape(requests)}\\?klaar=1$`));
    await admin.check('requests, approved', {
      title: requestsTitle,
      extra: ['the notice; the claim is gone', async () => {
        assert.equal(await notice(admin.page), tt('Gelukt. De aanvraag is afgehandeld.'));
        assert.equal(await admin.page.locator('main .kp-request', { hasText: volunteerEmail }).count(), 0);
      }],
    });

    // The volunteer keeps the listing now.
    await volunteer.page.goto(volunteer.url(`/organisatie/${organization.id}`));
    await volunteer.check('organisation, claim approved', {
      title: organization.name,
      extra: ['the keeper section offers editing', async () => {
        assert.equal(await volunteer.page.locator(`main #beheer a[href="${base}/bewerken"]`).count(), 1);
        assert.equal(await volunteer.page.locator(`main #beheer form[action="${base}/claimen"]`).count(), 0);
      }],
    });
  } finally {
    allProblems.push(...volunteer.problems.map((p) => `${lang} volunteer: ${p}`));
    if (admin) allProblems.push(...admin.problems.map((p) => `${lang} platform admin: ${p}`));
    await volunteer.context.close();
    await admin?.context.close();
  }
}

Object.keys(kLanguages).forEach((lang, i) => {
  test(`organisation admin in ${lang} at 360×640: sign in, edit, confirm, reports, API keys`, async (t) => {
    await organizationAdmin(t, lang, organizations[2 * i], `melder-${lang}@voorbeeld.nl`);
  });
  test(`claim in ${lang} at 360×640: a volunteer claims, a platform admin with two-step sign-in approves`, async (t) => {
    await claimAndApprove(t, lang, organizations[2 * i + 1]);
  });
});

// The forms answer 400 when they show errors; the browser logs that as a failed load.
test('the keepers\' pages report no script errors or Content-Security-Policy violations', () => {
  assert.deepEqual(allProblems.filter((p) => !/Failed to load resource: the server responded with a status of 400/.test(p)), []);
});
