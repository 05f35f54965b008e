// Members, new organisations and the audit log, in Debian's Chromium, on a 360 × 640 phone, in
// Dutch and in Arabic (right to left). Accounts come from the command line (`knooppunt user add`).
//  - an organisation admin opens the members page (listed as "(jij)"), invites someone with a
//    wrong address first (error summary, what was typed kept), then as admin (radio buttons in a
//    fieldset); the invitation arrives as a mail in the mail folder;
//  - the invitee opens the link signed out, signs in, accepts and lands on the organisation's page
//    as its new admin (the members link shows);
//  - the invitee registers a new organisation: empty form first (errors), then for real;
//  - a platform admin sets up two-step sign-in, finds the registration on /beheer/aanvragen with
//    its address, approves it, and reads the audit log (newest first, the approval at the top).
// Every page state is checked with axe-core (WCAG 2.0/2.1 A and AA, no violations), heading order
// and horizontal scrolling at 360 px, and saved as test-artifacts/screenshots/members-*.png.
// One server (demo data, mails into a folder) and one browser for the whole file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { navigate, setUp } from './browser.mjs';
import {
  addUser as addUserOn, checkErrors, escape, kLanguages, MailFolder, notice, phoneSession, totp, tr,
} from './support.mjs';

let env;
let AxeBuilder;
let mailDir;
let mails;
let organizations;  // [{ id, name }]
before(async () => {
  mailDir = mkdtempSync(path.join(os.tmpdir(), 'knooppunt-mail-'));
  mails = new MailFolder(mailDir);
  env = await setUp({ config: [`mail_folder = ${mailDir}`] });
  ({ AxeBuilder } = await import('@axe-core/playwright'));
  const list = await (await fetch(`${env.server.url}/api/organizations`)).json();
  organizations = list.contents.slice(-2).map(({ id, name }) => ({ id, name }));
  assert.equal(organizations.length, 2, 'the demo data has organisations');
});
after(async () => {
  await env?.close();
  if (mailDir) rmSync(mailDir, { recursive: true, force: true });
});

const addUser = (what, role, scope = []) => addUserOn(env.server, what, role, scope);
const phone = (t, lang, who) => phoneSession(t, {
  browser: env.browser, server: env.server, AxeBuilder, lang, name: `members-${who}`,
});
const submit = (page) => page.locator('main form.kp-form button[type="submit"]').click();
const allProblems = [];

