import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Session, SessionUser} from '../auth/session.js';

/**
 * Keeps its host told who is reading (the session's user), so the thread can show the reader
 * their own pending comments and their Edit and Delete buttons, and a moderator their tools.
 */
export class ViewerController implements ReactiveController {
  user: SessionUser | null = null;
  private followed: Session | undefined;
  private stop: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
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
    this.followed = undefined;
  }

  private follow() {
    const session = this.session();
    if (session === this.followed) return;
    this.stop?.();
    this.stop = undefined;
    this.followed = session;
    this.user = session?.user ?? null;
    this.stop = session?.subscribe((user) => {
      if (user?.uid === this.user?.uid && user?.provider === this.user?.provider) return;
      this.user = user;
      this.host.requestUpdate();
    });
  }
}
