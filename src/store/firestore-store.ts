/**
 * The Firestore comment store: the only module that imports `firebase/firestore`.
 *
 * Data model (DESIGN.md §2; firestore.rules is the gate):
 *   threads/{threadId}                 url, title, createdAt, commentCount, lastCommentId, locked?
 *   threads/{threadId}/comments/{id}   parentId, body, author, createdAt, status
 *   users/{uid}/private/profile        email (guests; owner-only)
 *
 * Reads are budgeted: a thread view listens to its thread document first and queries comments
 * only when that document says there are some, so an empty thread costs one read.
 */
import type {FirebaseApp} from 'firebase/app';
import {
  collection,
  connectFirestoreEmulator,
  doc,
  getDocFromCache,
  increment,
  initializeFirestore,
  limit,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  startAfter,
  where,
  writeBatch,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type FirestoreError,
  type QueryDocumentSnapshot,
  type QuerySnapshot,
  type Unsubscribe,
} from 'firebase/firestore';
import type {Author, Comment, NewComment, ThreadRef} from '../model/comment.js';
import {
  StoreError,
  type CommentStore,
  type StoreErrorCode,
  type ThreadState,
  type ThreadWatch,
  type WatchOptions,
} from './comment-store.js';
import {commentFromData, threadFromData, type ThreadDoc} from './firestore-adapter.js';
import {countThreadComments} from './firestore-counts.js';

export interface FirestoreConnection {
  /** A named Firestore database, or '(default)'. */
  databaseId: string;
  /** "host:port" of the Firestore emulator. */
  emulator?: string;
}

// One Firestore instance per app and database: initializeFirestore and connectFirestoreEmulator
// may each run only once on an instance, and several widgets share one app.
const instances = new WeakMap<FirebaseApp, Map<string, Firestore>>();

export function openFirestore(app: FirebaseApp, {databaseId, emulator}: FirestoreConnection): Firestore {
  let byDatabase = instances.get(app);
  if (!byDatabase) instances.set(app, (byDatabase = new Map()));
  let db = byDatabase.get(databaseId);
  if (!db) {
    const target = emulator ? parseHostPort(emulator, 'firestore-emulator') : undefined;
    db = initializeFirestore(app, {}, databaseId);
    if (target) connectFirestoreEmulator(db, target.host, target.port);
    byDatabase.set(databaseId, db);
  }
  return db;
}

