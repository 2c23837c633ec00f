// Cancer Chat as its members and moderators meet it over HTTP: new members'
// first two posts wait for a moderator and are invisible to others meanwhile;
// safeguarding words and contact details hold a post (and show crisis support
// at once); reports, approve, hide, edit with a reason and suspend all work and
// land in the audit log; posts need a CSRF token; hostile input comes back
// escaped; SQL metacharacters are kept as typed; public threads join search.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, startCairn } from './cairn_server.mjs';
import { WebVisitor, runCairn, escapeHtml } from './web_visitor.mjs';

const PASSWORD = 'blue tardis at dawn';
const MOD_PASSWORD = 'kettle orbit sunrise';
let server;
let unique = 0;
const email = (who) => `${who}.${process.pid}.${++unique}@example.org`;
const name = (who) => `${who} ${process.pid % 1000}x${++unique}`;

class Browser extends WebVisitor {
  constructor() { super(server, '203.0'); }

  async register(displayName = name('Member')) {
    await this.registerMember({ display_name: displayName, email: email('member'), password: PASSWORD });
    this.name = displayName;
    return this;
  }

  // Starts a thread; returns {status, thread, post, page (the page after the redirect)}.
  async startThread(category, title, body) {
    const r = await this.submit(`/forum/${category}/new`, `/forum/${category}/new`, { title, body });
    if (r.status !== 303) return { status: r.status, text: r.text };
    const m = /^\/forum\/t\/(\d+)\?(?:page=\d+&)?posted=(\d+)#post-\d+$/.exec(r.location);
    assert.ok(m, `unexpected location ${r.location}`);
    const page = await this.get(r.location.replace(/#.*/, ''));
    return { status: r.status, thread: Number(m[1]), post: Number(m[2]), page };
  }

  async reply(thread, body) {
    const r = await this.submit(`/forum/t/${thread}`, `/forum/t/${thread}`, { body });
    if (r.status !== 303) return { status: r.status, text: r.text };
    const m = /posted=(\d+)/.exec(r.location);
    const page = await this.get(r.location.replace(/#.*/, ''));
    return { status: r.status, post: Number(m[1]), page };
  }
}

async function staff(role, displayName) {
  const address = email(role);
  const r = await runCairn(['user', 'add', address, '--role', role, '--name', displayName,
    ...server.storeArgs, '--content', join(root, 'content')], `${MOD_PASSWORD}\n`);
  assert.equal(r.code, 0, r.out);
  const b = new Browser();
  assert.equal((await b.signIn(address, MOD_PASSWORD)).status, 303);
  b.name = displayName;
  return b;
}

// The rendered bodies of the posts on a page.
function postBodies(html) {
  return [...html.matchAll(/<div class="cairn-post__body">([\s\S]*?)<\/div>\n/g)].map((m) => m[1]);
}

const SAFE_TAGS = new Set(['p', 'em', 'strong', 'code', 'pre', 'del', 'a', 'ul', 'ol', 'li',
  'blockquote', 'hr', 'br']);
function assertSafeMarkup(html, what) {
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>/g)) {
    assert.ok(SAFE_TAGS.has(m[2]), `tag <${m[2]}> in ${what}: ${html}`);
    const rest = m[3].replace(/\s+([a-z]+)="([^"]*)"/g, (all, attr, value) => {
      assert.ok(['href', 'rel', 'start'].includes(attr), `attribute ${attr} in ${what}`);
      if (attr === 'href') assert.match(value, /^(https?:\/\/|mailto:)/, `href ${value} in ${what}`);
      return '';
    });
    assert.equal(rest, '', `stray attribute text in ${what}: ${m[0]}`);
  }
}

let moderator;

async function approve(post) {
  const r = await moderator.submit('/staff/moderation', '/staff/moderation',
    { action: 'approve', post: String(post) });
  assert.equal(r.status, 303, r.text.slice(0, 300));
}

// A member whose first two posts a moderator has approved.
async function trustedMember() {
  const b = await new Browser().register();
  for (let i = 0; i < 2; i++) {
    const t = await b.startThread('general-chat', `Hello from ${b.name} ${i}`, 'Hi everyone');
    assert.equal(t.status, 303);
    await approve(t.post);
  }
  return b;
}

before(async () => {
  server = await startCairn({ args: ['--trust-proxy', 'on', '--forum-slow-mode', '0'] });
  moderator = await staff('moderator', `Mod ${process.pid}`);
});
after(async () => { await server?.stop(); });

