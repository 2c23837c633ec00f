// The editors' pages and "Was this page useful?" in Debian's Chromium: at phone
// (390x844) and desktop (1280x800) sizes, one editor edits a page, previews it
// beside (or, on a phone, under) the source and sends it for review; a second
// editor reviews the findings, the change and the preview, and approves it; a
// reader sees the change and says whether the page was useful. Every page on
// the way passes axe (WCAG 2.2 AA tags) and fits the screen, and the feedback
// works with JavaScript off. With CAIRN_SCREENSHOTS=DIR each page is saved there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, startCairn } from '../http/cairn_server.mjs';
import { runCairn } from '../http/web_visitor.mjs';
import { assertAxeClean, ensureVendorAssets, launchChromium, newVisitor } from './browser_kit.mjs';

const PAGE = '/about-cancer/leptomeningeal-metastases/treatment';
const PASSWORD = 'kettle orbit sunrise';
const editors = [
  { email: `ed1.${process.pid}@example.org`, name: 'Edie Editor' },
  { email: `ed2.${process.pid}@example.org`, name: 'Reza Reviewer' },
];

const SHOTS = process.env.CAIRN_SCREENSHOTS;
let server;
let browser;

before(async () => {
  ensureVendorAssets();
  server = await startCairn();
  for (const e of editors) {
    const r = await runCairn(['user', 'add', e.email, '--role', 'editor', '--name', e.name,
      ...server.storeArgs, '--content', join(root, 'content')], `${PASSWORD}\n`);
    assert.equal(r.code, 0, r.out);
  }
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page, editor, next) {
  await page.goto(`${server.base}${next}`);
  assert.match(page.url(), /\/account\/sign-in\?next=/);
  await page.getByLabel('Email address').fill(editor.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('load');
}

const SIZES = [[390, 844], [1280, 800]];

// axe, nothing wider than the screen, and (with CAIRN_SCREENSHOTS=DIR) a screenshot.
async function check(page, name, width) {
  await assertAxeClean(page, `${name} at ${width} px`);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= width, `${name} is ${wide} px wide on a ${width} px screen`);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `editor-${name}-${width}.png`), fullPage: true });
}

// Whether `second` sits beside `first` (to its right) or under it.
async function placement(page, first, second) {
  const a = await page.locator(first).boundingBox();
  const b = await page.locator(second).boundingBox();
  if (b.x >= a.x + a.width - 1 && b.y < a.y + a.height) return 'beside';
  if (b.y >= a.y + a.height - 1) return 'under';
  return 'overlapping';
}

