// Browser tests: the information pages in Debian's Chromium (playwright-core),
// checked with axe-core, by keyboard, with JavaScript off and when printed.
// Screenshots of the treatment page go to test-results/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root, startCairn } from '../http/cairn_server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(root, 'test-results', 'screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const TREATMENT = '/about-cancer/leptomeningeal-metastases/treatment';

// The <h1> each page must show is its title in the content's front matter.
function titleOf(file) {
  const match = readFileSync(join(root, 'content', 'pages', file), 'utf8').match(/^title:\s*(.+)$/m);
  assert.ok(match, `${file} has a title`);
  return match[1].trim().replace(/^(['"])(.*)\1$/, '$2');
}

const PAGES = [
  { path: '/', file: 'index.md' },
  { path: '/about-cancer/leptomeningeal-metastases', file: 'about-cancer/leptomeningeal-metastases/index.md' },
  { path: TREATMENT, file: 'about-cancer/leptomeningeal-metastases/treatment.md' },
  { path: '/about-cancer/leptomeningeal-metastases/research', file: 'about-cancer/leptomeningeal-metastases/research.md' },
  { path: '/about-cancer/leptomeningeal-metastases/living-with', file: 'about-cancer/leptomeningeal-metastases/living-with.md' },
  { path: '/about-cancer/cancer-types', file: 'about-cancer/cancer-types.md' },
  { path: '/about', file: 'about.md' },
  { path: '/contact', file: 'contact.md' },
  { path: '/privacy', file: 'privacy.md' },
  { path: '/cookies', file: 'cookies.md' },
  { path: '/accessibility', file: 'accessibility.md' },
].map((p) => ({ ...p, status: 200, h1: titleOf(p.file) }));
const NOT_FOUND = { path: '/about-cancer/no-such-page', status: 404, h1: 'Page not found' };
// Site search arrived later than the information pages; a build without it
// skips this one rather than failing.
const SEARCH = { path: '/search?q=chemotherapy', status: 200, h1: 'Search results for chemotherapy', optional: true };

// web/vendor/ is generated (git-ignored); build it if this checkout has not.
function ensureVendorAssets() {
  const css = join(root, 'web', 'vendor', 'nhsuk-frontend.css');
  const script = join(root, 'scripts', 'build-web.mjs');
  if (!existsSync(css) || statSync(script).mtimeMs > statSync(css).mtimeMs) {
    execFileSync(process.execPath, [script], { cwd: root, stdio: 'inherit' });
  }
}

let server;
let browser;

before(async () => {
  ensureVendorAssets();
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startCairn();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  if (server) {
    const { code, signal } = await server.stop();
    assert.ok(code === 0 || signal === 'SIGTERM', `cairn stopped cleanly (code ${code}, signal ${signal})`);
  }
});

// A page plus everything that went wrong while it was open: console errors
// (CSP violations are reported there), uncaught exceptions, and same-origin
// requests that failed. `expected` lists URLs allowed to fail.
async function open(path, { viewport = { width: 1280, height: 900 }, javaScriptEnabled = true,
  expectStatus = 200, allowFailing = [] } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled });
  const page = await context.newPage();
  const problems = [];
  const allowed = (url) => allowFailing.some((part) => url.includes(part));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    // A 404 the test asked for shows as "Failed to load resource".
    if (msg.text().startsWith('Failed to load resource') && (allowed(where) || where === page.url())) return;
    problems.push(`console error: ${msg.text()} ${where}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (!allowed(req.url())) problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    const url = res.url();
    if (url.startsWith(server.base) && res.status() >= 400 && url !== `${server.base}${path}` && !allowed(url)) {
      problems.push(`HTTP ${res.status()} for ${url}`);
    }
  });
  const response = await page.goto(`${server.base}${path}`, { waitUntil: 'load' });
  assert.equal(response.status(), expectStatus, `status of ${path}`);
  return { page, context, problems };
}

function assertNoProblems(problems, what) {
  assert.deepEqual(problems, [], `${what}:\n  ${problems.join('\n  ')}`);
}

const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

// axe is evaluated as text: a <script> tag would be blocked by our CSP.
async function axeViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS);
  return results.violations;
}

function describeViolations(violations) {
  return violations.map((v) => [
    `${v.id} (${v.impact}): ${v.help}`,
    `  ${v.helpUrl}`,
    ...v.nodes.slice(0, 5).map((n) => `  - ${n.target.join(' ')}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
  ].join('\n')).join('\n');
}

