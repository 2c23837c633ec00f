// The clinical trial finder (issue 5) over HTTP, against a real `cairn serve`
// holding the real ClinicalTrials.gov records beside the repository: /trials and
// /api/v1/trials with their filters, one trial's page and JSON, LM relevance,
// a running server taking in an import, and `cairn import-trials` exit codes.
// What each answer should be is worked out here from the JSON files themselves.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importTrials, root, startCairn } from './cairn_server.mjs';
import { assertSecurityHeaders, get } from './http_client.mjs';
import { inScope } from './trial_scope.mjs';

const TRIALS = resolve(root, '../shared/data/trials');
const LM_PAGE = '/about-cancer/leptomeningeal-metastases';

// ---- the records, read the way the importer reads them -------------------

function studiesIn(file) {
  const json = JSON.parse(readFileSync(join(TRIALS, file), 'utf8'));
  return Array.isArray(json) ? json : json.studies;
}
const FILES = readdirSync(TRIALS).filter((f) => f.endsWith('.json')).sort();
const STUDIES = new Map();  // nct id -> study (a repeated id is the same record): the cancer trials
const NOT_CANCER = new Set();  // the ids the import skips
for (const file of FILES) {
  for (const s of studiesIn(file)) {
    const id = s.protocolSection.identificationModule.nctId;
    if (inScope(s)) STUDIES.set(id, s);
    else NOT_CANCER.add(id);
  }
}
const ps = (id) => STUDIES.get(id).protocolSection;
const statusOf = (id) => ps(id).statusModule.overallStatus;
const locationsOf = (id) => ps(id).contactsLocationsModule?.locations ?? [];
const hasUkSite = (id) => locationsOf(id).some((l) => l.country === 'United Kingdom');
const phasesOf = (id) => ps(id).designModule?.phases ?? [];

// "18 Years", "6 Months", "1 Year" -> years; missing -> null.
function years(text) {
  if (!text) return null;
  const m = /^(\d+(?:\.\d+)?)\s+(year|month|week|day|hour|minute)s?$/i.exec(text.trim());
  assert.ok(m, `an age I can read: ${text}`);
  const per = { year: 1, month: 12, week: 52, day: 365, hour: 8760, minute: 525600 }[m[2].toLowerCase()];
  return Number(m[1]) / per;
}

const mentionsLm = (text) => /leptomening/i.test(text ?? '');
// The other names the finder knows (trials/condition_names.cpp); "soft meningeal
// metastases" is how one record translates leptomeningeal.
const namesLm = (text) => /leptomening|meningeal (metastas|carcinomatosis)|(carcinomatous|neoplastic|lymphomatous|leukemic) meningitis/i
  .test(text ?? '');
// Filed under LM: its conditions, keywords or titles say so.
function filedUnderLm(id) {
  const p = ps(id);
  return [p.identificationModule.briefTitle, p.identificationModule.officialTitle,
    ...(p.conditionsModule?.conditions ?? []), ...(p.conditionsModule?.keywords ?? [])].some(namesLm);
}
// Only the eligibility criteria mention LM (typically "no leptomeningeal disease").
const CRITERIA_ONLY_LM = [...STUDIES.keys()]
  .filter((id) => mentionsLm(ps(id).eligibilityModule?.eligibilityCriteria) && !filedUnderLm(id));
const FILED_LM = [...STUDIES.keys()].filter(filedUnderLm);

// UK places, from the same files the server reads.
function placeCoordinates(name) {
  const lines = readFileSync(join(root, 'content', 'geo', 'uk-places.csv'), 'utf8').split('\n');
  const row = lines.map((l) => l.split(',')).find((f) => f[1] === name && f[10]?.trim() === 'City');
  assert.ok(row, `${name} is in uk-places.csv`);
  return { lat: Number(row[7]), lon: Number(row[8]) };
}
function milesBetween(a, b) {
  const rad = (d) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2
    + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.sqrt(h));
}

// A record with markup in every field a page shows, to prove it is escaped.
const HOSTILE_ID = 'NCT99999901';
function hostileRecord() {
  const s = structuredClone(STUDIES.get([...STUDIES.keys()].find((id) => hasUkSite(id)
    && ps(id).contactsLocationsModule?.centralContacts?.length)));
  const p = s.protocolSection;
  p.identificationModule.nctId = HOSTILE_ID;
  p.identificationModule.briefTitle = 'Zyxwv <script>alert("title")</script> & "quoted" trial';
  p.identificationModule.officialTitle = 'Official <b>bold</b> title';
  p.statusModule.overallStatus = 'COMPLETED';
  p.eligibilityModule.eligibilityCriteria = 'Inclusion Criteria:\n\n* Aged \\<18 & <img src=x onerror=alert(1)>\n* Second <i>point</i>\n\n'
    + 'Exclusion Criteria:\n\n* <script>alert("criteria")</script>';
  p.contactsLocationsModule.centralContacts = [{ name: '<img src=x onerror=alert(2)> Contact', role: 'CONTACT',
    phone: '0113 000 0000', email: 'trials@example.org' }];
  return s;
}

// ---- the server ------------------------------------------------------------

