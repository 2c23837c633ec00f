// HTTP behaviour of `cairn serve` on the wire: keep-alive, HEAD, conditional
// GET, gzip, security headers on every response, /healthz, methods, bad
// requests, paths that try to escape, static assets and the access log.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { root, startCairn } from './cairn_server.mjs';
import { assertSecurityHeaders, get, RawConnection, rawRequest, request } from './http_client.mjs';

const page = '/about-cancer/leptomeningeal-metastases';
let server;

before(async () => {
  const startedAt = Date.now();
  server = await startCairn();
  server.startedAt = startedAt;
});
after(async () => { await server?.stop(); });

// Waits for the access log (flushed every few hundred ms) to satisfy `check`.
async function logUntil(check, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = server.log().split('\n');
    if (check(lines)) return lines;
    if (Date.now() > deadline) return lines;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('health', () => {
  test('/healthz is 200 "ok", never cached', async () => {
    const r = await get(server.base, '/healthz');
    assert.equal(r.status, 200);
    assert.match(r.text, /^ok\b/);
    assert.match(r.headers['cache-control'], /no-store/);
    assertSecurityHeaders(assert, r.headers, '/healthz');
  });
});

describe('keep-alive', () => {
  test('several requests share one connection', async () => {
    const c = await RawConnection.open(server.port);
    for (const path of ['/', '/healthz', page, '/no-such-page', '/api/v1/pages']) {
      assert.ok(await c.write(rawRequest('GET', path)), `connection closed before ${path}`);
      const r = await c.readResponse();
      assert.equal(r.status, path === '/no-such-page' ? 404 : 200, path);
      assert.notEqual(r.headers.connection, 'close', path);
      assert.equal(r.body.length, Number(r.headers['content-length']), path);
    }
    assert.equal(c.isClosed, false, 'the server closed a keep-alive connection');
    c.destroy();
  });

  test('pipelined requests are answered in order on one connection', async () => {
    const c = await RawConnection.open(server.port);
    await c.write(rawRequest('GET', '/healthz') + rawRequest('GET', page) + rawRequest('GET', '/nope'));
    assert.equal((await c.readResponse()).status, 200);
    const second = await c.readResponse();
    assert.equal(second.status, 200);
    assert.match(second.body.toString(), /<h1>/);
    assert.equal((await c.readResponse()).status, 404);
    c.destroy();
  });

  test('a keep-alive agent reuses its socket', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await request(server.base, '/', { agent });
      const second = await request(server.base, page, { agent });
      const third = await request(server.base, '/healthz', { agent });
      assert.deepEqual([first.status, second.status, third.status], [200, 200, 200]);
      assert.equal(first.reusedSocket, false);
      assert.equal(second.reusedSocket, true);
      assert.equal(third.reusedSocket, true);
    } finally {
      agent.destroy();
    }
  });

  test('"Connection: close" is honoured', async () => {
    const c = await RawConnection.open(server.port);
    await c.write(rawRequest('GET', '/healthz', ['Connection: close']));
    const r = await c.readResponse();
    assert.equal(r.status, 200);
    assert.equal(r.headers.connection, 'close');
    assert.ok(await c.closesWithin(2000), 'the server kept the connection open');
  });
});

describe('HEAD', () => {
  test('HEAD has the GET headers and Content-Length but no body', async () => {
    const c = await RawConnection.open(server.port);
    await c.write(rawRequest('GET', page));
    const full = await c.readResponse();
    await c.write(rawRequest('HEAD', page));
    const head = await c.readResponse({ head: true });
    // Anything after the HEAD head would be read as the start of this response.
    await c.write(rawRequest('GET', '/healthz'));
    const next = await c.readResponse();
    c.destroy();
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(Number(head.headers['content-length']), full.body.length);
    assert.equal(head.headers.etag, full.headers.etag);
    assert.equal(head.headers['content-type'], full.headers['content-type']);
    assert.equal(next.status, 200, 'HEAD sent a body: the next response is out of step');
    assert.match(next.body.toString(), /^ok\b/);
  });

  test('HEAD of an API page and an asset have no body either', async () => {
    for (const path of ['/api/v1/pages', '/healthz']) {
      const r = await request(server.base, path, { method: 'HEAD' });
      assert.equal(r.status, 200, path);
      assert.equal(r.body.length, 0, path);
      assert.ok(Number(r.headers['content-length']) > 0, path);
    }
  });
});

