/**
 * The site-wide moderation queue, as `<leave-a-reply-moderation>` sees it: the comments of every
 * thread in one list, and what a moderator does to them. The Firestore implementation is
 * store/firestore/firestore-moderation-queue.ts; firestore.rules decides, as everywhere, what a
 * moderator (admins/{uid}) may do.
 */
import type {Comment, ThreadRef} from '../model/comment.js';
import type {Viewer} from './comment-store.js';

/** Which comments to list: waiting for review, hidden, or every recent one (deleted ones aside). */
export type QueueFilter = 'pending' | 'hidden' | 'recent';

/** One comment in the queue, with the page (thread) it was left on. */
export interface QueueItem {
  comment: Comment;
  thread: ThreadRef;
}

declare const cursorBrand: unique symbol;
/** Where the next page starts. Opaque: only the queue that made it reads it. */
export type QueueCursor = {readonly [cursorBrand]: true};

export interface QueuePage {
  /** Newest first. */
  items: QueueItem[];
  /** Hand it back to `list` for the next page; absent on the last page. */
  next?: QueueCursor;
}

export interface ModerationQueue {
  /** Whether `viewer` moderates this site. */
  isModerator(viewer: Viewer): Promise<boolean>;
  /** One page of the comments `filter` selects, across every thread, newest first. */
  list(filter: QueueFilter, options: {pageSize: number; after?: QueueCursor}): Promise<QueuePage>;
  /** Publishes the comment (and approves its author, as approving in the widget does). */
  approve(item: QueueItem, by: Viewer): Promise<void>;
  hide(item: QueueItem, by: Viewer): Promise<void>;
  /** Soft-deletes it, as the widget's Delete does: its replies keep their place. */
  remove(item: QueueItem, by: Viewer): Promise<void>;
  /** Approves every pending comment by this author, in every thread; resolves to those approved. */
  approveAllBy(authorUid: string, by: Viewer): Promise<QueueItem[]>;
  /**
   * Blocks the account, or lifts its block: while blocked, the rules refuse its new comments and
   * edits. (A guest can start again as a new anonymous account: see docs/moderation-queue.md.)
   */
  setBlocked(authorUid: string, blocked: boolean, by: Viewer): Promise<void>;
}
