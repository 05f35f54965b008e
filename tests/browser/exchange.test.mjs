// Supply and demand, from an offer to a conversation, in Debian's Chromium, on a 360 × 640 phone,
// in Dutch and in Arabic (right to left). Accounts come from the command line (`knooppunt user
// add`), each language with its own; mails go into a folder.
//  - a volunteer signs in by keyboard, opens "Vraag en aanbod" from the header, chooses "Ik bied
//    iets aan" and posts a buddy offer in the form's 4 steps: step 2 first without a title (error
//    summary with the focus, aria-invalid, aria-describedby; place, description and languages
//    kept), then with one; weekly day parts in step 3; "Versturen" in step 4. A volunteer is not
//    trusted yet: the notice says the help desk looks first, and the status says so;
//  - a newcomer signs in, fills "Mijn profiel voor matches" (a buddy wanted, Dutch A2 and
//    Arabic, Groningen, day parts that meet the offer's) and consents to be proposed;
//  - a help desk of Groningen signs in, sets up two-step sign-in (RFC 6238 code computed here),
//    approves the offer on /beheer/moderatie (then it is on the public list, with its map
//    anchor, and the map is drawn), runs a round on /beheer/rondes, finds the newcomer proposed
//    for the offer with the reasons in words (languages, km, day part) and sends the round: both
//    get the proposal mail;
//  - both open "Mijn matches", open the match and say "Ja, graag": the newcomer first (waiting
//    for the other), then the volunteer (both said yes, the message form);
//  - the newcomer sends an empty message (error summary), then a real one; the volunteer reads it
//    and answers; the newcomer reads the answer. The mails about the messages reach the right
//    person and never carry the message's text.
// Also: the posting form's 4 steps without JavaScript (with "Terug" keeping what was typed).
// Every page state is checked with axe-core (WCAG 2.0/2.1 A and AA, no violations), language and
// direction, heading order and horizontal scrolling at 360 px, and saved as
// test-artifacts/screenshots/exchange-<who>-<lang>-360-NN-<step>.png.
// One server (demo data, mails into a folder) and one browser for the whole file.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertNoHorizontalScroll, navigate, openPage, screenshot, setUp, toAsciiDigits,
} from './browser.mjs';
import {
  addUser as addUserOn, checkErrors, escape, kLanguages, kPhone, MailFolder, notice, phoneSession,
  totp, tr,
} from './support.mjs';

let env;
let AxeBuilder;
let mailDir;
before(async () => {
  mailDir = mkdtempSync(path.join(os.tmpdir(), 'knooppunt-mail-'));
  env = await setUp({ config: [`mail_folder = ${mailDir}`] });
  ({ AxeBuilder } = await import('@axe-core/playwright'));
});
after(async () => {
  await env?.close();
  if (mailDir) rmSync(mailDir, { recursive: true, force: true });
});

const addUser = (what, role, scope = []) => addUserOn(env.server, what, role, scope);
const phone = (t, lang, who) => phoneSession(t, {
  browser: env.browser, server: env.server, AxeBuilder, lang, name: `exchange-${who}`,
});
const allProblems = [];
const fill = (pattern, ...values) => values.reduce((text, value, i) => text.replace(`{${i + 1}}`, value), pattern);

// --- Mails ----------------------------------------------------------------------------------------

