/**
 * Size limits shared by the form and by firestore.rules.
 * test/model/limits.test.ts fails when the rules disagree with these numbers.
 */
export const LIMITS = {
  /** Characters in a comment body. */
  bodyMax: 5000,
  /** Characters in a display name. */
  nameMax: 80,
  /** Characters in an email address (RFC 5321). */
  emailMax: 254,
  /** Characters in a website or avatar URL. */
  urlMax: 300,
  /** Characters in a page URL or title stored on the thread. */
  pageUrlMax: 2000,
  pageTitleMax: 300,
  /** Links allowed in one comment before the form refuses it. */
  linksMax: 5,
  /** Seconds between two edits by one account (each edit costs every open view a read). */
  editIntervalSeconds: 5,
  /** Comments one reader may like in one thread (the ids in their likes document). */
  likesMax: 500,
} as const;

/** Comments loaded per page ("Load more comments" loads the next page). */
export const PAGE_SIZE = 20;
