// Posting a comment when something goes wrong, end to end: the built widget (dist/, `npm run
// build`) on a plain page, backend="firebase", against the real Auth and Firestore emulators
// (`node scripts/with-emulators.mjs "node --test test/e2e-emulators/"`, or `npm run
// test:emulators`). One cell of the matrix: a first-time guest, in a browser of their own (a fresh
// context), fills in email, name and comment and presses Post Comment; a fault strikes at one step:
//
//   a  before the click                     (no request yet)
//   b  during the anonymous sign-up         (Auth emulator, accounts:signUp)
//   c  during the read of config/site       (Firestore documents:batchGet naming config/site)
//   d  while the commit is in flight        (documents:commit held before it reaches the emulator)
//   e  after the commit was saved           (route.fetch() reached the emulator; the answer is held)
//
// Faults: offline (context.setOffline, 3 s, back online), slow (the answer 4 s late), dropped (the
// answer never reaches the page), reload, a second tab of the same context opening the page, the
// tab closed and reopened. The reader then does what a reader does: on every open tab that, once
// settled, shows their text in the comment box as "Your unsent comment was restored.", they press
// Post Comment again (typing name and email when the form no longer has them). In the tab where
// they pressed Post Comment they press nothing more: an offline or slow moment must not need a
// second click.
//
// Left out, and why:
//   a-slow, a-dropped   nothing is in flight before the click.
//   b-dropped, c-dropped
//                       a request whose answer is lost is, to the page, a request that failed: the
//                       offline cells cover it (a lost sign-up answer leaves only an unused account).
//   d-slow              to the page a commit held 4 s on the way is the same as e-slow (an answer
//                       4 s late); only the moment the emulator saves it differs, which nobody sees.
//   d-dropped           a commit that reaches the emulator and whose answer is lost is e-dropped.
//   c-second-tab, c-closed
//                       the page's state then is c-reload's (draft saved with its id, account
//                       made, nothing written), and a reload already starts the page afresh.
//
// Checked in every cell: (1) exactly one copy of the comment's text on the server (read as the
// owner through the emulator's REST API, so no rule hides one), and it stays one; (2) the text is
// never lost: once the fault is over it is on the server or in a comment box; (3) the form ends
// right: every open tab's box empty, no error shown, the comment in the thread (not "Sending…"),
// and no tab offering the text as unsent ("Your unsent comment was restored.") once it is posted.
//
// One cell: FAULT_CELL=d-offline (or a list: FAULT_CELL=d-offline,e-reload); FAULT_VERBOSE=1 lists what
// the reader saw in passing cells too.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {launchChromium} from '../e2e/chromium.mjs';
import {serveStatic} from '../e2e/static-server.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const AUTH_HOST = process.env.FIREBASE_AUTH_EMULATOR_HOST;
const FIRESTORE_HOST = process.env.FIRESTORE_EMULATOR_HOST;
const PROJECT = 'demo-lar';
const skip =
  AUTH_HOST && FIRESTORE_HOST
    ? false
    : 'no emulators: run `node scripts/with-emulators.mjs "node --test test/e2e-emulators/"` (sets FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST)';

const STEPS = {
  a: 'before the click',
  b: 'anonymous sign-up',
  c: 'config/site read',
  d: 'commit in flight',
  e: 'commit saved, answer held',
};
const FAULTS = ['offline', 'slow', 'dropped', 'reload', 'second-tab', 'closed'];
const CELLS = [
  ...['offline', 'reload', 'second-tab', 'closed'].map((f) => `a-${f}`),
  ...['offline', 'slow', 'reload', 'second-tab', 'closed'].map((f) => `b-${f}`),
  ...['offline', 'slow', 'reload'].map((f) => `c-${f}`),
  ...['offline', 'reload', 'second-tab', 'closed'].map((f) => `d-${f}`),
  ...['offline', 'slow', 'dropped', 'reload', 'second-tab', 'closed'].map((f) => `e-${f}`),
];
const chosen = process.env.FAULT_CELL?.split(',')
  .map((c) => c.trim())
  .filter(Boolean);
const unknown = (chosen ?? []).filter((c) => !CELLS.includes(c));
if (unknown.length) throw new Error(`FAULT_CELL: no cell ${unknown.join(', ')}; the cells are ${CELLS.join(', ')}`);
const cells = chosen ?? CELLS;

const OFFLINE_MS = 3_000;
const SLOW_MS = 4_000;
/** The longest any wait for a state may take: the machine may be busy. */
const CEILING_MS = 60_000; // generous: `npm test` must pass on a busy machine
const RESTORED = 'Your unsent comment was restored.';

