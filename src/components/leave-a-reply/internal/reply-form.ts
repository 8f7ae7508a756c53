import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {SessionError, type Session, type SessionUser} from '../../../auth/session.js';
import {untilOnline} from '../../../shell/until-online.js';
import {defineInternal} from '../../../shell/define.js';
import {CommentPostedEvent} from '../../../events/comment-posted-event.js';
import {LarErrorEvent} from '../../../events/error-event.js';
import {en, type Messages} from '../../../i18n/en.js';
import type {Author, Comment, NewComment, ThreadRef} from '../../../model/comment.js';
import {LIMITS} from '../../../model/limits.js';
import {gravatarUrl, isKnownAvatar} from '../../../model/avatars.js';
import {sha256Hex} from '../../../model/sha256.js';
import {hasVisibleText} from '../../../model/text-safety.js';
import {
  cleanField,
  normalizeWebsite,
  validateDraft,
  type DraftField,
  type FieldProblem,
} from '../../../model/validation.js';
import {StoreError, type CommentStore, type SettledAuthor} from '../../../store/comment-store.js';
import {timeOrderedId} from '../../../model/comment-id.js';
import {drafts, rememberedDetails} from './drafts.js';
import {oneTabAtATime} from './one-tab-at-a-time.js';
import {formStyles} from './reply-form.styles.js';
import {bodyNodes, loadFormatter} from './comment-view.js';
import {refusalText} from './refusal-text.js';
import {SIGN_IN_CHANGE, SignInArea, type SignInForm} from './sign-in-area.js';

function problemText(m: Messages, problem: FieldProblem, length: number): string {
  const e = m.errors;
  const limit = problem.limit ?? 0;
  switch (`${problem.field}:${problem.code}`) {
    case 'body:required':
      return e.bodyRequired;
    case 'body:tooLong':
      return e.bodyTooLong(limit, length);
    case 'body:tooManyLinks':
      return e.bodyTooManyLinks(limit);
    case 'name:required':
      return e.nameRequired;
    case 'name:tooLong':
      return e.nameTooLong(limit);
    case 'email:required':
      return e.emailRequired;
    case 'email:tooLong':
      return e.emailTooLong(limit);
    case 'email:invalidEmail':
      return e.emailInvalid;
    case 'url:tooLong':
      return e.urlTooLong(limit);
    default:
      return e.urlInvalid;
  }
}

/**
 * The Leave a Reply form. Posts through the CommentStore the comment section gives it; keeps the
 * draft in this browser until the backend confirms it, so nothing typed is lost to errors or reloads.
 */
export class ReplyForm extends LitElement implements SignInForm {
  static override styles = formStyles;

  @property({attribute: false}) store: CommentStore | undefined;
  @property({attribute: false}) session: Session | undefined;

  @property({attribute: false}) thread: ThreadRef | undefined;
  @property({attribute: false}) replyTo: Comment | null = null;
  @property({attribute: false}) offline = false;
  @property({attribute: false}) messages: Messages = en;
  /** The `providers` attribute: the ways to comment, in display order. */
  @property({attribute: false}) providers: readonly string[] = ['guest'];
  /** Offers "Notify me of new comments via email." (`notifications="email"`, a store that keeps subscriptions). */
  @property({attribute: false}) notifications = false;

  @state() private body = '';
  @state() private name = '';
  @state() private email = '';
  @state() private website = '';
  @state() private remember = false;
  /** "Notify me of new comments via email." is ticked. */
  @state() private notify = false;
  @state() private errors: Partial<Record<DraftField, string>> = {};
  @state() private busy = false;
  @state() private status = '';
  @state() private postError = '';
  /** Preview is on: the comment as the thread will show it, in place of the box (which keeps the text). */
  @state() private preview: DocumentFragment | undefined;
  /** The honeypot: a field people never see or reach, which only bots fill in. */
  @state() private trap = '';
  /** After the first failed submit, fields re-validate as the reader types. */
  @state() private validateLive = false;
  /** A comment just went out and nothing was typed since: a second click of Post Comment is the same click. */
  private justPosted = false;
  /**
   * The id the text in the box is (or was) being posted under: chosen at the first Post Comment,
   * kept with the draft, reused by every retry, a reload and another tab, so it lands once.
   */
  private postId: string | undefined;
  /** A restored draft whose post may have reached the server before the reload: asked once. */
  private checkSent: {threadId: string; id: string} | undefined;

  @query('textarea') private textarea!: HTMLTextAreaElement;

  /**
   * The sign-in area: provider icons, the signed-in account, Log Out and Change. Made from its
   * class, so a second copy of the library on the page cannot hand us its own (define.ts).
   */
  private readonly signIn = new SignInArea();

