import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Session, SessionUser} from '../auth/session.js';
import {SessionFollower} from './session-follower.js';

/**
 * Keeps its host told who is reading (the session's user), so the thread can show the reader
 * their own pending comments and their Edit and Delete buttons, and a moderator their tools.
 */
export class ViewerController implements ReactiveController {
  user: SessionUser | null = null;
  private readonly follower: SessionFollower;

  constructor(
    private readonly host: ReactiveControllerHost,
    session: () => Session | undefined,
  ) {
    this.follower = new SessionFollower(
      session,
      (user) => {
        if (user?.uid === this.user?.uid && user?.provider === this.user?.provider) return;
        this.user = user;
        this.host.requestUpdate();
      },
      (followed) => (this.user = followed?.user ?? null),
    );
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
}
