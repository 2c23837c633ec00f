// Browser tests for site search and the trial finder, in Debian's Chromium
// (playwright-core) with the real ClinicalTrials.gov records imported: the pages
// load without console errors and pass axe, and the trial finder form works
// with JavaScript off.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { root, startCairn } from '../http/cairn_server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const TRIALS = resolve(root, '../shared/data/trials');

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
let trialId;  // a cancer trial with UK sites and contacts: the fullest trial page

before(async () => {
  ensureVendorAssets();
  server = await startCairn({ trials: [TRIALS] });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  assert.ok((await (await fetch(`${server.base}/api/v1/trials`)).json()).total > 0,
    'a recruiting UK trial was imported');
  // Of the cancer trials in the files only one not yet recruiting has UK sites and contacts.
  const found = await (await fetch(`${server.base}/api/v1/trials?status=any`)).json();
  // Not every record has contacts and a summary (some were fetched with fewer fields).
  const pages = Math.ceil(found.total / found.page_size);
  for (let n = 1; n <= pages && !trialId; n++) {
    const { results } = n === 1 ? found
      : await (await fetch(`${server.base}/api/v1/trials?status=any&page=${n}`)).json();
    for (const hit of results) {
      const trial = await (await fetch(`${server.base}/api/v1/trials/${hit.nct_id}`)).json();
      if (trial.contacts.length > 0 && trial.summary) { trialId = hit.nct_id; break; }
    }
  }
  assert.ok(trialId, 'a UK cancer trial with contacts and a summary');
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
// requests that failed.
async function open(path, { viewport = { width: 1280, height: 900 }, javaScriptEnabled = true,
  expectStatus = 200 } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    // An error status the test asked for shows as "Failed to load resource".
    if (msg.text().startsWith('Failed to load resource') && where === page.url() && expectStatus >= 400) return;
    problems.push(`console error: ${msg.text()} ${where}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    const url = res.url();
    if (url.startsWith(server.base) && res.status() >= 400 && url !== `${server.base}${path}`) {
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

describe('search and trial pages load cleanly and pass axe', () => {
  const SPECS = [
    { path: '/search?q=chemotherapy', h1: 'Search results for chemotherapy', check: async (page) => {
      const pages = page.locator('.cairn-results:not(.cairn-results--others) > .cairn-result');
      assert.ok(await pages.count() > 0, 'information pages first');
      assert.ok(await pages.locator('mark').count() > 0, 'matched words are highlighted');
      assert.equal(await page.locator('#search-others-trials + p + .cairn-results > .cairn-result').count(), 3,
        'then three trials apart');
      assert.equal(await page.locator('.cairn-search-others .cairn-result__snippet').count(), 0,
        'trials show no line from their record');
      assert.equal(await page.locator('.cairn-facets a').count(), 3, 'facets: all, information, trials');
    } },
    { path: '/search?q=leptomeningial', h1: 'Search results for leptomeningial', check: async (page) => {
      assert.match(await page.locator('.cairn-did-you-mean').innerText(), /leptomeningeal/);
    } },
    { path: '/search?q=what%20is%20CSF', h1: 'Search results for what is CSF', check: async (page) => {
      assert.equal(await page.locator('.cairn-search-answer h2').innerText(), 'Cerebrospinal fluid (CSF)');
      assert.equal(await page.locator('form.cairn-search-form').isVisible(), true, 'the form on a wide screen');
    } },
    { path: '/search', h1: 'Search' },
    { path: '/trials?country=any&status=any', h1: 'Find a clinical trial', check: async (page) => {
      assert.equal(await page.locator('.cairn-trial-card').count(), 20, 'a page of 20 trials');
      assert.match(await page.locator('#results').innerText(), /^\d+ trials found$/);
    } },
    { path: '/trials?country=any&status=any&near=Manchester&distance=50&sort=distance', h1: 'Find a clinical trial',
      check: async (page) => {
        assert.match(await page.locator('#results').innerText(), /trials? found near Manchester/);
      } },
    { path: '/trials?near=Nowhereville', h1: 'Find a clinical trial', status: 400, check: async (page) => {
      assert.equal(await page.locator('.nhsuk-error-summary').count(), 1);
      assert.equal(await page.locator('#near-error').count(), 1);
    } },
    { path: () => `/trials/${trialId}`, name: '/trials/<a UK cancer trial>', h1: null, check: async (page) => {
      for (const id of ['who', 'where', 'how']) assert.equal(await page.locator(`h2#${id}`).count(), 1, `#${id}`);
      // The full record, and (when the record is over a year old) the warning's link too.
      const record = page.locator(`a[href="https://clinicaltrials.gov/study/${trialId}"]`);
      assert.equal(await record.filter({ hasText: 'See the full record on ClinicalTrials.gov' }).count(), 1);
      const stale = await page.locator('.cairn-trial-stale').count();
      assert.equal(await record.count(), 1 + stale);
    } },
  ];
  for (const spec of SPECS) {
    test(`${spec.name ?? spec.path}: no console errors, one <h1>, no axe violations`, async () => {
      const path = typeof spec.path === 'function' ? spec.path() : spec.path;
      const { page, context, problems } = await open(path, { expectStatus: spec.status ?? 200 });
      try {
        const h1s = (await page.locator('h1').allTextContents()).map((s) => s.trim());
        assert.equal(h1s.length, 1, `exactly one <h1> on ${path}`);
        if (spec.h1) assert.equal(h1s[0], spec.h1);
        assert.equal(await page.evaluate(() => document.body.classList.contains('js-enabled')), true, 'cairn.js ran');
        if (spec.check) await spec.check(page);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe found problems on ${path}:\n${describeViolations(violations)}`);
        assertNoProblems(problems, path);
      } finally {
        await context.close();
      }
    });
  }

  test('the trial page is axe-clean on a phone too, with nothing wider than the screen', async () => {
    const viewport = { width: 320, height: 640 };
    for (const path of [`/trials/${trialId}`, '/trials?country=any&status=any', '/search?q=chemotherapy']) {
      const { page, context, problems } = await open(path, { viewport });
      try {
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= viewport.width, `${path}: no sideways scrolling (${scrollWidth}px)`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `${path}:\n${describeViolations(violations)}`);
        assertNoProblems(problems, path);
      } finally {
        await context.close();
      }
    }
  });
});

describe('on a phone (390 x 844)', () => {
  const viewport = { width: 390, height: 844 };

  test('/trials shows the first result above the fold, the filters after the results', async () => {
    const { page, context, problems } = await open('/trials', { viewport });
    try {
      const first = await page.locator('.cairn-trial-card h3').first().boundingBox();
      assert.ok(first && first.y < viewport.height, `first result's top at ${first?.y}px, above ${viewport.height}px`);
      const filters = await page.locator('#filters').boundingBox();
      assert.ok(filters.y > first.y, 'the filters come after the results');
      // The jump link takes the reader to them.
      await page.getByRole('link', { name: 'Filter results', exact: true }).click();
      assert.equal(await page.evaluate(() => location.hash), '#filters');
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `/trials:\n${describeViolations(violations)}`);
      assertNoProblems(problems, '/trials on a phone');
    } finally {
      await context.close();
    }
  });

  // What answers the question is on the first screen: a medical word's meaning, the
  // "did you mean", and the first information page.
  for (const [path, wanted] of [
    ['/search?q=prognosis', ['.cairn-results .cairn-result h2']],
    ['/search?q=CSF', ['.cairn-search-answer', '.cairn-results .cairn-result h2']],
    ['/search?q=leptomeningal', ['.cairn-did-you-mean', '.cairn-results .cairn-result h2']],
  ]) {
    test(`${path}: the answer is above the fold, axe-clean`, async () => {
      const { page, context, problems } = await open(path, { viewport });
      try {
        for (const selector of wanted) {
          const box = await page.locator(selector).first().boundingBox();
          assert.ok(box && box.y + box.height <= viewport.height,
            `${selector} ends at ${box && box.y + box.height}px, within ${viewport.height}px`);
        }
        // The page's own search form repeats the header's box, so a phone does not show it.
        assert.equal(await page.locator('form.cairn-search-form').isVisible(), false);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= viewport.width, `no sideways scrolling (${scrollWidth}px)`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `${path}:\n${describeViolations(violations)}`);
        assertNoProblems(problems, `${path} on a phone`);
      } finally {
        await context.close();
      }
    });
  }

  test('a trial page: the brief title as the h1, then the key facts', async () => {
    const trial = await (await fetch(`${server.base}/api/v1/trials/${trialId}?near=Leeds`)).json();
    const { page, context, problems } = await open(`/trials/${trialId}?near=Leeds`, { viewport });
    try {
      const h1s = (await page.locator('h1').allTextContents()).map((s) => s.trim());
      assert.deepEqual(h1s, [trial.title], 'one h1, the brief title');
      const facts = page.locator('section.cairn-key-facts');
      assert.equal(await facts.locator('h2').innerText(), 'Key facts');
      const keys = (await facts.locator('dt').allInnerTexts()).map((s) => s.trim());
      for (const key of ['Status', 'Ages', 'Sex', 'Sites']) assert.ok(keys.includes(key), `key fact ${key}: ${keys}`);
      if (trial.locations[0]?.distance_miles !== null) assert.ok(keys.includes('Nearest site'), 'the nearest site');
      const status = await facts.locator('.nhsuk-summary-list__row', { hasText: 'Status' }).locator('dd').innerText();
      assert.equal(status.trim(), trial.status_words);
      assert.match(await facts.innerText(), /Last updated on ClinicalTrials\.gov: \d{1,2} [A-Z][a-z]+ \d{4}/);
      // Key facts come before the long texts.
      const factsTop = (await facts.boundingBox()).y;
      assert.ok(factsTop < (await page.locator('h2#what').boundingBox()).y);
      // Every site is on the page: the ones past the first few in an expander.
      const sites = await page.locator('.cairn-trial-sites li').count();
      assert.equal(sites, trial.locations.length, 'every site');
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `trial page:\n${describeViolations(violations)}`);
      assertNoProblems(problems, 'trial page on a phone');
    } finally {
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  test('the trial finder form submits near=Leeds and shows the trials near Leeds', async () => {
    const { page, context, problems } = await open('/trials', { javaScriptEnabled: false });
    try {
      assert.equal(await page.evaluate(() => document.body.classList.contains('js-enabled')), false,
        'JavaScript really is off');
      await page.locator('#near').fill('Leeds');
      await page.locator('#distance').selectOption('100');
      await page.locator('#status').selectOption('any');
      await page.locator('#country').selectOption('any');
      await page.locator('#sort').selectOption('distance');
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/trials' && url.searchParams.get('near') === 'Leeds'),
        page.getByRole('button', { name: 'Apply filters', exact: true }).click(),
      ]);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('distance'), '100');
      assert.equal(url.searchParams.get('status'), 'any');
      assert.equal(url.searchParams.get('sort'), 'distance');
      const heading = await page.locator('#results').innerText();
      assert.match(heading, /^(\d+) trials? found near Leeds$/);
      const api = await (await fetch(`${server.base}/api/v1/trials${url.search}`)).json();
      assert.ok(api.total > 0, 'some trials within 100 miles of Leeds');
      assert.equal(Number(/^(\d+)/.exec(heading)[1]), api.total, 'the page shows what the API finds');
      // The form keeps what was chosen, and results are nearest first.
      assert.equal(await page.locator('#near').inputValue(), 'Leeds');
      assert.equal(await page.locator('#sort').inputValue(), 'distance');
      const miles = (await page.locator('.cairn-trial-card').allInnerTexts())
        // "(about 12 miles)", or no distance when the site is under a mile away.
        .map((text) => /Nearest site: /.test(text) ? Number(/\(about ([\d.]+) miles\)/.exec(text)?.[1] ?? 0) : NaN);
      assert.ok(miles.length > 0 && miles.every((m) => m <= 100), `distances ${miles}`);
      assert.deepEqual(miles, [...miles].sort((a, b) => a - b), 'nearest first');
      // A result opens its trial page.
      const first = page.locator('.cairn-trial-card a').first();
      const href = await first.getAttribute('href');
      await Promise.all([page.waitForURL((u) => u.pathname === href), first.click()]);
      assert.equal(await page.locator('h2#where').count(), 1);
      assertNoProblems(problems, 'no-JS trial finder');
    } finally {
      await context.close();
    }
  });

  test('with the defaults, near=Leeds submits too, and a place we do not know shows an error summary', async () => {
    const { page, context, problems } = await open('/trials', { javaScriptEnabled: false });
    try {
      await page.locator('#near').fill('Leeds');
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('near') === 'Leeds'),
        page.locator('#near').press('Enter'),
      ]);
      assert.match(await page.locator('#results').innerText(), /trials? found near Leeds$/);
      await page.locator('#near').fill('Nowhereville');
      const [response] = await Promise.all([
        page.waitForResponse((res) => res.url().includes('near=Nowhereville')),
        page.locator('.cairn-trial-search__button').click(),
      ]);
      assert.equal(response.status(), 400);
      await page.waitForLoadState('load');
      const summary = page.locator('.nhsuk-error-summary');
      assert.match(await summary.innerText(), /Nowhereville/);
      await summary.locator('a[href="#near"]').click();
      assert.equal(await page.evaluate(() => location.hash), '#near');
      assert.equal(await page.locator('#near').inputValue(), 'Nowhereville', 'what was typed is kept');
      assertNoProblems(problems.filter((p) => !p.includes('near=Nowhereville')), 'no-JS error flow');
    } finally {
      await context.close();
    }
  });
});