async function membersAndRegistration(t, lang, organization) {
  const tt = (dutch) => tr(lang, dutch);
  const adminEmail = addUser(`beheerder-${lang}`, 'organization-admin', ['--org', organization.id]);
  const inviteeEmail = addUser(`nieuw-${lang}`, 'volunteer');
  const admin = await phone(t, lang, `admin-${lang}`);
  let invitee;
  let platform;
  try {
    const base = `${admin.prefix}/organisatie/${organization.id}`;
    const members = `${base}/leden`;
    await admin.page.goto(admin.url(`/inloggen?terug=${encodeURIComponent(members)}`));
    await admin.signIn(adminEmail, new RegExp(`${escape(members)}$`));
    await admin.check('members', {
      title: tt('Wie houdt de gegevens bij?'),
      extra: ['the admin is listed as "(jij)", with no button to take themselves off', async () => {
        const me = admin.page.locator('main .kp-request', { hasText: adminEmail });
        assert.equal(await me.count(), 1);
        assert.ok((await me.innerText()).includes(tt('(jij)')));
        assert.equal(await me.locator('button').count(), 0);
      }],
    });

    // The invitation: a wrong address first.
    await navigate(admin.page, () => admin.page.locator(`main a[href="${members}/uitnodigen"]`).click(),
      new RegExp(`${escape(members)}/uitnodigen$`));
    await admin.check('invite', {
      title: tt('Iemand uitnodigen'),
      extra: ['the role is a group of radio buttons with a legend; "lid" is chosen', async () => {
        const group = admin.page.locator('main fieldset', { has: admin.page.locator('input[type="radio"]') });
        assert.equal(await group.count(), 1);
        assert.equal((await group.locator('legend').innerText()).trim(), tt('Wat mag deze persoon doen?'));
        assert.equal(await group.locator('input[type="radio"]').count(), 2);
        assert.ok(await admin.page.isChecked('#rol'));
      }],
    });
    await admin.page.fill('#email', 'geen adres');
    await admin.page.check('#rol-1');
    await navigate(admin.page, () => submit(admin.page), new RegExp(`${escape(members)}/uitnodigen$`));
    await admin.check('invite with a wrong address', {
      title: tt('Iemand uitnodigen'),
      status: 400,
      extra: ['error summary; the address and the role stay as typed', async () => {
        assert.deepEqual(await checkErrors(admin.page, 'invite'), ['email']);
        assert.equal(await admin.page.inputValue('#email'), 'geen adres');
        assert.ok(await admin.page.isChecked('#rol-1'), 'the admin role stays chosen');
      }],
    });
    await admin.page.fill('#email', inviteeEmail);
    await navigate(admin.page, () => submit(admin.page), new RegExp(`${escape(members)}\\?verstuurd=1$`));
    await admin.check('invitation sent', {
      title: tt('Wie houdt de gegevens bij?'),
      extra: ['the notice', async () => assert.equal(await notice(admin.page), tt('De uitnodiging is verstuurd.'))],
    });
    const mail = await mails.next(inviteeEmail, /^\/uitnodiging\?sleutel=[A-Za-z0-9_-]{43}$/, `${lang} invitation`);
    assert.ok(mail.body.includes(organization.name), 'the mail names the organisation');

    // The invitee: the link leads to sign in first, then to the invitation.
    invitee = await phone(t, lang, `invitee-${lang}`);
    await invitee.page.goto(invitee.url(mail.path));
    assert.match(new URL(invitee.page.url()).pathname, new RegExp(`^${escape(invitee.prefix)}/inloggen$`));
    await invitee.signIn(inviteeEmail, /\/uitnodiging\?sleutel=/);
    await invitee.check('accept', { title: tt('Meedoen met {1}').replace('{1}', organization.name) });
    await navigate(invitee.page, () => submit(invitee.page), new RegExp(`${escape(base)}\\?welkom=1(#beheer)?$`));
    await invitee.check('accepted', {
      title: organization.name,
      extra: ['welcome; the keeper section offers editing and the members (an admin now)', async () => {
        assert.equal(await notice(invitee.page), tt('Welkom! Je kunt de gegevens nu bijhouden.'));
        assert.equal(await invitee.page.locator(`main #beheer a[href="${members}"]`).count(), 1);
        assert.equal(await invitee.page.locator(`main #beheer a[href="${base}/bewerken"]`).count(), 1);
      }],
    });

    // The invitee registers a new organisation.
    const name = `Stichting Welkom ${lang} ${Date.now()}`;
    await invitee.page.goto(invitee.url('/organisatie-aanmelden'));
    await invitee.check('register an organisation', { title: tt('Organisatie aanmelden') });
    await invitee.page.fill('#naam', name);
    await navigate(invitee.page, () => submit(invitee.page), /\/organisatie-aanmelden$/);
    await invitee.check('register with empty fields', {
      title: tt('Organisatie aanmelden'),
      status: 400,
      extra: ['error summary on the empty required fields; the name stays', async () => {
        const fields = await checkErrors(invitee.page, 'register');
        assert.deepEqual(fields, ['beschrijving', 'adres', 'postcode', 'plaats', 'provincie']);
        assert.equal(await invitee.page.inputValue('#naam'), name);
      }],
    });
    await invitee.page.fill('#beschrijving', 'Taalcafé en hulp bij formulieren.');
    await invitee.page.fill('#adres', 'Oude Ebbingestraat 1');
    await invitee.page.fill('#postcode', '9712ha');
    await invitee.page.fill('#plaats', 'Groningen');
    await invitee.page.fill('#provincie', 'Groningen');
    await navigate(invitee.page, () => submit(invitee.page), /\/organisatie-aanmelden$/);
    await invitee.check('registered', { title: tt('Organisatie aanmelden') });

    // A platform admin: two-step sign-in, the registration, the audit log.
    const platformEmail = addUser(`platform-${lang}`, 'platform-admin');
    platform = await phone(t, lang, `platform-${lang}`);
    const requests = `${platform.prefix}/beheer/aanvragen`;
    await platform.page.goto(platform.url(`/inloggen?terug=${encodeURIComponent(requests)}`));
    await platform.signIn(platformEmail, /\/account\/tweestaps$/);
    const secret = await platform.page.locator('main input[name="geheim"]').getAttribute('value');
    await platform.page.fill('#code', totp(secret));
    await navigate(platform.page, () => submit(platform.page), new RegExp(`${escape(platform.prefix)}/account(\\?.*)?$`));
    await platform.page.goto(platform.url('/beheer/aanvragen'));
    const row = platform.page.locator('main .kp-request', { hasText: name });
    await platform.check('requests with a registration', {
      title: tt('Aanvragen om gegevens bij te houden'),
      extra: ['the registration shows as a new organisation with its address', async () => {
        assert.equal(await row.count(), 1);
        const text = await row.innerText();
        assert.ok(text.includes(tt('Nieuwe organisatie')), text);
        assert.ok(text.includes('Oude Ebbingestraat 1, 9712 HA Groningen'), text);
      }],
    });
    await navigate(platform.page, () => row.locator('form[action$="/goedkeuren"] button').click(),
      new RegExp(`${escape(requests)}\\?klaar=1$`));
    const found = await (await fetch(`${env.server.url}/api/organizations?search=${encodeURIComponent(name)}`)).json();
    assert.ok(found.contents.some((o) => o.name === name), 'the approved organisation is on the map at once');

    await platform.page.goto(platform.url('/beheer/logboek'));
    await platform.check('audit log', {
      title: tt('Logboek'),
      extra: ['newest first: the approval among the top entries (then "still correct"); the CSV link', async () => {
        const top = await platform.page.locator('main .kp-request').evaluateAll((items) => items.slice(0, 3).map((el) => el.innerText));
        assert.ok(top[0].includes('organization.confirm_correct'), top[0]);
        assert.ok(top.some((text) => text.includes('organization.approve_registration')), top.join('\n'));
        assert.equal(await platform.page.locator('main a[href$="/beheer/logboek.csv"]').count(), 1);
      }],
    });
  } finally {
    for (const [who, session] of [['admin', admin], ['invitee', invitee], ['platform admin', platform]]) {
      if (!session) continue;
      allProblems.push(...session.problems.map((p) => `${lang} ${who}: ${p}`));
      await session.context.close();
    }
  }
}

Object.keys(kLanguages).forEach((lang, i) => {
  test(`members and new organisations in ${lang} at 360×640: invite, accept, register, approve, audit log`, async (t) => {
    await membersAndRegistration(t, lang, organizations[i]);
  });
});

// The forms answer 400 when they show errors; the browser logs that as a failed load.
test('the members\' pages report no script errors or Content-Security-Policy violations', () => {
  assert.deepEqual(allProblems.filter((p) => !/Failed to load resource: the server responded with a status of 400/.test(p)), []);
});
