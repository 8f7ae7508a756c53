import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ThreadRef} from '../model/comment.js';
import {SITE_DEFAULTS} from '../model/site-config.js';
import type {CommentStore, ThreadState, ThreadWatch, Viewer, WatchOptions} from '../store/comment-store.js';

const EMPTY: ThreadState = {
  comments: [],
  count: 0,
  hasMore: false,
  loading: true,
  offline: false,
  locked: false,
  moderator: false,
  editWindowMinutes: SITE_DEFAULTS.editWindowMinutes,
};

/**
 * Keeps a host subscribed to one thread while it is connected. Changing the store, thread or
 * options closes the old subscription before the new one starts, so no stale comments show. It
 * tells the subscription whether the thread is near the screen, so a polling store pauses while
 * the reader is elsewhere on the page.
 */
export class ThreadController implements ReactiveController {
  state: ThreadState = EMPTY;
  private watch: ThreadWatch | undefined;
  private target: {store: CommentStore; thread: ThreadRef; options: WatchOptions} | undefined;
  private viewer: Viewer | null = null;
  private also: readonly string[] = [];
  private onScreen = true;
  private observer?: IntersectionObserver;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange?: (state: ThreadState, previous: ThreadState) => void,
  ) {
    host.addController(this);
  }

  /** Points the controller at a thread; a no-op when nothing changed. */
  follow(store: CommentStore | undefined, thread: ThreadRef | undefined, options: WatchOptions): void {
    const t = this.target;
    if (
      t?.store === store &&
      t?.thread.id === thread?.id &&
      t?.options.sort === options.sort &&
      t?.options.pageSize === options.pageSize
    ) {
      return;
    }
    this.stop();
    this.target = store && thread ? {store, thread, options} : undefined;
    this.state = EMPTY;
    this.start();
    this.host.requestUpdate();
  }

  loadMore(): void {
    this.watch?.loadMore();
  }

  /** Comments to show beyond the loaded pages (ThreadWatch.showAlso), in this and later views. */
  showAlso(ids: readonly string[]): void {
    this.also = ids;
    if (ids.length) void this.watch?.showAlso?.(ids);
  }

  /** One more comment to show wherever its page is; settles once it has been looked for. */
  async showOneMore(id: string): Promise<void> {
    if (!this.also.includes(id)) this.also = [...this.also, id];
    await this.watch?.showAlso?.([id]);
  }

  /** Who is reading: the live view follows them without starting over (no flash of "loading"). */
  setViewer(viewer: Viewer | null): void {
    if (viewer?.uid === this.viewer?.uid && viewer?.provider === this.viewer?.provider) return;
    this.viewer = viewer ? {uid: viewer.uid, provider: viewer.provider} : null;
    this.watch?.setViewer(this.viewer);
  }

  hostConnected(): void {
    this.start();
    if (this.host instanceof Element && typeof IntersectionObserver === 'function') {
      // The same margin as the lazy boot's: near the screen counts as on it.
      this.observer = new IntersectionObserver(
        ([entry]) => {
          this.onScreen = entry.isIntersecting;
          this.watch?.setOnScreen?.(this.onScreen);
        },
        {rootMargin: '600px 0px'},
      );
      this.observer.observe(this.host);
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.stop();
  }

  private start() {
    if (this.watch || !this.target) return;
    const {store, thread, options} = this.target;
    const watch = store.watchThread(thread, {...options, viewer: this.viewer}, (state) => {
      if (this.watch !== watch) return; // a late callback from a closed subscription
      const previous = this.state;
      this.state = state;
      this.onChange?.(state, previous);
      this.host.requestUpdate();
    });
    this.watch = watch;
    if (!this.onScreen) watch.setOnScreen?.(false);
    if (this.also.length) void watch.showAlso?.(this.also);
  }

  private stop() {
    this.watch?.close();
    this.watch = undefined;
  }
}