// A header as written (RFC 2047 encoded words, "=?UTF-8?B?…?=", joined) as text.
function decodeHeader(value = '') {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding, text) => (
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (__, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')));
}

function allMails() {
  return readdirSync(mailDir).filter((n) => n.endsWith('.eml')).sort().map((name) => {
    const mail = MailFolder.parse(readFileSync(path.join(mailDir, name), 'utf8'));
    return { name, to: mail.headers.to || '', subject: decodeHeader(mail.headers.subject), body: mail.body };
  });
}

// The mail to `address` whose subject is one of `subjects` (the account's language is Dutch when
// it was made on the command line; the page's language is accepted too); waits up to 15 s.
async function mailTo(address, subjects, what) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const found = allMails().find((m) => m.to.includes(address) && subjects.includes(m.subject));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = allMails().filter((m) => m.to.includes(address)).map((m) => m.subject);
      assert.fail(`${what}: no mail to ${address} with subject ${JSON.stringify(subjects)}; its mails: ${JSON.stringify(seen)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// --- Words ----------------------------------------------------------------------------------------

const kDays = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const kParts = ['{1}ochtend', '{1}middag', '{1}avond'];
// A weekly day part as the pages name it ("dinsdagavond"); its bit is weekday × 3 + part.
const slotText = (lang, weekday, part) => fill(tr(lang, kParts[part]), tr(lang, kDays[weekday]));

// Each language its own day parts, so that one language's newcomer is never proposed for the
// other language's offer (no common day part is a hard constraint).
const kSlots = {
  nl: { offer: [[1, 2], [3, 2]], newcomer: [[1, 2], [0, 0]], shared: [1, 2] },
  ar: { offer: [[2, 1], [5, 1]], newcomer: [[2, 1], [6, 0]], shared: [2, 1] },
};

// The distance reason for two people in the same place ("Op dezelfde plek" rather than
// "0 km verderop").
const kmReason = (lang, whole = true) => {
  const text = escape(tr(lang, 'Op dezelfde plek'));
  return new RegExp(whole ? `^${text}$` : text);
};

// A button or link's name "Goedkeuren: <title>" whose second part is visually hidden (Chromium
// puts a space before the colon: the hidden part is positioned, so it counts as a block).
const labelled = (text, title) => new RegExp(`^${escape(text)}\\s*:\\s*${escape(title)}$`);

// A language's checkbox: in the page's own language its name, in another with its own name after.
const languageBox = (page, lang, dutchName) => page.getByRole('checkbox', { name: new RegExp(`^${escape(tr(lang, dutchName))}( \\(|$)`) });

// ================================================================================================
// 1. The volunteer posts an offer.

async function postOffer(t, lang, volunteer, { email, title, description }) {
  const tt = (dutch) => tr(lang, dutch);
  const { page, check, signIn, url, prefix } = volunteer;
  const formPath = `${prefix}/vraag-en-aanbod/nieuw`;
  const stepTitle = (n, name) => fill(tt('Stap {1} van {2}: {3}'), String(n), '4', tt(name));
  const stepLine = async () => toAsciiDigits((await page.locator('main .kp-step').innerText()).trim());
  const next = () => navigate(page, () => page.getByRole('button', { name: tt('Verder'), exact: true }).click(), new RegExp(`${escape(formPath)}$`));

  await page.goto(url('/inloggen'));
  await check('sign in', { title: tt('Inloggen') });
  await signIn(email, new RegExp(`${escape(prefix)}/account(\\?.*)?$`));
  await navigate(page, () => page.locator('header').getByRole('link', { name: tt('Vraag en aanbod'), exact: true }).click(),
    new RegExp(`${escape(prefix)}/vraag-en-aanbod$`));
  await check('supply and demand', {
    title: tt('Vraag en aanbod'),
    extra: ['the buttons to ask and to offer', async () => {
      assert.equal(await page.getByRole('link', { name: tt('Ik vraag iets'), exact: true }).count(), 1);
      assert.equal(await page.getByRole('link', { name: tt('Ik bied iets aan'), exact: true }).count(), 1);
    }],
  });

  // Step 1: the side is chosen already; the kind.
  await navigate(page, () => page.getByRole('link', { name: tt('Ik bied iets aan'), exact: true }).click(),
    new RegExp(`${escape(formPath)}\\?kant=offer$`));
  await check('step 1', {
    title: tt('Vraag of aanbod plaatsen'),
    extra: ['step 1 of 4; "Ik bied iets aan" chosen; the kinds as radio buttons in a fieldset', async () => {
      assert.equal(await stepLine(), stepTitle(1, 'Wat wil je?'));
      assert.ok(await page.getByRole('radio', { name: tt('Ik bied iets aan'), exact: true }).isChecked());
      const kinds = page.getByRole('group', { name: tt('Waar gaat het over?') });
      assert.equal(await kinds.getByRole('radio').count(), 6);
      assert.equal(await page.getByRole('button', { name: tt('Terug'), exact: true }).count(), 0, 'no "Terug" in step 1');
    }],
  });
  await page.getByRole('group', { name: tt('Waar gaat het over?') }).getByRole('radio', { name: tt('Maatje'), exact: true }).check();
  await next();

  // Step 2 without a title.
  await check('step 2', {
    title: tt('Vraag of aanbod plaatsen'),
    extra: ['step 2 of 4: title, description, place, distance, languages', async () => {
      assert.equal(await stepLine(), stepTitle(2, 'Wat en waar?'));
      assert.equal(await page.getByLabel(tt('Van hoe ver mogen mensen komen? (in km)')).inputValue(), '10');
      // "Engels (English)": the label is a flex box, which would drop the space before "(English)".
      const gap = await page.locator('label[for="taal_en"]').evaluate((label) => {
        const range = document.createRange();
        range.selectNodeContents(label.firstChild);
        const name = range.getBoundingClientRect();
        const own = label.querySelector('span[lang]').getBoundingClientRect();
        return document.documentElement.dir === 'rtl' ? name.left - own.right : own.left - name.right;
      });
      assert.ok(gap >= 3, `a space between a language's name and its own name (${gap} px)`);
    }],
  });
  await page.getByLabel(tt('Beschrijving (niet verplicht)')).fill(description);
  await page.getByLabel(tt('Plaats (niet verplicht)')).fill('Groningen');
  await languageBox(page, lang, 'Arabisch').check();
  await languageBox(page, lang, 'Nederlands').check();
  await next();
  await check('step 2 without a title', {
    title: tt('Vraag of aanbod plaatsen'),
    status: 400,
    extra: ['error summary with the focus, aria-invalid, aria-describedby; what was typed stays', async () => {
      assert.deepEqual(await checkErrors(page, 'posting form, step 2'), ['titel']);
      assert.equal((await page.locator('#titel-fout').innerText()).trim(), tt('Schrijf een titel van 2 tot 120 tekens.'));
      assert.equal(await stepLine(), stepTitle(2, 'Wat en waar?'));
      assert.equal(await page.getByLabel(tt('Beschrijving (niet verplicht)')).inputValue(), description);
      assert.equal(await page.getByLabel(tt('Plaats (niet verplicht)')).inputValue(), 'Groningen');
      assert.ok(await languageBox(page, lang, 'Arabisch').isChecked(), 'Arabic stays checked');
      assert.ok(await languageBox(page, lang, 'Nederlands').isChecked(), 'Dutch stays checked');
      assert.equal(await page.locator('main [aria-invalid="true"]').count(), 1, 'only the title is marked');
    }],
  });
  await page.getByLabel(tt('Titel'), { exact: true }).fill(title);
  await next();

  // Step 3: day parts.
  await check('step 3', {
    title: tt('Vraag of aanbod plaatsen'),
    extra: ['step 3 of 4: the week as a table of day parts, each a named checkbox', async () => {
      assert.equal(await stepLine(), stepTitle(3, 'Wanneer en hoeveel?'));
      assert.equal(await page.locator('main .kp-slots input[type="checkbox"]').count(), 21);
      assert.equal(await page.getByLabel(slotText(lang, 1, 2), { exact: true }).count(), 1);
    }],
  });
  for (const [weekday, part] of kSlots[lang].offer) await page.getByLabel(slotText(lang, weekday, part), { exact: true }).check();
  await next();

  // Step 4: send.
  await check('step 4', {
    title: tt('Vraag of aanbod plaatsen'),
    extra: ['step 4 of 4: send, save as a draft, back', async () => {
      assert.equal(await stepLine(), stepTitle(4, 'Wat is er nodig?'));
      for (const name of ['Versturen', 'Opslaan als concept', 'Terug']) {
        assert.equal(await page.getByRole('button', { name: tt(name), exact: true }).count(), 1, name);
      }
    }],
  });
  await navigate(page, () => page.getByRole('button', { name: tt('Versturen'), exact: true }).click(),
    new RegExp(`${escape(prefix)}/vraag-en-aanbod/[0-9a-f-]{36}\\?gelukt=wacht$`));
  const postingPath = new URL(page.url()).pathname;
  await check('offer sent', {
    title,
    extra: ['the notice: the help desk looks first; the status says so; the facts', async () => {
      assert.equal(await notice(page), tt('Je oproep is verstuurd. De helpdesk kijkt er eerst naar. Daarna staat hij open.'));
      const main = await page.locator('main').innerText();
      assert.ok(main.includes(tt('Wacht op controle door de helpdesk')), 'status: awaiting the help desk');
      assert.ok(main.includes(tt('Aanbod')) && main.includes(tt('Maatje')), 'an offer of a buddy');
      assert.ok(main.includes(slotText(lang, ...kSlots[lang].offer[0])), 'its day parts');
      assert.ok(main.includes(description), 'its description');
    }],
  });
  return postingPath.slice(prefix.length);  // /vraag-en-aanbod/<id>
}

