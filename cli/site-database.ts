/**
 * The site's Firestore through the Admin SDK (firebase-admin, which passes no security rules):
 * writing planned threads and reading everything back for an export. Credentials are the Admin
 * SDK's own search (application default credentials); FIRESTORE_EMULATOR_HOST points it at an
 * emulator instead.
 */
import type {
  DocumentData,
  DocumentReference,
  DocumentSnapshot,
  Firestore,
  Transaction,
  WriteBatch,
} from 'firebase-admin/firestore';
import type {Comment, CommentStatus} from '../src/model/comment.js';
import {commentFromData, commentToData, dateOf, textOf, threadCounts} from '../src/model/stored-comment.js';
import {topLevelIds} from '../src/model/thread-roots.js';
import {backupComment, type BackupLikes, type BackupThread} from './backup-format.js';
import type {PlannedThread} from './import-plan.js';

/** Writes per batch: under Firestore's limit of 500, with room for the thread. */
const MAX_WRITES = 450;

export class SetupError extends Error {
  override name = 'SetupError';
}

export async function openDatabase(projectId: string): Promise<Firestore> {
  let admin: [typeof import('firebase-admin/app'), typeof import('firebase-admin/firestore')];
  try {
    admin = await Promise.all([import('firebase-admin/app'), import('firebase-admin/firestore')]);
  } catch {
    throw new SetupError(
      'this command needs the Firebase Admin SDK: npm install --save-dev firebase-admin (version 13), then run it again',
    );
  }
  const [{initializeApp}, {getFirestore}] = admin;
  return getFirestore(initializeApp({projectId}, `leave-a-reply-${Date.now()}`));
}

/** A failed first request, explained: most often credentials or the project id. */
export function explainFailure(error: unknown, projectId: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (process.env.FIRESTORE_EMULATOR_HOST) {
    return `the Firestore emulator at ${process.env.FIRESTORE_EMULATOR_HOST} (project ${projectId}) failed: ${message}`;
  }
  return (
    `Firestore of project "${projectId}" failed: ${message}\n` +
    'Check the project id (--project) and the credentials: `gcloud auth application-default login`, or\n' +
    'GOOGLE_APPLICATION_CREDENTIALS=path/to/service-account.json (Firebase console → Project settings →\n' +
    'Service accounts). To try it on the emulator, set FIRESTORE_EMULATOR_HOST=host:port.'
  );
}

export interface ThreadResult {
  /** Comments this run wrote. */
  added: Comment[];
  /** Planned comments that were there already (an earlier run, or the same ids): left as they are. */
  existing: number;
  createdThread: boolean;
  /** Readers whose likes this run wrote (only a restored export has likes). */
  likers: number;
}

/** The thread document for these comments, keeping what the widget or an earlier run set. */
function threadData(thread: PlannedThread, before: DocumentData | undefined, statuses: CommentStatus[]) {
  const newest = thread.comments.reduce<Comment | undefined>(
    (a, c) => (a && a.createdAt >= c.createdAt ? a : c),
    undefined,
  );
  const lastCommentId = newest?.id ?? textOf(before?.lastCommentId);
  return {
    url: textOf(before?.url) || thread.url,
    title: textOf(before?.title) || thread.title,
    createdAt: before?.createdAt ?? thread.createdAt,
    ...threadCounts(statuses),
    ...(lastCommentId ? {lastCommentId} : {}),
    // Open views poll the thread document; a new time tells them to read the comments again.
    changedAt: new Date(),
    ...(thread.locked || before?.locked === true ? {locked: true} : {}),
  };
}

/** Worth reading again and retrying: someone changed the thread meanwhile, or the database was busy. */
function raced(error: unknown): boolean {
  const code = (error as {code?: unknown})?.code;
  // gRPC codes: 6 ALREADY_EXISTS, 9 FAILED_PRECONDITION (the thread changed), 10 ABORTED.
  return code === 6 || code === 9 || code === 10;
}

const TRIES = 5;

/**
 * Writes one thread: the comments it does not have yet (`create`: a comment already there, from an
 * earlier run or a reader, stays as it is), the readers' likes it does not have yet (the same way),
 * and its counts, recounted from every comment it holds.
 * The thread document is written only if it is still as it was read (a reader's post, edit or a
 * moderator's change always touches it, and the rules keep it so), else everything is read and
 * tried again. A thread that fits one batch is written whole or not at all; a longer one goes in
 * batches, and if one fails, what this run wrote is deleted again before the error is reported.
 */
