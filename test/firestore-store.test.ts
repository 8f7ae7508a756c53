/**
 * The Firestore store against the real Firestore SDK, in two ways:
 * - always: offline (memory cache + disableNetwork). Writes queue, listeners answer from the
 *   local cache, nothing reaches a server: this is what a reader without a connection sees.
 * - when FIRESTORE_EMULATOR_HOST is set (npm run test:emulators): the real emulator, with
 *   firestore.rules loaded, so posts are confirmed or refused by the rules.
 */
import {expect} from '@open-wc/testing';
import sinon from 'sinon';
// Apps are terminated, not deleted: deleting races the SDK's heartbeat write and only adds noise.
import {initializeApp, type FirebaseApp} from 'firebase/app';
import {
  collection,
  collectionGroup,
  connectFirestoreEmulator,
  disableNetwork,
  doc,
  FirestoreError,
  getDocFromCache,
  getDocsFromCache,
  initializeFirestore,
  loadBundle,
  memoryLocalCache,
  query,
  setDoc,
  setLogLevel,
  terminate,
  updateDoc,
  writeBatch,
  type Firestore,
} from 'firebase/firestore';
import type {Comment, NewComment} from '../src/model/comment.js';
import {StoreError} from '../src/store/comment-store.js';
import {timeOfOrderedId, timeOrderedId, toStoreError} from '../src/store/firestore-adapter.js';
import {FirestoreStore, parseHostPort} from '../src/store/firestore-store.js';
import {buildBundle} from './firestore-bundle.js';
import {commentStoreContract, guestAuthor, newThread, Watcher, type ContractStore} from './store-contract.js';

let appCounter = 0;

async function offlineFirestore(): Promise<{app: FirebaseApp; db: Firestore; projectId: string; dispose(): Promise<void>}> {
  const n = appCounter++;
  // A project of its own per test: nothing cached by one test can show up in another.
  const projectId = `demo-lar-offline-${n}`;
  const app = initializeApp({projectId, apiKey: 'offline'}, `offline-${n}`);
  const db = initializeFirestore(app, {localCache: memoryLocalCache()});
  await disableNetwork(db);
  return {app, db, projectId, dispose: () => terminate(db)};
}

const OFFLINE_UID = 'offline-reader';

/** A write to this browser's cache only: offline it stays queued, and every read sees it. */
const writeLocally = (write: Promise<void>) => void write.catch(() => {});

commentStoreContract('FirestoreStore offline (SDK cache, network disabled)', async () => {
  const {db, dispose} = await offlineFirestore();
  const store = new FirestoreStore(db);
  return {
    store,
    uid: OFFLINE_UID,
    confirms: false,
    // What the console would have written, as this browser's cache holds it.
    async configure(site) {
      writeLocally(setDoc(doc(db, 'config', 'site'), site));
    },
    async moderator() {
      writeLocally(setDoc(doc(db, 'admins', 'offline-moderator'), {since: new Date()}));
      return {store, viewer: {uid: 'offline-moderator', provider: 'google'}};
    },
    dispose,
  };
});

