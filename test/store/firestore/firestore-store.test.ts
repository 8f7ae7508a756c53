/**
 * The Firestore store against the real Firestore SDK (firestore/lite), in two ways:
 * - always: with no connection (the SDK pointed at a closed port), which is what a reader who
 *   lost theirs sees: the view says offline, a post shows as sending and waits; the batches a
 *   post sends are read from its requests.
 * - when FIRESTORE_EMULATOR_HOST is set (`npm run test:emulators`, part of `npm test` wherever a
 *   Firestore emulator can start): the CommentStore contract against the real emulator with
 *   firestore.rules loaded, and the reads and writes each action costs, counted from the requests.
 */
import {expect} from '@open-wc/testing';
import {initializeApp} from 'firebase/app';
import {
  connectFirestoreEmulator,
  FirestoreError,
  initializeFirestore,
  setLogLevel,
  terminate,
  type Firestore,
} from 'firebase/firestore/lite';
import type {NewComment} from '../../../src/model/comment.js';
import {buildThreadTree} from '../../../src/model/thread-tree.js';
import {StoreError, type CommentStore} from '../../../src/store/comment-store.js';
import {toStoreError} from '../../../src/store/firestore/firestore-adapter.js';
import {parseHostPort} from '../../../src/store/firestore/firestore-rest.js';
import type {FirestoreStore} from '../../../src/store/firestore/firestore-store.js';
import {timeOfOrderedId, timeOrderedId} from '../../../src/store/firestore/firestore-writes.js';
import {
  emulatorContractStore,
  emulatorHost,
  QUICK_POLLS,
  storeOn,
  writeAsOwner,
} from '../../helpers/firestore-emulator.js';
import {FirestoreTraffic} from '../../helpers/firestore-traffic.js';
import {commentStoreContract, guestAuthor, newThread, Watcher, type ContractStore} from '../store-contract.js';

