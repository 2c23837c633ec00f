// HTTP clients for the tests in this folder: one request with exactly the
// headers given (node:http adds no Accept-Encoding), and a raw TCP connection
// that can carry several requests, or bytes that are not HTTP at all.
import http from 'node:http';
import net from 'node:net';

// One request; resolves {status, headers, body: Buffer, reusedSocket}.
export function request(base, path, { method = 'GET', headers = {}, body, agent = false } = {}) {
  const url = new URL(base);
  return new Promise((ok, fail) => {
    const req = http.request({
      host: url.hostname, port: url.port, path, method, headers, agent,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({
        status: res.statusCode,
        headers: res.headers,
        body: Buffer.concat(chunks),
        reusedSocket: req.reusedSocket,
      }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

// A text body: request() with the body decoded as UTF-8.
export async function get(base, path, options = {}) {
  const r = await request(base, path, options);
  return { ...r, text: r.body.toString('utf8') };
}

// Parses one response from the front of `data` (a Buffer). Returns null if it is
// not complete yet, else {status, headers, head, body, rest}. A response to HEAD,
// and a 304 or 204, has no body whatever its Content-Length says.
export function parseResponse(data, { head = false, closed = false } = {}) {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const headText = data.subarray(0, end).toString('latin1');
  const [statusLine, ...lines] = headText.split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!m) throw new Error(`not an HTTP response: ${JSON.stringify(statusLine)}`);
  const status = Number(m[1]);
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  if (headers['transfer-encoding']) throw new Error('chunked responses are not expected');
  const start = end + 4;
  let length;
  if (head || status === 304 || status === 204) length = 0;
  else if (headers['content-length'] !== undefined) length = Number(headers['content-length']);
  else if (closed) length = data.length - start;  // read until close
  else return null;
  if (data.length < start + length) return null;
  return {
    status, headers, head: headText,
    body: data.subarray(start, start + length),
    rest: data.subarray(start + length),
  };
}

// A raw connection to the server. readResponse() takes the next response off
// the socket; `closed` resolves when the server (or we) closed it.
export class RawConnection {
  static open(port) {
    return new Promise((ok, fail) => {
      const socket = net.connect(port, '127.0.0.1', () => ok(new RawConnection(socket)));
      socket.once('error', fail);
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.data = Buffer.alloc(0);
    this.isClosed = false;
    this.error = null;
    this.waiters = [];
    socket.on('data', (d) => { this.data = Buffer.concat([this.data, d]); this.wake(); });
    // A reset after the server has answered is not the test's concern here;
    // what was received before it still counts.
    socket.on('error', (e) => { this.error = e; });
    this.closed = new Promise((ok) => socket.on('close', () => {
      this.isClosed = true;
      this.wake();
      ok();
    }));
  }

  wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  write(payload) {
    return new Promise((ok) => {
      if (this.isClosed || this.socket.destroyed) { ok(false); return; }
      this.socket.write(payload, (err) => ok(!err));
    });
  }

  async readResponse({ head = false, timeoutMs = 5000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = parseResponse(this.data, { head, closed: this.isClosed });
      if (r) {
        this.data = r.rest;
        return r;
      }
      if (this.isClosed) {
        throw new Error(`connection closed before a full response (${this.data.length} bytes` +
                        `${this.error ? `, ${this.error.code}` : ''})`);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no full response within ${timeoutMs} ms`);
      await new Promise((ok) => {
        const t = setTimeout(ok, left);
        this.waiters.push(() => { clearTimeout(t); ok(); });
      });
    }
  }

  // Resolves true if the socket closes within timeoutMs.
  async closesWithin(timeoutMs) {
    let timer;
    const timeout = new Promise((ok) => { timer = setTimeout(() => ok(false), timeoutMs); });
    const result = await Promise.race([this.closed.then(() => true), timeout]);
    clearTimeout(timer);
    return result;
  }

  destroy() { this.socket.destroy(); }
}

// "GET / HTTP/1.1" with a Host header and any extra header lines.
export function rawRequest(method, target, extraHeaders = []) {
  return [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', ...extraHeaders, '', ''].join('\r\n');
}

// Headers every response must carry, HTML page or asset or error alike.
export function assertSecurityHeaders(assert, headers, what) {
  const csp = headers['content-security-policy'];
  assert.ok(csp, `${what}: no Content-Security-Policy`);
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim()).filter(Boolean)
    .map((d) => { const [name, ...values] = d.split(/\s+/); return [name, values]; }));
  assert.deepEqual(directives['script-src'], ["'self'"], `${what}: script-src is not just 'self': ${csp}`);
  assert.deepEqual(directives['frame-ancestors'], ["'none'"], `${what}: framing allowed: ${csp}`);
  assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'), `${what}: ${csp}`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
  assert.match(headers['referrer-policy'] ?? '', /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
               `${what}: Referrer-Policy leaks full addresses or is missing`);
  const permissions = headers['permissions-policy'] ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation']) {
    assert.match(permissions, new RegExp(`(^|[ ,])${feature}=\\(\\)`), `${what}: Permissions-Policy ${feature}`);
  }
}
