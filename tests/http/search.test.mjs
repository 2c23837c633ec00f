// Site search (issue 4) over HTTP, against a real `cairn serve` that has the
// content pages and the real ClinicalTrials.gov records beside the repository:
// /search (results, highlighted snippets, type facets, paging, "did you mean",
// odd and hostile queries), /api/v1/search and /api/v1/suggest.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { root, startCairn } from './cairn_server.mjs';
import { assertSecurityHeaders, get } from './http_client.mjs';

const TRIALS = resolve(root, '../shared/data/trials');
const LM = '/about-cancer/leptomeningeal-metastases';
const TREATMENT = `${LM}/treatment`;

let server;

before(async () => {
  server = await startCairn({ trials: [TRIALS] });
});

after(async () => {
  if (server) {
    const { code, signal } = await server.stop();
    assert.ok(code === 0 || signal === 'SIGTERM', `cairn stopped cleanly (code ${code}, signal ${signal})`);
  }
});

const q = (text) => encodeURIComponent(text);

async function page(path) {
  const r = await get(server.base, path);
  assert.notEqual(r.status, 500, `${path} gave a 500:\n${r.text.slice(0, 500)}`);
  return r;
}

async function api(path, expectStatus = 200) {
  const r = await get(server.base, path);
  assert.equal(r.status, expectStatus, `${path}: ${r.text.slice(0, 300)}`);
  assert.match(r.headers['content-type'] ?? '', /^application\/json/, `${path} is JSON`);
  return JSON.parse(r.text);
}

// The results in a /search results list: [{url, title, meta, snippet, sections: [url]}]. The
// main list by default; `others` for the trials or forum block after it.
function resultsOf(html, { others } = {}) {
  const list = others
    ? new RegExp(`<section class="cairn-search-others" aria-labelledby="search-others-${others}">([\\s\\S]*?)</section>`).exec(html)
    : /<ul class="nhsuk-list cairn-results">([\s\S]*?)<\/ul>\n/.exec(html);
  if (!list) return [];
  const unescape = (url) => url.replaceAll('&amp;', '&');
  return [...list[1].matchAll(/<li class="cairn-result"><h[23][^>]*><a href="([^"]*)">([\s\S]*?)<\/a><\/h[23]><p class="nhsuk-body-s cairn-result__meta">([\s\S]*?)<\/p>(?:<p class="cairn-result__snippet">([\s\S]*?)<\/p>)?(?:<ul class="cairn-result__sections"[^>]*>([\s\S]*?)<\/ul>)?<\/li>/g)]
    .map(([, url, title, meta, snippet, sections]) => ({
      url: unescape(url),
      title,
      meta,
      snippet,
      sections: [...(sections ?? '').matchAll(/<a href="([^"]*)">/g)].map(([, href]) => unescape(href)),
    }));
}

// Type facet links: {label, count, href, current}.
function facetsOf(html) {
  const nav = /<nav class="cairn-facets"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
  if (!nav) return [];
  return [...nav[1].matchAll(/<a ([^>]*)href="([^"]*)"[^>]*>([^<]*?) \((\d+)\)<\/a>/g)]
    .map(([, attrs, href, label, count]) => ({
      label, count: Number(count), href: href.replaceAll('&amp;', '&'), current: attrs.includes('aria-current'),
    }));
}

function h1Of(html) {
  const all = [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => m[1]);
  assert.equal(all.length, 1, 'exactly one <h1>');
  return all[0];
}

// Every value="..." of an <input name="q"> (the header's search box and the page's).
function searchBoxValues(html) {
  return [...html.matchAll(/<input [^>]*name="q"[^>]*>/g)].map((m) => /value="([^"]*)"/.exec(m[0])?.[1]);
}

