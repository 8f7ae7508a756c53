import type {Comment, NewComment, SortOrder, ThreadRef} from '../../model/comment.js';
import {SITE_DEFAULTS, type SiteConfig} from '../../model/site-config.js';
import {
  StoreError,
  type CommentStore,
  type ModerationChange,
  type SettledAuthor,
  type Subscription,
  type ThreadState,
  type ThreadWatch,
  type Viewer,
  type WatchOptions,
} from '../comment-store.js';
import {
  approvesAuthor,
  authorRefusal,
  bodyProblem,
  editRefusal,
  moderationRefusal,
  postRefusal,
  removeRefusal,
  replyRefusal,
  statusAfterEdit,
  statusOfNewComment,
  storedAuthor,
  visibleBeyondPages,
  type Writer,
} from '../policy.js';

/**
 * A comment as the store keeps it: its times as ISO strings in toISOString's one format, which
 * sort as the times do. A thread is sorted and paged as these; only the comments a watcher is
 * shown become `Comment`s, with Dates.
 */
export type KeptComment = Omit<Comment, 'createdAt' | 'editedAt' | 'liked'> & {
  createdAt: string;
  editedAt?: string;
  /** Who likes it (as Firestore's threads/{t}/likes/{uid} documents would say); each reader sees only their own. */
  likers?: string[];
};