let server;
let scratch;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'cairn-trials-test-'));
  writeFileSync(join(scratch, 'hostile.json'), JSON.stringify([hostileRecord()]));
  server = await startCairn({
    trials: [TRIALS],
    before: async (data, db) => {
      const r = await importTrials(data, [join(scratch, 'hostile.json')], db);
      assert.equal(r.code, 0, r.stderr);
    },
  });
});

after(async () => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  if (server) {
    const { code, signal } = await server.stop();
    assert.ok(code === 0 || signal === 'SIGTERM', `cairn stopped cleanly (code ${code}, signal ${signal})`);
  }
});

async function page(path, base = server.base) {
  const r = await get(base, path);
  assert.notEqual(r.status, 500, `${path} gave a 500:\n${r.text.slice(0, 500)}`);
  return r;
}

async function api(path, expectStatus = 200, base = server.base) {
  const r = await get(base, path);
  assert.equal(r.status, expectStatus, `${path}: ${r.text.slice(0, 300)}`);
  assert.match(r.headers['content-type'] ?? '', /^application\/json/, `${path} is JSON`);
  return JSON.parse(r.text);
}

// Every result of a finder query, walking its pages.
async function allResults(query) {
  const first = await api(`/api/v1/trials?${query}`);
  const results = [...first.results];
  const pages = Math.ceil(first.total / first.page_size);
  for (let n = 2; n <= pages; n++) results.push(...(await api(`/api/v1/trials?${query}&page=${n}`)).results);
  assert.equal(results.length, first.total, `${query}: every page together holds the total`);
  return { total: first.total, facets: first.facets, results };
}

const ids = (results) => results.map((r) => r.nct_id);
const foundHeading = (html) => /<h2 class="nhsuk-heading-m" id="results">(\d+) trials? found([^<]*)<\/h2>/.exec(html);
const reEsc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const esc = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  .replaceAll('"', '&quot;').replaceAll("'", '&#39;');

// ---- the finder ------------------------------------------------------------

