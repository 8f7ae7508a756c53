/**
 * The view inside `<leave-a-reply-moderation>`'s shadow root: who is signed in, whether they
 * moderate, the filters, the list with each comment's buttons, paging, and a live region that
 * says what each action did.
 */
import {LitElement, html, nothing, type TemplateResult} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {OAUTH_PROVIDERS, SessionError, type OAuthProviderName, type SessionUser} from '../../../auth/session.js';
import {LarErrorEvent} from '../../../events/error-event.js';
import type {CommentStatus} from '../../../model/comment.js';
import {PROVIDER_NAMES} from '../../../model/providers.js';
import {defineInternal} from '../../../shell/define.js';
import {StoreError, type Viewer} from '../../../store/comment-store.js';
import type {QueueCursor, QueueFilter, QueueItem} from '../../../store/moderation-queue.js';
import type {LeaveAReplyModerationElement, ModerationView} from '../leave-a-reply-moderation.js';
import {loadModerationBackend, ModerationSetupError, type ModerationBackend} from './moderation-backend.js';
import {MODERATION_STRINGS as s} from './moderation-strings.js';
import {moderationStyles} from './moderation.styles.js';
import {authorName, keyOf, renderQueueItem, type QueueAction} from './queue-item.js';

const FILTERS: readonly QueueFilter[] = ['pending', 'hidden', 'recent'];
const DEFAULT_PAGE_SIZE = 20;

/** Whether a comment in this status still belongs in the list under this filter. */
function belongs(filter: QueueFilter, status: CommentStatus): boolean {
  return filter === 'recent' ? status !== 'deleted' : status === filter;
}

/** What went wrong, in a moderator's words (never the backend's raw text, except an index's name). */
function errorText(error: unknown): string {
  if (!(error instanceof StoreError)) return s.errors.unknown;
  switch (error.code) {
    case 'permission-denied':
      return s.errors.refused;
    case 'unavailable':
      return s.errors.offline;
    case 'quota':
      return s.errors.quota;
    case 'invalid':
      return /index/i.test(error.message) ? s.errors.index : s.errors.unknown;
    default:
      return s.errors.unknown;
  }
}

export class ModerationQueueView extends LitElement implements ModerationView {
  static override styles = moderationStyles;
  static override properties = {
    backend: {state: true},
    problems: {state: true},
    user: {state: true},
    moderator: {state: true},
    filter: {state: true},
    items: {state: true},
    next: {state: true},
    listing: {state: true},
    listed: {state: true},
    announcement: {state: true},
    error: {state: true},
    busy: {state: true},
    blocked: {state: true},
    confirming: {state: true},
    connecting: {state: true},
  };

  host!: LeaveAReplyModerationElement;

  private backend: ModerationBackend | undefined;
  private backendReady: Promise<ModerationBackend> | undefined;
  /** The settings' problems, each naming its attribute. */
  private problems: Array<{attribute: string; message: string}> = [];
  /** undefined until the session has said who is signed in. */
  private user: SessionUser | null | undefined;
  /** undefined while it is being checked (or nobody is signed in). */
  private moderator: boolean | undefined;
  private filter: QueueFilter = 'pending';
  private items: QueueItem[] = [];
  private next: QueueCursor | undefined;
  private listing = false;
  /** A first page has arrived for the current filter. */
  private listed = false;
  /** The live region's text: what the last action did. */
  private announcement = '';
  private error = '';
  /** Items with an action under way, by key. */
  private busy = new Set<string>();
  /** Authors blocked (or unblocked: removed) from this queue, by uid. */
  private blocked = new Set<string>();
  /** The item whose Delete asks to be confirmed. */
  private confirming: string | undefined;
  /** The provider being signed in with. */
  private connecting: string | undefined;

  private settingsKey = '';
  private stopFollowing: (() => void) | undefined;
  /** Bumped whenever what is listed changes (the reader, the filter): late answers are dropped. */
  private generation = 0;

  private get pageSize(): number {
    const size = Number(this.host.getAttribute('page-size'));
    return Number.isInteger(size) && size >= 1 && size <= 100 ? size : DEFAULT_PAGE_SIZE;
  }

  private get viewer(): Viewer | undefined {
    return this.user ? {uid: this.user.uid, provider: this.user.provider} : undefined;
  }

