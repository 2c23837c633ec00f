// The information pages as a reader's browser gets them: every page in
// content/pages with its own title and heading, the helpline's live line, a
// 404 page that helps, the trailing-slash redirect, and the JSON API.
// Expected titles and dates are read from the content files, not written here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { root, startCairn } from './cairn_server.mjs';
import { assertSecurityHeaders, get, RawConnection, rawRequest } from './http_client.mjs';

const pagesDir = join(root, 'content', 'pages');
const siteYaml = readFileSync(join(root, 'content', 'site.yaml'), 'utf8');
const siteName = unquote(/^name:\s*(.+)$/m.exec(siteYaml)[1]);

function unquote(value) {
  const v = value.trim();
  if (v.startsWith('"') && v.endsWith('"')) return JSON.parse(v);
  if (v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replaceAll("''", "'");
  return v;
}

// The front matter fields these tests need: top-level scalars and the sources list.
function frontMatter(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  assert.ok(m, 'page file without front matter');
  const fields = { sources: [] };
  let list = null;
  for (const line of m[1].split(/\r?\n/)) {
    const top = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (top) {
      list = top[2] === '' ? top[1] : null;
      if (top[2] !== '') fields[top[1]] = unquote(top[2]);
      continue;
    }
    if (list !== 'sources') continue;
    const item = /^\s*(-\s+)?(title|address):\s*(.*)$/.exec(line);
    if (!item) continue;
    if (item[1]) fields.sources.push({});
    fields.sources.at(-1)[item[2]] = unquote(item[3]);
  }
  return fields;
}

function contentPages() {
  const pages = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.md')) {
        const rel = relative(pagesDir, file).split(sep).join('/');
        let path = '/' + (rel.endsWith('index.md') ? rel.slice(0, -'index.md'.length) : rel.slice(0, -3));
        if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
        const text = readFileSync(file, 'utf8');
        pages.push({ path, file: rel, text, ...frontMatter(text) });
      }
    }
  };
  walk(pagesDir);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e) => {
    const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()];
    if (named) return named;
    return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

const textOf = (html) => decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
const titleOf = (html) => textOf(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '');
const h1sOf = (html) => [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => textOf(m[1]));

// Whether the helpline is open now by site.yaml's hours (Europe/London), its
// special days and the bank holidays file; null within two minutes of a change.
function helplineOpenNow(now = new Date()) {
  const helpline = /^helpline:\n((?:[ \t]+.*\n|\n)*)/m.exec(siteYaml)[1];
  const weekly = {};
  for (const m of helpline.matchAll(/^\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday):\s*"?([^"\n]*)"?/gm)) {
    weekly[m[1]] = m[2].trim();
  }
  const special = {};
  for (const m of helpline.matchAll(/-\s*date:\s*"?(\d{4}-\d{2}-\d{2})"?\s*\n\s*hours:\s*"?([^"\n]*)"?/g)) {
    special[m[1]] = m[2].trim();
  }
  const holidaysFile = /bank_holidays:\s*(\S+)/.exec(helpline)?.[1];
  const holidays = new Set();
  if (holidaysFile) {
    const feed = JSON.parse(readFileSync(join(root, 'content', holidaysFile), 'utf8'));
    for (const e of feed['england-and-wales'].events) holidays.add(e.date);
  }
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', weekday: 'long', hourCycle: 'h23',
  }).formatToParts(now).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  let hours = weekly[parts.weekday.toLowerCase()] ?? 'closed';
  if (date in special) hours = special[date];
  else if (holidays.has(date)) hours = 'closed';
  const span = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(hours);
  if (!span) return minute < 2 || minute > 24 * 60 - 3 ? null : false;
  const open = Number(span[1]) * 60 + Number(span[2]);
  const close = Number(span[3]) * 60 + Number(span[4]);
  for (const edge of [open, close, 0, 24 * 60]) if (Math.abs(minute - edge) <= 2) return null;
  return minute >= open && minute < close;
}

const pages = contentPages();
let server;

before(async () => { server = await startCairn(); });
after(async () => { await server?.stop(); });

