/**
 * One live thread view for the Firestore store: the thread document, one listener per loaded page,
 * and the listeners beside them (a reader's own comments, a moderator's queue).
 */
import {
  collection,
  doc,
  limit,
  onSnapshot,
  orderBy,
  query,
  startAfter,
  where,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type FirestoreError,
  type QueryDocumentSnapshot,
  type QuerySnapshot,
  type Unsubscribe,
} from 'firebase/firestore';
import type {Comment} from '../model/comment.js';
import {SITE_DEFAULTS} from '../model/site-config.js';
import type {StoreError, ThreadState, ThreadWatch, Viewer, WatchOptions} from './comment-store.js';
import {commentFromSnapshot, threadFromData, toStoreError, type ThreadDoc} from './firestore-adapter.js';
import type {FirestoreStore} from './firestore-store.js';
import {visibleBeyondPages} from './store-rules.js';

interface Page {
  /** The page starts after this document (the previous page's last), or at the top. */
  after?: QueryDocumentSnapshot;
  size: number;
  docs: QueryDocumentSnapshot[];
  received: boolean;
  unsubscribe: Unsubscribe;
}

/** A listener beside the pages: a moderator's queue, a reader's own pending comments, one posted comment. */
interface Extra {
  docs: DocumentSnapshot[];
  unsubscribe: Unsubscribe;
}

/** How many pending and hidden comments a moderator's view holds (the newest). */
const MODERATION_QUEUE = 100;

/**
 * One live thread view: the thread document plus one listener per loaded page. Every page stays
 * live, so edits, moderation and new comments show without reloading. Beside the pages: the
 * comments posted through the store while this view is open (so a reader always sees what they
 * just wrote), the viewer's own pending comments, and for a moderator the pending and hidden ones.
 */
export class FirestoreThreadWatch implements ThreadWatch {
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
  private readonly db: Firestore;
  private viewer: Viewer | null;
  private moderator = false;
  /** The moderator's queue, or the viewer's own pending comments. */
  private viewerExtra?: Extra;
  private readonly posted = new Map<string, Extra>();
  onClose?: () => void;

  constructor(
    private readonly store: FirestoreStore,
    private readonly threadId: string,
    private readonly options: WatchOptions,
    private readonly onChange: (state: ThreadState) => void,
    private readonly onThreadSeen: (thread: ThreadDoc) => void,
  ) {
    this.db = store.db;
    this.viewer = options.viewer ?? null;
    this.unsubscribeThread = onSnapshot(
      doc(this.db, 'threads', threadId),
      {includeMetadataChanges: true},
      (snapshot) => this.onThread(snapshot),
      (error) => this.fail(error),
    );
    this.checkModerator();
  }

  setViewer(viewer: Viewer | null): void {
    if (this.closed || (viewer?.uid === this.viewer?.uid && viewer?.provider === this.viewer?.provider)) return;
    this.viewer = viewer;
    this.moderator = false;
    this.stopViewerExtra();
    this.startViewerExtra(); // their own pending comments, if the thread counts some
    this.checkModerator();
    this.emit();
  }

  /** Follows a comment posted through the store, whatever page it would fall on. */
  followPosted(threadId: string, ref: DocumentReference): void {
    if (this.closed || threadId !== this.threadId || this.posted.has(ref.id)) return;
    const extra: Extra = {docs: [], unsubscribe: () => {}};
    this.posted.set(ref.id, extra);
    extra.unsubscribe = onSnapshot(
      ref,
      {includeMetadataChanges: true},
      (snapshot) => {
        extra.docs = snapshot.exists() ? [snapshot] : [];
        this.emit();
      },
      // Refused (the write was, or the viewer may no longer read it): it simply is not shown.
      () => this.unfollowPosted(threadId, ref.id),
    );
  }

  unfollowPosted(threadId: string, id: string): void {
    if (threadId !== this.threadId) return;
    this.posted.get(id)?.unsubscribe();
    if (this.posted.delete(id)) this.emit();
  }

  /** The store learnt something every view shows (the site's edit window). */
  refresh(): void {
    this.emit();
  }

