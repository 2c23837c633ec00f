// A small SMTP server for tests: greets with 220, says 250 to EHLO/HELO, MAIL
// and RCPT, 354 to DATA, collects the message up to the lone ".", and says 221
// to QUIT. Each mail is kept as {from, to: [...], data} with dots unstuffed.
import { createServer } from 'node:net';

export function startSmtpSink() {
  const mails = [];
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let mail = { from: null, to: [], data: '' };
    socket.write('220 sink.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) break;
          mail.data = buffer.slice(0, end + 2).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          mails.push(mail);
          mail = { from: null, to: [], data: '' };
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) break;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') {
          socket.write('250 sink.test\r\n');
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
    });
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
