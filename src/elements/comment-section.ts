import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {state} from 'lit/decorators.js';
import {defineElement} from '../define.js';
import {consume, provide} from '@lit/context';
import {SessionController} from '../auth/session-controller.js';
import {sessionContext, type Session} from '../auth/session.js';
import {loadBackend} from '../boot/backend.js';
import {readSettings, type SettingsProblem, type WidgetSettings} from '../boot/settings.js';
import {LarErrorEvent} from '../events/error-event.js';
import {LanguageController} from '../i18n/language-controller.js';
import type {Messages} from '../i18n/en.js';
import type {Comment, ThreadRef} from '../model/comment.js';
import {PAGE_SIZE} from '../model/limits.js';
import {PageIdentityError, resolveThread} from '../model/page-identity.js';
import {withinEditWindow} from '../model/site-config.js';
import {buildThreadTree} from '../model/thread-tree.js';
import {validateDraft} from '../model/validation.js';
import {commentStoreContext, StoreError, type CommentStore, type ThreadState, type Viewer} from '../store/comment-store.js';
import {renderComments, type CommentAction} from './comment-view.js';
import {sectionStyles} from './comment-section.styles.js';
import {JsonLdController} from './json-ld-controller.js';
import {ThemeController} from './theme-controller.js';
import {ThreadController} from './thread-controller.js';
import {ViewerController} from './viewer-controller.js';
import type {SectionView} from './leave-a-reply-element.js';
import type {ReplyForm} from './reply-form.js';
import './reply-form.js';

type Host = Parameters<typeof readSettings>[0];

/**
 * The view inside `<leave-a-reply>`'s shadow root: heading, thread, paging and the form. It reads
 * its settings from the host element and provides the store and session to the form by context.
 */
export class CommentSection extends LitElement implements SectionView {
  static override styles = sectionStyles;

  host!: Host;

  /** A store given by an enclosing provider (`<leave-a-reply-config>`, a test harness) wins. */
  @consume({context: commentStoreContext, subscribe: true})
  @state()
  inheritedStore: CommentStore | undefined;

  @consume({context: sessionContext, subscribe: true})
  @state()
  inheritedSession: Session | undefined;

  /** What the form below uses: the inherited store, or the one these settings load. */
  @provide({context: commentStoreContext})
  @state()
  store: CommentStore | undefined;

  @provide({context: sessionContext})
  @state()
  session: Session | undefined;

  @state() private loaded: {store: CommentStore; session: Session} | undefined;

  @state() private settings: WidgetSettings | undefined;
  @state() private problems: SettingsProblem[] = [];
  @state() private thread: ThreadRef | undefined;
  @state() private replyTo: Comment | null = null;
  @state() private announcement = '';
  @state() private editing: {id: string; body: string; error?: string} | null = null;
  @state() private confirmingDelete: string | null = null;
  @state() private problem: {id: string; message: string} | null = null;
  @state() private lockProblem = '';

  private readonly language = new LanguageController(this, () => this.host);
  private readonly theme = new ThemeController(this, () => this.host);
  private readonly threadController = new ThreadController(this, (state, previous) =>
    this.announceArrivals(state, previous),
  );
  protected readonly jsonLd = new JsonLdController(this, () => ({element: this.host, thread: this.thread, state: this.threadController.state}));
  /** Fires lar-sign-in / lar-sign-out, and serves the host's signInWithCustomToken() and signOut(). */
  private readonly sessionController = new SessionController(this, () => this.session);
  /** Who reads: their pending comments and buttons, or a moderator's. */
  private readonly viewer = new ViewerController(this, () => this.session);
  /** Re-renders when the first own comment leaves its edit window, so Edit goes away on time. */
  private editWindowTimer: ReturnType<typeof setTimeout> | undefined;
  private backendKey = '';
  private pageKey = '';
  private ownPostIds = new Set<string>();

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
    const backendKey = JSON.stringify([settings.backend, settings.firebase, settings.databaseId, settings.authEmulator, settings.firestoreEmulator, settings.appCheckSiteKey]);
    if (backendKey !== this.backendKey && !inherited) {
      this.backendKey = backendKey;
      loadBackend(settings).then(
        (backend) => {
          if (this.backendKey === backendKey) this.loaded = backend;
        },
        (error: Error) => {
          // Shown where the reader looks, not only in the console.
          console.error(`<leave-a-reply> backend: ${error.message}`);
          this.problems = [{attribute: 'backend', message: error.message}];
          this.fail('backend-failed', error.message);
        },
      );
    }
    const pageKey = JSON.stringify(settings.page);
    if (pageKey !== this.pageKey) {
      this.pageKey = pageKey;
      this.replyTo = null;
      this.thread = undefined; // let go of the old thread now: its comments never show beside the new page
      resolveThread(settings.page, this.host.ownerDocument).then(
        (thread) => {
          if (this.pageKey === pageKey) this.thread = thread;
        },
        (error: Error) => {
          const attribute = error instanceof PageIdentityError ? error.attribute : 'page-url';
          console.error(`<leave-a-reply> ${attribute}: ${error.message}`);
          this.problems = [{attribute, message: error.message}];
          this.fail('invalid-config', error.message);
        },
      );
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.hostChanged();
  }

