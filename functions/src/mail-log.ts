/**
 * Every e-mail these functions send, one document each in mailLog (server-only), written before
 * the e-mail leaves. Its id is a hash of what the e-mail is about and to whom (the comment and the
 * kind of e-mail, or the subscription write that asks for a confirmation; the address), not of
 * the event: a retried event, a second delivery of one event, or a comment approved again after
 * an edit finds the document and sends nothing twice.
 *
 * A document's state: `sending` (claimed, going out now), `sent`, `queued` (handed to the Trigger
 * Email extension, whose own `delivery` field in the mail document tells the rest), `retry` (the
 * SMTP server failed; the platform retries the event), `failed` (given up: `error` says why),
 * `held` (over a limit: `reason` says which; not sent).
 *
 * Limits: mailQuota/{address|thread}-{hash}-{hour} count the e-mails of one hour to one address
 * (every kind) and about one thread (readers' e-mails only).
 */
import {FieldValue, Timestamp, type DocumentReference, type Firestore} from 'firebase-admin/firestore';
import {addressKey, hashOf} from './database.js';
import type {MailContent} from './mail-content.js';

export type MailKind = 'comment' | 'reply' | 'held' | 'new' | 'confirm';

interface MailTo {
  threadId: string;
  to: string;
  content: MailContent;
}

/** An e-mail about a comment (to a reader or the owner), or a confirmation about a subscription. */
export type MailJob = MailTo &
  (
    | {kind: 'comment' | 'reply' | 'held' | 'new'; commentId: string}
    /** `writeId`: which write of the subscription asked (its createdAt). */
    | {kind: 'confirm'; subscriberId: string; writeId: string}
  );

export interface Limits {
  perAddressPerHour: number;
  perThreadPerHour: number;
}

export type Claim =
  | {action: 'send'; attempt: number}
  | {action: 'queued'}
  | {action: 'held'; reason: 'address-limit' | 'thread-limit'}
  | {action: 'done'}
  | {action: 'busy'};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How long mailLog documents are worth keeping: the field a TTL policy may use (functions/README.md). */
const LOG_DAYS = 30;
/** A claim older than this was made by a run that died (the trigger's timeout is 5 minutes). */
const LEASE_MS = 10 * 60_000;

const forReaders = (kind: MailKind) => kind === 'comment' || kind === 'reply';

export function logRef(db: Firestore, job: MailJob): DocumentReference {
  const about =
    job.kind === 'confirm'
      ? ['confirm', job.threadId, job.subscriberId, job.writeId]
      : [forReaders(job.kind) ? 'reader' : 'owner', job.threadId, job.commentId];
  return db.collection('mailLog').doc(hashOf([...about, addressKey(job.to)].join('\n')));
}

/** What the e-mail is about, for the log (the comment, or the subscriber's account). */
const aboutOf = (job: MailJob) =>
  job.kind === 'confirm' ? {subscriberId: job.subscriberId} : {commentId: job.commentId};

function quotaRefs(db: Firestore, job: MailJob, hour: number) {
  const quota = (scope: string, key: string) => db.collection('mailQuota').doc(`${scope}-${hashOf(key)}-${hour}`);
  return {
    address: quota('address', addressKey(job.to)),
    thread: forReaders(job.kind) ? quota('thread', job.threadId) : undefined,
  };
}

/**
 * Decides, in one transaction, whether this e-mail goes out now: not when its document says it
 * went (or was held, or failed for good), nor while another run is sending it; a `retry` is sent
 * again. A new one counts against the limits, or is held. With `enqueue` (the Trigger Email
 * extension), the mail document is written in the same transaction, so it is queued exactly once.
 */
export async function claim(
  db: Firestore,
  job: MailJob,
  eventId: string,
  limits: Limits,
  enqueue?: {ref: DocumentReference; data: Record<string, unknown>},
): Promise<Claim> {
  const ref = logRef(db, job);
  return db.runTransaction(async (tx) => {
    const log = await tx.get(ref);
    const now = Date.now();
    if (log.exists) {
      const state = log.get('state');
      const claimedAt = (log.get('claimedAt') as Timestamp | undefined)?.toMillis() ?? 0;
      if (state === 'retry' || (state === 'sending' && now - claimedAt > LEASE_MS)) {
        const attempt = (Number(log.get('attempts')) || 0) + 1;
        if (enqueue) {
          // Failed by SMTP before the site switched to the extension: the extension takes it over.
          tx.set(enqueue.ref, enqueue.data);
          tx.update(ref, {state: 'queued', attempts: attempt, eventId, mailId: enqueue.ref.id});
          return {action: 'queued'};
        }
        tx.update(ref, {state: 'sending', attempts: attempt, eventId, claimedAt: Timestamp.fromMillis(now)});
        return {action: 'send', attempt};
      }
      return state === 'sending' ? {action: 'busy'} : {action: 'done'};
    }

    const hour = Math.floor(now / HOUR);
    const quotas = quotaRefs(db, job, hour);
    const [address, thread] = await tx.getAll(quotas.address, ...(quotas.thread ? [quotas.thread] : []));
    const count = (snapshot: typeof address | undefined) => Number(snapshot?.get('count')) || 0;
    const record = {
      kind: job.kind,
      threadId: job.threadId,
      ...aboutOf(job),
      to: job.to,
      subject: job.content.subject,
      eventId,
      createdAt: Timestamp.fromMillis(now),
      expiresAt: Timestamp.fromMillis(now + LOG_DAYS * DAY),
    };
    const reason =
      count(address) >= limits.perAddressPerHour
        ? 'address-limit'
        : quotas.thread && count(thread) >= limits.perThreadPerHour
          ? 'thread-limit'
          : undefined;
    if (reason) {
      tx.create(ref, {...record, state: 'held', reason});
      return {action: 'held', reason};
    }
    const counted = {hourStart: Timestamp.fromMillis(hour * HOUR), expiresAt: Timestamp.fromMillis((hour + 2) * HOUR)};
    tx.set(quotas.address, {...counted, scope: 'address', count: count(address) + 1});
    if (quotas.thread) tx.set(quotas.thread, {...counted, scope: 'thread', count: count(thread) + 1});
    if (enqueue) {
      tx.create(enqueue.ref, enqueue.data);
      tx.create(ref, {...record, state: 'queued', attempts: 1, mailId: enqueue.ref.id});
      return {action: 'queued'};
    }
    tx.create(ref, {...record, state: 'sending', attempts: 1, claimedAt: Timestamp.fromMillis(now)});
    return {action: 'send', attempt: 1};
  });
}

export const recordSent = (db: Firestore, job: MailJob, messageId: string | undefined) =>
  logRef(db, job).update({
    state: 'sent',
    sentAt: FieldValue.serverTimestamp(),
    ...(messageId ? {messageId} : {}),
    error: FieldValue.delete(),
  });

/**
 * Records a failed send: `retry` while attempts remain and the failure may pass (the caller then
 * throws, so the platform retries the event), else `failed` for good.
 */
export async function recordFailure(
  db: Firestore,
  job: MailJob,
  attempt: number,
  error: string,
  {permanent, maxAttempts}: {permanent: boolean; maxAttempts: number},
): Promise<'retry' | 'failed'> {
  const state = permanent || attempt >= maxAttempts ? 'failed' : 'retry';
  await logRef(db, job).update({state, error: error.slice(0, 1000), failedAt: FieldValue.serverTimestamp()});
  return state;
}
