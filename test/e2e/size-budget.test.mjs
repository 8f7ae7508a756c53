// The size budgets (DESIGN §4), measured on the built dist/ in Chromium: gzip bytes of the
// JavaScript a host page has downloaded at each stage. Fails when a budget is exceeded.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {launchChromium} from './chromium.mjs';
import {BUDGETS, measureStages} from '../../bench/stages.mjs';

let browser;
before(async () => (browser = await launchChromium()));
after(() => browser?.close());

const within = (stages, key) =>
  assert.ok(
    stages[key] <= BUDGETS[key],
    `${key}: ${stages[key]} B gzip > budget ${BUDGETS[key]} B (${stages.files.join(', ')})`,
  );

describe('backend="local"', () => {
  let stages;
  before(async () => (stages = await measureStages(browser, 'local')));
  test('the script-tag entry is at most 3 KB', () => within(stages, 'entry'));
  test('everything up to the first render is at most 60 KB', () => within(stages, 'firstRender'));
  test('everything loaded with no reader action is at most 100 KB', () => within(stages, 'noAction'));
  test('ready to post as a guest within 100 KB', () => within(stages, 'guestReady'));
});

describe('Firebase backend', () => {
  let stages;
  before(async () => (stages = await measureStages(browser, 'firebase')));
  test('the script-tag entry is at most 3 KB', () => within(stages, 'entry'));
  // firestore/lite with polled live updates (the full SDK alone is ~92 KB), the Firebase session
  // and the store's writes after the first render, Auth's sign-in providers only at a sign-in.
  test('everything up to the first render is at most 60 KB', () => within(stages, 'firstRender'));
  test('everything loaded with no reader action is at most 100 KB', () => within(stages, 'noAction'));
  test('ready to post as a guest within 100 KB', () => within(stages, 'guestReady'));
  test('posting needs the store’s writes and Firebase Auth, loaded by then', () => {
    for (const chunk of ['firestore-writes', 'firebase-auth-core', 'firebase-session']) {
      assert.ok(
        stages.files.some((f) => f.includes(chunk)),
        `${chunk} not loaded when the reader starts to write`,
      );
    }
  });
  test('a guests-only form (the default) loads no sign-in icons', () => {
    assert.deepEqual(
      stages.files.filter((f) => f.includes('provider-icons')),
      [],
    );
  });
});

// How fast the thread renders is `npm run bench`'s to say (bench/render.mjs, the README's table): a
// timed check here failed on a loaded machine, and `npm test` must not depend on the machine's speed.
