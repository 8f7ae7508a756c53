/**
 * A reader's subscription to a thread's new comments ("Notify me of new comments via email."): a
 * module of its own, loaded only when a reader ticks the box, so nobody else downloads it.
 *
 *   subscriptions/{threadId}/subscribers/{uid}   email, createdAt (server time), lang?
 *
 * Only that reader may read or write it (firestore.rules); the notification Cloud Functions
 * (functions/) read it with the Admin SDK, and confirm an address the account has not verified.
 */
import {doc, serverTimestamp, writeBatch, type Firestore} from 'firebase/firestore/lite';
import {SUPPORTED_LANGUAGES} from '../../i18n/catalogs.js';
import type {Subscription} from '../comment-store.js';
import {toStoreError} from './firestore-adapter.js';

/** Writes (or replaces) `uid`'s subscription to the thread; rejects with a StoreError. */
export async function writeSubscription(
  db: Firestore,
  threadId: string,
  uid: string,
  {email, lang}: Subscription,
): Promise<void> {
  // A batch of one rather than setDoc: the writes already load its code; setDoc's would be more
  // on the way to every thread's first render (firestore/lite is one module, in that chunk).
  const batch = writeBatch(db);
  // Exactly the keys the rules accept. A language the widget does not ship (a site's own, given
  // to registerLanguage) is left out: the e-mails are then in English.
  batch.set(doc(db, 'subscriptions', threadId, 'subscribers', uid), {
    email,
    createdAt: serverTimestamp(),
    ...(lang && SUPPORTED_LANGUAGES.includes(lang) ? {lang} : {}),
  });
  try {
    await batch.commit();
  } catch (error) {
    throw toStoreError(error);
  }
}
