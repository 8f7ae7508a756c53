/**
 * The sign-in area of the Leave a Reply form: the provider icons, "Connecting to Google…", the
 * email-link steps, and once signed in "You are commenting using your Google account." with
 * Log Out and Change. It follows the Session it is given and never touches what the reader typed.
 *
 * It renders into the form's shadow root (no shadow root of its own), so its parts are the form's
 * parts and the form's styles reach it; it is `display: contents`, adding no box.
 */
import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {createRef, ref} from 'lit/directives/ref.js';
import {
  OAUTH_PROVIDERS,
  SessionError,
  type OAuthProviderName,
  type Session,
  type SessionUser,
  type SignInOutcome,
} from '../../../auth/session.js';
import {SessionFollower} from '../../../controllers/session-follower.js';
import {LarErrorEvent} from '../../../events/error-event.js';
import {en, type Messages} from '../../../i18n/en.js';
import {PROVIDER_NAMES} from '../../../model/providers.js';
import {isEmail} from '../../../model/validation.js';
import {defineInternal} from '../../../shell/define.js';
import type {IconName} from './provider-icons.js';

/** A way to sign in with an account, as the `providers` attribute names it. */
export type SignInChoice = OAuthProviderName | 'email';

/** What the area needs from the form around it. */
export interface SignInForm {
  /** The email typed into the guest form, offered for an email link. */
  readonly guestEmail: string;
  /** After a sign-in: on to writing. */
  focusComment(): void;
  /** After Log Out, or "comment as a guest": the guest form's first field. */
  focusGuestFields(): void;
}

/** Fired (not bubbling) when what the form shows around the area changes: the account, or "Change". */
export const SIGN_IN_CHANGE = 'lar-sign-in-change';

const isChoice = (name: string): name is SignInChoice =>
  name === 'email' || (OAUTH_PROVIDERS as readonly string[]).includes(name);

export class SignInArea extends LitElement {
  static override properties = {
    user: {state: true},
    busy: {state: true},
    status: {state: true},
    error: {state: true},
    changing: {state: true},
    emailStep: {state: true},
    email: {state: true},
  };

  /** Set by the form before each of its renders. */
  session: Session | undefined;
  messages: Messages = en;
  /** The `providers` attribute, in display order. */
  providers: readonly string[] = ['guest'];
  form: SignInForm | undefined;

  /** The reader as the session knows them (a guest too). */
  user: SessionUser | null = null;
  /** What is under way: a provider's sign-in, the email link, or logging out. */
  private busy: SignInChoice | 'out' | null = null;
  private status = '';
  private error = '';
  /** "Change" was pressed: the choices show again, for a signed-in reader. */
  private changing = false;
  private emailStep: 'closed' | 'ask' | 'confirm' | 'sent' = 'closed';
  private email = '';

  private readonly choiceList = createRef<HTMLUListElement>();
  private readonly linkEmail = createRef<HTMLInputElement>();
  private readonly changeButton = createRef<HTMLButtonElement>();

  private readonly follower = new SessionFollower(
    () => this.session,
    (user) => (this.user = user),
    (session) => {
      this.user = null;
      if (session) this.resume(session);
    },
  );

  // Light DOM: inside the form's shadow root, with the form's parts and styles.
  protected override createRenderRoot(): HTMLElement {
    this.style.display = 'contents';
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.follower.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.follower.stop();
  }

  protected override willUpdate(): void {
    this.follower.follow();
    if (this.choices.length || this.changing) void this.loadIcons();
  }

