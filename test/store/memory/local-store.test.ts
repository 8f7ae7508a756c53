import {expect} from '@open-wc/testing';
import {LOCAL_MODERATOR_KEY, LOCAL_SITE_KEY, LocalStore} from '../../../src/store/memory/local-store.js';
import {commentStoreContract, guestAuthor, newThread, Watcher} from '../store-contract.js';

const KEY_PREFIX = 'leave-a-reply:thread:';

/** Everything the local store keeps: threads, locks, approvals, the site settings, the moderator switch. */
function clearThreads() {
  const kept = [
    'leave-a-reply:thread:',
    'leave-a-reply:locked:',
    'leave-a-reply:approved',
    LOCAL_SITE_KEY,
    LOCAL_MODERATOR_KEY,
  ];
  for (const key of Object.keys(localStorage))
    if (kept.some((prefix) => key.startsWith(prefix))) localStorage.removeItem(key);
}

commentStoreContract('LocalStore', async () => {
  const store = new LocalStore();
  return {
    store,
    uid: 'local-reader',
    confirms: true,
    // As a site owner trying settings in the demo would: the local stand-in for config/site.
    async configure(site) {
      localStorage.setItem(LOCAL_SITE_KEY, JSON.stringify(site));
    },
    async moderator() {
      store.setModerators(['local-moderator']);
      return {store, viewer: {uid: 'local-moderator', provider: 'guest'}};
    },
    dispose() {
      store.dispose();
      clearThreads();
    },
  };
});

