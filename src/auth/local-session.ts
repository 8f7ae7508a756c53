import {SessionError, type ResumedSignIn, type Session, type SessionUser, type SignInOutcome} from './session.js';

const GUEST_KEY = 'leave-a-reply:guest-uid';

/**
 * A guest identity kept in this browser only: used with backend="local" when no Firebase
 * config is given, so the demo and previews work without a project.
 */
export class LocalSession implements Session {
  /** Without a Firebase project there are no accounts to sign in with: only the guest form. */
  readonly canSignIn = false;
  private current: SessionUser | null = null;
  private readonly listeners = new Set<(user: SessionUser | null) => void>();

  constructor(private readonly storage: Storage = localStorage) {
    const uid = this.storage.getItem(GUEST_KEY);
    if (uid) this.current = {uid, provider: 'guest'};
  }

  get user(): SessionUser | null {
    return this.current;
  }

  subscribe(listener: (user: SessionUser | null) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  async guest(): Promise<SessionUser> {
    if (!this.current) {
      const uid = `local-${crypto.getRandomValues(new Uint32Array(2)).join('')}`;
      try {
        this.storage.setItem(GUEST_KEY, uid);
      } catch {
        // Storage blocked: the identity lasts for this visit only.
      }
      this.current = {uid, provider: 'guest'};
      this.listeners.forEach((listener) => listener(this.current));
    }
    return this.current;
  }

  prepare(): void {}

  resume(): Promise<ResumedSignIn> {
    return Promise.resolve({state: 'none'});
  }

  signIn(): Promise<SignInOutcome> {
    return Promise.reject(unavailable());
  }

  sendSignInLink(): Promise<void> {
    return Promise.reject(unavailable());
  }

  completeSignInLink(): Promise<SignInOutcome> {
    return Promise.reject(unavailable());
  }

  signInWithCustomToken(): Promise<SignInOutcome> {
    return Promise.reject(unavailable());
  }

  /** Forgets the guest identity kept in this browser. */
  async signOut(): Promise<void> {
    try {
      this.storage.removeItem(GUEST_KEY);
    } catch {
      // nothing kept
    }
    if (this.current) {
      this.current = null;
      this.listeners.forEach((listener) => listener(null));
    }
  }
}

const unavailable = () =>
  new SessionError('unavailable', 'Signing in with an account needs a Firebase project (api-key and project-id).');
