/**
 * Likes for the Firestore store: a module of its own, loaded at a reader's first press of Like.
 *
 *   threads/{threadId}/likes/{uid}   ids (the comments of the thread this reader likes), changed
 *
 * A like is one batch of two writes: that document, gaining or losing the comment's id (and naming
 * it as `changed`), and the comment's likeCount moved by 1. firestore.rules tie the two, so a count
 * moves once per reader. The thread document is left alone: a like is no reason for every open
 * view to read the page again (other readers see new counts when they next read the comments).
 */
import {doc, getDoc, increment, writeBatch, type Firestore} from 'firebase/firestore/lite';
import type {Comment, ThreadRef} from '../../model/comment.js';
import {untilOnline} from '../../shell/until-online.js';
import type {Viewer} from '../comment-store.js';
import {toStoreError} from './firestore-adapter.js';
import type {FirestoreContext} from './firestore-context.js';

const stores = new WeakMap<FirestoreContext, FirestoreLikes>();

/** `by` likes `comment` (or not): through the one FirestoreLikes of this store. */
export function likeAs(
  store: FirestoreContext,
  db: Firestore,
  thread: ThreadRef,
  comment: Comment,
  liked: boolean,
  by: Viewer,
) {
  let likes = stores.get(store);
  if (!likes) stores.set(store, (likes = new FirestoreLikes(store, db)));
  return likes.like(thread, comment, liked, by);
}

export class FirestoreLikes {
  /** Each reader's likes per thread (`threadId/uid`), as last read or written from here. */
  private readonly known = new Map<string, Set<string>>();
  /** One reader's likes in one thread go out one after another: each write lists them all. */
  private readonly queue = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: FirestoreContext,
    private readonly db: Firestore,
  ) {}

  /**
   * Shows the like at once (`comment` as the reader sees it: its count and their `liked`), then
   * sends it after any still going out. Settles when the server has it, or rejects (refused).
   */
  like(thread: ThreadRef, comment: Comment, liked: boolean, by: Viewer): Promise<void> {
    if (!!comment.liked === liked) return Promise.resolve();
    const count = comment.likeCount ?? 0;
    const shown = {liked, likeCount: Math.max(0, count + (liked ? 1 : -1))};
    this.show(thread, comment.id, shown);
    const key = `${thread.id}/${by.uid}`;
    const sending = (this.queue.get(key) ?? Promise.resolve())
      .catch(() => {})
      .then(() => this.send(thread, comment.id, liked, key))
      .then(
        // Shown again: a read that started before the write landed may have replaced it.
        () => this.show(thread, comment.id, shown),
        (error: unknown) => {
          this.show(thread, comment.id, {liked: !liked, likeCount: count});
          throw error;
        },
      );
    this.queue.set(key, sending);
    return sending;
  }

  private show(thread: ThreadRef, id: string, change: Partial<Comment>): void {
    this.store.tellWatches((watch) => watch.showChange(thread.id, id, change));
  }

  private async send(thread: ThreadRef, id: string, liked: boolean, key: string): Promise<void> {
    const [threadId, uid] = [thread.id, key.slice(thread.id.length + 1)];
    const likesRef = doc(this.db, 'threads', threadId, 'likes', uid);
    for (let tries = 1; ; tries++) {
      // What this reader likes: read at their first like in the thread, or after a refusal.
      let ids = this.known.get(key);
      const fresh = !ids;
      if (!ids) {
        const snapshot = await readOrUnknown(likesRef);
        if (snapshot === undefined) {
          await untilOnline(tries);
          continue;
        }
        this.known.set(key, (ids = new Set((snapshot?.get('ids') as string[] | undefined) ?? [])));
      }
      // Already so (another tab, or an earlier try whose answer was lost): nothing to move.
      if (ids.has(id) === liked) return;
      const next = liked ? [...ids, id] : [...ids].filter((other) => other !== id);
      const batch = writeBatch(this.db);
      batch.set(likesRef, {ids: next, changed: id});
      batch.update(doc(this.db, 'threads', threadId, 'comments', id), {likeCount: increment(liked ? 1 : -1)});
      try {
        await batch.commit();
        this.known.set(key, new Set(next));
        return;
      } catch (error) {
        const storeError = toStoreError(error);
        if (storeError.code === 'unavailable') {
          await untilOnline(tries);
          continue;
        }
        // Refused with what this reader likes as just read: refused (a comment no longer
        // published). Else it may have moved since (another tab, or an earlier try of this write
        // that landed with its answer lost): read it again, and already so is done (above).
        this.known.delete(key);
        if (storeError.code !== 'permission-denied' || fresh) throw storeError;
      }
    }
  }
}

/** A document, null when it may not be read, undefined when it could not be asked (offline). */
async function readOrUnknown(ref: ReturnType<typeof doc>) {
  try {
    return await getDoc(ref);
  } catch (error) {
    return toStoreError(error).code === 'unavailable' ? undefined : null;
  }
}
