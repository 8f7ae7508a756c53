import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {SignInEvent} from '../events/sign-in-event.js';
import {SignOutEvent} from '../events/sign-out-event.js';
import type {Session, SessionUser} from '../auth/session.js';
import {SessionFollower} from './session-follower.js';

/**
 * Follows the widget's session for its host: fires `lar-sign-in` when the reader becomes someone
 * (or someone else, or the same person with another account), `lar-sign-out` when a reader signs
 * out, and hands the session to the element's public methods once the widget has one.
 */
export class SessionController implements ReactiveController {
  private last: SessionUser | null = null;
  private readonly follower: SessionFollower;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    session: () => Session | undefined,
  ) {
    this.follower = new SessionFollower(session, (user) => this.changed(user));
    host.addController(this);
  }

  hostConnected(): void {
    this.follower.follow();
  }

  hostUpdate(): void {
    this.follower.follow();
  }

  hostDisconnected(): void {
    this.follower.stop();
  }

  /** The session, once the widget has one. */
  ready(): Promise<Session> {
    return this.follower.ready();
  }

  private changed(user: SessionUser | null) {
    const before = this.last;
    this.last = user;
    if (user && (user.uid !== before?.uid || user.provider !== before.provider)) {
      this.host.dispatchEvent(new SignInEvent(user));
    } else if (!user && before) {
      this.host.dispatchEvent(new SignOutEvent());
    }
  }
}
