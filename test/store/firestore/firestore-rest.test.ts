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