/** Accepts "host:port", "[::1]:port" or "http://host:port". */
export function parseHostPort(value: string, attribute: string): {host: string; port: number} {
  const match = /^(?:https?:\/\/)?(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(value.trim());
  const port = Number(match?.[2]);
  if (!match || !(port > 0 && port < 65536)) {
    throw new StoreError('invalid', `${attribute}="${value}" is not host:port (for example 127.0.0.1:8080).`);
  }
  return {host: match[1], port};
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

/** Author fields as stored: exactly the keys the rules allow, no undefined values. */
function authorData(author: Author): Record<string, string> {
  return {
    uid: author.uid,
    name: author.name,
    provider: author.provider,
    ...(author.url ? {url: author.url} : {}),
    ...(author.avatarUrl ? {avatarUrl: author.avatarUrl} : {}),
  };
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

function commentFromSnapshot(snapshot: DocumentSnapshot): Comment {
  return commentFromData(
    snapshot.id,
    snapshot.data({serverTimestamps: 'estimate'}) ?? {},
    snapshot.metadata.hasPendingWrites,
  );
}

export class FirestoreStore implements CommentStore {
  /** What thread listeners last saw, so a post knows whether the thread is new without a read. */
  private readonly threads = new Map<string, ThreadDoc>();
  /** The guest email last written per uid, so a post normally writes only two documents. */
  private readonly emails = new Map<string, string>();

  constructor(readonly db: Firestore) {}

  watchThread(thread: ThreadRef, options: WatchOptions, onChange: (state: ThreadState) => void): ThreadWatch {
    return new FirestoreThreadWatch(this.db, thread.id, options, onChange, (seen) => this.threads.set(thread.id, seen));
  }

  /** Count badges: one read per thread, in batched queries (firestore-counts.ts). */
  countComments(threads: ThreadRef[]): Promise<number[]> {
    return countThreadComments(this.db, threads).catch((error: unknown) => Promise.reject(toStoreError(error)));
  }

  async post(thread: ThreadRef, input: NewComment): Promise<Comment> {
    const known = this.threads.get(thread.id);
    if (known?.locked) throw new StoreError('locked', 'This thread is closed to new comments.');
    const commentRef = doc(this.db, 'threads', thread.id, 'comments', timeOrderedId());
    const uid = input.author.uid;
    const email = input.email?.trim();
    const writeEmail = !!email && this.emails.get(uid) !== email;
    if (writeEmail) this.emails.set(uid, email);

    // The thread's createdAt is written only when the thread is new. When no listener has told
    // us, guess "new"; the rules refuse a wrong guess either way, and one retry flips it.
    let asNew = !known?.exists;
    // Later posts in this view no longer count as new, even before a listener confirms it.
    const assumed: ThreadDoc = {exists: true, count: (known?.count ?? 0) + 1, locked: false};
    this.threads.set(thread.id, assumed);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.commit(thread, input, commentRef, asNew, writeEmail ? email : undefined);
        break;
      } catch (error) {
        const storeError = toStoreError(error);
        if (storeError.code === 'permission-denied' && attempt === 0) {
          asNew = !asNew;
          continue;
        }
        if (writeEmail && this.emails.get(uid) === email) this.emails.delete(uid);
        if (this.threads.get(thread.id) === assumed) {
          if (known) this.threads.set(thread.id, known);
          else this.threads.delete(thread.id);
        }
        throw storeError;
      }
    }
    return this.confirmed(commentRef, input);
  }

  /** One batch: the comment, the thread's count (and the guest's email when it changed). */
  private commit(
    thread: ThreadRef,
    input: NewComment,
    commentRef: DocumentReference,
    asNew: boolean,
    email: string | undefined,
  ): Promise<void> {
    const batch = writeBatch(this.db);
    batch.set(commentRef, {
      parentId: input.parentId,
      body: input.body,
      author: authorData(input.author),
      createdAt: serverTimestamp(),
      status: 'published',
    });
    batch.set(
      doc(this.db, 'threads', thread.id),
      {
        url: thread.url,
        title: thread.title,
        commentCount: increment(1),
        // Lets the rules check that every count change comes with a new comment.
        lastCommentId: commentRef.id,
        ...(asNew ? {createdAt: serverTimestamp()} : {}),
      },
      {merge: true},
    );
    if (email) batch.set(doc(this.db, 'users', input.author.uid, 'private', 'profile'), {email}, {merge: true});
    return batch.commit();
  }

  /** The comment as the server stored it; the cache has it after the commit, so no read is billed. */
  private async confirmed(ref: DocumentReference, input: NewComment): Promise<Comment> {
    try {
      const snapshot = await getDocFromCache(ref);
      if (snapshot.exists()) return commentFromSnapshot(snapshot);
    } catch {
      // Not cached (no listener kept it): describe it from what was sent.
    }
    return {
      id: ref.id,
      parentId: input.parentId,
      body: input.body,
      author: {...input.author},
      createdAt: new Date(),
      status: 'published',
    };
  }
}

interface Page {
  /** The page starts after this document (the previous page's last), or at the top. */
  after?: QueryDocumentSnapshot;
  size: number;
  docs: QueryDocumentSnapshot[];
  received: boolean;
  unsubscribe: Unsubscribe;
}

/**
 * One live thread view: the thread document plus one listener per loaded page. Every page stays
 * live, so edits, moderation and new comments show without reloading.
 */
class FirestoreThreadWatch implements ThreadWatch {
  private thread?: ThreadDoc;
  private offline = false;
  private error?: StoreError;
  private readonly pages: Page[] = [];
  /**
   * Comments pushed out of a limited page by newer ones (sort "newest") while a later page has
   * already started after them: no listener covers them any more, but the reader has seen them.
   */
  private readonly spilled = new Map<string, QueryDocumentSnapshot>();
  private closed = false;
  private readonly unsubscribeThread: Unsubscribe;

  constructor(
    private readonly db: Firestore,
    private readonly threadId: string,
    private readonly options: WatchOptions,
    private readonly onChange: (state: ThreadState) => void,
    private readonly onThreadSeen: (thread: ThreadDoc) => void,
  ) {
    this.unsubscribeThread = onSnapshot(
      doc(db, 'threads', threadId),
      {includeMetadataChanges: true},
      (snapshot) => this.onThread(snapshot),
      (error) => this.fail(error),
    );
  }

  loadMore(): void {
    const last = this.pages.at(-1);
    if (this.closed || !last?.received || last.docs.length < last.size) return; // nothing beyond it
    const boundary = last.docs.at(-1)!;
    // A cursor cannot start after an unconfirmed server timestamp (the SDK refuses it), so a page
    // ending in a comment still being sent grows instead.
    if (boundary.data({serverTimestamps: 'none'}).createdAt === null) this.listenPage(last, last.size + this.options.pageSize);
    else this.listenPage(undefined, this.options.pageSize, boundary);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribeThread();
    for (const page of this.pages) page.unsubscribe();
  }

  private onThread(snapshot: DocumentSnapshot): void {
    this.thread = threadFromData(snapshot.data());
    this.offline = snapshot.metadata.fromCache;
    this.onThreadSeen(this.thread);
    // An empty or missing thread needs no comment query: that is the whole read budget of a view.
    if (this.thread.count > 0 && this.pages.length === 0) this.listenPage(undefined, this.options.pageSize);
    this.emit();
  }

  /** Listens to a new page, or re-listens to `replacing` with a bigger size. */
  private listenPage(replacing: Page | undefined, size: number, after = replacing?.after): void {
    // A grown page shows its old documents until the bigger answer arrives.
    const page: Page = {after, size, docs: replacing?.docs ?? [], received: !!replacing?.received, unsubscribe: () => {}};
    const comments = collection(this.db, 'threads', this.threadId, 'comments');
    const q = query(
      comments,
      where('status', '==', 'published'),
      orderBy('createdAt', this.options.sort === 'newest' ? 'desc' : 'asc'),
      ...(after ? [startAfter(after)] : []),
      limit(size),
    );
    page.unsubscribe = onSnapshot(
      q,
      {includeMetadataChanges: true},
      (snapshot) => this.onPage(page, snapshot),
      (error) => this.fail(error),
    );
    if (replacing) {
      // Listen before letting go, so the cached documents stay in the memory cache meanwhile.
      replacing.unsubscribe();
      this.pages[this.pages.indexOf(replacing)] = page;
    } else {
      this.pages.push(page);
    }
  }

  private onPage(page: Page, snapshot: QuerySnapshot): void {
    const index = this.pages.indexOf(page);
    if (index < 0) return; // replaced by a bigger page
    if (index < this.pages.length - 1 && snapshot.size >= page.size) this.keepSpilled(snapshot);
    page.docs = snapshot.docs;
    page.received = true;
    this.emit();
  }

  /** Keeps comments that left a full page only because newer ones pushed them past its limit. */
  private keepSpilled(snapshot: QuerySnapshot): void {
    const last = snapshot.docs.at(-1);
    if (!last) return;
    const lastTime = commentFromSnapshot(last).createdAt.getTime();
    const direction = this.options.sort === 'newest' ? -1 : 1;
    for (const change of snapshot.docChanges()) {
      if (change.type !== 'removed') continue;
      const time = commentFromSnapshot(change.doc).createdAt.getTime();
      // A comment removed from before the page's end was deleted or hidden: let it go.
      if (direction * (time - lastTime) > 0) this.spilled.set(change.doc.id, change.doc);
    }
  }

  private fail(error: FirestoreError): void {
    this.error = toStoreError(error);
    this.thread ??= {exists: false, count: 0, locked: false};
    this.emit();
  }

  private emit(): void {
    if (this.closed || !this.thread) return;
    const byId = new Map<string, Comment>();
    for (const snapshot of this.spilled.values()) byId.set(snapshot.id, commentFromSnapshot(snapshot));
    for (const page of this.pages) for (const snapshot of page.docs) byId.set(snapshot.id, commentFromSnapshot(snapshot));
    const comments = [...byId.values()];
    const first = this.pages[0];
    const last = this.pages.at(-1);
    this.onChange({
      comments,
      count: Math.max(this.thread.count, comments.length),
      hasMore: !!last?.received && last.docs.length >= last.size && this.thread.count > comments.length,
      loading: !this.error && !!first && !first.received,
      offline: this.offline,
      locked: this.thread.locked,
      ...(this.error ? {error: this.error} : {}),
    });
  }
}