describe('the results page', () => {
  test('/search?q=chemotherapy lists the information pages, then the trials apart with their count', async () => {
    const r = await page(`/search?q=chemotherapy`);
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'], /^text\/html; charset=utf-8/i);
    assertSecurityHeaders(assert, r.headers, '/search');
    assert.equal(h1Of(r.text), 'Search results for <span class="cairn-query">chemotherapy</span>');
    const json = await api('/api/v1/search?q=chemotherapy');
    assert.ok(json.facets.pages > 0 && json.facets.trials > 0, 'both pages and trials match');
    const results = resultsOf(r.text);
    assert.equal(results.length, Math.min(10, json.facets.pages), 'the information pages are the results');
    for (const hit of results) {
      assert.ok(hit.title.trim().length > 0, `a title for ${hit.url}`);
      assert.match(hit.url, /^\/(about-cancer|$)/, 'an information page');
      assert.equal(hit.meta, 'Information');
      assert.match(hit.snippet, /<mark>chemotherap/i, `the snippet highlights the word (${hit.url})`);
      // Only <mark> survives in a snippet: everything else is escaped text.
      assert.doesNotMatch(hit.snippet.replace(/<\/?mark>/g, ''), /</, hit.url);
      for (const section of hit.sections) assert.ok(section.startsWith(`${hit.url}#`), `${section} is on ${hit.url}`);
    }
    assert.ok(results[0].sections.length > 0, 'the best page lists its matching sections');

    // The trials after the pages: their count, a link to all of them, and the first three by
    // their plain title and status, with no line from the record.
    const trialsAt = r.text.indexOf('<section class="cairn-search-others" aria-labelledby="search-others-trials">');
    assert.ok(trialsAt > r.text.indexOf('<ul class="nhsuk-list cairn-results">'), 'the trials come after the pages');
    assert.match(r.text, new RegExp(`${json.facets.trials} trials mention this. <a href="/search\\?q=chemotherapy&amp;type=trials">See all ${json.facets.trials} trials</a>`));
    const trials = resultsOf(r.text, { others: 'trials' });
    assert.equal(trials.length, Math.min(3, json.facets.trials));
    assert.deepEqual(trials.map((hit) => hit.url), json.others.trials.map((hit) => hit.url));
    for (const hit of trials) {
      assert.match(hit.url, /^\/trials\/NCT\d{8}$/);
      assert.match(hit.meta, /^Clinical trial <strong class="nhsuk-tag nhsuk-tag--(green|grey)">[A-Z][a-z ,]+<\/strong>$/, hit.meta);
      assert.equal(hit.snippet, undefined, `no snippet for ${hit.url}`);
    }

    const facets = facetsOf(r.text);
    const byLabel = Object.fromEntries(facets.map((f) => [f.label, f]));
    assert.equal(byLabel['All results'].count, Object.values(json.facets).reduce((a, b) => a + b, 0));
    assert.equal(byLabel['All results'].current, true, 'no type chosen: "All results" is current');
    assert.equal(byLabel.Information.count, json.facets.pages);
    assert.equal(byLabel['Clinical trials'].count, json.facets.trials);
    assert.match(r.text, new RegExp(`>${json.facets.pages} information pages</p>`), 'the number of pages is shown');
  });

  test('a page appears once however many of its sections match', async () => {
    for (const words of ['chemotherapy', 'leptomeningeal', 'treatment']) {
      const json = await api(`/api/v1/search?q=${q(words)}&type=pages`);
      const urls = json.results.map((hit) => hit.url);
      assert.equal(new Set(urls).size, urls.length, `${words}: ${urls}`);
      for (const url of urls) assert.doesNotMatch(url, /#/, `${words}: a page, not a section (${url})`);
    }
  });

  test('a type facet narrows the results to that type and is marked current', async () => {
    const all = await api('/api/v1/search?q=chemotherapy');
    for (const [type, label] of [['pages', 'Information'], ['trials', 'Clinical trials']]) {
      const r = await page(`/search?q=chemotherapy&type=${type}`);
      assert.equal(r.status, 200);
      const facet = facetsOf(r.text).find((f) => f.label === label);
      assert.equal(facet.current, true, `${label} is current`);
      assert.equal(facet.href, `/search?q=chemotherapy&type=${type}`);
      const results = resultsOf(r.text);
      assert.ok(results.length > 0);
      for (const hit of results) {
        if (type === 'trials') assert.match(hit.url, /^\/trials\/NCT\d{8}$/);
        else assert.doesNotMatch(hit.url, /^\/trials\//);
      }
      const json = await api(`/api/v1/search?q=chemotherapy&type=${type}`);
      assert.equal(json.total, all.facets[type], `type=${type} total is its facet count`);
      assert.deepEqual(json.facets, all.facets, 'facets count every type whatever type is chosen');
      assert.ok(json.results.every((hit) => hit.type === type));
    }
    const bad = await page('/search?q=chemotherapy&type=videos');
    assert.equal(bad.status, 400, 'an unknown type is refused, not ignored');
    assert.match(bad.text, /pages, trials or forum/);
  });

  test('paging: page 2 is different from page 1, and the pages together hold every result once', async () => {
    const first = await api('/api/v1/search?q=chemotherapy&type=trials');
    assert.ok(first.total > 10, `more than one page (${first.total})`);
    const pages = Math.ceil(first.total / 10);
    const seen = new Set();
    for (let n = 1; n <= pages; n++) {
      const json = await api(`/api/v1/search?q=chemotherapy&type=trials&page=${n}`);
      assert.equal(json.page, n);
      assert.equal(json.results.length, n < pages ? 10 : first.total - 10 * (pages - 1), `page ${n} size`);
      for (const hit of json.results) {
        assert.ok(!seen.has(hit.url), `${hit.url} appears on two pages`);
        seen.add(hit.url);
      }
    }
    assert.equal(seen.size, first.total);

    const one = await page('/search?q=chemotherapy&type=trials');
    const two = await page('/search?q=chemotherapy&type=trials&page=2');
    assert.equal(two.status, 200);
    const urls1 = resultsOf(one.text).map((hit) => hit.url);
    const urls2 = resultsOf(two.text).map((hit) => hit.url);
    assert.ok(urls2.length > 0);
    assert.deepEqual(urls2.filter((u) => urls1.includes(u)), [], 'no result repeated from page 1');
    // The paging links themselves: a result's title may say "Previously treated".
    const pagingLink = (rel, href, title) => new RegExp(`<a class="nhsuk-pagination__link nhsuk-pagination__link--${rel}" `
      + `href="${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"><span class="nhsuk-pagination__title">${title}</span>`);
    assert.match(one.text, pagingLink('next', '/search?q=chemotherapy&amp;type=trials&amp;page=2', 'Next'), 'page 1 links to page 2');
    assert.doesNotMatch(one.text, /nhsuk-pagination__link--prev|nhsuk-pagination__title">Previous</, 'page 1 has no previous page');
    assert.match(two.text, pagingLink('prev', '/search?q=chemotherapy&amp;type=trials', 'Previous'), 'page 2 links back to page 1');
  });

  test('page=0, page=abc, page=-1 and page=99999 are refused or brought into range, never a 500', async () => {
    for (const value of ['0', 'abc', '-1', '99999', '1.5', '']) {
      const r = await page(`/search?q=chemotherapy&page=${value}`);
      assert.ok([200, 400].includes(r.status), `page=${value}: ${r.status}`);
      if (r.status === 400) {
        assert.match(r.text, /page must be a number/i, `page=${value}: the 400 page says what is wrong`);
        assert.match(r.headers['content-type'], /^text\/html/);
        const json = await api(`/api/v1/search?q=chemotherapy&page=${value}`, 400);
        assert.match(json.error.message, /page/);
      } else {
        assert.equal(h1Of(r.text), 'Search results for <span class="cairn-query">chemotherapy</span>');
      }
    }
    // A page past the last one says so rather than showing a blank list.
    const past = await page('/search?q=chemotherapy&page=50');
    assert.equal(past.status, 200);
    assert.match(past.text, /past the last one/);
  });
});

describe('"did you mean"', () => {
  test('a misspelling is corrected: the page names the corrected words and shows their results', async () => {
    const r = await page('/search?q=leptomeningial');
    assert.equal(r.status, 200);
    const link = /href="\/search\?q=leptomeningeal"/.test(r.text);
    const note = /results for \u201cleptomeningeal\u201d/.test(r.text) || /results for <strong>leptomeningeal<\/strong>/.test(r.text);
    assert.ok(link || note, 'a "did you mean" link or a note that these are results for "leptomeningeal"');
    // Said once, not twice.
    assert.equal((r.text.match(/cairn-did-you-mean/g) ?? []).length, 1, 'one correction note');
    const results = resultsOf(r.text);
    assert.ok(results.length > 0, 'results for the corrected spelling');
    assert.ok(results.slice(0, 3).some((hit) => hit.url.startsWith(LM)), 'the LM page near the top');

    const json = await api('/api/v1/search?q=leptomeningial');
    assert.equal(json.query, 'leptomeningial');
    assert.equal(json.corrected, 'leptomeningeal');
    assert.ok(json.total > 0);
  });

  test('a misspelling that still matches something is offered its correction, results kept', async () => {
    // "leptomeningal" shares its stem with the right word, so it finds the pages, but it
    // is not how the word is written: the page asks "did you mean".
    const json = await api('/api/v1/search?q=leptomeningal');
    assert.equal(json.corrected, 'leptomeningeal');
    assert.ok(json.total > 0);
    const r = await page('/search?q=leptomeningal');
    assert.match(r.text, /<p class="cairn-did-you-mean">Did you mean <a href="\/search\?q=leptomeningeal">leptomeningeal<\/a>\?<\/p>/);
    assert.ok(resultsOf(r.text).some((hit) => hit.url.startsWith(LM)), 'the LM pages are still shown');
  });

  test('a correction that guesses a first letter is offered, never shown in place of the words', async () => {
    // No record names rituximab; the nearest word, cetuximab, is another drug.
    const json = await api('/api/v1/search?q=rituximab');
    assert.equal(json.total, 0);
    assert.equal(json.showing_corrected, false, 'no results for another drug in its place');
    if (json.corrected) {
      assert.notEqual(json.corrected[0], 'r');
      const r = await page('/search?q=rituximab');
      assert.match(r.text, /Did you mean <a href="\/search\?q=/);
      assert.deepEqual(resultsOf(r.text), []);
    }
  });

  test('words spelt right are not "corrected"', async () => {
    for (const words of ['leptomeningeal', 'chemotherapy', 'lumbar puncture', 'headaches', 'chemotherapies']) {
      const json = await api(`/api/v1/search?q=${q(words)}`);
      assert.equal(json.corrected, null, words);
      const r = await page(`/search?q=${q(words)}`);
      assert.doesNotMatch(r.text, /cairn-did-you-mean/, words);
    }
  });
});

describe('answers first', () => {
  // What people type when they are frightened: the first result is one of our pages that
  // answers it, never a trial record.
  for (const words of ['prognosis', 'how long will i live', 'side effects', 'chemo side effects', 'headache',
    'is it curable', 'stiff neck', 'hospice']) {
    test(`"${words}": the first result is an information page`, async () => {
      const r = await page(`/search?q=${q(words)}`);
      const results = resultsOf(r.text);
      assert.ok(results.length > 0, `${words}: some results`);
      assert.ok(results[0].url.startsWith('/') && !results[0].url.startsWith('/trials/')
        && !results[0].url.startsWith('/forum/'), `${words}: first ${results[0].url}`);
      assert.ok(results[0].url.startsWith(LM), `${words}: an LM page first, got ${results[0].url}`);
      const json = await api(`/api/v1/search?q=${q(words)}`);
      assert.equal(json.results[0].type, 'pages', `${words}: the API agrees`);
    });
  }

  test('questions about the future reach the aims of treatment, not a survival figure', async () => {
    for (const words of ['prognosis', 'how long will i live', 'outlook']) {
      const [first] = resultsOf((await page(`/search?q=${q(words)}`)).text);
      const where = [first.url, ...first.sections];
      assert.ok(where.some((u) => u === `${TREATMENT}#aims-of-treatment` || u === `${LM}#how-leptomeningeal-metastases-are-treated`),
        `${words}: ${where}`);
    }
  });

  test('a glossary word gets its plain meaning first, with a link to where a page explains it', async () => {
    const glossary = readFileSync(resolve(root, 'content/glossary.yaml'), 'utf8');
    const explanation = (key) => new RegExp(`^${key}:\\n(?:  .*\\n)*?  explanation: (.*)$`, 'm').exec(glossary)[1];
    for (const [words, key, heading] of [['CSF', 'csf', 'Cerebrospinal fluid (CSF)'],
      ['what is an Ommaya reservoir?', 'ommaya-reservoir', 'Ommaya reservoir'],
      ['what does intrathecal mean', 'intrathecal', 'Intrathecal']]) {
      const r = await page(`/search?q=${q(words)}`);
      const card = /<div class="nhsuk-card cairn-search-answer">([\s\S]*?)<\/div><\/div>/.exec(r.text);
      assert.ok(card, `${words}: an answer`);
      assert.ok(card.index < r.text.indexOf('<ul class="nhsuk-list cairn-results">'), `${words}: before the results`);
      assert.match(card[1], new RegExp(`<h2 class="nhsuk-card__heading nhsuk-heading-m">${heading.replace(/[()?]/g, '\\$&')}</h2>`));
      assert.ok(card[1].includes(explanation(key).replaceAll("'", '&#39;')), `${words}: the glossary's words`);
      const link = /<a href="([^"]+)">Read more in ([^<]+)<\/a>/.exec(card[1]);
      assert.ok(link, `${words}: a link to read more`);
      const [path, anchor] = link[1].split('#');
      const target = await page(path);
      assert.equal(target.status, 200, link[1]);
      if (anchor) assert.ok(target.text.includes(`id="${anchor}"`), `${link[1]}: the section exists`);
    }
    // Asking about more than the word is a search, not a definition.
    for (const words of ['csf leak', 'intrathecal chemo side effects']) {
      assert.doesNotMatch((await page(`/search?q=${q(words)}`)).text, /cairn-search-answer/, words);
    }
  });
});

describe('escaping', () => {
  for (const hostile of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onfocus='alert(1)"]) {
    test(`the query ${JSON.stringify(hostile)} comes back as text, in the heading and the search boxes`, async () => {
      const r = await page(`/search?q=${q(hostile)}`);
      assert.equal(r.status, 200);
      const escaped = hostile.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
        .replaceAll('"', '&quot;').replaceAll("'", '&#39;');
      assert.ok(!r.text.includes(hostile), 'the raw query is nowhere in the page');
      assert.doesNotMatch(r.text, /<script>alert|<img src=x|onerror=alert\(1\)>|onfocus='/);
      assert.equal(h1Of(r.text), `Search results for <span class="cairn-query">${escaped}</span>`);
      const values = searchBoxValues(r.text);
      assert.equal(values.length, 2, 'the header search box and the page search box');
      for (const value of values) assert.equal(value, escaped, 'the search box keeps the words, escaped');
      assert.match(r.text, new RegExp(`<title>Search results for ${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} - `));
      for (const hit of resultsOf(r.text)) assert.doesNotMatch(hit.snippet.replace(/<\/?mark>/g, ''), /</);
      const json = await api(`/api/v1/search?q=${q(hostile)}`);
      for (const hit of json.results) assert.doesNotMatch(hit.snippet.replace(/<\/?mark>/g, ''), /</);
    });
  }
});

describe('odd queries', () => {
  test('no query, or only spaces, gets the search page with a hint, not an error', async () => {
    for (const path of ['/search', '/search?q=', '/search?q=%20%20%20']) {
      const r = await page(path);
      assert.equal(r.status, 200, path);
      assert.equal(h1Of(r.text), 'Search', path);
      assert.match(r.text, /Type a word or two to search for/, `${path} says what to do`);
      assert.match(r.text, /<form class="cairn-search-form" action="\/search"/);
    }
    const json = await api('/api/v1/search?q=');
    assert.equal(json.total, 0);
    assert.deepEqual(json.results, []);
    assert.equal(typeof json.notice, 'string');
  });

  const ODD = [
    'AND OR NOT NEAR', 'chemotherapy AND', 'NOT', 'x NEAR y', 'NEAR/3 chemotherapy', 'ADJ',
    'title:x', 'type:trials', 'a:b:c', '*', '**', 'chemo*', '"unbalanced', 'a"b"c"', '"', "'",
    '((((', ')', '+', '-', '~chemotherapy', '+chemotherapy -steroids', '%', '\\', '\u0001\u0002\u007f ctl',
    'tab\there', 'line\nbreak', '\u0000', 'ünïcödé 😀 治疗', '../../etc/passwd', 'SELECT * FROM pages;--',
    '{{7*7}}', '${jndi:ldap://x}', 'a'.repeat(300),
  ];
  test('Xapian operators, control characters, unbalanced quotes and the like get a 200 page', async () => {
    for (const text of ODD) {
      const r = await page(`/search?q=${q(text)}`);
      assert.equal(r.status, 200, `/search?q=${JSON.stringify(text)}: ${r.status}`);
      assert.match(h1Of(r.text), /^Search/, JSON.stringify(text));
      const json = await api(`/api/v1/search?q=${q(text)}`);
      assert.ok(Array.isArray(json.results), JSON.stringify(text));
      assert.equal(typeof json.total, 'number');
      const suggest = await api(`/api/v1/suggest?q=${q(text)}`);
      assert.ok(Array.isArray(suggest.suggestions), JSON.stringify(text));
    }
  });

  test('invalid UTF-8 in the query is a 200 or a 400, never a 500', async () => {
    for (const raw of ['%ff%fe', '%c3', 'caf%e9', '%ed%a0%80']) {
      for (const path of [`/search?q=${raw}`, `/api/v1/search?q=${raw}`, `/api/v1/suggest?q=${raw}`]) {
        const r = await page(path);
        assert.ok([200, 400].includes(r.status), `${path}: ${r.status}`);
      }
    }
  });

  test('a 10 KB query gets a 200 page that says it was shortened', async () => {
    const words = ['leptomeningeal', 'chemotherapy', 'ommaya', 'csf', 'radiotherapy'];
    let text = '';
    for (let i = 0; text.length < 10 * 1024; i++) text += `${words[i % words.length]} `;
    const path = `/search?q=${q(text)}`;
    assert.ok(path.length > 10 * 1024 && path.length < 15 * 1024);
    const r = await page(path);
    assert.equal(r.status, 200);
    assert.match(r.text, /shortened/, 'the page says the search was shortened');
    assert.ok(r.text.length < 200 * 1024, `the page does not echo the query many times (${r.text.length} bytes)`);
    const json = await api(`/api/v1/search?q=${q(text)}`);
    assert.ok(json.query.length < text.length, 'the query was shortened');
    assert.ok(json.total > 0, 'the first words still find things');
    const suggest = await api(`/api/v1/suggest?q=${q(text)}`);
    assert.deepEqual(suggest.suggestions, [], 'nothing completes a 10 KB prefix');
    // 10 KB of one long "word" too.
    const blob = await page(`/search?q=${'x'.repeat(10 * 1024)}`);
    assert.equal(blob.status, 200);
  });

  test('a URL beyond the 16 KB header limit is refused with 414 or 431', async () => {
    const r = await get(server.base, `/search?q=${'x'.repeat(20 * 1024)}`);
    assert.ok([414, 431].includes(r.status), `status ${r.status}`);
    const after = await page('/search?q=chemotherapy');
    assert.equal(after.status, 200, 'the server carries on');
  });
});

describe('the JSON API', () => {
  test('/api/v1/search has the documented shape', async () => {
    const json = await api('/api/v1/search?q=chemotherapy');
    for (const key of ['query', 'corrected', 'total', 'facets', 'results', 'others']) assert.ok(key in json, `has ${key}`);
    assert.equal(json.query, 'chemotherapy');
    assert.equal(json.corrected, null);
    assert.equal(typeof json.total, 'number');
    assert.equal(json.total, json.facets.pages, 'with no type asked, the results are the information pages');
    for (const [type, count] of Object.entries(json.facets)) {
      assert.ok(['pages', 'trials', 'forum'].includes(type), type);
      assert.ok(Number.isInteger(count) && count > 0, `${type}: ${count}`);
    }
    assert.equal(json.results.length, Math.min(10, json.facets.pages));
    for (const hit of json.results) {
      assert.equal(hit.type, 'pages');
      assert.equal(typeof hit.title, 'string');
      assert.ok(hit.title.length > 0);
      assert.match(hit.url, /^\/[^#]*$/);
      assert.match(hit.snippet, /<mark>/i, 'the snippet highlights the words');
      assert.ok(Array.isArray(hit.sections));
      for (const section of hit.sections) {
        assert.equal(typeof section.title, 'string');
        assert.ok(section.url.startsWith(`${hit.url}#`));
      }
    }
    assert.deepEqual(Object.keys(json.others), ['trials']);
    assert.equal(json.others.trials.length, 3);
    for (const hit of json.others.trials) {
      assert.equal(hit.type, 'trials');
      assert.match(hit.status, /^[A-Z_]+$/);
      assert.equal(hit.snippet, '', 'no line from a trial record');
    }
    const r = await get(server.base, '/api/v1/search?q=chemotherapy');
    assert.equal(r.headers['cache-control'], 'no-store');
  });

  test('/api/v1/suggest?q=intr suggests completions of "intr"', async () => {
    const json = await api('/api/v1/suggest?q=intr');
    assert.equal(json.query, 'intr');
    assert.ok(json.suggestions.length > 0 && json.suggestions.length <= 8, `${json.suggestions.length} suggestions`);
    for (const s of json.suggestions) {
      assert.equal(typeof s, 'string');
      assert.match(s, /(^|[\s(-])intr/i, `${s} completes "intr"`);
    }
    assert.ok(json.suggestions.some((s) => /^intrathecal/i.test(s)), `"intrathecal" is among ${JSON.stringify(json.suggestions)}`);
    const none = await api('/api/v1/suggest?q=');
    assert.deepEqual(none.suggestions, []);
  });
});

describe('what search finds', () => {
  test('imported trials are searchable: a trials facet, trial links that work, and by NCT id', async () => {
    const json = await api('/api/v1/search?q=chemotherapy&type=trials');
    assert.ok(json.facets.trials > 0, 'a trials facet after import');
    const hit = json.results[0];
    assert.match(hit.url, /^\/trials\/NCT\d{8}$/);
    const trial = await get(server.base, hit.url);
    assert.equal(trial.status, 200, `${hit.url} opens`);
    assert.match(trial.text, /<h1 class="[^"]*">([^<]*)<\/h1>/);
    assert.equal(/<h1 class="[^"]*">([^<]*)<\/h1>/.exec(trial.text)[1], hit.title,
      'the trial page has the title search showed');
    const id = hit.url.split('/').pop();
    const byId = await api(`/api/v1/search?q=${id}`);
    assert.equal(byId.others.trials?.[0]?.url, hit.url, `searching ${id} finds that trial first`);
  });

  // A handful of the medical words people type; the unit tests cover the full set.
  for (const [words, check] of [
    ['omaya', (results) => results[0].url === TREATMENT
      && results[0].sections[0]?.url === `${TREATMENT}#chemotherapy-into-the-csf`
      && /<mark>Ommaya/i.test(results[0].snippet)],
    ['omaya resevoir', (results) => results[0].url === TREATMENT
      && results[0].sections[0]?.url === `${TREATMENT}#chemotherapy-into-the-csf`],
    ['CSF', (results) => results.slice(0, 3).some((hit) => hit.url.startsWith(TREATMENT))],
    ['carcinomatous meningitis', (results) => results.slice(0, 3).some((hit) => hit.url.split('#')[0] === LM)],
    ['neoplastic meningitis', (results) => results.slice(0, 3).some((hit) => hit.url.split('#')[0] === LM)],
    ['intrathecal chemo', (results) => results.slice(0, 3).some((hit) => hit.url.startsWith(TREATMENT))],
  ]) {
    test(`"${words}" finds the right page`, async () => {
      const json = await api(`/api/v1/search?q=${q(words)}`);
      assert.ok(json.results.length > 0, `results for ${words}`);
      assert.ok(check(json.results), `${words}: ${JSON.stringify(json.results.slice(0, 3).map((hit) => hit.url))}`);
      // And the HTML page shows the same first result.
      const r = await page(`/search?q=${q(words)}`);
      assert.equal(resultsOf(r.text)[0]?.url, json.results[0].url);
    });
  }
});
