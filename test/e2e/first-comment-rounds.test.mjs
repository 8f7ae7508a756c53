// Pins how many sequential request rounds stand between a page and its first comment on screen,
// on the Firebase path (Firestore answered by a mock of its REST API, from the same thread of 100
// comments that `npm run bench` uses) and on backend="local" (the thread in localStorage).
//
// A round, without any clock: every request the page makes (scripts, Firestore reads) is held. The
// page is left to run until it has nothing left to do with what it already has: every answer
// released so far received (each script loaded, each Firestore answer's body read by the page),
// then two idle callbacks in the page, which come only when no task is queued. Then everything
// held is one round, answered together. So a request lands in round n + 1 only when the page could
// not make it before some answer of round n; a slow or busy machine runs the same steps more
// slowly and counts the same rounds. (The HTML page itself is not counted. Chromium's debugger
// reports a module only once its whole graph is there, so "compiled" cannot be waited for.)
//
// What makes the count go up: a chunk of the first render that the entry does not preload
// (build/preload-chains.mjs), so the browser finds it only when its importer has run; a Firestore
// read started only after another one's answer (the view's reads are one after the other: the
// thread document, then the first 20 top-level comments, then the replies under them, so that an
// empty thread costs one read). What brings it down, as issue 17 asks: reads started together, or
// together with the chunks.
//
// Rounds are not all a page waits for: a cross-origin request that is not CORS-"simple" (a custom
// header, a JSON content type) waits for a preflight first, and the Firebase SDK is some 40 KB
// gzip to fetch and run. So the Firebase test also checks that no Firestore read before the first
// comment needs a preflight, and that no chunk of the SDK is fetched before it (the store reads
// over the REST API: src/store/firestore/firestore-rest.ts).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {launchChromium} from './chromium.mjs';
import {serveStatic} from './static-server.mjs';
import {MARKER, PAGE_TITLE, localStorageValue, thread, widgetDocs} from '../../bench/thread.mjs';
import {ROOT, firestoreAnswer} from '../../bench/firestore-mock.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const FIRESTORE = 'firestore.test:8080'; // never reached: every request to it is answered by the route
const THREAD = 'rounds-thread';

