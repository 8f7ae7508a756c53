import type {ReactiveControllerHost} from 'lit';
import {SignInEvent} from '../events/sign-in-event.js';
import {SignOutEvent} from '../events/sign-out-event.js';
import type {Session, SessionUser} from '../auth/session.js';
import {SessionFollower} from './session-follower.js';

/**
 * Follows the widget's session for its host: fires `lar-sign-in` when the reader becomes someone
 * (or someone else, or the same person with another account), `lar-sign-out` when a reader signs
 * out, and hands the session to the element's public methods once the widget has one.
 */
export class SessionController {
  private last: SessionUser | null = null;
  private readonly follower: SessionFollower;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    session: () => Session | undefined,
  ) {
    this.follower = new SessionFollower(host, session, (user) => this.changed(user));
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
