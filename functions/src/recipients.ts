/**
 * Who gets an e-mail about a comment. Readers: the thread's subscribers whose address is confirmed
 * for their own account (address-proof.ts), one e-mail per address. The owner: the configured
 * addresses that have not stopped alerts. Never the comment's author: not their account's
 * subscription, and no address proven theirs. An address the author merely typed (their guest
 * profile's, their subscription's before it is confirmed) stops nothing: anyone can type the
 * owner's or a reader's address, and would silence the mail about their own comments.
 */
import type {Firestore, QueryDocumentSnapshot} from 'firebase-admin/firestore';
import type {Comment} from '../../src/model/comment.js';
import {textOf} from '../../src/model/stored-comment.js';
import {isEmail} from '../../src/model/validation.js';
import {proofsFor} from './address-proof.js';
import {addressKey} from './database.js';
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

/** The account of the comment this one answers, if any. */
async function parentAuthorOf(db: Firestore, threadId: string, comment: Comment): Promise<string> {
  if (!comment.parentId) return '';
  return textOf((await db.doc(`threads/${threadId}/comments/${comment.parentId}`).get()).get('author.uid'));
}

export async function subscriberRecipients(db: Firestore, threadId: string, comment: Comment): Promise<Recipient[]> {
  const [subscriptions, parentUid] = await Promise.all([
    subscribersOf(db, threadId).get(),
    parentAuthorOf(db, threadId, comment),
  ]);
  const author = comment.author.uid;
  const candidates = subscriptions.docs
    .map((subscription) => ({
      uid: subscription.id,
      email: textOf(subscription.get('email')).trim(),
      lang: languageOf(subscription.get('lang')),
    }))
    .filter(({uid, email}) => isEmail(email) && uid !== author);
  if (!candidates.length) return [];
  // One look-up answers all three questions below, for every address in the thread.
  const owns = await proofsFor(
    db,
    [...candidates.map((c) => c.uid), author, parentUid],
    candidates.map((c) => c.email),
  );
  const byAddress = new Map<string, Recipient>();
  for (const {uid, email, lang} of candidates) {
    // Unconfirmed addresses are left out without a trace: nothing about them is written anywhere.
    // The author's own address (proven theirs) is left out whoever's subscription holds it.
    if (!owns(uid, email) || owns(author, email)) continue;
    const key = addressKey(email);
    const isReply = !!parentUid && (uid === parentUid || owns(parentUid, email));
    const known = byAddress.get(key);
    byAddress.set(key, {email: known?.email ?? email, isReply: isReply || !!known?.isReply, lang: known?.lang ?? lang});
  }
  return [...byAddress.values()];
}

/** The owner's addresses to alert of a comment by `authorUid`: not those proven the author's own, nor opted out. */
export async function ownerRecipients(
  db: Firestore,
  ownerEmails: readonly string[],
  authorUid: string,
): Promise<string[]> {
  const valid = ownerEmails.filter(isEmail);
  if (!valid.length) return [];
  const owns = await proofsFor(db, [authorUid], valid);
  const wanted = new Map<string, string>();
  for (const email of valid) if (!owns(authorUid, email)) wanted.set(addressKey(email), email);
  if (!wanted.size) return [];
  const optOuts = await db.getAll(...[...wanted.keys()].map((key) => optOutRef(db, key)));
  return [...wanted.values()].filter((_, i) => !optOuts[i].exists);
}
