/**
 * Who sees which comment beyond the published pages, as firestore.rules' read access decides: the
 * part of the stores' policy (policy.ts) a thread view needs for its first render, so that chunk
 * does not carry the write policy.
 */
import type {Comment, CommentStatus} from '../model/comment.js';
import type {Viewer} from './comment-store.js';

/**
 * Who sees a comment besides the published pages: the rules' read access (firestore.rules), plus
 * what was posted through the store while the view was open (`postedHere`), so a reader never
 * loses sight of what they just wrote, wherever its page is.
 */
export function visibleBeyondPages(
  comment: Comment,
  viewer: Viewer | null,
  moderator: boolean,
  postedHere: boolean,
): boolean {
  switch (comment.status) {
    case 'published':
      return postedHere;
    case 'pending':
      return moderator || postedHere || (!!viewer && viewer.uid === comment.author.uid);
    case 'hidden':
      return moderator;
    default:
      return false;
  }
}

/** 1 for a published comment, else 0: what it adds to the thread's count. */
export const published = (status: CommentStatus | string | undefined) => (status === 'published' ? 1 : 0);