// ================================================================================================
// 2. The newcomer's profile and consent.

async function fillProfile(t, lang, newcomer, email) {
  const tt = (dutch) => tr(lang, dutch);
  const { page, check, signIn, url, prefix } = newcomer;
  const profilePath = `${prefix}/mijn-profiel`;
  await page.goto(url('/inloggen'));
  await signIn(email, new RegExp(`${escape(prefix)}/account(\\?.*)?$`));
  await navigate(page, () => page.locator('main').getByRole('link', { name: tt('Mijn profiel voor matches'), exact: true }).click(),
    new RegExp(`${escape(profilePath)}$`));
  await check('profile, empty', {
    title: tt('Mijn profiel voor matches'),
    extra: ['no consent before there is a profile', async () => {
      assert.ok((await page.locator('main').innerText()).includes(tt('Sla eerst je profiel op. Daarna kies je of we je mogen voorstellen.')));
      assert.equal(await page.getByRole('button', { name: tt('Ja, stel mij voor aan anderen') }).count(), 0);
    }],
  });
  await page.getByRole('group', { name: tt('Waar zoek je hulp bij?') }).getByRole('checkbox', { name: tt('Maatje'), exact: true }).check();
  await page.getByLabel(tt('Hoe goed spreek je Nederlands?')).selectOption('A2');
  await languageBox(page.getByRole('group', { name: tt('Welke andere talen spreek je?') }), lang, 'Arabisch').check();
  for (const [weekday, part] of kSlots[lang].newcomer) await page.getByLabel(slotText(lang, weekday, part), { exact: true }).check();
  await page.getByLabel(tt('Waar woon je? (niet verplicht)')).fill('Groningen');
  await navigate(page, () => page.getByRole('button', { name: tt('Profiel opslaan'), exact: true }).click(),
    new RegExp(`${escape(profilePath)}\\?gelukt=opgeslagen$`));
  await check('profile saved', {
    title: tt('Mijn profiel voor matches'),
    extra: ['the notice; what was chosen is kept; consent can be given now', async () => {
      assert.equal(await notice(page), tt('Je profiel is opgeslagen.'));
      assert.equal(await page.getByLabel(tt('Hoe goed spreek je Nederlands?')).inputValue(), 'A2');
      assert.equal(await page.getByLabel(tt('Waar woon je? (niet verplicht)')).inputValue(), 'Groningen');
      assert.ok(await page.getByLabel(slotText(lang, ...kSlots[lang].newcomer[0]), { exact: true }).isChecked());
      assert.ok((await page.locator('main').innerText()).includes(tt('Je hebt geen toestemming gegeven. We stellen je niet voor aan anderen.')));
    }],
  });
  await navigate(page, () => page.getByRole('button', { name: tt('Ja, stel mij voor aan anderen'), exact: true }).click(),
    new RegExp(`${escape(profilePath)}\\?gelukt=ja$`));
  await check('consent given', {
    title: tt('Mijn profiel voor matches'),
    extra: ['the notice; "Stop met voorstellen" now; the suggestions section', async () => {
      assert.equal(await notice(page), tt('Dank je. De helpdesk kan je nu voorstellen.'));
      assert.equal(await page.getByRole('button', { name: tt('Stop met voorstellen'), exact: true }).count(), 1);
      assert.equal(await page.getByRole('heading', { name: tt('Oproepen die bij je passen'), exact: true }).count(), 1);
    }],
  });
}

