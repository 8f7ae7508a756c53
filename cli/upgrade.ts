/**
 * `npx leave-a-reply upgrade`: brings the comments a site stored with an earlier release up to
 * this one, and changes nothing else:
 * - comments stored before likes have no `likeCount`, and the widget's "top" order queries by it,
 *   so it does not find them: each gets `likeCount: 0`;
 * - replies stored before pages read replies by their top-level comment have no `rootId`, so the
 *   pages of a thread too long for one query do not find them; and a reply posted under one of
 *   them before this upgrade names that reply (the rules take the parent's `rootId`, else its
 *   id). Each gets the id of the top-level comment its chain of parents ends at. A reply whose
 *   chain is broken (a parent document is gone) or loops is left as it is, and listed.
 * Safe to run again, and while readers post and like: a comment is only written while it still
 * lacks the field (each write names the version of the document it read).
 */
import type {DocumentReference, DocumentSnapshot, Firestore, Timestamp} from 'firebase-admin/firestore';
import {topLevelIds} from '../src/model/thread-roots.js';

/** Comments read per page, and so at most written per batch (Firestore's limit is 500). */
const PAGE = 450;
const TRIES = 5;
/** The fields the upgrade reads. */
const FIELDS = ['likeCount', 'parentId', 'rootId'];

/** What one kind of upgrade found and did. */
export interface FieldUpgrade {
  /** Comments that lacked the field (or, for rootId, named a reply), by thread id: written now, or with `dryRun` to be written. */
  missing: Map<string, number>;
  /** Of those, the ones this run set (a reader or a moderator may have given one first). */
  set: number;
}

export interface UpgradeResult {
  /** Comments of threads read (threads/{threadId}/comments/{id}). */
  checked: number;
  /** Threads those comments are in. */
  threads: number;
  likeCount: FieldUpgrade;
  rootId: FieldUpgrade & {
    /** Ids of replies without `rootId` whose chain of parents is broken or loops, by thread id: left as they are. */
    unreachable: Map<string, string[]>;
  };
}

/** The thread of threads/{threadId}/comments/{id}; undefined for any other collection named "comments". */
function threadIdOf(doc: DocumentSnapshot): string | undefined {
  const thread = doc.ref.parent.parent;
  return thread && thread.parent.id === 'threads' && !thread.parent.parent ? thread.id : undefined;
}

/** A comment as the upgrade reads it. */
interface Seen {
  id: string;
  ref: DocumentReference;
  updateTime: Timestamp;
  parentId: string | null;
  rootId?: string;
  hasLikeCount: boolean;
}

function seen(doc: DocumentSnapshot): Seen {
  const parentId = doc.get('parentId');
  const rootId = doc.get('rootId');
  return {
    id: doc.id,
    ref: doc.ref,
    updateTime: doc.updateTime!,
    parentId: typeof parentId === 'string' && parentId ? parentId : null,
    ...(typeof rootId === 'string' && rootId ? {rootId} : {}),
    hasLikeCount: doc.get('likeCount') !== undefined,
  };
}

/** How many documents the pages will go through (one aggregation read per 1,000). */
export async function commentsToCheck(db: Firestore): Promise<number> {
  const snapshot = await db.collectionGroup('comments').count().get();
  return snapshot.data().count;
}

/**
 * Goes through every comment of every thread, a page at a time, and (unless `dryRun`) writes
 * what each lacks, in batches. A collection-group query in document-name order reads each
 * thread's comments one after another, so a thread's changes are worked out once all of it has
 * been read (a reply's top-level comment can be anywhere in its thread). `onPage` hears how many
 * documents each page read.
 */
