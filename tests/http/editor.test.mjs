// Editorial governance over HTTP: who may use /staff/content; the page list with
// overdue reviews first; editing a page's source with preview and checks; a draft
// that readers never see; review by a second editor (the author cannot publish);
// sending back with a note; publishing that reaches the page, the API and search
// at once; revisions with who and when, compared line by line; two editors saving
// at once without losing either; bad and hostile input; and "Was this page useful?".
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { root, startCairn } from './cairn_server.mjs';
import { WebVisitor, escapeHtml, runCairn, signedInStaff } from './web_visitor.mjs';

const PAGE = '/about-cancer/leptomeningeal-metastases/living-with';
let server;
let alice;  // editor
let bob;    // second editor
let unique = 0;
const nonce = () => `zq${process.pid}x${++unique}`;

const q = encodeURIComponent;
const unescapeHtml = (s) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>')
  .replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

async function editForm(editor, path = PAGE) {
  const r = await editor.get(`/staff/content/edit?path=${q(path)}`);
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const source = /<textarea[^>]*id="source"[^>]*>([\s\S]*?)<\/textarea>/.exec(r.text);
  const base = /name="base" value="(\d+)"/.exec(r.text);
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(r.text);
  assert.ok(source && base && csrf, 'edit form fields missing');
  return { source: unescapeHtml(source[1]), base: base[1], csrf: csrf[1] };
}

async function saveEdit(editor, change, { note = 'Test change', action = 'save', path = PAGE } = {}) {
  const form = await editForm(editor, path);
  const source = change(form.source);
  return editor.request('/staff/content/edit', {
    method: 'POST',
    form: { csrf_token: form.csrf, path, base: form.base, source, note, action },
  });
}

async function act(editor, action, revision, extra = {}, path = PAGE) {
  const csrf = await editor.token(`/staff/content/edit?path=${q(path)}`);
  return editor.request(`/staff/content/${action}`, {
    method: 'POST', form: { csrf_token: csrf, path, revision: String(revision), ...extra },
  });
}

// The 1-based line of `source` that holds `needle`.
const lineOf = (source, needle) => source.slice(0, source.indexOf(needle)).split('\n').length;

function savedRevision(response) {
  assert.equal(response.status, 303, response.text.slice(0, 500));
  const m = /done=saved&revision=(\d+)/.exec(response.location);
  assert.ok(m, `not saved: ${response.location}`);
  return Number(m[1]);
}

const addLine = (line) => (source) => `${source.trimEnd()}\n\n${line}\n`;

before(async () => {
  server = await startCairn({ args: ['--trust-proxy', 'on'] });
  alice = await signedInStaff(server, 'editor', 'Alice Editor');
  bob = await signedInStaff(server, 'editor', 'Bob Editor');
});

after(async () => { await server?.stop(); });

describe('who may use the editor pages', () => {
  test('signed-out visitors are sent to sign in, and come back after', async () => {
    const r = await new WebVisitor(server).get(`/staff/content/page?path=${q(PAGE)}`);
    assert.equal(r.status, 303);
    assert.match(r.location, /^\/account\/sign-in\?next=/);
    assert.ok(decodeURIComponent(decodeURIComponent(r.location)).includes(`/staff/content/page?path=${PAGE}`),
      r.location);
  });

  test('members, nurses and moderators are refused', async () => {
    for (const role of ['member', 'nurse', 'moderator']) {
      const v = await signedInStaff(server, role, `A ${role} ${nonce()}`);
      assert.equal((await v.get('/staff/content')).status, 403, role);
      assert.equal((await v.get(`/staff/content/edit?path=${q(PAGE)}`)).status, 403, role);
    }
  });

  test('an administrator may edit', async () => {
    const admin = await signedInStaff(server, 'admin', `Admin ${nonce()}`);
    assert.equal((await admin.get('/staff/content')).status, 200);
  });
});