describe('the trial finder page and API', () => {
  test('/trials by default lists recruiting trials with a UK site, with the count', async () => {
    const r = await page('/trials');
    assert.equal(r.status, 200);
    assertSecurityHeaders(assert, r.headers, '/trials');
    assert.match(r.text, /<h1>Find a clinical trial<\/h1>/);
    const expected = [...STUDIES.keys()].filter((id) => statusOf(id) === 'RECRUITING' && hasUkSite(id));
    const json = await allResults('');
    assert.deepEqual(ids(json.results).sort(), expected.sort(), 'recruiting trials with a UK site, no more, no fewer');
    assert.ok(json.total > 0);
    assert.equal(Number(foundHeading(r.text)?.[1]), json.total, 'the page shows the count');
    // The results run over more than one page: each page shows the count and links its
    // page's trials, and the pages together link every one of them once.
    const first = await api('/api/v1/trials');
    const pages = Math.ceil(first.total / first.page_size);
    assert.ok(pages > 1, `more than one page (${first.total} results, ${first.page_size} a page)`);
    const linked = [];
    for (let n = 1; n <= pages; n++) {
      const html = n === 1 ? r.text : (await page(`/trials?page=${n}`)).text;
      assert.equal(Number(foundHeading(html)?.[1]), json.total, `page ${n} shows the count`);
      const list = /<ul class="nhsuk-list cairn-trial-results">([\s\S]*?)<\/ul>/.exec(html);
      assert.ok(list, `page ${n} has a results list`);
      const onPage = [...list[1].matchAll(/<a href="\/trials\/(NCT\d{8})">/g)].map((m) => m[1]);
      const apiPage = n === 1 ? first : await api(`/api/v1/trials?page=${n}`);
      assert.deepEqual(onPage, ids(apiPage.results), `page ${n} links its trials, in order`);
      assert.equal(onPage.length, n < pages ? first.page_size : json.total - first.page_size * (pages - 1));
      linked.push(...onPage);
    }
    assert.deepEqual(linked.sort(), expected.sort(), 'every trial linked, once, across the pages');
    assert.match(r.text, /<a class="nhsuk-pagination__link nhsuk-pagination__link--next" href="\/trials\?page=2">/,
      'page 1 links to page 2');
    // On a phone the results come first: the filters follow them, with a link there.
    assert.ok(r.text.indexOf('id="results"') < r.text.indexOf('id="filters"'), 'results before the filters');
    assert.ok(r.text.indexOf('<a href="#filters">Filter results</a>') < r.text.indexOf('cairn-trial-results'));
    // The chosen country (the UK) heads the country counts, before "All countries".
    const countries = r.text.slice(r.text.indexOf('>Country</h3>'));
    const uk = countries.indexOf('">United Kingdom</a> (');
    assert.ok(uk > 0 && uk < countries.indexOf('>All countries</span>'), 'the UK is shown, first');
    // The form shows the defaults it used.
    assert.match(r.text, /<option value="RECRUITING" selected>/);
    assert.match(r.text, /<option value="United Kingdom" selected>/);
  });

  test('the finder holds cancer trials only: no skipped record is listed or shown', async () => {
    assert.ok(NOT_CANCER.has('NCT00410098') && NOT_CANCER.has('NCT05896748'), 'asthma and HIV trials in the files');
    const listed = [...ids((await allResults('')).results), ...ids((await allResults('status=any&country=any')).results)];
    assert.ok(listed.length > 0);
    for (const id of listed) assert.ok(!NOT_CANCER.has(id), `${id} is not a cancer trial`);
    const html = (await page('/trials')).text;
    for (const m of html.matchAll(/href="\/trials\/(NCT\d{8})"/g)) assert.ok(!NOT_CANCER.has(m[1]), m[1]);
    for (const id of ['NCT00410098', 'NCT05896748', 'NCT05878938', 'NCT05850520', 'NCT00415220']) {
      await api(`/api/v1/trials/${id}`, 404);
      // Nor does the site search know it, by its number or in any result.
      const found = await api(`/api/v1/search?q=${id}`);
      assert.equal(found.facets.trials ?? 0, 0, `${id} in the site search`);
    }
    for (const words of ['asthma', 'HIV', 'macular oedema', 'haemophilia', 'scleroderma']) {
      const html = (await page(`/search?q=${encodeURIComponent(words)}`)).text;
      for (const m of html.matchAll(/href="\/trials\/(NCT\d{8})"/g)) {
        assert.ok(!NOT_CANCER.has(m[1]), `${m[1]} found by the site search for ${words}`);
      }
      const found = await api(`/api/v1/search?q=${encodeURIComponent(words)}&type=trials`);
      for (const hit of found.results ?? []) {
        const id = /NCT\d{8}/.exec(hit.url ?? '')?.[0];
        assert.ok(!id || !NOT_CANCER.has(id), `${id} in the search API for ${words}`);
      }
    }
    // The same question finds the cancer trials: the index holds trials, only not those.
    const cancer = await api('/api/v1/search?q=melanoma&type=trials');
    assert.ok(cancer.results.some((hit) => /^\/trials\/NCT\d{8}$/.test(hit.url)), 'melanoma trials found');
  });

  test('a UK site given without coordinates (a fields= fetch) is found near its town', async () => {
    // The 2026 melanoma download has no geoPoint: its sites are placed at their town.
    const atManchester = studiesIn('melanoma-recruiting-2026.json').filter((s) => inScope(s)
      && s.protocolSection.statusModule.overallStatus === 'RECRUITING'
      && (s.protocolSection.contactsLocationsModule?.locations ?? [])
        .some((l) => l.country === 'United Kingdom' && l.city === 'Manchester' && !l.geoPoint));
    assert.ok(atManchester.length >= 5, `${atManchester.length} recruiting trials at Manchester`);
    const near = await allResults('near=Manchester&distance=10');
    for (const s of atManchester) {
      const id = s.protocolSection.identificationModule.nctId;
      const hit = near.results.find((h) => h.nct_id === id);
      assert.ok(hit, `${id} near Manchester`);
      assert.ok(hit.nearest && hit.nearest.distance_miles < 1, `${id}: ${JSON.stringify(hit.nearest)}`);
    }
    // The trial page gives the distance too, the stored record is kept as published.
    const id = atManchester[0].protocolSection.identificationModule.nctId;
    const html = (await page(`/trials/${id}?near=Manchester`)).text;
    assert.match(html, /<br>Manchester, United Kingdom \(about a mile or less away\)<br>/);
    assert.match(html, /Nearest site<\/dt><dd class="nhsuk-summary-list__value">[^<]*, Manchester: about a mile or less from Manchester<\/dd>/);
    const record = await api(`/api/v1/trials/${id}`);
    assert.ok(record.locations.every((l) => !('lat' in l) && !('placed_at_town' in l)), 'the record as published');
  });

  test('/api/v1/trials has the documented shape', async () => {
    const json = await api('/api/v1/trials?status=any&country=any');
    for (const key of ['total', 'page', 'facets', 'results']) assert.ok(key in json, `has ${key}`);
    assert.equal(json.total, STUDIES.size + 1, 'every distinct record in the files, and the hostile one');
    assert.equal(json.page, 1);
    assert.equal(json.results.length, json.page_size);
    for (const hit of json.results) {
      assert.deepEqual(Object.keys(hit).sort(), ['conditions', 'nct_id', 'nearest', 'phases', 'status', 'title', 'url']);
      assert.match(hit.nct_id, /^NCT\d{8}$/);
      assert.equal(hit.url, `/trials/${hit.nct_id}`);
      assert.equal(hit.nearest, null, 'no place given, no nearest site');
      if (hit.nct_id === HOSTILE_ID) continue;
      assert.equal(hit.title, ps(hit.nct_id).identificationModule.briefTitle);
      assert.equal(hit.status, statusOf(hit.nct_id));
      assert.deepEqual(hit.phases, phasesOf(hit.nct_id));
      assert.deepEqual(hit.conditions, ps(hit.nct_id).conditionsModule?.conditions ?? []);
    }
    // Facets count what the files hold.
    const byStatus = {};
    for (const id of STUDIES.keys()) byStatus[statusOf(id)] = (byStatus[statusOf(id)] ?? 0) + 1;
    byStatus.COMPLETED += 1;  // the hostile record
    assert.deepEqual(json.facets.status, byStatus);
    const r = await get(server.base, '/api/v1/trials');
    assert.equal(r.headers['cache-control'], 'no-store');
  });

  test('status=any finds more than the default; a status list finds exactly those statuses', async () => {
    const any = await api('/api/v1/trials?status=any');
    const recruiting = await api('/api/v1/trials');
    assert.ok(any.total > recruiting.total, `any ${any.total} > recruiting ${recruiting.total}`);
    assert.equal(any.total, [...STUDIES.keys()].filter(hasUkSite).length + 1, 'every trial with a UK site');
    const both = await allResults('status=RECRUITING,NOT_YET_RECRUITING&country=any');
    const expected = [...STUDIES.keys()].filter((id) => ['RECRUITING', 'NOT_YET_RECRUITING'].includes(statusOf(id)));
    assert.deepEqual(ids(both.results).sort(), expected.sort());
  });

  test('phase=2 keeps only phase 2 trials, as many as the phase facet promised', async () => {
    const unfiltered = await api('/api/v1/trials?status=any&country=any');
    const phase2 = await allResults('status=any&country=any&phase=2');
    assert.ok(phase2.total > 0);
    assert.equal(phase2.total, unfiltered.facets.phase.PHASE2);
    for (const hit of phase2.results) assert.ok(hit.phases.includes('PHASE2'), `${hit.nct_id}: ${hit.phases}`);
    const expected = [...STUDIES.keys()].filter((id) => phasesOf(id).includes('PHASE2'));
    assert.equal(phase2.total, expected.length);
  });

  test('age=10 leaves out adults-only trials: every result takes a 10-year-old', async () => {
    const everyone = await api('/api/v1/trials?status=any&country=any');
    const children = await allResults('status=any&country=any&age=10');
    assert.ok(children.total > 0 && children.total < everyone.total, `${children.total} of ${everyone.total}`);
    for (const hit of children.results) {
      const trial = await api(`/api/v1/trials/${hit.nct_id}`);
      const min = years(trial.eligibility.minimum_age);
      const max = years(trial.eligibility.maximum_age);
      assert.ok(min === null || min <= 10, `${hit.nct_id} minimum age ${trial.eligibility.minimum_age}`);
      assert.ok(max === null || max >= 10, `${hit.nct_id} maximum age ${trial.eligibility.maximum_age}`);
    }
    const expected = [...STUDIES.keys()].filter((id) => {
      const e = ps(id).eligibilityModule ?? {};
      const min = years(e.minimumAge);
      const max = years(e.maximumAge);
      return (min === null || min <= 10) && (max === null || max >= 10);
    });
    assert.deepEqual(ids(children.results).sort(), expected.sort(), 'and every trial that does is found');
  });

  test('sex=female leaves out men-only trials', async () => {
    const women = await allResults('status=any&country=any&sex=female');
    for (const hit of women.results) {
      if (hit.nct_id === HOSTILE_ID) continue;
      assert.notEqual(ps(hit.nct_id).eligibilityModule?.sex, 'MALE', hit.nct_id);
    }
    const expected = [...STUDIES.keys()].filter((id) => ps(id).eligibilityModule?.sex !== 'MALE');
    assert.equal(women.total, expected.length + 1);
  });

  test('country=any finds trials anywhere; the default only trials with a UK site', async () => {
    const uk = await allResults('status=any');
    for (const hit of uk.results) if (hit.nct_id !== HOSTILE_ID) assert.ok(hasUkSite(hit.nct_id), hit.nct_id);
    const any = await api('/api/v1/trials?status=any&country=any');
    assert.ok(any.total > uk.total * 5, `${any.total} anywhere, ${uk.total} in the UK`);
  });

  test('near=Manchester&distance=25&sort=distance: every result within 25 miles, nearest first', async () => {
    const manchester = placeCoordinates('Manchester');
    const near = await allResults('status=any&country=any&near=Manchester&distance=25&sort=distance');
    assert.ok(near.total > 0, 'some trials near Manchester');
    let last = -1;
    for (const hit of near.results) {
      assert.ok(hit.nearest, `${hit.nct_id} has a nearest site`);
      assert.ok(hit.nearest.distance_miles <= 25, `${hit.nct_id} ${hit.nearest.distance_miles} miles`);
      assert.ok(hit.nearest.distance_miles >= last, 'sorted by distance');
      last = hit.nearest.distance_miles;
      // The distance is right: the named site is that far from Manchester.
      // (Several sites may share a name such as "Research Site": the nearest of them.)
      const named = locationsOf(hit.nct_id).filter((l) => l.facility === hit.nearest.facility && l.geoPoint)
        .map((l) => milesBetween(manchester, l.geoPoint));
      if (named.length > 0) {
        assert.ok(Math.abs(Math.min(...named) - hit.nearest.distance_miles) < 0.2,
          `${hit.nct_id}: ${hit.nearest.facility} is ${Math.min(...named)} miles away`);
      }
    }
    // And no trial with a site within 25 miles is missed.
    const expected = [...STUDIES.keys()].filter((id) => locationsOf(id)
      .some((l) => l.geoPoint && milesBetween(manchester, l.geoPoint) <= 24.9));
    for (const id of expected) assert.ok(ids(near.results).includes(id), `${id} has a site within 25 miles`);
    // Wider circles hold more.
    let previous = 0;
    for (const miles of [10, 25, 50, 100]) {
      const { total } = await api(`/api/v1/trials?status=any&country=any&near=Manchester&distance=${miles}`);
      assert.ok(total >= previous, `${miles} miles: ${total}`);
      previous = total;
    }
    const html = await page('/trials?status=any&country=any&near=Manchester&distance=25&sort=distance');
    assert.equal(html.status, 200);
    assert.equal(foundHeading(html.text)?.[2], ' near Manchester');
    // Straight-line distances, some from a town's centre: "about", and none under a mile.
    assert.match(html.text, /Nearest site: [^<]+, Manchester<\/p>/, 'a site in Manchester, no distance');
    const far = await page('/trials?status=any&country=any&near=Leeds&distance=100&sort=distance&page=2');
    assert.match(far.text, /Nearest site: [^<]+ \(about [\d.]+ miles\)<\/p>/);
    assert.doesNotMatch(html.text, /\(0(\.\d)? miles\)|\(about 0(\.\d)? miles\)/);
  });

  test('near=M1 (a postcode district) works like a town', async () => {
    const json = await allResults('status=any&country=any&near=M1&distance=50&sort=distance');
    assert.ok(json.total > 0);
    for (const hit of json.results) assert.ok(hit.nearest.distance_miles <= 50);
    const lower = await api('/api/v1/trials?status=any&country=any&near=m1&distance=50');
    assert.equal(lower.total, json.total, 'case does not matter');
    const full = await api('/api/v1/trials?status=any&country=any&near=M1%201AA&distance=50');
    assert.equal(full.total, json.total, 'a full postcode finds its district');
  });

  test('an unknown place is a 400 with a message, in JSON and on the page', async () => {
    const json = await api('/api/v1/trials?near=Nowhereville', 400);
    assert.match(json.error.message, /Nowhereville/);
    const r = await page('/trials?near=Nowhereville&age=40');
    assert.equal(r.status, 400);
    assert.match(r.text, /<div class="nhsuk-error-summary"/);
    assert.match(r.text, /nhsuk-error-summary__list"><li><a href="#near">We could not find &#39;Nowhereville&#39;/,
      'the summary links to the place field');
    assert.match(r.text, /<div class="nhsuk-form-group nhsuk-form-group--error"><label class="nhsuk-label" for="near">/);
    assert.match(r.text, /id="near" name="near" type="text" value="Nowhereville"/, 'what was typed is kept');
    assert.match(r.text, /id="age" name="age" type="text" value="40"/);
    assert.doesNotMatch(r.text, /trials? found/, 'no results under an error');
  });

  test('bad values are a 400 naming the problem, never a 500; the page points at the field', async () => {
    for (const [query, field, words] of [
      ['age=-1', 'age', /age/], ['age=abc', 'age', /age/], ['age=121', 'age', /age/],
      ['distance=7', 'distance', /distance/], ['status=BOGUS', 'status', /status/], ['phase=9', 'phase', /phase/],
      ['sex=x', 'sex', /sex/], ['sort=x', 'sort', /sort/], ['sort=distance', 'near', /near/],
      ['page=0', null, /page/], ['page=abc', null, /page/], ['page=100001', null, /page/],
      ['status=BOGUS&age=abc', 'status', /status/], ['near=Stage%20Town', 'near', /Stage Town/],
    ]) {
      const json = await api(`/api/v1/trials?${query}`, 400);
      assert.match(json.error.message, words, query);
      const r = await page(`/trials?${query}`);
      assert.equal(r.status, 400, query);
      const summary = /nhsuk-error-summary__list"><li>([\s\S]*?)<\/li>/.exec(r.text);
      assert.ok(summary, `${query}: an error summary`);
      if (field) {
        assert.match(summary[1], new RegExp(`^<a href="#${field}">[A-Z]`), `${query}: links to #${field}, as a sentence`);
        assert.match(r.text, new RegExp(`id="${field}" name="${field}"`), `${query}: #${field} is on the page`);
        assert.match(r.text, new RegExp(`<span class="nhsuk-error-message" id="${field}-error">`), `${query}: message by the field`);
      } else {
        assert.doesNotMatch(summary[1], /<a /, `${query}: no field to link to`);
      }
    }
  });
});

