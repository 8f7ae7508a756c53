import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {defineInternal} from '../../../shell/define.js';
import {sessionContext, type Session} from '../../../auth/session.js';
import {loadBackend} from '../../../boot/backend.js';
import {readSettings, type SettingsProblem, type WidgetSettings} from '../../../boot/settings.js';
import {LarErrorEvent} from '../../../events/error-event.js';
import {LanguageController} from '../../../controllers/language-controller.js';
import {preloadChains} from '../../../shell/preload.js';
import type {Messages} from '../../../i18n/en.js';
import type {Comment, ThreadRef} from '../../../model/comment.js';
import {PAGE_SIZE} from '../../../model/limits.js';
import {PageIdentityError, resolveThread} from '../../../model/page-identity.js';
import {buildThreadTree} from '../../../model/thread-tree.js';
import {commentStoreContext, type CommentStore, type ThreadState, type Viewer} from '../../../store/comment-store.js';
import {renderComments, type CommentAction} from './comment-view.js';
import {ContextValue} from '../../../controllers/context-value.js';
import {sectionStyles} from './comment-section.styles.js';
import {ThemeController} from '../../../controllers/theme-controller.js';
import {ThreadController} from '../../../controllers/thread-controller.js';
import {ViewerController} from '../../../controllers/viewer-controller.js';
import type {SectionView} from '../leave-a-reply.js';

type Host = Parameters<typeof readSettings>[0];
type AfterFirstRender = typeof import('./after-first-render.js');

/** What the view has once ./after-first-render.ts has loaded (the form is then defined too). */
interface Loaded {
  reply: InstanceType<AfterFirstRender['ReplyFlow']>;
  actions: InstanceType<AfterFirstRender['CommentActions']>;
  /** Fires lar-sign-in / lar-sign-out, and serves the host's signInWithCustomToken() and signOut(). */
  sessionController: InstanceType<AfterFirstRender['SessionController']>;
}

/**
 * The view inside `<leave-a-reply>`'s shadow root: heading, thread, paging and the form. It reads
 * its settings from the host element and loads the store and session. The first render carries
 * only what showing the thread needs; the form and replying, what a comment's buttons do, the
 * JSON-LD and the sign-in events load once the thread has painted (./after-first-render.ts).
 */
export class CommentSection extends LitElement implements SectionView {
  static override styles = sectionStyles;
  // Reactive state, declared here rather than with @state(): the decorators' code would be 0.4 KB
  // more on the way to the first render.
  static override properties = {
    store: {state: true},
    session: {state: true},
    loaded: {state: true},
    settings: {state: true},
    problems: {state: true},
    thread: {state: true},
    announcement: {state: true},
    extras: {state: true},
  };

  host!: Host;

  /** A store given by an enclosing provider (`<leave-a-reply-config>`, a test harness) wins. */
  private readonly providedStore = new ContextValue(this, commentStoreContext);
  private readonly providedSession = new ContextValue(this, sessionContext);

  /** What the thread and the form use: the inherited store, or the one these settings load. */
  store: CommentStore | undefined;
  session: Session | undefined;

  private loaded: {store: CommentStore; session: Session} | undefined;

  private settings: WidgetSettings | undefined;
  private problems: SettingsProblem[] = [];
  thread: ThreadRef | undefined;
  private announcement = '';

  private readonly language = new LanguageController(this, () => this.host);
  private readonly theme = new ThemeController(this, () => this.host);
  private readonly threadController = new ThreadController(this, (state, previous) =>
    this.announceArrivals(state, previous),
  );
  /** Who reads: their pending comments and buttons, or a moderator's. */
  private readonly viewer = new ViewerController(this, () => this.session);
  private backendKey = '';
  private pageKey = '';
  /** Comments the reader posted in this visit (their Edit and Delete show before the session knows them). */
  readonly ownPostIds = new Set<string>();
  /** The form and the rest: loading once the thread has painted, then loaded. */
  private afterFirstRender: Promise<Loaded> | undefined;
  private extras: Loaded | undefined;
  private waitingForPaint = false;
  /** The store and the thread being worked out: the first update waits for them. */
  private readonly preparing: Promise<unknown>[] = [];
  private firstUpdate = true;

  get inheritedStore(): CommentStore | undefined {
    return this.providedStore.value;
  }

