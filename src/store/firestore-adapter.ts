/**
 * Turns Firestore document data into the UI's plain types. Only plain strings, booleans and
 * Dates leave this module: no Timestamp, no DocumentSnapshot, nothing a template could
 * mistake for markup. It has no Firebase import, so it can be tested with plain objects.
 */
import type {Author, AuthorProvider, Comment, CommentStatus} from '../model/comment.js';

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
