/**
 * What must wait for a moderator, as firestore.rules decides it (`needsReview` there). Apart from
 * site-config.ts so the settings, which the first render reads, do not carry the text folding
 * (text-safety.ts) that only posting needs.
 */
import {countLinks} from './body-text.js';
import type {SiteConfig} from './site-config.js';
import {plainText} from './text-safety.js';

export interface ReviewInput {
  body: string;
  authorName: string;
  /** The author's website, if they gave one. */
  authorUrl?: string;
  /** A moderator has approved a comment by this author before. */
  approved: boolean;
}

/**
 * Whether a new (or edited) comment must wait for a moderator. The same test as `needsReview` in
 * firestore.rules: banned words match anywhere in the body, the author's name or website, after
 * both are made plain (text-safety.ts). This side folds a little more than the rules can (NFKC),
 * so it may hold a comment the rules would have let through, never the other way round.
 */
export function needsReview(site: SiteConfig, {body, authorName, authorUrl = '', approved}: ReviewInput): boolean {
  if (site.moderation === 'all') return true;
  if (site.moderation === 'first-time' && !approved) return true;
  if (countLinks(body) > site.linkLimit) return true;
  const text = plainText(`${body}\n${authorName}\n${authorUrl}`);
  return site.bannedWords.some((word) => text.includes(plainText(word)));
}
