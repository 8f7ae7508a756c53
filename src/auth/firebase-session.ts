/**
 * The Firebase Auth session: the only module that imports `firebase/auth`. The SDK is loaded on
 * first need (a subscriber or a guest post), so reading a thread never waits for it.
 */
import type {FirebaseApp} from 'firebase/app';
import type {Auth, User} from 'firebase/auth';
import type {AuthorProvider} from '../model/comment.js';
import type {Session, SessionUser} from './session.js';

type AuthSdk = typeof import('firebase/auth');

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

export function sessionUserFrom(user: User): SessionUser {
  // A custom-token account has no provider data.
  const provider = user.isAnonymous ? 'guest' : (PROVIDER_IDS[user.providerData[0]?.providerId ?? ''] ?? 'custom');
  return {
    uid: user.uid,
    provider,
    ...(user.displayName ? {name: user.displayName} : {}),
    ...(user.photoURL ? {avatarUrl: user.photoURL} : {}),
  };
}

const sameUser = (a: SessionUser | null, b: SessionUser | null) => JSON.stringify(a) === JSON.stringify(b);

export class FirebaseSession implements Session {
  private current: SessionUser | null = null;
  private readonly listeners = new Set<(user: SessionUser | null) => void>();
  private started?: Promise<{auth: Auth; sdk: AuthSdk}>;

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
    // A failed load shows up where it matters: in guest() or a sign-in.
    this.start().catch(() => {});
    return () => this.listeners.delete(listener);
  }

  async guest(): Promise<SessionUser> {
    const {auth, sdk} = await this.start();
    await auth.authStateReady(); // a returning reader's account is restored, not replaced
    const user = auth.currentUser ?? (await sdk.signInAnonymously(auth)).user;
    this.update(user);
    return sessionUserFrom(user);
  }

  private start(): Promise<{auth: Auth; sdk: AuthSdk}> {
    this.started ??= import('firebase/auth').then((sdk) => {
      // initializeAuth rather than getAuth: the reader stays signed in through localStorage, and
      // the IndexedDB persistence and pop-up code getAuth pulls in stay out of this chunk.
      // Called again for the same app with the same options, it returns the same instance.
      const auth = sdk.initializeAuth(this.app, {persistence: sdk.browserLocalPersistence});
      if (this.options.emulator) {
        const url = /^https?:\/\//.test(this.options.emulator) ? this.options.emulator : `http://${this.options.emulator}`;
        sdk.connectAuthEmulator(auth, url, {disableWarnings: true});
      }
      sdk.onAuthStateChanged(auth, (user) => this.update(user));
      return {auth, sdk};
    });
    return this.started;
  }

  private update(user: User | null): void {
    const next = user ? sessionUserFrom(user) : null;
    if (sameUser(next, this.current)) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }
}
