// Limits on what one request may send: a header over the limit gets 431, a
// body over it 413, both answered readably before the connection closes, and
// the server keeps serving everyone else. Requests within the limits pass.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startCairn } from './cairn_server.mjs';
import { assertSecurityHeaders, get, RawConnection, rawRequest, request } from './http_client.mjs';

const KB = 1024;
const MB = 1024 * KB;
let server;

before(async () => { server = await startCairn(); });
after(async () => { await server?.stop(); });

async function stillServing() {
  const r = await get(server.base, '/about-cancer/leptomeningeal-metastases');
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1>/);
}

test('a 64 KB header gets 431 and the server still serves', async () => {
  const c = await RawConnection.open(server.port);
  await c.write(rawRequest('GET', '/', [`Cookie: a=${'x'.repeat(64 * KB)}`]));
  const r = await c.readResponse();
  assert.equal(r.status, 431);
  assert.equal(r.headers.connection, 'close');
  assertSecurityHeaders(assert, r.headers, '431');
  assert.ok(await c.closesWithin(3000), 'connection left open after 431');
  await stillServing();
});

test('many header lines adding up to 64 KB get 431 too', async () => {
  const lines = Array.from({ length: 64 }, (_, i) => `X-Filler-${i}: ${'y'.repeat(1000)}`);
  const c = await RawConnection.open(server.port);
  await c.write(rawRequest('GET', '/', lines));
  const r = await c.readResponse();
  c.destroy();
  assert.equal(r.status, 431);
  await stillServing();
});

test('a very long address gets 431 (or 414), not a crash', async () => {
  const c = await RawConnection.open(server.port);
  await c.write(rawRequest('GET', `/${'a'.repeat(64 * KB)}`));
  const r = await c.readResponse();
  c.destroy();
  assert.ok(r.status === 431 || r.status === 414, String(r.status));
  await stillServing();
});

test('an ordinary large header (an 8 KB cookie) is fine', async () => {
  const r = await request(server.base, '/', { headers: { Cookie: `a=${'x'.repeat(8 * KB)}` } });
  assert.equal(r.status, 200);
});

test('a 2 MB POST gets 413, readable by the client, and the server still serves', async () => {
  const c = await RawConnection.open(server.port);
  const head = `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\nContent-Length: ${2 * MB}\r\n\r\n`;
  // Headers and body go out together, as a browser uploading a file would send them.
  c.write(Buffer.concat([Buffer.from(head), Buffer.alloc(2 * MB, 0x61)]));
  const r = await c.readResponse();
  assert.equal(r.status, 413);
  assertSecurityHeaders(assert, r.headers, '413');
  assert.ok(await c.closesWithin(5000), 'connection left open after 413');
  await stillServing();
});

test('a 2 MB POST from node:http sees the 413 (no reset before the answer)', async () => {
  // The server must not reset the connection while the client is still sending,
  // or the client never reads the 413. Repeat: a reset is a race.
  for (let i = 0; i < 20; i++) {
    const r = await request(server.base, '/', {
      method: 'POST', body: Buffer.alloc(2 * MB, 0x62),
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': 2 * MB },
    }).catch((e) => ({ error: e }));
    assert.ok(!r.error, `attempt ${i}: ${r.error?.code ?? r.error}`);
    assert.equal(r.status, 413, `attempt ${i}`);
  }
  await stillServing();
});

test('a 2 MB chunked body (no Content-Length) gets 413 too', async () => {
  const c = await RawConnection.open(server.port);
  await c.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n');
  const chunk = Buffer.concat([Buffer.from(`${(64 * KB).toString(16)}\r\n`), Buffer.alloc(64 * KB, 0x63), Buffer.from('\r\n')]);
  for (let sent = 0; sent < 2 * MB && !c.isClosed; sent += 64 * KB) {
    if (!(await c.write(chunk))) break;
  }
  const r = await c.readResponse();
  c.destroy();
  assert.equal(r.status, 413);
  await stillServing();
});

