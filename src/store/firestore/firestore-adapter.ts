/**
 * Turns Firestore document data into the UI's plain types (comments through the stored shape
 * every program shares: model/stored-comment.ts). Only plain strings, booleans and Dates leave
 * this module: no Timestamp, no DocumentSnapshot, nothing a template could mistake for markup.
 * It imports Firebase's types only, so it can be tested with plain objects.
 * Also here: the store's errors in the UI's terms.
 */
import type {DocumentSnapshot, FirestoreError} from 'firebase/firestore/lite';
import type {Comment} from '../../model/comment.js';
import {commentFromData, dateOf as date, textOf as text} from '../../model/stored-comment.js';
import {StoreError, type StoreErrorCode} from '../comment-store.js';

type Data = Record<string, unknown>;

/** What the thread document says, as the store needs it. */
export interface ThreadDoc {
  exists: boolean;
  /** Published comments. */
  count: number;
  /** Comments waiting for a moderator. */
  pending: number;
  locked: boolean;
  /** The comment the thread's last change named. */
  lastCommentId?: string;
  /**
   * Everything a polling view compares to see whether the thread changed since it last looked:
   * counts, the comment last changed, the time of a change that moved no count, the lock.
   */
  version: string;
}

/** The thread document, or an empty thread when it does not exist yet. */
export function threadFromData(data: Data | undefined): ThreadDoc {
  const positive = (value: unknown) => (typeof value === 'number' && value > 0 ? value : 0);
  const thread = {
    exists: data !== undefined,
    count: positive(data?.commentCount),
    pending: positive(data?.pendingCount),
    locked: data?.locked === true,
  };
  const version = JSON.stringify([thread, text(data?.lastCommentId), date(data?.changedAt)?.getTime() ?? 0]);
  const lastCommentId = text(data?.lastCommentId) || undefined;
  return {...thread, ...(lastCommentId ? {lastCommentId} : {}), version};
}

const ERROR_CODES: Record<string, StoreErrorCode> = {
  'permission-denied': 'permission-denied',
  unauthenticated: 'permission-denied',
  unavailable: 'unavailable',
  'deadline-exceeded': 'unavailable',
  // Contention: writes to the same documents at once (two tabs, a queue sent together); not applied,
  // so sent again like an offline write.
  aborted: 'unavailable',
  'resource-exhausted': 'quota',
  'invalid-argument': 'invalid',
  'failed-precondition': 'invalid', // e.g. a missing index: the message says which
};

export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  // Not `instanceof FirestoreError`: FirebaseError resets the prototype, so that is always false.
  const code = (error as FirestoreError | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (isNetworkFailure(error)) return new StoreError('unavailable', message);
  return new StoreError(
    typeof code === 'string' && Object.hasOwn(ERROR_CODES, code) ? ERROR_CODES[code] : 'unknown',
    message,
  );
}

/**
 * Worth trying again later: `unavailable`, or firestore/lite's `unknown` for a request that got no
 * usable answer (a failed fetch: no connection, DNS, a blocked request; or a server error).
 */
function isNetworkFailure(error: unknown): boolean {
  const {code, message} = (error ?? {}) as {code?: unknown; message?: unknown};
  return (
    code === 'unavailable' ||
    (code === 'unknown' && typeof message === 'string' && message.startsWith('Request failed with error:'))
  );
}

export function commentFromSnapshot(snapshot: DocumentSnapshot): Comment {
  return commentFromData(snapshot.id, snapshot.data() ?? {});
}

/** A comment read over the REST API (firestore-rest.ts). */
export function commentFromDoc(read: {id: string; data: Data}): Comment {
  return commentFromData(read.id, read.data);
}