describe('the page list', () => {
  test('shows every page with review status, overdue first, reading age and feedback', async () => {
    const r = await alice.get('/staff/content');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const index = await (await fetch(`${server.base}/api/v1/pages`)).json();
    const rows = [...r.text.matchAll(/<tr class="nhsuk-table__row" data-path="([^"]+)">([\s\S]*?)<\/tr>/g)]
      .map((m) => ({ path: m[1], html: m[2] }));
    assert.deepEqual(rows.map((x) => x.path).sort(), index.pages.map((p) => p.path).sort());
    const today = new Date().toISOString().slice(0, 10);
    const rank = [];
    for (const row of rows) {
      const page = await (await fetch(`${server.base}/api/v1/pages${row.path === '/' ? '/' : row.path}`)).json();
      const overdue = page.next_review < today;
      rank.push(overdue ? 0 : 1);
      if (overdue) assert.match(row.html, />Overdue</, row.path);
      assert.match(row.html, /Reading age <\/span><div class="cairn-staff-table__value">\d+\.\d/, `${row.path}: reading age`);
      assert.match(row.html, /\d+ yes, \d+ no/, `${row.path}: feedback counts`);
    }
    assert.deepEqual(rank, [...rank].sort(), 'overdue pages come first');
  });

  test('on a phone each row is a card: every cell carries its column heading', async () => {
    const r = await alice.get('/staff/content');
    assert.match(r.text, /<table class="nhsuk-table-responsive cairn-staff-table">/);
    const row = /<tr class="nhsuk-table__row" data-path="[^"]+">([\s\S]*?)<\/tr>/.exec(r.text)[1];
    const headings = [...row.matchAll(/<span class="nhsuk-table-responsive__heading" aria-hidden="true">([^<]+) <\/span>/g)]
      .map((m) => m[1]);
    assert.deepEqual(headings, ['Page', 'Review', 'Reading age', 'Was it useful?', 'Changes']);
  });
});