// ================================================================================================
// 3. The help desk: two-step sign-in, moderation, a round.

async function helpDesk(t, lang, desk, { email, title, newcomerEmail }) {
  const tt = (dutch) => tr(lang, dutch);
  const { page, check, signIn, url, prefix } = desk;
  const queue = `${prefix}/beheer/moderatie`;
  await page.goto(url(`/inloggen?terug=${encodeURIComponent(queue)}`));
  await signIn(email, new RegExp(`${escape(prefix)}/account/tweestaps$`));
  await check('two-step sign-in', { title: tt('Inloggen in twee stappen') });
  const secret = await page.locator('main input[name="geheim"]').getAttribute('value');
  await page.locator('#code').fill(totp(secret));
  await navigate(page, () => page.locator('main form.kp-form button[type="submit"]').click(),
    new RegExp(`${escape(prefix)}/account(\\?.*)?$`));
  await check('account with two-step sign-in', {
    title: tt('Mijn account'),
    extra: ['links to moderation and matching rounds', async () => {
      assert.equal(await page.locator(`main a[href="${queue}"]`).count(), 1);
      assert.equal(await page.locator(`main a[href="${prefix}/beheer/rondes"]`).count(), 1);
    }],
  });

  // Moderation.
  await navigate(page, () => page.locator(`main a[href="${queue}"]`).click(), new RegExp(`${escape(queue)}$`));
  const item = page.locator('main .kp-mat-item', { has: page.getByRole('heading', { name: title, exact: true }) });
  await check('moderation queue', {
    title: tt('Oproepen controleren'),
    extra: ['the offer with its facts, approve and reject', async () => {
      assert.equal(await item.count(), 1);
      const text = await item.innerText();
      assert.ok(text.includes('Groningen'), text);
      assert.ok(text.includes(tt('Maatje')), text);
      assert.equal(await item.getByRole('button', { name: labelled(tt('Goedkeuren'), title) }).count(), 1, await item.ariaSnapshot());
      assert.equal(await item.getByRole('button', { name: labelled(tt('Afwijzen'), title) }).count(), 1);
    }],
  });
  await navigate(page, () => item.getByRole('button', { name: labelled(tt('Goedkeuren'), title) }).click(),
    new RegExp(`${escape(queue)}\\?goedgekeurd=1$`));
  await check('moderation, approved', {
    title: tt('Oproepen controleren'),
    extra: ['the notice; the offer has left the queue', async () => {
      assert.equal(await notice(page), tt('De oproep is goedgekeurd. Iedereen kan hem nu zien.'));
      assert.equal(await item.count(), 0);
    }],
  });

  // A round.
  const rounds = `${prefix}/beheer/rondes`;
  await page.goto(url('/account'));
  await navigate(page, () => page.locator(`main a[href="${rounds}"]`).click(), new RegExp(`${escape(rounds)}$`));
  await check('matching rounds', {
    title: tt('Matchrondes'),
    extra: ['"Een nieuwe ronde maken" is a heading (in the legend of its fieldset), as it looks', async () => {
      assert.equal(await page.getByRole('heading', { name: tt('Een nieuwe ronde maken'), level: 2, exact: true }).count(), 1);
      assert.equal(await page.getByRole('group', { name: tt('Een nieuwe ronde maken'), exact: true }).count(), 1);
    }],
  });
  await navigate(page, () => page.getByRole('button', { name: tt('Nieuwe ronde maken'), exact: true }).click(),
    new RegExp(`${escape(rounds)}/[0-9a-f-]{36}\\?nieuw=1$`));
  const proposal = page.locator('main .kp-mat-item', { has: page.getByRole('heading', { name: title, exact: true }) });
  const reasons = [
    fill(tt('Jullie spreken allebei {1}'), tt('Arabisch')),
    fill(tt('Jullie spreken allebei {1}'), tt('Nederlands')),
    'km',
    fill(tt('Allebei vrij op {1}'), slotText(lang, ...kSlots[lang].shared)),
  ];
  await check('round made', {
    extra: ['the newcomer proposed for the offer, with the reasons in words', async () => {
      assert.equal(await notice(page), tt('De ronde is gemaakt. Niemand heeft nog een e-mail gekregen. Bekijk de voorstellen en verstuur de ronde.'));
      assert.equal(await proposal.count(), 1, 'one proposal for the offer');
      const text = await proposal.innerText();
      assert.ok(text.includes(newcomerEmail.split('@')[0]), `the newcomer is proposed: ${text}`);
      const listed = (await proposal.locator('ul li').allInnerTexts()).map((r) => r.trim());
      assert.match(listed[2] ?? '', kmReason(lang), 'both in Groningen: the same place');
      assert.deepEqual(listed.map((r, i) => (i === 2 ? 'km' : r)), reasons, 'the reasons in words');
    }],
  });
  await navigate(page, () => page.getByRole('button', { name: tt('Versturen'), exact: true }).click(),
    new RegExp(`${escape(rounds)}/[0-9a-f-]{36}\\?verstuurd=1$`));
  await check('round sent', {
    extra: ['the notice; read-only now, the proposal "proposed"', async () => {
      assert.equal(await notice(page), tt('De ronde is verstuurd. Iedereen krijgt een e-mail.'));
      assert.ok((await page.locator('main').innerText()).includes(tt('Deze ronde is verstuurd. Je kunt niets meer veranderen.')));
      assert.ok((await proposal.innerText()).includes(tt('Voorstel: nog niemand heeft geantwoord')));
      assert.equal(await page.getByRole('button', { name: tt('Versturen'), exact: true }).count(), 0);
    }],
  });
}

