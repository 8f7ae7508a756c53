/**
 * The records of double opt-in's confirmation links (confirm.ts): mailConfirmed/{sha256 of the
 * address in lower case} = {uids, confirmedAt}, server-only, holding no address. `uids` are the
 * accounts the address is confirmed for: each one whose subscription asked for the confirmation
 * e-mail whose link was pressed. A confirmation is for that pair, address and account, never for
 * the address alone: otherwise, once a reader had confirmed their address anywhere, any account
 * could subscribe that address to any thread and have mail sent to it.
 *
 * Records written before confirmations were per account hold no `uids` and confirm nothing: nobody
 * can tell which account pressed their link. Unsubscribing an address from every thread deletes its
 * record, and so every account's confirmation of it (unsubscribe.ts).
 */
import {FieldValue, type DocumentSnapshot, type Firestore} from 'firebase-admin/firestore';
import {addressKey, hashOf} from './database.js';

export const confirmationRef = (db: Firestore, email: string) =>
  db.collection('mailConfirmed').doc(hashOf(addressKey(email)));

/** The address is confirmed for this account, in addition to any it was confirmed for already. */
export const recordConfirmation = (db: Firestore, email: string, uid: string) =>
  confirmationRef(db, email).set(
    {uids: FieldValue.arrayUnion(uid), confirmedAt: FieldValue.serverTimestamp()},
    {merge: true},
  );

/** Withdraws the address's confirmation for every account. */
export const forgetConfirmation = (db: Firestore, email: string) => confirmationRef(db, email).delete();

/** The accounts a record confirms its address for: none when it is missing, or from before `uids`. */
export function confirmedAccounts(record: DocumentSnapshot): Set<string> {
  const uids: unknown = record.get('uids');
  return new Set(Array.isArray(uids) ? uids.filter((uid): uid is string => typeof uid === 'string') : []);
}
