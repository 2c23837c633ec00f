// "Ask a nurse" over HTTP: a signed-out visitor asks and gets a private link,
// a nurse (made with `cairn user add`) assigns and answers in the inbox, the
// answer appears at the link, and one "your answer is ready" email reaches a
// small SMTP sink, with the link but neither the question nor the answer.
// Also: self-harm flagged first with crisis support at once, CSRF, who may see
// the inbox, escaping, form problems and the rate limit on asking.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { root, startCairn } from './cairn_server.mjs';
import { WebVisitor, runCairn } from './web_visitor.mjs';
import { startSmtpSink } from './smtp_sink.mjs';

const PASSWORD = 'blue tardis at dawn';
const NURSE_PASSWORD = 'kettle orbit sunrise';
let server;
let sink;
let unique = 0;
const email = (who) => `${who}.${process.pid}.${++unique}@example.org`;
const nonce = () => `${process.pid}-${++unique}`;

// A browser with a cookie jar, coming from its own address (--trust-proxy on),
// so one test's rate limits do not spill into the next.
class Browser extends WebVisitor {
  constructor() { super(server, '198.51'); }

  // Asks from the form on /helpline, as a visitor would; consent: null leaves
  // the box unticked (the field is not sent at all).
  ask(fields) {
    const all = { consent: 'yes', ...fields };
    if (all.consent === null) delete all.consent;
    return this.submit('/helpline', '/helpline/ask', all);
  }

}

async function addStaff(role, name) {
  const address = email(role);
  const r = await runCairn(['user', 'add', address, '--role', role, '--name', name,
    ...server.storeArgs, '--content', join(root, 'content')], `${NURSE_PASSWORD}\n`);
  assert.equal(r.code, 0, r.out);
  const b = new Browser();
  assert.equal((await b.signIn(address, NURSE_PASSWORD)).status, 303);
  return b;
}

// The rows of the inbox's "waiting" table, in order: {id, flagged, html}.
function waitingRows(html) {
  const start = html.indexOf('<h2>Waiting for an answer');
  const end = html.indexOf('<h2>Answered recently');
  assert.ok(start >= 0 && end > start, 'inbox sections missing');
  return [...html.slice(start, end).matchAll(
    /<tr class="nhsuk-table__row( cairn-flagged)?" data-message="(\d+)">([\s\S]*?)<\/tr>/g)]
    .map((m) => ({ id: Number(m[2]), flagged: Boolean(m[1]), html: m[3] }));
}

function answeredRows(html) {
  const start = html.indexOf('<h2>Answered recently');
  return [...html.slice(start).matchAll(/data-message="(\d+)">([\s\S]*?)<\/tr>/g)]
    .map((m) => ({ id: Number(m[1]), html: m[2] }));
}

// The id of the waiting message whose preview contains `text`.
async function messageId(nurse, text) {
  const inbox = await nurse.get('/staff/helpline');
  assert.equal(inbox.status, 200);
  const row = waitingRows(inbox.text).find((r) => r.html.includes(text));
  assert.ok(row, `no inbox row with ${text}`);
  return row.id;
}

let nurse;

before(async () => {
  sink = await startSmtpSink();
  server = await startCairn({ args: ['--trust-proxy', 'on', '--smtp', `127.0.0.1:${sink.port}`], mail: sink });
  nurse = await addStaff('nurse', 'Nurse Jo');
});

after(async () => {
  await server?.stop();
  await sink?.close();
});

