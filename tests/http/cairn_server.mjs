// Starts a real `cairn serve` on a free loopback port with a fresh data folder,
// for HTTP and browser tests; stop() sends SIGTERM and reports the exit code.
// Options `trials` (paths for `cairn import-trials`) and `before(dataDir)` fill
// the data folder before the server starts. Unless `args` name a relay, mail
// goes to an SMTP sink of its own (server.mail); pass `mail` when the test
// starts its own sink and names it with --smtp.
// With CAIRN_TEST_BACKEND=postgres (CTest's http_pg_* runs) the store is a
// fresh database in the test PostgreSQL (--db) and the data folder holds only
// the node's own files; `server.storeArgs` name the store for other
// subcommands (`cairn user add ... ...server.storeArgs`).
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSmtpSink } from './smtp_sink.mjs';
import { testCluster } from '../postgres/throwaway_postgres.mjs';

export const root = resolve(process.env.CAIRN_ROOT ?? '.');
export const bin = resolve(process.env.CAIRN_BIN ?? join(root, 'build/cairn'));

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

export const onPostgres = process.env.CAIRN_TEST_BACKEND === 'postgres';

let cluster;
// A new empty PostgreSQL database in the test cluster; its URL.
export async function newDatabase() {
  cluster ??= await testCluster();
  return cluster.createDatabase('cairn_http');
}

// The flags naming a store: the data folder, and on PostgreSQL the database too.
export function storeFlags(dataDir, db) {
  return db ? ['--data', dataDir, '--db', db] : ['--data', dataDir];
}

// Runs `cairn import-trials --data dataDir --content content/ paths...` (or
// `--db db` when given); resolves {code, stdout, stderr} whatever the exit code.
export function importTrials(dataDir, paths, db = undefined) {
  return new Promise((ok, fail) => {
    const where = db ? ['--db', db] : ['--data', dataDir];
    execFile(bin, ['import-trials', ...where, '--content', join(root, 'content'), ...paths],
      { maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') { fail(error); return; }
        ok({ code: error ? error.code : 0, stdout, stderr });
      });
  });
}

// `wrapper` runs cairn under another command, e.g. ['prlimit', '--nofile=128', '--'].
export async function startCairn({ args = [], env = {}, content = join(root, 'content'),
  trials = [], before, mail, wrapper = [], waitForIndex = true } = {}) {
  const port = await freePort();
  const ownSink = !args.includes('--smtp') && !args.includes('--smtp-url') ? await startSmtpSink() : null;
  if (ownSink) args = [...args, '--smtp', `127.0.0.1:${ownSink.port}`];
  const data = mkdtempSync(join(tmpdir(), 'cairn-test-'));
  // A test may name its own database (two nodes on one); else, on PostgreSQL, a new one.
  const given = args.indexOf('--db');
  const db = given >= 0 ? args[given + 1] : onPostgres ? await newDatabase() : undefined;
  if (db && given < 0) args = [...args, '--db', db];
  if (trials.length > 0) {
    const imported = await importTrials(data, trials, db);
    if (imported.code !== 0) {
      throw new Error(`cairn import-trials exited ${imported.code}:\n${imported.stdout}${imported.stderr}`);
    }
  }
  if (before) await before(data, db);
  const child = spawn(
    wrapper.length > 0 ? wrapper[0] : bin,
    [...wrapper.slice(1), ...(wrapper.length > 0 ? [bin] : []), 'serve', '--listen', `127.0.0.1:${port}`, '--data', data, '--content', content,
     '--web', join(root, 'web'), '--threads', '2', ...args],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((ok) => child.on('exit', (code, signal) => ok({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (child.exitCode !== null) throw new Error(`cairn exited early:\n${log}`);
    if (Date.now() > deadline) throw new Error(`cairn did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // The trial finder loads and the search index is built in the background; most tests
  // want both complete.
  while (waitForIndex) {
    try {
      const finder = await fetch(`${base}/api/v1/trials?status=any&country=any`);
      const r = await fetch(`${base}/api/v1/search?q=index`);
      if (finder.ok && r.ok && (await r.json()).rebuilding === false) break;
    } catch { /* still starting */ }
    if (Date.now() > deadline + 40000) throw new Error(`the search index was not built:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base, port, data, db, child, exited, mail: ownSink ?? mail,
    storeArgs: storeFlags(data, db),
    log: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const result = await exited;
      await ownSink?.close();
      rmSync(data, { recursive: true, force: true });
      return result;
    },
  };
}
