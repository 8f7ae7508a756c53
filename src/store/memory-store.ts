import type {Comment, NewComment, ThreadRef} from '../model/comment.js';
import {needsReview, SITE_DEFAULTS, withinEditWindow, type SiteConfig} from '../model/site-config.js';
import {
  StoreError,
  type CommentStore,
  type ModerationChange,
  type ThreadState,
  type ThreadWatch,
  type Viewer,
  type WatchOptions,
} from './comment-store.js';
import {bodyProblem, rateLimited, visibleBeyondPages} from './store-rules.js';

interface ThreadRecord {
  ref: ThreadRef;
  comments: Comment[];
  locked: boolean;
}

interface Watcher {
  threadId: string;
  options: WatchOptions;
  viewer: Viewer | null;
  /** Comments posted through this store while the watcher is open: in view whatever their page. */
  posted: Set<string>;
  pages: number;
  onChange: (state: ThreadState) => void;
}


let counter = 0;
export function newCommentId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Math.random()}`.slice(2);
  return `${Date.now().toString(36)}-${(counter++).toString(36)}-${random.replace(/-/g, '').slice(0, 10)}`;
}

/**
 * Keeps comments in memory. Used by tests, and as the base of the local store. It can pretend
 * to be offline or to fail, so the UI's error paths can be exercised without a network.
 */
export class MemoryStore implements CommentStore {
  protected readonly threads = new Map<string, ThreadRecord>();
  private readonly watchers = new Set<Watcher>();
  private online = true;
  private queued: Array<() => void> = [];
  private nextFailure: StoreError | undefined;
  private site: SiteConfig = {...SITE_DEFAULTS};
  private readonly moderatorIds = new Set<string>();
  /** Authors a moderator has approved a comment of (first-time moderation lets them through). */
  protected readonly approvedIds = new Set<string>();
  /** The per-reader rate limit: when each uid last posted. */
  private readonly lastPostAt = new Map<string, number>();

  watchThread(thread: ThreadRef, options: WatchOptions, onChange: (state: ThreadState) => void): ThreadWatch {
    const watcher: Watcher = {threadId: thread.id, options, viewer: options.viewer ?? null, posted: new Set(), pages: 1, onChange};
    this.record(thread); // loads a stored thread (local store) before the first answer
    this.watchers.add(watcher);
    queueMicrotask(() => this.watchers.has(watcher) && this.emit(watcher));
    return {
      loadMore: () => {
        watcher.pages++;
        this.emit(watcher);
      },
      setViewer: (viewer) => {
        watcher.viewer = viewer;
        if (this.watchers.has(watcher)) this.emit(watcher);
      },
      close: () => this.watchers.delete(watcher),
    };
  }

  post(thread: ThreadRef, input: NewComment): Promise<Comment> {
    const record = this.record(thread);
    if (record.locked) return Promise.reject(new StoreError('locked', 'This thread is closed to new comments.'));
    const site = this.siteConfig();
    const uid = input.author.uid;
    const previousPost = this.lastPostAt.get(uid);
    const wait = previousPost === undefined ? 0 : previousPost + site.postIntervalSeconds * 1000 - Date.now();
    if (wait > 0) return Promise.reject(rateLimited(wait));
    const moderator = this.isModerator(uid);
    const approved = this.approvedIds.has(uid);
    const review = !moderator && needsReview(site, {body: input.body, authorName: input.author.name, approved});
    this.lastPostAt.set(uid, Date.now());
    const comment: Comment = {
      id: newCommentId(),
      parentId: input.parentId,
      body: input.body,
      author: {...input.author},
      createdAt: new Date(),
      status: review ? 'pending' : 'published',
      sending: true,
    };
    record.comments.push(comment);
    for (const watcher of this.watchers) if (watcher.threadId === thread.id) watcher.posted.add(comment.id);
    this.changed(thread.id);
    return this.settle(
      () => {
        record.comments = record.comments.filter((c) => c !== comment);
        if (previousPost === undefined) this.lastPostAt.delete(uid);
        else this.lastPostAt.set(uid, previousPost);
        this.changed(thread.id);
      },
      () => {
        delete comment.sending;
        this.persist(thread.id);
        this.changed(thread.id);
        return {...comment, author: {...comment.author}};
      },
    );
  }

  async edit(thread: ThreadRef, comment: Comment, body: string, by: Viewer): Promise<void> {
    const stored = this.find(thread, comment.id);
    if (stored.author.uid !== by.uid || (stored.status !== 'published' && stored.status !== 'pending')) {
      throw new StoreError('permission-denied', 'Only its author can edit a comment.');
    }
    const site = this.siteConfig();
    if (!withinEditWindow(stored.createdAt, site.editWindowMinutes)) {
      throw new StoreError('expired', 'The time to edit this comment is over.');
    }
    const problem = bodyProblem(body);
    if (problem) throw new StoreError('invalid', problem);
    const review =
      stored.status === 'published' &&
      !this.isModerator(by.uid) &&
      needsReview(site, {body, authorName: stored.author.name, approved: this.approvedIds.has(by.uid)});
    await this.change(thread, stored, {body, editedAt: new Date(), ...(review ? {status: 'pending'} : {})});
  }

  async remove(thread: ThreadRef, comment: Comment, by: Viewer): Promise<void> {
    const stored = this.find(thread, comment.id);
    if ((stored.author.uid !== by.uid && !this.isModerator(by.uid)) || stored.status === 'deleted') {
      throw new StoreError('permission-denied', 'Only its author or a moderator can delete a comment.');
    }
    await this.change(thread, stored, {status: 'deleted', body: ''});
  }

  async moderate(thread: ThreadRef, comment: Comment, change: ModerationChange, by: Viewer): Promise<void> {
    const stored = this.find(thread, comment.id);
    if (!this.isModerator(by.uid) || stored.status === 'deleted') {
      throw new StoreError('permission-denied', 'Only a moderator can do that.');
    }
    await this.change(thread, stored, change);
    if (change.status === 'published') {
      this.approvedIds.add(stored.author.uid);
      this.persistApproved();
    }
  }

  async setLocked(thread: ThreadRef, locked: boolean, by: Viewer): Promise<void> {
    if (!this.isModerator(by.uid)) throw new StoreError('permission-denied', 'Only a moderator can do that.');
    const record = this.record(thread);
    const before = record.locked;
    record.locked = locked;
    this.changed(thread.id);
    await this.settle(
      () => {
        record.locked = before;
        this.changed(thread.id);
      },
      () => this.persistLocked(thread.id, locked),
    );
  }

  async countComments(threads: ThreadRef[]): Promise<number[]> {
    // Read without keeping: counting a listing page must not hold every thread in memory.
    return threads.map((ref) => {
      const comments = this.threads.get(ref.id)?.comments ?? this.load(ref);
      return comments.filter((c) => c.status === 'published').length;
    });
  }

  // --- test and demo controls ---

  /** Offline, writes wait (shown as sending) until `setOnline(true)`. */
  setOnline(online: boolean): void {
    this.online = online;
    for (const watcher of this.watchers) this.emit(watcher);
    if (online) {
      const queued = this.queued;
      this.queued = [];
      queued.forEach((settle) => settle());
    }
  }

  /** The next write (a post, an edit, a moderation) is refused with this error. */
  failNextPost(error = new StoreError('unavailable', 'The comment could not be saved.')): void {
    this.nextFailure = error;
  }

  /** The site's moderation settings, as config/site would hold them (defaults for what is left out). */
  setSiteConfig(changes: Partial<SiteConfig>): void {
    this.site = {...SITE_DEFAULTS, ...changes};
    for (const watcher of this.watchers) this.emit(watcher);
  }

  /** These uids moderate (as admins/{uid} documents would say). */
  setModerators(uids: string[]): void {
    this.moderatorIds.clear();
    uids.forEach((uid) => this.moderatorIds.add(uid));
    for (const watcher of this.watchers) this.emit(watcher);
  }

  /** Adds finished comments directly, e.g. to seed a demo or a benchmark. */
  seed(thread: ThreadRef, comments: Comment[]): void {
    this.record(thread).comments.push(...comments);
    this.persist(thread.id);
    this.changed(thread.id);
  }

  // --- for subclasses ---

  /** Called when a thread is first touched; the local store fills it from storage. */
  protected load(_ref: ThreadRef): Comment[] {
    return [];
  }

  /** Called after a change is confirmed; the local store writes it to storage. */
  protected persist(_threadId: string): void {}

  /** Whether a thread was closed; the local store keeps this in storage. */
  protected loadLocked(_ref: ThreadRef): boolean {
    return false;
  }

  protected persistLocked(_threadId: string, _locked: boolean): void {}

  protected persistApproved(): void {}

  /** The site's settings; the local store may take them from storage. */
  protected siteConfig(): SiteConfig {
    return this.site;
  }

  /** Whether this uid moderates; the local store's demo switch makes every reader one. */
  protected isModerator(uid: string | undefined): boolean {
    return uid !== undefined && this.moderatorIds.has(uid);
  }

  protected record(ref: ThreadRef): ThreadRecord {
    let record = this.threads.get(ref.id);
    if (!record) {
      record = {ref, comments: this.load(ref), locked: this.loadLocked(ref)};
      this.threads.set(ref.id, record);
    }
    return record;
  }

  private find(thread: ThreadRef, id: string): Comment {
    const stored = this.record(thread).comments.find((c) => c.id === id);
    if (!stored) throw new StoreError('invalid', 'That comment is not in this thread.');
    return stored;
  }

  /** Applies a change at once (shown as sending), and keeps or reverts it when the write settles. */
  private change(thread: ThreadRef, stored: Comment, change: Partial<Comment>): Promise<void> {
    const before = {...stored};
    Object.assign(stored, change, {sending: true});
    this.changed(thread.id);
    return this.settle(
      () => {
        for (const key of Object.keys(stored) as Array<keyof Comment>) delete stored[key];
        Object.assign(stored, before);
        this.changed(thread.id);
      },
      () => {
        delete stored.sending;
        this.persist(thread.id);
        this.changed(thread.id);
      },
    );
  }

  /** Settles a write as a backend would: at once online, on reconnection offline, or with the failure asked for. */
  private settle<T>(revert: () => void, confirm: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = () => {
        const failure = this.nextFailure;
        this.nextFailure = undefined;
        if (failure) {
          revert();
          reject(failure);
        } else {
          resolve(confirm());
        }
      };
      if (this.online) queueMicrotask(settle);
      else this.queued.push(settle);
    });
  }

  protected changed(threadId: string): void {
    for (const watcher of this.watchers) if (watcher.threadId === threadId) this.emit(watcher);
  }

  private emit(watcher: Watcher): void {
    const record = this.threads.get(watcher.threadId);
    const all = record?.comments ?? [];
    const publishedComments = all.filter((c) => c.status === 'published');
    const direction = watcher.options.sort === 'newest' ? -1 : 1;
    const ordered = [...publishedComments].sort(
      (a, b) => direction * (a.createdAt.getTime() - b.createdAt.getTime()) || (a.id < b.id ? -1 : 1),
    );
    const paged = ordered.slice(0, watcher.pages * watcher.options.pageSize);
    const moderator = this.isModerator(watcher.viewer?.uid);
    const inPages = new Set(paged);
    const beyond = all.filter(
      (c) => !inPages.has(c) && visibleBeyondPages(c, watcher.viewer, moderator, watcher.posted.has(c.id)),
    );
    watcher.onChange({
      comments: [...paged, ...beyond].map((c) => ({...c, author: {...c.author}})),
      count: publishedComments.length,
      hasMore: paged.length < ordered.length,
      loading: false,
      offline: !this.online,
      locked: record?.locked ?? false,
      moderator,
      editWindowMinutes: this.siteConfig().editWindowMinutes,
    });
  }
}