  /** The host's attributes or properties changed: a new configuration loads a new backend. */
  hostChanged(): void {
    // What chooses the backend: the element's settings, and an enclosing config's (page-size does not).
    const config = this.host.closest('leave-a-reply-config');
    const observed = (this.host.constructor as typeof LeaveAReplyModerationElement).observedAttributes;
    const key = JSON.stringify([
      observed.filter((name) => name !== 'page-size').map((name) => this.host.getAttribute(name)),
      config ? [...config.attributes].map((a) => [a.name, a.value]) : null,
      this.host.firebaseConfig ?? null,
    ]);
    if (key === this.settingsKey) return;
    this.settingsKey = key;
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    this.reset();
    this.backend = undefined;
    this.problems = [];
    const ready = loadModerationBackend(this.host);
    this.backendReady = ready;
    ready.then(
      (backend) => {
        if (this.backendReady !== ready) return;
        this.backend = backend;
        this.follow();
        // Finishes a sign-in that left the page for the provider (a blocked pop-up).
        backend.session.resume().then(
          (resumed) => {
            if (resumed.state === 'failed') this.error = `${s.errors.signIn} ${resumed.error.message}`;
          },
          () => {}, // Auth could not load: signing in says so, when the moderator tries
        );
      },
      (error: unknown) => {
        if (this.backendReady !== ready) return;
        this.problems =
          error instanceof ModerationSetupError
            ? error.problems
            : [{attribute: 'backend', message: error instanceof Error ? error.message : String(error)}];
        for (const problem of this.problems) {
          console.error(`<leave-a-reply-moderation> ${problem.attribute}: ${problem.message}`);
        }
        const code = error instanceof ModerationSetupError ? 'invalid-config' : 'backend-failed';
        this.host.dispatchEvent(new LarErrorEvent({code, message: this.problems.map((p) => p.message).join(' ')}));
      },
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFollowing?.();
    this.stopFollowing = undefined;
  }

  async signInWithCustomToken(token: string): Promise<void> {
    const backend = await this.backendReady;
    if (!backend) throw new Error('<leave-a-reply-moderation> has no backend to sign in with.');
    await backend.session.signInWithCustomToken(token);
  }

  async signOut(): Promise<void> {
    await (await this.backendReady)?.session.signOut();
  }

  /** Follows the session while connected: each new reader is checked, then their queue listed. */
  private follow(): void {
    if (!this.isConnected || !this.backend || this.stopFollowing) return;
    this.stopFollowing = this.backend.session.subscribe((user) => {
      const same = this.user !== undefined && user?.uid === this.user?.uid && user?.provider === this.user?.provider;
      if (same) return;
      this.reset();
      this.user = user;
      if (user && user.provider !== 'guest') void this.checkModerator();
    });
  }

  private reset(): void {
    this.generation++;
    this.user = undefined;
    this.moderator = undefined;
    this.items = [];
    this.next = undefined;
    this.listed = false;
    this.listing = false;
    this.error = '';
    this.announcement = '';
    this.confirming = undefined;
  }

  private async checkModerator(): Promise<void> {
    const backend = this.backend;
    const viewer = this.viewer;
    if (!backend || !viewer) return;
    const ticket = this.generation;
    this.error = '';
    try {
      const moderator = await backend.queue.isModerator(viewer);
      if (ticket !== this.generation) return;
      this.moderator = moderator;
      if (moderator) await this.list();
    } catch (error) {
      if (ticket === this.generation) this.error = errorText(error);
    }
  }

  /** Lists the first page of the filter (or, `more`, the next page). */
  private async list(more = false): Promise<void> {
    const backend = this.backend;
    if (!backend || !this.moderator) return;
    if (!more) {
      this.generation++;
      this.items = [];
      this.next = undefined;
      this.listed = false;
      this.confirming = undefined;
    }
    const ticket = this.generation;
    const before = this.items.length;
    this.listing = true;
    this.error = '';
    try {
      const page = await backend.queue.list(this.filter, {
        pageSize: this.pageSize,
        after: more ? this.next : undefined,
      });
      if (ticket !== this.generation) return;
      // Paging while comments change can bring one twice: keep the first.
      const known = new Set(this.items.map(keyOf));
      this.items = [...this.items, ...page.items.filter((item) => !known.has(keyOf(item)))];
      this.next = page.next;
      this.listed = true;
      this.announcement = this.items.length ? s.shown(this.items.length, this.filter) : s.empty[this.filter];
      // "Load more" went away with the last page: focus goes to the first comment it brought.
      if (more && !this.next && this.items.length > before) await this.focusItem(before);
    } catch (error) {
      if (ticket === this.generation) this.error = errorText(error);
    } finally {
      if (ticket === this.generation) this.listing = false;
    }
  }

  private setFilter(filter: QueueFilter): void {
    if (filter === this.filter) return;
    this.filter = filter;
    void this.list();
  }

  private async signIn(provider: OAuthProviderName): Promise<void> {
    const backend = this.backend;
    if (!backend) return;
    this.connecting = PROVIDER_NAMES[provider];
    this.error = '';
    try {
      await backend.session.signIn(provider);
    } catch (error) {
      if (!(error instanceof SessionError && error.code === 'cancelled')) {
        this.error = `${s.errors.signIn} ${error instanceof Error ? error.message : String(error)}`;
      }
    } finally {
      this.connecting = undefined;
    }
  }

  private async act(item: QueueItem, action: QueueAction): Promise<void> {
    const backend = this.backend;
    const by = this.viewer;
    if (!backend || !by) return;
    const key = keyOf(item);
    const name = authorName(item);
    if (action === 'delete' || action === 'cancel-delete') {
      this.confirming = action === 'delete' ? key : undefined;
      // Focus stays with the choice: on "Delete for good", or back on Delete.
      await this.updateComplete;
      this.button(key, action === 'delete' ? 'confirm-delete' : 'delete')?.focus();
      return;
    }
    this.busy = new Set(this.busy).add(key);
    this.error = '';
    const author = item.comment.author.uid;
    let refocus: QueueAction | undefined;
    try {
      switch (action) {
        case 'approve':
          await backend.queue.approve(item, by);
          this.announcement = s.approved(name);
          await this.settle([key], 'published');
          break;
        case 'hide':
          await backend.queue.hide(item, by);
          this.announcement = s.hidden(name);
          await this.settle([key], 'hidden');
          break;
        case 'confirm-delete':
          await backend.queue.remove(item, by);
          this.confirming = undefined;
          this.announcement = s.deleted(name);
          await this.settle([key], 'deleted');
          break;
        case 'approve-all': {
          const approved = await backend.queue.approveAllBy(author, by);
          this.announcement = s.approvedAll(approved.length, name);
          await this.settle(approved.map(keyOf), 'published');
          break;
        }
        case 'block':
        case 'unblock': {
          const blocking = action === 'block';
          await backend.queue.setBlocked(author, blocking, by);
          const blocked = new Set(this.blocked);
          if (blocking) blocked.add(author);
          else blocked.delete(author);
          this.blocked = blocked;
          this.announcement = blocking ? s.blocked(name) : s.unblocked(name);
          // Focus to the button that undoes it, once the buttons are enabled again (below).
          refocus = blocking ? 'unblock' : 'block';
          break;
        }
      }
    } catch (error) {
      this.error = errorText(error);
    } finally {
      const busy = new Set(this.busy);
      busy.delete(key);
      this.busy = busy;
    }
    if (refocus) {
      await this.updateComplete;
      this.button(key, refocus)?.focus();
    }
  }

  /**
   * The comments `keys` are now `status`: those the filter no longer shows leave the list, and
   * focus, which was on a button of the first, goes to the comment that took its place.
   */
  private async settle(keys: string[], status: CommentStatus): Promise<void> {
    const changed = new Set(keys);
    const firstGone = this.items.findIndex((item) => changed.has(keyOf(item)) && !belongs(this.filter, status));
    this.items = this.items
      .map((item) => (changed.has(keyOf(item)) ? {...item, comment: {...item.comment, status}} : item))
      .filter((item) => belongs(this.filter, item.comment.status));
    if (firstGone >= 0) await this.focusItem(Math.min(firstGone, this.items.length - 1));
  }

  /** Moves focus to the comment at `index`, or to the filters when the list is empty. */
  private async focusItem(index: number): Promise<void> {
    await this.updateComplete;
    const items = this.renderRoot.querySelectorAll<HTMLElement>('li.item > article');
    const target = index >= 0 ? items[index] : undefined;
    (target ?? this.renderRoot.querySelector<HTMLElement>('input[name="filter"]:checked'))?.focus();
  }

  private button(key: string, action: QueueAction): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`li[data-key="${CSS.escape(key)}"] [data-action="${action}"]`);
  }

  override render(): TemplateResult {
    return html`<header part="header">
        <h2 part="title">${s.title}</h2>
        ${this.renderAccount()}
      </header>
      <p class="error" part="error" role="alert">${this.error}</p>
      ${this.renderBody()}
      <p class="status visually-hidden" part="status" role="status">${this.announcement}</p>`;
  }

  private renderAccount(): TemplateResult | typeof nothing {
    if (!this.user) return nothing;
    return html`<div class="account" part="account">
      <span>${this.user.name ? s.signedInAs(this.user.name) : s.signedIn}</span>
      <button @click=${() => void this.signOut()}>${s.signOut}</button>
    </div>`;
  }

  private renderBody(): TemplateResult {
    if (this.problems.length) {
      return html`<div class="error" part="error" role="alert">
        <p>${s.setupProblem}</p>
        <ul>
          ${this.problems.map((p) => html`<li><code>${p.attribute}</code>: ${p.message}</li>`)}
        </ul>
      </div>`;
    }
    if (!this.backend || this.user === undefined) return html`<p class="status" part="status">${s.starting}</p>`;
    if (!this.user) return this.renderSignIn(s.signInPrompt);
    if (this.user.provider === 'guest') return this.renderSignIn(s.guestNotModerator);
    if (this.moderator === undefined) {
      return this.error
        ? html`<button @click=${() => void this.checkModerator()}>${s.retry}</button>`
        : html`<p class="status" part="status">${s.checking}</p>`;
    }
    if (!this.moderator) {
      return html`<div class="error" part="error">
        <p><strong>${s.notModerator}</strong></p>
        <p>${s.notModeratorHelp}</p>
        <p>${s.yourUid(this.user.uid)}</p>
        <button @click=${() => void this.checkModerator()}>${s.checkAgain}</button>
      </div>`;
    }
    return html`${this.renderFilters()} ${this.renderList()}`;
  }

  private renderSignIn(prompt: string): TemplateResult {
    const providers = (this.backend?.providers ?? []).filter((p): p is OAuthProviderName =>
      OAUTH_PROVIDERS.includes(p as OAuthProviderName),
    );
    return html`<div class="sign-in" part="sign-in">
      <p>${prompt}</p>
      ${providers.length ? nothing : html`<p class="error" part="error">${s.noProviders}</p>`}
      ${providers.map(
        (provider) =>
          html`<button
            part="provider-button"
            ?disabled=${!!this.connecting}
            @click=${() => void this.signIn(provider)}
          >
            ${s.signInWith(PROVIDER_NAMES[provider])}
          </button>`,
      )}
      ${this.connecting ? html`<p class="status" part="status" role="status">${s.connecting(this.connecting)}</p>` : nothing}
    </div>`;
  }

  private renderFilters(): TemplateResult {
    return html`<fieldset part="filters">
      <legend>${s.filters}</legend>
      ${FILTERS.map(
        (filter) =>
          html`<label
            ><input
              type="radio"
              name="filter"
              value=${filter}
              .checked=${this.filter === filter}
              @change=${() => this.setFilter(filter)}
            />
            ${s.filterNames[filter]}</label
          >`,
      )}
      <button ?disabled=${this.listing} @click=${() => void this.list()}>${s.refresh}</button>
    </fieldset>`;
  }

  private renderList(): TemplateResult {
    const now = new Date();
    const own = this.user?.uid;
    return html`${this.listing && !this.items.length ? html`<p class="status" part="status">${s.loading}</p>` : nothing}
      ${
        this.listed && !this.listing && !this.items.length
          ? html`<p class="status" part="status">${s.empty[this.filter]}</p>`
          : nothing
      }
      <ul part="list" aria-label=${s.filterNames[this.filter]}>
        ${repeat(this.items, keyOf, (item) =>
          renderQueueItem(item, {
            busy: this.busy.has(keyOf(item)),
            blocked: this.blocked.has(item.comment.author.uid),
            confirmingDelete: this.confirming === keyOf(item),
            own: item.comment.author.uid === own,
            now,
            act: (action) => void this.act(item, action),
          }),
        )}
      </ul>
      ${
        this.next
          ? html`<button part="load-more" ?disabled=${this.listing} @click=${() => void this.list(true)}>
            ${s.loadMore}
          </button>`
          : nothing
      }`;
  }
}

defineInternal('lar-moderation-view', ModerationQueueView);

/** Makes the view for `host` (by its class: the tag may be another copy's). */
export function createModerationView(host: LeaveAReplyModerationElement): ModerationView {
  const view = new ModerationQueueView();
  view.host = host;
  view.hostChanged();
  return view;
}