describe('every page', () => {
  for (const spec of [...PAGES, NOT_FOUND, SEARCH]) {
    test(`${spec.path} loads cleanly, has the right heading and no axe violations`, async (t) => {
      if (spec.optional && (await fetch(`${server.base}${spec.path}`)).status === 404) {
        t.skip('not in this build');
        return;
      }
      const { page, context, problems } = await open(spec.path, { expectStatus: spec.status });
      try {
        const h1s = await page.locator('h1').allTextContents();
        assert.deepEqual(h1s.map((t) => t.trim()), [spec.h1], 'exactly one <h1>, the page title');
        assert.match(await page.title(), new RegExp(spec.h1.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        // Our stylesheets were applied (a missing asset would leave the header unstyled).
        const headerBg = await page.locator('header.nhsuk-header').evaluate((el) => getComputedStyle(el).backgroundColor);
        assert.equal(headerBg, 'rgb(0, 94, 184)', 'the header is NHS blue');
        assert.equal(await page.evaluate(() => document.body.classList.contains('js-enabled')), true,
          'cairn.js ran');
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe found problems on ${spec.path}:\n${describeViolations(violations)}`);
        assertNoProblems(problems, spec.path);
      } finally {
        await context.close();
      }
    });
  }

  test('the 404 page is also axe-clean on a phone', async () => {
    const { page, context, problems } = await open(NOT_FOUND.path,
      { viewport: { width: 320, height: 640 }, expectStatus: 404 });
    try {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      assertNoProblems(problems, NOT_FOUND.path);
    } finally {
      await context.close();
    }
  });
});

describe('the treatment page', () => {
  test('expanders open from the keyboard with Enter and with Space', async () => {
    const { page, context, problems } = await open(TREATMENT);
    try {
      const expanders = page.locator('details.nhsuk-expander');
      assert.ok(await expanders.count() >= 2, 'the page has expanders');
      for (const [index, key] of [[0, 'Enter'], [1, ' ']]) {
        const details = expanders.nth(index);
        const text = details.locator('.nhsuk-details__text');
        assert.equal(await details.getAttribute('open'), null, 'closed at first');
        assert.equal(await text.isVisible(), false, 'text hidden while closed');
        await details.locator('summary').focus();
        assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY');
        await page.keyboard.press(key);
        await page.waitForFunction((el) => el.open, await details.elementHandle());
        assert.equal(await text.isVisible(), true, `text shows after pressing ${JSON.stringify(key)}`);
        assert.ok((await text.innerText()).trim().length > 20, 'the expander has text');
        await page.keyboard.press(key);
        await page.waitForFunction((el) => !el.open, await details.elementHandle());
      }
      // And a real Tab from the element before the first summary reaches it.
      const first = expanders.first().locator('summary');
      await first.evaluate((el) => {
        const before = document.createElement('button');
        before.id = 'tab-start';
        before.textContent = 'start';
        el.closest('details').before(before);
      });
      await page.locator('#tab-start').focus();
      await page.keyboard.press('Tab');
      assert.equal(await first.evaluate((el) => el === document.activeElement), true, 'Tab reaches the summary');
      await page.keyboard.press('Enter');
      assert.equal(await expanders.first().evaluate((el) => el.open), true);
      assertNoProblems(problems, TREATMENT);
    } finally {
      await context.close();
    }
  });

  test('every contents link goes to its section', async () => {
    const { page, context, problems } = await open(TREATMENT, { viewport: { width: 375, height: 812 } });
    try {
      const links = page.locator('.nhsuk-contents-list a');
      const count = await links.count();
      assert.ok(count >= 2, 'there is a contents list');
      for (let i = 0; i < count; i++) {
        const link = links.nth(i);
        const href = await link.getAttribute('href');
        const label = (await link.innerText()).trim();
        assert.match(href, /^#[a-z0-9-]+$/);
        const target = page.locator(href);
        assert.equal(await target.count(), 1, `${href} exists once`);
        assert.equal((await target.innerText()).trim(), label, `${href} is the heading "${label}"`);
        await link.click();
        await page.waitForFunction((h) => location.hash === h, href);
        const top = await target.evaluate((el) => el.getBoundingClientRect().top);
        assert.ok(top >= 0 && top < 100, `${href} scrolled to the top of the window (top ${top})`);
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      assertNoProblems(problems, TREATMENT);
    } finally {
      await context.close();
    }
  });

  test('the skip link is the first Tab stop and moves focus to the main content', async () => {
    const { page, context, problems } = await open(TREATMENT);
    try {
      await page.keyboard.press('Tab');
      const skip = page.locator('.nhsuk-skip-link');
      assert.equal(await skip.evaluate((el) => el === document.activeElement), true, 'first Tab stop');
      assert.equal(await skip.isVisible(), true, 'visible when focused');
      const box = await skip.boundingBox();
      assert.ok(box.height >= 24 && box.width >= 24, 'a target of at least 24 by 24 pixels');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#maincontent');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'maincontent', 'focus is on main');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => !!document.activeElement?.closest('main')), true,
        'the next Tab stop is inside main, not the header');
      assertNoProblems(problems, TREATMENT);
    } finally {
      await context.close();
    }
  });

  test('screenshots at phone and desktop width, with nothing wider than the screen', async () => {
    for (const [name, viewport] of [['phone', { width: 375, height: 812 }], ['desktop', { width: 1280, height: 900 }],
      ['small-phone', { width: 320, height: 640 }]]) {
      const { page, context, problems } = await open(TREATMENT, { viewport });
      try {
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= viewport.width, `no sideways scrolling at ${viewport.width}px (${scrollWidth})`);
        // WCAG 2.2 target size: header and navigation links at least 24px each way.
        const small = await page.evaluate(() => [...document.querySelectorAll(
          'header a, header button, header input, .nhsuk-contents-list a, footer a')]
          .map((el) => ({ el: el.textContent.trim() || el.outerHTML.slice(0, 40), r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
          .map(({ el, r }) => `${el} ${Math.round(r.width)}x${Math.round(r.height)}`));
        assert.deepEqual(small, [], `targets under 24px at ${viewport.width}px`);
        await page.screenshot({ path: join(SCREENSHOTS, `treatment-${name}.png`), fullPage: true });
        assertNoProblems(problems, `${TREATMENT} at ${viewport.width}px`);
      } finally {
        await context.close();
      }
    }
    assert.ok(readdirSync(SCREENSHOTS).includes('treatment-phone.png'));
    assert.ok(readdirSync(SCREENSHOTS).includes('treatment-desktop.png'));
  });

  test('printing opens every expander and hides the navigation', async () => {
    const { page, context, problems } = await open(TREATMENT);
    try {
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      const state = await page.evaluate(() => ({
        closed: document.querySelectorAll('details:not([open])').length,
        hiddenText: [...document.querySelectorAll('.nhsuk-details__text')]
          .filter((el) => getComputedStyle(el).display === 'none').length,
        nav: getComputedStyle(document.querySelector('.cairn-nav')).display,
        search: getComputedStyle(document.querySelector('.nhsuk-header__search')).display,
        donate: getComputedStyle(document.querySelector('.cairn-donate')).display,
        skip: getComputedStyle(document.querySelector('.nhsuk-skip-link')).display,
        external: getComputedStyle(document.querySelector('.cairn-sources a[href^="https://"]'), '::after').content,
        bodyColour: getComputedStyle(document.querySelector('main p')).color,
      }));
      assert.equal(state.closed, 0, 'every <details> is open for printing');
      assert.equal(state.hiddenText, 0, 'expander text is shown');
      for (const part of ['nav', 'search', 'donate', 'skip']) assert.equal(state[part], 'none', `${part} is hidden`);
      assert.match(state.external, /\(https:\/\//, 'external links show their address');
      assert.equal(state.bodyColour, 'rgb(0, 0, 0)', 'black text');
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      assert.equal(await page.locator('details[open]').count(), 0, 'expanders closed again after printing');
      assertNoProblems(problems, TREATMENT);
    } finally {
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  test('expanders open by click and the search form submits to /search', async () => {
    const { page, context, problems } = await open(TREATMENT, { javaScriptEnabled: false });
    try {
      assert.equal(await page.evaluate(() => document.body.classList.contains('js-enabled')), false,
        'JavaScript really is off');
      const details = page.locator('details.nhsuk-expander').first();
      await details.locator('summary').click();
      assert.equal(await details.evaluate((el) => el.open), true);
      assert.equal(await details.locator('.nhsuk-details__text').isVisible(), true);

      await page.locator('#search-field').fill('intrathecal chemotherapy');
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/search'),
        page.locator('#search-field').press('Enter'),
      ]);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('q'), 'intrathecal chemotherapy');
      // Any error about the search page itself is another part's business;
      // here only the form matters.
      assertNoProblems(problems.filter((p) => !p.includes('/search')), 'no-JS treatment page');
    } finally {
      await context.close();
    }
  });
});

describe('search suggestions', () => {
  // Until site search lands the endpoint is a 404; later it may fail in
  // other ways. The search box must stay a plain, working search box.
  for (const [how, answer] of [
    ['answers 404', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Page not found</h1>' })],
    ['fails on the network', (route) => route.abort('connectionrefused')],
    ['answers something that is not JSON', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>oops' })],
  ]) {
    test(`typing causes no errors when the suggestion endpoint ${how}`, async () => {
      const { page, context, problems } = await open('/', { allowFailing: ['/api/v1/suggest'] });
      try {
        await page.route('**/api/v1/suggest?*', answer);
        const input = page.locator('#search-field');
        assert.equal(await input.getAttribute('role'), 'combobox');
        const listId = await input.getAttribute('aria-controls');
        assert.equal(await page.locator(`#${listId}[role="listbox"]`).count(), 1, 'aria-controls names the listbox');
        const asked = page.waitForRequest((req) => req.url().includes('/api/v1/suggest?q=lep'));
        await input.pressSequentially('lepto', { delay: 30 });
        await asked;
        await page.waitForTimeout(400);
        assert.equal(await input.getAttribute('aria-expanded'), 'false');
        assert.equal(await page.locator(`#${listId}`).isVisible(), false);
        assert.equal(await input.inputValue(), 'lepto', 'the typed text is untouched');
        await Promise.all([page.waitForURL((url) => url.pathname === '/search'), input.press('Enter')]);
        assert.equal(new URL(page.url()).searchParams.get('q'), 'lepto', 'Enter still searches');
        assertNoProblems(problems.filter((p) => !p.includes('/search')), 'typing into search');
      } finally {
        await context.close();
      }
    });
  }

  test('typing against the real server causes no script errors', async () => {
    const { page, context, problems } = await open('/', { allowFailing: ['/api/v1/suggest'] });
    try {
      const input = page.locator('#search-field');
      const answered = page.waitForResponse((res) => res.url().includes('/api/v1/suggest?q=chemo'));
      await input.pressSequentially('chemo', { delay: 30 });
      const response = await answered;
      await page.waitForTimeout(300);
      if (response.ok()) {
        // Site search is here: whatever it suggests is shown as options.
        const json = await response.json();
        const expected = (Array.isArray(json) ? json : json.suggestions ?? []).length;
        assert.equal(await page.locator('[role="option"]').count(), Math.min(expected, 8));
        assert.equal(await input.getAttribute('aria-expanded'), expected > 0 ? 'true' : 'false');
      } else {
        assert.equal(await input.getAttribute('aria-expanded'), 'false');
      }
      assertNoProblems(problems, 'typing into search');
    } finally {
      await context.close();
    }
  });

  // The endpoint comes with site search; a stubbed route checks the combobox.
  for (const [shape, body] of [['an array', ['leptomeningeal metastases', 'lumbar puncture']],
    ['{suggestions: [...]}', { suggestions: ['leptomeningeal metastases', 'lumbar puncture'] }]]) {
    test(`a stubbed endpoint answering ${shape} gives a keyboard-usable listbox`, async () => {
      const { page, context, problems } = await open('/');
      try {
        const queries = [];
        await page.route('**/api/v1/suggest?*', (route) => {
          queries.push(new URL(route.request().url()).searchParams.get('q'));
          return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
        });
        const input = page.locator('#search-field');
        await input.pressSequentially('l');
        await page.waitForTimeout(300);
        assert.deepEqual(queries, [], 'one letter does not ask');
        await input.pressSequentially('ep');
        const options = page.locator('[role="option"]');
        await options.first().waitFor();
        assert.equal(await input.getAttribute('aria-expanded'), 'true');
        assert.deepEqual(await options.allTextContents(), ['leptomeningeal metastases', 'lumbar puncture']);
        assert.ok(queries.length >= 1 && queries.length <= 2, `debounced (${queries.join(', ')})`);

        await input.press('ArrowDown');
        await input.press('ArrowDown');
        const activeId = await input.getAttribute('aria-activedescendant');
        assert.equal(await page.locator(`#${activeId}`).innerText(), 'lumbar puncture');
        assert.equal(await page.locator(`#${activeId}`).getAttribute('aria-selected'), 'true');
        await input.press('ArrowDown');
        assert.equal(await page.locator(`#${await input.getAttribute('aria-activedescendant')}`).innerText(),
          'leptomeningeal metastases', 'wraps round');

        await input.press('Escape');
        assert.equal(await input.getAttribute('aria-expanded'), 'false');
        assert.equal(await input.getAttribute('aria-activedescendant'), null);

        await input.pressSequentially('t');
        await options.first().waitFor();
        await input.press('ArrowUp');
        await Promise.all([
          page.waitForURL((url) => url.pathname === '/search'),
          input.press('Enter'),
        ]);
        assert.equal(new URL(page.url()).searchParams.get('q'), 'lumbar puncture');
        assertNoProblems(problems.filter((p) => !p.includes('/search')), 'suggestions');
      } finally {
        await context.close();
      }
    });
  }
});

// Most readers are on a phone: the header stays small, the menu opens in place,
// the word list waits to be asked for and the A to Z shows its entries first.
describe('on a phone (390 x 844)', () => {
  const PHONE = { width: 390, height: 844 };
  const LM = '/about-cancer/leptomeningeal-metastases';

  test('the header is under 120px and the menu opens and closes in place', async () => {
    const { page, context, problems } = await open(LM, { viewport: PHONE });
    try {
      const header = await page.locator('header.nhsuk-header').boundingBox();
      assert.ok(header.height <= 120, `header is ${header.height}px tall`);
      const nav = page.locator('#cairn-menu');
      assert.equal(await nav.isVisible(), false, 'the menu is closed at first');
      const toggle = page.locator('.cairn-menu-toggle');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      for (const name of ['Find a clinical trial', 'Nurse helpline', 'My account', 'Donate']) {
        assert.ok(await nav.getByRole('link', { name, exact: true }).isVisible(), `${name} is in the open menu`);
      }
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      await nav.getByRole('link', { name: 'Close menu' }).click();
      assert.equal(await nav.isVisible(), false, 'Close menu closes it');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'cairn-menu-toggle',
        'focus goes back to the Menu button');
      assertNoProblems(problems, LM);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the Menu link still shows the menu', async () => {
    const { page, context, problems } = await open(LM, { viewport: PHONE, javaScriptEnabled: false });
    try {
      await page.locator('.cairn-menu-toggle').click();
      assert.equal(new URL(page.url()).hash, '#cairn-menu');
      assert.ok(await page.locator('#cairn-menu').getByRole('link', { name: 'Find a clinical trial' }).isVisible());
      assertNoProblems(problems, LM);
    } finally {
      await context.close();
    }
  });

  test('the word list is closed; a word opens it and "Back to where you were" returns', async () => {
    const { page, context, problems } = await open(TREATMENT, { viewport: PHONE });
    try {
      const details = page.locator('.cairn-glossary details');
      assert.equal(await details.evaluate((d) => d.open), false, 'closed at first');
      const listHeight = (await page.locator('.cairn-glossary').boundingBox()).height;
      assert.ok(listHeight < 150, `the closed list is ${listHeight}px tall`);
      const term = page.locator('article a.cairn-term').first();
      const key = (await term.getAttribute('href')).slice('#term-'.length);
      await term.click();
      assert.equal(await details.evaluate((d) => d.open), true, 'a word opens the list');
      assert.ok(await page.locator(`#term-${key}`).isVisible(), 'its explanation is shown');
      await page.locator(`#term-${key} + dd a.cairn-term-back`).click();
      assert.equal(new URL(page.url()).hash, `#use-${key}`);
      const back = await page.locator(`#use-${key}`).boundingBox();
      assert.ok(back.y >= 0 && back.y < PHONE.height, `the word is on screen again (${back.y})`);
      assertNoProblems(problems, TREATMENT);
    } finally {
      await context.close();
    }
  });

  test('the A to Z shows its first entry on the first screen, with letter links', async () => {
    const { page, context, problems } = await open('/about-cancer/cancer-types', { viewport: PHONE });
    try {
      const entry = await page.locator('.cairn-a-to-z a').first().boundingBox();
      assert.ok(entry.y + entry.height <= PHONE.height, `the first entry ends at ${entry.y + entry.height}px`);
      const letters = page.locator('.cairn-letters a');
      assert.ok((await letters.count()) >= 1);
      await letters.filter({ hasText: /^L$/ }).click();
      assert.equal(new URL(page.url()).hash, '#letter-L');
      // A letter with no cancer type is shown but is not a link to nowhere.
      assert.equal(await letters.filter({ hasText: /^Q$/ }).count(), 0);
      assert.equal(await page.locator('.cairn-letters__empty', { hasText: 'Q' }).count(), 1);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      await page.screenshot({ path: join(SCREENSHOTS, 'a-to-z-phone.png') });
      assertNoProblems(problems, 'A to Z');
    } finally {
      await context.close();
    }
  });

  test('every page says it is demo content and links to privacy, cookies, accessibility, contact and about', async () => {
    const { page, context, problems } = await open(TREATMENT, { viewport: PHONE });
    try {
      assert.match(await page.locator('.cairn-page-note').textContent(), /not been reviewed by a doctor or nurse/);
      assert.equal(await page.locator('.cairn-review--overdue').count(), 0, 'no page is overdue for review');
      const footer = page.locator('footer');
      for (const [name, href] of [['Privacy', '/privacy'], ['Cookies', '/cookies'], ['Accessibility', '/accessibility'],
        ['Contact us', '/contact'], ['About us', '/about']]) {
        assert.equal(await footer.getByRole('link', { name, exact: true }).getAttribute('href'), href);
      }
      await page.screenshot({ path: join(SCREENSHOTS, 'treatment-phone-top.png') });
      assertNoProblems(problems, TREATMENT);
    } finally {
      await context.close();
    }
  });
});
