// Accounts as a visitor's browser meets them: registering signs you in, signing
// out and changing your password end sessions, every form post needs its CSRF
// token, sign-in attempts are slowed, hostile display names come back escaped,
// SQL metacharacters are kept as typed, and `cairn user add` makes staff.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, startCairn } from './cairn_server.mjs';
import { linkIn, mailBody } from './smtp_sink.mjs';
import { WebVisitor, runCairn, escapeHtml } from './web_visitor.mjs';

const PASSWORD = 'blue tardis at dawn';
let server;

// A browser with a cookie jar. The server trusts X-Forwarded-For in these
// tests (--trust-proxy on), so each browser can come from its own address and
// the per-address limits of one test do not spill into the next.
class Browser extends WebVisitor {
  constructor() { super(server, '198.51'); }

  // Registers and, when the form is accepted, follows the emailed link: the
  // confirmation's 303 (signed in), or the form's refusal.
  async register(displayName, email, password = PASSWORD) {
    const r = await this.submit('/account/register', '/account/register', {
      display_name: displayName, email, password, confirm_password: password,
      over_14: 'yes', accept_rules: 'yes',
    });
    if (r.status !== 200) return r;
    assert.match(r.text, /Check your email/);
    return this.confirmFromMail(email);
  }

  signIn(email, password = PASSWORD) {
    return this.submit('/account/sign-in', '/account/sign-in', { email, password });
  }

  async signedIn() {
    const r = await this.get('/account');
    return r.status === 200;
  }
}

function displayNameOn(page) {
  const m = /<dd class="nhsuk-summary-list__value cairn-display-name">([^<]*)<\/dd>/.exec(page);
  return m && m[1];
}

let unique = 0;
const email = (who) => `${who}.${process.pid}.${++unique}@example.org`;

before(async () => { server = await startCairn({ args: ['--trust-proxy', 'on'] }); });
after(async () => { await server?.stop(); });

describe('registering and signing in', () => {
  test('registering signs you in with a safe session cookie', async () => {
    const b = new Browser();
    const r = await b.register('River Song', email('river'));
    assert.equal(r.status, 303, r.text.slice(0, 500));
    assert.equal(r.location, '/account?welcome=1');
    const session = r.setCookies.find((c) => c.startsWith('cairn_session='));
    assert.ok(session, 'no session cookie');
    assert.match(session, /; Path=\/;/);
    assert.match(session, /; HttpOnly/);
    assert.match(session, /; SameSite=Lax/);
    assert.doesNotMatch(session, /Secure/);
    assert.match(b.jar.get('cairn_session'), /^[A-Za-z0-9_-]{43}$/);
    const page = await b.get('/account?welcome=1');
    assert.equal(page.status, 200);
    assert.equal(displayNameOn(page.text), 'River Song');
    assert.match(page.text, /Your account has been created/);
    assert.equal(page.headers.get('cache-control'), 'no-store');
  });

  test('the email address is never shown on the account page', async () => {
    const b = new Browser();
    const address = email('hidden');
    await b.register('Quiet Reader', address);
    const page = await b.get('/account');
    assert.equal(page.status, 200);
    assert.ok(!page.text.includes(address));
  });

  test('a form with problems keeps what was typed, except passwords', async () => {
    const b = new Browser();
    const r = await b.submit('/account/register', '/account/register', {
      display_name: 'Amy Pond', email: 'not an email', password: PASSWORD,
      confirm_password: PASSWORD, over_14: 'yes',
    });
    assert.equal(r.status, 400);
    assert.match(r.text, /nhsuk-error-summary/);
    assert.match(r.text, /href="#email"/);
    assert.match(r.text, /href="#accept_rules"/);
    assert.match(r.text, /value="Amy Pond"/);
    assert.match(r.text, /value="not an email"/);
    assert.ok(!r.text.includes(PASSWORD), 'a password was sent back');
    assert.match(r.text, /<title>Error: /);
  });

  test('signed-out visitors are sent to sign in, and back afterwards', async () => {
    const owner = new Browser();
    const address = email('back');
    await owner.register('Back Again', address);
    const b = new Browser();
    const r = await b.get('/account/password');
    assert.equal(r.status, 303);
    assert.equal(r.location, '/account/sign-in?next=%2Faccount%2Fpassword');
    const page = await b.get(r.location);
    assert.match(page.text, /name="next" value="\/account\/password"/);
    const signed = await b.submit(r.location, '/account/sign-in',
      { email: address, password: PASSWORD, next: '/account/password' });
    assert.equal(signed.status, 303);
    assert.equal(signed.location, '/account/password');
  });

  test('sign-in goes back only to a path on this site', async () => {
    const address = email('next');
    await new Browser().register('Next Hop', address);
    for (const next of ['//evil.example/', '/\\evil.example', 'https://evil.example/']) {
      const b = new Browser();
      const r = await b.submit('/account/sign-in', '/account/sign-in',
        { email: address, password: PASSWORD, next });
      assert.equal(r.status, 303);
      assert.equal(r.location, '/account', next);
    }
  });

  test('unknown email and wrong password get the same answer', async () => {
    const address = email('same');
    await new Browser().register('Same Answer', address);
    const wrong = await new Browser().signIn(address, 'not the password');
    const unknown = await new Browser().signIn(email('nobody'), 'not the password');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, wrong.status);
    const message = (t) => /<ul class="nhsuk-list nhsuk-error-summary__list"[^>]*>(.*?)<\/ul>/s.exec(t)[1];
    assert.equal(message(unknown.text), message(wrong.text));
    assert.match(wrong.text, /Enter a correct email and password/);
  });

  test('cached information pages set no cookies', async () => {
    const r = await new Browser().get('/');
    assert.equal(r.status, 200);
    assert.deepEqual(r.setCookies, []);
  });
});

