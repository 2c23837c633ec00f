// Cancer Chat notifications in Debian's Chromium, checked with axe-core at
// every step: a member watches her thread, chooses how she hears about
// replies in her account, gets an email when a reply is public, unsubscribes
// from the email's link without signing in, and reads a moderator's private
// message after a notice on her next visit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCairn } from '../http/cairn_server.mjs';
import { linkIn, mailBody } from '../http/smtp_sink.mjs';
import { signedInStaff } from '../http/web_visitor.mjs';
import { assertAxeClean, ensureVendorAssets, launchChromium, registerInBrowser, newVisitor } from './browser_kit.mjs';

const PASSWORD = 'blue tardis at dawn';
let server;
let browser;
let moderator;

before(async () => {
  ensureVendorAssets();
  server = await startCairn({ args: ['--forum-slow-mode', '0'] });
  browser = await launchChromium();
  moderator = await signedInStaff(server, 'moderator', 'Mod Morgan');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function register(page, displayName, email) {
  return registerInBrowser(page, server, { displayName, email, password: PASSWORD });
}

describe('notifications in a browser', () => {
  test('watch, choose emails, get one for a public reply, unsubscribe from it; read a moderator message', async () => {
    const email = `amy.${process.pid}@example.org`;
    const amy = await newVisitor(browser);
    await register(amy.page, 'Amy Notified', email);

    // Her thread waits for a moderator (a new member's first post).
    await amy.page.goto(`${server.base}/forum/carers/new`);
    await amy.page.fill('#title', `Scan on Friday ${process.pid}`);
    await amy.page.fill('#body', 'Has anyone had this scan?');
    await amy.page.click('button:has-text("Post")');
    await amy.page.waitForSelector('.cairn-held-notice');
    const thread = /\/forum\/t\/(\d+)/.exec(amy.page.url())[1];
    const post = /posted=(\d+)/.exec(amy.page.url())[1];
    const approved = await moderator.submit('/staff/moderation', '/staff/moderation',
      { action: 'approve', post });
    assert.equal(approved.status, 303);

    // The thread page: she watches it, and can stop and start again.
    await amy.page.goto(`${server.base}/forum/t/${thread}`);
    await amy.page.waitForSelector('text=You are watching this thread');
    await assertAxeClean(amy.page, 'a watched thread');
    await amy.page.click('button:has-text("Stop watching")');
    await amy.page.waitForSelector('text=You stopped watching this thread.');
    await assertAxeClean(amy.page, 'a thread no longer watched');
    await amy.page.click('button:has-text("Watch this thread")');
    await amy.page.waitForSelector('text=We will tell you about new replies.');

    // Her account's forum page: watched threads, her posts, the email choice.
    await amy.page.goto(`${server.base}/account/forum`);
    await assertAxeClean(amy.page, '/account/forum');
    assert.ok(await amy.page.isChecked('#mail-each'));
    await amy.page.check('#mail-digest');
    await amy.page.click('button:has-text("Save email choice")');
    await amy.page.waitForSelector('text=Your email choice was saved.');
    assert.ok(await amy.page.isChecked('#mail-digest'));
    await amy.page.check('#mail-each');
    await amy.page.click('button:has-text("Save email choice")');
    await amy.page.waitForSelector('text=Your email choice was saved.');
    await assertAxeClean(amy.page, '/account/forum after saving');

    // A public reply reaches her by email, with the unsubscribe link.
    const reply = await moderator.submit(`/forum/t/${thread}`, `/forum/t/${thread}`,
      { body: 'Yes, it is quick. Take someone with you if you can.' });
    assert.equal(reply.status, 303);
    const mails = await server.mail.waitFor(email, 2);
    const notice = mails.at(-1);
    assert.ok(mailBody(notice).includes('Take someone with you'));
    const unsubscribe = linkIn(notice, '/forum/unsubscribe/');
    assert.ok(unsubscribe);

    // The link works in a browser that is not signed in.
    const stranger = await newVisitor(browser);
    await stranger.page.goto(server.base + unsubscribe);
    await assertAxeClean(stranger.page, 'the unsubscribe page');
    await stranger.page.click('button:has-text("Stop emails")');
    await stranger.page.waitForSelector('text=You will get no more Cancer Chat emails');
    await assertAxeClean(stranger.page, 'after unsubscribing');
    await amy.page.goto(`${server.base}/account/forum`);
    assert.ok(await amy.page.isChecked('#mail-off'));

    // A moderator reaches out; she sees a notice on her next visit.
    const sent = await moderator.submit(`/staff/moderation/message/${post}`,
      `/staff/moderation/message/${post}`, { body: 'Hello Amy,\n\nWe are thinking of you.\n\nThe moderators' });
    assert.equal(sent.status, 303);
    await amy.page.goto(`${server.base}/forum`);
    await amy.page.waitForSelector('text=A moderator has sent you a private message.');
    await assertAxeClean(amy.page, '/forum with a message notice');
    await amy.page.click('a:has-text("Read your messages")');
    await assertAxeClean(amy.page, '/account/messages');
    await amy.page.click('a:has-text("Message from Mod Morgan")');
    await amy.page.waitForSelector('text=We are thinking of you.');
    await amy.page.waitForSelector('text=If you need help now');
    await assertAxeClean(amy.page, 'a message from a moderator');

    assert.deepEqual(amy.problems, []);
    assert.deepEqual(stranger.problems, []);
    await amy.context.close();
    await stranger.context.close();
  });
});
