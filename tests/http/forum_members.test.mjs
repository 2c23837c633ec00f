// Cancer Chat as members expect it, over HTTP with the SMTP sink: editing and
// deleting your own post (kept for moderators, in the audit log, and back
// through the hold rules); watching threads with an email for each reply or a
// daily digest, a one-click unsubscribe (RFC 8058) that needs no sign-in, and
// never a word of a held post by email; a moderator reaching out after a
// safeguarding hold; lifting a suspension; watched words edited in the browser
// and applied at once; new members' limits; the forum's own search, latest
// activity, and a member's own posts and watched threads in their account.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { root, startCairn } from './cairn_server.mjs';
import { mailBody } from './smtp_sink.mjs';
import { WebVisitor, runCairn } from './web_visitor.mjs';

const PASSWORD = 'blue tardis at dawn';
const STAFF_PASSWORD = 'kettle orbit sunrise';
let unique = 0;
const email = (who) => `${who}.${process.pid}.${++unique}@example.org`;
const name = (who) => `${who} ${process.pid % 1000}x${++unique}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class Member extends WebVisitor {
  async register(displayName = name('Member')) {
    this.email = email('member');
    await this.registerMember({ display_name: displayName, email: this.email, password: PASSWORD });
    this.name = displayName;
    return this;
  }

  async startThread(category, title, body) {
    const r = await this.submit(`/forum/${category}/new`, `/forum/${category}/new`, { title, body });
    if (r.status !== 303) return { status: r.status, text: r.text };
    const m = /^\/forum\/t\/(\d+)\?(?:page=\d+&)?posted=(\d+)#post-\d+$/.exec(r.location);
    assert.ok(m, `unexpected location ${r.location}`);
    return { status: r.status, thread: Number(m[1]), post: Number(m[2]) };
  }

  async reply(thread, body) {
    const r = await this.submit(`/forum/t/${thread}`, `/forum/t/${thread}`, { body });
    if (r.status !== 303) return { status: r.status, text: r.text };
    return { status: r.status, post: Number(/posted=(\d+)/.exec(r.location)[1]) };
  }
}

async function staff(server, role, displayName) {
  const address = email(role);
  const r = await runCairn(['user', 'add', address, '--role', role, '--name', displayName,
    ...server.storeArgs, '--content', join(root, 'content')], `${STAFF_PASSWORD}\n`);
  assert.equal(r.code, 0, r.out);
  const b = new Member(server);
  assert.equal((await b.signIn(address, STAFF_PASSWORD)).status, 303);
  b.name = displayName;
  return b;
}

// The header block of a mail, unfolded.
function headersOf(mail) {
  return mail.data.slice(0, mail.data.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
}
function header(mail, field) {
  const m = new RegExp(`^${field}: (.*)$`, 'mi').exec(headersOf(mail));
  return m && m[1];
}
const mailsTo = (server, address) => server.mail.mails.filter((m) => m.to.includes(address));
// Mails to the address about forum replies (not the confirmation email).
const replyMails = (server, address) =>
  mailsTo(server, address).filter((m) => /New reply|new repl/.test(header(m, 'Subject') ?? ''));

describe('with a 30 minute edit window and no slow mode', () => {
  let server;
  let moderator;
  let admin;

  async function approve(post) {
    const r = await moderator.submit('/staff/moderation', '/staff/moderation',
      { action: 'approve', post: String(post) });
    assert.equal(r.status, 303, r.text.slice(0, 300));
  }

  async function trustedMember() {
    const b = await new Member(server).register();
    for (let i = 0; i < 2; i++) {
      const t = await b.startThread('general-chat', `Hello from ${b.name} ${i}`, 'Hi everyone');
      assert.equal(t.status, 303);
      await approve(t.post);
    }
    return b;
  }

  before(async () => {
    server = await startCairn({ args: ['--trust-proxy', 'on', '--forum-slow-mode', '0'] });
    moderator = await staff(server, 'moderator', `Mod ${process.pid}`);
    admin = await staff(server, 'admin', `Admin ${process.pid}`);
  });
  after(async () => { await server?.stop(); });

  describe('own posts', () => {
    test('the author edits within the window: "Edited" shows, the earlier text stays for moderators', async () => {
      const amy = await trustedMember();
      const t = await amy.startThread('carers', `Edit me ${unique++}`, 'My frist post');
      const page = await amy.get(`/forum/t/${t.thread}`);
      assert.match(page.text, new RegExp(`href="/forum/t/${t.thread}/edit/${t.post}"`));
      const other = await trustedMember();
      const seen = await other.get(`/forum/t/${t.thread}`);
      assert.doesNotMatch(seen.text, /\/edit\//, 'no edit link on someone else\'s post');
      assert.equal((await other.get(`/forum/t/${t.thread}/edit/${t.post}`)).status, 404);
      const forged = await other.submit(`/forum/t/${t.thread}`, `/forum/t/${t.thread}/edit/${t.post}`, { body: 'Hijacked' });
      assert.equal(forged.status, 404);

      const r = await amy.submit(`/forum/t/${t.thread}/edit/${t.post}`, `/forum/t/${t.thread}/edit/${t.post}`,
        { body: 'My first post' });
      assert.equal(r.status, 303, r.text.slice(0, 300));
      assert.match(r.location, /done=edited/);
      const after = await other.get(`/forum/t/${t.thread}`);
      assert.ok(after.text.includes('My first post'));
      assert.ok(!after.text.includes('My frist post'));
      assert.match(after.text, /cairn-post__edited">Edited\./);
      const audit = await moderator.get('/staff/moderation/audit');
      assert.match(audit.text, new RegExp(`cairn-audit__action">author edit</td><td class="nhsuk-table__cell">Post ${t.post}\\.`));
      assert.ok(audit.text.includes('My frist post'), 'the earlier text is in the audit log');
    });

    test('an empty edit is refused with a clear error and nothing changes', async () => {
      const amy = await trustedMember();
      const t = await amy.startThread('carers', `Keep me ${unique++}`, 'Original words');
      const r = await amy.submit(`/forum/t/${t.thread}/edit/${t.post}`, `/forum/t/${t.thread}/edit/${t.post}`, { body: '   ' });
      assert.equal(r.status, 400);
      assert.match(r.text, /Enter your message/);
      assert.ok((await amy.get(`/forum/t/${t.thread}`)).text.includes('Original words'));
    });

    test('an edit goes back through the hold rules: watched words hold an edited public post', async () => {
      const amy = await trustedMember();
      const t = await amy.startThread('carers', `Going ok ${unique++}`, 'Things are going ok.');
      const reader = await trustedMember();
      assert.ok((await reader.get(`/forum/t/${t.thread}`)).text.includes('Things are going ok.'));
      const r = await amy.submit(`/forum/t/${t.thread}/edit/${t.post}`, `/forum/t/${t.thread}/edit/${t.post}`,
        { body: 'Honestly I want to end my life.' });
      assert.equal(r.status, 303);
      const own = await amy.get(r.location.replace(/#.*/, ''));
      assert.match(own.text, /If you need help now/, 'crisis support shown at once');
      assert.equal((await reader.get(`/forum/t/${t.thread}`)).status, 404, 'the thread now waits');
      const queue = await moderator.get('/staff/moderation');
      assert.match(queue.text, new RegExp(`id="item-${t.post}"`));
      assert.match(queue.text, /Earlier text \(edited by its author\)/);
      assert.ok(queue.text.includes('Things are going ok.'));
    });

    test('the author deletes their post: "deleted by its author" for everyone, the text kept for moderators', async () => {
      const amy = await trustedMember();
      const t = await amy.startThread('carers', `Delete later ${unique++}`, 'Opening words');
      const reply = await amy.reply(t.thread, 'Something I regret saying');
      const reader = await trustedMember();
      assert.equal((await reader.get(`/forum/t/${t.thread}/delete/${reply.post}`)).status, 404);
      const confirm = await amy.get(`/forum/t/${t.thread}/delete/${reply.post}`);
      assert.equal(confirm.status, 200);
      assert.match(confirm.text, /Delete your post\?/);
      const r = await amy.submit(`/forum/t/${t.thread}/delete/${reply.post}`, `/forum/t/${t.thread}/delete/${reply.post}`, {});
      assert.equal(r.status, 303);
      const page = await reader.get(`/forum/t/${t.thread}`);
      assert.match(page.text, /This post was deleted by its author\./);
      assert.ok(!page.text.includes('Something I regret saying'));
      assert.ok(page.text.includes('Opening words'));
      const audit = await moderator.get('/staff/moderation/audit');
      assert.match(audit.text, new RegExp(`cairn-audit__action">author delete</td><td class="nhsuk-table__cell">Post ${reply.post}\\.`));
      assert.ok(audit.text.includes('Something I regret saying'));
      // Deleting twice finds nothing.
      const again = await amy.request(`/forum/t/${t.thread}/delete/${reply.post}`, { method: 'POST',
        form: { csrf_token: await amy.token(`/forum/t/${t.thread}`) } });
      assert.equal(again.status, 404);
    });
  });

  describe('notifications', () => {
    test('a reply emails the watcher once, with one-click unsubscribe headers; never its author', async () => {
      const amy = await trustedMember();
      const ben = await trustedMember();
      const title = `Scan day ${unique++}`;
      const t = await amy.startThread('carers', title, 'Scan results on Friday.');
      const reply = await ben.reply(t.thread, 'Thinking of you, I hope Friday goes well.');
      assert.equal(reply.status, 303);
      const [mail] = await server.mail.waitFor(amy.email, 2);  // confirmation, then the reply
      const notice = replyMails(server, amy.email);
      assert.equal(notice.length, 1);
      assert.equal(header(notice[0], 'Subject'), `New reply in "${title}"`);
      assert.ok(mail);
      const body = mailBody(notice[0]);
      assert.ok(body.includes('Thinking of you, I hope Friday goes well.'));
      assert.ok(body.includes(`/forum/t/${t.thread}#post-${reply.post}`));
      const unsubscribe = header(notice[0], 'List-Unsubscribe');
      assert.match(unsubscribe, /^<http:\/\/127\.0\.0\.1:\d+\/forum\/unsubscribe\/\d+-[0-9a-f]{32}>$/);
      assert.equal(header(notice[0], 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
      assert.ok(body.includes(unsubscribe.slice(1, -1)), 'the link is in the body too');
      await sleep(500);
      assert.equal(replyMails(server, ben.email).length, 0, 'the author is not told of their own reply');
    });

    test('no text of a held post goes out; approving it sends the email then', async () => {
      const amy = await trustedMember();
      const t = await amy.startThread('carers', `Held replies ${unique++}`, 'Anyone else?');
      const newbie = await new Member(server).register();
      const secret = `I am new here and waiting ${unique++}`;
      const held = await newbie.reply(t.thread, secret);
      assert.equal(held.status, 303);
      await sleep(1500);
      for (const m of mailsTo(server, amy.email)) assert.ok(!mailBody(m).includes(secret), 'held text mailed');
      assert.equal(replyMails(server, amy.email).length, 0);
      await approve(held.post);
      const mails = await server.mail.waitFor(amy.email, 2);
      assert.ok(mailBody(mails.at(-1)).includes(secret));
      // Approving again sends nothing more.
      await approve(held.post);
      await sleep(700);
      assert.equal(replyMails(server, amy.email).length, 1);
    });

    test('replying watches a thread; stop watching and no more emails', async () => {
      const amy = await trustedMember();
      const ben = await trustedMember();
      const cal = await trustedMember();
      const t = await amy.startThread('carers', `Watching ${unique++}`, 'Starting out');
      await ben.reply(t.thread, 'Ben is here');
      const benPage = await ben.get(`/forum/t/${t.thread}`);
      assert.match(benPage.text, /You are watching this thread/);
      await cal.reply(t.thread, 'Cal says hello');
      await server.mail.waitFor(ben.email, 2);
      const stop = await ben.submit(`/forum/t/${t.thread}`, `/forum/t/${t.thread}/watch`, { watch: 'off' });
      assert.equal(stop.status, 303);
      assert.match((await ben.get(`/forum/t/${t.thread}`)).text, /You are not watching this thread/);
      await cal.reply(t.thread, 'Cal again');
      await server.mail.waitFor(amy.email, 3);  // amy still hears of both of Cal's replies
      await sleep(300);
      assert.equal(replyMails(server, ben.email).length, 1, 'ben stopped watching');
      // Replying again does not override the member's choice.
      await ben.reply(t.thread, 'Ben once more');
      assert.match((await ben.get(`/forum/t/${t.thread}`)).text, /You are not watching this thread/);
      const bad = await ben.submit(`/forum/t/${t.thread}`, `/forum/t/${t.thread}/watch`, { watch: 'maybe' });
      assert.equal(bad.status, 400);
    });

    test('one-click unsubscribe works without sign-in or CSRF token; a bad token changes nothing', async () => {
      const amy = await trustedMember();
      const ben = await trustedMember();
      const t = await amy.startThread('carers', `Unsubscribe ${unique++}`, 'Hello');
      await ben.reply(t.thread, 'First reply');
      const mails = await server.mail.waitFor(amy.email, 2);
      const link = header(mails.at(-1), 'List-Unsubscribe').slice(1, -1);
      const path = new URL(link).pathname;
      // Opening the link (as a mail scanner would) changes nothing.
      const stranger = new WebVisitor(server);
      const page = await stranger.get(path);
      assert.equal(page.status, 200);
      assert.match(page.text, /Stop Cancer Chat emails/);
      assert.match((await amy.get('/account/forum')).text, /value="each" checked/);
      // A forged token: 404 and no change.
      const forged = path.replace(/[0-9a-f]{4}$/, '0000');
      const bad = await fetch(server.base + forged, { method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      assert.equal(bad.status, 404);
      // The mail client's one-click POST: no cookies, no CSRF token.
      const r = await fetch(server.base + path, { method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      assert.equal(r.status, 200);
      assert.match(await r.text(), /You will get no more Cancer Chat emails/);
      assert.match((await amy.get('/account/forum')).text, /value="off" checked/);
      await ben.reply(t.thread, 'Second reply');
      await sleep(1000);
      assert.equal(replyMails(server, amy.email).length, 1, 'no email after unsubscribing');
    });

    test('the email choice is saved and a bad choice is refused', async () => {
      const amy = await trustedMember();
      const bad = await amy.submit('/account/forum', '/account/forum/email', { mail: 'hourly' });
      assert.equal(bad.status, 400);
      assert.match(bad.text, /Choose how you want to hear about replies/);
      const ok = await amy.submit('/account/forum', '/account/forum/email', { mail: 'digest' });
      assert.equal(ok.status, 303);
      const page = await amy.get(ok.location);
      assert.match(page.text, /Your email choice was saved/);
      assert.match(page.text, /value="digest" checked/);
      assert.equal((await new WebVisitor(server).get('/account/forum')).status, 303, 'needs sign-in');
    });
  });

  describe('reaching out after a safeguarding hold', () => {
    test('a moderator sends a private message from the template; the member sees a notice, then the message with crisis contacts', async () => {
      const member = await trustedMember();
      const t = await member.startThread('general-chat', `Tonight ${unique++}`, 'I want to kill myself tonight.');
      const queue = await moderator.get('/staff/moderation');
      assert.match(queue.text, new RegExp(`href="/staff/moderation/message/${t.post}"`));
      const form = await moderator.get(`/staff/moderation/message/${t.post}`);
      assert.equal(form.status, 200);
      assert.match(form.text, /Samaritans: call 116 123/);
      assert.match(form.text, /Emergency services: call 999/);
      assert.equal((await member.get(`/staff/moderation/message/${t.post}`)).status, 403);
      const empty = await moderator.submit(`/staff/moderation/message/${t.post}`, `/staff/moderation/message/${t.post}`, { body: ' ' });
      assert.equal(empty.status, 400);
      const text = `Hello ${member.name}, we read your post and we are here. Samaritans: call 116 123.`;
      const sent = await moderator.submit(`/staff/moderation/message/${t.post}`, `/staff/moderation/message/${t.post}`, { body: text });
      assert.equal(sent.status, 303);
      // The notice on the member's next visit.
      const forum = await member.get('/forum');
      assert.match(forum.text, /A moderator has sent you a private message/);
      assert.match((await member.get('/account')).text, /A moderator has sent you a private message/);
      const list = await member.get('/account/messages');
      const id = /href="\/account\/messages\/(\d+)"/.exec(list.text)[1];
      const other = await trustedMember();
      assert.equal((await other.get(`/account/messages/${id}`)).status, 404);
      const message = await member.get(`/account/messages/${id}`);
      assert.equal(message.status, 200);
      assert.ok(message.text.includes(`we read your post and we are here`));
      assert.match(message.text, /If you need help now/);
      assert.doesNotMatch((await member.get('/forum')).text, /A moderator has sent you/);
      const audit = await moderator.get('/staff/moderation/audit');
      assert.match(audit.text, new RegExp(`cairn-audit__action">message</td><td class="nhsuk-table__cell">Post ${t.post}\\.`));
    });
  });

  describe('moderation completeness', () => {
    test('a suspended member is listed and the suspension lifted in the browser', async () => {
      const member = await trustedMember();
      const id = /name="member" value="(\d+)"/;
      const t = await member.startThread('general-chat', `Suspend ${unique++}`, 'A post');
      const queuePage = await moderator.get(`/forum/t/${t.thread}`);
      assert.equal(queuePage.status, 200);
      // Suspend through the queue's form (reported post).
      const reporter = await trustedMember();
      await reporter.submit(`/forum/t/${t.thread}/report/${t.post}`, `/forum/t/${t.thread}/report/${t.post}`, { reason: 'rude' });
      const queue = await moderator.get('/staff/moderation');
      const memberId = new RegExp(`name="action" value="suspend"><input type="hidden" name="member" value="(\\d+)"><input type="hidden" name="post" value="${t.post}"`).exec(queue.text)[1];
      await moderator.submit('/staff/moderation', '/staff/moderation', { action: 'suspend', member: memberId, reason: 'cooling off' });
      assert.match((await member.get(`/forum/t/${t.thread}`)).text, /Sign in to reply/, 'sessions ended');
      const list = await moderator.get('/staff/moderation/suspended');
      assert.ok(list.text.includes(member.name));
      assert.equal(id.exec(list.text)[1], memberId);
      assert.equal((await member.get('/staff/moderation/suspended')).status, 303);
      const lift = await moderator.submit('/staff/moderation/suspended', '/staff/moderation/suspended', { member: memberId, reason: 'talked it over' });
      assert.equal(lift.status, 303);
      assert.ok(!(await moderator.get('/staff/moderation/suspended')).text.includes(member.name));
      const back = new Member(server);
      assert.equal((await back.signIn(member.email, PASSWORD)).status, 303);
      assert.equal((await back.reply(t.thread, 'Back again, sorry.')).status, 303);
      const audit = await moderator.get('/staff/moderation/audit');
      assert.match(audit.text, /cairn-audit__action">unsuspend</);
      assert.match(audit.text, /Reason: talked it over/);
    });

    test('admins edit the watched words in the browser and each action applies at once', async () => {
      assert.equal((await moderator.get('/staff/moderation/words')).status, 403, 'admins only');
      const words = await admin.get('/staff/moderation/words');
      assert.equal(words.status, 200);
      assert.ok(words.text.includes('kill myself'), 'seeded from the file');
      const bad = await admin.submit('/staff/moderation/words', '/staff/moderation/words',
        { do: 'put', phrase: 'zebra crossing', action: 'block', message: '' });
      assert.equal(bad.status, 400);
      assert.match(bad.text, /Enter the message people see/);
      const tag = `${unique++}`;
      for (const [phrase, action, message] of [[`zebra${tag} crossing`, 'block', 'Please do not advertise here.'],
        [`giraffe${tag}`, 'flag', ''], [`okapi${tag}`, 'hold', '']]) {
        const r = await admin.submit('/staff/moderation/words', '/staff/moderation/words', { do: 'put', phrase, action, message });
        assert.equal(r.status, 303, r.text.slice(0, 300));
      }
      const member = await trustedMember();
      const blocked = await member.startThread('general-chat', 'Offer', `Cheap Zebra${tag} Crossing here`);
      assert.equal(blocked.status, 400);
      assert.ok(blocked.text.includes('Please do not advertise here.'));
      assert.ok(blocked.text.includes(`Cheap Zebra${tag} Crossing here`), 'the text is kept');
      const flagged = await member.startThread('general-chat', `Animals ${tag}`, `I saw a giraffe${tag} today`);
      assert.equal(flagged.status, 303);
      assert.ok((await new WebVisitor(server).get(`/forum/t/${flagged.thread}`)).text.includes('today'), 'flagged is public');
      const queue = await moderator.get('/staff/moderation');
      assert.match(queue.text, new RegExp(`id="item-${flagged.post}"`));
      assert.match(queue.text, new RegExp(`Watched words: giraffe${tag} \\(by the watched words`));
      const held = await member.startThread('general-chat', `More ${tag}`, `An okapi${tag} post`);
      assert.equal(held.status, 303);
      assert.equal((await new WebVisitor(server).get(`/forum/t/${held.thread}`)).status, 404, 'held');
      // Removing a phrase applies at once too.
      const removed = await admin.submit('/staff/moderation/words', '/staff/moderation/words', { do: 'remove', phrase: `zebra${tag} crossing` });
      assert.equal(removed.status, 303);
      assert.equal((await member.startThread('general-chat', `Road ${tag}`, `A zebra${tag} crossing`)).status, 303);
      const audit = await moderator.get('/staff/moderation/audit');
      assert.match(audit.text, /cairn-audit__action">watched word</);
      assert.match(audit.text, /cairn-audit__action">watched word removed</);
    });

    test('new members may not share links or images until two posts were approved', async () => {
      const newbie = await new Member(server).register();
      const r = await newbie.startThread('general-chat', `Link ${unique++}`, 'Look at https://example.org/cure');
      assert.equal(r.status, 400);
      assert.match(r.text, /You can share links and pictures once 2 of your posts have been approved/);
      assert.ok(r.text.includes('https://example.org/cure'), 'the text is kept');
      const trusted = await trustedMember();
      assert.equal((await trusted.startThread('general-chat', `Link ${unique++}`, 'See https://www.nhs.uk/')).status, 303);
    });
  });

  describe('finding things', () => {
    test('forum search finds public posts and never held ones', async () => {
      const amy = await trustedMember();
      const word = `quokka${unique++}`;
      const t = await amy.startThread('carers', `About ${word}`, `A post about ${word} and tea`);
      const newbie = await new Member(server).register();
      const hidden = `wombat${unique++}`;
      await newbie.startThread('carers', `Held ${hidden}`, `A held ${hidden} post`);
      let found;
      for (let i = 0; i < 40; i++) {
        found = await new WebVisitor(server).get(`/forum/search?q=${word}`);
        if (found.text.includes(`/forum/t/${t.thread}`)) break;
        await sleep(250);
      }
      assert.equal(found.status, 200);
      assert.ok(found.text.includes(`href="/forum/t/${t.thread}"`), found.text.slice(0, 500));
      assert.match(found.text, /1 thread matches/);
      const none = await new WebVisitor(server).get(`/forum/search?q=${hidden}`);
      assert.ok(!none.text.includes(hidden + ' post'));
      assert.match(none.text, /No posts on Cancer Chat match your search|No results/);
      const empty = await new WebVisitor(server).get('/forum/search?q=');
      assert.match(empty.text, /Type a few words/);
      assert.match((await new WebVisitor(server).get('/forum')).text, /action="\/forum\/search"/);
    });

    test('the front page and category pages show latest activity and reply counts', async () => {
      const amy = await trustedMember();
      const ben = await trustedMember();
      const title = `Activity ${unique++}`;
      const t = await amy.startThread('living-with-secondary-cancer', title, 'News');
      await ben.reply(t.thread, 'A reply');
      const front = await new WebVisitor(server).get('/forum');
      assert.match(front.text, new RegExp(`\\d+ threads?\\. Latest: <a href="/forum/t/${t.thread}">${title}</a>`));
      const category = await new WebVisitor(server).get('/forum/living-with-secondary-cancer');
      assert.match(category.text, new RegExp(`${title}</a></h2><p>Started by ${amy.name}\\. 1 reply\\. Last post [^<]* by ${ben.name}\\.`));
    });

    test("a member's own posts and watched threads are in their account", async () => {
      const amy = await trustedMember();
      const ben = await trustedMember();
      const mine = `Mine ${unique++}`;
      const theirs = `Theirs ${unique++}`;
      const a = await amy.startThread('carers', mine, 'My own thread');
      const b = await ben.startThread('carers', theirs, 'Ben thread');
      await amy.reply(b.thread, 'Amy replies to Ben');
      const page = await amy.get('/account/forum');
      assert.equal(page.status, 200);
      const watched = /<ul class="nhsuk-list cairn-watched">([\s\S]*?)<\/ul>/.exec(page.text)[1];
      assert.ok(watched.includes(mine) && watched.includes(theirs));
      const posts = /<ul class="nhsuk-list cairn-own-posts">([\s\S]*?)<\/ul>/.exec(page.text)[1];
      assert.ok(posts.includes(`href="/forum/t/${a.thread}#post-${a.post}"`));
      assert.ok(posts.includes(`/forum/t/${b.thread}#post-`));
      assert.match((await amy.get('/account')).text, /href="\/account\/forum"/);
      const data = JSON.parse((await amy.get('/account/data')).text);
      assert.equal(data.forum_settings.email_about_replies, 'each');
      assert.ok(data.forum_settings.watched_thread_ids.includes(b.thread));
    });
  });
});

describe('digests, the edit window and slow mode', () => {
  let server;
  let moderator;

  before(async () => {
    server = await startCairn({ args: ['--trust-proxy', 'on', '--forum-digest-seconds', '2',
      '--forum-edit-minutes', '0', '--forum-slow-mode', '120'] });
    moderator = await staff(server, 'moderator', `Mod ${process.pid}`);
  });
  after(async () => { await server?.stop(); });

  test('a member who chose the digest gets one email with the day\'s replies, not one each', async () => {
    const amy = await new Member(server).register();
    const choose = await amy.submit('/account/forum', '/account/forum/email', { mail: 'digest' });
    assert.equal(choose.status, 303);
    const title = `Digest thread ${unique++}`;
    const t = await moderator.startThread('carers', title, 'Tell us your week');
    await amy.submit(`/forum/t/${t.thread}`, `/forum/t/${t.thread}/watch`, { watch: 'on' });
    await moderator.reply(t.thread, 'Monday was calm.');
    await moderator.reply(t.thread, 'Tuesday was busy.');
    const mails = await server.mail.waitFor(amy.email, 2, 10000);
    const digest = mails.at(-1);
    assert.match(header(digest, 'Subject'), /Cancer Chat: 2 new replies in threads you watch/);
    const body = mailBody(digest);
    assert.ok(body.includes(title));
    assert.ok(body.includes('Monday was calm.') && body.includes('Tuesday was busy.'));
    assert.equal(header(digest, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.match(header(digest, 'List-Unsubscribe'), /\/forum\/unsubscribe\//);
    await sleep(2500);
    assert.equal(mailsTo(server, amy.email).length, 2, 'one digest, and nothing more without new replies');
  });

  test('past the edit window the author may delete but not edit', async () => {
    const t = await moderator.startThread('carers', `Window ${unique++}`, 'Staff post');
    const amy = await new Member(server).register();
    await amy.submit(`/forum/t/${t.thread}`, `/forum/t/${t.thread}/watch`, { watch: 'on' });
    // A moderator's reply; moderators are members of staff, so try with a member's own post:
    const own = await amy.reply(t.thread, 'My reply');
    assert.equal(own.status, 303);
    await sleep(1100);
    const edit = await amy.get(`/forum/t/${t.thread}/edit/${own.post}`);
    assert.equal(edit.status, 403);
    assert.match(edit.text, /The time for editing this post has passed/);
    const r = await amy.submit(`/forum/t/${t.thread}/delete/${own.post}`, `/forum/t/${t.thread}/delete/${own.post}`, {});
    assert.equal(r.status, 303);
  });

  test('slow mode: on their first day a member posts once every two minutes, and keeps their text', async () => {
    const amy = await new Member(server).register();
    const t = await moderator.startThread('carers', `Slow ${unique++}`, 'Say hello');
    assert.equal((await amy.reply(t.thread, 'Hello from Amy')).status, 303);
    const again = await amy.reply(t.thread, 'And another thing');
    assert.equal(again.status, 429);
    assert.match(again.text, /On your first day you can post once every 2 minutes/);
    assert.ok(again.text.includes('And another thing'), 'the text is kept');
  });
});