  constructor() {
    super();
    this.signIn.form = this;
    // The legend and the guest fields follow who is signed in.
    this.signIn.addEventListener(SIGN_IN_CHANGE, () => this.requestUpdate());
  }

  /** The email typed into the guest form, offered when the reader asks for an email link. */
  get guestEmail(): string {
    return this.email;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('storage', this.onStorage);
    const saved = rememberedDetails.load();
    if (saved) {
      ({name: this.name, email: this.email, url: this.website} = saved);
      this.remember = true;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('storage', this.onStorage);
  }

  /**
   * Another tab of the page changed this thread's draft. When it started posting the same text,
   * this tab takes the post's id (so a press here waits for that tab, then asks, and never sends a
   * second copy); when it then cleared the draft, this tab asks whether the post landed.
   */
  private readonly onStorage = (event: StorageEvent) => {
    const threadId = this.thread?.id;
    if (!threadId || event.key !== drafts.key(threadId)) return;
    const other = drafts.load(threadId);
    if (other?.id && cleanField(other.body) === cleanField(this.body)) this.postId = other.id;
    else if (other || !this.postId) return;
    this.checkSent = {threadId, id: this.postId!};
    this.requestUpdate();
  };

  /** Moves keyboard focus to the comment box (after Reply). */
  focusComment(): void {
    if (!this.preview) return this.textarea?.focus();
    this.preview = undefined; // back to the box, to write
    void this.updateComplete.then(() => this.textarea.focus());
  }

  /** Preview, and back to the box. The formatter loads at the first press; without it, the text shows plain. */
  private async togglePreview() {
    if (this.preview) return this.focusComment();
    (await loadFormatter())?.adoptStyles(this.renderRoot);
    this.preview = bodyNodes(this.body);
  }

  /** Moves keyboard focus to the guest form's first field, when it shows. */
  focusGuestFields(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[name=email]')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before render, which asks the area what the form shows around it.
    const {signIn} = this;
    signIn.session = this.session;
    signIn.messages = this.messages;
    signIn.providers = this.providers;
    signIn.requestUpdate();
    if (changed.has('session') && this.session) {
      // What a guest's post needs loads once the browser is idle, not at the first keystroke: a
      // reader whose connection drops before they write can still queue their comment.
      const session = this.session;
      (self.requestIdleCallback ?? setTimeout)(() => session.prepare());
    }
    if (changed.has('thread') && this.thread) {
      const draft = drafts.load(this.thread.id);
      this.body = draft?.body ?? '';
      this.postId = draft?.id;
      this.notify = !!draft?.notify;
      this.checkSent = draft?.id ? {threadId: this.thread.id, id: draft.id} : undefined;
      this.status = draft?.body ? this.messages.draftRestored : '';
      this.errors = {};
      this.postError = '';
      this.preview = undefined;
    }
  }

  protected override updated(): void {
    void this.askWhetherSent();
  }

  /**
   * A draft restored with the id of a post already sent (the page reloaded while it was on its
   * way, or another tab sent it): asks the store whether it arrived, and if so the draft goes.
   * If the store cannot tell yet, the text stays; posting it again is harmless (same id).
   */
  private async askWhetherSent() {
    const check = this.checkSent;
    const {store, thread} = this;
    const user = this.signIn.user;
    if (!check || !store?.isPosted || !user || thread?.id !== check.threadId) return;
    this.checkSent = undefined;
    const posted = await store.isPosted(thread, check.id, user).catch(() => false);
    if (posted) this.sentElsewhere(check.threadId, check.id);
  }

  private saveDraft() {
    const id = this.postId;
    if (this.thread) {
      drafts.save(this.thread.id, {
        body: this.body,
        parentId: this.replyTo?.id ?? null,
        ...(id ? {id} : {}),
        notify: this.notify,
      });
    }
  }

  private onInput(field: 'body' | 'name' | 'email' | 'website', event: Event) {
    this.justPosted = false;
    this[field] = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    if (field === 'body') this.saveDraft();
    if (this.validateLive) this.errors = this.check().errors;
  }

  /** Ticked by a signed-in reader whose account has no verified address: they type one. */
  private get asksEmail(): boolean {
    const account = this.signIn.account;
    return this.notify && this.notifications && !!account && !account.email;
  }

  /**
   * The tick goes with the draft, so it survives a reload as the text does. With the box empty (a
   * post on its way) the draft is that post's, and stays as it is.
   */
  private onNotify(event: Event) {
    this.notify = (event.target as HTMLInputElement).checked;
    if (this.body) this.saveDraft();
  }

  private check() {
    const account = this.signIn.account;
    const problems = validateDraft({
      body: this.body,
      ...(this.signIn.showsGuestFields
        ? {guest: {name: this.name, email: this.email, url: this.website}}
        : this.asksEmail
          ? {email: this.email}
          : {}),
    });
    // An account without a display name (an email link, some site accounts) gives one here.
    const name = cleanField(this.name);
    if (account && !accountName(account)) {
      if (!name) problems.push({field: 'name', code: 'required'});
      else if (name.length > LIMITS.nameMax) problems.push({field: 'name', code: 'tooLong', limit: LIMITS.nameMax});
    }
    const errors: Partial<Record<DraftField, string>> = {};
    for (const p of problems) errors[p.field] ??= problemText(this.messages, p, this.body.trim().length);
    return {problems, errors};
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    this.preview = undefined; // problems, and what is typed next, show in the box
    // A double click: the first click posted and emptied the box; the second is not a new, empty comment.
    if (this.busy || (this.justPosted && !this.body.trim())) return;
    const {problems, errors} = this.check();
    this.errors = errors;
    this.postError = '';
    if (problems.length) {
      this.validateLive = true;
      this.status = this.messages.fixErrors(problems.length);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[name="${problems[0].field}"]`)?.focus();
      return;
    }
    const {store, session, thread} = this;
    if (!store || !session || !thread) return; // still loading; the button says so
    if (this.trap) {
      // A bot filled in the field nobody sees: post nothing, and let it believe it worked.
      drafts.clear(thread.id);
      this.body = '';
      this.validateLive = false;
      this.status = this.messages.posted;
      return;
    }
    const account = this.signIn.account;
    if (!account && !this.signIn.guestAllowed) {
      this.signIn.requireSignIn();
      return;
    }
    this.busy = true;
    this.status = this.messages.posting;
    // Chosen before the first attempt and kept with the draft (see postId).
    const id = (this.postId ??= timeOrderedId());
    this.saveDraft();
    const body = cleanField(this.body);
    const parentId = this.replyTo?.id ?? null;
    // The top-level comment it hangs under: the parent's root, or the parent when that is top-level.
    const rootId = this.replyTo ? (this.replyTo.rootId ?? this.replyTo.id) : undefined;
    const email = this.email.trim();
    const url = normalizeWebsite(cleanField(this.website));
    if (!account) rememberedDetails.save(this.remember ? {name: cleanField(this.name), email, url} : undefined);
    await oneTabAtATime(
      id,
      (waited) => this.send(store, session, thread, {id, parentId, rootId, body, email, url}, waited),
      () => (this.status = this.messages.sendingElsewhere),
    );
  }

  /**
   * Sends the post (the reader pressed Post Comment; its id is chosen): the box empties as the
   * comment shows in the thread as sending, and the draft stays until the backend confirms it.
   * After waiting for another tab that was sending it, it asks first whether that tab's post landed.
   */
  private async send(
    store: CommentStore,
    session: Session,
    thread: ThreadRef,
    post: Pick<NewComment, 'id' | 'parentId' | 'rootId' | 'body'> & {id: string; email: string; url: string},
    waitedForAnotherTab: boolean,
  ): Promise<void> {
    const {id, parentId, rootId, body, email, url} = post;
    const at = {id, parentId, ...(rootId ? {rootId} : {})};
    const account = this.signIn.account;
    // Where e-mails about new comments go, if asked for: the account's verified address, else the one typed.
    const notify = this.notify && this.notifications;
    const notifyTo = account?.email || email;
    const known = this.signIn.user;
    if (waitedForAnotherTab && known && (await store.isPosted?.(thread, id, known).catch(() => false))) {
      this.sentElsewhere(thread.id, id);
      return;
    }
    let pending: Promise<Comment>;
    try {
      if (account) {
        // The account's own name and photo; its email stays with Firebase Auth, out of every document.
        pending = store.post(thread, {...at, body, author: accountAuthor(account, this.name)});
      } else {
        // Shown in the thread at once under the name typed; sent once the guest's account is made
        // (a first visit signs up first, which takes a round trip or waits for the connection).
        const typed: Author = {
          uid: this.signIn.user?.uid ?? '',
          name: cleanField(this.name),
          provider: 'guest',
          ...(url ? {url} : {}),
        };
        pending = store.post(thread, {...at, body, author: typed}, this.guestAuthor(session, typed, email));
      }
    } catch (error) {
      this.failed(error, body);
      return;
    }
    drafts.save(thread.id, {body, parentId, id, notify});
    this.body = '';
    this.justPosted = true;
    this.busy = false;
    this.validateLive = false;
    this.status = this.offline ? this.messages.queued : this.messages.posting;
    try {
      const comment = await pending;
      if (this.postId === id) this.postId = undefined; // the next text is another comment
      if (!this.body) drafts.clear(thread.id);
      else this.saveDraft();
      this.status = '';
      this.dispatchEvent(new CommentPostedEvent(comment));
      // A refused subscription says so, and never takes the posted comment back. The Cloud Functions
      // first confirm an address the account has not verified (double opt-in).
      if (notify)
        await store.subscribe!(thread, {email: notifyTo, lang: this.messages.lang}, comment.author).then(
          () => (this.status = notifyTo === account?.email ? '' : this.messages.notifyConfirm),
          () => (this.postError = this.messages.notifyError),
        );
    } catch (error) {
      this.failed(error, body);
    }
  }

  /** The comment in the box was sent by another tab (or before a reload): the box and draft let it go. */
  private sentElsewhere(threadId: string, id: string) {
    if (this.thread?.id !== threadId || this.postId !== id) return;
    drafts.clear(threadId);
    this.postId = undefined;
    this.body = '';
    this.busy = false;
    this.status = this.messages.posted;
  }

  /** Who a guest's post is by, once their account is made (or an account Auth restored only now). */
  private async guestAuthor(session: Session, typed: Author, email: string): Promise<SettledAuthor> {
    const user = await this.guestAccount(session);
    // Auth may restore a signed-in account only now (a returning reader who typed quickly):
    // then the comment is that account's, with the badge the rules expect.
    if (user.provider !== 'guest') return {author: accountAuthor(user, this.name)};
    // The store leaves the picture out when the site turned Gravatar off (policy.ts, storedAuthor).
    const avatarUrl = gravatarUrl(await sha256Hex(email.toLowerCase()));
    return {author: {...typed, uid: user.uid, avatarUrl}, email};
  }

  /**
   * The guest's account. A first-time guest's sign-up needs the connection (and, if the form was
   * never focused online, the sign-in code): without one, the post waits for it like any queued
   * post, with the text kept in the box and in the draft. A browser that says it is online but
   * cannot reach Auth (a blocked request) gets a few tries, then the reason.
   */
  private async guestAccount(session: Session): Promise<SessionUser> {
    for (let tries = 1; ; tries++) {
      try {
        return await session.guest();
      } catch (error) {
        const offline = navigator.onLine === false;
        const network = error instanceof SessionError && error.code === 'network';
        if (network && !offline && tries >= 3) throw new StoreError('unavailable', error.message);
        if (!offline && !network) throw error;
        this.status = this.messages.queued;
        await untilOnline(tries);
      }
    }
  }

  /** Puts the text back (ahead of anything typed since) and says why it was not posted. */
  private failed(error: unknown, body: string) {
    this.busy = false;
    this.status = '';
    if (this.body.trim() !== body) this.body = this.body.trim() ? `${body}\n\n${this.body}` : body;
    this.saveDraft();
    const message = error instanceof Error ? error.message : String(error);
    this.postError = this.messages.postError(refusalText(this.messages, error, 'post'));
    this.dispatchEvent(new LarErrorEvent({code: error instanceof StoreError ? error.code : 'post-failed', message}));
    void this.updateComplete.then(() => this.focusComment());
  }

  /** The reader starts to write or sign in: load the sign-in code now, not at Post Comment. */
  private onFocusIn() {
    this.session?.prepare();
  }

  /** Escape leaves reply mode, as Cancel reply does. */
  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape' && this.replyTo) {
      event.preventDefault();
      this.cancelReply();
    }
  }

  private cancelReply() {
    this.dispatchEvent(new Event('lar-cancel-reply', {bubbles: true, composed: false}));
  }

  private field(
    name: 'email' | 'name' | 'url',
    label: string,
    value: string,
    type: string,
    autocomplete: string,
    note?: string,
  ) {
    const error = this.errors[name];
    const input = name === 'url' ? 'website' : name;
    const describedBy = [note ? `${name}-note` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field" class="field">
      <label for=${name}>${label}</label>
      <input
        part="input"
        id=${name}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        aria-required=${name === 'url' ? nothing : 'true'}
        @input=${(e: Event) => this.onInput(input, e)}
      />
      ${note ? html`<span class="note" id=${`${name}-note`}>${note}</span>` : nothing}
      ${error ? html`<span part="error" class="error" id=${`${name}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  override render() {
    const m = this.messages;
    const bodyError = this.errors.body;
    const ready = !!(this.store && this.session && this.thread);
    // #form-context names the form landmark after its page too (aria-labelledby reads hidden
    // text), so several widgets on one page stay distinct. (Said here rather than as an HTML
    // comment in the template, which every reader would download and every form would clone.)
    return html`<form
      part="form"
      novalidate
      @submit=${this.onSubmit}
      @keydown=${this.onKeydown}
      @focusin=${this.onFocusIn}
      aria-labelledby="form-title form-context"
    >
      <span id="form-context" hidden>${this.thread?.title ?? ''}</span>
      <h3 part="form-title" id="form-title">
        ${this.replyTo ? m.leaveReplyTo(this.replyTo.author.name) : m.leaveReply}
        ${
          this.replyTo
            ? html`<button type="button" class="cancel" @click=${this.cancelReply}>${m.cancelReply}</button>`
            : nothing
        }
      </h3>
      <div part="field" class="field">
        <label for="body">${m.comment}</label>
        <textarea
          part="textarea"
          id="body"
          name="body"
          rows="6"
          .value=${this.body}
          ?hidden=${!!this.preview}
          aria-invalid=${bodyError ? 'true' : 'false'}
          aria-describedby=${bodyError ? 'body-hint body-error' : 'body-hint'}
          aria-required="true"
          @input=${(e: Event) => this.onInput('body', e)}
        ></textarea>
        ${this.preview ? html`<div class="body preview">${this.preview}</div>` : nothing}
        ${bodyError ? html`<span part="error" class="error" id="body-error">${bodyError}</span>` : nothing}
        <span class="note" id="body-hint">${m.formattingHint}</span>
        <button type="button" class="link" aria-pressed=${this.preview ? 'true' : 'false'} @click=${this.togglePreview}>
          ${m.preview}
        </button>
      </div>
      <fieldset class="identity">
        <legend>${this.signIn.legend()}</legend>
        ${this.signIn}
        ${
          this.signIn.showsGuestFields
            ? html`${this.field('email', m.email, this.email, 'email', 'email', m.emailNote)}
              ${this.field('name', m.name, this.name, 'text', 'name')}
              ${this.field('url', m.website, this.website, 'url', 'url')}
              <label class="remember">
                <input
                  type="checkbox"
                  name="remember"
                  .checked=${this.remember}
                  @change=${(e: Event) => (this.remember = (e.target as HTMLInputElement).checked)}
                />
                ${m.remember}
              </label>`
            : nothing
        }
        ${this.signIn.account && !accountName(this.signIn.account) ? this.field('name', m.name, this.name, 'text', 'name') : nothing}
      </fieldset>
      <div class="trap" aria-hidden="true" inert>
        <label for="subject">${m.honeypot}</label>
        <input
          id="subject"
          name="subject"
          type="text"
          tabindex="-1"
          autocomplete="off"
          .value=${this.trap}
          @input=${(e: Event) => (this.trap = (e.target as HTMLInputElement).value)}
        />
      </div>
      ${
        this.notifications
          ? html`<label class="remember"><input type="checkbox" name="notify" .checked=${this.notify} @change=${this.onNotify} />${m.notify}</label>
              ${this.asksEmail ? this.field('email', m.email, this.email, 'email', 'email', m.emailNote) : nothing}`
          : nothing
      }
      ${this.postError ? html`<p part="error" class="error post-error" role="alert">${this.postError}</p>` : nothing}
      <p part="status" class="status" role="status">${this.status}</p>
      <button part="submit" type="submit" class="submit" ?disabled=${this.busy || !ready} aria-disabled=${this.busy ? 'true' : 'false'}>
        ${m.postComment}
      </button>
    </form>`;
  }
}

/** The account's display name as it would be posted; '' when it shows nothing. */
function accountName(account: SessionUser): string {
  const name = cleanField(account.name ?? '');
  return hasVisibleText(name) ? name : '';
}

/** The comment's author for a reader signed in with an account. */
function accountAuthor(account: SessionUser, typedName: string): Author {
  const name = (accountName(account) || cleanField(typedName)).slice(0, LIMITS.nameMax);
  // Only a photo from the provider's own image hosts (firestore.rules, knownAvatar).
  const photo = isKnownAvatar(account.avatarUrl, account.provider);
  return {uid: account.uid, name, provider: account.provider, ...(photo ? {avatarUrl: account.avatarUrl} : {})};
}

defineInternal('lar-reply-form', ReplyForm);

declare global {
  interface HTMLElementTagNameMap {
    'lar-reply-form': ReplyForm;
  }
}
