/**
 * The Firebase Auth session. Only its modules (src/auth/firebase/) import `firebase/auth`, and
 * this one imports just types: the SDK loads on first need, in two steps, so reading a thread never
 * waits for it. firebase-auth-core.ts when the reader starts to write or a signed-in reader comes
 * back; firebase-auth-providers.ts when they sign in with an account or email link, or come back
 * from one (a redirect, an email link) to finish it.
 */
import type {FirebaseApp, FirebaseError} from 'firebase/app';
import type {Auth, User, UserCredential} from 'firebase/auth';
import type {AuthorProvider} from '../../model/comment.js';
import {withoutEmailSignIn} from '../../model/page-identity.js';
import {
  SessionError,
  type OAuthProviderName,
  type ResumedSignIn,
  type Session,
  type SessionErrorCode,
  type SessionUser,
  type SignInKind,
  type SignInOutcome,
} from '../session.js';
import {getStored, setStored, tabArea} from '../../shell/safe-storage.js';
import {hasEarlierSignIn, hasPersistedUser, looksLikeEmailLink, redirectKey} from './sign-in-hints.js';

type AuthCore = typeof import('./firebase-auth-core.js');
type AuthProviders = typeof import('./firebase-auth-providers.js');

export interface FirebaseSessionOptions {
  /** The Auth emulator, e.g. "http://127.0.0.1:9099" (the scheme may be left out). */
  emulator?: string;
}

const PROVIDER_IDS: Record<string, AuthorProvider> = {
  'google.com': 'google',
  'github.com': 'github',
  'twitter.com': 'twitter',
  'facebook.com': 'facebook',
  'microsoft.com': 'microsoft',
  'apple.com': 'apple',
  password: 'email',
  emailLink: 'email',
};

/** The ID token's `firebase.sign_in_provider`: what firestore.rules compare `author.provider` with. */
const SIGN_IN_PROVIDERS: Record<string, AuthorProvider> = {...PROVIDER_IDS, anonymous: 'guest', custom: 'custom'};

/**
 * The reader as the UI sees them. `signInProvider` (from the ID token) says how they signed in
 * this time, which matters once a guest has linked an account or an account has several.
 */
export function sessionUserFrom(user: User, signInProvider?: string | null): SessionUser {
  // A custom-token account has no provider data.
  const provider =
    (signInProvider && SIGN_IN_PROVIDERS[signInProvider]) ||
    (user.isAnonymous ? 'guest' : (PROVIDER_IDS[user.providerData[0]?.providerId ?? ''] ?? 'custom'));
  const info = user.providerData.find((p) => p.providerId === signInProvider) ?? user.providerData[0];
  const name = user.displayName || info?.displayName;
  const avatarUrl = user.photoURL || info?.photoURL;
  return {
    uid: user.uid,
    provider,
    ...(name ? {name} : {}),
    ...(avatarUrl ? {avatarUrl} : {}),
    ...(user.emailVerified && user.email ? {email: user.email} : {}),
  };
}

const sameUser = (a: SessionUser | null, b: SessionUser | null) => JSON.stringify(a) === JSON.stringify(b);

/** Firebase's error codes, in the words the form explains. Anything else is `failed`. */
const ERROR_CODES: Record<string, SessionErrorCode> = {
  'auth/popup-closed-by-user': 'cancelled',
  'auth/cancelled-popup-request': 'cancelled',
  'auth/user-cancelled': 'cancelled',
  'auth/redirect-cancelled-by-user': 'cancelled',
  'auth/operation-not-allowed': 'not-enabled',
  'auth/admin-restricted-operation': 'not-enabled',
  'auth/account-exists-with-different-credential': 'account-exists',
  'auth/credential-already-in-use': 'account-exists',
  'auth/email-already-in-use': 'account-exists',
  'auth/invalid-action-code': 'invalid-link',
  'auth/expired-action-code': 'invalid-link',
  'auth/invalid-email': 'invalid-email',
  'auth/missing-email': 'invalid-email',
  'auth/network-request-failed': 'network',
  'auth/timeout': 'network',
};

const codeOf = (error: unknown) => (error as {code?: unknown})?.code?.toString() ?? '';

function sessionError(error: unknown): SessionError {
  if (error instanceof SessionError) return error;
  const authCode = codeOf(error);
  // "Firebase: Error (auth/internal-error)." says little; the code alone says as much.
  const raw = error instanceof Error ? error.message : String(error);
  const message =
    raw
      .replace(/^Firebase:\s*/, '')
      .replace(/\s*\(auth\/[\w-]+\)\.?$/, '')
      .trim() || authCode;
  return new SessionError(ERROR_CODES[authCode] ?? 'failed', message || 'unknown error', authCode ? {authCode} : {});
}

/** The page's URL without an email link's parameters: where a new link should bring the reader back. */
export function withoutEmailLink(href: string): string {
  return withoutEmailSignIn(new URL(href)).href;
}