describe('LocalStore in this browser', () => {
  const stores: LocalStore[] = [];
  const watchers: Watcher[] = [];
  const open = () => {
    const store = new LocalStore();
    stores.push(store);
    return store;
  };
  const watch = (store: LocalStore, thread = newThread()) => {
    const watcher = new Watcher(store, thread);
    watchers.push(watcher);
    return watcher;
  };

  afterEach(() => {
    watchers.splice(0).forEach((w) => w.close());
    stores.splice(0).forEach((s) => s.dispose());
    clearThreads();
  });

  it('keeps comments across a reload (a new LocalStore)', async () => {
    const thread = newThread();
    await open().post(thread, {parentId: null, body: 'Still here tomorrow?', author: guestAuthor('local-reader')});

    const state = await watch(open(), thread).until('the saved comment', (s) => s.comments.length === 1);
    expect(state.comments[0].body).to.equal('Still here tomorrow?');
    expect(state.comments[0].createdAt).to.be.instanceOf(Date);
    expect(state.comments[0].sending).to.not.equal(true);
    expect(state.count).to.equal(1);
  });

  it('shows another tab’s new comment when the storage event arrives', async () => {
    const thread = newThread();
    const otherTab = open();
    const watcher = watch(open(), thread);
    await watcher.ready();

    await otherTab.post(thread, {parentId: null, body: 'From the other tab', author: guestAuthor('tab-2')});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(watcher.latest!.comments, 'before the event').to.have.length(0);

    // The browser fires `storage` only in other tabs; here we deliver it as it would arrive.
    const key = KEY_PREFIX + thread.id;
    dispatchEvent(new StorageEvent('storage', {key, newValue: localStorage.getItem(key), storageArea: localStorage}));
    const state = await watcher.until('the other tab’s comment', (s) => s.comments.length === 1);
    expect(state.comments[0].body).to.equal('From the other tab');
    expect(state.count).to.equal(1);
  });

  it('keeps its own comment still sending when another tab’s write arrives', async () => {
    const thread = newThread();
    const here = open();
    here.setOnline(false);
    const watcher = watch(here, thread);
    await watcher.ready();
    void here.post(thread, {parentId: null, body: 'Still sending here', author: guestAuthor('tab-1')}).catch(() => {});
    await watcher.until('the sending comment', (s) => s.comments.length === 1);

    await open().post(thread, {parentId: null, body: 'From the other tab', author: guestAuthor('tab-2')});
    const key = KEY_PREFIX + thread.id;
    dispatchEvent(new StorageEvent('storage', {key, newValue: localStorage.getItem(key), storageArea: localStorage}));
    const state = await watcher.until('both comments', (s) => s.comments.length === 2);
    expect(state.comments.find((c) => c.body === 'Still sending here')?.sending).to.equal(true);
    here.setOnline(true);
    await watcher.until('sent', (s) => s.comments.every((c) => !c.sending));
  });

  it('makes every reader of this browser a moderator with the demo switch', async () => {
    const thread = newThread();
    expect((await watch(open(), thread).ready()).moderator, 'off by default').to.equal(false);
    localStorage.setItem(LOCAL_MODERATOR_KEY, 'on');
    const state = await new Promise<Parameters<Parameters<LocalStore['watchThread']>[2]>[0]>((resolve) => {
      const handle = open().watchThread(
        thread,
        {sort: 'oldest', pageSize: 20, viewer: null},
        (s) => (handle.close(), resolve(s)),
      );
    });
    expect(state.moderator).to.equal(true);
  });

  it('keeps a closed thread and approved readers across a reload', async () => {
    const thread = newThread();
    localStorage.setItem(LOCAL_SITE_KEY, JSON.stringify({moderation: 'first-time', postIntervalSeconds: 0}));
    const first = open();
    const moderator = {uid: 'demo-moderator', provider: 'guest' as const};
    const held = await first.post(thread, {parentId: null, body: 'First time here', author: guestAuthor('newcomer')});
    expect(held.status, 'first-time moderation').to.equal('pending');
    localStorage.setItem(LOCAL_MODERATOR_KEY, 'on');
    await first.moderate(thread, held, {status: 'published'}, moderator);
    await first.setLocked(thread, true, moderator);
    localStorage.removeItem(LOCAL_MODERATOR_KEY);

    const reloaded = open();
    const state = await watch(reloaded, thread).until('the saved thread', (s) => s.comments.length === 1);
    expect(state.locked).to.equal(true);
    expect(state.comments[0].status).to.equal('published');
    await reloaded.setLocked(thread, false, moderator).then(
      () => expect.fail('no longer a moderator'),
      (error: Error) => expect(error.message).to.contain('moderator'),
    );
    localStorage.setItem(LOCAL_MODERATOR_KEY, 'on');
    await reloaded.setLocked(thread, false, moderator);
    localStorage.removeItem(LOCAL_MODERATOR_KEY);
    // Approved once, the newcomer's next comment is published at once.
    const next = await reloaded.post(thread, {parentId: null, body: 'Back again', author: guestAuthor('newcomer')});
    expect(next.status).to.equal('published');
  });

  it('takes the site settings from storage, like config/site', async () => {
    localStorage.setItem(LOCAL_SITE_KEY, JSON.stringify({moderation: 'all', editWindowMinutes: 5}));
    const thread = newThread();
    const store = open();
    const state = await watch(store, thread).ready();
    expect(state.editWindowMinutes).to.equal(5);
    const posted = await store.post(thread, {parentId: null, body: 'Held?', author: guestAuthor('local-reader')});
    expect(posted.status).to.equal('pending');
  });

  it('pages a stored thread by its times, a time written in another format included', async () => {
    const thread = newThread();
    const stored = (id: string, createdAt: string) => ({
      id,
      parentId: null,
      body: id,
      author: guestAuthor('local-reader'),
      status: 'published',
      createdAt,
    });
    // Out of order, one time as another script might write it (no milliseconds).
    localStorage.setItem(
      KEY_PREFIX + thread.id,
      JSON.stringify([
        stored('third', '2026-01-01T00:02:00.000Z'),
        stored('second', '2026-01-01T00:01:00Z'),
        stored('first', '2026-01-01T00:00:30.000Z'),
      ]),
    );
    const store = open();
    const oldest = new Watcher(store, thread, 'oldest', 2);
    const newest = new Watcher(store, thread, 'newest', 2);
    watchers.push(oldest, newest);
    const state = await oldest.ready();
    expect(state.comments.map((c) => c.body)).to.deep.equal(['first', 'second']);
    expect(state.comments[1].createdAt.toISOString()).to.equal('2026-01-01T00:01:00.000Z');
    expect(state.hasMore).to.equal(true);
    expect(state.count).to.equal(3);
    expect((await newest.ready()).comments.map((c) => c.body)).to.deep.equal(['third', 'second']);
  });

  it('reads a thread from storage again when it is next watched', async () => {
    const thread = newThread();
    const store = open();
    const first = watch(store, thread);
    await first.ready();
    first.close();
    // Written by another tab while nobody here watched: no storage event is delivered.
    await open().post(thread, {parentId: null, body: 'Written meanwhile', author: guestAuthor('tab-2')});
    const state = await watch(store, thread).until('the stored comment', (s) => s.comments.length === 1);
    expect(state.comments[0].body).to.equal('Written meanwhile');
  });

  it('keeps a comment waiting for the connection when nobody watches its thread', async () => {
    const thread = newThread();
    const store = open();
    store.setOnline(false);
    const first = watch(store, thread);
    await first.ready();
    const posted = store.post(thread, {parentId: null, body: 'Sent once online', author: guestAuthor('local-reader')});
    first.close();
    const state = await watch(store, thread).until('the waiting comment', (s) => s.comments.length === 1);
    expect(state.comments[0].sending).to.equal(true);
    store.setOnline(true);
    expect((await posted).body).to.equal('Sent once online');
    // Kept in storage: a new store (a reload) reads it.
    const reloaded = await watch(open(), thread).until('the saved comment', (s) => s.comments.length === 1);
    expect(reloaded.comments.map((c) => [c.body, !!c.sending])).to.deep.equal([['Sent once online', false]]);
  });

  it('writes only the comment a post or an edit touches, however long the thread', async () => {
    const thread = newThread();
    const store = open();
    const old = Date.now() - 86_400_000;
    store.seed(
      thread,
      Array.from({length: 1000}, (_, i) => ({
        id: `seeded-${i}`,
        parentId: null,
        body: `Seeded comment number ${i}, long enough to weigh something in storage.`,
        author: guestAuthor(`seeder-${i}`),
        createdAt: new Date(old + i * 1000),
        status: 'published' as const,
      })),
    );
    const watcher = watch(store, thread);
    await watcher.until('the seeded thread', (s) => s.count === 1000);
    const written: Array<[string, number]> = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith(KEY_PREFIX)) written.push([key, value.length]);
      return setItem.call(this, key, value);
    };
    try {
      const posted = await store.post(thread, {parentId: null, body: 'One more', author: guestAuthor('local-reader')});
      await store.edit(thread, posted, 'One more, edited', {uid: 'local-reader', provider: 'guest'});
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(written.length, 'one write each').to.equal(2);
    for (const [key, length] of written) {
      expect(key).to.not.equal(KEY_PREFIX + thread.id);
      expect(length, key).to.be.below(1000);
    }
    // And a reload reads the thread with them.
    const reloaded = await watch(open(), thread).until('1,001 comments', (s) => s.count === 1001);
    expect(reloaded.count).to.equal(1001);
    const again = new Watcher(open(), thread, 'newest', 1);
    watchers.push(again);
    const newest = await again.until('the newest', (s) => !s.loading && s.comments.length === 1);
    expect(newest.comments[0].body).to.equal('One more, edited');
  });

  it('starts afresh when the stored data is unreadable', async () => {
    const thread = newThread();
    localStorage.setItem(KEY_PREFIX + thread.id, '{not json');
    const state = await watch(open(), thread).ready();
    expect(state.comments).to.deep.equal([]);
    expect(state.count).to.equal(0);
  });
});
