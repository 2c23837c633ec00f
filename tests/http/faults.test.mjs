// PostgreSQL restarting under load: a node on a PostgreSQL of this test's own
// takes a stream of forum posts while the database is stopped and started
// again. Every post the node acknowledged (303) is there afterwards; every one
// it could not save got a 503 saying so plainly, never a 500; and the node
// serves and saves again without being restarted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCluster } from '../postgres/throwaway_postgres.mjs';
import { join } from 'node:path';
import { root, startCairn } from './cairn_server.mjs';
import { WebVisitor, runCairn } from './web_visitor.mjs';

const PASSWORD = 'kettle orbit sunrise';
let unique = 0;
const nonce = () => `ft${process.pid}x${++unique}`;

let cluster;
let server;

before(async () => {
  cluster = await startCluster();
  server = await startCairn({ args: ['--db', cluster.createDatabase(), '--trust-proxy', 'on', '--forum-slow-mode', '0'] });
});

after(async () => {
  await server?.stop();
  cluster?.stop();
});

// Moderators post: their posts are public at once and not rate-limited, so
// every acknowledged one can be looked for by an anonymous reader.
async function member() {
  const address = `${nonce()}@example.org`;
  const r = await runCairn(['user', 'add', address, '--role', 'moderator', '--name', `Poster ${nonce()}`,
    ...server.storeArgs, '--content', join(root, 'content')], `${PASSWORD}\n`);
  assert.equal(r.code, 0, r.out);
  const v = new WebVisitor(server, '198.18');
  assert.equal((await v.signIn(address, PASSWORD)).status, 303);
  return v;
}

describe('PostgreSQL restarting while people post', () => {
  test('nothing acknowledged is lost, failures are 503 with a clear message, and the node recovers', async () => {
    const posters = [await member(), await member(), await member()];
    // Tokens fetched while the database is up: a stopped database must not
    // stand between a reader and the form they already have.
    const tokens = await Promise.all(posters.map((p) => p.token('/forum/general-chat/new')));
    const acknowledged = [];
    const failed = [];
    const other = [];
    let stop = false;
    const stream = posters.map(async (p, i) => {
      for (let n = 0; !stop && n < 25; n++) {
        const body = `Post ${n} from poster ${i} ${nonce()}`;
        let r;
        try {
          r = await p.request('/forum/general-chat/new', { method: 'POST', form: { csrf_token: tokens[i], title: `Stream ${nonce()}`, body } });
        } catch (e) {
          other.push(`network: ${e.message}`);
          continue;
        }
        if (r.status === 303) acknowledged.push({ body, thread: /^\/forum\/t\/(\d+)/.exec(r.location)[1] });
        else if (r.status === 503) failed.push(r);
        else other.push(`${r.status}: ${r.text.slice(0, 200)}`);
        await new Promise((ok) => setTimeout(ok, 40));
      }
    });
    await new Promise((ok) => setTimeout(ok, 600));
    cluster.stopServer();
    await new Promise((ok) => setTimeout(ok, 1500));
    cluster.startServer();
    await Promise.all(stream);
    stop = true;

    assert.deepEqual(other, [], 'every answer was a 303 or a 503');
    assert.ok(failed.length > 0, 'some posts came while the database was down');
    assert.ok(acknowledged.length > 10, `posts were saved before and after (${acknowledged.length})`);
    for (const f of failed) {
      assert.match(f.text, /We could not save this just now/);
      assert.match(f.text, /Nothing was saved/);
      assert.equal(f.headers.get('retry-after'), '30');
    }
    // The node recovered on its own: it saves again, and every acknowledged post is there.
    const later = await posters[0].submit('/forum/general-chat/new', '/forum/general-chat/new', { title: `After ${nonce()}`, body: 'The database is back.' });
    assert.equal(later.status, 303, later.text.slice(0, 300));
    const reader = new WebVisitor(server, '198.19');
    for (const { body, thread } of acknowledged) {
      const page = await reader.get(`/forum/t/${thread}`);
      assert.equal(page.status, 200, `thread ${thread}`);
      assert.ok(page.text.includes(body), `acknowledged post "${body}" is there`);
    }
    console.log(`${acknowledged.length} posts acknowledged and all found; ${failed.length} refused with 503 while PostgreSQL restarted`);
  });
});
