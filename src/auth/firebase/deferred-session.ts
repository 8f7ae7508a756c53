/**
 * A Session that loads the real one (firebase-session.ts) when it is first needed, so it is not
 * on the way to the thread's first render: at once for a reader Auth may already know (signed in
 * before, back from a redirect, opening an email link), otherwise when the reader starts to write
 * or sign in. Until then nobody is signed in, which is what the real session says before Auth
 * has loaded too.
 */
import type {FirebaseApp} from 'firebase/app';
import type {FirebaseSessionOptions} from './firebase-session.js';
import type {OAuthProviderName, ResumedSignIn, Session, SessionUser, SignInOutcome} from '../session.js';
import {hasEarlierSignIn, type AppIdentity} from './sign-in-hints.js';

type Listener = (user: SessionUser | null) => void;

export class DeferredSession implements Session {
  readonly canSignIn = true;
  private real?: Session;
  private loading?: Promise<Session>;
  /** Listeners from before the real session loaded, with their subscription to it once it has. */
  private readonly waiting = new Set<{listener: Listener; unsubscribe?: () => void}>();

  /** `known`: whether Auth may already know this reader (sign-in-hints.ts). */
  constructor(
    private readonly load: () => Promise<Session>,
    private readonly known: () => boolean,
  ) {}

  get user(): SessionUser | null {
    return this.real?.user ?? null;
  }

  subscribe(listener: Listener): () => void {
    if (this.real) return this.real.subscribe(listener);
    const entry: {listener: Listener; unsubscribe?: () => void} = {listener};
    this.waiting.add(entry);
    listener(null);
    if (this.known()) this.prepare();
    return () => {
      this.waiting.delete(entry);
      entry.unsubscribe?.();
    };
  }

  prepare(): void {
    // A failed load shows up where it matters: in guest() or a sign-in.
    this.session().then(
      (real) => real.prepare(),
      () => {},
    );
  }

  guest(): Promise<SessionUser> {
    return this.session().then((real) => real.guest());
  }

  signIn(provider: OAuthProviderName): Promise<SignInOutcome> {
    return this.session().then((real) => real.signIn(provider));
  }

  sendSignInLink(email: string): Promise<void> {
    return this.session().then((real) => real.sendSignInLink(email));
  }

  completeSignInLink(email: string): Promise<SignInOutcome> {
    return this.session().then((real) => real.completeSignInLink(email));
  }

  /** Nothing to finish unless a sign-in began before this page: then the real session does it. */
  resume(): Promise<ResumedSignIn> {
    if (!this.real && !this.known()) return Promise.resolve({state: 'none'});
    return this.session().then((real) => real.resume());
  }

  signInWithCustomToken(token: string): Promise<SignInOutcome> {
    return this.session().then((real) => real.signInWithCustomToken(token));
  }

  /** Nobody can be signed in before Auth was needed, unless Auth may know the reader. */
  signOut(): Promise<void> {
    if (!this.loading && !this.known()) return Promise.resolve();
    return this.session().then((real) => real.signOut());
  }

  private session(): Promise<Session> {
    if (!this.loading) {
      this.loading = this.load().then((real) => {
        this.real = real;
        for (const entry of this.waiting) entry.unsubscribe = real.subscribe(entry.listener);
        return real;
      });
      this.loading.catch(() => (this.loading = undefined)); // try again at the next need
    }
    return this.loading;
  }
}

/**
 * The Firebase session, loaded when first needed, with its app (`app`: the SDK loads then too).
 * `identity` is the app's name and key, for the hints read before anything loads.
 */
export function deferredFirebaseSession(
  app: () => Promise<FirebaseApp>,
  identity: AppIdentity,
  options: FirebaseSessionOptions,
): Session {
  return new DeferredSession(
    () =>
      Promise.all([app(), import('./firebase-session.js')]).then(
        ([firebaseApp, {FirebaseSession}]) => new FirebaseSession(firebaseApp, options),
      ),
    () => hasEarlierSignIn(identity),
  );
}