describe('email confirmation and no account enumeration', () => {
  const registerForm = (b, displayName, address, password = PASSWORD) =>
    b.submit('/account/register', '/account/register', {
      display_name: displayName, email: address, password, confirm_password: password,
      over_14: 'yes', accept_rules: 'yes',
    });
  const mailsTo = (address) => server.mail.mails.filter((m) => m.to.includes(address));

  test('registering signs nobody in until the emailed link is followed', async () => {
    const address = email('confirm');
    const b = new Browser();
    const r = await registerForm(b, 'Martha Jones', address);
    assert.equal(r.status, 200);
    assert.match(r.text, /<h1>Check your email<\/h1>/);
    assert.ok(!r.setCookies.some((c) => c.startsWith('cairn_session=')), 'signed in too early');
    const [mail] = await server.mail.waitFor(address);
    assert.match(mail.data, /^Subject: Confirm your email address for /m);
    assert.match(mail.data, /^Message-ID: <[^>]+>$/m);
    assert.match(mail.data, /^Date: \w{3}, \d{2} \w{3} \d{4} /m);
    // The right password before confirming: no session, and a fresh link.
    const early = await new Browser().signIn(address);
    assert.equal(early.status, 403);
    assert.match(early.text, /Confirm your email address first/);
    await server.mail.waitFor(address, 2);
    // Opening the link (as a mail scanner would) uses nothing up.
    const path = linkIn(mail, '/account/confirm/');
    assert.equal((await new Browser().get(path)).status, 200);
    const confirmed = await b.submit(path, path, {});
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.location, '/account?welcome=1');
    assert.equal(await b.signedIn(), true);
    const again = await new Browser().submit(path, path, {});
    assert.equal(again.status, 404, 'a link works once');
    assert.match(again.text, /This link has expired/);
    assert.equal((await new Browser().signIn(address)).status, 303);
  });

  test('a taken address gets the same page, and its owner an email', async () => {
    const address = email('taken');
    await new Browser().register('Donna Noble', address);
    const before = mailsTo(address).length;
    const fresh = email('fresh');
    const forTaken = await registerForm(new Browser(), 'Someone Else', address, 'a different long password');
    const forFresh = await registerForm(new Browser(), `Someone ${unique}`, fresh);
    assert.equal(forTaken.status, forFresh.status);
    assert.deepEqual(forTaken.setCookies.map((c) => c.split('=')[0]),
      forFresh.setCookies.map((c) => c.split('=')[0]));
    const page = (r, typed) => r.text.replaceAll(typed, 'ADDRESS')
      .replace(/name="csrf_token" value="[^"]+"/g, '');
    assert.equal(page(forTaken, address), page(forFresh, fresh));
    assert.doesNotMatch(forTaken.text, /already exists/);
    const mails = await server.mail.waitFor(address, before + 1);
    const notice = mails.at(-1);
    assert.match(notice.data, /^Subject: Someone tried to register with your email address/m);
    assert.match(mailBody(notice), /\/account\/forgot-password/);
    assert.equal(linkIn(notice, '/account/confirm/'), null, 'a confirmed account needs no link');
    // Nothing changed: the old password still works, the new one does not.
    assert.equal((await new Browser().signIn(address)).status, 303);
    assert.equal((await new Browser().signIn(address, 'a different long password')).status, 401);
  });
});