describe('FirestoreStore helpers', () => {
  it('turns Firestore errors into StoreErrors the UI can act on', () => {
    // A real FirestoreError, as the SDK raises them (its constructor is hidden from the types).
    const Raised = FirestoreError as unknown as new (code: string, message: string) => FirestoreError;
    const cases: Array<[string, string]> = [
      ['permission-denied', 'permission-denied'],
      ['unauthenticated', 'permission-denied'],
      ['unavailable', 'unavailable'],
      ['deadline-exceeded', 'unavailable'],
      ['failed-precondition', 'invalid'],
      ['internal', 'unknown'],
    ];
    for (const [code, expected] of cases) {
      const error = toStoreError(new Raised(code, `because ${code}`));
      expect(error, code).to.be.instanceOf(StoreError);
      expect(error.code, code).to.equal(expected);
      expect(error.message).to.equal(`because ${code}`);
    }
  });

  it('reads emulator addresses as host:port, [v6]:port or a URL, and refuses others', () => {
    expect(parseHostPort('127.0.0.1:8080', 'x')).to.deep.equal({host: '127.0.0.1', port: 8080});
    expect(parseHostPort('http://localhost:8081/', 'x')).to.deep.equal({host: 'localhost', port: 8081});
    expect(parseHostPort('[::1]:9000', 'x')).to.deep.equal({host: '[::1]', port: 9000});
    for (const bad of ['localhost', '127.0.0.1:', 'host:99999', 'a:b:c']) {
      expect(() => parseHostPort(bad, 'firestore-emulator'), bad).to.throw(StoreError, 'firestore-emulator');
    }
  });

  it('makes comment ids that sort by creation time', () => {
    const ids = [0, 1, 999, 1000, 60_000, 1_800_000_000_000].map((t) => timeOrderedId(1_700_000_000_000 + t));
    expect([...ids].sort()).to.deep.equal(ids);
    expect(ids.every((id) => /^[0-9a-zA-Z]{20}$/.test(id))).to.equal(true);
    expect(timeOrderedId(5)).to.not.equal(timeOrderedId(5));
  });

  it('reads the millisecond back from its ids, for comments the server has not timed yet', () => {
    expect(timeOfOrderedId(timeOrderedId(1_764_000_000_123))).to.equal(1_764_000_000_123);
    expect(timeOfOrderedId('c1')).to.equal(undefined);
    expect(timeOfOrderedId('0mwx71a70OMglWz2Al9o!')).to.equal(undefined);
  });
});

