import {getStored, setStored, type StorageArea} from '../shell/safe-storage.js';
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

  private readonly area: StorageArea;

  constructor(storage?: Storage) {
    this.area = storage ? () => storage : () => localStorage;
    const uid = getStored(GUEST_KEY, this.area);
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
      setStored(GUEST_KEY, uid, this.area); // blocked: the identity lasts for this visit only
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
    setStored(GUEST_KEY, null, this.area);
    if (this.current) {
      this.current = null;
      this.listeners.forEach((listener) => listener(null));
    }
  }
}

const unavailable = () =>
  new SessionError('unavailable', 'Signing in with an account needs a Firebase project (api-key and project-id).');
