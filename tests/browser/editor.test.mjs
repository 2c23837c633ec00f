// The editors' pages and "Was this page useful?" in Debian's Chromium: one
// editor edits a page, previews it and sends it for review; a second editor
// compares and publishes it; a reader sees the change and says whether the page
// was useful. Every page on the way passes axe (WCAG 2.2 AA tags), and the
// feedback works with JavaScript off.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
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

let server;
let browser;

before(async () => {
  ensureVendorAssets();
  server = await startCairn();
  for (const e of editors) {
    const r = await runCairn(['user', 'add', e.email, '--role', 'editor', '--name', e.name,
      '--data', server.data, '--content', join(root, 'content')], `${PASSWORD}\n`);
    assert.equal(r.code, 0, r.out);
  }
  browser = await launchChromium();
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

describe('editing in the browser', () => {
  test('edit, preview, review, compare and publish by clicking', async () => {
    const author = await newVisitor(browser);
    const reviewer = await newVisitor(browser);
    const reader = await newVisitor(browser);
    try {
      const line = `Your team will explain each treatment choice to you (${process.pid}).`;

      await signIn(author.page, editors[0], '/staff/content');
      assert.equal(new URL(author.page.url()).pathname, '/staff/content');
      await assertAxeClean(author.page, 'the page list');
      await author.page.locator(`tr[data-path="${PAGE}"] a`).first().click();
      await author.page.waitForLoadState('load');
      await assertAxeClean(author.page, 'a page with its revisions');
      await author.page.getByRole('link', { name: 'Edit this page' }).click();
      await author.page.waitForLoadState('load');
      await assertAxeClean(author.page, 'the edit form');

      const box = author.page.getByLabel('Page source');
      await box.fill(`${(await box.inputValue()).trimEnd()}\n\n${line}\n`);
      await author.page.getByLabel('Summary of your change').fill('Says the team explains choices');
      await author.page.getByRole('button', { name: 'Preview' }).click();
      await author.page.waitForLoadState('load');
      assert.equal(await author.page.locator('.cairn-preview__page').getByText(line).isVisible(), true);
      await assertAxeClean(author.page, 'the edit form with its preview');
      await author.page.getByRole('button', { name: 'Save draft' }).click();
      await author.page.waitForLoadState('load');
      assert.match(await author.page.locator('.cairn-message').innerText(), /is saved as a draft/);
      await author.page.getByRole('button', { name: 'Send for review' }).click();
      await author.page.waitForLoadState('load');
      assert.match(await author.page.locator('.cairn-message').innerText(), /waiting for a second editor/);
      assert.equal(await author.page.getByRole('button', { name: 'Approve and publish' }).count(), 0,
        'the author cannot publish their own change');
      await assertAxeClean(author.page, 'a page in review, seen by its author');

      await signIn(reviewer.page, editors[1], `/staff/content/page?path=${encodeURIComponent(PAGE)}`);
      await reviewer.page.getByRole('link', { name: 'See what changed from the published page' }).click();
      await reviewer.page.waitForLoadState('load');
      assert.equal(await reviewer.page.locator('.cairn-diff__added').getByText(line).isVisible(), true);
      await assertAxeClean(reviewer.page, 'the comparison');
      await reviewer.page.goBack();
      await reviewer.page.getByRole('link', { name: /^Review revision/ }).click();
      await reviewer.page.waitForLoadState('load');
      assert.equal(await reviewer.page.locator('.cairn-diff__added').getByText(line).isVisible(), true);
      assert.equal(await reviewer.page.locator('.cairn-preview__page').getByText(line).isVisible(), true);
      await assertAxeClean(reviewer.page, 'the review screen');
      await reviewer.page.getByRole('button', { name: 'Approve and publish' }).click();
      await reviewer.page.waitForLoadState('load');
      assert.match(await reviewer.page.locator('.cairn-message').innerText(), /is published/);

      await reader.page.goto(`${server.base}${PAGE}`);
      assert.equal(await reader.page.getByText(line).isVisible(), true);
      assert.deepEqual([...author.problems, ...reviewer.problems, ...reader.problems], []);
    } finally {
      await author.context.close();
      await reviewer.context.close();
      await reader.context.close();
    }
  });
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