// ================================================================================================
// 4 and 5. Yes from both sides, then messages.

async function openMatch(lang, session, title, what) {
  const tt = (dutch) => tr(lang, dutch);
  const { page, check, url, prefix } = session;
  await page.goto(url('/account'));
  await navigate(page, () => page.locator('main').getByRole('link', { name: tt('Mijn matches'), exact: true }).click(),
    new RegExp(`${escape(prefix)}/mijn-matches$`));
  const item = page.locator('main .kp-mat-item', { hasText: title });
  await check(`${what}: my matches`, {
    title: tt('Mijn matches'),
    extra: ['the match, with its reasons', async () => {
      assert.equal(await item.count(), 1);
      assert.ok((await item.innerText()).includes(fill(tt('Jullie spreken allebei {1}'), tt('Arabisch'))));
    }],
  });
  await navigate(page, () => item.getByRole('link', { name: title, exact: true }).click(),
    new RegExp(`${escape(prefix)}/mijn-matches/[0-9a-f-]{36}$`));
  return new URL(page.url()).pathname.slice(prefix.length);
}

async function matchAndMessages(t, lang, { volunteer, newcomer, title, volunteerEmail, newcomerEmail }) {
  const tt = (dutch) => tr(lang, dutch);
  const heading = fill(tt('Voorstel: {1}'), title);
  const subjects = (dutch) => [...new Set([fill(dutch, title), fill(tr(lang, dutch), title)])];
  const facts = async (page) => page.locator('main .kp-facts').innerText();

  // The proposal mails: to each side, with the link to the match.
  const newcomerMail = await mailTo(newcomerEmail, subjects('Een voorstel voor je: {1}'), `${lang} proposal to the newcomer`);
  const volunteerMail = await mailTo(volunteerEmail, subjects('Een voorstel voor je: {1}'), `${lang} proposal to the volunteer`);

  // The newcomer says yes first.
  const matchPath = await openMatch(lang, newcomer, title, 'newcomer');
  assert.ok(newcomerMail.body.includes(matchPath), `the newcomer's mail links to ${matchPath}: ${newcomerMail.body}`);
  assert.ok(volunteerMail.body.includes(matchPath), `the volunteer's mail links to ${matchPath}: ${volunteerMail.body}`);
  const yes = (page) => page.getByRole('button', { name: tt('Ja, graag'), exact: true });
  await newcomer.check('newcomer: the match', {
    title: heading,
    extra: ['proposed for the offer; the reasons; yes and no', async () => {
      const text = await facts(newcomer.page);
      assert.ok(text.includes(tt('Je bent voorgesteld voor deze oproep')), text);
      assert.ok(text.includes(tt('Voorstel: nog niemand heeft geantwoord')), text);
      assert.match(await newcomer.page.locator('main').innerText(), kmReason(lang, false), 'the distance as a reason');
      assert.equal(await yes(newcomer.page).count(), 1);
      assert.equal(await newcomer.page.getByRole('button', { name: tt('Nee, liever niet'), exact: true }).count(), 1);
      assert.equal(await newcomer.page.getByLabel(tt('Jouw bericht')).count(), 0, 'no messages before both said yes');
    }],
  });
  await navigate(newcomer.page, () => yes(newcomer.page).click(), new RegExp(`${escape(matchPath)}\\?ja=1$`));
  await newcomer.check('newcomer: said yes', {
    title: heading,
    extra: ['the notice; waiting for the other', async () => {
      assert.equal(await notice(newcomer.page), tt('Bedankt, je hebt ja gezegd.'));
      assert.ok((await newcomer.page.locator('main').innerText()).includes(tt('Je hebt ja gezegd. We wachten nu op het antwoord van de ander.')));
      assert.equal(await yes(newcomer.page).count(), 0);
    }],
  });

  // The volunteer says yes: both did.
  assert.equal(await openMatch(lang, volunteer, title, 'volunteer'), matchPath, 'the same match');
  await volunteer.check('volunteer: the match', {
    title: heading,
    extra: ['their own offer; the newcomer said yes', async () => {
      const text = await facts(volunteer.page);
      assert.ok(text.includes(tt('Het is jouw oproep')), text);
      assert.ok(text.includes(tt('De persoon zei ja; wacht op de oproep')), text);
    }],
  });
  await navigate(volunteer.page, () => yes(volunteer.page).click(), new RegExp(`${escape(matchPath)}\\?ja=1$`));
  const both = async (session) => {
    const text = await facts(session.page);
    assert.ok(text.includes(tt('Jullie zeiden allebei ja')), text);
    assert.equal(await session.page.getByLabel(tt('Jouw bericht')).count(), 1, 'the message form');
    const borders = await session.page.evaluate(() => ['bericht', 'feedback'].map((id) => getComputedStyle(document.getElementById(id)).borderInlineStartColor));
    assert.equal(borders[0], borders[1], 'the empty message box is not marked as wrong before anything was sent');
    assert.equal(await session.page.getByRole('button', { name: tt('Bericht versturen'), exact: true }).count(), 1);
  };
  await volunteer.check('volunteer: both said yes', {
    title: heading,
    extra: ['both said yes; the message form; no messages yet', async () => {
      assert.equal(await notice(volunteer.page), tt('Bedankt, je hebt ja gezegd.'));
      await both(volunteer);
      assert.ok((await volunteer.page.locator('main').innerText()).includes(tt('Er zijn nog geen berichten. Stuur de ander een bericht en maak een afspraak.')));
    }],
  });

  // The newcomer writes: an empty message first.
  const question = lang === 'ar'
    ? 'مرحبا! هل يناسبك يوم الأربعاء بعد الظهر في المكتبة؟'
    : 'Hallo! Past dinsdagavond in de bibliotheek? Groet, Amal';
  const answer = lang === 'ar' ? 'نعم، إلى اللقاء في الساعة الثالثة.' : 'Ja, prima! Tot dinsdag om zeven uur.';
  await newcomer.page.goto(newcomer.url(matchPath));
  await newcomer.check('newcomer: both said yes', { title: heading, extra: ['both said yes; the message form', () => both(newcomer)] });
  const send = (session) => session.page.getByRole('button', { name: tt('Bericht versturen'), exact: true });
  await navigate(newcomer.page, () => send(newcomer).click(), new RegExp(`${escape(matchPath)}/bericht$`));
  await newcomer.check('newcomer: empty message', {
    title: heading,
    status: 400,
    extra: ['error summary with the focus; the field marked', async () => {
      assert.deepEqual(await checkErrors(newcomer.page, 'message'), ['bericht']);
      assert.equal((await newcomer.page.locator('#bericht-fout').innerText()).trim(), tt('Schrijf eerst een bericht.'));
    }],
  });
  await newcomer.page.getByLabel(tt('Jouw bericht')).fill(question);
  await navigate(newcomer.page, () => send(newcomer).click(), new RegExp(`${escape(matchPath)}\\?bericht=1#berichten$`));
  const messages = (session) => session.page.locator('main .kp-mat-message');
  await newcomer.check('newcomer: message sent', {
    title: heading,
    extra: ['the notice; the message as their own', async () => {
      assert.equal(await notice(newcomer.page), tt('Je bericht is verstuurd. De ander krijgt een e-mail.'));
      assert.equal(await messages(newcomer).count(), 1);
      assert.equal((await messages(newcomer).locator('.kp-mat-message__body').innerText()).trim(), question);
      assert.ok((await messages(newcomer).locator('.kp-mat-message__meta').innerText()).includes(tt('jij')));
      assert.equal(await newcomer.page.getByLabel(tt('Jouw bericht')).inputValue(), '', 'the form is empty again');
    }],
  });
  const toVolunteer = await mailTo(volunteerEmail, subjects('Nieuw bericht over {1}'), `${lang} message mail to the volunteer`);
  assert.ok(toVolunteer.body.includes(matchPath), 'the message mail links to the match');

  // The volunteer reads it and answers.
  await volunteer.page.goto(volunteer.url(matchPath));
  await volunteer.check('volunteer: a message', {
    title: heading,
    extra: ['the newcomer\'s message, not as their own', async () => {
      assert.equal(await messages(volunteer).count(), 1);
      assert.equal((await messages(volunteer).locator('.kp-mat-message__body').innerText()).trim(), question);
      assert.equal(await volunteer.page.locator('main .kp-mat-message--own').count(), 0);
    }],
  });
  await volunteer.page.getByLabel(tt('Jouw bericht')).fill(answer);
  await navigate(volunteer.page, () => send(volunteer).click(), new RegExp(`${escape(matchPath)}\\?bericht=1#berichten$`));
  await volunteer.check('volunteer: answered', {
    title: heading,
    extra: ['both messages in order, the answer as their own', async () => {
      assert.deepEqual((await messages(volunteer).locator('.kp-mat-message__body').allInnerTexts()).map((s) => s.trim()), [question, answer]);
      assert.equal(await volunteer.page.locator('main .kp-mat-message--own').count(), 1);
    }],
  });
  const toNewcomer = await mailTo(newcomerEmail, subjects('Nieuw bericht over {1}'), `${lang} message mail to the newcomer`);

  // The newcomer reads the answer.
  await newcomer.page.goto(newcomer.url(matchPath));
  await newcomer.check('newcomer: the answer', {
    title: heading,
    extra: ['the question and the answer', async () => {
      assert.deepEqual((await messages(newcomer).locator('.kp-mat-message__body').allInnerTexts()).map((s) => s.trim()), [question, answer]);
    }],
  });

  // No mail carries a message's text, and the message mails went to the other side only.
  await t.test('mails: to the right person, without the messages\' text', () => {
    for (const mail of [newcomerMail, volunteerMail, toVolunteer, toNewcomer]) {
      assert.ok(mail.body.includes(title), `the mail names the offer: ${mail.subject}`);
    }
    for (const mail of allMails()) {
      for (const text of [question, answer]) {
        assert.ok(!mail.body.includes(text) && !mail.subject.includes(text), `the mail "${mail.subject}" to ${mail.to} holds a message's text`);
      }
    }
    const messageMails = allMails().filter((m) => subjects('Nieuw bericht over {1}').includes(m.subject));
    assert.equal(messageMails.length, 2, 'one message mail per message');
    assert.ok(messageMails.some((m) => m.to.includes(volunteerEmail)) && messageMails.some((m) => m.to.includes(newcomerEmail)));
  });
}

