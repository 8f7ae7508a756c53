/**
 * Closing a thread to new comments, or opening it again: a moderator's action, so its code loads
 * only when a moderator first asks for it (firestore-store.ts), not with every reader's writes.
 */
import {doc, serverTimestamp, writeBatch, type Firestore} from 'firebase/firestore/lite';
import type {ThreadRef} from '../../model/comment.js';
import {untilOnline} from '../../shell/until-online.js';
import type {Viewer} from '../comment-store.js';
import {moderationRefusal} from '../policy.js';
import {toStoreError} from './firestore-adapter.js';
import type {FirestoreContext} from './firestore-context.js';

export async function setLocked(
  store: FirestoreContext,
  db: Firestore,
  thread: ThreadRef,
  locked: boolean,
  by: Viewer,
): Promise<void> {
  const refusal = moderationRefusal(await store.isModerator(by));
  if (refusal) throw refusal;
  const ref = doc(db, 'threads', thread.id);
  // A thread nobody has commented on has no document yet; the rules let a moderator create one.
  let exists = store.lastSeen(thread.id)?.exists ?? true;
  let offlineTries = 0;
  for (let attempt = 0; ; attempt++) {
    const batch = writeBatch(db);
    if (exists) batch.update(ref, {locked});
    else batch.set(ref, {url: thread.url, title: thread.title, createdAt: serverTimestamp(), commentCount: 0, locked});
    try {
      await batch.commit();
      store.tellWatches((watch) => watch.pollNow(thread.id));
      return;
    } catch (error) {
      const storeError = toStoreError(error);
      // Offline: wait for the connection (closing or opening twice is harmless).
      if (storeError.code === 'unavailable') {
        await untilOnline(++offlineTries);
        attempt--;
        continue;
      }
      // update() of a missing document fails with not-found, set() of an existing one is refused.
      if (
        attempt === 0 &&
        (storeError.code === 'permission-denied' || /not.found|no document/i.test(storeError.message))
      ) {
        exists = !exists;
        continue;
      }
      throw storeError;
    }
  }
}
