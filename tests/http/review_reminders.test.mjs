// Reviews never slip: each page has an owner, set on the page's editor screen;
// every Monday morning (UK time) each owner gets one email, through the outbox,
// listing their pages overdue for review or due within 60 days; their account
// page shows the same list; `cairn check --due-within 60` prints it for scripts.
// The server's time is chosen (--clock-file) and moved on to the next Monday.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, startCairn } from './cairn_server.mjs';
import { mailBody } from './smtp_sink.mjs';
import { WebVisitor, runCairn } from './web_visitor.mjs';

const PASSWORD = 'kettle orbit sunrise';
const LM = '/about-cancer/leptomeningeal-metastases';
// Next review dates around the chosen Monday, 11 March 2030.
const DATES = {
  [`${LM}/living-with`]: '2030-03-01',  // 10 days overdue: Alice's
  [`${LM}/treatment`]: '2030-04-20',    // due in 40 days: Alice's
  [`${LM}/research`]: '2030-06-30',     // 111 days away: Alice's, not listed
  [LM]: '2030-03-12',                   // due tomorrow: Bob's
};
const FILES = {
  [`${LM}/living-with`]: 'about-cancer/leptomeningeal-metastases/living-with.md',
  [`${LM}/treatment`]: 'about-cancer/leptomeningeal-metastases/treatment.md',
  [`${LM}/research`]: 'about-cancer/leptomeningeal-metastases/research.md',
  [LM]: 'about-cancer/leptomeningeal-metastases/index.md',
};

let work;
let clockFile;
let server;
const editors = {
  alice: { email: `alice.${process.pid}@example.org`, name: 'Alice Owner' },
  bob: { email: `bob.${process.pid}@example.org`, name: 'Bob Owner' },
};
const q = encodeURIComponent;

const setClock = (iso) => writeFileSync(clockFile, `${iso}\n`);

async function signIn(who) {
  const v = new WebVisitor(server);
  const r = await v.signIn(who.email, PASSWORD);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  return v;
}

async function setOwner(visitor, path, ownerId) {
  const page = await visitor.get(`/staff/content/page?path=${q(path)}`);
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(page.text)[1];
  return visitor.request('/staff/content/owner', { method: 'POST', form: { csrf_token: csrf, path, owner: String(ownerId) } });
}

// The owner choices on a page's editor screen, by name.
async function ownerIds(visitor) {
  const page = await visitor.get(`/staff/content/page?path=${q(LM)}`);
  const select = /<select class="nhsuk-select" id="owner" name="owner">([\s\S]*?)<\/select>/.exec(page.text)[1];
  return Object.fromEntries([...select.matchAll(/<option value="(\d+)"[^>]*>([^<]+)<\/option>/g)].map((m) => [m[2], m[1]]));
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'cairn-reminders-'));
  const content = join(work, 'content');
  cpSync(join(root, 'content'), content, { recursive: true });
  // Every other page is reviewed and not due for a year.
  const pages = join(content, 'pages');
  for (const file of readdirSync(pages, { recursive: true }).filter((f) => f.endsWith('.md'))) {
    const path = Object.keys(FILES).find((p) => FILES[p] === file);
    const text = readFileSync(join(pages, file), 'utf8')
      .replace(/^next_review: .*$/m, `next_review: ${path ? DATES[path] : '2031-03-01'}`)
      .replace(/^last_reviewed: .*$/m, 'last_reviewed: 2029-03-01');
    writeFileSync(join(pages, file), text);
  }
  clockFile = join(work, 'now');
  // Months before any page is due: no reminder has anything to say while the owners are
  // being set (one sent between two owner changes would list only some of the pages).
  setClock('2029-10-01T09:30:00Z');
  server = await startCairn({ content, args: ['--trust-proxy', 'on', '--clock-file', clockFile, '--editor-tasks-ms', '200'] });
  for (const who of Object.values(editors)) {
    const r = await runCairn(['user', 'add', who.email, '--role', 'editor', '--name', who.name,
      ...server.storeArgs, '--content', content], `${PASSWORD}\n`);
    assert.equal(r.code, 0, r.out);
  }
});