// ================================================================================================
// The public list with the approved offer, and its map.

async function publicList(t, lang, title) {
  const tt = (dutch) => tr(lang, dutch);
  const visitor = await phone(t, lang, 'visitor');
  try {
    const { page, check, url } = visitor;
    await page.goto(url(`/vraag-en-aanbod?q=${encodeURIComponent(title)}`));
    const link = page.locator('main .kp-result-list').getByRole('link', { name: title, exact: true });
    await page.locator('.kp-map .leaflet-marker-icon').first().waitFor({ state: 'attached' });
    await check('the list with the offer', {
      title: tt('Vraag en aanbod'),
      extra: ['the approved offer is listed; the map anchor holds it and the map is drawn', async () => {
        assert.equal(await link.count(), 1);
        const href = await link.getAttribute('href');
        const points = JSON.parse(await page.locator('.kp-map-anchor').getAttribute('data-points'));
        assert.ok(points.some((p) => p.name === title && Math.abs(p.lat - 53.2) < 0.1 && p.url === href), JSON.stringify(points));
        const map = page.locator('.kp-map');
        assert.equal(await map.getAttribute('aria-label'), tt('Kaart met de plekken van de oproepen'));
        assert.equal(await map.locator('.leaflet-control-zoom').count(), 1, 'zoom buttons');
      }],
    });
  } finally {
    allProblems.push(...visitor.problems.map((p) => `${lang} visitor: ${p}`));
    await visitor.context.close();
  }
}

