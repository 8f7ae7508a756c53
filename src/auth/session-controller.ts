import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {SignInEvent} from '../events/sign-in-event.js';
import {SignOutEvent} from '../events/sign-out-event.js';
import type {Session, SessionUser} from './session.js';

/**
 * Follows the widget's session for its host: fires `lar-sign-in` when the reader becomes someone
 * (or someone else, or the same person with another account), `lar-sign-out` when a reader signs
 * out, and hands the session to the element's public methods once the widget has one.
 */
export class SessionController implements ReactiveController {
  private followed: Session | undefined;
  private stop: (() => void) | undefined;
  private last: SessionUser | null = null;
  private waiting: Array<(session: Session) => void> = [];

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly session: () => Session | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
    // The reader stays known: moving the element does not sign anyone in again.
    this.followed = undefined;
  }

  /** The session, once the widget has one. */
  ready(): Promise<Session> {
    const session = this.session();
    return session ? Promise.resolve(session) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private follow() {
    const session = this.session();
    if (session === this.followed) return;
    this.stop?.();
    this.followed = session;
    if (!session) return;
    for (const resolve of this.waiting.splice(0)) resolve(session);
    this.stop = session.subscribe((user) => {
      const before = this.last;
      this.last = user;
      if (user && (user.uid !== before?.uid || user.provider !== before.provider)) {
        this.host.dispatchEvent(new SignInEvent(user));
      } else if (!user && before) {
        this.host.dispatchEvent(new SignOutEvent());
      }
    });
  }
}