  get inheritedSession(): Session | undefined {
    return this.providedSession.value;
  }

  /** Called by the host element when its attributes or properties change. */
  hostChanged(): void {
    const inherited = !!(this.inheritedStore && this.inheritedSession);
    const {settings, problems} = readSettings(this.host, inherited);
    this.language.refresh();
    this.theme.refresh();
    this.settings = settings;
    this.problems = problems;
    for (const problem of problems) {
      console.error(`<leave-a-reply> ${problem.attribute}: ${problem.message}`);
    }
    if (problems.length) {
      this.fail('invalid-config', problems.map((p) => p.message).join(' '));
      return;
    }
    const backendKey = JSON.stringify([
      settings.backend,
      settings.firebase,
      settings.databaseId,
      settings.authEmulator,
      settings.firestoreEmulator,
      settings.appCheckSiteKey,
    ]);
    if (backendKey !== this.backendKey && !inherited) {
      this.backendKey = backendKey;
      const loading = loadBackend(settings).then(
        (backend) => {
          if (this.backendKey !== backendKey) return;
          this.loaded = backend;
          this.followThread();
        },
        (error: Error) => {
          // Shown where the reader looks, not only in the console.
          console.error(`<leave-a-reply> backend: ${error.message}`);
          this.problems = [{attribute: 'backend', message: error.message}];
          this.fail('backend-failed', error.message);
        },
      );
      if (this.firstUpdate) this.preparing.push(loading);
    }
    const pageKey = JSON.stringify(settings.page);
    if (pageKey !== this.pageKey) {
      this.pageKey = pageKey;
      this.extras?.reply.answer(null);
      this.thread = undefined; // let go of the old thread now: its comments never show beside the new page
      const resolving = resolveThread(settings.page, this.host.ownerDocument).then(
        (thread) => {
          if (this.pageKey !== pageKey) return;
          this.thread = thread;
          this.followThread();
        },
        (error: Error) => {
          const attribute = error instanceof PageIdentityError ? error.attribute : 'page-url';
          console.error(`<leave-a-reply> ${attribute}: ${error.message}`);
          this.problems = [{attribute, message: error.message}];
          this.fail('invalid-config', error.message);
        },
      );
      if (this.firstUpdate) this.preparing.push(resolving);
    }
  }