// ================================================================================================

async function exchangeJourney(t, lang) {
  const volunteerEmail = addUser(`vrijwilliger-${lang}`, 'volunteer');
  const newcomerEmail = addUser(`nieuwkomer-${lang}`, 'participant');
  const deskEmail = addUser(`helpdesk-${lang}`, 'help-desk', ['--region', 'Groningen']);
  const title = lang === 'ar'
    ? `رفيق للمشي والتحدث بالهولندية ${Date.now() % 100000}`
    : `Maatje om samen Nederlands te praten ${Date.now() % 100000}`;
  const description = lang === 'ar'
    ? 'نمشي معًا في المدينة ونتحدث بالهولندية والعربية.'
    : 'Samen wandelen door de stad en Nederlands praten. Ik spreek ook Arabisch.';
  const sessions = {};
  try {
    sessions.volunteer = await phone(t, lang, 'volunteer');
    await postOffer(t, lang, sessions.volunteer, { email: volunteerEmail, title, description });
    sessions.newcomer = await phone(t, lang, 'newcomer');
    await fillProfile(t, lang, sessions.newcomer, newcomerEmail);
    sessions.desk = await phone(t, lang, 'helpdesk');
    await helpDesk(t, lang, sessions.desk, { email: deskEmail, title, newcomerEmail });
    await publicList(t, lang, title);
    await matchAndMessages(t, lang, {
      volunteer: sessions.volunteer, newcomer: sessions.newcomer, title, volunteerEmail, newcomerEmail,
    });
  } finally {
    for (const [who, session] of Object.entries(sessions)) {
      allProblems.push(...session.problems.map((p) => `${lang} ${who}: ${p}`));
      await session.context.close();
    }
  }
}

