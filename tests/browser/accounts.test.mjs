// Registering and resetting a password in Debian's Chromium, by typing and
// clicking: "check your email", the confirmation page, "Forgot your
// password?", the reset form (with and without problems) are axe-clean
// (WCAG 2.2 AA tags) and show no console errors; the links come from the
// server's SMTP sink, as a member's inbox would. With CAIRN_SCREENSHOTS=DIR
// each page is also saved at 390x844 and 1280x800 for people to look at.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startCairn } from '../http/cairn_server.mjs';
import { linkIn } from '../http/smtp_sink.mjs';
import { assertAxeClean, ensureVendorAssets, launchChromium, newVisitor } from './browser_kit.mjs';

const PASSWORD = 'paper boats on the river';
const NEW_PASSWORD = 'lighthouse keeper at noon';
const SHOTS = process.env.CAIRN_SCREENSHOTS;
let server;
let browser;

before(async () => {
  ensureVendorAssets();
  server = await startCairn();
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// axe, and (when asked) screenshots of the page at phone and desktop sizes.
async function check(page, name) {
  await assertAxeClean(page, name);
  if (!SHOTS) return;
  for (const [width, height] of [[390, 844], [1280, 800]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function mailedLink(address, prefix, count = 1) {
  const mails = await server.mail.waitFor(address, count);
  const link = linkIn(mails.at(-1), prefix);
  assert.ok(link, `no ${prefix} link to ${address}`);
  return `${server.base}${link}`;
}

describe('accounts in a browser', () => {
  test('register, confirm by email, forget the password and set a new one', async () => {
    const address = `browser.${process.pid}@example.org`;
    const { context, page, problems } = await newVisitor(browser);

    await page.goto(`${server.base}/account/register`);
    await page.fill('#display_name', 'Rose Browser');
    await page.fill('#email', address);
    await page.fill('#password', PASSWORD);
    await page.fill('#confirm_password', PASSWORD);
    await page.check('#over_14');
    await page.check('#accept_rules');
    await page.click('button[type=submit]:has-text("Create account")');
    await page.waitForSelector('h1:has-text("Check your email")');
    assert.ok((await page.textContent('main')).includes(address));
    await check(page, 'register-check-email');

    await page.goto(await mailedLink(address, '/account/confirm/'));
    await page.waitForSelector('h1:has-text("Confirm your email address")');
    await check(page, 'confirm-email');
    await page.click('button[type=submit]:has-text("Confirm and sign in")');
    await page.waitForURL(/\/account\?welcome=1$/);
    await page.click('button[type=submit]:has-text("Sign out")');
    await page.waitForURL(`${server.base}/`);

    await page.goto(`${server.base}/account/sign-in`);
    await page.click('a:has-text("Forgot your password?")');
    await page.waitForURL(/\/account\/forgot-password$/);
    await check(page, 'forgot-password');
    await page.click('button[type=submit]:has-text("Send me a link")');
    await page.waitForSelector('.nhsuk-error-summary');
    await check(page, 'forgot-password-error');
    await page.fill('#email', address);
    await page.click('button[type=submit]:has-text("Send me a link")');
    await page.waitForSelector('h1:has-text("Check your email")');
    await check(page, 'forgot-password-check-email');

    await page.goto(await mailedLink(address, '/account/reset/', 2));
    await page.waitForSelector('h1:has-text("Set a new password")');
    await check(page, 'reset-password');
    await page.fill('#new_password', NEW_PASSWORD);
    await page.fill('#confirm_password', 'not the same');
    await page.click('button[type=submit]:has-text("Set new password")');
    await page.waitForSelector('.nhsuk-error-summary');
    assert.match(await page.textContent('.nhsuk-error-summary'), /The passwords do not match/);
    await check(page, 'reset-password-error');
    await page.fill('#new_password', NEW_PASSWORD);
    await page.fill('#confirm_password', NEW_PASSWORD);
    await page.click('button[type=submit]:has-text("Set new password")');
    await page.waitForURL(/\/account\?changed=password$/);
    assert.match(await page.textContent('main'), /Your password has been changed/);

    // The link is used up.
    await page.goto(await mailedLink(address, '/account/reset/', 2));
    await page.waitForSelector('h1:has-text("This link has expired")');
    await check(page, 'reset-link-expired');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
