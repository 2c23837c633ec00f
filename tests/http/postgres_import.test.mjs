// `cairn import-trials --db URL` against a real PostgreSQL that this test starts
// on loopback (and stops after): the same counts as an import into SQLite,
// re-import leaves everything unchanged, a changed record is updated, a bad
// record is rejected (exit 1) and a server that is not there is exit 2.
// Needs Debian's `postgresql` package (initdb and pg_ctl under
// /usr/lib/postgresql/*/bin); without it the test fails, saying so.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync,
  writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bin, freePort, importTrials, root } from './cairn_server.mjs';
import { inScope } from './trial_scope.mjs';
import { startFakeRegistry } from './fake_registry.mjs';

const TRIALS = resolve(root, '../shared/data/trials');
const FILES = readdirSync(TRIALS).filter((f) => f.endsWith('.json')).sort().map((f) => join(TRIALS, f));

function studiesIn(file) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return Array.isArray(json) ? json : json.studies;
}
const idOf = (s) => s.protocolSection.identificationModule.nctId;
// The cancer trials (the default scope); the rest are skipped.
const DISTINCT_IDS = new Set(FILES.flatMap((f) => studiesIn(f).filter(inScope).map(idOf)));
const RECORD_COUNT = FILES.reduce((n, f) => n + studiesIn(f).filter(inScope).length, 0);
const SKIPPED = FILES.reduce((n, f) => n + studiesIn(f).filter((s) => !inScope(s)).length, 0);

// ---- a throwaway PostgreSQL ------------------------------------------------

// The newest PostgreSQL Debian installed; its tools are not on PATH.
function postgresBin() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl'))
      && existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    : [];
  assert.ok(versions.length > 0,
    'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install the Debian '
    + '"postgresql" package (scripts/install-deps.sh does)');
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

let pgBin;
let scratch;
let dataDir;
let port;
let url;
let started = false;