  protected override willUpdate(_changed: PropertyValues): void {
    this.store = this.inheritedStore ?? this.loaded?.store;
    this.session = this.inheritedSession ?? this.loaded?.session;
    this.threadController.setViewer(this.viewer.user);
    if (this.settings) {
      this.threadController.follow(this.store, this.thread, {sort: this.settings.sort, pageSize: PAGE_SIZE});
    }
  }

  /** The host element's signInWithCustomToken(): resolves once the reader is signed in. */
  async signInWithCustomToken(token: string): Promise<void> {
    await (await this.readySession()).signInWithCustomToken(token);
  }

  /** The host element's signOut(). */
  async signOut(): Promise<void> {
    await (await this.readySession()).signOut();
  }

  private readySession(): Promise<Session> {
    if (this.problems.length) {
      return Promise.reject(new Error(`<leave-a-reply> cannot sign in: ${this.problems.map((p) => p.message).join(' ')}`));
    }
    return this.sessionController.ready();
  }

  private fail(code: string, message: string) {
    this.dispatchEvent(new LarErrorEvent({code, message}));
  }

  private announce(text: string) {
    // Re-setting the same text would not be read again; clear first.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  private announceArrivals(state: ThreadState, previous: ThreadState) {
    if (previous.loading) return;
    const known = new Set(previous.comments.map((c) => c.id));
    const arrived = state.comments.filter((c) => !known.has(c.id) && !c.sending && !this.ownPostIds.has(c.id));
    if (arrived.length === 1) this.announce(this.language.messages.newComment(arrived[0].author.name));
  }

  private startReply = async (comment: Comment) => {
    this.replyTo = comment;
    await this.updateComplete;
    this.form?.focusComment();
  };

  private cancelReply = async () => {
    const id = this.replyTo?.id;
    this.replyTo = null;
    await this.updateComplete;
    const button = id && this.renderRoot.querySelector<HTMLElement>(`#comment-${CSS.escape(id)} .reply`);
    (button || this.form)?.focus();
  };

  private onPosted = (event: Event) => {
    const {detail} = event as CustomEvent<Comment>;
    this.ownPostIds.add(detail.id);
    this.replyTo = null;
    this.announce(this.language.messages.posted);
  };