// ---- one trial ---------------------------------------------------------------

describe('one trial', () => {
  // Of the cancer trials only one has UK sites and central contacts: a myeloma trial not yet recruiting.
  const withContacts = [...STUDIES.keys()].find((id) => hasUkSite(id)
    && ps(id).contactsLocationsModule?.centralContacts?.some((c) => c.phone && c.email));

  test('/api/v1/trials/NCT... is the full record', async () => {
    assert.ok(withContacts, 'the files have a UK cancer trial with contacts');
    const p = ps(withContacts);
    const json = await api(`/api/v1/trials/${withContacts}`);
    assert.equal(json.nct_id, withContacts);
    assert.equal(json.title, p.identificationModule.briefTitle);
    assert.equal(json.official_title, p.identificationModule.officialTitle);
    assert.equal(json.status, statusOf(withContacts));
    assert.deepEqual(json.conditions, p.conditionsModule.conditions);
    assert.equal(json.eligibility.minimum_age, p.eligibilityModule.minimumAge ?? '');
    assert.ok(json.eligibility.inclusion_criteria.length > 0);
    assert.equal(json.locations.length, locationsOf(withContacts).length, 'every site');
    assert.equal(json.locations[0].country, 'United Kingdom', 'UK sites first');
    assert.deepEqual(json.contacts.map((c) => c.email), p.contactsLocationsModule.centralContacts.map((c) => c.email ?? ''));
    assert.equal(json.record_url, `https://clinicaltrials.gov/study/${withContacts}`);
    assert.equal(json.url, `/trials/${withContacts}`);
    // With a place, sites come nearest first with their distances.
    const near = await api(`/api/v1/trials/${withContacts}?near=Leeds`);
    const distances = near.locations.map((l) => l.distance_miles).filter((d) => d !== null);
    assert.ok(distances.length > 0);
    assert.deepEqual(distances, [...distances].sort((a, b) => a - b));
    assert.match((await api(`/api/v1/trials/${withContacts}?near=Nowhereville`, 400)).error.message, /Nowhereville/);
  });

  test('an unknown or malformed id is a 404', async () => {
    for (const id of ['NCT00000000', 'NCT123', 'nct05850520', 'NCT058505201', 'abc', '..%2f..%2fetc']) {
      const json = await api(`/api/v1/trials/${id}`, 404);
      assert.ok(json.error.message, id);
      const r = await page(`/trials/${id}`);
      assert.equal(r.status, 404, `/trials/${id}`);
      assert.match(r.text, /<h1>Page not found<\/h1>/);
    }
  });

  test('/trials/NCT... shows the title, who can join, where, contacts and the ClinicalTrials.gov link', async () => {
    const p = ps(withContacts);
    const r = await page(`/trials/${withContacts}`);
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`<h1 class="[^"]*">${reEsc(esc(p.identificationModule.briefTitle))}</h1>`),
      'the brief title is the heading');
    if (p.identificationModule.officialTitle !== p.identificationModule.briefTitle) {
      assert.ok(r.text.includes(`Full title of the trial</span></summary><div class="nhsuk-details__text"><p>${
        esc(p.identificationModule.officialTitle)}</p>`), 'the official title in an expander');
    }
    // Key facts, in words, before the long texts.
    const facts = r.text.slice(r.text.indexOf('<h2 id="key-facts"'), r.text.indexOf('<h2 id="what">'));
    // The record's own status, in words, as a coloured tag (green only when recruiting).
    const status = p.statusModule.overallStatus;
    const statusWords = { ACTIVE_NOT_RECRUITING: 'Active, not recruiting',
      ENROLLING_BY_INVITATION: 'Enrolling by invitation' }[status] ??
      status.charAt(0) + status.slice(1).toLowerCase().replaceAll('_', ' ');
    const tag = facts.match(/Status<\/dt><dd class="nhsuk-summary-list__value"><strong class="nhsuk-tag nhsuk-tag--([a-z]+)">([^<]+)<\/strong>/);
    assert.ok(tag, 'the status is a tag in the key facts');
    assert.equal(tag[2], statusWords);
    assert.equal(tag[1] === 'green', status === 'RECRUITING', `tag colour ${tag[1]} for ${status}`);
    assert.match(facts, /Ages<\/dt><dd class="nhsuk-summary-list__value">[^<]+<\/dd>/);
    assert.match(facts, /Sex<\/dt><dd class="nhsuk-summary-list__value">(Anyone|Women|Men)<\/dd>/);
    const ukCount = locationsOf(withContacts).filter((l) => l.country === 'United Kingdom').length;
    const siteCount = locationsOf(withContacts).length;
    assert.ok(facts.includes(`>${siteCount} site${siteCount === 1 ? '' : 's'}, ${ukCount} in the UK</a>`), 'sites counted');
    assert.doesNotMatch(facts, /Nearest site/, 'no place, no nearest site');
    const updated = p.statusModule.lastUpdatePostDateStruct.date;
    const [y, m, d] = updated.split('-').map(Number);
    const words = `${d} ${new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${y}`;
    assert.ok(facts.includes(`Last updated on ClinicalTrials.gov: ${words}`), `last updated ${words}`);
    // Imported when the server started: checked today.
    const now = new Date();
    const today = `${now.getUTCDate()} ${now.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${now.getUTCFullYear()}`;
    assert.ok(facts.includes(`We last checked this trial against ClinicalTrials.gov on ${today}.`), today);
    // The server's clock is the real one: a status last verified (else a record
    // last updated) wholly over a year ago gets the warning.
    const yearAgo = new Date();
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    const since = p.statusModule.statusVerifiedDate ?? updated;
    const stale = since < yearAgo.toISOString().slice(0, since.length);
    assert.equal(r.text.includes('The status may be out of date'), stale, `warning iff ${since} is over a year ago`);
    if (stale) {
      assert.ok(r.text.includes(`To check, <a href="#how">contact the trial team</a>`));
      assert.ok(r.text.includes(`<a href="https://clinicaltrials.gov/study/${withContacts}">look at the trial's record on ClinicalTrials.gov</a>`));
    }
    assert.match(r.text, /<h2 id="who">Who can join<\/h2>/);
    assert.match(r.text, /<h2 id="where">Where the trial is running<\/h2>/);
    assert.match(r.text, /<h2 id="how">How to take part<\/h2>/);
    const ukSite = locationsOf(withContacts).find((l) => l.country === 'United Kingdom');
    assert.ok(r.text.includes(`<strong>${esc(ukSite.facility)}</strong>`), `a UK site: ${ukSite.facility}`);
    // Every site is on the page, UK ones first, each with a status of its own.
    const where = r.text.slice(r.text.indexOf('<h2 id="where">'), r.text.indexOf('<h2 id="how">'));
    const listed = [...where.matchAll(/<li><strong>[^<]*<\/strong>(?:<br>(?:[^<]*, )?([^<]*))?<br><span class="cairn-site-status">([^<]+)<\/span><\/li>/g)];
    assert.equal(listed.length, siteCount, 'every site listed');
    assert.doesNotMatch(where, /more sites\./, 'no "And N more sites" dead end');
    const countries = listed.map((x) => x[1]);
    assert.deepEqual(countries.slice(0, ukCount), Array(ukCount).fill('United Kingdom'), 'UK sites first');
    assert.ok(listed.every((x) => x[2].length > 0));
    for (const c of p.contactsLocationsModule.centralContacts) {
      if (c.email) assert.ok(r.text.includes(`href="mailto:${c.email}"`), `email ${c.email}`);
      if (c.phone) assert.ok(r.text.includes(`>${esc(c.phone)}</a>`), `phone ${c.phone}`);
    }
    assert.ok(r.text.includes(`<a href="https://clinicaltrials.gov/study/${withContacts}">`), 'the CT.gov link');
    assert.match(r.text, /Who can take part<\/span><\/summary>/);
    const near = await page(`/trials/${withContacts}?near=Leeds`);
    assert.match(near.text, /Nearest to Leeds first/);
    assert.match(near.text, /\([\d.]+ miles away\)/);
    assert.match(near.text, /Nearest site<\/dt><dd class="nhsuk-summary-list__value">[^<]+: [\d.]+ miles from Leeds<\/dd>/,
      'the nearest site and its distance in the key facts');
  });

  test('criteria with < and > are escaped text, and Markdown escapes are undone', async () => {
    const id = [...STUDIES.keys()].find((i) => /\\<\d/.test(ps(i).eligibilityModule?.eligibilityCriteria ?? ''));
    assert.ok(id, 'a record whose criteria say "\\<18"');
    const r = await page(`/trials/${id}`);
    assert.equal(r.status, 200);
    const criteria = r.text.slice(r.text.indexOf('<h2 id="who">'), r.text.indexOf('<h2 id="where">'));
    assert.match(criteria, /&lt;\d/, '"<18" is shown, escaped');
    assert.doesNotMatch(criteria, /\\&lt;|\\&gt;|\\\[/, 'no Markdown backslashes');
    assert.doesNotMatch(criteria.replace(/<\/?(div|p|ul|li|details|summary|span|strong|h2|dl|dt|dd)( [^>]*)?>/g, ''), /</,
      'no other markup');
  });

  test('markup in a record is shown as text everywhere', async () => {
    const r = await page(`/trials/${HOSTILE_ID}`);
    assert.equal(r.status, 200);
    assert.doesNotMatch(r.text, /<script>alert|<img src=x|<b>bold|<i>point/);
    assert.ok(r.text.includes('">Zyxwv &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; trial</h1>'));
    assert.ok(r.text.includes('<p>Official &lt;b&gt;bold&lt;/b&gt; title</p>'), 'official title escaped');
    assert.ok(r.text.includes('Aged &lt;18 &amp; &lt;img src=x onerror=alert(1)&gt;'), 'criteria escaped');
    assert.ok(r.text.includes('&lt;script&gt;alert(&quot;criteria&quot;)&lt;/script&gt;'));
    assert.ok(r.text.includes('&lt;img src=x onerror=alert(2)&gt; Contact'), 'contact name escaped');
    const list = await page('/trials?status=any&country=any&q=Zyxwv');
    assert.ok(list.text.includes(`href="/trials/${HOSTILE_ID}">Zyxwv &lt;script&gt;`), 'the results list escapes it too');
    assert.doesNotMatch(list.text, /<script>alert/);
    const search = await page('/search?q=Zyxwv');
    assert.doesNotMatch(search.text, /<script>alert/);
  });
});

