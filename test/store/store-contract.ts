/**
 * The behaviours every CommentStore must have, seen the way the UI sees them: through the
 * ThreadState a watcher receives. Nothing here waits on post()'s promise unless the store says it
 * confirms posts, because an offline Firestore keeps every post queued (and unresolved).
 */
import {expect} from '@open-wc/testing';
import type {Author, Comment, NewComment, SortOrder, ThreadRef} from '../../src/model/comment.js';
import type {SiteConfig} from '../../src/model/site-config.js';
import {LIMITS} from '../../src/model/limits.js';
import {timeOrderedId} from '../../src/model/comment-id.js';
import {buildThreadTree} from '../../src/model/thread-tree.js';
import type {
  CommentStore,
  SettledAuthor,
  StoreError,
  ThreadState,
  ThreadWatch,
  Viewer,
} from '../../src/store/comment-store.js';

export interface ContractStore {
  store: CommentStore;
  /** The uid the backend accepts as an author (Firestore's rules want the signed-in user's). */
  uid: string;
  /** post() settles: the backend is reachable. An offline Firestore never confirms. */
  confirms: boolean;
  /**
   * Replaces the site's settings (config/site; what is left out takes its default). The suite
   * turns the rate limit off before each test ({postIntervalSeconds: 0}) and on where it tests it.
   */
  configure(site: Partial<SiteConfig>): Promise<void>;
  /**
   * A moderator (known to the backend as one) and the store that acts for them: the same store
   * where the backend does not authenticate, another one signed in as them where it does.
   */
  moderator(): Promise<{store: CommentStore; viewer: Viewer}>;
  dispose(): Promise<void> | void;
  /** Requests fail now and then (test/store/firestore/firestore-dropped-answers.test.ts): a question may go unanswered. */
  lossy?: boolean;
}

let threadCounter = 0;
export function newThread(title = 'Film Review for Her'): ThreadRef {
  const id = `contract-${Date.now().toString(36)}-${(threadCounter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return {id, url: `https://blog.example/${id}`, title};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function describeState(state: ThreadState | undefined): string {
  if (!state) return 'no state yet';
  const {comments, ...rest} = state;
  return JSON.stringify({...rest, comments: comments.map((c) => `${c.body}${c.sending ? ' (sending)' : ''}`)});
}

/** Records what a watcher is told, and waits for a state that satisfies a condition. */
export class Watcher {
  readonly states: ThreadState[] = [];
  readonly handle: ThreadWatch;
  private readonly waiters = new Set<() => void>();

  constructor(
    store: CommentStore,
    thread: ThreadRef,
    sort: SortOrder = 'oldest',
    pageSize = 50,
    viewer: Viewer | null = null,
  ) {
    this.handle = store.watchThread(thread, {sort, pageSize, viewer}, (state) => {
      this.states.push(state);
      for (const check of [...this.waiters]) check();
    });
  }

  get latest(): ThreadState | undefined {
    return this.states.at(-1);
  }

  // As long as test/helpers/wait-until.ts: the first answer can take seconds on a busy machine.
  until(what: string, condition: (state: ThreadState) => boolean, timeout = 20_000): Promise<ThreadState> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const state = this.latest;
        if (state && condition(state)) {
          done();
          resolve(state);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out waiting for ${what}; last state: ${describeState(this.latest)}`));
      }, timeout);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The first answer: loading is over. */
  ready(): Promise<ThreadState> {
    return this.until('the first answer', (state) => !state.loading);
  }

  close(): void {
    this.handle.close();
  }
}

export function guestAuthor(uid: string, name = 'Samantha'): Author {
  return {uid, name, url: 'https://samantha.example', provider: 'guest'};
}

/** Bodies sorted by a store's `createdAt` (ties by id), as the view would show them. */
function bodiesByTime(comments: Comment[], sort: SortOrder): string[] {
  const sorted = [...comments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  return (sort === 'newest' ? sorted.reverse() : sorted).map((c) => c.body);
}

export function commentStoreContract(name: string, open: () => Promise<ContractStore>): void {
  describe(`${name}: CommentStore contract`, () => {
    let subject: ContractStore;
    let watchers: Watcher[];

    beforeEach(async () => {
      subject = await open();
      await subject.configure({postIntervalSeconds: 0});
      watchers = [];
    });

    afterEach(async () => {
      watchers.forEach((w) => w.close());
      await subject.dispose();
    });

    const watch = (thread: ThreadRef, sort: SortOrder = 'oldest', pageSize = 50, viewer: Viewer | null = null) => {
      const watcher = new Watcher(subject.store, thread, sort, pageSize, viewer);
      watchers.push(watcher);
      return watcher;
    };
    /** The reader as their session knows them: the author of the suite's posts. */
    const reader = (): Viewer => ({uid: subject.uid, provider: 'guest'});
    /** A change that settles only where the backend confirms; the view shows it before that. */
    const write = <T>(promise: Promise<T>) => {
      promise.catch(() => {});
      return promise;
    };
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: StoreError) => error,
      );

    /** Posts without waiting for confirmation (that may never come offline). */
    const post = (thread: ThreadRef, comment: Omit<NewComment, 'author'> & {author?: Author}) => {
      const pending = subject.store.post(thread, {author: guestAuthor(subject.uid), ...comment});
      pending.catch(() => {}); // a queued post is abandoned when the test's store is disposed
      return pending;
    };

    /** Posts comments one by one, each after the previous one is visible, as a reader would. */
    const postInTurn = async (thread: ThreadRef, bodies: string[]) => {
      const observer = watch(thread);
      await observer.ready();
      for (const [i, body] of bodies.entries()) {
        const posting = post(thread, {parentId: null, body});
        await observer.until(`comment ${i + 1} to show`, (s) => s.comments.some((c) => c.body === body));
        // Where the backend confirms, page through confirmed comments (Firestore: real cursors).
        if (subject.confirms) await posting;
        await sleep(3); // distinct creation times, as between any two human posts
      }
      observer.close();
    };

    it('shows a new thread as empty, with a count of 0', async () => {
      const state = await watch(newThread()).ready();
      expect(state.comments).to.deep.equal([]);
      expect(state.count).to.equal(0);
      expect(state.hasMore).to.equal(false);
      expect(state.locked).to.equal(false);
      expect(state.error).to.equal(undefined);
    });

    it('shows a posted comment to watchers with its author, body and parent intact, and a count of 1', async () => {
      const thread = newThread();
      const watcher = watch(thread);
      await watcher.ready();
      const author: Author = {
        uid: subject.uid,
        name: 'Theodore',
        url: 'https://theodore.example/letters',
        avatarUrl: `https://gravatar.com/avatar/${'5e'.repeat(32)}?s=96&d=identicon`,
        provider: 'guest',
      };
      void post(thread, {parentId: null, body: 'A film about loneliness.', author});

