// `cairn sync-trials` against a fake ClinicalTrials.gov (fake_registry.mjs)
// serving the real records beside the repository ten at a time: every page is
// imported once, a run that fails part-way is carried on by the next with
// nothing lost or duplicated, a 429 is waited out, a broken page changes
// nothing, and a later run asks only for what changed since, so a trial that
// closed leaves the finder of a running server. `serve --sync-trials` syncs a
// data folder never synced as it starts, and staff see the last run on /account.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bin, root, startCairn } from './cairn_server.mjs';
import { get } from './http_client.mjs';
import { startFakeRegistry } from './fake_registry.mjs';
import { signedInStaff } from './web_visitor.mjs';
import { inScope } from './trial_scope.mjs';

const TRIALS = resolve(root, '../shared/data/trials');
const FILES = readdirSync(TRIALS).filter((f) => f.endsWith('.json')).sort().map((f) => join(TRIALS, f));
const PAGE = 10;
const idOf = (s) => s.protocolSection.identificationModule.nctId;
// What a full sync asks for: the site's scope, UK sites, current statuses.
const FULL = {
  'query.cond': 'cancer', 'query.locn': 'United Kingdom',
  'filter.overallStatus': 'RECRUITING|NOT_YET_RECRUITING|ACTIVE_NOT_RECRUITING',
};

