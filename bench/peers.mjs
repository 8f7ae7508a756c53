// The side-by-side of issue 17: this widget against Waline and Artalk, their published npm clients,
// on the same page with the same thread of 100 comments (bench/thread.mjs), in Chromium with the
// same latency added to every request. Waline's and Artalk's servers are a mock here that answers
// their APIs at once in the shape their clients read; this widget's Firebase path reads a real
// Firestore emulator, which answers slower than that, and, for the same conditions as the peers,
// a mock of Firestore's REST API on the same server as theirs; the local backend needs no server.
import {createServer, request as httpRequest} from 'node:http';
import {readFileSync} from 'node:fs';
import {extname, join, normalize} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import {
  MARKER,
  PAGE_TITLE,
  artalkAnswer,
  firestoreFields,
  localStorageValue,
  thread,
  walineAnswer,
  widgetDocs,
} from './thread.mjs';
import {ROOT, firestoreAnswer} from './firestore-mock.mjs';

export const LATENCY_MS = 40;
const THREAD_ID = 'bench-peers';
const PAGE_KEY = '/her-review/';
const SITE = 'Film Blog';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const version = (name) => JSON.parse(readFileSync(here(`../node_modules/${name}/package.json`), 'utf8')).version;
export const PEER_VERSIONS = {waline: version('@waline/client'), artalk: version('artalk')};

// What the page's own origin serves: the widget's dist/ and each peer's published dist/.
const ROOTS = {
  '/waline/': here('../node_modules/@waline/client/dist/'),
  '/artalk/': here('../node_modules/artalk/dist/'),
  '/': here('../dist/'),
};
const TYPES = {'.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml'};

function fileOf(pathname) {
  const prefix = Object.keys(ROOTS).find((p) => pathname.startsWith(p));
  const file = normalize(join(ROOTS[prefix], pathname.slice(prefix.length)));
  return file.startsWith(ROOTS[prefix]) ? file : undefined;
}

const gzipped = new Map();
function gzipSize(pathname) {
  if (!gzipped.has(pathname)) gzipped.set(pathname, gzipSync(readFileSync(fileOf(pathname)), {level: 9}).length);
  return gzipped.get(pathname);
}

// --- the page, the same for all ---