export async function writeThread(db: Firestore, thread: PlannedThread): Promise<ThreadResult> {
  const threadRef = db.collection('threads').doc(thread.id);
  const comments = threadRef.collection('comments');
  const likes = threadRef.collection('likes');
  const planned = [...(thread.likes ?? [])];
  const read = async () => {
    const [before, stored, liked] = await Promise.all([
      threadRef.get(),
      comments.select('status').get(),
      planned.length ? likes.select().get() : undefined,
    ]);
    return {
      before,
      ids: new Set(stored.docs.map((d) => d.id)),
      statuses: stored.docs.map((d) => d.get('status') as CommentStatus),
      likers: new Set(liked?.docs.map((d) => d.id)),
    };
  };
  // `changed` names the like a reader's document last moved (firestore.rules): here, any of theirs.
  const likesData = (ids: string[]) => ({ids, changed: ids[ids.length - 1]});
  const setThread = (batch: WriteBatch, before: DocumentSnapshot, statuses: CommentStatus[]) => {
    const data = threadData(thread, before.data(), statuses);
    if (before.exists) batch.update(threadRef, data, {lastUpdateTime: before.updateTime!});
    else batch.create(threadRef, data);
  };

  for (let attempt = 1; ; attempt++) {
    const {before, ids, statuses, likers} = await read();
    const added = thread.comments.filter((c) => !ids.has(c.id));
    const addedLikes = planned.filter(([uid]) => !likers.has(uid));
    const result = {
      added,
      existing: thread.comments.length - added.length,
      createdThread: !before.exists,
      likers: addedLikes.length,
    };
    if (added.length + addedLikes.length + 1 <= MAX_WRITES) {
      const batch = db.batch();
      for (const comment of added) batch.create(comments.doc(comment.id), commentToData(comment));
      for (const [uid, liked] of addedLikes) batch.create(likes.doc(uid), likesData(liked));
      setThread(batch, before, [...statuses, ...added.map((c) => c.status)]);
      try {
        await batch.commit();
        return result;
      } catch (error) {
        if (attempt < TRIES && raced(error)) continue;
        throw error;
      }
    }

    await writeAllOrNone(db, [
      ...added.map((c) => [comments.doc(c.id), commentToData(c)] as const),
      ...addedLikes.map(([uid, liked]) => [likes.doc(uid), likesData(liked)] as const),
    ]);
    for (let recount = 1; ; recount++) {
      const {before: now, statuses: all} = await read();
      const batch = db.batch();
      setThread(batch, now, all);
      try {
        await batch.commit();
        return result;
      } catch (error) {
        if (recount < TRIES && raced(error)) continue;
        throw error;
      }
    }
  }
}

/** Creates the documents in batches; if one fails, deletes the ones this call created. */
async function writeAllOrNone(db: Firestore, writes: (readonly [DocumentReference, DocumentData])[]): Promise<void> {
  const written: DocumentReference[] = [];
  try {
    for (let i = 0; i < writes.length; i += MAX_WRITES) {
      const batch = db.batch();
      const part = writes.slice(i, i + MAX_WRITES);
      for (const [ref, data] of part) batch.create(ref, data);
      await batch.commit();
      written.push(...part.map(([ref]) => ref));
    }
  } catch (error) {
    for (let i = 0; i < written.length; i += MAX_WRITES) {
      const batch = db.batch();
      for (const ref of written.slice(i, i + MAX_WRITES)) batch.delete(ref);
      await batch.commit().catch(() => undefined); // the first error is the one to report
    }
    throw error;
  }
}

/** Imported authors' and restored guests' emails, into their private profiles (never a comment). */
export async function writeEmails(db: Firestore, emails: Map<string, string>): Promise<void> {
  const entries = [...emails];
  for (let i = 0; i < entries.length; i += MAX_WRITES) {
    const batch = db.batch();
    for (const [uid, email] of entries.slice(i, i + MAX_WRITES)) {
      batch.set(db.doc(`users/${uid}/private/profile`), {email}, {merge: true});
    }
    await batch.commit();
  }
}