function syncTrials(data, registry, extra = []) {
  return new Promise((ok, fail) => {
    execFile(bin, ['sync-trials', '--data', data, '--content', join(root, 'content'),
      '--registry', registry.base, '--registry-interval-ms', '0', '--registry-backoff-ms', '10',
      '--registry-attempts', '2', ...extra], { maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') { fail(error); return; }
      ok({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

async function api(base, path, status = 200) {
  const r = await get(base, path);
  assert.equal(r.status, status, `${path}: ${r.text.slice(0, 300)}`);
  return JSON.parse(r.text);
}

// Every trial the finder holds, whatever its status or country.
async function finderIds(base) {
  const ids = [];
  for (let page = 1; ; ++page) {
    const r = await api(base, `/api/v1/trials?status=any&country=any&page=${page}`);
    ids.push(...r.results.map((x) => x.nct_id));
    if (ids.length >= r.total || r.results.length === 0) return ids;
  }
}

async function eventually(what, check, ms = 8000) {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > ms) assert.fail(`${what} within ${ms} ms`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

const count = (text, re) => Number(re.exec(text)?.[1]);

describe('cairn sync-trials against a fake registry', () => {
  let registry;
  let expected;  // the ids a full sync must end with
  let pages;
  const dirs = [];
  const freshData = () => {
    const d = mkdtempSync(join(tmpdir(), 'cairn-sync-'));
    dirs.push(d);
    return d;
  };

  before(async () => {
    registry = await startFakeRegistry({ files: FILES, pageSize: PAGE });
    const offered = registry.matching(FULL);
    expected = new Set(offered.filter(inScope).map(idOf));
    pages = Math.ceil(offered.length / PAGE);
    assert.ok(pages >= 3, `the fixtures make ${pages} pages`);
    assert.ok(expected.size > 0 && expected.size < offered.length,
      'some offered records are not cancer trials');
  });
  after(async () => {
    await registry.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test('the first run imports every page once: the in-scope trials, none twice', async () => {
    const data = freshData();
    registry.requests.length = 0;
    const r = await syncTrials(data, registry);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^Sync: ${pages} pages, ${expected.size} added, 0 updated, 0 unchanged, \\d+ skipped \\(not cancer\\), 0 rejected in [\\d.]+ s\\n$`));
    assert.deepEqual(registry.requests.map((q) => q.page), [...Array(pages).keys()].map((i) => i + 1));
    for (const q of registry.requests) {
      assert.equal(q.params.pageSize, '1000');
      assert.equal(q.params.format, 'json');
      for (const [k, v] of Object.entries(FULL)) assert.equal(q.params[k], v);
      assert.equal(q.params['filter.advanced'], undefined);
    }
    const srv = await startCairn({ args: ['--data', data] });
    try {
      const ids = await finderIds(srv.base);
      assert.equal(ids.length, new Set(ids).size, 'no trial twice');
      assert.deepEqual(new Set(ids), expected);
    } finally {
      await srv.stop();
    }
  });

  test('a 500 part-way stops the run; the next carries on from that page and ends the same', async () => {
    const data = freshData();
    registry.requests.length = 0;
    registry.fail('500', { page: 3, times: 2 });  // both attempts
    const failed = await syncTrials(data, registry);
    assert.equal(failed.code, 1, failed.stdout);
    assert.match(failed.stderr, /HTTP 500; asking again in 0\.0 s/);
    assert.match(failed.stderr, /Sync stopped at page 3 after 2 new pages \((\d+) added.*The next run carries on from page 3\./);
    const firstAdded = count(failed.stderr, /after 2 new pages \((\d+) added/);
    assert.deepEqual(registry.requests.map((q) => q.page), [1, 2, 3, 3]);

    registry.requests.length = 0;
    const resumed = await syncTrials(data, registry);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.deepEqual(registry.requests.map((q) => q.page), [...Array(pages - 2).keys()].map((i) => i + 3),
      'the rerun starts at page 3 and asks for no page twice');
    assert.match(resumed.stdout, new RegExp(`^Sync: ${pages - 2} pages, \\d+ added, 0 updated, 0 unchanged, .*\\(carried on after page 2\\)`));
    assert.equal(firstAdded + count(resumed.stdout, /pages, (\d+) added/), expected.size,
      'every trial added once across the two runs');
    const srv = await startCairn({ args: ['--data', data] });
    try {
      const ids = await finderIds(srv.base);
      assert.equal(ids.length, new Set(ids).size);
      assert.deepEqual(new Set(ids), expected);
    } finally {
      await srv.stop();
    }
  });

  test('a 429 is waited out as Retry-After asks, and the run goes on', async () => {
    const data = freshData();
    registry.requests.length = 0;
    registry.fail('429', { page: 2, retryAfter: '1' });
    const r = await syncTrials(data, registry);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /the registry answered HTTP 429; asking again in 1\.0 s/);
    assert.match(r.stdout, new RegExp(`^Sync: ${pages} pages, ${expected.size} added, .*\\(1 retried\\)`));
    const twice = registry.requests.filter((q) => q.page === 2);
    assert.equal(twice.length, 2);
    assert.ok(twice[1].at - twice[0].at >= 950, `waited ${twice[1].at - twice[0].at} ms`);
  });

  for (const kind of ['truncated', 'not-json']) {
    test(`a ${kind} page is reported and changes nothing; the next run imports it`, async () => {
      const data = freshData();
      registry.requests.length = 0;
      registry.fail(kind, { page: 2 });
      const failed = await syncTrials(data, registry);
      assert.equal(failed.code, 1, failed.stdout);
      assert.match(failed.stderr, /Sync stopped at page 2 after 1 new pages \((\d+) added.*sent a page Cairn cannot use: the page is not complete JSON/);
      assert.deepEqual(registry.requests.map((q) => q.page), [1, 2], 'a broken page is not retried');
      // Only the first page's trials are stored.
      const firstPage = registry.matching(FULL).slice(0, PAGE).filter(inScope).map(idOf);
      assert.equal(count(failed.stderr, /after 1 new pages \((\d+) added/), firstPage.length);
      const srv = await startCairn({ args: ['--data', data] });
      try {
        assert.deepEqual(new Set(await finderIds(srv.base)), new Set(firstPage));
      } finally {
        await srv.stop();
      }
      const resumed = await syncTrials(data, registry);
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.match(resumed.stdout, new RegExp(`^Sync: ${pages - 1} pages, ${expected.size - firstPage.length} added, `));
    });
  }

  test('a later run asks only for changes since the last, and a trial that closed leaves the finder', async () => {
    const data = freshData();
    const full = await syncTrials(data, registry);
    assert.equal(full.code, 0, full.stderr);
    const srv = await startCairn({ args: ['--data', data] });
    let restore = () => {};
    try {
      await eventually('the finder holds the synced trials',
        async () => (await finderIds(srv.base)).length === expected.size);
      const recruiting = await api(srv.base, '/api/v1/trials');
      // A recruiting UK trial the default search shows.
      const closing = recruiting.results[0].nct_id;
      assert.ok(expected.has(closing));
      assert.equal((await get(srv.base, `/trials/${closing}`)).status, 200);

      const today = new Date().toISOString().slice(0, 10);
      const dayBefore = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
      const before = structuredClone(registry.studies.get(closing).protocolSection.statusModule);
      restore = () => registry.update(closing, (s) => { s.protocolSection.statusModule = before; });
      registry.update(closing, (s) => {
        s.protocolSection.statusModule.overallStatus = 'COMPLETED';
        s.protocolSection.statusModule.lastUpdatePostDateStruct = { date: today, type: 'ACTUAL' };
      });
      registry.requests.length = 0;
      // To the second, as the store keeps it.
      const laterStarted = `${new Date().toISOString().slice(0, 19)}Z`;
      const later = await syncTrials(data, registry);
      assert.equal(later.code, 0, later.stderr);
      assert.equal(registry.requests.length, 1, 'one page of changes');
      const asked = registry.requests[0].params;
      assert.equal(asked['filter.advanced'], `AREA[LastUpdatePostDate]RANGE[${dayBefore},MAX]`);
      assert.equal(asked['filter.overallStatus'], undefined, 'no status filter, so closures arrive');
      assert.equal(asked['query.cond'], 'cancer');
      assert.equal(asked['query.locn'], 'United Kingdom');
      assert.match(later.stdout, new RegExp(`^Sync: 1 page, 0 added, 0 updated, 0 unchanged, 0 skipped \\(not cancer\\), 1 closed \\(1 removed\\), 0 rejected in [\\d.]+ s \\(changes since ${dayBefore}\\)\\n$`));

      await eventually('the closed trial leaves the finder',
        async () => (await finderIds(srv.base)).length === expected.size - 1);
      // The registry named no change for the others: they are checked as of the later run.
      const other = recruiting.results.find((x) => x.nct_id !== closing).nct_id;
      const checked = (await api(srv.base, `/api/v1/trials/${other}`)).checked_at;
      assert.ok(checked >= laterStarted, `${other} checked at ${checked}, the later run began ${laterStarted}`);
      const now = new Date();
      const inWords = `${now.getUTCDate()} ${now.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${now.getUTCFullYear()}`;
      assert.ok((await get(srv.base, `/trials/${other}`)).text.includes(
        `We last checked this trial against ClinicalTrials.gov on ${inWords}.`), inWords);
      assert.ok(!(await finderIds(srv.base)).includes(closing));
      assert.ok(!(await api(srv.base, '/api/v1/trials')).results.some((x) => x.nct_id === closing));
      assert.equal((await get(srv.base, `/trials/${closing}`)).status, 404);
      assert.equal((await get(srv.base, `/api/v1/trials/${closing}`)).status, 404);
      const finderPage = await get(srv.base, `/trials?status=any&country=any&q=${closing}`);
      assert.equal(finderPage.status, 200);
      assert.ok(!finderPage.text.includes(`/trials/${closing}`));
    } finally {
      await srv.stop();
      restore();
    }
  });

  test('serve --sync-trials syncs a data folder never synced as it starts; a restart the same day does not', async () => {
    const data = freshData();
    // Twelve hours from now in London: the hour last came hours ago and does not come during the test.
    const londonHour = Number(new Intl.DateTimeFormat('en-GB',
      { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    const hour = String((londonHour + 12) % 24).padStart(2, '0');
    const args = ['--data', data, '--sync-trials', `daily@${hour}`, '--registry', registry.base,
      '--registry-interval-ms', '0', '--registry-backoff-ms', '10', '--registry-attempts', '2'];
    registry.requests.length = 0;
    let srv = await startCairn({ args });
    try {
      await eventually('the synced trials reach the running finder',
        async () => (await finderIds(srv.base)).length === expected.size, 30000);
      assert.deepEqual(new Set(await finderIds(srv.base)), expected);
      await eventually('the run is logged', async () => /trial sync: the next run is at/.test(srv.log()));
      assert.match(srv.log(), new RegExp(`cairn: trial sync: starting \\(daily at ${hour}:00 Europe/London\\)`));
      assert.match(srv.log(), new RegExp(`cairn: trial sync: Sync: ${pages} pages, ${expected.size} added, 0 updated, `));
      assert.equal(registry.requests.length, pages, 'one run, every page once');
    } finally {
      await srv.stop();
    }
    registry.requests.length = 0;
    srv = await startCairn({ args });
    try {
      await eventually('the restarted server says when it will sync',
        async () => /trial sync: the next run is at \d{4}-\d\d-\d\dT\d\d:00:00Z/.test(srv.log()));
      assert.doesNotMatch(srv.log(), /trial sync: starting/);
      assert.equal(registry.requests.length, 0, 'no second run the same day');
      assert.equal((await finderIds(srv.base)).length, expected.size);
    } finally {
      await srv.stop();
    }
  });

  test('staff see the last run on their home page: never run, stopped part-way, then OK', async () => {
    const srv = await startCairn({ args: ['--trust-proxy', 'on'] });
    try {
      const editor = await signedInStaff(srv, 'editor', 'Sync Editor');
      const box = async (visitor) => {
        const r = await visitor.get('/account');
        assert.equal(r.status, 200);
        const at = r.text.indexOf('<h2 id="trial-sync">Clinical trials sync</h2>');
        return at < 0 ? null : r.text.slice(at, r.text.indexOf('</section>', at));
      };
      assert.match(await box(editor), /Never run\./);
      const member = await signedInStaff(srv, 'member', 'Sync Member');
      assert.equal(await box(member), null, 'members see no sync box');

      registry.fail('500', { page: 2, times: 2 });
      const failed = await syncTrials(srv.data, registry);
      assert.equal(failed.code, 1, failed.stdout);
      let shown = await box(editor);
      assert.match(shown, /Last run<\/dt><dd class="nhsuk-summary-list__value">\d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d UTC<\/dd>/);
      assert.match(shown, /<strong class="nhsuk-tag nhsuk-tag--red">Failed<\/strong>/);
      assert.match(shown, /Sync stopped at page 2 after 1 new pages .*The next run carries on from page 2\./);
      assert.match(shown, /Took<\/dt><dd class="nhsuk-summary-list__value">\d+\.\d seconds<\/dd>/);

      const resumed = await syncTrials(srv.data, registry);
      assert.equal(resumed.code, 0, resumed.stderr);
      shown = await box(editor);
      assert.match(shown, /<strong class="nhsuk-tag nhsuk-tag--green">OK<\/strong>/);
      assert.ok(shown.includes(`>${resumed.stdout.trim()}</dd>`), `${resumed.stdout} in ${shown}`);
      assert.doesNotMatch(shown, /Failed|Never run/);
    } finally {
      await srv.stop();
    }
  });

  test('bad usage is exit 2 and touches nothing', async () => {
    const data = freshData();
    for (const args of [['--registry', 'ftp://x'], ['--registry-attempts', '0'], ['stray']]) {
      const r = await syncTrials(data, registry, args);
      assert.equal(r.code, 2, `${args}: ${r.stdout}${r.stderr}`);
    }
    const r = await new Promise((ok) => execFile(bin, ['sync-trials', '--data', data, '--db', 'postgresql://x/y'],
      (error, stdout, stderr) => ok({ code: error ? error.code : 0, stderr })));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /give either --data DIR \(SQLite\) or --db URL \(PostgreSQL\), not both/);
  });
});
