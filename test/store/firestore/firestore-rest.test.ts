/**
 * The reading half's REST client (src/store/firestore/firestore-rest.ts): what a read gives the model,
 * whose credentials it carries, how it fails, and that paging over it neither skips nor repeats
 * comments that tie on every ordered field. Against the emulator when `npm run test:emulators`
 * started one; the failure with no connection runs always.
 */
import {expect} from '@open-wc/testing';
import {terminate, type Firestore} from 'firebase/firestore/lite';
import {StoreError} from '../../../src/store/comment-store.js';
import {credentialsOf} from '../../../src/store/firestore/firebase-sdk.js';
import {FirestoreRest} from '../../../src/store/firestore/firestore-rest.js';
import type {SortOrder} from '../../../src/model/comment.js';
import {emulatorDb, emulatorHost, QUICK_POLLS, storeOn, writeAsOwner} from '../../helpers/firestore-emulator.js';
import {newThread, Watcher} from '../store-contract.js';

const rest = (emulator: string, credentials: () => Record<string, string> | Promise<Record<string, string>>) =>
  new FirestoreRest({projectId: 'demo-lar', databaseId: '(default)', apiKey: 'emulator', emulator, credentials});

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('FirestoreRest with no connection', () => {
  it('fails a read as unavailable, which the views wait out and try again', async () => {
    const error = await failureOf(rest('127.0.0.1:9', () => ({})).get('threads/anything'));
    expect(error).to.be.instanceOf(StoreError);
    expect((error as StoreError).code).to.equal('unavailable');
  });
});

describe('FirestoreRest reading what the server answers', () => {
  // A stand-in for Firestore's answers, in place of `fetch`: no emulator answers a 500, a 429 or a
  // timestamp with nanoseconds on demand.
  let realFetch: typeof fetch;
  beforeEach(() => (realFetch = window.fetch));
  afterEach(() => (window.fetch = realFetch));
  const answering = (status: number, body?: unknown) => {
    window.fetch = async () => new Response(body === undefined ? null : JSON.stringify(body), {status});
  };

  const failures: Array<[string, number, unknown, string]> = [
    [
      'a server error, to be tried again',
      500,
      {error: {code: 500, status: 'INTERNAL', message: 'hiccup'}},
      'unavailable',
    ],
    ['an overloaded server, to be tried again', 503, undefined, 'unavailable'],
    ['a gateway error, to be tried again', 502, undefined, 'unavailable'],
    ['too many requests', 429, undefined, 'quota'],
    [
      'a refusal by the rules',
      403,
      [{error: {status: 'PERMISSION_DENIED', message: 'Missing permissions.'}}],
      'permission-denied',
    ],
    ['an expired sign-in', 401, undefined, 'permission-denied'],
    [
      'a missing index, with its message',
      400,
      {error: {status: 'FAILED_PRECONDITION', message: 'The query requires an index.'}},
      'invalid',
    ],
  ];
  for (const [what, status, body, code] of failures) {
    it(`takes HTTP ${status} as ${code}: ${what}`, async () => {
      answering(status, body);
      const error = await failureOf(rest('127.0.0.1:9', () => ({})).get('threads/t'));
      expect(error).to.be.instanceOf(StoreError);
      expect((error as StoreError).code).to.equal(code);
      if (code === 'invalid') expect((error as StoreError).message).to.contain('requires an index');
    });
  }

  it('fails with the credentials’ own error when they cannot be had, not as offline', async () => {
    answering(200, []);
    const error = await failureOf(
      rest('127.0.0.1:9', () => Promise.reject(new Error('App Check could not start'))).get('threads/t'),
    );
    expect((error as StoreError).code).to.not.equal('unavailable');
    expect((error as Error).message).to.contain('App Check could not start');
  });

  it('reads a timestamp to the millisecond however many digits it has', async () => {
    const name = 'projects/demo-lar/databases/(default)/documents/threads/t';
    answering(200, [{found: {name, fields: {changedAt: {timestampValue: '2026-12-01T09:00:00.123456789Z'}}}}]);
    const found = await rest('127.0.0.1:9', () => ({})).get('threads/t');
    expect((found?.data.changedAt as Date).toISOString()).to.equal('2026-12-01T09:00:00.123Z');
  });

  it('names a thread whose id holds a colon in the query’s address, encoded', async () => {
    const asked: string[] = [];
    window.fetch = async (input) => {
      asked.push(String(input));
      return new Response('[]', {status: 200});
    };
    await rest('127.0.0.1:9', () => ({})).query('threads/wp:42', {from: [{collectionId: 'comments'}]});
    expect(asked[0]).to.contain('/documents/threads/wp%3A42:runQuery');
  });
});

