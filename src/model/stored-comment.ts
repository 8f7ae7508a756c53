/**
 * The stored shape of threads and comments (firestore.rules: threads/{threadId} and its
 * comments/{id}), for every program that reads or writes them: the widget's Firestore store, the
 * command line's import and export (cli/), the Cloud Functions (functions/). Times are Dates here;
 * each SDK turns them into its own Timestamp, and anything with toDate() reads back as a Date.
 */
import type {Author, AuthorProvider, Comment, CommentStatus} from './comment.js';

export const AUTHOR_PROVIDERS: readonly AuthorProvider[] = [
  'guest',
  'google',
  'github',
  'twitter',
  'facebook',
  'microsoft',
  'apple',
  'email',
  'custom',
];
export const COMMENT_STATUSES: readonly CommentStatus[] = ['published', 'pending', 'hidden', 'deleted'];

type Data = Record<string, unknown>;

/** A Firestore Timestamp of either SDK, structurally (so this module needs neither). */
interface TimestampLike {
  toDate(): Date;
}

export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

export function dateOf(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (value && typeof (value as TimestampLike).toDate === 'function') return (value as TimestampLike).toDate();
  return undefined;
}

function authorOf(value: unknown): Author {
  const data = (value && typeof value === 'object' ? value : {}) as Data;
  const provider = AUTHOR_PROVIDERS.find((p) => p === data.provider) ?? 'guest';
  return {
    uid: textOf(data.uid),
    name: textOf(data.name),
    ...(textOf(data.url) ? {url: textOf(data.url)} : {}),
    ...(textOf(data.avatarUrl) ? {avatarUrl: textOf(data.avatarUrl)} : {}),
    provider,
  };
}

/** A comment from its stored data. */
export function commentFromData(id: string, data: Data): Comment {
  const editedAt = dateOf(data.editedAt);
  return {
    id,
    parentId: typeof data.parentId === 'string' && data.parentId ? data.parentId : null,
    ...(typeof data.rootId === 'string' && data.rootId ? {rootId: data.rootId} : {}),
    body: textOf(data.body),
    author: authorOf(data.author),
    // A missing time (bad data) sorts as "now", not 1970.
    createdAt: dateOf(data.createdAt) ?? new Date(),
    ...(editedAt ? {editedAt} : {}),
    status: COMMENT_STATUSES.find((s) => s === data.status) ?? 'published',
    ...(data.pinned === true ? {pinned: true} : {}),
    // Written before likes existed, or bad data: no likes.
    likeCount: Number.isInteger(data.likeCount) && (data.likeCount as number) > 0 ? (data.likeCount as number) : 0,
  };
}

/**
 * A comment's stored data, as the widget writes it: top-level comments name no root (null), and
 * optional fields are left out rather than stored empty.
 */
export function commentToData(comment: Comment): Data {
  const {author} = comment;
  return {
    parentId: comment.parentId,
    rootId: comment.parentId ? (comment.rootId ?? comment.parentId) : null,
    body: comment.body,
    author: {
      uid: author.uid,
      name: author.name,
      ...(author.url ? {url: author.url} : {}),
      ...(author.avatarUrl ? {avatarUrl: author.avatarUrl} : {}),
      provider: author.provider,
    },
    createdAt: comment.createdAt,
    ...(comment.editedAt ? {editedAt: comment.editedAt} : {}),
    status: comment.status,
    ...(comment.pinned ? {pinned: true} : {}),
    // Every comment holds its count, so the "top" order's query (by likeCount) finds it.
    likeCount: comment.likeCount ?? 0,
  };
}

/**
 * The counts a thread document holds for its comments, which firestore.rules keeps in step with
 * every status change: published ones (`commentCount`, what "2 thoughts" says) and waiting ones.
 */
export function threadCounts(statuses: Iterable<CommentStatus>): {commentCount: number; pendingCount: number} {
  let commentCount = 0;
  let pendingCount = 0;
  for (const status of statuses) {
    if (status === 'published') commentCount++;
    else if (status === 'pending') pendingCount++;
  }
  return {commentCount, pendingCount};
}