export interface SiteSnapshot {
  /** Every thread with all its comments (every status), oldest first. */
  threads: BackupThread[];
  /** The moment the snapshot shows, on Firestore's clock. */
  readAt: Date;
}

/**
 * The whole site as it stood at one moment, emails when asked: every read is made at the read time
 * of the first, so a comment posted, moved or deleted while the export runs is either wholly in it
 * or wholly out, and a thread's counts agree with its comments. Firestore keeps old versions for an
 * hour (seven days with point-in-time recovery), which bounds how long an export may take.
 */
export async function readSite(
  db: Firestore,
  options: {includeEmails: boolean; onThread?: (comments: number) => void},
): Promise<SiteSnapshot> {
  // The server's clock, not this machine's: the read time Firestore gives a first, small read.
  const {readTime} = await db.collection('threads').limit(1).get();
  const threads = await db.runTransaction((tx) => readThreads(db, tx, options), {readOnly: true, readTime});
  return {threads, readAt: readTime.toDate()};
}

/** readSite's reads, all in `tx` (the transaction may run this again, so it keeps no state outside). */
async function readThreads(
  db: Firestore,
  tx: Transaction,
  options: {includeEmails: boolean; onThread?: (comments: number) => void},
): Promise<BackupThread[]> {
  const threads: BackupThread[] = [];
  const all: {thread: BackupThread; comments: Comment[]}[] = [];
  let last: string | undefined;
  for (;;) {
    let page = db.collection('threads').orderBy('__name__').limit(200);
    if (last) page = page.startAfter(last);
    const snapshot = await tx.get(page);
    if (snapshot.empty) break;
    await Promise.all(
      snapshot.docs.map(async (doc) => {
        const data = doc.data();
        const [stored, liked] = await Promise.all([
          tx.get(doc.ref.collection('comments')),
          tx.get(doc.ref.collection('likes')),
        ]);
        const comments = stored.docs
          .map((c) => commentFromData(c.id, c.data()))
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
        const thread: BackupThread = {
          id: doc.id,
          url: textOf(data.url),
          title: textOf(data.title),
          createdAt: (dateOf(data.createdAt) ?? comments[0]?.createdAt ?? new Date(0)).toISOString(),
          ...(data.locked === true ? {locked: true} : {}),
          comments: [],
        };
        const likes = likesOf(liked.docs, new Set(comments.map((c) => c.id)));
        if (likes.length) thread.likes = likes;
        all.push({thread, comments});
        options.onThread?.(comments.length);
      }),
    );
    last = snapshot.docs[snapshot.docs.length - 1].id;
  }
  const emails = options.includeEmails
    ? await readEmails(
        db,
        tx,
        all.flatMap((t) => t.comments.map((c) => c.author.uid)),
      )
    : new Map();
  for (const {thread, comments} of all.sort((a, b) => (a.thread.id < b.thread.id ? -1 : 1))) {
    const roots = topLevelIds(comments);
    thread.comments = comments.map((c) =>
      backupComment(c, c.status === 'deleted' ? undefined : emails.get(c.author.uid), roots.get(c.id)),
    );
    threads.push(thread);
  }
  return threads;
}

/**
 * The readers' likes documents as the export has them: by uid, each with the ids of comments the
 * thread still holds (an id of a comment removed in the console means nothing any more).
 */
function likesOf(docs: DocumentSnapshot[], commentIds: Set<string>): BackupLikes[] {
  return docs
    .map((doc) => {
      const ids = doc.get('ids');
      return {uid: doc.id, ids: Array.isArray(ids) ? [...new Set(ids)].filter((id) => commentIds.has(id)) : []};
    })
    .filter((entry) => entry.ids.length)
    .sort((a, b) => (a.uid < b.uid ? -1 : 1));
}

async function readEmails(db: Firestore, tx: Transaction, uids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(uids.filter(Boolean))];
  const emails = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 100) {
    const refs = unique.slice(i, i + 100).map((uid) => db.doc(`users/${uid}/private/profile`));
    for (const profile of await tx.getAll(...refs)) {
      const email = profile.get('email');
      if (typeof email === 'string' && email) emails.set(profile.ref.parent.parent!.id, email);
    }
  }
  return emails;
}
