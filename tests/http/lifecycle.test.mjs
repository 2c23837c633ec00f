// Starting and stopping `cairn serve`: SIGTERM stops it promptly with exit
// code 0 (closing idle keep-alive connections), and bad flags or a port in use
// stop it at once with exit code 2 and a message saying what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, root, startCairn } from './cairn_server.mjs';
import { get, RawConnection, rawRequest } from './http_client.mjs';

// Runs `cairn serve` with args; resolves {code, signal, stderr, stdout, ms}.
function runServe(args, { timeoutMs = 20000 } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'cairn-test-'));
  const started = Date.now();
  return new Promise((ok, fail) => {
    const child = spawn(bin, ['serve', '--data', data, '--content', join(root, 'content'),
      '--web', join(root, 'web'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); fail(new Error(`still running after ${timeoutMs} ms:\n${stderr}`)); }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      rmSync(data, { recursive: true, force: true });
      ok({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

async function stopTimed(server) {
  const started = Date.now();
  const result = await server.stop();
  return { ...result, ms: Date.now() - started };
}

test('SIGTERM with nothing open exits 0 within a few seconds', async () => {
  const server = await startCairn();
  assert.equal((await get(server.base, '/')).status, 200);
  const { code, signal, ms } = await stopTimed(server);
  assert.deepEqual({ code, signal }, { code: 0, signal: null }, server.log());
  assert.ok(ms < 3000, `took ${ms} ms to stop`);
});

test('SIGTERM with an idle keep-alive connection closes it and exits 0 promptly', async () => {
  const server = await startCairn();
  const c = await RawConnection.open(server.port);
  await c.write(rawRequest('GET', '/healthz'));
  assert.equal((await c.readResponse()).status, 200);
  // The connection now sits idle, kept alive, as a browser's would.
  const stopping = stopTimed(server);
  assert.ok(await c.closesWithin(3000), 'the idle connection was not closed');
  const { code, signal, ms } = await stopping;
  assert.deepEqual({ code, signal }, { code: 0, signal: null }, server.log());
  assert.ok(ms < 3000, `took ${ms} ms to stop`);
});

test('SIGTERM while a request is half sent still exits 0 promptly', async () => {
  const server = await startCairn();
  const c = await RawConnection.open(server.port);
  await c.write('GET /about-cancer/leptomeningeal-metastases HTTP/1.1\r\nHost: x\r\n');
  await new Promise((r) => setTimeout(r, 100));
  const { code, signal, ms } = await stopTimed(server);
  c.destroy();
  assert.deepEqual({ code, signal }, { code: 0, signal: null }, server.log());
  assert.ok(ms < 3000, `took ${ms} ms to stop`);
});

test('after SIGTERM the port is closed to new connections', async () => {
  const server = await startCairn();
  const { port } = server;
  assert.equal((await server.stop()).code, 0);
  await assert.rejects(RawConnection.open(port), /ECONNREFUSED/);
});

test('the access log is written out before exit', async () => {
  const server = await startCairn();
  const marker = `/flush-check-${Date.now()}`;
  assert.equal((await get(server.base, marker)).status, 404);
  // Stop at once: a buffered line must not be lost.
  assert.equal((await server.stop()).code, 0);
  assert.match(server.log(), new RegExp(` GET ${marker} 404 `));
});

for (const [args, mentions] of [
  [['--threads', '0'], /--threads/],
  [['--threads', 'many'], /--threads/],
  [['--listen', 'nonsense'], /--listen/],
  [['--listen', '127.0.0.1:99999'], /port/],
  [['--listen', '127.0.0.1:'], /port/],
  [['--bogus'], /--bogus/],
  [['--listen'], /--listen/],
  [['stray-argument'], /stray-argument/],
]) {
  test(`cairn serve ${args.join(' ')} exits 2 with a clear message`, async () => {
    const r = await runServe(args);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^cairn serve: /m);
    assert.match(r.stderr, mentions);
    assert.doesNotMatch(r.stderr, /terminate called|what\(\)|Segmentation|Aborted/);
    assert.ok(r.stderr.trim().split('\n').length <= 3, `a short message, not a dump:\n${r.stderr}`);
  });
}

test('a host that is not an IP address exits 2 and says so', async () => {
  const r = await runServe(['--listen', 'nonsense:8080']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /nonsense/);
});

test('a port already in use exits 2 with a message naming it', async () => {
  const blocker = createServer();
  await new Promise((ok) => blocker.listen(0, '127.0.0.1', ok));
  const { port } = blocker.address();
  try {
    const r = await runServe(['--listen', `127.0.0.1:${port}`, '--threads', '1']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}`));
    assert.match(r.stderr, /in use/i);
  } finally {
    await new Promise((ok) => blocker.close(ok));
  }
});
