import type {Session, SessionUser} from '../auth/session.js';

/**
 * Follows whichever Session its owner has right now (the session can arrive or change after the
 * owner renders): `follow()` subscribes to it, moves to a new one when it changed, and `stop()`
 * lets go. The controllers built on it call these from their host's lifecycle.
 */
export class SessionFollower {
  private followed: Session | undefined;
  private unsubscribe: (() => void) | undefined;
  private waiting: Array<(session: Session) => void> = [];

  constructor(
    private readonly session: () => Session | undefined,
    private readonly onUser: (user: SessionUser | null, session: Session) => void,
    /** Called whenever the followed session changes (undefined: none yet), before its first user. */
    private readonly onSession?: (session: Session | undefined) => void,
  ) {}

  /** The session being followed, if any. */
  get current(): Session | undefined {
    return this.followed;
  }

  /** Resolves with the session as soon as there is one. */
  ready(): Promise<Session> {
    const session = this.session();
    return session ? Promise.resolve(session) : new Promise((resolve) => this.waiting.push(resolve));
  }

  follow(): void {
    const session = this.session();
    if (session === this.followed) return;
    this.stop();
    this.followed = session;
    this.onSession?.(session);
    if (!session) return;
    for (const resolve of this.waiting.splice(0)) resolve(session);
    this.unsubscribe = session.subscribe((user) => this.onUser(user, session));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.followed = undefined;
  }
}
