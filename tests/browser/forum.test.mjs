// Cancer Chat in Debian's Chromium (playwright-core), checked with axe-core at
// every step: a member registers and starts a thread, sees it held, a
// moderator approves it, and another member replies.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bin, root, startCairn } from '../http/cairn_server.mjs';
import { assertAxeClean, ensureVendorAssets, launchChromium, registerInBrowser } from './browser_kit.mjs';

const PASSWORD = 'blue tardis at dawn';
const MOD_EMAIL = `mod.${process.pid}@example.org`;
const MOD_PASSWORD = 'kettle orbit sunrise';

function addModerator(dataDir) {
  return new Promise((ok, fail) => {
    const child = spawn(bin, ['user', 'add', MOD_EMAIL, '--role', 'moderator', '--name', 'Mod Morgan',
      '--data', dataDir, '--content', join(root, 'content')], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`cairn user add: ${out}`))));
    child.stdin.end(`${MOD_PASSWORD}\n`);
  });
}

let server;
let browser;

before(async () => {
  ensureVendorAssets();
  server = await startCairn({ before: addModerator, args: ['--forum-slow-mode', '0'] });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// A fresh browser context (its own cookies) with console errors collected.
async function person() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // A form sent back with problems answers 400 on purpose; Chromium logs that.
    if (msg.text().startsWith('Failed to load resource') && msg.location()?.url === page.url()) return;
    problems.push(`console: ${msg.text()} ${msg.location()?.url ?? ''}`);
  });
  return { context, page, problems };
}

function register(page, displayName, email) {
  return registerInBrowser(page, server, { displayName, email, password: PASSWORD });
}

describe('Cancer Chat in a browser', () => {
  test('register, post, see it held, a moderator approves, another member replies', async () => {
    const title = `Caring for my husband ${process.pid}`;
    const amy = await person();
    await register(amy.page, 'Amy Browser', `amy.${process.pid}@example.org`);

    await amy.page.goto(`${server.base}/forum`);
    await assertAxeClean(amy.page, '/forum');
    await amy.page.click('a:has-text("Carers")');
    await assertAxeClean(amy.page, '/forum/carers');
    await amy.page.click('a:has-text("Start a new thread")');
    await assertAxeClean(amy.page, 'the new thread form');
    // Sending it empty shows the error summary.
    await amy.page.click('button:has-text("Post")');
    assert.match(await amy.page.locator('.nhsuk-error-summary').innerText(), /Enter a title/);
    await assertAxeClean(amy.page, 'the new thread form with errors');
    await amy.page.fill('#title', title);
    await amy.page.fill('#body', 'He was diagnosed last month. **Any tips** for the first weeks?');
    await amy.page.click('button:has-text("Post")');
    await amy.page.waitForURL(/\/forum\/t\/\d+/);
    const threadUrl = amy.page.url().replace(/[?#].*/, '');
    assert.match(await amy.page.locator('.cairn-held-notice').innerText(), /waiting for a moderator/);
    assert.equal(await amy.page.locator('.cairn-held').count(), 1);
    await assertAxeClean(amy.page, 'the held thread');

    // Others cannot see it yet.
    const rory = await person();
    const hidden = await rory.page.goto(threadUrl);
    assert.equal(hidden.status(), 404);

    const mod = await person();
    await mod.page.goto(`${server.base}/account/sign-in?next=%2Fstaff%2Fmoderation`);
    await mod.page.fill('#email', MOD_EMAIL);
    await mod.page.fill('#password', MOD_PASSWORD);
    await mod.page.click('button:has-text("Sign in")');
    await mod.page.waitForURL(/\/staff\/moderation$/);
    await assertAxeClean(mod.page, 'the moderation queue');
    const item = mod.page.locator('.cairn-queue-item', { hasText: title });
    assert.equal(await item.count(), 1);
    await item.locator('button:has-text("Approve")').click();
    await mod.page.waitForURL(/done=approve/);
    assert.match(await mod.page.locator('main').innerText(), /The post was approved/);

    await register(rory.page, 'Rory Browser', `rory.${process.pid}@example.org`);
    await rory.page.goto(threadUrl);
    assert.match(await rory.page.locator('h1').innerText(), new RegExp(title));
    await assertAxeClean(rory.page, 'the approved thread');
    await rory.page.fill('#body', 'Take each day as it comes. The nurses were a great help to us.');
    await rory.page.click('button:has-text("Post reply")');
    await rory.page.waitForURL(/posted=/);
    // Rory is new too: his reply waits, and he is told so.
    assert.match(await rory.page.locator('.cairn-held-notice').innerText(), /waiting for a moderator/);
    await mod.page.goto(`${server.base}/staff/moderation`);
    await mod.page.locator('.cairn-queue-item', { hasText: 'Take each day' }).locator('button:has-text("Approve")').click();
    await mod.page.waitForURL(/done=approve/);
    await amy.page.goto(threadUrl);
    assert.match(await amy.page.locator('main').innerText(), /Take each day as it comes/);
    await assertAxeClean(amy.page, 'the thread with its reply');
    await mod.page.goto(`${server.base}/staff/moderation/audit`);
    await assertAxeClean(mod.page, 'the audit log');
    assert.equal(await mod.page.locator('td.cairn-audit__action', { hasText: 'approve' }).count(), 2);

    for (const p of [amy, rory, mod]) {
      assert.deepEqual(p.problems, []);
      await p.context.close();
    }
  });

  test('safeguarding shows crisis support at once, and the page is axe-clean', async () => {
    const sam = await person();
    await register(sam.page, 'Sam Browser', `sam.${process.pid}@example.org`);
    await sam.page.goto(`${server.base}/forum/general-chat/new`);
    await sam.page.fill('#title', 'Tonight');
    await sam.page.fill('#body', 'I just want to end it all.');
    await sam.page.click('button:has-text("Post")');
    await sam.page.waitForURL(/posted=/);
    const crisis = await sam.page.locator('.cairn-crisis').innerText();
    assert.match(crisis, /116 123/);
    assert.match(crisis, /999/);
    await assertAxeClean(sam.page, 'the held post with crisis support');
    await sam.context.close();
  });
});