  // The icons load only for a form that shows them: a guests-only form (the default) never does.
  private icons: typeof import('./provider-icons.js') | undefined;
  private iconsLoading: Promise<void> | undefined;
  private loadIcons(): Promise<void> {
    return (this.iconsLoading ??= import('./provider-icons.js').then(
      (icons) => {
        this.icons = icons;
        this.requestUpdate();
      },
      () => {
        this.iconsLoading = undefined; // the buttons keep their labels; asked for again at the next update
      },
    ));
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('user') || changed.has('changing')) this.dispatchEvent(new Event(SIGN_IN_CHANGE));
  }

  /**
   * The account ways to sign in on offer, in the order of the providers attribute. Until the
   * session has loaded they are assumed to work, so the form does not change its shape then.
   */
  get choices(): SignInChoice[] {
    return this.session?.canSignIn === false ? [] : this.providers.filter(isChoice);
  }

  /** Whether the guest form is offered: listed, or the only way left to comment. */
  get guestAllowed(): boolean {
    return this.providers.includes('guest') || this.choices.length === 0;
  }

  /** The account the reader comments with, or null for a guest (or nobody yet). */
  get account(): SessionUser | null {
    return this.user && this.user.provider !== 'guest' ? this.user : null;
  }

  /** The guest form's fields show: nobody is signed in with an account, and guests are welcome. */
  get showsGuestFields(): boolean {
    return !this.account && this.guestAllowed;
  }

  /** Says, next to the icons, that this form needs an account. */
  requireSignIn(): void {
    this.error = this.messages.signIn.required;
    this.focusLater(() => this.firstChoice);
  }

  /** The fieldset's legend: what the reader can do, or who they are commenting as. */
  legend(): string {
    const m = this.messages;
    const account = this.account;
    if (account && !this.changing) {
      if (account.provider === 'email') return m.signIn.signedInEmail;
      if (account.provider === 'custom') return m.signIn.signedInSite;
      return m.signIn.signedIn(PROVIDER_NAMES[account.provider as OAuthProviderName] ?? account.provider);
    }
    if (account || !this.guestAllowed) return m.signIn.intro;
    // "…or click an icon to log in" only above icons to click.
    return this.choices.length ? m.guestIntro : m.guestDetails;
  }

  /** The `part="sign-in"` area, or nothing when there is nothing to choose or show. */
  override render() {
    const account = this.account;
    if (!this.choices.length && !account && this.emailStep === 'closed') return nothing;
    return html`<div part="sign-in" class="sign-in">
      ${account && !this.changing ? this.renderAccount(account) : this.renderChoices()}
      ${this.emailStep === 'ask' || this.emailStep === 'confirm' ? this.renderEmailStep() : nothing}
      <p part="status" class="status sign-in-status" role="status">${this.status}</p>
      ${this.error ? html`<p part="error" class="error sign-in-error" role="alert">${this.error}</p>` : nothing}
    </div>`;
  }

  private renderAccount(account: SessionUser) {
    const m = this.messages.signIn;
    const name = account.name?.trim();
    return html`<div class="account">
      ${
        account.avatarUrl
          ? html`<img part="avatar" class="account-photo" src=${account.avatarUrl} alt="" width="40" height="40" referrerpolicy="no-referrer" />`
          : html`<span part="avatar" class="account-photo initial" aria-hidden="true">${(name || '?').charAt(0).toUpperCase()}</span>`
      }
      ${name ? html`<span class="account-name">${name}</span>` : nothing}
      <span class="account-actions">
        <button type="button" class="link log-out" @click=${this.logOut}>${m.logOut}</button>
        <button type="button" class="link change" ${ref(this.changeButton)} @click=${this.change}>${m.change}</button>
      </span>
    </div>`;
  }

  private renderChoices() {
    const m = this.messages.signIn;
    const button = (name: IconName, label: string, onClick: () => void) =>
      html`<li>
        <button
          type="button"
          part="provider-button"
          class="provider"
          data-provider=${name}
          aria-label=${label}
          title=${label}
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${onClick}
        >
          ${this.icons?.providerIcon(name) ?? nothing}
        </button>
      </li>`;
    return html`<ul class="providers" ${ref(this.choiceList)}>
        ${this.changing && this.account && this.guestAllowed ? button('guest', m.asGuest, this.asGuest) : nothing}
        ${this.choices.map((choice) =>
          choice === 'email'
            ? button('email', m.logInWithEmail, this.openEmail)
            : button(choice, m.logInWith(PROVIDER_NAMES[choice]), () => void this.signIn(choice)),
        )}
      </ul>
      ${
        this.changing && this.account
          ? html`<button type="button" class="link keep" @click=${this.keep}>${m.keep}</button>`
          : nothing
      }`;
  }

  private renderEmailStep() {
    const m = this.messages.signIn;
    const confirming = this.emailStep === 'confirm';
    return html`<div class="email-link">
      <label for="link-email">${confirming ? m.confirmEmail : m.emailLabel}</label>
      <span class="email-row">
        <input
          ${ref(this.linkEmail)}
          part="input"
          id="link-email"
          name="link-email"
          type="email"
          autocomplete="email"
          .value=${this.email}
          @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
          @keydown=${this.onEmailKey}
        />
        <button type="button" class="secondary send-link" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.submitEmail}>
          ${confirming ? m.logIn : m.sendLink}
        </button>
      </span>
    </div>`;
  }

  /** Signs in with a provider's pop-up (a guest keeps their comments: see Session.signIn). */
  async signIn(provider: OAuthProviderName): Promise<void> {
    if (this.busy) return;
    const label = PROVIDER_NAMES[provider];
    this.begin(provider, this.messages.signIn.connecting(label));
    try {
      const session = await this.ready();
      this.succeeded(await session.signIn(provider));
    } catch (error) {
      this.failed(error, label);
    }
  }

  /** Finishes a redirect or an email link that brought the reader back here. */
  private resume(session: Session) {
    void session.resume().then((resumed) => {
      if (session !== this.follower.current) return;
      if (resumed.state === 'done') this.succeeded(resumed.outcome);
      else if (resumed.state === 'failed') this.failed(resumed.error, '');
      else if (resumed.state === 'needs-email') {
        this.emailStep = 'confirm';
      }
    });
  }

  /** The session, once the form has one (an icon may be clicked while it still loads). */
  private ready(): Promise<Session> {
    return this.follower.ready();
  }

  private begin(what: SignInChoice | 'out', status: string) {
    this.busy = what;
    this.error = '';
    this.status = status;
  }

  private succeeded(outcome: SignInOutcome) {
    const m = this.messages.signIn;
    const label =
      outcome.method === 'email' ? m.emailName : outcome.method === 'custom' ? '' : PROVIDER_NAMES[outcome.method];
    this.busy = null;
    this.changing = false;
    this.emailStep = 'closed';
    this.error = '';
    this.status = outcome.kind === 'linked' ? m.linked(label) : outcome.kind === 'switched' ? m.switched(label) : '';
    this.user = outcome.user;
    void this.updateComplete.then(() => this.form?.focusComment());
  }

  private failed(error: unknown, label: string) {
    const m = this.messages.signIn;
    const e =
      error instanceof SessionError
        ? error
        : new SessionError('failed', error instanceof Error ? error.message : String(error));
    this.busy = null;
    if (e.code === 'link-resent') {
      this.emailStep = 'sent';
      this.error = '';
      this.status = m.errors.linkResent(e.email ?? this.email);
      return;
    }
    this.status = '';
    this.error = this.errorText(e, label || m.emailName);
    if (e.code !== 'cancelled') {
      this.dispatchEvent(new LarErrorEvent({code: e.authCode ?? `sign-in-${e.code}`, message: e.message}));
    }
  }

  private errorText(error: SessionError, label: string): string {
    const e = this.messages.signIn.errors;
    switch (error.code) {
      case 'cancelled':
        return e.cancelled;
      case 'not-enabled':
        return e.notEnabled(label);
      case 'account-exists':
        return e.accountExists;
      case 'invalid-link':
        return e.invalidLink;
      case 'invalid-email':
        return e.invalidEmail;
      case 'network':
        return e.network;
      default:
        // The backend's own text ("Firebase: Error (auth/internal-error)") goes to the lar-error
        // event, not to the reader. Offline, whatever failed (the pop-up, a chunk) failed for that.
        return navigator.onLine === false ? e.network : e.failed(label);
    }
  }

  private openEmail = () => {
    if (this.busy) return;
    this.emailStep = 'ask';
    this.error = '';
    this.status = '';
    this.email ||= this.form?.guestEmail ?? '';
    this.focusLater(() => this.linkEmail.value);
  };

  private onEmailKey = (event: KeyboardEvent) => {
    // Enter here sends the link; it must not post the comment.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void this.submitEmail();
  };

  private submitEmail = async () => {
    if (this.busy) return;
    const m = this.messages.signIn;
    const email = this.email.trim();
    if (!isEmail(email)) {
      this.error = m.errors.invalidEmail;
      this.focusLater(() => this.linkEmail.value);
      return;
    }
    if (this.emailStep === 'confirm') {
      this.begin('email', m.finishing);
      try {
        this.succeeded(await (await this.ready()).completeSignInLink(email));
      } catch (error) {
        this.failed(error, m.emailName);
      }
      return;
    }
    this.begin('email', m.sendingLink);
    try {
      await (await this.ready()).sendSignInLink(email);
      this.busy = null;
      this.emailStep = 'sent';
      this.status = m.linkSent(email);
    } catch (error) {
      this.failed(error, m.emailName);
    }
  };

  private logOut = async () => {
    if (this.busy) return;
    this.begin('out', '');
    try {
      await (await this.ready()).signOut();
      this.busy = null;
      this.changing = false;
      this.status = this.messages.signIn.loggedOut;
      this.user = null;
      void this.updateComplete.then(() => {
        const first = this.firstChoice;
        if (first) first.focus();
        else this.form?.focusGuestFields();
      });
    } catch (error) {
      this.failed(error, '');
    }
  };

  private change = () => {
    this.changing = true;
    this.status = '';
    this.error = '';
    this.focusLater(() => this.firstChoice);
  };

  private keep = () => {
    this.changing = false;
    this.emailStep = 'closed';
    this.error = '';
    this.focusLater(() => this.changeButton.value);
  };

  /** From "Change": leave the account and comment as a guest (a new guest identity). */
  private asGuest = async () => {
    await this.logOut();
    this.status = '';
    void this.updateComplete.then(() => this.form?.focusGuestFields());
  };

  /** The first way to sign in on offer, if any shows. */
  private get firstChoice(): HTMLButtonElement | undefined {
    return this.choiceList.value?.querySelector('button') ?? undefined;
  }

  /** Focuses an element of this area once it has rendered. */
  private focusLater(target: () => HTMLElement | undefined) {
    void this.updateComplete.then(() => target()?.focus());
  }
}

defineInternal('lar-sign-in-area', SignInArea);

declare global {
  interface HTMLElementTagNameMap {
    'lar-sign-in-area': SignInArea;
  }
}
