// Several nodes, measured: page views (wrk on the treatment page) and forum
// writes (replies posted by signed-in moderators, each one a session lookup,
// CSRF check, watched-word check and insert) for one node on SQLite, one node
// on PostgreSQL and two nodes on one PostgreSQL, in one table with the ratios
// to one node on SQLite. PostgreSQL is a throwaway cluster on loopback.
// Usage: node bench/nodes/run.mjs [seconds]   (CAIRN_BIN, default build/cairn)
// On one 2-core machine every node, wrk, the writers and PostgreSQL share the
// same cores: the two-node figures show the cost of sharing, not the gain of
// a second machine.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCluster } from '../../tests/postgres/throwaway_postgres.mjs';
import { freePort } from '../../tests/http/cairn_server.mjs';

const root = resolve(new URL('../..', import.meta.url).pathname);
const bin = resolve(process.env.CAIRN_BIN ?? join(root, 'build/cairn'));
const SECONDS = Number(process.argv[2] ?? 10);
const PAGE = '/about-cancer/leptomeningeal-metastases/treatment';
const WRITERS = 16;  // concurrent forum writers, spread over the nodes
const PASSWORD = 'kettle orbit sunrise';

const work = mkdtempSync(join(tmpdir(), 'cairn-bench-nodes-'));
const children = [];

function addModerator(store, i) {
  execFileSync(bin, ['user', 'add', `mod${i}@example.org`, '--role', 'moderator', '--name', `Moderator ${i}`,
    ...store, '--content', join(root, 'content')], { input: `${PASSWORD}\n`, stdio: ['pipe', 'ignore', 'pipe'] });
}

