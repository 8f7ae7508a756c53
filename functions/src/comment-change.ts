/**
 * What a write of a comment means for e-mail. Readers hear of a comment when it becomes
 * published (posted published, or approved later); the owner when it is held for review, and,
 * if they asked, when one is posted published.
 */
import type {CommentStatus} from '../../src/model/comment.js';
import {COMMENT_STATUSES, dateOf} from '../../src/model/stored-comment.js';

export interface CommentChange {
  /** Mail the thread's subscribers. */
  notifySubscribers: boolean;
  /** Alert the owner: `held` (waits for review), `new` (posted published), or not at all. */
  alertOwner: 'held' | 'new' | null;
}

type Data = Record<string, unknown> | undefined;

/** The stored status, or null for a missing document or one that is not a comment's. */
export function statusOf(data: Data): CommentStatus | null {
  return COMMENT_STATUSES.find((status) => status === data?.status) ?? null;
}

export function commentChange(before: Data, after: Data, alertEveryComment: boolean): CommentChange {
  const was = before ? statusOf(before) : null;
  const now = statusOf(after);
  const created = before === undefined;
  // A published comment its author edited into review (a banned word, too many links).
  const editedIntoReview =
    was === 'published' &&
    now === 'pending' &&
    dateOf(after?.editedAt)?.getTime() !== dateOf(before?.editedAt)?.getTime();
  return {
    // Hidden → published too: a comment held, rejected, then restored was never mailed. One that
    // was mailed before is not mailed again (mail-log.ts keys every e-mail by its comment).
    notifySubscribers: now === 'published' && was !== 'published',
    alertOwner:
      (created && now === 'pending') || editedIntoReview
        ? 'held'
        : created && now === 'published' && alertEveryComment
          ? 'new'
          : null,
  };
}