  private checkModerator(): void {
    const viewer = this.viewer;
    if (!viewer) return;
    void this.store.isModerator(viewer).then((moderator) => {
      if (this.closed || this.viewer !== viewer || !moderator) return;
      this.moderator = true;
      this.stopViewerExtra();
      this.startViewerExtra();
      this.emit();
    });
  }

  /**
   * A moderator listens to the thread's pending and hidden comments; another reader to their own
   * pending ones, and only while the thread counts some (an extra read otherwise wasted).
   */
  private startViewerExtra(): void {
    const viewer = this.viewer;
    if (this.closed || !viewer || this.viewerExtra) return;
    const comments = collection(this.db, 'threads', this.threadId, 'comments');
    let q;
    if (this.moderator) {
      q = query(comments, where('status', 'in', ['pending', 'hidden']), orderBy('createdAt', 'desc'), limit(MODERATION_QUEUE));
    } else if ((this.thread?.pending ?? 0) > 0) {
      q = query(comments, where('author.uid', '==', viewer.uid), where('status', '==', 'pending'), orderBy('createdAt'));
    } else {
      return;
    }
    const extra: Extra = {docs: [], unsubscribe: () => {}};
    this.viewerExtra = extra;
    extra.unsubscribe = onSnapshot(
      q,
      {includeMetadataChanges: true},
      (snapshot) => {
        extra.docs = snapshot.docs;
        this.emit();
      },
      // The rules no longer let this viewer read them (signed out meanwhile): show none.
      () => {
        if (this.viewerExtra === extra) this.stopViewerExtra();
        this.emit();
      },
    );
  }

  private stopViewerExtra(): void {
    this.viewerExtra?.unsubscribe();
    this.viewerExtra = undefined;
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
    this.stopViewerExtra();
    for (const extra of this.posted.values()) extra.unsubscribe();
    this.posted.clear();
    this.onClose?.();
  }

  private onThread(snapshot: DocumentSnapshot): void {
    this.thread = threadFromData(snapshot.data());
    this.offline = snapshot.metadata.fromCache;
    this.onThreadSeen(this.thread);
    // An empty or missing thread needs no comment query: that is the whole read budget of a view.
    if (this.thread.count > 0 && this.pages.length === 0) this.listenPage(undefined, this.options.pageSize);
    if (this.thread.pending > 0) this.startViewerExtra();
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
    this.thread ??= {exists: false, count: 0, pending: 0, locked: false};
    this.emit();
  }

  private emit(): void {
    if (this.closed || !this.thread) return;
    const byId = new Map<string, Comment>();
    for (const snapshot of this.spilled.values()) byId.set(snapshot.id, commentFromSnapshot(snapshot));
    for (const page of this.pages) for (const snapshot of page.docs) byId.set(snapshot.id, commentFromSnapshot(snapshot));
    const paged = byId.size;
    const beyond = [...(this.viewerExtra?.docs ?? []), ...[...this.posted.values()].flatMap((extra) => extra.docs)];
    for (const snapshot of beyond) {
      if (byId.has(snapshot.id)) continue;
      const comment = commentFromSnapshot(snapshot);
      if (visibleBeyondPages(comment, this.viewer, this.moderator, this.posted.has(snapshot.id))) byId.set(snapshot.id, comment);
    }
    const comments = [...byId.values()];
    const publishedShown = comments.filter((c) => c.status === 'published').length;
    const first = this.pages[0];
    const last = this.pages.at(-1);
    const viewer = this.viewer;
    // The edit window matters only to a viewer with comments of their own here: only they pay its read.
    if (!this.store.knownSite && viewer && comments.some((c) => c.author.uid === viewer.uid)) void this.store.siteConfig();
    this.onChange({
      comments,
      count: Math.max(this.thread.count, publishedShown),
      hasMore: !!last?.received && last.docs.length >= last.size && this.thread.count > paged,
      loading: !this.error && !!first && !first.received,
      offline: this.offline,
      locked: this.thread.locked,
      moderator: this.moderator,
      editWindowMinutes: (this.store.knownSite ?? SITE_DEFAULTS).editWindowMinutes,
      ...(this.error ? {error: this.error} : {}),
    });
  }
}
