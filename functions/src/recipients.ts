/**
 * Who gets an e-mail about a comment. Readers: the thread's subscribers, one e-mail per address,
 * never the comment's own author (by account or by address). The owner: the configured addresses
 * that have not stopped alerts, again never the author.
 */
import type {Firestore} from 'firebase-admin/firestore';
import type {Comment} from '../../src/model/comment.js';
import {textOf} from '../../src/model/stored-comment.js';
import {isEmail} from '../../src/model/validation.js';
import {addressKey} from './database.js';
import {optOutRef} from './opt-outs.js';

export interface Recipient {
  email: string;
  /** The comment answers this reader's own comment. */
  isReply: boolean;
}

export const subscribersOf = (db: Firestore, threadId: string) =>
  db.collection('subscriptions').doc(threadId).collection('subscribers');

/** The private address an account gave: its guest profile (users/{uid}/private/profile). */
async function profileAddress(db: Firestore, uid: string): Promise<string | undefined> {
  if (!uid) return undefined;
  const email = textOf((await db.doc(`users/${uid}/private/profile`).get()).get('email'));
  return email ? addressKey(email) : undefined;
}

/** Every address known to belong to an account: its profile's, and its subscription's in this thread. */
export async function addressesOf(db: Firestore, threadId: string, uid: string): Promise<Set<string>> {
  const addresses = new Set<string>();
  if (!uid) return addresses;
  const [profile, subscription] = await Promise.all([
    profileAddress(db, uid),
    subscribersOf(db, threadId).doc(uid).get(),
  ]);
  if (profile) addresses.add(profile);
  const subscribed = textOf(subscription.get('email'));
  if (subscribed) addresses.add(addressKey(subscribed));
  return addresses;
}

/** The author of the comment this one answers, if any: their account and addresses. */
async function parentAuthor(db: Firestore, threadId: string, comment: Comment) {
  if (!comment.parentId) return undefined;
  const parent = await db.doc(`threads/${threadId}/comments/${comment.parentId}`).get();
  const uid = textOf(parent.get('author.uid'));
  return uid ? {uid, addresses: await addressesOf(db, threadId, uid)} : undefined;
}

export async function subscriberRecipients(
  db: Firestore,
  threadId: string,
  comment: Comment,
  authorAddresses: ReadonlySet<string>,
): Promise<Recipient[]> {
  const [subscriptions, parent] = await Promise.all([
    subscribersOf(db, threadId).get(),
    parentAuthor(db, threadId, comment),
  ]);
  const byAddress = new Map<string, Recipient>();
  for (const subscription of subscriptions.docs) {
    const email = textOf(subscription.get('email')).trim();
    const key = addressKey(email);
    if (!isEmail(email) || subscription.id === comment.author.uid || authorAddresses.has(key)) continue;
    const isReply = !!parent && (subscription.id === parent.uid || parent.addresses.has(key));
    const known = byAddress.get(key);
    byAddress.set(key, {email: known?.email ?? email, isReply: isReply || !!known?.isReply});
  }
  return [...byAddress.values()];
}

export async function ownerRecipients(
  db: Firestore,
  ownerEmails: readonly string[],
  authorAddresses: ReadonlySet<string>,
): Promise<string[]> {
  const wanted = new Map<string, string>();
  for (const email of ownerEmails)
    if (isEmail(email) && !authorAddresses.has(addressKey(email))) wanted.set(addressKey(email), email);
  if (!wanted.size) return [];
  const optOuts = await db.getAll(...[...wanted.keys()].map((key) => optOutRef(db, key)));
  return [...wanted.values()].filter((_, i) => !optOuts[i].exists);
}
