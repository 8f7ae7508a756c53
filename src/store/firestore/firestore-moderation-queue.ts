/**
 * The moderation queue on Firestore: collection-group queries over every thread's comments
 * (firestore.rules lets only moderators run them; firestore.indexes.json holds their indexes,
 * test/store/firestore/firestore-moderation-queue.test.ts checks the two agree). Status changes
 * go through the Firestore store's own writes (firestore-writes.ts), so a change from the queue
 * is the same batch as one from the page's widget: the comment and its thread's counts.
 *
 * Costs: a page of N comments is N + 1 reads, plus one per thread not seen before (in `in`
 * queries of up to 30). Approving all of an author's comments reads them, then writes each.
 */
import {
  collection,
  collectionGroup,
  doc,
  documentId,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  setDoc,
  startAfter,
  where,
  type Firestore,
  type QueryConstraint,
  type QueryDocumentSnapshot,
} from 'firebase/firestore/lite';
import type {ThreadRef} from '../../model/comment.js';
import {StoreError, type CommentStore, type Viewer} from '../comment-store.js';
import type {ModerationQueue, QueueCursor, QueueFilter, QueueItem, QueuePage} from '../moderation-queue.js';
import {commentFromSnapshot, toStoreError} from './firestore-adapter.js';
import {IDS_PER_QUERY} from './firestore-counts.js';
import {FirestoreStore} from './firestore-store.js';

/**
 * The fields each of the queue's queries filters and orders by, in index order: each must have a
 * COLLECTION_GROUP index in firestore.indexes.json (the emulator does not ask for indexes, so a
 * test compares the two). `in` on status uses the same index as `==`.
 */
export const QUEUE_INDEXES: ReadonlyArray<ReadonlyArray<[field: string, order: 'ASCENDING' | 'DESCENDING']>> = [
  [
    ['status', 'ASCENDING'],
    ['createdAt', 'DESCENDING'],
  ],
  [
    ['author.uid', 'ASCENDING'],
    ['status', 'ASCENDING'],
    ['createdAt', 'DESCENDING'],
  ],
];

/** Statuses a moderator can still act on; deleted comments are placeholders, left out. */
const RECENT_STATUSES = ['pending', 'published', 'hidden'];

/** Comments approved per query by approveAllBy (each is one batch write). */
const APPROVE_BATCH = 50;

/** The moderation queue over the Firestore store `store` (a page's widgets may share it). */
export function moderationQueueFor(store: CommentStore): ModerationQueue | undefined {
  return store instanceof FirestoreStore ? new FirestoreModerationQueue(store) : undefined;
}

export class FirestoreModerationQueue implements ModerationQueue {
  /** Threads' url and title, read once per queue (a thread's page rarely changes). */
  private readonly threads = new Map<string, ThreadRef>();
  constructor(private readonly store: FirestoreStore) {}

  /** admins/{uid} exists; a guest (anonymous account) never moderates, as in the store. */
  async isModerator(viewer: Viewer): Promise<boolean> {
    if (viewer.provider === 'guest') return false;
    try {
      return (await getDoc(doc(await this.store.firestore(), 'admins', viewer.uid))).exists();
    } catch (error) {
      const storeError = toStoreError(error);
      if (storeError.code === 'permission-denied') return false;
      throw storeError;
    }
  }

  async list(filter: QueueFilter, {pageSize, after}: {pageSize: number; after?: QueueCursor}): Promise<QueuePage> {
    const status = filter === 'recent' ? where('status', 'in', RECENT_STATUSES) : where('status', '==', filter);
    // One more than a page: whether there is a next page is then known without an empty last one.
    const constraints: QueryConstraint[] = [status, orderBy('createdAt', 'desc'), limit(pageSize + 1)];
    if (after) constraints.splice(2, 0, startAfter(after as unknown as QueryDocumentSnapshot));
    const snapshot = await this.read((db) => getDocs(query(collectionGroup(db, 'comments'), ...constraints)));
    const docs = snapshot.docs.filter(isThreadComment);
    const shown = docs.slice(0, pageSize);
    const items = await this.withThreads(shown);
    const more = docs.length > pageSize && shown.length > 0;
    return {items, ...(more ? {next: shown.at(-1) as unknown as QueueCursor} : {})};
  }

