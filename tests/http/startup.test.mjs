// A node serves at once, before its search index is complete: with many trials
// the index is built in the background, search says its results may be
// incomplete meanwhile, and pages and the trial finder work as usual.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, startCairn } from './cairn_server.mjs';
import { get } from './http_client.mjs';

// 20,000 cancer trials, made from the real melanoma records under new numbers:
// enough that the index takes some seconds to build.
const COUNT = 20000;
const work = mkdtempSync(join(tmpdir(), 'cairn-startup-'));
const records = join(work, 'trials.ndjson');
let server;
let started;

before(async () => {
  const real = JSON.parse(readFileSync(join(root, '../shared/data/trials/melanoma-recruiting-2026.json'), 'utf8'))
    .filter((s) => /melanoma/i.test(JSON.stringify(s.protocolSection.conditionsModule ?? {})));
  const lines = [];
  for (let i = 0; i < COUNT; i++) {
    const s = structuredClone(real[i % real.length]);
    s.protocolSection.identificationModule.nctId = `NCT9${String(i).padStart(7, '0')}`;
    lines.push(JSON.stringify(s));
  }
  writeFileSync(records, `${lines.join('\n')}\n`);
  started = Date.now();
  server = await startCairn({ trials: [records], waitForIndex: false });
});

after(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

const search = async (q) => JSON.parse((await get(server.base, `/api/v1/search?q=${encodeURIComponent(q)}`)).text);

test('the node serves before its search index is built, and search says so', async (t) => {
  t.diagnostic(`first response ${Date.now() - started} ms after start (import included)`);
  // Right after start-up the index is still being built.
  const early = await search('melanoma');
  assert.equal(early.rebuilding, true, 'the API says the index is incomplete');
  const html = (await get(server.base, '/search?q=melanoma')).text;
  assert.match(html, /<div class="nhsuk-inset-text cairn-search-rebuilding"><p>Search is being rebuilt, so results may be incomplete/);
  // Pages do not wait for it, nor for the trial finder, which loads in the background too
  // and says so meanwhile (never an empty finder).
  const page = await get(server.base, '/about-cancer/leptomeningeal-metastases');
  assert.equal(page.status, 200);
  let finder = await get(server.base, '/trials');
  if (finder.status === 503) {
    assert.match(finder.text, /The trial finder is starting up\. Please try again in a minute\./);
    assert.equal(finder.headers['retry-after'], '30');
    const api = await get(server.base, '/api/v1/trials');
    assert.equal(api.status, 503);
    assert.match(api.text, /starting up/);
  }
  while (finder.status === 503) {
    await new Promise((ok) => setTimeout(ok, 100));
    finder = await get(server.base, '/trials');
  }
  assert.equal(finder.status, 200);
  t.diagnostic(`finder ready ${Date.now() - started} ms after start: ${server.log().match(/trial finder loaded[^\n]*/)?.[0]}`);
  const all = JSON.parse((await get(server.base, '/api/v1/trials?status=any&country=any')).text);
  assert.ok(all.total >= COUNT * 0.9, `${all.total} trials in the finder`);
  // The LM pages list their trials once the finder has loaded.
  assert.match((await get(server.base, '/about-cancer/leptomeningeal-metastases')).text, /<section class="cairn-lm-trials" aria-labelledby="lm-trials">/);
  assert.ok(!server.log().includes('search index updated'), 'the build had not finished yet');

  // Then the build finishes, and search finds every trial, with no notice.
  const deadline = Date.now() + 180000;
  let now = early;
  while (now.rebuilding && Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 250));
    now = await search('melanoma');
  }
  t.diagnostic(`index complete ${Date.now() - started} ms after start: ${server.log().match(/search index updated[^\n]*/)?.[0]}`);
  assert.equal(now.rebuilding, false);
  assert.match(server.log(), /search index updated \(\d+ documents in [\d.]+ s\)/);
  const last = await search(`NCT9${String(COUNT - 1).padStart(7, '0')}`);
  assert.ok(last.facets.trials > 0, 'the last trial is in the index');
  assert.doesNotMatch((await get(server.base, '/search?q=melanoma')).text, /cairn-search-rebuilding/);
});

test('a node stopped while its index is still being built stops at once', async (t) => {
  const fresh = await startCairn({ trials: [records], waitForIndex: false });
  assert.ok(!fresh.log().includes('search index updated'), 'the build is still running');
  const asked = Date.now();
  const { code, signal } = await fresh.stop();
  t.diagnostic(`stopped ${Date.now() - asked} ms after SIGTERM`);
  assert.ok(code === 0 || signal === 'SIGTERM', `exit ${code} ${signal}`);
  assert.ok(Date.now() - asked < 5000, 'it did not wait for the build');
});
