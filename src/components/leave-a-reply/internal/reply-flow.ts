import {html, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {Session} from '../../../auth/session.js';
import type {Messages} from '../../../i18n/en.js';
import type {Comment, ThreadRef} from '../../../model/comment.js';
import type {CommentStore} from '../../../store/comment-store.js';
import {ownComments} from './drafts.js';
import {ReplyForm} from './reply-form.js';

/** What replying needs from the comment section. */
export interface ReplyFlowHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly store: CommentStore | undefined;
  readonly session: Session | undefined;
  readonly thread: ThreadRef | undefined;
  readonly messages: Messages;
  /** The `providers` attribute: the ways to comment, in display order. */
  readonly providers: readonly string[];
  /** The `<leave-a-reply>` element, for the attributes only the form uses. */
  readonly host: Element;
  /** The backend cannot be reached: posts wait for the connection. */
  readonly offline: boolean;
  /** Comments the reader posted in this visit. */
  readonly ownPostIds: Set<string>;
  /** Says `text` through the polite live region. */
  announce(text: string): void;
  /** Shows these comments whatever page they are on (ThreadController.showAlso). */
  showAlso(ids: readonly string[]): void;
}

/**
 * Replying: the Leave a Reply form under the thread, which comment it answers, and where focus
 * goes as the reader starts, cancels or posts a reply. Loaded after the thread's first paint.
 */
export class ReplyFlow {
  /** The comment the form answers; null for a new top-level comment. */
  replyTo: Comment | null = null;

  /**
   * The form, made from its class rather than by tag name: with two copies of the library on a
   * page the name may be the other copy's (shell/define.ts, defineInternal).
   */
  private readonly form = new ReplyForm();
  /** The thread whose remembered comments were last asked for. */
  private remembered?: string;

  constructor(private readonly host: ReplyFlowHost) {
    this.form.setAttribute(
      'exportparts',
      'form,form-title,field,input,textarea,submit,sign-in,provider-button,avatar,status,error',
    );
    this.form.addEventListener('lar-cancel-reply', this.cancel);
    this.form.addEventListener('lar-comment-posted', this.posted);
  }

  /** Reply was pressed: the form answers `comment`, and its comment box takes focus. */
  async start(comment: Comment): Promise<void> {
    this.answer(comment);
    await this.host.updateComplete;
    await this.form.updateComplete;
    this.form.focusComment();
  }

  /** The form goes back to a new top-level comment (the page changed, or a reply was posted). */
  answer(comment: Comment | null): void {
    this.replyTo = comment;
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    const {host, form} = this;
    const threadId = host.thread?.id;
    if (threadId && threadId !== this.remembered) {
      this.remembered = threadId;
      const ids = ownComments.load(threadId);
      if (ids.length) queueMicrotask(() => host.showAlso(ids)); // not from inside the host's render
    }
    // Set like property bindings: Lit's setters only update when a value changed.
    form.store = host.store;
    form.session = host.session;
    form.thread = host.thread;
    form.replyTo = this.replyTo;
    form.offline = host.offline;
    form.messages = host.messages;
    form.providers = host.providers;
    // "Notify me of new comments via email." where the site sends them (`notifications="email"`;
    // anything else is off, like an unknown theme) and the store keeps subscriptions: never the
    // local store, where nothing would send mail. Read here rather than with the settings the first
    // render needs: only the form uses it.
    form.notifications = host.host.getAttribute('notifications') === 'email' && !!host.store?.subscribe;
    return html`${form}`;
  }

  /** Cancel reply (or Escape): back to the Reply button it came from. */
  private readonly cancel = async () => {
    const id = this.replyTo?.id;
    this.answer(null);
    await this.host.updateComplete;
    const button = id && this.host.renderRoot.querySelector<HTMLElement>(`#comment-${CSS.escape(id)} .reply`);
    (button || this.form)?.focus();
  };

  private readonly posted = (event: Event) => {
    const {detail} = event as CustomEvent<Comment>;
    this.host.ownPostIds.add(detail.id);
    if (this.host.thread) ownComments.add(this.host.thread.id, detail.id);
    this.answer(null);
    this.host.announce(this.host.messages.posted);
  };
}
