/**
 * What every store decides as firestore.rules would: who sees which comment beyond the published
 * pages, and whether a write is allowed. Pure functions: a refusal is a StoreError returned (never
 * thrown), nothing when the write may go ahead. The memory, local and Firestore stores all ask
 * here, so they cannot drift apart (test/store/policy.test.ts, and the contract suite for each store).
 */
import type {Comment, CommentStatus} from '../model/comment.js';
import {LIMITS} from '../model/limits.js';
import {countLinks} from '../model/body-text.js';
import {needsReview, withinEditWindow, type SiteConfig} from '../model/site-config.js';
import {StoreError, type ModerationChange, type Viewer} from './comment-store.js';

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

/** Why a body cannot be stored, as the rules would refuse it; undefined when it can. */
export function bodyProblem(body: string): string | undefined {
  if (!body.trim()) return 'A comment cannot be empty.';
  if (body.length > LIMITS.bodyMax) return `A comment is limited to ${LIMITS.bodyMax} characters.`;
  if (countLinks(body) > LIMITS.linksMax) return `A comment may contain at most ${LIMITS.linksMax} links.`;
  return undefined;
}

/** What a store knows when a reader posts. */
export interface PostFacts {
  locked: boolean;
  site: SiteConfig;
  /** When this reader last posted in this thread (ms), if known. */
  lastPostAt?: number;
  now?: number;
}

/** Why a post is refused before it is sent: a closed thread, or the rate limit. */
export function postRefusal({locked, site, lastPostAt, now = Date.now()}: PostFacts): StoreError | undefined {
  if (locked) return new StoreError('locked', 'This thread is closed to new comments.');
  const wait = lastPostAt === undefined ? 0 : lastPostAt + site.postIntervalSeconds * 1000 - now;
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    return new StoreError('rate-limited', `Please wait ${seconds} s before posting again.`, {
      retryAfterSeconds: seconds,
    });
  }
  return undefined;
}

/** Who writes, as the rules see them: moderators never wait; `approved` matters in first-time mode. */
export interface Writer {
  moderator: boolean;
  approved: boolean;
}

/** The status a new comment gets: held for review, as the site's settings and the writer decide. */
export function statusOfNewComment(
  site: SiteConfig,
  writer: Writer,
  body: string,
  authorName: string,
): 'published' | 'pending' {
  return !writer.moderator && needsReview(site, {body, authorName, approved: writer.approved})
    ? 'pending'
    : 'published';
}

/** Why an edit is refused: not the author's, no longer editable, past the window, or a bad body. */
export function editRefusal(
  comment: Comment,
  by: Viewer,
  body: string,
  site: SiteConfig,
  now = new Date(),
): StoreError | undefined {
  if (comment.author.uid !== by.uid || (comment.status !== 'published' && comment.status !== 'pending')) {
    return new StoreError('permission-denied', 'Only its author can edit a comment.');
  }
  if (!withinEditWindow(comment.createdAt, site.editWindowMinutes, now)) {
    return new StoreError('expired', 'The time to edit this comment is over.');
  }
  const problem = bodyProblem(body);
  return problem ? new StoreError('invalid', problem) : undefined;
}

/** An edit that now needs review takes a published comment back to pending. */
export function statusAfterEdit(
  comment: Comment,
  site: SiteConfig,
  writer: Writer,
  body: string,
): 'pending' | undefined {
  return comment.status === 'published' && statusOfNewComment(site, writer, body, comment.author.name) === 'pending'
    ? 'pending'
    : undefined;
}

/** Why a delete is refused: its author's at any time, any for a moderator, never twice. */
export function removeRefusal(comment: Comment, by: Viewer, moderator: boolean): StoreError | undefined {
  if (comment.status === 'deleted' || (comment.author.uid !== by.uid && !moderator)) {
    return new StoreError('permission-denied', 'Only its author or a moderator can delete a comment.');
  }
  return undefined;
}

/** Why a moderation change (or a lock, `comment` omitted) is refused. */
export function moderationRefusal(moderator: boolean, comment?: Comment): StoreError | undefined {
  if (!moderator || comment?.status === 'deleted')
    return new StoreError('permission-denied', 'Only a moderator can do that.');
  return undefined;
}

/** Approving a comment approves its author: first-time moderation lets their next ones through. */
export function approvesAuthor(comment: Comment, change: ModerationChange): boolean {
  return change.status === 'published' && comment.status !== 'published';
}
