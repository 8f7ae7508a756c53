import {MemoryStore} from '../../../src/store/memory/memory-store.js';
import {commentStoreContract} from '../store-contract.js';

commentStoreContract('MemoryStore', async () => {
  const store = new MemoryStore();
  return {
    store,
    uid: 'reader-1',
    confirms: true,
    async configure(site) {
      store.setSiteConfig(site);
    },
    async moderator() {
      store.setModerators(['moderator-1']);
      return {store, viewer: {uid: 'moderator-1', provider: 'google'}};
    },
    dispose() {},
  };
});