describe('information pages', () => {
  test('content/pages has the pages these tests expect', () => {
    const paths = pages.map((p) => p.path);
    assert.ok(paths.includes('/'), paths.join(' '));
    assert.ok(paths.includes('/about-cancer/leptomeningeal-metastases/treatment'), paths.join(' '));
    for (const p of pages) assert.ok(p.title, `${p.file} has no title`);
  });

  for (const page of pages) {
    test(`${page.path} is 200 with its own <title> and <h1>`, async () => {
      const r = await get(server.base, page.path);
      assert.equal(r.status, 200, r.text.slice(0, 300));
      assert.match(r.headers['content-type'], /^text\/html; charset=utf-8$/i);
      const expectedTitle = page.path === '/' || page.title === siteName
        ? siteName : `${page.title} - ${siteName}`;
      assert.equal(titleOf(r.text), expectedTitle);
      assert.deepEqual(h1sOf(r.text), [page.title], 'one <h1>, the page title');
      assert.match(r.text, /^<!DOCTYPE html>/i);
      assert.match(r.text, /<html lang="en-GB">/);
      // The summary is the page's description for search engines and link previews.
      const description = /<meta name="description" content="([^"]*)">/.exec(r.text)?.[1];
      assert.equal(decodeEntities(description ?? ''), page.summary);
      assertSecurityHeaders(assert, r.headers, page.path);
    });
  }

  test('the home page title is the site name', async () => {
    const r = await get(server.base, '/');
    assert.ok(titleOf(r.text).includes(siteName), titleOf(r.text));
    assert.ok(siteName.length > 0);
  });

  test('each page shows when it was last reviewed and when the next review is due', async () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
      'September', 'October', 'November', 'December'];
    const long = (iso) => { const [y, m, d] = iso.split('-').map(Number); return `${d} ${months[m - 1]} ${y}`; };
    for (const page of pages.filter((p) => p.last_reviewed)) {
      const text = textOf((await get(server.base, page.path)).text);
      assert.ok(text.includes(long(page.last_reviewed)), `${page.path}: no ${long(page.last_reviewed)}`);
      assert.ok(text.includes(long(page.next_review)), `${page.path}: no ${long(page.next_review)}`);
    }
  });

  test('the helpline signpost says whether the nurses are open now, correctly', async () => {
    for (const page of pages) {
      const html = (await get(server.base, page.path)).text;
      const card = /<div class="[^"]*cairn-helpline-signpost[^"]*">([\s\S]*?)<\/div><\/div>/.exec(html);
      assert.ok(card, `${page.path}: no helpline signpost`);
      assert.ok(!card[1].includes('<!--cairn:helpline-status-->'), `${page.path}: status slot left empty`);
      const status = /class="cairn-helpline-status[^"]*"><strong>([^<]*)<\/strong>/.exec(card[1]);
      assert.ok(status, `${page.path}: no status line in ${card[1]}`);
      assert.match(status[1], /^(Open now|Closed now)\b/);
      const open = helplineOpenNow();
      if (open !== null) {
        assert.equal(status[1].startsWith('Open now'), open,
                     `${page.path} says "${status[1]}" at ${new Date().toISOString()}`);
      }
    }
  });
});

describe('not found', () => {
  test('an unknown address is a 404 page that helps: search form and a link home', async () => {
    const r = await get(server.base, '/about-cancer/no-such-page');
    assert.equal(r.status, 404);
    assert.match(r.headers['content-type'], /^text\/html/);
    assert.match(titleOf(r.text), /not found/i);
    const forms = [...r.text.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)];
    const search = forms.find((f) => /action="\/search"/.test(f[0]) && /method="get"/i.test(f[0]));
    assert.ok(search, 'no GET form to /search');
    assert.match(search[1], /<input[^>]*name="q"/);
    assert.match(r.text, /<a href="\/">/);
    assertSecurityHeaders(assert, r.headers, '404 page');
  });

  test('the 404 page is the same for HEAD, with no body', async () => {
    const r = await get(server.base, '/no-such-page', { method: 'HEAD' });
    assert.equal(r.status, 404);
    assert.equal(r.body.length, 0);
    assert.ok(Number(r.headers['content-length']) > 0);
  });

  test('the address asked for is not written into the 404 page as markup', async () => {
    const r = await get(server.base, '/%3Cscript%3Ealert(1)%3C/script%3E');
    assert.equal(r.status, 404);
    assert.ok(!r.text.includes('<script>alert(1)'), 'unescaped path in the page');
  });
});