  async approve(item: QueueItem, by: Viewer): Promise<void> {
    await this.store.moderate(item.thread, item.comment, {status: 'published'}, by);
  }

  async hide(item: QueueItem, by: Viewer): Promise<void> {
    await this.store.moderate(item.thread, item.comment, {status: 'hidden'}, by);
  }

  async remove(item: QueueItem, by: Viewer): Promise<void> {
    await this.store.remove(item.thread, item.comment, by);
  }

  async approveAllBy(authorUid: string, by: Viewer): Promise<QueueItem[]> {
    await this.requireModerator(by);
    const approved: QueueItem[] = [];
    const seen = new Set<string>();
    for (;;) {
      const snapshot = await this.read((db) =>
        getDocs(
          query(
            collectionGroup(db, 'comments'),
            where('author.uid', '==', authorUid),
            where('status', '==', 'pending'),
            orderBy('createdAt', 'desc'),
            limit(APPROVE_BATCH),
          ),
        ),
      );
      const docs = snapshot.docs.filter(isThreadComment);
      if (!docs.length) return approved;
      // A comment still pending after it was approved means the write did not take: stop, not loop.
      if (docs.some((d) => seen.has(d.ref.path))) {
        throw new StoreError('unknown', 'Some of this author’s comments could not be approved.');
      }
      for (const item of await this.withThreads(docs)) {
        seen.add(itemPath(item));
        // One at a time: each batch moves its thread's counts, which the rules check against the last.
        await this.approve(item, by);
        approved.push({...item, comment: {...item.comment, status: 'published'}});
      }
    }
  }

  async setBlocked(authorUid: string, blocked: boolean, by: Viewer): Promise<void> {
    await this.requireModerator(by);
    await this.read((db) => setDoc(doc(db, 'users', authorUid), {blocked}, {merge: true}));
  }

  private async requireModerator(by: Viewer): Promise<void> {
    if (!(await this.isModerator(by))) throw new StoreError('permission-denied', 'Only a moderator can do that.');
  }

  /** Runs a request, its failure in the store's terms. */
  private async read<T>(request: (db: Firestore) => Promise<T>): Promise<T> {
    try {
      return await request(await this.store.firestore());
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** The comments with their threads' pages, reading the threads not read before. */
  private async withThreads(docs: QueryDocumentSnapshot[]): Promise<QueueItem[]> {
    const ids = [...new Set(docs.map(threadIdOf))].filter((id) => !this.threads.has(id));
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
      const chunk = ids.slice(i, i + IDS_PER_QUERY);
      const snapshot = await this.read((db) =>
        getDocs(query(collection(db, 'threads'), where(documentId(), 'in', chunk))),
      );
      for (const thread of snapshot.docs) {
        const url = thread.get('url');
        const title = thread.get('title');
        this.threads.set(thread.id, {
          id: thread.id,
          url: typeof url === 'string' ? url : '',
          title: typeof title === 'string' ? title : '',
        });
      }
    }
    return docs.map((d) => {
      const threadId = threadIdOf(d);
      return {
        comment: commentFromSnapshot(d),
        thread: this.threads.get(threadId) ?? {id: threadId, url: '', title: ''},
      };
    });
  }
}

/** threads/{threadId}/comments/{id}: any other collection named "comments" is not ours. */
function isThreadComment(snapshot: QueryDocumentSnapshot): boolean {
  return snapshot.ref.parent.parent?.parent.id === 'threads';
}

function threadIdOf(snapshot: QueryDocumentSnapshot): string {
  return snapshot.ref.parent.parent!.id;
}

function itemPath(item: QueueItem): string {
  return `threads/${item.thread.id}/comments/${item.comment.id}`;
}