describe('conditional GET', () => {
  test('If-None-Match with the ETag gives 304 with no body, and the ETag again', async () => {
    const first = await request(server.base, page);
    const etag = first.headers.etag;
    assert.match(etag ?? '', /^"[^"]+"$/, 'a strong ETag');
    const c = await RawConnection.open(server.port);
    await c.write(rawRequest('GET', page, [`If-None-Match: ${etag}`]));
    const r = await c.readResponse();
    await c.write(rawRequest('GET', '/healthz'));
    const next = await c.readResponse();
    c.destroy();
    assert.equal(r.status, 304);
    assert.equal(r.body.length, 0);
    assert.equal(r.headers.etag, etag);
    assert.equal(next.status, 200, '304 sent a body: the next response is out of step');
    assertSecurityHeaders(assert, r.headers, '304');
  });

  test('the ETag matches in a list, weak or strong, and gzip does not change it', async () => {
    const { etag } = (await request(server.base, page)).headers;
    for (const header of [`"nope", ${etag}`, `W/${etag}`, '*']) {
      const r = await request(server.base, page, { headers: { 'If-None-Match': header } });
      assert.equal(r.status, 304, header);
    }
    const gz = await request(server.base, page, {
      headers: { 'If-None-Match': etag, 'Accept-Encoding': 'gzip' } });
    assert.equal(gz.status, 304);
  });

  test('a different ETag gets the full page', async () => {
    const r = await request(server.base, page, { headers: { 'If-None-Match': '"not-the-etag"' } });
    assert.equal(r.status, 200);
    assert.ok(r.body.length > 1000);
  });

  test('pages are revalidated (no-cache), not cached blind', async () => {
    const r = await request(server.base, page);
    assert.match(r.headers['cache-control'], /no-cache|max-age=0/);
  });
});

