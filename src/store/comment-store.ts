import {createContext} from '@lit/context';
import type {AuthorProvider, Comment, CommentStatus, NewComment, SortOrder, ThreadRef} from '../model/comment.js';

/** The reader looking at a thread, as the session knows them. */
export interface Viewer {
  uid: string;
  provider: AuthorProvider;
}

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
  /**
   * The viewer moderates this site: `comments` also holds the thread's pending and hidden
   * comments, and `moderate`/`setLocked`/`remove` are open to them.
   */
  moderator: boolean;
  /** Minutes after posting during which an author may edit their comment (the site's setting). */
  editWindowMinutes: number;
  error?: StoreError;
}

export interface WatchOptions {
  sort: SortOrder;
  pageSize: number;
  /** Who is looking; `ThreadWatch.setViewer` follows later changes. */
  viewer?: Viewer | null;
}

/** A live view of one thread. */
export interface ThreadWatch {
  /** Loads the next page ("Load more comments"). */
  loadMore(): void;
  /**
   * The reader signed in, out, or as someone else. The view stays live: their own pending
   * comments (or, for a moderator, every pending and hidden one) join or leave the state.
   */
  setViewer(viewer: Viewer | null): void;
  /**
   * Whether the thread is on screen (or near it). A store that polls for changes may pause while it
   * is not, and look again when it comes back; stores that are told of changes ignore it.
   */
  setOnScreen?(onScreen: boolean): void;
  /**
   * Comments to show whatever page they are on, when this viewer may see them: the reader's own
   * recent comments on the thread, remembered in this browser, so one they just posted does not
   * vanish behind "Load more" after a reload, or one a link points to. Each costs a read
   * (Firestore) unless already loaded. Settles once they are read: shown, or found missing or not
   * visible to this reader (then simply not shown).
   */
  showAlso?(ids: readonly string[]): Promise<void> | void;
  /** Stops listening; no further callbacks. */
  close(): void;
}

/**
 * `rate-limited`: the reader posted less than the site's interval ago (`retryAfterSeconds` says how
 * long to wait); `expired`: the edit window of the comment has closed; `gone`: the comment a reply
 * answers is no longer visible; `quota`: the backend is over its quota for now.
 */
export type StoreErrorCode =
  | 'permission-denied'
  | 'unavailable'
  | 'invalid'
  | 'locked'
  | 'rate-limited'
  | 'expired'
  | 'gone'
  | 'quota'
  | 'unknown';

export class StoreError extends Error {
  /** For `rate-limited`: whole seconds until the reader may post again. */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    details: {retryAfterSeconds?: number} = {},
  ) {
    super(message);
    this.name = 'StoreError';
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** What a moderator changes on a comment: approve (`published`), hold (`pending`), hide; pin or unpin. */
export interface ModerationChange {
  status?: Exclude<CommentStatus, 'deleted'>;
  pinned?: boolean;
}

/** Who a post turns out to be by, once their account is known (CommentStore.post's `settling`). */
export type SettledAuthor = Pick<NewComment, 'author' | 'email'>;

/**
 * Where comments live. The UI talks only to this; Firestore, memory and local-storage
 * implementations sit behind it (test/store/store-contract.ts holds the suite every one must pass).
 */
export interface CommentStore {
  /** Calls `onChange` with the thread's state now and after every change, until closed. */
  watchThread(thread: ThreadRef, options: WatchOptions, onChange: (state: ThreadState) => void): ThreadWatch;
  /**
   * Posts a comment. Watchers see it at once (with `sending` while unconfirmed), and keep seeing
   * it even beyond their loaded pages; the promise settles when the backend has accepted or
   * refused it. Offline, it waits for the connection. The store decides the status from the site's
   * settings: `pending` when a moderator must approve it first (see site-config.ts).
   *
   * `settling`, when given, is who the comment turns out to be by (and their email), still being
   * found out: a first-time guest's account being made. Watchers see `comment.author` (its uid may
   * be empty) at once all the same; it is sent once `settling` resolves, and taken back with its
   * error when that rejects.
   */
  post(thread: ThreadRef, comment: NewComment, settling?: Promise<SettledAuthor>): Promise<Comment>;
  /**
   * Changes the body of `by`'s own comment within the edit window (stamping `editedAt`). An edit
   * that now needs review takes a published comment back to pending. Like every change below,
   * watchers see it at once and the promise settles when the backend confirms or refuses it.
   */
  edit(thread: ThreadRef, comment: Comment, body: string, by: Viewer): Promise<void>;
  /** Soft-deletes a comment (status `deleted`, body emptied): its author's at any time, any for a moderator. */
  remove(thread: ThreadRef, comment: Comment, by: Viewer): Promise<void>;
  /** Moderators only: approve, hold or hide a comment, pin or unpin it. */
  moderate(thread: ThreadRef, comment: Comment, change: ModerationChange, by: Viewer): Promise<void>;
  /**
   * `by` likes the published comment (`liked`), or takes their like back: one like per reader per
   * comment, so asking twice changes nothing. Watchers see the comment's `likeCount` and `liked`
   * change at once; offline, the write waits for the connection. Absent where a store has no likes
   * (the widget then shows no Like button).
   */
  like?(thread: ThreadRef, comment: Comment, liked: boolean, by: Viewer): Promise<void>;
  /** Moderators only: closes the thread to new comments, or reopens it. */
  setLocked(thread: ThreadRef, locked: boolean, by: Viewer): Promise<void>;
  /**
   * The published comment count of each thread, in the order asked (0 for a thread nobody has
   * commented on). For count badges: one call answers a whole listing page.
   */
  countComments(threads: ThreadRef[]): Promise<number[]>;
  /**
   * Whether `by`'s comment `id` is stored already: a draft restored after a reload asks before it
   * is offered again (it may have been sent just before). Rejects when it cannot tell (offline):
   * not knowing is not "no". Optional for stores of your own.
   */
  isPosted?(thread: ThreadRef, id: string, by: Viewer): Promise<boolean>;
  /**
   * Subscribes `by` to e-mails about new comments in the thread ("Notify me of new comments via
   * email."), at `email`: a private record only they may read (Firestore:
   * `subscriptions/{threadId}/subscribers/{uid}`), which the site's Cloud Functions mail from.
   * Subscribing again replaces the address. Absent where nothing would send the e-mails
   * (backend="local"): the form then offers no checkbox.
   */
  subscribe?(thread: ThreadRef, subscription: Subscription, by: Viewer): Promise<void>;
}

/** A reader's wish for e-mails about a thread's new comments. */
export interface Subscription {
  email: string;
  /** The language of the e-mails: one of the widget's catalogs (`en` when left out). */
  lang?: string;
}

export const commentStoreContext = createContext<CommentStore | undefined>(Symbol.for('leave-a-reply/comment-store'));
