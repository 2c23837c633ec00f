// A small stand-in for ClinicalTrials.gov API v2 (GET /api/v2/studies) for the
// sync tests: it serves the study records of the given JSON files (API pages or
// exports) as pages of `pageSize` studies chained by nextPageToken, applies the
// filters the sync sends (filter.overallStatus, query.locn as a country or town,
// filter.advanced=AREA[LastUpdatePostDate]RANGE[day,MAX]) and records every
// request. It can be told to spoil requests (a 500, a 429 with Retry-After, a page
// cut short, a page of HTML, a dropped connection), in code with fail() or over
// HTTP with POST /_control/fail?kind=500&page=2&times=1.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const idOf = (study) => study.protocolSection.identificationModule.nctId;
const statusModule = (study) => study.protocolSection.statusModule;

export function studiesInFile(path) {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  return Array.isArray(json) ? json : (json.studies ?? [json]);
}

// "United Kingdom" or "Leeds": a site in that country, state or town.
function hasSiteIn(study, place) {
  const wanted = place.toLowerCase();
  return (study.protocolSection.contactsLocationsModule?.locations ?? []).some((l) =>
    [l.country, l.state, l.city].some((v) => (v ?? '').toLowerCase() === wanted));
}

// AREA[LastUpdatePostDate]RANGE[2026-07-01,MAX] -> '2026-07-01'; anything else is refused.
function updatedSince(advanced) {
  const m = /^AREA\[LastUpdatePostDate\]RANGE\[(\d{4}-\d{2}-\d{2}),MAX\]$/.exec(advanced);
  return m ? m[1] : null;
}

const token = (offset) => Buffer.from(`offset:${offset}`).toString('base64url');
function offsetOf(pageToken) {
  const m = /^offset:(\d+)$/.exec(Buffer.from(pageToken, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

export async function startFakeRegistry({ files = [], pageSize = 1000 } = {}) {
  const studies = new Map();  // nct id -> study; a repeated id is the same trial
  for (const file of files) for (const s of studiesInFile(file)) studies.set(idOf(s), s);
  const requests = [];
  const faults = [];  // {kind, page (1-based) or null for any, times, retryAfter}

  const matching = (params) => {
    const statuses = params.get('filter.overallStatus')?.split(/[|,]/);
    const place = params.get('query.locn');
    const since = params.has('filter.advanced') ? updatedSince(params.get('filter.advanced')) : null;
    return [...studies.values()]
      .filter((s) => !statuses || statuses.includes(statusModule(s).overallStatus))
      .filter((s) => !place || hasSiteIn(s, place))
      .filter((s) => !since || (statusModule(s).lastUpdatePostDateStruct?.date ?? '') >= since)
      .sort((a, b) => idOf(a).localeCompare(idOf(b)));
  };

  const takeFault = (page) => {
    const i = faults.findIndex((f) => f.page === null || f.page === page);
    if (i < 0) return null;
    const fault = faults[i];
    if (--fault.times <= 0) faults.splice(i, 1);
    return fault;
  };

  const answer = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://fake');
    if (req.method === 'POST' && url.pathname === '/_control/fail') {
      const p = url.searchParams;
      api.fail(p.get('kind'), { page: p.has('page') ? Number(p.get('page')) : null,
        times: Number(p.get('times') ?? 1), retryAfter: p.get('retryAfter') ?? '0' });
      answer(res, 204, '');
      return;
    }
    if (req.method !== 'GET' || url.pathname !== '/api/v2/studies') {
      answer(res, 404, JSON.stringify({ message: 'not found' }));
      return;
    }
    const params = url.searchParams;
    const size = Math.min(Number(params.get('pageSize') ?? 10), 1000, pageSize);
    const offset = params.has('pageToken') ? offsetOf(params.get('pageToken')) : 0;
    const page = offset === null ? null : Math.floor(offset / size) + 1;
    requests.push({ url: req.url, params: Object.fromEntries(params), page, at: Date.now() });
    if (params.get('format') !== 'json' || offset === null || !(size > 0)
        || (params.has('filter.advanced') && !updatedSince(params.get('filter.advanced')))) {
      answer(res, 400, JSON.stringify({ message: 'bad request' }));
      return;
    }
    const all = matching(params);
    const body = { studies: all.slice(offset, offset + size) };
    if (offset + size < all.length) body.nextPageToken = token(offset + size);
    if (offset === 0 && params.get('countTotal') === 'true') body.totalCount = all.length;
    const text = JSON.stringify(body);
    const fault = takeFault(page);
    switch (fault?.kind) {
      case undefined: answer(res, 200, text); return;
      case '500': answer(res, 500, JSON.stringify({ message: 'internal error' })); return;
      case '429': answer(res, 429, 'slow down', { 'retry-after': fault.retryAfter }); return;
      case 'truncated': answer(res, 200, text.slice(0, Math.floor(text.length / 2))); return;
      case 'not-json':
        answer(res, 200, '<html><body>Down for maintenance</body></html>',
          { 'content-type': 'text/html' });
        return;
      case 'drop': req.socket.destroy(); return;
      default: throw new Error(`unknown fault ${fault.kind}`);
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));

  const api = {
    base: `http://127.0.0.1:${server.address().port}`,
    requests,
    studies,
    // Spoils the next `times` requests for `page` (1-based), or for any page.
    fail(kind, { page = null, times = 1, retryAfter = '0' } = {}) {
      faults.push({ kind, page, times, retryAfter });
    },
    pendingFaults: () => faults.length,
    // The studies a request with these parameters would page through.
    matching: (params) => matching(new URLSearchParams(params)),
    // Changes one study in place, e.g. to close it: edit(study) gets the record.
    update(id, edit) {
      const s = studies.get(id);
      if (!s) throw new Error(`the fake registry has no ${id}`);
      edit(s);
    },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
  return api;
}
