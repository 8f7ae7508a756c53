import {createContext} from '@lit/context';
import type {AuthorProvider} from '../model/comment.js';

export interface SessionUser {
  uid: string;
  /** Display name, when the account has one (guests give theirs in the form). */
  name?: string;
  avatarUrl?: string;
  provider: AuthorProvider;
  /**
   * The account's address, only when its provider verified it: where e-mails about new comments
   * go. Never posted, shown, or given to the page (`lar-sign-in` leaves it out).
   */
  email?: string;
}

/** The accounts a reader can sign in with through a pop-up (or a redirect). */
export type OAuthProviderName = 'google' | 'github' | 'twitter' | 'facebook' | 'microsoft' | 'apple';

export const OAUTH_PROVIDERS: readonly OAuthProviderName[] = [
  'google',
  'github',
  'twitter',
  'facebook',
  'microsoft',
  'apple',
];

/**
 * How a sign-in ended:
 * - `signed-in`: the reader is now signed in with the account;
 * - `linked`: the reader was a guest, and the account was added to the guest's identity, so the
 *   comments they wrote as a guest are theirs under the account too (same uid);
 * - `switched`: the reader was a guest, but the account already belonged to someone here, so the
 *   reader is now signed in with that account and the guest comments stay under the guest identity.
 *
 * (When the pop-up is blocked the page leaves for the provider instead, and the sign-in ends after
 * the reader comes back: see `resume()`.)
 */
export type SignInKind = 'signed-in' | 'linked' | 'switched';

export interface SignInOutcome {
  kind: SignInKind;
  /** The account now signed in. */
  user: SessionUser;
  /** How the reader signed in. */
  method: OAuthProviderName | 'email' | 'custom';
}

/** A sign-in that started before this page load (a redirect, an email link) and what became of it. */
export type ResumedSignIn =
  | {state: 'none'}
  | {state: 'done'; outcome: SignInOutcome}
  /** An email link was opened in a browser that does not know which address it was sent to. */
  | {state: 'needs-email'}
  | {state: 'failed'; error: SessionError};

/**
 * Why a sign-in did not happen, in words the form can explain:
 * - `cancelled`: the reader closed the pop-up or said no at the provider;
 * - `not-enabled`: the site owner has not turned this provider on in the Firebase console;
 * - `account-exists`: the address belongs to an account that signs in another way;
 * - `invalid-link`: an email link that expired, was used already, or was sent to another address;
 * - `invalid-email`: not an email address;
 * - `link-resent`: a guest opened an email link for an address that already has an account here;
 *   that link was spent finding out, so a new one was sent that signs in to that account;
 * - `network`: the sign-in service could not be reached;
 * - `unavailable`: this session cannot sign in with accounts (backend="local" without Firebase);
 * - `failed`: anything else (the provider's own message is in `message`).
 */
export type SessionErrorCode =
  | 'cancelled'
  | 'not-enabled'
  | 'account-exists'
  | 'invalid-link'
  | 'invalid-email'
  | 'link-resent'
  | 'network'
  | 'unavailable'
  | 'failed';

export class SessionError extends Error {
  override name = 'SessionError';
  /** The backend's own code, e.g. "auth/popup-closed-by-user". */
  readonly authCode?: string;
  /** For `link-resent`: the address the new link went to. */
  readonly email?: string;

  constructor(
    readonly code: SessionErrorCode,
    message: string,
    details: {authCode?: string; email?: string} = {},
  ) {
    super(message);
    this.authCode = details.authCode;
    this.email = details.email;
  }
}

/**
 * Who is commenting. The UI talks only to this; the Firebase session and the local
 * (this-browser) session implement it.
 */
export interface Session {
  /** The signed-in account, or null for a reader who has not identified yet. */
  readonly user: SessionUser | null;
  /** Whether readers can sign in with accounts here (false: only the guest form). */
  readonly canSignIn: boolean;
  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: (user: SessionUser | null) => void): () => void;
  /** Starts loading the sign-in code ahead of need (the reader is about to write or sign in). */
  prepare(): void;
  /** A uid for a guest comment: the current user's, or a new guest identity. */
  guest(): Promise<SessionUser>;
  /**
   * Signs in with a provider's pop-up; a guest is upgraded (see SignInKind). When the browser blocks
   * the pop-up, the page goes to the provider instead and this promise never settles.
   */
  signIn(provider: OAuthProviderName): Promise<SignInOutcome>;
  /** Emails a sign-in link that brings the reader back to this page, signed in. */
  sendSignInLink(email: string): Promise<void>;
  /** Finishes an email-link sign-in whose address this browser did not remember. */
  completeSignInLink(email: string): Promise<SignInOutcome>;
  /** Finishes a sign-in begun before this page load; the same answer for every caller. */
  resume(): Promise<ResumedSignIn>;
  /** Signs in with a Firebase custom token minted by the site's own server. */
  signInWithCustomToken(token: string): Promise<SignInOutcome>;
  signOut(): Promise<void>;
}

export const sessionContext = createContext<Session | undefined>(Symbol.for('leave-a-reply/session'));