after(async () => {
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('page owners and their weekly review reminder', () => {
  let alice;
  let bob;
  let ids;

  test('editors choose an owner for each page among the editors', async () => {
    alice = await signIn(editors.alice);
    bob = await signIn(editors.bob);
    ids = await ownerIds(alice);
    assert.ok(ids['Alice Owner'] && ids['Bob Owner'], JSON.stringify(ids));
    const page = await alice.get(`/staff/content/page?path=${q(LM)}`);
    assert.match(page.text, /No owner: nobody is reminded when its review is due/);
    for (const path of [`${LM}/living-with`, `${LM}/treatment`, `${LM}/research`]) {
      const r = await setOwner(alice, path, ids['Alice Owner']);
      assert.equal(r.status, 303, r.text.slice(0, 300));
      assert.match(r.location, /done=owner/);
    }
    assert.equal((await setOwner(alice, LM, ids['Bob Owner'])).status, 303);
    const owned = await alice.get(`/staff/content/page?path=${q(LM)}`);
    assert.match(owned.text, /<dt class="nhsuk-summary-list__key">Owner<\/dt><dd class="nhsuk-summary-list__value">Bob Owner</);
    assert.match(owned.text, new RegExp(`<option value="${ids['Bob Owner']}" selected>Bob Owner</option>`));
    const list = await alice.get('/staff/content');
    assert.match(new RegExp(`data-path="${LM}/treatment">[\\s\\S]*?</tr>`).exec(list.text)[0], /Owner: Alice Owner/);

    // Only editors can own pages: a member (the account made next) cannot.
    const added = await runCairn(['user', 'add', `member.${process.pid}@example.org`, '--role', 'member',
      '--name', 'Mo Member', ...server.storeArgs, '--content', join(work, 'content')], `${PASSWORD}\n`);
    assert.equal(added.code, 0, added.out);
    const memberId = Math.max(...Object.values(ids).map(Number)) + 1;
    const refused = await setOwner(alice, LM, memberId);
    assert.equal(refused.status, 400);
    assert.match(refused.text, /<a href="#owner">Choose an editor to look after this page/);
  });

  test('each owner gets one email listing their pages overdue and due within 60 days', async () => {
    setClock('2030-03-11T09:30:00Z');  // a Monday, 09:30 in London (GMT)
    const [mail] = await server.mail.waitFor(editors.alice.email);
    const body = mailBody(mail);
    assert.match(mail.data, /^Subject: Pages to review: 1 overdue, 1 due soon\r$/m);
    assert.match(body, /Overdue:\n\n- Living with[^\n]*\(\/about-cancer\/leptomeningeal-metastases\/living-with\): review 1 March 2030, 10 days overdue/);
    assert.match(body, /Due in the next 60 days:\n\n- Treatment[^\n]*: review 20 April 2030, due in 40 days/);
    assert.match(body, /\/staff\/content\/page\?path=%2Fabout-cancer%2Fleptomeningeal-metastases%2Ftreatment/);
    assert.ok(!body.includes('/research'), 'a page due in 111 days is not listed');
    assert.ok(!body.includes('due in 1 day'), "Bob's page is not in Alice's email");
    const [bobs] = await server.mail.waitFor(editors.bob.email);
    assert.match(mailBody(bobs), /Due in the next 60 days:\n\n- [^\n]*\(\/about-cancer\/leptomeningeal-metastases\): review 12 March 2030, due in 1 day/);

    // The task keeps looking (every 200 ms here), but this week's email is sent.
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(server.mail.mails.filter((m) => m.to.includes(editors.alice.email)).length, 1);
  });

  test("an owner's account page shows the same list", async () => {
    // The clock moved on months since Alice signed in: her session has expired.
    alice = await signIn(editors.alice);
    const home = await alice.get('/account');
    const section = /<section class="cairn-due-reviews"[\s\S]*?<\/section>/.exec(home.text)[0];
    const items = [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    assert.equal(items.length, 2, section);
    assert.match(items[0], />Overdue<[\s\S]*living-with[\s\S]*1 March 2030, 10 days overdue/);
    assert.match(items[1], />Due soon<[\s\S]*treatment[\s\S]*20 April 2030, due in 40 days/);
  });

  test('cairn check --due-within 60 prints the list for scripts', async () => {
    const r = await runCairn(['check', '--due-within', '60', ...server.storeArgs, '--today', '2030-03-11']);
    assert.equal(r.code, 0, r.out);
    const lines = r.out.trim().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(lines, [
      [`${LM}/living-with`, editors.alice.email, '2030-03-01', '-10'],
      [LM, editors.bob.email, '2030-03-12', '1'],
      [`${LM}/treatment`, editors.alice.email, '2030-04-20', '40'],
    ]);
  });

  test('the next Monday morning brings the next email', async () => {
    setClock('2030-03-18T07:59:00Z');  // the next Monday, 07:59 in London: not yet
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(server.mail.mails.filter((m) => m.to.includes(editors.alice.email)).length, 1);
    setClock('2030-03-18T08:00:00Z');
    const mails = await server.mail.waitFor(editors.alice.email, 2);
    assert.match(mailBody(mails[1]), /17 days overdue/);
  });
});
