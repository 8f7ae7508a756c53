/**
 * The export file: every thread and comment of a site as JSON, in a shape that is documented
 * (docs/backup-format.md) and versioned, so a backup made today restores with a later version.
 * `import json` reads it back into the same ids, times, statuses, nesting and likes; counts are
 * the comments' own (model/stored-comment.ts threadCounts), as the widget's are.
 */
import type {Author, Comment} from '../src/model/comment.js';
import {AUTHOR_PROVIDERS, COMMENT_STATUSES} from '../src/model/stored-comment.js';
import {topLevelIds} from '../src/model/thread-roots.js';
import type {PlannedThread} from './import-plan.js';
import {InputError} from './xml-records.js';

export const BACKUP_FORMAT = 'leave-a-reply-backup';
/** 2 added likes (each comment's `likeCount`, each thread's `likes`); version 1 files still restore. */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS: readonly number[] = [1, 2];

export interface BackupComment {
  id: string;
  parentId: string | null;
  rootId?: string;
  body: string;
  author: Author;
  /** ISO 8601 times, UTC. */
  createdAt: string;
  editedAt?: string;
  status: Comment['status'];
  pinned?: true;
  /** Readers who like it (version 2; absent in version 1 files: 0). */
  likeCount?: number;
  /** A guest's email, from their private profile: only with --include-emails. */
  email?: string;
}

export interface BackupThread {
  id: string;
  url: string;
  title: string;
  createdAt: string;
  locked?: true;
  comments: BackupComment[];
  /**
   * What each reader likes here (threads/{id}/likes/{uid}), so that a restored site still counts
   * one like per reader: without it, a reader could like a restored comment a second time.
   * Version 2; only readers who like something.
   */
  likes?: BackupLikes[];
}

