// A newcomer's journey through the pages in Debian's Chromium: home → search by keyboard →
// a need tile → results → filter by a language → a service with its map; in Dutch and in
// Arabic (right to left), on a 360 px phone and a 1280 px desktop, and again with JavaScript
// off, where everything must still work and show no map. Screenshots of every step go to
// test-artifacts/screenshots/<lang>-<width>-<step>.png.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertNoHorizontalScroll, firstNumber, navigate, openPage, screenshot, setUp,
} from './browser.mjs';

const kLanguages = {
  nl: { prefix: '', dir: 'ltr', search: 'voedselbank' },
  ar: { prefix: '/ar', dir: 'rtl', search: 'الطعام' },
};
const kViewports = [{ width: 360, height: 640 }, { width: 1280, height: 800 }];
const kTopic = 'voedsel';
const kPreferredLanguages = ['ar', 'en'];  // the taal filter to choose, the first one offered

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Screenshot of a step, and the checks every page of the journey gets: right language and
// direction, no horizontal scrolling. On the desktop run also the 200 % zoom proxy: a browser
// zoomed to 200 % lays a 1280 px window out as a 640 CSS px viewport (deviceScaleFactor only
// sharpens the pixels and CSS zoom on <html> does not change the layout viewport, so neither
// tests reflow). So the page is laid out again at 640 px wide, must not scroll sideways, and
// is captured whole, then the viewport goes back.
async function step(page, journey, name) {
  const { lang, width, height, tag } = journey;
  assert.equal(await page.getAttribute('html', 'lang'), lang, `${name}: html lang`);
  assert.equal(await page.getAttribute('html', 'dir'), kLanguages[lang].dir, `${name}: html dir`);
  await screenshot(page, `${tag}-${name}`);  // first, so that a failing check has its picture
  await assertNoHorizontalScroll(page, `${tag} ${name}`);
  if (width >= 1280) {
    await page.setViewportSize({ width: width / 2, height: height / 2 });
    await page.waitForTimeout(300);  // Leaflet redraws after a resize
    await screenshot(page, `${tag.replace(String(width), `${width / 2}`)}-zoom200-${name}`);
    await assertNoHorizontalScroll(page, `${tag} ${name} at 200 % zoom (${width / 2} px)`);
    await page.setViewportSize({ width, height });
  }
}

async function resultCount(page) {
  return firstNumber(await page.locator('main [role="status"]').first().innerText());
}

// Tab from the top of the page: the skip link comes first, shows itself, and Enter moves the
// focus to <main>.
async function useSkipLink(page, what) {
  await page.keyboard.press('Tab');
  const skip = page.locator('a.kp-skip-link');
  assert.ok(await skip.evaluate((a) => a === document.activeElement), `${what}: first Tab reaches the skip link`);
  const shown = await skip.evaluate((a) => {
    const box = a.getBoundingClientRect();
    const style = getComputedStyle(a);
    return { width: box.width, height: box.height, top: box.top, left: box.left, right: box.right,
      clip: style.clipPath, visibility: style.visibility, opacity: style.opacity };
  });
  assert.ok(shown.width >= 40 && shown.height >= 24 && shown.clip === 'none' &&
    shown.visibility === 'visible' && Number(shown.opacity) > 0.9 &&
    shown.top >= 0 && shown.left >= 0 && shown.right <= page.viewportSize().width,
  `${what}: the focused skip link is not visible: ${JSON.stringify(shown)}`);
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => `${document.activeElement.tagName.toLowerCase()}#${document.activeElement.id}`);
  assert.equal(focused, 'main#inhoud', `${what}: Enter on the skip link moves focus to main`);
}

// Chooses a filter option. With JavaScript the form submits itself on change
// (a script may do that); without it the submit button does.
async function chooseFilter(page, form, radio, urlPattern) {
  const submittedItself = page.waitForURL(urlPattern, { timeout: 1500, waitUntil: 'load' })
    .then(() => true, () => false);
  await radio.click();
  if (!await submittedItself) {
    assert.ok(await radio.isChecked(), 'the option is checked');
    await navigate(page, () => form.locator('button[type="submit"]').click(), urlPattern);
  }
}