      const state = await watcher.until('the comment', (s) => s.comments.length === 1 && s.count === 1);
      const [comment] = state.comments;
      expect(comment.body).to.equal('A film about loneliness.');
      expect(comment.author).to.deep.equal(author);
      expect(comment.parentId).to.equal(null);
      expect(comment.status).to.equal('published');
      expect(comment.id).to.be.a('string').and.not.equal('');
    });

    it('keeps the parentId of a reply', async () => {
      const thread = newThread();
      const watcher = watch(thread);
      await watcher.ready();
      void post(thread, {parentId: null, body: 'Parent'});
      const parent = (await watcher.until('the parent', (s) => s.comments.length === 1)).comments[0];
      void post(thread, {parentId: parent.id, body: 'Reply'});

      const state = await watcher.until('the reply', (s) => s.comments.length === 2 && s.count === 2);
      const reply = state.comments.find((c) => c.body === 'Reply')!;
      expect(reply.parentId).to.equal(parent.id);
      expect(state.comments.find((c) => c.body === 'Parent')!.parentId).to.equal(null);
    });

    for (const sort of ['oldest', 'newest'] as const) {
      it(`loads the ${sort} comments first when sorted by ${sort}`, async () => {
        const thread = newThread();
        await postInTurn(thread, ['first', 'second', 'third']);

        const state = await watch(thread, sort, 2).until('a page of 2', (s) => !s.loading && s.comments.length === 2);
        const expected = sort === 'oldest' ? ['first', 'second'] : ['third', 'second'];
        expect(bodiesByTime(state.comments, sort)).to.deep.equal(expected);
        expect(state.count).to.equal(3);
        expect(state.hasMore).to.equal(true);
      });

      it(`pages through 7 comments 3 at a time, in ${sort} order`, async () => {
        const thread = newThread();
        const bodies = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
        await postInTurn(thread, bodies);
        const inOrder = sort === 'oldest' ? bodies : [...bodies].reverse();

        const watcher = watch(thread, sort, 3);
        let state = await watcher.until('page 1', (s) => !s.loading && s.comments.length === 3);
        expect(bodiesByTime(state.comments, sort)).to.deep.equal(inOrder.slice(0, 3));
        expect(state.count).to.equal(7);
        expect(state.hasMore, 'more after page 1').to.equal(true);

        watcher.handle.loadMore();
        state = await watcher.until('page 2', (s) => s.comments.length === 6 && s.hasMore);
        expect(bodiesByTime(state.comments, sort)).to.deep.equal(inOrder.slice(0, 6));

        watcher.handle.loadMore();
        state = await watcher.until('page 3', (s) => s.comments.length === 7);
        expect(bodiesByTime(state.comments, sort)).to.deep.equal(inOrder);
        expect(new Set(state.comments.map((c) => c.id)).size, 'no duplicates').to.equal(7);
        await watcher.until('no more', (s) => !s.hasMore);
      });
    }

    it('keeps every loaded comment in view when a new one arrives (newest first, two pages)', async () => {
      const thread = newThread();
      await postInTurn(thread, ['c1', 'c2', 'c3', 'c4', 'c5']);
      const watcher = watch(thread, 'newest', 3);
      await watcher.until('page 1', (s) => !s.loading && s.comments.length === 3);
      watcher.handle.loadMore();
      await watcher.until('page 2', (s) => s.comments.length === 5);

      void post(thread, {parentId: null, body: 'c6'});
      const state = await watcher.until('the new comment', (s) => s.comments.some((c) => c.body === 'c6'));
      expect(bodiesByTime(state.comments, 'oldest')).to.deep.equal(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
      expect(state.count).to.equal(6);
    });

    it('keeps threads apart: a watcher never sees another thread’s comments', async () => {
      const her = newThread('Her');
      const arrival = newThread('Arrival');
      const herWatcher = watch(her);
      const arrivalWatcher = watch(arrival);
      await Promise.all([herWatcher.ready(), arrivalWatcher.ready()]);

      void post(her, {parentId: null, body: 'About Her'});
      void post(arrival, {parentId: null, body: 'About Arrival'});
      const herState = await herWatcher.until('Her comment', (s) => s.comments.length === 1);
      const arrivalState = await arrivalWatcher.until('Arrival comment', (s) => s.comments.length === 1);
      await sleep(50);

      expect(herState.comments.map((c) => c.body)).to.deep.equal(['About Her']);
      expect(arrivalState.comments.map((c) => c.body)).to.deep.equal(['About Arrival']);
      expect(herWatcher.latest!.comments.map((c) => c.body)).to.deep.equal(['About Her']);
      expect(herWatcher.latest!.count).to.equal(1);
      expect(arrivalWatcher.latest!.comments.map((c) => c.body)).to.deep.equal(['About Arrival']);
    });

    it('calls a closed watcher no more', async () => {
      const thread = newThread();
      const closed = watch(thread);
      const open = watch(thread);
      await Promise.all([closed.ready(), open.ready()]);
      closed.close();
      const callsAtClose = closed.states.length;

      void post(thread, {parentId: null, body: 'Nobody is listening?'});
      await open.until('the comment', (s) => s.comments.length === 1);
      await sleep(100);
      expect(closed.states.length).to.equal(callsAtClose);
    });

    it('stores the body verbatim, markup and whitespace included', async () => {
      const thread = newThread();
      const watcher = watch(thread);
      await watcher.ready();
      const body = '<script>alert("x")</script>\n\n  <b>bold?</b> &amp; "quotes" \'apos\' é 😀\r\nlast line  ';
      void post(thread, {parentId: null, body});
      const state = await watcher.until('the comment', (s) => s.comments.length === 1);
      expect(state.comments[0].body).to.equal(body);
    });

    it('gives createdAt as a Date near the posting time', async () => {
      const thread = newThread();
      const watcher = watch(thread);
      await watcher.ready();
      const before = Date.now();
      void post(thread, {parentId: null, body: 'When?'});
      const {createdAt} = (await watcher.until('the comment', (s) => s.comments.length === 1)).comments[0];
      expect(createdAt).to.be.instanceOf(Date);
      expect(Math.abs(createdAt.getTime() - before)).to.be.below(60_000); // allows an emulator's clock skew
    });

    it('counts the published comments of several threads in one call, in the order asked', async () => {
      const her = newThread('Her');
      const arrival = newThread('Arrival');
      await postInTurn(her, ['one', 'two']);
      await postInTurn(arrival, ['only']);
      const ask = () => subject.store.countComments([arrival, newThread('Nobody yet'), her, arrival]);
      let counts = await ask();
      // The Cloud SDK's Firestore emulator now and then answers a query right after a confirmed
      // write with the document as it was before (Firestore itself is strongly consistent), so
      // ask again for a moment before judging.
      for (let i = 0; i < 20 && counts.join() !== '1,0,2,1'; i++) {
        await sleep(100);
        counts = await ask();
      }
      expect(counts).to.deep.equal([1, 0, 2, 1]);
      expect(await subject.store.countComments([])).to.deep.equal([]);
    });

    it('marks a comment as sending until the backend confirms it', async () => {
      const thread = newThread();
      const watcher = watch(thread);
      await watcher.ready();
      const posting = post(thread, {parentId: null, body: 'Is it saved?'});
      const first = await watcher.until('the comment', (s) => s.comments.length === 1);
      expect(first.comments[0].sending).to.equal(true);
      if (!subject.confirms) return; // offline: it stays queued, and sending
      const confirmed = await posting;
      expect(confirmed.id).to.equal(first.comments[0].id);
      expect(confirmed.sending).to.not.equal(true);
      expect(confirmed.body).to.equal('Is it saved?');
      expect(confirmed.createdAt).to.be.instanceOf(Date);
      await watcher.until('the comment confirmed', (s) => s.comments.length === 1 && !s.comments[0].sending);
    });

    it('shows a comment posted while the view is open even beyond its loaded pages', async () => {
      const thread = newThread();
      await postInTurn(thread, ['c1', 'c2', 'c3']);
      const watcher = watch(thread, 'oldest', 2, reader());
      await watcher.until('page 1', (s) => !s.loading && s.comments.length === 2 && s.hasMore);

      void post(thread, {parentId: null, body: 'mine'});
      let state = await watcher.until('my comment', (s) => s.comments.some((c) => c.body === 'mine'));
      expect(bodiesByTime(state.comments, 'oldest')).to.deep.equal(['c1', 'c2', 'mine']);
      expect(state.comments.find((c) => c.body === 'mine')!.sending).to.equal(true);
      expect(state.count).to.equal(4);
      expect(state.hasMore, 'c3 is still beyond the page').to.equal(true);

      watcher.handle.loadMore();
      state = await watcher.until('page 2', (s) => s.comments.some((c) => c.body === 'c3'));
      expect(new Set(state.comments.map((c) => c.id)).size, 'no duplicates').to.equal(state.comments.length);
      expect(bodiesByTime(state.comments, 'oldest')).to.include.members(['c1', 'c2', 'c3', 'mine']);
      // A view opened later pages as usual: the comment is just one of the thread's.
      const later = await watch(thread, 'oldest', 2).until(
        'a later view',
        (s) => !s.loading && s.comments.length === 2,
      );
      expect(bodiesByTime(later.comments, 'oldest')).to.deep.equal(['c1', 'c2']);
    });

    it('holds a comment with more links than the site allows for review, shown to its author only', async () => {
      const thread = newThread();
      const watcher = watch(thread, 'oldest', 50, reader());
      await watcher.ready();
      const body = 'See https://a.example https://b.example https://c.example';
      void post(thread, {parentId: null, body});
      const state = await watcher.until('the held comment', (s) => s.comments.length === 1);
      expect(state.comments[0].status).to.equal('pending');
      expect(state.count, 'pending comments are not counted').to.equal(0);

      const stranger = await watch(thread, 'oldest', 50, {uid: 'someone-else', provider: 'guest'}).ready();
      await sleep(50);
      expect(stranger.comments).to.deep.equal([]);
      const author = await watch(thread, 'oldest', 50, reader()).until(
        'the author’s own pending comment',
        (s) => s.comments.length === 1,
      );
      expect(author.comments[0].body).to.equal(body);
      expect(author.comments[0].status).to.equal('pending');
    });

    describe('a post whose author is still being settled (a first-time guest’s account being made)', () => {
      /** A post under the name typed, sent once `settle` says whose it is. */
      const postBeforeAccount = (thread: ThreadRef, body: string) => {
        let settle!: (settled: SettledAuthor) => void;
        let fail!: (error: Error) => void;
        const settling = new Promise<SettledAuthor>((resolve, reject) => ([settle, fail] = [resolve, reject]));
        const typed: Author = {uid: '', name: 'Samantha', provider: 'guest'};
        const posting = subject.store.post(thread, {parentId: null, body, author: typed}, settling);
        posting.catch(() => {});
        return {posting, settle, fail};
      };

      it('shows it at once under the name typed, then sends it as the account’s', async () => {
        const thread = newThread();
        const watcher = watch(thread, 'oldest', 50, reader());
        await watcher.ready();
        const {posting, settle} = postBeforeAccount(thread, 'Before my account');
        const [shown] = (await watcher.until('the comment, at once', (s) => s.comments.length === 1)).comments;
        expect([shown.body, shown.author.name, shown.sending]).to.deep.equal(['Before my account', 'Samantha', true]);
        await sleep(100);
        expect(
          watcher.latest!.comments.map((c) => c.sending),
          'nothing sent without an account',
        ).to.deep.equal([true]);

        settle({author: guestAuthor(subject.uid), email: 'samantha@example.com'});
        if (subject.confirms) {
          const posted = await posting;
          expect([posted.author.uid, posted.author.url]).to.deep.equal([subject.uid, 'https://samantha.example']);
          const fresh = await watch(thread, 'oldest', 50, reader()).until(
            'a fresh view',
            (s) => s.comments.length === 1 && !s.loading,
          );
          expect([fresh.count, fresh.comments[0].author.uid, fresh.comments[0].body]).to.deep.equal([
            1,
            subject.uid,
            'Before my account',
          ]);
        }
      });

      it('takes it back, with the reason, when no account can be made', async () => {
        const thread = newThread();
        const watcher = watch(thread, 'oldest', 50, reader());
        await watcher.ready();
        const {posting, fail} = postBeforeAccount(thread, 'Never sent');
        await watcher.until('the comment, at once', (s) => s.comments.length === 1);
        fail(new Error('Anonymous sign-in is turned off.'));
        expect(await refusal(posting)).to.have.property('message', 'Anonymous sign-in is turned off.');
        await watcher.until('the comment taken back', (s) => s.comments.length === 0);
        const fresh = await watch(thread, 'oldest', 50, reader()).ready();
        expect([fresh.count, fresh.comments.length]).to.deep.equal([0, 0]);
      });
    });

    it('shows a reader their pending comments once they are known, without starting the view over', async () => {
      const thread = newThread();
      const first = watch(thread, 'oldest', 50, reader());
      await first.ready();
      const posting = post(thread, {parentId: null, body: 'https://a.example https://b.example https://c.example'});
      await first.until('the held comment', (s) => s.comments.length === 1);
      if (subject.confirms) await posting;

      const later = watch(thread); // a new page view, the reader not signed in yet
      await later.ready();
      await sleep(50);
      expect(later.latest!.comments).to.deep.equal([]);
      const calls = later.states.length;
      later.handle.setViewer(reader());
      const state = await later.until('their pending comment', (s) => s.comments.length === 1);
      expect(state.comments[0].status).to.equal('pending');
      expect(
        later.states.slice(calls).every((s) => !s.loading),
        'no loading in between',
      ).to.equal(true);
      later.handle.setViewer(null);
      await later.until('signed out: none', (s) => s.comments.length === 0);
    });

    it('holds every comment for review when the site says so', async () => {
      await subject.configure({postIntervalSeconds: 0, moderation: 'all'});
      const thread = newThread();
      const watcher = watch(thread, 'oldest', 50, reader());
      await watcher.ready();
      void post(thread, {parentId: null, body: 'Plain words.'});
      const state = await watcher.until(
        'the comment',
        (s) => s.comments.length === 1 && (!subject.lossy || s.comments[0].status === 'pending'),
      );
      expect(state.comments[0].status).to.equal('pending');
    });

    it('refuses a second comment sooner than the site’s interval', async () => {
      await subject.configure({postIntervalSeconds: 60});
      const thread = newThread();
      const watcher = watch(thread);
      await watcher.ready();
      void post(thread, {parentId: null, body: 'First'});
      await watcher.until('the first comment', (s) => s.comments.length === 1);
      const error = await refusal(post(thread, {parentId: null, body: 'Second'}));
      expect(error?.code).to.equal('rate-limited');
      expect(error?.retryAfterSeconds).to.be.within(1, 60);
      await sleep(50);
      expect(watcher.latest!.comments.map((c) => c.body)).to.deep.equal(['First']);
    });

    it('posts once, however often one id is sent (a retry, a reload, another tab)', async () => {
      const thread = newThread();
      const watcher = watch(thread);
      await watcher.ready();
      const id = timeOrderedId();
      const first = await write(post(thread, {id, parentId: null, body: 'Only once'}));
      expect(first.id).to.equal(id);
      const again = await write(post(thread, {id, parentId: null, body: 'Only once'}));
      expect(again.id).to.equal(id);
      const state = await watcher.until('the comment', (s) => s.comments.length === 1 && !s.comments[0].sending);
      await sleep(50);
      expect(watcher.latest!.comments.map((c) => c.id)).to.deep.equal([id]);
      expect(state.count).to.equal(1);
      // isPosted rejects when it cannot ask; where requests fail at random that is no answer.
      if (subject.store.isPosted && !subject.lossy) {
        expect(await subject.store.isPosted(thread, id, reader())).to.equal(true);
        expect(await subject.store.isPosted(thread, timeOrderedId(), reader())).to.equal(false);
      }
    });

    it('keeps the rate limit across threads: it is the account’s, site-wide', async () => {
      await subject.configure({postIntervalSeconds: 60});
      const [here, there] = [newThread(), newThread()];
      const watcher = watch(here);
      await watcher.ready();
      void post(here, {parentId: null, body: 'Here'});
      await watcher.until('the first comment', (s) => s.comments.length === 1);
      expect((await refusal(post(there, {parentId: null, body: 'And there'})))?.code).to.equal('rate-limited');
    });

    it('refuses a reply to a comment readers cannot see yet', async () => {
      await subject.configure({postIntervalSeconds: 0, moderation: 'all'});
      const thread = newThread();
      const watcher = watch(thread, 'oldest', 50, reader());
      await watcher.ready();
      void post(thread, {parentId: null, body: 'Held'});
      // (Where the site's settings could not be read yet, the first guess may say published.)
      const shown = await watcher.until(
        'the held comment',
        (s) => s.comments.length === 1 && (!subject.lossy || s.comments[0].status === 'pending'),
      );
      const [held] = shown.comments;
      expect(held.status).to.equal('pending');
      if (subject.confirms) await watcher.until('the held comment, confirmed', (s) => !s.comments[0].sending);
      expect((await refusal(post(thread, {parentId: held.id, body: 'Answering the unseen'})))?.code).to.equal('gone');
    });

    it('leaves out a picture readers may not load', async () => {
      const thread = newThread();
      const watcher = watch(thread);
      await watcher.ready();
      const author: Author = {...guestAuthor(subject.uid), avatarUrl: 'https://tracker.example/pixel.gif'};
      void post(thread, {parentId: null, body: 'Look at me', author});
      const [comment] = (await watcher.until('the comment', (s) => s.comments.length === 1)).comments;
      expect(comment.author.avatarUrl).to.equal(undefined);
    });

    it('refuses a second edit sooner than the edit interval', async () => {
      await subject.configure({postIntervalSeconds: 0, editWindowMinutes: 30});
      const thread = newThread();
      const watcher = watch(thread, 'oldest', 50, reader());
      await watcher.ready();
      void post(thread, {parentId: null, body: 'First thoughts'});
      const [comment] = (await watcher.until('the comment', (s) => s.comments.length === 1)).comments;
      await watcher.until('the site’s edit window', (s) => s.editWindowMinutes === 30);
      await write(subject.store.edit(thread, comment, 'Second thoughts', reader()));
      const error = await refusal(subject.store.edit(thread, comment, 'Third thoughts', reader()));
      expect(error?.code).to.equal('rate-limited');
      expect(error?.retryAfterSeconds).to.be.within(1, LIMITS.editIntervalSeconds);
    });

    it('lets an author edit their comment, marked as edited', async () => {
      await subject.configure({postIntervalSeconds: 0, editWindowMinutes: 30});
      const thread = newThread();
      const watcher = watch(thread, 'oldest', 50, reader());
      await watcher.ready();
      void post(thread, {parentId: null, body: 'First thoughts'});
      const [comment] = (await watcher.until('the comment', (s) => s.comments.length === 1)).comments;
      await watcher.until('the site’s edit window', (s) => s.editWindowMinutes === 30);

      const editing = write(subject.store.edit(thread, comment, 'Second thoughts', reader()));
      const state = await watcher.until('the edit', (s) => s.comments[0]?.body === 'Second thoughts');
      expect(state.comments[0].editedAt).to.be.instanceOf(Date);
      expect(state.comments[0].status).to.equal('published');
      expect(state.count).to.equal(1);
      if (subject.confirms) await editing;
    });

    it('sends an edited comment back to review when the edit needs it', async () => {
      const thread = newThread();
      const watcher = watch(thread, 'oldest', 50, reader());
      await watcher.ready();
      void post(thread, {parentId: null, body: 'No links yet'});
      const [comment] = (await watcher.until('the comment', (s) => s.comments.length === 1)).comments;
      void write(
        subject.store.edit(thread, comment, 'https://a.example https://b.example https://c.example', reader()),
      );
      const state = await watcher.until('the edit, held', (s) => s.comments[0]?.status === 'pending');
      expect(state.count).to.equal(0);
    });

    it('refuses an edit by someone else, or beyond the limits', async () => {
      const thread = newThread();
      const watcher = watch(thread, 'oldest', 50, reader());
      await watcher.ready();
      void post(thread, {parentId: null, body: 'Mine'});
      const [comment] = (await watcher.until('the comment', (s) => s.comments.length === 1)).comments;
      expect(
        (await refusal(subject.store.edit(thread, comment, 'Not yours', {uid: 'mallory', provider: 'guest'})))?.code,
      ).to.equal('permission-denied');
      expect((await refusal(subject.store.edit(thread, comment, '   ', reader())))?.code).to.equal('invalid');
      expect((await refusal(subject.store.edit(thread, comment, 'x'.repeat(5001), reader())))?.code).to.equal(
        'invalid',
      );
      await sleep(50);
      expect(watcher.latest!.comments[0].body).to.equal('Mine');
    });

    it('refuses an edit after the site’s edit window', async () => {
      await subject.configure({postIntervalSeconds: 0, editWindowMinutes: 0});
      const thread = newThread();
      const watcher = watch(thread, 'oldest', 50, reader());
      await watcher.ready();
      void post(thread, {parentId: null, body: 'Set in stone'});
      const [comment] = (await watcher.until('the comment', (s) => s.comments.length === 1)).comments;
      expect((await refusal(subject.store.edit(thread, comment, 'Changed', reader())))?.code).to.equal('expired');
      expect(watcher.latest!.comments[0].body).to.equal('Set in stone');
    });

    it('lets an author delete their comment: emptied and nameless, out of the count, and out of the tree', async () => {
      const thread = newThread();
      const watcher = watch(thread, 'oldest', 50, reader());
      await watcher.ready();
      void post(thread, {parentId: null, body: 'Regrets'});
      void post(thread, {parentId: null, body: 'Stays'});
      const state = await watcher.until('both comments', (s) => s.comments.length === 2);
      const regret = state.comments.find((c) => c.body === 'Regrets')!;
      const removing = write(subject.store.remove(thread, regret, reader()));
      const after = await watcher.until('the comment deleted', (s) =>
        s.comments.some((c) => c.id === regret.id && c.status === 'deleted'),
      );
      expect(after.count).to.equal(1);
      const gone = after.comments.find((c) => c.id === regret.id)!;
      expect([gone.body, gone.author.name, gone.author.url]).to.deep.equal(['', '', undefined]);
      // Without replies under it, nothing of it shows.
      expect(buildThreadTree(after.comments, 'oldest', 3).map((n) => n.comment.body)).to.deep.equal(['Stays']);
      if (subject.confirms) {
        await removing;
        // A view opened later reads it from the backend the same way: no text, no name.
        const fresh = await watch(thread).until('a fresh view', (s) => s.comments.length === 2 && !s.loading);
        const stored = fresh.comments.find((c) => c.id === regret.id)!;
        expect([stored.status, stored.body, stored.author.name]).to.deep.equal(['deleted', '', '']);
        expect(fresh.count).to.equal(1);
      }
      const error = await refusal(
        subject.store.remove(
          thread,
          after.comments.find((c) => c.body === 'Stays')!,
          {uid: 'mallory', provider: 'guest'},
        ),
      );
      expect(error?.code).to.equal('permission-denied');
    });

    it('keeps a deleted comment with replies as a placeholder that holds them in their place', async () => {
      const thread = newThread();
      const watcher = watch(thread, 'oldest', 50, reader());
      await watcher.ready();
      const parentPost = post(thread, {parentId: null, body: 'A question'});
      const asked = await watcher.until('the question', (s) => s.comments.length === 1);
      if (subject.confirms) await parentPost;
      const question = asked.comments[0];
      const answerPost = post(thread, {parentId: question.id, rootId: question.id, body: 'An answer'});
      const both = await watcher.until('the answer', (s) => s.comments.length === 2);
      if (subject.confirms) await answerPost;
      const answer = both.comments.find((c) => c.body === 'An answer')!;
      const deeperPost = post(thread, {parentId: answer.id, rootId: question.id, body: 'A follow-up'});
      await watcher.until('the follow-up', (s) => s.comments.length === 3);
      if (subject.confirms) await deeperPost;
      const removing = write(subject.store.remove(thread, question, reader()));
      if (subject.confirms) await removing;

      const fresh = watch(thread, 'oldest', 50);
      const state = await fresh.until('the placeholder', (s) =>
        s.comments.some((c) => c.id === question.id && c.status === 'deleted'),
      );
      await fresh.until('all three', (s) => s.comments.length === 3);
      const tree = buildThreadTree(fresh.latest!.comments, 'oldest', 3);
      expect(tree.map((n) => [n.comment.status, n.comment.body])).to.deep.equal([['deleted', '']]);
      expect(tree[0].children.map((n) => n.comment.body)).to.deep.equal(['An answer']);
      expect(tree[0].children[0].children.map((n) => n.comment.body)).to.deep.equal(['A follow-up']);
      expect(state.count).to.equal(2);
    });

    it('pages by top-level comments, each with its replies: never a reply without its parent', async () => {
      const thread = newThread();
      await postInTurn(thread, ['First', 'Second', 'Third']);
      const observer = watch(thread);
      const loaded = await observer.until('three', (s) => s.comments.length === 3);
      const first = loaded.comments.find((c) => c.body === 'First')!;
      // A late reply to the earliest comment, and a reply to that reply.
      const late = post(thread, {parentId: first.id, rootId: first.id, body: 'Late reply'});
      const withLate = await observer.until('the late reply', (s) => s.comments.length === 4);
      if (subject.confirms) await late;
      const lateReply = withLate.comments.find((c) => c.body === 'Late reply')!;
      const deeper = post(thread, {parentId: lateReply.id, rootId: first.id, body: 'Reply to the reply'});
      await observer.until('the deeper reply', (s) => s.comments.length === 5);
      if (subject.confirms) await deeper;

      // Oldest first, one top-level comment a page: the late replies come with the first comment.
      const oldest = watch(thread, 'oldest', 1);
      const page1 = await oldest.until('page 1', (s) => !s.loading && s.comments.length > 0);
      expect(bodiesByTime(page1.comments, 'oldest')).to.deep.equal(['First', 'Late reply', 'Reply to the reply']);
      expect(page1.hasMore).to.equal(true);
      expect(page1.count).to.equal(5);
      oldest.handle.loadMore();
      const page2 = await oldest.until('page 2', (s) => s.comments.length === 4);
      expect(page2.comments.map((c) => c.body).sort()).to.deep.equal(
        ['First', 'Late reply', 'Reply to the reply', 'Second'].sort(),
      );

      // Newest first: the replies are not shown until the comment they answer is.
      const newest = watch(thread, 'newest', 2);
      const top = await newest.until('newest page 1', (s) => !s.loading && s.comments.length > 0);
      expect(bodiesByTime(top.comments, 'newest')).to.deep.equal(['Third', 'Second']);
      newest.handle.loadMore();
      const all = await newest.until('newest page 2', (s) => s.comments.length === 5);
      expect(all.hasMore).to.equal(false);
      for (const comment of all.comments.filter((c) => c.parentId)) {
        expect(
          all.comments.some((c) => c.id === comment.parentId),
          `${comment.body} has its parent`,
        ).to.equal(true);
      }
    });

    it('shows the comments it is asked to (a reader’s own, after a reload) beyond the loaded pages', async () => {
      const thread = newThread();
      await postInTurn(thread, ['One', 'Two', 'Mine, just posted']);
      const observer = watch(thread);
      const all = await observer.until('three', (s) => s.comments.length === 3);
      const mine = all.comments.find((c) => c.body === 'Mine, just posted')!;
      const reloaded = watch(thread, 'oldest', 1, reader());
      const page = await reloaded.until('page 1', (s) => !s.loading && s.comments.length === 1);
      expect(page.comments[0].body).to.equal('One');
      reloaded.handle.showAlso?.([mine.id, 'no-such-comment']);
      const shown = await reloaded.until('the reader’s own comment', (s) => s.comments.some((c) => c.id === mine.id));
      expect(shown.comments.map((c) => c.body).sort()).to.deep.equal(['Mine, just posted', 'One']);
      expect(shown.count).to.equal(3);
      expect(shown.hasMore).to.equal(true);
    });

    it('settles a request to show a comment once it has been looked for, shown or not (a link to it)', async () => {
      const thread = newThread();
      await postInTurn(thread, ['One', 'Two']);
      const observer = watch(thread);
      const two = (await observer.until('two', (s) => s.comments.length === 2)).comments.find((c) => c.body === 'Two')!;
      const reader1 = watch(thread, 'oldest', 1, reader());
      await reader1.until('page 1', (s) => !s.loading && s.comments.length === 1);
      // Settled means the answer is in: the comment is in the state by then, with nothing to wait for.
      await reader1.handle.showAlso?.([two.id]);
      expect(reader1.latest!.comments.map((c) => c.body).sort()).to.deep.equal(['One', 'Two']);
      await reader1.handle.showAlso?.(['no-such-comment']);
      expect(reader1.latest!.comments).to.have.length(2);
    });

    it('tells a moderator they are one, and shows them the comments held for review', async () => {
      const thread = newThread();
      const {store: modStore, viewer: moderator} = await subject.moderator();
      const readerView = watch(thread, 'oldest', 50, reader());
      await readerView.ready();
      const posting = post(thread, {parentId: null, body: 'https://a.example https://b.example https://c.example'});
      await readerView.until('the held comment', (s) => s.comments.length === 1);
      // The moderator comes by later, once the backend has the comment.
      if (subject.confirms) await posting;

      const modView = new Watcher(modStore, thread, 'oldest', 50, moderator);
      watchers.push(modView);
      const state = await modView.until('the moderator’s view', (s) => s.moderator && s.comments.length === 1);
      expect(state.comments[0].status).to.equal('pending');
      expect(readerView.latest!.moderator).to.equal(false);
    });

    it('lets a moderator approve, hide and pin comments, counting only the published', async () => {
      const thread = newThread();
      const {store: modStore, viewer: moderator} = await subject.moderator();
      const readerView = watch(thread, 'oldest', 50, reader());
      await readerView.ready();
      const postings = [
        post(thread, {parentId: null, body: 'https://a.example https://b.example https://c.example'}),
        post(thread, {parentId: null, body: 'Plain'}),
      ];
      await readerView.until('both comments', (s) => s.comments.length === 2 && s.count === 1);
      if (subject.confirms) await Promise.all(postings);
      const modView = new Watcher(modStore, thread, 'oldest', 50, moderator);
      watchers.push(modView);
      let state = await modView.until('both comments for the moderator', (s) => s.moderator && s.comments.length === 2);
      const held = state.comments.find((c) => c.status === 'pending')!;
      const plain = state.comments.find((c) => c.body === 'Plain')!;

      void write(modStore.moderate(thread, held, {status: 'published'}, moderator));
      await readerView.until(
        'the approved comment counted',
        (s) => s.count === 2 && s.comments.every((c) => c.status === 'published'),
      );
      void write(modStore.moderate(thread, plain, {status: 'hidden'}, moderator));
      state = await readerView.until(
        'the hidden comment gone',
        (s) => s.count === 1 && !s.comments.some((c) => c.id === plain.id),
      );
      state = await modView.until('the moderator still sees it, hidden', (s) =>
        s.comments.some((c) => c.id === plain.id && c.status === 'hidden'),
      );
      const approved = state.comments.find((c) => c.id === held.id)!;
      void write(modStore.moderate(thread, approved, {pinned: true}, moderator));
      await readerView.until('the pinned comment', (s) =>
        s.comments.some((c) => c.id === held.id && c.pinned === true),
      );

      const error = await refusal(subject.store.moderate(thread, approved, {status: 'hidden'}, reader()));
      expect(error?.code).to.equal('permission-denied');
    });

    it('lets a moderator close a thread to new comments, and reopen it', async () => {
      const thread = newThread();
      const {store: modStore, viewer: moderator} = await subject.moderator();
      const readerView = watch(thread);
      await readerView.ready();
      const posting = post(thread, {parentId: null, body: 'Before closing'});
      await readerView.until('the comment', (s) => s.comments.length === 1);
      if (subject.confirms) await posting;
      const modView = new Watcher(modStore, thread, 'oldest', 50, moderator);
      watchers.push(modView);
      await modView.until('the moderator’s view', (s) => s.moderator && s.comments.length === 1);
      void write(modStore.setLocked(thread, true, moderator));
      await readerView.until('the thread closed', (s) => s.locked);
      expect((await refusal(post(thread, {parentId: null, body: 'Too late'})))?.code).to.equal('locked');
      expect((await refusal(subject.store.setLocked(thread, false, reader())))?.code).to.equal('permission-denied');
      void write(modStore.setLocked(thread, false, moderator));
      await readerView.until('the thread open again', (s) => !s.locked);
    });

    describe('likes', () => {
      /** A published comment the backend has (posting settles once it does). */
      const postConfirmed = async (thread: ThreadRef, body: string, parentId: string | null = null) => {
        const posted = await post(thread, {parentId, body});
        await sleep(3); // distinct creation times
        return posted;
      };
      const likeOf = (state: ThreadState, id: string) => {
        const comment = state.comments.find((c) => c.id === id);
        return {count: comment?.likeCount ?? 0, liked: comment?.liked};
      };

      beforeEach(function () {
        // Likes settle only where the backend answers (an offline store never confirms them).
        if (!subject.confirms) this.skip();
      });

      it('lets a reader like a comment once, shown at once, and take the like back', async () => {
        const thread = newThread();
        const comment = await postConfirmed(thread, 'Likeable');
        expect(comment.likeCount ?? 0).to.equal(0);
        const view = watch(thread, 'oldest', 50, reader());
        let state = await view.until('the comment, not liked', (s) => likeOf(s, comment.id).liked === false);

        const liking = subject.store.like!(thread, state.comments[0], true, reader());
        state = await view.until('the like, at once', (s) => likeOf(s, comment.id).count === 1);
        expect(likeOf(state, comment.id).liked).to.equal(true);
        await liking;
        // Asked again (a stale view, a second tab): one like per reader.
        await subject.store.like!(thread, {...comment, liked: false}, true, reader());

        let fresh = watch(thread, 'oldest', 50, reader());
        state = await fresh.until('the like, seen by a fresh view', (s) => likeOf(s, comment.id).liked === true);
        expect(likeOf(state, comment.id).count).to.equal(1);
        fresh.close();

        await subject.store.like!(thread, state.comments[0], false, reader());
        state = await view.until('the like taken back', (s) => likeOf(s, comment.id).count === 0);
        expect(likeOf(state, comment.id).liked).to.equal(false);
        fresh = watch(thread, 'oldest', 50, reader());
        state = await fresh.until('no like, seen by a fresh view', (s) => likeOf(s, comment.id).liked === false);
        expect(likeOf(state, comment.id).count).to.equal(0);
      });

      it('counts another reader’s like, and shows each reader only their own', async () => {
        const thread = newThread();
        const comment = await postConfirmed(thread, 'Liked by two');
        const {store: other, viewer: otherViewer} = await subject.moderator();
        await subject.store.like!(thread, comment, true, reader());
        const otherView = new Watcher(other, thread, 'oldest', 50, otherViewer);
        watchers.push(otherView);
        // What this reader likes is known once their likes are read (on a lossy line, maybe a poll later).
        let state = await otherView.until('one like, not theirs', (s) => likeOf(s, comment.id).liked !== undefined);
        expect(likeOf(state, comment.id)).to.deep.equal({count: 1, liked: false});
        await other.like!(
          thread,
          state.comments.find((c) => c.id === comment.id)!,
          true,
          otherViewer,
        );

        const fresh = watch(thread, 'oldest', 50, reader());
        state = await fresh.until(
          'two likes',
          (s) => likeOf(s, comment.id).count === 2 && likeOf(s, comment.id).liked !== undefined,
        );
        expect(likeOf(state, comment.id).liked).to.equal(true);
        const signedOut = watch(thread, 'oldest', 50, null);
        state = await signedOut.until('two likes, signed out', (s) => likeOf(s, comment.id).count === 2);
        expect(likeOf(state, comment.id).liked, 'nobody’s like').to.equal(undefined);
      });

      it('refuses a like of a comment that is not published', async () => {
        const thread = newThread();
        const watcher = watch(thread, 'oldest', 50, reader());
        await watcher.ready();
        const posting = post(thread, {parentId: null, body: 'https://a.example https://b.example https://c.example'});
        await posting;
        const [held] = (
          await watcher.until('the held comment', (s) => s.comments.length === 1 && !s.comments[0].sending)
        ).comments;
        expect(held.status).to.equal('pending');
        expect((await refusal(subject.store.like!(thread, held, true, reader())))?.code).to.equal('permission-denied');
      });

      it('orders by likes, then oldest first, with replies under their comment (sort="top")', async function () {
        this.timeout(90_000); // nine writes in turn, on a lossy connection too
        const thread = newThread();
        const a = await postConfirmed(thread, 'a');
        const b = await postConfirmed(thread, 'b');
        const c = await postConfirmed(thread, 'c');
        await postConfirmed(thread, 'd');
        await postConfirmed(thread, 'reply to a', a.id);
        const {store: other, viewer: otherViewer} = await subject.moderator();
        await subject.store.like!(thread, c, true, reader());
        await other.like!(thread, c, true, otherViewer);
        await subject.store.like!(thread, b, true, reader());

        const top = watch(thread, 'top', 2, reader());
        let state = await top.until('page 1', (s) => !s.loading && s.comments.length === 2);
        let tree = buildThreadTree(state.comments, 'top', 3);
        expect(tree.map((n) => n.comment.body)).to.deep.equal(['c', 'b']);
        expect(state.hasMore).to.equal(true);
        top.handle.loadMore();
        state = await top.until('page 2', (s) => s.comments.length === 5);
        tree = buildThreadTree(state.comments, 'top', 3);
        expect(tree.map((n) => n.comment.body)).to.deep.equal(['c', 'b', 'a', 'd']);
        expect(tree[2].children.map((n) => n.comment.body)).to.deep.equal(['reply to a']);
        expect(likeOf(state, c.id).count).to.equal(2);
        // What the reader likes is one more read (asked again at the next poll if its answer was lost).
        await top.until('the reader’s like of c', (s) => likeOf(s, c.id).liked === true);
      });
    });
  });
}