// ---- leptomeningeal metastases ----------------------------------------------

describe('trials for leptomeningeal metastases', () => {
  test('trials that only exclude LM in their criteria are not LM trials', async () => {
    assert.ok(CRITERIA_ONLY_LM.length >= 5, `the files have such trials (${CRITERIA_ONLY_LM.join(', ')})`);
    assert.ok(FILED_LM.length >= 1, 'and at least one filed under LM');
    for (const condition of ['leptomeningeal', 'leptomeningeal metastases']) {
      const { results } = await allResults(`status=any&country=any&condition=${encodeURIComponent(condition)}`);
      const found = ids(results);
      for (const id of CRITERIA_ONLY_LM) assert.ok(!found.includes(id), `${id} is not a "${condition}" trial`);
      for (const id of FILED_LM) assert.ok(found.includes(id), `${id} is filed under LM and is found for "${condition}"`);
    }
  });

  test('the LM page has its "Trials for leptomeningeal metastases" section, without the criteria-only trials', async () => {
    const r = await page(LM_PAGE);
    assert.equal(r.status, 200);
    const section = /<section class="cairn-lm-trials" aria-labelledby="lm-trials">([\s\S]*?)<\/section>/.exec(r.text);
    assert.ok(section, 'the section is there');
    assert.match(section[1], /<h2 id="lm-trials">Trials for leptomeningeal metastases<\/h2>/);
    for (const id of CRITERIA_ONLY_LM) assert.ok(!section[1].includes(id), `${id} is not listed`);
    const recruitingLm = FILED_LM.filter((id) => statusOf(id) === 'RECRUITING');
    for (const id of recruitingLm) assert.ok(section[1].includes(`/trials/${id}`), `${id} is listed`);
    if (recruitingLm.length === 0) assert.match(section[1], /search all trials/, 'says where else to look');
  });
});