function page(head, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${PAGE_TITLE}</title>
<link rel="canonical" href="https://blog.example${PAGE_KEY}">
${head}</head><body>
<article style="max-width: 40rem; margin: 2rem auto; font: 16px/1.5 system-ui">
<h1>${PAGE_TITLE}</h1><p>A short review: the comments start right below, in view when the page opens.</p>
</article>
<section style="max-width: 40rem; margin: 0 auto">${body}</section>
</body></html>`;
}

/** The contenders: each one's page for the API's address, and how it is configured. */
function contenders({api, emulator}) {
  const firebase = (firestore) =>
    page(
      '<script type="module" src="/leave-a-reply.js"></script>',
      `<leave-a-reply page-id="${THREAD_ID}" page-title="${PAGE_TITLE}" api-key="demo-key" project-id="demo-lar" firestore-emulator="${firestore}" auth-emulator="http://127.0.0.1:9"></leave-a-reply>`,
    );
  return {
    firebase: firebase(emulator),
    'firebase-mock': firebase(api.slice('http://'.length)),
    local: page(
      '<script type="module" src="/leave-a-reply.js"></script>',
      `<leave-a-reply backend="local" page-id="${THREAD_ID}" page-title="${PAGE_TITLE}"></leave-a-reply>`,
    ),
    // As Waline's guide embeds it (its stylesheet, then the ES module's init()); 20 root comments a
    // page as the others show, and no emoji tabs, which its default loads from a CDN.
    waline: page(
      '<link rel="stylesheet" href="/waline/waline.css">',
      `<div id="waline"></div>
<script type="module">
import {init} from '/waline/waline.js';
init({el: '#waline', serverURL: '${api}/waline', path: '${PAGE_KEY}', lang: 'en', pageSize: 20, emoji: false, search: false});
</script>`,
    ),
    // As Artalk's guide embeds it (stylesheet and script in the head, then Artalk.init()); no
    // emoticons and Gravatar from the mock, which its defaults load from CDNs.
    artalk: page(
      '<link rel="stylesheet" href="/artalk/Artalk.css">\n<script src="/artalk/Artalk.js"></script>',
      `<div id="artalk"></div>
<script>
Artalk.init({el: '#artalk', pageKey: '${PAGE_KEY}', pageTitle: '${PAGE_TITLE}', server: '${api}/artalk', site: '${SITE}', locale: 'en', emoticons: false, gravatar: {mirror: '${api}/avatar/', params: 'd=mp'}});
</script>`,
    ),
  };
}

// --- servers ---

// The added latency: every server here waits LATENCY_MS before it answers (CORS preflights too;
// Chromium's own network emulation does not delay those).
const later = () => new Promise((resolve) => setTimeout(resolve, LATENCY_MS));

async function listen(handler) {
  const server = createServer((req, res) => later().then(() => handler(req, res)));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function staticServer(pages) {
  return listen((req, res) => {
    const {pathname} = new URL(req.url, 'http://x');
    if (pages[pathname]) return res.writeHead(200, {'content-type': 'text/html'}).end(pages[pathname]);
    const file = fileOf(decodeURIComponent(pathname));
    try {
      const body = readFileSync(file);
      res.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'}).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}

const AVATAR =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#ccc"/></svg>';

/** The thread's Firestore documents by name, for the REST mock (bench/firestore-mock.mjs). */
function firestoreDocs() {
  const {thread: threadDoc, comments} = widgetDocs();
  const docs = new Map([[`${ROOT}/threads/${THREAD_ID}`, threadDoc]]);
  for (const [id, data] of comments) docs.set(`${ROOT}/threads/${THREAD_ID}/comments/${id}`, data);
  return docs;
}

/** Waline's and Artalk's servers, as far as their clients ask before showing a thread; and Firestore's REST API. */
function peerApi(unknown) {
  const docs = firestoreDocs();
  return listen(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-credentials': 'true',
    };
    if (req.method === 'OPTIONS') {
      return res
        .writeHead(204, {
          ...cors,
          'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
        })
        .end();
    }
    const self = `http://${req.headers.host}`;
    const json = (data) => res.writeHead(200, {...cors, 'content-type': 'application/json'}).end(JSON.stringify(data));
    const q = Object.fromEntries(url.searchParams);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /waline/api/comment' && !q.type) {
      return json(walineAnswer(self, {page: +q.page, pageSize: +q.pageSize, sortBy: q.sortBy}));
    }
    if (route === 'GET /artalk/api/v2/conf') {
      return json({
        frontend_conf: {pagination: {pageSize: 20, readMore: true, autoLoad: true}},
        version: {app: 'artalk', version: PEER_VERSIONS.artalk, commit_hash: ''},
      });
    }
    if (route === 'GET /artalk/api/v2/comments') {
      return json(artalkAnswer({limit: +q.limit, offset: +q.offset, pageKey: q.page_key, site: q.site_name}));
    }
    if (route === 'POST /artalk/api/v2/pages/pv') return json({pv: 1});
    if (req.method === 'POST' && url.pathname.startsWith('/v1/')) {
      let body = '';
      for await (const chunk of req) body += chunk;
      return json(firestoreAnswer(docs, `${self}${req.url}`, JSON.parse(body)));
    }
    if (url.pathname.startsWith('/avatar/')) {
      return res.writeHead(200, {...cors, 'content-type': 'image/svg+xml'}).end(AVATAR);
    }
    unknown.add(route);
    res.writeHead(404, {...cors, 'content-type': 'application/json'}).end('{}');
  });
}
/**
 * The emulator behind the same delay: each request waits, then goes through as it came. Notes how
 * long the emulator takes to answer each read (from the request sent on to the answer's end).
 */
