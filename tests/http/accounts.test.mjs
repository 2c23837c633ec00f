// Accounts as a visitor's browser meets them: registering signs you in, signing
// out and changing your password end sessions, every form post needs its CSRF
// token, sign-in attempts are slowed, hostile display names come back escaped,
// SQL metacharacters are kept as typed, and `cairn user add` makes staff.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, startCairn } from './cairn_server.mjs';
import { WebVisitor, runCairn, escapeHtml } from './web_visitor.mjs';

const PASSWORD = 'blue tardis at dawn';
let server;

// A browser with a cookie jar. The server trusts X-Forwarded-For in these
// tests (--trust-proxy on), so each browser can come from its own address and
// the per-address limits of one test do not spill into the next.
class Browser extends WebVisitor {
  constructor() { super(server, '198.51'); }

  register(displayName, email, password = PASSWORD) {
    return this.submit('/account/register', '/account/register', {
      display_name: displayName, email, password, confirm_password: password,
      over_14: 'yes', accept_rules: 'yes',
    });
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
    // From another address too: the limit is per account.
    assert.equal((await new Browser().signIn(address)).status, 429);
    assert.equal(await b.signedIn(), false);
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
      '--data', server.data, '--content', content], 'kettle orbit sunrise\n');
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
      '--data', server.data, '--content', content], 'password123\n');
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /common/);
  });

  test('bad usage exits 2', async () => {
    for (const args of [
      ['user', 'add', email('norole'), '--data', server.data, '--content', content],
      ['user', 'add', email('badrole'), '--role', 'overlord', '--data', server.data],
      ['user', 'add', '--role', 'nurse', '--data', server.data],
      ['user', 'remove', 'x@example.org'],
    ]) {
      const r = await runCairn(args, 'kettle orbit sunrise\n');
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.out}`);
    }
  });
});