async function startPostgres() {
  pgBin = postgresBin();
  scratch = mkdtempSync(join(tmpdir(), 'cairn-pg-test-'));
  dataDir = join(scratch, 'pgdata');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    assert.ok(uid > 0, 'the postgres system user exists (created by the postgresql package)');
    chownSync(scratch, uid, gid);
  }
  chmodSync(scratch, 0o700);
  runPg(join(pgBin, 'initdb'), ['-D', dataDir, '--auth=trust', '-U', 'postgres', '--encoding=UTF8',
    '--no-locale', '--no-sync']);
  port = await freePort();
  runPg(join(pgBin, 'pg_ctl'), ['-D', dataDir, '-l', join(scratch, 'postgres.log'), '-w', '-t', '60', '-o',
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${scratch} -c fsync=off`,
    'start']);
  started = true;
  url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

function stopPostgres() {
  try {
    if (started) runPg(join(pgBin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

// One value (first column of the first row) from the test database.
function sql(query) {
  return execFileSync(join(pgBin, 'psql'), ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1',
    '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-c', query], { encoding: 'utf8' }).trim();
}

function importDb(args) {
  return new Promise((ok, fail) => {
    execFile(bin, ['import-trials', ...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') { fail(error); return; }
      ok({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

const summary = (n) => `Trials: ${n.added} added, ${n.updated} updated, ${n.unchanged} unchanged, `
  + `${n.skipped ?? 0} skipped (not cancer), ${n.rejected} rejected`;

// ---- the tests (in order: each builds on the database the one before left) ----

describe('cairn import-trials --db', () => {
  // In the suite, so a missing PostgreSQL shows as failed tests with the reason.
  before(startPostgres);
  after(stopPostgres);

  test('imports every record, counting exactly as the SQLite import does', async () => {
    const r = await importDb(['--db', url, ...FILES]);
    assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
    const line = r.stdout.trim();
    const m = /^Trials: (\d+) added, (\d+) updated, (\d+) unchanged, (\d+) skipped \(not cancer\), 0 rejected$/
      .exec(line);
    assert.ok(m, `a summary line: ${line}`);
    assert.equal(Number(m[4]), SKIPPED, 'every non-cancer record skipped');
    assert.equal(Number(m[1]), DISTINCT_IDS.size, 'one added per distinct NCT id');
    assert.equal(Number(m[1]) + Number(m[2]) + Number(m[3]), RECORD_COUNT, 'every record counted once');

    const sqliteDir = mkdtempSync(join(tmpdir(), 'cairn-pg-sqlite-'));
    try {
      const s = await importTrials(sqliteDir, FILES);
      assert.equal(s.code, 0, s.stderr);
      assert.equal(line, s.stdout.trim(), 'the same summary line as the SQLite store');
    } finally {
      rmSync(sqliteDir, { recursive: true, force: true });
    }
    assert.equal(Number(sql('SELECT count(*) FROM trials')), DISTINCT_IDS.size, 'one row per trial');
    const some = [...DISTINCT_IDS][0];
    assert.match(sql(`SELECT content FROM trials WHERE nct_id = '${some}'`), new RegExp(some), 'the content is stored');
    assert.match(sql(`SELECT updated_at FROM trials WHERE nct_id = '${some}'`), /^\d{4}-\d\d-\d\d /);
    // Every add and change reaches the change feed other nodes refresh from.
    assert.equal(Number(sql("SELECT count(*) FROM changes WHERE kind = 'trial'")),
      Number(m[1]) + Number(m[2]));
    assert.equal(Number(sql('SELECT count(*) FROM trials WHERE checked_at >= updated_at')), DISTINCT_IDS.size,
      'every trial is checked as of its import');
    // Every migration applied, once each, in order.
    assert.ok(Number(sql('SELECT max(version) FROM schema_migrations')) >= 7);
    assert.equal(sql('SELECT count(*) FROM schema_migrations'), sql('SELECT max(version) FROM schema_migrations'));
  });

  test('importing the same files again leaves every trial unchanged', async () => {
    const feedBefore = sql('SELECT max(seq) FROM changes');
    const checkedBefore = sql('SELECT max(checked_at) FROM trials');
    const r = await importDb([`--db=${url}`, ...FILES]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), summary({ added: 0, updated: 0, unchanged: RECORD_COUNT, skipped: SKIPPED, rejected: 0 }));
    assert.equal(sql('SELECT max(seq) FROM changes'), feedBefore, 'nothing new in the change feed');
    // Unchanged, but seen again: checked now, not updated.
    assert.equal(Number(sql(`SELECT count(*) FROM trials WHERE checked_at > '${checkedBefore}'`)),
      DISTINCT_IDS.size);
    assert.equal(Number(sql('SELECT count(*) FROM trials WHERE updated_at < checked_at')), DISTINCT_IDS.size);
  });

  test('a file with one changed record updates that trial only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-pg-changed-'));
    try {
      const studies = studiesIn(join(TRIALS, 'mixed-export-50.json'));
      const changed = structuredClone(studies);
      const at = changed.findIndex(inScope);
      const id = idOf(changed[at]);
      changed[at].protocolSection.identificationModule.briefTitle = 'Qwertyuiop changed title';
      const kept = studies.filter(inScope).length;
      writeFileSync(join(dir, 'changed.json'), JSON.stringify(changed));
      const seqBefore = Number(sql('SELECT max(seq) FROM changes'));
      const r = await importDb(['--db', url, join(dir, 'changed.json')]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim(), summary({ added: 0, updated: 1, unchanged: kept - 1, skipped: studies.length - kept, rejected: 0 }));
      assert.match(sql(`SELECT content FROM trials WHERE nct_id = '${id}'`), /Qwertyuiop changed title/);
      assert.equal(sql(`SELECT key FROM changes WHERE seq > ${seqBefore}`), id, 'the feed names the changed trial');
      assert.equal(Number(sql('SELECT count(*) FROM trials')), DISTINCT_IDS.size, 'no rows added');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a malformed record is rejected (exit 1) and the good one beside it is imported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-pg-bad-'));
    try {
      const good = structuredClone(studiesIn(join(TRIALS, 'mixed-export-10.json')).find(inScope));
      good.protocolSection.identificationModule.nctId = 'NCT99999902';
      const broken = { protocolSection: { identificationModule: { briefTitle: 'No id here' } } };
      mkdirSync(join(dir, 'bad'));
      writeFileSync(join(dir, 'bad', 'records.json'), JSON.stringify([good, broken], null, 2));
      const r = await importDb(['--db', url, join(dir, 'bad')]);
      assert.equal(r.code, 1, `${r.stdout}${r.stderr}`);
      assert.equal(r.stdout.trim(), summary({ added: 1, updated: 0, unchanged: 0, rejected: 1 }));
      assert.match(r.stderr, /records\.json: record 2/, 'the rejection names the file and the record');
      assert.equal(sql("SELECT count(*) FROM trials WHERE nct_id = 'NCT99999902'"), '1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a database that is not there is exit 2 with a message, and so are both --data and --db', async () => {
    const nobody = await freePort();
    const r = await importDb(['--db', `postgresql://postgres@127.0.0.1:${nobody}/postgres`, FILES[0]]);
    assert.equal(r.code, 2, `${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /cannot connect to PostgreSQL/);
    assert.equal(r.stdout, '', 'no summary: nothing was imported');

    const dir = mkdtempSync(join(tmpdir(), 'cairn-pg-both-'));
    try {
      const both = await importDb(['--data', dir, '--db', url, FILES[0]]);
      assert.equal(both.code, 2);
      assert.match(both.stderr, /either --data DIR .* or --db URL/);
      const empty = await importDb(['--db', url]);
      assert.equal(empty.code, 2);
      assert.match(empty.stderr, /usage: cairn import-trials \[--data DIR \| --db URL\] \[--content DIR\] PATH/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(Number(sql('SELECT count(*) FROM trials')), DISTINCT_IDS.size + 1, 'nothing imported by them');
  });
  // The registry sync keeps its place in PostgreSQL as it does in SQLite.
  test('sync-trials --db: a run stopped part-way is carried on by the next, then only changes are asked for', async () => {
    const registry = await startFakeRegistry({ files: FILES, pageSize: 10 });
    const sync = () => new Promise((ok, fail) => {
      execFile(bin, ['sync-trials', '--db', url, '--content', join(root, 'content'), '--registry', registry.base,
        '--registry-interval-ms', '0', '--registry-backoff-ms', '10', '--registry-attempts', '2'],
      { maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') { fail(error); return; }
        ok({ code: error ? error.code : 0, stdout, stderr });
      });
    });
    try {
      registry.fail('500', { page: 2, times: 2 });
      const failed = await sync();
      assert.equal(failed.code, 1, `${failed.stdout}${failed.stderr}`);
      assert.match(failed.stderr, /The next run carries on from page 2\./);
      assert.equal(sql('SELECT next_page_token <> \'\' FROM trial_sync_state'), 't', 'the place is kept');

      registry.requests.length = 0;
      const resumed = await sync();
      assert.equal(resumed.code, 0, `${resumed.stdout}${resumed.stderr}`);
      assert.equal(registry.requests[0].page, 2, 'carried on from page 2');
      assert.match(resumed.stdout, /^Sync: \d+ pages, /);
      assert.equal(sql('SELECT last_ok FROM trial_sync_state'), 't');
      assert.match(sql('SELECT last_result FROM trial_sync_state'), /^Sync: /);

      registry.requests.length = 0;
      const later = await sync();
      assert.equal(later.code, 0, `${later.stdout}${later.stderr}`);
      assert.ok(registry.requests.length > 0);
      for (const q of registry.requests) {
        assert.match(q.params['filter.advanced'] ?? '', /^AREA\[LastUpdatePostDate\]RANGE\[\d{4}-\d\d-\d\d,MAX\]$/);
      }
    } finally {
      await registry.close();
    }
  });
});