async function startNode(name, store) {
  const port = await freePort();
  const child = spawn(bin, ['serve', '--listen', `127.0.0.1:${port}`, '--content', join(root, 'content'),
    '--web', join(root, 'web'), '--threads', '2', '--trust-proxy', 'on', ...store],
  { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      const s = await fetch(`${base}/api/v1/search?q=index`);
      if (s.ok && (await s.json()).rebuilding === false) return { name, base, child };
    } catch { /* starting */ }
    if (child.exitCode !== null) throw new Error(`${name} exited:\n${log}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`${name} did not start:\n${log}`);
}

async function stopNodes(nodes) {
  for (const n of nodes) {
    n.child.kill('SIGTERM');
    await new Promise((ok) => (n.child.exitCode !== null ? ok() : n.child.on('exit', ok)));
  }
}

// wrk on every node at once, the connections shared out; summed req/s, worst p99.
async function pageViews(nodes) {
  const runs = nodes.map((n) => new Promise((ok, fail) => {
    const w = spawn('wrk', ['-t1', `-c${64 / nodes.length}`, `-d${SECONDS}s`, '--latency', `${n.base}${PAGE}`]);
    let out = '';
    w.stdout.on('data', (d) => { out += d; });
    w.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`wrk exited ${code}`))));
  }));
  const outs = await Promise.all(runs);
  const ms = (v) => (v.endsWith('us') ? Number(v.slice(0, -2)) / 1000 : v.endsWith('ms') ? Number(v.slice(0, -2)) : Number(v.slice(0, -1)) * 1000);
  return {
    rps: outs.reduce((s, o) => s + Number(/Requests\/sec:\s+([\d.]+)/.exec(o)[1]), 0),
    p99: Math.max(...outs.map((o) => ms(/^\s+99%\s+(\S+)/m.exec(o)[1]))),
  };
}

class Session {
  constructor(base) { this.base = base; this.cookies = new Map(); }
  async request(path, { method = 'GET', form } = {}) {
    const headers = { 'x-forwarded-for': '10.9.0.1' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (form) { body = new URLSearchParams(form).toString(); headers['content-type'] = 'application/x-www-form-urlencoded'; }
    const r = await fetch(this.base + path, { method, headers, body, redirect: 'manual' });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return { status: r.status, location: r.headers.get('location'), text: await r.text() };
  }
  async token(path) { return /name="csrf_token" value="([^"]+)"/.exec((await this.request(path)).text)[1]; }
  async signIn(email) {
    const csrf_token = await this.token('/account/sign-in');
    const r = await this.request('/account/sign-in', { method: 'POST', form: { csrf_token, email, password: PASSWORD } });
    if (r.status !== 303) throw new Error(`sign-in ${email} on ${this.base}: ${r.status} ${r.text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 600)}`);
  }
}

// WRITERS moderators (one account each) reply to threads of their own as fast
// as they can for SECONDS, spread over the nodes; posts/s and p99.
async function forumWrites(nodes) {
  const writers = [];
  for (let i = 0; i < WRITERS; i++) {
    const s = new Session(nodes[i % nodes.length].base);
    await s.signIn(`mod${i}@example.org`);
    const csrf_token = await s.token('/forum/general-chat/new');
    const t = await s.request('/forum/general-chat/new', { method: 'POST', form: { csrf_token, title: `Bench thread ${i}`, body: 'Opening post.' } });
    if (t.status !== 303) throw new Error(`new thread ${t.status}: ${t.text.slice(0, 200)}`);
    writers.push({ s, thread: /^\/forum\/t\/(\d+)/.exec(t.location)[1], csrf_token });
  }
  const latencies = [];
  let failed = 0;
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(writers.map(async ({ s, thread, csrf_token }, i) => {
    for (let n = 0; Date.now() < end; n++) {
      const started = performance.now();
      const r = await s.request(`/forum/t/${thread}`, { method: 'POST', form: { csrf_token, body: `Reply ${n} from writer ${i}: how are you all doing today?` } });
      if (r.status === 303) latencies.push(performance.now() - started);
      else failed++;
    }
  }));
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / SECONDS, p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN, failed };
}

const results = [];
let cluster;
try {
  cluster = await startCluster();
  const configs = [
    { name: '1 node, SQLite', stores: () => [['--data', join(work, 'sqlite')]] },
    { name: '1 node, PostgreSQL', stores: (db) => [['--data', join(work, 'pg1-a'), '--db', db]] },
    { name: '2 nodes, PostgreSQL', stores: (db) => [['--data', join(work, 'pg2-a'), '--db', db], ['--data', join(work, 'pg2-b'), '--db', db]] },
  ];
  for (const config of configs) {
    const db = config.name.includes('PostgreSQL') ? cluster.createDatabase('bench') : undefined;
    const stores = config.stores(db);
    for (let i = 0; i < WRITERS; i++) addModerator(db ? ['--db', db] : stores[0], i);
    const nodes = [];
    for (const [i, store] of stores.entries()) nodes.push(await startNode(`${config.name} #${i + 1}`, store));
    await fetch(`${nodes[0].base}${PAGE}`);
    const views = await pageViews(nodes);
    const writes = await forumWrites(nodes);
    await stopNodes(nodes);
    results.push({ name: config.name, views, writes });
    console.error(`${config.name}: ${views.rps.toFixed(0)} views/s, ${writes.rps.toFixed(0)} posts/s`);
  }
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  cluster?.stop();
  rmSync(work, { recursive: true, force: true });
}

const base = results[0];
const pad = (s, n) => String(s).padStart(n);
console.log(`cairn nodes: ${SECONDS} s each, page ${PAGE} (wrk, 64 connections), forum replies (${WRITERS} writers); load ${execFileSync('cut', ['-d ', '-f1-3', '/proc/loadavg'], { encoding: 'utf8' }).trim()}`);
console.log(`${'setup'.padEnd(22)} ${pad('views/s', 10)} ${pad('p99 ms', 8)} ${pad('ratio', 6)} | ${pad('posts/s', 8)} ${pad('p99 ms', 8)} ${pad('ratio', 6)} ${pad('failed', 6)}`);
for (const r of results) {
  console.log(`${r.name.padEnd(22)} ${pad(r.views.rps.toFixed(0), 10)} ${pad(r.views.p99.toFixed(2), 8)} ${pad((r.views.rps / base.views.rps).toFixed(2), 6)} | `
    + `${pad(r.writes.rps.toFixed(0), 8)} ${pad(r.writes.p99.toFixed(1), 8)} ${pad((r.writes.rps / base.writes.rps).toFixed(2), 6)} ${pad(r.writes.failed, 6)}`);
}
