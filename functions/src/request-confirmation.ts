/**
 * The trigger on every write of subscriptions/{threadId}/subscribers/{uid}: when a subscription
 * is created or its address changes, and that address is not confirmed for this account yet
 * (address-proof.ts), one e-mail asks its owner to confirm it, in the subscription's language. Its
 * link confirms the address for this account only (confirm-token.ts), so an address its owner
 * confirmed for their own account is asked about again when another account subscribes it. Sent
 * like every other e-mail (send-mail.ts): claimed in mailLog under the write it answers, so a
 * retried event sends it once, and counted against the per-address limit, which bounds what anyone
 * can make the functions send to an address that is not theirs.
 */
import {logger} from 'firebase-functions';
import type {Change, FirestoreEvent} from 'firebase-functions/v2/firestore';
import type {DocumentSnapshot, Timestamp} from 'firebase-admin/firestore';
import {textOf} from '../../src/model/stored-comment.js';
import {isEmail} from '../../src/model/validation.js';
import {confirmedSubscribers} from './address-proof.js';
import {confirmationMail} from './confirmation-mail.js';
import {signConfirm} from './confirm-token.js';
import {addressKey, database} from './database.js';
import {mailStrings} from './mail-strings.js';
import {subscribersOf} from './recipients.js';
import {deliver} from './send-mail.js';
import {UNSUBSCRIBE_SECRET, readSettings} from './settings.js';
import {linkWithToken} from './signed-token.js';

export type SubscriptionWriteEvent = FirestoreEvent<
  Change<DocumentSnapshot> | undefined,
  {threadId: string; uid: string}
>;

const addressIn = (snapshot: DocumentSnapshot | undefined) =>
  snapshot?.exists ? textOf(snapshot.get('email')).trim() : '';

/** Which write this is: its createdAt, which the rules set to the time of every write. */
function writeIdOf(snapshot: DocumentSnapshot, eventId: string): string {
  const createdAt = snapshot.get('createdAt') as Timestamp | undefined;
  return typeof createdAt?.toMillis === 'function' ? String(createdAt.toMillis()) : eventId;
}

export async function requestConfirmationOnWrite(event: SubscriptionWriteEvent): Promise<void> {
  const {threadId, uid} = event.params;
  const after = event.data?.after;
  const email = addressIn(after);
  if (!after?.exists || !isEmail(email)) return;
  const before = addressIn(event.data?.before);
  // Same address (a new time, a new language): nothing new to confirm.
  if (before && addressKey(before) === addressKey(email)) return;

  const settings = readSettings();
  const db = database(settings.database);
  // As it is now: a retried run must not ask about an address changed or unsubscribed since.
  const current = await subscribersOf(db, threadId).doc(uid).get();
  if (addressKey(addressIn(current)) !== addressKey(email)) {
    logger.info('subscription changed since the event; no confirmation to ask', {threadId});
    return;
  }
  if ((await confirmedSubscribers(db, [{uid, email}])).size) return;

  const strings = mailStrings(current.get('lang'));
  const thread = await db.doc(`threads/${threadId}`).get();
  const content = confirmationMail({
    pageTitle: textOf(thread.get('title')),
    confirmUrl: linkWithToken(settings.confirmUrl, signConfirm(email, uid, UNSUBSCRIBE_SECRET.value()), strings.lang),
    strings,
  });
  const job = {kind: 'confirm' as const, threadId, subscriberId: uid, writeId: writeIdOf(after, event.id)};
  await deliver(db, settings, event.id, [{...job, to: email, content}], `the subscription ${threadId}/${uid}`);
}
