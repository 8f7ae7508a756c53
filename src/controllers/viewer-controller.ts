import type {ReactiveControllerHost} from 'lit';
import type {Session, SessionUser} from '../auth/session.js';
import {SessionFollower} from './session-follower.js';

/**
 * Keeps its host told who is reading (the session's user), so the thread can show the reader
 * their own pending comments and their Edit and Delete buttons, and a moderator their tools.
 */
export class ViewerController {
  user: SessionUser | null = null;
  /** Follows the session for as long as the host is connected. */
  readonly follower: SessionFollower;

  constructor(
    private readonly host: ReactiveControllerHost,
    session: () => Session | undefined,
  ) {
    this.follower = new SessionFollower(
      host,
      session,
      (user) => {
        if (user?.uid === this.user?.uid && user?.provider === this.user?.provider) return;
        this.user = user;
        this.host.requestUpdate();
      },
      (followed) => (this.user = followed?.user ?? null),
    );
  }
}