let appCounter = 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('FirestoreStore helpers', () => {
  it('turns Firestore errors into StoreErrors the UI can act on', () => {
    // A real FirestoreError, as the SDK raises them (its constructor is hidden from the types).
    const Raised = FirestoreError as unknown as new (code: string, message: string) => FirestoreError;
    const cases: Array<[string, string, string]> = [
      ['permission-denied', 'because', 'permission-denied'],
      ['unauthenticated', 'because', 'permission-denied'],
      ['unavailable', 'because', 'unavailable'],
      ['deadline-exceeded', 'because', 'unavailable'],
      // Contention (the emulator's words for two writes to one thread at once): sent again.
      ['aborted', 'Request failed with error: Transaction lock timeout.', 'unavailable'],
      ['failed-precondition', 'because', 'invalid'],
      ['internal', 'because', 'unknown'],
      // firestore/lite's own words for a request that found no connection.
      ['unknown', 'Request failed with error: Failed to fetch', 'unavailable'],
      ['unknown', 'Something else', 'unknown'],
    ];
    for (const [code, message, expected] of cases) {
      const error = toStoreError(new Raised(code, message));
      expect(error, code).to.be.instanceOf(StoreError);
      expect(error.code, `${code}: ${message}`).to.equal(expected);
      expect(error.message).to.equal(message);
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

  it('reads the millisecond back from its ids, the time a comment shows until the server has it', () => {
    expect(timeOfOrderedId(timeOrderedId(1_764_000_000_123))).to.equal(1_764_000_000_123);
    expect(timeOfOrderedId('c1')).to.equal(undefined);
    expect(timeOfOrderedId('0mwx71a70OMglWz2Al9o!')).to.equal(undefined);
  });
});

describe('FirestoreStore with no connection', () => {
  const UID = 'offlineReader';
  // The SDK logs every failed request as an error; here they fail on purpose.
  before(() => setLogLevel('silent'));
  after(() => setLogLevel('warn'));
  let db: Firestore;
  let store: FirestoreStore;
  let traffic: FirestoreTraffic;
  let watchers: Watcher[];

  beforeEach(() => {
    const n = appCounter++;
    const app = initializeApp({projectId: 'demo-lar', apiKey: 'offline'}, `offline-${n}`);
    db = initializeFirestore(app, {});
    connectFirestoreEmulator(db, '127.0.0.1', 9); // a closed port: every request fails to connect
    store = storeOn(db, QUICK_POLLS, '127.0.0.1:9');
    traffic = new FirestoreTraffic().start();
    watchers = [];
  });
  afterEach(async () => {
    watchers.forEach((w) => w.close());
    traffic.stop();
    await terminate(db);
  });

  const watch = (thread = newThread()) => {
    const watcher = new Watcher(store, thread);
    watchers.push(watcher);
    return watcher;
  };
  const post = (thread = newThread(), extra: Partial<NewComment> = {}) => {
    const pending = store.post(thread, {parentId: null, body: 'Offline thoughts', author: guestAuthor(UID), ...extra});
    pending.catch(() => {}); // still waiting for the connection when the test ends
    return pending;
  };
  /** Waits until the store has tried to send `n` commits. */
  const commitsSent = async (n: number) => {
    for (let i = 0; i < 100 && traffic.commits.length < n; i++) await sleep(20);
    expect(traffic.commits.length, 'commits sent').to.be.at.least(n);
  };

  it('says it is offline, and shows a new comment as sending, counted', async () => {
    const thread = newThread();
    const watcher = watch(thread);
    const ready = await watcher.ready();
    expect(ready.offline).to.equal(true);
    expect(ready.error).to.equal(undefined);
    void post(thread);
    const state = await watcher.until('the waiting comment', (s) => s.comments.length === 1);
    expect(state.comments[0].sending).to.equal(true);
    expect(state.comments[0].body).to.equal('Offline thoughts');
    expect(state.offline).to.equal(true);
    expect(state.count).to.equal(1);
  });

  it('leaves post() waiting while offline instead of failing, and tries again', async () => {
    const outcome = await Promise.race([
      post().then(
        () => 'resolved',
        () => 'rejected',
      ),
      sleep(1500).then(() => 'still waiting'),
    ]);
    expect(outcome).to.equal('still waiting');
    expect(traffic.commits.length, 'a first try, and another after a second').to.be.at.least(2);
  });

  it('writes three documents per post: the comment, the thread with its counts, the author’s own stamp', async () => {
    const thread = newThread();
    void post(thread);
    await commitsSent(1);
    const [commentWrite, threadWrite, stampWrite, ...more] = traffic.commits[0];
    expect(more).to.deep.equal([]);
    expect(commentWrite.path).to.match(new RegExp(`^threads/${thread.id}/comments/[0-9a-zA-Z]{20}$`));
    expect(commentWrite.fields).to.deep.equal([
      'author',
      'body',
      'createdAt',
      'likeCount',
      'parentId',
      'rootId',
      'status',
    ]);
    expect(commentWrite.values.likeCount, 'born without likes').to.deep.equal({integerValue: '0'});
    expect(commentWrite.serverTimes, 'the server’s time, not the browser’s').to.deep.equal(['createdAt']);
    expect(threadWrite.path).to.equal(`threads/${thread.id}`);
    // Nothing about who posted in the thread, which anyone may read.
    expect(threadWrite.fields).to.deep.equal(['commentCount', 'createdAt', 'lastCommentId', 'title', 'url']);
    expect(threadWrite.serverTimes).to.have.members(['createdAt']);
    expect(stampWrite.path).to.equal(`posters/${UID}`);
    expect(stampWrite.fields).to.deep.equal(['postedAt']);
    expect(stampWrite.serverTimes, 'the server’s time').to.deep.equal(['postedAt']);
    expect(threadWrite.values.lastCommentId).to.deep.equal({stringValue: commentWrite.path.split('/').pop()});
    expect(threadWrite.values.url).to.deep.equal({stringValue: thread.url});
  });

  it('keeps the guest email out of the comment, in the owner-only profile', async () => {
    const email = 'samantha@her.example';
    void post(newThread(), {email});
    await commitsSent(1);
    const writes = traffic.commits[0];
    const comment = writes.find((w) => w.path.includes('/comments/'))!;
    expect(JSON.stringify(comment.values)).to.not.include(email);
    expect(comment.fields).to.not.include('email');
    const profile = writes.find((w) => w.path === `users/${UID}/private/profile`)!;
    expect(profile.values).to.deep.equal({email: {stringValue: email}});
    expect(writes.length).to.equal(4);
  });
});

/** A contract store on the emulator (test/helpers/firestore-emulator.ts); async, as the contract asks. */
const emulatorStore = async (uid: string) => emulatorContractStore(uid);

const randomUid = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

describe('with the Firestore emulator', function () {
  before(function () {
    // Skipped, not failed, without it: FIRESTORE_EMULATOR_HOST not set: `npm run test:emulators` starts one, or says why it could not.
    if (!emulatorHost) this.skip();
  });

  commentStoreContract(`FirestoreStore against the emulator at ${emulatorHost}`, () =>
    emulatorStore(randomUid('guest')),
  );

  describe(`FirestoreStore against the emulator at ${emulatorHost}: rules as the store meets them`, () => {
    let opened: Array<{dispose(): Promise<void> | void}>;
    let watchers: Watcher[];
    beforeEach(async () => {
      opened = [];
      watchers = [];
      await writeAsOwner('config/site', {postIntervalSeconds: 0});
    });
    afterEach(async () => {
      watchers.forEach((w) => w.close());
      await Promise.all(opened.map((o) => o.dispose()));
    });
    const open = async (uid = randomUid('reader')) => {
      const subject = await emulatorStore(uid);
      opened.push(subject);
      return subject;
    };
    const watch = (store: CommentStore, thread = newThread(), pageSize = 20) => {
      const watcher = new Watcher(store, thread, 'oldest', pageSize);
      watchers.push(watcher);
      return watcher;
    };
    const postAs = (subject: {store: CommentStore; uid: string}, thread: ReturnType<typeof newThread>, body: string) =>
      subject.store.post(thread, {parentId: null, body, author: guestAuthor(subject.uid)});

    it('rejects a post under someone else’s uid with permission-denied, and takes it back from view', async () => {
      const {store} = await open('mallory');
      const thread = newThread();
      const watcher = watch(store, thread);
      await watcher.ready();
      const error = await store
        .post(thread, {parentId: null, body: 'Pretending', author: guestAuthor('samantha')})
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).to.be.instanceOf(StoreError);
      expect((error as StoreError).code).to.equal('permission-denied');
      await watcher.until('the refused comment gone', (s) => s.comments.length === 0);
    });

    it('posts to a thread that exists without having watched it (one retry, no read)', async () => {
      const thread = newThread();
      const first = await open();
      const second = await open();
      await postAs(first, thread, 'First');
      // A fresh store has seen nothing of this thread and guesses it is new; the rules say no.
      const comment = await postAs(second, thread, 'Second');
      expect(comment.body).to.equal('Second');
      const state = await watch(second.store, thread).until('both comments', (s) => s.comments.length === 2);
      expect(state.count).to.equal(2);
    });

    it('lands posts sent at once into a new thread from three tabs, each counted once (contention is sent again)', async function () {
      this.timeout(120_000); // a lost race costs a second's wait before the write goes again
      // The emulator answers some of these commits "aborted" (writes to one thread and one stamp
      // at once), as Firestore does under contention. Three threads, to meet the race surely.
      for (let round = 0; round < 3; round++) {
        const thread = newThread();
        const tabs = await Promise.all([open(), open(), open()]);
        const sent = tabs.flatMap((tab, t) => [1, 2].map((k) => postAs(tab, thread, `Tab ${t + 1}, comment ${k}`)));
        const outcomes = await Promise.allSettled(sent);
        expect(
          outcomes.map((o) => (o.status === 'fulfilled' ? 'posted' : String((o.reason as Error).message))),
          `round ${round + 1}`,
        ).to.deep.equal(Array(6).fill('posted'));
        const state = await watch(tabs[0].store, thread).until('all six', (s) => s.comments.length === 6);
        expect(state.count).to.equal(6);
      }
    });

    it('refuses a post to a thread it has seen locked, with a StoreError', async () => {
      const thread = newThread();
      await writeAsOwner(`threads/${thread.id}`, {url: thread.url, title: thread.title, commentCount: 0, locked: true});
      const reader = await open();
      await watch(reader.store, thread).until('the locked thread', (s) => s.locked);
      const error = await postAs(reader, thread, 'Too late').then(
        () => null,
        (e: unknown) => e,
      );
      expect((error as StoreError).code).to.equal('locked');
    });

    it('shows another reader’s new comment, edit and pin without a reload, by polling the thread', async () => {
      const thread = newThread();
      const writer = await open();
      const reader = await open();
      const view = watch(reader.store, thread);
      await view.ready();
      const comment = await postAs(writer, thread, 'First draft');
      await view.until('the new comment', (s) => s.comments.some((c) => c.body === 'First draft') && s.count === 1);
      await writeAsOwner('config/site', {postIntervalSeconds: 0, editWindowMinutes: 30});
      await writer.store.edit(thread, comment, 'Second draft', {uid: writer.uid, provider: 'guest'});
      await view.until('the edit', (s) => s.comments[0]?.body === 'Second draft' && !!s.comments[0].editedAt);
      const {store: modStore, viewer: moderator} = await writer.moderator();
      await modStore.moderate(thread, {...comment, body: 'Second draft'}, {pinned: true}, moderator);
      await view.until('the pin', (s) => s.comments[0]?.pinned === true);
    });

    it('posts again at once when the site’s settings could not be read: a guessed interval refuses nothing', async () => {
      const reader = await open();
      const thread = newThread();
      const original = window.fetch;
      // Every read of config/site fails, as on a connection that drops it; everything else goes through.
      window.fetch = async (input, init) => {
        if (
          /:batchGet/.test(String(input instanceof Request ? input.url : input)) &&
          /config\/site/.test(String(init?.body))
        )
          throw new TypeError('Failed to fetch');
        return original(input, init);
      };
      try {
        await postAs(reader, thread, 'First');
        // The defaults ask for a pause between posts; this site asks for none, and the rules know it.
        const second = await postAs(reader, thread, 'Right after');
        expect(second.body).to.equal('Right after');
      } finally {
        window.fetch = original;
      }
    });

    it('takes a delete that another tab made first as done, not as a refusal', async () => {
      const uid = randomUid('reader');
      const [here, there] = [await open(uid), await open(uid)];
      const thread = newThread();
      const comment = await postAs(here, thread, 'Regrets');
      await there.store.remove(thread, comment, {uid, provider: 'guest'});
      // This tab still shows the comment as published and deletes it too: the rules refuse a second
      // delete, and the store reads that the comment is deleted already.
      await here.store.remove(thread, comment, {uid, provider: 'guest'});
      const state = await watch(here.store, thread).until('the comment deleted', (s) =>
        s.comments.every((c) => c.status === 'deleted'),
      );
      expect(state.count).to.equal(0);
    });

    it('sends a post written offline once the connection is back', async () => {
      const reader = await open();
      const thread = newThread();
      const view = watch(reader.store, thread);
      await view.ready();
      const traffic = new FirestoreTraffic().start();
      try {
        traffic.offline = true;
        const posting = postAs(reader, thread, 'Written in a tunnel');
        const waiting = await view.until('the comment, sending', (s) => s.comments.some((c) => c.sending));
        expect(waiting.comments[0].body).to.equal('Written in a tunnel');
        await sleep(300);
        traffic.offline = false;
        window.dispatchEvent(new Event('online'));
        const confirmed = await posting;
        expect(confirmed.sending).to.not.equal(true);
        await view.until(
          'the comment, sent',
          (s) => s.comments.length === 1 && !s.comments[0].sending && s.count === 1,
        );
        // Read back by a reader who was never offline: it reached the server, once.
        const other = await open();
        const state = await watch(other.store, thread).until(
          'the comment, for another reader',
          (s) => s.comments.length === 1,
        );
        expect(state.comments[0].body).to.equal('Written in a tunnel');
      } finally {
        traffic.stop();
      }
    });
  });

  describe(`FirestoreStore against the emulator at ${emulatorHost}: what each action costs`, () => {
    let subject: ContractStore & {db: Firestore};
    let traffic: FirestoreTraffic;
    let watchers: Watcher[];
    beforeEach(async () => {
      await writeAsOwner('config/site', {postIntervalSeconds: 0});
      subject = await emulatorStore(randomUid('reader'));
      watchers = [];
    });
    afterEach(async () => {
      watchers.forEach((w) => w.close());
      traffic?.stop();
      await subject.dispose();
    });
    const watch = (thread: ReturnType<typeof newThread>, pageSize = 20, store = subject.store) => {
      const watcher = new Watcher(store, thread, 'oldest', pageSize);
      watchers.push(watcher);
      return watcher;
    };
    /** A thread of `n` comments, written and confirmed before the counting starts. */
    const seeded = async (n: number) => {
      const thread = newThread();
      for (let i = 0; i < n; i++)
        await subject.store.post(thread, {parentId: null, body: `c${i}`, author: guestAuthor(subject.uid)});
      return thread;
    };
    /** A store of a reader arriving fresh (nothing known), its traffic counted from now. */
    const freshReader = async () => {
      const reader = await emulatorStore(randomUid('visitor'));
      const close = subject.dispose;
      subject.dispose = async () => {
        await close();
        await reader.dispose();
      };
      traffic = new FirestoreTraffic().start();
      return reader.store;
    };

    it('an empty thread: one read', async () => {
      const store = await freshReader();
      await watch(newThread(), 20, store).ready();
      await sleep(100);
      expect(traffic.reads).to.equal(1);
    });

    it('a page view: one read for the thread, one per comment of the first page, one for their replies', async () => {
      const thread = await seeded(5);
      const store = await freshReader();
      await watch(thread, 3, store).until('the first page', (s) => !s.loading && s.comments.length === 3);
      await sleep(100);
      // The replies query finds none here, and an empty answer still costs a read.
      expect(traffic.reads).to.equal(1 + 3 + 1);
    });

    it('a thread that fits one page and has no replies: no replies query', async () => {
      const thread = await seeded(3);
      const store = await freshReader();
      await watch(thread, 20, store).until('the thread', (s) => !s.loading && s.comments.length === 3);
      await sleep(100);
      expect(traffic.reads).to.equal(1 + 3);
    });

    it('a thread that fits one page, replies and all: one query after the thread, in the view’s order', async () => {
      const thread = newThread();
      const author = guestAuthor(subject.uid);
      const first = await subject.store.post(thread, {parentId: null, body: 'first', author});
      await sleep(3);
      const second = await subject.store.post(thread, {parentId: null, body: 'second', author});
      await subject.store.post(thread, {parentId: first.id, rootId: first.id, body: 'reply to first', author});
      await subject.store.post(thread, {parentId: second.id, rootId: second.id, body: 'reply to second', author});
      for (const sort of ['oldest', 'newest'] as const) {
        const store = await freshReader();
        const view = new Watcher(store, thread, sort, 20);
        const state = await view.until(`the thread, ${sort}`, (s) => !s.loading && s.comments.length === 4);
        view.close();
        await sleep(100);
        expect(traffic.answers.map((a) => a.kind).slice(0, 2), sort).to.deep.equal(['get', 'query']);
        expect(traffic.reads, sort).to.equal(1 + 4);
        expect(state.hasMore).to.equal(false);
        const tree = buildThreadTree(state.comments, sort, 3);
        expect(
          tree.map((n) => [n.comment.body, n.children.map((c) => c.comment.body)]),
          sort,
        ).to.deep.equal(
          sort === 'oldest'
            ? [
                ['first', ['reply to first']],
                ['second', ['reply to second']],
              ]
            : [
                ['second', ['reply to second']],
                ['first', ['reply to first']],
              ],
        );
        traffic.stop();
      }
    });

    it('a poll that finds nothing new: one read', async () => {
      const thread = await seeded(2);
      const store = await freshReader();
      await watch(thread, 20, store).until('the comments', (s) => !s.loading && s.comments.length === 2);
      const afterView = traffic.answers.length;
      await sleep(2 * QUICK_POLLS.maxMs);
      const polls = traffic.answers.slice(afterView);
      expect(polls.length, 'polls').to.be.at.least(1);
      expect(polls).to.deep.equal(polls.map(() => ({kind: 'get', reads: 1})));
    });

    it('another reader’s edit: the poll that sees it reads that comment alone', async () => {
      await writeAsOwner('config/site', {postIntervalSeconds: 0, editWindowMinutes: 30});
      const thread = await seeded(5);
      const store = await freshReader();
      const view = watch(thread, 20, store);
      const first = await view.until('the comments', (s) => !s.loading && s.comments.length === 5);
      const target = first.comments.find((c) => c.body === 'c2')!;
      await subject.store.edit(thread, target, 'c2, reconsidered', {uid: subject.uid, provider: 'guest'});
      const afterView = traffic.answers.length;
      await view.until('the edit', (s) => s.comments.some((c) => c.body === 'c2, reconsidered'));
      const reads = traffic.answers.slice(afterView);
      // Quiet polls and the one that saw the edit read the thread document; then one comment.
      expect(
        reads.every((r) => r.kind === 'get' && r.reads === 1),
        JSON.stringify(reads),
      ).to.equal(true);
      expect(view.latest!.comments.length).to.equal(5);
    });

    it('a post: one commit of three writes (comment, thread, stamp), no read beyond the site’s settings', async () => {
      const thread = newThread();
      traffic = new FirestoreTraffic().start();
      await subject.store.post(thread, {parentId: null, body: 'Counted', author: guestAuthor(subject.uid)});
      expect(traffic.commits.length).to.equal(1);
      expect(traffic.commits[0].length).to.equal(3);
      expect(traffic.reads, 'config/site').to.equal(1);
    });

    it('a guest’s email: written to their profile with a post only when it changed', async () => {
      const thread = newThread();
      traffic = new FirestoreTraffic().start();
      const postWith = (email: string, body: string) =>
        subject.store.post(thread, {parentId: null, body, email, author: guestAuthor(subject.uid)});
      await postWith('samantha@her.example', 'one');
      await postWith('samantha@her.example', 'two');
      await postWith('sam@new.example', 'three');
      const profileWritten = traffic.commits.map((commit) => commit.some((w) => w.path.endsWith('/private/profile')));
      expect(profileWritten).to.deep.equal([true, false, true]);
    });

    it('likes: one more read for a page view with a reader (none without one), two writes a like', async () => {
      const thread = await seeded(3);
      const liker = await emulatorStore(randomUid('liker'));
      const close = subject.dispose;
      subject.dispose = async () => {
        await close();
        await liker.dispose();
      };
      const viewer = {uid: liker.uid, provider: 'guest' as const};
      traffic = new FirestoreTraffic().start();
      const signedOut = new Watcher(liker.store, thread, 'oldest', 20, null);
      watchers.push(signedOut);
      await signedOut.until('the thread', (s) => !s.loading && s.comments.length === 3);
      await sleep(100);
      expect(traffic.reads, 'no session: no likes read').to.equal(1 + 3);
      traffic.stop();
      signedOut.close();

      traffic = new FirestoreTraffic().start();
      const view = new Watcher(liker.store, thread, 'oldest', 20, viewer);
      watchers.push(view);
      const state = await view.until(
        'the thread, with what the reader likes',
        (s) => s.comments.length === 3 && s.comments.every((c) => c.liked === false),
      );
      await sleep(100);
      expect(traffic.reads, 'the thread, its comments, the reader’s likes').to.equal(1 + 3 + 1);
      traffic.stop();
      view.close();

      traffic = new FirestoreTraffic().start();
      const [first, second] = state.comments;
      await liker.store.like!(thread, first, true, viewer);
      await liker.store.like!(thread, second, true, viewer);
      expect(traffic.commits.map((commit) => commit.length)).to.deep.equal([2, 2]);
      expect(traffic.writtenPaths()).to.deep.equal(
        [
          `threads/${thread.id}/comments/${first.id}`,
          `threads/${thread.id}/comments/${second.id}`,
          `threads/${thread.id}/likes/${liker.uid}`,
        ].sort(),
      );
      expect(traffic.reads, 'the reader’s likes, once, at the first like').to.equal(1);
    });

    it('count badges: one read per thread counted, one for threads without a document', async () => {
      const her = await seeded(2);
      const arrival = await seeded(1);
      traffic = new FirestoreTraffic().start();
      expect(await subject.store.countComments([her, arrival, her])).to.deep.equal([2, 1, 2]);
      expect(traffic.reads).to.equal(2);
    });
  });
});