  /**
   * The first update waits until the store and the thread are known (the backend's chunk, asked for
   * with this one, has run, and the thread's id is worked out), and the thread's first read starts
   * before it: otherwise Lit's first render, the longest task on the way, would run while the reads
   * wait (issue 17). A failure to load either is shown by that first update.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.firstUpdate) return super.scheduleUpdate();
    this.firstUpdate = false;
    const preparing = this.preparing.splice(0);
    return Promise.allSettled(preparing).then(() => super.scheduleUpdate());
  }

  /** Starts (or keeps) the thread's live view on the current store and thread. */
  private followThread(): void {
    if (!this.settings) return;
    this.threadController.follow(this.inheritedStore ?? this.loaded?.store, this.thread, {
      sort: this.settings.sort,
      pageSize: PAGE_SIZE,
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.hostChanged();
  }

  protected override willUpdate(_changed: PropertyValues): void {
    this.store = this.inheritedStore ?? this.loaded?.store;
    this.session = this.inheritedSession ?? this.loaded?.session;
    this.threadController.setViewer(this.viewer.user);
    this.followThread();
  }

  /** The host element's signInWithCustomToken(): resolves once the reader is signed in. */
  async signInWithCustomToken(token: string): Promise<void> {
    await (await this.readySession()).signInWithCustomToken(token);
  }

  /** The host element's signOut(). */
  async signOut(): Promise<void> {
    await (await this.readySession()).signOut();
  }

  private async readySession(): Promise<Session> {
    if (this.problems.length) {
      throw new Error(`<leave-a-reply> cannot sign in: ${this.problems.map((p) => p.message).join(' ')}`);
    }
    const {sessionController} = await this.loadAfterFirstRender();
    return sessionController.ready();
  }

  /** Fires lar-error. */
  fail(code: string, message: string): void {
    this.dispatchEvent(new LarErrorEvent({code, message}));
  }

  showAlso(ids: readonly string[]): void {
    this.threadController.showAlso(ids);
  }

  /** Says `text` through the polite live region. */
  announce(text: string): void {
    // Re-setting the same text would not be read again; clear first.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  private announceArrivals(state: ThreadState, previous: ThreadState) {
    if (previous.loading) return;
    const known = new Set(previous.comments.map((c) => c.id));
    // A placeholder (deleted) is nobody's new comment.
    const arrived = state.comments.filter(
      (c) => !known.has(c.id) && !c.sending && !this.ownPostIds.has(c.id) && c.status !== 'deleted',
    );
    if (arrived.length === 1) this.announce(this.language.messages.newComment(arrived[0].author.name));
  }

  // Reply loads the form at once if it is not there yet.
  private readonly startReply = (comment: Comment) =>
    void this.loadAfterFirstRender().then(({reply}) => reply.start(comment));

  /** Loads the form and the rest that the thread's first paint need not wait for. */
  private loadAfterFirstRender(): Promise<Loaded> {
    // Everything a guest needs to post, asked for at once (src/shell/preload.ts); a store given
    // by <leave-a-reply-config> loads its own.
    if (!this.afterFirstRender) {
      const firebase = this.settings?.backend === 'firebase' && !this.inheritedStore;
      preloadChains('after', ...(firebase ? ['firebase-after'] : []));
    }
    return (this.afterFirstRender ??= import('./after-first-render.js').then(
      ({
        CommentActions,
        JsonLdController,
        RelativeTimeController,
        ReplyFlow,
        SessionController,
        followCommentLinks,
      }) => {
        new JsonLdController(this, () => ({
          element: this.host,
          thread: this.thread,
          state: this.threadController.state,
        }));
        new RelativeTimeController(this, () => this.threadController.state.comments);
        followCommentLinks(this);
        return (this.extras = {
          reply: new ReplyFlow(this),
          actions: new CommentActions(this),
          sessionController: new SessionController(this, () => this.session),
        });
      },
      (error: unknown) => {
        this.afterFirstRender = undefined; // asked for again at the next render or reader action
        throw error;
      },
    ));
  }

  /** Once the thread (or its offline or error status) is on screen, the form follows by itself. */
  private loadOncePainted() {
    if (this.afterFirstRender || this.waitingForPaint || this.threadController.state.loading) return;
    this.waitingForPaint = true;
    void afterNextPaint().then(() => {
      this.waitingForPaint = false;
      // A view taken out meanwhile loads nothing; it asks again when it renders once more.
      if (!this.isConnected) return;
      this.loadAfterFirstRender().catch((error: unknown) =>
        console.error('<leave-a-reply> the form did not load:', error),
      );
    });
  }

  protected override updated(): void {
    this.loadOncePainted();
    this.focusLoadedComments();
  }

  /** The comments on screen when "Load more comments" was pressed with focus on it. */
  private loadingMoreFrom: Set<string> | undefined;

  private readonly loadMore = (event: Event) => {
    if ((this.renderRoot as ShadowRoot).activeElement === event.currentTarget) {
      this.loadingMoreFrom = new Set(this.threadController.state.comments.map((c) => c.id));
    }
    this.threadController.loadMore();
  };

  /**
   * When the last page came in and its button went away, focus would fall to the page's body:
   * it moves to the first comment that arrived instead (its permalink), where reading goes on.
   */
  private focusLoadedComments() {
    const before = this.loadingMoreFrom;
    if (!before || this.threadController.state.hasMore) return;
    const arrived = this.threadController.state.comments.find((c) => !before.has(c.id) && c.status !== 'deleted');
    if (!arrived) return;
    this.loadingMoreFrom = undefined;
    this.renderRoot.querySelector<HTMLElement>(`#comment-${CSS.escape(arrived.id)} .permalink`)?.focus();
  }

  /** The reader acting: the signed-in one, or (a local moderator who never posted) a new guest. */
  async actor(): Promise<Viewer | undefined> {
    return this.viewer.user ?? (await this.session?.guest());
  }

  /** Focus goes to the heading when the comment that had it is gone. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#lar-title')?.focus();
  }

  get messages(): Messages {
    return this.language.messages;
  }

  /** Shows one more comment wherever its page is (a link to it); settles once looked for. */
  showOneMore(id: string): Promise<void> {
    return this.threadController.showOneMore(id);
  }

  private linkNoticeText = '';
  linkNotice(text: string): void {
    if (text === this.linkNoticeText) return;
    this.linkNoticeText = text;
    this.requestUpdate();
  }

  get threadState(): ThreadState {
    return this.threadController.state;
  }

  get viewerUid(): string | undefined {
    return this.viewer.user?.uid;
  }

  get providers(): readonly string[] {
    return this.settings?.providers ?? ['guest'];
  }

  get offline(): boolean {
    return this.threadController.state.offline;
  }

  // Edit, Delete, moderation and closing the thread: their code loads with the form.
  private readonly onAction = (action: CommentAction, comment: Comment) =>
    void this.loadAfterFirstRender().then(({actions}) => actions.run(action, comment));

  private readonly toggleLock = () => void this.loadAfterFirstRender().then(({actions}) => actions.toggleLock());

  override render() {
    const {messages: m, lang, dir} = this.language;
    if (this.problems.length) {
      return html`<div part="error" class="config-error" role="alert">
        ${m.configError('')}
        <ul>
          ${this.problems.map((p) => html`<li><code>${p.attribute}</code>: ${p.message}</li>`)}
        </ul>
      </div>`;
    }
    const state = this.threadController.state;
    const actions = this.extras?.actions;
    const title = this.thread?.title;
    const tree = buildThreadTree(state.comments, this.settings?.sort ?? 'oldest', this.settings?.maxDepth ?? 3);
    return html`
      <section class="root" aria-labelledby="lar-title" lang=${lang} dir=${dir}>
        <header part="header" class="header">
          <h2 part="title" id="lar-title" tabindex="-1">
            ${
              // Not "No thoughts yet" for a thread that could not be read: its count is unknown.
              state.loading || ((state.error || state.offline) && !state.comments.length)
                ? m.headingLoading(title ?? '')
                : title
                  ? m.heading(state.count, title)
                  : m.headingUntitled(state.count)
            }
          </h2>
          ${
            state.moderator && !state.loading
              ? html`<button type="button" class="lock" aria-pressed=${state.locked ? 'true' : 'false'} @click=${this.toggleLock}>
                ${state.locked ? m.actions.reopenComments : m.actions.closeComments}
              </button>`
              : nothing
          }
        </header>
        ${actions?.lockProblem ? html`<p part="error" class="error" role="alert">${actions.lockProblem}</p>` : nothing}
        ${state.loading ? html`<p part="status" class="status">${m.loading}</p>` : nothing}
        ${state.offline ? html`<p part="status" class="status offline">${m.offline}</p>` : nothing}
        ${state.error ? html`<p part="error" class="error" role="alert">${m.loadError}</p>` : nothing}
        ${this.linkNoticeText ? html`<p part="status" class="link-notice" role="status">${this.linkNoticeText}</p>` : nothing}
        ${
          tree.length
            ? html`<ol part="thread" class="thread">
              ${renderComments(tree, {
                messages: m,
                lang,
                now: new Date(),
                replyingTo: this.extras?.reply.replyTo?.id ?? null,
                onReply: this.startReply,
                canReply: !state.locked,
                viewerUid: this.viewer.user?.uid ?? null,
                ownIds: this.ownPostIds,
                moderator: state.moderator,
                editWindowMinutes: state.editWindowMinutes,
                onAction: this.onAction,
                inPlace: actions,
              })}
            </ol>`
            : nothing
        }
        ${
          state.hasMore
            ? html`<button part="load-more" class="load-more" type="button" @click=${this.loadMore}>
              ${m.loadMore}
            </button>`
            : nothing
        }
        ${
          state.locked
            ? html`<p part="status" class="status">${m.locked}</p>`
            : (this.extras?.reply.render() ?? nothing)
        }
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </section>
    `;
  }
}

/** Resolves in the task after the next frame: once what has just rendered is on screen. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

defineInternal('lar-comment-section', CommentSection);

/** Used by the host element once this chunk has loaded. */
export function createSectionView(host: Host): CommentSection {
  const view = new CommentSection();
  view.host = host;
  return view;
}

declare global {
  interface HTMLElementTagNameMap {
    'lar-comment-section': CommentSection;
  }
}