export async function upgradeComments(
  db: Firestore,
  options: {dryRun: boolean; onPage?: (documents: number) => void},
): Promise<UpgradeResult> {
  const result: UpgradeResult = {
    checked: 0,
    threads: 0,
    likeCount: {missing: new Map(), set: 0},
    rootId: {missing: new Map(), set: 0, unreachable: new Map()},
  };
  const threads = new Set<string>();
  let thread: {id: string; comments: Seen[]} | undefined;
  // Writes wait until their thread has been read whole, then go PAGE to a batch (threads share
  // batches); a batch commits while the next pages are read.
  const queued: [Seen, Change][] = [];
  let writing: Promise<void> = Promise.resolve();
  const write = async (all: boolean) => {
    while (queued.length >= PAGE || (all && queued.length)) {
      const next = queued.splice(0, PAGE);
      await writing;
      writing = writeChanges(db, next).then((set) => {
        result.likeCount.set += set.likeCount;
        result.rootId.set += set.rootId;
      });
      // Its failure is reported where it is awaited, not as an unhandled rejection meanwhile.
      writing.catch(() => undefined);
    }
  };
  const finish = async () => {
    if (!thread) return;
    const {id} = thread;
    threads.add(id);
    const {changes, unreachable} = changesIn(thread.comments);
    if (unreachable.length) result.rootId.unreachable.set(id, unreachable);
    for (const [field, count] of countFields(changes)) {
      if (count) result[field].missing.set(id, (result[field].missing.get(id) ?? 0) + count);
    }
    if (!options.dryRun) for (const entry of changes) queued.push(entry);
    await write(false);
  };
  let after: DocumentSnapshot | undefined;
  for (;;) {
    let page = db
      .collectionGroup('comments')
      .orderBy('__name__')
      .select(...FIELDS)
      .limit(PAGE);
    if (after) page = page.startAfter(after);
    const snapshot = await page.get();
    if (snapshot.empty) break;
    after = snapshot.docs[snapshot.docs.length - 1];
    for (const doc of snapshot.docs) {
      const threadId = threadIdOf(doc);
      if (!threadId) continue;
      result.checked++;
      if (threadId !== thread?.id) {
        await finish();
        thread = {id: threadId, comments: []};
      }
      thread.comments.push(seen(doc));
    }
    options.onPage?.(snapshot.size);
    if (snapshot.size < PAGE) break;
  }
  await finish();
  await write(true);
  await writing;
  result.threads = threads.size;
  return result;
}

type Change = {likeCount?: 0; rootId?: string};

/**
 * What each comment of one thread lacks, and the replies without `rootId` whose top-level comment
 * cannot be found.
 */
function changesIn(comments: Seen[]): {changes: Map<Seen, Change>; unreachable: string[]} {
  const roots = topLevelIds(comments);
  const changes = new Map<Seen, Change>();
  const unreachable: string[] = [];
  for (const comment of comments) {
    const change: Change = {};
    if (!comment.hasLikeCount) change.likeCount = 0;
    if (comment.parentId) {
      const root = roots.get(comment.id);
      if (root && root !== comment.rootId) change.rootId = root;
      else if (!root && !comment.rootId) unreachable.push(comment.id);
    }
    if (Object.keys(change).length) changes.set(comment, change);
  }
  return {changes, unreachable};
}

function countFields(changes: Map<Seen, Change>): Map<'likeCount' | 'rootId', number> {
  const counts = new Map<'likeCount' | 'rootId', number>([
    ['likeCount', 0],
    ['rootId', 0],
  ]);
  for (const change of changes.values()) {
    for (const field of ['likeCount', 'rootId'] as const)
      if (field in change) counts.set(field, counts.get(field)! + 1);
  }
  return counts;
}

/** Worth reading again and retrying: the document changed (or went) since it was read, or the database was busy. */
function raced(error: unknown): boolean {
  const code = (error as {code?: unknown})?.code;
  // gRPC codes: 5 NOT_FOUND, 9 FAILED_PRECONDITION (changed since read), 10 ABORTED.
  return code === 5 || code === 9 || code === 10;
}

/**
 * Writes one batch of changes, each only if the comment is unchanged since it was read: a like
 * that landed meanwhile is never overwritten. If one changed, the batch's comments are read
 * again and what they still lack is tried again. Resolves with how many of each field were set.
 */
async function writeChanges(db: Firestore, changes: [Seen, Change][]): Promise<{likeCount: number; rootId: number}> {
  const set = {likeCount: 0, rootId: 0};
  let pending = changes;
  for (let attempt = 1; pending.length; attempt++) {
    const batch = db.batch();
    for (const [comment, change] of pending) batch.update(comment.ref, change, {lastUpdateTime: comment.updateTime});
    try {
      await batch.commit();
      for (const [, change] of pending) for (const field of Object.keys(change) as (keyof Change)[]) set[field]++;
      break;
    } catch (error) {
      if (attempt >= TRIES || !raced(error)) throw error;
      const again = await db.getAll(...pending.map(([c]) => c.ref), {fieldMask: FIELDS});
      pending = again.flatMap((doc, k) => {
        if (!doc.exists) return [];
        const now = seen(doc);
        const wanted = pending[k][1];
        const change: Change = {
          ...(wanted.likeCount !== undefined && !now.hasLikeCount ? {likeCount: 0} : {}),
          ...(wanted.rootId !== undefined && now.rootId !== wanted.rootId ? {rootId: wanted.rootId} : {}),
        };
        return Object.keys(change).length ? [[now, change] as [Seen, Change]] : [];
      });
    }
  }
  return set;
}

/** The address of each thread (for a dry run's list), read 100 at a time. */
export async function threadUrls(db: Firestore, ids: string[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 100) {
    const refs = ids.slice(i, i + 100).map((id) => db.collection('threads').doc(id));
    for (const thread of await db.getAll(...refs, {fieldMask: ['url']})) {
      const url = thread.get('url');
      if (typeof url === 'string') urls.set(thread.id, url);
    }
  }
  return urls;
}