describe('edit, review and publish', () => {
  test('a draft is kept but readers do not see it until a second editor publishes it', async () => {
    const word = nonce();
    const line = `Editors added this sentence about ${word}.`;

    // Preview: the page as readers would see it, with the checks, and nothing saved.
    const preview = await saveEdit(alice, addLine(line), { action: 'preview' });
    assert.equal(preview.status, 200, preview.text.slice(0, 500));
    assert.match(preview.text, /<h2 id="preview-heading">Preview<\/h2>/);
    assert.ok(preview.text.includes(`<p>${line}</p>`), 'preview renders the new paragraph');
    assert.ok(preview.text.includes(escapeHtml(line)), 'the typed text is kept in the box');
    const before = await alice.get(`/staff/content/page?path=${q(PAGE)}`);
    assert.match(before.text, /No changes are waiting/);

    const revision = savedRevision(await saveEdit(alice, addLine(line), { note: `Adds ${word}` }));
    const page = await alice.get(`/staff/content/page?path=${q(PAGE)}&done=saved&revision=${revision}`);
    assert.match(page.text, new RegExp(`Revision ${revision} is saved as a draft`));
    assert.match(page.text, />Draft</);
    assert.ok(page.text.includes(`Adds ${word}`), 'the change summary is shown');
    assert.ok(!(await new WebVisitor(server).get(PAGE)).text.includes(word), 'readers do not see drafts');

    // Alice sends it for review, but may not publish her own revision.
    assert.equal((await act(alice, 'submit', revision)).status, 303);
    const own = await alice.get(`/staff/content/page?path=${q(PAGE)}`);
    assert.match(own.text, />In review</);
    assert.match(own.text, /a second editor must approve and publish it/);
    assert.ok(!own.text.includes('action="/staff/content/publish"'));
    const selfPublish = await act(alice, 'publish', revision);
    assert.equal(selfPublish.status, 403);
    assert.match(selfPublish.text, /second editor/);
    assert.ok(!(await new WebVisitor(server).get(PAGE)).text.includes(word));

    // Bob sends it back; a note is required.
    const noNote = await act(bob, 'return', revision, { note: '  ' });
    assert.equal(noNote.status, 400);
    assert.match(noNote.text, /Say what needs to change/);
    const why = `Please cite a source for ${word} <b>now</b>`;
    assert.equal((await act(bob, 'return', revision, { note: why })).status, 303);
    const returned = await alice.get(`/staff/content/page?path=${q(PAGE)}`);
    assert.match(returned.text, /Sent back by Bob Editor/);
    assert.ok(returned.text.includes(escapeHtml(why)), 'the note is shown, escaped');
    assert.ok(!returned.text.includes('<b>now</b>'));

    // Alice sends it again; Bob approves; readers, the API and search see it at once.
    assert.equal((await act(alice, 'submit', revision)).status, 303);
    const published = await act(bob, 'publish', revision);
    assert.equal(published.status, 303, published.text.slice(0, 300));
    assert.match(published.location, /done=published/);
    const live = await new WebVisitor(server).get(PAGE);
    assert.ok(live.text.includes(line), 'the published page shows the change at once');
    const api = await (await fetch(`${server.base}/api/v1/pages${PAGE}`)).json();
    assert.equal(api.revision, revision);
    const found = await (await fetch(`${server.base}/api/v1/search?q=${word}`)).json();
    assert.ok(found.results.some((x) => x.url.startsWith(PAGE)), JSON.stringify(found));

    // The revisions say who and when; the comparison shows the added line.
    const history = await alice.get(`/staff/content/page?path=${q(PAGE)}`);
    assert.match(history.text, /No changes are waiting. Readers see revision/);
    assert.match(history.text, /Alice Editor<br>\d+ \w+ \d{4} at \d\d:\d\d UTC/);
    assert.match(history.text, /Approved by Bob Editor/);
    const diff = await alice.get(`/staff/content/compare?path=${q(PAGE)}&from=${revision - 1}&to=${revision}`);
    assert.equal(diff.status, 200);
    assert.ok(diff.text.includes(`<ins><span class="nhsuk-u-visually-hidden">Added: </span><code>${line}</code></ins>`));
    assert.ok(!diff.text.includes('<del>'), 'nothing was removed');
  });

  test('the reviewer sees the findings, the change against the live page and the preview', async () => {
    const word = nonce();
    const line = `A sentence the reviewer should see, about ${word}.`;
    const revision = savedRevision(await saveEdit(alice, (s) => addLine(line)(s.replace(/^(#+ .*)$/m, '$1 (renamed)'))));
    assert.equal((await act(alice, 'submit', revision)).status, 303);
    const page = await bob.get(`/staff/content/page?path=${q(PAGE)}`);
    assert.ok(!page.text.includes('action="/staff/content/publish"'), 'approval only on the review screen');
    const link = new RegExp(`href="(/staff/content/review\\?path=[^"]+&amp;revision=${revision})"`).exec(page.text);
    assert.ok(link, 'the page links to the review screen');
    const review = await bob.get(unescapeHtml(link[1]));
    assert.equal(review.status, 200);
    assert.match(review.text, /<h2 class="nhsuk-heading-m">What the checks found<\/h2>/);
    // The change against the live page: the added line and the renamed heading, old and new.
    assert.ok(review.text.includes(`<ins><span class="nhsuk-u-visually-hidden">Added: </span><code>${line}</code></ins>`));
    assert.match(review.text, /<del><span class="nhsuk-u-visually-hidden">Removed: <\/span><code>#+ [^<]*<\/code><\/del>/);
    assert.match(review.text, /<ins><span class="nhsuk-u-visually-hidden">Added: <\/span><code>#+ [^<]* \(renamed\)<\/code><\/ins>/);
    // The preview beside it: the revision as readers would see it.
    const side = /<div class="cairn-side-by-side">([\s\S]*?)<h2 id="decision-heading">/.exec(review.text);
    assert.ok(side, 'the change and the preview sit together before the decision');
    assert.match(side[1], /<h2 id="changes-heading">/);
    assert.ok(side[1].indexOf('id="changes-heading"') < side[1].indexOf('id="preview-heading"'));
    assert.ok(/<div class="cairn-preview__page" tabindex="0">[\s\S]*<p>A sentence the reviewer should see/.test(side[1]));
    assert.match(review.text, /action="\/staff\/content\/publish"[\s\S]*Approve and publish/);
    // The author sees the same screen without the approval.
    const own = await alice.get(unescapeHtml(link[1]));
    assert.match(own.text, /a second editor must approve and publish it/);
    assert.ok(!own.text.includes('action="/staff/content/publish"'));
    assert.equal((await act(bob, 'return', revision, { note: 'Keep the old heading' })).status, 303);
  });

  test('the edit form shows the source beside its preview, refreshed on request', async () => {
    const r = await alice.get(`/staff/content/edit?path=${q(PAGE)}`);
    const grid = /<div class="cairn-side-by-side cairn-editor">([\s\S]*)<\/section>\n<\/div>/.exec(r.text);
    assert.ok(grid, 'source and preview share one grid');
    assert.ok(grid[1].indexOf('id="source"') < grid[1].indexOf('id="preview-heading"'), 'source first, then the preview');
    assert.match(grid[1], /<div class="cairn-preview__page" tabindex="0">[\s\S]*<h1[^>]*>/, 'the working copy is previewed at once');
    // A preview of text that cannot be read keeps the text and says why.
    const broken = await saveEdit(alice, (s) => s.replace(/^title: .*$/m, 'title: [unclosed'), { action: 'preview' });
    assert.equal(broken.status, 400);
    assert.ok(broken.text.includes('title: [unclosed'));
    assert.match(broken.text, /Fix the problems in the page source, then choose Preview/);
  });

  test('a save after the session ended keeps the text through signing in again', async () => {
    const email = `kept.${process.pid}@example.org`;
    const password = 'kettle orbit sunrise';
    const made = await runCairn(['user', 'add', email, '--role', 'editor', '--name', 'Kit Kept',
      ...server.storeArgs, '--content', join(root, 'content')], `${password}\n`);
    assert.equal(made.code, 0, made.out);
    const kit = new WebVisitor(server);
    assert.equal((await kit.signIn(email, password)).status, 303);
    const form = await editForm(kit);
    const typed = `Typed before the session ended ${nonce()} <b>bold</b>.`;
    // The session ends (expired, or signed out elsewhere); the browser keeps its stale cookie.
    kit.jar.set('cairn_session', 'expired-session-token');
    const saved = await kit.request('/staff/content/edit', {
      method: 'POST',
      form: { csrf_token: form.csrf, path: PAGE, base: form.base, source: addLine(typed)(form.source), note: 'Kept note', action: 'save' },
    });
    assert.equal(saved.status, 303);
    assert.match(saved.location, /^\/account\/sign-in\?kept=1&next=/);
    const signIn = await kit.get(saved.location);
    assert.match(signIn.text, /What you typed is kept/);
    const next = /name="next" value="([^"]+)"/.exec(signIn.text)[1];
    assert.match(unescapeHtml(next), /^\/staff\/content\/edit\?path=.*&kept=[\w-]{43}$/);
    const csrf = /name="csrf_token" value="([^"]+)"/.exec(signIn.text)[1];
    const back = await kit.request('/account/sign-in', { method: 'POST', form: { csrf_token: csrf, email, password, next: unescapeHtml(next) } });
    assert.equal(back.status, 303);
    assert.equal(back.location, unescapeHtml(next));
    const restored = await kit.get(back.location);
    assert.equal(restored.status, 200);
    assert.ok(restored.text.includes(escapeHtml(typed)), 'the typed text is back in the box');
    assert.match(restored.text, /value="Kept note"/);
    assert.match(restored.text, /You were signed out before your changes were saved/);
    assert.ok(!(await alice.get(`/staff/content/page?path=${q(PAGE)}`)).text.includes('Typed before the session ended'),
      'nothing was saved without a session');
    // The token works once.
    const again = await kit.get(back.location);
    assert.ok(!again.text.includes(escapeHtml(typed)));
    // Someone who is not signed in gets no text from a token.
    const stranger = await new WebVisitor(server).get(back.location);
    assert.equal(stranger.status, 303);
  });

  test('two editors saving at once both keep their work', async () => {
    const a = await editForm(alice);
    const b = await editForm(bob);
    assert.equal(a.base, b.base);
    const send = (editor, form, line) => editor.request('/staff/content/edit', {
      method: 'POST',
      form: { csrf_token: form.csrf, path: PAGE, base: form.base, source: addLine(line)(form.source), note: '', action: 'save' },
    });
    const first = savedRevision(await send(alice, a, `First ${nonce()}.`));
    const second = await send(bob, b, `Second ${nonce()}.`);
    assert.equal(savedRevision(second), first + 1);
    assert.match(second.location, new RegExp(`overtaken=${first}`));
    const page = await bob.get(second.location);
    assert.match(page.text, new RegExp(`Someone else saved revision ${first} while you were editing`));
    const one = await alice.get(`/staff/content/compare?path=${q(PAGE)}&from=${first}&to=${first + 1}`);
    assert.match(one.text, /First zq/);
    assert.match(one.text, /Second zq/);
  });

  test('saving the same text again adds no revision', async () => {
    const r = await saveEdit(alice, (s) => s);
    assert.equal(r.status, 303);
    assert.match(r.location, /done=unchanged/);
  });

  test('a broken page is refused with its line, and the text is kept', async () => {
    const r = await saveEdit(alice, (s) => s.replace(/^title: .*$/m, 'title: [unclosed'));
    assert.equal(r.status, 400);
    assert.match(r.text, /There is a problem/);
    assert.match(r.text, /Line \d+/);
    assert.ok(r.text.includes('title: [unclosed'));
    const missing = await saveEdit(alice, (s) => s.replace(/^title: .*\n/m, ''));
    assert.equal(missing.status, 400);
    assert.match(missing.text, /title/);
  });

  test('hostile text stays text in the editor, the preview and the comparison', async () => {
    const attack = `</textarea><script>alert(1)</script><img src=x onerror=alert(2)> ${nonce()}`;
    const preview = await saveEdit(alice, addLine(attack), { action: 'preview' });
    assert.equal(preview.status, 200);
    assert.ok(!preview.text.includes('<script>alert(1)'));
    assert.ok(!preview.text.includes('<img src=x'));
    const revision = savedRevision(await saveEdit(alice, addLine(attack)));
    const diff = await alice.get(`/staff/content/compare?path=${q(PAGE)}&from=${revision - 1}&to=${revision}`);
    assert.ok(diff.text.includes(escapeHtml(attack)));
    assert.ok(!diff.text.includes('<script>alert(1)'));
  });

  test('without a CSRF token nothing is saved', async () => {
    const form = await editForm(alice);
    const r = await alice.request('/staff/content/edit', {
      method: 'POST',
      form: { path: PAGE, base: form.base, source: addLine('No token.')(form.source), action: 'save' },
    });
    assert.equal(r.status, 403);
    const after = await editForm(alice);
    assert.equal(after.base, form.base);
  });

  test('unknown pages and revisions are 404', async () => {
    assert.equal((await alice.get('/staff/content/edit?path=/no/such/page')).status, 404);
    assert.equal((await alice.get(`/staff/content/compare?path=${q(PAGE)}&from=1&to=9999`)).status, 404);
    assert.equal((await alice.get(`/staff/content/compare?path=${q(PAGE)}&from=x&to=1`)).status, 404);
  });
});

describe('the checks gate', () => {
  const GATE = '/about-cancer/leptomeningeal-metastases';
  const BROKEN = '/about-cancer/benefits';
  let admin;
  let brokenRevision;
  let brokenSource;

  before(async () => {
    admin = await signedInStaff(server, 'admin', 'Ada Admin');
  });

  test('a draft with a broken link shows the error and cannot be sent for review', async () => {
    const line = `Ask about money worries on [our benefits page](${BROKEN}) ${nonce()}.`;
    const form = await editForm(alice, GATE);
    brokenSource = addLine(line)(form.source);
    const preview = await alice.request('/staff/content/edit', {
      method: 'POST',
      form: { csrf_token: form.csrf, path: GATE, base: form.base, source: brokenSource, note: '', action: 'preview' },
    });
    assert.equal(preview.status, 200);
    assert.ok(preview.text.includes(`line ${lineOf(brokenSource, BROKEN)}: link to &#39;${BROKEN}&#39;`),
      'the preview lists the error at its line');
    brokenRevision = savedRevision(await alice.request('/staff/content/edit', {
      method: 'POST',
      form: { csrf_token: form.csrf, path: GATE, base: form.base, source: brokenSource, note: 'Adds a link', action: 'save' },
    }));

    const page = await alice.get(`/staff/content/page?path=${q(GATE)}`);
    assert.match(page.text, /<div class="cairn-checks" id="checks"><h3>What the checks found<\/h3>/);
    assert.match(page.text, /1 error( and \d+ warnings?)?\. It cannot be sent for review or approved until the errors are fixed/);
    assert.ok(!page.text.includes('action="/staff/content/submit"'), 'no send button for a failing draft');

    const refused = await act(alice, 'submit', brokenRevision, {}, GATE);
    assert.equal(refused.status, 422, refused.text.slice(0, 300));
    assert.match(refused.text, /There is a problem/);
    const expected = `Line ${lineOf(brokenSource, BROKEN)}: link to &#39;${BROKEN}&#39;`;
    assert.ok(refused.text.includes(`<li><a href="#checks">${expected}`), 'the summary lists the error by line');
    assert.match(refused.text, /id="checks"/, 'the findings the summary links to are on the page');
    const after = await alice.get(`/staff/content/page?path=${q(GATE)}`);
    assert.match(after.text, new RegExp(`Revision ${brokenRevision} <strong class="nhsuk-tag nhsuk-tag--grey">Draft<`));
  });

  test('a failing revision an administrator sent on cannot be approved by an editor', async () => {
    assert.equal((await act(admin, 'submit', brokenRevision, {}, GATE)).status, 303);
    const page = await bob.get(`/staff/content/review?path=${q(GATE)}&revision=${brokenRevision}`);
    assert.match(page.text, /The checks found errors, so it cannot be approved/);
    assert.ok(!page.text.includes('action="/staff/content/publish"'));
    const refused = await act(bob, 'publish', brokenRevision, {}, GATE);
    assert.equal(refused.status, 422);
    assert.ok(refused.text.includes(`Line ${lineOf(brokenSource, BROKEN)}: link to &#39;${BROKEN}&#39;`));
    assert.match(refused.text, /Only an administrator can publish over failed checks/);
    const live = await new WebVisitor(server).get(GATE);
    assert.ok(!live.text.includes(BROKEN), 'readers never get the broken link');
  });

  test('an administrator publishes over failed checks only with a reason, kept in the history', async () => {
    const page = await admin.get(`/staff/content/review?path=${q(GATE)}&revision=${brokenRevision}`);
    assert.match(page.text, /<textarea[^>]*id="override_reason"/);
    const noReason = await act(admin, 'publish', brokenRevision, { override_reason: '  ' }, GATE);
    assert.equal(noReason.status, 422);
    assert.match(noReason.text, /<a href="#override_reason">Say why this page should be published/);
    const typed = `Kept as typed ${nonce()}`;
    const tooLong = await act(admin, 'publish', brokenRevision, { override_reason: `${typed} ${'x'.repeat(500)}`, note: typed }, GATE);
    assert.equal(tooLong.status, 422);
    assert.ok(tooLong.text.includes(typed), 'the refused form keeps what was typed');
    assert.ok(!(await new WebVisitor(server).get(GATE)).text.includes(BROKEN));

    const reason = `The benefits page <em>goes live</em> this afternoon ${nonce()}`;
    const published = await act(admin, 'publish', brokenRevision, { override_reason: reason }, GATE);
    assert.equal(published.status, 303, published.text.slice(0, 300));
    assert.ok((await new WebVisitor(server).get(GATE)).text.includes(BROKEN));
    const history = await alice.get(`/staff/content/page?path=${q(GATE)}`);
    assert.ok(history.text.includes(`<strong>Published over failed checks</strong> by Ada Admin: ${escapeHtml(reason)}`),
      'the reason is in the history, escaped');
    assert.match(history.text, /Checks: 1 error( and \d+ warnings?)?<\/span>/);
  });

  test('warnings are shown and recorded but do not block', async () => {
    const WARNED = '/about-cancer/leptomeningeal-metastases/treatment';  // GATE now has an error
    const long = `This sentence about ${nonce()} ${'goes on and on '.repeat(10)}until it ends.`;
    const revision = savedRevision(await saveEdit(alice, addLine(long), { path: WARNED }));
    const page = await alice.get(`/staff/content/page?path=${q(WARNED)}`);
    assert.match(page.text, /<strong>Warning<\/strong>, line \d+: sentence has \d+ words/);
    assert.equal((await act(alice, 'submit', revision, {}, WARNED)).status, 303);
    const sent = await bob.get(`/staff/content/page?path=${q(WARNED)}`);
    assert.match(sent.text, /Checks: \d+ warnings?<\/span>/, 'the warnings are kept with the revision');
    assert.equal((await act(bob, 'publish', revision, {}, WARNED)).status, 303);
    assert.ok((await new WebVisitor(server).get(WARNED)).text.includes('until it ends.'));
  });
});

describe('was this page useful?', () => {
  const FEEDBACK_PAGE = '/about-cancer/leptomeningeal-metastases/research';

  test('every page asks, with a form that needs no token', async () => {
    const r = await new WebVisitor(server).get(FEEDBACK_PAGE);
    assert.match(r.text, /<h2 class="nhsuk-heading-s" id="feedback-heading">Was this page useful\?<\/h2>/);
    assert.match(r.text, /<form method="get" action="\/feedback"/);
    assert.ok(r.text.includes(`name="page" value="${FEEDBACK_PAGE}"`));
    assert.ok(!/set-cookie/i.test([...r.headers.keys()].join(' ')), 'cached pages set no cookie');
  });

  test('an answer with a comment is counted and shown to editors, escaped', async () => {
    const v = new WebVisitor(server);
    const ask = await v.get(`/feedback?page=${q(FEEDBACK_PAGE)}&useful=no`);
    assert.equal(ask.status, 200);
    assert.match(ask.text, /value="no" checked/);
    const comment = `It did not say how long <em>treatment</em> lasts ${nonce()}`;
    const csrf = /name="csrf_token" value="([^"]+)"/.exec(ask.text)[1];
    const sent = await v.request('/feedback', {
      method: 'POST', form: { csrf_token: csrf, page: FEEDBACK_PAGE, useful: 'no', comment },
    });
    assert.equal(sent.status, 303);
    const thanks = await v.get(sent.location);
    assert.match(thanks.text, /Thank you for your feedback/);
    const yes = await v.submit(`/feedback?page=${q(FEEDBACK_PAGE)}&useful=yes`, '/feedback',
      { page: FEEDBACK_PAGE, useful: 'yes', comment: '' });
    assert.equal(yes.status, 303);

    const list = await alice.get('/staff/content');
    const row = new RegExp(`data-path="${FEEDBACK_PAGE}">[\\s\\S]*?</tr>`).exec(list.text)[0];
    assert.match(row, /1 yes, 1 no/);
    assert.match(row, /1 comment/);
    const detail = await alice.get(`/staff/content/page?path=${q(FEEDBACK_PAGE)}`);
    assert.ok(detail.text.includes(escapeHtml(comment)));
    assert.ok(!detail.text.includes('<em>treatment</em>'));
  });

  test('bad answers are refused and nothing is kept', async () => {
    const v = new WebVisitor(server);
    const noChoice = await v.submit(`/feedback?page=${q(FEEDBACK_PAGE)}`, '/feedback',
      { page: FEEDBACK_PAGE, comment: 'hello' });
    assert.equal(noChoice.status, 400);
    assert.match(noChoice.text, /Select yes or no/);
    const contact = await v.submit(`/feedback?page=${q(FEEDBACK_PAGE)}`, '/feedback',
      { page: FEEDBACK_PAGE, useful: 'yes', comment: 'Call me on 07700 900123 or jo@example.org' });
    assert.equal(contact.status, 400);
    assert.match(contact.text, /Remove phone numbers and email addresses/);
    const long = await v.submit(`/feedback?page=${q(FEEDBACK_PAGE)}`, '/feedback',
      { page: FEEDBACK_PAGE, useful: 'yes', comment: 'x'.repeat(1001) });
    assert.equal(long.status, 400);
    assert.equal((await v.get('/feedback?page=/no/such/page&useful=yes')).status, 404);
    const detail = await alice.get(`/staff/content/page?path=${q(FEEDBACK_PAGE)}`);
    assert.ok(!detail.text.includes('07700 900123'));
    assert.ok(!detail.text.includes('xxxxxxxxxx'));
  });

  test('a comment about self-harm shows crisis support at once', async () => {
    const v = new WebVisitor(server);
    const sent = await v.submit(`/feedback?page=${q(FEEDBACK_PAGE)}`, '/feedback',
      { page: FEEDBACK_PAGE, useful: 'no', comment: 'I want to end my life' });
    assert.equal(sent.status, 303);
    const thanks = await v.get(sent.location);
    assert.match(thanks.text, /116 123/);
  });

  test('answers from one address are rate-limited', async () => {
    const v = new WebVisitor(server);
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      const r = await v.submit(`/feedback?page=${q(FEEDBACK_PAGE)}`, '/feedback',
        { page: FEEDBACK_PAGE, useful: 'yes', comment: '' });
      statuses.push(r.status);
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(303));
    assert.equal(statuses[10], 429);
  });
});
