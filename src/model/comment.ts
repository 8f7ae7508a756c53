/** The UI's own plain types. Store adapters turn backend documents into these. */

export type CommentStatus = 'published' | 'pending' | 'hidden' | 'deleted';

/** How the author signed in: `guest` for the details form, else a provider id. */
export type AuthorProvider =
  'guest' | 'google' | 'github' | 'twitter' | 'facebook' | 'microsoft' | 'apple' | 'email' | 'custom';

export interface Author {
  uid: string;
  name: string;
  url?: string;
  avatarUrl?: string;
  provider: AuthorProvider;
}

export interface Comment {
  id: string;
  parentId: string | null;
  /**
   * For a reply: the top-level comment it hangs under (stores that page by top-level comments load
   * a page's replies by it). Absent on top-level comments, and on replies stored before it existed.
   */
  rootId?: string;
  body: string;
  author: Author;
  createdAt: Date;
  editedAt?: Date;
  status: CommentStatus;
  pinned?: boolean;
  /** Readers who like it (a missing count reads as 0). */
  likeCount?: number;
  /** Whether the reader looking likes it (their own like; absent when unknown or signed out). */
  liked?: boolean;
  /** Written locally but not yet confirmed by the backend (offline, or in flight). */
  sending?: boolean;
}

/** `top`: most liked first, then oldest first. */
export type SortOrder = 'oldest' | 'newest' | 'top';

/** Identifies one thread: the page it belongs to. */
export interface ThreadRef {
  id: string;
  url: string;
  title: string;
}

/** What a reader submits. */
export interface NewComment {
  /**
   * The id to create it under, chosen before the first attempt (comment-id.ts): a post sent again
   * (a retry, a reload, another tab) then lands once. The store makes one when it is left out.
   */
  id?: string;
  parentId: string | null;
  /** For a reply: the top-level comment it hangs under (see Comment.rootId; `rootOf` in thread-tree.ts). */
  rootId?: string;
  body: string;
  author: Author;
  /** Guest email: stored only in the owner-only private profile, never in the comment. */
  email?: string;
}