test('a refused client that keeps sending is cut off within a few seconds', async () => {
  const c = await RawConnection.open(server.port);
  await c.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${100 * MB}\r\n\r\n`);
  const r = await c.readResponse();
  assert.equal(r.status, 413);
  // Keep sending slowly, as a stuck upload would.
  const started = Date.now();
  const trickle = setInterval(() => { if (!c.isClosed) c.socket.write(Buffer.alloc(1024, 0x65)); }, 50);
  const closed = await c.closesWithin(6000);
  clearInterval(trickle);
  c.destroy();
  assert.ok(closed, 'the server kept reading a refused upload for 6 s');
  assert.ok(Date.now() - started < 6000);
  await stillServing();
});

test('a small body to a route that takes none is read, and the method decides (405 for POST /)', async () => {
  const r = await request(server.base, '/', {
    method: 'POST', body: Buffer.alloc(4 * KB, 0x64),
    headers: { 'Content-Type': 'application/octet-stream' },
  });
  assert.equal(r.status, 405);
});

// Each route reads a body only up to its own limit: 8 KB where no route takes
// one (so the 405 still comes), 256 KB for a form, 1 MB for the editor.
test('bodies are read only up to the route\'s own limit', async () => {
  const send = async (method, path, size) => {
    const c = await RawConnection.open(server.port);
    await c.write(`${method} ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n`
      + `Content-Length: ${size}\r\n\r\n`);
    await c.write(Buffer.alloc(size, 0x61)).catch(() => {});
    const r = await c.readResponse();
    c.destroy();
    return r.status;
  };
  assert.equal(await send('GET', '/', 100 * KB), 413, 'a GET takes no large body');
  assert.equal(await send('POST', '/no-such-page', 100 * KB), 413, 'nor does a post to no route');
  assert.equal(await send('POST', '/no-such-page', 4 * KB), 405, 'the answer it deserves');
  // A form route takes 256 KB: within it the CSRF check answers, over it 413.
  assert.equal(await send('POST', '/feedback', 200 * KB), 403);
  assert.equal(await send('POST', '/feedback', 300 * KB), 413);
  // The editor takes a page's source: 1 MB.
  assert.equal(await send('POST', '/staff/content/edit', 600 * KB), 403);
  assert.equal(await send('POST', '/staff/content/edit', MB + 1), 413);
  await stillServing();
});

test('the server serves others while one client is being refused', async () => {
  const refusals = Array.from({ length: 4 }, async () => {
    const c = await RawConnection.open(server.port);
    await c.write(rawRequest('GET', '/', [`X-Big: ${'z'.repeat(64 * KB)}`]));
    const r = await c.readResponse();
    c.destroy();
    return r.status;
  });
  const pages = Array.from({ length: 8 }, () => get(server.base, '/').then((r) => r.status));
  const [refused, served] = await Promise.all([Promise.all(refusals), Promise.all(pages)]);
  assert.deepEqual(refused, [431, 431, 431, 431]);
  assert.deepEqual(served, Array(8).fill(200));
});

// The memory attack: many connections each holding a body just under the limit
// open. Bodies share one budget, so the server's memory stays bounded, the
// connections over it get 503 at once, and other visitors are served meanwhile.
function residentMB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+) kB/)[1]) / 1024;
}

// 400 connections by default: the full 1,000 (CAIRN_ATTACK_CONNECTIONS=1000, with the
// open-file limit above 2,500) loads the machine enough to upset timing tests running
// beside it under ctest -j2.
const ATTACK = Number(process.env.CAIRN_ATTACK_CONNECTIONS ?? 400);
test(`${ATTACK} connections each sending a body 1 byte under 1 MB keep memory bounded`, async (t) => {
  const baseline = residentMB(server.child.pid);
  const connections = [];
  const part = Buffer.alloc(512 * KB, 'x');
  for (let i = 0; i < ATTACK; i++) {
    const c = await RawConnection.open(server.port);
    connections.push(c);
    // The editor's route: the one that takes bodies of up to 1 MB.
    await c.write(`POST /staff/content/edit HTTP/1.1\r\nHost: x\r\nContent-Length: ${MB - 1}\r\n\r\n`);
    await c.write(part);
  }
  await new Promise((ok) => setTimeout(ok, 300));
  const rss = residentMB(server.child.pid);
  await stillServing();
  const refused = connections.filter((c) => c.data.toString().startsWith('HTTP/1.1 503')).length;
  t.diagnostic(`RSS ${rss.toFixed(0)} MB, ${refused} of ${ATTACK} refused with 503`);
  for (const c of connections) c.destroy();
  assert.ok(rss < 300, `RSS ${rss.toFixed(0)} MB with ${ATTACK} half-sent 1 MB bodies`);
  assert.ok(refused > 0, 'no connection went over the body budget');
  await stillServing();
  // The memory goes back to the system once the bodies are gone.
  const closed = Date.now();
  let after = residentMB(server.child.pid);
  while (after > baseline + 16 && Date.now() - closed < 8000) {
    await new Promise((ok) => setTimeout(ok, 200));
    after = residentMB(server.child.pid);
  }
  t.diagnostic(`RSS ${baseline.toFixed(0)} MB before, ${after.toFixed(0)} MB ${Date.now() - closed} ms after they closed`);
  assert.ok(after <= baseline + 16, `RSS ${after.toFixed(0)} MB after the burst (${baseline.toFixed(0)} MB before)`);
});

// At the open-file limit accept fails at once, again and again; the server must
// not spin on it, and must serve again soon after descriptors are freed.
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;  // utime + stime, in clock ticks
}

test('at the open-file limit the server idles, and serves again once connections close', async (t) => {
  const tight = await startCairn({ wrapper: ['prlimit', '--nofile=160', '--'] });
  const connections = [];
  try {
    for (let i = 0; i < 220; i++) connections.push(await RawConnection.open(tight.port));
    await new Promise((ok) => setTimeout(ok, 300));
    const before = cpuSeconds(tight.child.pid);
    await new Promise((ok) => setTimeout(ok, 2000));
    const share = (cpuSeconds(tight.child.pid) - before) / 2;
    t.diagnostic(`CPU at the limit: ${(share * 100).toFixed(1)} %`);
    assert.ok(share < 0.2, `${(share * 100).toFixed(1)} % CPU while accept fails`);
    for (const c of connections) c.destroy();
    const freed = Date.now();
    let r;
    for (;;) {
      try {
        r = await get(tight.base, '/healthz');
        if (r.status === 200) break;
      } catch { /* still full */ }
      if (Date.now() - freed > 5000) break;
      await new Promise((ok) => setTimeout(ok, 20));
    }
    t.diagnostic(`served again ${Date.now() - freed} ms after the connections closed`);
    assert.equal(r?.status, 200);
    assert.ok(Date.now() - freed < 1000, 'served again within 1 s');
  } finally {
    for (const c of connections) c.destroy();
    await tight.stop();
  }
});
