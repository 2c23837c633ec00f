// A visitor for HTTP tests: a cookie jar, its own client address (the server
// runs with --trust-proxy on, so one test's rate limits do not spill into the
// next), forms sent with the CSRF token of the page they are on; and staff
// accounts made with `cairn user add`, as an operator would.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bin, root } from './cairn_server.mjs';
import { linkIn } from './smtp_sink.mjs';

let nextAddress = 1;

export class WebVisitor {
  constructor(server, network = '192.0') {
    this.server = server;
    this.jar = new Map();
    const n = nextAddress++;
    this.address = `${network}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
  }

  async request(path, { method = 'GET', form, headers = {} } = {}) {
    const h = { 'x-forwarded-for': this.address, ...headers };
    if (this.jar.size) h.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (form) {
      body = new URLSearchParams(form).toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(this.server.base + path, { method, headers: h, body, redirect: 'manual' });
    const setCookies = res.headers.getSetCookie();
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      if (/;\s*Max-Age=0/i.test(c)) this.jar.delete(pair.slice(0, eq));
      else this.jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return { status: res.status, headers: res.headers, setCookies, text: await res.text(),
             location: res.headers.get('location') };
  }

  get(path) { return this.request(path); }

  async token(pagePath) {
    const page = await this.get(pagePath);
    assert.equal(page.status, 200, `${pagePath}: ${page.text.slice(0, 300)}`);
    const m = /name="csrf_token" value="([^"]+)"/.exec(page.text);
    assert.ok(m, `no csrf_token on ${pagePath}`);
    return m[1];
  }

  async submit(pagePath, action, fields) {
    const csrf_token = await this.token(pagePath);
    return this.request(action, { method: 'POST', form: { ...fields, csrf_token } });
  }

  // Registers a member, follows the emailed confirmation link and is signed in.
  async registerMember(fields) {
    const r = await this.submit('/account/register', '/account/register', {
      over_14: 'yes', accept_rules: 'yes', confirm_password: fields.password, ...fields,
    });
    assert.equal(r.status, 200, r.text.slice(0, 400));
    assert.match(r.text, /Check your email/);
    return this.confirmFromMail(fields.email);
  }

  // Follows the newest confirmation link mailed to `address`; resolves the 303.
  async confirmFromMail(address) {
    const mails = (await this.server.mail.waitFor(address)).filter((m) => linkIn(m, '/account/confirm/'));
    assert.ok(mails.length > 0, `no confirmation link to ${address}`);
    const path = linkIn(mails.at(-1), '/account/confirm/');
    const r = await this.submit(path, path, {});
    assert.equal(r.status, 303, r.text.slice(0, 400));
    return r;
  }

  signIn(address, password) {
    return this.submit('/account/sign-in', '/account/sign-in', { email: address, password });
  }
}

// Runs the cairn binary; resolves {code, out} (stdout and stderr together).
export function runCairn(args, input = '') {
  return new Promise((ok) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => ok({ code, out }));
    child.stdin.end(input);
  });
}

let accounts = 0;

// A signed-in visitor with a new account of `role` (member, editor, nurse, ...).
export async function signedInStaff(server, role, name, password = 'kettle orbit sunrise') {
  const address = `${role}.${process.pid}.${++accounts}@example.org`;
  const r = await runCairn(['user', 'add', address, '--role', role, '--name', name,
    ...server.storeArgs, '--content', join(root, 'content')], `${password}\n`);
  assert.equal(r.code, 0, r.out);
  const visitor = new WebVisitor(server);
  const signedIn = await visitor.signIn(address, password);
  assert.equal(signedIn.status, 303, signedIn.text.slice(0, 300));
  return visitor;
}

export function escapeHtml(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
