/**
 * One live thread view for the Firestore store, read over the REST API (firestore-rest.ts): it reads the thread document,
 * then the comments when there are some, and polls the thread document (poll-schedule.ts) to
 * see when to read them again. Every change the widget makes moves that document: counts, the
 * id of the comment last changed, the time of an edit or a pin, the lock. (A change written
 * from the console without touching it shows at the thread's next change, or on reload.)
 */
import type {Comment} from '../../model/comment.js';
import {SITE_DEFAULTS} from '../../model/site-config.js';
import type {StoreError, ThreadState, ThreadWatch, Viewer, WatchOptions} from '../comment-store.js';
import {commentFromDoc, threadFromData, toStoreError, type ThreadDoc} from './firestore-adapter.js';
import type {FirestoreContext} from './firestore-context.js';
import {
  commentsQuery,
  where,
  type Direction,
  type FirestoreRest,
  type StoredDoc,
  type StructuredQuery,
} from './firestore-rest.js';
import {PollSchedule, type PollTiming} from './poll-schedule.js';
import {published, visibleBeyondPages} from '../visibility.js';

/** How many pending and hidden comments a moderator's view holds (the newest). */
const MODERATION_QUEUE = 100;
/** The statuses pages show: deleted comments are placeholders for the replies under them. */
const LISTED = ['published', 'deleted'];
const listed = (status: unknown) => status === 'published' || status === 'deleted';
/** Top-level comments per replies query: Firestore allows 30 disjunctions, and status takes two. */
const REPLY_QUERY_ROOTS = 15;

/**
 * The view's state: the thread document, the loaded window of published comments (from the top,
 * in the view's order), and beside it the viewer's own pending comments or a moderator's queue,
 * and what was posted or changed through this store while the view is open (shown at once).
 */
export class FirestoreThreadWatch implements ThreadWatch {
  private thread?: ThreadDoc;
  private offline = false;
  private error?: StoreError;
  /**
   * The pages loaded: top-level comments in the view's order (`tops`; `wanted` is how many the
   * reader has asked to see), and in `window` those with every reply under them. Both hold
   * published comments and deleted ones (placeholders that keep their replies in place).
   */
  private tops: StoredDoc[] = [];
  private window: StoredDoc[] = [];
  /** The thread document as it was when the view last read its comments. */
  private readThread?: ThreadDoc;
  private readingAll = false;
  /** A read failed (offline, a dropped answer): the next poll reads everything again, moved or not. */
  private missed = false;
  private wanted: number;
  private windowRead = false;
  /** The last read of the window ended before `wanted`: nothing lies beyond it. */
  private windowEnds = false;
  private viewerExtra: StoredDoc[] = [];
  /** Comments posted through the store while this view is open, as this browser knows them. */
  private readonly posted = new Map<string, Comment>();
  /** Those of them the thread's count, as last read, may not include yet. */
  private readonly uncounted = new Set<string>();
  /** Changes made through the store, shown until a read that started after them replaces them. */
  private readonly changes = new Map<string, {change: Partial<Comment>; seq: number}>();
  private changeSeq = 0;
  private readonly rest: FirestoreRest;
  /** threads/{id}: where this view's documents are. */
  private readonly path: string;
  private viewer: Viewer | null;
  /** What a viewer likes here (threads/{t}/likes/{uid}): read once per viewer, then kept by showChange. */
  private likes?: {uid: string; ids: Set<string>};
  private moderator = false;
  private closed = false;
  private emitted = false;
  /** Bumped by every read that replaces the window, so an older answer arriving late is dropped. */
  private readGeneration = 0;
  private readonly schedule: PollSchedule;
  onClose?: () => void;

  constructor(
    private readonly store: FirestoreContext,
    private readonly threadId: string,
    private readonly options: WatchOptions,
    private readonly onChange: (state: ThreadState) => void,
    timing: PollTiming,
  ) {
    this.rest = store.rest;
    this.path = `threads/${threadId}`;
    this.viewer = options.viewer ?? null;
    this.wanted = options.pageSize;
    this.schedule = new PollSchedule(() => this.poll(), timing);
    this.checkModerator();
  }

  setViewer(viewer: Viewer | null): void {
    if (this.closed || (viewer?.uid === this.viewer?.uid && viewer?.provider === this.viewer?.provider)) return;
    this.viewer = viewer;
    this.moderator = false;
    this.viewerExtra = [];
    void this.readViewerExtra(); // their own pending comments, if the thread counts some
    void this.readLikes();
    this.checkModerator();
    this.emit();
  }

