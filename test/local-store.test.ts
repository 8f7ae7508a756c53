import {expect} from '@open-wc/testing';
import {LocalStore} from '../src/store/local-store.js';
import {commentStoreContract, guestAuthor, newThread, Watcher} from './store-contract.js';

const KEY_PREFIX = 'leave-a-reply:thread:';

function clearThreads() {
  for (const key of Object.keys(localStorage)) if (key.startsWith(KEY_PREFIX)) localStorage.removeItem(key);
}

commentStoreContract('LocalStore', async () => {
  const store = new LocalStore();
  return {
    store,
    uid: 'local-reader',
    confirms: true,
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

  it('starts afresh when the stored data is unreadable', async () => {
    const thread = newThread();
    localStorage.setItem(KEY_PREFIX + thread.id, '{not json');
    const state = await watch(open(), thread).ready();
    expect(state.comments).to.deep.equal([]);
    expect(state.count).to.equal(0);
  });
});