interface PendingRedirect {
  provider: OAuthProviderName;
  /** The reader was a guest: the redirect links the account to the guest's identity. */
  link: boolean;
}

interface PendingEmailLink {
  email: string;
  /** Sign in to the address's existing account rather than link it to the guest. */
  signIn?: boolean;
}

function parse<T>(raw: string | null): T | null {
  try {
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export class FirebaseSession implements Session {
  readonly canSignIn = true;
  private current: SessionUser | null = null;
  private readonly listeners = new Set<(user: SessionUser | null) => void>();
  private started?: Promise<{auth: Auth; core: AuthCore}>;
  private providersLoaded?: Promise<AuthProviders>;
  private resumed?: Promise<ResumedSignIn>;
  private updates = 0;

  constructor(
    private readonly app: FirebaseApp,
    private readonly options: FirebaseSessionOptions = {},
  ) {}

  /** Null until Auth has loaded and found a signed-in account. */
  get user(): SessionUser | null {
    return this.current;
  }

  subscribe(listener: (user: SessionUser | null) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    // A returning reader (or one coming back from a sign-in) is shown as signed in at once; for
    // anyone else Auth waits for prepare(), i.e. for the reader to start writing.
    if (hasEarlierSignIn(this.app)) this.prepare();
    return () => this.listeners.delete(listener);
  }

  prepare(): void {
    // A failed load shows up where it matters: in guest() or a sign-in.
    this.start().catch(() => {});
  }

  /**
   * The guest's account; asked again while it is being made (a second post or a like sent
   * meanwhile), the same sign-up answers, or each would make an account of its own.
   */
  guest(): Promise<SessionUser> {
    return (this.signingUp ??= this.signUp().finally(() => (this.signingUp = undefined)));
  }

  private signingUp?: Promise<SessionUser>;

  private async signUp(): Promise<SessionUser> {
    const {auth, core} = await this.start();
    await auth.authStateReady(); // a returning reader's account is restored, not replaced
    try {
      const user = auth.currentUser ?? (await core.signInAnonymously(auth)).user;
      return await this.describe(user);
    } catch (error) {
      throw sessionError(error);
    }
  }

  async signIn(name: OAuthProviderName): Promise<SignInOutcome> {
    const {auth, providers} = await this.withProviders();
    await auth.authStateReady();
    const provider = providers.oauthProvider(name);
    const guest = auth.currentUser?.isAnonymous ? auth.currentUser : null;
    try {
      return await this.settle(await providers.popUp(auth, provider, guest), guest ? 'linked' : 'signed-in', name);
    } catch (error) {
      if (codeOf(error) === 'auth/popup-blocked') {
        // The page leaves for the provider and comes back; resume() finishes there.
        this.setPendingRedirect({provider: name, link: !!guest});
        try {
          return await providers.redirect(auth, provider, guest);
        } catch (redirectError) {
          this.setPendingRedirect(null);
          throw sessionError(redirectError);
        }
      }
      return this.recover(error, name, !!guest);
    }
  }

  async sendSignInLink(email: string): Promise<void> {
    const {auth, providers} = await this.withProviders();
    try {
      await providers.sendEmailLink(auth, email, withoutEmailLink(location.href));
    } catch (error) {
      throw sessionError(error);
    }
    const before = parse<PendingEmailLink>(getStored(this.emailKey));
    this.setPendingEmail({email, ...(before?.email === email && before.signIn ? {signIn: true} : {})});
  }

  async completeSignInLink(email: string): Promise<SignInOutcome> {
    const {auth, providers} = await this.withProviders();
    await auth.authStateReady();
    if (!providers.isSignInWithEmailLink(auth, location.href)) {
      throw new SessionError('invalid-link', 'This page was not opened from a sign-in link.');
    }
    const pending = parse<PendingEmailLink>(getStored(this.emailKey));
    return this.finishEmailLink(auth, providers, email, pending?.email === email && !!pending.signIn);
  }

  resume(): Promise<ResumedSignIn> {
    return (this.resumed ??= this.finishEarlierSignIn());
  }

  async signInWithCustomToken(token: string): Promise<SignInOutcome> {
    const {auth, providers} = await this.withProviders();
    try {
      return await this.settle(await providers.signInWithCustomToken(auth, token), 'signed-in', 'custom');
    } catch (error) {
      throw sessionError(error);
    }
  }

  async signOut(): Promise<void> {
    this.setPendingRedirect(null);
    if (!this.started && !hasPersistedUser(this.app)) {
      this.publish(null);
      return;
    }
    const {auth, core} = await this.start();
    await core.signOut(auth);
    this.updates++;
    this.publish(null);
  }

  /** Auth for reading the reader's state, guests and signing out. */
  private start(): Promise<{auth: Auth; core: AuthCore}> {
    this.started ??= import('./firebase-auth-core.js').then((core) => {
      const auth = core.startAuth(this.app, {
        emulator: this.options.emulator,
        onUser: (user) => void this.update(user),
      });
      return {auth, core};
    });
    return this.started;
  }

  /** Auth and the sign-ins with an account, loaded side by side. */
  private async withProviders(): Promise<{auth: Auth; providers: AuthProviders}> {
    this.providersLoaded ??= import('./firebase-auth-providers.js');
    const [{auth}, providers] = await Promise.all([this.start(), this.providersLoaded]);
    return {auth, providers};
  }

  /** Redirect results and email links: sign-ins that began before this page loaded. */
  private async finishEarlierSignIn(): Promise<ResumedSignIn> {
    const redirect = this.pendingRedirect();
    const emailLink = looksLikeEmailLink(location.href);
    if (!redirect && !emailLink) return {state: 'none'};
    try {
      const {auth, providers} = await this.withProviders();
      await auth.authStateReady();
      if (redirect) {
        this.setPendingRedirect(null);
        try {
          const result = await providers.redirectResult(auth);
          if (result)
            return {
              state: 'done',
              outcome: await this.settle(result, redirect.link ? 'linked' : 'signed-in', redirect.provider),
            };
        } catch (error) {
          return {state: 'done', outcome: await this.recover(error, redirect.provider, redirect.link)};
        }
      }
      if (emailLink && providers.isSignInWithEmailLink(auth, location.href)) {
        const pending = parse<PendingEmailLink>(getStored(this.emailKey));
        // Opened in another browser: only the reader can say which address the link was for.
        if (!pending) return {state: 'needs-email'};
        return {state: 'done', outcome: await this.finishEmailLink(auth, providers, pending.email, !!pending.signIn)};
      }
      return {state: 'none'};
    } catch (error) {
      return {state: 'failed', error: sessionError(error)};
    }
  }

  private async finishEmailLink(
    auth: Auth,
    providers: AuthProviders,
    email: string,
    signIn: boolean,
  ): Promise<SignInOutcome> {
    const link = location.href;
    const guest = !signIn && auth.currentUser?.isAnonymous ? auth.currentUser : null;
    try {
      const result = await providers.redeemEmailLink(auth, email, link, guest);
      this.setPendingEmail(null);
      return await this.settle(result, guest ? 'linked' : 'signed-in', 'email');
    } catch (error) {
      const code = codeOf(error);
      if (guest && (code === 'auth/email-already-in-use' || code === 'auth/credential-already-in-use')) {
        // The address has an account here already, and the link was spent finding that out.
        // A new one signs in to that account; the guest's comments stay the guest's.
        try {
          await providers.sendEmailLink(auth, email, withoutEmailLink(link));
        } catch (sendError) {
          throw sessionError(sendError);
        }
        this.setPendingEmail({email, signIn: true});
        throw new SessionError('link-resent', 'That address already has an account here; a new link was sent.', {
          authCode: code,
          email,
        });
      }
      throw sessionError(error);
    } finally {
      // A spent link must not be tried again on reload, nor be shared by copying the address.
      if (looksLikeEmailLink(location.href)) history.replaceState(history.state, '', withoutEmailLink(location.href));
    }
  }

  /** After a refused link: sign in to the account the provider vouched for, or explain. */
  private async recover(error: unknown, name: OAuthProviderName, wasGuest: boolean): Promise<SignInOutcome> {
    const code = codeOf(error);
    if (wasGuest && (code === 'auth/credential-already-in-use' || code === 'auth/email-already-in-use')) {
      const {auth, providers} = await this.withProviders();
      const credential = providers.credentialFromError(name, error as FirebaseError);
      if (credential) {
        try {
          return await this.settle(await providers.signInWithCredential(auth, credential), 'switched', name);
        } catch (signInError) {
          throw sessionError(signInError);
        }
      }
    }
    throw sessionError(error);
  }

  private async settle(
    result: UserCredential,
    kind: SignInKind,
    method: SignInOutcome['method'],
  ): Promise<SignInOutcome> {
    return {kind, method, user: await this.describe(result.user)};
  }

  /** The reader as the UI sees them, published to subscribers. */
  private async describe(user: User): Promise<SessionUser> {
    const seen = ++this.updates;
    const token = await user.getIdTokenResult().catch(() => null);
    const described = sessionUserFrom(user, token?.signInProvider);
    if (seen === this.updates) this.publish(described);
    return described;
  }

  private async update(user: User | null): Promise<void> {
    if (user) await this.describe(user);
    else {
      this.updates++;
      this.publish(null);
    }
  }

  private publish(next: SessionUser | null): void {
    if (sameUser(next, this.current)) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }

  private get emailKey(): string {
    return `leave-a-reply:email-link:${this.app.name}`;
  }

  private setPendingEmail(pending: PendingEmailLink | null): void {
    setStored(this.emailKey, pending && JSON.stringify(pending));
  }

  private pendingRedirect(): PendingRedirect | null {
    return parse<PendingRedirect>(getStored(redirectKey(this.app), tabArea));
  }

  private setPendingRedirect(pending: PendingRedirect | null): void {
    setStored(redirectKey(this.app), pending && JSON.stringify(pending), tabArea);
  }
}
