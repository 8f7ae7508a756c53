import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {Messages} from '../../../i18n/en.js';
import type {Comment, ThreadRef} from '../../../model/comment.js';
import {withinEditWindow} from '../../../model/site-config.js';
import {StoreError, type CommentStore, type ThreadState, type Viewer} from '../../../store/comment-store.js';
import type {CommentAction, InPlace} from './comment-view.js';
import {pageUrlOf} from '../../../controllers/json-ld-controller.js';
import {editProblem} from './edit-problem.js';
import {likeButton} from './like-button.js';
import {refusalText} from './refusal-text.js';

/** What the comment actions need from the comment section. */
export interface CommentActionsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly store: CommentStore | undefined;
  readonly thread: ThreadRef | undefined;
  readonly messages: Messages;
  readonly threadState: ThreadState;
  /** The reader's uid, once the session knows them. */
  readonly viewerUid: string | undefined;
  /** Comments the reader posted in this visit. */
  readonly ownPostIds: ReadonlySet<string>;
  /** The reader acting: the signed-in one, or (a local moderator who never posted) a new guest. */
  actor(): Promise<Viewer | undefined>;
  /** Says `text` through the polite live region. */
  announce(text: string): void;
  /** Fires lar-error. */
  fail(code: string, message: string): void;
  /** The `<leave-a-reply>` element (its page URL is what links to comments start with). */
  readonly host: HTMLElement;
  /** Moves focus to the thread's heading (when the comment that had it is gone). */
  focusHeading(): void;
}

/** What a comment's buttons leave open in it. */
interface InPlaceState {
  /** The comment being edited in place, its draft and what is wrong with it. */
  editing: {id: string; body: string; error?: string} | null;
  /** The comment whose delete waits for "Delete this comment?" to be answered. */
  confirmingDelete: string | null;
  /** The last action on a comment that failed, and why. */
  failure: {id: string; message: string} | null;
  /** Why closing or reopening the thread failed. */
  lockProblem: string;
}

/**
 * Edit, Delete, the moderators' Approve, Hide, Pin and closing the thread: what the buttons on a
 * comment do, and what they open in it (an editor, a delete waiting for confirmation, why an
 * action failed). Loaded after the thread's first paint, with the form.
 */
export class CommentActions implements InPlace, ReactiveController {
  private editing: InPlaceState['editing'] = null;
  private confirmingDelete: InPlaceState['confirmingDelete'] = null;
  private failure: InPlaceState['failure'] = null;
  lockProblem: InPlaceState['lockProblem'] = '';

