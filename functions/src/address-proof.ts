/**
 * Whether an address is an account's own. Only proof counts: the account's verified Firebase Auth
 * address (compared in lower case), or an address confirmed for that account by the link of a
 * confirmation e-mail (mail-confirmation.ts). What a reader types (their guest profile's address,
 * a subscription's) proves nothing, because the rules accept any well-formed address: counting it
 * would let anyone claim someone else's address, to have mail sent to it or to stop mail to it.
 *
 * Used for who gets mail (a subscription is confirmed when its address is its own account's) and
 * for who does not (the comment's author, by the addresses proven theirs): recipients.ts.
 */
import type {Firestore} from 'firebase-admin/firestore';
import {accounts, addressKey, isUid} from './database.js';
import {confirmationRef, confirmedAccounts} from './mail-confirmation.js';

export interface AddressClaim {
  /** The account: for a subscription, its document id. */
  uid: string;
  email: string;
}

/** Answers whether an address is proven for an account, from what proofsFor loaded. */
export type Owns = (uid: string, email: string) => boolean;

const LOOKUP_BATCH = 100; // getUsers' limit

/** The verified address of each of these accounts that has one, in lower case (as Auth keeps them, but not trusted to). */
async function verifiedAddresses(uids: readonly string[]): Promise<Map<string, string>> {
  const verified = new Map<string, string>();
  const wanted = [...new Set(uids.filter(isUid))];
  for (let i = 0; i < wanted.length; i += LOOKUP_BATCH) {
    const {users} = await accounts().getUsers(wanted.slice(i, i + LOOKUP_BATCH).map((uid) => ({uid})));
    for (const user of users) if (user.emailVerified && user.email) verified.set(user.uid, addressKey(user.email));
  }
  return verified;
}

/**
 * Loads, once, what proves which of these addresses belong to which of these accounts (their
 * verified addresses, and the addresses' confirmation records); the answer is about those only.
 */
export async function proofsFor(db: Firestore, uids: readonly string[], emails: readonly string[]): Promise<Owns> {
  const keys = [...new Set(emails.map(addressKey).filter(Boolean))];
  const [records, verified] = await Promise.all([
    keys.length ? db.getAll(...keys.map((key) => confirmationRef(db, key))) : [],
    verifiedAddresses(uids),
  ]);
  const confirmedFor = new Map(keys.map((key, i) => [key, confirmedAccounts(records[i])]));
  return (uid, email) => {
    const key = addressKey(email);
    return isUid(uid) && !!key && (verified.get(uid) === key || !!confirmedFor.get(key)?.has(uid));
  };
}

/** Which of these subscriptions (by uid) are confirmed: each by its own account's proof of its address. */
export async function confirmedSubscribers(db: Firestore, subscribers: readonly AddressClaim[]): Promise<Set<string>> {
  if (!subscribers.length) return new Set();
  const owns = await proofsFor(
    db,
    subscribers.map((s) => s.uid),
    subscribers.map((s) => s.email),
  );
  return new Set(subscribers.filter((s) => owns(s.uid, s.email)).map((s) => s.uid));
}
