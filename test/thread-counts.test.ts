/**
 * Count badges on Firestore: thread documents' commentCount, read in `documentId() in [...]`
 * queries of at most 30 ids. Runs on the real SDK offline (memory cache, network disabled):
 * documents written here sit in the local cache, where the queries find them.
 */
import {expect} from '@open-wc/testing';
import {initializeApp} from 'firebase/app';
import {
  collection,
  disableNetwork,
  doc,
  documentId,
  getDocs,
  initializeFirestore,
  memoryLocalCache,
  query,
  setDoc,
  terminate,
  where,
  type Firestore,
} from 'firebase/firestore';
import type {ThreadRef} from '../src/model/comment.js';
import {countThreadComments, idBatches, IDS_PER_QUERY} from '../src/store/firestore-counts.js';
import {FirestoreStore} from '../src/store/firestore-store.js';

let appCounter = 0;

const thread = (id: string): ThreadRef => ({id, url: `https://blog.example/${id}`, title: id});

describe('Firestore comment counts (offline SDK)', () => {
  let db: Firestore;

  beforeEach(async () => {
    const n = appCounter++;
    const app = initializeApp({projectId: `demo-lar-counts-${n}`, apiKey: 'offline'}, `counts-${n}`);
    db = initializeFirestore(app, {localCache: memoryLocalCache()});
    await disableNetwork(db);
  });
  afterEach(() => terminate(db));

  /** Writes thread documents; offline, the write stays queued but the cache has it at once. */
  const seed = (counts: Record<string, number>) => {
    for (const [id, commentCount] of Object.entries(counts)) {
      void setDoc(doc(db, 'threads', id), {url: `https://blog.example/${id}`, title: id, commentCount}).catch(() => {});
    }
  };

  it('reads each thread document’s commentCount, in the order asked; a thread without one counts 0', async () => {
    seed({her: 2, arrival: 1, solaris: 0});
    const counts = await countThreadComments(db, ['arrival', 'nobody-yet', 'her', 'solaris', 'her'].map(thread));
    expect(counts).to.deep.equal([1, 0, 2, 0, 2]);
  });

  it('counts more threads than one query may name, in queries of at most 30 ids', async () => {
    const ids = Array.from({length: 2 * IDS_PER_QUERY + 5}, (_, i) => `review-${i}`);
    seed(Object.fromEntries(ids.map((id, i) => [id, i])));
    // Firestore refuses an `in` filter of more than 30 values (the server does; the offline cache
    // would not), so the ids go out in three queries, each id once.
    const batches = idBatches([...ids, ...ids.slice(0, 5)].map(thread));
    expect(batches.map((b) => b.length)).to.deep.equal([IDS_PER_QUERY, IDS_PER_QUERY, 5]);
    expect(IDS_PER_QUERY).to.equal(30);
    const counts = await countThreadComments(db, ids.map(thread));
    expect(counts).to.deep.equal(ids.map((_, i) => i));
  });

  it('ignores a malformed commentCount', async () => {
    void setDoc(doc(db, 'threads', 'odd'), {commentCount: 'many'}).catch(() => {});
    expect(await countThreadComments(db, [thread('odd')])).to.deep.equal([0]);
  });

  it('is what FirestoreStore.countComments answers', async () => {
    seed({her: 3});
    const store = new FirestoreStore(db);
    expect(await store.countComments([thread('her'), thread('arrival')])).to.deep.equal([3, 0]);
    // And the query it makes is the plain one the rules allow to anyone (threads are public).
    const snapshot = await getDocs(query(collection(db, 'threads'), where(documentId(), 'in', ['her'])));
    expect(snapshot.docs.map((d) => d.id)).to.deep.equal(['her']);
  });
});