describe('asking a nurse', () => {
  test('the helpline page has the question form with its CSRF token', async () => {
    const page = await new Browser().get('/helpline');
    assert.equal(page.status, 200);
    assert.match(page.text, /<form method="post" action="\/helpline\/ask"/);
    for (const field of ['name', 'email', 'question', 'consent', 'csrf_token']) {
      assert.match(page.text, new RegExp(`name="${field}"`), field);
    }
    assert.match(page.text, /<label class="nhsuk-label" for="name">Your name \(optional\)<\/label>/);
    assert.match(page.text, /You can contact me by email about my question/);
    assert.match(page.text, /You can enter up to 5,000 characters/);
    assert.equal(page.headers.get('cache-control'), 'no-store');
  });

  test('ask, assign, answer, read: the whole flow, with one email', async () => {
    const asker = new Browser();
    const address = email('asker');
    const question = `Can I drive after intrathecal chemotherapy? ${nonce()}`;
    const sent = await asker.ask({ name: 'Sam', email: address, question });
    assert.equal(sent.status, 303, sent.text.slice(0, 500));
    const m = /^\/helpline\/answer\/([A-Za-z0-9_-]{43})\?sent=1$/.exec(sent.location);
    assert.ok(m, `redirected to ${sent.location}`);
    const token = m[1];
    const link = `${server.base}/helpline/answer/${token}`;

    const sentPage = await asker.get(sent.location);
    assert.equal(sentPage.status, 200);
    assert.match(sentPage.text, /Your question has been sent/);
    assert.ok(sentPage.text.includes(`<a href="${link}">${link}</a>`), 'the private link is not shown');
    assert.match(sentPage.text, /Bookmark it/);
    assert.ok(sentPage.text.includes(question));
    assert.equal(sentPage.headers.get('cache-control'), 'no-store');
    assert.match(sentPage.headers.get('x-robots-tag') ?? '', /noindex/);
    assert.ok(sentPage.text.indexOf('cairn-crisis') > sentPage.text.indexOf('<h1'),
      'crisis support is first only for flagged messages');

    const waiting = await asker.get(`/helpline/answer/${token}`);
    assert.equal(waiting.status, 200);
    assert.match(waiting.text, /Our nurses will answer within 3 working days/);

    // The nurse finds it, takes it and answers.
    const id = await messageId(nurse, question);
    const message = await nurse.get(`/staff/helpline/${id}`);
    assert.equal(message.status, 200);
    assert.ok(message.text.includes(question));
    assert.ok(message.text.includes(address), 'the nurse sees the email to reply to');
    const assigned = await nurse.submit(`/staff/helpline/${id}`, `/staff/helpline/${id}/assign`, {});
    assert.equal(assigned.status, 303, assigned.text.slice(0, 400));
    assert.equal(assigned.location, `/staff/helpline/${id}?assigned=1`);
    const inbox = await nurse.get('/staff/helpline');
    const row = waitingRows(inbox.text).find((r) => r.id === id);
    assert.match(row.html, /Assigned/);
    assert.match(row.html, /Nurse Jo/);
    assert.match(row.html, /less than a minute|1 minute/);

    const answer = `You should not drive for 24 hours after the procedure. ${nonce()}`;
    const answered = await nurse.submit(`/staff/helpline/${id}`, `/staff/helpline/${id}/answer`, { answer });
    assert.equal(answered.status, 303, answered.text.slice(0, 400));
    assert.equal(answered.location, `/staff/helpline/${id}?answered=1`);

    // The asker reads it at the private link.
    const read = await new Browser().get(`/helpline/answer/${token}`);
    assert.equal(read.status, 200);
    assert.ok(read.text.includes(answer), 'the answer is not at the private link');
    assert.ok(read.text.includes(question));
    assert.match(read.text, /Answered by one of our nurses on/);

    const afterInbox = await nurse.get('/staff/helpline');
    assert.ok(!waitingRows(afterInbox.text).some((r) => r.id === id), 'still waiting');
    assert.ok(answeredRows(afterInbox.text).some((r) => r.id === id), 'not among the answered');

    // One email, with the link and nothing of the question or the answer.
    const [mail] = await sink.waitFor(address);
    assert.match(mail.data, /^Subject: Your answer from our nurses is ready\r$/m);
    assert.ok(mail.data.includes(`Your answer from our nurses is ready. Read it here: ${link}`), mail.data);
    assert.ok(!mail.data.includes('intrathecal'), 'the question is in the email');
    assert.ok(!mail.data.includes('24 hours'), 'the answer is in the email');
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(sink.mails.filter((x) => x.to.includes(address)).length, 1, 'sent more than once');
    // The access log shows the visits, but never the private token.
    assert.match(server.log(), /GET \/helpline\/answer\/\[private\] 200/);
    assert.ok(!server.log().includes(token), 'the private token is in the log');
  });

  test('a message about self-harm is flagged first, and its sender sees crisis support at once', async () => {
    const calm = `What is a lumbar puncture like? ${nonce()}`;
    assert.equal((await new Browser().ask({ email: email('calm'), question: calm })).status, 303);
    const worried = `I want to end my life, I cannot go on ${nonce()}`;
    const asker = new Browser();
    const sent = await asker.ask({ email: email('worried'), question: worried });
    assert.equal(sent.status, 303);
    const page = await asker.get(sent.location);
    assert.equal(page.status, 200);
    const crisis = page.text.indexOf('cairn-crisis');
    assert.ok(crisis > 0 && crisis < page.text.indexOf('<h1'), 'crisis support is not first');
    assert.match(page.text, /Samaritans/);
    assert.match(page.text, /116 123/);

    const inbox = await nurse.get('/staff/helpline');
    const rows = waitingRows(inbox.text);
    const flaggedId = rows.find((r) => r.html.includes(worried))?.id;
    const calmIndex = rows.findIndex((r) => r.html.includes(calm));
    const flaggedIndex = rows.findIndex((r) => r.id === flaggedId);
    assert.ok(rows[flaggedIndex].flagged);
    assert.ok(flaggedIndex < calmIndex, 'the newer flagged message is not above the older one');
    const firstUnflagged = rows.findIndex((r) => !r.flagged);
    assert.ok(rows.slice(firstUnflagged).every((r) => !r.flagged), 'flagged rows are not all at the top');
    assert.match(rows[flaggedIndex].html, /Self-harm risk/);
    assert.match(inbox.text, /nhsuk-warning-callout/);
    const message = await nurse.get(`/staff/helpline/${flaggedId}`);
    assert.match(message.text, /This message mentions self-harm or suicide \(“end my life”\)/);
  });

  test('a phrase an admin adds to the watched words flags nurse messages at once, without a restart', async () => {
    const admin = await addStaff('admin', 'Admin Al');
    const phrase = 'no point carrying on';  // not in the shipped list
    const added = await admin.submit('/staff/moderation/words', '/staff/moderation/words',
      { do: 'put', phrase, action: 'hold', message: '' });
    assert.equal(added.status, 303, added.text.slice(0, 300));
    const text = `Some days I think there is ${phrase}. ${nonce()}`;
    const asker = new Browser();
    const sent = await asker.ask({ email: email('newphrase'), question: text });
    assert.equal(sent.status, 303);
    assert.match((await asker.get(sent.location)).text, /Samaritans/, 'crisis support is shown');
    const row = waitingRows((await nurse.get('/staff/helpline')).text).find((r) => r.html.includes(text));
    assert.ok(row?.flagged, 'the message is not flagged');
  });

  test('problems come back on the form with what was typed, and nothing is stored', async () => {
    const b = new Browser();
    const question = `Half a form ${nonce()}`;
    const r = await b.ask({ name: 'Kim', email: 'not an email', question, consent: null });
    assert.equal(r.status, 400);
    assert.match(r.text, /<title>Error: Ask a nurse/);
    assert.match(r.text, /nhsuk-error-summary/);
    assert.match(r.text, /href="#email"/);
    assert.match(r.text, /href="#consent"/);
    assert.match(r.text, /value="Kim"/);
    assert.match(r.text, /value="not an email"/);
    assert.ok(r.text.includes(`>${question}</textarea>`));
    const inbox = await nurse.get('/staff/helpline');
    assert.ok(!inbox.text.includes(question), 'a refused question was stored');
  });

  test('a question over 5,000 characters is refused with its length', async () => {
    const r = await new Browser().ask({ email: email('long'), question: 'a'.repeat(5001) });
    assert.equal(r.status, 400);
    assert.match(r.text, /Your question must be 5,000 characters or fewer \(it has 5,001\)/);
  });

  test('a form post without its CSRF token changes nothing', async () => {
    const b = new Browser();
    await b.get('/helpline');
    const question = `No token ${nonce()}`;
    const fields = { email: email('csrf'), question, consent: 'yes' };
    const none = await b.request('/helpline/ask', { method: 'POST', form: fields });
    assert.equal(none.status, 403);
    const wrong = await b.request('/helpline/ask', { method: 'POST', form: { ...fields, csrf_token: 'x'.repeat(43) } });
    assert.equal(wrong.status, 403);
    const inbox = await nurse.get('/staff/helpline');
    assert.ok(!inbox.text.includes(question), 'a question without a token was stored');

    const id = await messageId(nurse, (await (async () => {
      const q = `Token test ${nonce()}`;
      assert.equal((await new Browser().ask({ email: email('t'), question: q })).status, 303);
      return q;
    })()));
    const noToken = await nurse.request(`/staff/helpline/${id}/answer`, { method: 'POST', form: { answer: 'Forged' } });
    assert.equal(noToken.status, 403);
    const page = await nurse.get(`/staff/helpline/${id}`);
    assert.ok(!page.text.includes('Forged'));
  });

  test('an unknown private link is a 404', async () => {
    const r = await new Browser().get(`/helpline/answer/${'A'.repeat(43)}`);
    assert.equal(r.status, 404);
    assert.equal((await new Browser().get('/helpline/answer/')).status, 301);
  });

  test('asking is limited per address, with a clear page', async () => {
    const b = new Browser();
    for (let i = 0; i < 5; i += 1) {
      const r = await b.ask({ email: email('often'), question: `Question ${i} ${nonce()}` });
      assert.equal(r.status, 303, `question ${i}: ${r.text.slice(0, 300)}`);
    }
    const question = `One too many ${nonce()}`;
    const r = await b.ask({ email: email('often'), question });
    assert.equal(r.status, 429);
    assert.match(r.text, /You have sent several questions in a short time/);
    assert.match(r.text, /Try again in \d+ (seconds|minutes)/);
    assert.match(r.text, /116 123/, 'no crisis support on the refusal');
    assert.ok(r.text.includes(`>${question}</textarea>`), 'the question was lost');
    const inbox = await nurse.get('/staff/helpline');
    assert.ok(!inbox.text.includes(question));
    // Another address is not held up.
    assert.equal((await new Browser().ask({ email: email('other'), question: `Fine ${nonce()}` })).status, 303);
  });

  test('what a visitor writes comes back escaped everywhere', async () => {
    const payload = `<script>alert("x")</script><img src=x onerror=alert(1)> ${nonce()}`;
    const asker = new Browser();
    const sent = await asker.ask({ name: '<b>Bold</b>', email: email('xss'), question: payload });
    assert.equal(sent.status, 303);
    const escaped = payload.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;');
    const own = await asker.get(sent.location);
    assert.ok(own.text.includes(escaped), 'not escaped on the answer page');
    assert.ok(!own.text.includes('<script>alert'), 'raw script on the answer page');
    const inbox = await nurse.get('/staff/helpline');
    assert.ok(!inbox.text.includes('<script>alert') && !inbox.text.includes('<img src=x'));
    assert.ok(inbox.text.includes('&lt;b&gt;Bold&lt;/b&gt;'));
    const id = await messageId(nurse, '&lt;script&gt;alert');
    const message = await nurse.get(`/staff/helpline/${id}`);
    assert.ok(message.text.includes(escaped));
    assert.ok(!message.text.includes('<script>alert') && !message.text.includes('<b>Bold'));
  });
});

