// "Ask a nurse" in Debian's Chromium (playwright-core): the question form, the
// page that gives the private link, the answer page and the nurses' pages are
// axe-clean (WCAG 2.2 AA tags), and the whole ask-answer-read flow works by
// typing and clicking, ending with the email in a small SMTP sink.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bin, root, startCairn } from '../http/cairn_server.mjs';
import { assertAxeClean, ensureVendorAssets, launchChromium } from './browser_kit.mjs';
import { startSmtpSink } from '../http/smtp_sink.mjs';

const NURSE_EMAIL = `nurse.${process.pid}@example.org`;
const NURSE_PASSWORD = 'kettle orbit sunrise';

function addNurse(data) {
  return new Promise((ok) => {
    const child = spawn(bin, ['user', 'add', NURSE_EMAIL, '--role', 'nurse', '--name', 'Nurse Jo',
      '--data', data, '--content', join(root, 'content')], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => ok({ code, out }));
    child.stdin.end(`${NURSE_PASSWORD}\n`);
  });
}

let sink;
let server;
let browser;

before(async () => {
  ensureVendorAssets();
  sink = await startSmtpSink();
  server = await startCairn({ args: ['--smtp', `127.0.0.1:${sink.port}`], mail: sink });
  const added = await addNurse(server.data);
  assert.equal(added.code, 0, added.out);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.close();
});

// A fresh browser context (its own cookies) with everything that went wrong
// on its pages: console errors (CSP violations show there) and uncaught errors.
async function visitor() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  return { context, page, problems };
}

async function fillQuestion(page, { name, email, question }) {
  if (name) await page.getByLabel('Your name (optional)').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Your question').fill(question);
  await page.getByLabel('You can contact me by email about my question').check();
  await page.getByRole('button', { name: 'Send your question' }).click();
  await page.waitForLoadState('load');
}

describe('asking a nurse in the browser', () => {
  test('the helpline page with the form, and the form page with its problems, pass axe', async () => {
    const { context, page, problems } = await visitor();
    try {
      assert.equal((await page.goto(`${server.base}/helpline`)).status(), 200);
      assert.equal(await page.getByText('You can enter up to 5,000 characters').isVisible(), true,
        'the limit on the question is not shown');
      await assertAxeClean(page, '/helpline');
      assert.equal((await page.goto(`${server.base}/helpline/ask`)).status(), 200);
      await assertAxeClean(page, '/helpline/ask');
      await page.getByRole('button', { name: 'Send your question' }).click();
      await page.waitForLoadState('load');
      assert.match(await page.title(), /^Error: Ask a nurse/);
      const summary = page.locator('.nhsuk-error-summary');
      assert.equal(await summary.isVisible(), true);
      // The summary's links take you to the field.
      await summary.getByRole('link', { name: 'Enter your question' }).click();
      await page.waitForFunction(() => location.hash === '#question');
      await assertAxeClean(page, '/helpline/ask with errors');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('ask, answer and read it, all by clicking', async () => {
    const asker = await visitor();
    const nurse = await visitor();
    try {
      const email = `asker.${process.pid}@example.org`;
      const question = `Can I have a flu jab during chemotherapy? (${process.pid})`;
      await asker.page.goto(`${server.base}/helpline`);
      await fillQuestion(asker.page, { name: 'Sam', email, question });
      assert.equal(await asker.page.locator('h1').innerText(), 'Your question has been sent');
      const link = (await asker.page.locator('.cairn-private-link a').innerText()).trim();
      assert.match(link, new RegExp(`^${server.base}/helpline/answer/[A-Za-z0-9_-]{43}$`));
      assert.equal(new URL(asker.page.url()).pathname, new URL(link).pathname,
        'the private link is in the address bar, to bookmark');
      await assertAxeClean(asker.page, 'the question-sent page');

      // The nurse signs in and is brought back to the inbox.
      await nurse.page.goto(`${server.base}/staff/helpline`);
      assert.match(nurse.page.url(), /\/account\/sign-in\?next=%2Fstaff%2Fhelpline$/);
      await nurse.page.getByLabel('Email address').fill(NURSE_EMAIL);
      await nurse.page.getByLabel('Password').fill(NURSE_PASSWORD);
      await nurse.page.getByRole('button', { name: 'Sign in' }).click();
      await nurse.page.waitForURL(`${server.base}/staff/helpline`);
      await assertAxeClean(nurse.page, 'the inbox');
      const row = nurse.page.locator('tr', { hasText: question });
      await row.getByRole('link', { name: 'Sam' }).click();
      await nurse.page.waitForLoadState('load');
      await assertAxeClean(nurse.page, 'a message page');
      await nurse.page.getByRole('button', { name: 'Assign to me' }).click();
      await nurse.page.waitForLoadState('load');
      assert.equal((await nurse.page.locator('.cairn-assigned').innerText()).trim(), 'You');
      const answer = 'Yes. The flu jab is recommended for most people having chemotherapy.';
      await nurse.page.getByLabel('Answer', { exact: true }).fill(answer);
      await nurse.page.getByRole('button', { name: 'Send answer' }).click();
      await nurse.page.waitForLoadState('load');
      assert.match(await nurse.page.locator('.cairn-notice').innerText(), /Your answer has been saved/);

      // The asker comes back to the link and reads the answer.
      await asker.page.goto(link);
      assert.equal(await asker.page.locator('h1').innerText(), 'Your question to our nurses');
      assert.equal((await asker.page.locator('.cairn-answer').innerText()).trim(), answer);
      await assertAxeClean(asker.page, 'the answer page');

      const [mail] = await sink.waitFor(email);
      assert.ok(mail.data.includes(link), 'the email has the private link');
      assert.ok(!mail.data.includes('flu jab'), 'the email has the question or answer');
      assert.deepEqual(asker.problems, []);
      assert.deepEqual(nurse.problems, []);
    } finally {
      await asker.context.close();
      await nurse.context.close();
    }
  });

  test('someone writing about self-harm sees crisis support first, and that page passes axe', async () => {
    const { context, page, problems } = await visitor();
    try {
      await page.goto(`${server.base}/helpline`);
      await fillQuestion(page, { email: `worried.${process.pid}@example.org`,
        question: 'I keep thinking about ending my life.' });
      const crisis = page.locator('.cairn-crisis');
      assert.equal(await crisis.isVisible(), true);
      assert.match(await crisis.innerText(), /116 123/);
      const crisisFirst = await page.evaluate(() => {
        const box = document.querySelector('.cairn-crisis');
        const h1 = document.querySelector('h1');
        return Boolean(box.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert.equal(crisisFirst, true, 'crisis support comes before the heading');
      await assertAxeClean(page, 'the flagged question-sent page');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
