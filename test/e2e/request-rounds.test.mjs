// How many times the page must wait for the network, one answer after another, before the first
// render of the thread: each JavaScript response is held until no new request has come for a
// while, then all are answered together, and the rounds are counted. Counting rounds, not time,
// keeps this true on a machine of any speed. The built entry asks for every chunk of the first
// render at once (src/shell/preload.ts), so the script-tag entry and then everything else: two.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {launchChromium} from './chromium.mjs';
import {serveStatic} from './static-server.mjs';
import {PAGES} from '../../bench/stages.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
// The widget at the top of the page, so it boots at once.
const atTop = (html) => html.replace(/<article[^>]*>.*?<\/article>/s, '');
// Quiet long enough that a module that has arrived has run and asked for what it imports, even on
// a busy machine; only then is the next round answered.
const QUIET_MS = 2000;

let browser;
let server;
before(async () => {
  browser = await launchChromium();
  server = await serveStatic(dist, {'/local/': atTop(PAGES.local), '/firebase/': atTop(PAGES.firebase)});
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function roundsToFirstRender(path) {
  const page = await browser.newPage();
  const held = [];
  let lastRequest = Date.now();
  await page.route(/\.js(\?|$)/, (route) => {
    held.push(route);
    lastRequest = Date.now();
  });
  const rendered = () =>
    page.evaluate(
      () =>
        !!document
          .querySelector('leave-a-reply')
          ?.shadowRoot?.querySelector('lar-comment-section')
          ?.shadowRoot?.querySelector('[part=title]'),
    );
  await page.goto(`${server.url}${path}`, {waitUntil: 'commit'});
  const rounds = [];
  for (let i = 0; i < 12 && !(await rendered()); i++) {
    while (!held.length || Date.now() - lastRequest < QUIET_MS) await new Promise((r) => setTimeout(r, 100));
    const round = held.splice(0);
    rounds.push(round.map((route) => new URL(route.request().url()).pathname.slice(1)));
    await Promise.all(round.map((route) => route.continue()));
    // Give what arrived the time to run (and render, or ask for more).
    const answered = Date.now();
    while (!(await rendered()) && !held.length && Date.now() - answered < QUIET_MS) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  assert.ok(await rendered(), `no first render after ${rounds.length} rounds: ${JSON.stringify(rounds)}`);
  await page.close();
  return rounds;
}

describe('request rounds before the first render', () => {
  for (const kind of ['firebase', 'local']) {
    test(`${kind}: the entry, then every other chunk at once`, async () => {
      const rounds = await roundsToFirstRender(`/${kind}/`);
      assert.deepEqual(rounds[0], ['leave-a-reply.js']);
      assert.equal(rounds.length, 2, `rounds: ${JSON.stringify(rounds, null, 1)}`);
    });
  }

  test('the built entry names every chunk each chain imports, so none is found late', () => {
    const entry = readFileSync(`${dist}leave-a-reply.js`, 'utf8');
    const lists = JSON.parse(/JSON\.parse\(`(\{"section".*?\})`\)/.exec(entry)?.[1] ?? 'null');
    assert.ok(lists, 'the entry carries the chains (build/preload-chains.mjs)');
    for (const [chain, files] of Object.entries(lists)) {
      for (const file of files) {
        const code = readFileSync(`${dist}${file}`, 'utf8');
        for (const [, spec] of code.matchAll(/(?:^|[;}])import\s*\{?[^"'`]*?\}?\s*from\s*["'`](\.\/[^"'`]+)["'`]/g)) {
          assert.ok(files.includes(`chunks/${spec.slice(2)}`), `${chain}: ${file} imports ${spec}, not preloaded`);
        }
      }
    }
  });
});