  /** Re-renders when the first own comment leaves its edit window, so Edit goes away on time. */
  private editWindowTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: CommentActionsHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    clearTimeout(this.editWindowTimer);
    const {comments, editWindowMinutes} = this.host.threadState;
    const {viewerUid, ownPostIds} = this.host;
    const now = Date.now();
    const closes = comments
      .filter(
        (c) => (c.author.uid === viewerUid || ownPostIds.has(c.id)) && withinEditWindow(c.createdAt, editWindowMinutes),
      )
      .map((c) => c.createdAt.getTime() + editWindowMinutes * 60_000 - now);
    if (closes.length) this.editWindowTimer = setTimeout(() => this.host.requestUpdate(), Math.min(...closes) + 50);
  }

  hostDisconnected(): void {
    clearTimeout(this.editWindowTimer);
  }

  editor(comment: Comment): TemplateResult | undefined {
    const {editing} = this;
    if (editing?.id !== comment.id) return undefined;
    const m = this.host.messages;
    const id = `edit-${comment.id}`;
    return html`<form
      class="edit"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.run('save-edit', comment);
      }}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        void this.run('cancel-edit', comment);
      }}
    >
      <label for=${id}>${m.actions.editLabel}</label>
      <textarea
        part="textarea"
        id=${id}
        rows="4"
        .value=${editing.body}
        aria-invalid=${editing.error ? 'true' : 'false'}
        aria-describedby=${editing.error ? `${id}-error` : nothing}
        @input=${(e: Event) => this.editInput((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${editing.error ? html`<span part="error" class="error" id=${`${id}-error`}>${editing.error}</span>` : nothing}
      <div class="edit-buttons">
        <button type="submit" class="save">${m.actions.save}</button>
        <button type="button" class="cancel-edit" @click=${() => this.run('cancel-edit', comment)}>${m.actions.cancel}</button>
      </div>
    </form>`;
  }

  confirmation(comment: Comment): TemplateResult | undefined {
    if (this.confirmingDelete !== comment.id) return undefined;
    const m = this.host.messages;
    return html`<div part="actions" class="actions confirm" role="group" aria-labelledby=${`confirm-${comment.id}`}>
      <span id=${`confirm-${comment.id}`}>${m.actions.confirmDelete}</span>
      <button type="button" class="confirm-delete" @click=${() => this.run('confirm-delete', comment)}>${m.actions.delete}</button>
      <button type="button" class="cancel-delete" @click=${() => this.run('cancel-delete', comment)}>${m.actions.cancel}</button>
    </div>`;
  }

  /** Copies the comment's link (the page's URL, as in the JSON-LD, and `#comment-ID`). */
  private async copyLink(comment: Comment): Promise<void> {
    const m = this.host.messages;
    const page = pageUrlOf(this.host.host);
    try {
      if (!page) throw new Error('no page URL');
      await navigator.clipboard.writeText(`${page}#comment-${comment.id}`);
      this.host.announce(m.actions.linkCopied);
    } catch {
      // No clipboard (an insecure page, a refused permission): the address bar gets the link.
      location.hash = `comment-${comment.id}`;
      this.host.announce(m.actions.linkInAddressBar);
    }
  }

  problem(comment: Comment): string | undefined {
    return this.failure?.id === comment.id ? this.failure.message : undefined;
  }

  /**
   * Like, on published comments the backend has (not while one is still sending), where the store
   * keeps likes and the site has not turned them off.
   */
  like(comment: Comment): TemplateResult | undefined {
    if (
      comment.status !== 'published' ||
      comment.sending ||
      !this.host.store?.like ||
      this.host.host.getAttribute('reactions') === 'off'
    )
      return undefined;
    return likeButton(comment, this.host.messages, () => void this.toggleLike(comment));
  }

  /**
   * Likes the comment, or takes the like back. A reader who has not identified yet gets a guest
   * account first, as a guest's first comment does; the store shows the change at once.
   */
  private async toggleLike(comment: Comment): Promise<void> {
    const {store, thread} = this.host;
    const m = this.host.messages;
    if (!store?.like || !thread) return;
    this.set({failure: null});
    let by: Viewer | undefined;
    try {
      by = await this.host.actor();
    } catch {
      // No guest account can be made (anonymous sign-in off, no connection to Auth).
    }
    if (!by) {
      this.set({failure: {id: comment.id, message: m.actions.likeNeedsAccount}});
      return;
    }
    try {
      await store.like(thread, comment, !comment.liked, by);
    } catch (error) {
      this.set({failure: {id: comment.id, message: m.actions.failed(refusalText(m, error, 'change'))}});
      this.failed(error);
    }
  }

  /** The editor's text changed; once Save has found a problem, it is checked as the reader types. */
  private editInput(body: string): void {
    if (!this.editing) return;
    const error = this.editing.error ? editProblem(this.host.messages, body) : undefined;
    this.set({editing: {...this.editing, body, ...(error ? {error} : {})}});
  }

  async run(action: CommentAction, comment: Comment): Promise<void> {
    const {store, thread} = this.host;
    const m = this.host.messages;
    const at = `#comment-${CSS.escape(comment.id)}`;
    this.set({failure: null});
    switch (action) {
      case 'edit':
        this.set({confirmingDelete: null, editing: {id: comment.id, body: comment.body}});
        return this.focusAfterUpdate(`${at} textarea`);
      case 'cancel-edit':
        this.set({editing: null});
        return this.focusAfterUpdate(`${at} .edit`, `${at} .actions button`);
      case 'delete':
        this.set({editing: null, confirmingDelete: comment.id});
        return this.focusAfterUpdate(`${at} .confirm-delete`);
      case 'cancel-delete':
        this.set({confirmingDelete: null});
        return this.focusAfterUpdate(`${at} .delete`);
      case 'copy-link':
        return this.copyLink(comment);
    }
    if (!store || !thread) return;
    let done: string;
    let work: (by: Viewer) => Promise<void>;
    let focus = [`${at} .actions button`];
    if (action === 'save-edit') {
      const body = this.editing?.body.trim() ?? '';
      const error = editProblem(m, body);
      if (error) {
        this.set({editing: {id: comment.id, body: this.editing?.body ?? body, error}});
        return this.focusAfterUpdate(`${at} textarea`);
      }
      this.set({editing: null});
      // Closes at once (the thread shows the new text as sending); a refusal reopens it.
      work = async (by) => {
        try {
          await store.edit(thread, comment, body, by);
        } catch (error) {
          this.set({editing: {id: comment.id, body}});
          throw error;
        }
      };
      done = m.actions.saved;
      focus = [`${at} .edit`, ...focus];
    } else if (action === 'confirm-delete') {
      this.set({confirmingDelete: null});
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
      done = {approve: m.actions.approved, hide: m.actions.hidden, pin: m.actions.pinned, unpin: m.actions.unpinned}[
        action
      ];
      focus = [`${at} .${action === 'pin' ? 'unpin' : action === 'unpin' ? 'pin' : 'hide'}`, ...focus];
    }
    try {
      const by = await this.host.actor();
      if (!by) return;
      // The store shows the change at once; focus follows it, then the backend answers.
      const working = work(by);
      void this.focusAfterUpdate(...focus);
      await working;
      this.host.announce(action === 'save-edit' && this.isPending(comment.id) ? m.actions.savedPending : done);
    } catch (error) {
      this.set({failure: {id: comment.id, message: m.actions.failed(refusalText(m, error, 'change'))}});
      this.failed(error);
      if (this.editing?.id === comment.id) void this.focusAfterUpdate(`${at} textarea`);
    }
  }

  /** Closes the thread to new comments, or reopens it. */
  async toggleLock(): Promise<void> {
    const {store, thread} = this.host;
    const m = this.host.messages;
    const locked = !this.host.threadState.locked;
    this.set({lockProblem: ''});
    if (!store || !thread) return;
    try {
      const by = await this.host.actor();
      if (!by) return;
      await store.setLocked(thread, locked, by);
      this.host.announce(locked ? m.actions.closed : m.actions.reopened);
    } catch (error) {
      this.set({lockProblem: m.actions.failed(refusalText(m, error, 'change'))});
      this.failed(error);
    }
  }

  private set(changes: Partial<InPlaceState>) {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  private failed(error: unknown) {
    this.host.fail(
      error instanceof StoreError ? error.code : 'action-failed',
      error instanceof Error ? error.message : String(error),
    );
  }

  private isPending(id: string): boolean {
    return this.host.threadState.comments.some((c) => c.id === id && c.status === 'pending');
  }

  /**
   * Focuses the first match once the view has re-rendered, else the thread's heading. The
   * selectors name this view's own comments (`#comment-ID`) and classes, never parts: a part is
   * public styling API, free to be renamed.
   */
  private async focusAfterUpdate(...selectors: string[]) {
    await this.host.updateComplete;
    const root = this.host.renderRoot;
    for (const selector of selectors) {
      const target = root.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
    this.host.focusHeading();
  }
}
