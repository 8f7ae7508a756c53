import type {Comment, NewComment, ThreadRef} from '../model/comment.js';
import {
  StoreError,
  type CommentStore,
  type ThreadState,
  type ThreadWatch,
  type WatchOptions,
} from './comment-store.js';

interface ThreadRecord {
  ref: ThreadRef;
  comments: Comment[];
  locked: boolean;
}

interface Watcher {
  threadId: string;
  options: WatchOptions;
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

  watchThread(thread: ThreadRef, options: WatchOptions, onChange: (state: ThreadState) => void): ThreadWatch {
    const watcher: Watcher = {threadId: thread.id, options, pages: 1, onChange};
    this.record(thread); // loads a stored thread (local store) before the first answer
    this.watchers.add(watcher);
    queueMicrotask(() => this.watchers.has(watcher) && this.emit(watcher));
    return {
      loadMore: () => {
        watcher.pages++;
        this.emit(watcher);
      },
      close: () => this.watchers.delete(watcher),
    };
  }

  post(thread: ThreadRef, input: NewComment): Promise<Comment> {
    const record = this.record(thread);
    if (record.locked) return Promise.reject(new StoreError('locked', 'This thread is closed to new comments.'));
    const comment: Comment = {
      id: newCommentId(),
      parentId: input.parentId,
      body: input.body,
      author: {...input.author},
      createdAt: new Date(),
      status: 'published',
      sending: true,
    };
    record.comments.push(comment);
    this.changed(thread.id);
    return new Promise<Comment>((resolve, reject) => {
      const settle = () => {
        const failure = this.nextFailure;
        this.nextFailure = undefined;
        if (failure) {
          record.comments = record.comments.filter((c) => c !== comment);
          this.changed(thread.id);
          reject(failure);
          return;
        }
        delete comment.sending;
        this.persist(thread.id);
        this.changed(thread.id);
        resolve({...comment});
      };
      if (this.online) queueMicrotask(settle);
      else this.queued.push(settle);
    });
  }

  async countComments(threads: ThreadRef[]): Promise<number[]> {
    // Read without keeping: counting a listing page must not hold every thread in memory.
    return threads.map((ref) => {
      const comments = this.threads.get(ref.id)?.comments ?? this.load(ref);
      return comments.filter((c) => c.status === 'published').length;
    });
  }

  // --- test and demo controls ---

  /** Offline, posts wait (shown as sending) until `setOnline(true)`. */
  setOnline(online: boolean): void {
    this.online = online;
    for (const watcher of this.watchers) this.emit(watcher);
    if (online) {
      const queued = this.queued;
      this.queued = [];
      queued.forEach((settle) => settle());
    }
  }

  /** The next post is refused with this error (its text must stay in the form). */
  failNextPost(error = new StoreError('unavailable', 'The comment could not be saved.')): void {
    this.nextFailure = error;
  }

  setLocked(threadId: string, locked: boolean): void {
    const record = this.threads.get(threadId);
    if (record) record.locked = locked;
    this.changed(threadId);
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

  protected record(ref: ThreadRef): ThreadRecord {
    let record = this.threads.get(ref.id);
    if (!record) {
      record = {ref, comments: this.load(ref), locked: false};
      this.threads.set(ref.id, record);
    }
    return record;
  }

  protected changed(threadId: string): void {
    for (const watcher of this.watchers) if (watcher.threadId === threadId) this.emit(watcher);
  }

  private emit(watcher: Watcher): void {
    const record = this.threads.get(watcher.threadId);
    const published = (record?.comments ?? []).filter((c) => c.status === 'published');
    const direction = watcher.options.sort === 'newest' ? -1 : 1;
    const ordered = [...published].sort(
      (a, b) => direction * (a.createdAt.getTime() - b.createdAt.getTime()) || (a.id < b.id ? -1 : 1),
    );
    const visible = ordered.slice(0, watcher.pages * watcher.options.pageSize);
    watcher.onChange({
      comments: visible.map((c) => ({...c, author: {...c.author}})),
      count: published.length,
      hasMore: visible.length < ordered.length,
      loading: false,
      offline: !this.online,
      locked: record?.locked ?? false,
    });
  }
}