describe('reading and the way in', () => {
  test('anyone can read the forum front page, the rules and a category', async () => {
    const b = new Browser();
    const front = await b.get('/forum');
    assert.equal(front.status, 200);
    for (const category of ['Leptomeningeal metastases', 'Carers', 'Living with secondary cancer', 'General chat']) {
      assert.ok(front.text.includes(category), category);
    }
    const rules = await b.get('/forum/rules');
    assert.equal(rules.status, 200);
    assert.match(rules.text, /14 or over/);
    assert.match(rules.text, /phone numbers/);
    assert.match(rules.text, /every day/);
    assert.equal((await b.get('/forum/carers')).status, 200);
    assert.equal((await b.get('/forum/no-such-category')).status, 404);
    assert.equal((await b.get('/forum/t/999999')).status, 404);
  });

  test('the register form links to the community rules', async () => {
    const page = await new Browser().get('/account/register');
    assert.match(page.text, /href="\/forum\/rules"/);
  });

  test('posting needs an account: signed-out visitors are sent to sign in', async () => {
    const b = new Browser();
    const form = await b.get('/forum/carers/new');
    assert.equal(form.status, 303);
    assert.equal(form.location, '/account/sign-in?next=%2Fforum%2Fcarers%2Fnew');
  });
});

describe('new members and holds', () => {
  test("a new member's first two posts wait, invisible to others, until approved", async () => {
    const amy = await new Browser().register();
    const other = await new Browser().register();
    const title = `First thread ${unique++}`;
    const t = await amy.startThread('carers', title, 'Hello, I look after my dad.');
    assert.equal(t.status, 303);
    assert.match(t.page.text, /waiting for a moderator/i);
    assert.ok(t.page.text.includes('Hello, I look after my dad.'));
    // Others cannot see it, nor find it in the category.
    assert.equal((await other.get(`/forum/t/${t.thread}`)).status, 404);
    assert.equal((await new Browser().get(`/forum/t/${t.thread}`)).status, 404);
    assert.ok(!(await other.get('/forum/carers')).text.includes(title));
    // The second post waits too.
    const second = await amy.reply(t.thread, 'A second post.');
    assert.match(second.page.text, /waiting for a moderator/i);
    await approve(t.post);
    const seen = await other.get(`/forum/t/${t.thread}`);
    assert.equal(seen.status, 200);
    assert.ok(seen.text.includes('Hello, I look after my dad.'));
    assert.ok(!seen.text.includes('A second post.'), 'the held reply is hidden from others');
    await approve(second.post);
    assert.ok((await other.get(`/forum/t/${t.thread}`)).text.includes('A second post.'));
    // The third is public at once.
    const third = await amy.reply(t.thread, 'A third post.');
    assert.doesNotMatch(third.page.text, /cairn-held-notice/);
    assert.ok((await other.get(`/forum/t/${t.thread}`)).text.includes('A third post.'));
  });

  test('safeguarding words hold a post, show crisis support at once and top the queue', async () => {
    const b = await trustedMember();
    const plain = await b.startThread('general-chat', 'My number', 'Call me on 07700 900123');
    const t = await b.startThread('general-chat', 'Tonight', 'I feel like I want to end my life.');
    assert.equal(t.status, 303);
    assert.match(t.page.text, /waiting for a moderator/i);
    assert.match(t.page.text, /class="[^"]*cairn-crisis/);
    assert.match(t.page.text, /Samaritans/);
    assert.match(t.page.text, /116 123/);
    assert.match(t.page.text, /999/);
    assert.match(t.page.text, /0808 800 4040/);
    assert.equal((await new Browser().get(`/forum/t/${t.thread}`)).status, 404);
    const queue = await moderator.get('/staff/moderation');
    const first = /<section class="nhsuk-card cairn-queue-item[^"]*" id="item-(\d+)"/.exec(queue.text);
    assert.equal(Number(first[1]), t.post);
    assert.match(queue.text, new RegExp(`id="item-${plain.post}"`));
    assert.doesNotMatch(plain.page.text, /cairn-crisis/);
  });

  test('phone numbers and email addresses hold a post', async () => {
    const b = await trustedMember();
    for (const body of ['Ring me: 07700 900 123', 'Email me at jo.bloggs@example.com']) {
      const t = await b.startThread('carers', `Contact ${unique++}`, body);
      assert.match(t.page.text, /waiting for a moderator/i, body);
      assert.equal((await new Browser().get(`/forum/t/${t.thread}`)).status, 404, body);
    }
    const ok = await b.startThread('carers', `Ordinary ${unique++}`, 'Just an ordinary post.');
    assert.doesNotMatch(ok.page.text, /cairn-held-notice/);
    assert.equal((await new Browser().get(`/forum/t/${ok.thread}`)).status, 200);
  });
});