describe('trailing slash', () => {
  test('a page address with a trailing slash redirects (301) to the one without', async () => {
    const r = await get(server.base, '/about-cancer/leptomeningeal-metastases/');
    assert.equal(r.status, 301);
    assert.equal(r.headers.location, '/about-cancer/leptomeningeal-metastases');
    const followed = await get(server.base, r.headers.location);
    assert.equal(followed.status, 200);
    assertSecurityHeaders(assert, r.headers, '301');
  });

  test('several trailing slashes go in one hop', async () => {
    const r = await get(server.base, '/about-cancer/cancer-types///');
    assert.equal(r.status, 301);
    assert.equal(r.headers.location, '/about-cancer/cancer-types');
  });

  for (const target of ['//evil.example/', '/\\evil.example/', '/%5Cevil.example/', '/%2F%2Fevil.example/', '///evil.example//']) {
    test(`the redirect stays on this site: ${target}`, async () => {
      const r = await get(server.base, target);
      assert.equal(r.status, 301);
      const location = r.headers.location;
      // A browser reads "//x" and "/\x" as another host.
      assert.match(location, /^\/(?![\/\\])/, `Location ${JSON.stringify(location)} leaves the site`);
      assert.equal(new URL(location, 'https://cairn.example/').host, 'cairn.example');
    });
  }

  test('a redirect cannot be used to add headers (no CR/LF from the address)', async () => {
    const c = await RawConnection.open(server.port);
    await c.write(rawRequest('GET', '/x%0D%0ASet-Cookie:%20evil=1%0D%0AX-Evil:%20y/'));
    const r = await c.readResponse();
    c.destroy();
    assert.equal(r.status, 301);
    assert.ok(!/\r\n(set-cookie|x-evil):/i.test(r.head), r.head);
    assert.ok(!/[\r\n\0]/.test(r.headers.location));
    // The address keeps its encoding, so it still names the same (unknown) page.
    assert.equal(r.headers.location, '/x%0D%0ASet-Cookie:%20evil=1%0D%0AX-Evil:%20y');
  });
});

describe('JSON API', () => {
  test('/api/v1/pages lists every page with its title and summary', async () => {
    const r = await get(server.base, '/api/v1/pages');
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'], /^application\/json/);
    assertSecurityHeaders(assert, r.headers, 'API index');
    const { pages: listed } = JSON.parse(r.text);
    assert.deepEqual(listed.map((p) => p.path).sort(), pages.map((p) => p.path).sort());
    for (const entry of listed) {
      const page = pages.find((p) => p.path === entry.path);
      assert.equal(entry.title, page.title);
      assert.equal(entry.summary, page.summary);
      const one = await get(server.base, entry.url);
      assert.equal(one.status, 200, `${entry.url}: ${one.text.slice(0, 200)}`);
      assert.equal(JSON.parse(one.text).path, entry.path);
    }
  });

  test('/api/v1/pages/about-cancer/leptomeningeal-metastases/treatment has the page in JSON', async () => {
    const page = pages.find((p) => p.path === '/about-cancer/leptomeningeal-metastases/treatment');
    const r = await get(server.base, '/api/v1/pages/about-cancer/leptomeningeal-metastases/treatment');
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'], /^application\/json; charset=utf-8$/i);
    const json = JSON.parse(r.text);
    assert.equal(json.title, page.title);
    assert.equal(json.summary, page.summary);
    assert.equal(json.last_reviewed, page.last_reviewed);
    assert.equal(json.next_review, page.next_review);
    assert.deepEqual(json.sources, page.sources);

    assert.ok(Array.isArray(json.sections) && json.sections.length > 0);
    const headings = [...page.text.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
    assert.deepEqual(json.sections.map((s) => s.heading), headings, 'one section per ## heading');
    const ids = new Set();
    for (const s of json.sections) {
      for (const key of ['id', 'heading', 'html', 'text']) assert.equal(typeof s[key], 'string', key);
      assert.match(s.id, /^[a-z0-9-]+$/);
      assert.ok(!ids.has(s.id), `repeated section id ${s.id}`);
      ids.add(s.id);
      assert.ok(s.text.length > 0 && !/<[a-z]/i.test(s.text), `section ${s.id} text has markup`);
      assert.match(s.html, /<[a-z]/i);
    }
  });

  test('an unknown API page is a JSON 404 with {error: {status, message}}', async () => {
    const r = await get(server.base, '/api/v1/pages/about-cancer/no-such-page');
    assert.equal(r.status, 404);
    assert.match(r.headers['content-type'], /^application\/json/);
    const json = JSON.parse(r.text);
    assert.equal(json.error.status, 404);
    assert.equal(typeof json.error.message, 'string');
    assert.ok(json.error.message.length > 0);
    assertSecurityHeaders(assert, r.headers, 'API 404');
  });

  test('an unknown API address is a JSON 404 too, not an HTML page', async () => {
    const r = await get(server.base, '/api/v1/no-such-thing');
    assert.equal(r.status, 404);
    assert.match(r.headers['content-type'], /^application\/json/);
    assert.equal(JSON.parse(r.text).error.status, 404);
  });

  test('a wrong method on the API is a JSON 405 whose status says 405', async () => {
    const r = await get(server.base, '/api/v1/pages', { method: 'POST', body: '{}' });
    assert.equal(r.status, 405);
    assert.match(r.headers.allow, /\bGET\b/);
    assert.match(r.headers['content-type'], /^application\/json/);
    assert.equal(JSON.parse(r.text).error.status, 405);
  });
});
