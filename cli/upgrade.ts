/**
 * `npx leave-a-reply upgrade`: brings the comments a site stored with an earlier release up to
 * this one. Comments stored before likes have no `likeCount`, and the widget's "top" order queries
 * by it, so it does not find them; this gives each of them `likeCount: 0` and changes nothing else.
 * Safe to run again, and while readers post and like: a comment is only written while it still
 * lacks the field (each write names the version of the document it read).
 */
import type {DocumentSnapshot, Firestore, QueryDocumentSnapshot} from 'firebase-admin/firestore';

/** Comments read per page, and so at most written per batch (Firestore's limit is 500). */
const PAGE = 450;
const TRIES = 5;

export interface UpgradeResult {
  /** Comments of threads read (threads/{threadId}/comments/{id}). */
  checked: number;
  /** Threads those comments are in. */
  threads: number;
  /** Comments that lacked likeCount, by thread id: written now, or with `dryRun` to be written. */
  missing: Map<string, number>;
  /** Of those, the ones this run set (a reader's like or a moderator may have given one a count first). */
  upgraded: number;
}

/** The thread of threads/{threadId}/comments/{id}; undefined for any other collection named "comments". */
function threadIdOf(doc: DocumentSnapshot): string | undefined {
  const thread = doc.ref.parent.parent;
  return thread && thread.parent.id === 'threads' && !thread.parent.parent ? thread.id : undefined;
}

const lacksLikeCount = (doc: DocumentSnapshot) => doc.get('likeCount') === undefined;

/** How many documents the pages will go through (one aggregation read per 1,000). */
export async function commentsToCheck(db: Firestore): Promise<number> {
  const snapshot = await db.collectionGroup('comments').count().get();
  return snapshot.data().count;
}

/**
 * Goes through every comment of every thread, a page at a time, and (unless `dryRun`) sets
 * `likeCount: 0` on each without one, one batch per page. `onPage` hears how many documents
 * each page read.
 */
export async function addMissingLikeCounts(
  db: Firestore,
  options: {dryRun: boolean; onPage?: (documents: number) => void},
): Promise<UpgradeResult> {
  const result: UpgradeResult = {checked: 0, threads: 0, missing: new Map(), upgraded: 0};
  const threads = new Set<string>();
  let after: QueryDocumentSnapshot | undefined;
  // A page's batch commits while the next page is read.
  let writing: Promise<void> = Promise.resolve();
  for (;;) {
    let page = db.collectionGroup('comments').orderBy('__name__').select('likeCount').limit(PAGE);
    if (after) page = page.startAfter(after);
    const snapshot = await page.get();
    if (snapshot.empty) break;
    after = snapshot.docs[snapshot.docs.length - 1];
    const lacking: QueryDocumentSnapshot[] = [];
    for (const doc of snapshot.docs) {
      const threadId = threadIdOf(doc);
      if (!threadId) continue;
      result.checked++;
      threads.add(threadId);
      if (!lacksLikeCount(doc)) continue;
      lacking.push(doc);
      result.missing.set(threadId, (result.missing.get(threadId) ?? 0) + 1);
    }
    if (!options.dryRun && lacking.length) {
      await writing;
      writing = setLikeCounts(db, lacking).then((set) => {
        result.upgraded += set;
      });
      // Its failure is reported where it is awaited, not as an unhandled rejection meanwhile.
      writing.catch(() => undefined);
    }
    options.onPage?.(snapshot.size);
    if (snapshot.size < PAGE) break;
  }
  await writing;
  result.threads = threads.size;
  return result;
}

/** Worth reading again and retrying: the document changed (or went) since it was read, or the database was busy. */
function raced(error: unknown): boolean {
  const code = (error as {code?: unknown})?.code;
  // gRPC codes: 5 NOT_FOUND, 9 FAILED_PRECONDITION (changed since read), 10 ABORTED.
  return code === 5 || code === 9 || code === 10;
}

/**
 * `likeCount: 0` on each of these comments, in one batch, each only if unchanged since it was
 * read: a like that landed meanwhile is never overwritten. If one changed, they are read again
 * and the ones still without a count are tried again. Resolves with how many were set.
 */
async function setLikeCounts(db: Firestore, docs: DocumentSnapshot[]): Promise<number> {
  let pending = docs;
  for (let attempt = 1; ; attempt++) {
    const batch = db.batch();
    for (const doc of pending) batch.update(doc.ref, {likeCount: 0}, {lastUpdateTime: doc.updateTime!});
    try {
      await batch.commit();
      return pending.length;
    } catch (error) {
      if (attempt >= TRIES || !raced(error)) throw error;
      const again = await db.getAll(...pending.map((d) => d.ref), {fieldMask: ['likeCount']});
      pending = again.filter((d) => d.exists && lacksLikeCount(d));
      if (!pending.length) return 0;
    }
  }
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