describe('FirestoreStore offline: what only Firestore does', () => {
  let db: Firestore;
  let store: FirestoreStore;
  let dispose: () => Promise<void>;
  let watchers: Watcher[];

  beforeEach(async () => {
    ({db, dispose} = await offlineFirestore());
    store = new FirestoreStore(db);
    // Several posts in a row by one reader: no rate limit here (the contract suite tests it).
    writeLocally(setDoc(doc(db, 'config', 'site'), {postIntervalSeconds: 0}));
    watchers = [];
  });
  afterEach(async () => {
    watchers.forEach((w) => w.close());
    await dispose();
  });

  const watch = (thread = newThread()) => {
    const watcher = new Watcher(store, thread);
    watchers.push(watcher);
    return watcher;
  };
  const post = (thread = newThread(), extra: Partial<NewComment> = {}) => {
    const pending = store.post(thread, {parentId: null, body: 'Offline thoughts', author: guestAuthor(OFFLINE_UID), ...extra});
    pending.catch(() => {});
    return pending;
  };

  /**
   * Every document this browser holds, in every collection of the data model, written or not
   * (but the site settings this suite wrote itself).
   */
  async function cachedPaths(): Promise<string[]> {
    const groups = ['threads', 'comments', 'users', 'private', 'admins', 'config'];
    const snapshots = await Promise.all(groups.map((group) => getDocsFromCache(query(collectionGroup(db, group)))));
    return snapshots
      .flatMap((s) => s.docs.map((d) => d.ref.path))
      .filter((path) => path !== 'config/site')
      .sort();
  }

  it('says it is offline, and shows a new comment as sending', async () => {
    const thread = newThread();
    const watcher = watch(thread);
    expect((await watcher.ready()).offline).to.equal(true);
    void post(thread);
    const state = await watcher.until('the queued comment', (s) => s.comments.length === 1);
    expect(state.comments[0].sending).to.equal(true);
    expect(state.offline).to.equal(true);
    expect(state.count).to.equal(1);
  });

  it('leaves post() waiting while offline instead of failing', async () => {
    const outcome = await Promise.race([
      post().then(
        () => 'resolved',
        () => 'rejected',
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300)),
    ]);
    expect(outcome).to.equal('still waiting');
  });

  it('writes three documents per post: the comment, the thread, the author’s rate-limit stamp', async () => {
    const thread = newThread();
    const watcher = watch(thread);
    await watcher.ready();
    void post(thread);
    const {comments} = await watcher.until('the comment', (s) => s.comments.length === 1);
    void post(thread, {body: 'Second thoughts'});
    const second = await watcher.until('the second comment', (s) => s.comments.length === 2);
    const secondId = second.comments.find((c) => c.body === 'Second thoughts')!.id;

    expect(await cachedPaths()).to.deep.equal(
      [
        `threads/${thread.id}`,
        `threads/${thread.id}/comments/${comments[0].id}`,
        `threads/${thread.id}/comments/${secondId}`,
        `users/${OFFLINE_UID}`,
      ].sort(),
    );
    const stamp = await getDocFromCache(doc(db, 'users', OFFLINE_UID));
    expect(Object.keys(stamp.data()!)).to.deep.equal(['lastPostAt']);
    expect(stamp.data({serverTimestamps: 'none'})!.lastPostAt, 'the server’s time, not the browser’s').to.equal(null);
    const threadDoc = await getDocFromCache(doc(db, 'threads', thread.id));
    expect(threadDoc.metadata.hasPendingWrites).to.equal(true);
    const data = threadDoc.data({serverTimestamps: 'estimate'})!;
    expect(Object.keys(data).sort()).to.deep.equal(['commentCount', 'createdAt', 'lastCommentId', 'title', 'url']);
    expect(data.commentCount).to.equal(2);
    expect(data.lastCommentId).to.equal(secondId);
    expect(data.url).to.equal(thread.url);
    expect(data.title).to.equal(thread.title);
  });

  it('keeps the guest email out of the comment, in the owner-only profile', async () => {
    const thread = newThread();
    const email = 'samantha@her.example';
    const watcher = watch(thread);
    await watcher.ready();
    void post(thread, {email});
    const [comment] = (await watcher.until('the comment', (s) => s.comments.length === 1)).comments;

    const commentDoc = await getDocFromCache(doc(db, 'threads', thread.id, 'comments', comment.id));
    const stored = JSON.stringify(commentDoc.data({serverTimestamps: 'estimate'}));
    expect(stored).to.not.include(email);
    expect(stored).to.not.match(/"email"/i);
    expect(Object.keys(commentDoc.data()!).sort()).to.deep.equal(['author', 'body', 'createdAt', 'parentId', 'status']);

    const profile = await getDocFromCache(doc(db, 'users', OFFLINE_UID, 'private', 'profile'));
    expect(profile.data()).to.deep.equal({email});
    expect(await cachedPaths()).to.have.members([
      `threads/${thread.id}`,
      `threads/${thread.id}/comments/${comment.id}`,
      `users/${OFFLINE_UID}`,
      `users/${OFFLINE_UID}/private/profile`,
    ]);
  });

  it('writes the profile again only when the email changed', async () => {
    const thread = newThread();
    const watcher = watch(thread);
    await watcher.ready();
    const profileRef = doc(db, 'users', OFFLINE_UID, 'private', 'profile');
    const profileEmail = async () => (await getDocFromCache(profileRef)).get('email') as string;

    void post(thread, {email: 'samantha@her.example', body: 'one'});
    await watcher.until('comment one', (s) => s.comments.length === 1);
    // A marker no post writes: it survives exactly when a post leaves the profile alone.
    void setDoc(profileRef, {email: 'marker@test.example'}).catch(() => {});
    void post(thread, {email: 'samantha@her.example', body: 'two'});
    await watcher.until('comment two', (s) => s.comments.length === 2);
    expect(await profileEmail(), 'same email: profile untouched').to.equal('marker@test.example');

    void post(thread, {email: 'sam@new.example', body: 'three'});
    await watcher.until('comment three', (s) => s.comments.length === 3);
    expect(await profileEmail(), 'new email: profile written').to.equal('sam@new.example');
  });

  /**
   * How many listen targets (what Firestore bills reads for) the SDK opens while `run` runs,
   * counted from its own debug log: every listen allocates one target.
   */
  async function countListens(run: () => Promise<unknown>): Promise<number> {
    const log = sinon.stub(console, 'log'); // where the Firebase logger writes debug lines
    setLogLevel('debug');
    try {
      await run();
    } finally {
      setLogLevel('info');
      log.restore();
    }
    return log.getCalls().filter((call) => call.args.includes('Allocate target')).length;
  }

  it('listens to the thread document only, for an empty thread', async () => {
    const listens = await countListens(() => watch().ready());
    expect(listens).to.equal(1);
  });

  it('adds one comments query once the thread has comments', async () => {
    // The positive control for the test above: the same count sees the query when there is one.
    const thread = newThread();
    void post(thread);
    // The post reads config/site first; count once its comment is in this browser's cache.
    const comments = collection(db, 'threads', thread.id, 'comments');
    while ((await getDocsFromCache(comments)).empty) await new Promise((resolve) => setTimeout(resolve, 5));
    const listens = await countListens(() => watch(thread).until('the comment', (s) => s.comments.length === 1));
    expect(listens).to.equal(2);
  });

  it('refuses a post to a thread it has seen locked, with a StoreError', async () => {
    const thread = newThread();
    // A locked thread as the moderator's console would leave it; written locally here.
    const batch = writeBatch(db);
    batch.set(doc(db, 'threads', thread.id), {url: thread.url, title: thread.title, commentCount: 0, locked: true});
    void batch.commit().catch(() => {});
    await watch(thread).until('the locked thread', (s) => s.locked);

    const error = await post(thread).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(StoreError);
    expect((error as StoreError).code).to.equal('locked');
  });
});