const run = Date.now().toString(36);
const pathOf = (cell) => `/fault/${cell}/`;
const bodyOf = (cell) => `Fault ${cell} run ${run}: this comment is saved exactly once.`;
const page = (cell) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Fault ${cell}</title>
  <link rel="canonical" href="https://blog.example/fault/${cell}-${run}/">
  <script type="module" src="/leave-a-reply.js"></script>
</head>
<body>
  <article><h1>Fault ${cell}</h1></article>
  <leave-a-reply loading="eager" backend="firebase" api-key="demo-key" project-id="${PROJECT}"
                 auth-domain="${PROJECT}.firebaseapp.com" auth-emulator="http://${AUTH_HOST}"
                 firestore-emulator="${FIRESTORE_HOST}" providers="guest"></leave-a-reply>
</body>
</html>`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The documents in any `comments` collection whose body is `body`, read as the owner (rules bypassed). */
async function serverCopies(body) {
  const response = await fetch(
    `http://${FIRESTORE_HOST}/v1/projects/${PROJECT}/databases/(default)/documents:runQuery`,
    {
      method: 'POST',
      headers: {authorization: 'Bearer owner', 'content-type': 'application/json'},
      body: JSON.stringify({
        structuredQuery: {
          from: [{collectionId: 'comments', allDescendants: true}],
          where: {fieldFilter: {field: {fieldPath: 'body'}, op: 'EQUAL', value: {stringValue: body}}},
        },
      }),
    },
  );
  if (!response.ok) assert.fail(`runQuery: ${response.status} ${await response.text()}`);
  return (await response.json()).filter((row) => row.document).length;
}

/** Which request each step's fault strikes: the first one that matches. */
const STRIKES = {
  b: (request) => request.url().includes('/accounts:signUp'),
  c: (request) =>
    request.url().includes('/documents:batchGet') && (request.postData() ?? '').includes('/documents/config/site"'),
  d: (request, body) => request.url().includes('/documents:commit') && (request.postData() ?? '').includes(body),
};
STRIKES.e = STRIKES.d;

let server;
let browser;
const results = new Map();