  private get form(): ReplyForm | null {
    return this.renderRoot.querySelector('lar-reply-form');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.editWindowTimer);
  }

  protected override updated(): void {
    clearTimeout(this.editWindowTimer);
    const {state} = this.threadController;
    const uid = this.viewer.user?.uid;
    const now = Date.now();
    const closes = state.comments
      .filter((c) => (c.author.uid === uid || this.ownPostIds.has(c.id)) && withinEditWindow(c.createdAt, state.editWindowMinutes))
      .map((c) => c.createdAt.getTime() + state.editWindowMinutes * 60_000 - now);
    if (closes.length) this.editWindowTimer = setTimeout(() => this.requestUpdate(), Math.min(...closes) + 50);
  }

  /** The reader acting: the signed-in one, or (a local moderator who never posted) a new guest. */
  private async actor(): Promise<Viewer | undefined> {
    return this.viewer.user ?? (await this.session?.guest());
  }

  /** Focuses the first match once the view has re-rendered, else the thread's heading. */
  private async focusAfterUpdate(...selectors: string[]) {
    await this.updateComplete;
    for (const selector of selectors) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
    this.renderRoot.querySelector<HTMLElement>('#lar-title')?.focus();
  }

  private onEditInput = (body: string) => {
    if (!this.editing) return;
    const error = this.editing.error ? editProblem(this.language.messages, body) : undefined;
    this.editing = {...this.editing, body, ...(error ? {error} : {})};
  };

  private onAction = async (action: CommentAction, comment: Comment) => {
    const {store, thread} = this;
    const m = this.language.messages;
    const at = `#comment-${CSS.escape(comment.id)}`;
    this.problem = null;
    switch (action) {
      case 'edit':
        this.confirmingDelete = null;
        this.editing = {id: comment.id, body: comment.body};
        return this.focusAfterUpdate(`${at} textarea`);
      case 'cancel-edit':
        this.editing = null;
        return this.focusAfterUpdate(`${at} .edit`, `${at} [part=actions] button`);
      case 'delete':
        this.editing = null;
        this.confirmingDelete = comment.id;
        return this.focusAfterUpdate(`${at} .confirm-delete`);
      case 'cancel-delete':
        this.confirmingDelete = null;
        return this.focusAfterUpdate(`${at} .delete`);
    }
    if (!store || !thread) return;
    let done: string;
    let work: (by: Viewer) => Promise<void>;
    let focus = [`${at} [part=actions] button`];
    if (action === 'save-edit') {
      const body = this.editing?.body.trim() ?? '';
      const error = editProblem(m, body);
      if (error) {
        this.editing = {id: comment.id, body: this.editing?.body ?? body, error};
        return this.focusAfterUpdate(`${at} textarea`);
      }
      this.editing = null;
      // Closes at once (the thread shows the new text as sending); a refusal reopens it.
      work = async (by) => {
        try {
          await store.edit(thread, comment, body, by);
        } catch (error) {
          this.editing = {id: comment.id, body};
          throw error;
        }
      };
      done = m.actions.saved;
      focus = [`${at} .edit`, ...focus];
    } else if (action === 'confirm-delete') {
      this.confirmingDelete = null;
      work = (by) => store.remove(thread, comment, by);
      done = m.actions.deleted;
      focus = []; // the comment leaves the thread: the heading takes focus
    } else {
      const change = {
        approve: {status: 'published' as const},
        hide: {status: 'hidden' as const},
        pin: {pinned: true},
        unpin: {pinned: false},
      }[action];
      work = (by) => store.moderate(thread, comment, change, by);
      done = {approve: m.actions.approved, hide: m.actions.hidden, pin: m.actions.pinned, unpin: m.actions.unpinned}[action];
      focus = [`${at} .${action === 'pin' ? 'unpin' : action === 'unpin' ? 'pin' : 'hide'}`, ...focus];
    }
    try {
      const by = await this.actor();
      if (!by) return;
      // The store shows the change at once; focus follows it, then the backend answers.
      const working = work(by);
      void this.focusAfterUpdate(...focus);
      await working;
      this.announce(action === 'save-edit' && this.isPending(comment.id) ? m.actions.savedPending : done);
    } catch (error) {
      this.problem = {id: comment.id, message: m.actions.failed(actionError(m, error))};
      this.fail(error instanceof StoreError ? error.code : 'action-failed', error instanceof Error ? error.message : String(error));
      if (this.editing?.id === comment.id) void this.focusAfterUpdate(`${at} textarea`);
    }
  };

  private isPending(id: string): boolean {
    return this.threadController.state.comments.some((c) => c.id === id && c.status === 'pending');
  }

  private toggleLock = async () => {
    const {store, thread} = this;
    const m = this.language.messages;
    const locked = !this.threadController.state.locked;
    this.lockProblem = '';
    if (!store || !thread) return;
    try {
      const by = await this.actor();
      if (!by) return;
      await store.setLocked(thread, locked, by);
      this.announce(locked ? m.actions.closed : m.actions.reopened);
    } catch (error) {
      this.lockProblem = m.actions.failed(actionError(m, error));
      this.fail(error instanceof StoreError ? error.code : 'action-failed', error instanceof Error ? error.message : String(error));
    }
  };

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
    const title = this.thread?.title;
    const tree = buildThreadTree(state.comments, this.settings?.sort ?? 'oldest', this.settings?.maxDepth ?? 3);
    return html`
      <section class="root" aria-labelledby="lar-title" lang=${lang} dir=${dir}>
        <header part="header" class="header">
          <h2 part="title" id="lar-title" tabindex="-1">
            ${state.loading ? m.headingLoading(title ?? '') : title ? m.heading(state.count, title) : m.headingUntitled(state.count)}
          </h2>
          ${state.moderator && !state.loading
            ? html`<button type="button" class="lock" aria-pressed=${state.locked ? 'true' : 'false'} @click=${this.toggleLock}>
                ${state.locked ? m.actions.reopenComments : m.actions.closeComments}
              </button>`
            : nothing}
        </header>
        ${this.lockProblem ? html`<p part="error" class="error" role="alert">${this.lockProblem}</p>` : nothing}
        ${state.loading ? html`<p part="status" class="status">${m.loading}</p>` : nothing}
        ${state.offline ? html`<p part="status" class="status offline">${m.offline}</p>` : nothing}
        ${state.error ? html`<p part="error" class="error" role="alert">${m.loadError} ${state.error.message}</p>` : nothing}
        ${tree.length
          ? html`<ol part="thread" class="thread">
              ${renderComments(tree, {
                messages: m,
                lang,
                now: new Date(),
                replyingTo: this.replyTo?.id ?? null,
                onReply: this.startReply,
                canReply: !state.locked,
                viewerUid: this.viewer.user?.uid ?? null,
                ownIds: this.ownPostIds,
                moderator: state.moderator,
                editWindowMinutes: state.editWindowMinutes,
                editing: this.editing,
                confirmingDelete: this.confirmingDelete,
                problem: this.problem,
                onAction: this.onAction,
                onEditInput: this.onEditInput,
              })}
            </ol>`
          : nothing}
        ${state.hasMore
          ? html`<button part="load-more" class="load-more" type="button" @click=${() => this.threadController.loadMore()}>
              ${m.loadMore}
            </button>`
          : nothing}
        ${state.locked
          ? html`<p part="status" class="status">${m.locked}</p>`
          : html`<lar-reply-form
              exportparts="form,form-title,field,input,textarea,submit,sign-in,provider-button,avatar,status,error"
              .thread=${this.thread}
              .replyTo=${this.replyTo}
              .offline=${state.offline}
              .messages=${m}
              .providers=${this.settings?.providers ?? ['guest']}
              @lar-cancel-reply=${this.cancelReply}
              @lar-comment-posted=${this.onPosted}
            ></lar-reply-form>`}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </section>
    `;
  }
}

/** What is wrong with an edited body, as the form would say it (the same limits as the rules). */
function editProblem(m: Messages, body: string): string | undefined {
  const [problem] = validateDraft({body});
  if (!problem) return undefined;
  if (problem.code === 'tooLong') return m.errors.bodyTooLong(problem.limit ?? 0, body.trim().length);
  if (problem.code === 'tooManyLinks') return m.errors.bodyTooManyLinks(problem.limit ?? 0);
  return m.errors.bodyRequired;
}

/** Why a comment action failed, in the reader's language where the store's code says enough. */
function actionError(m: Messages, error: unknown): string {
  if (error instanceof StoreError && error.code === 'permission-denied') return m.actions.notAllowed;
  if (error instanceof StoreError && error.code === 'expired') return m.actions.expired;
  return error instanceof Error ? error.message : String(error);
}

defineElement('lar-comment-section', CommentSection);

/** Used by the host element once this chunk has loaded. */
export function createSectionView(host: Host): CommentSection {
  const view = document.createElement('lar-comment-section');
  view.host = host;
  return view;
}

declare global {
  interface HTMLElementTagNameMap {
    'lar-comment-section': CommentSection;
  }
}