  loadMore(): void {
    if (this.closed || !this.hasMore()) return;
    const after = this.tops.at(-1);
    this.wanted = this.tops.length + this.options.pageSize;
    // A re-read under way asked for fewer comments: this page wins, and the next poll reads all.
    const generation = ++this.readGeneration;
    if (this.readingAll) this.readThread = undefined;
    void this.readPages(this.options.pageSize, after).then((page) => {
      if (!page || generation !== this.readGeneration) return;
      const known = new Set(this.window.map((d) => d.id));
      this.tops = [...this.tops, ...page.tops.filter((d) => !known.has(d.id))];
      this.window = [...this.window, ...page.docs.filter((d) => !known.has(d.id))];
      this.windowEnds = page.tops.length < this.options.pageSize;
      this.emit();
    });
  }

  showAlso(ids: readonly string[]): Promise<void> {
    const known = new Set([...this.window, ...this.viewerExtra].map((d) => d.id));
    const reads: Promise<void>[] = [];
    for (const id of ids) {
      if (this.closed || known.has(id) || this.posted.has(id)) continue;
      // Read as a comment posted in this view (and read again with them): refused (hidden from
      // this viewer) or missing, it is simply not shown; offline, it is asked for again.
      reads.push(this.readAlso(id));
    }
    return Promise.all(reads).then(() => {});
  }

  private async readAlso(id: string): Promise<void> {
    try {
      const found = await this.rest.get(`${this.path}/comments/${id}`);
      if (this.closed || !found || this.posted.has(id)) return;
      this.posted.set(id, commentFromDoc(found));
      this.emit();
    } catch (error) {
      if (this.closed || toStoreError(error).code !== 'unavailable') return;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      return this.readAlso(id);
    }
  }

  setOnScreen(onScreen: boolean): void {
    this.schedule.setOnScreen(onScreen);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.schedule.stop();
    this.onClose?.();
  }

  // --- what the store tells its views ---

  /** A comment posted through the store: shown at once, wherever its page is. */
  showPosted(threadId: string, comment: Comment): void {
    if (this.closed || threadId !== this.threadId) return;
    // Sent again (a retry of an id posted here) it is counted once: only a new one may be uncounted,
    // and not one the thread, as last read, names as its newest (its count has it already).
    if (!this.posted.has(comment.id) && this.thread?.lastCommentId !== comment.id) this.uncounted.add(comment.id);
    this.posted.set(comment.id, comment);
    this.emit();
  }

  /**
   * A comment this view shows as posted from here, as it now stands (its author or status settled,
   * or the server has it). Views opened since it was sent keep not showing it, as for any post.
   */
  updatePosted(threadId: string, comment: Comment): void {
    if (this.closed || threadId !== this.threadId || !this.posted.has(comment.id)) return;
    this.posted.set(comment.id, comment);
    this.emit();
  }

  forgetPosted(threadId: string, id: string): void {
    if (threadId !== this.threadId) return;
    this.uncounted.delete(id);
    if (this.posted.delete(id)) this.emit();
  }

  /** A change written through the store, shown until the comment is read again. */
  showChange(threadId: string, id: string, change: Partial<Comment> | undefined): void {
    if (this.closed || threadId !== this.threadId) return;
    if (change) this.changes.set(id, {change: {...this.changes.get(id)?.change, ...change}, seq: ++this.changeSeq});
    else this.changes.delete(id);
    if (change?.liked !== undefined) this.likes?.ids[change.liked ? 'add' : 'delete'](id);
    this.emit();
  }

  /** The thread changed through this store: look again now, and often for a while. */
  pollNow(threadId: string): void {
    if (this.closed || threadId !== this.threadId) return;
    this.schedule.quicken();
    this.schedule.now();
  }

  /** The store learnt something every view shows (the site's edit window). */
  refresh(): void {
    this.emit();
  }

  // --- reading ---