describe('editing in the browser', () => {
  for (const [width, height] of SIZES) {
    test(`edit, preview, send, review and approve at ${width}x${height}`, async () => {
      const viewport = { width, height };
      const author = await newVisitor(browser, { viewport });
      const reviewer = await newVisitor(browser, { viewport });
      const reader = await newVisitor(browser, { viewport });
      const layout = width >= 1024 ? 'beside' : 'under';
      try {
        const line = `Your team will explain each treatment choice to you (${process.pid}, ${width}).`;

        await signIn(author.page, editors[0], '/staff/content');
        assert.equal(new URL(author.page.url()).pathname, '/staff/content');
        await check(author.page, 'page-list', width);
        await author.page.locator(`tr[data-path="${PAGE}"] a`).first().click();
        await author.page.waitForLoadState('load');
        await check(author.page, 'page', width);
        await author.page.getByRole('link', { name: 'Edit this page' }).click();
        await author.page.waitForLoadState('load');
        assert.equal(await placement(author.page, '#source', '.cairn-preview__page'), layout,
          'the preview is beside the source on a wide screen, under it on a phone');
        await check(author.page, 'edit', width);

        // Preview: the page re-rendered with the typed text, which stays in the box.
        const box = author.page.getByLabel('Page source');
        const typed = `${(await box.inputValue()).trimEnd()}\n\n${line}\n`;
        await box.fill(typed);
        await author.page.getByLabel('Summary of your change').fill('Says the team explains choices');
        await author.page.getByRole('button', { name: 'Preview' }).click();
        await author.page.waitForLoadState('load');
        assert.equal(await author.page.locator('.cairn-preview__page').getByText(line).isVisible(), true);
        assert.equal(await box.inputValue(), typed.replace(/\r\n/g, '\n'), 'what was typed is kept');
        assert.equal(await author.page.getByLabel('Summary of your change').inputValue(), 'Says the team explains choices');
        await check(author.page, 'edit-preview', width);

        await author.page.getByRole('button', { name: 'Save draft' }).click();
        await author.page.waitForLoadState('load');
        assert.match(await author.page.locator('.cairn-message').innerText(), /is saved as a draft/);
        await author.page.getByRole('button', { name: 'Send for review' }).click();
        await author.page.waitForLoadState('load');
        assert.match(await author.page.locator('.cairn-message').innerText(), /waiting for a second editor/);
        assert.equal(await author.page.getByRole('button', { name: 'Approve and publish' }).count(), 0,
          'the author cannot publish their own change');
        await check(author.page, 'page-in-review', width);

        // The reviewer sees the findings, the change and the preview before approving.
        await signIn(reviewer.page, editors[1], `/staff/content/page?path=${encodeURIComponent(PAGE)}`);
        await reviewer.page.getByRole('link', { name: /^Review revision/ }).click();
        await reviewer.page.waitForLoadState('load');
        assert.equal(await reviewer.page.getByRole('heading', { name: 'What the checks found' }).isVisible(), true);
        assert.equal(await reviewer.page.locator('.cairn-diff__added').getByText(line).isVisible(), true);
        assert.equal(await reviewer.page.locator('.cairn-preview__page').getByText(line).isVisible(), true);
        assert.equal(await placement(reviewer.page, '.cairn-diff', '.cairn-preview__page'), layout);
        await check(reviewer.page, 'review', width);
        await reviewer.page.getByRole('link', { name: 'Compare other revisions' }).click();
        await reviewer.page.waitForLoadState('load');
        assert.equal(await reviewer.page.locator('.cairn-diff__added').getByText(line).isVisible(), true);
        await check(reviewer.page, 'compare', width);
        await reviewer.page.goBack();
        await reviewer.page.getByRole('button', { name: 'Approve and publish' }).click();
        await reviewer.page.waitForLoadState('load');
        assert.match(await reviewer.page.locator('.cairn-message').innerText(), /is published/);
        await check(reviewer.page, 'published', width);

        await reader.page.goto(`${server.base}${PAGE}`);
        assert.equal(await reader.page.getByText(line).isVisible(), true);
        assert.deepEqual([...author.problems, ...reviewer.problems, ...reader.problems], []);
      } finally {
        await author.context.close();
        await reviewer.context.close();
        await reader.context.close();
      }
    });
  }
});

describe('was this page useful?', () => {
  for (const javaScript of [true, false]) {
    test(`a reader answers and comments (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const { context, page, problems } = await newVisitor(browser, { javaScript });
      try {
        await page.goto(`${server.base}/about-cancer/leptomeningeal-metastases`);
        const question = page.locator('.cairn-feedback');
        assert.equal(await question.getByRole('heading', { name: 'Was this page useful?' }).isVisible(), true);
        await question.getByRole('button', { name: /^No/ }).click();
        await page.waitForLoadState('load');
        assert.equal(await page.locator('h1').innerText(), 'Tell us about this page');
        assert.equal(await page.getByLabel('No').isChecked(), true);
        // axe runs as a script, so only with JavaScript on; the markup is the same.
        if (javaScript) await assertAxeClean(page, 'the feedback form');
        await page.getByLabel(/How could we make this page better/).fill('Please say more about side effects.');
        await page.getByRole('button', { name: 'Send feedback' }).click();
        await page.waitForLoadState('load');
        assert.equal(await page.locator('h1').innerText(), 'Thank you for your feedback');
        if (javaScript) await assertAxeClean(page, 'the thank-you page');
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