describe('forgot your password', () => {
  const ask = (b, address) =>
    b.submit('/account/forgot-password', '/account/forgot-password', { email: address });

  test('the sign-in page links to it', async () => {
    const page = await new Browser().get('/account/sign-in');
    assert.match(page.text, /<a href="\/account\/forgot-password">Forgot your password\?<\/a>/);
    assert.equal((await new Browser().get('/account/forgot-password')).status, 200);
  });

  test('the same answer whether or not the address has an account', async () => {
    const known = email('known');
    await new Browser().register('Known Person', known);
    const unknown = email('unknown');
    const a = await ask(new Browser(), known);
    const b = await ask(new Browser(), unknown);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    const page = (r, typed) => r.text.replaceAll(typed, 'ADDRESS')
      .replace(/name="csrf_token" value="[^"]+"/g, '');
    assert.equal(page(a, known), page(b, unknown));
    await server.mail.waitFor(known, 2);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(server.mail.mails.filter((m) => m.to.includes(unknown)).length, 0);
  });

  test('a single-use link sets a new password and ends every other session', async () => {
    const address = email('forgetful');
    const laptop = new Browser();
    await laptop.register('Wilfred Mott', address);
    const phone = new Browser();
    assert.equal((await phone.signIn(address)).status, 303);
    const before = server.mail.mails.filter((m) => m.to.includes(address)).length;
    assert.equal((await ask(new Browser(), address)).status, 200);
    const mails = await server.mail.waitFor(address, before + 1);
    const mail = mails.at(-1);
    assert.match(mail.data, /^Subject: Set a new password for /m);
    assert.match(mailBody(mail), /works once and for 1 hour/);
    const path = linkIn(mail, '/account/reset/');
    assert.ok(path, mailBody(mail));
    const b = new Browser();
    const form = await b.get(path);
    assert.equal(form.status, 200);
    assert.match(form.text, /<h1>Set a new password<\/h1>/);
    const weak = await b.submit(path, path, { new_password: 'password', confirm_password: 'password' });
    assert.equal(weak.status, 400);
    assert.match(weak.text, /href="#new_password"/);
    const done = await b.submit(path, path,
      { new_password: 'the tardis is blue', confirm_password: 'the tardis is blue' });
    assert.equal(done.status, 303, done.text.slice(0, 400));
    assert.equal(done.location, '/account?changed=password');
    assert.equal(await b.signedIn(), true);
    assert.equal(await laptop.signedIn(), false);
    assert.equal(await phone.signedIn(), false);
    assert.equal((await new Browser().signIn(address)).status, 401);
    assert.equal((await new Browser().signIn(address, 'the tardis is blue')).status, 303);
    const reused = await new Browser().get(path);
    assert.equal(reused.status, 404);
    assert.match(reused.text, /This link has expired/);
    // The token stays out of the access log.
    const token = path.split('/').at(-1);
    assert.ok(!server.log().includes(token), 'reset token in the log');
    assert.match(server.log(), /\/account\/reset\/\[private\]/);
  });

  test('a made-up link is refused', async () => {
    const r = await new Browser().get('/account/reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(r.status, 404);
    assert.match(r.text, /Ask for a new link/);
  });

  test('asking is rate limited per address', async () => {
    const b = new Browser();
    for (let i = 1; i <= 5; i++) assert.equal((await ask(b, email('flood'))).status, 200, `ask ${i}`);
    const sixth = await ask(b, email('flood'));
    assert.equal(sixth.status, 429);
    assert.match(sixth.text, /Try again in \d+ seconds?/);
  });
});

describe('sessions end', () => {
  test('after sign-out the old session cookie no longer works', async () => {
    const b = new Browser();
    await b.register('Clara Oswald', email('clara'));
    const stolen = b.jar.get('cairn_session');
    const csrf_token = await b.token('/account');
    const out = await b.request('/account/sign-out', { method: 'POST', form: { csrf_token } });
    assert.equal(out.status, 303);
    assert.ok(out.setCookies.some((c) => /^cairn_session=;.*Max-Age=0/.test(c)));
    assert.equal(await b.signedIn(), false);
    const replay = new Browser();
    replay.jar.set('cairn_session', stolen);
    const r = await replay.get('/account');
    assert.equal(r.status, 303);
    assert.match(r.location, /^\/account\/sign-in/);
  });

  test('changing the password ends every other session', async () => {
    const address = email('rory');
    const laptop = new Browser();
    await laptop.register('Rory Williams', address);
    const phone = new Browser();
    assert.equal((await phone.signIn(address)).status, 303);
    assert.equal(await phone.signedIn(), true);
    const oldLaptopCookie = laptop.jar.get('cairn_session');

    const changed = await laptop.submit('/account/password', '/account/password', {
      current_password: PASSWORD, new_password: 'silence will fall', confirm_password: 'silence will fall',
    });
    assert.equal(changed.status, 303, changed.text.slice(0, 400));
    assert.equal(changed.location, '/account?changed=password');
    assert.notEqual(laptop.jar.get('cairn_session'), oldLaptopCookie, 'session not rotated');
    assert.equal(await laptop.signedIn(), true);
    assert.equal(await phone.signedIn(), false);
    const replay = new Browser();
    replay.jar.set('cairn_session', oldLaptopCookie);
    assert.equal(await replay.signedIn(), false);

    assert.equal((await new Browser().signIn(address, PASSWORD)).status, 401);
    assert.equal((await new Browser().signIn(address, 'silence will fall')).status, 303);
  });

  test('signing in rotates the session token', async () => {
    const address = email('rotate');
    const b = new Browser();
    await b.register('Rotating Door', address);
    const before = b.jar.get('cairn_session');
    // Signing in again from a signed-in browser (a second tab) replaces the session.
    const csrf_token = await b.token('/account');
    const r = await b.request('/account/sign-in',
      { method: 'POST', form: { email: address, password: PASSWORD, csrf_token } });
    assert.equal(r.status, 303);
    assert.notEqual(b.jar.get('cairn_session'), before);
    assert.equal(await b.signedIn(), true);
    const replay = new Browser();
    replay.jar.set('cairn_session', before);
    assert.equal(await replay.signedIn(), false);
  });
});

describe('CSRF', () => {
  const fields = (address) => ({
    display_name: `Forged ${unique}`, email: address, password: PASSWORD,
    confirm_password: PASSWORD, over_14: 'yes', accept_rules: 'yes',
  });

  test('a post without csrf_token is refused with 403 and creates nothing', async () => {
    const address = email('forged');
    const b = new Browser();
    await b.get('/account/register');  // has the visitor cookie, but sends no token
    const r = await b.request('/account/register', { method: 'POST', form: fields(address) });
    assert.equal(r.status, 403);
    assert.match(r.text, /nothing was changed/);
    assert.equal((await new Browser().signIn(address)).status, 401, 'an account was created');
    // The same form with its token goes through: the email was still free.
    assert.equal((await new Browser().register(`Real ${unique}`, address)).status, 303);
  });

  test('a post with a wrong or borrowed token is refused', async () => {
    const address = email('borrowed');
    const victim = new Browser();
    const victimToken = await victim.token('/account/register');
    const attacker = new Browser();
    await attacker.get('/account/register');
    const r = await attacker.request('/account/register',
      { method: 'POST', form: { ...fields(address), csrf_token: victimToken } });
    assert.equal(r.status, 403);
    const noCookie = new Browser();
    const r2 = await noCookie.request('/account/register',
      { method: 'POST', form: { ...fields(address), csrf_token: victimToken } });
    assert.equal(r2.status, 403);
    assert.equal((await new Browser().signIn(address)).status, 401);
  });

  test('sign-out without a token leaves you signed in', async () => {
    const b = new Browser();
    await b.register('Still Here', email('still'));
    const r = await b.request('/account/sign-out', { method: 'POST', form: {} });
    assert.equal(r.status, 403);
    assert.equal(await b.signedIn(), true);
  });

  test('the token also works in the X-CSRF-Token header', async () => {
    const b = new Browser();
    await b.register('Header Token', email('header'));
    const token = await b.token('/account');
    const r = await b.request('/account/sign-out',
      { method: 'POST', headers: { 'x-csrf-token': token, 'content-type': 'text/plain' } });
    assert.equal(r.status, 303);
    assert.equal(await b.signedIn(), false);
  });
});

describe('rate limits', () => {
  test('the 6th sign-in attempt in a minute is slowed down', async () => {
    const address = email('slow');
    await new Browser().register('Slow Down', address);
    const b = new Browser();
    for (let i = 1; i <= 5; i++) {
      const r = await b.signIn(address, `wrong guess ${i}`);
      assert.equal(r.status, 401, `attempt ${i}`);
    }
    const sixth = await b.signIn(address);  // even the right password must wait
    assert.equal(sixth.status, 429);
    assert.match(sixth.text, /Try again in \d+ seconds?/);
    assert.equal(await b.signedIn(), false);
    // The owner, from their own address, is not held up by someone else's guesses.
    assert.equal((await new Browser().signIn(address)).status, 303);
  });

  test('wrong sign-ins from rotating addresses never lock the owner out', async () => {
    const address = email('victim');
    await new Browser().register('Victim Owner', address);
    const owner = new Browser();
    let refused = 0;
    // Two wrong guesses a second, each from a new address, for six seconds;
    // the owner tries their correct password every second.
    for (let second = 0; second < 6; second++) {
      for (let i = 0; i < 2; i++) {
        const guess = await new Browser().signIn(address, `guess ${second}-${i}`);
        assert.ok([401, 429].includes(guess.status), `guess ${guess.status}`);
      }
      const tried = await new Browser().signIn(address);
      if (tried.status !== 303) refused++;
      await new Promise((r) => setTimeout(r, 1000));
    }
    assert.equal(refused, 0, 'the correct password was refused');
    assert.equal((await owner.signIn(address)).status, 303);
    assert.equal(await owner.signedIn(), true);
  });

  test('an address that guessed wrong is still held by the account limit', async () => {
    const address = email('guessed');
    await new Browser().register('Much Guessed', address);
    for (let i = 0; i < 5; i++) await new Browser().signIn(address, `guess ${i}`);
    const guesser = new Browser();
    assert.equal((await guesser.signIn(address, 'one more guess')).status, 401);
    assert.equal((await guesser.signIn(address, 'and another')).status, 429);
  });

  test('the delay passes: no permanent lock-out', async () => {
    const address = email('wait');
    await new Browser().register('Patient One', address);
    const b = new Browser();
    for (let i = 1; i <= 5; i++) await b.signIn(address, `wrong ${i}`);
    const refused = await b.signIn(address);
    assert.equal(refused.status, 429);
    const wait = Number(/Try again in (\d+) second/.exec(refused.text)[1]);
    assert.ok(wait >= 1 && wait <= 60, `wait ${wait}`);
    await new Promise((r) => setTimeout(r, wait * 1000 + 200));
    assert.equal((await b.signIn(address)).status, 303);
  });
});

describe('hostile input', () => {
  const payloads = readFileSync(join(root, 'tests', 'data', 'xss-payloads.txt'), 'utf8')
    .split('\n').filter((line) => line.trim() !== '');

  test('there are at least 50 XSS payloads', () => {
    assert.ok(payloads.length >= 50, `${payloads.length} payloads`);
  });

  test('XSS payloads as display names come back escaped', async () => {
    let shown = 0;
    for (const payload of payloads) {
      const b = new Browser();
      const r = await b.register(payload, email('xss'));
      const escaped = escapeHtml(payload.trim().replace(/\s+/g, ' '));
      if (r.status === 303) {
        const page = await b.get('/account');
        assert.equal(page.status, 200, payload);
        assert.equal(displayNameOn(page.text), escaped, payload);
        if (/[<>"']/.test(payload)) assert.ok(!page.text.includes(payload), `raw: ${payload}`);
        shown++;
      } else {
        // Refused (e.g. too long): sent back in the field, escaped.
        assert.equal(r.status, 400, `${payload}: ${r.status}`);
        assert.ok(r.text.includes(`value="${escaped}"`), `not echoed escaped: ${payload}`);
        assert.ok(!r.text.includes(payload), `raw: ${payload}`);
      }
    }
    assert.ok(shown >= 50, `only ${shown} payloads were accepted as names`);
  });

  test('SQL metacharacters are stored verbatim', async () => {
    const name = "Robert'); DROP TABLE accounts;--";
    const address = `o'brien+${process.pid}.${++unique}@example.org`;
    const b = new Browser();
    const r = await b.register(name, address);
    assert.equal(r.status, 303, r.text.slice(0, 400));
    const data = await b.get('/account/data');
    assert.equal(data.status, 200);
    assert.match(data.headers.get('content-disposition'), /^attachment; filename="[^"]+\.json"$/);
    assert.match(data.headers.get('content-type'), /^application\/json/);
    const json = JSON.parse(data.text);
    assert.equal(json.account.display_name, name);
    assert.equal(json.account.email, address);
    assert.ok(!data.text.includes('argon2'), 'the password hash was exported');
    const page = await b.get('/account');
    assert.equal(displayNameOn(page.text), escapeHtml(name));
    assert.equal((await new Browser().signIn(address)).status, 303);
    // The accounts table is still there.
    assert.equal((await new Browser().register('After The Drop', email('after'))).status, 303);
  });
});

describe('your data and deleting your account', () => {
  test('delete needs the password, then the account is gone', async () => {
    const address = email('leaving');
    const b = new Browser();
    await b.register('Leaving Now', address);
    const wrong = await b.submit('/account/delete', '/account/delete',
      { posts: 'keep', password: 'not my password' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /Your password is not right/);
    assert.match(wrong.text, /id="posts-keep" name="posts" type="radio" value="keep" checked/);
    const gone = await b.submit('/account/delete', '/account/delete',
      { posts: 'remove', password: PASSWORD });
    assert.equal(gone.status, 200);
    assert.match(gone.text, /Your account has been deleted/);
    assert.equal(await b.signedIn(), false);
    assert.equal((await new Browser().signIn(address)).status, 401);
  });
});

describe('cairn user add', () => {
  const content = join(root, 'content');

  test('creates a nurse who can sign in', async () => {
    const address = email('nurse');
    const r = await runCairn(['user', 'add', address, '--role', 'nurse', '--name', 'Nurse Jo',
      ...server.storeArgs, '--content', content], 'kettle orbit sunrise\n');
    assert.equal(r.code, 0, r.out);
    assert.ok(!r.out.includes('kettle orbit sunrise'));
    const b = new Browser();
    assert.equal((await b.signIn(address, 'kettle orbit sunrise')).status, 303);
    const page = await b.get('/account');
    assert.equal(displayNameOn(page.text), 'Nurse Jo');
    assert.match(page.text, /<dd class="nhsuk-summary-list__value">Nurse<\/dd>/);
  });

  test('a weak password is refused with exit 1', async () => {
    const r = await runCairn(['user', 'add', email('weak'), '--role', 'editor',
      ...server.storeArgs, '--content', content], 'password123\n');
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /common/);
  });

  test('bad usage exits 2', async () => {
    for (const args of [
      ['user', 'add', email('norole'), ...server.storeArgs, '--content', content],
      ['user', 'add', email('badrole'), '--role', 'overlord', ...server.storeArgs],
      ['user', 'add', '--role', 'nurse', ...server.storeArgs],
      ['user', 'remove', 'x@example.org'],
    ]) {
      const r = await runCairn(args, 'kettle orbit sunrise\n');
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.out}`);
    }
  });
});

describe('password hashing off the request threads', () => {
  test('a sign-in flood is turned away with 503 while pages are still served (latency: bench/signin)', async () => {
    const flood = [];
    for (let i = 0; i < 60; i++) {
      flood.push(new Browser().signIn(email('flood'), `wrong guess ${i}`));
    }
    // While the flood is being hashed, a page is served by the io threads.
    await new Promise((r) => setTimeout(r, 150));
    const started = Date.now();
    const health = await fetch(`${server.base}/healthz`);
    const took = Date.now() - started;
    assert.equal(health.status, 200);
    const results = await Promise.all(flood);
    const statuses = results.map((r) => r.status);
    assert.ok(statuses.every((s) => s === 401 || s === 503), statuses.join(' '));
    const busy = results.find((r) => r.status === 503);
    assert.ok(busy, 'the lane never filled');
    assert.equal(busy.headers.get('retry-after'), '2');
    // The busy answer is a page of the site a person can read, not a line of text.
    assert.match(busy.headers.get('content-type'), /^text\/html/);
    assert.match(busy.text, /<h1>Please wait a moment<\/h1>/);
    assert.match(busy.text, /Too many people are signing in at once/);
    assert.equal(busy.headers.get('cache-control'), 'no-store');
    assert.ok(statuses.filter((s) => s === 401).length >= 10, statuses.join(' '));
  });
});