  /**
   * One poll: the thread document, and when it moved, what the view shows. True when it moved. An
   * edit or a pin moves no count and names its comment: then that comment alone is read again.
   */
  private async poll(): Promise<boolean> {
    let found: StoredDoc | undefined;
    // What the server had confirmed before this read, this read's count includes.
    const confirmed = [...this.posted.values()].filter((c) => !c.sending).map((c) => c.id);
    try {
      found = await this.rest.get(this.path);
    } catch (error) {
      this.failed(error);
      return false;
    }
    if (this.closed) return false;
    const thread = threadFromData(found?.data);
    // The thread names the comment that last moved its counts: a post still sending (its answer late
    // or lost) is in this count already when it is that one.
    if (thread.lastCommentId) confirmed.push(thread.lastCommentId);
    const recovered = this.offline || !!this.error || confirmed.some((id) => this.uncounted.has(id));
    for (const id of confirmed) this.uncounted.delete(id);
    this.offline = false;
    this.error = undefined;
    this.thread = thread;
    // Whether the viewer moderates could not be read before (offline): ask again.
    if (this.viewer && !this.moderator && !this.store.knowsModerator(this.viewer)) this.checkModerator();
    this.store.see(this.threadId, thread);
    // After a failed read, everything is read again, moved or not.
    const read = this.missed ? undefined : this.readThread;
    if (read?.version === thread.version) {
      if (recovered) this.emit();
      return false;
    }
    const countsKept = read && read.count === thread.count && read.pending === thread.pending;
    if (countsKept && thread.lastCommentId && (await this.readNamed(thread.lastCommentId))) {
      this.readThread = thread;
      return true;
    }
    // Newest first, comments that arrived push the loaded ones down: read that many more.
    if (read && this.windowRead && this.options.sort === 'newest')
      this.wanted += Math.max(0, thread.count - read.count);
    if (await this.readAll()) this.readThread = thread;
    return true;
  }

  /**
   * Reads the window, the viewer's extra comments and this view's own posts again, together. True
   * when the window was read (then the changes made here before it started are all in it).
   */
  private async readAll(): Promise<boolean> {
    const thread = this.thread!;
    const generation = ++this.readGeneration;
    const size = this.wanted;
    const startSeq = this.changeSeq;
    this.missed = false; // what failed before is read again now
    // An empty thread needs no comment query: its document is the whole read budget of a view.
    const windowRead = thread.count > 0 ? this.readPages(size) : Promise.resolve({tops: [], docs: []});
    this.readingAll = true;
    const [page] = await Promise.all([
      windowRead,
      this.readViewerExtra(startSeq),
      this.readPosted(startSeq),
      this.readLikes(),
    ]).finally(() => (this.readingAll = false));
    if (this.closed || generation !== this.readGeneration) return false;
    if (page) {
      this.tops = page.tops;
      this.window = page.docs;
      this.windowRead = thread.count > 0;
      this.windowEnds = page.tops.length < size;
      // What the server says now includes every change made here before the reads began.
      for (const [id, {seq}] of this.changes) if (seq <= startSeq) this.changes.delete(id);
    }
    this.emit();
    return !!page;
  }

  /** Reads one comment again where the view holds it. False when it could not be read (offline). */
  private async readNamed(id: string): Promise<boolean> {
    const startSeq = this.changeSeq;
    let found: StoredDoc | undefined;
    let answered = true;
    try {
      found = await this.rest.get(`${this.path}/comments/${id}`);
    } catch (error) {
      if (toStoreError(error).code !== 'permission-denied') return false;
      // Not this viewer's to read any more (hidden): it leaves the view.
      answered = false;
    }
    if (this.closed) return false;
    const shown = found && listed(found.data.status) ? found : undefined;
    const at = this.window.findIndex((d) => d.id === id);
    if (at >= 0) {
      this.window = [...this.window];
      if (shown) this.window[at] = shown;
      else this.window.splice(at, 1);
    }
    this.viewerExtra = this.viewerExtra.map((d) => (d.id === id && found ? found : d));
    if (this.posted.has(id) && found) this.posted.set(id, commentFromDoc(found));
    if (answered) this.settle([{id}], startSeq);
    this.emit();
    return true;
  }

