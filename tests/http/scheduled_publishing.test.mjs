// Scheduled publishing: a second editor approves a revision to go live at a
// date and time (UK time); readers keep the page they have until then, and the
// change then reaches the page, the API and search on every node through the
// change feed. The server's time is chosen (--clock-file) and moved past it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCairn } from './cairn_server.mjs';
import { WebVisitor, escapeHtml, signedInStaff } from './web_visitor.mjs';

const PAGE = '/about-cancer/leptomeningeal-metastases/treatment';
const q = encodeURIComponent;
const unescapeHtml = (s) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>')
  .replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
let work;
let clockFile;
let server;
let alice;
let bob;
let unique = 0;
const word = () => `zq${process.pid}s${++unique}`;
const setClock = (iso) => writeFileSync(clockFile, `${iso}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Alice saves a draft ending with `line` and sends it for review; its revision number.
async function draftInReview(line) {
  const edit = await alice.get(`/staff/content/edit?path=${q(PAGE)}`);
  const source = unescapeHtml(/<textarea[^>]*id="source"[^>]*>([\s\S]*?)<\/textarea>/.exec(edit.text)[1]);
  const base = /name="base" value="(\d+)"/.exec(edit.text)[1];
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(edit.text)[1];
  const saved = await alice.request('/staff/content/edit', {
    method: 'POST',
    form: { csrf_token: csrf, path: PAGE, base, source: `${source.trimEnd()}\n\n${line}\n`, note: 'Timed change', action: 'save' },
  });
  const revision = Number(/revision=(\d+)/.exec(saved.location)[1]);
  const sent = await alice.request('/staff/content/submit', { method: 'POST', form: { csrf_token: csrf, path: PAGE, revision: String(revision) } });
  assert.equal(sent.status, 303, sent.text.slice(0, 300));
  return revision;
}

async function decide(editor, revision, form) {
  const review = await editor.get(`/staff/content/review?path=${q(PAGE)}&revision=${revision}`);
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(review.text)[1];
  return editor.request('/staff/content/publish', {
    method: 'POST', form: { csrf_token: csrf, path: PAGE, revision: String(revision), ...form },
  });
}

const readerSees = async (text) => (await new WebVisitor(server).get(PAGE)).text.includes(text);

async function eventually(check, what, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(what);
    await sleep(100);
  }
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'cairn-schedule-'));
  clockFile = join(work, 'now');
  setClock('2030-06-01T08:00:00Z');  // 09:00 in London (BST)
  server = await startCairn({ args: ['--trust-proxy', 'on', '--clock-file', clockFile, '--editor-tasks-ms', '100'] });
  alice = await signedInStaff(server, 'editor', 'Alice Author');
  bob = await signedInStaff(server, 'editor', 'Bob Reviewer');
});

after(async () => {
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('scheduled publishing', () => {
  test('a revision approved for 10:00 UK time goes live then, not before', async () => {
    const w = word();
    const line = `Timed news about ${w}.`;
    const revision = await draftInReview(line);

    const review = await bob.get(`/staff/content/review?path=${q(PAGE)}&revision=${revision}`);
    assert.match(review.text, /<legend[^>]*>Or choose when it goes live<\/legend>/);
    assert.match(review.text, /<input class="nhsuk-input" id="go_live_date" name="go_live_date" type="date"/);

    const past = await decide(bob, revision, { when: 'later', go_live_date: '2030-06-01', go_live_time: '08:30' });
    assert.equal(past.status, 400);
    assert.match(past.text, /<a href="#go_live_date">Choose a date and time that is still to come/);
    assert.match(past.text, /value="2030-06-01"[\s\S]*value="08:30"/, 'what was typed is kept');
    const nonsense = await decide(bob, revision, { when: 'later', go_live_date: '2030-02-30', go_live_time: '10:00' });
    assert.equal(nonsense.status, 400);
    assert.match(nonsense.text, /Enter the date it goes live as 2030-06-01/);

    const scheduled = await decide(bob, revision, { when: 'later', go_live_date: '2030-06-01', go_live_time: '10:00' });
    assert.equal(scheduled.status, 303, scheduled.text.slice(0, 300));
    assert.match(scheduled.location, /done=scheduled/);
    const page = await alice.get(`/staff/content/page?path=${q(PAGE)}`);
    assert.match(page.text, new RegExp(`Revision ${revision} <strong class="nhsuk-tag nhsuk-tag--purple">Scheduled</strong> goes live on 1 June 2030 at 10:00 UK time\\. Approved by Bob Reviewer`));
    assert.equal(await readerSees(line), false, 'readers keep the published page');

    setClock('2030-06-01T08:59:59Z');  // 09:59:59 in London
    await sleep(600);
    assert.equal(await readerSees(line), false, 'not a second early');

    setClock('2030-06-01T09:00:00Z');  // 10:00 in London
    await eventually(() => readerSees(line), 'the page shows the change once its time has come');
    const api = await (await fetch(`${server.base}/api/v1/pages${PAGE}`)).json();
    assert.equal(api.revision, revision);
    await eventually(async () => {
      const found = await (await fetch(`${server.base}/api/v1/search?q=${w}`)).json();
      return found.results.some((x) => x.url.startsWith(PAGE));
    }, 'search finds the change');
    const history = await alice.get(`/staff/content/page?path=${q(PAGE)}`);
    assert.match(history.text, /Approved by Bob Reviewer, [^;]+; went live on 1 June 2030 at 10:00 UK time/);
    assert.match(server.log(), new RegExp(`revision ${revision} of ${PAGE} went live at its chosen time`));
  });

  test('a scheduled revision can be stopped, and then never goes live', async () => {
    const line = `Never shown ${word()}.`;
    const revision = await draftInReview(line);
    assert.equal((await decide(bob, revision, { when: 'later', go_live_date: '2030-06-01', go_live_time: '12:00' })).status, 303);
    const page = await alice.get(`/staff/content/page?path=${q(PAGE)}`);
    const csrf = /name="csrf_token" value="([^"]+)"/.exec(page.text)[1];
    assert.match(page.text, /action="\/staff\/content\/unschedule"/);
    const stopped = await alice.request('/staff/content/unschedule', { method: 'POST', form: { csrf_token: csrf, path: PAGE, revision: String(revision) } });
    assert.equal(stopped.status, 303);
    assert.match((await alice.get(stopped.location)).text, /will not go live\. It is back in review/);
    setClock('2030-06-01T11:30:00Z');
    await sleep(600);
    assert.equal(await readerSees(line), false);
    assert.match((await bob.get(`/staff/content/review?path=${q(PAGE)}&revision=${revision}`)).text, />In review</);
    // Back in review, it can be approved again: now.
    assert.equal((await decide(bob, revision, { when: 'now' })).status, 303);
    assert.equal(await readerSees(line), true);
  });

  test('a scheduled revision overtaken by a newer published one does not go live', async () => {
    const older = `Older timed text ${word()}.`;
    const first = await draftInReview(older);
    assert.equal((await decide(bob, first, { when: 'later', go_live_date: '2030-06-01', go_live_time: '15:00' })).status, 303);
    const newer = `Urgent fix ${word()}.`;
    const second = await draftInReview(newer);
    assert.equal((await decide(bob, second, { when: 'now' })).status, 303);
    assert.equal(await readerSees(newer), true);
    setClock('2030-06-01T14:00:00Z');  // 15:00 in London
    await eventually(async () => (await alice.get(`/staff/content/page?path=${q(PAGE)}`)).text
      .includes(escapeHtml(`Revision ${second} was published before this one's time came`)), 'the older one is sent back, saying why');
    assert.equal(await readerSees(newer), true, 'the newer page stays live');
    const api = await (await fetch(`${server.base}/api/v1/pages${PAGE}`)).json();
    assert.equal(api.revision, second);
  });
});