interface ThreadRecord {
  ref: ThreadRef;
  comments: KeptComment[];
  locked: boolean;
  /** Writes not yet settled (confirmed or reverted). */
  writes: number;
  /**
   * Top-level comments (published, or deleted: placeholders) in each order, each with the replies
   * that show under it: sorted when first asked for since the last change. Pages are counted in these.
   */
  order: Partial<Record<SortOrder, KeptComment[][]>>;
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

const oldestFirst = (a: KeptComment, b: KeptComment) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
// Ties still by id, ascending.
const newestFirst = (a: KeptComment, b: KeptComment) =>
  a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.id < b.id ? -1 : 1;

/** How the store keeps a comment it is given. */
function keptComment({createdAt, editedAt, ...rest}: Comment): KeptComment {
  delete rest.liked; // a viewer's, not the comment's
  return {
    ...rest,
    author: {...rest.author},
    createdAt: createdAt.toISOString(),
    ...(editedAt ? {editedAt: editedAt.toISOString()} : {}),
  };
}

/** A kept comment as a watcher (`viewer`) is shown it: a copy of its own, with Dates. */
function shownComment({createdAt, editedAt, likers, ...rest}: KeptComment, viewer?: string): Comment {
  return {
    ...rest,
    likeCount: rest.likeCount ?? 0,
    ...(viewer ? {liked: !!likers?.includes(viewer)} : {}),
    author: {...rest.author},
    createdAt: new Date(createdAt),
    ...(editedAt ? {editedAt: new Date(editedAt)} : {}),
  };
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
  /** The rate limits, as firestore.rules keeps them: when each account last posted and edited, site-wide. */
  private readonly lastPostAt = new Map<string, number>();
  private readonly lastEditAt = new Map<string, number>();

  watchThread(thread: ThreadRef, options: WatchOptions, onChange: (state: ThreadState) => void): ThreadWatch {
    const watcher: Watcher = {
      threadId: thread.id,
      options,
      viewer: options.viewer ?? null,
      posted: new Set(),
      pages: 1,
      onChange,
    };
    this.record(thread); // loads a stored thread (local store) before the first answer
    this.watchers.add(watcher);
    queueMicrotask(() => this.watchers.has(watcher) && this.emit(watcher));
    return {
      loadMore: () => {
        watcher.pages++;
        this.emit(watcher);
      },
      showAlso: (ids) => {
        // Shown beyond the pages like a comment posted in this view, when the viewer may see it.
        for (const id of ids) watcher.posted.add(id);
        if (this.watchers.has(watcher)) this.emit(watcher);
        return Promise.resolve();
      },
      setViewer: (viewer) => {
        watcher.viewer = viewer;
        if (this.watchers.has(watcher)) this.emit(watcher);
      },
      close: () => {
        if (this.watchers.delete(watcher)) this.release(thread.id);
      },
    };
  }

  post(thread: ThreadRef, input: NewComment, settling?: Promise<SettledAuthor>): Promise<Comment> {
    const record = this.record(thread);
    // The same id sent again (a retry, a reload, another tab): it is posted already, once.
    const sent = input.id ? record.comments.find((c) => c.id === input.id) : undefined;
    if (!settling && sent && sent.author.uid === input.author.uid && !sent.sending)
      return Promise.resolve(shownComment(sent));
    const site = this.siteConfig();
    const parent = record.comments.find((c) => c.id === input.parentId);
    const refusal = this.postRefusal(record, input, parent);
    if (refusal) return Promise.reject(refusal);
    const comment: KeptComment = {
      id: input.id ?? newCommentId(),
      parentId: input.parentId,
      ...(parent ? {rootId: parent.rootId ?? parent.id} : {}),
      body: input.body,
      author: storedAuthor(input.author, site),
      createdAt: new Date().toISOString(),
      status: statusOfNewComment(site, this.writer(input.author.uid), input.body, input.author),
      sending: true,
    };
    record.comments.push(comment);
    for (const watcher of this.watchers) if (watcher.threadId === thread.id) watcher.posted.add(comment.id);
    this.changed(thread.id);
    const takeBack = () => {
      record.comments = record.comments.filter((c) => c !== comment);
      this.changed(thread.id);
    };
    const send = (uid: string): Promise<Comment> => {
      // Sent before under this id and landed (a draft restored after a reload): once.
      const landed = record.comments.find((c) => c !== comment && c.id === comment.id && c.author.uid === uid);
      if (landed && !landed.sending) {
        takeBack();
        return Promise.resolve(shownComment(landed));
      }
      const previousPost = this.lastPostAt.get(uid);
      this.lastPostAt.set(uid, Date.now());
      return this.settle(
        record,
        () => {
          takeBack();
          if (previousPost === undefined) this.lastPostAt.delete(uid);
          else this.lastPostAt.set(uid, previousPost);
        },
        () => {
          delete comment.sending;
          this.persist(thread.id, comment);
          this.changed(thread.id);
          return shownComment(comment);
        },
      );
    };
    if (!settling) return send(input.author.uid);
    // Shown at once; sent once its author is known (a guest's account being made).
    return settling
      .then(({author}) => {
        const late = this.postRefusal(record, {...input, author}, parent);
        if (late) throw late;
        Object.assign(comment, {
          author: storedAuthor(author, site),
          status: statusOfNewComment(site, this.writer(author.uid), input.body, author),
        });
        this.changed(thread.id);
        return send(author.uid);
      })
      .catch((error: unknown) => {
        if (record.comments.includes(comment) && comment.sending) takeBack();
        throw error;
      });
  }

  /** Why the rules would refuse this post here and now, if they would. */
  private postRefusal(
    record: ThreadRecord,
    input: NewComment,
    parent: KeptComment | undefined,
  ): StoreError | undefined {
    const problem = bodyProblem(input.body);
    return (
      postRefusal({
        locked: record.locked,
        site: this.siteConfig(),
        lastPostAt: this.lastPostAt.get(input.author.uid),
      }) ??
      authorRefusal(input.author) ??
      (problem ? new StoreError('invalid', problem) : undefined) ??
      replyRefusal(input.parentId, parent && shownComment(parent))
    );
  }

  async isPosted(thread: ThreadRef, id: string, by: Viewer): Promise<boolean> {
    return this.record(thread).comments.some((c) => c.id === id && c.author.uid === by.uid && !c.sending);
  }

  /**
   * Subscriptions to new comments, by thread id and then uid, as Firestore would hold them (tests
   * read them; nothing here sends e-mail).
   */
  readonly subscriptions = new Map<string, Map<string, Subscription & {createdAt: Date}>>();

  // A property rather than a method, so that the local store can have none (local-store.ts).
  subscribe?: (thread: ThreadRef, subscription: Subscription, by: Viewer) => Promise<void> = async (
    thread,
    {email, lang},
    by,
  ) => {
    let subscribers = this.subscriptions.get(thread.id);
    if (!subscribers) this.subscriptions.set(thread.id, (subscribers = new Map()));
    subscribers.set(by.uid, {email, ...(lang ? {lang} : {}), createdAt: new Date()});
  };

  async edit(thread: ThreadRef, comment: Comment, body: string, by: Viewer): Promise<void> {
    const stored = this.find(thread, comment.id);
    const current = shownComment(stored);
    const site = this.siteConfig();
    const refusal = editRefusal(current, by, body, site, this.lastEditAt.get(by.uid));
    if (refusal) throw refusal;
    this.lastEditAt.set(by.uid, Date.now());
    const status = statusAfterEdit(current, site, this.writer(by.uid), body);
    await this.change(thread, stored, {body, editedAt: new Date().toISOString(), ...(status ? {status} : {})});
  }

  async remove(thread: ThreadRef, comment: Comment, by: Viewer): Promise<void> {
    const stored = this.find(thread, comment.id);
    const refusal = removeRefusal(shownComment(stored), by, this.isModerator(by.uid));
    if (refusal) throw refusal;
    // Like the Firestore rules: a deleted comment, which anyone may see as a placeholder, keeps no name.
    const author = {uid: stored.author.uid, name: '', provider: stored.author.provider};
    await this.change(thread, stored, {status: 'deleted', body: '', author});
  }

  async like(thread: ThreadRef, comment: Comment, liked: boolean, by: Viewer): Promise<void> {
    const stored = this.find(thread, comment.id);
    // As the rules say: only a published comment, and once per reader.
    if (stored.status !== 'published') throw new StoreError('permission-denied', 'Only published comments take likes.');
    const likers = stored.likers ?? [];
    if (likers.includes(by.uid) === liked) return;
    await this.change(
      thread,
      stored,
      {
        likers: liked ? [...likers, by.uid] : likers.filter((uid) => uid !== by.uid),
        likeCount: (stored.likeCount ?? 0) + (liked ? 1 : -1),
      },
      false,
    );
  }

  async moderate(thread: ThreadRef, comment: Comment, change: ModerationChange, by: Viewer): Promise<void> {
    const stored = this.find(thread, comment.id);
    const current = shownComment(stored);
    const refusal = moderationRefusal(this.isModerator(by.uid), current);
    if (refusal) throw refusal;
    await this.change(thread, stored, change);
    if (approvesAuthor(current, change)) {
      this.approvedIds.add(stored.author.uid);
      this.persistApproved();
    }
  }

  async setLocked(thread: ThreadRef, locked: boolean, by: Viewer): Promise<void> {
    const refusal = moderationRefusal(this.isModerator(by.uid));
    if (refusal) throw refusal;
    const record = this.record(thread);
    const before = record.locked;
    record.locked = locked;
    this.changed(thread.id);
    await this.settle(
      record,
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
    this.record(thread).comments.push(...comments.map(keptComment));
    this.persist(thread.id);
    this.changed(thread.id);
  }

  // --- for subclasses ---

  /** Called when a thread is first touched; the local store fills it from storage. */
  protected load(_ref: ThreadRef): KeptComment[] {
    return [];
  }

  /**
   * Called when a thread's last watcher has closed and none of its writes is pending. This store
   * keeps the thread (its only copy); the local store lets it go and reads it again when next
   * watched.
   */
  protected unwatched(_threadId: string): void {}

  /**
   * Called after a change is confirmed: to `comment` (posted or changed), or to the whole thread
   * (seeded). The local store writes it to storage.
   */
  protected persist(_threadId: string, _comment?: KeptComment): void {}

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

  private writer(uid: string): Writer {
    return {moderator: this.isModerator(uid), approved: this.approvedIds.has(uid)};
  }

  protected record(ref: ThreadRef): ThreadRecord {
    let record = this.threads.get(ref.id);
    if (!record) {
      record = {ref, comments: this.load(ref), locked: this.loadLocked(ref), writes: 0, order: {}};
      this.threads.set(ref.id, record);
    }
    return record;
  }

  private find(thread: ThreadRef, id: string): KeptComment {
    const stored = this.record(thread).comments.find((c) => c.id === id);
    if (!stored) throw new StoreError('invalid', 'That comment is not in this thread.');
    return stored;
  }

  /**
   * Applies a change at once (shown as sending, unless `sending` is false: a like), and keeps or
   * reverts it when the write settles.
   */
  private change(thread: ThreadRef, stored: KeptComment, change: Partial<KeptComment>, sending = true): Promise<void> {
    const before = {...stored};
    Object.assign(stored, change, sending ? {sending} : {});
    this.changed(thread.id);
    return this.settle(
      this.record(thread),
      () => {
        for (const key of Object.keys(stored) as Array<keyof KeptComment>) delete stored[key];
        Object.assign(stored, before);
        this.changed(thread.id);
      },
      () => {
        delete stored.sending;
        this.persist(thread.id, stored);
        this.changed(thread.id);
      },
    );
  }

  /** Settles a write as a backend would: at once online, on reconnection offline, or with the failure asked for. */
  private settle<T>(record: ThreadRecord, revert: () => void, confirm: () => T): Promise<T> {
    record.writes++;
    return new Promise<T>((resolve, reject) => {
      const settle = () => {
        const failure = this.nextFailure;
        this.nextFailure = undefined;
        try {
          if (failure) {
            revert();
            reject(failure);
          } else {
            resolve(confirm());
          }
        } finally {
          record.writes--;
          this.release(record.ref.id);
        }
      };
      if (this.online) queueMicrotask(settle);
      else this.queued.push(settle);
    });
  }

  /** The thread's comments changed: its order is sorted again when next asked for, and watchers are told. */
  protected changed(threadId: string): void {
    const record = this.threads.get(threadId);
    if (record) record.order = {};
    for (const watcher of this.watchers) if (watcher.threadId === threadId) this.emit(watcher);
  }

  /** Lets an unwatched thread go (see `unwatched`) once nothing is pending on it. */
  private release(threadId: string): void {
    if (this.threads.get(threadId)?.writes) return;
    for (const watcher of this.watchers) if (watcher.threadId === threadId) return;
    this.unwatched(threadId);
  }

  private emit(watcher: Watcher): void {
    const record = this.threads.get(watcher.threadId);
    const sort = watcher.options.sort;
    const groups = record ? (record.order[sort] ??= pagedGroups(record.comments, sort)) : [];
    const shownGroups = groups.slice(0, watcher.pages * watcher.options.pageSize);
    const paged = shownGroups.flat();
    const count = record ? record.comments.filter((c) => c.status === 'published').length : 0;
    const moderator = this.isModerator(watcher.viewer?.uid);
    const viewer = watcher.viewer?.uid;
    const comments = paged.map((kept) => shownComment(kept, viewer));
    // Others show beyond the pages only when the thread holds unpublished comments, or comments
    // posted here that are not in the pages: most often neither, and the thread is not read again.
    const unpublished = record ? record.comments.length - count : 0;
    const hasMore = shownGroups.length < groups.length;
    if (record && (unpublished > 0 || (watcher.posted.size > 0 && hasMore))) {
      const inPages = new Set(paged);
      for (const kept of record.comments) {
        // Beyond the pages a published comment shows only where it was posted (policy.ts),
        // so the rules are asked about the few others, made Comments for it.
        const postedHere = watcher.posted.has(kept.id);
        if ((kept.status === 'published' && !postedHere) || inPages.has(kept)) continue;
        const comment = shownComment(kept, viewer);
        if (visibleBeyondPages(comment, watcher.viewer, moderator, postedHere)) comments.push(comment);
      }
    }
    watcher.onChange({
      comments,
      count,
      hasMore,
      loading: false,
      offline: !this.online,
      locked: record?.locked ?? false,
      moderator,
      editWindowMinutes: this.siteConfig().editWindowMinutes,
    });
  }
}

/**
 * The thread as pages count it: each top-level comment (published, or a deleted one as a
 * placeholder) in the view's order, with every published or deleted reply under it, at any depth. A page never shows a reply without the comment it answers, nor leaves a late reply
 * to an early comment for the last page. As in Firestore, where pages load replies by their
 * top-level comment (`rootId`): the replies under a hidden or pending top-level comment are not
 * in any page, and a reply whose chain is broken (bad data) counts as top-level.
 */
function pagedGroups(comments: readonly KeptComment[], sort: SortOrder): KeptComment[][] {
  const listed = (c: KeptComment) => c.status === 'published' || c.status === 'deleted';
  const byId = new Map(comments.map((c) => [c.id, c]));
  // Each comment's top-level ancestor, remembered along the way; a chain longer than the thread is
  // a cycle (bad data), ended where it was noticed.
  const roots = new Map<KeptComment, KeptComment>();
  const rootOf = (comment: KeptComment): KeptComment => {
    const path: KeptComment[] = [];
    let at = comment;
    let root = roots.get(at);
    while (!root) {
      const up = at.parentId ? byId.get(at.parentId) : undefined;
      if (!up || path.length >= byId.size) root = at;
      else {
        path.push(at);
        at = up;
        root = roots.get(at);
      }
    }
    for (const c of path) roots.set(c, root);
    return root;
  };
  const groups = new Map<KeptComment, KeptComment[]>();
  // Replies stay in stored order: the view sorts them under their parent (thread-tree.ts).
  for (const comment of comments) {
    if (!listed(comment)) continue;
    const root = rootOf(comment);
    if (!listed(root)) continue;
    let group = groups.get(root);
    if (!group) groups.set(root, (group = [root]));
    if (root !== comment) group.push(comment);
  }
  return [...groups.values()].sort(
    (a, b) =>
      (sort === 'top' ? (b[0].likeCount ?? 0) - (a[0].likeCount ?? 0) : 0) ||
      (sort === 'newest' ? newestFirst : oldestFirst)(a[0], b[0]),
  );
}
