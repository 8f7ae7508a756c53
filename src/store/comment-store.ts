import {createContext} from '@lit/context';
import type {Comment, NewComment, SortOrder, ThreadRef} from '../model/comment.js';

/** A thread as the UI shows it at one moment. */
export interface ThreadState {
  /** Loaded comments, in no particular order (the view sorts and nests them). */
  comments: Comment[];
  /** Published comments in the whole thread, loaded or not. */
  count: number;
  /** More comments exist beyond the loaded pages. */
  hasMore: boolean;
  /** The first answer has not arrived yet. */
  loading: boolean;
  /** The answer came from this browser's cache because the backend cannot be reached. */
  offline: boolean;
  locked: boolean;
  error?: StoreError;
}

export interface WatchOptions {
  sort: SortOrder;
  pageSize: number;
}

/** A live view of one thread. */
export interface ThreadWatch {
  /** Loads the next page ("Load more comments"). */
  loadMore(): void;
  /** Stops listening; no further callbacks. */
  close(): void;
}

export type StoreErrorCode = 'permission-denied' | 'unavailable' | 'invalid' | 'locked' | 'unknown';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * Where comments live. The UI talks only to this; Firestore, memory and local-storage
 * implementations sit behind it (test/store-contract.ts holds the suite every one must pass).
 */
export interface CommentStore {
  /** Calls `onChange` with the thread's state now and after every change, until closed. */
  watchThread(thread: ThreadRef, options: WatchOptions, onChange: (state: ThreadState) => void): ThreadWatch;
  /**
   * Posts a comment. Watchers see it at once (with `sending` while unconfirmed); the promise
   * settles when the backend has accepted or refused it. Offline, it waits for the connection.
   */
  post(thread: ThreadRef, comment: NewComment): Promise<Comment>;
  /**
   * The published comment count of each thread, in the order asked (0 for a thread nobody has
   * commented on). For count badges: one call answers a whole listing page.
   */
  countComments(threads: ThreadRef[]): Promise<number[]>;
}

export const commentStoreContext = createContext<CommentStore | undefined>(Symbol.for('leave-a-reply/comment-store'));