async function journey(journeyOptions) {
  const { lang, width, height, javaScriptEnabled } = journeyOptions;
  const { prefix, search } = kLanguages[lang];
  const tag = `${lang}-${width}${javaScriptEnabled ? '' : '-nojs'}`;
  const j = { ...journeyOptions, tag };
  const { context, page, problems } = await openPage(env.browser, { width, height, javaScriptEnabled });
  try {
    // Home, and the keyboard: skip link, then the search box, type, Enter.
    await page.goto(`${env.server.url}${prefix}/`);
    assert.equal(new URL(page.url()).pathname, `${prefix}/`, 'no redirect away from the chosen language');
    await step(page, j, '1-home');
    await useSkipLink(page, `${tag} home`);
    await screenshot(page, `${tag}-1-home-skip-link`, { fullPage: false });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q', 'Tab after the skip link reaches the search box');
    await page.keyboard.type(search);
    await navigate(page, () => page.keyboard.press('Enter'), new RegExp(`${escape(prefix)}/zoeken\\?`));
    assert.equal(new URL(page.url()).searchParams.get('q'), search);
    assert.ok(await page.locator('li.kp-result').count() > 0, `results for "${search}"`);
    await step(page, j, '2-search');

    // Back home through the brand link, then the need tile.
    await navigate(page, () => page.locator('.kp-brand a').click(), new RegExp(`${escape(prefix)}/$`));
    const tile = page.locator(`a.kp-tile[href="${prefix}/thema/${kTopic}"]`);
    assert.equal(await tile.count(), 1, `a tile for the need "${kTopic}"`);
    await navigate(page, () => tile.click(), new RegExp(`/thema/${kTopic}`));
    const topicTotal = await resultCount(page);
    assert.ok(topicTotal > 0, 'the topic page counts its results');
    assert.ok(await page.locator('li.kp-result').count() > 0, 'the topic page lists services');
    if (javaScriptEnabled) {
      await page.locator('.kp-map .leaflet-marker-icon').first().waitFor({ state: 'attached' });
    }
    await step(page, j, '3-topic');

    // Filter by a language that is offered, and submit.
    const form = page.locator('form.kp-filter-form');
    const offered = await form.locator('input[type="radio"][name="taal"]').evaluateAll(
      (radios) => radios.map((r) => r.value).filter(Boolean));
    assert.ok(offered.length > 0, 'the taal filter offers languages');
    const choice = kPreferredLanguages.find((code) => offered.includes(code)) ?? offered[0];
    const radio = form.locator(`input[type="radio"][name="taal"][value="${choice}"]`);
    const label = (await form.locator(`label[for="${await radio.getAttribute('id')}"]`).innerText())
      .replace(/\s*\([^)]*\)\s*$/, '').trim();
    const filtered = new RegExp(`[?&]taal=${choice}(&|$)`);
    await chooseFilter(page, form, radio, filtered);
    assert.ok(await page.locator(`form.kp-filter-form input[type="radio"][name="taal"][value="${choice}"]`).isChecked(), 'the chosen language stays checked');
    const results = page.locator('li.kp-result');
    assert.ok(await results.count() > 0, `services in ${label}`);
    for (const meta of await results.locator('.kp-meta').allInnerTexts()) {
      assert.ok(meta.includes(label), `every result offers ${label}: "${meta}"`);
    }
    await step(page, j, '4-filtered');

    // Open a service.
    const first = results.first().locator('h3 a');
    const name = (await first.innerText()).trim();
    await navigate(page, () => first.click(), /\/dienst\//);
    assert.equal((await page.locator('h1').innerText()).trim(), name, 'the service page of the clicked result');
    const anchor = page.locator('.kp-map-anchor');
    if (javaScriptEnabled) {
      const map = page.locator('.kp-map');
      await map.locator('.leaflet-map-pane').waitFor({ state: 'attached' });
      await map.locator('.leaflet-marker-icon').first().waitFor({ state: 'attached' });
      assert.equal(await map.locator('.leaflet-control-zoom').count(), 1, 'zoom buttons');
      const box = await map.boundingBox();
      assert.ok(box && box.height >= 200 && box.width >= 200, `the map has room: ${JSON.stringify(box)}`);
      assert.equal(await map.getAttribute('role'), 'region');
    } else {
      assert.ok(await anchor.count() > 0, 'the service has a place (the map placeholder is there)');
      assert.equal(await page.locator('.kp-map, .leaflet-container').count(), 0, 'no map without JavaScript');
      assert.equal(await anchor.first().innerHTML(), '', 'the placeholder stays empty');
    }
    await step(page, j, '5-service');
    return problems;
  } finally {
    await context.close();
  }
}

// Script errors and Content-Security-Policy violations the journeys' pages reported; checked
// in a test of their own so that the journeys say whether the pages work.
const pageProblems = [];

for (const lang of Object.keys(kLanguages)) {
  for (const { width, height } of kViewports) {
    test(`journey in ${lang} at ${width}×${height}: home, search, need tile, language filter, service with map`, async () => {
      const problems = await journey({ lang, width, height, javaScriptEnabled: true });
      pageProblems.push(...problems.map((p) => `${lang}-${width}: ${p}`));
    });
  }
}

