/**
 * What every store decides as firestore.rules would: who sees which comment beyond the published
 * pages, and whether a write is allowed. Pure functions: a refusal is a StoreError returned (never
 * thrown), nothing when the write may go ahead. The memory, local and Firestore stores all ask
 * here, so they cannot drift apart (test/store/policy.test.ts, and the contract suite for each store).
 */
import {isKnownAvatar} from '../model/avatars.js';
import type {Author, Comment} from '../model/comment.js';
import {LIMITS} from '../model/limits.js';
import {countLinks} from '../model/body-text.js';
import {hasBidiControls, hasVisibleText} from '../model/text-safety.js';
import {needsReview} from '../model/review.js';
import {withinEditWindow, type SiteConfig} from '../model/site-config.js';
import {StoreError, type ModerationChange, type Viewer} from './comment-store.js';

export {published, visibleBeyondPages} from './visibility.js';

/** Why a body cannot be stored, as the rules would refuse it; undefined when it can. */
export function bodyProblem(body: string): string | undefined {
  if (!hasVisibleText(body)) return 'A comment cannot be empty.';
  if (hasBidiControls(body)) return 'A comment cannot contain characters that reorder its text.';
  if (body.length > LIMITS.bodyMax) return `A comment is limited to ${LIMITS.bodyMax} characters.`;
  if (countLinks(body) > LIMITS.linksMax) return `A comment may contain at most ${LIMITS.linksMax} links.`;
  return undefined;
}

/**
 * The author as a store writes it: without a picture readers may not load (a guest's Gravatar
 * when the site turned it off, any URL off the providers' image hosts; model/avatars.ts).
 */
export function storedAuthor(author: Author, site: SiteConfig): Author {
  if (!author.avatarUrl || isKnownAvatar(author.avatarUrl, author.provider, site.gravatar)) return {...author};
  const {avatarUrl: _dropped, ...rest} = author;
  return rest;
}

/** Why an author cannot be stored, as the rules would refuse it: a name that hides or turns its text. */
export function authorRefusal(author: Author): StoreError | undefined {
  const texts = [author.name, author.url ?? ''];
  if (!hasVisibleText(author.name) || author.name.length > LIMITS.nameMax || texts.some(hasBidiControls)) {
    return new StoreError('invalid', 'That name cannot be used.');
  }
  return undefined;
}

/**
 * Why a reply is refused: it answers a comment readers cannot see (pending, hidden, deleted) or
 * one that is not there. `parent` is undefined when the store does not know it.
 */
export function replyRefusal(parentId: string | null, parent: Comment | undefined): StoreError | undefined {
  if (parentId !== null && parent?.status !== 'published') {
    return new StoreError('gone', 'That comment can no longer be answered.');
  }
  return undefined;
}

/** What a store knows when a reader posts. */
export interface PostFacts {
  locked: boolean;
  site: SiteConfig;
  /** When this reader last posted anywhere on the site (ms), if known: the limit is per account, site-wide. */
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
  author: Pick<Author, 'name' | 'url'>,
): 'published' | 'pending' {
  return !writer.moderator &&
    needsReview(site, {body, authorName: author.name, authorUrl: author.url, approved: writer.approved})
    ? 'pending'
    : 'published';
}

/**
 * Why an edit is refused: not the author's, no longer editable, past the window, too soon after
 * this author's previous edit (`lastEditAt`, ms), or a bad body.
 */
export function editRefusal(
  comment: Comment,
  by: Viewer,
  body: string,
  site: SiteConfig,
  lastEditAt?: number,
  now = new Date(),
): StoreError | undefined {
  if (comment.author.uid !== by.uid || (comment.status !== 'published' && comment.status !== 'pending')) {
    return new StoreError('permission-denied', 'Only its author can edit a comment.');
  }
  if (!withinEditWindow(comment.createdAt, site.editWindowMinutes, now)) {
    return new StoreError('expired', 'The time to edit this comment is over.');
  }
  const wait = lastEditAt === undefined ? 0 : lastEditAt + LIMITS.editIntervalSeconds * 1000 - now.getTime();
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    return new StoreError('rate-limited', `Please wait ${seconds} s before editing again.`, {
      retryAfterSeconds: seconds,
    });
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
  return comment.status === 'published' && statusOfNewComment(site, writer, body, comment.author) === 'pending'
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