describe('who may use the inbox', () => {
  test('signed-out visitors are sent to sign in, and brought back', async () => {
    const b = new Browser();
    const r = await b.get('/staff/helpline');
    assert.equal(r.status, 303);
    assert.equal(r.location, '/account/sign-in?next=%2Fstaff%2Fhelpline');
    const m = await b.get('/staff/helpline/1');
    assert.equal(m.location, '/account/sign-in?next=%2Fstaff%2Fhelpline%2F1');
    const post = await b.submit('/helpline', '/staff/helpline/1/answer', { answer: 'x' });
    assert.equal(post.status, 303);
    assert.equal(post.location, '/account/sign-in?next=%2Fstaff%2Fhelpline%2F1');
  });

  test('members and moderators get 403, and cannot answer', async () => {
    const q = `For nurses only ${nonce()}`;
    assert.equal((await new Browser().ask({ email: email('q'), question: q })).status, 303);
    const id = await messageId(nurse, q);
    const member = new Browser();
    await member.registerMember({ display_name: `Member ${nonce()}`, email: email('member'), password: PASSWORD });
    const moderator = await addStaff('moderator', `Moderator ${nonce()}`);
    for (const who of [member, moderator]) {
      assert.equal((await who.get('/staff/helpline')).status, 403);
      assert.equal((await who.get(`/staff/helpline/${id}`)).status, 403);
      const post = await who.submit('/helpline', `/staff/helpline/${id}/answer`, { answer: 'Not a nurse' });
      assert.equal(post.status, 403);
    }
    const page = await nurse.get(`/staff/helpline/${id}`);
    assert.ok(!page.text.includes('Not a nurse'));
    assert.match(page.text, /nhsuk-tag--blue">Open</);
  });

  test('an administrator may use the inbox', async () => {
    const admin = await addStaff('admin', `Admin ${nonce()}`);
    assert.equal((await admin.get('/staff/helpline')).status, 200);
  });

  test('an empty answer is a problem on the answer field', async () => {
    const q = `Empty answer ${nonce()}`;
    assert.equal((await new Browser().ask({ email: email('e'), question: q })).status, 303);
    const id = await messageId(nurse, q);
    const r = await nurse.submit(`/staff/helpline/${id}`, `/staff/helpline/${id}/answer`, { answer: '  ' });
    assert.equal(r.status, 400);
    assert.match(r.text, /href="#answer">Enter your answer/);
    assert.equal((await nurse.get('/staff/helpline/999999')).status, 404);
  });
});
