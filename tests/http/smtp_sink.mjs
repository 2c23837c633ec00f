// A small SMTP server for tests: greets with 220, says 250 to EHLO/HELO, MAIL
// and RCPT, 354 to DATA, collects the message up to the lone ".", and says 221
// to QUIT. Each mail is kept as {from, to: [...], data, secure, login} with dots unstuffed.
import { createServer } from 'node:net';
import { TLSSocket } from 'node:tls';

// The body of a mail as text: quoted-printable undone, CRLF as LF.
export function mailBody(mail) {
  const split = mail.data.indexOf('\r\n\r\n');
  const head = mail.data.slice(0, split);
  let body = mail.data.slice(split + 4);
  if (/^Content-Transfer-Encoding: quoted-printable/mi.test(head)) {
    body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g,
      (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  }
  return body.replace(/\r\n/g, '\n');
}

// The path of the first link to this site in a mail that starts with `prefix`.
export function linkIn(mail, prefix) {
  const m = new RegExp(`https?://[^/\\s]+(${prefix}[A-Za-z0-9_-]+)`).exec(mailBody(mail));
  return m && m[1];
}

// With `tls: {key, cert}` the sink offers STARTTLS and, once it is on, AUTH
// PLAIN; each mail then says whether it came over TLS and who logged in.
export function startSmtpSink({ tls: tlsOptions } = {}) {
  const mails = [];
  const sockets = new Set();
  const serve = (socket, secure) => {
    socket.on('error', () => {});
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let login = null;
    let mail = { from: null, to: [], data: '' };
    const onData = (chunk) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) break;
          mail.data = buffer.slice(0, end + 2).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          mails.push({ ...mail, secure, login });
          mail = { from: null, to: [], data: '' };
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) break;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') {
          if (tlsOptions && !secure) socket.write('250-sink.test\r\n250 STARTTLS\r\n');
          else if (tlsOptions) socket.write('250-sink.test\r\n250 AUTH PLAIN\r\n');
          else socket.write('250 sink.test\r\n');
        } else if (verb === 'STARTTLS' && tlsOptions && !secure) {
          socket.removeListener('data', onData);
          socket.write('220 2.0.0 go ahead\r\n', () => {
            const secured = new TLSSocket(socket, { isServer: true, ...tlsOptions });
            sockets.add(secured);
            serve(secured, true);
          });
          return;
        } else if (verb === 'AUTH' && secure) {
          const [, user, password] = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString().split('\0');
          login = { user, password };
          socket.write('235 2.7.0 welcome\r\n');
        } else if (tlsOptions && !secure && verb !== 'QUIT') {
          socket.write('530 5.7.0 STARTTLS first\r\n');
        } else if (verb === 'MAIL') {
          mail.from = /<([^>]*)>/.exec(line)?.[1] ?? null;
          socket.write('250 2.1.0 ok\r\n');
        } else if (verb === 'RCPT') {
          mail.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          socket.write('250 2.1.5 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 end with <CRLF>.<CRLF>\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 2.0.0 bye\r\n');
        } else {
          socket.write('250 ok\r\n');
        }
      }
    };
    socket.on('data', onData);
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serve(socket, false);
    socket.write('220 sink.test ESMTP\r\n');
  });
  return new Promise((ok, fail) => {
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      ok({
        port: server.address().port,
        mails,
        // Resolves with the mails to `address` once there are `count` of them.
        async waitFor(address, count = 1, timeoutMs = 15000) {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const found = mails.filter((m) => m.to.includes(address));
            if (found.length >= count) return found;
            if (Date.now() > deadline) {
              throw new Error(`no mail to ${address} within ${timeoutMs} ms (${mails.length} in all)`);
            }
            await new Promise((r) => setTimeout(r, 100));
          }
        },
        close() {
          for (const s of sockets) s.destroy();
          return new Promise((r) => server.close(() => r()));
        },
      });
    });
  });
}
