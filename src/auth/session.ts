import {createContext} from '@lit/context';
import type {AuthorProvider} from '../model/comment.js';

export interface SessionUser {
  uid: string;
  /** Display name, when the account has one (guests give theirs in the form). */
  name?: string;
  avatarUrl?: string;
  provider: AuthorProvider;
}

/**
 * Who is commenting. The UI talks only to this; the Firebase session and the local
 * (this-browser) session implement it.
 */
export interface Session {
  /** The signed-in account, or null for a reader who has not identified yet. */
  readonly user: SessionUser | null;
  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: (user: SessionUser | null) => void): () => void;
  /** A uid for a guest comment: the current user's, or a new guest identity. */
  guest(): Promise<SessionUser>;
}

export const sessionContext = createContext<Session | undefined>(Symbol.for('leave-a-reply/session'));
