import {MemoryStore} from '../src/store/memory-store.js';
import {commentStoreContract} from './store-contract.js';

commentStoreContract('MemoryStore', async () => ({store: new MemoryStore(), uid: 'reader-1', confirms: true, dispose() {}}));