describe('FirestoreStore offline, with comments the server confirmed before (a data bundle)', () => {
  const T0 = Date.UTC(2026, 0, 1, 12, 0, 0, 0);
  const timeOf = (i: number) => new Date(T0 + i * 1000 + i); // distinct seconds and milliseconds
  let db: Firestore;
  let projectId: string;
  let store: FirestoreStore;
  let dispose: () => Promise<void>;
  let watchers: Watcher[];

  beforeEach(async () => {
    ({db, projectId, dispose} = await offlineFirestore());
    store = new FirestoreStore(db);
    watchers = [];
  });
  afterEach(async () => {
    watchers.forEach((w) => w.close());
    await dispose();
  });

  /** Puts a thread with comments c1…cN, as the server stored them, into the cache. */
  async function seed(count: number) {
    const thread = newThread();
    const comments = Array.from({length: count}, (_, k) => k + 1).map((i) => ({
      path: `threads/${thread.id}/comments/c${i}`,
      fields: {
        parentId: null,
        body: `c${i}`,
        author: {uid: `u${i}`, name: `Reader ${i}`, provider: 'guest'},
        createdAt: timeOf(i),
        status: 'published',
      },
      updateTime: timeOf(i),
    }));
    const threadDoc = {
      path: `threads/${thread.id}`,
      fields: {url: thread.url, title: thread.title, createdAt: timeOf(1), commentCount: count, lastCommentId: `c${count}`},
    };
    await loadBundle(db, buildBundle(projectId, [threadDoc, ...comments], timeOf(count + 1)));
    return thread;
  }

  const watch = (thread: ReturnType<typeof newThread>, sort: 'oldest' | 'newest', pageSize: number) => {
    const watcher = new Watcher(store, thread, sort, pageSize);
    watchers.push(watcher);
    return watcher;
  };
  const bodies = (state: {comments: Comment[]}) =>
    [...state.comments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((c) => c.body);

  for (const sort of ['oldest', 'newest'] as const) {
    it(`pages through confirmed comments after the last one shown, ${sort} first`, async () => {
      const thread = await seed(7);
      const all = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
      const expected = (n: number) => (sort === 'oldest' ? all.slice(0, n) : all.slice(-n));
      const watcher = watch(thread, sort, 3);

      let state = await watcher.until('page 1', (s) => !s.loading && s.comments.length === 3);
      expect(bodies(state)).to.deep.equal(expected(3));
      expect(state).to.include({count: 7, hasMore: true, offline: true});
      watcher.handle.loadMore();
      state = await watcher.until('page 2', (s) => s.comments.length === 6);
      expect(bodies(state)).to.deep.equal(expected(6));
      expect(state.hasMore).to.equal(true);
      watcher.handle.loadMore();
      state = await watcher.until('page 3', (s) => s.comments.length === 7 && !s.hasMore);
      expect(bodies(state)).to.deep.equal(all);

      const c1 = state.comments.find((c) => c.id === 'c1')!;
      expect(c1.createdAt.getTime()).to.equal(timeOf(1).getTime());
      expect(c1.author).to.deep.equal({uid: 'u1', name: 'Reader 1', provider: 'guest'});
      expect(state.comments.some((c) => c.sending)).to.equal(false);
    });
  }

  it('keeps every loaded comment in view when a new one pushes the first page (newest first)', async () => {
    const thread = await seed(5);
    const watcher = watch(thread, 'newest', 3);
    await watcher.until('page 1', (s) => !s.loading && s.comments.length === 3);
    watcher.handle.loadMore();
    await watcher.until('page 2', (s) => s.comments.length === 5 && !s.hasMore);

    void store.post(thread, {parentId: null, body: 'c6', author: guestAuthor(OFFLINE_UID)}).catch(() => {});
    const state = await watcher.until('the new comment', (s) => s.comments.some((c) => c.body === 'c6'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // c3 left the first page's limit and the second page starts after it: it must stay anyway.
    expect(bodies(watcher.latest!)).to.deep.equal(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(state.count).to.equal(6);
    expect(watcher.latest!.hasMore).to.equal(false);
  });

  for (const [sort, hidden] of [['oldest', 'c2'], ['newest', 'c4']] as const) {
    it(`drops a comment hidden from a full page and shows no duplicate (${sort} first)`, async () => {
      const thread = await seed(5);
      const watcher = watch(thread, sort, 3);
      await watcher.until('page 1', (s) => !s.loading && s.comments.length === 3);
      watcher.handle.loadMore();
      await watcher.until('page 2', (s) => s.comments.length === 5);

      // What a moderator's change looks like to this listener (written locally here).
      void updateDoc(doc(db, 'threads', thread.id, 'comments', hidden), {status: 'hidden'}).catch(() => {});
      const state = await watcher.until(`${hidden} gone`, (s) => !s.comments.some((c) => c.id === hidden));
      expect(bodies(state)).to.deep.equal(['c1', 'c2', 'c3', 'c4', 'c5'].filter((b) => b !== hidden));
    });
  }
});

const emulatorHost = window.__LAR_TEST_ENV__?.firestoreEmulatorHost;

/** A value in the Firestore REST API's JSON form. */
function restValue(value: unknown): unknown {
  if (typeof value === 'string') return {stringValue: value};
  if (typeof value === 'boolean') return {booleanValue: value};
  if (typeof value === 'number') return Number.isInteger(value) ? {integerValue: String(value)} : {doubleValue: value};
  if (Array.isArray(value)) return {arrayValue: {values: value.map(restValue)}};
  if (value instanceof Date) return {timestampValue: value.toISOString()};
  throw new Error(`No REST form for ${String(value)}`);
}

/**
 * Writes a document as the site owner does from the console: through the emulator's REST API as
 * "owner", which the emulator lets past the rules. Replaces the whole document.
 */
async function writeAsOwner(path: string, data: Record<string, unknown>): Promise<void> {
  const fields = Object.fromEntries(Object.entries(data).map(([key, value]) => [key, restValue(value)]));
  const response = await fetch(`http://${emulatorHost}/v1/projects/demo-lar/databases/(default)/documents/${path}`, {
    method: 'PATCH',
    headers: {authorization: 'Bearer owner', 'content-type': 'application/json'},
    body: JSON.stringify({fields}),
  });
  if (!response.ok) throw new Error(`Writing ${path} as owner: ${response.status} ${await response.text()}`);
}

/** A Firestore on the emulator, signed in (an unsigned token the emulator trusts) as `uid` via `provider`. */
function emulatorDb(uid: string, provider: 'anonymous' | 'google.com' = 'anonymous'): Firestore {
  const n = appCounter++;
  const app = initializeApp({projectId: 'demo-lar', apiKey: 'emulator'}, `emulator-${n}`);
  const db = initializeFirestore(app, {localCache: memoryLocalCache()});
  const [host, port] = [emulatorHost!.slice(0, emulatorHost!.lastIndexOf(':')), Number(emulatorHost!.split(':').pop())];
  connectFirestoreEmulator(db, host, port, {mockUserToken: {user_id: uid, firebase: {sign_in_provider: provider, identities: {}}}});
  return db;
}

async function emulatorStore(uid: string): Promise<ContractStore & {db: Firestore}> {
  // The rules see a signed-in anonymous (guest) user.
  const db = emulatorDb(uid);
  const others: Firestore[] = [];
  return {
    db,
    store: new FirestoreStore(db),
    uid,
    confirms: true,
    // The emulator's config/site is shared by every test here; each test sets it first.
    configure: (site) => writeAsOwner('config/site', site),
    async moderator() {
      const moderatorUid = `moderator-${Math.random().toString(36).slice(2, 10)}`;
      await writeAsOwner(`admins/${moderatorUid}`, {since: new Date()});
      const moderatorDb = emulatorDb(moderatorUid, 'google.com');
      others.push(moderatorDb);
      return {store: new FirestoreStore(moderatorDb), viewer: {uid: moderatorUid, provider: 'google'}};
    },
    dispose: async () => {
      await Promise.all([db, ...others].map((d) => terminate(d)));
    },
  };
}

if (emulatorHost) {
  commentStoreContract(`FirestoreStore against the emulator at ${emulatorHost}`, () =>
    emulatorStore(`guest-${Math.random().toString(36).slice(2, 10)}`),
  );

  describe(`FirestoreStore against the emulator at ${emulatorHost}: rules as the store meets them`, () => {
    it('rejects a post under someone else’s uid with permission-denied, and takes it back from view', async () => {
      const {store, dispose} = await emulatorStore('mallory');
      const thread = newThread();
      const watcher = new Watcher(store, thread);
      try {
        await watcher.ready();
        const error = await store
          .post(thread, {parentId: null, body: 'Pretending', author: guestAuthor('samantha')})
          .then(() => null, (e: unknown) => e);
        expect(error).to.be.instanceOf(StoreError);
        expect((error as StoreError).code).to.equal('permission-denied');
        await watcher.until('the refused comment gone', (s) => s.comments.length === 0);
      } finally {
        watcher.close();
        await dispose();
      }
    });

    it('posts to a thread that exists without having watched it (one retry, no read)', async () => {
      const thread = newThread();
      const first = await emulatorStore('reader-a');
      const second = await emulatorStore('reader-b');
      try {
        await first.store.post(thread, {parentId: null, body: 'First', author: guestAuthor('reader-a')});
        // A fresh store has seen nothing of this thread and guesses it is new; the rules say no.
        const comment = await second.store.post(thread, {parentId: null, body: 'Second', author: guestAuthor('reader-b')});
        expect(comment.body).to.equal('Second');
        const watcher = new Watcher(second.store, thread);
        const state = await watcher.until('both comments', (s) => s.comments.length === 2);
        watcher.close();
        expect(state.count).to.equal(2);
      } finally {
        await first.dispose();
        await second.dispose();
      }
    });
  });
} else {
  describe.skip(
    'FirestoreStore against the Firestore emulator (skipped: FIRESTORE_EMULATOR_HOST not set — the Firestore ' +
      'emulator needs Java 21 and a download; run `npm run test:emulators` where it can)',
    () => {
      it('runs the CommentStore contract and the rules as the store meets them', () => {});
    },
  );
}