before(async () => {
  if (skip) return;
  assert.ok(existsSync(`${dist}leave-a-reply.js`), 'run `npm run build` first');
  server = await serveStatic(dist, Object.fromEntries(cells.map((cell) => [pathOf(cell), page(cell)])));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A tab on the cell's page, with the widget ready to post; counts its requests in flight. */
async function openTab(context, cell) {
  const tab = await context.newPage();
  tab.setDefaultTimeout(CEILING_MS);
  tab.inFlight = 0;
  tab.on('request', () => tab.inFlight++);
  tab.on('requestfinished', () => tab.inFlight--);
  tab.on('requestfailed', () => tab.inFlight--);
  await tab.goto(`${server.url}${pathOf(cell)}`);
  await ready(tab);
  return tab;
}

const ready = (tab) => tab.getByRole('button', {name: 'Post Comment'}).and(tab.locator(':enabled')).waitFor();
const box = (tab) => tab.getByLabel('Comment', {exact: true});

async function fillIn(tab, body) {
  await tab.getByLabel('Email (required)').fill('ferdinand@example.com');
  await tab.getByLabel('Name (required)').fill('Ferdinand');
  await box(tab).fill(body);
}

/** Presses Post Comment, first typing name and email again where the form has lost them. */
async function post(tab) {
  for (const [label, value] of [
    ['Email (required)', 'ferdinand@example.com'],
    ['Name (required)', 'Ferdinand'],
  ]) {
    const field = tab.getByLabel(label);
    if ((await field.count()) && !(await field.inputValue())) await field.fill(value);
  }
  await tab.getByRole('button', {name: 'Post Comment'}).click();
}

/** What the reader sees in the tab: the comment box, the form's status and errors, the comment in the thread. */
async function seen(tab, body) {
  const form = tab.locator('lar-reply-form');
  const inThread = tab.locator('li.comment', {hasText: body});
  return {
    box: await box(tab).inputValue(),
    status: (await form.locator('p.status').innerText()).trim(),
    errors: (await form.locator('[part~="error"]').allInnerTexts()).map((t) => t.trim()).filter(Boolean),
    shown: await inThread.count(),
    sending: await tab.locator('li.comment[aria-busy="true"]', {hasText: body}).count(),
  };
}

/** Waits (up to the ceiling) until the tab is done: the button enabled, nothing sending, no request for 2 s. */
async function settle(tab) {
  const deadline = Date.now() + CEILING_MS;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const busy =
      tab.inFlight > 0 ||
      (await tab.locator('li.comment[aria-busy="true"]').count()) > 0 ||
      !(await tab
        .getByRole('button', {name: 'Post Comment'})
        .isEnabled()
        .catch(() => false)) ||
      (await tab.locator('lar-reply-form p.status').innerText()).trim() === 'Posting…';
    if (busy) quietSince = Date.now();
    else if (Date.now() - quietSince >= 2_000) return true;
    await sleep(250);
  }
  return false;
}

const describeTab = ({name, view}) => {
  const parts = [view.box ? 'text in box' : 'box empty'];
  if (view.status) parts.push(`status "${view.status}"`);
  if (view.errors.length) parts.push(`error "${view.errors.join(' / ')}"`);
  if (view.sending) parts.push('thread: "Sending…"');
  else if (view.shown) parts.push('thread shows it');
  return `${name}: ${parts.join(', ')}`;
};

/**
 * One cell: the reader posts, the fault strikes, the reader re-posts what any tab still offers as
 * unsent, and the outcome is judged. Returns {ok, reason, notes}.
 */
async function runCell(cell) {
  const [step, ...rest] = cell.split('-');
  const fault = rest.join('-');
  const body = bodyOf(cell);
  const context = await browser.newContext();
  const notes = [];
  const problems = [];
  try {
    await context.route(/^https:\/\/(www\.)?gravatar\.com\//, (route) => route.abort());
    let held;
    const strikes = new Promise((resolve) => (held = resolve));
    if (STRIKES[step]) {
      let struck = false;
      const handler = (route) => {
        if (!struck && STRIKES[step](route.request(), body)) {
          struck = true;
          held(route);
        } else route.fallback();
      };
      await context.route(`http://${AUTH_HOST}/**`, handler);
      await context.route(`http://${FIRESTORE_HOST}/**`, handler);
    }
    // Requests that failed, for the notes (the pictures are turned away on purpose).
    const failed = new Set();
    context.on('requestfailed', (request) => {
      const url = new URL(request.url());
      if (!url.hostname.endsWith('gravatar.com'))
        failed.add(`${url.pathname.split('/').at(-1)} (${request.failure()?.errorText})`);
    });
    const tabs = [{name: 'tab 1', tab: await openTab(context, cell)}];
    const main = () => tabs[0];
    // a-offline: the connection drops after the page loaded, before the reader starts to type
    // (typing is when the sign-in code loads), and returns 3 s after the click.
    if (cell === 'a-offline') await context.setOffline(true);
    await fillIn(main().tab, body);

    const reopen = async () => {
      await main().tab.close();
      main().tab = await openTab(context, cell);
      main().name = 'tab 1 (reopened)';
    };
    if (step === 'a') {
      if (fault === 'offline') {
        await main().tab.getByRole('button', {name: 'Post Comment'}).click();
        await sleep(OFFLINE_MS);
        notes.push(`offline: ${describeTab({name: 'tab 1', view: await seen(main().tab, body)})}`);
        await context.setOffline(false);
      } else if (fault === 'reload') {
        await main().tab.reload();
        await ready(main().tab);
      } else if (fault === 'second-tab') {
        tabs.push({name: 'tab 2', tab: await openTab(context, cell)});
        await main().tab.getByRole('button', {name: 'Post Comment'}).click();
      } else if (fault === 'closed') {
        await reopen();
      }
    } else {
      await main().tab.getByRole('button', {name: 'Post Comment'}).click();
      const route = await Promise.race([strikes, sleep(CEILING_MS)]);
      if (!route) throw new Error(`the ${STEPS[step]} request never went out`);
      // Step e: the commit reaches the emulator and is saved; only its answer is held.
      const answer = step === 'e' ? await route.fetch() : undefined;
      const release = () => (answer ? route.fulfill({response: answer}) : route.continue());
      const drop = (code) => route.abort(code).catch(() => {}); // the page may be gone already
      if (fault === 'offline') {
        await context.setOffline(true);
        await drop('internetdisconnected');
        await sleep(OFFLINE_MS);
        notes.push(`offline: ${describeTab({name: 'tab 1', view: await seen(main().tab, body)})}`);
        await context.setOffline(false);
      } else if (fault === 'slow') {
        await sleep(SLOW_MS);
        await release();
      } else if (fault === 'dropped') {
        await drop('failed');
      } else if (fault === 'reload') {
        // The request dies with the page. (Dropped just before: a page closed or reloaded with a
        // request held lets Chromium send it on, so the step would not be the one named.)
        await drop('aborted');
        await main().tab.reload();
        await ready(main().tab);
      } else if (fault === 'second-tab') {
        tabs.push({name: 'tab 2', tab: await openTab(context, cell)});
        await settle(tabs[1].tab); // tab 2 has looked at the draft while the request was still held
        await release().catch(() => {});
      } else if (fault === 'closed') {
        await drop('aborted');
        await reopen();
      }
    }

    // The fault is over. Once every tab has settled: (2) the text is somewhere, and (3) no tab
    // offers a posted comment as unsent.
    for (const {name, tab} of tabs) if (!(await settle(tab))) notes.push(`${name} still busy after 30 s`);
    let copies = await serverCopies(body);
    let views = [];
    for (const {name, tab} of tabs) views.push({name, view: await seen(tab, body)});
    notes.push(`after the fault: server ${copies}; ${views.map(describeTab).join('; ')}`);
    if (!copies && !views.some(({view}) => view.box.includes(body)))
      problems.push('the text was lost: not on the server, not in any comment box');
    const offered = views.filter(({view}) => view.box.includes(body));
    if (copies && offered.length)
      problems.push(
        `already posted, yet ${offered.map(({name, view}) => `${name} offers the text again${view.status === RESTORED ? ` as "${RESTORED}"` : ''}`).join(', ')}`,
      );

    // The reader sends again what a tab shows as unsent (a page opened afresh); see the top.
    for (const {name, tab} of tabs) {
      const view = await seen(tab, body);
      if (!view.box.includes(body) || view.status !== RESTORED) continue;
      notes.push(`${name}: the reader presses Post Comment again`);
      await post(tab);
      await settle(tab);
    }

    // The end state, waited for: one copy, every box empty, no error, the comment in the thread.
    const deadline = Date.now() + CEILING_MS;
    let done = false;
    for (;;) {
      copies = await serverCopies(body);
      views = [];
      for (const {name, tab} of tabs) views.push({name, view: await seen(tab, body)});
      const mainView = views[0].view;
      done =
        copies === 1 &&
        views.every(({view}) => !view.box.trim() && !view.errors.length && view.status !== RESTORED) &&
        mainView.shown > 0 &&
        !mainView.sending;
      if (done || Date.now() > deadline) break;
      await sleep(500);
    }
    if (done) {
      await sleep(3_000); // a late duplicate (a retry, another tab) would land by now
      copies = await serverCopies(body);
    }
    if (failed.size) notes.push(`requests that failed: ${[...failed].join(', ')}`);
    const end = `server ${copies}; ${views.map(describeTab).join('; ')}`;
    if (copies !== 1) problems.push(`${copies} copies on the server`);
    if (!copies && !views.some(({view}) => view.box.includes(body))) problems.push('the text is lost');
    if (!done && copies === 1) problems.push('the form did not end right');
    return {ok: problems.length === 0, reason: problems.length ? `${problems.join('; ')} (end: ${end})` : end, notes};
  } finally {
    await context.close();
  }
}

describe('posting a comment when a fault strikes (built widget, real emulators)', {skip, concurrency: 2}, () => {
  for (const cell of cells) {
    test(cell, {timeout: 180_000}, async () => {
      let result;
      try {
        result = await runCell(cell);
      } catch (error) {
        result = {ok: false, reason: `the test could not go on: ${error.message.split('\n')[0]}`, notes: []};
      }
      results.set(cell, result);
      assert.ok(result.ok, `${cell}: ${result.reason}\n  ${result.notes.join('\n  ')}`);
    });
  }

  after(() => {
    const width = 12;
    const lines = [`${'step'.padEnd(30)}${FAULTS.map((f) => f.padEnd(width)).join('')}`];
    for (const [step, label] of Object.entries(STEPS)) {
      const row = FAULTS.map((fault) => {
        const cell = `${step}-${fault}`;
        const result = results.get(cell);
        return (result ? (result.ok ? 'pass' : 'FAIL') : CELLS.includes(cell) ? '(not run)' : '—').padEnd(width);
      });
      lines.push(`${`${step} ${label}`.padEnd(30)}${row.join('')}`);
    }
    lines.push('(— = left out: see the comment at the top of test/e2e-emulators/fault-matrix.test.mjs)', '');
    for (const cell of cells) {
      const result = results.get(cell);
      if (!result) continue;
      lines.push(`${cell.padEnd(13)} ${result.ok ? 'pass' : 'FAIL'}  ${result.reason}`);
      // What the reader saw along the way: for failed cells, or every cell with FAULT_VERBOSE=1.
      if (!result.ok || process.env.FAULT_VERBOSE) lines.push(...result.notes.map((note) => `${''.padEnd(20)}${note}`));
    }
    console.log(`\nFault matrix: posting a comment as a first-time guest\n\n${lines.join('\n')}\n`);
  });
});