const page = (attributes) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${PAGE_TITLE}</title>
<script type="module" src="/leave-a-reply.js"></script></head>
<body><leave-a-reply page-id="${THREAD}" ${attributes}></leave-a-reply></body></html>`;

const PAGES = {
  '/firebase/': page(`api-key="demo-key" project-id="demo-lar" firestore-emulator="${FIRESTORE}"`),
  '/local/': page('backend="local"'),
};

// Before the page's own scripts: count the Firestore answers the page has read (an answer's body
// is read in a task of its own, after the response arrives), and put the thread into localStorage
// for the local backend.
const INIT = `(() => {
  window.__larBodiesRead = 0;
  for (const method of ['json', 'text', 'arrayBuffer']) {
    const read = Response.prototype[method];
    Response.prototype[method] = function () {
      const result = read.call(this);
      const count = () => this.url.includes('//${FIRESTORE}/') && window.__larBodiesRead++;
      result.then(count, count);
      return result;
    };
  }
  localStorage.setItem('leave-a-reply:thread:${THREAD}', ${JSON.stringify(localStorageValue())});
})()`;

// --- a Firestore REST API that answers from the thread's documents ---

const threadOf = (size) => thread(size);

function storedDocuments(size) {
  const {thread, comments} = widgetDocs(size === undefined ? undefined : threadOf(size));
  const docs = new Map([[`${ROOT}/threads/${THREAD}`, thread]]);
  for (const [id, data] of comments) docs.set(`${ROOT}/threads/${THREAD}/comments/${id}`, data);
  return docs;
}

// --- counting rounds ---

let browser;
let server;
before(async () => {
  assert.ok(existsSync(`${dist}leave-a-reply.js`), 'run `npm run build` first');
  browser = await launchChromium();
  server = await serveStatic(dist, PAGES);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The rounds before the first comment is on screen: for each, the paths of the requests answered. */
async function roundsToFirstComment(path, signal, size) {
  const docs = storedDocuments(size);
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.addInitScript(INIT);
  const loaded = new Set();
  tab.on('requestfinished', (request) => loaded.add(request));
  tab.on('requestfailed', (request) => loaded.add(request));

  const held = [];
  const preflighted = [];
  tab.on('request', (request) => {
    if (new URL(request.url()).host !== FIRESTORE) return;
    const headers = request.headers();
    const custom = Object.keys(headers).filter((name) => !SIMPLE_HEADERS.has(name) && !name.startsWith('sec-'));
    const type = headers['content-type'];
    if (custom.length || request.method() !== 'POST' || (type && !/^text\/plain\b/.test(type)))
      preflighted.push(`${request.method()} ${label(request)}: ${custom.join(', ')} ${type ?? ''}`);
  });
  await tab.route(
    (url) => url.pathname !== new URL(path, server.url).pathname && url.pathname !== '/favicon.ico',
    (route) => held.push(route),
  );
  // How often to look, not how long to wait; the test's own time-out ends a page that hangs.
  const look = () => {
    signal.throwIfAborted();
    return tab.waitForTimeout(50);
  };
  const shown = () =>
    tab.evaluate((marker) => {
      const root = document
        .querySelector('leave-a-reply')
        ?.shadowRoot?.querySelector('lar-comment-section')?.shadowRoot;
      return [...(root?.querySelectorAll('[part=comment]') ?? [])].some((c) => c.textContent.includes(marker));
    }, MARKER);
  // Nothing left to do with what the page has: every released answer used, then no task queued.
  const continued = [];
  let bodiesReleased = 0;
  const settled = async () => {
    for (;;) {
      const bodiesRead = await tab.evaluate(() => window.__larBodiesRead);
      if (bodiesRead >= bodiesReleased && continued.every((request) => loaded.has(request))) break;
      await look();
    }
    await tab.evaluate(async () => {
      const idle = () => new Promise((resolve) => requestIdleCallback(resolve));
      await idle();
      await new Promise((resolve) => setTimeout(resolve));
      await idle();
    });
  };

  await tab.goto(`${server.url}${path}`, {waitUntil: 'commit'});
  const rounds = [];
  try {
    for (;;) {
      await settled();
      if (await shown()) break;
      // Nothing asked for yet, and nothing shown: wait for a request (a clock would miscount).
      if (!held.length) {
        await look();
        continue;
      }
      assert.ok(rounds.length < 20, `no first comment after 20 rounds: ${JSON.stringify(rounds)}`);
      const round = held.splice(0);
      rounds.push(round.map((route) => label(route.request())));
      for (const route of round) {
        const request = route.request();
        if (new URL(request.url()).host === FIRESTORE) {
          bodiesReleased++;
          await route.fulfill({
            contentType: 'application/json',
            headers: {'access-control-allow-origin': '*'},
            body: JSON.stringify(firestoreAnswer(docs, request.url(), request.postDataJSON())),
          });
        } else {
          continued.push(request);
          await route.continue();
        }
      }
    }
  } finally {
    await context.close();
  }
  return Object.assign(rounds, {preflighted});
}

// What a browser sends or allows on a CORS request without a preflight (the Fetch standard's
// CORS-safelisted request headers, and those the browser sets itself).
const SIMPLE_HEADERS = new Set([
  'accept',
  'accept-language',
  'content-language',
  'content-type',
  'user-agent',
  'referer',
  'origin',
]);

/** A request as a round lists it: a chunk's name without its hash, or the Firestore read. */
function label(request) {
  const url = new URL(request.url());
  if (url.host !== FIRESTORE) return url.pathname.slice(1).replace(/-[\w-]{8}\.js$/, '.js');
  const body = request.postDataJSON();
  if (body.documents) return `get ${body.documents.map((d) => d.slice(ROOT.length + 1)).join(', ')}`;
  const where = (f) => f.compositeFilter?.filters.flatMap(where) ?? [(f.unaryFilter ?? f.fieldFilter).field.fieldPath];
  const {from, where: filter} = body.structuredQuery;
  return `query ${from[0].collectionId} by ${filter ? where(filter).join(', ') : 'nothing'}`;
}

// Minutes, for a busy machine: a page that never shows its comments fails here instead of hanging.
const LIMIT = {timeout: 300_000};

describe('request rounds before the first comment is on screen', () => {
  test('Firebase: the entry, the chunks, then three reads one after the other', LIMIT, async (t) => {
    const rounds = await roundsToFirstComment('/firebase/', t.signal);
    const listed = JSON.stringify(rounds, null, 1);
    assert.deepEqual(rounds[0], ['leave-a-reply.js'], listed);
    assert.ok(rounds[1].includes('chunks/firebase-backend.js'), listed);
    // The thread document; the first 20 top-level comments; the replies under them (15 a query).
    assert.equal(rounds.length, 5, `rounds: ${listed}`);
    assert.deepEqual(rounds.preflighted, [], 'Firestore reads that would wait for a CORS preflight');
    const sdk = rounds.flat().filter((file) => /chunks\/(index\.esm|firebase-sdk)/.test(file));
    assert.deepEqual(sdk, [], `Firebase SDK chunks before the first comment: ${listed}`);
  });

  test('Firebase, a thread that fits one page: the thread document, then one query for it all', LIMIT, async (t) => {
    // 12 comments, every fourth a reply: fewer than a page of 20, so no separate replies query.
    const rounds = await roundsToFirstComment('/firebase/', t.signal, 12);
    const listed = JSON.stringify(rounds, null, 1);
    assert.equal(rounds.length, 4, `rounds: ${listed}`);
    assert.deepEqual(rounds.at(-1), ['query comments by status'], listed);
  });

  test('local: the entry, then every chunk at once', LIMIT, async (t) => {
    const rounds = await roundsToFirstComment('/local/', t.signal);
    const listed = JSON.stringify(rounds, null, 1);
    assert.deepEqual(rounds[0], ['leave-a-reply.js'], listed);
    assert.equal(rounds.length, 2, `rounds: ${listed}`);
  });
});