function delayedProxy(emulator, answerTimes) {
  return listen((req, res) => {
    const sent = performance.now();
    const forward = httpRequest(
      {
        host: emulator.split(':')[0],
        port: emulator.split(':')[1],
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
        if (req.method === 'POST') answer.on('end', () => answerTimes.push(performance.now() - sent));
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
}

/** Writes the thread into the emulator as its owner, in one commit. */
async function seedFirestore(emulator) {
  const root = 'projects/demo-lar/databases/(default)/documents';
  const {thread: threadDoc, comments} = widgetDocs();
  const writes = [
    {update: {name: `${root}/threads/${THREAD_ID}`, fields: firestoreFields(threadDoc)}},
    ...comments.map(([id, data]) => ({
      update: {name: `${root}/threads/${THREAD_ID}/comments/${id}`, fields: firestoreFields(data)},
    })),
  ];
  const response = await fetch(`http://${emulator}/v1/${root}:commit`, {
    method: 'POST',
    headers: {authorization: 'Bearer owner', 'content-type': 'application/json'},
    body: JSON.stringify({writes}),
  });
  if (!response.ok) throw new Error(`seeding the emulator: ${response.status} ${await response.text()}`);
}

// --- one page load ---

// Before the page's scripts: the time the first comment's text enters the page (document or any
// shadow root), seen by mutation observers in the task that inserts it.
const WATCH = `(() => {
  const seen = (node) => node.textContent?.includes(${JSON.stringify(MARKER)});
  const observer = new MutationObserver((records) => {
    if (window.__firstComment !== undefined) return;
    if (records.some((r) => (r.type === 'characterData' ? seen(r.target) : [...r.addedNodes].some(seen)))) {
      window.__firstComment = performance.now();
      observer.disconnect();
    }
  });
  const watch = (root) => observer.observe(root, {childList: true, subtree: true, characterData: true});
  watch(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    watch(root);
    return root;
  };
})()`;

async function loadOnce(browser, site, kind) {
  const context = await browser.newContext({viewport: {width: 1000, height: 700}});
  try {
    const tab = await context.newPage();
    await tab.addInitScript(WATCH);
    if (kind === 'local')
      await tab.addInitScript(
        `localStorage.setItem('leave-a-reply:thread:${THREAD_ID}', ${JSON.stringify(localStorageValue())})`,
      );
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', ({requestId, request, type, timestamp, initiator}) =>
      requests.set(requestId, {url: request.url, type, timestamp, preflight: initiator.type === 'preflight'}),
    );
    // A request counts once its answer is in: those still on their way (avatars the first comment
    // asks for as it is inserted) cannot have been needed for it.
    cdp.on('Network.loadingFinished', ({requestId, timestamp}) => {
      const request = requests.get(requestId);
      if (request) request.finished = timestamp;
    });
    await tab.goto(`${site}/${kind}/`);
    await tab.waitForFunction(() => window.__firstComment !== undefined, undefined, {timeout: 60_000});
    const firstComment = await tab.evaluate(() => window.__firstComment);
    // CDP's clock starts at the page's own request; the page's clock at its navigation.
    const all = [...requests.values()];
    const start = all.find((r) => r.url === `${site}/${kind}/`).timestamp;
    const before = all.filter(
      (r) => r.finished !== undefined && (r.finished - start) * 1000 <= firstComment && !r.url.endsWith('/favicon.ico'),
    );
    const bytes = before
      .filter((r) => r.url.startsWith(site) && (r.type === 'Script' || r.type === 'Stylesheet'))
      .reduce((sum, r) => sum + gzipSize(new URL(r.url).pathname), 0);
    return {firstComment, requests: before.length, preflights: before.filter((r) => r.preflight).length, bytes};
  } finally {
    await context.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Medians of `runs` cold page loads of each contender (a new browser context each, the contenders
 * taking turns), after one load of each that is not counted (the emulator's and Chromium's first
 * answers are slower). With no emulator, the Firebase column is left out.
 */
export async function measurePeers(browser, {emulator, runs = 9} = {}) {
  const unknown = new Set();
  const api = await peerApi(unknown);
  const kinds = ['waline', 'artalk', 'local', 'firebase-mock', ...(emulator ? ['firebase'] : [])];
  const answerTimes = [];
  let warmUpReads = 0;
  const proxy = emulator && (await delayedProxy(emulator, answerTimes));
  const pages = contenders({api: api.url, emulator: proxy?.url.slice('http://'.length)});
  const site = await staticServer(Object.fromEntries(kinds.map((kind) => [`/${kind}/`, pages[kind]])));
  try {
    if (emulator) await seedFirestore(emulator);
    const samples = Object.fromEntries(kinds.map((kind) => [kind, []]));
    for (let run = -1; run < runs; run++) {
      const order = kinds.map((_, i) => kinds[(i + Math.max(run, 0)) % kinds.length]);
      for (const kind of order) {
        const result = await loadOnce(browser, site.url, kind);
        if (run >= 0) samples[kind].push(result);
      }
      if (run < 0) warmUpReads = answerTimes.length;
    }
    if (unknown.size) throw new Error(`the peers' mock was asked what it does not answer: ${[...unknown].join(', ')}`);
    const medians = Object.fromEntries(
      Object.entries(samples).map(([kind, list]) => [
        kind,
        Object.fromEntries(
          ['firstComment', 'requests', 'preflights', 'bytes'].map((k) => [k, median(list.map((s) => s[k]))]),
        ),
      ]),
    );
    // The emulator's own time per read, over the counted runs.
    const emulatorRead = answerTimes.length ? median(answerTimes.slice(warmUpReads)) : undefined;
    return {medians, emulatorRead, runs, comments: thread().length};
  } finally {
    await site.close();
    await api.close();
    await proxy?.close();
  }
}