describe('CSRF', () => {
  test('a post without its CSRF token changes nothing', async () => {
    const b = await trustedMember();
    const title = `No token ${unique++}`;
    const r = await b.request('/forum/carers/new', { method: 'POST', form: { title, body: 'x' } });
    assert.equal(r.status, 403);
    const wrong = await b.request('/forum/carers/new',
      { method: 'POST', form: { title, body: 'x', csrf_token: 'forged' } });
    assert.equal(wrong.status, 403);
    assert.ok(!(await b.get('/forum/carers')).text.includes(title));
    // Nor can a moderator action be forged.
    const t = await (await new Browser().register()).startThread('carers', `Held ${unique++}`, 'wait');
    const forged = await moderator.request('/staff/moderation',
      { method: 'POST', form: { action: 'approve', post: String(t.post) } });
    assert.equal(forged.status, 403);
    assert.equal((await new Browser().get(`/forum/t/${t.thread}`)).status, 404);
  });
});

describe('moderation', () => {
  test('only moderators see the queue', async () => {
    assert.equal((await new Browser().get('/staff/moderation')).status, 303);
    const member = await new Browser().register();
    assert.equal((await member.get('/staff/moderation')).status, 403);
    assert.equal((await member.get('/staff/moderation/audit')).status, 403);
    const nurse = await staff('nurse', `Nurse ${process.pid}`);
    assert.equal((await nurse.get('/staff/moderation')).status, 403);
  });

  test('report, then keep or hide; every action is in the audit log', async () => {
    const author = await trustedMember();
    const reader = await trustedMember();
    const t = await author.startThread('carers', `Reported ${unique++}`, 'Something unkind.');
    const form = await reader.get(`/forum/t/${t.thread}/report/${t.post}`);
    assert.equal(form.status, 200);
    const empty = await reader.submit(`/forum/t/${t.thread}/report/${t.post}`,
      `/forum/t/${t.thread}/report/${t.post}`, { reason: '' });
    assert.equal(empty.status, 400);
    const sent = await reader.submit(`/forum/t/${t.thread}/report/${t.post}`,
      `/forum/t/${t.thread}/report/${t.post}`, { reason: 'This is unkind to carers' });
    assert.equal(sent.status, 200);
    assert.match(sent.text, /Thank you for your report/);
    let queue = await moderator.get('/staff/moderation');
    assert.match(queue.text, new RegExp(`id="item-${t.post}"`));
    assert.ok(queue.text.includes('This is unkind to carers'));
    const hide = await moderator.submit('/staff/moderation', '/staff/moderation',
      { action: 'hide', post: String(t.post), reason: 'unkind' });
    assert.equal(hide.status, 303);
    queue = await moderator.get('/staff/moderation');
    assert.doesNotMatch(queue.text, new RegExp(`id="item-${t.post}"`));
    assert.equal((await reader.get(`/forum/t/${t.thread}`)).status, 404, 'a hidden first post hides its thread');
    const audit = await moderator.get('/staff/moderation/audit');
    assert.equal(audit.status, 200);
    assert.match(audit.text, new RegExp(`cairn-audit__action">hide</td><td class="nhsuk-table__cell">Post ${t.post}\\. `));
  });

  test('edit with a reason keeps the original in the audit log', async () => {
    const author = await trustedMember();
    const t = await author.startThread('carers', `Edit me ${unique++}`, 'My surname is Pond-Williams.');
    const noReason = await moderator.submit(`/staff/moderation/edit/${t.post}`,
      `/staff/moderation/edit/${t.post}`, { body: 'My surname is [removed].', reason: '' });
    assert.equal(noReason.status, 400);
    const r = await moderator.submit(`/staff/moderation/edit/${t.post}`,
      `/staff/moderation/edit/${t.post}`, { body: 'My surname is [removed].', reason: 'full name' });
    assert.equal(r.status, 303);
    const page = await new Browser().get(`/forum/t/${t.thread}`);
    assert.ok(page.text.includes('My surname is [removed].'));
    assert.ok(!page.text.includes('Pond-Williams'));
    assert.match(page.text, /Edited by a moderator/);
    const audit = await moderator.get('/staff/moderation/audit');
    assert.ok(audit.text.includes('My surname is Pond-Williams.'));
    assert.ok(audit.text.includes('Reason: full name'));
  });

  test('a suspended member is signed out and cannot post or sign in', async () => {
    const address = email('suspend');
    const b = new Browser();
    await b.registerMember({ display_name: name('Spammer'), email: address, password: PASSWORD });
    const t = await b.startThread('general-chat', `Buy now ${unique++}`, 'Cheap pills');
    const queue = await moderator.get('/staff/moderation');
    const member = new RegExp(`name="member" value="(\\d+)"><input type="hidden" name="post" value="${t.post}"`).exec(queue.text);
    assert.ok(member, 'suspend form for the post');
    const r = await moderator.submit('/staff/moderation', '/staff/moderation',
      { action: 'suspend', member: member[1], post: String(t.post), reason: 'spam' });
    assert.equal(r.status, 303);
    const again = await b.request('/forum/general-chat/new', { method: 'GET' });
    assert.equal(again.status, 303, 'the session ended');
    assert.notEqual((await new Browser().signIn(address, PASSWORD)).status, 303);
    const audit = await moderator.get('/staff/moderation/audit');
    assert.match(audit.text, /cairn-audit__action">suspend</);
  });
});

describe('reading threads', () => {
  test('threads are paged twenty posts at a time', async () => {
    const t = await moderator.startThread('general-chat', `Long thread ${unique++}`, 'Post 1');
    for (let i = 2; i <= 25; i++) await moderator.reply(t.thread, `Post number ${i}`);
    const one = await new Browser().get(`/forum/t/${t.thread}`);
    assert.equal(postBodies(one.text).length, 20);
    assert.match(one.text, new RegExp(`href="/forum/t/${t.thread}\\?page=2"`));
    const two = await new Browser().get(`/forum/t/${t.thread}?page=2`);
    assert.equal(postBodies(two.text).length, 5);
    assert.ok(two.text.includes('Post number 25'));
  });

  test('new since your last visit', async () => {
    const reader = await trustedMember();
    const title = `Updates ${unique++}`;
    const t = await moderator.startThread('living-with-secondary-cancer', title, 'First news');
    const row = (html) => new RegExp(`>${title}</a>( <strong class="nhsuk-tag nhsuk-tag--blue cairn-new">New posts</strong>)?`).exec(html);
    assert.ok(row((await reader.get('/forum/living-with-secondary-cancer')).text)[1], 'never opened: new');
    await reader.get(`/forum/t/${t.thread}`);
    assert.equal(row((await reader.get('/forum/living-with-secondary-cancer')).text)[1], undefined);
    const reply = await moderator.reply(t.thread, 'Second news');
    assert.ok(row((await reader.get('/forum/living-with-secondary-cancer')).text)[1], 'a new reply');
    const page = await reader.get(`/forum/t/${t.thread}`);
    assert.match(page.text, new RegExp(`id="post-${reply.post}-by">[^<]*<span class="cairn-post__when">[^<]*</span> <strong class="nhsuk-tag nhsuk-tag--blue cairn-new">New</strong>`));
    assert.doesNotMatch(page.text, new RegExp(`id="post-${t.post}-by">[^<]*<span class="cairn-post__when">[^<]*</span> <strong[^>]*cairn-new`));
  });

  test('links get rel="nofollow ugc"; images and unsafe links are dropped', async () => {
    const t = await moderator.startThread('general-chat', `Links ${unique++}`,
      'See [the NHS](https://www.nhs.uk/) and ![tracker](https://evil.example/p.png) and [x](javascript:alert(1))');
    const page = await new Browser().get(`/forum/t/${t.thread}`);
    const [body] = postBodies(page.text);
    assert.ok(body.includes('<a href="https://www.nhs.uk/" rel="nofollow ugc">the NHS</a>'), body);
    assert.ok(!body.includes('evil.example'));
    assert.ok(body.includes('tracker'));
    assert.ok(!body.includes('javascript:'));
  });
});

describe('hostile input', () => {
  const payloads = readFileSync(join(root, 'tests', 'data', 'xss-payloads.txt'), 'utf8')
    .split('\n').filter((line) => line.trim() !== '');

  test('XSS payloads in titles and bodies come back escaped', async () => {
    assert.ok(payloads.length >= 50);
    for (const payload of payloads) {
      const t = await moderator.startThread('general-chat', payload, payload);
      assert.equal(t.status, 303, payload);
      const page = await new Browser().get(`/forum/t/${t.thread}`);
      const title = escapeHtml(payload.trim().replace(/\s+/g, ' '));
      assert.ok(page.text.includes(`<h1>${title}</h1>`), `title not escaped: ${payload}`);
      const [body] = postBodies(page.text);
      assertSafeMarkup(body, payload);
    }
    const listing = await new Browser().get('/forum/general-chat');
    assert.ok(!listing.text.includes('<script>alert'), 'raw payload in the thread list');
  });

  test('XSS payloads in reports, reasons and the held view come back escaped', async () => {
    const author = await trustedMember();
    const reader = await trustedMember();
    const t = await author.startThread('carers', `Target ${unique++}`, 'Plain post');
    for (const payload of payloads.slice(0, 20)) {
      const r = await reader.submit(`/forum/t/${t.thread}/report/${t.post}`,
        `/forum/t/${t.thread}/report/${t.post}`, { reason: payload });
      assert.equal(r.status, 200, payload);
    }
    const queue = await moderator.get('/staff/moderation');
    for (const payload of payloads.slice(0, 20)) {
      if (/[<>"']/.test(payload)) assert.ok(!queue.text.includes(payload), `raw in queue: ${payload}`);
    }
    // Edit and hide reasons in the audit log.
    const payload = payloads.find((p) => p.includes('<script'));
    await moderator.submit(`/staff/moderation/edit/${t.post}`, `/staff/moderation/edit/${t.post}`,
      { body: payload, reason: payload });
    await moderator.submit('/staff/moderation', '/staff/moderation',
      { action: 'hide', post: String(t.post), reason: payload });
    const audit = await moderator.get('/staff/moderation/audit');
    assert.ok(!audit.text.includes(payload));
    assert.ok(audit.text.includes(escapeHtml(payload)));
    // A form sent back with problems echoes the title escaped.
    const newbie = await new Browser().register();
    const r = await newbie.submit('/forum/carers/new', '/forum/carers/new', { title: payload, body: '' });
    assert.equal(r.status, 400);
    assert.ok(r.text.includes(`value="${escapeHtml(payload)}"`));
    assert.ok(!r.text.includes(payload));
  });

  test('SQL metacharacters in every field are stored and shown verbatim', async () => {
    const sql = "Robert'); DROP TABLE forum_posts;-- 1' OR '1'='1 %_\\";
    const author = await trustedMember();
    const t = await author.startThread('carers', sql, `Body: ${sql}`);
    assert.equal(t.status, 303);
    const page = await new Browser().get(`/forum/t/${t.thread}`);
    assert.ok(page.text.includes(`<h1>${escapeHtml(sql)}</h1>`));
    assert.ok(page.text.includes(escapeHtml(`Body: ${sql}`)));
    const reader = await trustedMember();
    const reply = await reader.reply(t.thread, sql);
    assert.ok(reply.page.text.includes(escapeHtml(sql)));
    const report = await reader.submit(`/forum/t/${t.thread}/report/${t.post}`,
      `/forum/t/${t.thread}/report/${t.post}`, { reason: sql });
    assert.equal(report.status, 200);
    assert.ok((await moderator.get('/staff/moderation')).text.includes(escapeHtml(sql)));
    const data = JSON.parse((await author.get('/account/data')).text);
    assert.ok(data.forum_posts.some((p) => p.body === `Body: ${sql}` && p.thread_title === sql));
    // The tables are still there.
    assert.equal((await new Browser().get(`/forum/t/${t.thread}`)).status, 200);
  });
});

describe('search', () => {
  async function searchFor(word) {
    const r = await new Browser().get(`/search?q=${word}&type=forum`);
    assert.equal(r.status, 200);
    return r.text;
  }
  async function eventually(check) {
    const deadline = Date.now() + 8000;
    for (;;) {
      if (await check()) return true;
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  test('public threads join the site search; held posts do not', async () => {
    const shown = `zephyrine${process.pid}`;
    const held = `quillonic${process.pid}`;
    const t = await moderator.startThread('general-chat', `Garden ${shown}`, `My ${shown} garden`);
    const member = await new Browser().register();
    const h = await member.startThread('general-chat', `Secret ${held}`, `My ${held} secret`);
    assert.ok(await eventually(async () => (await searchFor(shown)).includes(`/forum/t/${t.thread}`)),
      'public thread not found');
    assert.ok(!(await searchFor(held)).includes(`/forum/t/${h.thread}`), 'held thread found');
    await approve(h.post);
    assert.ok(await eventually(async () => (await searchFor(held)).includes(`/forum/t/${h.thread}`)),
      'approved thread not found');
  });
});
