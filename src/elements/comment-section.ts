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
import type {Comment, ThreadRef} from '../model/comment.js';
import {PAGE_SIZE} from '../model/limits.js';
import {PageIdentityError, resolveThread} from '../model/page-identity.js';
import {buildThreadTree} from '../model/thread-tree.js';
import {commentStoreContext, type CommentStore, type ThreadState} from '../store/comment-store.js';
import {renderComments} from './comment-view.js';
import {sectionStyles} from './comment-section.styles.js';
import {JsonLdController} from './json-ld-controller.js';
import {ThemeController} from './theme-controller.js';
import {ThreadController} from './thread-controller.js';
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

  private readonly language = new LanguageController(this, () => this.host);
  private readonly theme = new ThemeController(this, () => this.host);
  private readonly threadController = new ThreadController(this, (state, previous) =>
    this.announceArrivals(state, previous),
  );
  protected readonly jsonLd = new JsonLdController(this, () => ({element: this.host, thread: this.thread, state: this.threadController.state}));
  /** Fires lar-sign-in / lar-sign-out, and serves the host's signInWithCustomToken() and signOut(). */
  private readonly sessionController = new SessionController(this, () => this.session);
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
    const backendKey = JSON.stringify([settings.backend, settings.firebase, settings.databaseId, settings.authEmulator, settings.firestoreEmulator]);
    if (backendKey !== this.backendKey && !inherited) {
      this.backendKey = backendKey;
      loadBackend(settings).then(
        (backend) => {
          if (this.backendKey === backendKey) this.loaded = backend;
        },
        (error: Error) => this.fail('backend-failed', error.message),
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
          <h2 part="title" id="lar-title">
            ${state.loading ? m.headingLoading(title ?? '') : title ? m.heading(state.count, title) : m.headingUntitled(state.count)}
          </h2>
        </header>
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