  /**
   * `size` top-level comments (after `after`), then every reply under them, by the top-level
   * comment each names (`rootId`): a page never shows a reply without the comment it answers.
   * `whole`: a thread that fits one page (most do) comes in one query, replies and all: one wait
   * less before the first comment, and never more reads. Deleted placeholders are not counted:
   * when they fill the page, it is read in two steps after all. Undefined when a read failed (the
   * state says why).
   */
  private async readPages(
    size: number,
    after?: StoredDoc,
    whole = !after && (this.thread?.count ?? 0) < size,
  ): Promise<{tops: StoredDoc[]; docs: StoredDoc[]} | undefined> {
    const {sort} = this.options;
    const order: [string, Direction][] = [
      // Most liked first (comments stored before likes, without a count, are not found: README).
      ...(!whole && sort === 'top' ? [['likeCount', 'desc'] as [string, Direction]] : []),
      // The whole thread newest first, as the moderators' status/createdAt index has it: the view
      // orders what it shows, and these pages' tops serve paging only (none is left to page).
      ['createdAt', whole || sort === 'newest' ? 'desc' : 'asc'],
    ];
    const filters = [...(whole ? [] : [where('parentId', '==', null)]), where('status', 'in', LISTED)];
    const tops = await this.read(commentsQuery(filters, order, {after, limit: size}));
    if (!tops) return undefined;
    if (whole) return tops.length < size ? {tops, docs: tops} : this.readPages(size, after, false);
    const chunks: string[][] = [];
    for (let i = 0; i < tops.length; i += REPLY_QUERY_ROOTS)
      chunks.push(tops.slice(i, i + REPLY_QUERY_ROOTS).map((d) => d.id));
    const replies = await Promise.all(
      chunks.map((roots) =>
        this.read(commentsQuery([where('rootId', 'in', roots), where('status', 'in', LISTED)], [['createdAt', 'asc']])),
      ),
    );
    if (replies.some((r) => !r)) return undefined;
    return {tops, docs: [...tops, ...replies.flatMap((r) => r!)]};
  }

  /** A query's documents, or undefined when it failed (the state says why). */
  private async read(q: StructuredQuery): Promise<StoredDoc[] | undefined> {
    try {
      return await this.rest.query(this.path, q);
    } catch (error) {
      this.failed(error);
      return undefined;
    }
  }

  /**
   * A moderator reads the thread's pending and hidden comments; another reader their own pending
   * ones, and only while the thread counts some (an extra read otherwise wasted).
   */
  private async readViewerExtra(startSeq = this.changeSeq): Promise<void> {
    const viewer = this.viewer;
    const moderator = this.moderator;
    if (this.closed || !viewer || !this.thread) return;
    let q;
    if (moderator) {
      q = commentsQuery([where('status', 'in', ['pending', 'hidden'])], [['createdAt', 'desc']], {
        limit: MODERATION_QUEUE,
      });
    } else if (this.thread.pending > 0) {
      q = commentsQuery(
        [where('author.uid', '==', viewer.uid), where('status', '==', 'pending')],
        [['createdAt', 'asc']],
      );
    } else {
      this.viewerExtra = [];
      return;
    }
    let docs: StoredDoc[] = [];
    try {
      docs = await this.rest.query(this.path, q);
    } catch (error) {
      // Offline: keep what is shown, and read again soon. Refused (signed out meanwhile): show none.
      if (toStoreError(error).code === 'unavailable') return this.missedRead();
    }
    if (this.closed || this.viewer !== viewer || this.moderator !== moderator) return;
    this.viewerExtra = docs;
    this.settle(docs, startSeq);
    this.emit();
  }

  /** The viewer's likes, once per viewer and only where there are comments to like (a read). */
  private async readLikes(): Promise<void> {
    const uid = this.viewer?.uid;
    if (!uid || this.likes?.uid === uid || !this.thread?.count) return;
    try {
      const found = await this.rest.get(`${this.path}/likes/${uid}`);
      if (this.viewer?.uid !== uid) return;
      this.likes = {uid, ids: new Set(found?.data.ids as string[] | undefined)};
      this.emit();
    } catch {
      this.missedRead(); // read again with the next poll
    }
  }

  /** The comments posted here that the server confirmed, as it has them now (edited, hidden…). */
  private async readPosted(startSeq: number): Promise<void> {
    const confirmed = [...this.posted.values()].filter((comment) => !comment.sending);
    await Promise.all(
      confirmed.map(async (comment) => {
        try {
          const found = await this.rest.get(`${this.path}/comments/${comment.id}`);
          if (!found) return;
          this.posted.set(comment.id, commentFromDoc(found));
          this.settle([found], startSeq);
        } catch (error) {
          // Refused: a moderator hid it from this viewer. Offline: keep what we know, read again soon.
          if (toStoreError(error).code === 'permission-denied') this.posted.delete(comment.id);
          else this.missedRead();
        }
      }),
    );
  }

