/**
 * Turns Firestore document data into the UI's plain types. Only plain strings, booleans and
 * Dates leave this module: no Timestamp, no DocumentSnapshot, nothing a template could
 * mistake for markup. It imports Firebase's types only, so it can be tested with plain objects.
 * Also here: the store's errors in the UI's terms, and the time-ordered comment ids.
 */
import type {DocumentSnapshot, FirestoreError} from 'firebase/firestore';
import type {Author, AuthorProvider, Comment, CommentStatus} from '../model/comment.js';
import {StoreError, type StoreErrorCode} from './comment-store.js';

/** A Firestore Timestamp, structurally (so this module need not import the SDK). */
interface TimestampLike {
  toDate(): Date;
}

/** What the thread document says, as the store needs it. */
export interface ThreadDoc {
  exists: boolean;
  /** Published comments. */
  count: number;
  /** Comments waiting for a moderator. */
  pending: number;
  locked: boolean;
}

const PROVIDERS: readonly AuthorProvider[] = [
  'guest', 'google', 'github', 'twitter', 'facebook', 'microsoft', 'apple', 'email', 'custom',
];
const STATUSES: readonly CommentStatus[] = ['published', 'pending', 'hidden', 'deleted'];

type Data = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function date(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (value && typeof (value as TimestampLike).toDate === 'function') return (value as TimestampLike).toDate();
  return undefined;
}

function author(value: unknown): Author {
  const data = (value && typeof value === 'object' ? value : {}) as Data;
  const provider = PROVIDERS.find((p) => p === data.provider) ?? 'guest';
  return {
    uid: text(data.uid),
    name: text(data.name),
    ...(text(data.url) ? {url: text(data.url)} : {}),
    ...(text(data.avatarUrl) ? {avatarUrl: text(data.avatarUrl)} : {}),
    provider,
  };
}

/**
 * A comment from `snapshot.data({serverTimestamps: 'estimate'})`. `sending` is the snapshot's
 * `metadata.hasPendingWrites`: the write is in this browser's queue, not yet on the server.
 */
export function commentFromData(id: string, data: Data, sending: boolean): Comment {
  const editedAt = date(data.editedAt);
  return {
    id,
    parentId: typeof data.parentId === 'string' && data.parentId ? data.parentId : null,
    body: text(data.body),
    author: author(data.author),
    // 'estimate' fills pending server times; a missing one (bad data) sorts as "now", not 1970.
    createdAt: date(data.createdAt) ?? new Date(),
    ...(editedAt ? {editedAt} : {}),
    status: STATUSES.find((s) => s === data.status) ?? 'published',
    ...(data.pinned === true ? {pinned: true} : {}),
    ...(sending ? {sending: true} : {}),
  };
}

/** The thread document, or an empty thread when it does not exist yet. */
export function threadFromData(data: Data | undefined): ThreadDoc {
  const positive = (value: unknown) => (typeof value === 'number' && value > 0 ? value : 0);
  return {exists: data !== undefined, count: positive(data?.commentCount), pending: positive(data?.pendingCount), locked: data?.locked === true};
}

const ERROR_CODES: Record<string, StoreErrorCode> = {
  'permission-denied': 'permission-denied',
  unauthenticated: 'permission-denied',
  unavailable: 'unavailable',
  'deadline-exceeded': 'unavailable',
  'resource-exhausted': 'unavailable',
  'invalid-argument': 'invalid',
  'failed-precondition': 'invalid', // e.g. a missing index: the message says which
};

export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  // Not `instanceof FirestoreError`: FirebaseError resets the prototype, so that is always false.
  const code = (error as FirestoreError | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError(typeof code === 'string' && Object.hasOwn(ERROR_CODES, code) ? ERROR_CODES[code] : 'unknown', message);
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A document id that sorts by creation time: 9 characters of time, 11 random. Until the server
 * confirms it, a comment's time is only known to the second (the SDK's estimate), and Firestore
 * breaks ties by document id, so these ids keep unconfirmed comments in the order they were
 * written. A comment thread's write rate is far below where ordered ids could hot-spot an index.
 */
export function timeOrderedId(now = Date.now()): string {
  const random = crypto.getRandomValues(new Uint8Array(11));
  return now.toString(36).padStart(9, '0') + Array.from(random, (b) => ID_ALPHABET[b % 62]).join('');
}

export function commentFromSnapshot(snapshot: DocumentSnapshot): Comment {
  const comment = commentFromData(
    snapshot.id,
    snapshot.data({serverTimestamps: 'estimate'}) ?? {},
    snapshot.metadata.hasPendingWrites,
  );
  // The SDK estimates an unconfirmed server time to the whole second, which puts a comment just
  // sent before others of that same second. Our ids carry the time of writing to the millisecond.
  if (comment.sending && snapshot.get('createdAt', {serverTimestamps: 'none'}) === null) {
    const written = timeOfOrderedId(snapshot.id);
    const estimate = comment.createdAt.getTime();
    if (written !== undefined && written >= estimate && written < estimate + 1000) comment.createdAt = new Date(written);
  }
  return comment;
}

/** The time a timeOrderedId() was made, or undefined for other ids. */
export function timeOfOrderedId(id: string): number | undefined {
  if (!/^[0-9a-z]{9}[0-9a-zA-Z]{11}$/.test(id)) return undefined;
  const time = parseInt(id.slice(0, 9), 36);
  return Number.isSafeInteger(time) ? time : undefined;
}
