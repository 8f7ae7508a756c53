// Firestore reads per page view of the built widget, counted from the answers Chromium receives
// from a real Firestore emulator (with firestore.rules): one read per document returned, at least
// one per query, as Firestore bills. Threads are written first as the site owner would.
import {fileURLToPath} from 'node:url';
import {serveStatic} from '../test/e2e/static-server.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** A value in the Firestore REST API's JSON form. */
function restValue(value) {
  if (value === null) return {nullValue: null};
  if (typeof value === 'string') return {stringValue: value};
  if (typeof value === 'number') return {integerValue: String(value)};
  if (value instanceof Date) return {timestampValue: value.toISOString()};
  return {mapValue: {fields: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restValue(v)]))}};
}

async function writeAsOwner(emulator, path, data) {
  const fields = Object.fromEntries(Object.entries(data).map(([key, value]) => [key, restValue(value)]));
  const response = await fetch(`http://${emulator}/v1/projects/demo-lar/databases/(default)/documents/${path}`, {
    method: 'PATCH',
    headers: {authorization: 'Bearer owner', 'content-type': 'application/json'},
    body: JSON.stringify({fields}),
  });
  if (!response.ok) throw new Error(`writing ${path}: ${response.status} ${await response.text()}`);
}

/** A thread with `n` published comments. */
async function seedThread(emulator, id, n) {
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < n; i++) {
    await writeAsOwner(emulator, `threads/${id}/comments/c${String(i).padStart(4, '0')}`, {
      parentId: null,
      body: `Comment ${i}`,
      author: {uid: `u${i}`, name: `Reader ${i}`, provider: 'guest'},
      createdAt: new Date(start + i * 60_000),
      status: 'published',
    });
  }
  if (n > 0) {
    await writeAsOwner(emulator, `threads/${id}`, {
      url: `https://blog.example/${id}/`,
      title: id,
      createdAt: new Date(start),
      commentCount: n,
      lastCommentId: `c${String(n - 1).padStart(4, '0')}`,
    });
  }
}

const firebase = (emulator) => `api-key="demo-key" project-id="demo-lar" firestore-emulator="${emulator}"`;
const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reads</title>
<script type="module" src="/leave-a-reply.js"></script></head><body>${body}</body></html>`;

/** Loads `html`, waits for `ready` in the page, then `extraMs`, and returns the reads billed. */
async function readsOf(browser, html, ready, extraMs = 500) {
  const server = await serveStatic(dist, {'/page/': html});
  const context = await browser.newContext();
  const pageHandle = await context.newPage();
  let reads = 0;
  const counting = [];
  pageHandle.on('response', (response) => {
    const url = response.url();
    if (!url.includes(':batchGet') && !url.includes(':runQuery')) return;
    counting.push(
      response.json().then(
        (answers) => {
          reads += url.includes(':batchGet')
            ? answers.filter((a) => a.found || a.missing).length
            : Math.max(1, answers.filter((a) => a.document).length);
        },
        () => {},
      ),
    );
  });
  try {
    await pageHandle.goto(`${server.url}/page/`);
    await pageHandle.waitForFunction(ready, undefined, {timeout: 30_000});
    await pageHandle.waitForTimeout(extraMs);
    await Promise.all(counting);
    return reads;
  } finally {
    await context.close();
    await server.close();
  }
}

const commentsShown = (n) => `(() => {
  const root = document.querySelector('leave-a-reply')?.shadowRoot?.querySelector('lar-comment-section')?.shadowRoot;
  // The thread as read (not the loading line, which may show before the first answer), with its comments.
  return root?.querySelector('[part=title]') && !root.querySelector('.status:not(.offline)')
    && root.querySelectorAll('[part=comment]').length === ${n};
})()`;

/** Rows of [what, reads] for a page view of threads of several sizes, a quiet poll and count badges. */
export async function measureReads(browser, emulator) {
  const run = Date.now().toString(36);
  const sizes = [0, 5, 50];
  for (const n of sizes) await seedThread(emulator, `bench-${run}-${n}`, n);
  const rows = [];
  for (const n of sizes) {
    const widget = `<leave-a-reply loading="eager" page-id="bench-${run}-${n}" ${firebase(emulator)}></leave-a-reply>`;
    rows.push([
      `a page view, thread of ${n} comments`,
      await readsOf(browser, page(widget), commentsShown(Math.min(n, 20))),
    ]);
  }
  // The view polls the thread document; with nothing new, each poll is one read. The first poll
  // comes 20 s after the view: count what 25 s of an open page cost beyond the view.
  const widget = `<leave-a-reply loading="eager" page-id="bench-${run}-5" ${firebase(emulator)}></leave-a-reply>`;
  const withPoll = await readsOf(browser, page(widget), commentsShown(5), 25_000);
  rows.push(['the first poll of an open view, nothing new', withPoll - rows[1][1]]);
  const badges = sizes
    .map((n) => `<leave-a-reply-count page-id="bench-${run}-${n}" ${firebase(emulator)}></leave-a-reply-count>`)
    .join(' ');
  const badgesShown = `[...document.querySelectorAll('leave-a-reply-count')].every((el) => (el.shadowRoot ?? el).querySelector('[part=count]'))`;
  rows.push([`a listing page with ${sizes.length} count badges`, await readsOf(browser, page(badges), badgesShown)]);
  return rows;
}
