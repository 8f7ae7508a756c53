/**
 * What every store does as firestore.rules would: who sees which comment beyond the published
 * pages, which bodies can be stored, how the rate limit answers. One module, so the memory,
 * local and Firestore stores cannot drift apart.
 */
import type {Comment, CommentStatus} from '../model/comment.js';
import {LIMITS} from '../model/limits.js';
import {countLinks} from '../model/body-text.js';
import {StoreError, type Viewer} from './comment-store.js';

/**
 * Who sees a comment besides the published pages: the rules' read access (firestore.rules), plus
 * what was posted through the store while the view was open (`postedHere`), so a reader never
 * loses sight of what they just wrote, wherever its page is.
 */
export function visibleBeyondPages(comment: Comment, viewer: Viewer | null, moderator: boolean, postedHere: boolean): boolean {
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

/** Why a body cannot be stored, as the rules would refuse it; undefined when it can. */
export function bodyProblem(body: string): string | undefined {
  if (!body.trim()) return 'A comment cannot be empty.';
  if (body.length > LIMITS.bodyMax) return `A comment is limited to ${LIMITS.bodyMax} characters.`;
  if (countLinks(body) > LIMITS.linksMax) return `A comment may contain at most ${LIMITS.linksMax} links.`;
  return undefined;
}

export const published = (status: CommentStatus) => (status === 'published' ? 1 : 0);

/** The error for a post sooner than the site's interval after the reader's last one. */
export function rateLimited(waitMs: number): StoreError {
  const seconds = Math.ceil(waitMs / 1000);
  return new StoreError('rate-limited', `Please wait ${seconds} s before posting again.`, {retryAfterSeconds: seconds});
}