  /** Drops the local changes that these documents, read after them, now show. */
  private settle(docs: {id: string}[], startSeq: number): void {
    for (const d of docs) if ((this.changes.get(d.id)?.seq ?? Infinity) <= startSeq) this.changes.delete(d.id);
  }

  private checkModerator(): void {
    const viewer = this.viewer;
    if (!viewer) return;
    void this.store.isModerator(viewer).then((moderator) => {
      if (this.closed || this.viewer !== viewer) return;
      if (!moderator) {
        if (!this.store.knowsModerator(viewer)) this.missedRead(); // asked again at the next poll
        return;
      }
      this.moderator = true;
      void this.readViewerExtra();
      this.emit();
    });
  }

  /** A read failed: the next poll reads everything again, and comes soon. */
  private missedRead(): void {
    this.missed = true;
    this.schedule.retrySoon();
  }

  private failed(error: unknown): void {
    this.missedRead();
    const storeError = toStoreError(error);
    if (storeError.code === 'unavailable') this.offline = true;
    else this.error = storeError;
    // With nothing read yet, show the thread as empty, with the reason beside it.
    this.thread ??= threadFromData(undefined);
    this.emit();
  }

  private hasMore(): boolean {
    const published = this.window.filter((d) => d.data.status === 'published').length;
    return this.windowRead && !this.windowEnds && (this.thread?.count ?? 0) > published;
  }

  private emit(): void {
    if (this.closed || !this.thread) return;
    // Once the thread (or why it cannot be read) is shown, the code to write loads without delaying it.
    if (!this.emitted) whenIdle(() => void this.store.writer().catch(() => {}));
    this.emitted = true;
    const byId = new Map<string, Comment>();
    for (const read of this.window) byId.set(read.id, commentFromDoc(read));
    const beyond = [...this.viewerExtra.map(commentFromDoc), ...this.posted.values()];
    for (const comment of beyond) {
      if (byId.has(comment.id)) continue;
      if (visibleBeyondPages(comment, this.viewer, this.moderator, this.posted.has(comment.id)))
        byId.set(comment.id, comment);
    }
    for (const [id, {change}] of this.changes) {
      const comment = byId.get(id);
      if (!comment) continue;
      const changed = {...comment, ...change};
      // A deleted one stays: the tree keeps it as a placeholder while replies hang under it.
      if (listed(changed.status) || visibleBeyondPages(changed, this.viewer, this.moderator, this.posted.has(id)))
        byId.set(id, changed);
      else byId.delete(id);
    }
    const likes = this.likes?.uid === this.viewer?.uid ? this.likes?.ids : undefined;
    const comments = [...byId.values()].map((c) => (likes ? {...c, liked: likes.has(c.id)} : c));
    const publishedShown = comments.filter((c) => c.status === 'published').length;
    const viewer = this.viewer;
    // The edit window matters only to a viewer with comments of their own here: only they pay its read.
    if (!this.store.knownSiteConfig() && viewer && comments.some((c) => c.author.uid === viewer.uid))
      void this.store.siteConfig();
    this.onChange({
      comments,
      count: Math.max(this.countAfterChanges(), publishedShown),
      hasMore: this.hasMore(),
      loading: !this.error && !this.offline && this.thread.count > 0 && !this.windowRead,
      offline: this.offline,
      locked: this.thread.locked,
      moderator: this.moderator,
      editWindowMinutes: (this.store.knownSiteConfig() ?? SITE_DEFAULTS).editWindowMinutes,
      ...(this.error ? {error: this.error} : {}),
    });
  }

  /** The thread's count, moved by posts and changes made here that no poll has read back yet. */
  private countAfterChanges(): number {
    let count = this.thread!.count;
    for (const id of this.uncounted) count += published(this.posted.get(id)?.status);
    for (const [id, {change}] of this.changes) {
      if (change.status) count += published(change.status) - published(this.statusAsRead(id));
    }
    return count;
  }

  /** A comment's status as last read (or posted) here, before any local change. */
  private statusAsRead(id: string): string | undefined {
    const read = this.window.find((d) => d.id === id) ?? this.viewerExtra.find((d) => d.id === id);
    return read ? (read.data.status as string) : this.posted.get(id)?.status;
  }
}

/** Runs `task` when the browser is idle (soon after the frame that shows the thread). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, {timeout: 2000});
  else setTimeout(task, 200);
}