export interface BackupLikes {
  uid: string;
  /** Ids of comments of this thread. */
  ids: string[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  projectId: string;
  threads: BackupThread[];
}

/**
 * `rootId`: the top-level comment the reply's chain of parents ends at, worked out from its
 * thread (thread-roots.ts), which a reply stored before `rootId` or under such a reply lacks or
 * names wrongly; without it (a broken chain), what the reply stores, else its parent.
 */
export function backupComment(comment: Comment, email?: string, rootId?: string): BackupComment {
  return {
    id: comment.id,
    parentId: comment.parentId,
    ...(comment.parentId ? {rootId: rootId ?? comment.rootId ?? comment.parentId} : {}),
    body: comment.body,
    author: comment.author,
    createdAt: comment.createdAt.toISOString(),
    ...(comment.editedAt ? {editedAt: comment.editedAt.toISOString()} : {}),
    status: comment.status,
    ...(comment.pinned ? {pinned: true} : {}),
    likeCount: comment.likeCount ?? 0,
    ...(email ? {email} : {}),
  };
}

// Document ids as firestore.rules and Firestore accept them.
const DOC_ID = /^[A-Za-z0-9._:~-]{1,200}$/;
const validId = (id: unknown): id is string =>
  typeof id === 'string' && DOC_ID.test(id) && !/^__.*__$/.test(id) && id !== '.' && id !== '..';

/** Reads a backup into the threads to write, or throws a message naming the file and the place. */
export function threadsFromBackup(file: string, text: string): PlannedThread[] {
  let data: Partial<Backup>;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (data?.format !== BACKUP_FORMAT)
    throw new InputError(`${file} is not a leave-a-reply export (no "format": "${BACKUP_FORMAT}")`);
  if (!READABLE_VERSIONS.includes(data.version as number)) {
    throw new InputError(
      `${file} is version ${String(data.version)} of the export format; this leave-a-reply reads versions ${READABLE_VERSIONS.join(' and ')}`,
    );
  }
  if (!Array.isArray(data.threads)) throw new InputError(`${file}: "threads" must be a list`);
  const seenThreads = new Set<string>();
  return data.threads.map((thread, t) => {
    const where = `${file}: threads[${t}]`;
    const fail = (message: string): never => {
      throw new InputError(`${where}${message}`);
    };
    if (!validId(thread?.id)) fail(`: "id" must be a thread id (1–200 letters, digits or . _ : ~ -)`);
    if (seenThreads.has(thread.id)) fail(`: thread ${thread.id} appears twice`);
    seenThreads.add(thread.id);
    if (typeof thread.url !== 'string' || typeof thread.title !== 'string') fail(': "url" and "title" must be text');
    if (!Array.isArray(thread.comments)) fail(': "comments" must be a list');
    const ids = new Set(thread.comments.map((c) => c?.id));
    const emails = new Map<string, string>();
    const comments = thread.comments.map((c, i) => {
      const at = (message: string): never => fail(`.comments[${i}]${c?.id ? ` (${c.id})` : ''}: ${message}`);
      if (!validId(c?.id)) at('"id" must be a document id');
      if (c.parentId !== null && !(typeof c.parentId === 'string' && ids.has(c.parentId) && c.parentId !== c.id)) {
        at(`"parentId" must be null or the id of another comment of this thread`);
      }
      if (c.rootId !== undefined && !ids.has(c.rootId)) at('"rootId" must be the id of a comment of this thread');
      if (typeof c.body !== 'string') at('"body" must be text');
      if (!COMMENT_STATUSES.includes(c.status)) at(`"status" must be one of ${COMMENT_STATUSES.join(', ')}`);
      const author = c.author;
      if (
        typeof author?.uid !== 'string' ||
        !author.uid ||
        typeof author.name !== 'string' ||
        !AUTHOR_PROVIDERS.includes(author.provider)
      ) {
        at('"author" needs a uid, a name and a provider');
      }
      const time = (value: unknown, name: string) => {
        const date = typeof value === 'string' ? new Date(value) : undefined;
        return date && !Number.isNaN(date.getTime()) ? date : at(`"${name}" must be an ISO 8601 time`);
      };
      const likeCount = c.likeCount ?? 0;
      if (!Number.isInteger(likeCount) || likeCount < 0) at('"likeCount" must be a whole number, 0 or more');
      if (typeof c.email === 'string' && c.email) emails.set(author.uid, c.email);
      return {
        id: c.id,
        parentId: c.parentId,
        ...(c.parentId ? {rootId: c.rootId ?? c.parentId} : {}),
        body: c.body,
        author: {
          uid: author.uid,
          name: author.name,
          ...(typeof author.url === 'string' && author.url ? {url: author.url} : {}),
          ...(typeof author.avatarUrl === 'string' && author.avatarUrl ? {avatarUrl: author.avatarUrl} : {}),
          provider: author.provider,
        },
        createdAt: time(c.createdAt, 'createdAt'),
        ...(c.editedAt !== undefined ? {editedAt: time(c.editedAt, 'editedAt')} : {}),
        status: c.status,
        ...(c.pinned === true ? {pinned: true} : {}),
        likeCount,
      } satisfies Comment;
    });
    // A file from an export made before `upgrade` may leave a reply's rootId out or name a reply:
    // the chain of parents says which top-level comment it is.
    const roots = topLevelIds(comments);
    for (const comment of comments) {
      const root = roots.get(comment.id);
      if (comment.parentId && root) comment.rootId = root;
    }
    const likes = new Map<string, string[]>();
    if (thread.likes !== undefined && !Array.isArray(thread.likes)) fail(': "likes" must be a list');
    for (const [i, entry] of (thread.likes ?? []).entries()) {
      const at = (message: string): never => fail(`.likes[${i}]: ${message}`);
      if (!validId(entry?.uid)) at('"uid" must be an account id');
      if (likes.has(entry.uid)) at(`${entry.uid} appears twice`);
      if (!Array.isArray(entry.ids) || new Set(entry.ids).size !== entry.ids.length) {
        at('"ids" must be a list of comment ids, each once');
      }
      const stray = entry.ids.find((id) => !ids.has(id));
      if (stray !== undefined) at(`"${String(stray)}" is not a comment of this thread`);
      if (entry.ids.length) likes.set(entry.uid, [...entry.ids]);
    }
    const createdAt = new Date(thread.createdAt);
    if (Number.isNaN(createdAt.getTime())) fail(': "createdAt" must be an ISO 8601 time');
    return {
      id: thread.id,
      url: thread.url,
      title: thread.title,
      createdAt,
      locked: thread.locked === true,
      comments,
      emails,
      likes,
    };
  });
}
