/**
 * The site owner's moderation settings: the `config/site` document in Firestore (written from the
 * Firebase console), read by the stores and by firestore.rules alike. The stores decide a new
 * comment's status with `needsReview` (review.ts); the rules refuse a published comment for which
 * it is true, so both must agree (test/model/limits.test.ts checks the defaults; test/rules/ the behaviour).
 */

export type ModerationMode = 'open' | 'first-time' | 'all';

export interface SiteConfig {
  /**
   * `open`: comments are published at once unless their content needs review; `first-time`: also
   * held until a moderator has approved one comment of the author; `all`: every comment is held.
   */
  moderation: ModerationMode;
  /** A comment with more links than this is held for review (up to LIMITS.linksMax is accepted at all). */
  linkLimit: number;
  /**
   * Words or phrases that hold a comment for review when its body, author name or website contains
   * one: in any case, across soft hyphens and zero-width characters, and with look-alike letters
   * read as Latin ones (text-safety.ts, plainText).
   */
  bannedWords: string[];
  /** Minutes after posting during which authors may edit a comment. */
  editWindowMinutes: number;
  /** Seconds a reader must wait between two comments anywhere on the site (the per-account rate limit). */
  postIntervalSeconds: number;
  /** Guests' pictures from Gravatar (a hash of their email; see README, Privacy). Default true. */
  gravatar: boolean;
}

/** Used for every field config/site leaves out; firestore.rules has the same numbers. */
export const SITE_DEFAULTS: Readonly<SiteConfig> = Object.freeze({
  moderation: 'open',
  linkLimit: 2,
  bannedWords: [],
  editWindowMinutes: 15,
  postIntervalSeconds: 10,
  gravatar: true,
});

const MODES: readonly ModerationMode[] = ['open', 'first-time', 'all'];

const wholeNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The settings from config/site's data (or none), with defaults for what is missing or malformed. */
export function siteConfigFrom(data: Record<string, unknown> | undefined): SiteConfig {
  const d = data ?? {};
  return {
    moderation: MODES.find((m) => m === d.moderation) ?? SITE_DEFAULTS.moderation,
    linkLimit: wholeNumber(d.linkLimit) ? d.linkLimit : SITE_DEFAULTS.linkLimit,
    bannedWords: Array.isArray(d.bannedWords) ? d.bannedWords.filter((w): w is string => typeof w === 'string') : [],
    editWindowMinutes: wholeNumber(d.editWindowMinutes) ? d.editWindowMinutes : SITE_DEFAULTS.editWindowMinutes,
    postIntervalSeconds: wholeNumber(d.postIntervalSeconds) ? d.postIntervalSeconds : SITE_DEFAULTS.postIntervalSeconds,
    gravatar: typeof d.gravatar === 'boolean' ? d.gravatar : SITE_DEFAULTS.gravatar,
  };
}

/** Whether `createdAt` is still inside the edit window at `now`. */
export function withinEditWindow(createdAt: Date, editWindowMinutes: number, now = new Date()): boolean {
  return now.getTime() < createdAt.getTime() + editWindowMinutes * 60_000;
}
