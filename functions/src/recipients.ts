/**
 * Who gets an e-mail about a comment. Readers: the thread's subscribers whose address is confirmed
 * (mail-confirmation.ts), one e-mail per address, never the comment's own author (by account or
 * by address). The owner: the configured addresses that have not stopped alerts, again never the
 * author.
 */
import type {Firestore, QueryDocumentSnapshot} from 'firebase-admin/firestore';
import type {Comment} from '../../src/model/comment.js';
import {textOf} from '../../src/model/stored-comment.js';
import {isEmail} from '../../src/model/validation.js';
import {addressKey} from './database.js';
import {confirmedSubscribers} from './mail-confirmation.js';
import {languageOf, type Language} from './mail-strings.js';
import {optOutRef} from './opt-outs.js';

export interface Recipient {
  email: string;
  /** The comment answers this reader's own comment. */
  isReply: boolean;
  /** Their subscription's language. */
  lang: Language;
}

export const subscribersOf = (db: Firestore, threadId: string) =>
  db.collection('subscriptions').doc(threadId).collection('subscribers');

/** The spellings of an address a subscription may hold: as given, and in lower case. */
const spellings = (email: string) => [...new Set([email, email.toLowerCase()])];

/** Every subscription of an address, in every thread. */
export async function subscriptionsOf(db: Firestore, email: string): Promise<QueryDocumentSnapshot[]> {
  const found = await db.collectionGroup('subscribers').where('email', 'in', spellings(email)).get();
  // Only subscriptions/{threadId}/subscribers: a collection of that name elsewhere is not ours.
  return found.docs.filter((d) => d.ref.parent.parent?.parent.id === 'subscriptions');
}

/** An address's subscription to one thread (one per account that gave it). */
export const threadSubscriptionsOf = async (db: Firestore, threadId: string, email: string) =>
  (await subscribersOf(db, threadId).where('email', 'in', spellings(email)).get()).docs;

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
  const candidates = subscriptions.docs
    .map((subscription) => ({
      uid: subscription.id,
      email: textOf(subscription.get('email')).trim(),
      lang: languageOf(subscription.get('lang')),
    }))
    .filter(({uid, email}) => isEmail(email) && uid !== comment.author.uid && !authorAddresses.has(addressKey(email)));
  // Unconfirmed addresses are left out without a trace: nothing about them is written anywhere.
  const confirmed = await confirmedSubscribers(db, candidates);
  const byAddress = new Map<string, Recipient>();
  for (const {uid, email, lang} of candidates) {
    if (!confirmed.has(uid)) continue;
    const key = addressKey(email);
    const isReply = !!parent && (uid === parent.uid || parent.addresses.has(key));
    const known = byAddress.get(key);
    byAddress.set(key, {email: known?.email ?? email, isReply: isReply || !!known?.isReply, lang: known?.lang ?? lang});
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
