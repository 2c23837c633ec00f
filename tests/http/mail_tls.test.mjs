// Mail to a relay that insists on STARTTLS and a login, as a charity's
// Microsoft 365 or ISP relay on port 587 does: the test makes a self-signed
// certificate with openssl, and cairn trusts it only through --smtp-ca-file.
// Without that file the certificate is refused and the mail stays queued.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCairn } from './cairn_server.mjs';
import { startSmtpSink, linkIn } from './smtp_sink.mjs';
import { WebVisitor } from './web_visitor.mjs';

const PASSWORD = 'lantern over the harbour';
let dir;
let tlsOptions;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cairn-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  tlsOptions = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  writeFileSync(join(dir, 'smtp-password'), 'relay secret 42\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

function register(server, address) {
  const b = new WebVisitor(server, '198.18');
  return b.submit('/account/register', '/account/register', {
    display_name: `Relay Tester ${process.pid}${Math.random().toString(36).slice(2, 6)}`,
    email: address, password: PASSWORD, confirm_password: PASSWORD, over_14: 'yes', accept_rules: 'yes',
  });
}

describe('a relay with STARTTLS and a login', () => {
  test('mail goes over TLS with the configured login, and the password is never logged', async () => {
    const sink = await startSmtpSink({ tls: tlsOptions });
    const server = await startCairn({
      mail: sink,
      args: ['--trust-proxy', 'on', '--smtp-url', `smtp://127.0.0.1:${sink.port}`,
             '--smtp-user', 'cairn-relay', '--smtp-password-file', join(dir, 'smtp-password'),
             '--smtp-ca-file', join(dir, 'cert.pem'), '--mail-from', 'hello@cairn.test'],
    });
    try {
      const address = `tls.${process.pid}@example.org`;
      assert.equal((await register(server, address)).status, 200);
      const [mail] = await sink.waitFor(address);
      assert.equal(mail.secure, true, 'sent before STARTTLS');
      assert.deepEqual(mail.login, { user: 'cairn-relay', password: 'relay secret 42' });
      assert.equal(mail.from, 'hello@cairn.test');
      assert.ok(linkIn(mail, '/account/confirm/'));
      assert.ok(!server.log().includes('relay secret 42'), 'the password was logged');
    } finally {
      await server.stop();
      await sink.close();
    }
  });

  test('without the CA file the certificate is refused and the mail waits', async () => {
    const sink = await startSmtpSink({ tls: tlsOptions });
    const server = await startCairn({
      mail: sink,
      args: ['--trust-proxy', 'on', '--smtp-url', `smtp://127.0.0.1:${sink.port}`,
             '--smtp-user', 'cairn-relay', '--smtp-password-file', join(dir, 'smtp-password')],
    });
    try {
      const address = `untrusted.${process.pid}@example.org`;
      assert.equal((await register(server, address)).status, 200);
      const deadline = Date.now() + 10000;
      while (!/mail \d+ not sent/.test(server.log()) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(server.log(), /mail \d+ not sent \(attempt 1\): .*; will try again later/);
      assert.equal(sink.mails.length, 0);
      assert.ok(!server.log().includes('relay secret 42'), 'the password was logged');
    } finally {
      await server.stop();
      await sink.close();
    }
  });

  test('a plain relay that offers no STARTTLS is not used in the clear', async () => {
    const sink = await startSmtpSink();
    const server = await startCairn({
      mail: sink, args: ['--trust-proxy', 'on', '--smtp-url', `smtp://127.0.0.1:${sink.port}`],
    });
    try {
      assert.equal((await register(server, `clear.${process.pid}@example.org`)).status, 200);
      const deadline = Date.now() + 10000;
      while (!/mail \d+ not sent/.test(server.log()) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(server.log(), /mail \d+ not sent/);
      assert.equal(sink.mails.length, 0);
    } finally {
      await server.stop();
      await sink.close();
    }
  });

  test('bad relay settings stop the server with a message', async () => {
    await assert.rejects(startCairn({ args: ['--smtp-url', 'http://relay:25'] }), /--smtp-url takes/);
    await assert.rejects(startCairn({ args: ['--smtp-url', 'smtp://127.0.0.1:25', '--smtp-user', 'x',
      '--smtp-password-file', join(dir, 'missing')] }), /cannot read the SMTP password file/);
  });
});
