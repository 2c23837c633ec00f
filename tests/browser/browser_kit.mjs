// What the browser tests share: Debian's Chromium through playwright-core, a
// fresh context per visitor that collects console errors (CSP violations show
// there), and an axe-core check against the WCAG 2.2 AA tags.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root } from '../http/cairn_server.mjs';
import { linkIn } from '../http/smtp_sink.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// web/vendor/ is generated (git-ignored); build it if this checkout has not.
export function ensureVendorAssets() {
  const css = join(root, 'web', 'vendor', 'nhsuk-frontend.css');
  const script = join(root, 'scripts', 'build-web.mjs');
  if (!existsSync(css) || statSync(script).mtimeMs > statSync(css).mtimeMs) {
    execFileSync(process.execPath, [script], { cwd: root, stdio: 'inherit' });
  }
}

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A fresh context (its own cookies) and the problems seen on its pages.
export async function newVisitor(browser, { javaScript = true, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: javaScript });
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

const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export async function assertAxeClean(page, what) {
  await page.evaluate(axeSource);
  const { violations } = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS);
  const described = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `  - ${n.target.join(' ')}`).join('\n')).join('\n');
  assert.equal(violations.length, 0, `axe found problems on ${what}:\n${described}`);
}

// Registers a member in the browser and confirms the address from the link the
// server mailed to its SMTP sink; the page ends on the account page, signed in.
export async function registerInBrowser(page, server, { displayName, email, password }) {
  await page.goto(`${server.base}/account/register`);
  await page.fill('#display_name', displayName);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.fill('#confirm_password', password);
  await page.check('#over_14');
  await page.check('#accept_rules');
  await page.click('button[type=submit]:has-text("Create account")');
  await page.waitForSelector('text=Check your email');
  const [mail] = await server.mail.waitFor(email);
  await page.goto(server.base + linkIn(mail, '/account/confirm/'));
  await page.click('button:has-text("Confirm and sign in")');
  await page.waitForURL(/\/account\?welcome=1/);
}