describe(`FirestoreRest against the emulator${emulatorHost ? ` at ${emulatorHost}` : ''}`, function () {
  before(function () {
    // Skipped, not failed, without one: `npm run test:emulators` starts one, or says why it could not.
    if (!emulatorHost) this.skip();
  });

  const unique = (name: string) => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
  let dbs: Firestore[];
  beforeEach(() => (dbs = []));
  afterEach(() => Promise.all(dbs.map((db) => terminate(db))));
  const signedIn = (uid: string) => {
    const db = emulatorDb(uid);
    dbs.push(db);
    return db;
  };

  it('gives the model plain values: Dates, numbers, booleans, nested maps, null; a missing document as undefined', async () => {
    const thread = unique('values');
    const comment = {
      parentId: null,
      body: 'A warm film',
      author: {uid: 'u1', name: 'Theodore', provider: 'google'},
      createdAt: new Date('2026-11-30T20:15:00.123Z'),
      status: 'published',
      likeCount: 3,
      pinned: true,
    };
    await writeAsOwner(`threads/${thread}/comments/c1`, comment);
    const reader = rest(emulatorHost!, () => ({}));
    const found = await reader.get(`threads/${thread}/comments/c1`);
    expect(found?.id).to.equal('c1');
    expect(found?.data).to.deep.equal(comment);
    expect(await reader.get(`threads/${thread}/comments/none`)).to.equal(undefined);
  });

  it('reads as the SDK’s signed-in reader with credentialsOf(db), and as nobody without', async () => {
    // posters/{uid} is its owner's alone (firestore.rules).
    const uid = unique('poster');
    await writeAsOwner(`posters/${uid}`, {postedAt: new Date()});
    const db = signedIn(uid);
    expect(Object.keys(await credentialsOf(db))).to.include('Authorization');
    expect((await rest(emulatorHost!, () => credentialsOf(db)).get(`posters/${uid}`))?.id).to.equal(uid);
    const refused = await failureOf(rest(emulatorHost!, () => ({})).get(`posters/${uid}`));
    expect(refused).to.be.instanceOf(StoreError);
    expect((refused as StoreError).code).to.equal('permission-denied');
  });

  // Five top-level comments written in the same instant with the same likes: the pages' cursors must
  // tell them apart by document name, in each order, or "Load more" skips or repeats some.
  for (const sort of ['oldest', 'newest', 'top'] as SortOrder[]) {
    it(`pages through comments that tie on every ordered field (${sort})`, async () => {
      const thread = newThread();
      const at = new Date('2026-12-01T09:00:00.000Z');
      const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
      await writeAsOwner(`threads/${thread.id}`, {url: thread.url, title: thread.title, commentCount: ids.length});
      for (const id of ids) {
        await writeAsOwner(`threads/${thread.id}/comments/${id}`, {
          parentId: null,
          rootId: null,
          body: `Comment ${id}`,
          author: {uid: 'someone', name: 'Amy', provider: 'guest'},
          createdAt: at,
          status: 'published',
          likeCount: 2,
        });
      }
      const watcher = new Watcher(storeOn(signedIn(unique('reader')), QUICK_POLLS), thread, sort, 2);
      try {
        await watcher.until('page 1', (s) => !s.loading && s.comments.length === 2);
        watcher.handle.loadMore();
        await watcher.until('page 2', (s) => s.comments.length === 4);
        watcher.handle.loadMore();
        const all = await watcher.until('page 3', (s) => s.comments.length === 5 && !s.hasMore);
        expect(all.comments.map((c) => c.id).sort()).to.deep.equal(ids);
      } finally {
        watcher.close();
      }
    });
  }
});
