// A throwaway PostgreSQL on loopback for the tests: Debian's server binaries,
// initdb into a temporary folder, started on a free port, stopped and removed
// afterwards. CTest starts one for the whole run (`node throwaway_postgres.mjs
// start DIR`, then `stop DIR`) and every test that needs a database makes its
// own in it (createDatabase); run alone, a test starts its own cluster.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync,
  writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

// The newest PostgreSQL Debian installed; its tools are not on PATH.
export function postgresBin() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl'))
      && existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install '
      + 'the Debian "postgresql" package (scripts/install-deps.sh does)');
  }
  return join(base, versions[0], 'bin');
}

const asRoot = process.getuid() === 0;
// PostgreSQL refuses to run as root: then its tools run as the `postgres` user.
function runPg(tool, args) {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', tool, ...args]] : [tool, args];
  try {
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`${tool} ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

// A running cluster: { dir, bin, port, url(db), sql(query, db), stop() }.
class Cluster {
  constructor(dir, bin, port, owned) {
    Object.assign(this, { dir, bin, port, owned });
    this.dataDir = join(dir, 'pgdata');
  }

  url(db = 'postgres') { return `postgresql://postgres@127.0.0.1:${this.port}/${db}`; }

  // The first column of the first row, as text.
  sql(query, db = 'postgres') {
    return execFileSync(join(this.bin, 'psql'), ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1',
      '-p', String(this.port), '-U', 'postgres', '-d', db, '-c', query], { encoding: 'utf8' }).trim();
  }

  // A new empty database for one test; its URL.
  createDatabase(prefix = 'cairn') {
    const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
    this.sql(`CREATE DATABASE ${name}`);
    return this.url(name);
  }

  pgCtl(...args) {
    return runPg(join(this.bin, 'pg_ctl'), ['-D', this.dataDir, ...args]);
  }

  // For the fault tests: the server goes down (fast shutdown) and comes back.
  stopServer() { this.pgCtl('-m', 'fast', '-w', 'stop'); }
  startServer() {
    this.pgCtl('-l', join(this.dir, 'postgres.log'), '-w', '-t', '60', '-o',
      `-c listen_addresses=127.0.0.1 -c port=${this.port} -c unix_socket_directories=${this.dir} `
      + '-c fsync=off -c max_connections=200', 'start');
  }

  // Stops and removes a cluster this process started; one CTest shares is left alone.
  stop() {
    if (!this.owned) return;
    try { this.stopServer(); } finally { rmSync(this.dir, { recursive: true, force: true }); }
  }
}

export async function startCluster(dir = mkdtempSync(join(tmpdir(), 'cairn-pg-'))) {
  const bin = postgresBin();
  mkdirSync(dir, { recursive: true });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    if (!(uid > 0)) throw new Error('the postgres system user is missing (the postgresql package makes it)');
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  runPg(join(bin, 'initdb'), ['-D', join(dir, 'pgdata'), '--auth=trust', '-U', 'postgres',
    '--encoding=UTF8', '--no-locale', '--no-sync']);
  const cluster = new Cluster(dir, bin, await freePort(), true);
  cluster.startServer();
  return cluster;
}

// The cluster CTest started (CAIRN_TEST_PG_DIR holds its port), or a new one
// of this process's own.
export async function testCluster() {
  const shared = process.env.CAIRN_TEST_PG_DIR;
  if (shared && existsSync(join(shared, 'port'))) {
    const port = Number(readFileSync(join(shared, 'port'), 'utf8'));
    return new Cluster(shared, postgresBin(), port, false);
  }
  return startCluster();
}

// node throwaway_postgres.mjs start|stop DIR
if (process.argv[1] && process.argv[1].endsWith('throwaway_postgres.mjs')) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    rmSync(dir, { recursive: true, force: true });
    const cluster = await startCluster(dir);
    writeFileSync(join(dir, 'port'), String(cluster.port));
    console.log(`PostgreSQL for the tests on 127.0.0.1:${cluster.port} (${dir})`);
  } else if (command === 'stop') {
    if (existsSync(join(dir, 'port'))) {
      const cluster = new Cluster(dir, postgresBin(), Number(readFileSync(join(dir, 'port'), 'utf8')), true);
      cluster.stop();
    }
  } else {
    console.error('usage: node throwaway_postgres.mjs start|stop DIR');
    process.exit(2);
  }
}
