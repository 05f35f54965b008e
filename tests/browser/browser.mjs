// Shared setup for the browser tests: Debian's Chromium driven by playwright-core, one
// Knooppunt server with the demo data per test file (startServer from the integration tests),
// map tiles blocked (the tile server is not reachable here, and the tests stay offline and
// fast), screenshots under test-artifacts/screenshots/, and small checks the journeys share.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { binary, root, startServer } from '../integration/knooppunt.mjs';

export { root, startServer };

export const chromiumPath = process.env.KNOOPPUNT_CHROMIUM || '/usr/bin/chromium';
export const screenshotDir = path.join(root, 'test-artifacts', 'screenshots');
export const kTileUrls = 'https://tile.openstreetmap.org/**';

// What the tests need before a browser starts; each missing piece is named with its remedy.
export function checkPrerequisites() {
  for (const module of ['playwright-core', '@axe-core/playwright']) {
    assert.ok(existsSync(path.join(root, 'node_modules', module)),
      `node_modules/${module} is missing: run "npm ci" in ${root}`);
  }
  assert.ok(existsSync(binary), `${binary} is missing: build it with "cmake --build build -j2"`);
  assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install chromium`);
  if (!existsSync(path.join(root, 'static', 'build', 'knooppunt.css'))) {
    const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-assets.mjs')],
      { cwd: root, encoding: 'utf8' });
    assert.equal(built.status, 0, `node scripts/build-assets.mjs failed: ${built.stderr}`);
  }
  mkdirSync(screenshotDir, { recursive: true });
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--no-first-run'],
  });
}

// Starts the server (with extra `config` lines) and the browser; returns { server, browser,
// close() }. Whatever started is stopped again if the other fails.
export async function setUp({ config = [] } = {}) {
  checkPrerequisites();
  const server = await startServer({ config });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    server,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
}

// A page in a fresh context (no cookies: the first visit is a newcomer's), Dutch browser
// locale, the given viewport, tiles blocked. `problems` collects script errors and
// Content-Security-Policy violations the page reports.
export async function openPage(browser, { width = 1280, height = 800, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({
    locale: 'nl-NL', viewport: { width, height }, javaScriptEnabled, reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(10000);
  context.setDefaultNavigationTimeout(15000);
  await context.route(kTileUrls, (route) => route.abort());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url || '';
    if (where.startsWith('https://tile.openstreetmap.org/')) return;  // blocked on purpose
    problems.push(`console error (${where}): ${message.text()}`);
  });
  return { context, page, problems };
}

// The page is no wider than its viewport: no horizontal scrolling (WCAG 1.4.10 Reflow).
export async function assertNoHorizontalScroll(page, what) {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const wide = [];
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.right > innerWidth + 1 || box.left < -1)) {
        const name = element.tagName.toLowerCase() + (element.id ? `#${element.id}` : '') +
          (element.classList.length ? `.${[...element.classList].join('.')}` : '');
        wide.push({ text: `${name} [${Math.round(box.left)}, ${Math.round(box.right)}]`, reach: Math.max(box.right - innerWidth, -box.left) });
      }
    }
    wide.sort((a, b) => b.reach - a.reach);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, wide: wide.slice(0, 6).map((w) => w.text) };
  });
  assert.ok(scrollWidth <= innerWidth,
    `${what}: horizontal scrolling at ${innerWidth} px (scrollWidth ${scrollWidth}); ` +
    `elements reaching past the viewport: ${wide.join('; ') || 'none found'}`);
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage, animations: 'disabled' });
}

// Clicks (or otherwise triggers with `act`) and waits for the new page whose URL matches.
export async function navigate(page, act, urlPattern) {
  await Promise.all([page.waitForURL(urlPattern, { waitUntil: 'load' }), act()]);
}

// Numbers in page text may be written with Arabic-Indic or Persian digits.
export function toAsciiDigits(text) {
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06F0));
}

export function firstNumber(text) {
  const match = toAsciiDigits(text).match(/\d+/);
  return match ? Number(match[0]) : NaN;
}

// axe-core violations, one readable block each.
export function formatViolations(violations) {
  return violations.map((v) => [
    `  [${v.impact}] ${v.id}: ${v.help}`,
    `    ${v.helpUrl}`,
    ...v.nodes.map((node) => `    - ${node.target.join(' ')}\n      ${(node.failureSummary || '').replace(/\n/g, '\n      ')}\n      ${node.html.slice(0, 200)}`),
  ].join('\n')).join('\n');
}