// ---- imports -------------------------------------------------------------------

describe('importing', () => {
  test('a running server takes in trials imported while it runs, in the finder and in search', async () => {
    const fresh = await startCairn();
    try {
      const empty = await api('/api/v1/trials?status=any&country=any', 200, fresh.base);
      assert.equal(empty.total, 0);
      const file = join(TRIALS, 'mixed-export-10.json');
      // Two of its ten records are cancer trials; the other eight are skipped.
      const expected = new Set(studiesIn('mixed-export-10.json').filter(inScope)
        .map((s) => s.protocolSection.identificationModule.nctId));
      assert.equal(expected.size, 2);
      const imported = await importTrials(fresh.data, [file], fresh.db);
      assert.equal(imported.code, 0, imported.stderr);
      const started = Date.now();
      let total = 0;
      while (Date.now() - started < 5000) {
        total = (await api('/api/v1/trials?status=any&country=any', 200, fresh.base)).total;
        if (total > 0) break;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      assert.ok(total > 0, 'the finder saw the import within 5 seconds');
      // Wait for all of them (the import commits in batches).
      while (Date.now() - started < 5000 && total < expected.size) {
        await new Promise((ok) => setTimeout(ok, 100));
        total = (await api('/api/v1/trials?status=any&country=any', 200, fresh.base)).total;
      }
      assert.equal(total, expected.size);
      const id = [...expected][0];
      assert.equal((await get(fresh.base, `/trials/${id}`)).status, 200);
      let facets = {};
      while (Date.now() - started < 8000) {
        facets = (await api(`/api/v1/search?q=${id}`, 200, fresh.base)).facets;
        if (facets.trials) break;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      assert.ok(facets.trials > 0, 'site search sees the imported trials too');
    } finally {
      await fresh.stop();
    }
  });

  test('a malformed record is rejected (exit 1) and the good ones beside it are imported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-import-'));
    const [good, second, third] = studiesIn('mixed-export-50.json').filter(inScope);
    const goodId = good.protocolSection.identificationModule.nctId;
    const broken = { protocolSection: { identificationModule: { briefTitle: 'No id here' } } };
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'records.json'), JSON.stringify([good, broken], null, 2));
    // A download cut off in the middle of its third record.
    const whole = JSON.stringify([second, third], null, 2);
    const cut = whole.slice(0, whole.indexOf('"protocolSection"', whole.indexOf('"protocolSection"') + 1) + 200);
    mkdirSync(join(dir, 'cut'));
    writeFileSync(join(dir, 'cut', 'truncated.json'), cut);
    let folder;
    let truncated;
    const srv = await startCairn({
      before: async (data, db) => {
        folder = await importTrials(data, [join(dir, 'bad')], db);
        truncated = await importTrials(data, [join(dir, 'cut', 'truncated.json')], db);
      },
    });
    try {
      assert.equal(folder.code, 1, `exit 1 when a record is rejected:\n${folder.stdout}${folder.stderr}`);
      assert.match(folder.stdout, /Trials: 1 added, 0 updated, 0 unchanged, 0 skipped \(not cancer\), 1 rejected/);
      assert.match(folder.stderr, /records\.json: record 2/, 'the rejection names the file and the record');
      assert.equal((await api(`/api/v1/trials/${goodId}`, 200, srv.base)).nct_id, goodId, 'the good record is in');

      const secondId = second.protocolSection.identificationModule.nctId;
      const thirdId = third.protocolSection.identificationModule.nctId;
      assert.match(truncated.stdout, /Trials: 1 added/, `only the complete record:\n${truncated.stdout}${truncated.stderr}`);
      assert.equal(truncated.code, 1, 'the cut-off record counts as rejected');
      assert.equal((await api(`/api/v1/trials/${secondId}`, 200, srv.base)).nct_id, secondId);
      await api(`/api/v1/trials/${thirdId}`, 404, srv.base);
      const all = await api('/api/v1/trials?status=any&country=any', 200, srv.base);
      assert.equal(all.total, 2);
    } finally {
      await srv.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a missing path is a usage error (exit 2) that imports nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-import-'));
    try {
      const r = await importTrials(dir, [join(TRIALS, 'mixed-export-10.json'), join(dir, 'no-such-file.json')]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /no-such-file\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