describe('gzip', () => {
  test('a client that accepts gzip gets it, and it unpacks to the plain page', async () => {
    const plain = await request(server.base, page);
    const gz = await request(server.base, page, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(gz.status, 200);
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.match(gz.headers.vary ?? '', /Accept-Encoding/i);
    assert.equal(Number(gz.headers['content-length']), gz.body.length);
    assert.ok(gz.body.length < plain.body.length / 2, `${gz.body.length} vs ${plain.body.length}`);
    assert.deepEqual(gunzipSync(gz.body), plain.body);
  });

  test('a client that does not accept gzip gets plain text', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'gzip;q=0' },
      { 'Accept-Encoding': 'br' }]) {
      const r = await request(server.base, page, { headers });
      assert.equal(r.headers['content-encoding'], undefined, JSON.stringify(headers));
      assert.match(r.body.toString('utf8'), /^<!DOCTYPE html>/i, JSON.stringify(headers));
      assert.match(r.headers.vary ?? '', /Accept-Encoding/i);
    }
  });

  test('API JSON and the 404 page are gzipped too', async () => {
    for (const [path, status] of [['/api/v1/pages/about-cancer/leptomeningeal-metastases/treatment', 200],
      ['/no-such-page', 404]]) {
      const plain = await request(server.base, path);
      const gz = await request(server.base, path, { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(gz.status, status);
      assert.equal(gz.headers['content-encoding'], 'gzip', path);
      assert.deepEqual(gunzipSync(gz.body), plain.body, path);
    }
  });

  test('HEAD with gzip gives the gzipped length', async () => {
    const gz = await request(server.base, page, { headers: { 'Accept-Encoding': 'gzip' } });
    const head = await request(server.base, page, { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(head.headers['content-encoding'], 'gzip');
    assert.equal(head.headers['content-length'], String(gz.body.length));
    assert.equal(head.body.length, 0);
  });
});

describe('security headers', () => {
  test('every kind of response carries them', async () => {
    const cases = [
      ['GET', '/'], ['GET', page], ['GET', '/no-such-page'], ['GET', '/api/v1/pages'],
      ['GET', '/api/v1/pages/nope'], ['GET', '/healthz'], ['GET', '/assets/no-such-file.css'],
      ['DELETE', '/'], ['GET', `${page}/`], ['HEAD', '/'],
    ];
    for (const [method, path] of cases) {
      const r = await request(server.base, path, { method });
      assertSecurityHeaders(assert, r.headers, `${method} ${path} (${r.status})`);
      assert.match(r.headers['x-frame-options'] ?? 'DENY', /^DENY$/i);
    }
  });

  test('responses are not sniffed: each has a Content-Type', async () => {
    for (const path of ['/', '/no-such-page', '/api/v1/pages', '/healthz']) {
      const r = await request(server.base, path);
      assert.ok(r.headers['content-type'], path);
    }
  });

  test('each response has a request id, different every time', async () => {
    const a = await request(server.base, '/healthz');
    const b = await request(server.base, '/healthz');
    assert.match(a.headers['x-request-id'] ?? '', /^[0-9a-z-]{8,}$/i);
    assert.notEqual(a.headers['x-request-id'], b.headers['x-request-id']);
  });
});

describe('methods', () => {
  test('DELETE / is 405 with Allow: GET, HEAD', async () => {
    const r = await get(server.base, '/', { method: 'DELETE' });
    assert.equal(r.status, 405);
    const allowed = r.headers.allow.split(',').map((s) => s.trim());
    assert.ok(allowed.includes('GET') && allowed.includes('HEAD'), r.headers.allow);
    assert.ok(!allowed.includes('DELETE'));
    assert.match(r.headers['content-type'], /^text\/html/);
    // The page says what went wrong, not some other problem.
    assert.match(r.text, /<title>[^<]*not allowed[^<]*<\/title>/i);
  });

  test('POST to a page is 405 and the server keeps serving', async () => {
    const r = await get(server.base, page, { method: 'POST', body: 'a=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    assert.equal(r.status, 405);
    assert.equal((await get(server.base, page)).status, 200);
  });
});

describe('bad requests', () => {
  async function stillServing() {
    const r = await get(server.base, '/healthz');
    assert.equal(r.status, 200);
  }

  test('garbage bytes get 400, the connection closes, and the server still serves', async () => {
    const c = await RawConnection.open(server.port);
    await c.write(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a]));
    const r = await c.readResponse();
    assert.equal(r.status, 400);
    assertSecurityHeaders(assert, r.headers, '400');
    assert.ok(await c.closesWithin(2000), 'connection left open after a bad request');
    await stillServing();
  });

  for (const [name, payload] of [
    ['a request line without a version', 'GET /\r\n\r\n'],
    ['a header line without a colon', 'GET / HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n'],
    ['a bad Content-Length', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n'],
    ['two different Content-Lengths', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'],
    ['a space in the path', 'GET /a b HTTP/1.1\r\nHost: x\r\n\r\n'],
  ]) {
    test(`${name} gets 400 and the server still serves`, async () => {
      const c = await RawConnection.open(server.port);
      await c.write(payload);
      const r = await c.readResponse();
      c.destroy();
      assert.equal(r.status, 400, r.head);
      await stillServing();
    });
  }

  // RFC 9112 6.1 and 6.3: a length that cannot be known, or two ways of giving
  // it, is refused and the connection closed, so nothing after it is taken as
  // a second request (request smuggling).
  for (const [name, payload] of [
    ['a Transfer-Encoding that does not end in chunked',
      'POST /search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['Transfer-Encoding and Content-Length together',
      'POST /search HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['HTTP/1.1 without Host', 'GET /healthz HTTP/1.1\r\n\r\n'],
    ['HTTP/1.1 with two Hosts', 'GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'],
  ]) {
    test(`${name} gets 400, the connection closes and nothing after it is served`, async () => {
      const c = await RawConnection.open(server.port);
      await c.write(payload);
      const r = await c.readResponse();
      assert.equal(r.status, 400, r.head);
      assert.ok(await c.closesWithin(3000), 'connection left open');
      assert.ok(!c.data.toString().includes('HTTP/1.1 200'), 'a smuggled request was answered');
      await stillServing();
    });
  }

  test('HTTP/1.0 without Host is still served', async () => {
    const c = await RawConnection.open(server.port);
    await c.write('GET /healthz HTTP/1.0\r\n\r\n');
    const r = await c.readResponse();
    c.destroy();
    assert.equal(r.status, 200, r.head);
  });

  test('an absolute-form target is served as its path (RFC 9112 3.2.2)', async () => {
    const c = await RawConnection.open(server.port);
    await c.write(rawRequest('GET', `http://127.0.0.1:${server.port}${page}?x=1`));
    const r = await c.readResponse();
    c.destroy();
    assert.equal(r.status, 200, r.head);
    assert.match(r.body.toString(), /<h1>What are leptomeningeal metastases\?<\/h1>/);
  });

  test('a body longer than the limit is refused from its Content-Length, before it is sent', async () => {
    const c = await RawConnection.open(server.port);
    await c.write('POST /search HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n');
    const r = await c.readResponse();
    c.destroy();
    assert.equal(r.status, 413, r.head);
    await stillServing();
  });

  test('bytes that are not UTF-8 in a path or query give 400 or 404, never 500', async () => {
    for (const target of ['/api/v1/pages/%FF', '/api/v1/trials/%FF', '/api/v1/trials?near=%FF%FE',
      '/api/v1/search?q=%C3%28', '/api/v1/suggest?q=%FF', '/search?q=%FF%FE', '/trials?near=%FF',
      '/about-cancer/%FF', '/forum/search?q=%FF']) {
      const r = await get(server.base, target);
      assert.ok([200, 400, 404].includes(r.status), `${target}: ${r.status}`);
    }
    await stillServing();
  });

  test('a line break in a path that fails cannot forge a line in the logs', async () => {
    await get(server.base, '/api/v1/pages/x%0Aerror%20forged%20GET%20/admin');
    const lines = await logUntil((ls) => ls.some((l) => l.includes('/api/v1/pages/x')));
    assert.ok(!lines.some((l) => l.startsWith('error forged')), 'a forged line in the log');
  });

  test('a client that disconnects mid-request does not hurt the server', async () => {
    for (let i = 0; i < 20; i++) {
      const c = await RawConnection.open(server.port);
      await c.write('GET /about-cancer/lepto');
      c.destroy();
    }
    await stillServing();
  });
});

describe('paths that try to escape', () => {
  const attempts = [
    '/assets/../../../../etc/passwd', '/../../../../etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd',
    '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/assets/css/..%2f..%2f..%2fcontent%2fsite.yaml',
    '/../content/site.yaml', '/about-cancer%00.md', '/about-cancer/leptomeningeal-metastases%00',
    '/assets/css/cairn.css%00.txt', '/%2e%2e/%2e%2e/etc/passwd', '/assets//etc/passwd',
  ];
  for (const target of attempts) {
    test(`${target} is a 404, not a file`, async () => {
      // Sent as-is on a raw socket: no client tidies the dots away first.
      const c = await RawConnection.open(server.port);
      await c.write(rawRequest('GET', target));
      const r = await c.readResponse();
      c.destroy();
      assert.ok(r.status === 404 || r.status === 400, `${r.status} for ${target}`);
      const body = r.body.toString('latin1');
      assert.ok(!body.includes('root:'), 'passwd leaked');
      assert.ok(!body.includes('donate_url'), 'site.yaml leaked');
      assertSecurityHeaders(assert, r.headers, target);
    });
  }
});

describe('static assets', () => {
  let home;
  before(async () => { home = (await get(server.base, '/')).text; });
  // Assets are read once at start-up; a file edited since is not what is served.
  const editedSinceStart = (file) => statSync(file).mtimeMs > server.startedAt;

  const linked = (html, pattern) => [...html.matchAll(pattern)].map((m) => m[1]);
  // "/assets/css/cairn.0123456789ab.css" -> "css/cairn.css"
  const fileFor = (url) => url.replace(/^\/assets\//, '').replace(/\.[0-9a-f]{8,}(\.[a-z0-9]+)$/, '$1');

  test('stylesheets and scripts in the page have hashed URLs cached for a year', async (t) => {
    const urls = [
      ...linked(home, /<link rel="stylesheet"[^>]*href="([^"]+)"/g),
      ...linked(home, /<script[^>]*src="([^"]+)"/g),
    ];
    assert.ok(urls.length >= 2, 'the page links its CSS and JS');
    let checked = 0;
    let edited = 0;
    for (const url of urls) {
      assert.match(url, /^\/assets\//);
      const file = join(root, 'web', fileFor(url));
      if (!existsSync(file)) { t.diagnostic(`web/${fileFor(url)} does not exist yet`); continue; }
      assert.match(url, /\.[0-9a-f]{8,}\.[a-z0-9]+$/, `${url} has no content hash`);
      if (editedSinceStart(file)) { edited++; t.diagnostic(`web/${fileFor(url)} changed during the test`); continue; }
      const r = await request(server.base, url);
      assert.equal(r.status, 200, url);
      const cc = r.headers['cache-control'];
      assert.match(cc, /max-age=31536000/, `${url}: ${cc}`);
      assert.match(cc, /immutable/, `${url}: ${cc}`);
      assert.deepEqual(r.body, readFileSync(file), `${url} is not web/${fileFor(url)}`);
      const type = url.endsWith('.css') ? /^text\/css/ : /^(application|text)\/javascript/;
      assert.match(r.headers['content-type'], type, url);
      assertSecurityHeaders(assert, r.headers, url);
      checked++;
    }
    assert.ok(checked > 0 || edited > 0 || !existsSync(join(root, 'web', 'css')), 'no linked asset could be checked');
  });

  test('an asset can be fetched gzipped and revalidated', async (t) => {
    const url = linked(home, /<link rel="stylesheet"[^>]*href="([^"]+)"/g)
      .find((u) => existsSync(join(root, 'web', fileFor(u))));
    if (!url) { t.skip('no stylesheet in web/ yet'); return; }
    const plain = await request(server.base, url);
    if (plain.body.length > 1000) {
      const gz = await request(server.base, url, { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.deepEqual(gunzipSync(gz.body), plain.body);
    }
    const again = await request(server.base, url, { headers: { 'If-None-Match': plain.headers.etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  test('when the file changes, so does its URL (the hash is of the content)', async (t) => {
    const urls = linked(home, /<link[^>]*href="(\/assets\/[^"]+)"/g)
      .filter((u) => existsSync(join(root, 'web', fileFor(u))) && !editedSinceStart(join(root, 'web', fileFor(u))));
    if (urls.length < 2) { t.skip('fewer than two assets in web/ yet'); return; }
    const byContent = new Map();
    for (const u of urls) {
      const body = readFileSync(join(root, 'web', fileFor(u))).toString('base64');
      const hash = /\.([0-9a-f]{8,})\.[a-z0-9]+$/.exec(u)[1];
      if (byContent.has(body)) assert.equal(byContent.get(body), hash);
      else assert.ok(![...byContent.values()].includes(hash), `${u}: same hash, different files`);
      byContent.set(body, hash);
    }
  });

  test('an unknown asset is a 404, not an empty 200', async () => {
    const r = await request(server.base, '/assets/css/no-such-file.css');
    assert.equal(r.status, 404);
    assert.doesNotMatch(r.headers['cache-control'] ?? '', /immutable/);
  });
});

describe('access log', () => {
  test('one line per request on stdout, with the path but never the query string', async () => {
    const marker = `/log-check-${Date.now()}`;
    await request(server.base, '/?q=secret-words&postcode=SW1A1AA');
    await request(server.base, `${marker}?token=secret-token`);
    await request(server.base, `${marker}?again=secret-again`);
    const lines = await logUntil((ls) => ls.filter((l) => l.includes(marker)).length >= 2 &&
                                         ls.some((l) => / GET \/ 200 /.test(l)));
    const mine = lines.filter((l) => l.includes(marker));
    assert.equal(mine.length, 2, `expected two lines for ${marker}:\n${mine.join('\n')}`);
    for (const l of mine) assert.match(l, / GET \/log-check-\d+ 404 /);
    assert.ok(lines.some((l) => / GET \/ 200 /.test(l)), 'no line for GET /');
    const leaks = lines.filter((l) => /secret|SW1A1AA|\?q=/.test(l));
    assert.deepEqual(leaks, [], 'the query string reached the log');
  });

  test('a hostile path cannot forge a log line', async () => {
    await request(server.base, '/x%0A2020-01-01T00:00:00Z%20127.0.0.1%20GET%20/forged%20200');
    const lines = await logUntil((ls) => ls.some((l) => l.includes('/x?2020')));
    assert.ok(lines.some((l) => l.includes('/x?2020')), 'the request was not logged');
    assert.ok(!lines.some((l) => l.startsWith('2020-01-01T00:00:00Z')), 'a forged line');
  });
});

// A second server with small limits: connections over the cap are answered at
// once with 503 and closed, and the server goes on serving the others.
describe('connection limits and HTTPS headers', () => {
  let limited;
  before(async () => {
    limited = await startCairn({ args: ['--max-connections-per-address', '20', '--secure-cookies', 'on'] });
  });
  after(async () => { await limited?.stop(); });

  test('connections over the per-address cap get 503 at once; closing them frees places', async () => {
    const idle = [];
    for (let i = 0; i < 20; i++) idle.push(await RawConnection.open(limited.port));
    const over = await RawConnection.open(limited.port);
    const r = await over.readResponse({ timeoutMs: 3000 });
    assert.equal(r.status, 503);
    assert.equal(r.headers['retry-after'], '5');
    assert.ok(await over.closesWithin(3000), 'the refused connection is closed');
    for (const c of idle) c.destroy();
    await new Promise((ok) => setTimeout(ok, 200));
    const again = await get(limited.base, '/healthz');
    assert.equal(again.status, 200);
  });

  test('with --secure-cookies on every response says Strict-Transport-Security', async () => {
    for (const path of ['/healthz', page, '/no-such-page']) {
      const r = await get(limited.base, path);
      assert.equal(r.headers['strict-transport-security'], 'max-age=31536000', path);
    }
    const plain = await get(server.base, '/healthz');
    assert.equal(plain.headers['strict-transport-security'], undefined, 'not without HTTPS');
  });
});
