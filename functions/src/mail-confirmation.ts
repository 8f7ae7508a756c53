/**
 * Double opt-in: a subscription gets e-mail only when its address is confirmed, so nobody can
 * subscribe someone else's address. An address is confirmed
 *   - as its subscriber's own account's verified address (Firebase Auth, compared in lower case), or
 *   - by the link in a confirmation e-mail (confirm.ts): mailConfirmed/{sha256 of the address in
 *     lower case}, server-only, holding no address. One confirmation covers every subscription of
 *     the address; unsubscribing from every thread removes it (unsubscribe.ts).
 */
import {FieldValue, type Firestore} from 'firebase-admin/firestore';
import {accounts, addressKey, hashOf} from './database.js';

export interface Subscriber {
  /** The subscription's document id: the subscriber's account. */
  uid: string;
  email: string;
}

export const confirmedRef = (db: Firestore, email: string) =>
  db.collection('mailConfirmed').doc(hashOf(addressKey(email)));

export const recordConfirmation = (db: Firestore, email: string) =>
  confirmedRef(db, email).set({confirmedAt: FieldValue.serverTimestamp()});

export const forgetConfirmation = (db: Firestore, email: string) => confirmedRef(db, email).delete();

/** Firebase Auth's uid limits: anything else would make the whole lookup fail. */
const isUid = (uid: string) => uid.length > 0 && uid.length <= 128;
const LOOKUP_BATCH = 100; // getUsers' limit

/** The verified address of each of these accounts that has one, in lower case (as Auth keeps them, but not trusted to). */
async function verifiedAddresses(uids: string[]): Promise<Map<string, string>> {
  const verified = new Map<string, string>();
  const wanted = [...new Set(uids.filter(isUid))];
  for (let i = 0; i < wanted.length; i += LOOKUP_BATCH) {
    const {users} = await accounts().getUsers(wanted.slice(i, i + LOOKUP_BATCH).map((uid) => ({uid})));
    for (const user of users) if (user.emailVerified && user.email) verified.set(user.uid, addressKey(user.email));
  }
  return verified;
}

/** Which of these subscriptions (by uid) have a confirmed address. */
export async function confirmedSubscribers(db: Firestore, subscribers: readonly Subscriber[]): Promise<Set<string>> {
  const confirmed = new Set<string>();
  if (!subscribers.length) return confirmed;
  const keys = [...new Set(subscribers.map((s) => addressKey(s.email)))];
  const byLink = await db.getAll(...keys.map((key) => confirmedRef(db, key)));
  const linked = new Set(keys.filter((_, i) => byLink[i].exists));
  const rest = subscribers.filter((s) => !linked.has(addressKey(s.email)));
  const verified = rest.length ? await verifiedAddresses(rest.map((s) => s.uid)) : new Map<string, string>();
  for (const s of subscribers)
    if (linked.has(addressKey(s.email)) || verified.get(s.uid) === addressKey(s.email)) confirmed.add(s.uid);
  return confirmed;
}
