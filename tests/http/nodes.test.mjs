// Two `cairn serve` nodes on one PostgreSQL (started on loopback for the test),
// as behind a load balancer: for each kind of data, a write through node A is
// seen through node B within a second. Sessions and CSRF tokens made on A work
// on B; a rate limit reached on A holds on B; the trial finder and search on B
// take in trials imported while both run.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { importTrials, newDatabase, root, startCairn } from './cairn_server.mjs';
import { WebVisitor, runCairn } from './web_visitor.mjs';

const TRIALS = resolve(root, '../shared/data/trials');
const PASSWORD = 'kettle orbit sunrise';
const PAGE = '/about-cancer/leptomeningeal-metastases/living-with';
const q = encodeURIComponent;
let unique = 0;
const nonce = () => `nd${process.pid}x${++unique}`;
const email = (who) => `${who}.${nonce()}@example.org`;

let db;
let a;
let b;

// Polls `seen` on node B until it holds, for at most a second after the write
// on A returned; resolves the milliseconds it took.
async function seenWithinASecond(what, seen) {
  const started = Date.now();
  for (;;) {
    if (await seen()) return Date.now() - started;
    const waited = Date.now() - started;
    assert.ok(waited <= 1000, `${what}: not seen on node B ${waited} ms after the write on node A`);
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

// A visitor whose requests go to whichever node `at` names.
class Visitor extends WebVisitor {
  constructor(node = a) { super(node, '203.0'); }
  at(node) { this.server = node; return this; }
}

async function staff(role, name) {
  const address = email(role);
  const r = await runCairn(['user', 'add', address, '--role', role, '--name', name, ...a.storeArgs,
    '--content', join(root, 'content')], `${PASSWORD}\n`);
  assert.equal(r.code, 0, r.out);
  const v = new Visitor(a);
  assert.equal((await v.signIn(address, PASSWORD)).status, 303);
  return v;
}

async function member(node = a) {
  const v = new Visitor(node);
  await v.registerMember({ display_name: `Member ${nonce()}`, email: email('member'), password: PASSWORD });
  return v;
}

before(async () => {
  db = await newDatabase();
  const args = ['--db', db, '--trust-proxy', 'on', '--forum-slow-mode', '0'];
  a = await startCairn({ args });
  // B shares A's mail sink, so links mailed by either node can be followed.
  b = await startCairn({ args: [...args, '--smtp', `127.0.0.1:${a.mail.port}`], mail: a.mail });
});

after(async () => {
  await b?.stop();
  await a?.stop();
});

describe('two nodes on one PostgreSQL', () => {
  test('a session made on A is signed in on B, and a form from A posts on B', async () => {
    const m = await member(a);
    const account = await m.at(b).get('/account');
    assert.equal(account.status, 200);
    assert.match(account.text, /Sign out/, 'signed in on B with the session from A');
    // The CSRF token on A's form is good on B: the secret is the store's, shared.
    const token = await m.at(a).token('/forum/general-chat/new');
    const posted = await m.at(b).request('/forum/general-chat/new', {
      method: 'POST', form: { csrf_token: token, title: `Across nodes ${nonce()}`, body: 'Posted on B with A\'s form.' },
    });
    assert.equal(posted.status, 303, posted.text.slice(0, 300));
  });

  test('a forum post on A is on B\'s thread page within a second', async () => {
    // A moderator's post is public at once (a new member's first posts wait for review).
    const m = await staff('moderator', `Mod ${nonce()}`);
    const body = `Hello from node A ${nonce()}`;
    const r = await m.submit('/forum/general-chat/new', '/forum/general-chat/new', { title: `Thread ${nonce()}`, body });
    assert.equal(r.status, 303, r.text.slice(0, 300));
    const thread = /^\/forum\/t\/(\d+)/.exec(r.location)[1];
    const reader = new Visitor(b);
    const ms = await seenWithinASecond('forum post', async () => (await reader.get(`/forum/t/${thread}`)).text.includes(body));
    const list = await reader.get('/forum/general-chat');
    assert.ok(list.text.includes(`/forum/t/${thread}`), 'the thread is listed on B');
    console.log(`forum post seen on B after ${ms} ms`);
  });

  test('a page published on A is served by B, in its pages, API and search, within a second', async () => {
    const alice = await staff('editor', 'Alice Editor');
    const bob = await staff('editor', 'Bob Editor');
    const word = nonce();
    const line = `Both nodes show this sentence about ${word}.`;
    const edit = await alice.get(`/staff/content/edit?path=${q(PAGE)}`);
    const source = /<textarea[^>]*id="source"[^>]*>([\s\S]*?)<\/textarea>/.exec(edit.text)[1]
      .replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&');
    const base = /name="base" value="(\d+)"/.exec(edit.text)[1];
    const csrf = /name="csrf_token" value="([^"]+)"/.exec(edit.text)[1];
    const saved = await alice.request('/staff/content/edit', {
      method: 'POST', form: { csrf_token: csrf, path: PAGE, base, source: `${source.trimEnd()}\n\n${line}\n`, note: word, action: 'save' },
    });
    assert.equal(saved.status, 303, saved.text.slice(0, 300));
    const revision = /revision=(\d+)/.exec(saved.location)[1];
    const act = async (who, action) => {
      const token = await who.token(`/staff/content/edit?path=${q(PAGE)}`);
      return who.request(`/staff/content/${action}`, { method: 'POST', form: { csrf_token: token, path: PAGE, revision } });
    };
    assert.equal((await act(alice, 'submit')).status, 303);
    // Bob approves on node B: the review screen there shows A's draft.
    bob.at(b);
    const published = await act(bob, 'publish');
    assert.equal(published.status, 303, published.text.slice(0, 300));
    const reader = new Visitor(a);
    const ms = await seenWithinASecond('published page', async () => (await reader.get(PAGE)).text.includes(line));
    const api = await (await fetch(`${a.base}/api/v1/pages${PAGE}`)).json();
    assert.equal(String(api.revision), revision);
    await seenWithinASecond('page in search', async () => {
      const found = await (await fetch(`${a.base}/api/v1/search?q=${word}`)).json();
      return found.results.some((x) => x.url.startsWith(PAGE));
    });
    console.log(`page published on B seen on A after ${ms} ms`);
  });

  test('a question to the nurses asked on A is in the inbox on B within a second', async () => {
    const nurse = await staff('nurse', 'Nurse Jo');
    nurse.at(b);
    const question = `Can I swim with an Ommaya reservoir? ${nonce()}`;
    const asker = new Visitor(a);
    const sent = await asker.submit('/helpline', '/helpline/ask', { consent: 'yes', name: 'Sam', email: email('asker'), question });
    assert.equal(sent.status, 303, sent.text.slice(0, 300));
    await seenWithinASecond('helpline question', async () => (await nurse.get('/staff/helpline')).text.includes(question));
  });

  test('a watched word an admin adds on A holds posts on B', async () => {
    const admin = await staff('admin', 'Ada Admin');
    const phrase = `okapi${nonce()}`;
    const r = await admin.submit('/staff/moderation/words', '/staff/moderation/words', { do: 'put', phrase, action: 'block', message: 'Not here, please.' });
    assert.equal(r.status, 303, r.text.slice(0, 300));
    const m = await member(b);
    await seenWithinASecond('watched word', async () => {
      const post = await m.submit('/forum/general-chat/new', '/forum/general-chat/new', { title: `Animals ${nonce()}`, body: `An ${phrase} today` });
      return post.status === 400 && post.text.includes('Not here, please.');
    });
  });

  test('sign-in guesses counted on A hold on B: a second node does not double them', async () => {
    const address = email('target');
    const owner = new Visitor(a);
    await owner.registerMember({ display_name: `Target ${nonce()}`, email: address, password: PASSWORD });
    const guesser = new Visitor(a);
    for (let i = 1; i <= 5; i++) {
      const r = await guesser.signIn(address, `wrong guess ${i}`);
      assert.equal(r.status, 401, `attempt ${i} on A`);
    }
    const onB = await guesser.at(b).signIn(address, 'wrong guess 6');
    assert.equal(onB.status, 429, 'the sixth guess, on B, must wait');
    assert.match(onB.text, /Try again in \d+ seconds?/);
  });

  test('trials imported while both run reach B\'s finder and search within a second of A\'s', async () => {
    const before = (await (await fetch(`${b.base}/api/v1/trials?status=any&country=any`)).json()).total;
    const imported = await importTrials(a.data, [join(TRIALS, 'mixed-export-10.json')], db);
    assert.equal(imported.code, 0, imported.stderr);
    await seenWithinASecond('imported trials', async () =>
      (await (await fetch(`${b.base}/api/v1/trials?status=any&country=any`)).json()).total > before);
  });
});