test('the journeys\' pages report no script errors or Content-Security-Policy violations', () => {
  const unique = [...new Set(pageProblems.map((p) => p.replace(/^\S+: /, '')))];
  assert.deepEqual(unique, [], `the browser reported (each message once):\n  ${unique.join('\n  ')}`);
});

for (const lang of Object.keys(kLanguages)) {
  test(`journey in ${lang} at 360×640 without JavaScript: everything works, no map`, async () => {
    await journey({ lang, width: 360, height: 640, javaScriptEnabled: false });
  });
}

// The list is complete without JavaScript: following the pages of a topic shows every result
// the count announces, and exactly the services the JavaScript page shows.
test('without JavaScript the topic list is complete and the same as with JavaScript', async () => {
  const hrefs = async (javaScriptEnabled) => {
    const { context, page } = await openPage(env.browser, { width: 360, height: 640, javaScriptEnabled });
    try {
      await page.goto(`${env.server.url}/thema/${kTopic}`);
      const total = await resultCount(page);
      const seen = [];
      for (let pages = 0; ; pages++) {
        assert.ok(pages < 20, 'pagination ends');
        seen.push(...await page.locator('li.kp-result h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))));
        const next = page.locator('.kp-pagination a[rel="next"]');
        if (await next.count() === 0) break;
        await navigate(page, () => next.click(), /[?&]pagina=\d+/);
      }
      assert.equal(seen.length, total, `the pages list all ${total} results the count announces`);
      assert.equal(new Set(seen).size, seen.length, 'no service twice');
      return seen;
    } finally {
      await context.close();
    }
  };
  const withoutScript = await hrefs(false);
  assert.deepEqual(withoutScript, await hrefs(true));
});

// Without JavaScript the report form still answers: errors for an empty message, thanks after.
test('without JavaScript the report form shows its errors and accepts a report', async () => {
  const { context, page } = await openPage(env.browser, { width: 360, height: 640, javaScriptEnabled: false });
  try {
    await page.goto(`${env.server.url}/thema/${kTopic}`);
    await navigate(page, () => page.locator('li.kp-result h3 a').first().click(), /\/dienst\//);
    const service = new URL(page.url()).pathname;
    const form = page.locator('form.kp-form');
    await navigate(page, () => form.locator('button[type="submit"]').click(), new RegExp(`${escape(service)}`));
    const summary = page.locator('.kp-notice--error[role="alert"]');
    assert.equal(await summary.count(), 1, 'an error summary');
    assert.ok(await summary.locator('a[href="#bericht"]').count() > 0, 'the summary links to the message field');
    assert.equal(await page.locator('#bericht').getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'nl-360-nojs-6-report-errors');
    await page.locator('#bericht').fill('Het telefoonnummer is veranderd.');
    await navigate(page, () => page.locator('form.kp-form button[type="submit"]').click(), new RegExp(`${escape(service)}`));
    assert.equal(await page.locator('.kp-notice--error').count(), 0, 'no errors after a valid report');
    assert.equal(await page.locator('.kp-form-section [role="status"]').count(), 1, 'a thank-you notice');
    await screenshot(page, 'nl-360-nojs-7-report-thanks');
  } finally {
    await context.close();
  }
});

// Choosing a language on a topic page narrows that topic: the results are the ones the filter
// label counted, all still in the topic.
for (const javaScriptEnabled of [false, true]) {
  test(`a language filter on a topic page keeps the topic (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const { context, page } = await openPage(env.browser, { width: 1280, height: 800, javaScriptEnabled });
    try {
      await page.goto(`${env.server.url}/thema/${kTopic}`);
      const form = page.locator('form.kp-filter-form');
      const radio = form.locator('input[type="radio"][name="taal"][value="ar"]');
      assert.equal(await radio.count(), 1, 'Arabic is offered for this topic in the demo data');
      const counted = firstNumber(await form.locator(`label[for="${await radio.getAttribute('id')}"]`).innerText());
      await chooseFilter(page, form, radio, /[?&]taal=ar(&|$)/);
      const url = new URL(page.url());
      const keptTopic = url.pathname.endsWith(`/thema/${kTopic}`) || url.searchParams.get('thema') === kTopic;
      const total = await resultCount(page);
      assert.ok(keptTopic && total === counted,
        `after choosing "Arabic (${counted})" on /thema/${kTopic} the page is ${url.pathname}${url.search} ` +
        `with ${total} results: the topic was ${keptTopic ? 'kept' : 'dropped'}; expected the ${counted} ` +
        `${kTopic} services the label counted (the filter form posts to /zoeken without thema)`);
    } finally {
      await context.close();
    }
  });
}