Object.keys(kLanguages).forEach((lang) => {
  test(`supply and demand in ${lang} at 360×640: offer, profile, moderation, round, yes and yes, messages`, async (t) => {
    await exchangeJourney(t, lang);
  });
});

// ================================================================================================
// The posting form without JavaScript: 4 steps, "Terug" keeps what was typed.

test('the posting form works without JavaScript, through all 4 steps (Dutch, 360×640)', async (t) => {
  const lang = 'nl';
  const tt = (dutch) => tr(lang, dutch);
  const email = addUser('zonder-js', 'volunteer');
  const { context, page, problems } = await openPage(env.browser, { ...kPhone, javaScriptEnabled: false });
  const formPath = '/vraag-en-aanbod/nieuw';
  const next = () => navigate(page, () => page.getByRole('button', { name: tt('Verder'), exact: true }).click(), new RegExp(`${escape(formPath)}$`));
  let n = 0;
  // Each state: a screenshot and no horizontal scrolling (axe cannot run without JavaScript; the
  // same pages are checked with it in the journeys above).
  const shot = async (what) => {
    await screenshot(page, `exchange-nojs-${lang}-360-${String(++n).padStart(2, '0')}-${what}`);
    await t.test(`without JavaScript, ${what}: no horizontal scrolling`, () => assertNoHorizontalScroll(page, `no JavaScript ${what}`));
  };
  try {
    await page.goto(`${env.server.url}/inloggen?terug=${encodeURIComponent(`${formPath}?kant=request`)}`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill('groene fiets op de dijk');
    await navigate(page, () => page.locator('#password').press('Enter'), new RegExp(`${escape(formPath)}\\?kant=request$`));
    await shot('step-1');
    assert.ok(await page.getByRole('radio', { name: tt('Ik vraag iets'), exact: true }).isChecked());
    await page.getByRole('radio', { name: tt('Vrijwilligerswerk'), exact: true }).check();
    await next();
    await shot('step-2');
    const title = `Hulp bij de taalles op donderdag ${Date.now() % 100000}`;
    await page.getByLabel(tt('Titel'), { exact: true }).fill(title);
    await page.getByLabel(tt('Plaats (niet verplicht)')).fill('Groningen');
    await languageBox(page, lang, 'Nederlands').check();
    await next();
    await shot('step-3');
    await page.getByLabel(slotText(lang, 3, 0), { exact: true }).check();
    await page.getByLabel(tt('Aantal plekken')).fill('3');
    // Back to step 2 and forth again: nothing typed is lost.
    await navigate(page, () => page.getByRole('button', { name: tt('Terug'), exact: true }).click(), new RegExp(`${escape(formPath)}$`));
    await shot('back-to-step-2');
    await t.test('without JavaScript, "Terug" shows step 2 with what was typed', async () => {
      assert.equal(await page.getByLabel(tt('Titel'), { exact: true }).inputValue(), title);
      assert.equal(await page.getByLabel(tt('Plaats (niet verplicht)')).inputValue(), 'Groningen');
      assert.ok(await languageBox(page, lang, 'Nederlands').isChecked());
    });
    await next();
    await t.test('without JavaScript, step 3 again keeps the day part and the number of places', async () => {
      assert.ok(await page.getByLabel(slotText(lang, 3, 0), { exact: true }).isChecked());
      assert.equal(await page.getByLabel(tt('Aantal plekken')).inputValue(), '3');
    });
    await next();
    await shot('step-4');
    await page.getByLabel(tt('Vaardigheden (niet verplicht)')).fill('lesgeven, geduld');
    await navigate(page, () => page.getByRole('button', { name: tt('Versturen'), exact: true }).click(),
      /\/vraag-en-aanbod\/[0-9a-f-]{36}\?gelukt=wacht$/);
    await shot('sent');
    await t.test('without JavaScript, the request is sent and waits for the help desk, with all it was given', async () => {
      assert.equal((await page.locator('main h1').innerText()).trim(), title);
      assert.equal(await notice(page), tt('Je oproep is verstuurd. De helpdesk kijkt er eerst naar. Daarna staat hij open.'));
      const main = await page.locator('main').innerText();
      for (const text of [tt('Vraag'), tt('Vrijwilligerswerk'), 'Groningen', slotText(lang, 3, 0), 'lesgeven, geduld', tt('Wacht op controle door de helpdesk')]) {
        assert.ok(main.includes(text), `the page shows "${text}"`);
      }
      assert.equal(await page.locator('.kp-map, .leaflet-container').count(), 0, 'no map without JavaScript');
    });
  } finally {
    allProblems.push(...problems.map((p) => `no JavaScript: ${p}`));
    await context.close();
  }
});

// The forms answer 400 when they show errors; the browser logs that as a failed load.
test('the exchange pages report no script errors or Content-Security-Policy violations', () => {
  assert.deepEqual(allProblems.filter((p) => !/Failed to load resource: the server responded with a status of 400/.test(p)), []);
});
