// Measures what a host page downloads at each stage of the widget's life, from the built dist/:
// the script-tag entry, the first render of the thread, everything that loads with no reader
// action, and what is needed to post as a guest. Used by `npm run bench` and the size test.
import {readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {fileURLToPath} from 'node:url';
import {serveStatic} from '../test/e2e/static-server.mjs';

export const BUDGETS = {entry: 3 * 1024, firstRender: 60 * 1024, noAction: 100 * 1024, guestReady: 100 * 1024};

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** gzip -9 size of a built file. */
export function gzipSize(path) {
  return gzipSync(readFileSync(dist + path), {level: 9}).length;
}

// A closed loopback port: the Firebase SDKs find no server there and answer from their cache,
// which is how a reader with no connection sees the widget. (No Firestore emulator can run here.)
const NOWHERE = '127.0.0.1:9';

function page(widget) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Film Review for Her</title>
<link rel="canonical" href="https://blog.example/her-review/">
<script type="module" src="/leave-a-reply.js"></script></head>
<body><article style="height: 3000px">A long review.</article>${widget}</body></html>`;
}

export const PAGES = {
  local: page('<leave-a-reply backend="local"></leave-a-reply>'),
  firebase: page(
    `<leave-a-reply api-key="demo-key" project-id="demo-lar" firestore-emulator="${NOWHERE}" auth-emulator="http://${NOWHERE}"></leave-a-reply>`,
  ),
};

async function settle(page, requests, quietMs = 800) {
  let count = -1;
  while (count !== requests.length) {
    count = requests.length;
    await page.waitForTimeout(quietMs);
  }
}

const total = (paths) => [...new Set(paths)].reduce((sum, path) => sum + gzipSize(path), 0);

/** Loads one page in Chromium and returns gzip bytes of JavaScript per stage. */
export async function measureStages(browser, kind) {
  const server = await serveStatic(dist, {'/review/': PAGES[kind]});
  const context = await browser.newContext({viewport: {width: 1000, height: 700}});
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === server.url && url.pathname.endsWith('.js')) requests.push(url.pathname.slice(1));
  });
  try {
    await page.goto(`${server.url}/review/`);
    await page.waitForFunction(() => customElements.get('leave-a-reply'));
    await settle(page, requests);
    const entry = total(requests);

    await page.locator('leave-a-reply').scrollIntoViewIfNeeded();
    // The thread's first render: its heading, with the loading line gone (comments or offline status).
    await page.waitForFunction(
      () => {
        const section = document.querySelector('leave-a-reply')?.shadowRoot?.querySelector('lar-comment-section');
        const root = section?.shadowRoot;
        return root?.querySelector('[part=title]') && !root.querySelector('.status:not(.offline)');
      },
      undefined,
      {timeout: 30000},
    );
    const firstRender = total(requests);

    await settle(page, requests, 1500);
    const noAction = total(requests);

    // The reader starts to write: whatever posting as a guest needs loads now.
    await page.getByLabel('Comment', {exact: true}).fill('A first thought');
    await settle(page, requests, 1500);
    const guestReady = total(requests);
    return {entry, firstRender, noAction, guestReady, files: [...new Set(requests)]};
  } finally {
    await context.close();
    await server.close();
  }
}
